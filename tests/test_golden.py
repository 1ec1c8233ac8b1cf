"""Golden text snapshots of every generated document; regenerate with --update-golden."""
from __future__ import annotations

import re
from pathlib import Path

from generator.tools.totext import docx_text

GOLDEN = Path(__file__).parent / "golden"


def snapshot_name(relative: str) -> str:
    """A flat snapshot file name for a generated document path."""
    return re.sub(r"[\\/]", "__", relative).removesuffix(".docx") + ".txt"


def test_every_document_matches_its_snapshot(generated, update_golden):
    assert generated, "data/ produced no documents"
    mismatched = []
    for relative, path in sorted(generated.items()):
        golden = GOLDEN / snapshot_name(relative)
        text = docx_text(path)
        if update_golden:
            golden.write_text(text, encoding="utf-8")
            continue
        if not golden.exists():
            mismatched.append(f"{relative}: 没有快照（运行 pytest --update-golden 生成并审阅）")
        elif golden.read_text(encoding="utf-8") != text:
            mismatched.append(f"{relative}: 与快照 {golden.name} 不同")
    assert not mismatched, "\n".join(mismatched)


def test_no_stale_snapshots(generated):
    expected = {snapshot_name(r) for r in generated}
    stale = [p.name for p in GOLDEN.glob("*.txt") if p.name not in expected and "__" in p.name]
    assert not stale, f"快照没有对应的文档：{stale}"
