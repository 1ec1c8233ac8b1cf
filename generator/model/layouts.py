"""Layouts as data: finds a layout's profile (built in under templates/, or a 版式/ folder beside the units), reads it,
applies what it is based on and the unit's overrides, and gives the documents, formats and options it declares."""
from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Optional

from generator import TEMPLATES
from generator.errors import DataError, Finding
from generator.formatting import NumberFormat
from generator.load.reader import display_path, load_yaml
from generator.model.profile import OPTION_DEFAULTS, DocumentSpec, Options, ProfileSpec, Rules
from generator.model.validation import validate

PROFILE = "profile.yaml"
LOCAL = "版式"  # a folder of layouts beside (or above) unit folders
DEFAULT_GLOSSARY = "词条"


@dataclass(frozen=True)
class Document:
    """A document a layout produces: its kind, template file, and output names (own, and as another unit's companion)."""

    kind: str
    layout: str
    template: Path
    name: str
    companion_name: str


@dataclass(frozen=True)
class Layout:
    """A resolved layout: its documents, the companions it generates by default, its glossary and its options."""

    name: str
    profile: Path
    primary: Optional[str]
    documents: tuple[Document, ...]
    companions: tuple[str, ...]
    glossary: str
    options: Options
    needs: tuple[str, ...] = ()

    @property
    def format(self) -> NumberFormat:
        """How this layout prints rates, shares and zeros."""
        o = self.options
        return NumberFormat(o.places or 0, bool(o.trim), o.zero_text or "0", "" if o.zero_cell == "空白" else str(o.zero_cell))

    @property
    def rules(self) -> Rules:
        """How this layout computes shares, scores and the 自评表's execution rate."""
        o = self.options
        return Rules(bool(o.whole_shares), bool(o.proportional), o.funds_basis != "调整后预算数")

    def document(self, kind: str) -> Optional[Document]:
        """The layout's document of a kind, if it produces one."""
        return next((d for d in self.documents if d.kind == kind), None)

    def makes(self, kind: str) -> bool:
        """Whether a unit of this layout gets a document of a kind (its own or a companion)."""
        return self.document(kind) is not None or any(c.partition("/")[2] == kind for c in self.companions)

    def with_options(self, overrides: Options) -> Layout:
        """The layout with a unit's own option values over its own."""
        return replace(self, options=merged(self.options, overrides))


def merged(base: Options, over: Options) -> Options:
    """Options with every value ``over`` sets replacing ``base``'s."""
    return base.model_copy(update={k: v for k, v in over if v is not None})


def search_folders(unit_dir: Optional[Path]) -> tuple[Path, ...]:
    """Where layouts are looked for, nearest first: 版式/ in the unit folder and each folder above it, then templates/."""
    here = unit_dir.resolve() if unit_dir else None
    local = [p / LOCAL for p in ([here, *here.parents] if here else [])]
    return tuple(p for p in local if p.is_dir()) + (TEMPLATES,)


def available(unit_dir: Optional[Path] = None) -> list[str]:
    """The names of every layout a unit can use, in order of where they are found."""
    return _available(search_folders(unit_dir))


def _available(folders: tuple[Path, ...]) -> list[str]:
    """The names of the layouts in some folders, nearest first."""
    names: list[str] = []
    for folder in folders:
        names += sorted(p.parent.name for p in folder.glob(f"*/{PROFILE}") if p.parent.name not in names)
    return names


@lru_cache(maxsize=1)
def default_name() -> str:
    """The built-in layout marked 默认 (used when a unit names none)."""
    found = [name for name in available() if _read(TEMPLATES / name / PROFILE).default]
    if len(found) != 1:
        raise DataError(f"{display_path(TEMPLATES)} 下应有且只有一个版式标着“默认: true”，现在有 {len(found)} 个。")
    return found[0]


def _find(name: str, folders: tuple[Path, ...]) -> Optional[Path]:
    """The profile.yaml of a layout by name, nearest first; None when no folder has it."""
    return next((p / name / PROFILE for p in folders if (p / name / PROFILE).is_file()), None)


@lru_cache(maxsize=64)
def _read(path: Path) -> ProfileSpec:
    """A profile.yaml read and validated; a DataError with located findings when it is wrong."""
    loaded = load_yaml(path)
    spec, findings = validate(ProfileSpec, loaded) if loaded.ok else (None, loaded.findings)
    if spec is None:
        raise DataError(f"版式文件 {display_path(path)} 有错误（见上面列出的错误）。", findings)
    return spec


def resolve(name: str, unit_dir: Optional[Path] = None) -> Layout:
    """A layout by name with what it is based on applied; a DataError when it is unknown or wrong."""
    return _resolved(name, search_folders(unit_dir))


@lru_cache(maxsize=64)
def _resolved(name: str, folders: tuple[Path, ...], seen: tuple[str, ...] = ()) -> Layout:
    """A layout found in some folders, resolved once per process (every unit-year of a batch asks again)."""
    path = _find(name, folders)
    if path is None or name in seen:
        raise DataError(unknown_message(name, folders) if path is None else f"版式“{name}”的“基于”绕回了自己：{' → '.join(seen + (name,))}。")
    spec = _read(path)
    base = _resolved(spec.based_on, folders, seen + (name,)) if spec.based_on else None
    own = tuple(_document(kind, name, path.parent, d) for kind, d in spec.documents.items())
    kinds = {d.kind for d in own}
    documents = own + tuple(d for d in (base.documents if base else ()) if d.kind not in kinds)
    companions = spec.companions if spec.companions is not None else (base.companions if base else ())
    return Layout(name, path, spec.primary or (base.primary if base else None), documents, tuple(companions),
                  spec.glossary or (base.glossary if base else DEFAULT_GLOSSARY),
                  merged(base.options if base else OPTION_DEFAULTS, spec.options),
                  tuple(spec.needs) if spec.needs is not None else (base.needs if base else ()))


def _document(kind: str, layout: str, folder: Path, spec: DocumentSpec) -> Document:
    """A document entry of a profile with its template path resolved against the profile's folder."""
    return Document(kind, layout, (folder / spec.template).resolve(), spec.name, spec.companion_name or spec.name)


def unknown_message(name: str, folders: tuple[Path, ...]) -> str:
    """What to say about a layout no folder has: the ones that exist, and where a new one goes."""
    return (f"没有名为“{name}”的版式。可用的版式：{'、'.join(_available(folders))}。新的版式放在单位文件夹（或其上级文件夹）的"
            f"“{LOCAL}/{name}/”里：一个 {PROFILE} 和它的模板。")


def layout_finding(unit_file, name: str, unit_dir: Path) -> list[Finding]:
    """The unit's layout problems as findings at unit.yaml's 版式 (an unknown name, or a wrong profile file)."""
    try:
        resolve(name, unit_dir)
    except DataError as exc:
        return exc.findings + [unit_file.finding(("版式",), exc.message)]
    return []
