#!/usr/bin/env python3
"""The per-OPD sums of a canonical p3dn file in DuckDB, for the benchmark's comparison:
line count and total amount per OPD code, with Indonesian amounts (`Rp 1.234.567,89`,
`Rp. 1.234.567,-`) turned into DECIMAL(38,2) by string functions."""

import sys

import duckdb

path = sys.argv[1]
query = f"""
SELECT kode_opd, count(*) AS lines,
  sum(TRY_CAST(replace(replace(
        regexp_replace(regexp_replace(trim(nilai), '^(Rp\\.?\\s*)', ''), ',-$', ''),
        '.', ''), ',', '.') AS DECIMAL(38,2))) AS total
FROM read_csv('{path}', delim=';', header=true, quote='"', escape='"', all_varchar=true,
              ignore_errors=true)
GROUP BY kode_opd ORDER BY kode_opd
"""
rows = duckdb.connect().execute(query).fetchall()
print(len(rows), "OPDs")
