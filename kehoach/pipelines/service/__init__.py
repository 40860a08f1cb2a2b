"""HTTP API and review page (issue 8): `create_app(settings)`; run it with `kehoach serve`."""
from kehoach.pipelines.service.app import create_app
from kehoach.pipelines.service.settings import Settings

__all__ = ["create_app", "Settings"]
