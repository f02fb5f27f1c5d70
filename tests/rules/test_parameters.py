"""Every amount has a source: each non-null parameter value carries a reference."""

from __future__ import annotations

from wlz.rules.system import systeem


def _parameters(node):
    if hasattr(node, "values_list"):
        yield node
        return
    for kind in node.children.values():
        yield from _parameters(kind)


def test_elke_parameterwaarde_heeft_een_bron():
    zonder = []
    for parameter in _parameters(systeem().parameters):
        for waarde in parameter.values_list:
            if waarde.value is not None and not waarde.metadata.get("reference"):
                zonder.append(f"{parameter.name}@{waarde.instant_str}")
    assert not zonder, f"waarden zonder bron: {zonder[:10]}"


def test_elke_zichtbare_regel_noemt_een_grondslag():
    from wlz.rules.explain import result_variables

    zonder = [v.name for v in result_variables(systeem()) if not type(v).wlz_bronnen()]
    assert not zonder, f"regels zonder bron: {zonder}"
