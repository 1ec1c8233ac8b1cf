"""import and generate --xlsx: every unit survives export then import; the hand-laid workbooks give their expected results."""
from __future__ import annotations

import io
import re
import struct
import shutil
import subprocess
import zipfile
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from conftest import require_calc

from cli import main
from generator.errors import UsageError, UserError
from generator.excel.cells import NotAmount, amount, unit_of
from generator.excel.expected import expected_grid
from generator.excel.reader import read
from generator.workflow.excel_import import run_import
from generator.excel.shapes import SHAPES, identify, identify_code
from generator.excel.workbook import Sheet, read_workbook
from generator.excel.writer import workbook_bytes
from generator.tools.totext import docx_text
from generator.workflow.pipeline import Job, discover, generate, prepare

ROOT = Path(__file__).parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
BOOKS = FIXTURES / "xlsx"
PUTUO = FIXTURES / "putuo-corrected"
UNIT_YEARS = [j for j in discover([ROOT / "data"]) + [j for p in sorted(FIXTURES.iterdir()) if (p / "unit.yaml").exists()
                                                       for j in discover([p])]]


def known_cells(grid):
    """The grid's known cells as a flat dict (blank and 0 alike)."""
    return {(t, r, c): v for t, rows in grid.items() for r, cols in rows.items() for c, v in cols.items() if v is not None}


def fresh_unit(tmp_path: Path, unit_dir: Path = PUTUO) -> Path:
    """A unit folder holding only unit.yaml."""
    folder = tmp_path / unit_dir.name
    folder.mkdir()
    shutil.copy(unit_dir / "unit.yaml", folder / "unit.yaml")
    return folder


@pytest.mark.parametrize("job", [j for j in UNIT_YEARS if prepare(j).bundle is not None], ids=lambda j: j.label)
def test_export_then_import_gives_the_same_figures(job, tmp_path):
    bundle = prepare(job).bundle
    book = tmp_path / "表.xlsx"
    book.write_bytes(workbook_bytes(bundle))
    done = run_import(book, fresh_unit(tmp_path, job.unit_dir), bundle.year.year)
    assert done.written and done.differences == 0
    assert not [f for f in done.findings if f.file.endswith(".xlsx") and f.is_error]
    again = prepare(Job(done.target.parent, done.target), draft=True).bundle
    before, after = known_cells(expected_grid(bundle.year)), known_cells(expected_grid(again.year))
    assert {k: v for k, v in before.items() if (after.get(k) or 0) != v} == {}


def test_every_unit_is_exported():
    """The round trip above covers every unit-year of data/ and the fixtures but the half-written draft fixture."""
    assert {j.label for j in UNIT_YEARS if prepare(j).bundle is None} == {"draft-half/2019"}
    assert len(UNIT_YEARS) == 11


# fixture → (exit code, messages that must appear); run against a unit folder holding only unit.yaml
CASES = {
    "决算系统.xlsx": (0, []),
    "决算系统.xls": (0, []),
    "公开表.xlsx": (0, []),
    "目录与注.xlsx": (0, ["目录: 这是目录页（列出了 9 张表），不是决算表，已跳过。"]),  # 类/款 columns, text amounts, notes
    "缺表.xlsx": (0, ["工作簿里没有“财政拨款“三公”经费支出决算表”（公开07表）"]),
    "文字.xlsx": (1, ["公开05表!G8: “201 一般公共服务支出”的“基本支出”应为金额，这里是“见附表”"]),
    "合计不符.xlsx": (1, ["公开03表!F8: “支出决算表”“201 一般公共服务支出”的“本年支出合计”为 200.00，但按明细行（和其他表）算得 264.87"]),
    "无法识别.xlsx": (0, ["填报说明: 这个工作表不是九张部门决算表之一"]),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_fixture_workbooks(name, tmp_path):
    code, messages = CASES[name]
    unit = fresh_unit(tmp_path)
    result = CliRunner().invoke(main, ["import", str(BOOKS / name), str(unit), "--year", "2024"])
    assert result.exit_code == code, result.output
    for message in messages:
        assert message in result.output
    assert (unit / "2024.yaml").exists()


@pytest.mark.parametrize("name", ["决算系统.xlsx", "决算系统.xls", "公开表.xlsx", "目录与注.xlsx", "无年度.xlsx", "万元加注.xlsx"])
def test_both_real_forms_import_into_a_year_file_check_accepts_and_generate_renders(name, tmp_path):
    unit = fresh_unit(tmp_path)
    runner = CliRunner()
    imported_run = runner.invoke(main, ["import", str(BOOKS / name), str(unit), "--year", "2024"])
    # read right, so exit 0; what the year file still lacks for the national document is listed to fill
    assert imported_run.exit_code == 0 and "支出.科目[0].年初预算数: 科目 2013901 没有年初预算数" in imported_run.output
    assert "决算单位: 部门决算要说明" in imported_run.output
    imported = prepare(Job(unit, unit / "2024.yaml"), draft=True)
    assert known_cells(expected_grid(imported.bundle.year)) == known_cells(expected_grid(prepare(discover([PUTUO])[0]).bundle.year))
    # the workbook holds the tables, not the text or 政府采购: check lists what to fill, a final document is refused
    # naming it, and a draft is made
    checked = runner.invoke(main, ["check", str(unit)])
    assert checked.exit_code == 1 and checked.output.count("还没有填写（待补充）") == 3 and "政府采购.货物" in checked.output
    out = tmp_path / "out"
    result = runner.invoke(main, ["generate", str(unit), "-o", str(out)])
    assert result.exit_code == 1 and "政府采购.货物: 还没有填写" in result.output, result.output
    result = runner.invoke(main, ["generate", "--draft", str(unit), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert (out / unit.name / "2024" / "2024年度部门决算.docx").exists()


def test_amounts_in_yuan_become_wan_yuan_with_two_decimals(tmp_path):
    unit = fresh_unit(tmp_path)
    run_import(BOOKS / "公开表.xlsx", unit, 2024)
    text = (unit / "2024.yaml").read_text(encoding="utf-8")
    assert "{科目编码: \"2013901\", 基本支出: 51.32, 项目支出: 0.00}" in text
    assert "{科目编码: \"30102\", 决算数: 39.72}" in text


def test_the_year_comes_from_the_titles(tmp_path):
    done = run_import(BOOKS / "公开表.xlsx", fresh_unit(tmp_path), None)
    assert done.target.name == "2024.yaml"


def test_without_a_year_in_titles_the_clerk_is_asked_for_one(tmp_path):
    result = CliRunner().invoke(main, ["import", str(BOOKS / "决算系统.xlsx"), str(fresh_unit(tmp_path))])
    assert result.exit_code == 2 and "--year" in result.output


def test_an_existing_year_file_is_compared_not_written(tmp_path):
    unit = tmp_path / "u"
    shutil.copytree(PUTUO, unit)
    before = (unit / "2024.yaml").read_bytes()
    same = CliRunner().invoke(main, ["import", str(BOOKS / "公开表.xlsx"), str(unit)])
    assert same.exit_code == 0 and "工作簿与它一致" in same.output
    differs = CliRunner().invoke(main, ["import", str(BOOKS / "合计不符.xlsx"), str(unit)])
    assert differs.exit_code == 1
    assert "2024.yaml:9: 错误: 支出.科目[0]: 与工作簿不一致：公开03表!F8" in differs.output
    assert (unit / "2024.yaml").read_bytes() == before


def test_a_year_file_with_other_figures_is_reported_at_its_line(tmp_path):
    unit = tmp_path / "u"
    shutil.copytree(PUTUO, unit)
    text = (unit / "2024.yaml").read_text(encoding="utf-8").replace("基本支出: 6.18", "基本支出: 6.20")
    (unit / "2024.yaml").write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["import", str(BOOKS / "决算系统.xls"), str(unit), "--year", "2024"])
    assert result.exit_code == 1
    assert ("2024.yaml:12: 错误: 支出.科目[3]: 与工作簿不一致：Z07 一般公共预算财政拨款支出决算表(财决07表)!D17"
            "（“一般公共预算财政拨款支出决算表”“2080505 机关事业单位基本养老保险缴费支出”的“基本支出”）为 6.18，年度文件算得 6.20。") in result.output


@pytest.mark.parametrize("content, suffix, code, message", [
    (b"not a zip", ".xlsx", 1, "它不是 Excel 工作簿"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600 + "EncryptedPackage".encode("utf-16-le"), ".xlsx", 1,
     "工作簿有密码。请在 Excel 或 WPS 中去掉密码另存后再导入"),
    (b"<html><body><table><tr><td>1</td></tr></table></body></html>", ".xls", 1, "它其实是网页（HTML）表格"),
    (b"plain text", ".xls", 1, "打不开"),
    (b"a,b", ".csv", 2, "只能导入 .xlsx 或 .xls 文件"),
])
def test_a_file_that_is_no_workbook_gets_a_message(tmp_path, content, suffix, code, message):
    path = tmp_path / f"表{suffix}"
    path.write_bytes(content)
    result = CliRunner().invoke(main, ["import", str(path), str(fresh_unit(tmp_path))])
    assert result.exit_code == code and message in result.output
    assert "Traceback" not in result.output


def test_tables_are_found_by_title_and_by_code_of_cut_sheet_names():
    assert identify("中共某某部2024年度收入支出决算总表") == "总表"
    assert identify("财政拨款收入支出决算总表") == "财政拨款总表"
    assert identify("一般公共预算财政拨款基本支出决算明细表") == "基本支出"
    assert identify("支出决算明细表") is None
    assert identify_code("Z08 一般公共预算财政拨款基本支出决算明细表(财决08-") == "基本支出"
    assert identify_code("Z04 支出决算表(财决04表)") == "支出"
    assert identify_code("Z01-1 财政拨款收入支") == "财政拨款总表"
    assert identify_code("Z01 收入支出") == "总表"
    assert identify_code("公开06表") == "基本支出"


def test_merged_header_text_fills_its_range():
    sheet = next(s for s in read_workbook(BOOKS / "决算系统.xlsx") if s.name.startswith("Z09"))
    assert sheet.value(3, 5) == "本年支出" and sheet.value(3, 6) == "本年支出"


def exported(tmp_path: Path) -> Path:
    """generate --xlsx for the putuo fixture."""
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["generate", str(PUTUO), "-o", str(out), "--xlsx"])
    assert result.exit_code == 0, result.output
    return out / "putuo-corrected" / "2024" / "2024年度部门决算表.xlsx"


def test_generate_xlsx_writes_the_nine_tables_in_the_published_form(tmp_path):
    book = openpyxl.load_workbook(exported(tmp_path))
    assert [ws.title for ws in book.worksheets] == [f"{s.public_code} {s.title}"[:31] for s in SHAPES]
    summary = book.worksheets[0]
    assert summary["D2"].value == "公开01表" and summary["D3"].value == "金额单位：万元"
    general = book["公开05表 一般公共预算财政拨款支出决算表"[:31]]
    cells = {general.cell(r, 1).value: general.cell(r, 3) for r in range(1, general.max_row + 1)}
    assert cells["2013901"].value == 51.32 and cells["2013901"].number_format == "#,##0.00"
    assert general["E3"].value == "金额单位：万元"


def test_generate_xlsx_gives_the_same_bytes_twice(tmp_path):
    first = exported(tmp_path / "a").read_bytes()
    second = exported(tmp_path / "b").read_bytes()
    assert first == second
    assert all(i.date_time == (1980, 1, 1, 0, 0, 0) for i in zipfile.ZipFile(io.BytesIO(first)).infolist())


def test_libreoffice_calc_opens_the_exported_workbook(tmp_path):
    soffice = require_calc()
    book = exported(tmp_path)
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76",
                    "--outdir", str(tmp_path), str(book)], check=True, capture_output=True, timeout=180)
    text = (tmp_path / (book.stem + ".csv")).read_text(encoding="utf-8", errors="replace")
    assert "收入支出决算总表" in text and "307.82" in text


def test_a_bad_unit_folder_is_refused(tmp_path):
    with pytest.raises(UsageError) as caught:
        run_import(BOOKS / "公开表.xlsx", tmp_path, 2024)
    assert "不是单位文件夹" in str(caught.value)


@pytest.mark.parametrize("cell, unit, expected", [
    (1234.5, "万元", "1234.50"), ("1,234.50", "万元", "1234.50"), (" 12 ", "万元", "12.00"), ("—", "万元", "0.00"),
    (None, "万元", None), (123456, "元", "12.3456"), (1234567, "元", "123.4567"), (1000000, "元", "100.00"), ("5,000", "元", "0.50"),
    (1931.9351, "万元", "1931.9351"),  # a 万元 cell shown as 1931.94 that holds the system's 元 behind it keeps them
    (12.3456789, "万元", "12.345679"),  # to the 分 (0.000001 万元), not beyond
])
def test_cell_amounts(cell, unit, expected):
    value = amount(cell, unit)
    assert (None if value is None else str(value)) == expected


@pytest.mark.parametrize("cell", ["见附表", "1.2.3", True, "NaN"])
def test_text_that_is_no_amount_is_refused(cell):
    with pytest.raises(NotAmount):
        amount(cell, "万元")


def test_the_amount_unit_is_read_from_the_head_rows():
    assert unit_of(Sheet("公开01表", [["收入支出决算总表"], [None, "金额单位：元"]])) == "元"
    assert unit_of(Sheet("Z01", [["收入支出决算总表"], ["单位:万元"]])) == "万元"
    assert unit_of(Sheet("Z01", [["收入支出决算总表"], ["项目", "决算数"]])) is None


def test_a_sheet_without_its_unit_is_imported_as_wan_yuan_with_a_warning(tmp_path):
    book = openpyxl.load_workbook(BOOKS / "公开表.xlsx")
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and "单位：元" in cell.value:
                    cell.value = None
    book.save(tmp_path / "无单位.xlsx")
    done = run_import(tmp_path / "无单位.xlsx", fresh_unit(tmp_path), 2024)
    assert any("表头没有写金额单位" in f.message and not f.is_error for f in done.findings)
    # every table read in 万元 alike: the figures agree with one another, 10 000 times too large, but for the system's
    # rounding of 公用经费 (10.23 printed beside items of 10.22), now 100.00 apart
    assert {f.path for f in done.findings if "按明细行" in f.message} == {"公开06表!F6", "公开06表!F44"}


def test_with_last_years_file_the_rest_is_scaffolded_like_new(tmp_path):
    unit = fresh_unit(tmp_path)
    last = (PUTUO / "2024.yaml").read_text(encoding="utf-8").replace("年度: 2024", "年度: 2023")
    (unit / "2023.yaml").write_text(last, encoding="utf-8")
    done = run_import(BOOKS / "公开表.xlsx", unit, 2024)
    text = done.target.read_text(encoding="utf-8")
    assert "其余内容由 2023.yaml 生成" in text and "# 待补充" in text
    assert "用途: 行政单位人员支出、公用支出" in text  # each line keeps last year's 用途
    assert "基本支出: 51.32" in text


def test_text_that_looks_like_a_formula_stays_text(tmp_path):
    """A unit named “=HYPERLINK(…)” (or “+1”, “@SUM”) writes its name as text: no sheet of the workbook holds a formula."""
    unit = tmp_path / "example-jiaoyuju"
    shutil.copytree(ROOT / "data" / "example-jiaoyuju", unit)
    text = (unit / "unit.yaml").read_text(encoding="utf-8")
    (unit / "unit.yaml").write_text(re.sub(r"单位名称: .*", '单位名称: "=HYPERLINK(\\"http://x\\",\\"点我\\")"', text, count=1), encoding="utf-8")
    data = workbook_bytes(prepare(Job(unit, unit / "2024.yaml")).bundle)
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        sheets = [package.read(n).decode("utf-8") for n in package.namelist() if n.startswith("xl/worksheets/sheet")]
    assert len(sheets) == 9 and not any("<f>" in s or "<f " in s for s in sheets)
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book.worksheets[0].cell(3, 1).value == '编制单位：=HYPERLINK("http://x","点我")'
    assert book.worksheets[0].cell(1, 1).value.startswith('=HYPERLINK("http://x","点我")2024年度')


def test_a_yuan_workbook_is_compared_to_the_fen(tmp_path):
    """A 元 workbook is read exactly: a year file 0.09 万元 off it (51.41 against 51.32) is reported at the cell."""
    unit = fresh_unit(tmp_path)
    run_import(BOOKS / "公开表.xlsx", unit, 2024)
    year = unit / "2024.yaml"
    text = year.read_text(encoding="utf-8")
    assert "基本支出: 51.32," in text
    year.write_text(text.replace("基本支出: 51.32,", "基本支出: 51.41,", 1), encoding="utf-8")
    done = run_import(BOOKS / "公开表.xlsx", unit, 2024)
    assert not done.written and done.differences > 0
    assert any("51.32" in f.message and "51.41" in f.message for f in done.findings)


def test_messages_name_rows_and_columns_as_the_tables_do():
    """No internal key reaches a clerk: 年末:一般公共预算 is named as the 财政拨款总表 names it, 公务接待费:预算数 too."""
    from generator.excel.compare import Difference
    found = Difference("财政拨款总表", "年末:一般公共预算", "合计", None, Decimal("1.00"), None)
    assert (found.label, found.column) == ("年末一般公共预算财政拨款结转和结余", "合计")
    three = Difference("三公", "合计", "公务接待费:预算数", None, Decimal("1.00"), None)
    assert three.column == "公务接待费预算数"


def test_findings_are_ordered_by_sheet_row_and_column_as_numbers():
    from generator.errors import ERROR, Finding, ordered
    cells = ["公开06表!B10", "公开06表!C7", "公开06表!B8", "公开05表!AA3"]
    found = ordered([Finding("表.xlsx", 0, ERROR, c, "x") for c in cells])
    assert [f.path for f in found] == ["公开05表!AA3", "公开06表!C7", "公开06表!B8", "公开06表!B10"]


def test_of_two_sheets_claiming_a_table_the_one_with_its_rows_is_read(tmp_path):
    """A cover sheet titled like the 总表 comes first: the real 公开01表 is read all the same, and the cover is named."""
    book = openpyxl.load_workbook(BOOKS / "公开表.xlsx")
    cover = book.create_sheet("封面", 0)
    cover["A1"], cover["A2"] = "中共上海市普陀区委社会工作部2024年度收入支出决算总表", "编制单位：中共上海市普陀区委社会工作部"
    book.save(tmp_path / "封面.xlsx")
    unit = fresh_unit(tmp_path)
    done = run_import(tmp_path / "封面.xlsx", unit, 2024)
    assert done.written and done.differences == 0
    (cover_finding,) = [f for f in done.findings if f.path == "封面"]
    assert "导入了金额多的“公开01表”" in cover_finding.message
    imported = prepare(Job(unit, unit / "2024.yaml"), draft=True)
    assert known_cells(expected_grid(imported.bundle.year)) == known_cells(expected_grid(prepare(discover([PUTUO])[0]).bundle.year))


def test_a_workbook_of_another_year_or_unit_needs_confirm(tmp_path):
    """--year 2023 on a workbook titled 2024年度, or a workbook whose 编制单位 is another unit, is refused with the reason
    and nothing is written; --confirm imports it."""
    unit = fresh_unit(tmp_path)
    with pytest.raises(UsageError, match="表头写的是 2024 年度，要导入的是 2023 年"):
        run_import(BOOKS / "公开表.xlsx", unit, 2023)
    assert not (unit / "2023.yaml").exists()
    assert run_import(BOOKS / "公开表.xlsx", unit, 2023, confirm=True).written
    other = tmp_path / "other"
    other.mkdir()
    (other / "unit.yaml").write_text("单位名称: 示例区教育局\n版式: 全国\n", encoding="utf-8")
    with pytest.raises(UsageError, match="编制单位是“中共上海市普陀区委社会工作部”"):
        run_import(BOOKS / "公开表.xlsx", other, 2024)
    assert not (other / "2024.yaml").exists()


def test_an_xlsx_named_xls_is_read_as_what_it_is(tmp_path):
    """A .xlsx renamed .xls is read by its content."""
    renamed = tmp_path / "表.xls"
    renamed.write_bytes((BOOKS / "公开表.xlsx").read_bytes())
    assert run_import(renamed, fresh_unit(tmp_path), 2024).written


def broken_copies(tmp_path: Path) -> list[Path]:
    """公开表.xlsx cut in half, and with its first sheet's XML malformed; 决算系统.xls cut at three places."""
    data = (BOOKS / "公开表.xlsx").read_bytes()
    cut = tmp_path / "截断.xlsx"
    cut.write_bytes(data[: len(data) // 2])
    old = (BOOKS / "决算系统.xls").read_bytes()
    cuts = []
    for share in (4, 2, 1.2):
        cuts.append(tmp_path / f"截断{share}.xls")
        cuts[-1].write_bytes(old[: int(len(old) / share)])
    bad = tmp_path / "坏的XML.xlsx"
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(bad, "w") as target:
        for member in source.namelist():
            body = source.read(member)
            target.writestr(member, b"<worksheet><sheetData><row r=" if member == "xl/worksheets/sheet1.xml" else body)
    return [cut, bad, *cuts]


def test_a_broken_workbook_is_refused_in_chinese_never_exit_3(tmp_path):
    for path in broken_copies(tmp_path):
        (tmp_path / path.stem).mkdir()
        result = CliRunner().invoke(main, ["import", str(path), str(fresh_unit(tmp_path / path.stem)), "--year", "2024"])
        assert result.exit_code == 1 and "打不开" in result.output and "Traceback" not in result.output, result.output
        assert "WARNING" not in result.output  # xlrd's own notes stay out of the clerk's terminal


@pytest.mark.parametrize("name", ["公开表.xlsx", "决算系统.xlsx", "决算系统.xls"])
def test_a_workbook_with_damaged_bytes_is_read_or_refused_in_chinese(name, tmp_path):
    """450 copies with 1, 3 or 20 random bytes changed (fixed seeds): each is read, or refused with a UserError. Before,
    a damaged deflate stream (zlib.error) and a zip entry's flags (NotImplementedError) ended in exit 3, and an .xls
    whose merged range reached column 54 535 made every row that wide (minutes)."""
    import random

    source = (BOOKS / name).read_bytes()
    for seed in range(450):
        rng = random.Random(seed)
        data = bytearray(source)
        for _ in range(rng.choice([1, 3, 20])):
            data[rng.randrange(len(data))] = rng.randrange(256)
        path = tmp_path / f"坏{Path(name).suffix}"
        path.write_bytes(bytes(data))
        try:
            read(path)
        except UserError as exc:
            assert "打不开" in str(exc) or "不像部门决算表" in str(exc), (seed, str(exc))


def test_a_workbook_that_unpacks_too_large_is_refused_before_it_is_read(tmp_path, monkeypatch):
    """The unpacked size is checked from the package's directory, before any sheet is parsed."""
    from generator.excel import limits
    monkeypatch.setattr(limits, "MAX_INFLATED", 10_000)
    with pytest.raises(UserError, match="公开表.xlsx 解压后超过"):
        read_workbook(BOOKS / "公开表.xlsx")


def test_a_sheet_formatted_to_the_last_row_is_read_to_its_last_value(tmp_path):
    """Cells styled far below the table (row 200 000) do not make the sheet that long."""
    book = openpyxl.load_workbook(BOOKS / "公开表.xlsx")
    book["公开03表"].cell(200_000, 3).number_format = "0.00"
    book.save(tmp_path / "格式.xlsx")
    sheets = {s.name: s for s in read_workbook(tmp_path / "格式.xlsx")}
    assert len(sheets["公开03表"].rows) < 100


def test_a_value_past_the_last_column_an_xls_can_hold_is_refused_without_reading_every_column(tmp_path):
    """A sheet whose one cell in column XFD (and dimension A1:XFD…) used to make every row 16 384 cells wide (5 GB)."""
    book = openpyxl.load_workbook(BOOKS / "公开表.xlsx")
    book["公开03表"].cell(9, 16_384, 1.5)
    book.save(tmp_path / "宽.xlsx")
    with pytest.raises(UserError, match="公开03表.*在第 256 列之后还有内容"):
        read_workbook(tmp_path / "宽.xlsx")
    book["公开03表"].cell(9, 16_384).value = None
    book["公开03表"].cell(9, 200, 1.5)  # within the limit: read, and the row keeps no trailing blanks
    book.save(tmp_path / "宽.xlsx")
    sheet = {s.name: s for s in read_workbook(tmp_path / "宽.xlsx")}["公开03表"]
    assert sheet.width == 200 and sheet.rows[0] and sheet.rows[0][-1] is not None


@pytest.mark.parametrize("name", ["公开表.xlsx", "决算系统.xls"])
def test_rows_and_cells_past_the_limits_are_refused_in_xlsx_and_xls(name, monkeypatch):
    """Both formats keep one budget: rows per sheet, cells holding a value in the whole workbook."""
    from generator.excel import limits
    monkeypatch.setattr(limits, "MAX_ROWS", 10)
    with pytest.raises(UserError, match="有超过 10 行数据"):
        read_workbook(BOOKS / name)
    monkeypatch.undo()
    monkeypatch.setattr(limits, "MAX_CELLS", 300)
    with pytest.raises(UserError, match="有超过 300 个填了内容的单元格"):
        read_workbook(BOOKS / name)


def test_a_part_read_whole_past_its_cap_is_refused_before_it_is_parsed(tmp_path, monkeypatch):
    """openpyxl reads styles and shared strings whole: 290 000 empty fonts in 2 MB took 181 MB, in 10 MB 657 MB."""
    from generator.excel import limits
    monkeypatch.setattr(limits, "MAX_PART", 1_000)
    with pytest.raises(UserError, match="里的 xl/.*解压后超过"):
        read_workbook(BOOKS / "公开表.xlsx")
    with zipfile.ZipFile(BOOKS / "公开表.xlsx") as source, zipfile.ZipFile(tmp_path / "文字.xlsx", "w") as target:
        for member in source.namelist():
            target.writestr(member, source.read(member))
        target.writestr("xl/sharedStrings.xml", b"<sst>" + b"<si><t>x</t></si>" * 100 + b"</sst>")
    monkeypatch.setattr(limits, "MAX_PART", 10_000_000)
    monkeypatch.setattr(limits, "MAX_STRINGS", 1_000)  # shared strings have a cap of their own
    with pytest.raises(UserError, match="里的 xl/sharedStrings.xml 解压后超过"):
        read_workbook(tmp_path / "文字.xlsx")


@pytest.mark.parametrize("record, count, refused", [(0x00E0, 4_100, False), (0x00E0, 4_101, True), (0x0031, 1_025, True)])
def test_an_xls_defining_more_formats_or_fonts_than_excel_allows_is_refused(tmp_path, record, count, refused):
    """xlrd keeps each cell format and font as an object of about a kilobyte (200 000 formats: 262 MB); the count is
    taken from the workbook stream before xlrd reads it."""
    from generator.excel import limits
    stream = b"".join([struct.pack("<HH", record, 4) + b"\0" * 4] * count + [struct.pack("<HH", limits.BIFF_EOF, 0)])
    counts = limits._globals_records(stream, 0, len(stream))
    assert counts[record] == count
    assert (counts[record] > limits.XLS_RECORDS[record][1]) is refused
    assert limits.check_xls(BOOKS / "决算系统.xls")  # the real export is within the limits


def test_a_table_recognised_by_its_title_but_with_no_column_read_is_an_error(tmp_path):
    """A 收入支出决算总表 with amounts under no 项目/金额 header used to import nothing without a word."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "公开01表"
    sheet.append(["2024年度收入支出决算总表"])
    for r in range(10):
        sheet.append([r + 0.5, r + 1.5, r + 2.5])
    book.save(tmp_path / "无表头.xlsx")
    done = run_import(tmp_path / "无表头.xlsx", fresh_unit(tmp_path), 2024)
    found = [f for f in done.findings if f.path == "公开01表" and f.is_error]
    assert done.failed and found and "一个金额也没读出来" in found[0].message


def test_a_formula_without_its_result_and_an_accounting_negative_are_named_at_their_cells(tmp_path):
    """A formula saved by a program that never computed it has no value to read; “(1,234.00)” is a negative amount."""
    book = openpyxl.load_workbook(BOOKS / "公开表.xlsx")
    book["公开03表"]["F8"] = "=SUM(F9:F10)"
    book["公开05表"]["G8"] = "(1,234.00)"
    book.save(tmp_path / "公式.xlsx")
    done = run_import(tmp_path / "公式.xlsx", fresh_unit(tmp_path), 2024)
    by_cell = {f.path: f for f in done.findings}
    assert by_cell["公开03表!F8"].is_error and "请在 Excel 或 WPS 中打开后保存，再导入" in by_cell["公开03表!F8"].message
    assert by_cell["公开05表!G8"].is_error and "会计格式的负数" in by_cell["公开05表!G8"].message


def test_a_code_the_catalogue_lacks_keeps_the_workbooks_name(tmp_path, monkeypatch):
    """With 2013901 (项) and 20139 (款) missing from the catalogue, the year file names them as the workbook does."""
    from generator.workflow import excel_import
    real = excel_import.catalog()

    class Lacking:
        def name(self, code: str, year: int):
            return None if code in ("2013901", "20139") else real.name(code, year)
    monkeypatch.setattr(excel_import, "catalog", Lacking)
    unit = fresh_unit(tmp_path)
    run_import(BOOKS / "公开表.xlsx", unit, 2024)
    text = (unit / "2024.yaml").read_text(encoding="utf-8")
    assert re.search(r"科目编码: \"2013901\".*科目名称: 行政运行", text)
    assert not re.search(r"科目编码: \"2013950\".*科目名称", text)
    assert re.search(r"^科目名称:\n  \"20139\": 社会工作事务$", text, re.M)


def test_a_draft_workbook_says_so_and_leaves_the_unknown_blank(tmp_path):
    """仁和 keeps no 基本支出明细: its table 6 is blank, not 0.00; generate --draft --xlsx titles every sheet 草稿."""
    job = discover([ROOT / "data" / "panzhihua-renhe-jiwei"])[0]
    book = openpyxl.load_workbook(io.BytesIO(workbook_bytes(prepare(job).bundle, draft=True)))
    assert all(ws.cell(1, 1).value.endswith("（草稿）") for ws in book.worksheets)
    economic = book.worksheets[5]
    amounts = [economic.cell(r, c).value for r in range(6, economic.max_row + 1) for c in (3, 6)]
    assert amounts and all(v is None for v in amounts)
    final = openpyxl.load_workbook(io.BytesIO(workbook_bytes(prepare(job).bundle)))
    assert not any("草稿" in str(ws.cell(1, 1).value) for ws in final.worksheets)


def test_each_sheet_carries_its_tables_note_and_reads_back():
    """Each of the nine sheets ends with the 注 the national template prints under its table (the same text as the
    document's); the export still imports cell for cell (test above), the notes not read as data."""
    from generator.excel.shapes import SHAPES
    job = discover([ROOT / "data" / "example-jiaoyuju"])[1]
    book = openpyxl.load_workbook(io.BytesIO(workbook_bytes(prepare(job).bundle)))
    texts = [[c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)] for ws in book.worksheets]
    assert all(shape.note in found for shape, found in zip(SHAPES, texts))


def test_a_code_or_amount_merged_over_two_rows_is_read_once(tmp_path):
    """公开03表's 2013901 row with its code and its amount typed as text merged over the blank row below: read once."""
    book = openpyxl.load_workbook(BOOKS / "公开表.xlsx")
    ws = book["公开03表"]
    row = next(r for r in range(1, ws.max_row + 1) if str(ws.cell(r, 2).value or "") == "39" and ws.cell(r, 3).value == "01")
    ws.insert_rows(row + 1)
    ws.cell(row, 6).value = f"{ws.cell(row, 6).value:,.2f}"
    for col in (2, 6):
        ws.merge_cells(start_row=row, start_column=col, end_row=row + 1, end_column=col)
    book.save(tmp_path / "合并.xlsx")
    done = run_import(tmp_path / "合并.xlsx", fresh_unit(tmp_path), 2024)
    assert done.written and done.differences == 0 and not done.failed


def test_a_blank_three_public_budget_is_zero_as_a_blank_actual_is(tmp_path):
    """公开07表 with only 公务接待费 budgeted (9,500 元) and the other budget cells blank: the budgets are 0.00 and
    0.95, so the 合计 row's budget is 0.95, not unknown (the document then said there was no 三公 at all)."""
    book = openpyxl.load_workbook(BOOKS / "公开表.xlsx")
    ws = book["公开07表"]
    amounts = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "栏次") + 1
    for col in range(1, 13):
        ws.cell(amounts, col).value = 9500 if col in (1, 11) else None
    book.save(tmp_path / "三公.xlsx")
    unit = fresh_unit(tmp_path)
    run_import(tmp_path / "三公.xlsx", unit, 2024, confirm=True)
    bundle = prepare(Job(unit, unit / "2024.yaml"), draft=True).bundle
    assert bundle.figures.three_public_budget == Decimal("0.95") and bundle.figures.three_public_total == 0


def test_three_public_amounts_stored_as_text_are_read(tmp_path):
    """公开07表 with its amounts as text (“9,500.00”, pasted from a PDF) used to be read as no row at all, silently."""
    book = openpyxl.load_workbook(BOOKS / "目录与注.xlsx")
    ws = book["公开07表"]
    amounts = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "栏次") + 1
    for col in (1, 2, 11, 12):
        ws.cell(amounts, col).value = "9,500.00"
    book.save(tmp_path / "三公文字.xlsx")
    cells = read(tmp_path / "三公文字.xlsx").grid["三公"]["合计"]
    assert cells["合计:决算数"] == cells["公务接待费:预算数"] == Decimal("0.95")
    assert cells["因公出国（境）费:决算数"] == 0


@pytest.mark.parametrize("written, rounding", [(Decimal("264.88"), True), (Decimal("264.97"), False)])
def test_a_wan_subtotal_off_its_items_by_their_rounding_is_a_warning_not_a_difference(tmp_path, written, rounding):
    """公开05表's 201 and 20139 rows over three 项: 0.01 off their sum is what rounding three items can make (a warning;
    the import succeeds), 0.10 is not (an error at the cell)."""
    book = openpyxl.load_workbook(BOOKS / "万元加注.xlsx")
    ws = book.worksheets[4]
    for cell in ("C8", "C10"):
        ws[cell] = float(written)
    book.save(tmp_path / "万元.xlsx")
    done = run_import(tmp_path / "万元.xlsx", fresh_unit(tmp_path), 2024)
    at = {f.path.split("!")[-1]: f for f in done.findings if f.path.startswith(ws.title)}
    assert set(at) == {"C8", "C10"} and done.failed is not rounding
    assert all(f.is_error is not rounding and ("四舍五入" in f.message) is rounding for f in at.values())
    (tmp_path / "compared").mkdir()
    unit = fresh_unit(tmp_path / "compared")
    run_import(BOOKS / "万元加注.xlsx", unit, 2024)
    compared = run_import(tmp_path / "万元.xlsx", unit, 2024)  # the year file exists: compared, not written
    assert compared.differences == (0 if rounding else 2)
    assert [("四舍五入" in f.message) for f in compared.findings if "264.8" in f.message or "264.9" in f.message] == [rounding] * 2


def test_vehicles_and_project_counts_no_table_holds_are_left_to_fill_not_zero(tmp_path):
    """Without last year's file the import writes 车辆 and the 绩效 project statistics as 待补充: check names them, the
    draft prints 【待补充：…】 where it printed “共有车辆0辆” and “编报绩效目标的2024年度项目0个”, a final generate stops."""
    unit = fresh_unit(tmp_path)
    run_import(BOOKS / "公开表.xlsx", unit, 2024)
    assert "车辆: ~  # 待补充" in (unit / "2024.yaml").read_text(encoding="utf-8")
    checked = CliRunner().invoke(main, ["check", str(unit)])
    assert "国有资产.车辆: 还没有填写" in checked.output
    _, written = generate(Job(unit, unit / "2024.yaml"), tmp_path / "out", draft=True)
    text = docx_text(next(p for p in written if p.name == "2024年度部门决算.docx"))
    assert "共有车辆【待补充：车辆】辆" in text and "共有车辆0辆" not in text
    assert "编报绩效目标的2024年度项目【待补充：项目个数】个" in text and "预算绩效管理.项目统计: 还没有填写" in checked.output


def test_a_workbook_without_a_year_in_its_titles_needs_one(tmp_path):
    """无年度.xlsx names no year: without --year the import says so and writes nothing (with it, the test above)."""
    unit = fresh_unit(tmp_path)
    with pytest.raises(UsageError, match="找不到年度"):
        run_import(BOOKS / "无年度.xlsx", unit, None)
    assert not list(unit.glob("20*.yaml"))


@pytest.mark.parametrize("total, severity", [(3382.19, "警告"), (3382.70, "错误")])
def test_a_total_of_named_rows_may_differ_from_its_rows_by_their_rounding(tmp_path, total, severity):
    """The 福建 reference's income as a 万元 workbook prints it: three sources of 1931.94, 1406.67 and 43.59 under a 本年收入合计
    of 3382.19, the system's total from its 元. A cent off the sum of three printed rows is their rounding (a warning
    that says so); half a 万元 off is a slip."""
    unit = FIXTURES / "pingtan-corrected"
    book = openpyxl.load_workbook(io.BytesIO(workbook_bytes(prepare(discover([unit])[0]).bundle)))
    rows = {r[0].value.split("、")[-1]: r for r in book.worksheets[0].iter_rows() if isinstance(r[0].value, str)}
    for name, printed in (("一般公共预算财政拨款收入", 1931.94), ("政府性基金预算财政拨款收入", 1406.67), ("其他收入", 43.59)):
        rows[name][1].value = printed
    rows["本年收入合计"][1].value = total
    rows["年初结转和结余"][3].value, rows["总计"][1].value, rows["总计"][3].value = 153.62, 3468.42, 3468.42
    book.save(tmp_path / "表.xlsx")
    done = run_import(tmp_path / "表.xlsx", fresh_unit(tmp_path, unit), 2017)
    cell = f"{book.worksheets[0].title}!{rows['本年收入合计'][1].coordinate}"
    found = [f for f in done.findings if f.file.endswith(".xlsx") and f"{cell}: " in f.render()]
    assert [f.severity for f in found] == [severity], [f.render() for f in done.findings]
    assert ("四舍五入" in found[0].message) == (severity == "警告")
