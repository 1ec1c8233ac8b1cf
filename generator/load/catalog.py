"""Shared reference data in data/common: functional classification codes and the standard glossary."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from generator import COMMON
from generator.errors import DataError
from generator.load.reader import load_yaml

CODES_FILE = "功能分类科目.yaml"
GLOSSARY_FILE = "名词解释.yaml"
ECONOMIC_FILE = "经济分类科目.yaml"


@dataclass
class Catalog:
    """Functional classification code names, with former names by year."""

    names: dict[str, str]
    former: dict[str, list[tuple[int, str]]] = field(default_factory=dict)
    since: dict[str, int] = field(default_factory=dict)  # codes created after the catalogue began: code → first year

    def name(self, code: str, year: int | None = None) -> str | None:
        """The code's name in a given year (a former name if it was renamed later)."""
        for until, old in sorted(self.former.get(code, [])):
            if year is not None and year <= until:
                return old
        return self.names.get(code)

    def short(self, code: str, year: int | None = None) -> str:
        """A 类 name without its trailing 支出 (一般公共服务支出 → 一般公共服务)."""
        name = self.name(code, year) or code
        return name[:-2] if name.endswith("支出") else name

    def in_use(self, code: str, year: int) -> bool:
        """Whether a code existed in a year (a class such as 234 抗疫特别国债 is listed from its first year on)."""
        return year >= self.since.get(code, year)

    def __contains__(self, code: str) -> bool:
        return code in self.names

    def unnamed(self, codes: Iterable[str], year: int) -> dict[str, str]:
        """The 类, 款 and 项 of some codes that have no name in a year, each with the first code that uses it."""
        out: dict[str, str] = {}
        for code in codes:
            for part in (code[:3], code[:5], code) if len(code) == 7 else (code,):
                if self.name(part, year) is None:
                    out.setdefault(part, code)
        return out

    def with_names(self, given: dict[str, str]) -> Catalog:
        """The catalogue with names a unit gave for codes it lacks (the catalogue's own names always win)."""
        extra = {code: name for code, name in given.items() if code not in self.names}
        return Catalog({**self.names, **extra}, self.former, self.since) if extra else self


def _loaded(name: str):
    """A common data file, or a DataError with its findings."""
    loaded = load_yaml(COMMON / name)
    if not loaded.ok:
        raise DataError(f"公共数据文件 {name} 有错误", loaded.findings)
    return loaded.data or {}


@lru_cache(maxsize=1)
def catalog() -> Catalog:
    """The functional classification catalogue."""
    data = _loaded(CODES_FILE)
    former = {
        str(code): [(int(e["截至年度"]), str(e["名称"])) for e in entries]
        for code, entries in (data.get("曾用名") or {}).items()
    }
    since = {str(code): int(first) for code, first in (data.get("启用年度") or {}).items()}
    return Catalog({str(k): str(v) for k, v in data["科目"].items()}, former, since)


@lru_cache(maxsize=8)
def glossary(section: str = "词条") -> dict[str, str]:
    """A standard glossary: term → definition, from one section of 名词解释.yaml (a layout profile names which)."""
    data = _loaded(GLOSSARY_FILE)
    if not isinstance(data.get(section), dict):
        raise DataError(f"公共数据文件 {GLOSSARY_FILE} 里没有“{section}”这一节（版式的“名词解释”写的是它）。"
                        f"可用：{'、'.join(k for k, v in data.items() if isinstance(v, dict))}")
    return {str(k): str(v) for k, v in data[section].items()}


@lru_cache(maxsize=1)
def economic_catalog() -> dict[str, str]:
    """Economic classification codes (支出经济分类, 款级) → names."""
    return {str(k): str(v) for k, v in _loaded(ECONOMIC_FILE)["科目"].items()}
