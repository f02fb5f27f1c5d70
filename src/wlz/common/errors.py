"""The one error type for bad input, shared by the rules, the claims analysis, the scenarios and the contexts.

Every layer reports bad input the same way: the field (``veld``, a dotted path a user can find in their input),
a Dutch message, and where a law article or rule forbids the value, that rule (``regel``). Entry points turn it
into exit code 2 (CLI) or a 422 naming the field (API and pages). A message never holds a BSN.
"""

from __future__ import annotations

from typing import Any


class InputError(ValueError):
    """Bad input: ``veld`` names the field, ``melding`` says what is wrong in Dutch, ``regel`` the rule it breaks."""

    def __init__(self, veld: str | None, melding: str, regel: str | None = None) -> None:
        self.veld = veld
        self.melding = melding
        self.regel = regel
        tekst = f"{veld}: {melding}" if veld else melding
        super().__init__(tekst + (f" ({regel})" if regel else ""))

    def __reduce__(self) -> tuple[Any, ...]:
        # keeps the fields when the error crosses a process boundary (pickled from a helper process)
        return (type(self), (self.veld, self.melding, self.regel))

    def as_dict(self) -> dict[str, Any]:
        return {"veld": self.veld, "melding": self.melding, "regel": self.regel}
