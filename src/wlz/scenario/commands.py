"""The ``wlz scenario`` command: run a scenario file on a basis, or compare two scenario files."""

from __future__ import annotations

import time
from pathlib import Path

import typer

from wlz.claims.engines import Engine


def register(app: typer.Typer) -> None:
    @app.command("scenario")
    def scenario_cmd(
        bestanden: list[str] = typer.Argument(
            ..., help="SCENARIO.yaml, of 'vergelijk A.yaml B.yaml' om twee scenario's naast elkaar te zetten."
        ),
        basis: str = typer.Option(
            "seed004",
            "--basis",
            help="seed004 (tabellen 5-6, 2019), seed004-sector (tabellen 1-2, 2018-2021), een "
            "uitvoermap van wlz analyse of een map met declaraties (eerst geanalyseerd).",
        ),
        out: Path | None = typer.Option(
            None, "--out", help="Uitvoermap voor de CSV-tabellen, scenario.json en rapport.html."
        ),
        jaar: int | None = typer.Option(None, "--jaar", help="Basisjaar (standaard het jaar uit het scenario)."),
        rapport: bool = typer.Option(True, "--rapport/--geen-rapport", help="Schrijf rapport.html."),
        engine: Engine = typer.Option(
            Engine.DUCKDB,
            "--engine",
            help="Engine van de analyse van een declaratiemap en van de cliënttabel (cliëntniveau): duckdb of spark.",
        ),
    ) -> None:
        """Reken beleidsopties door: knip, taakstelling, behandeling naar Zvw, alles integraal, vpt, EKT, toeslagen."""
        from rich.console import Console

        from wlz.common.errors import InputError

        console = Console(stderr=True)
        try:
            if bestanden[0] == "vergelijk":
                if len(bestanden) != 3:
                    raise InputError("vergelijk", "geef precies twee scenariobestanden: vergelijk A.yaml B.yaml")
                _vergelijk(console, Path(bestanden[1]), Path(bestanden[2]), basis, out, jaar)
                return
            if len(bestanden) != 1:
                raise InputError("scenario", "geef één scenariobestand (of 'vergelijk A.yaml B.yaml')")
            if out is None:
                raise InputError("--out", "geef een uitvoermap")
            _run(console, Path(bestanden[0]), basis, out, jaar, rapport, engine.value)
        except InputError as fout:
            typer.echo(f"Fout in de invoer: {fout}", err=True)
            raise typer.Exit(2) from None


def _lees(pad: Path, jaar: int | None) -> object:
    from wlz.scenario import read_scenario

    s = read_scenario(pad)
    return s.model_copy(update={"jaar": jaar}) if jaar is not None else s


def _run(
    console: object, pad: Path, basis: str, out: Path, jaar: int | None, rapport: bool, engine: str = "duckdb"
) -> None:
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from wlz.scenario import Scenario, read_basis, run_scenario, write_outputs

    assert isinstance(console, Console)
    begin = time.perf_counter()
    with Progress(
        SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(), console=console, transient=True
    ) as voortgang:
        taak = voortgang.add_task("scenario lezen", total=None)
        scenario = _lees(pad, jaar)
        assert isinstance(scenario, Scenario)
        voortgang.update(taak, description=f"basis lezen ({basis})")
        b = read_basis(basis, scenario.jaar, werkmap=out / "analyse", engine=engine)
        voortgang.update(taak, description="opties doorrekenen")
        uitkomst = run_scenario(scenario, b)
        voortgang.update(taak, description="uitvoer en rapport schrijven")
        paden = write_outputs(uitkomst, out, rapport=rapport)
    typer.echo(f"Klaar in {time.perf_counter() - begin:.2f} s. Uitvoer in {out}:")
    for p in paden:
        typer.echo(f"  {p.name}")
    for m in uitkomst.meldingen:
        typer.echo(f"  let op: {m.removeprefix('let op: ')}")


def _vergelijk(console: object, a: Path, b: Path, basis: str, out: Path | None, jaar: int | None) -> None:
    from rich.console import Console
    from rich.table import Table

    from wlz.scenario import Scenario, read_basis, run_scenario
    from wlz.scenario.vergelijk import compare

    assert isinstance(console, Console)
    sa, sb = _lees(a, jaar), _lees(b, jaar)
    assert isinstance(sa, Scenario) and isinstance(sb, Scenario)
    bas = read_basis(basis, sa.jaar, werkmap=(out / "analyse") if out else None)
    tabel = compare(run_scenario(sa, bas), run_scenario(sb, bas))
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
        tabel.to_csv(out / "vergelijking.csv", index=False, lineterminator="\n")
    t = Table(title=f"Vergelijking {sa.naam} ↔ {sb.naam} (basis {bas.naam})")
    for k in tabel.columns:
        t.add_column(str(k))
    for rij in tabel.itertuples(index=False):
        t.add_row(*("" if v is None or v != v else (f"{v:,.2f}" if isinstance(v, float) else str(v)) for v in rij))
    Console().print(t)
    if out is not None:
        typer.echo(f"vergelijking.csv in {out}")
