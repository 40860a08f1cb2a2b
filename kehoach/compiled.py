"""The parser's modules compiled by Cython, used only while they are as new as their source.

`scripts/compile.py` (run by `make setup`) compiles the pure-Python modules of `kehoach.parser`
into extension modules placed beside them (`frame.py` -> `frame.cpython-311-....so`): the same
code, without the interpreter's dispatch (~14% fewer instructions a plan, issue 14). Python
imports an extension module before a `.py` of the same name, so a module edited after its
compilation would silently run its old code; the finder installed here (`install()`, from
`kehoach/__init__.py`) imports the `.py` instead whenever it is newer than its compiled twin,
and always when KEHOACH_PURE=1 (profilers, debuggers, a comparison of the two). The source
stays the one truth: nothing is written for the compiled build alone.
"""
from __future__ import annotations

import os
import sys
from importlib.machinery import ExtensionFileLoader, PathFinder
from importlib.util import spec_from_file_location

PURE_ENV = "KEHOACH_PURE"
PACKAGE = "kehoach."


def pure() -> bool:
    """KEHOACH_PURE=1: import every module from its source."""
    return os.environ.get(PURE_ENV, "") not in ("", "0")


def _source_of(origin: str, name: str) -> str:
    return os.path.join(os.path.dirname(origin), name.rpartition(".")[2] + ".py")


def _stale(origin: str, source: str) -> bool:
    """The source was changed after the extension was built (or the extension cannot be dated)."""
    try:
        return os.stat(source).st_mtime > os.stat(origin).st_mtime
    except OSError:
        return not os.path.exists(origin)


class FreshFinder:
    """A meta-path finder for the submodules of one package: PathFinder's answer, except that a
    compiled module older than its `.py` (or any, under KEHOACH_PURE=1) is passed over for the `.py`."""

    def __init__(self, package: str = PACKAGE):
        self.prefix = package if package.endswith(".") else package + "."

    def find_spec(self, name, path=None, target=None):
        if not name.startswith(self.prefix) or path is None:
            return None
        spec = PathFinder.find_spec(name, path, target)
        if spec is None or not isinstance(spec.loader, ExtensionFileLoader):
            return spec
        source = _source_of(spec.origin, name)
        if os.path.exists(source) and (pure() or _stale(spec.origin, source)):
            return spec_from_file_location(name, source)
        return spec

    def invalidate_caches(self) -> None:
        pass


FINDER = FreshFinder()


def install() -> None:
    """Put kehoach's FreshFinder first on sys.meta_path (once)."""
    if FINDER not in sys.meta_path:
        sys.meta_path.insert(0, FINDER)


def is_compiled(module) -> bool:
    """The module was loaded from its compiled extension."""
    return isinstance(getattr(module, "__loader__", None), ExtensionFileLoader)


def status() -> str:
    """'compiled 49/52 parser modules' (of those imported), or 'pure Python (KEHOACH_PURE=1)'."""
    if pure():
        return f"pure Python ({PURE_ENV}=1)"
    mods = [m for name, m in list(sys.modules.items()) if name.startswith(PACKAGE + "parser.") and m is not None]
    return f"compiled {sum(map(is_compiled, mods))}/{len(mods)} parser modules imported"
