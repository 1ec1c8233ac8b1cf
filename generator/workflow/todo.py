"""Facts left to fill: the empty values `new` marks “# 待补充” are listed by check (all in one run, so a final document
never prints “无” for them) and become placeholders in a draft; the placeholders a draft inserts are its own, so they
are counted in one note, never reported as the clerk's errors."""
from __future__ import annotations

from generator.errors import Finding
from generator.load.reader import Loaded, display_path, dotted
from generator.model.validation import fill

LEFT = "还没有填写（这一项标着“# 待补充”）。请填写；今年没有这一项时，把这一行连同“# 待补充”删去。也可以先用 generate --draft 生成草稿。"


def prefill(loaded: Loaded, model) -> None:
    """In a draft, put a placeholder at every value marked “# 待补充”."""
    if not isinstance(loaded.data, dict):
        return
    for path in loaded.todo:
        fill(model, loaded.data, path)
        loaded.filled.add(path)


def left_to_fill(loaded: Loaded, findings: list[Finding]) -> list[Finding]:
    """An error for each value marked “# 待补充” that is still empty and not already reported."""
    reported = {f.path for f in findings if f.file == display_path(loaded.path)}
    return [loaded.finding(path, LEFT) for path in loaded.todo if dotted(path) not in reported]


def without_own_placeholders(findings: list[Finding], files: list[Loaded]) -> tuple[list[Finding], list[Finding], int]:
    """A draft's findings less those about the placeholders it shows (inserted for missing values, or printed by the
    template for a fact a rule found missing), the rules' findings it so shows, and how many placeholders there are."""
    own = {(display_path(f.path), dotted(path)) for f in files for path in f.filled}
    shown = [f for f in findings if f.placeholder and (f.file, f.path) not in own]
    kept = [f for f in findings if (f.file, f.path) not in own and not f.placeholder]
    return kept, shown, len(own) + len({(f.file, f.path) for f in shown})
