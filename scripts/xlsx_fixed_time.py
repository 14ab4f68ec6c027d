"""Saving openpyxl workbooks without the clock in them, so a generator gives the same bytes
on every run.

openpyxl writes the time of saving twice: as the document's modified date in
docProps/core.xml (`save_workbook` sets it, whatever the caller set before) and as the
time stamp of every ZIP entry.  `save` writes the workbook with fixed document dates and
then `fix_entry_times` rewrites the archive with one fixed time stamp on every entry (same
entries, same order, same compression).
"""

import datetime
import os
import shutil
import zipfile

from openpyxl.writer.excel import ExcelWriter

# The time stamp of every ZIP entry and the document's created and modified dates.
STAMP = (2025, 3, 12, 0, 0, 0)
CREATED = datetime.datetime(*STAMP)


def save(workbook, path: str) -> None:
    """Writes `workbook` to `path` with fixed document dates and ZIP time stamps."""
    workbook.properties.created = CREATED
    workbook.properties.modified = CREATED
    if workbook.write_only and not workbook.worksheets:
        workbook.create_sheet()
    # What openpyxl's save_workbook does, without setting the modified date to now.
    archive = zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, allowZip64=True)
    ExcelWriter(workbook, archive).save()
    fix_entry_times(path)


def fix_entry_times(path: str) -> None:
    """Rewrites the ZIP archive at `path` giving every entry the time stamp STAMP."""
    temporary = path + ".tmp"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(temporary, "w") as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=STAMP)
            entry.compress_type = info.compress_type
            entry.external_attr = info.external_attr
            # The size tells zipfile beforehand whether the entry needs ZIP64 headers.
            entry.file_size = info.file_size
            with source.open(info) as reader, target.open(entry, "w") as writer:
                shutil.copyfileobj(reader, writer, 1 << 20)
    os.replace(temporary, path)
