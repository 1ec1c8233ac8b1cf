"""Benchmark: `import` on hostile and oversized workbooks, each in a process of its own: exit code, wall time, peak memory.

    python bench/hostile_workbooks.py [--keep DIR]

The workbooks are built here (the .xls through LibreOffice headless); each is imported into a fresh unit folder.
What must hold for every one: an exit code of 0 or 1 (never 3), a message in Chinese, and a peak under 500 MB.
"""
from __future__ import annotations

import argparse
import io
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIMIT_MB = 500


SHEET = "xl/worksheets/sheet1.xml"


def _package(target: Path, rewrite: dict[str, Callable[[bytes], bytes]], extra: dict[str, bytes] | None = None) -> None:
    """An .xlsx with one sheet named 公开01表, some of its parts rewritten by functions (plus extra parts)."""
    from openpyxl import Workbook

    book = Workbook()
    book.active.title = "公开01表"
    book.active["A1"] = "收入支出决算总表"
    buffer = io.BytesIO()
    book.save(buffer)
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            data = source.read(item.filename)
            out.writestr(item, rewrite.get(item.filename, lambda xml: xml)(data))
        for name, data in (extra or {}).items():
            out.writestr(name, data)


SST = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def _with_strings(target: Path, part: bytes) -> None:
    """An .xlsx whose A2 cell takes the first of a shared-strings part (declared in the package's types and rels)."""
    kind = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"
    _package(target, {
        "[Content_Types].xml": lambda xml: xml.replace(b"</Types>", f'<Override PartName="/xl/sharedStrings.xml" '
                                                                     f'ContentType="{kind}"/></Types>'.encode()),
        "xl/_rels/workbook.xml.rels": lambda xml: xml.replace(
            b"</Relationships>", f'<Relationship Type="{rel}" Target="sharedStrings.xml" Id="rId9"/></Relationships>'.encode()),
        SHEET: lambda xml: xml.replace(b"</row></sheetData>", b'</row><row r="2"><c r="A2" t="s"><v>0</v></c></row></sheetData>'),
    }, {"xl/sharedStrings.xml": part})


def wide(target: Path) -> None:
    """19 000 rows, each with a value in column A and one in column XFD, the dimension saying A1:XFD19000."""
    rows = "".join(f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>x</t></is></c><c r="XFD{r}"><v>1</v></c></row>'
                   for r in range(2, 19_000))
    _package(target, {SHEET: lambda xml: re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1:XFD19000"/>', xml)
             .replace(b"</row></sheetData>", b"</row>" + rows.encode() + b"</sheetData>")})


def formatted(target: Path) -> None:
    """Every row down to 1 048 576 formatted, one value at the top."""
    rows = "".join(f'<row r="{r}" s="1" customFormat="1"/>' for r in range(2, 1_048_577))
    _package(target, {SHEET: lambda xml: xml.replace(b"</row></sheetData>", b"</row>" + rows.encode() + b"</sheetData>")})


def bomb(target: Path) -> None:
    """A small package that unpacks to 410 MB (one part of blanks)."""
    _package(target, {}, {"xl/media/padding.xml": b" " * (410 * 1024 * 1024)})


ENTITIES = '<!ENTITY a0 "ha">' + "".join(f'<!ENTITY a{i} "{("&a" + str(i - 1) + ";") * 10}">' for i in range(1, 10))


def laughs(target: Path) -> None:
    """Shared strings whose XML declares nested entities (“billion laughs”) and uses the deepest."""
    _with_strings(target, f'<!DOCTYPE sst [{ENTITIES}]><sst xmlns="{SST}" count="1" uniqueCount="1"><si><t>&a9;</t></si></sst>'.encode())


def sheet_laughs(target: Path) -> None:
    """A sheet whose XML declares nested entities and uses the deepest in a cell."""
    cell = b'<row r="2"><c r="A2" t="inlineStr"><is><t>&a9;</t></is></c></row></sheetData>'
    _package(target, {SHEET: lambda xml: xml.replace(b"<worksheet", f"<!DOCTYPE worksheet [{ENTITIES}]><worksheet".encode(), 1)
                      .replace(b"</sheetData>", cell, 1)})


def _strings(target: Path, count: int) -> None:
    """A shared-strings part of so many distinct short texts."""
    texts = "".join(f"<si><t>{i:07d}</t></si>" for i in range(count))
    _with_strings(target, f'<sst xmlns="{SST}" count="{count}" uniqueCount="{count}">{texts}</sst>'.encode())


def many_strings(target: Path) -> None:
    """4 million shared strings: a 92 MB part (past the limit of a part read whole)."""
    _strings(target, 4_000_000)


def strings(target: Path) -> None:
    """430 000 shared strings: a part just under the 10 MB limit, read."""
    _strings(target, 430_000)


def styles(target: Path) -> None:
    """A styles part just under the 2 MB limit: 24 000 cell formats."""
    xf = b'<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="0"/>'
    _package(target, {"xl/styles.xml": lambda xml: xml.replace(b'<cellXfs count="1">', b'<cellXfs count="24001">' + xf * 24_000)})


def fonts(target: Path) -> None:
    """A styles part of 290 000 empty fonts (7 bytes each), just under the 2 MB limit of a part read whole."""
    _package(target, {"xl/styles.xml": lambda xml: xml.replace(b'<fonts count="1">', b'<fonts count="290001">' + b"<font/>" * 290_000)})


def names(target: Path) -> None:
    """A workbook part of 34 000 defined names, just under the 2 MB limit."""
    defined = "".join(f'<definedName name="n{i}">公开01表!$A$1</definedName>' for i in range(34_000))
    _package(target, {"xl/workbook.xml": lambda xml: xml.replace(b"<definedNames/>", f"<definedNames>{defined}</definedNames>".encode())})


def _numbers(target: Path, rows: int, columns: int) -> None:
    """A sheet titled 收入支出决算总表 over rows × columns of numbers and no header (written streaming)."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("公开01表")
    sheet.append(["收入支出决算总表"])
    for r in range(rows):
        sheet.append([(r * columns + c) % 1_000_003 + 0.5 for c in range(columns)])
    book.save(target)


def numbers(target: Path) -> None:
    """5 000 rows × 128 columns of numbers: within the limits, read to the end."""
    _numbers(target, 5_000, 128)


def big_xls(target: Path) -> None:
    """An .xls just under the 20 MB limit: 65 000 rows × 48 columns of numbers, saved by LibreOffice."""
    source = target.with_suffix(".xlsx")
    _numbers(source, 65_000, 48)
    subprocess.run(["soffice", "--headless", "--convert-to", "xls", "--outdir", str(target.parent), str(source)],
                   check=True, capture_output=True, timeout=600)
    source.unlink()


def _compound(stream: bytes) -> bytes:
    """A compound file (the container .xls files are) holding one stream named Workbook; up to 109 FAT sectors."""
    sector, per_fat, end, fat_mark, free = 512, 128, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF
    data_sectors = -(-len(stream) // sector)
    fat_sectors = -(-(data_sectors + 1) // (per_fat - 1)) + 1
    directory = data_sectors + fat_sectors
    fat = [i + 1 for i in range(data_sectors - 1)] + [end] + [fat_mark] * fat_sectors + [end]
    fat += [free] * (fat_sectors * per_fat - len(fat))
    difat = list(range(data_sectors, data_sectors + fat_sectors)) + [free] * (109 - fat_sectors)
    header = (bytes.fromhex("d0cf11e0a1b11ae1") + bytes(16) + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + bytes(6)
              + struct.pack("<IIIIIIIII", 0, fat_sectors, directory, 0, 4096, end, 0, end, 0)
              + struct.pack(f"<{109}I", *difat))

    def entry(name: str, kind: int, child: int, start: int, size: int) -> bytes:
        encoded = (name + "\0").encode("utf-16-le")
        return (encoded.ljust(64, b"\0") + struct.pack("<HBBIII", len(encoded), kind, 1, free, free, child) + bytes(36)
                + struct.pack("<III", start, size, 0))

    entries = entry("Root Entry", 5, 1, end, 0) + entry("Workbook", 2, free, 0, len(stream))
    return (header + stream.ljust(data_sectors * sector, b"\0") + struct.pack(f"<{len(fat)}I", *fat)
            + entries.ljust(sector, b"\0"))


def formats_xls(target: Path) -> None:
    """An .xls whose workbook globals define 200 000 cell formats (4.8 MB): xlrd keeps each as an object of ~1 KB."""
    def record(kind: int, data: bytes = b"") -> bytes:
        return struct.pack("<HH", kind, len(data)) + data
    font = record(0x0031, struct.pack("<HHHHHBBBB", 200, 0, 0x7FFF, 400, 0, 0, 0, 0, 0) + b"\x01\x00A")
    xf = record(0x00E0, struct.pack("<HHHBBBBIIH", 0, 0, 0xFFF5, 0x20, 0, 0, 0, 0, 0, 0x20C0))
    stream = b"".join([record(0x0809, struct.pack("<HHHHII", 0x0600, 0x0005, 0x0DBB, 0x07CC, 0, 6)),
                       record(0x0042, struct.pack("<H", 1200)), font * 5, xf * 200_000, record(0x000A)])
    target.write_bytes(_compound(stream))


CASES: dict[str, Callable[[Path], None]] = {
    "宽.xlsx": wide,
    "格式到末行.xlsx": formatted,
    "解压410MB.xlsx": bomb,
    "实体嵌套.xlsx": laughs,
    "表内实体嵌套.xlsx": sheet_laughs,
    "共享文字400万.xlsx": many_strings,
    "共享文字43万.xlsx": strings,
    "样式2万4.xlsx": styles,
    "字体29万.xlsx": fonts,
    "名称3万4.xlsx": names,
    "数字5000行.xlsx": numbers,
    "数字20MB.xls": big_xls,
    "格式20万.xls": formats_xls,
}


def measure(book: Path, folder: Path) -> tuple[int, float, float, str]:
    """Import one workbook into a fresh unit: exit code, seconds, peak resident MB (wait4's), the first message."""
    unit = folder / f"unit-{book.stem}"
    unit.mkdir()
    (unit / "unit.yaml").write_text("单位名称: 测试单位\n", encoding="utf-8")
    start = time.perf_counter()
    process = subprocess.Popen([sys.executable, str(ROOT / "cli.py"), "import", str(book), str(unit), "--year", "2024"],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, cwd=ROOT)
    output = process.stdout.read()  # type: ignore[union-attr]
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    lines = [line for line in output.decode("utf-8", "replace").splitlines() if "工作簿里没有" not in line]
    return os.waitstatus_to_exitcode(status), seconds, usage.ru_maxrss / 1024, (lines or [""])[0]


def main() -> None:
    """Build each hostile workbook, import it, and print a table; exit 1 when one breaks a rule."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="build the workbooks in this folder and keep them")
    parser.add_argument("--build", nargs=2, metavar=("NAME", "PATH"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.build:
        CASES[args.build[0]](Path(args.build[1]))
        return
    folder = args.keep or Path(tempfile.mkdtemp(prefix="hostile-"))
    folder.mkdir(parents=True, exist_ok=True)
    broken = 0
    print("| workbook | size | exit | seconds | peak MB | message |\n|---|---|---|---|---|---|")
    for name in CASES:
        book = folder / name
        subprocess.run([sys.executable, __file__, "--build", name, str(book)], check=True)  # a builder's memory is not the import's
        code, seconds, peak, message = measure(book, folder)
        broken += code not in (0, 1) or peak > LIMIT_MB
        print(f"| {name} | {book.stat().st_size / 1024:.0f} KB | {code} | {seconds:.2f} | {peak:.0f} | {message[:90]} |",
              flush=True)
    if not args.keep:
        shutil.rmtree(folder)
    sys.exit(1 if broken else 0)


if __name__ == "__main__":
    main()
