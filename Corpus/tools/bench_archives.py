#!/usr/bin/env python3
"""Benchmark: trawl on archives of the benchmark text, next to `bsdtar -xOf` (`make bench-archives`).

Packs the first --mib MiB of the benchmark tree (benchgen.py's output, generated when
missing) into a tar.gz and a zip under --work, then times, warm (page cache), best of
--runs:
  trawl scan --quiet --format jsonl --output /dev/null ARCHIVE   (decompress + scan)
  bsdtar -xOf ARCHIVE > /dev/null                                (decompress only)
and prints MB/s of compressed input and of decompressed text, plus trawl's peak RSS; and,
for reference, trawl -j1 on the same text as plain files (one archive is one top-level
object, scanned by one worker).
Not a test: it prints figures for the README.
"""
import argparse
import os
import resource
import subprocess
import sys
import tarfile
import time
import zipfile


def timed(cmd, stdout=subprocess.DEVNULL):
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t = time.perf_counter()
    subprocess.run(cmd, stdout=stdout, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - t, max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--dir', default='/tmp/trawl-bench')
    ap.add_argument('--work', default='/tmp/trawl-bench-archives')
    ap.add_argument('--trawl', default='./.build/release/trawl')
    ap.add_argument('--mib', type=int, default=256)
    ap.add_argument('--runs', type=int, default=3)
    ap.add_argument('--jobs', type=int, default=2)
    a = ap.parse_args()
    if not os.path.isdir(a.dir):
        subprocess.run([sys.executable, os.path.join(os.path.dirname(__file__), 'benchgen.py'), a.dir], check=True)
    files, total = [], 0
    for root, dirs, names in os.walk(a.dir):
        dirs.sort()
        for n in sorted(names):
            p = os.path.join(root, n)
            if total >= a.mib << 20:
                break
            files.append(p)
            total += os.path.getsize(p)
    os.makedirs(a.work, exist_ok=True)
    tgz, zp = os.path.join(a.work, 'bench.tar.gz'), os.path.join(a.work, 'bench.zip')
    if not os.path.exists(tgz):
        with tarfile.open(tgz, 'w:gz', compresslevel=6) as t:
            for p in files:
                t.add(p, arcname=os.path.relpath(p, a.dir))
    if not os.path.exists(zp):
        with zipfile.ZipFile(zp, 'w', zipfile.ZIP_DEFLATED, compresslevel=6) as z:
            for p in files:
                z.write(p, arcname=os.path.relpath(p, a.dir))
    print('text: %d files, %.1f MB' % (len(files), total / 1e6))
    print('| archive | size MB | tool | seconds | MB/s compressed | MB/s text | peak RSS MB |')
    print('|---|---:|---|---:|---:|---:|---:|')
    for name, cmd in [('trawl -j1, plain files', [a.trawl, 'scan', '--quiet', '-j', '1', '--format', 'jsonl', '--output', '/dev/null'] + files)]:
        best = min(timed(cmd)[0] for _ in range(a.runs))
        print('| (the same text, unpacked) | %.1f | %s | %.2f | - | %.1f | - |' % (total / 1e6, name, best, total / 1e6 / best))
    for arc in [tgz, zp]:
        size = os.path.getsize(arc)
        for name, cmd in [('trawl -j%d' % a.jobs, [a.trawl, 'scan', '--quiet', '-j', str(a.jobs), '--format', 'jsonl', '--output', '/dev/null', arc]),
                          ('bsdtar -xOf', ['bsdtar', '-xOf', arc])]:
            best, rss = None, 0
            for _ in range(a.runs):
                s, r = timed(cmd)
                best = s if best is None else min(best, s)
                rss = r
            print('| %s | %.1f | %s | %.2f | %.1f | %.1f | %s |' % (os.path.basename(arc), size / 1e6, name, best, size / 1e6 / best,
                                                                   total / 1e6 / best, '%.0f' % (rss / 1024) if name.startswith('trawl') else '-'))


if __name__ == '__main__':
    main()
