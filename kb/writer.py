"""Write generated pages to disk: all or nothing, and only into a folder that `kb` owns."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

MARKER = ".kb-export"


class WriteError(Exception):
    """The output folder cannot be (re)placed; nothing was changed."""


def write_tree(out: Path, pages: dict[str, str]) -> None:
    """Replace `out` with exactly `pages`, atomically: on any failure `out` stays as it was.

    `out` must be missing, empty, or a folder written by an earlier export (it holds `MARKER`);
    anything else is refused so that a typo never deletes someone's files.
    """
    if out.exists() and not _owned(out):
        raise WriteError(
            f"refusing to replace `{out}`: it is not empty and was not written by `kb export`; "
            "choose a new folder"
        )
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}-", dir=out.parent))
    try:
        for relative, text in pages.items():
            target = staging / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        (staging / MARKER).write_text("written by kb export; replaced as a whole\n")
        _swap(staging, out)
    except OSError as error:
        shutil.rmtree(staging, ignore_errors=True)
        raise WriteError(f"could not write `{out}`: {error.strerror or error}") from None


def _owned(out: Path) -> bool:
    return out.is_dir() and ((out / MARKER).is_file() or not any(out.iterdir()))


def _swap(staging: Path, out: Path) -> None:
    if not out.exists():
        staging.rename(out)
        return
    retired = staging.with_name(staging.name + "-old")
    out.rename(retired)
    staging.rename(out)
    shutil.rmtree(retired, ignore_errors=True)
