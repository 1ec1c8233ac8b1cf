"""The committed default templates are exactly what their Python sources build."""
import importlib.util
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_committed_templates_equal_their_source(tmp_path):
    spec = importlib.util.spec_from_file_location("build", ROOT / "templates" / "source" / "build.py")
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    written = build.build(tmp_path)
    assert written
    for path in written:
        committed = ROOT / "templates" / path.relative_to(tmp_path)
        assert committed.read_bytes() == path.read_bytes(), f"{committed} 与 templates/source 生成的不同：运行 python templates/source/build.py"


def test_templates_share_one_styles_part():
    """An annex goes in as plain body XML only when its styles equal the main document's (rendering.annex)."""
    parts = {zipfile.ZipFile(p).read("word/styles.xml") for p in (ROOT / "templates").glob("*/*.docx")}
    assert len(parts) == 1 and len(next(iter(parts))) < 40_000
