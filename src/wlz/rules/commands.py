"""``wlz bereken SITUATIE.yaml [--json]``: compute and explain a client situation in the terminal."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.table import Table

from wlz.common.errors import InvoerFout
from wlz.common.formatting import format_euro
from wlz.rules.results import Berekening, Resultaat


def _read_file(pad: Path) -> Any:
    from wlz.rules.files import read_data
    from wlz.rules.situatie import REGEL_FORMAAT

    return read_data(pad, "SITUATIE", REGEL_FORMAAT)


def _value_text(r: Resultaat) -> str:
    w = r.waarde
    if w is None:  # a test with an unknown input has no outcome: never a "nee" that reads as a refusal
        return "kan niet worden beoordeeld" if r.eenheid == "ja_nee" else "onbekend"
    if isinstance(w, bool):
        return "ja" if w else "nee"
    if isinstance(w, float):
        return format_euro(w + 0.0, cents="auto")  # + 0.0: a rounded -0.0 reads as € 0
    return str(w)


def show(uitkomst: Berekening, console: Console) -> None:
    """Print every result grouped, each with its explanation and the parameter values and sources used."""
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
                    "  [dim]Grondslag: " + "; ".join(f"{b.titel} <{b.url}>" for b in r.bronnen) + "[/dim]",
                    highlight=False,
                )


def register(app: typer.Typer) -> None:
    @app.command("bereken")
    def bereken_cmd(
        situatie: Path = typer.Argument(..., help="Situatie als YAML- of JSON-bestand"),
        als_json: bool = typer.Option(False, "--json", help="Uitkomst als JSON (voor de service en brieven)"),
        hervorming: str = typer.Option(
            None, "--hervorming", help="Bereken met een hervorming, bijv. toeslagen_in_budget"
        ),
        parameters: Path = typer.Option(
            None, "--parameters", help="YAML-bestand met eigen parameterwaarden (zie wlz.rules.overlay)"
        ),
    ) -> None:
        """Bereken budgetten, toetsen, regelingen en eigen bijdrage voor een situatie, met uitleg en bronnen."""
        from wlz.rules.api import bereken

        console = Console()
        try:
            data = _read_file(situatie)
            bestand = None
            if parameters is not None:  # the one loader of parameter files: keeps bron and voorbeeld
                from wlz.rules.overlay import load_file

                bestand = load_file(parameters, "--parameters")
            uitkomst = bereken(data, hervorming=hervorming, parameterbestand=bestand)
        except InvoerFout as fout:
            if als_json:
                typer.echo(json.dumps({"fout": fout.as_dict()}, ensure_ascii=False))
            else:
                Console(stderr=True).print(f"[red]Fout in de invoer[/red] — {fout}", highlight=False)
            raise typer.Exit(2) from None
        if als_json:
            typer.echo(json.dumps(uitkomst.as_dict(), ensure_ascii=False, indent=2))
        else:
            show(uitkomst, console)
