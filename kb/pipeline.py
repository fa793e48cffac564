"""The whole core in one call: find files, load, validate, resolve.

`check(content_dir)` is what the CLI and the MkDocs plugin call. It never raises for bad content:
every problem becomes a diagnostic, and the graph holds the entries that are fine.
"""

from __future__ import annotations

import contextlib
import gc
import os
import posixpath
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from kb.diagnostics import Diagnostic, Loc, Severity, sort_diagnostics
from kb.graph import Graph, resolve
from kb.loader import ENTRY_SUFFIXES, load_file
from kb.model import KIND_BY_FOLDER
from kb.validate import Valid, check_document


@dataclass(frozen=True, slots=True)
class Result:
    graph: Graph
    diagnostics: list[Diagnostic]

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity is Severity.WARNING]

    def failed(self, *, strict: bool = False) -> bool:
        return bool(self.errors or (strict and self.warnings))


def check(content_dir: Path, display: str | None = None) -> Result:
    """Load and check every entry below `content_dir`; paths in diagnostics start with `display`."""
    prefix = display if display is not None else content_dir.as_posix()
    problems: list[Diagnostic] = []
    valid: list[Valid] = []
    if not content_dir.is_dir():
        problems.append(_missing_dir(prefix))
    with _gc_paused():
        for relative in _files(content_dir):
            shown = posixpath.join(prefix, relative)
            parts = relative.split("/")
            kind = KIND_BY_FOLDER.get(parts[0]) if len(parts) == 2 else None
            if kind is None or not relative.endswith(ENTRY_SUFFIXES):
                problems.append(_unknown_file(shown, PurePosixPath(relative)))
                continue
            loaded = load_file(content_dir / relative, shown)
            checked = loaded if isinstance(loaded, list) else check_document(loaded, kind)
            if isinstance(checked, list):
                problems += checked
            else:
                valid.append(checked)
        graph, cross = resolve(valid)
    return Result(graph, sort_diagnostics(problems + cross))


def _files(root: Path) -> list[str]:
    """Every file below `root` as a sorted POSIX path relative to it; hidden ones left out."""
    found = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        base = os.path.relpath(folder, root).replace(os.sep, "/")
        found += [posixpath.normpath(f"{base}/{name}") for name in files if name[0] != "."]
    return sorted(found)


@contextlib.contextmanager
def _gc_paused() -> Iterator[None]:
    # Loading builds many long-lived objects and no reference cycles; the cyclic collector's
    # passes over them cost about a tenth of the run.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _unknown_file(shown: str, relative: PurePosixPath) -> Diagnostic:
    folders = ", ".join(sorted(KIND_BY_FOLDER))
    if len(relative.parts) == 2 and relative.parts[0] in KIND_BY_FOLDER:
        message = f"`{relative.name}` is not an entry: entries end in .yml or .yaml"
    else:
        message = f"`{relative}` is not in a kind's folder; entries live in one of: {folders}"
    return Diagnostic(
        loc=Loc(shown),
        code="kb.unknown-file",
        message=message,
        hint="move the file out of content/, or rename it to <id>.yml in the right folder",
    )


def _missing_dir(shown: str) -> Diagnostic:
    return Diagnostic(
        loc=Loc(shown),
        code="kb.no-content",
        message="the content folder does not exist",
        hint="run the command from the project root, or pass the content folder as argument",
    )
