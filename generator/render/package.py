"""A document's .docx package: python-docx's parts zipped with fixed timestamps and order, in one pass."""
from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Mapping
from typing import Any

from generator.render.jinja import remembered

FIXED_DATE = (1980, 1, 1, 0, 0, 0)


def package_members(document) -> dict[str, bytes]:
    """A python-docx document's zip members, as python-docx's own writer would write them."""
    from docx.opc.pkgwriter import _ContentTypesItem
    package = document.part.package
    parts = list(package.iter_parts())
    members = {"[Content_Types].xml": _ContentTypesItem.from_parts(parts).blob, "_rels/.rels": package.rels.xml}
    for part in parts:
        members[part.partname.membername] = part.blob
        if len(part.rels):
            members[part.partname.rels_uri.membername] = part.rels.xml
    return members


LEGACY = ("/stylesWithEffects", "/customXml")  # python-docx's default package: Word 2010 styles that disagree with
# styles.xml (openxml-audit reports it) and a custom XML part nothing reads


def without_legacy_parts(document) -> None:
    """A python-docx document without its default package's legacy parts and blank preview image."""
    for rel_id, rel in list(document.part.rels.items()):
        if rel.reltype.endswith(LEGACY):
            document.part.rels.pop(rel_id)
    package = document.part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype.endswith("/metadata/thumbnail"):
            package.rels.pop(rel_id)


def package_bytes(document) -> bytes:
    """A document's deterministic .docx bytes, written in one pass."""
    return zip_members(package_members(document))


_DEFLATED: dict[bytes, tuple[int, bytes]] = {}


def _deflate(blob: bytes) -> tuple[int, bytes]:
    """A member's CRC and raw deflate data as zipfile makes them; kept for parts every document repeats."""
    def make() -> tuple[int, bytes]:
        compressor = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
        return zlib.crc32(blob), compressor.compress(blob) + compressor.flush()
    return remembered(_DEFLATED, blob, 64, make) if len(blob) >= 1024 else make()


def zip_members(members: Mapping[str, Any]) -> bytes:
    """Zip members (bytes, or render.stream's Deflated) with fixed timestamps in a fixed order, so equal input gives
    equal bytes.

    The bytes are those zipfile writes (a test compares them); the writing is our own because zipfile cannot
    take data deflated earlier, and the styles, theme and font parts are the same in every document.
    """
    first = [n for n in ("[Content_Types].xml", "_rels/.rels") if n in members]
    out = io.BytesIO()
    central = []
    for name in first + sorted(n for n in members if n not in first):
        info = zipfile.ZipInfo(name, FIXED_DATE)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        member = members[name]
        if isinstance(member, bytes):
            info.CRC, data = _deflate(member)
            info.compress_size, info.file_size = len(data), len(member)
        else:  # deflated while it was written (a streamed document: render.stream)
            info.CRC, data, info.file_size = member.crc, member.data, member.size
            info.compress_size = len(data)
        info.header_offset = out.tell()
        out.write(info.FileHeader())
        out.write(data)
        central.append(info)
    start = out.tell()
    for info in central:
        out.write(_central_record(info))
    count, size = len(central), out.tell() - start
    out.write(struct.pack(zipfile.structEndArchive, zipfile.stringEndArchive,  # type: ignore[attr-defined]  # zipfile's own layout
                       0, 0, count, count, size, start, 0))
    return out.getvalue()


def _central_record(info: zipfile.ZipInfo) -> bytes:
    """A member's central-directory record, laid out as zipfile lays it out (no zip64: parts are far below 4 GB)."""
    year, month, day, hour, minute, second = info.date_time
    dosdate = (year - 1980) << 9 | month << 5 | day
    dostime = hour << 11 | minute << 5 | second // 2
    try:
        name, flags = info.filename.encode("ascii"), info.flag_bits
    except UnicodeEncodeError:  # zipfile marks UTF-8 names with bit 11
        name, flags = info.filename.encode("utf-8"), info.flag_bits | 0x800
    return struct.pack(zipfile.structCentralDir, zipfile.stringCentralDir,  # type: ignore[attr-defined]  # zipfile's own layout
                        info.create_version, info.create_system,
                       info.extract_version, info.reserved, flags, info.compress_type, dostime, dosdate,
                       info.CRC, info.compress_size, info.file_size, len(name), 0, 0, 0, info.internal_attr,
                       info.external_attr, info.header_offset) + name


def normalize_docx(data: bytes, replace: dict[str, bytes] | None = None) -> bytes:
    """The same package with fixed timestamps and member order (and parts replaced)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    return zip_members({n: (replace or {}).get(n) or source.read(n) for n in source.namelist()})
