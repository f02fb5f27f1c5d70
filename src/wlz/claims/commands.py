"""The ``wlz analyse`` command: the NZa declaration analysis on a folder of claims tables."""

from __future__ import annotations

from pathlib import Path

import typer

from wlz.claims.engines import Engine


def register(app: typer.Typer) -> None:
    @app.command("analyse")
    def analyse_cmd(
        invoer: Path = typer.Argument(..., help="Map met wlz_zin, pgb, zvw en prestatiecodes (.parquet of .csv)."),
        out: Path = typer.Option(..., "--out", help="Uitvoermap voor de CSV-tabellen, grafieken en rapport.html."),
        jaar: int = typer.Option(2019, "--jaar", help="Het jaar van de grafieken die één jaar tonen."),
        engine: Engine = typer.Option(Engine.DUCKDB, "--engine", help="duckdb (standaard, out of core) of spark."),
        geheugen: str = typer.Option("3GB", "--geheugen", help="Geheugenlimiet voor DuckDB; daarboven naar schijf."),
        clienttabel: bool = typer.Option(
            False, "--clienttabel", help="Schrijf ook client_maanden/ (Parquet, één rij per cliëntmaand)."
        ),
    ) -> None:
        """Voer de declaratie-analyse van de NZa (advies behandeling Wlz, bijlage 3) uit."""
        from wlz.claims import InputError, analyse

        try:
            res = analyse(invoer, out, jaar=jaar, engine=engine.value, geheugen=geheugen, clienttabel=clienttabel)
        except InputError as fout:
            typer.echo(f"Fout in de invoer: {fout}", err=True)
            raise typer.Exit(2) from None
        totaal = sum(s.seconds for s in res.steps)
        typer.echo(f"Klaar in {totaal:.1f} s. Uitvoer in {res.output}:")
        for naam in sorted(p.name for p in res.output.iterdir()):
            typer.echo(f"  {naam}")
