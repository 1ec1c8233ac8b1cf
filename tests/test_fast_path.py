"""The optimised rendering (compiled once, annexes reused, one-pass zip) gives the same bytes as plain docxtpl."""
import io
from pathlib import Path

from docxtpl import DocxTemplate
from jinja2 import StrictUndefined

from generator import TEMPLATES
from generator.contexts import common as contexts
from generator.model.layouts import resolve
from generator.render import kinds as documents
from generator.render.docx import DRAFT_MARK, entitle
from generator.render.treesteps import align_numbers, fill_contents, highlight_placeholders
from generator.render.jinja import Sandbox, template_filters, xml_safe
from generator.render.package import normalize_docx
from generator.workflow.pipeline import discover, prepare

ROOT = Path(__file__).resolve().parent.parent


def reference(template: Path, context: dict, subdocs: dict | None = None, draft: bool = False) -> bytes:
    """The unoptimised path: a fresh environment and template, docxtpl's save, then the zip normalised."""
    env = Sandbox(autoescape=True, undefined=StrictUndefined, finalize=xml_safe)
    env.filters.update(template_filters())
    env.from_string = lambda source, *a, **k: env.__class__.__mro__[1].from_string(env, source, *a, **k)
    tpl = DocxTemplate(str(template))
    ctx = dict(context, draft=draft, draft_mark=DRAFT_MARK if draft else "")
    ctx["subdocs"] = {k: tpl.new_subdoc(io.BytesIO(v)) for k, v in (subdocs or {}).items()}
    tpl.render(ctx, env)
    fill_contents(tpl.docx.element.body)
    align_numbers(tpl.docx.element.body)
    entitle(tpl.docx)
    if draft:
        highlight_placeholders(tpl.docx.element.body)
    buffer = io.BytesIO()
    tpl.save(buffer)
    return normalize_docx(buffer.getvalue())


def test_every_kind_equals_the_unoptimised_path():
    compared = set()
    for job in discover([]):
        bundle = prepare(job).bundle
        fast = {}
        for planned, seen in documents.plan(bundle, job.unit_dir):
            if not planned.kind.missing(seen):
                fast.update({o.name: o.data for o in planned.build(seen, job.unit_dir, False)})

        def t(kind, layout):
            return TEMPLATES / layout / f"{kind}.docx"

        def as_in(layout):
            return bundle.in_layout(resolve(layout))
        year = bundle.year.year
        if bundle.layout.name == "湖南":
            assert fast[f"{year}年度部门整体支出绩效自评报告.docx"] == reference(t("部门整体支出绩效自评报告", "湖南"), contexts.self_evaluation_report(bundle))
            compared.add("自评报告")
        from generator.contexts.national import national
        suffix = "" if bundle.layout.name == "全国" else "（全国版式）"
        from generator.checks.requirements import table_facts
        as_draft = bool(suffix) and bool(table_facts(bundle.year))
        assert fast[f"{year}年度部门决算{suffix}.docx"] == reference(t("部门决算", "全国"), national(as_in("全国")), draft=as_draft)
        compared.add("全国部门决算")
        if bundle.layout.name == "全国":
            continue
        overall = reference(t("部门整体支出绩效评价报告", "四川"), contexts.overall_evaluation(as_in("四川")))
        assert fast[f"{year}年部门整体支出绩效评价报告.docx"] == overall
        compared.add("评价报告")
        if bundle.layout.name == "四川":
            (i,) = [i for i, p in enumerate(bundle.year.projects) if p.evaluation]
            project = reference(t("项目支出绩效评价报告", "四川"), contexts.project_report(bundle, i))
            assert fast[f"{year}年项目支出绩效评价报告（{bundle.year.projects[i].evaluation.title}）.docx"] == project
            listing = [{"number": 1, "key": "annex1", "project": None}, {"number": 2, "key": "annex2", "project": bundle.year.projects[i].name}]
            final = reference(t("部门决算说明", "四川"), contexts.final_accounts(bundle, listing), {"annex1": overall, "annex2": project})
            assert fast[f"{year}年度部门决算说明.docx"] == final
            compared.update({"项目报告", "决算说明"})
    assert compared == {"自评报告", "评价报告", "项目报告", "决算说明", "全国部门决算"}
