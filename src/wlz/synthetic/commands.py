"""The ``wlz genereer`` command: write the calibrated synthetic national claims dataset."""

from __future__ import annotations

from pathlib import Path

import typer

from wlz.synthetic.generate import OutputFormat

_STAPPEN = {"clienten": "Cliënten en leveringsvormhistorie", "regels": "Declaratieregels schrijven"}


def register(app: typer.Typer) -> None:
    @app.command("genereer")
    def genereer_cmd(
        out: Path = typer.Option(..., "--out", help="Map voor wlz_zin, pgb, zvw en prestatiecodes."),
        jaren: str = typer.Option("2018-2021", "--jaren", help="Jaar of bereik binnen 2018-2021."),
        schaal: float = typer.Option(1.0, "--schaal", help="1.0 = landelijk (seed 004); 0.01 = 1 procent."),
        seed: int = typer.Option(0, "--seed", help="Zelfde seed, zelfde bestanden."),
        fouten: int = typer.Option(
            0, "--fouten", help="Voeg per soort fout zoveel onleesbare regels toe (voor de quarantaine)."
        ),
        formaat: OutputFormat = typer.Option(OutputFormat.PARQUET, "--formaat", help="parquet (standaard) of csv."),
        agb: bool = typer.Option(False, "--agb", help="Synthetische zorgaanbieder (agb_code) in wlz_zin."),
    ) -> None:
        """Genereer de synthetische landelijke declaratiedataset, gekalibreerd op seed 004 (tabellen 1-6)."""
        from rich.progress import BarColumn, Progress, TaskID, TextColumn, TimeElapsedColumn

        from wlz.synthetic.generate import generate, parse_years

        try:
            jaarlijst = parse_years(jaren)
            if schaal <= 0:
                raise ValueError("--schaal moet groter dan 0 zijn")
        except ValueError as fout:
            typer.echo(f"Fout: {fout}", err=True)
            raise typer.Exit(2) from None
        with Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            TextColumn("{task.completed}/{task.total}"),
            TimeElapsedColumn(),
        ) as progress:
            taken: dict[str, TaskID] = {}

            def voortgang(stap: str, gedaan: int, totaal: int) -> None:
                if stap not in taken:
                    taken[stap] = progress.add_task(_STAPPEN.get(stap, stap), total=totaal)
                progress.update(taken[stap], completed=gedaan, total=totaal)

            h = generate(out, jaarlijst, schaal, seed, fouten, formaat.value, voortgang, agb=agb)
        typer.echo(f"Klaar in {h['seconden']} s: {h['clienten_gesimuleerd']} cliënten, map {out}")
        for naam, n in h["rijen"].items():
            typer.echo(f"  {naam}: {n} rijen")
