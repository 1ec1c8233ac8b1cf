"""A large document streamed (render.stream) is the same bytes as rendered whole: every document of data/ and the
fixtures, final and draft, streamed in small batches, against the whole-text path."""
from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

import generator.render.direct as direct
import generator.render.stream as stream
from generator.workflow.pipeline import discover, generate

ROOT = Path(__file__).resolve().parent.parent
UNITS = [ROOT / "data", *(ROOT / "tests" / "fixtures" / n for n in ("seed004", "draft-half", "putuo-corrected", "pingtan-corrected"))]


def _documents(out: Path) -> dict[str, str]:
    """Every document the units give, final (where the data allows) and draft: name → digest."""
    found = {}
    for draft in (False, True):
        for job in discover(UNITS):
            try:
                written = generate(job, out / str(draft), draft)[1]
            except Exception:  # a unit whose data has errors has no final document
                continue
            found.update({str(p.relative_to(out)): hashlib.sha256(p.read_bytes()).hexdigest() for p in written})
    return found


@pytest.mark.parametrize("batch", [40, 5000])
def test_streamed_documents_are_the_bytes_of_whole_ones(batch, tmp_path, monkeypatch):
    whole = _documents(tmp_path / "whole")
    streamed = []
    real = direct.Prepared._streamed

    def spy(self, *args):
        made = real(self, *args)
        streamed.append(made is not None)
        return made
    monkeypatch.setattr(stream, "STREAM_AT", 0)
    monkeypatch.setattr(stream, "BATCH", batch)
    monkeypatch.setattr(direct.Prepared, "_streamed", spy)
    assert _documents(tmp_path / "streamed") == whole
    assert len(streamed) >= 25 and all(streamed)  # each went the streamed way (none fell back to docxtpl's)
