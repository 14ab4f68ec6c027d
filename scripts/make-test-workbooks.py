#!/usr/bin/env python3
"""Write the small .xlsx workbooks that the XLSX reader tests read.

Most are written by openpyxl (pip package openpyxl==3.1.5): styles with date
formats, merged cells, two sheets, the 1904 date system.  openpyxl 3.1 writes every
text cell as an inline string (`t="inlineStr"`), where Excel keeps text in the
shared-string table; `to_shared_strings` rewrites those workbooks the way Excel
stores them (each `<is>` becomes an `<si>` of xl/sharedStrings.xml, rich-text runs
and all), and `values-inline.xlsx` keeps openpyxl's own form for comparison.
A few are written by hand as ZIP archives with the standard library's zipfile, for
what openpyxl never writes: inline strings, a number stored as `1.5E+3`, cached
formula results, error and ISO-date cells, escapes, prefixed element names, and
broken files.  The bytes are deterministic: no randomness, and fixed document dates
and ZIP time stamps (xlsx_fixed_time.py).  The expected values are in
Tests/P3DNKitTests/XLSXReaderTests.swift, worked out by hand.

The tests read the copies committed in Fixtures/xlsx/reader/, which
scripts/make-xlsx-fixtures.py writes with this script.

Usage:  python3 scripts/make-test-workbooks.py OUT_DIR
"""

import datetime
import os
import re
import sys
import zipfile

import openpyxl
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.utils.datetime import CALENDAR_MAC_1904
from xlsx_fixed_time import STAMP, save

SIPD_HEADER = [
    "Kode SKPD",
    "Nama SKPD",
    "Kode Sub SKPD",
    "Nama Sub SKPD",
    "Kode Rekening",
    "Nama Rekening",
    "Nomor Dokumen",
    "Jenis Dokumen",
    "Jenis Transaksi",
    "Tanggal Dokumen",
    "Keterangan Dokumen",
    "Nilai Realisasi",
    "Nilai Setoran",
    "Tanggal Transfer",
    "Nilai SP2D",
]

INLINE_CELL = re.compile(r'<c ([^>]*?)t="inlineStr"([^>]*)><is>(.*?)</is></c>', re.S)
SHARED_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
SHARED_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"


def to_shared_strings(path: str) -> None:
    """Moves the inline strings of every sheet of `path` to a shared-string table."""
    index: dict[str, int] = {}

    def shared(match: re.Match) -> str:
        number = index.setdefault(match.group(3), len(index))
        return f'<c {match.group(1)}t="s"{match.group(2)}><v>{number}</v></c>'

    with zipfile.ZipFile(path) as source:
        parts = [(info, source.read(info)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in parts:
            if info.filename.startswith("xl/worksheets/"):
                data = INLINE_CELL.sub(shared, data.decode("utf-8")).encode("utf-8")
            elif info.filename == "[Content_Types].xml":
                override = f'<Override PartName="/xl/sharedStrings.xml" ContentType="{SHARED_TYPE}"/>'
                data = data.replace(b"</Types>", override.encode() + b"</Types>")
            elif info.filename == "xl/_rels/workbook.xml.rels":
                rel = f'<Relationship Id="rIdShared" Type="{SHARED_REL}" Target="sharedStrings.xml"/>'
                data = data.replace(b"</Relationships>", rel.encode() + b"</Relationships>")
            target.writestr(info, data)
        items = "".join(f"<si>{inner}</si>" for inner in index)
        entry = zipfile.ZipInfo("xl/sharedStrings.xml", date_time=STAMP)
        entry.compress_type = zipfile.ZIP_DEFLATED
        target.writestr(
            entry,
            '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
            f' count="{len(index)}" uniqueCount="{len(index)}">{items}</sst>',
        )


def values_workbook(path: str) -> None:
    """Strings, rich text, numbers, dates, booleans and gaps on sheet `Nilai`."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Nilai"
    # Row 1: shared strings, one of them rich text in three runs, one with entities.
    ws["A1"] = "Kode"
    ws["B1"] = CellRichText(["Belanja ", TextBlock(InlineFont(b=True), "Alat Tulis"), " Kantor"])
    ws["C1"] = "A & B <c> \"d\""
    ws["D1"] = "  spasi  "
    ws["E1"] = "Kode"  # the same shared string as A1
    # Row 2: integers and decimals.
    ws["A2"] = 42
    ws["B2"] = -7
    ws["C2"] = 0
    ws["D2"] = 1336777027.98
    ws["E2"] = 0.1
    ws["F2"] = -12.5
    ws["G2"] = 1500000
    # Row 3: dates with a date format (openpyxl stores serial numbers).
    ws["A3"] = datetime.date(2025, 3, 12)
    ws["B3"] = datetime.datetime(2025, 3, 12, 12, 0, 0)
    ws["C3"] = datetime.datetime(2024, 12, 31, 8, 30, 15)
    ws["D3"] = datetime.date(1900, 3, 1)
    ws["E3"] = 45728
    ws["E3"].number_format = "[$-421]dd mmmm yyyy"  # Indonesian long date
    ws["F3"] = 45728
    ws["F3"].number_format = "[h]:mm:ss"  # a duration, not a date
    ws["G3"] = 45728
    ws["G3"].number_format = '#,##0 "days"'  # quoted text, not a date
    ws["H3"] = 45728.25
    ws["H3"].number_format = "[Red]#,##0.00"  # a colour, not a date
    # Row 4: booleans.
    ws["A4"] = True
    ws["B4"] = False
    # Row 5: cells with gaps between them (B, D and E are missing).
    ws["A5"] = "a"
    ws["C5"] = "c"
    ws["F5"] = 5
    # Row 7 (row 6 absent): one cell far right, and a formula without a cached value.
    ws["D7"] = "=1+1"
    ws["J7"] = "j"
    save(wb, path)


def sipd_workbook(path: str) -> None:
    """A SIPD realisation export: two merged title rows, an empty row, the header, data."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Laporan"
    ws["A1"] = "LAPORAN REALISASI PER DOKUMEN"
    ws.merge_cells("A1:O1")
    ws["A2"] = "PEMERINTAH KABUPATEN BANDUNG"
    ws.merge_cells("A2:O2")
    # Row 3 stays empty: openpyxl writes no element for it.
    for column, name in enumerate(SIPD_HEADER, start=1):
        ws.cell(row=4, column=column, value=name)
    rows = [
        [
            "1.01.2.19.0.00.01.0000",
            "Dinas Pendidikan",
            "1.01.2.19.0.00.01.0001",
            "Dinas Pendidikan",
            "5.1.02.01.01.0024",
            "Belanja Alat Tulis Kantor",
            "00012/SPM-LS/1.01/2025",
            "SPM",
            "LS",
            datetime.date(2025, 3, 12),
            "Pembelian kertas & tinta",
            1500000,
            0,
            datetime.date(2025, 3, 14),
            1500000,
        ],
        [
            "1.02.0.00.0.00.01.0000",
            "Dinas Kesehatan",
            "1.02.0.00.0.00.01.0001",
            "Dinas Kesehatan",
            "5.1.02.02.01.0003",
            "Belanja Jasa Pendukung Pelayanan Administrasi",
            "00013/SPM-LS/1.02/2025",
            "SPM",
            "LS",
            datetime.date(2025, 4, 1),
            "Honor tenaga administrasi",
            2750000.5,
            137500.25,
            datetime.date(2025, 4, 3),
            2612500.25,
        ],
        [
            "4.01.0.00.0.00.01.0000",
            "Sekretariat Daerah",
            "4.01.0.00.0.00.01.0001",
            "Bagian Umum",
            "5.1.02.01.01.0024",
            "Belanja Alat Tulis Kantor",
            "00014/SPM-GU/4.01/2025",
            "SPM",
            "GU",
            datetime.date(2025, 4, 30),
            None,
            1336777027.98,
            None,
            None,
            1336777027.98,
        ],
    ]
    for offset, values in enumerate(rows):
        for column, value in enumerate(values, start=1):
            if value is None:
                continue
            cell = ws.cell(row=5 + offset, column=column, value=value)
            if isinstance(value, datetime.date):
                cell.number_format = "dd/mm/yyyy"
    save(wb, path)


def two_sheets_workbook(path: str) -> None:
    wb = openpyxl.Workbook()
    first = wb.active
    first.title = "Ringkasan"
    first["A1"] = "Ringkasan"
    first["B1"] = 1
    second = wb.create_sheet("Data Rinci")
    second["A1"] = "Rinci"
    second["A2"] = 2
    second["B2"] = "dua"
    save(wb, path)


def date1904_workbook(path: str) -> None:
    wb = openpyxl.Workbook()
    wb.epoch = CALENDAR_MAC_1904
    ws = wb.active
    ws.title = "Mac"
    ws["A1"] = datetime.date(2025, 3, 12)
    ws["B1"] = datetime.datetime(1904, 1, 2, 6, 0, 0)
    save(wb, path)


CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>
<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>
</Types>"""

PACKAGE_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
</Relationships>"""

HAND_WORKBOOK = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
  <workbookPr date1904="{date1904}"/>
  <sheets>
    <sheet name="Tangan" sheetId="1" r:id="rId7"/>
  </sheets>
</workbook>"""

# Targets written absolute (/xl/...) and relative (sharedStrings.xml, ./styles.xml).
HAND_WORKBOOK_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet1.xml"/>
<Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>
<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="./styles.xml"/>
<Relationship Id="rId10" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.invalid/" TargetMode="External"/>
</Relationships>"""

# Shared strings: plain, rich text with a phonetic run left out, empty, and escapes.
HAND_SHARED_STRINGS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="4" uniqueCount="4">
  <si><t>Satu</t></si>
  <si>
    <r><rPr><b/></rPr><t xml:space="preserve">Dua </t></r>
    <r><t>Tiga</t></r>
    <rPh sb="0" eb="1"><t>fonetik</t></rPh>
    <phoneticPr fontId="1"/>
  </si>
  <si/>
  <si><t>baris_x000D_baru &amp;#233; &#233;_x005F_x000D_</t></si>
</sst>"""

# cellXfs: 0 general, 1 a built-in date (14), 2 a custom date (164), 3 a custom number (165).
HAND_STYLES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
  <numFmts count="2">
    <numFmt numFmtId="164" formatCode="dd/mm/yyyy\\ hh:mm"/>
    <numFmt numFmtId="165" formatCode="&quot;Rp&quot;#,##0.00"/>
  </numFmts>
  <cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>
  <cellXfs count="4">
    <xf numFmtId="0"/>
    <xf numFmtId="14" applyNumberFormat="1"/>
    <xf numFmtId="164" applyNumberFormat="1"><alignment horizontal="left"/></xf>
    <xf numFmtId="165"/>
  </cellXfs>
</styleSheet>"""

# Elements with an `x:` prefix, pretty-printed, with a comment, a processing instruction
# and a CDATA section; rows and cells with and without `r`.
HAND_SHEET = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
  <x:dimension ref="A1:F9"/>
  <!-- written by hand -->
  <x:sheetData>
    <x:row r="1">
      <x:c r="A1" t="inlineStr"><x:is><x:t>Teks sebaris</x:t></x:is></x:c>
      <x:c r="B1" t="inlineStr"><x:is><x:r><x:t xml:space="preserve">Belanja </x:t></x:r><x:r><x:rPr><x:b/></x:rPr><x:t>Modal</x:t></x:r><x:rPh sb="0" eb="1"><x:t>x</x:t></x:rPh></x:is></x:c>
      <x:c r='C1' t='inlineStr'><x:is><x:t>A &amp; B &lt;&gt; &quot;&apos; &#233;&#xE9; _x000D_ _x0041_</x:t></x:is></x:c>
      <x:c r="D1" t="s"><x:v>1</x:v></x:c>
      <x:c r="E1" t="s"><x:v>3</x:v></x:c>
      <x:c r="F1" t="s"><x:v>2</x:v></x:c>
    </x:row>
    <x:row r="2">
      <x:c r="A2"><x:v>1.5E+3</x:v></x:c>
      <x:c r="B2" t="n"><x:v>2.5e-3</x:v></x:c>
      <x:c r="C2"><x:v>-0</x:v></x:c>
      <x:c r="D2"><x:v>1E+20</x:v></x:c>
      <x:c r="E2"><x:v>007.50</x:v></x:c>
      <x:c r="F2" s="3"><x:v>1336777027.98</x:v></x:c>
    </x:row>
    <x:row r="3">
      <x:c r="A3" t="str"><x:f>CONCATENATE("a","b")</x:f><x:v>ab_x000D_</x:v></x:c>
      <x:c r="B3" t="e"><x:f>NA()</x:f><x:v>#N/A</x:v></x:c>
      <x:c r="C3" t="d"><x:v>2025-03-12T00:00:00</x:v></x:c>
      <x:c r="D3" t="b"><x:v>1</x:v></x:c>
      <x:c r="E3" t="b"><x:v>0</x:v></x:c>
      <x:c r="F3"><x:f>SUM(A2:B2)</x:f><x:v>1500.0025</x:v></x:c>
    </x:row>
    <x:row r="4">
      <x:c r="A4" s="1"><x:v>45728</x:v></x:c>
      <x:c r="B4" s="2"><x:v>45728.5</x:v></x:c>
      <x:c r="C4" s="1"><x:v>60</x:v></x:c>
      <x:c r="D4" s="1"><x:v>61</x:v></x:c>
      <x:c r="E4" s="0"><x:v>45728</x:v></x:c>
      <x:c r="F4" s="9"><x:v>45728</x:v></x:c>
    </x:row>
    <x:row>
      <x:c t="inlineStr"><x:is><x:t>tanpa r</x:t></x:is></x:c>
      <x:c><x:v>2</x:v></x:c>
      <x:c r="E5"><x:v>5</x:v></x:c>
      <x:c><x:v>6</x:v></x:c>
    </x:row>
    <x:row r="7" spans="1:3"/>
    <x:row r="8"><x:c r="B8" s="1"/><x:c r="C8"/></x:row>
    <?custom processing instruction?>
    <x:row r="9"><x:c r="A9" t="inlineStr"><x:is><x:t><![CDATA[<tidak & diurai>]]></x:t></x:is></x:c></x:row>
  </x:sheetData>
  <x:mergeCells count="1"><x:mergeCell ref="A9:C9"/></x:mergeCells>
</x:worksheet>"""


def write_zip(path: str, parts: dict) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            info = zipfile.ZipInfo(name, date_time=STAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, text.encode("utf-8") if isinstance(text, str) else text)


def hand_parts(sheet: str, shared: str = HAND_SHARED_STRINGS, date1904: str = "0") -> dict:
    return {
        "[Content_Types].xml": CONTENT_TYPES,
        "_rels/.rels": PACKAGE_RELS,
        "xl/workbook.xml": HAND_WORKBOOK.replace("{date1904}", date1904),
        "xl/_rels/workbook.xml.rels": HAND_WORKBOOK_RELS,
        "xl/worksheets/sheet1.xml": sheet,
        "xl/sharedStrings.xml": shared,
        "xl/styles.xml": HAND_STYLES,
    }


def simple_sheet(rows: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f"<sheetData>{rows}</sheetData></worksheet>"
    )


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit("usage: make-test-workbooks.py OUT_DIR")
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    values_workbook(os.path.join(out, "values-inline.xlsx"))
    values_workbook(os.path.join(out, "values.xlsx"))
    sipd_workbook(os.path.join(out, "sipd.xlsx"))
    two_sheets_workbook(os.path.join(out, "two-sheets.xlsx"))
    for name in ["values.xlsx", "sipd.xlsx", "two-sheets.xlsx"]:
        to_shared_strings(os.path.join(out, name))
    date1904_workbook(os.path.join(out, "date1904.xlsx"))
    write_zip(os.path.join(out, "hand.xlsx"), hand_parts(HAND_SHEET))
    # The same dates in the 1904 system, written with `true`.
    write_zip(
        os.path.join(out, "hand-1904.xlsx"),
        hand_parts(simple_sheet('<row r="1"><c r="A1" s="1"><v>0</v></c><c r="B1" s="2"><v>44266.75</v></c></row>'),
                   date1904="true"),
    )
    # A shared-string index past the table (4 strings: 0 to 3).
    write_zip(
        os.path.join(out, "bad-shared-index.xlsx"),
        hand_parts(simple_sheet('<row r="1"><c r="A1" t="s"><v>0</v></c></row>\n<row r="2"><c r="C2" t="s"><v>4</v></c></row>')),
    )
    # A sheet whose XML breaks off: `</c>` is missing on line 4 of the part.
    write_zip(
        os.path.join(out, "bad-xml.xlsx"),
        hand_parts(
            '<?xml version="1.0" encoding="UTF-8"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>\n'
            '<row r="1"><c r="A1"><v>1</v></c></row>\n<row r="2"><c r="A2"><v>2</v></row>\n</sheetData></worksheet>'
        ),
    )
    # A ZIP archive that is not a workbook, and a file that is not a ZIP archive.
    write_zip(os.path.join(out, "no-workbook.xlsx"), {"hello.txt": "halo\n"})
    with open(os.path.join(out, "not-a-zip.xlsx"), "wb") as file:
        file.write(b"Kode SKPD;Nama SKPD\n1.01;Dinas Pendidikan\n")


if __name__ == "__main__":
    main()
