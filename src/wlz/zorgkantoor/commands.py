"""``wlz serve``, ``wlz demo``, ``wlz db upgrade`` and ``wlz io31 importeer`` (registered by ``wlz.cli``)."""

from __future__ import annotations

from pathlib import Path

import typer


def register(app: typer.Typer) -> None:
    from .inkoop_commands import register as register_inkoop

    register_inkoop(app)  # ``wlz inkoop`` (declarations, ledger, reports): its own module, listed in wlz.cli
    db = typer.Typer(help="Database van de zorgkantoorservice.", no_args_is_help=True)

    @db.command("upgrade")
    def db_upgrade() -> None:
        """Voer de databasemigraties uit (Alembic) tot de nieuwste versie."""
        from wlz.platform.database import make_engine

        from .config import Settings
        from .storage import migrate

        settings = Settings.from_env()
        engine = make_engine(settings.database_url)
        migrate.upgrade(engine)
        typer.echo(f"database bijgewerkt tot versie {migrate.current(engine)}")

    app.add_typer(db, name="db")

    io31 = typer.Typer(help="IO31-berichten van het CIZ in bulk inlezen (importeer MAP).", no_args_is_help=True)

    @io31.command("importeer")
    def io31_importeer(
        map_: Path = typer.Argument(..., metavar="MAP", help="Map met één IO31-bericht per .xml-bestand"),
        processen: int = typer.Option(
            0, help="Aantal processen voor de controle (XSD en iWlz-regels); 0: één per kern"
        ),
    ) -> None:
        """Lees alle IO31-berichten in een map in, met dezelfde controles als één bericht (XSD, iWlz-regels, het
        vervangen van een eerder indicatiebesluit). Een geweigerd bericht wordt met zijn IO32 bewaard; wat niet is
        ingelezen staat met de reden in MAP/quarantaine."""
        import time

        from wlz.platform.database import make_engine

        from .config import Settings
        from .domain.fouten import DomainError
        from .services.actor import SYSTEEM
        from .services.io31_bulk import importeer_map
        from .storage import migrate
        from .storage.uow import UnitOfWorkFactory

        settings = Settings.from_env()
        engine = make_engine(settings.database_url)
        migrate.upgrade(engine)
        begin = time.perf_counter()
        try:
            samenvatting = importeer_map(UnitOfWorkFactory(engine), SYSTEEM, map_, workers=processen)
        except DomainError as exc:
            typer.echo(f"Fout: {exc.bericht}", err=True)
            raise typer.Exit(2) from None
        typer.echo(f"{samenvatting.tekst()} ({time.perf_counter() - begin:.1f} s)")

    app.add_typer(io31, name="io31")

    @app.command()
    def serve(
        host: str = typer.Option("127.0.0.1", help="Adres om op te luisteren"),
        port: int = typer.Option(8000, help="Poort"),
        workers: int = typer.Option(
            0, help="Aantal werkprocessen; 0: automatisch (PostgreSQL: één per processorkern, SQLite: 1)"
        ),
    ) -> None:
        """Start de zorgkantoorservice (pagina's en /api). Migreert de database eerst."""
        import os

        from wlz.platform.database import make_engine
        from wlz.platform.serve import serve

        from .config import Settings
        from .storage import migrate

        settings = Settings.from_env()
        engine = make_engine(settings.database_url)
        migrate.upgrade(engine)
        if workers <= 0:
            # SQLite serialises every write (and each file read writes its access-log line): more processes
            # only queue for the lock. PostgreSQL: one process per core (as in benchmarks/service_load.py).
            workers = 1 if engine.dialect.name == "sqlite" else max(1, os.cpu_count() or 1)
        engine.dispose()
        typer.echo(f"wlz zorgkantoor op http://{host}:{port}/  (API-documentatie: /api/docs)")
        serve("wlz.zorgkantoor.app:create_app", host=host, port=port, workers=workers, access_log=False)

    @app.command()
    def demo(
        reset: bool = typer.Option(False, "--reset", help="Wis eerst alle gegevens (alleen de demodatabase!)"),
        clients: int = typer.Option(300, help="Aantal synthetische cliënten"),
        seed: int = typer.Option(2024, help="Startwaarde van de toevalsgenerator (zelfde seed, zelfde data)"),
    ) -> None:
        """Vul een verse database met synthetische cliënten in alle situaties en één demogebruiker per rol."""
        from wlz.platform.database import make_engine

        from .config import Settings
        from .demo import vul

        settings = Settings.from_env()
        engine = make_engine(settings.database_url)
        samenvatting = vul(engine, reset=reset, aantal=clients, seed=seed)
        typer.echo(samenvatting)
