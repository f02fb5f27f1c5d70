"""``wlz bereken SITUATIE.yaml [--json]``: compute and explain a client situation in the terminal; ``wlz parameters
controleer BESTAND``: check an installation's own parameter table before it is used.

Imports are made where they are used: the rules (numpy, OpenFisca, the parameters) load only when a command
computes, and rich only when it prints to a terminal (``wlz bereken --json`` does not).
"""

from __future__ import annotations

import enum
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

if TYPE_CHECKING:
    from rich.console import Console

    from wlz.rules.results import Berekening, Resultaat


def _read_file(pad: Path) -> Any:
    from wlz.rules.files import read_data
    from wlz.rules.situatie import REGEL_FORMAAT

    return read_data(pad, "SITUATIE", REGEL_FORMAAT)


def _value_text(r: Resultaat) -> str:
    from wlz.common.formatting import format_euro

    w = r.waarde
    if w is None:  # a test with an unknown input has no outcome: never a "nee" that reads as a refusal
        return "kan niet worden beoordeeld" if r.eenheid == "ja_nee" else "onbekend"
    if isinstance(w, bool):
        return "ja" if w else "nee"
    if isinstance(w, float):
        return format_euro(w + 0.0, cents="auto")  # + 0.0: a rounded -0.0 reads as € 0
    return str(w)


def _bron_text(titel: str, url: str) -> str:
    return f"{titel} <{url}>" if url else titel


def show(uitkomst: Berekening, console: Console) -> None:
    """Print every result grouped, each with its explanation and the parameter values and sources used."""
    from rich.table import Table

    console.print(
        f"[bold]Zorgprofiel {uitkomst.zorgprofiel}[/bold]: {uitkomst.zorgprofiel_naam} — leveringsvorm "
        f"{uitkomst.leveringsvorm} — periode {uitkomst.van.isoformat()} t/m {uitkomst.tot.isoformat()}"
        + (f" — hervorming: {uitkomst.hervorming}" if uitkomst.hervorming else "")
    )
    if uitkomst.voorbeeld:
        console.print(
            "[yellow]Let op: een of meer bedragen zijn voorbeeldwaarden (voorbeeld), geen vastgestelde "
            "bedragen.[/yellow]"
        )
    for jaar in uitkomst.jaren:
        console.rule(f"{jaar.jaar} (peildatum {jaar.peildatum.isoformat()})")
        groep = None
        for r in jaar.resultaten:
            if r.groep != groep:
                groep = r.groep
                console.print(f"\n[bold underline]{groep}[/bold underline]")
            label = r.label + (" [yellow](voorbeeld)[/yellow]" if r.voorbeeld else "")
            console.print(f"[bold]{label}[/bold]: {_value_text(r)}")
            console.print(f"  {r.uitleg}", highlight=False)
            if r.per_maand:
                console.print("  Per maand: " + ", ".join(f"{m}: {v}" for m, v in r.per_maand.items()))
            if r.parameters:
                tabel = Table(show_header=True, header_style="dim", box=None, padding=(0, 2))
                for kolom in ("parameter", "waarde", "geldig vanaf", "bron"):
                    tabel.add_column(kolom, style="dim")
                for p in r.parameters:
                    tabel.add_row(
                        p.naam,
                        str(p.waarde) + (" (voorbeeld)" if p.voorbeeld else ""),
                        p.geldig_vanaf.isoformat() if p.geldig_vanaf else "",
                        p.bron or "",
                    )
                console.print(tabel)
            if r.bronnen:
                console.print(
                    "  [dim]Grondslag: " + "; ".join(_bron_text(b.titel, b.url) for b in r.bronnen) + "[/dim]",
                    highlight=False,
                )


def _hervormingen() -> type[enum.Enum]:
    """The reforms a situation can name, as an enum built from the registry (so ``--help`` lists them)."""
    from wlz.rules.reforms import HERVORMINGEN

    return enum.Enum("Hervorming", {naam: naam for naam in HERVORMINGEN}, type=str)  # type: ignore[return-value]


#: the reforms as an enum, built by :func:`register` (a module name: typer reads the annotations by name)
Hervorming: Any = None


def register(app: typer.Typer) -> None:
    global Hervorming
    Hervorming = _hervormingen()

    @app.command("bereken")
    def bereken_cmd(
        situatie: Path = typer.Argument(..., help="Situatie als YAML- of JSON-bestand"),
        als_json: bool = typer.Option(False, "--json", help="Uitkomst als JSON (voor de service en brieven)"),
        hervorming: Hervorming = typer.Option(None, "--hervorming", help="Bereken met een hervorming"),
        parameters: Path = typer.Option(
            None, "--parameters", help="YAML-bestand met eigen parameterwaarden (zie wlz parameters controleer)"
        ),
    ) -> None:
        """Bereken budgetten, toetsen, regelingen en eigen bijdrage voor een situatie, met uitleg en bronnen."""
        from wlz.common.errors import InputError

        try:
            data = _read_file(situatie)
            bestand = None
            if parameters is not None:  # the one loader of parameter files: keeps bron and voorbeeld
                from wlz.rules.overlay import load_file

                bestand = load_file(parameters, "--parameters")
            from wlz.rules.api import bereken

            uitkomst = bereken(
                data, hervorming=None if hervorming is None else hervorming.value, parameterbestand=bestand
            )
        except InputError as fout:
            if als_json:
                typer.echo(json.dumps({"fout": fout.as_dict()}, ensure_ascii=False))
            else:
                from rich.console import Console

                Console(stderr=True).print(f"[red]Fout in de invoer[/red] — {fout}", highlight=False)
            raise typer.Exit(2) from None
        if als_json:
            typer.echo(json.dumps(uitkomst.as_dict(), ensure_ascii=False, indent=2))
        else:
            from rich.console import Console

            show(uitkomst, Console())

    parameters_app = typer.Typer(help="Eigen parametertabellen van een installatie (controleer).", no_args_is_help=True)

    @parameters_app.command("controleer")
    def controleer_cmd(
        bestand: Path = typer.Argument(..., help="De parametertabel (YAML) die de installatie wil gebruiken"),
        als_json: bool = typer.Option(False, "--json", help="Het rapport als JSON"),
    ) -> None:
        """Controleer een eigen parametertabel: bron bij elke waarde, datums, eenheden en namen; met een rapport van
        wat de tabel aanvult en wat onbekend blijft."""
        from wlz.common.errors import InputError
        from wlz.rules.check_parameters import check_file

        try:
            rapport = check_file(bestand)
        except InputError as fout:
            if als_json:
                typer.echo(json.dumps({"fout": fout.as_dict()}, ensure_ascii=False))
            else:
                typer.echo(f"Fout in de invoer — {fout}", err=True)
            raise typer.Exit(2) from None
        typer.echo(json.dumps(rapport.as_dict(), ensure_ascii=False, indent=2) if als_json else rapport.tekst())
        if rapport.fouten:
            raise typer.Exit(1)

    app.add_typer(parameters_app, name="parameters")
