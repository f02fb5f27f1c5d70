"""``wlz serve``, ``wlz demo`` and ``wlz db upgrade`` (registered by ``wlz.cli``)."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
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

        import uvicorn

        from wlz.platform.database import make_engine

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
        uvicorn.run(
            "wlz.zorgkantoor.app:create_app", factory=True, host=host, port=port, workers=workers, access_log=False
        )

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
