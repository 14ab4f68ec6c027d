#!/usr/bin/env python3
"""Write every .xlsx workbook the tests read into Fixtures/xlsx/, replacing the folder.

    python3 scripts/make-xlsx-fixtures.py

Needs openpyxl (pip package openpyxl==3.1.5) and the real exports beside the project
(Fixtures/isb-kab-bandung-2025/, a copy of the real exports, as the tests do).  The output is deterministic
(fixed document dates and ZIP time stamps), so running it again gives the same bytes;
CI checks that it reproduces the committed files.

  Fixtures/xlsx/reader/   scripts/make-test-workbooks.py, and two 3000-row workbooks of
                          scripts/make-large-workbook.py (many-inline.xlsx with openpyxl's
                          inline strings, many-shared.xlsx with shared strings):
                          read by Tests/P3DNKitTests/XLSXReaderTests.swift
  Fixtures/xlsx/audit/    CSV exports written as workbooks by scripts/csv-to-xlsx.py, with
                          the options each needs: audited by XLSXAuditTests.swift
  Fixtures/xlsx/folder/   one workbook alone in its folder, for auditing a folder
"""

import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
OUT = os.path.join(ROOT, "Fixtures", "xlsx")
HAND = os.path.join(ROOT, "Fixtures", "exports")
SHARED = os.path.join(ROOT, "Fixtures", "isb-kab-bandung-2025")

# (folder, CSV export, csv-to-xlsx.py options); the workbook takes the CSV's name.
CONVERSIONS = [
    ("audit", os.path.join(SHARED, "SPSE-PencatatanNonTender_1057.csv"),
     ["--backslash", "--title", "PENCATATAN NON TENDER 2025"]),
    ("audit", os.path.join(SHARED, "Ecat-PaketEPurchasingV6_1213.csv"), ["--backslash"]),
    ("audit", os.path.join(HAND, "sipd-realisasi-dinkes.csv"), ["--delimiter", ";"]),
    ("audit", os.path.join(HAND, "daftar-penyedia.csv"), []),
    ("folder", os.path.join(HAND, "ekatalog-v6-orders.csv"), []),
]


def run(script: str, *arguments: str) -> None:
    subprocess.run([sys.executable, os.path.join(HERE, script), *arguments], check=True)


def main() -> None:
    if len(sys.argv) != 1:
        sys.exit("usage: make-xlsx-fixtures.py")
    staging = tempfile.mkdtemp(prefix="xlsx-fixtures-", dir=os.path.join(ROOT, "Fixtures"))
    try:
        reader = os.path.join(staging, "reader")
        run("make-test-workbooks.py", reader)
        run("make-large-workbook.py", os.path.join(reader, "many-inline.xlsx"), "3000")
        run("make-large-workbook.py", os.path.join(reader, "many-shared.xlsx"), "3000", "--shared-strings")
        for folder, source, options in CONVERSIONS:
            os.makedirs(os.path.join(staging, folder), exist_ok=True)
            name = os.path.splitext(os.path.basename(source))[0] + ".xlsx"
            run("csv-to-xlsx.py", source, os.path.join(staging, folder, name), *options)
        shutil.rmtree(OUT, ignore_errors=True)
        os.replace(staging, OUT)
        os.chmod(OUT, 0o755)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    for folder, _, files in sorted(os.walk(OUT)):
        for name in sorted(files):
            path = os.path.join(folder, name)
            print(f"{os.path.getsize(path):>9}  {os.path.relpath(path, ROOT)}")


if __name__ == "__main__":
    main()
