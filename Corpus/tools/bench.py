#!/usr/bin/env python3
"""Benchmark: trawl against ripgrep on a >= 1 GiB mixed text corpus (`make bench`).

Generates the corpus with benchgen.py when missing, builds an alternation of trawl's own
rule patterns for ripgrep (with look-arounds removed for ripgrep's own engine, which has
none), runs each tool warm (page cache) and reports wall time, MB/s, peak RSS and ratios.
Not a test: it prints figures for the README.
"""
import argparse
import glob
import os
import subprocess
import sys
import time

import yaml


def strip_lookarounds(pattern: str) -> str:
    """Removes (?<!..), (?<=..), (?!..), (?=..) groups, respecting nesting and escapes."""
    out, i = [], 0
    while i < len(pattern):
        if pattern.startswith(("(?<!", "(?<=", "(?!", "(?="), i):
            depth, j = 0, i
            while j < len(pattern):
                c = pattern[j]
                if c == "\\":
                    j += 2
                    continue
                if c == "[":
                    j += 1
                    while j < len(pattern) and pattern[j] != "]":
                        j += 2 if pattern[j] == "\\" else 1
                elif c == "(":
                    depth += 1
                elif c == ")":
                    depth -= 1
                    if depth == 0:
                        break
                j += 1
            i = j + 1
            continue
        if pattern[i] == "\\":
            out.append(pattern[i:i + 2])
            i += 2
            continue
        out.append(pattern[i])
        i += 1
    return "".join(out)


def rules(root: str):
    for path in sorted(glob.glob(os.path.join(root, "Patterns", "**", "*.yml"), recursive=True)):
        if os.path.basename(path) in ("categories.yml", "policy-terms.yml"):
            continue
        doc = yaml.safe_load(open(path, encoding="utf-8")) or {}
        for rule in doc.get("rules", []):
            yield rule


def rule_patterns(root: str):
    for rule in rules(root):
        p = rule["pattern"]
        if "caseless" in (rule.get("options") or []):
            p = "(?i)" + p
        yield p


def run(cmd, label, nbytes):
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    err = proc.stderr.read().decode(errors="replace")
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        print(f"{label}: exit {code}: {err[-500:]}", file=sys.stderr)
    return {"label": label, "seconds": seconds, "mbps": nbytes / seconds / 1e6, "rss_mb": usage.ru_maxrss / 1024}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dir", default="/tmp/trawl-bench")
    ap.add_argument("--trawl", default="./.build/release/trawl")
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--no-rg-pcre", action="store_true", help="skip the slow `rg -P` run")
    args = ap.parse_args()
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    data = args.dir
    files = [p for p in glob.glob(data + "/**/*", recursive=True) if os.path.isfile(p)]
    if sum(os.path.getsize(p) for p in files) < (1 << 30):
        subprocess.run([sys.executable, os.path.join(root, "Corpus", "tools", "benchgen.py"), data], check=True)
        files = [p for p in glob.glob(data + "/**/*", recursive=True) if os.path.isfile(p)]
    nbytes = sum(os.path.getsize(p) for p in files)
    work = data.rstrip("/") + "-work"
    os.makedirs(work, exist_ok=True)
    pcre_alt = os.path.join(work, "alt-pcre2.txt")
    rust_alt = os.path.join(work, "alt-rust.txt")
    pats = list(rule_patterns(root))
    with open(pcre_alt, "w") as f:
        f.write("\n".join(pats) + "\n")
    with open(rust_alt, "w") as f:
        f.write("\n".join(strip_lookarounds(p) for p in pats) + "\n")
    key = os.path.join(work, "bench.key")
    # Warm the page cache.
    subprocess.run(["cat"] + files, stdout=subprocess.DEVNULL)
    trawl = [args.trawl, "scan", "--quiet", "--no-inventory", "--format", "jsonl", "--output", "/dev/null", "--key-file", key]
    runs = []
    for _ in range(args.repeat):
        runs.append(run(trawl + ["--jobs", "1", data], "trawl -j1", nbytes))
        # The same scan with person names and CVs off: every regex rule's kind selected.
        kinds = sorted({r["kind"] for r in rules(root)})
        runs.append(run(trawl + ["--jobs", "1"] + [a for k in kinds for a in ("--kind", k)] + [data],
                        "trawl -j1, names off", nbytes))
        runs.append(run(trawl + ["--jobs", str(os.cpu_count()), data], f"trawl -j{os.cpu_count()}", nbytes))
        runs.append(run(["rg", "-j1", "--no-unicode", "-c", "-f", rust_alt, data], "rg -j1 --no-unicode", nbytes))
        if not args.no_rg_pcre:
            runs.append(run(["rg", "-j1", "-P", "-c", "-f", pcre_alt, data], "rg -j1 -P", nbytes))
    best = {}
    for r in runs:
        if r["label"] not in best or r["seconds"] < best[r["label"]]["seconds"]:
            best[r["label"]] = r
    base = best["trawl -j1"]["seconds"]
    print(f"corpus: {len(files)} files, {nbytes / 2**30:.2f} GiB, {len(pats)} rule patterns; warm page cache; {os.cpu_count()} cores")
    print("| run | seconds | MB/s | peak RSS MB | time / trawl -j1 time |")
    print("|---|---:|---:|---:|---:|")
    for r in best.values():
        print(f"| `{r['label']}` | {r['seconds']:.2f} | {r['mbps']:.0f} | {r['rss_mb']:.0f} | {r['seconds'] / base:.2f}x |")
    off = best["trawl -j1, names off"]["mbps"]
    print(f"names on: {best['trawl -j1']['mbps']:.0f} MB/s, names off: {off:.0f} MB/s, "
          f"drop {100 * (1 - best['trawl -j1']['mbps'] / off):.1f} %")


if __name__ == "__main__":
    main()
