"""``wlz inkoop``: the zorginkoop's command line, part B: declarations (import a provider's file, export the accepted
lines for ``wlz analyse``), the ledger of persoonsvolgende bekostiging, the reports and the zorgplicht check.

The commands act as the system in the role ``zorginkoper`` (``services.declaraties.SYSTEEM_INKOOP``), logged as
such in the access log, on the database of ``WLZ_DATABASE_URL`` (migrated first).
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

import typer

HELP = "Zorginkoop: declaraties inlezen en exporteren, grootboek, rapportage en zorgplichtcontrole."


def _uow() -> Any:
    from wlz.platform.database import make_engine

    from .config import Settings
    from .storage import migrate
    from .storage.uow import UnitOfWorkFactory

    engine = make_engine(Settings.from_env().database_url)
    migrate.upgrade(engine)
    return UnitOfWorkFactory(engine)


def _fout(exc: Exception) -> typer.Exit:
    veld = getattr(exc, "veld", None)
    tekst = getattr(exc, "bericht", None) or str(exc)
    typer.echo(f"Fout{f' ({veld})' if veld else ''}: {tekst}", err=True)
    return typer.Exit(2)


def _euro(cent: int) -> str:
    from wlz.common.formatting import format_euro

    return format_euro(cent / 100)


def register(app: typer.Typer) -> None:
    inkoop = typer.Typer(help=HELP, no_args_is_help=True)
    decl = typer.Typer(help="Declaraties van zorgaanbieders (importeer, exporteer).", no_args_is_help=True)

    @decl.command("importeer")
    def importeer(
        bestand: Path = typer.Argument(..., help="Declaratiebestand (CSV of Parquet, kolommen van wlz_zin)"),
        agb: str = typer.Option(..., "--agb", help="AGB-code van de zorgaanbieder van het bestand"),
    ) -> None:
        """Lees een declaratiebestand van één zorgaanbieder in en controleer elke regel in de database."""
        import time

        from .domain.declaratie import REDENEN
        from .domain.fouten import DomainError
        from .services import declaraties, declaraties_bestand

        uowf = _uow()
        begin = time.perf_counter()
        try:
            naam, data = declaraties_bestand.read_path(bestand)
            with uowf(write=True) as uow:
                r = declaraties.importeer(uow, declaraties.SYSTEEM_INKOOP, agb_code=agb, bestandsnaam=naam, data=data)
        except DomainError as exc:
            raise _fout(exc) from None
        except ValueError as exc:  # InputError of the file itself
            raise _fout(exc) from None
        typer.echo(
            f"Bestand {r.bestandsnaam} (zorgaanbieder {r.agb_code}): {r.aantal_regels} regels, "
            f"{r.aantal_geaccepteerd} geaccepteerd ({_euro(r.bedrag_geaccepteerd_cent)}), "
            f"{r.aantal_geweigerd} geweigerd ({time.perf_counter() - begin:.1f} s). Batch {r.batch_id}."
        )
        for code, n in r.per_reden.items():
            typer.echo(f"  {code} {REDENEN[code]}: {n}")

    @decl.command("exporteer")
    def exporteer(
        uit: Path = typer.Option(..., "--uit", help="Map voor wlz_zin.csv (invoer van wlz analyse)"),
        agb: str | None = typer.Option(None, "--agb", help="Alleen deze zorgaanbieder"),
        van: str | None = typer.Option(None, "--van", help="Regels met een dag op of na deze datum (JJJJ-MM-DD)"),
        tot: str | None = typer.Option(None, "--tot", help="Regels met een dag op of voor deze datum (JJJJ-MM-DD)"),
    ) -> None:
        """Schrijf de geaccepteerde declaratieregels als wlz_zin.csv, de invoer van wlz analyse."""
        from .domain.fouten import DomainError
        from .services import declaraties

        def datum(tekst: str | None, veld: str) -> dt.date | None:
            if tekst is None:
                return None
            try:
                return dt.date.fromisoformat(tekst)
            except ValueError:
                raise _fout(DomainError("Geen datum (JJJJ-MM-DD).", veld)) from None

        uowf = _uow()
        uit.mkdir(parents=True, exist_ok=True)
        doel = uit / "wlz_zin.csv"
        tijdelijk = uit / "wlz_zin.csv.deel"
        try:
            with uowf() as uow, tijdelijk.open("wb") as fh:
                n = 0
                for stuk in declaraties.exporteer(
                    uow, declaraties.SYSTEEM_INKOOP, agb_code=agb, van=datum(van, "van"), tot=datum(tot, "tot")
                ):
                    fh.write(stuk)
                    n += stuk.count(b"\n")
        except DomainError as exc:
            tijdelijk.unlink(missing_ok=True)
            raise _fout(exc) from None
        tijdelijk.replace(doel)  # never half a file under the final name
        typer.echo(f"{n - 1} regels geschreven naar {doel}")

    inkoop.add_typer(decl, name="declaraties")

    @inkoop.command("grootboek")
    def grootboek(
        jaar: int = typer.Option(..., "--jaar", help="Kalenderjaar"),
        agb: str | None = typer.Option(None, "--agb", help="Alleen deze zorgaanbieder"),
    ) -> None:
        """Persoonsvolgende bekostiging: per zorgaanbieder en maand de cliënten die kozen en het geld dat volgde."""
        from .domain.fouten import DomainError
        from .services import declaraties

        uowf = _uow()
        try:
            with uowf(write=True) as uow:
                regels = declaraties.grootboek(uow, declaraties.SYSTEEM_INKOOP, jaar, agb)
        except DomainError as exc:
            raise _fout(exc) from None
        typer.echo("agb_code;naam;maand;clienten_gekozen;clienten_gedeclareerd;regels;bedrag")
        for r in regels:
            typer.echo(
                f"{r.agb_code};{r.naam};{r.maand};{r.clienten_gekozen};{r.clienten_gedeclareerd};{r.regels};"
                f"{r.bedrag_cent / 100:.2f}"
            )

    @inkoop.command("rapport")
    def rapport(
        jaar: int = typer.Option(..., "--jaar", help="Kalenderjaar"),
        json_: bool = typer.Option(False, "--json", help="Als JSON"),
    ) -> None:
        """Rapportage per regio en jaar: cliënten per aanbieder, aandeel, geld, contracten per vorm, wachtenden."""
        import json

        from .domain.fouten import DomainError
        from .services import declaraties, inkoop_rapport

        uowf = _uow()
        try:
            with uowf(write=True) as uow:
                r = inkoop_rapport.rapport(uow, declaraties.SYSTEEM_INKOOP, jaar)
        except DomainError as exc:
            raise _fout(exc) from None
        if json_:
            json.dump(inkoop_rapport.as_dict(r), sys.stdout, ensure_ascii=False, indent=2, default=str)
            typer.echo("")
            return
        typer.echo(inkoop_rapport.as_text(r))

    app.add_typer(inkoop, name="inkoop")
