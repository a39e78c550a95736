#!/usr/bin/env python3
"""Benchmark the inventory (`make bench-inventory`): a full scan of 100,000 small files into
a fresh inventory, then an incremental rescan of the unchanged tree; prints both times and
their ratio (the issue asks for under 5 %).

Files are stamped one day in the past, as on a share that is not being written to: a file
modified within a second of a run's start is (deliberately) read again by the next run.
"""
import argparse
import os
import random
import shutil
import subprocess
import sys
import time


def generate(root: str, count: int) -> None:
    marker = root.rstrip("/") + f".complete-{count}"
    if os.path.exists(marker):
        return
    shutil.rmtree(root, ignore_errors=True)
    rng = random.Random(5)
    past = time.time() - 86400
    for i in range(count):
        d = os.path.join(root, f"d{i % 100:03d}", f"s{(i // 100) % 10}")
        os.makedirs(d, exist_ok=True)
        lines = [f"record {i} line {n}: nothing personal here, only ordinary words" for n in range(rng.randint(2, 12))]
        if i % 10 == 0:
            lines.append(f"contact person{i}@example.com for details")
        if i % 25 == 0:
            lines.append("IBAN DE89370400440532013000")
        p = os.path.join(d, f"f{i}.txt")
        with open(p, "w") as f:
            f.write("\n".join(lines) + "\n")
        os.utime(p, (past, past))
    open(marker, "w").close()


def timed(cmd):
    t0 = time.perf_counter()
    r = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    dt = time.perf_counter() - t0
    if r.returncode not in (0, 1):
        sys.exit(f"{' '.join(cmd)} exited {r.returncode}: {r.stderr}")
    return dt, r.stderr


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--dir", default="/tmp/trawl-bench-inventory")
    ap.add_argument("--files", type=int, default=100_000)
    ap.add_argument("--trawl", default="./.build/release/trawl")
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    tree = os.path.join(args.dir, "tree")
    generate(tree, args.files)
    state = os.path.join(args.dir, "state")
    key = os.path.join(args.dir, "key")
    base = [args.trawl, "scan", "--format", "jsonl", "--output", "/dev/null", "--key-file", key]
    fulls, incs = [], []
    for _ in range(args.rounds):
        shutil.rmtree(state, ignore_errors=True)
        db = os.path.join(state, "inventory.sqlite")
        full, _ = timed(base + ["--inventory", db, tree])
        inc, err = timed(base + ["--inventory", db, tree])
        if f"{args.files} unchanged (not read), 0 read" not in err:
            sys.exit("the rescan read files: " + err)
        fulls.append(full)
        incs.append(inc)
    full, inc = min(fulls), min(incs)
    print(f"files: {args.files} (in {tree})")
    print(f"full scan, fresh inventory:     {full:.2f} s  (best of {args.rounds}: {', '.join(f'{x:.2f}' for x in fulls)})")
    print(f"incremental rescan, unchanged:  {inc:.2f} s  (best of {args.rounds}: {', '.join(f'{x:.2f}' for x in incs)})")
    print(f"ratio: {100 * inc / full:.1f} %  (required: < 5 %)")


if __name__ == "__main__":
    main()
