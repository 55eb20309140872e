#!/usr/bin/env python3
"""Fills a `gzplan actuals template` CSV with SYNTHETIC figures, for tests and benchmarks only.

Every figure is the target value times a random factor (seeded), dated the March after its year, its source
"SYNTHETIC (合成测试数据, not a real figure)". These are not statistics: the project ships no figures.

  fill_synthetic_actuals.py template.csv filled.csv [--seed N] [--fraction F] [--low 0.9] [--high 1.1]
                            [--rows N] [--encoding utf-8|gbk]
--rows N repeats the filled rows with different figure dates until the file has N rows (a large import).
"""
import argparse
import csv
import random
import sys

SOURCE = "SYNTHETIC (合成测试数据, not a real figure)"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("template")
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--fraction", type=float, default=1.0)
    ap.add_argument("--low", type=float, default=0.9)
    ap.add_argument("--high", type=float, default=1.1)
    ap.add_argument("--rows", type=int, default=0)
    ap.add_argument("--encoding", default="utf-8")
    a = ap.parse_args()
    rnd = random.Random(a.seed)
    with open(a.template, encoding="utf-8-sig", newline="") as f:
        reader = csv.DictReader(f)
        fields = reader.fieldnames
        rows = list(reader)
    filled = []
    for r in rows:
        if rnd.random() >= a.fraction:
            continue
        v = float(r["target_value"]) * rnd.uniform(a.low, a.high)
        r["actual_value"] = f"{v:.4g}"
        r["figure_date"] = f"{int(r['year']) + 1}-03"
        r["source"] = SOURCE
        r["note"] = "synthetic"
        filled.append(r)
    out_rows = [dict(r) for r in filled]
    if a.rows and filled:
        i = 0
        while len(out_rows) < a.rows:
            r = dict(filled[i % len(filled)])
            k = i // len(filled) + 1
            r["figure_date"] = f"{int(r['year']) + 1}-{(k % 12) + 1:02d}-{(k // 12) % 28 + 1:02d}"
            r["actual_value"] = f"{float(r['target_value']) * rnd.uniform(a.low, a.high):.4g}"
            out_rows.append(r)
            i += 1
            if k > 12 * 28:
                sys.exit("--rows: too many rows for distinct dates")
    enc = "utf-8-sig" if a.encoding.lower() in ("utf-8", "utf8") else a.encoding
    with open(a.out, "w", encoding=enc, newline="") as f:
        w = csv.DictWriter(f, fieldnames=fields)
        w.writeheader()
        w.writerows(out_rows)
    print(f"{len(out_rows)} synthetic figures in {a.out}")


if __name__ == "__main__":
    main()
