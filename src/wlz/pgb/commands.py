"""``wlz pgb serve | demo | controleer | importeer | exporteer | declaraties``: the pgb service, its demo data, the
ledger check, the zorgkantoor's records in, the claims table out, and a batch of declarations."""

from __future__ import annotations

from pathlib import Path

import typer

HELP = "Pgb-administratie: budgetplan, zorgovereenkomsten, trekkingsrecht, vorderingen (serve, demo, controleer)."

#: who the command line acts as in the access log
_CLI = ("cli", "cli")


def register(app: typer.Typer) -> None:
    pgb = typer.Typer(help=HELP, no_args_is_help=True)

    @pgb.command()
    def serve(
        host: str = typer.Option("127.0.0.1", help="Adres om op te luisteren"),
        port: int = typer.Option(8002, help="Poort"),
    ) -> None:
        """Start de pgb-service (pagina's en /api). Migreert de pgb-database eerst."""
        import uvicorn

        from wlz.platform.database import make_engine

        from .config import PgbSettings
        from .storage.uow import upgrade

        settings = PgbSettings.from_env()
        engine = make_engine(settings.database_url)
        upgrade(engine)
        engine.dispose()
        typer.echo(f"wlz pgb op http://{host}:{port}/  (API-documentatie: /api/docs)")
        uvicorn.run("wlz.pgb.app:create_app", factory=True, host=host, port=port, workers=1, access_log=False)

    @pgb.command()
    def demo(
        reset: bool = typer.Option(False, "--reset", help="Wis eerst alle gegevens (alleen de demodatabase!)"),
    ) -> None:
        """Vul de pgb-database met synthetische budgethouders, plannen, overeenkomsten, betalingen en een vordering."""
        from wlz.common.errors import InputError
        from wlz.platform.database import make_engine

        from .config import PgbSettings
        from .demo import vul

        engine = make_engine(PgbSettings.from_env().database_url)
        try:
            typer.echo(vul(engine, reset=reset))
        except InputError as e:  # e.g. demo data already present without --reset
            typer.echo(f"fout: {e}", err=True)
            raise typer.Exit(2) from None

    @pgb.command()
    def controleer() -> None:
        """Controleer het grootboek: elke beschikking in balans en gelijk aan journaal, betalingen en reserveringen."""
        from wlz.platform.database import make_engine

        from .config import PgbSettings
        from .services import controleer_grootboek
        from .storage.uow import unit_of_work_factory, upgrade

        engine = make_engine(PgbSettings.from_env().database_url)
        upgrade(engine)
        fouten = controleer_grootboek(unit_of_work_factory(engine))
        for f in fouten:
            typer.echo(f)
        typer.echo("grootboek in balans" if not fouten else f"{len(fouten)} afwijkingen")
        raise typer.Exit(1 if fouten else 0)

    @pgb.command()
    def importeer(
        bestand: Path = typer.Argument(..., help="JSON-bestand: een lijst PgbBeschikking-records van het zorgkantoor"),
    ) -> None:
        """Neem pgb-beschikkingen van het zorgkantoor over (docs/pgb.md); alles of niets per record, fout per veld."""
        import json

        from pydantic import ValidationError

        from wlz.common.errors import InputError
        from wlz.platform.database import make_engine

        from . import services
        from .config import PgbSettings
        from .storage.uow import unit_of_work_factory, upgrade

        engine = make_engine(PgbSettings.from_env().database_url)
        upgrade(engine)
        uows = unit_of_work_factory(engine)
        actor = services.Actor(*_CLI, services.BEOORDELAAR, "cli")
        try:
            records = json.loads(bestand.read_text("utf-8"))
        except (OSError, ValueError) as e:
            typer.echo(f"fout: {bestand.name}: geen leesbare JSON ({e.__class__.__name__})", err=True)
            raise typer.Exit(2) from None
        if not isinstance(records, list):
            typer.echo("fout: verwacht een lijst records", err=True)
            raise typer.Exit(2)
        fouten = 0
        for i, r in enumerate(records):
            try:
                services.registreer_beschikking(uows, actor, services.PgbBeschikking.model_validate(r))
            except ValidationError as e:
                fouten += 1
                veld = ".".join(str(x) for x in e.errors()[0]["loc"])
                typer.echo(f"record {i}: {veld}: ongeldige waarde", err=True)
            except InputError as e:
                fouten += 1
                typer.echo(f"record {i}: {e}", err=True)
        typer.echo(f"{len(records) - fouten} beschikkingen overgenomen, {fouten} geweigerd")
        raise typer.Exit(2 if fouten else 0)

    @pgb.command()
    def exporteer(
        jaar: int = typer.Option(..., help="Kalenderjaar"),
        uit: Path = typer.Option(Path("pgb.csv"), help="CSV-bestand (de tabel 'pgb' die wlz analyse leest)"),
    ) -> None:
        """Schrijf de verleende pgb's per persoon met COD163-code als tabel 'pgb' voor wlz analyse."""
        import csv

        from wlz.platform.database import make_engine

        from . import services
        from .config import PgbSettings
        from .storage.uow import unit_of_work_factory, upgrade

        engine = make_engine(PgbSettings.from_env().database_url)
        upgrade(engine)
        rijen = services.export_pgb_tabel(
            unit_of_work_factory(engine), services.Actor(*_CLI, services.BEOORDELAAR, "cli"), jaar
        )
        with uit.open("w", newline="", encoding="utf-8") as fh:
            w = csv.DictWriter(fh, fieldnames=list(services.PGB_KOLOMMEN))
            w.writeheader()
            for r in rijen:
                w.writerow({**r, "bedrag": f"{r['bedrag']:.2f}"})
        typer.echo(f"{len(rijen)} regels naar {uit}")

    @pgb.command()
    def declaraties(
        bestand: Path = typer.Argument(
            ..., help="CSV: overeenkomst_id,van,tot,uren,bedrag,ingediend_op (datums jjjj-mm-dd, bedrag in euro)"
        ),
        uitkomst: Path | None = typer.Option(None, help="CSV met de uitkomst van elke niet-betaalde regel"),
    ) -> None:
        """Verwerk een batch declaraties in één keer (zelfde controles en grootboek als één voor één)."""
        import csv
        import datetime as dt

        from wlz.common.errors import InputError
        from wlz.platform.database import make_engine

        from . import batch, services
        from .config import PgbSettings
        from .storage.uow import unit_of_work_factory, upgrade

        regels = []
        try:
            with bestand.open(newline="", encoding="utf-8") as fh:
                for n, r in enumerate(csv.DictReader(fh), start=2):
                    veld = ""
                    try:
                        veld = "overeenkomst_id"
                        oid = (r.get(veld) or "").strip()
                        if not oid:
                            raise ValueError
                        datums = {}
                        for veld in ("van", "tot", "ingediend_op"):
                            datums[veld] = dt.date.fromisoformat((r.get(veld) or "").strip())
                        veld = "uren"
                        uren = float((r.get(veld) or "").replace(",", "."))
                        veld = "bedrag"
                        bedrag = round(float((r.get(veld) or "").replace(",", ".")) * 100)
                    except ValueError:
                        typer.echo(f"fout: regel {n}: {veld}: ongeldige waarde; niets verwerkt", err=True)
                        raise typer.Exit(2) from None
                    regels.append(
                        batch.BatchRegel(oid, datums["van"], datums["tot"], uren, bedrag, datums["ingediend_op"])
                    )
        except OSError as e:
            typer.echo(f"fout: {bestand.name}: niet te lezen ({e.__class__.__name__})", err=True)
            raise typer.Exit(2) from None
        engine = make_engine(PgbSettings.from_env().database_url)
        upgrade(engine)
        uows = unit_of_work_factory(engine)
        actor = services.Actor(*_CLI, services.BEOORDELAAR, "cli")
        try:
            res = batch.verwerk_declaraties(uows, actor, regels)
        except InputError as e:
            typer.echo(f"fout: {e}", err=True)
            raise typer.Exit(2) from None
        typer.echo(
            f"batch {res.batch_id}: {res.aantal} declaraties: {res.betaald} betaald, {res.geweigerd} geweigerd, "
            f"{res.fout} met een fout in de invoer"
        )
        if uitkomst is not None:
            with uitkomst.open("w", newline="", encoding="utf-8") as fh:
                w = csv.DictWriter(fh, fieldnames=["regel", "overeenkomst_id", "uitkomst", "veld", "reden", "bron"])
                w.writeheader()
                for r in batch.uitkomsten(uows, actor, res.batch_id):
                    w.writerow({k: r[k] for k in w.fieldnames} | {"regel": r["regel"] + 1})  # +1: the CSV header

    app.add_typer(pgb, name="pgb", help=HELP)
