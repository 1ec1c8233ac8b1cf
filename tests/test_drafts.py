"""Drafts: missing facts render as highlighted 【待补充】 placeholders, every page is marked 草稿."""
import subprocess
import zipfile
from decimal import Decimal as D
from pathlib import Path

import pytest
from conftest import require_pdftotext, require_soffice

from generator import formatting
from generator.errors import DataError
from generator.figures.core import ratio, shares
from generator.pending import Pending
from generator.tools.totext import docx_text
from generator.workflow.pipeline import Job, generate

HALF = Path(__file__).parent / "fixtures" / "draft-half"


def test_pending_taints_what_is_computed_from_it():
    p = Pending("决算数")
    assert isinstance(D("1") + p, Pending) and isinstance(sum([D("1"), p], D(0)), Pending)
    assert isinstance(ratio(D("1"), p), Pending) and isinstance(ratio(p, D("2")), Pending)
    assert all(isinstance(s, Pending) for s in shares([D("1"), p]))
    assert formatting.money(p) == "【待补充：决算数】" and formatting.money(p + 1) == "【待补充：由待补充的数字计算】"


def test_without_draft_missing_facts_are_errors(tmp_path):
    with pytest.raises(DataError) as caught:
        generate(Job(HALF, HALF / "2019.yaml"), tmp_path)
    paths = {f.path for f in caught.value.findings if f.is_error}
    assert {"经济分类", "实有人数", "支出.科目[2].决算数"} <= paths
    assert not list(tmp_path.rglob("*.docx"))


@pytest.fixture(scope="module")
def draft(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("draft")
    _, written = generate(Job(HALF, HALF / "2019.yaml"), out, draft=True)
    (doc,) = [p for p in written if p.name.endswith("部门决算说明.docx")]
    return doc


def test_draft_renders_placeholders_highlighted_and_marked(draft):
    text = docx_text(draft)
    assert text.count("【待补充") >= 20
    assert "人员经费【待补充：金额】万元" in text and "决算为【待补充：决算数】万元" in text
    with zipfile.ZipFile(draft) as z:
        body = z.read("word/document.xml").decode()
        headers = "".join(z.read(n).decode() for n in z.namelist() if n.startswith("word/header"))
    assert body.count('w:highlight w:val="yellow"') == text.count("【待补充")
    assert "草稿" in headers


def test_draft_placeholders_are_visible_in_the_pdf(draft, tmp_path):
    soffice = require_soffice()
    require_pdftotext()
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path}/p", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(draft)], check=True, capture_output=True, timeout=180)
    text = subprocess.run(["pdftotext", str(tmp_path / (draft.stem + ".pdf")), "-"], capture_output=True, text=True).stdout
    assert "待补充" in text and text.count("草稿") >= 10


def test_highlighting_keeps_text_and_breaks_around_a_placeholder():
    from docx.oxml.ns import qn
    from docx.oxml.parser import parse_xml

    from generator.render.treesteps import highlight_placeholders
    W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    body = parse_xml(f'<w:body {W}><w:p><w:r><w:rPr><w:b/></w:rPr><w:t>换行前</w:t><w:br/><w:t>之后【待补充：某项】尾</w:t><w:tab/></w:r></w:p></w:body>')
    highlight_placeholders(body)
    runs = body.findall(f".//{qn('w:r')}")
    shown = [("br" if r.find(qn("w:br")) is not None else "tab" if r.find(qn("w:tab")) is not None else r.find(qn("w:t")).text,
              r.find(f"{qn('w:rPr')}/{qn('w:highlight')}") is not None) for r in runs]
    assert shown == [("换行前", False), ("br", False), ("之后", False), ("【待补充：某项】", True), ("尾", False), ("tab", False)]
    assert all(r.find(f"{qn('w:rPr')}/{qn('w:b')}") is not None for r in runs)
    assert len(body.findall(f".//{qn('w:br')}")) == 1


def test_a_final_document_never_prints_a_fact_to_fill(tmp_path):
    """A line without 年初预算数 or 预算数 leaves the national section's 年初预算 to fill: check names the line, a final
    generate stops with it and writes nothing, the draft prints 【待补充：年初预算数】; and were a fact to fill to reach
    a final rendering, the renderer itself refuses it, naming the fact."""
    import shutil

    from generator.errors import UserError
    from generator.contexts.national import national
    from generator.render.document import render
    from generator.workflow.pipeline import prepare
    unit = tmp_path / "example-jiaoyuju"
    shutil.copytree(Path(__file__).resolve().parent.parent / "data" / "example-jiaoyuju", unit)
    year = unit / "2024.yaml"
    year.write_text(year.read_text(encoding="utf-8").replace("{科目编码: 2050101, 年初预算数: 300.00, 预算数: 315.00, ", "{科目编码: 2050101, "),
                    encoding="utf-8")
    (error,) = [f for f in prepare(Job(unit, year)).findings if f.is_error]
    assert error.path == "支出.科目[0].年初预算数" and "2050101" in error.message
    with pytest.raises(DataError):
        generate(Job(unit, year), tmp_path / "final")
    assert not list((tmp_path / "final").rglob("*.docx"))
    _, written = generate(Job(unit, year), tmp_path / "draft", draft=True)
    draft = next(p for p in written if p.name == "2024年度部门决算.docx")
    assert "【待补充：年初预算数】" in docx_text(draft)
    with pytest.raises(UserError, match=r"里还有待补充的内容（年初预算数）"):
        render(Path("templates/全国/部门决算.docx"), national(prepare(Job(unit, year), draft=True).bundle), draft=False)


def test_a_draft_without_its_code_lines_prints_their_totals_to_fill(tmp_path):
    """Spending not yet written by 科目 is unknown, not 0: a draft printed “总支出0.00万元 … 支出减少100%” and tables
    whose 本年支出合计 was 0.00; every total over the lines now prints 【待补充】, the amounts written elsewhere stay."""
    import re
    import shutil
    unit = tmp_path / "unit"
    shutil.copytree(HALF, unit)
    year = unit / "2019.yaml"
    year.write_text(re.sub(r"  科目:\n(    - .*\n)+", "", year.read_text(encoding="utf-8")), encoding="utf-8")
    prepared, written = generate(Job(unit, year), tmp_path / "out", draft=True)
    texts = {p.name: docx_text(p) for p in written}
    warned = {f.path for f in prepared.findings}  # no change from last year, no fund gap, is known of spending to fill
    assert not warned & {"变动原因.一般公共预算", "变动原因.政府性基金", "变动原因.国有资本经营"}
    own, national = texts["2019年度部门决算说明.docx"], texts["2019年度部门决算（全国版式）.docx"]
    derived = "【待补充：由待补充的数字计算】"
    assert f"2019年度总支出{derived}万元" in own and f"本年支出合计{derived}万元" in own and "项目支出592.16万元" in own
    assert f"一般公共预算财政拨款支出{derived}万元。" in own and "主要用于以下方面：\n" not in own and "。其中：\n" not in own
    assert f"本年支出合计 | {derived} |" in national and f"本年支出合计{derived}万元" in national
    assert "0.00万元" not in own.split("“三公”")[0] and "支出减少100%" not in own


def test_sichuan_with_no_general_budget_spending_ends_its_sentences(tmp_path):
    """A 四川 unit that spent nothing from 一般公共预算 (all of it from a 政府性基金) printed “0.00万元，主要用于以下方面：”
    and “决算数为0.00万元。其中：” with nothing after them."""
    import shutil
    unit = tmp_path / "unit"
    shutil.copytree(Path(__file__).resolve().parent.parent / "data" / "panzhihua-renhe-jiwei", unit)
    year = unit / "2019.yaml"
    text = year.read_text(encoding="utf-8")
    text = text.replace("{科目编码: ", "{资金性质: 政府性基金预算, 科目编码: ")
    year.write_text(text, encoding="utf-8")
    from generator.workflow.pipeline import prepare
    bundle = prepare(Job(unit, year), draft=True).bundle
    from generator.contexts.common import final_accounts
    from generator.render.document import render
    own = docx_text_of(render(Path("templates/四川/部门决算说明.docx"), final_accounts(bundle, []), draft=True), tmp_path)
    assert "2019年一般公共预算财政拨款支出0.00万元。\n" in own and "主要用于以下方面：\n" not in own
    assert "2019年一般公共预算支出决算数为0.00万元。\n" in own


def docx_text_of(data: bytes, folder: Path) -> str:
    """The text of rendered document bytes."""
    path = folder / "rendered.docx"
    path.write_bytes(data)
    return docx_text(path)


def test_every_placeholder_names_its_fact():
    """A draft's 【待补充：…】 names the fact to fill from the field's description; a description that opened with its
    hint printed “机关运行经费支出【待补充：省略时等于公用经费】万元” in every draft `new` scaffolded."""
    import typing

    from pydantic import BaseModel

    from generator.model import Unit, Year
    from generator.model.validation import label_of
    seen: set = set()
    odd = []

    def walk(model: type[BaseModel]) -> None:
        seen.add(model)
        for field in model.model_fields.values():
            label = label_of(field)  # a yes/no fact is filled with 否, never printed as a placeholder
            if bool not in (field.annotation, *typing.get_args(field.annotation)) and (
                    not label or label.startswith(("例如", "省略", "可省略", "不知道", "是否"))):
                odd.append(f"{model.__name__}.{field.alias}: {label}")
            inner = [b for a in (field.annotation, *typing.get_args(field.annotation)) for b in (a, *typing.get_args(a))]
            for kind in inner:
                if isinstance(kind, type) and issubclass(kind, BaseModel) and kind not in seen:
                    walk(kind)
    walk(Unit)
    walk(Year)
    assert len(seen) > 20 and not odd, odd
