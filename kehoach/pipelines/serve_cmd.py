"""`kehoach serve`: the HTTP API and the review page on one port (uvicorn)."""
from __future__ import annotations

from typing import Optional

import typer


def register(app: typer.Typer) -> None:
    @app.command()
    def serve(
        host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (0.0.0.0 = every interface)."),
        port: int = typer.Option(8000, "--port", help="TCP port."),
        token: Optional[str] = typer.Option(None, "--token", envvar="KEHOACH_TOKEN",
                                            help="Require 'Authorization: Bearer TOKEN' on /parse and /check."),
        max_upload_mb: float = typer.Option(20.0, "--max-upload-mb", help="Largest accepted upload (413 above)."),
        timeout: float = typer.Option(60.0, "--timeout", help="Seconds per request before 504."),
        max_concurrent: int = typer.Option(16, "--max-concurrent",
                                           help="Requests in progress at once; more get 429."),
        workers: int = typer.Option(0, "--workers", help="Parse processes (0 = one per core, at most 4)."),
        max_memory_mb: int = typer.Option(3072, "--max-memory-mb", min=0,
                                          help="Address-space cap per parse worker in MB (0 = none); over it -> 413."),
        upload_timeout: float = typer.Option(30.0, "--upload-timeout",
                                             help="Seconds to receive a whole upload; slower clients get 408."),
        max_per_client: int = typer.Option(4, "--max-per-client", min=1,
                                           help="Requests in progress per client address; more get 429."),
        max_uploads: int = typer.Option(64, "--max-uploads", min=1,
                                        help="Uploads being received at once (all clients); more get 429."),
        log_level: str = typer.Option("info", "--log-level", help="uvicorn log level."),
    ):
        """Serve the HTTP API (POST /parse, /check; GET /schema, /healthz, /docs) and the review page at /."""
        import uvicorn

        from kehoach.pipelines.service import Settings, create_app

        if max_upload_mb <= 0 or timeout <= 0 or upload_timeout <= 0 or max_concurrent < 1 or workers < 0:
            typer.echo("kehoach: error: --max-upload-mb, --timeout and --upload-timeout must be > 0, "
                       "--max-concurrent >= 1", err=True)
            raise typer.Exit(2)
        kw = {"workers": workers} if workers else {}
        settings = Settings(token=token or None, max_upload_mb=max_upload_mb, timeout=timeout,
                            max_concurrent=max_concurrent, max_memory_mb=max_memory_mb,
                            upload_timeout=upload_timeout, max_per_client=max_per_client,
                            max_uploads=max_uploads, **kw)
        typer.echo(f"kehoach: serving on http://{host}:{port}/ (review page), API docs at /docs", err=True)
        uvicorn.run(create_app(settings), host=host, port=port, log_level=log_level,
                    timeout_graceful_shutdown=5)
