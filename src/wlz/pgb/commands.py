"""``wlz pgb serve | demo | controleer``: the pgb service, its demo data and the ledger check."""

from __future__ import annotations

import typer

HELP = "Pgb-administratie: budgetplan, zorgovereenkomsten, trekkingsrecht, vorderingen (serve, demo, controleer)."


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
        from wlz.common.errors import InvoerFout
        from wlz.platform.database import make_engine

        from .config import PgbSettings
        from .demo import vul

        engine = make_engine(PgbSettings.from_env().database_url)
        try:
            typer.echo(vul(engine, reset=reset))
        except InvoerFout as e:  # e.g. demo data already present without --reset
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

    app.add_typer(pgb, name="pgb", help=HELP)
