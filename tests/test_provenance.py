"""A draft's figures as Word comments: which running-text figures sit in a comment naming a YAML line, whether each
comment's formula gives the printed figure from the YAML, warnings beside their figures, no comments in finals."""
from __future__ import annotations

import re
import zipfile
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest

from generator.load.reader import load_yaml
from generator.workflow.pipeline import Job, generate
from tests.provenance_helpers import FIGURE, comments_of, coverage, template_figures

ROOT = Path(__file__).resolve().parent.parent
DRAFTS = {  # layout: (unit, year, the document whose running text is counted)
    "全国": ("example-jiaoyuju", 2024, "2024年度部门决算.docx"),
    "四川": ("panzhihua-renhe-jiwei", 2019, "2019年度部门决算说明.docx"),
    "湖南": ("zhuzhou-jiwei", 2022, "2022年度部门整体支出绩效自评报告.docx"),
}


@pytest.fixture(scope="module")
def made(tmp_path_factory) -> dict[str, dict[str, Path]]:
    """Each example unit's documents, as drafts and final."""
    out = tmp_path_factory.mktemp("provenance")
    result: dict[str, dict[str, Path]] = {"draft": {}, "final": {}}
    for unit, year, _ in DRAFTS.values():
        job = Job(ROOT / "data" / unit, ROOT / "data" / unit / f"{year}.yaml")
        for kind, draft in (("draft", True), ("final", False)):
            for path in generate(job, out / kind, draft)[1]:
                result[kind][f"{unit}/{path.name}"] = path
    return result


def _counted(layout: str, made) -> tuple[int, int, list[str]]:
    unit, _, name = DRAFTS[layout]
    return coverage(made["draft"][f"{unit}/{name}"], template_figures(ROOT / "templates" / layout))


@pytest.mark.parametrize("layout", DRAFTS)
def test_nine_in_ten_running_figures_sit_in_a_comment_naming_a_yaml_line(layout, made):
    named, total, missing = _counted(layout, made)
    assert total >= 40, total  # the documents have that many figures: the count itself works
    assert named / total >= 0.9, (named, total, missing)


def test_a_figure_outside_any_comment_is_counted_as_missing(tmp_path):
    """The counting is not vacuous: a final document's figures sit in no comment."""
    unit, year, name = DRAFTS["全国"]
    written = generate(Job(ROOT / "data" / unit, ROOT / "data" / unit / f"{year}.yaml"), tmp_path)[1]
    named, total, _ = coverage(next(p for p in written if p.name == name))
    assert total >= 40 and named == 0


def test_final_documents_have_no_comment_part(made):
    for path in made["final"].values():
        with zipfile.ZipFile(path) as package:
            assert not [n for n in package.namelist() if "comments" in n], path.name
            assert b"commentRangeStart" not in package.read("word/document.xml")
            assert "\ue000".encode() not in package.read("word/document.xml")


def test_every_draft_has_comments_and_no_mark_left(made):
    for path in made["draft"].values():
        _no_mark_left(path)
        assert comments_of(path), path.name


def _no_mark_left(path: Path) -> None:
    """No part of a package (the title in its core properties included) holds a mark's private-use characters."""
    with zipfile.ZipFile(path) as package:
        for name in package.namelist():
            assert not re.search("[\ue000-\ue003]", package.read(name).decode("utf-8", "replace")), (path.name, name)


def test_a_title_with_a_figure_keeps_no_mark(tmp_path):
    """A project whose name holds a digit is a traced text; its report's title (core properties) is plain text."""
    import shutil
    folder = tmp_path / "u"
    shutil.copytree(ROOT / "data" / "panzhihua-renhe-jiwei", folder)
    year = folder / "2019.yaml"
    year.write_text(year.read_text(encoding="utf-8").replace("仁和区廉政风险防控平台建设", "第2期仁和区廉政风险防控平台建设"),
                    encoding="utf-8")
    written = generate(Job(folder, year), tmp_path / "out", True)[1]
    report = next(p for p in written if "第2期" in p.name)
    with zipfile.ZipFile(report) as package:
        assert "第2期" in package.read("docProps/core.xml").decode("utf-8")
    for path in written:
        _no_mark_left(path)


def test_a_warning_shows_beside_the_figure_it_concerns(made):
    """仁和's 公务接待费 ran over its budget: check warns at its 决算数, and the draft's comment on it says so."""
    notes = comments_of(made["draft"]["panzhihua-renhe-jiwei/2019年度部门决算说明.docx"]).values()
    beside = [n for n in notes if "三公经费.公务接待费.决算数" in n.split("\n")[0]]
    assert beside and all("超过预算数" in n for n in beside)


def test_drafts_are_the_same_bytes_every_time(made, tmp_path):
    unit, year, name = DRAFTS["四川"]
    again = generate(Job(ROOT / "data" / unit, ROOT / "data" / unit / f"{year}.yaml"), tmp_path, True)[1]
    assert next(p for p in again if p.name == name).read_bytes() == made["draft"][f"{unit}/{name}"].read_bytes()


@pytest.mark.parametrize("layout", DRAFTS)
def test_every_comment_formula_gives_the_printed_figure_from_the_yaml(layout, made):
    unit = DRAFTS[layout][0]
    checked = 0
    for key, path in made["draft"].items():
        if key.startswith(unit + "/"):
            for note in comments_of(path).values():
                checked += Reader().check(note)
    assert checked >= 50, checked


OPERATORS = {"+": lambda a, b: a + b, "−": lambda a, b: a - b, "×": lambda a, b: a * b, "÷": lambda a, b: a / b}
NUMBER = r"≈?−?\d+(?:\.\d+)?"
TOP = re.compile(rf"^(?P<what>[^=：]+) = (?P<formula>.+) = (?P<exact>{NUMBER})(?P<pct>%?) → (?P<printed>{NUMBER})%?(?P<floor>（舍去尾数）)?$")
LEAF_TOP = re.compile(r"^[^：]+：(?P<printed>[^，]+)，填写于 (?P<source>.+)$")
STEP = re.compile(rf"^(?P<value>{NUMBER}) = (?P<formula>.+?)(?: (?P<rounding>四舍五入|舍去尾数))?$")
LEAF = re.compile(rf"^(?P<value>{NUMBER})：(?P<source>.+\.ya?ml .+)$")
ITEMS = re.compile(r"^其中各数（(?P<file>[^）]+)）：(?P<items>.+)$")
SOURCE = re.compile(r"^(?P<file>\S+\.ya?ml) 第 (?P<line>\d+) 行(?P<absent>附近没有写)? (?P<path>[^，]+?)(?:（文件以元填写，这里折合万元）)?(?:，|$)")


class Reader:
    """Re-evaluates one comment: each operand against the YAML line it names, each formula against its value."""

    def __init__(self) -> None:
        self.files: dict[str, object] = {}

    def check(self, note: str) -> int:
        """How many lines of the comment were re-evaluated (each asserted)."""
        lines = note.split("\n")
        done = 0
        for i, line in enumerate(lines):
            if (m := TOP.match(line)) is not None:
                value = self.formula(m["formula"], lines[i + 1:])
                exact = value * 100 if m["pct"] else value
                assert _close(exact, m["exact"]), line
                places = len(m["printed"].split(".")[1]) if "." in m["printed"] else 0
                rounding = ROUND_FLOOR if m["floor"] else ROUND_HALF_UP
                printed = Decimal(m["printed"].replace("−", "-"))
                assert exact.quantize(Decimal(1).scaleb(-places), rounding=rounding) == printed, line
            elif (m := LEAF_TOP.match(line)) is not None and SOURCE.match(m["source"]):
                printed = m["printed"].replace("%", "")
                places = len(printed.split(".")[1]) if "." in printed else 0
                typed = self.typed(m["source"]).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
                assert typed == Decimal(printed), line
            elif (m := STEP.match(line)) is not None:
                value = self.formula(m["formula"], lines[i + 1:])
                if m["rounding"]:
                    shown = m["value"].lstrip("≈")
                    places = len(shown.split(".")[1]) if "." in shown else 0
                    mode = ROUND_FLOOR if m["rounding"] == "舍去尾数" else ROUND_HALF_UP
                    value = value.quantize(Decimal(1).scaleb(-places), rounding=mode)
                assert _close(value, m["value"]), line
            elif (m := LEAF.match(line)) is not None:
                assert _close(self.typed(m["source"]), m["value"]), line
            else:
                continue
            done += 1
        return done

    def formula(self, text: str, following: list[str]) -> Decimal:
        """A formula's value: one operation left to right, or a long sum of the values the next lines list."""
        if (m := re.fullmatch(r"(\d+) 个数之和", text)) is not None:
            values = self.listed(following)
            assert len(values) == int(m[1]), text
            return sum(values, Decimal(0))
        if text.startswith("|") and text.endswith("|"):
            return abs(_number(text[1:-1]))
        tokens = text.split(" ")  # operands and operators stand apart; a negative operand is bracketed
        value = _number(tokens[0])
        for op, operand in zip(tokens[1::2], tokens[2::2]):
            value = OPERATORS[op](value, _number(operand))
        return value

    def listed(self, following: list[str]) -> list[Decimal]:
        """The values of the next 其中各数 line(s), each checked to stand on the line it names."""
        out: list[Decimal] = []
        for line in following:
            m = ITEMS.match(line)
            if m is None:
                break
            data = self.data(m["file"])
            for line_no, values in re.findall(r"第 (\d+) 行 ([\d.、−]+)", m["items"]):
                on_line = data["by_line"].get(int(line_no), [])
                for v in values.split("、"):
                    assert Decimal(v) in on_line or (data["yuan"] and Decimal(v) * 10000 in on_line), (line_no, v, on_line)
                    out.append(Decimal(v))
        return out

    def typed(self, source: str) -> Decimal:
        """The value a source names: the YAML value at its path and line, or 0 where the file leaves it out."""
        m = SOURCE.match(source)
        assert m is not None, source
        data = self.data(m["file"])
        path = tuple(int(p) if p.isdigit() else p for p in re.findall(r"[^.\[\]]+", m["path"]))
        if m["absent"]:
            assert path not in data["lines"], source
            return Decimal(0)
        assert data["lines"][path] == int(m["line"]), source
        return data["values"][path] / (10000 if "折合万元" in source else 1)

    def data(self, name: str) -> dict:
        """A YAML file's numbers by path and by line, as written (an amount in 元 is compared ÷ 10000)."""
        if name not in self.files:
            loaded = load_yaml(Path(name))
            values = {p: a for p, v in _leaves(loaded.data, ()) if (a := _amount(v)) is not None}
            by_line: dict[int, list[Decimal]] = {}
            for p, v in values.items():
                by_line.setdefault(loaded.lines.get(p, 0), []).append(v)
            self.files[name] = {"lines": loaded.lines, "values": values, "by_line": by_line,
                                "yuan": loaded.data.get("金额单位") == "元"}
        return self.files[name]  # type: ignore[return-value]


def _leaves(node, path: tuple):
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _leaves(v, path + (k,))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _leaves(v, path + (i,))
    else:
        yield path, node


def _amount(value) -> Decimal | None:
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal, str)):
        return None
    try:
        return Decimal(str(value))
    except ArithmeticError:
        return None


def _number(text: str) -> Decimal:
    return Decimal(text.strip("()").replace("−", "-").lstrip("≈"))


def _close(value: Decimal, shown: str) -> bool:
    """Whether a computed value is the one a comment shows (≈: to the places shown)."""
    text = shown.replace("−", "-").replace("%", "")
    if text.startswith("≈"):
        places = len(text.split(".")[1]) if "." in text else 0
        return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP) == Decimal(text[1:])
    return value == Decimal(text)


def test_the_figure_pattern_skips_years_and_heading_numbers():
    assert [m.group() for m in FIGURE.finditer("2.2017年8月，共3个项目，占12.5%，1.")] == ["3个", "12.5%"]


def test_libreoffice_reads_the_comments_of_each_draft(made, tmp_path):
    """LibreOffice opens the drafts and, asked to export notes, writes one PDF note per Word comment."""
    import subprocess

    from conftest import require_soffice
    soffice = require_soffice()
    drafts = [made["draft"][f"{unit}/{name}"] for unit, _, name in DRAFTS.values()]
    export = 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}'
    result = subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless", "--convert-to",
                             export, "--outdir", str(tmp_path), *map(str, drafts)], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    for draft in drafts:
        pdf = (tmp_path / (draft.stem + ".pdf")).read_bytes()
        notes = len(re.findall(rb"/Subtype\s*/Text\b", pdf))
        assert notes == len(comments_of(draft)), (draft.name, notes, len(comments_of(draft)))


def test_a_unit_in_yuan_shows_its_amounts_converted_and_they_check(tmp_path, monkeypatch):
    """A year file in 元: each typed amount's comment says it was converted, and the formulas still re-evaluate."""
    from tests.test_amounts_in_yuan import unit_in_yuan
    folder = unit_in_yuan(tmp_path)
    monkeypatch.chdir(tmp_path)
    written = generate(Job(Path(folder.name), Path(folder.name) / "2024.yaml"), tmp_path / "out", True)[1]
    notes = [n for p in written for n in comments_of(p).values()]
    assert any("2024.yaml 第" in n and "（文件以元填写，这里折合万元）" in n for n in notes)
    assert not any("年度（文件以元" in n or "分值（文件以元" in n for n in notes)
    assert sum(Reader().check(n) for n in notes) >= 50
