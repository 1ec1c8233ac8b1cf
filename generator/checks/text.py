"""Rules over the narrative text a clerk writes: placeholders, stale years, doubled punctuation, characters XML forbids."""
from __future__ import annotations

import re
from collections.abc import Iterator

from pydantic import BaseModel

from generator.checks.registry import rule
from generator.checks.requirements import PROJECT
from generator.errors import WARNING, Finding
from generator.figures.bundle import Bundle
from generator.filenames import project_report_names
from generator.load.paths import dotted
from generator.load.reader import Loaded

PLACEHOLDERS = re.compile(r"X{2,}|Ｘ{2,}|×{2,}|某某|待补充|待填写|。{3,}|\?{3,}|？{3,}")
# a form's own instructions left in a cell: “对照年度目标，说明相关任务目标的完成情况（100字以内）”
FORM_INSTRUCTIONS = re.compile(r"[（(]\s*\d+\s*字以内\s*[）)]|对照年度(?:绩效)?目标[，,]\s*说明|请(?:在此|在本栏|根据实际)?填写|填报说明")
YEAR = re.compile(r"(?<!\d)(\d{4})\s*年(?!\s*\d{1,2}\s*月)(度)?")
COMPARISON = re.compile(r"(与|比|较|同比|相比|对比|上年|去年|同期)\s*$")
FIGURE_WORDS = re.compile(r"^\s*(度)?\s*(预算|决算|收入|支出|部门|全年|本年|一般公共|财政|“三公”|三公|工作情况|重点工作)")
NAME_FIELDS = ("名称", "标题", "单位名称")  # the keys of names, which may contain a year
FORBIDDEN = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
DOUBLED_WORD = re.compile(r"([\u4e00-\u9fff]{2,8})\1")  # ABAB; AABB (认认真真) is a word of its own
REPEAT_LENGTH = 20  # a paragraph this long said twice is a paste, not a set phrase
DOUBLED = re.compile(r"[，、；：。,;:][，、；：。,;:]")


def texts(model: BaseModel, path: tuple = ()) -> Iterator[tuple[tuple, str]]:
    """Every text value in a model with its path of YAML keys."""
    for name, field in type(model).model_fields.items():
        yield from _texts_of(getattr(model, name), path + (field.alias or name,))


def _texts_of(value, path: tuple) -> Iterator[tuple[tuple, str]]:
    """Text values inside one value."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, BaseModel):
        yield from texts(value, path)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _texts_of(item, path + (i,))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _texts_of(item, path + (key,))


def _all_texts(bundle: Bundle, year_file: Loaded, unit_file: Loaded) -> list[tuple[Loaded, tuple, str]]:
    """(file, path, text) for every text in both files; the models are walked once for all the text rules."""
    unit, year, found = _WALKED
    if unit is not bundle.unit or year is not bundle.year:
        found = [(0, path, text) for path, text in texts(bundle.unit)] + [(1, path, text) for path, text in texts(bundle.year)]
        _WALKED[:] = [bundle.unit, bundle.year, found]
    files = (unit_file, year_file)
    return [(files[i], path, text) for i, path, text in found]


_WALKED: list = [None, None, []]  # the unit and year models last walked, and their texts


def _first_matches(bundle: Bundle, year_file: Loaded, unit_file: Loaded, pattern: re.Pattern):
    """(file, path, text, match) for every text in both files the pattern finds something in, with its first match."""
    for loaded, path, text in _all_texts(bundle, year_file, unit_file):
        match = pattern.search(text)
        if match:
            yield loaded, path, text, match


@rule
def no_placeholders(bundle: Bundle, year_file: Loaded, unit_file: Loaded) -> list[Finding]:
    """Leftover placeholders (XX, ××, 某某, 待补充) are not published."""
    return [loaded.finding(path, f"文字中还有占位符“{match.group(0)}”（…{_around(text, match)}…）。请填写实际内容。")
            for loaded, path, text, match in _first_matches(bundle, year_file, unit_file, PLACEHOLDERS)]


@rule
def no_form_instructions(bundle: Bundle, year_file: Loaded, unit_file: Loaded) -> list[Finding]:
    """A form's instructions copied into a cell are not the content the form asks for."""
    return [loaded.finding(path, f"这是表格的填写说明“{match.group(0)}”（…{_around(text, match)}…），不是要填的内容。请按说明写出实际情况。")
            for loaded, path, text, match in _first_matches(bundle, year_file, unit_file, FORM_INSTRUCTIONS)]


@rule
def no_stale_years(bundle: Bundle, year_file: Loaded, unit_file: Loaded) -> list[Finding]:
    """A year that labels this year's figures or work is the report's year, not a copied one."""
    out, year = [], bundle.year.year
    for loaded, path, text in _all_texts(bundle, year_file, unit_file):
        if path and (path[0] == "核对" or path[-1] in NAME_FIELDS):
            continue  # a name keeps the year it was given (“2016年省级预算内投资项目区级配套”)
        for match in YEAR.finditer(text):
            found = int(match.group(1))
            if found == year or COMPARISON.search(text[: match.start()]):
                continue
            at_start = match.start() == 0 or text[match.start() - 1] in "。；\n"
            labels_figures = FIGURE_WORDS.match(text[match.end() - (1 if match.group(2) else 0):]) is not None
            frames = text[match.end(): match.end() + 1] in "，,"  # “2021年，全市……”: the year of the whole sentence
            # last year may open a sentence about last year (“2016年无出国任务”); its figures or a framed sentence are suspect
            if labels_figures or (at_start and (found != year - 1 or frames)):
                out.append(loaded.finding(path, f"文字中的“{match.group(0)}”不是本报告年度（{year}年），看起来是沿用了旧年度的文字（…{_around(text, match)}…）。请核对年份。", WARNING))
    return out


@rule
def no_doubled_punctuation(bundle: Bundle, year_file: Loaded, unit_file: Loaded) -> list[Finding]:
    """Two separating marks in a row (“较好，、绩效”, “支出。。”) are a typing slip."""
    return [loaded.finding(path, f"文字中有连续的标点“{match.group(0)}”（…{_around(text, match)}…），"
                                 "像是多打了一个。请删去多余的标点。", WARNING)
            for loaded, path, text, match in _first_matches(bundle, year_file, unit_file, DOUBLED)]


@rule
def no_doubled_words(bundle: Bundle, year_file: Loaded, unit_file: Loaded) -> list[Finding]:
    """A word typed twice in a row (“支出支出”, “万元万元”) is a typing slip."""
    return [loaded.finding(path, f"文字中“{match.group(1)}”连写了两次（…{_around(text, match)}…），像是多打了一遍。请删去重复的部分。", WARNING)
            for loaded, path, text, match in _first_matches(bundle, year_file, unit_file, DOUBLED_WORD)]


@rule
def no_repeated_paragraphs(bundle: Bundle, year_file: Loaded, unit_file: Loaded) -> list[Finding]:
    """A paragraph of a list of paragraphs (职能, 段落, …) word for word the same as an earlier one of that list was
    pasted twice, and a name listed twice (主要包括, 制度) was typed twice; the same note on several lines or an
    indicator met as targeted are not pastes."""
    out: list[Finding] = []
    seen: dict[tuple, str] = {}
    for loaded, path, text in _all_texts(bundle, year_file, unit_file):
        key = re.sub(r"\s+", "", text)
        if not key or not path or not isinstance(path[-1], int):
            continue
        here = dotted(path)
        first = seen.setdefault((loaded.path, path[:-1], key), here)
        if first != here and len(key) >= REPEAT_LENGTH:
            out.append(loaded.finding(path, f"这段文字与“{first}”一字不差（…{text[:16]}…），像是粘贴了两次。请核对。", WARNING))
        elif first != here:  # a name in a list of names (主要包括, 制度 …)
            out.append(loaded.finding(path, f"“{text.strip()}”在这个列表里写了两次（另见“{first}”）。请删去一个，或改成应有的名称。", WARNING))
    return out


@rule
def no_forbidden_characters(bundle: Bundle, year_file: Loaded, unit_file: Loaded) -> list[Finding]:
    """Control characters that XML forbids are reported (a vertical tab becomes a line break, others are dropped)."""
    out = []
    for loaded, path, text in _all_texts(bundle, year_file, unit_file):
        for char in sorted(set(FORBIDDEN.findall(text))):
            what = "垂直制表符（从 Word 复制的手动换行），生成时换成换行" if char == "\x0b" else f"控制字符 U+{ord(char):04X}，生成时删除"
            out.append(loaded.finding(path, f"文字中有{what}。建议删掉它。", WARNING))
    return out


@rule
def safe_file_names(bundle: Bundle, year_file: Loaded, unit_file: Loaded) -> list[Finding]:
    """A report title that cannot be a file name as written (a separator, a character Windows forbids, too long,
    the same as another's) is named as it will be written."""
    year, document = bundle.year, bundle.layout.document(PROJECT)
    if document is None:
        return []
    titles = year.report_titles()
    names = project_report_names(document.name, year.year, titles)
    reports = [i for i, p in enumerate(year.projects) if p.evaluation is not None]
    out = []
    for index, (title, _), name in zip(reports, titles, names):
        if name != document.name.format(年度=year.year, 标题=title):
            out.append(year_file.finding(("项目", index, "评价报告", "标题"),
                                         f"标题不能原样用作文件名（含有 / \\ : * ? \" < > | 等字符、过长或与其他报告重名），"
                                         f"生成的文件名为“{name}”。如需别的文件名，请修改标题。", WARNING))
    return out


def _around(text: str, match: re.Match) -> str:
    """A few characters around a match, for locating it."""
    return text[max(0, match.start() - 8): match.end() + 8].replace("\n", " ")
