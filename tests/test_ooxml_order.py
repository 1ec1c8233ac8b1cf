"""Word reads property elements in schema order and ignores misplaced ones: every generated part keeps that order."""
import ast
import importlib
import inspect
import zipfile
from pathlib import Path

import pytest
from docx.oxml.ns import qn
from docx.oxml.parser import parse_xml

from generator.workflow.pipeline import Job, generate

ROOT = Path(__file__).resolve().parent.parent
HALF = ROOT / "tests" / "fixtures" / "draft-half"
# python-docx keeps ECMA-376's child sequences (w:pPr, w:rPr, w:sectPr, w:settings, w:tcPr, …) as _tag_seq
MODULES = ["docx.oxml.text.parfmt", "docx.oxml.text.font", "docx.oxml.styles", "docx.oxml.section",
           "docx.oxml.settings", "docx.oxml.table"]


def sequences() -> dict[str, list[str]]:
    """Element class name → the schema order of its children, read from python-docx's source."""
    found = {}
    for name in MODULES:
        for node in ast.parse(inspect.getsource(importlib.import_module(name))).body:
            for stmt in node.body if isinstance(node, ast.ClassDef) else []:
                if isinstance(stmt, ast.Assign) and any(getattr(t, "id", None) == "_tag_seq" for t in stmt.targets):
                    found[node.name] = [qn(tag) for tag in ast.literal_eval(stmt.value)]
    return found


SEQUENCES = sequences()


def misplaced(path: Path) -> list[str]:
    """Every element in a .docx whose children break the schema order, as part: element [children]."""
    problems = []
    with zipfile.ZipFile(path) as z:
        for part in (n for n in z.namelist() if n.startswith("word/") and n.endswith(".xml")):
            for el in parse_xml(z.read(part)).iter():
                order = SEQUENCES.get(type(el).__name__)
                if order is None:
                    continue
                positions = [order.index(child.tag) for child in el if child.tag in order]
                if positions != sorted(positions):
                    problems.append(f"{part}: {el.tag.split('}')[1]} {[c.tag.split('}')[1] for c in el]}")
    return problems


def test_the_sequences_were_found():
    assert {"CT_PPr", "CT_RPr", "CT_SectPr", "CT_Settings", "CT_TcPr"} <= set(SEQUENCES)


def test_the_check_sees_a_misplaced_element(tmp_path):
    doc = tmp_path / "bad.docx"
    body = ('<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r>'
            '<w:rPr><w:sz w:val="32"/><w:b/></w:rPr><w:t>x</w:t></w:r></w:p></w:body></w:document>')
    with zipfile.ZipFile(doc, "w") as z:
        z.writestr("word/document.xml", body)
    assert misplaced(doc) == ["word/document.xml: rPr ['sz', 'b']"]


def test_generated_documents_keep_schema_order(generated):
    assert {name: misplaced(path) for name, path in generated.items() if misplaced(path)} == {}


def test_draft_highlights_keep_schema_order(tmp_path):
    _, written = generate(Job(HALF, HALF / "2019.yaml"), tmp_path, draft=True)
    assert written and all(misplaced(path) == [] for path in written)


@pytest.mark.parametrize("template", sorted((ROOT / "templates").glob("*/*.docx")), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_templates_keep_schema_order(template):
    assert misplaced(template) == []
