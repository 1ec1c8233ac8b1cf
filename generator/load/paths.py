"""How a value path and a file path are shown to the clerk, and which files of a unit folder are its years."""
from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path
from typing import Optional

YEAR_FILE = re.compile(r"^(\d{4})\.ya?ml$", re.IGNORECASE)


def dotted(path: tuple) -> str:
    """A value path as text: ``支出.科目[2].决算数``."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def display_path(path: Path) -> str:
    """A file path as shown to the user: relative to the working directory when inside it."""
    try:
        return _relative(os.getcwd(), os.fspath(path))
    except OSError:  # a vanished working directory
        return str(path)


@lru_cache(maxsize=1024)
def _relative(cwd: str, path: str) -> str:
    """display_path for a working directory and a path, worked out once (a run names the same files many times)."""
    try:
        return str(Path(path).resolve().relative_to(Path(cwd).resolve()))
    except (ValueError, RuntimeError, OSError):  # outside the working directory, a symlink loop, a vanished folder
        return path


def year_files(unit_dir: Path) -> list[Path]:
    """A unit folder's year files in year order (any case, .yaml or .yml)."""
    return sorted((p for p in unit_dir.iterdir() if YEAR_FILE.match(p.name) and p.is_file()), key=lambda p: (int(p.stem), p.name))


def year_file(unit_dir: Path, year: int) -> Optional[Path]:
    """A unit folder's file for one year, whatever its extension's case, if there is one."""
    return next((p for p in year_files(unit_dir) if int(p.stem) == year), None)
