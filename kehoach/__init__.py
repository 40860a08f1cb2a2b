"""kehoach: Vietnamese plan documents to structured, checked data."""
__version__ = "0.1.0"

from kehoach import compiled as _compiled

_compiled.install()  # a compiled parser module is used only while it is as new as its .py


def parse(source, **kwargs):
    """Parse one plan (path or bytes) into a `PlanDocument`. See `kehoach.parser.parse`."""
    from kehoach.parser import parse as _parse

    return _parse(source, **kwargs)
