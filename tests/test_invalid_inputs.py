"""The broken-input corpus: each case produces its finding, at its file, line and field; never a traceback."""
from pathlib import Path

import pytest

from generator.workflow.pipeline import Job, prepare

CASES = sorted(p for p in (Path(__file__).parent / "fixtures" / "invalid").iterdir() if p.is_dir())


def rendered(finding) -> str:
    """A finding line with the file's bare name, as expect.txt writes it."""
    field = f"{finding.path}: " if finding.path else ""
    return f"{Path(finding.file).name}:{finding.line}: {finding.severity}: {field}{finding.message}"


def test_corpus_is_large_enough():
    assert len(CASES) >= 40


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_case_produces_its_finding(case):
    prefix, words = (case / "expect.txt").read_text(encoding="utf-8").splitlines()[:2]
    lines = [rendered(f) for f in prepare(Job(case, case / "2019.yaml")).findings]
    assert any(l.startswith(prefix) and words in l for l in lines), f"expected “{prefix}…{words}…” in:\n" + "\n".join(lines)


def test_base_case_is_clean():
    """The valid base every case is derived from checks clean, so each finding comes from its mistake."""
    import importlib.util
    spec = importlib.util.spec_from_file_location("make_cases", Path(__file__).parent / "fixtures" / "invalid" / "make_cases.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    import tempfile
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "unit.yaml").write_text(module.UNIT, encoding="utf-8")
        (folder / "2019.yaml").write_text(module.YEAR, encoding="utf-8")
        assert [rendered(f) for f in prepare(Job(folder, folder / "2019.yaml")).findings] == []
