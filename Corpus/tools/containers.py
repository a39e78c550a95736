#!/usr/bin/env python3
"""Writes Corpus/share/: documents and archives built from lines of Corpus/demo.

Every line placed in a document is a whole line of a demo file whose planted items are
known from Corpus/ground-truth.jsonl; each line is re-checked with the oracle of pd.py
(its readings must equal its planted items), and a document takes consecutive lines of
one demo file, so each line keeps the neighbours (and context words) it had there. Lines stay whole (one
paragraph, one cell, one PDF text line), so the items a line holds are exactly the items
the document holds. The ground truth goes to Corpus/ground-truth-containers.jsonl as
{"location", "kind", "value"} (no line: inner objects are matched on location, kind, value).

Deterministic: its own seeded random stream (generate.py's is untouched), fixed zip/tar
timestamps, gzip mtime 0, documents written by hand (no library that stamps dates).
Run from anywhere: python3 Corpus/tools/containers.py
"""
from __future__ import annotations

import bz2
import gzip
import html
import io
import json
import lzma
import os
import random
import shutil
import struct
import subprocess
import sys
import tarfile
import zipfile
import zlib
from collections import defaultdict
from xml.sax.saxutils import escape as xesc

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pd  # noqa: E402  (the oracle)

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
OUT = os.path.join(ROOT, 'Corpus', 'share')
REL = 'Corpus/share'
FOLDERS = ['pt', 'es', 'se', 'de', 'fr', 'it', 'nl', 'gb', 'us', 'intl']
ZIP_TIME = (2024, 1, 1, 0, 0, 0)
R = random.Random(20261123)
TRUTH: list[dict] = []


def region(cc):
    return 'RU' if cc == 'intl' else cc.upper()


def load_lines():
    """folder -> list of files, each a list of (text, [(kind, value)]) in file order."""
    items = defaultdict(list)
    with open(os.path.join(ROOT, 'Corpus', 'ground-truth.jsonl'), encoding='utf-8') as f:
        for line in f:
            t = json.loads(line)
            items[(t['file'], t['line'])].append((t['kind'], t['value']))
    # The CVs, letters and name decoys (generate.py's documents section, written after this
    # script was first run) are left out: they are converted whole by recruiting() below, and
    # leaving them out keeps the documents above byte-identical to their first version.
    later = set()
    for name in ('ground-truth-documents.jsonl', 'document-decoys.jsonl'):
        with open(os.path.join(ROOT, 'Corpus', name), encoding='utf-8') as f:
            later |= {json.loads(l)['file'] for l in f}
    out = defaultdict(list)
    for cc in FOLDERS:
        d = os.path.join(ROOT, 'Corpus', 'demo', cc)
        for name in sorted(os.listdir(d)):
            rel = 'Corpus/demo/%s/%s' % (cc, name)
            if rel in later or name.startswith('names-decoys-'):
                continue
            lines = []
            with open(os.path.join(d, name), encoding='utf-8') as f:
                for n, text in enumerate(f.read().split('\n'), 1):
                    text = text.rstrip('\r')
                    if not text.strip() or '\t' in text or '\f' in text or len(text) > 160:
                        continue
                    planted = items.get((rel, n), [])
                    if pd.oracle(text, region(cc)) != set(planted):
                        continue  # not provably exact on its own: not used
                    lines.append((text, planted))
            out[cc].append(lines)
    return out


LINES = load_lines()


def pick(cc, n, pdf=False):
    """n consecutive lines of one demo file of folder cc, so that every line keeps the
    neighbours (and their context words) it had in the demo corpus."""
    def ok(l):
        return not pdf or (len(l[0]) <= 95 and all(ord(c) < 256 or c in '€’' for c in l[0]))
    files = [f for f in LINES[cc] if sum(1 for l in f if l[1]) >= n // 2]
    while True:
        lines = R.choice(files)
        start = R.randrange(0, max(1, len(lines) - n))
        block = lines[start:start + n]
        if all(ok(l) for l in block) and any(l[1] for l in block):
            return block


def plant(location, lines):
    for _, planted in lines:
        for kind, value in planted:
            TRUTH.append({'location': location, 'kind': kind, 'value': value})


# ---------------------------------------------------------------------------- zips

def zip_bytes(members):
    """members: list of (name, bytes); deterministic (fixed time, fixed order)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, 'w') as z:
        for name, data in members:
            info = zipfile.ZipInfo(name, ZIP_TIME)
            info.compress_type = zipfile.ZIP_STORED if name == 'mimetype' else zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, data)
    return buf.getvalue()


CT_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
CORE = (CT_HEAD + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>%s</dc:title><dc:creator>HR</dc:creator></cp:coreProperties>')


def ooxml(kind, main_parts, title):
    main = {'docx': ('word/document.xml', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml'),
            'xlsx': ('xl/workbook.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml'),
            'pptx': ('ppt/presentation.xml', 'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml')}[kind]
    ct = (CT_HEAD + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/%s" ContentType="%s"/></Types>' % main)
    rels = (CT_HEAD + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="%s"/>'
            '</Relationships>' % main[0])
    return zip_bytes([('[Content_Types].xml', ct.encode()), ('_rels/.rels', rels.encode())]
                     + [(n, d.encode()) for n, d in main_parts] + [('docProps/core.xml', (CORE % xesc(title)).encode())])


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def docx(title, lines, table_every=0):
    body = ['<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>%s</w:t></w:r></w:p>' % xesc(title)]
    for i, (text, _) in enumerate(lines):
        if table_every and i % table_every == 0:
            # A one-row table: label cell and the line in the second cell.
            body.append('<w:tbl><w:tr><w:tc><w:p><w:r><w:t>%d</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t xml:space="preserve">%s</w:t></w:r></w:p></w:tc></w:tr></w:tbl>' % (i + 1, xesc(text)))
            continue
        # Split the line into two runs at a space, as editors do.
        cut = text.find(' ', len(text) // 3)
        runs = [text] if cut < 0 else [text[:cut], text[cut:]]
        body.append('<w:p>' + ''.join('<w:r><w:t xml:space="preserve">%s</w:t></w:r>' % xesc(r) for r in runs) + '</w:p>')
    doc = CT_HEAD + '<w:document %s><w:body>%s</w:body></w:document>' % (W, ''.join(body))
    return ooxml('docx', [('word/document.xml', doc)], title)


def xlsx(title, lines):
    shared, rows = [], []
    for i, (text, _) in enumerate(lines, 1):
        if i % 3 == 0:
            cell = '<c r="B%d" t="inlineStr"><is><t>%s</t></is></c>' % (i, xesc(text))
        else:
            shared.append(text)
            cell = '<c r="B%d" t="s"><v>%d</v></c>' % (i, len(shared) - 1)
        rows.append('<row r="%d"><c r="A%d"><v>%d</v></c>%s</row>' % (i, i, i, cell))
    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    sheet = CT_HEAD + '<worksheet %s><sheetData>%s</sheetData></worksheet>' % (ns, ''.join(rows))
    sst = CT_HEAD + '<sst %s count="%d" uniqueCount="%d">%s</sst>' % (ns, len(shared), len(shared), ''.join('<si><t xml:space="preserve">%s</t></si>' % xesc(s) for s in shared))
    wb = CT_HEAD + '<workbook %s><sheets><sheet name="%s" sheetId="1"/></sheets></workbook>' % (ns, xesc(title[:30]))
    return ooxml('xlsx', [('xl/workbook.xml', wb), ('xl/worksheets/sheet1.xml', sheet), ('xl/sharedStrings.xml', sst)], title)


def pptx(title, lines):
    a = 'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"'
    parts = [('ppt/presentation.xml', CT_HEAD + '<p:presentation %s/>' % a)]
    for s in range(0, len(lines), 4):
        paras = ''.join('<a:p><a:r><a:t>%s</a:t></a:r></a:p>' % xesc(t) for t, _ in lines[s:s + 4])
        parts.append(('ppt/slides/slide%d.xml' % (s // 4 + 1),
                      CT_HEAD + '<p:sld %s><p:cSld><p:spTree><p:sp><p:txBody>%s</p:txBody></p:sp></p:spTree></p:cSld></p:sld>' % (a, paras)))
    return ooxml('pptx', parts, title)


ODF_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
          'xmlns:presentation="urn:oasis:names:tc:opendocument:xmlns:presentation:1.0" office:version="1.2"')


def odf(kind, body):
    mime = {'odt': 'text', 'ods': 'spreadsheet', 'odp': 'presentation'}[kind]
    content = CT_HEAD + '<office:document-content %s><office:body><office:%s>%s</office:%s></office:body></office:document-content>' % (ODF_NS, mime, body, mime)
    manifest = (CT_HEAD + '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
                '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.%s"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>' % mime)
    return zip_bytes([('mimetype', ('application/vnd.oasis.opendocument.' + mime).encode()),
                      ('content.xml', content.encode()), ('META-INF/manifest.xml', manifest.encode())])


def odt(title, lines):
    body = '<text:h text:outline-level="1">%s</text:h>' % xesc(title)
    for text, _ in lines:
        # Runs of spaces are <text:s/> in ODF.
        parts = text.split('  ')
        body += '<text:p>%s</text:p>' % '<text:s/> '.join(xesc(p) for p in parts)
    return odf('odt', body)


def ods(title, lines):
    rows = ''.join('<table:table-row><table:table-cell office:value-type="float" office:value="%d"><text:p>%d</text:p></table:table-cell>'
                   '<table:table-cell office:value-type="string"><text:p>%s</text:p></table:table-cell></table:table-row>' % (i, i, xesc(t))
                   for i, (t, _) in enumerate(lines, 1))
    return odf('ods', '<table:table table:name="%s">%s</table:table>' % (xesc(title[:30]), rows))


def odp(title, lines):
    pages = ''
    for s in range(0, len(lines), 4):
        paras = ''.join('<text:p>%s</text:p>' % xesc(t) for t, _ in lines[s:s + 4])
        pages += '<draw:page draw:name="p%d"><draw:frame><draw:text-box>%s</draw:text-box></draw:frame></draw:page>' % (s // 4 + 1, paras)
    return odf('odp', pages)


# ----------------------------------------------------------------- text formats

def rtf_escape(text):
    out = []
    for ch in text:
        o = ord(ch)
        if ch in '\\{}':
            out.append('\\' + ch)
        elif o < 128:
            out.append(ch)
        elif o < 256 and o % 2 == 0:
            out.append("\\'%02x" % o)  # half as hex escapes, half as \uN
        else:
            out.append('\\u%d?' % (o if o < 32768 else o - 65536))
    return ''.join(out)


def rtf(title, lines):
    head = ('{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\fswiss Helvetica;}{\\f1 Courier 555-0100;}}'
            '{\\colortbl;\\red0\\green0\\blue0;}{\\stylesheet{\\s0 Normal;}}{\\*\\generator trawl-corpus;}'
            '{\\info{\\title %s}}\n' % rtf_escape(title))
    body = ''.join('\\pard\\plain\\f0\\fs20 %s\\par\n' % rtf_escape(t) for t, _ in lines)
    return (head + body + '}').encode('ascii')


def html_doc(title, lines):
    rows = []
    for i, (t, _) in enumerate(lines):
        if i % 3 == 2:
            rows.append('<table><tr><td>%d</td><td>%s</td></tr></table>' % (i, html.escape(t, quote=False)))
        else:
            rows.append('<p>%s</p>' % html.escape(t, quote=False).replace(' ', '&nbsp;', 1))
    return ('<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>%s</title><style>p { color: #555; }</style>'
            '<script>var tel = "0000";</script></head>\n<body>\n%s\n</body></html>\n' % (html.escape(title), '\n'.join(rows))).encode()


def items_of(lines, kind):
    return [v for _, its in lines for k, v in its if k == kind]


def vcf(cc):
    """Cards from items of the folder: EMAIL and TEL values as canonical forms, NOTE lines."""
    lines = pick(cc, 12)
    cards, planted = [], []
    e = items_of(lines, 'email')
    p = items_of(lines, 'phone')
    notes = [l for l in lines if not any(k in ('email', 'phone') for k, _ in l[1])]
    for i in range(max(len(e), len(p), 1)):
        card = ['BEGIN:VCARD', 'VERSION:3.0', 'FN:Contact %d' % (i + 1), 'N:Contact;%d;;;' % (i + 1)]
        if i < len(e):
            card.append('EMAIL;TYPE=work:' + e[i]); planted.append(('email', e[i]))
        if i < len(p):
            card.append('TEL;TYPE=cell:' + p[i]); planted.append(('phone', p[i]))
        if i < len(notes):
            note = notes[i][0].replace('\\', '\\\\').replace(',', '\\,').replace(';', '\\;')
            folded = 'NOTE:' + note
            # Fold at 60 octets-ish (on characters), continuation lines start with a space.
            parts = [folded[j:j + 60] for j in range(0, len(folded), 60)]
            card.append('\r\n '.join(parts))
            planted.extend(notes[i][1])
        card.append('END:VCARD')
        cards.append('\r\n'.join(card))
    return ('\r\n'.join(cards) + '\r\n').encode(), [('', planted)]


def ics(cc):
    lines = pick(cc, 8)
    e = items_of(lines, 'email')
    notes = [l for l in lines if not any(k == 'email' for k, _ in l[1])]
    planted = [('email', v) for v in e]
    ev = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//trawl//corpus//EN']
    for i, n in enumerate(notes or [('', [])]):
        ev += ['BEGIN:VEVENT', 'UID:event-%s-%d@example.org' % (cc, i), 'DTSTAMP:20240101T000000Z', 'SUMMARY:Meeting %d' % (i + 1)]
        if i == 0 and e:
            ev.append('ORGANIZER;CN="Org %s":mailto:%s' % (cc, e[0]))
            ev += ['ATTENDEE;CN=Guest %d;ROLE=REQ-PARTICIPANT:mailto:%s' % (j, a) for j, a in enumerate(e[1:], 1)]
        desc = n[0].replace('\\', '\\\\').replace(',', '\\,').replace(';', '\\;')
        full = 'DESCRIPTION:Agenda\\n' + desc
        ev.append('\r\n\t'.join(full[j:j + 70] for j in range(0, len(full), 70)))
        planted.extend(n[1])
        ev.append('END:VEVENT')
    ev.append('END:VCALENDAR')
    return ('\r\n'.join(ev) + '\r\n').encode(), [('', planted)]


def pdf(title, lines):
    """A minimal PDF: Helvetica (WinAnsi), one text line per line, 20 lines per page."""
    def esc(s):
        return s.replace('\\', '\\\\').replace('(', '\\(').replace(')', '\\)')
    pages = [[title] + [t for t, _ in lines[i:i + 20]] for i in range(0, len(lines), 20)] or [[title]]
    objs = [b'<< /Type /Catalog /Pages 2 0 R >>']
    kids = ' '.join('%d 0 R' % (3 + 2 * i) for i in range(len(pages)))
    objs.append(('<< /Type /Pages /Kids [%s] /Count %d >>' % (kids, len(pages))).encode())
    font = 3 + 2 * len(pages)
    for i, pl in enumerate(pages):
        content = 'BT /F1 9 Tf 40 800 Td 13 TL\n' + ''.join('(%s) Tj T*\n' % esc(l) for l in pl) + 'ET'
        objs.append(('<< /Type /Page /Parent 2 0 R /MediaBox [0 0 842 842] /Contents %d 0 R '
                     '/Resources << /Font << /F1 %d 0 R >> >> >>' % (4 + 2 * i, font)).encode())
        data = content.encode('cp1252')
        objs.append(b'<< /Length %d >>\nstream\n' % len(data) + data + b'\nendstream')
    objs.append(b'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>')
    out = b'%PDF-1.4\n'
    offs = []
    for n, o in enumerate(objs, 1):
        offs.append(len(out))
        out += b'%d 0 obj\n' % n + o + b'\nendobj\n'
    x = len(out)
    out += b'xref\n0 %d\n0000000000 65535 f \n' % (len(objs) + 1) + b''.join(b'%010d 00000 n \n' % o for o in offs)
    out += b'trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n' % (len(objs) + 1, x)
    return out


# ------------------------------------------------- recruiting: CVs converted to documents
#
# The CVs, cover letters and some non-CV documents of Corpus/demo (ground-truth-documents.jsonl,
# document-decoys.jsonl) as a person turns them into Word/LibreOffice/PDF files: one paragraph
# per source line, markdown '#'/'**' and txt underlines turned into heading/bold styles, HTML
# tags into paragraphs (a <br> starts a new paragraph; the invisible <head>, with its <title>,
# is not pasted), list markers into list paragraphs. The text of every paragraph is otherwise
# the text of its source line, so its structured items are re-read with the oracle (they must
# be a subset of the line's planted items: only a mailto: target hidden behind a link text is
# lost) and its person names are those of ground-truth-names.jsonl for that line.
# No random numbers are drawn here, so the files above keep their bytes.

import re  # noqa: E402

TAG_RE = re.compile(r'<[^>]+>')
HTML_HIDDEN = re.compile(r'\s*</?(?:!DOCTYPE|html|head|meta|title|body|ul|ol)\b', re.I)
ORDER = ['pt', 'es', 'se', 'de', 'fr', 'it', 'nl', 'gb', 'us']
DOC_TRUTH: list[dict] = []
DOC_DECOYS: list[dict] = []
NAME_TRUTH: list[dict] = []


def runs_of(text, bold_open, bold_close):
    """[(segment, bold)] of a line whose bold parts are between bold_open and bold_close."""
    out, bold = [], False
    for part in re.split('(%s|%s)' % (bold_open, bold_close), text):
        if re.fullmatch(bold_open, part):
            bold = True
        elif re.fullmatch(bold_close, part):
            bold = False
        elif part:
            out.append((part, bold))
    return out


def paragraphs_of(rel):
    """[(style, runs, source line)]: style 'title' | 'h' | 'li' | 'p' | 'blank'."""
    with open(os.path.join(ROOT, rel), encoding='utf-8') as f:
        src = f.read().split('\n')
    out = []
    for n, line in enumerate(src, 1):
        line = line.rstrip('\r')
        if rel.endswith('.html'):
            if HTML_HIDDEN.match(line):
                continue
            m = re.match(r'\s*<(h1|h2|h3|li|p)\b', line)
            style = {'h1': 'title', 'h2': 'h', 'h3': 'h', 'li': 'li'}.get(m.group(1) if m else 'p', 'p')
            for i, part in enumerate(re.split(r'<br\s*/?>', line)):
                part = re.sub(r'<(/?)(?:strong|b)>', lambda m: '\x01' if not m.group(1) else '\x02', part)
                runs = [(html.unescape(TAG_RE.sub('', s)), b) for s, b in runs_of(part, '\x01', '\x02')]
                text = ''.join(s for s, _ in runs)
                lead = len(text) - len(text.lstrip())
                if text.strip():
                    out.append((style if i == 0 else 'p', trim_runs(runs, lead, len(text.rstrip())), n))
            continue
        s = line.strip()
        if not s:
            if out and out[-1][0] != 'blank':
                out.append(('blank', [], n))
            continue
        if re.fullmatch(r'[=\-]{3,}', s):
            # a txt underline: the line above is a heading, the rule itself is decoration
            if out and out[-1][0] == 'p':
                out[-1] = ('title' if s[0] == '=' else 'h',) + out[-1][1:]
            continue
        style = 'p'
        if rel.endswith('.md') and s.startswith('#'):
            style = 'title' if s.startswith('# ') else 'h'
            s = s.lstrip('#').strip()
        elif s.startswith('- '):
            style, s = 'li', s[2:]
        runs = runs_of(s, r'\*\*', r'\*\*') if rel.endswith('.md') else [(s, False)]
        if style == 'p' and rel.endswith('.md') and len(runs) == 1 and runs[0][1]:
            runs = [(runs[0][0], True)]
        out.append((style, runs, n))
    while out and out[-1][0] == 'blank':
        out.pop()
    return out


def trim_runs(runs, lead, end):
    out, pos = [], 0
    for s, b in runs:
        a, z = max(lead, pos), min(end, pos + len(s))
        if a < z:
            out.append((s[a - pos:z - pos], b))
        pos += len(s)
    return out


def ptext(runs):
    return ''.join(s for s, _ in runs)


# --- writers: (paragraphs, title) -> bytes

def rx_docx(paras, title):
    body = []
    for style, runs, _ in paras:
        if style == 'blank':
            body.append('<w:p/>')
            continue
        ppr = {'title': '<w:pPr><w:pStyle w:val="Title"/></w:pPr>', 'h': '<w:pPr><w:pStyle w:val="Heading1"/></w:pPr>',
               'li': '<w:pPr><w:pStyle w:val="ListBullet"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>'}.get(style, '')
        if len(runs) == 1 and not runs[0][1]:
            # Split a plain paragraph into two runs at a space, as editors do.
            t = runs[0][0]
            cut = t.find(' ', len(t) // 3)
            runs = [(t, False)] if cut < 0 else [(t[:cut], False), (t[cut:], False)]
        body.append('<w:p>%s%s</w:p>' % (ppr, ''.join(
            '<w:r>%s<w:t xml:space="preserve">%s</w:t></w:r>' % ('<w:rPr><w:b/></w:rPr>' if b else '', xesc(s)) for s, b in runs)))
    doc = CT_HEAD + '<w:document %s><w:body>%s<w:sectPr/></w:body></w:document>' % (W, ''.join(body))
    return ooxml('docx', [('word/document.xml', doc)], title)


def odf_spaces(text):
    """ODF collapses runs of spaces: the second and later spaces are <text:s text:c=".."/>."""
    return re.sub(r'  +', lambda m: ' <text:s text:c="%d"/>' % (len(m.group(0)) - 1), xesc(text))


def rx_odt(paras, title):
    body, in_list = '', False
    for style, runs, _ in paras:
        inner = ''.join('<text:span text:style-name="Strong">%s</text:span>' % odf_spaces(s) if b else odf_spaces(s) for s, b in runs)
        if style == 'li' and not in_list:
            body += '<text:list text:style-name="Bullets">'
            in_list = True
        elif style != 'li' and in_list:
            body += '</text:list>'
            in_list = False
        if style == 'title':
            body += '<text:h text:outline-level="1">%s</text:h>' % inner
        elif style == 'h':
            body += '<text:h text:outline-level="2">%s</text:h>' % inner
        elif style == 'li':
            body += '<text:list-item><text:p>%s</text:p></text:list-item>' % inner
        elif style == 'blank':
            body += '<text:p/>'
        else:
            body += '<text:p>%s</text:p>' % inner
    if in_list:
        body += '</text:list>'
    return odf('odt', body)


def rx_rtf(paras, title):
    head = ('{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\fswiss Helvetica;}}'
            '{\\stylesheet{\\s0 Normal;}{\\s1 heading 1;}}{\\*\\generator trawl-corpus;}'
            '{\\info{\\title %s}}\n' % rtf_escape(title))
    body = []
    for style, runs, _ in paras:
        fmt = {'title': '\\s1\\b\\fs32 ', 'h': '\\s1\\b\\fs24 ', 'li': '\\li360\\fi-180 '}.get(style, '')
        text = ''.join('{\\b %s}' % rtf_escape(s) if b else rtf_escape(s) for s, b in runs)
        body.append('\\pard\\plain\\f0\\fs20 %s%s\\par\n' % (fmt, text))
    return (head + ''.join(body) + '}').encode('ascii')


def rx_html(paras, title):
    rows, in_list = [], False
    for style, runs, _ in paras:
        inner = ''.join('<strong>%s</strong>' % html.escape(s, quote=False) if b else html.escape(s, quote=False) for s, b in runs)
        if style == 'li' and not in_list:
            rows.append('<ul>')
            in_list = True
        elif style != 'li' and in_list:
            rows.append('</ul>')
            in_list = False
        if style == 'blank':
            continue
        tag = {'title': 'h1', 'h': 'h2', 'li': 'li'}.get(style, 'p')
        rows.append('<%s>%s</%s>' % (tag, inner, tag))
    if in_list:
        rows.append('</ul>')
    return ('<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>%s</title></head>\n<body>\n%s\n</body></html>\n'
            % (html.escape(title), '\n'.join(rows))).encode()


# Glyphs outside WinAnsi get free codes of the font encoding (a /Differences array), as PDF
# producers do; pdftotext maps the glyph names back to Unicode.
PDF_EXTRA = {'ă': 'abreve', 'ě': 'ecaron', 'ł': 'lslash', 'Ł': 'Lslash', 'ș': 'uni0219', 'ț': 'uni021B', 'ő': 'ohungarumlaut',
             'ű': 'uhungarumlaut', 'č': 'ccaron', 'ć': 'cacute', 'ř': 'rcaron', 'ů': 'uring', 'ę': 'eogonek', 'ą': 'aogonek'}
PDF_FREE = [0x81, 0x8D, 0x8F, 0x90, 0x9D]


def rx_pdf(paras, title):
    """Helvetica / Helvetica-Bold, WinAnsi plus /Differences, one text line per paragraph,
    an empty line per blank paragraph, 50 lines per page (A3 landscape, so no line wraps)."""
    extra = sorted({c for _, runs, _ in paras for s, _ in runs for c in s if c in PDF_EXTRA})
    assert len(extra) <= len(PDF_FREE), extra
    codes = {c: bytes([PDF_FREE[i]]) for i, c in enumerate(extra)}

    def enc(s):
        b = b''.join(codes.get(c) or c.encode('cp1252') for c in s)
        return b.replace(b'\\', b'\\\\').replace(b'(', b'\\(').replace(b')', b'\\)')
    pages = [paras[i:i + 50] for i in range(0, len(paras), 50)] or [[]]
    objs = [b'<< /Type /Catalog /Pages 2 0 R >>']
    kids = ' '.join('%d 0 R' % (3 + 2 * i) for i in range(len(pages)))
    objs.append(('<< /Type /Pages /Kids [%s] /Count %d >>' % (kids, len(pages))).encode())
    f1 = 3 + 2 * len(pages)
    for i, pl in enumerate(pages):
        content = b'BT 50 800 Td 15 TL\n'
        for style, runs, _ in pl:
            size = {'title': 16, 'h': 11}.get(style, 9)
            bold_all = style in ('title', 'h')
            if style == 'li':
                content += b'/F1 9 Tf (\x95 ) Tj '
            for s, b in runs:
                content += b'/F%d %d Tf (' % (2 if (b or bold_all) else 1, size) + enc(s) + b') Tj '
            content += b'T*\n'
        content += b'ET'
        objs.append(('<< /Type /Page /Parent 2 0 R /MediaBox [0 0 1191 842] /Contents %d 0 R '
                     '/Resources << /Font << /F1 %d 0 R /F2 %d 0 R >> >> >>' % (4 + 2 * i, f1, f1 + 1)).encode())
        objs.append(b'<< /Length %d >>\nstream\n' % len(content) + content + b'\nendstream')
    diff = ' '.join('%d /%s' % (codes[c][0], PDF_EXTRA[c]) for c in extra)
    encoding = '<< /Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences [%s] >>' % diff if extra else '/WinAnsiEncoding'
    for base in ('Helvetica', 'Helvetica-Bold'):
        objs.append(('<< /Type /Font /Subtype /Type1 /BaseFont /%s /Encoding %s >>' % (base, encoding)).encode())
    objs.append(('<< /Title (%s) /Producer (trawl-corpus) >>' % title).encode())
    out = b'%PDF-1.4\n'
    offs = []
    for n, o in enumerate(objs, 1):
        offs.append(len(out))
        out += b'%d 0 obj\n' % n + o + b'\nendobj\n'
    x = len(out)
    out += b'xref\n0 %d\n0000000000 65535 f \n' % (len(objs) + 1) + b''.join(b'%010d 00000 n \n' % o for o in offs)
    out += b'trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n' % (len(objs) + 1, len(objs), x)
    return out


RX_MAKERS = {'docx': rx_docx, 'odt': rx_odt, 'rtf': rx_rtf, 'html': rx_html, 'pdf': rx_pdf}
# Which formats each archive holds, taken in turn.
RX_ARCHIVES = [('applications-2024.zip', '2024/', ['docx', 'pdf']),
               ('candidates.tar.gz', 'candidates/', ['odt', 'odt', 'rtf']),
               ('archive-2022.7z', '', ['docx', 'odt', 'pdf', 'html']),
               ('old.zip', '', ['pdf', 'docx', 'odt'])]
RX_INNER = '2021.zip'
# One name outside WinAnsi (Antoni Wlazły) in a PDF, through the font's /Differences.
RX_FORMAT = {'Corpus/demo/es/curriculum-3.html': 'pdf'}  # old.zip holds its documents in a zip of its own


def load_jsonl(name):
    with open(os.path.join(ROOT, 'Corpus', name), encoding='utf-8') as f:
        return [json.loads(l) for l in f]


def targz_bytes(members):
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode='wb', mtime=0) as gz:
        with tarfile.open(fileobj=gz, mode='w', format=tarfile.USTAR_FORMAT) as tar:
            for n, d in members:
                info = tarfile.TarInfo(n)
                info.size, info.mtime, info.mode, info.uname, info.gname = len(d), 1704067200, 0o644, 'hr', 'hr'
                tar.addfile(info, io.BytesIO(d))
    return buf.getvalue()


def seven_zip(rel, members):
    """Writes OUT/rel as a 7z of members (fixed mtimes, not solid); False without 7z."""
    if not shutil.which('7z'):
        print('warning: 7z not found, %s not written' % rel, file=sys.stderr)
        return False
    tmp = os.path.join(OUT, '.7z-staging')
    for n, d in members:
        p = os.path.join(tmp, n)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        with open(p, 'wb') as f:
            f.write(d)
        os.utime(p, (1704067200, 1704067200))
    target = os.path.join(OUT, rel)
    os.makedirs(os.path.dirname(target), exist_ok=True)
    subprocess.run(['7z', 'a', '-bd', '-bso0', '-mx=5', '-ms=off', '-mtc=off', '-mta=off', target] +
                   sorted(n for n, _ in members), cwd=tmp, check=True)
    shutil.rmtree(tmp)
    return True


def converted(rel, cc):
    """Paragraphs of a demo document and, per paragraph index, its items and names."""
    paras = paragraphs_of(rel)
    planted = defaultdict(set)
    for t in load_jsonl_cached('ground-truth.jsonl'):
        if t['file'] == rel:
            planted[t['line']].add((t['kind'], t['value']))
    names = defaultdict(list)
    for t in load_jsonl_cached('ground-truth-names.jsonl'):
        if t['file'] == rel:
            names[t['line']].append(t['value'])
    items, found_names, lost = [], [], []
    by_line = defaultdict(list)
    for style, runs, n in paras:
        by_line[n].append(ptext(runs))
    for n, texts in sorted(by_line.items()):
        got = set()
        for text in texts:
            r = pd.oracle(text, region(cc))
            assert r <= planted[n], (rel, n, r - planted[n])
            got |= r
            items.extend(sorted(r))
        lost.extend(sorted(planted[n] - got))
        for value in names[n]:
            assert any(value in t for t in texts), (rel, n, value)
            found_names.append(value)
    for n in planted:
        if n not in by_line:
            lost.extend(sorted(planted[n]))
    dropped_names = sum(len(v) for n, v in names.items() if n not in by_line)
    return paras, items, found_names, lost, dropped_names


_JSONL = {}


def load_jsonl_cached(name):
    if name not in _JSONL:
        _JSONL[name] = load_jsonl(name)
    return _JSONL[name]


def recruiting():
    cvs = {t['file']: t['value'] for t in load_jsonl('ground-truth-documents.jsonl')}
    decoys = {t['file']: t['why'] for t in load_jsonl('document-decoys.jsonl')}
    sources = []
    for i, cc in enumerate(ORDER):
        mine = sorted(f for f in cvs if f.startswith('Corpus/demo/%s/' % cc))
        ds = sorted(f for f in decoys if f.startswith('Corpus/demo/%s/' % cc))
        # A few decoys: the job ad in even flavours, the recruitment notes in odd ones, both in us.
        pick_d = ds if cc == 'us' else [d for d in ds if (decoys[d] == 'job advertisement') == (i % 2 == 0)]
        sources += [(cc, f) for f in mine + pick_d]
    members = [[] for _ in RX_ARCHIVES]
    turn = [0] * len(RX_ARCHIVES)
    stats = defaultdict(int)
    lost_total, dropped_total = [], 0
    for idx, (cc, rel) in enumerate(sources):
        k = idx % len(RX_ARCHIVES)
        name, prefix, fmts = RX_ARCHIVES[k]
        fmt = RX_FORMAT.get(rel) or fmts[turn[k] % len(fmts)]
        turn[k] += 1
        paras, items, names, lost, dropped = converted(rel, cc)
        stem = os.path.splitext(os.path.basename(rel))[0]
        member = '%s%s/%s.%s' % (prefix, cc, stem, fmt)
        members[k].append((member, RX_MAKERS[fmt](paras, stem)))
        inner = member if name != 'old.zip' else RX_INNER + '!/' + member
        location = '%s/recruiting/%s!/%s' % (REL, name, inner)
        for kind, value in items:
            TRUTH.append({'location': location, 'kind': kind, 'value': value})
        for value in names:
            NAME_TRUTH.append({'location': location, 'value': value})
        if rel in cvs:
            DOC_TRUTH.append({'location': location, 'kind': 'document.cv', 'value': cvs[rel], 'source': rel})
            stats[('cv', fmt)] += 1
        else:
            DOC_DECOYS.append({'location': location, 'why': decoys[rel], 'source': rel})
            stats[('decoy', fmt)] += 1
        lost_total += [(rel, kv) for kv in lost]
        dropped_total += dropped
    write('recruiting/applications-2024.zip', zip_bytes(members[0]))
    write('recruiting/candidates.tar.gz', targz_bytes(members[1]))
    if not seven_zip('recruiting/archive-2022.7z', members[2]):
        drop = REL + '/recruiting/archive-2022.7z!/'
        for rows in (TRUTH, NAME_TRUTH, DOC_TRUTH, DOC_DECOYS):
            rows[:] = [r for r in rows if not r['location'].startswith(drop)]
    write('recruiting/old.zip', zip_bytes([(RX_INNER, zip_bytes(members[3]))]))

    def dump(name, rows, key):
        rows.sort(key=key)
        with open(os.path.join(ROOT, 'Corpus', name), 'w', encoding='utf-8') as f:
            for r in rows:
                f.write(json.dumps(r, ensure_ascii=False) + '\n')
    dump('ground-truth-containers-documents.jsonl', DOC_TRUTH, lambda r: r['location'])
    dump('container-document-decoys.jsonl', DOC_DECOYS, lambda r: r['location'])
    dump('ground-truth-containers-names.jsonl', NAME_TRUTH, lambda r: (r['location'], r['value']))
    print('recruiting: %d CVs / cover letters, %d non-CV documents, %d person names; by format: %s'
          % (len(DOC_TRUTH), len(DOC_DECOYS), len(NAME_TRUTH),
             ', '.join('%s %s %d' % (t, f, n) for (t, f), n in sorted(stats.items()))))
    print('recruiting: %d items hidden behind link text (mailto: targets) not planted; %d names only in an HTML <title> not pasted'
          % (len(lost_total), dropped_total))
    for rel, kv in lost_total:
        print('  lost %s %s' % (rel, kv[0]))


# ------------------------------------------------------------------------ main

def write(rel, data):
    path = os.path.join(OUT, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'wb') as f:
        f.write(data)


MAKERS = {
    'docx': lambda t, l: docx(t, l, table_every=5), 'xlsx': xlsx, 'pptx': pptx, 'odt': odt, 'ods': ods, 'odp': odp,
    'rtf': rtf, 'html': html_doc, 'pdf': pdf,
}
TITLES = {'pt': 'Curriculo', 'es': 'Curriculum', 'se': 'CV', 'de': 'Lebenslauf', 'fr': 'CV', 'it': 'Curriculum',
          'nl': 'Curriculum vitae', 'gb': 'CV', 'us': 'Resume', 'intl': 'CV'}


def document(cc, fmt, n):
    lines = pick(cc, n, pdf=(fmt == 'pdf'))
    return MAKERS[fmt]('%s %s' % (TITLES[cc], cc), lines), lines


def text_member(cc, n):
    lines = pick(cc, n)
    return ('\n'.join(t for t, _ in lines) + '\n').encode(), lines


def tar_bytes(members):
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode='w', format=tarfile.USTAR_FORMAT) as tar:
        for n, d in members:
            info = tarfile.TarInfo(n)
            info.size, info.mtime, info.mode, info.uname, info.gname = len(d), 1704067200, 0o644, 'hr', 'hr'
            tar.addfile(info, io.BytesIO(d))
    return buf.getvalue()


def cpio_newc(members):
    """A cpio archive in the "newc" (SVR4) format: fixed inode numbers and times."""
    out = b''
    def entry(name, data, ino, mode):
        nonlocal out
        nb = name.encode() + b'\0'
        fields = [ino, mode, 0, 0, 1, 1704067200, len(data), 0, 0, 0, 0, len(nb), 0]
        head = b'070701' + b''.join(b'%08X' % f for f in fields)
        out += head + nb + b'\0' * ((4 - (len(head) + len(nb)) % 4) % 4)
        out += data + b'\0' * ((4 - len(data) % 4) % 4)
    for k, (n, d) in enumerate(members):
        entry(n, d, k + 1, 0o100644)
    entry('TRAILER!!!', b'', 0, 0)
    return out


def rar4_stored(members):
    """A RAR 4 archive with stored (uncompressed) members, from the published header
    layout (no free RAR writer exists)."""
    def header(htype, flags, body):
        rest = struct.pack('<BHH', htype, flags, 7 + len(body)) + body
        return struct.pack('<H', zlib.crc32(rest) & 0xFFFF) + rest
    out = b'Rar!\x1a\x07\x00' + header(0x73, 0, b'\0' * 6)
    for n, d in members:
        nb = n.encode()
        body = struct.pack('<IIBIIBBHI', len(d), len(d), 3, zlib.crc32(d) & 0xFFFFFFFF, 0x58210000, 29, 0x30, len(nb), 0o100644) + nb
        out += header(0x74, 0x8000, body) + d
    return out + header(0x7B, 0x4000, b'')


def more_archive_formats():
    """tar.xz, tar.bz2, tar.zst, cpio and rar, each with text members (written last, so the
    files above keep their bytes)."""
    def write_archive(rel, data, members):
        write(rel, data)
        for n, _, lines in members:
            plant('%s/%s!/%s' % (REL, rel, n), lines)
    specs = [('archives/old-hr.tar.xz', 'xz', ['de', 'fr']), ('archives/old-hr.tar.bz2', 'bz2', ['it', 'nl']),
             ('archives/mail-export.tar.zst', 'zst', ['se', 'us']), ('archives/payroll.cpio', 'cpio', ['pt', 'es']),
             ('archives/legacy.rar', 'rar', ['gb', 'intl'])]
    for rel, kind, ccs in specs:
        members = []
        for cc in ccs:
            data, lines = text_member(cc, 6)
            members.append(('%s/records-%s.txt' % (cc, cc), data, lines))
        pairs = [(n, d) for n, d, _ in members]
        if kind == 'xz':
            data = lzma.compress(tar_bytes(pairs), format=lzma.FORMAT_XZ)
        elif kind == 'bz2':
            data = bz2.compress(tar_bytes(pairs))
        elif kind == 'zst':
            if not shutil.which('zstd'):
                print('warning: zstd not found, %s not written' % rel, file=sys.stderr)
                continue
            data = subprocess.run(['zstd', '-q', '-19', '-c'], input=tar_bytes(pairs), stdout=subprocess.PIPE, check=True).stdout
        elif kind == 'cpio':
            data = cpio_newc(pairs)
        else:
            data = rar4_stored(pairs)
        write_archive(rel, data, members)
    # Single compressed files: the member is named after the file.
    for rel, compress in [('archives/export.csv.bz2', bz2.compress), ('archives/export.csv.xz', lambda b: lzma.compress(b, format=lzma.FORMAT_XZ))]:
        data, lines = text_member('de' if rel.endswith('bz2') else 'it', 6)
        write(rel, compress(data))
        plant('%s/%s!/%s' % (REL, rel, os.path.basename(rel).rsplit('.', 1)[0]), lines)


def main():
    if os.path.isdir(OUT):
        shutil.rmtree(OUT)
    # One document of every format per folder (intl: all but pdf, its lines are Cyrillic).
    for cc in FOLDERS:
        for fmt in ['docx', 'xlsx', 'pptx', 'odt', 'ods', 'odp', 'rtf', 'html', 'pdf']:
            data, lines = document(cc, fmt, 10)
            rel = '%s/notes-%s.%s' % (cc, cc, fmt)
            write(rel, data)
            plant('%s/%s' % (REL, rel), lines)
        data, groups = vcf(cc)
        write('%s/contacts.vcf' % cc, data)
        plant('%s/%s/contacts.vcf' % (REL, cc), groups)
        data, groups = ics(cc)
        write('%s/meetings.ics' % cc, data)
        plant('%s/%s/meetings.ics' % (REL, cc), groups)
    # A docx saved under a misleading name: found by content.
    data, lines = document('de', 'docx', 6)
    write('misc/export.dat', data)
    plant(REL + '/misc/export.dat', lines)
    # A PDF named .txt.
    data, lines = document('fr', 'pdf', 6)
    write('misc/scan.txt', data)
    plant(REL + '/misc/scan.txt', lines)

    # Archives of CVs in several languages.
    def cvs(langs, fmts, n=8):
        members = []
        for cc, fmt in zip(langs, fmts):
            data, lines = document(cc, fmt, n)
            members.append(('applicants/%s/cv-%s.%s' % (cc, cc, fmt), data, lines))
        return members

    zmembers = cvs(['pt', 'es', 'de', 'fr', 'it', 'nl'], ['docx', 'odt', 'pdf', 'docx', 'odt', 'pdf'])
    txt_lines = pick('gb', 6)
    zmembers.append(('applicants/gb/notes.txt', ('\n'.join(t for t, _ in txt_lines) + '\n').encode(), txt_lines))
    write('archives/applicants-2023.zip', zip_bytes([(n, d) for n, d, _ in zmembers]))
    for n, _, lines in zmembers:
        plant('%s/archives/applicants-2023.zip!/%s' % (REL, n), lines)

    tmembers = cvs(['se', 'gb', 'us', 'intl', 'de'], ['pdf', 'docx', 'odt', 'docx', 'xlsx'])
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode='wb', mtime=0) as gz:
        with tarfile.open(fileobj=gz, mode='w', format=tarfile.USTAR_FORMAT) as tar:
            for n, d, _ in tmembers:
                info = tarfile.TarInfo(n)
                info.size, info.mtime, info.mode, info.uname, info.gname = len(d), 1704067200, 0o644, 'hr', 'hr'
                tar.addfile(info, io.BytesIO(d))
    write('archives/hr-backup.tar.gz', buf.getvalue())
    for n, _, lines in tmembers:
        plant('%s/archives/hr-backup.tar.gz!/%s' % (REL, n), lines)

    # zip in a zip in a zip.
    inner_doc, inner_lines = document('it', 'docx', 6)
    inner_txt = pick('nl', 5)
    inner = zip_bytes([('cv-it.docx', inner_doc), ('contacts.csv', ('\n'.join(t for t, _ in inner_txt) + '\n').encode())])
    middle = zip_bytes([('2022/inner.zip', inner)])
    write('archives/nested.zip', zip_bytes([('backup/middle.zip', middle)]))
    plant(REL + '/archives/nested.zip!/backup/middle.zip!/2022/inner.zip!/cv-it.docx', inner_lines)
    plant(REL + '/archives/nested.zip!/backup/middle.zip!/2022/inner.zip!/contacts.csv', inner_txt)

    # A single gzip stream.
    gz_lines = pick('us', 8)
    gbuf = io.BytesIO()
    with gzip.GzipFile(filename='', fileobj=gbuf, mode='wb', mtime=0) as gz:
        gz.write(('\n'.join(t for t, _ in gz_lines) + '\n').encode())
    write('archives/notes.txt.gz', gbuf.getvalue())
    plant(REL + '/archives/notes.txt.gz!/notes.txt', gz_lines)

    # 7z (needs 7z; fixed mtimes; solid off so the output is stable).
    smembers = cvs(['es', 'pt', 'fr'], ['pdf', 'docx', 'ods'])
    if shutil.which('7z'):
        tmp = os.path.join(OUT, '.7z-staging')
        for n, d, _ in smembers:
            p = os.path.join(tmp, n)
            os.makedirs(os.path.dirname(p), exist_ok=True)
            with open(p, 'wb') as f:
                f.write(d)
            os.utime(p, (1704067200, 1704067200))
        target = os.path.join(OUT, 'archives', 'scans.7z')
        subprocess.run(['7z', 'a', '-bd', '-bso0', '-mx=5', '-ms=off', '-mtc=off', '-mta=off', target] +
                       sorted(n for n, _, _ in smembers), cwd=tmp, check=True)
        shutil.rmtree(tmp)
        for n, _, lines in smembers:
            plant('%s/archives/scans.7z!/%s' % (REL, n), lines)
    else:
        print('warning: 7z not found, scans.7z not written', file=sys.stderr)

    recruiting()
    more_archive_formats()

    TRUTH.sort(key=lambda t: (t['location'], t['kind'], t['value']))
    with open(os.path.join(ROOT, 'Corpus', 'ground-truth-containers.jsonl'), 'w', encoding='utf-8') as f:
        for t in TRUTH:
            f.write(json.dumps(t, ensure_ascii=False) + '\n')
    kinds = defaultdict(int)
    for t in TRUTH:
        kinds[t['kind']] += 1
    print('%d items in %s; %s' % (len(TRUTH), REL, ', '.join('%s %d' % kv for kv in sorted(kinds.items()))))


if __name__ == '__main__':
    main()
