#!/usr/bin/env python3
"""Write a large SIPD-shaped .xlsx workbook for measuring the streaming XLSX reader.

openpyxl in write_only mode (rows go straight to the sheet XML, so the generator
itself stays small).  Deterministic: a fixed seed, and fixed document dates and ZIP
time stamps (xlsx_fixed_time.py).  One header row and N data rows of 12 columns:
codes and names (repeated, shared strings), a document number and a description
(mostly unique shared strings), amounts with and without sen, and two dates with a
date number format.  500,000 rows give about 40 MB.

openpyxl's write_only mode writes every text cell as an inline string.  Excel keeps
text in the shared-string table instead; `--shared-strings` rewrites the sheet so
(streaming it through the standard library's zipfile), which is the common case for
the reader to be measured on.

Usage:  python3 scripts/make-large-workbook.py OUT.xlsx [ROWS] [--shared-strings]
"""

import datetime
import os
import random
import re
import sys
import zipfile

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from xlsx_fixed_time import STAMP, save

SEED = 20250312

HEADER = [
    "Kode SKPD",
    "Nama SKPD",
    "Kode Rekening",
    "Nama Rekening",
    "Nomor Dokumen",
    "Jenis Dokumen",
    "Tanggal Dokumen",
    "Keterangan Dokumen",
    "Nilai Realisasi",
    "Nilai Setoran",
    "Tanggal Transfer",
    "Nilai SP2D",
]

SKPD = [
    ("1.01.2.19.0.00.01.0000", "Dinas Pendidikan"),
    ("1.02.0.00.0.00.01.0000", "Dinas Kesehatan"),
    ("1.03.0.00.0.00.01.0000", "Dinas Pekerjaan Umum dan Penataan Ruang"),
    ("2.09.0.00.0.00.01.0000", "Dinas Ketahanan Pangan"),
    ("4.01.0.00.0.00.01.0000", "Sekretariat Daerah"),
    ("5.01.0.00.0.00.01.0000", "Badan Perencanaan Pembangunan Daerah"),
]

REKENING = [
    ("5.1.02.01.01.0024", "Belanja Alat/Bahan untuk Kegiatan Kantor-Alat Tulis Kantor"),
    ("5.1.02.01.01.0026", "Belanja Alat/Bahan untuk Kegiatan Kantor-Bahan Cetak"),
    ("5.1.02.02.01.0003", "Belanja Jasa Pendukung Pelayanan Administrasi"),
    ("5.1.02.04.01.0001", "Belanja Perjalanan Dinas Biasa"),
    ("5.2.02.05.01.0001", "Belanja Modal Alat Kantor Lainnya"),
]

JENIS = ["LS", "GU", "TU", "UP"]


SHEET = "xl/worksheets/sheet1.xml"
INLINE = re.compile(r'<c r="([A-Z]+[0-9]+)" t="inlineStr"><is><t>([^<]*)</t></is></c>')
SHARED_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
SHARED_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"


def to_shared_strings(path: str) -> None:
    """Rewrites the inline strings of the first sheet as shared strings, in place."""
    index: dict[str, int] = {}

    def shared(match: re.Match) -> str:
        text = match.group(2)
        number = index.setdefault(text, len(index))
        return f'<c r="{match.group(1)}" t="s"><v>{number}</v></c>'

    temporary = path + ".tmp"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename == SHEET:
                entry = zipfile.ZipInfo(SHEET, date_time=info.date_time)
                entry.compress_type = zipfile.ZIP_DEFLATED
                with source.open(info) as reader, target.open(entry, "w", force_zip64=True) as writer:
                    pending = ""
                    while chunk := reader.read(1 << 20):
                        pending += chunk.decode("utf-8")
                        cut = pending.rfind("</row>") + len("</row>")
                        if cut < len("</row>"):
                            continue
                        writer.write(INLINE.sub(shared, pending[:cut]).encode("utf-8"))
                        pending = pending[cut:]
                    writer.write(INLINE.sub(shared, pending).encode("utf-8"))
                continue
            data = source.read(info)
            if info.filename == "[Content_Types].xml":
                override = f'<Override PartName="/xl/sharedStrings.xml" ContentType="{SHARED_TYPE}"/>'
                data = data.replace(b"</Types>", override.encode() + b"</Types>")
            elif info.filename == "xl/_rels/workbook.xml.rels":
                rel = f'<Relationship Id="rIdShared" Type="{SHARED_REL}" Target="sharedStrings.xml"/>'
                data = data.replace(b"</Relationships>", rel.encode() + b"</Relationships>")
            target.writestr(info, data)
        strings = "".join(f"<si><t>{text}</t></si>" for text in index)
        entry = zipfile.ZipInfo("xl/sharedStrings.xml", date_time=STAMP)
        entry.compress_type = zipfile.ZIP_DEFLATED
        target.writestr(
            entry,
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
            f' count="{len(index)}" uniqueCount="{len(index)}">{strings}</sst>',
        )
    os.replace(temporary, path)


def main() -> None:
    arguments = [argument for argument in sys.argv[1:] if argument != "--shared-strings"]
    if not arguments:
        sys.exit("usage: make-large-workbook.py OUT.xlsx [ROWS] [--shared-strings]")
    out = arguments[0]
    rows = int(arguments[1]) if len(arguments) > 1 else 500_000
    rng = random.Random(SEED)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Realisasi")
    ws.append(HEADER)
    base = datetime.date(2025, 1, 2)

    def date_cell(value: datetime.date) -> WriteOnlyCell:
        cell = WriteOnlyCell(ws, value=value)
        cell.number_format = "dd/mm/yyyy"
        return cell

    for index in range(rows):
        kode_skpd, nama_skpd = SKPD[rng.randrange(len(SKPD))]
        kode_rek, nama_rek = REKENING[rng.randrange(len(REKENING))]
        sen = rng.randrange(1_000_00, 50_000_000_00)
        # A float whose shortest repr is the two-decimal amount (below 2^53 sen).
        realisasi = sen / 100
        setoran = rng.randrange(0, 5_000_000)
        day = base + datetime.timedelta(days=rng.randrange(360))
        ws.append(
            [
                kode_skpd,
                nama_skpd,
                kode_rek,
                nama_rek,
                f"{index + 1:06d}/SPM-LS/{kode_skpd[:4]}/2025",
                JENIS[rng.randrange(len(JENIS))],
                date_cell(day),
                f"Pembayaran {nama_rek.split('-')[-1]} nomor {rng.randrange(10**6):06d}",
                realisasi,
                setoran,
                date_cell(day + datetime.timedelta(days=rng.randrange(1, 9))),
                realisasi,
            ]
        )
    save(wb, out)
    if "--shared-strings" in sys.argv[1:]:
        to_shared_strings(out)


if __name__ == "__main__":
    main()
