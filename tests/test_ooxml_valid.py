"""Every generated document passes a real OOXML schema validator (openxml-audit, a port of the Open XML SDK's)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.workflow.pipeline import discover, generate

ROOT = Path(__file__).resolve().parent.parent
UNITS = [ROOT / "data", *(ROOT / "tests" / "fixtures" / n for n in ("seed000", "seed004", "draft-half", "putuo-corrected", "pingtan-corrected"))]


@pytest.fixture(scope="module")
def documents(tmp_path_factory) -> list[Path]:
    """Every document of every unit, final where the data allows and as a draft, hostile text included."""
    from tests.test_reliability import INJECTIONS  # text that tries template syntax, XML and control characters
    out = tmp_path_factory.mktemp("valid")
    docs: list[Path] = []
    for draft in (False, True):
        for job in discover(UNITS):
            try:
                docs += generate(job, out / str(draft), draft)[1]
            except Exception:  # a unit whose data has errors has no final document
                continue
    hostile = out / "hostile"
    import shutil
    shutil.copytree(ROOT / "data" / "panzhihua-renhe-jiwei", hostile / "u")
    path = hostile / "u" / "2019.yaml"
    text = path.read_text(encoding="utf-8")
    hostile_text = [*INJECTIONS, "&<>\"'", "{_ _}", "换行\n之后【待补充：某项】", "\t制表"]
    lines = "".join(f"  - {json.dumps(s, ensure_ascii=False)}\n" for s in hostile_text)
    path.write_text(text.replace("重点工作:\n", "重点工作:\n" + lines, 1), encoding="utf-8")
    docs += generate(discover([hostile / "u"])[0], out / "hostile-out", True)[1]
    return docs


def test_every_document_is_valid_ooxml(documents):
    from openxml_audit import OpenXmlValidator
    assert len(documents) >= 25
    # one validator per document: openxml-audit 0.8 caches a part's ids by id(package), and a later package that reuses
    # a freed one's id is checked against the old ids (a draft's comment ids reported missing)
    invalid = {str(d): [str(e) for e in result.errors][:3] for d in documents
               if not (result := OpenXmlValidator().validate(str(d))).is_valid}
    assert not invalid, invalid


def test_every_part_parses_strictly(documents):
    from tests.test_direct import strictly_parsed
    for document in documents:
        strictly_parsed(document.read_bytes())
