"""How a value path and a file path are shown to the clerk."""
from __future__ import annotations

from pathlib import Path


def dotted(path: tuple) -> str:
    """A value path as text: ``支出.科目[2].决算数``."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def display_path(path: Path) -> str:
    """A file path as shown to the user: relative to the working directory when inside it."""
    try:
        return str(Path(path).resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, RuntimeError, OSError):  # outside the working directory, a symlink loop, a vanished folder
        return str(path)
