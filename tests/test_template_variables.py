"""Template variables have one source (contexts/types.py, the data models, the figures' LABELS): the real contexts match
it, every variable, attribute and filter is described, and templates/变量说明.md is what the code generates."""
from __future__ import annotations

from pathlib import Path

import pytest

from generator.contexts.types import RENDER_NAMES, VARIABLES, names
from generator.render.jinja import template_filters
from generator.render.kinds import CONTEXTS
from generator.tools.reference import FILTER_DOCS, Collector, reference_text
from generator.tools.variables import members, top
from generator.workflow.schemas import sample_contexts

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
SAMPLES = {"部门决算说明": "renhe", "部门整体支出绩效评价报告": "renhe", "项目支出绩效评价报告": "renhe",
           "部门整体支出绩效自评报告": "zhuzhou", "部门决算": "renhe", "项目支出绩效自评表": "renhe_form"}


@pytest.fixture(scope="module")
def zhuzhou():
    from tests.conftest import bundle_of
    return bundle_of("zhuzhou-jiwei", 2022)


@pytest.fixture(scope="module")
def renhe_form(tmp_path_factory):
    """仁和 with a project 自评表 (no unit of data/ has one)."""
    from generator.workflow.pipeline import Job, prepare
    from tests.test_project_form import renhe_with_a_form
    folder = renhe_with_a_form(tmp_path_factory.mktemp("form"), "      调整原因: 年中追加巡察工作经费10万元。\n")
    return prepare(Job(folder, folder / "2019.yaml")).bundle


@pytest.fixture(scope="module")
def samples():
    return sample_contexts()


@pytest.mark.parametrize("kind", list(VARIABLES))
def test_context_has_exactly_the_documented_variables(kind, request):
    context = CONTEXTS[kind](request.getfixturevalue(SAMPLES[kind]))
    assert set(context) == names(kind) - set(RENDER_NAMES)


def test_every_variable_and_attribute_is_described():
    undescribed = [name for name, m in top().items() if not m.description]
    for tp in Collector().types():
        undescribed += [f"{tp.__name__}.{name}" for name, m in (members(tp) or {}).items()
                        if not m.description or m.description.startswith("（数据文件中的键")]
    assert not undescribed, undescribed
    assert len(Collector().types()) > 50


def test_every_row_a_template_sees_has_only_described_keys(samples):
    """The rows the contexts really hold carry exactly the keys their types describe (no undocumented key)."""
    def keys_of(tp, value, where):
        known = members(tp)
        if known is None or value is None:
            return
        if isinstance(value, dict) and tp.__class__.__name__ == "_TypedDictMeta":
            assert tp.__required_keys__ <= set(value) <= set(known), f"{where}: {sorted(set(value) ^ set(known))}"
        for name, member in known.items():
            inner = value.get(name) if isinstance(value, dict) else getattr(value, name, None)
            if isinstance(inner, list) and inner and isinstance(inner[0], dict):
                from generator.tools.variables import element
                for row in inner:
                    keys_of(element(member.type), row, f"{where}.{name}[]")
            elif isinstance(inner, dict) and members(member.type) is not None:
                keys_of(member.type, inner, f"{where}.{name}")
    for kind, context in samples.items():
        for name, member in top(kind).items():
            value = context.get(name)
            if isinstance(value, list):
                from generator.tools.variables import element
                for row in value:
                    keys_of(element(member.type), row, f"{kind}:{name}[]")
            elif isinstance(value, dict):
                keys_of(member.type, value, f"{kind}:{name}")


def test_every_filter_is_described_with_an_example():
    assert set(template_filters()) == set(FILTER_DOCS)


def test_the_committed_reference_is_what_the_code_generates(samples):
    committed = (TEMPLATES / "变量说明.md").read_text(encoding="utf-8")
    assert committed == reference_text(samples), "运行 python cli.py schema 更新 templates/变量说明.md"
    assert "d.covered_units" not in committed and "`covered_units`" in committed


def test_templates_readme_links_the_reference():
    text = (TEMPLATES / "README.md").read_text(encoding="utf-8")
    assert "[变量说明.md](变量说明.md)" in text and "| 部门决算 | 全国 |" in text
