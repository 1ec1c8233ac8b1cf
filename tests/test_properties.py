"""Property-based: for arbitrary valid data, every document is well-formed, opens, and shows every input text."""
import io
import subprocess
import zipfile
from decimal import Decimal
from pathlib import Path

from conftest import require_soffice
from docx import Document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from generator.figures.bundle import Bundle
from generator.figures.year import compute
from generator.load.catalog import catalog
from generator.model import Unit, Year
from generator.model.layouts import available, default_name, resolve
from generator.render import kinds as documents
from generator.render.jinja import FORBIDDEN
from generator.tools.totext import docx_text

ROOT = Path(__file__).resolve().parent.parent
text = st.text(min_size=1, max_size=40)
# amounts a department can have (the model refuses 1e9 万元 and more)
amount = st.decimals(min_value=0, max_value=Decimal("99999999.99"), places=2, allow_nan=False, allow_infinity=False)
signed = st.decimals(min_value=Decimal("-99999999.99"), max_value=Decimal("99999999.99"), places=2, allow_nan=False, allow_infinity=False)
codes = st.sampled_from(["2010101", "2010301", "2011101", "2080505", "2101101", "2210201", "2050203"])


def shown(value: str) -> str:
    """How a text appears in the document: CR LF / CR / VT as line breaks, forbidden characters dropped."""
    value = value.replace("\r\n", "\n").replace("\r", "\n").replace("\x0b", "\n")
    return FORBIDDEN.sub("", value)


@st.composite
def unit_year(draw):
    """Plain data for a unit and a year, with arbitrary texts and extreme amounts."""
    texts = draw(st.lists(text, min_size=12, max_size=12))
    lines = draw(st.lists(st.tuples(codes, amount, amount), min_size=1, max_size=4, unique_by=lambda t: t[0]))
    unit = {"单位名称": texts[0], "简称": texts[1], "职能": [texts[2]], "编制": {"行政编制": draw(st.integers(0, 10**6))}}
    year = {
        "年度": 2019, "实有人数": draw(st.integers(0, 10**6)), "重点工作": [texts[3]], "机构设置": [texts[4]],
        "收入": {"一般公共预算财政拨款收入": draw(amount), "事业收入": draw(amount)},
        "支出": {"基本支出": draw(amount), "项目支出": draw(amount),
               "科目": [{"科目编码": c, "预算数": b, "决算数": a} for c, b, a in lines]},
        "经济分类": {"人员经费": {"金额": draw(amount), "主要包括": [texts[5]]}, "公用经费": {"金额": draw(amount), "主要包括": [texts[6]]}},
        "变动原因": {"收支总体": texts[7]},
        "预算": {"年初预算数": draw(amount), "调整追加": draw(signed)},
        "工作情况": [{"标题": texts[8], "段落": [{"要点": texts[9], "内容": texts[10]}]}],
        "整体支出自评": {"资金分值": 10, "预期目标": texts[11], "绩效指标": [
            {"一级指标": "产出指标", "二级指标": "数量指标", "三级指标": texts[0], "指标值": texts[1], "实际完成值": texts[2], "分值": 90, "得分": draw(st.integers(0, 90))}]},
        "上年": {"收入合计": draw(amount), "支出合计": draw(amount)},
    }
    return unit, year, [t for t in texts]


def render_all(unit_data, year_data) -> list[bytes]:
    """Every document the data allows, rendered in memory."""
    unit, year = Unit.model_validate(unit_data), Year.model_validate(year_data)
    bundle = Bundle(unit, year, compute(year), catalog(), resolve(default_name()))
    out = []
    for kind in (documents.FINAL, documents.SELF, documents.OVERALL):
        out += [o.data for o in built(kind, bundle, False)]
    return out


def built(kind, bundle: Bundle, draft: bool) -> list:
    """A kind's documents, rendered in the built-in layout that has it."""
    layout = next(resolve(name) for name in available() if resolve(name).document(kind.name))
    return documents.Planned(kind, layout.document(kind.name)).build(bundle.in_layout(layout), ROOT, draft)


def assert_sound(data: bytes, texts: list[str]) -> None:
    """Well-formed XML in every part, opens with python-docx, and each text is there as written."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for name in z.namelist():
            if name.endswith(".xml") or name.endswith(".rels"):
                etree.fromstring(z.read(name))
    Document(io.BytesIO(data))
    body = docx_text(data)
    for t in texts:
        assert shown(t).strip() in body, repr(t)


@given(unit_year())
@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
def test_any_valid_data_gives_valid_documents(case):
    unit, year, texts = case
    final, self_eval, overall = render_all(unit, year)
    assert_sound(final, [texts[i] for i in (0, 1, 2, 3, 4, 5, 6, 7)])
    assert_sound(self_eval, [texts[i] for i in (0, 1, 2, 8, 9, 10, 11)])
    assert_sound(overall, [texts[0], texts[2]])


@given(unit_year())
@settings(max_examples=2, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
def test_a_sample_converts_with_libreoffice(tmp_path_factory, case):
    soffice = require_soffice()
    folder = tmp_path_factory.mktemp("prop")
    docs = []
    for i, data in enumerate(render_all(case[0], case[1])):
        path = folder / f"d{i}.docx"
        path.write_bytes(data)
        docs.append(str(path))
    subprocess.run([soffice, f"-env:UserInstallation=file://{folder}/p", "--headless", "--convert-to", "pdf", "--outdir", str(folder), *docs],
                   check=True, capture_output=True, timeout=240)
    assert all((folder / f"d{i}.pdf").stat().st_size > 1000 for i in range(len(docs)))


@given(unit_year(), st.booleans())
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
def test_any_valid_data_renders_as_docxtpl_does(case, draft):
    from unittest import mock

    from generator.render import direct, docx
    compared = []

    def both(template, context, subdocs=None, draft=False):
        reference = docx.render(template, context, subdocs, draft)
        compared.append(direct.prepared(template).render(template, context, subdocs or {}, draft) == reference)
        return reference
    unit, year = Unit.model_validate(case[0]), Year.model_validate(case[1])
    bundle = Bundle(unit, year, compute(year), catalog(), resolve(default_name()))
    with mock.patch.object(documents, "render", both):
        for kind in documents.KINDS.values():
            if not kind.missing(bundle):
                built(kind, bundle, draft)
    assert len(compared) >= 3 and all(compared)
