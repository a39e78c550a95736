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
import resource
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
    """Wall-clock seconds, CPU seconds (user + system) and stderr of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    r = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    dt = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if r.returncode not in (0, 1):
        sys.exit(f"{' '.join(cmd)} exited {r.returncode}: {r.stderr}")
    return dt, cpu, r.stderr


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
    fulls, incs, none = [], [], []
    for _ in range(args.rounds):
        shutil.rmtree(state, ignore_errors=True)
        db = os.path.join(state, "inventory.sqlite")
        none.append(timed(base + ["--no-inventory", tree])[:2])
        fulls.append(timed(base + ["--inventory", db, tree])[:2])
        wall, cpu, err = timed(base + ["--inventory", db, tree])
        if f"{args.files} unchanged (not read), 0 read" not in err:
            sys.exit("the rescan read files: " + err)
        incs.append((wall, cpu))
    def best(runs):
        return min(r[0] for r in runs), min(r[1] for r in runs)
    (fw, fc), (iw, ic), (nw, nc) = best(fulls), best(incs), best(none)
    print(f"files: {args.files} (in {tree}); best of {args.rounds} rounds; wall-clock and CPU (user+sys) seconds")
    print(f"scan without inventory:         {nw:6.2f} s wall  {nc:6.2f} s CPU")
    print(f"full scan, fresh inventory:     {fw:6.2f} s wall  {fc:6.2f} s CPU")
    print(f"incremental rescan, unchanged:  {iw:6.2f} s wall  {ic:6.2f} s CPU")
    print(f"ratio incremental / full:       {100 * iw / fw:5.1f} % wall  {100 * ic / fc:5.1f} % CPU  (issue 5 asks for < 5 %)")


if __name__ == "__main__":
    main()
