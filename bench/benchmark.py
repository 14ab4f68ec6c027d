#!/usr/bin/env python3
"""End-to-end benchmark of `p3dn audit` against DuckDB on the same files, in one run.

For each size: generates a canonical realization file (cached in the data folder), then
times as whole processes, with /usr/bin/time -v, each run after reading the file into the
page cache:
  - p3dn audit FILE --year 2022 --format json            (default threads)
  - p3dn audit FILE --year 2022 --format json --threads 1
  - DuckDB read_csv + GROUP BY kode_opd (Python duckdb, default threads)
The three are run in turn, --repeat rounds, and the fastest run of each is kept (taking
turns spreads the machine's slower moments over all three). Prints one table (markdown).
The JSON of the two p3dn runs must be identical.

p3dn is built as it is distributed: release, with the Swift runtime linked in
(--static-swift-stdlib), in .build-static/.

    python3 bench/benchmark.py --rows 1000000 10000000 [--data .bench-data] [--repeat 3]

With --ledger ROWS..., it also times `p3dn ingest` of the canonical file of that many rows
into a new ledger (rows a second) and `p3dn report` from it (the ledger issue asks for
300,000 rows a second and reports under 200 ms on 1M stored rows).

With --xlsx ROWS..., it also times `p3dn audit` on SIPD-shaped workbooks of that many rows
(shared strings, as Excel writes them; scripts/make-large-workbook.py) and prints a second
table: seconds and peak RSS, the measure of the streaming XLSX reader.

With --validate [ROWS] (default 1,000,000), it times only `p3dn validate FILE --year 2022
--format json` against `p3dn audit FILE --year 2022 --format json` on the canonical file of
that many rows (no DuckDB): the two in turn, the order swapped every round, --repeat rounds
(default 5 here), the file read into the page cache before each run. It prints both
medians, the ratio of the medians and the median of the per-round ratios, checks that
validate counts the same findings as audit's `inputs[].findings` (exit status 2 when not),
and exits 1 when validate's median is more than --max-ratio (default 1.5) times audit's:

    python3 bench/benchmark.py --validate 1000000 --repeat 7
"""

import argparse
import json
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def timed(command):
    """Runs a command under /usr/bin/time -v; returns (seconds, peak RSS in MB, stdout)."""
    result = subprocess.run(["/usr/bin/time", "-v"] + command, capture_output=True)
    if result.returncode not in (0, 1):
        sys.exit("failed: %s\n%s" % (" ".join(command), result.stderr.decode()[-2000:]))
    err = result.stderr.decode()
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", err).group(1)
    parts = [float(p) for p in wall.split(":")]
    seconds = parts[-1] + 60 * parts[-2] + (3600 * parts[-3] if len(parts) == 3 else 0)
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", err).group(1)) / 1024
    return seconds, rss, result.stdout


def best_of_turns(commands, repeat, path):
    """Runs the commands in turn, `repeat` rounds; the fastest run of each. The file is read
    once before every run, so that each finds it in the page cache (some machines drop the
    cache of a large file between runs)."""
    runs = [[] for _ in commands]
    for _ in range(repeat):
        for index, command in enumerate(commands):
            subprocess.run(["cat", path], stdout=subprocess.DEVNULL, check=True)
            runs[index].append(timed(command))
    return [min(each, key=lambda run: run[0]) for each in runs]


def canonical_file(args, rows):
    """The canonical realization file of that many rows, generated once into the data folder."""
    path = os.path.join(args.data, "canonical-%d.csv" % rows)
    if not os.path.exists(path):
        print("generating %s" % path, file=sys.stderr)
        subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "generate-benchmark-data.py"),
                        "--rows", str(rows), "--out", path], check=True)
    return path


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, nargs="*", default=[1_000_000, 10_000_000])
    parser.add_argument("--data", default=os.path.join(ROOT, ".bench-data"))
    parser.add_argument("--repeat", type=int, default=None, help="rounds (default 3; 5 with --validate)")
    parser.add_argument("--binary", help="a p3dn binary to time instead of building one")
    parser.add_argument("--xlsx", type=int, nargs="*", default=[], help="workbook sizes (rows) to time")
    parser.add_argument("--ledger", type=int, nargs="*", default=[], help="ledger ingest sizes (rows) to time")
    parser.add_argument("--validate", type=int, nargs="?", const=1_000_000, metavar="ROWS",
                        help="only time validate against audit on the canonical file of ROWS rows (default 1000000)")
    parser.add_argument("--max-ratio", type=float, default=1.5,
                        help="with --validate: exit 1 when validate's median exceeds this times audit's (default 1.5)")
    args = parser.parse_args()
    if args.repeat is None:
        args.repeat = 5 if args.validate is not None else 3
    os.makedirs(args.data, exist_ok=True)
    binary = args.binary
    if binary is None:
        subprocess.run(["swift", "build", "-c", "release", "--static-swift-stdlib", "--scratch-path",
                        os.path.join(ROOT, ".build-static")], cwd=ROOT, check=True)
        binary = os.path.join(ROOT, ".build-static", "release", "p3dn")
    if args.validate is not None:
        sys.exit(validate_against_audit(binary, args))

    lines = [
        "| rows | MB | p3dn s | MB/s | RSS MB | p3dn --threads 1 s | thread speed-up | DuckDB s | DuckDB RSS MB | p3dn / DuckDB |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for rows in args.rows:
        path = os.path.join(args.data, "canonical-%d.csv" % rows)
        if not os.path.exists(path):
            print("generating %s" % path, file=sys.stderr)
            subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "generate-benchmark-data.py"),
                            "--rows", str(rows), "--out", path], check=True)
        megabytes = os.path.getsize(path) / 1e6
        audit = [binary, "audit", path, "--year", "2022", "--format", "json"]
        duckdb = [sys.executable, os.path.join(ROOT, "bench", "duckdb_sums.py"), path]
        parallel, single, duck = best_of_turns([audit, audit + ["--threads", "1"], duckdb], args.repeat, path)
        if parallel[2] != single[2]:
            sys.exit("the JSON output differs between thread counts")
        lines.append("| %d | %.0f | %.2f | %.0f | %.0f | %.2f | %.2f | %.2f | %.0f | %.2f |" % (
            rows, megabytes, parallel[0], megabytes / parallel[0], parallel[1], single[0],
            single[0] / parallel[0], duck[0], duck[1], parallel[0] / duck[0]))
        print(lines[-1], file=sys.stderr)
    print("\n".join(lines))
    if args.xlsx:
        print(xlsx_table(binary, args))
    if args.ledger:
        print(ledger_table(binary, args))


def median(values):
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def validate_against_audit(binary, args):
    """Times validate against audit on the same file, in turn, the order swapped every round;
    prints a table (markdown) and returns 1 when validate's median is above --max-ratio times
    audit's, 2 when validate's counts differ from audit's, else 0."""
    rows = args.validate
    path = canonical_file(args, rows)
    audit = [binary, "audit", path, "--year", "2022", "--format", "json"]
    validate = [binary, "validate", path, "--year", "2022", "--format", "json"]
    audits, validates = [], []
    for round_ in range(args.repeat):
        order = [(audit, audits), (validate, validates)]
        if round_ % 2:
            order.reverse()
        for command, runs in order:
            subprocess.run(["cat", path], stdout=subprocess.DEVNULL, check=True)
            runs.append(timed(command))
        print("round %d: audit %.2f s, validate %.2f s" % (round_ + 1, audits[-1][0], validates[-1][0]),
              file=sys.stderr)
    # validate counts the same findings as audit's inputs[].findings (docs/validation.md).
    audit_counts = {entry["path"]: entry["findings"] for entry in json.loads(audits[-1][2])["inputs"]}
    validate_counts = {entry["path"]: entry["findings"] for entry in json.loads(validates[-1][2])["counts"]}
    if audit_counts != validate_counts:
        print("validate's counts differ from audit's inputs[].findings:\n  audit    %s\n  validate %s"
              % (audit_counts, validate_counts), file=sys.stderr)
        return 2
    audit_median = median([run[0] for run in audits])
    validate_median = median([run[0] for run in validates])
    ratio = validate_median / audit_median
    paired = median([v[0] / a[0] for a, v in zip(audits, validates)])
    lines = [
        "| rows | MB | rounds | audit s (median) | validate s (median) | validate / audit | per-round ratio (median) "
        "| audit s (fastest) | validate s (fastest) | audit RSS MB (peak) | validate RSS MB (peak) |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
        "| %d | %.0f | %d | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.0f | %.0f |" % (
            rows, os.path.getsize(path) / 1e6, args.repeat, audit_median, validate_median, ratio, paired,
            min(run[0] for run in audits), min(run[0] for run in validates),
            max(run[1] for run in audits), max(run[1] for run in validates)),
    ]
    print("\n".join(lines))
    if ratio > args.max_ratio:
        print("validate takes %.2f times audit's time, more than %.2f" % (ratio, args.max_ratio), file=sys.stderr)
        return 1
    print("validate / audit = %.2f (at most %.2f)" % (ratio, args.max_ratio), file=sys.stderr)
    return 0


def ledger_table(binary, args):
    """Times p3dn ingest into a new ledger and p3dn report from it: the fastest and the
    median of --repeat runs."""
    lines = ["", "| rows | ingest s (fastest) | rows/s (fastest) | ingest s (median) | rows/s (median) "
             "| ingest RSS MB | report s (fastest) | report s (median) | report RSS MB |",
             "|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for rows in args.ledger:
        path = os.path.join(args.data, "canonical-%d.csv" % rows)
        if not os.path.exists(path):
            subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "generate-benchmark-data.py"),
                            "--rows", str(rows), "--out", path], check=True)
        db = os.path.join(args.data, "ledger-%d.sqlite" % rows)
        ingests, reports = [], []
        for _ in range(args.repeat):
            for suffix in ("", "-wal", "-shm"):
                if os.path.exists(db + suffix):
                    os.remove(db + suffix)
            with open(path, "rb") as handle:
                while handle.read(1 << 24):
                    pass
            ingests.append(timed([binary, "ingest", "--realization", path, "--db", db]))
            reports.append(timed([binary, "report", "--db", db, "--year", "2022", "--format", "json"]))
        ingest = min(ingests, key=lambda run: run[0])
        report = min(reports, key=lambda run: run[0])
        ingest_median = sorted(run[0] for run in ingests)[len(ingests) // 2]
        report_median = sorted(run[0] for run in reports)[len(reports) // 2]
        lines.append("| %d | %.2f | %.0f | %.2f | %.0f | %.0f | %.3f | %.3f | %.0f |" % (
            rows, ingest[0], rows / ingest[0], ingest_median, rows / ingest_median, ingest[1], report[0],
            report_median, report[1]))
        print(lines[-1], file=sys.stderr)
    return "\n".join(lines)


def xlsx_table(binary, args):
    """Times p3dn audit on SIPD-shaped workbooks; the fastest of --repeat runs."""
    lines = ["", "| workbook rows | MB | p3dn s | RSS MB |", "|---:|---:|---:|---:|"]
    for rows in args.xlsx:
        path = os.path.join(args.data, "sipd-%d.xlsx" % rows)
        if not os.path.exists(path):
            print("generating %s" % path, file=sys.stderr)
            subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "make-large-workbook.py"), path,
                            str(rows), "--shared-strings"], check=True)
        audit = [binary, "audit", path, "--year", "2025", "--format", "json"]
        runs = []
        for _ in range(args.repeat):
            with open(path, "rb") as handle:
                while handle.read(1 << 24):
                    pass
            runs.append(timed(audit))
        best = min(runs, key=lambda run: run[0])
        lines.append("| %d | %.0f | %.2f | %.0f |" % (rows, os.path.getsize(path) / 1e6, best[0], best[1]))
        print(lines[-1], file=sys.stderr)
    return "\n".join(lines)


if __name__ == "__main__":
    main()
