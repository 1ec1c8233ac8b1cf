"""Golden text snapshots of every generated document, one test per document; regenerate with --update-golden."""
from __future__ import annotations

import difflib
import re
from pathlib import Path

import pytest

from generator.tools.totext import docx_text

GOLDEN = Path(__file__).parent / "golden"
SNAPSHOTS = sorted(p.name for p in GOLDEN.glob("*__*.txt"))


def snapshot_name(relative: str) -> str:
    """A flat snapshot file name for a generated document path."""
    return re.sub(r"[\\/]", "__", relative).removesuffix(".docx") + ".txt"


@pytest.fixture(scope="session")
def by_snapshot(generated) -> dict[str, Path]:
    """The generated documents keyed by their snapshot file name."""
    return {snapshot_name(relative): path for relative, path in generated.items()}


@pytest.mark.parametrize("name", SNAPSHOTS, ids=[n.removesuffix(".txt") for n in SNAPSHOTS])
def test_document_matches_its_snapshot(name, by_snapshot, update_golden):
    assert name in by_snapshot, f"快照 {name} 没有对应的文档（数据改了文件名？删掉快照或运行 pytest --update-golden）"
    text = docx_text(by_snapshot[name])
    if update_golden:
        (GOLDEN / name).write_text(text, encoding="utf-8")
        return
    expected = (GOLDEN / name).read_text(encoding="utf-8")
    if text != expected:
        diff = difflib.unified_diff(expected.splitlines(), text.splitlines(), f"golden/{name}", "generated", lineterm="", n=2)
        pytest.fail("与快照不同（审阅后运行 pytest --update-golden 更新）：\n" + "\n".join(list(diff)[:80]))


def test_every_document_has_a_snapshot(by_snapshot, update_golden):
    missing = sorted(set(by_snapshot) - set(SNAPSHOTS))
    if update_golden:
        for name in missing:
            (GOLDEN / name).write_text(docx_text(by_snapshot[name]), encoding="utf-8")
        return
    assert not missing, f"没有快照的文档（运行 pytest --update-golden 生成并审阅）：{missing}"
