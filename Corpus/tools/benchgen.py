#!/usr/bin/env python3
"""Write a >= 1 GiB mixed-text benchmark tree for trawl.

    python3 Corpus/tools/benchgen.py /tmp/trawl-bench [--files 256] [--mib 4]

Four flavours (prose, CSV exports, web/app logs, mail-header blocks) in
DIR/<flavour>/NNN.<ext>, ~4 MiB each, about one planted personal-data item per 2 KiB on
average, all kinds of the demo corpus mixed.  Deterministic (fixed seed).  Fast: a pool of
a few thousand verified lines is built once (every line checked with the reference oracle
in pd.py, so the item count is exact), then each file is assembled by sampling pool lines
in a new order and written with one large write.  Prints total bytes and item counts.
"""
from __future__ import annotations

import argparse
import collections
import datetime
import os
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

TARGET_BYTES_PER_ITEM = 2048


def main():
    if os.environ.get('PYTHONHASHSEED') != '0':  # Faker set ordering: see generate.py
        env = dict(os.environ, PYTHONHASHSEED='0')
        os.execve(sys.executable, [sys.executable, str(Path(__file__).resolve())] + sys.argv[1:], env)
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('dir')
    ap.add_argument('--files', type=int, default=256)
    ap.add_argument('--mib', type=float, default=4.0, help='average file size in MiB')
    args = ap.parse_args()
    t0 = time.time()

    import generate as G
    import pd
    from lang import LANGS, ORDER
    from faker import Faker

    G.R.seed(G.SEED + 7)
    R = G.R
    G.build_pools()

    # ------------------------------------------------------------------ pool
    def verified(make, region):
        """make() -> Ln or [Ln]; returns (bytes, Counter of kinds)."""
        for _ in range(400):
            lns = make()
            if isinstance(lns, G.Ln):
                lns = [lns]
            ok = True
            for ln in lns:
                items = ln.items()
                if len(set(items)) != len(items) or pd.oracle(ln.text(), region) != set(items):
                    ok = False
                    break
            if ok:
                cnt = collections.Counter(k for ln in lns for k, _ in ln.items())
                return ''.join(ln.text() + '\n' for ln in lns).encode('utf-8'), cnt
        raise RuntimeError('cannot build a clean line')

    pools = {fl: ([], []) for fl in ('prose', 'csv', 'logs', 'mail')}  # (item entries, filler entries)

    def add(fl, entry):
        data, cnt = entry
        pools[fl][0 if cnt else 1].append((data, cnt))

    fakers = {cc: Faker(LANGS[cc]['locale']) for cc in ORDER}
    for i, cc in enumerate(ORDER):
        fakers[cc].seed_instance(G.SEED + 100 + i)

    def ctx_for(cc, nat_ok=True):
        cfg = LANGS[cc]
        return G.Ctx(cc, cfg, cfg['region'], G.people(cc, 3), G.pick(G.COMPANIES[cc]), G.next_foreign(cc), nat_ok=nat_ok)

    def prose_templates(cfg):
        return (cfg['hr_intro'] + cfg['hr_contact'] + cfg['hr_ids'] + cfg['hr_misc'] + cfg['ticket_body']
                + cfg['meeting_items'] + cfg['mail_body'] + cfg['incident'])

    def filler_sentence(cc):
        f = fakers[cc]
        return f.paragraph(nb_sentences=R.randint(2, 6))

    for cc in ORDER:
        cfg = LANGS[cc]
        region = cfg['region']
        tpls = prose_templates(cfg)
        # prose: template sentences (1-3 items) and plain paragraphs
        for _ in range(220):
            add('prose', verified(lambda: G.render(ctx_for(cc), G.pick(tpls)), region))
        for _ in range(160):
            add('prose', verified(lambda: G.Ln(G.T(filler_sentence(cc))), region))
        # csv: customer rows and product rows
        d = ';'
        for k in range(120):
            def row(k=k):
                ctx = ctx_for(cc, nat_ok=False)
                p = ctx.people[0]
                vat = G.resolve(ctx, 'fvat', 0) if R.random() < 0.3 else ''
                iban = G.resolve(ctx, 'iban', 0) if p.iban and R.random() < 0.5 else ''
                return G.csv_line([str(R.randint(10000, 99999)), [G.N(p.name)], G.resolve(ctx, 'email', 0),
                                   G.phone_parts(ctx, p, 'intl'), p.city, vat, iban], d)
            add('csv', verified(row, region))
        for k in range(120):
            def prod():
                return G.Ln(G.T(d.join(['SKU-%05d' % R.randint(1, 99999), G.pick(cfg['products']),
                                        str(R.randint(1, 500)), G.money(cc, R.randint(100, 500000)),
                                        G.pick(cfg['depts']), G.pick(['A', 'B', 'C', 'D']) + str(R.randint(1, 40))])))
            add('csv', verified(prod, region))
        # logs: access lines (one IP each), app lines with and without items
        t = datetime.datetime(2024, 3, 1, 0, 0, 0)
        for k in range(150):
            t += datetime.timedelta(seconds=R.randint(1, 120))
            ts = '%02d/%s/%d:%02d:%02d:%02d +0000' % (t.day, G.MONTHS[t.month - 1], t.year, t.hour, t.minute, t.second)

            def acc(ts=ts):
                p = G.pick(G.POOLS[cc])
                if R.random() < 0.3:
                    v, fs = p.ip6
                    client = G.I('ipv6', v, G.pick(fs))
                else:
                    v = pd.gen_ipv4(R, 0.25)
                    client = G.I('ipv4', v, v)
                return G.Ln(client, G.T(' - - [%s] "GET %s HTTP/1.1" %d %d "-" "%s"' % (
                    ts, G.pick(G.PATHS), G.pick([200, 200, 304, 404]), R.randint(200, 60000), G.pick(G.UAS))))
            add('logs', verified(acc, region))
        msgs = [m for m, w in G.APP_MSGS for _ in range(w)]
        for k in range(300):
            t += datetime.timedelta(seconds=R.randint(0, 30), milliseconds=R.randint(0, 999))

            def app(t=t):
                ctx = G.Ctx(cc, cfg, region, [G.pick(G.POOLS[cc])], None, nat_ok=False)
                return G.Ln(G.T('%s,%03d INFO  ' % (t.strftime('%Y-%m-%d %H:%M:%S'), t.microsecond // 1000)),
                            G.render(ctx, G.pick(msgs)))
            add('logs', verified(app, region))
        # mail: header blocks with a short body; and quoted plain paragraphs
        for k in range(80):
            def block():
                ctx = ctx_for(cc)
                ps = ctx.people
                lns = [G.Ln(G.T('From: '), G.N(ps[0].name), G.T(' <'), G.email_part(ps[0].email_forms), G.T('>')),
                       G.Ln(G.T('To: '), G.N(ps[1].name), G.T(' <'), G.email_part(ps[1].email_forms), G.T('>'))]
                if R.random() < 0.4:
                    lns.append(G.Ln(G.T('Cc: '), G.email_part(ps[2].email_forms)))
                dt = datetime.datetime(2024, R.randint(1, 12), R.randint(1, 28), R.randint(7, 19), R.randint(0, 59))
                lns.append(G.Ln(G.T('Date: %02d %s %d %02d:%02d:00 +0100' % (dt.day, G.MONTHS[dt.month - 1], dt.year,
                                                                           dt.hour, dt.minute))))
                lns.append(G.Ln(G.T('Subject: ' + G.pick(cfg['subjects']))))
                lns.append(G.Ln(G.T('')))
                for tpl in R.sample(cfg['mail_body'], 2):
                    lns.append(G.render(ctx, tpl))
                lns.append(G.Ln(G.T(cfg['closing'])))
                lns.append(G.Ln(G.N(ps[0].name)))
                lns.append(G.Ln(G.phone_parts(ctx, ps[0], 'any')))
                lns.append(G.Ln(G.T('')))
                return lns
            add('mail', verified(block, region))
        for k in range(80):
            add('mail', verified(lambda: [G.Ln(G.T('> ' + filler_sentence(cc))), G.Ln(G.T(''))], region))

    # --------------------------------------------------------------- assemble
    out = Path(args.dir)
    exts = {'prose': 'txt', 'csv': 'csv', 'logs': 'log', 'mail': 'txt'}
    flavours = ['prose', 'csv', 'logs', 'mail']
    plan = []
    for fl in flavours:
        items, filler = pools[fl]
        entries = items + filler
        datas = [e[0] for e in entries]
        lens = [len(x) for x in datas]
        ncnt = [sum(e[1].values()) for e in entries]
        ni = len(items)
        li = sum(lens[:ni]) / ni
        ki = sum(ncnt[:ni]) / ni
        lf = sum(lens[ni:]) / len(filler)
        # per pick: probability p of an item entry so that items/bytes = 1/TARGET
        # p*ki / (p*li + (1-p)*lf) = 1/T  ->  p = lf / (T*ki - li + lf)
        p = lf / (TARGET_BYTES_PER_ITEM * ki - li + lf)
        p = min(max(p, 0.0), 1.0)
        w_item, w_fill = p / ni, (1 - p) / len(filler)
        cum, acc = [], 0.0
        for i in range(len(entries)):
            acc += w_item if i < ni else w_fill
            cum.append(acc)
        avg = p * li + (1 - p) * lf
        plan.append((fl, datas, lens, entries, cum, avg))
        out.joinpath(fl).mkdir(parents=True, exist_ok=True)

    total_bytes = 0
    kinds = collections.Counter()
    size_avg = int(args.mib * 1024 * 1024)
    targets = [R.uniform(0.9, 1.1) for _ in range(args.files)]
    scale = 1.015 * args.files / sum(targets)  # total stays >= files * mib (1 GiB by default)
    for n in range(args.files):
        fl, datas, lens, entries, cum, avg = plan[n % len(plan)]
        target = int(size_avg * targets[n] * scale)
        k = int(target / avg)
        idx = R.choices(range(len(datas)), cum_weights=cum, k=k)
        parts = [datas[i] for i in idx]
        if fl == 'csv':
            parts.insert(0, b'id;name;email;phone;city;vat_id;iban\n')
        blob = b''.join(parts)
        path = out / fl / ('%s-%03d.%s' % (fl, n // len(plan), exts[fl]))
        with open(path, 'wb') as fh:
            fh.write(blob)
        total_bytes += len(blob)
        for i, c in collections.Counter(idx).items():
            for kind, m in entries[i][1].items():
                kinds[kind] += m * c
    items_total = sum(kinds.values())
    dt = time.time() - t0
    print('wrote %d files to %s in %.1f s' % (args.files, out, dt))
    print('total bytes: %d (%.3f GiB)' % (total_bytes, total_bytes / 2 ** 30))
    print('planted items: %d (one per %.0f bytes)' % (items_total, total_bytes / max(1, items_total)))
    for kind in sorted(kinds):
        print('  %-32s %9d' % (kind, kinds[kind]))


if __name__ == '__main__':
    main()
