"""Writing output files safely: through a temporary file and a rename, so nothing half-written replaces a document."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from generator.errors import UserError


def _umask() -> int:
    """The process umask."""
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(path: Path, data: bytes) -> None:
    """Write bytes to a file through a temporary file and a rename, so a failure leaves the old file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".~", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except PermissionError as exc:
        _discard(tmp)
        raise UserError(f"无法写入 {path}：文件可能正在 Word 或 WPS 中打开（或没有写入权限）。请关闭该文件后重试。") from exc
    except BaseException:
        _discard(tmp)
        raise


def _discard(path: str) -> None:
    """Remove a temporary file if it is still there."""
    if os.path.exists(path):
        os.unlink(path)
