"""templates copy: a layout's default template written where a clerk can edit it in Word or WPS."""
from __future__ import annotations

from pathlib import Path

from generator.errors import DataError, UsageError
from generator.model.layouts import available, resolve
from generator.render.files import write_atomic


def copy_template(kind: str, layout: str, folder: Path) -> Path:
    """Copy a layout's template of a kind into a folder as <kind>.docx; never over an existing file."""
    try:
        found = resolve(layout, folder if folder.is_dir() else None)
    except DataError as exc:
        raise UsageError(exc.message) from None
    document = found.document(kind)
    if document is None:
        raise UsageError(f"版式“{layout}”没有“{kind}”。它的文档：{'、'.join(d.kind for d in found.documents)}。"
                         f"可用的版式：{'、'.join(available(folder if folder.is_dir() else None))}。")
    target = folder / f"{kind}.docx"
    if target.exists():
        raise UsageError(f"{target} 已经存在，没有覆盖。请先改名或删掉它，或换一个文件夹。")
    write_atomic(target, document.template.read_bytes())
    return target
