"""The benchmark's sides that are not the CLI itself, each run in a process of its own by bench/run.py:

    python bench/sides.py SIDE OUT UNIT...

single   the toolkit's whole job (load, check, contexts, render, write) in one process, unit-year after unit-year;
plain    the same job with plain docxtpl rendering each document (DocxTemplate, render, our 目录/alignment/title
         steps on its tree, save), Jinja as docxtpl's documentation shows it;
render   the toolkit's renderer alone: contexts built first, then only the rendering is timed (bytes kept in memory
         only until the 决算说明 that embeds them);
floor    writing the documents a toolkit run left in OUT as deflated zip parts, from memory: the least any
         renderer must do.

Prints one JSON line: the documents, and the seconds of the timed part (the whole job for single and plain).
"""
from __future__ import annotations

import io
import json
import sys
import time
import zipfile
from collections import deque
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def whole_job(out: Path, units: list[Path]) -> int:
    """Every unit-year generated in this process, as the CLI's worker does it; the number of documents."""
    from generator.workflow.pipeline import discover, generate
    return sum(len(generate(job, out)[1]) for job in discover(units))


def plain_render(template: Path, context: dict, subdocs: dict | None = None, draft: bool = False) -> bytes:
    """A document by plain docxtpl: a new DocxTemplate, render, the toolkit's steps on its tree, save."""
    from docxtpl import DocxTemplate

    from generator.render import docx, steps
    tpl = DocxTemplate(str(template))
    ctx = dict(context, draft=draft, draft_mark=docx.DRAFT_MARK if draft else "")
    ctx["subdocs"] = {name: tpl.new_subdoc(io.BytesIO(data)) for name, data in (subdocs or {}).items()}
    tpl.render(ctx, _plain_environment())
    for step in steps.STEPS:
        if draft or not step.draft_only:
            step.tree(tpl.docx.element.body)
    docx.entitle(tpl.docx)
    buffer = io.BytesIO()
    tpl.save(buffer)
    return buffer.getvalue()


_ENV: list = []


def _plain_environment():
    """Jinja as docxtpl's documentation shows it (autoescaped), with the filters the templates use."""
    if not _ENV:
        import jinja2

        from generator.render.jinja import template_filters
        env = jinja2.Environment(autoescape=True)
        env.filters.update(template_filters())
        _ENV.append(env)
    return _ENV[0]


def plain(out: Path, units: list[Path]) -> int:
    """The toolkit's whole job with plain docxtpl as its renderer."""
    from generator.render import kinds
    kinds.render = plain_render  # the one seam every document kind renders through
    return whole_job(out, units)


def render_only(units: list[Path]) -> tuple[float, int]:
    """(seconds, documents) of the toolkit's renderer on contexts built before timing."""
    from generator.render import kinds
    from generator.workflow.pipeline import discover, prepare
    calls: list[tuple] = []

    def remember(*args, **kwargs) -> bytes:
        """A render call noted for later (its annexes are noted first)."""
        calls.append((args, kwargs))
        return b""
    kinds.render = remember  # the one seam every document kind renders through
    for job in discover(units):
        bundle = prepare(job).bundle
        if bundle is None:
            continue
        shared: dict = {}  # the reports a unit-year's documents share, as generate keeps them
        for planned, planned_bundle in kinds.plan(bundle, job.unit_dir):
            if not planned.kind.missing(planned_bundle):
                planned.build(planned_bundle, job.unit_dir, False, shared)
    from generator.render.document import render
    recent: deque[bytes] = deque(maxlen=8)
    start = time.perf_counter()
    for args, kwargs in calls:
        template, context, *rest = args
        subdocs = rest[0] if rest else kwargs.get("subdocs")
        if subdocs:  # its annexes are the documents rendered just before it, as in the toolkit's run
            subdocs = dict(zip(subdocs, list(recent)[-len(subdocs):]))
        draft = rest[1] if len(rest) > 1 else kwargs.get("draft", False)
        recent.append(render(template, context, subdocs, draft))
    return time.perf_counter() - start, len(calls)


def floor(out: Path) -> tuple[float, int]:
    """(seconds, documents) to write the documents in ``out`` as deflated zip parts from memory."""
    documents = []
    for path in sorted(out.rglob("*.docx")):
        with zipfile.ZipFile(path) as package:
            documents.append([(info, package.read(info.filename)) for info in package.infolist()])
    start = time.perf_counter()
    for members in documents:
        with zipfile.ZipFile(io.BytesIO(), "w", zipfile.ZIP_DEFLATED) as package:
            for info, data in members:
                package.writestr(info, data)
    return time.perf_counter() - start, len(documents)


def main() -> None:
    """Run one side and print its result."""
    side, out, units = sys.argv[1], Path(sys.argv[2]), [Path(u) for u in sys.argv[3:]]
    start = time.perf_counter()
    if side in ("single", "plain"):
        documents = (whole_job if side == "single" else plain)(out, units)
        seconds = time.perf_counter() - start
    elif side == "render":
        seconds, documents = render_only(units)
    else:
        seconds, documents = floor(out)
    print(json.dumps({"seconds": seconds, "documents": documents}))


if __name__ == "__main__":
    main()
