#!/usr/bin/env python3
"""Re-validate the demo corpus ground truth.  Exits non-zero on any problem.

    python3 Corpus/tools/check_truth.py

Checks
  1. every ground-truth value is valid for its kind and canonical (python-stdnum,
     phonenumbers, ipaddress; own rules for NINO and samordningsnummer);
  2. every line of every file under Corpus/demo reads, with the reference oracle
     (tools/pd.py), as exactly the ground-truth items recorded for that line — nothing
     missing, nothing extra (so filler text never holds accidental personal data);
  3. every decoy is on its line and gives no reading at all, even with VAT/IMEI (and, for
     identifier-like decoys, phone / SSN) context words assumed present; a "wrong check
     digit" decoy is invalid for the kind it imitates;
  4. every recorded person name is on its line; bare NIF / BSN / Steuer-ID / DNI numbers
     have their context word before them;
  5. files are sorted and free of duplicates, and each kind has enough instances
     (>= 40 per kind, >= 20 per VAT country and national-id subtype);
  6. ground-truth-documents.jsonl (CVs and cover letters) and document-decoys.jsonl (job ads,
     texts that only mention a CV): files exist, are disjoint, and each document's applicant
     name is a recorded person name of that file; "not a person" decoys never overlap a
     recorded person name on their line.
"""
from __future__ import annotations

import collections
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import pd  # noqa: E402
from lang import LANGS  # noqa: E402

ROOT = HERE.parents[1]
CORPUS = ROOT / 'Corpus'
REGION = {cc: cfg['region'] for cc, cfg in LANGS.items()}
REGION['intl'] = 'RU'

problems = []


def problem(msg):
    problems.append(msg)
    if len(problems) <= 200:
        print('PROBLEM:', msg)


def load(name):
    rows = []
    with open(CORPUS / name, encoding='utf-8') as fh:
        for n, line in enumerate(fh, 1):
            try:
                rows.append(json.loads(line))
            except ValueError as e:
                problem('%s:%d: bad JSON (%s)' % (name, n, e))
    return rows


def region_of(rel):
    parts = rel.split('/')
    return REGION.get(parts[2]) if len(parts) > 3 else None


def wrong_kind_still_valid(why, text):
    """For 'wrong check digit for <kind>' decoys: is the text valid for that kind?"""
    m = re.search(r'for (vat_id\.(\w+)|national_id\.(\w+)|iban)', why)
    compact = re.sub(r'[\s.\-/()]', '', text).upper()
    if not m:
        if 'payment_card' in why or 'imei' in why:
            return pd.luhn_ok(compact)
        return False
    if m.group(1) == 'iban':
        return pd.valid_iban(compact)
    if m.group(2):
        cc = m.group(2)
        body = compact
        for p in (pd.VAT_PREFIX[cc], 'GR'):
            if body.startswith(p):
                body = body[len(p):]
        body = re.sub(r'(MWST|TVA|IVA|MVA)$', '', body)
        return pd.vat_valid(cc, body)
    sub = m.group(3)
    return pd.NATID_VALID[sub](compact) if sub in pd.NATID_VALID else False


SEP = r'[ .\-/()]{0,2}'


def _spaced(s):
    return SEP.join(re.escape(c) for c in s)


def locate(kind, value, line, region):
    """Independent of the oracle: is `value` spelled somewhere on `line`?"""
    if kind == 'email':
        local, _, dom = value.rpartition('@')
        return re.search(re.escape(local) + '@(?i:' + re.escape(dom) + r')(?![\w.-]*\w)', line) is not None
    if kind == 'ipv4':
        return re.search(r'(?<![\d.])' + re.escape(value) + r'(?!\d)', line) is not None
    if kind == 'ipv6':
        return any(pd.ipv6_canon(t.rstrip('.')) == value for t in re.findall(r'[0-9A-Fa-f:.]{2,}', line))
    if kind == 'mac_address':
        return any(pd.mac_canon(t) == value for t in re.findall(r'[0-9A-Fa-f]{2}(?:[:-][0-9A-Fa-f]{2}){5}', line))
    if kind == 'phone':
        import phonenumbers
        for m in phonenumbers.PhoneNumberMatcher(line, region or 'ZZ', leniency=phonenumbers.Leniency.POSSIBLE):
            if phonenumbers.format_number(m.number, phonenumbers.PhoneNumberFormat.E164) == value:
                return True
        cc = str(phonenumbers.parse(value).country_code)
        nsn = value[1 + len(cc):]
        digits = re.sub(r'\D', '', line)
        return nsn in digits
    if kind.startswith('vat_id.'):
        cc = kind[7:]
        pre = pd.VAT_PREFIX[cc]
        body = value[len(pre):]
        return re.search('(?i)(?:' + _spaced(pre) + SEP + ')?' + _spaced(body), line) is not None
    if kind == 'national_id.se_personnummer':
        return re.search(r'(?:\d\d)?' + _spaced(value), line) is not None
    return re.search('(?i)' + _spaced(value), line) is not None


NATID_CTX = {
    'national_id.pt_nif': ['nif', 'contribuinte'],
    'national_id.nl_bsn': ['bsn', 'burgerservicenummer'],
    'national_id.de_steuer_id': ['steuer-id', 'steueridentifikationsnummer', 'steuer-idnr'],
    'national_id.es_dni': ['dni'],
}


def natid_has_context(kind, value, line):
    """The bare-number ids must have a context word at most 64 bytes before them."""
    m = re.search('(?i)' + _spaced(value), line)
    if not m:
        return False
    before = line[:m.start()].encode('utf-8')[-64:].decode('utf-8', 'ignore').lower()
    return any(re.search(r'(?<!\w)' + re.escape(w) + r'(?!\w)', before) for w in NATID_CTX[kind])


def main():
    truth = load('ground-truth.jsonl')
    decoys = load('decoys.jsonl')
    names = load('ground-truth-names.jsonl')

    # -- 5a. order and duplicates
    for name, rows, key in (('ground-truth.jsonl', truth, lambda r: (r['file'], r['line'], r['kind'], r['value'])),
                            ('decoys.jsonl', decoys, lambda r: (r['file'], r['line'], r['text'], r['why'])),
                            ('ground-truth-names.jsonl', names, lambda r: (r['file'], r['line'], r['value']))):
        keys = [key(r) for r in rows]
        if keys != sorted(keys):
            problem('%s is not sorted' % name)
        dup = [k for k, c in collections.Counter(keys).items() if c > 1]
        if dup:
            problem('%s has %d duplicate rows, e.g. %r' % (name, len(dup), dup[0]))

    # -- 1. values
    for r in truth:
        if set(r) != {'file', 'line', 'kind', 'value'}:
            problem('bad keys %r' % r)
            continue
        if r['kind'] not in pd.ALL_KINDS:
            problem('unknown kind %r' % r)
            continue
        err = pd.validate_truth(r['kind'], r['value'])
        if err:
            problem('%s:%d %s %r: %s' % (r['file'], r['line'], r['kind'], r['value'], err))

    # -- 2. every line of every file
    by_line = collections.defaultdict(set)
    for r in truth:
        by_line[(r['file'], r['line'])].add((r['kind'], r['value']))
    files = sorted(str(p.relative_to(ROOT)) for p in (CORPUS / 'demo').rglob('*') if p.is_file())
    known = set(files)
    for r in truth + decoys + names:
        if r['file'] not in known:
            problem('%s: listed but missing' % r['file'])
    texts = {}
    nlines = 0
    for rel in files:
        region = region_of(rel)
        data = (ROOT / rel).read_bytes()
        try:
            lines = data.decode('utf-8').split('\n')
        except UnicodeDecodeError:
            problem('%s: not UTF-8' % rel)
            continue
        if lines and lines[-1] == '':
            lines.pop()
        texts[rel] = lines
        for no, line in enumerate(lines, 1):
            nlines += 1
            got = pd.oracle(line, region)
            want = by_line.get((rel, no), set())
            if got != want:
                for k in sorted(want - got):
                    problem('%s:%d: ground truth %s %r not readable on the line' % (rel, no, k[0], k[1]))
                for k in sorted(got - want):
                    problem('%s:%d: unlisted %s %r on the line' % (rel, no, k[0], k[1]))
    for (rel, no) in by_line:
        if rel in texts and no > len(texts[rel]):
            problem('%s:%d: line out of range' % (rel, no))
    for r in truth:
        lines = texts.get(r['file'])
        if lines and r['line'] <= len(lines) and not locate(r['kind'], r['value'], lines[r['line'] - 1],
                                                            region_of(r['file'])):
            problem('%s:%d: %s %r not found by the independent locator' % (r['file'], r['line'], r['kind'], r['value']))
        elif lines and r['kind'] in NATID_CTX and not natid_has_context(r['kind'], r['value'], lines[r['line'] - 1]):
            problem('%s:%d: %s %r without a context word before it' % (r['file'], r['line'], r['kind'], r['value']))

    # -- 3. decoys
    for d in decoys:
        rel, no, text, why = d['file'], d['line'], d['text'], d['why']
        lines = texts.get(rel)
        if not lines or no > len(lines) or text not in lines[no - 1]:
            problem('%s:%d: decoy %r not on its line' % (rel, no, text))
            continue
        force = {'vat', 'imei'}
        if why.startswith(('wrong', 'invalid', 'fails', 'not a valid')):
            force.add('phone')
        if 'us_ssn' in why:
            force.add('ssn')
        got = pd.oracle(text, region_of(rel), frozenset(force))
        if got:
            problem('%s:%d: decoy %r reads as %r' % (rel, no, text, sorted(got)))
        if why.startswith(('wrong', 'fails')) and wrong_kind_still_valid(why, text):
            problem('%s:%d: decoy %r (%s) is actually valid' % (rel, no, text, why))

    # -- 4. names
    for n in names:
        lines = texts.get(n['file'])
        if not lines or n['line'] > len(lines) or n['value'] not in lines[n['line'] - 1]:
            problem('%s:%d: name %r not on its line' % (n['file'], n['line'], n['value']))

    # -- 6. documents
    docs = load('ground-truth-documents.jsonl')
    doc_decoys = load('document-decoys.jsonl')
    for name, rows, keys in (('ground-truth-documents.jsonl', docs, {'file', 'kind', 'value'}),
                             ('document-decoys.jsonl', doc_decoys, {'file', 'why'})):
        files_ = [r.get('file') for r in rows]
        if files_ != sorted(files_) or len(set(files_)) != len(files_):
            problem('%s is not sorted by file or lists a file twice' % name)
        for r in rows:
            if set(r) != keys:
                problem('%s: bad keys %r' % (name, r))
            elif r['file'] not in known:
                problem('%s: %s listed but missing' % (name, r['file']))
    names_by_file = collections.defaultdict(set)
    for n in names:
        names_by_file[n['file']].add(n['value'])
    for r in docs:
        if r.get('kind') != 'document.cv':
            problem('%s: unknown document kind %r' % (r.get('file'), r.get('kind')))
        if r.get('value') not in names_by_file.get(r.get('file'), ()):
            problem('%s: applicant %r is not a recorded person name of the file' % (r.get('file'), r.get('value')))
    for r in doc_decoys:
        if r.get('why') not in ('job advertisement', 'mentions CV'):
            problem('%s: unknown document decoy reason %r' % (r.get('file'), r.get('why')))
    both = {r.get('file') for r in docs} & {r.get('file') for r in doc_decoys}
    if both:
        problem('files both documents and document decoys: %s' % sorted(both))
    names_by_line = collections.defaultdict(set)
    for n in names:
        names_by_line[(n['file'], n['line'])].add(n['value'])
    for d in decoys:
        if d['why'] != 'not a person':
            continue
        for v in names_by_line.get((d['file'], d['line']), ()):
            if v in d['text'] or d['text'] in v:
                problem('%s:%d: "not a person" decoy %r overlaps the person name %r'
                        % (d['file'], d['line'], d['text'], v))

    # -- 5b. counts
    kinds = collections.Counter(r['kind'] for r in truth)
    for k in pd.ALL_KINDS:
        need = 20 if k.startswith(('vat_id.', 'national_id.')) else 40
        if kinds[k] < need:
            problem('only %d items of %s (need %d)' % (kinds[k], k, need))

    print('checked %d files, %d lines, %d items, %d decoys, %d names, %d documents, %d document decoys: %d problem(s)'
          % (len(files), nlines, len(truth), len(decoys), len(names), len(docs), len(doc_decoys), len(problems)))
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
