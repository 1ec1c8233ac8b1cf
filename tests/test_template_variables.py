"""Template variables have one source (contexts/types.py): the real contexts match it, templates/README.md documents it."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.contexts.types import RENDER_NAMES, VARIABLES, Common, names
from generator.render.kinds import CONTEXTS

README = Path(__file__).resolve().parent.parent / "templates" / "README.md"
SAMPLES = {"部门决算说明": "renhe", "部门整体支出绩效评价报告": "renhe", "项目支出绩效评价报告": "renhe",
           "部门整体支出绩效自评报告": "zhuzhou", "部门决算": "renhe"}


@pytest.fixture(scope="module")
def zhuzhou():
    from tests.conftest import bundle_of
    return bundle_of("zhuzhou-jiwei", 2022)


@pytest.mark.parametrize("kind", list(VARIABLES))
def test_context_has_exactly_the_documented_variables(kind, request):
    context = CONTEXTS[kind](request.getfixturevalue(SAMPLES[kind]))
    assert set(context) == names(kind) - set(RENDER_NAMES)


def section(kind: str | None) -> str:
    """The part of templates/README.md that documents one kind (None: the variables every document has)."""
    text = README.read_text(encoding="utf-8")
    if kind is None:
        return text.split("## 所有文档都有的变量", 1)[1].split("## ", 1)[0]
    match = re.search(rf"^- \*\*{re.escape(kind)}\*\*：(.*)$", text, re.M)
    assert match, f"templates/README.md 没有“{kind}”一项"
    return match.group(1)


@pytest.mark.parametrize("kind", [None, *VARIABLES])
def test_readme_documents_every_variable(kind):
    own = set(Common.__required_keys__) if kind is None else names(kind) - set(Common.__required_keys__) - set(RENDER_NAMES)
    text = section(kind)
    missing = sorted(v for v in own if f"`{v}`" not in text and f"`{v}()`" not in text)
    assert not missing, f"templates/README.md 没有说明 {kind or '所有文档'} 的变量：{missing}"


def test_readme_names_every_kind_and_no_missing_module():
    text = README.read_text(encoding="utf-8")
    assert "generator/model.py" not in text and "| 部门决算 | 全国 |" in text
