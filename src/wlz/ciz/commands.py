"""``wlz ciz``: the CIZ's service (``serve``), its demo data (``demo``) and its database (``db-upgrade``)."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    ciz = typer.Typer(
        help="De CIZ-service: indicatiestelling Wlz (aanvraag, beoordeling, besluit, IO31).", no_args_is_help=True
    )

    @ciz.command("db-upgrade")
    def db_upgrade() -> None:
        """Breng de CIZ-database (WLZ_CIZ_DATABASE_URL) naar de nieuwste versie."""
        from wlz.platform.database import make_engine

        from .config import Settings
        from .storage import migrate

        migrate.upgrade(make_engine(Settings.from_env().database_url))
        typer.echo("CIZ-database bijgewerkt")

    @ciz.command()
    def serve(
        host: str = typer.Option("127.0.0.1", help="Adres om op te luisteren"),
        port: int = typer.Option(8010, help="Poort"),
    ) -> None:
        """Start de CIZ-service (pagina's en /api). Migreert de eigen database eerst."""
        import uvicorn

        from .app import create_app
        from .config import Settings

        app = create_app(Settings.from_env(migrate_on_start=True))
        typer.echo(f"wlz CIZ op http://{host}:{port}/  (API-documentatie: /api/docs)")
        uvicorn.run(app, host=host, port=port)

    @ciz.command()
    def demo(
        jaar: int = typer.Option(2018, help="Jaar van de aanvragen"),
        aantal: int = typer.Option(2000, help="Aantal synthetische aanvragen (voorbeeld)"),
        seed: int = typer.Option(2018, help="Startwaarde van de toevalsgenerator"),
        reset: bool = typer.Option(False, "--reset", help="Wis eerst alle gegevens (alleen de demodatabase!)"),
    ) -> None:
        """Vul de CIZ-database met een jaar synthetische aanvragen en één demogebruiker per rol."""
        import sqlalchemy as sa

        from wlz.platform.database import make_engine

        from . import demo as demo_module
        from .config import Settings
        from .storage import migrate
        from .storage.uow import UnitOfWorkFactory

        engine = make_engine(Settings.from_env().database_url)
        if reset:
            migrate.downgrade_base(engine)
        migrate.upgrade(engine)
        with engine.connect() as conn:
            gevuld = conn.execute(sa.text("SELECT count(*) FROM gebruikers")).scalar_one()
        if gevuld:
            typer.echo(
                "fout: de CIZ-database is niet leeg. Gebruik 'wlz ciz demo --reset' om opnieuw te beginnen.", err=True
            )
            raise typer.Exit(2)
        s = demo_module.vul(UnitOfWorkFactory(engine), jaar=jaar, aantal=aantal, seed=seed)
        typer.echo(s.tekst())
        typer.echo(
            f"Demogebruikers: indicatiesteller, kwaliteitstoetser, beheerder (wachtwoord {demo_module.DEMO_WACHTWOORD})"
        )

    app.add_typer(ciz, name="ciz")
