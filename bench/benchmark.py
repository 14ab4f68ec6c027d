#!/usr/bin/env python3
"""End-to-end benchmark of `p3dn audit` against DuckDB on the same files, in one run.

For each size: generates a canonical realization file (cached in the data folder), reads
it once into the page cache, then times as whole processes, with /usr/bin/time -v:
  - p3dn audit FILE --year 2022 --format json            (default threads)
  - p3dn audit FILE --year 2022 --format json --threads 1
  - DuckDB read_csv + GROUP BY kode_opd (Python duckdb, default threads)
Each is run --repeat times and the fastest run is kept. Prints one table (markdown).
The JSON of the two p3dn runs must be identical.

    python3 bench/benchmark.py --rows 1000000 10000000 [--data .bench-data] [--repeat 3]
"""

import argparse
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


def best(command, repeat):
    runs = [timed(command) for _ in range(repeat)]
    return min(runs, key=lambda run: run[0])


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, nargs="+", default=[1_000_000, 10_000_000])
    parser.add_argument("--data", default=os.path.join(ROOT, ".bench-data"))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "p3dn"))
    args = parser.parse_args()
    os.makedirs(args.data, exist_ok=True)
    if not os.path.exists(args.binary):
        subprocess.run(["swift", "build", "-c", "release"], cwd=ROOT, check=True)

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
        subprocess.run(["cat", path], stdout=subprocess.DEVNULL, check=True)
        audit = [args.binary, "audit", path, "--year", "2022", "--format", "json"]
        parallel = best(audit, args.repeat)
        single = best(audit + ["--threads", "1"], args.repeat)
        if parallel[2] != single[2]:
            sys.exit("the JSON output differs between thread counts")
        duck = best([sys.executable, os.path.join(ROOT, "bench", "duckdb_sums.py"), path], args.repeat)
        lines.append("| %d | %.0f | %.2f | %.0f | %.0f | %.2f | %.2f | %.2f | %.0f | %.2f |" % (
            rows, megabytes, parallel[0], megabytes / parallel[0], parallel[1], single[0],
            single[0] / parallel[0], duck[0], duck[1], parallel[0] / duck[0]))
        print(lines[-1], file=sys.stderr)
    print("\n".join(lines))


if __name__ == "__main__":
    main()
