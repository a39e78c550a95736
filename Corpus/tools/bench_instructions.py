#!/usr/bin/env python3
"""Count the instructions `trawl scan --jobs 1` executes, with and without person names
(`make bench-instructions`), under valgrind's cachegrind.

Wall-clock times on a shared virtual machine move by 10-20 % from run to run, more than
most single changes to a scanner gain. Instruction counts hardly move (a few parts per
thousand, from the worker threads), so they tell whether a change made the work smaller.
They do not count cache misses or mispredicted branches: the wall-clock benchmark
(`make bench`) stays the measure the issues ask for.

The sample is the first 4 MB of the first file of each tree of the 1 GiB benchmark
(`make bench` generates it). Start-up (loading the rule packs and the name lists) is
measured on an empty directory and subtracted.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile


def instructions(trawl: str, args: list, target: str, env: dict) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        # valgrind cannot read the DWARF 5 of Swift binaries: count a copy without it.
        binary = os.path.join(tmp, "trawl")
        subprocess.run(["strip", "--strip-debug", "-o", binary, trawl], check=True)
        out = os.path.join(tmp, "cachegrind.out")
        r = subprocess.run(["valgrind", "--tool=cachegrind", "--cache-sim=no", f"--cachegrind-out-file={out}", binary]
                           + args + [target], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env)
        m = re.search(r"I\s+refs:\s+([\d,]+)", r.stderr)
        if not m:
            sys.exit(f"valgrind failed: {r.stderr[-2000:]}")
        return int(m.group(1).replace(",", ""))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bench-dir", default="/tmp/trawl-bench")
    ap.add_argument("--trawl", default="./.build/release/trawl")
    ap.add_argument("--bytes", type=int, default=4_000_000, help="bytes taken from each tree")
    a = ap.parse_args()
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    sys.path.insert(0, os.path.join(root, "Corpus", "tools"))
    import bench
    if not os.path.isdir(a.bench_dir):
        sys.exit(f"{a.bench_dir} is missing: run `make bench` once to generate it")
    work = tempfile.mkdtemp(prefix="trawl-instructions-")
    try:
        sample, empty = os.path.join(work, "sample"), os.path.join(work, "empty")
        os.makedirs(sample)
        os.makedirs(empty)
        for tree in sorted(os.listdir(a.bench_dir)):
            d = os.path.join(a.bench_dir, tree)
            if not os.path.isdir(d):
                continue
            first = sorted(os.listdir(d))[0]
            with open(os.path.join(d, first), "rb") as src, open(os.path.join(sample, tree + ".txt"), "wb") as dst:
                dst.write(src.read(a.bytes))
        env = dict(os.environ, TRAWL_PATTERNS=os.path.join(root, "Patterns"))
        base = ["scan", "--quiet", "--no-inventory", "--format", "jsonl", "--output", "/dev/null",
                "--key-file", os.path.join(work, "key"), "--jobs", "1"]
        kinds = sorted({r["kind"] for r in bench.rules(root)})
        off = base + [x for k in kinds for x in ("--kind", k)]
        size = sum(os.path.getsize(os.path.join(sample, f)) for f in os.listdir(sample))
        on_n = instructions(a.trawl, base, sample, env) - instructions(a.trawl, base, empty, env)
        off_n = instructions(a.trawl, off, sample, env) - instructions(a.trawl, off, empty, env)
        print(f"sample: {size / 1e6:.1f} MB ({len(os.listdir(sample))} trees); instructions after start-up, -j1")
        print(f"names on:  {on_n / 1e6:8.0f} M  ({on_n / size:5.1f} per byte)")
        print(f"names off: {off_n / 1e6:8.0f} M  ({off_n / size:5.1f} per byte)")
        print(f"names cost {(on_n - off_n) / 1e6:.0f} M instructions, {100 * (on_n - off_n) / on_n:.1f} % of the scan with names")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
