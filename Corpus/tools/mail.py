#!/usr/bin/env python3
"""Generate the mail corpus (Corpus/mail) and its ground truth (Corpus/ground-truth-mail.jsonl).

    python3 Corpus/tools/mail.py

Writes an mbox, a Maildir and single .eml files whose messages carry synthetic personal
data in headers, plain/HTML bodies (quoted-printable, base64, 8bit, Latin-1) and
attachments (text and HTML CVs, a zip of CVs, a zip inside a zip, a forwarded message),
with RFC 2047 display names in several charsets and RFC 2231 file names. Also copies the
PST fixtures (Tests/PSTTests/Fixtures, with their NOTICE.md) to Corpus/pst.

Deterministic: its own seed (generate.py's random stream is untouched: this script reseeds
the imported module's generator in its own process only), fixed MIME boundaries, fixed zip
timestamps. Every text line is checked with the oracle in pd.py like generate.py does: what
the oracle can read on a line must be exactly the items planted there.

Ground truth lines: {"location", "kind", "value"}; `location` is the object the scanner
reports the item at (`Corpus/mail/hr-2024.mbox!/message-3!/cvs.zip!/cv-anna.txt`). Each
location lists each (kind, value) once; person names (`person_name`) are the names written
(display names in headers, greetings, signatures, CV heads). Every message also yields one
`document.correspondence` finding, listed with the value "message".
"""
from __future__ import annotations

import base64
import io
import json
import os
import quopri
import shutil
import sys
import zipfile
from email.header import Header
from email.utils import encode_rfc2231
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import generate as g  # noqa: E402
import pd  # noqa: E402
from lang import LANGS  # noqa: E402

SEED = 20241105
ROOT = HERE.parents[1]
OUT = ROOT / 'Corpus' / 'mail'
PST_OUT = ROOT / 'Corpus' / 'pst'
REL = 'Corpus/mail'
TRUTH = ROOT / 'Corpus' / 'ground-truth-mail.jsonl'
CCS = ['de', 'fr', 'pt', 'es', 'se', 'it', 'nl', 'gb', 'us']

R = g.R  # the imported module's generator, reseeded below


class TextObj:
    """The text of one scanned object (a message's header lines and bodies, or an
    attachment), with the items planted in it."""

    def __init__(self, region):
        self.region = region
        self.lines = []
        self.items = set()
        self.names = set()

    def add(self, make, tries=400):
        for _ in range(tries):
            ln = make()
            if not isinstance(ln, g.Ln):
                ln = g.Ln(ln)
            text = ln.text()
            items = ln.items()
            if len(set(items)) == len(items) and pd.oracle(text, self.region) == set(items):
                break
        else:
            raise RuntimeError('could not build a clean line: %r' % text)
        self.lines.append(text)
        self.items.update(items)
        self.names.update(p[1] for p in ln.parts if p[0] == 'n')
        return text


def email_of(p):
    return g.pick(p.email_forms[:4])


def email_item(p):
    e = email_of(p)
    return g.I('email', pd.email_canon(e), e)


def phone_item(p):
    return g.I('phone', p.phone, g.pick(p.phone_intl))


def iban_item(p):
    if p.iban is None:  # countries without IBANs bank in Ireland here
        p.iban = g.gen_iban_forms('IE', p.region)
    v, forms = p.iban
    return g.I('iban', v, g.pick(forms))


def natid_item(p, cfg):
    sub, val, forms = p.natid
    return [g.T(g.pick(cfg['natid_words'][sub]) + ' '), g.I('national_id.' + sub, val, g.pick(forms))]


def card_item(p):
    v, forms = p.card
    return g.I('payment_card', v, g.pick(forms))


# ------------------------------------------------------------------ MIME building

def encoded_name(name, charset):
    """An RFC 2047 display name (or the plain name when ASCII)."""
    try:
        name.encode('ascii')
        return '"%s"' % name if ',' in name else name
    except UnicodeEncodeError:
        pass
    try:
        return Header(name, charset).encode()
    except UnicodeEncodeError:
        return Header(name, 'utf-8').encode()


def mailbox(p, charset):
    return '%s <%s>' % (encoded_name(p.name, charset), p.mail)


def b64(data: bytes) -> str:
    return base64.encodebytes(data).decode('ascii')


def qp(data: bytes) -> str:
    return quopri.encodestring(data).decode('ascii')


class Part:
    def __init__(self, headers, body):
        self.headers = headers
        self.body = body

    def render(self):
        return ''.join('%s: %s\n' % h for h in self.headers) + '\n' + self.body


def text_part(text, subtype='plain', cte='quoted-printable', charset='utf-8'):
    data = text.encode(charset)
    body = qp(data) if cte == 'quoted-printable' else b64(data) if cte == 'base64' else data.decode(charset)
    return Part([('Content-Type', 'text/%s; charset=%s' % (subtype, charset)), ('Content-Transfer-Encoding', cte)], body)


def attachment(name, data: bytes, ctype, rfc2231=False):
    if rfc2231:
        disp = "attachment; filename*=%s" % encode_rfc2231(name, 'utf-8')
    else:
        disp = 'attachment; filename="%s"' % name
    return Part([('Content-Type', ctype), ('Content-Disposition', disp), ('Content-Transfer-Encoding', 'base64')], b64(data))


def multipart(subtype, parts, boundary):
    body = ''.join('--%s\n%s\n' % (boundary, p.render().rstrip('\n') + '\n') for p in parts) + '--%s--\n' % boundary
    return Part([('Content-Type', 'multipart/%s; boundary="%s"' % (subtype, boundary))], body)


def zip_bytes(members):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, 'w', zipfile.ZIP_DEFLATED) as z:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=(2024, 9, 2, 10, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, data)
    return buf.getvalue()


# ------------------------------------------------------------------ content

class Corpus:
    def __init__(self):
        self.truth = []  # (location, kind, value)
        self.people = {}

    def record(self, location, obj):
        for kind, value in sorted(obj.items):
            self.truth.append((location, kind, value))
        for name in sorted(obj.names):
            self.truth.append((location, 'person_name', name))

    def person(self, cc):
        cfg = LANGS[cc]
        p = g.make_person(cc, cfg, self.used)
        p.mail = email_of(p)
        p.cfg = cfg
        return p

    def cv_text(self, p):
        """A plain-text CV; returns (text, TextObj)."""
        o = TextObj(p.region)
        o.add(lambda: g.Ln(g.T('Curriculum vitae: '), g.N(p.name)))
        o.add(lambda: g.Ln(g.T('Email: '), email_item(p)))
        o.add(lambda: g.Ln(g.T('Phone: '), phone_item(p)))
        o.add(lambda: g.Ln(g.T('Address: ' + p.address)))
        o.add(lambda: g.Ln(natid_item(p, p.cfg)))
        o.add(lambda: g.Ln(g.T('Experience: %s, %s' % (p.job, p.dept))))
        return '\n'.join(o.lines) + '\n', o

    def cv_html(self, p):
        o = TextObj(p.region)
        o.add(lambda: g.Ln(g.T('Lebenslauf / CV '), g.N(p.name)))
        o.add(lambda: g.Ln(g.T('E-mail: '), email_item(p)))
        o.add(lambda: g.Ln(g.T('Mobile: '), phone_item(p)))
        o.add(lambda: g.Ln(g.T('IBAN for expenses: '), iban_item(p)))
        html = '<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>CV</title></head><body>\n'
        html += ''.join('<p>%s</p>\n' % line.replace('&', '&amp;').replace('<', '&lt;') for line in o.lines)
        html += '</body></html>\n'
        return html, o

    def message(self, location, sender, to, cc_list, subject, body_lines, attachments=(), html=False,
                cte='quoted-printable', charset='utf-8', name_charset='utf-8', date='Mon, 02 Sep 2024 10:15:00 +0200',
                boundary='b1', msgid='1'):
        """Builds one message; returns its bytes. `body_lines` are callables for TextObj.add.
        `attachments` are (Part, location suffix or None, TextObj or None)."""
        o = TextObj(sender.region)
        # Header lines as the parser prints them (decoded), checked like any text.
        o.add(lambda: g.Ln(g.T('From: '), g.N(sender.name), g.T(' <'), g.I('email', pd.email_canon(sender.mail), sender.mail), g.T('>')))
        to_line = o.add(lambda: g.Ln(g.T('To: '), *sum(([g.T(', ' if i else ''), g.N(r.name), g.T(' <'), g.I('email', pd.email_canon(r.mail), r.mail), g.T('>')]
                                                        for i, r in enumerate(to)), [])))
        if cc_list:
            o.add(lambda: g.Ln(g.T('Cc: '), *sum(([g.T(', ' if i else ''), g.N(r.name), g.T(' <'), g.I('email', pd.email_canon(r.mail), r.mail), g.T('>')]
                                                for i, r in enumerate(cc_list)), [])))
        o.add(lambda: g.Ln(g.T('Subject: ' + subject)))
        o.add(lambda: g.Ln(g.T('Date: ' + date)))
        del to_line
        body = []
        for make in body_lines:
            body.append(o.add(make))
        text = '\n'.join(body) + '\n'
        self.record(location, o)
        self.truth.append((location, 'document.correspondence', 'message'))
        plain = text_part(text, cte=cte, charset=charset)
        if html:
            h = '<html><body>\n' + ''.join('<p>%s</p>\n' % line.replace('&', '&amp;').replace('<', '&lt;') for line in body) + '</body></html>\n'
            content = multipart('alternative', [plain, text_part(h, 'html', 'base64')], boundary + '-alt')
        else:
            content = plain
        if attachments:
            parts = [content]
            for part, suffix, obj in attachments:
                parts.append(part)
                if obj is not None:
                    self.record(location + '!/' + suffix, obj)
            content = multipart('mixed', parts, boundary)
        headers = [
            ('Return-Path', '<%s>' % sender.mail),
            ('From', mailbox(sender, name_charset)),
            ('To', ', '.join(mailbox(r, name_charset) for r in to)),
        ]
        if cc_list:
            headers.append(('Cc', ', '.join(mailbox(r, name_charset) for r in cc_list)))
        headers += [
            ('Subject', Header(subject, 'utf-8').encode() if not subject.isascii() else subject),
            ('Date', date),
            ('Message-ID', '<m%s.trawl-corpus@mail.example.invalid>' % msgid),
            ('MIME-Version', '1.0'),
        ]
        raw = ''.join('%s: %s\n' % h for h in headers) + content.render()
        return raw.encode('utf-8')

    # ---------------------------------------------------------------- a message of each shape

    def body_plain(self, p, to):
        cfg = p.cfg
        return [
            lambda: g.Ln(g.T(cfg['greeting'] + ' '), g.N(to.first), g.T(',')),
            lambda: g.Ln(g.T('you can reach me on '), phone_item(p), g.T(' or write to '), email_item(p), g.T('.')),
            lambda: g.Ln(g.T('For the contract: '), natid_item(p, cfg)),
            lambda: g.Ln(g.T(cfg['closing'])),
            lambda: g.Ln(g.N(p.name)),
        ]

    def body_pay(self, p, to):
        cfg = p.cfg
        return [
            lambda: g.Ln(g.T(cfg['greeting'] + ' '), g.N(to.first), g.T(',')),
            lambda: g.Ln(g.T('please pay the deposit to IBAN '), iban_item(p), g.T(', thank you.')),
            lambda: g.Ln(g.T('The card on file ends differently, use card '), card_item(p), g.T(' only for the hotel.')),
            lambda: g.Ln(g.T(cfg['closing'])),
            lambda: g.Ln(g.N(p.name)),
        ]

    def build(self):
        self.used = set()
        R.seed(SEED)
        people = {cc: [self.person(cc) for _ in range(6)] for cc in CCS}
        hr = self.person('gb')
        flat = [p for cc in CCS for p in people[cc]]
        files = {}

        # ---- mbox: 27 messages, three per language
        mbox_loc = REL + '/hr-2024.mbox'
        chunks = []
        n = 0
        charsets = {'de': 'iso-8859-1', 'fr': 'iso-8859-1', 'es': 'iso-8859-1', 'pt': 'utf-8', 'se': 'iso-8859-1',
                    'it': 'utf-8', 'nl': 'utf-8', 'gb': 'utf-8', 'us': 'utf-8'}
        for cc in CCS:
            a, b, c = people[cc][0], people[cc][1], people[cc][2]
            for shape in range(3):
                n += 1
                loc = '%s!/message-%d' % (mbox_loc, n)
                if shape == 0:
                    # Plain QP body, display names in the language's charset.
                    cvtext, cvobj = self.cv_text(a)
                    att = [(attachment('cv-%s.txt' % g.slug(a.name), cvtext.encode('utf-8'), 'text/plain; charset=utf-8'),
                            'cv-%s.txt' % g.slug(a.name), cvobj)]
                    raw = self.message(loc, a, [hr], [b], 'Application', self.body_plain(a, hr), att,
                                       name_charset=charsets[cc], boundary='mbox-%d' % n, msgid='mbox%d' % n)
                elif shape == 1:
                    # Base64 plain + HTML alternative, a zip of two CVs with an RFC 2231 name.
                    t1, o1 = self.cv_text(b)
                    t2, o2 = self.cv_text(c)
                    zname = 'Lebensläufe-%s.zip' % cc
                    zdata = zip_bytes([('cv-%s.txt' % g.slug(b.name), t1.encode()), ('cv-%s.txt' % g.slug(c.name), t2.encode())])
                    raw = self.message(loc, b, [hr, a], [], 'CVs for review', self.body_pay(b, hr), [
                        (attachment(zname, zdata, 'application/zip', rfc2231=True), None, None),
                    ], html=True, cte='base64', boundary='mbox-%d' % n, msgid='mbox%d' % n)
                    self.record('%s!/%s!/cv-%s.txt' % (loc, zname, g.slug(b.name)), o1)
                    self.record('%s!/%s!/cv-%s.txt' % (loc, zname, g.slug(c.name)), o2)
                else:
                    # Latin-1 or UTF-8 8bit body, no attachment; a quoted mboxrd line.
                    body = self.body_plain(c, hr)
                    body.insert(1, lambda: g.Ln(g.T('From the team in %s: all fine.' % c.city)))
                    cs = 'iso-8859-1' if charsets[cc] == 'iso-8859-1' else 'utf-8'
                    try:
                        ' '.join([c.name, c.city, hr.name, hr.first]).encode(cs)
                    except UnicodeEncodeError:
                        cs = 'utf-8'
                    raw = self.message(loc, c, [hr], [a, b], 'Re: interview', body, cte='8bit', charset=cs,
                                       name_charset=charsets[cc], boundary='mbox-%d' % n, msgid='mbox%d' % n)
                # mboxrd: quote body lines starting with From (and already-quoted ones).
                lines = raw.split(b'\n')
                quoted = []
                for ln in lines:
                    k = 0
                    while k < len(ln) and ln[k:k + 1] == b'>':
                        k += 1
                    quoted.append(b'>' + ln if ln[k:k + 5] == b'From ' else ln)
                chunks.append(b'From %s Mon Sep  2 10:%02d:00 2024\n' % (a.mail.encode(), n) + b'\n'.join(quoted).rstrip(b'\n') + b'\n\n')
        files['hr-2024.mbox'] = b''.join(chunks)

        # ---- Maildir: 8 messages (6 in cur with flags, 2 in new)
        for i in range(8):
            p = people[CCS[i]][3]
            q = people[CCS[(i + 1) % len(CCS)]][4]
            sub = 'new' if i >= 6 else 'cur'
            fname = '17252640%02d.M%dP4242.mail.example.org' % (i, i + 1) + ('' if sub == 'new' else ':2,S')
            loc = '%s/Maildir/%s/%s' % (REL, sub, fname)
            atts = []
            if i % 2 == 0:
                html, ho = self.cv_html(p)
                atts.append((attachment('cv.html', html.encode(), 'text/html; charset=utf-8'), 'cv.html', ho))
            raw = self.message(loc, p, [q], [], 'Kontakt %d' % (i + 1), self.body_plain(p, q), atts,
                               html=(i % 3 == 0), cte='quoted-printable' if i % 2 else 'base64',
                               name_charset='utf-8', boundary='md-%d' % i, msgid='md%d' % i)
            files['Maildir/%s/%s' % (sub, fname)] = raw
        files['Maildir/tmp/.keep'] = b''

        # ---- single .eml files
        # 1. zip inside a zip inside an email
        p = people['de'][5]
        t, o = self.cv_text(p)
        inner = zip_bytes([('cv-%s.txt' % g.slug(p.name), t.encode())])
        outer = zip_bytes([('inner/cvs-2024.zip', inner), ('readme.txt', b'Bewerbungen 2024\n')])
        loc = REL + '/eml/nested-zip.eml'
        files['eml/nested-zip.eml'] = self.message(loc, p, [hr], [], 'Bewerbungen (zip)', self.body_pay(p, hr), [
            (attachment('bewerbungen.zip', outer, 'application/zip'), None, None)], boundary='nz', msgid='nz')
        self.record('%s!/bewerbungen.zip!/inner/cvs-2024.zip!/cv-%s.txt' % (loc, g.slug(p.name)), o)

        # 2. a forwarded message (message/rfc822) that carries its own CV attachment
        fwd_from, fwd_to = people['fr'][5], people['it'][5]
        t, o = self.cv_text(fwd_from)
        inner_loc_placeholder = REL + '/eml/forwarded.eml!/part-3'
        inner_raw = self.message(inner_loc_placeholder, fwd_from, [fwd_to], [], 'Candidature',
                                 self.body_plain(fwd_from, fwd_to), [
                                     (attachment('cv-%s.txt' % g.slug(fwd_from.name), t.encode(), 'text/plain'),
                                      'cv-%s.txt' % g.slug(fwd_from.name), o)], boundary='inner', msgid='fw-inner')
        fwd_part = Part([('Content-Type', 'message/rfc822')], inner_raw.decode('utf-8'))
        loc = REL + '/eml/forwarded.eml'
        # Parts: 1 mixed, 2 text/plain, 3 message/rfc822 -> part-3
        files['eml/forwarded.eml'] = self.message(loc, fwd_to, [hr], [], 'Fwd: Candidature',
                                                  self.body_plain(fwd_to, hr), [(fwd_part, None, None)],
                                                  boundary='fw', msgid='fw')

        # 3-6. one per remaining language, RFC 2047 subjects, an unnamed attachment (part-N)
        for k, cc in enumerate(['es', 'se', 'nl', 'us']):
            p, q = people[cc][5], people['gb'][5]
            t, o = self.cv_text(p)
            part = Part([('Content-Type', 'text/plain; charset=utf-8'), ('Content-Disposition', 'attachment'),
                         ('Content-Transfer-Encoding', 'quoted-printable')], qp(t.encode()))
            loc = '%s/eml/%s-application.eml' % (REL, cc)
            subj = {'es': 'Solicitud – currículum', 'se': 'Ansökan – meritförteckning', 'nl': 'Sollicitatie – cv',
                    'us': 'Application – résumé'}[cc]
            files['eml/%s-application.eml' % cc] = self.message(
                loc, p, [q], [people[cc][4]], subj, self.body_plain(p, q),
                [(part, 'part-3', o)], name_charset='iso-8859-1' if cc in ('es', 'se') else 'utf-8',
                boundary='e%d' % k, msgid='e%d' % k, html=False)
        return files

    def pst_truth(self):
        """Items in the PST fixtures (java-libpst test data), as the PST reader exposes them."""
        out = []
        for store in ('dist-list.pst', 'passworded.pst'):
            base = 'Corpus/pst/%s!/Top of Personal Folders' % store
            out.append((base + '/Contacts/message-2', 'email', 'contact1@rjohnson.id.au'))
            for loc in (base + '/Contacts/message-1', base + '/Contacts/message-2'):
                out.append((loc, 'document.correspondence', 'message'))
            out.append(('Corpus/pst/%s!/Freebusy Data/message-1' % store, 'document.correspondence', 'message'))
            if store == 'dist-list.pst':
                # The appointment and its two embedded exception items.
                for loc in ('', '!/Untitled', '!/Untitled~2'):
                    out.append((base + '/Calendar/message-1' + loc, 'document.correspondence', 'message'))
        return out


def main():
    if os.environ.get('PYTHONHASHSEED') != '0':
        env = dict(os.environ, PYTHONHASHSEED='0')
        os.execve(sys.executable, [sys.executable, str(Path(__file__).resolve())] + sys.argv[1:], env)
    c = Corpus()
    files = c.build()
    if OUT.exists():
        shutil.rmtree(OUT)
    for rel, data in sorted(files.items()):
        path = OUT / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    PST_OUT.mkdir(parents=True, exist_ok=True)
    for name in ('dist-list.pst', 'passworded.pst', 'NOTICE.md'):
        shutil.copyfile(ROOT / 'Tests' / 'PSTTests' / 'Fixtures' / name, PST_OUT / name)
    truth = sorted(set(c.truth + c.pst_truth()))
    with open(TRUTH, 'w', encoding='utf-8') as f:
        for loc, kind, value in truth:
            f.write(json.dumps({'location': loc, 'kind': kind, 'value': value}, ensure_ascii=False) + '\n')
    kinds = {}
    for _, k, _ in truth:
        kinds[k] = kinds.get(k, 0) + 1
    print('%d files, %d items' % (len(files), len(truth)))
    for k in sorted(kinds):
        print('  %-32s %5d' % (k, kinds[k]))


if __name__ == '__main__':
    main()
