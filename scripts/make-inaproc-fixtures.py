#!/usr/bin/env python3
"""Write Fixtures/inaproc/: small subsets of the real K34 INAPROC pulls, for tests.

    python3 scripts/make-inaproc-fixtures.py [SOURCE] [--out DIR]

SOURCE is the folder holding `v1/<group>/<dataset>_<year>.xlsx` (default: the shared data
beside the project, ../shared/data/inaproc-k34, i.e. /work/shared/data/inaproc-k34).  DIR
defaults to Fixtures/inaproc.  Needs openpyxl (pip package openpyxl==3.1.5).

Every output workbook is a subset of the source workbook of the same path: the same first
sheet name (`Data 2024` / `Data 2025`), the same header row in the same order, the selected
rows copied cell by cell with their values unchanged (strings stay strings, numbers stay
numbers, dates stay the text they are in the source), in the order they have in the source
file.  The source's second sheet `_metadata` (endpoint, year, keyFields, lastUpdated,
totalRecords) is copied unchanged too, so its totalRecords counts the FULL pull, not the
sample.  No randomness: the rows are chosen by the explicit keys below.  The output is
deterministic (fixed document dates 2025-03-12 and ZIP entry times, scripts/xlsx_fixed_time.py),
so running it again gives the same bytes.

Row selection (dataset: key column = values; why)

tender/tender-ekontrak-kontrak_2024: kd_tender = 5594194 (all 5 versions, listed 2,1,4,0,3
    in the file; value 16.63 bn -> 17.19 bn), 4468194 (2 versions, value changes, v1 listed
    first), 4540194 (`Pemutusan Kontrak`), 4499194 (one row with everything but the identity
    columns empty: no kontrak_id, no versi_addendum, no status, no value).
tender/tender-selesai-nilai_2024: kd_tender = the 4 above, plus 4530194 (results value
    381,285,000 differs from its contract's 457,560,000) and 4531194 (its contract row has
    versi 0 and status but no kontrak_id and no value); the last two are not in the
    ekontrak sample.
tender/non-tender-selesai_2024: kd_nontender = 5166194 (PDN 0), 4109194, 4132194, 4092194,
    4123194, 4097194 (a decimal value), 5173194 and 5155194 (no nilai_kontrak; not in the
    ekontrak file).  The file's only status_nontender word is `Selesai`.
tender/non-tender-ekontrak-kontrak_2024: kd_nontender = 5166194, 4132194 (both `Kontrak
    Selesai`), 4092194 (`Kontrak Sedang Berjalan`); kontrak_id is empty on every row of this
    dataset (spk_id holds the id).
tender/pencatatan-non-tender_2024: kd_nontender_pct = 10035068000 (`Paket Selesai`, lines
    with payment copies), 1136194 (`Paket Dibatalkan`, same RUP codes and value as
    10035068000), 1134194 (nilai_pdn_pct 90), 10034846000, 1113194, 10042133000
    (`Paket Dibatalkan`, no lines).
tender/pencatatan-non-tender-realisasi_2024: kd_nontender_pct = 10035068000 (5 lines, the
    same payment under 5 RUP codes: 4 copies), 1134194, 10034846000.
tender/pencatatan-swakelola_2024, tender/pencatatan-swakelola-realisasi_2024: all rows.
tender/pengumuman_2024: kd_tender = 4515194 (`Gagal/Batal`), 5594194, 4468194, 4540194,
    4499194.
tender/non-tender-pengumuman_2024: kd_nontender = 5146194 (`Gagal/Batal`), 4092194,
    4132194, 4109194, 4123194.
tender/jadwal-tahapan-non-tender_2024: kd_nontender = 4092194 (its 5 rows).
rup/master-satker_2024: kd_satker = the 37 rows whose id or code is used by another sample
    (tender-selesai-nilai kd_satker and every kd_satker_str / kode_satker as codes; v5
    satker_id, 1060 kd_satker and the RUP files' kd_satker as ids), plus 14094, 14099,
    14102 (not used by any sample).  The script stops if a sampled satker is not mapped.
rup/program-master_2024: kd_program = 2511170, 2432720, 2511199, 2511204, 2511162.
ekatalog-archive/instansi-satker_2024: kd_satker = the satker_id values of the v5 sample.
ekatalog-archive/paket-e-purchasing_2024: kd_paket = 4 rows of each paket_status_str /
    status_paket combination (`Paket Selesai`/`paket_selesai`, `Paket Proses`/
    `melakukan_pengiriman_dan_penerimaan`, `Paket Proses`/`proses_kontrak_ppk`), incl.
    a decimal total_harga, ongkos_kirim > 0, jml_jenis_produk > 1.
ekatalog/paket-e-purchasing_2025: order_id = the first order of each of the 12 status /
    shipment_status combinations (status words COMPLETED, ON_PROCESS,
    PAYMENT_OUTSIDE_SYSTEM, CANCELLED, CANCELLED_ON_NEGOTIATION, CANCELLED_ON_REVIEW),
    plus a second CANCELLED_ON_NEGOTIATION (empty order_date), a COMPLETED one with
    flag_minikom `Ya`, a COMPLETED one with a shipping_fee.
rup/paket-anggaran-penyedia_2025: kd_rup = 2 `Terinisiasi` lines, a pagu-0 line, 7 other
    `Terumumkan` lines.  (In this pull every kd_rup has one row, and no row is deleted or
    inactive.)
rup/paket-anggaran-swakelola_2025: kd_rup = 2 `Terinisiasi` lines (not in
    paket-swakelola-terumumkan), 3 whose pagu equals the announced package's, 3 whose pagu
    is below it.
rup/paket-swakelola-terumumkan_2025: kd_rup = the 6 announced packages of those 8 lines,
    plus 41705297 and 41716119 (tipe_swakelola 2).
"""

import argparse
import os
import shutil
import sys

import openpyxl

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
from xlsx_fixed_time import save  # noqa: E402

DEFAULT_SOURCE = os.path.join(os.path.dirname(ROOT), "shared", "data", "inaproc-k34")
DEFAULT_OUT = os.path.join(ROOT, "Fixtures", "inaproc")

# path (relative to SOURCE and to the output folder) -> (key column, key values)
SELECTION = {
    "v1/tender/tender-ekontrak-kontrak_2024.xlsx": ("kd_tender", [5594194, 4468194, 4540194, 4499194]),
    "v1/tender/tender-selesai-nilai_2024.xlsx": ("kd_tender", [5594194, 4468194, 4540194, 4499194, 4530194, 4531194]),
    "v1/tender/non-tender-selesai_2024.xlsx": ("kd_nontender", [5166194, 4109194, 4132194, 4092194, 4123194, 4097194, 5173194, 5155194]),
    "v1/tender/non-tender-ekontrak-kontrak_2024.xlsx": ("kd_nontender", [5166194, 4132194, 4092194]),
    "v1/tender/pencatatan-non-tender_2024.xlsx": ("kd_nontender_pct", [10035068000, 1136194, 1134194, 10034846000, 1113194, 10042133000]),
    "v1/tender/pencatatan-non-tender-realisasi_2024.xlsx": ("kd_nontender_pct", [10035068000, 1134194, 10034846000]),
    "v1/tender/pencatatan-swakelola_2024.xlsx": (None, "all"),
    "v1/tender/pencatatan-swakelola-realisasi_2024.xlsx": (None, "all"),
    "v1/tender/pengumuman_2024.xlsx": ("kd_tender", [4515194, 5594194, 4468194, 4540194, 4499194]),
    "v1/tender/non-tender-pengumuman_2024.xlsx": ("kd_nontender", [5146194, 4092194, 4132194, 4109194, 4123194]),
    "v1/tender/jadwal-tahapan-non-tender_2024.xlsx": ("kd_nontender", [4092194]),
    "v1/rup/program-master_2024.xlsx": ("kd_program", [2511170, 2432720, 2511199, 2511204, 2511162]),
    "v1/ekatalog-archive/paket-e-purchasing_2024.xlsx": ("kd_paket", [
        # Paket Selesai / paket_selesai
        9799566, 8672426, 11009775, 9480634,
        # Paket Proses / melakukan_pengiriman_dan_penerimaan
        10647250, 8602513, 9687625, 8382188,
        # Paket Proses / proses_kontrak_ppk
        11120134, 9286522, 8388966, 8349808,
    ]),
    "v1/ekatalog/paket-e-purchasing_2025.xlsx": ("order_id", [
        "01JZ24W963T98FB48G4A1ZDG6E",  # CANCELLED / DRAFT
        "01K1A0YEE8573EX2D8ZGDH4FZ6",  # CANCELLED_ON_NEGOTIATION / DRAFT
        "01JJY36F2PR3XVR7TEJ931VB71",  # CANCELLED_ON_REVIEW / DRAFT
        "01KANEM2WQRFY41DWQNCFW1H2A",  # COMPLETED / COMPLETED
        "01KC69XNKGVDX0RKZFMXAJPW52",  # ON_PROCESS / BUYER_CONFIRMED
        "01K8X4JJQG31E7WMDENW4GBG6Y",  # ON_PROCESS / COMPLETED
        "01KAXK9TJPBHW4CHA9BM5WZGB4",  # ON_PROCESS / DELIVERED
        "01K5DKFDZX741ENZDGBFFAV4JG",  # ON_PROCESS / DRAFT
        "01K6MPG68K2KTZEZZEMC7R2YF9",  # ON_PROCESS / SHIPPING
        "01JY2XZ5RM5ZAJ4VJDZ6SX3MV1",  # PAYMENT_OUTSIDE_SYSTEM / BUYER_CONFIRMED
        "01K721VTBQD7N5ERC91EAY060H",  # PAYMENT_OUTSIDE_SYSTEM / COMPLETED
        "01K1J151HSR7297M0KSABD5JH5",  # PAYMENT_OUTSIDE_SYSTEM / DRAFT
        "01JZ21T032BQ6J4F88EX44B466",  # CANCELLED_ON_NEGOTIATION, empty order_date
        "01KC10128WJ8ZY2494MA4RZ0C9",  # COMPLETED, flag_minikom Ya
        "01K0DYJMCZQYZ3FK6NMMRYASG7",  # COMPLETED, shipping_fee 150960
    ]),
    "v1/rup/paket-anggaran-penyedia_2025.xlsx": ("kd_rup", [
        58284251, 58624202,  # Terinisiasi
        58699291,            # pagu 0
        61057375, 55559769, 60763018, 58629955, 60062068, 58674940, 59956715,
    ]),
    "v1/rup/paket-anggaran-swakelola_2025.xlsx": ("kd_rup", [
        40186500, 41352197,            # Terinisiasi, not announced
        38731626, 41070002, 39025454,  # pagu = announced package pagu
        40447337, 41704342, 40447235,  # pagu < announced package pagu
    ]),
    "v1/rup/paket-swakelola-terumumkan_2025.xlsx": ("kd_rup", [
        38731626, 41070002, 39025454, 40447337, 41704342, 40447235,
        41705297, 41716119,  # tipe_swakelola 2
    ]),
}

# Satker directories, by kd_satker (the numeric id).  master-satker: every row whose id or
# code is used by a sample above (37 rows: several codes have two ids), then 3 unused ones.
SELECTION["v1/rup/master-satker_2024.xlsx"] = ("kd_satker", [
    14054, 14058, 14063, 14065, 14066, 14069, 14072, 14075, 14076, 14095, 14096, 14108,
    14110, 14111, 14113, 14116, 14119, 14122, 14127, 14129, 92168, 94422, 94650, 101569,
    141978, 147581, 152210, 152933, 164495, 173618, 177670, 179088, 179225, 179247,
    179248, 179315, 185349,
    14094, 14099, 14102,  # not used by any sample
])
# instansi-satker: the satker_id values of the v5 sample.
SELECTION["v1/ekatalog-archive/instansi-satker_2024.xlsx"] = ("kd_satker", [
    14075, 14095, 14096, 14111, 14127, 141978, 152933, 173618, 177670,
])


def read(path):
    """(sheet title, header, rows, metadata rows) of a source workbook, values as stored."""
    workbook = openpyxl.load_workbook(path)
    sheet = workbook.worksheets[0]
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    meta = None
    if "_metadata" in workbook.sheetnames:
        meta = [list(row) for row in workbook["_metadata"].iter_rows(values_only=True)]
    return sheet.title, rows[0], rows[1:], meta


def pick(header, rows, column, keys, label):
    """Rows (in file order) whose `column` is one of `keys`; every key must be found."""
    if keys == "all":
        return list(rows)
    index = header.index(column)
    wanted = list(keys)
    chosen = [row for row in rows if row[index] in wanted]
    missing = [key for key in wanted if key not in {row[index] for row in chosen}]
    if missing:
        sys.exit(f"{label}: {column} not found: {missing}")
    return chosen


def write(path, title, header, rows, meta):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = title
    for values in [header, *rows]:
        sheet.append(values)
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # text, as in the source, not a formula
    if meta is not None:
        other = workbook.create_sheet("_metadata")
        for row in meta:
            other.append(row)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    save(workbook, path)


def column_values(header, rows, column):
    if column not in header:
        return set()
    index = header.index(column)
    return {row[index] for row in rows if row[index] is not None}


def check_directories(samples):
    """Stops unless the directory samples map every satker id and code the other samples use."""
    ids, codes = set(), set()
    for relative, (_, header, rows, _) in samples.items():
        if "/rup/master-satker" in relative or "/instansi-satker" in relative:
            continue
        codes |= {str(v) for v in column_values(header, rows, "kd_satker_str")}
        codes |= {str(v) for v in column_values(header, rows, "kode_satker")}
        if relative.endswith("tender-selesai-nilai_2024.xlsx"):
            codes |= {str(v) for v in column_values(header, rows, "kd_satker")}  # holds the code
        elif not ("/tender/" in relative and "kd_satker_str" in header):
            ids |= {str(v) for v in column_values(header, rows, "kd_satker")}  # SIRUP id
        # (SPSE files with kd_satker_str: kd_satker is an LPSE-local id, never mapped)
        ids |= {str(v) for v in column_values(header, rows, "satker_id")}
    _, header, rows, _ = samples["v1/rup/master-satker_2024.xlsx"]
    known_ids = {str(v) for v in column_values(header, rows, "kd_satker")}
    known_codes = {str(v) for v in column_values(header, rows, "kd_satker_str")}
    if ids - known_ids or codes - known_codes:
        sys.exit(f"master-satker sample lacks ids {sorted(ids - known_ids)}, codes {sorted(codes - known_codes)}")
    _, v5_header, v5_rows, _ = samples["v1/ekatalog-archive/paket-e-purchasing_2024.xlsx"]
    _, header, rows, _ = samples["v1/ekatalog-archive/instansi-satker_2024.xlsx"]
    lacking = column_values(v5_header, v5_rows, "satker_id") - column_values(header, rows, "kd_satker")
    if lacking:
        sys.exit(f"instansi-satker sample lacks {sorted(lacking)}")


def main():
    parser = argparse.ArgumentParser(description="Write Fixtures/inaproc from the K34 INAPROC pulls.")
    parser.add_argument("source", nargs="?", default=DEFAULT_SOURCE)
    parser.add_argument("--out", default=DEFAULT_OUT)
    arguments = parser.parse_args()

    samples = {}
    for relative, (column, keys) in SELECTION.items():
        title, header, rows, meta = read(os.path.join(arguments.source, relative))
        samples[relative] = (title, header, pick(header, rows, column, keys, relative), meta)

    check_directories(samples)

    shutil.rmtree(os.path.join(arguments.out, "v1"), ignore_errors=True)
    for relative in sorted(samples):
        title, header, rows, meta = samples[relative]
        path = os.path.join(arguments.out, relative)
        write(path, title, header, rows, meta)
        print(f"{len(rows):>4} rows {os.path.getsize(path):>7} bytes  {os.path.relpath(path, ROOT)}")


if __name__ == "__main__":
    main()
