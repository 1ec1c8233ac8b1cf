"""The direct renderer's large documents, streamed: the body rendered, made canonical and deflated a batch of whole
top-level elements at a time, so a unit of 10,000 projects never holds its document as one text. The bytes are those
of the whole-text path (render.direct): the same text steps, the 目录 filled from headings gathered on the way, and a
deflate stream that does not depend on how its input is cut."""
from __future__ import annotations

import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice

from generator.render import steps, xmltext
from generator.render.xmlscan import TAG

STREAM_AT = 8_000_000  # characters of rendered body beyond which a document is streamed
BATCH = 1_000_000  # characters of whole elements made canonical and kept (deflated) together


@dataclass(frozen=True)
class Deflated:
    """A zip member deflated while it was written: its CRC, raw deflate data and inflated size."""

    crc: int
    data: bytes
    size: int


def take(pieces: Iterator[str], limit: int) -> tuple[list[str], bool]:
    """The first rendered pieces, up to just past ``limit`` characters, and whether more may follow (taken a few
    thousand at a time: a loop over each piece would cost as much as a tenth of the rendering)."""
    taken: list[str] = []
    size = 0
    while chunk := list(islice(pieces, 4096)):
        taken += chunk
        size += sum(map(len, chunk))
        if size > limit:
            return taken, True
    return taken, False


@dataclass
class Body:
    """What streaming a body needs from the prepared template."""

    head: str
    tail: str
    empties: frozenset[str]
    title_styles: frozenset[str]
    after_jinja: Callable[[str], str]


def streamed(body: Body, pieces: Iterable[str], draft: bool) -> tuple[Deflated, str] | None:
    """word/document.xml deflated and the document's title, or None when the text is not in the form the steps know."""
    gathered = _Gathered()
    for batch in _batches(pieces):
        text = xmltext.canonical_children(body.after_jinja(batch), body.empties)
        if text is None:
            return None
        gathered.add(text)
    return gathered.written(body, draft)


def _batches(pieces: Iterable[str]) -> Iterator[str]:
    """The rendered body's children in batches of whole top-level elements (its own tags taken off)."""
    splitter = _Splitter()
    buffered: list[str] = []
    size = 0
    for piece in pieces:
        buffered.append(piece)
        size += len(piece)
        if size >= BATCH:
            yield from splitter.whole("".join(buffered))
            buffered, size = [], 0
    rest = splitter.carry + splitter.opened("".join(buffered))
    yield rest[:rest.rindex("</w:body>")]


class _Splitter:
    """Cuts rendered text after its last whole top-level element, carrying the rest into the next cut."""

    def __init__(self) -> None:
        self.carry, self.depth, self.started = "", 0, False

    def opened(self, text: str) -> str:
        """The text without the body's opening tag (the first text only)."""
        if self.started:
            return text
        self.started = True
        return text[text.index(">") + 1:]

    def whole(self, text: str) -> Iterator[str]:
        """The whole elements the text completes (none, or one batch)."""
        text = self.carry + self.opened(text)
        cut, self.depth = _last_boundary(text, len(self.carry), self.depth)
        self.carry = text[cut:]
        if cut:
            yield text[:cut]


def _last_boundary(text: str, start: int, depth: int) -> tuple[int, int]:
    """Where the last top-level element in the text ends (0 when none has yet), scanning from ``start`` at ``depth``,
    and the depth at the text's end."""
    cut = 0
    for match in TAG.finditer(text, start):
        if match.group(1):
            depth -= 1
        elif not match.group(3):
            depth += 1
        if depth == 0:
            cut = match.end()
    return cut, depth


class _Gathered:
    """The canonical batches kept deflated, with the headings and the 目录 paragraph found in them."""

    def __init__(self) -> None:
        self.batches: list[bytes] = []
        self.headings: list[tuple[int, str, int, tuple[int, int]]] = []  # level, text, batch, span in batch
        self.contents: tuple[int, tuple[int, int]] | None = None  # batch and span of the 目录 paragraph

    def add(self, text: str) -> None:
        """Keep one batch, noting its headings and the first 目录 field."""
        index = len(self.batches)
        self.headings += [(level, words, index, span) for level, words, span in xmltext.headings(text)]
        if self.contents is None and (found := xmltext.contents_field(text)) is not None:
            self.contents = (index, found)
        self.batches.append(zlib.compress(text.encode("utf-8"), 1))

    def written(self, body: Body, draft: bool) -> tuple[Deflated, str]:
        """The batches through the 目录 step and the other text steps, deflated in order, and the title."""
        edits = self._contents_edits()
        writer, title = Writer(), xmltext.TitleLines(body.title_styles)
        writer.write(body.head)
        for index, blob in enumerate(self.batches):
            text = xmltext.edited(zlib.decompress(blob).decode("utf-8"), edits.get(index, []))
            for step in steps.STEPS:
                if step is not steps.CONTENTS and (draft or not step.draft_only):
                    text = step.text(text)
            title.feed(text)
            writer.write(text)
        writer.write(body.tail)
        return writer.done(), title.text()

    def _contents_edits(self) -> dict[int, list]:
        """By batch, the edits the 目录 step makes: the field's paragraph with its entries, the headings after the last
        part out of the outline (nothing without a 目录 field, as the step does)."""
        if self.contents is None:
            return {}
        levels = [(level, words) for level, words, _, _ in self.headings]
        batch, (start, end) = self.contents
        edits: dict[int, list] = {batch: [(start, end, lambda paragraph: xmltext.contents_paragraph(paragraph, levels))]}
        for _, _, index, (s, e) in self.headings[xmltext.last_part(levels) + 1:]:
            edits.setdefault(index, []).append((s, e, xmltext.out_of_outline))
        return edits


class Writer:
    """A member's text encoded, checksummed and deflated as it comes (zipfile's compression level)."""

    def __init__(self) -> None:
        self.compressor = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
        self.chunks: list[bytes] = []
        self.crc = self.size = 0

    def write(self, text: str) -> None:
        data = text.encode("utf-8")
        self.crc = zlib.crc32(data, self.crc)
        self.size += len(data)
        self.chunks.append(self.compressor.compress(data))

    def done(self) -> Deflated:
        self.chunks.append(self.compressor.flush())
        return Deflated(self.crc, b"".join(self.chunks), self.size)
