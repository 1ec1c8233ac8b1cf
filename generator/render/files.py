"""Writing output files safely: through a temporary file and a rename, so nothing half-written replaces a document."""
from __future__ import annotations

import errno
import os
import secrets
from pathlib import Path

from generator.errors import UserError

NO_PERMISSION = "没有写入权限，或文件正在 Word、WPS 中打开。请关闭该文件，或用 -o 换一个有权限的输出文件夹"
A_FILE_IN_THE_WAY = "路径中有一级不是文件夹而是同名的文件。请改名或删掉那个文件，或用 -o 换一个输出文件夹"
# What a failed write means to a clerk, and what to do about it, by the cause the system gives.
CAUSES = {
    errno.ENOSPC: "磁盘空间不足。请清理磁盘，或用 -o 换一个空间足够的输出文件夹",
    errno.EDQUOT: "磁盘配额已用完。请清理文件，或用 -o 换一个输出文件夹",
    errno.EROFS: "这个磁盘或文件夹是只读的。请用 -o 换一个可以写入的输出文件夹",
    errno.EACCES: NO_PERMISSION,
    errno.EPERM: NO_PERMISSION,
    errno.ENOTDIR: A_FILE_IN_THE_WAY,
    errno.EEXIST: A_FILE_IN_THE_WAY,
    errno.ENAMETOOLONG: "路径太长。请用 -o 换一个层级较浅的输出文件夹",
    errno.EISDIR: "那里有一个同名的文件夹。请改名或删掉那个文件夹，或用 -o 换一个输出文件夹",
}


TEMPORARY: set[str] = set()  # temporary files being written now, for a process told to stop to remove


def discard_temporary() -> None:
    """Remove the temporary files of writes under way (a stopped worker leaves no half-written file behind)."""
    for path in list(TEMPORARY):
        _discard(path)


def _umask() -> int:
    """The process umask."""
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_failed(path: Path, exc: OSError) -> UserError:
    """The clerk's message for a file that could not be written: which file, why, and what to do."""
    cause = CAUSES.get(exc.errno or 0, f"系统报告：{exc.strerror or exc}。请检查输出文件夹")
    return UserError(f"无法写入 {path}：{cause}。已有的文档保持原样。")


def write_atomic(path: Path, data: bytes) -> None:
    """Write bytes to a file through a temporary file and a rename, so a failure leaves the old file."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = _temporary(path.parent)
    except OSError as exc:
        raise write_failed(path, exc) from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except OSError as exc:
        _discard(tmp)
        raise write_failed(path, exc) from exc
    except BaseException:
        _discard(tmp)
        raise
    finally:
        TEMPORARY.discard(tmp)


def _temporary(folder: Path) -> tuple[int, str]:
    """A new temporary file in the folder, open for writing; it is in TEMPORARY before it exists, so a worker
    stopped at any moment removes it."""
    while True:
        tmp = str(folder / f".~{secrets.token_hex(6)}.tmp")
        TEMPORARY.add(tmp)
        try:
            return os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600), tmp
        except OSError as exc:
            TEMPORARY.discard(tmp)
            if not isinstance(exc, FileExistsError):  # a name already taken: draw another
                raise


def _discard(path: str) -> None:
    """Remove a temporary file if it is still there."""
    if os.path.exists(path):
        os.unlink(path)
