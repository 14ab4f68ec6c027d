#!/usr/bin/env python3
"""Writes a CSV export as an .xlsx workbook with openpyxl, the way a spreadsheet user would
save it: whole numbers and decimals as numbers, `yyyy-mm-dd` dates as dates, everything
else as text. The document dates and ZIP time stamps are fixed (xlsx_fixed_time.py), so the
same CSV gives the same bytes. scripts/make-xlsx-fixtures.py writes the workbooks the tests
audit (Fixtures/xlsx/audit/) with it, to compare the same rows as CSV and as XLSX.

    python3 scripts/csv-to-xlsx.py IN.csv OUT.xlsx [--backslash] [--delimiter ";"] [--title "TEXT"]...

--backslash reads `\\"` escapes (the ISB CSV style); --delimiter names the CSV's delimiter
(default `,`); --title adds merged title rows above the header.
"""
import argparse
import csv
import datetime
import re

import openpyxl
from xlsx_fixed_time import save

NUMBER = re.compile(r"^-?\d{1,15}(\.\d{1,2})?$")
DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def cell(text):
    if NUMBER.match(text) and not (len(text) > 1 and text.startswith("0") and "." not in text):
        return float(text) if "." in text else int(text)
    match = DATE.match(text)
    if match:
        return datetime.date(*map(int, match.groups()))
    return text


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("source")
    parser.add_argument("target")
    parser.add_argument("--backslash", action="store_true")
    parser.add_argument("--delimiter", default=",")
    parser.add_argument("--title", action="append", default=[])
    args = parser.parse_args()
    options = {"escapechar": "\\", "doublequote": False} if args.backslash else {}
    options["delimiter"] = args.delimiter
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Data"
    with open(args.source, newline="", encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle, **options))
    width = max(len(row) for row in rows)
    for number, title in enumerate(args.title, start=1):
        sheet.append([title])
        sheet.merge_cells(start_row=number, start_column=1, end_row=number, end_column=width)
    for index, row in enumerate(rows):
        sheet.append(row if index == 0 else [cell(value) for value in row])
    save(workbook, args.target)


if __name__ == "__main__":
    main()
