"""Helpers for tests that need a tiny template."""
from pathlib import Path

from docx import Document


def one_paragraph_template(folder: Path, text: str) -> Path:
    """A .docx whose only paragraph is ``text``."""
    doc = Document()
    doc.add_paragraph(text)
    path = folder / "t.docx"
    doc.save(path)
    return path
