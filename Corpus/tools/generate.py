#!/usr/bin/env python3
"""Generate the trawl demo corpus (Corpus/demo) and its ground truth.

    python3 Corpus/tools/generate.py

Deterministic: one fixed seed for `random` and for every Faker instance, so a re-run
produces byte-identical files (with the same Faker / python-stdnum / phonenumbers
versions; see Corpus/README.md).  Every line written is checked with the reference
oracle in pd.py: what it can read on the line must be exactly the items planted there,
otherwise the line is drawn again.
"""
from __future__ import annotations

import collections
import datetime
import json
import os
import random
import re
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import faker  # noqa: E402
import phonenumbers  # noqa: E402
import stdnum  # noqa: E402
from faker import Faker  # noqa: E402

import pd  # noqa: E402
from lang import FOREIGN, FOREIGN_KINDS, FOREIGN_NAME_LOCALES, FOREIGN_WORDS, LANGS, ORDER  # noqa: E402
from lang_docs import DOCS, GAZETTEER_LOCALES, OUTSIDE_LOCALES  # noqa: E402

SEED = 20240301
TESTED_VERSIONS = {'faker': '40.54.0', 'stdnum': '2.2', 'phonenumbers': '9.0.43'}
ROOT = HERE.parents[1]
CORPUS = ROOT / 'Corpus'
DEMO = CORPUS / 'demo'
REL = 'Corpus/demo'

R = random.Random(SEED)
_FAKERS = {}


def fk(locale):
    if locale not in _FAKERS:
        f = Faker(locale)
        f.seed_instance(SEED + sum(ord(c) * (i + 1) for i, c in enumerate(locale)))
        _FAKERS[locale] = f
    return _FAKERS[locale]


def pick(seq):
    return seq[R.randrange(len(seq))]


# ------------------------------------------------------------------ line model

class Ln:
    """One output line made of parts: ('t', text) plain, ('i', text, kind, value) item,
    ('n', text) person name, ('d', text, why) decoy."""
    __slots__ = ('parts',)

    def __init__(self, *parts):
        self.parts = []
        for p in parts:
            self.add(p)

    def add(self, p):
        if isinstance(p, str):
            self.parts.append(('t', p))
        elif isinstance(p, Ln):
            self.parts.extend(p.parts)
        elif isinstance(p, list):
            for q in p:
                self.add(q)
        else:
            self.parts.append(p)
        return self

    def text(self):
        return ''.join(p[1] for p in self.parts)

    def items(self):
        return [(p[2], p[3]) for p in self.parts if p[0] == 'i']


def T(s):
    return ('t', s)


def I(kind, value, text):
    return ('i', text, kind, value)


def N(s):
    return ('n', s)


def D(text, why):
    return ('d', text, why)


class FileOut:
    all_files = []

    def __init__(self, rel, region):
        self.rel = REL + '/' + rel
        self.region = region
        self.lines = []
        self.items = []
        self.names = []
        self.decoys = []
        FileOut.all_files.append(self)

    def add(self, make, tries=400):
        for _ in range(tries):
            lns = make()
            if isinstance(lns, Ln):
                lns = [lns]
            if all(self._ok(ln) for ln in lns):
                break
        else:
            raise RuntimeError('%s: could not build a clean line, last: %r' % (self.rel, [l.text() for l in lns]))
        for ln in lns:
            no = len(self.lines) + 1
            text = ln.text()
            self.lines.append(text)
            seen_n = set()
            for p in ln.parts:
                if p[0] == 'i':
                    self.items.append((no, p[2], p[3]))
                elif p[0] == 'n' and p[1] not in seen_n:
                    seen_n.add(p[1])
                    self.names.append((no, p[1]))
                elif p[0] == 'd':
                    self.decoys.append((no, p[1], p[2]))

    def raw(self, text):
        """A line with no personal data (still verified)."""
        self.add(lambda: Ln(text), tries=1)

    def _ok(self, ln):
        text = ln.text()
        if '\n' in text or '\r' in text:
            raise ValueError('newline inside a line: %r' % text)
        items = ln.items()
        if len(set(items)) != len(items):
            return False
        return pd.oracle(text, self.region) == set(items)

    def write(self):
        path = ROOT / self.rel
        path.parent.mkdir(parents=True, exist_ok=True)
        data = '\n'.join(self.lines) + '\n'
        path.write_bytes(data.encode('utf-8'))


# ------------------------------------------------------------ value pools

def forms_ok(texts_expect, region):
    return all(pd.oracle(t, region) == e for t, e in texts_expect)


def filter_forms(forms, mk_text, expect, region):
    out = []
    for f in forms:
        if pd.oracle(mk_text(f), region) == expect:
            out.append(f)
    return out


CYR = dict(zip('абвгдеёжзийклмнопрстуфхцчшщъыьэюя',
               ['a', 'b', 'v', 'g', 'd', 'e', 'e', 'zh', 'z', 'i', 'y', 'k', 'l', 'm', 'n', 'o', 'p', 'r', 's', 't',
                'u', 'f', 'kh', 'ts', 'ch', 'sh', 'shch', '', 'y', '', 'e', 'yu', 'ya']))
GRK = dict(zip('αβγδεζηθικλμνξοπρσςτυφχψωάέήίόύώϊϋΐΰ',
               ['a', 'v', 'g', 'd', 'e', 'z', 'i', 'th', 'i', 'k', 'l', 'm', 'n', 'x', 'o', 'p', 'r', 's', 's', 't',
                'y', 'f', 'ch', 'ps', 'o', 'a', 'e', 'i', 'i', 'o', 'y', 'o', 'i', 'y', 'i', 'y']))


def latin(s):
    out = []
    for c in s.lower():
        out.append(CYR.get(c, GRK.get(c, c)))
    return pd.ascii_fold(''.join(out))


def slug(s):
    return re.sub(r'[^a-z]+', '-', latin(s)).strip('-')


def email_local(first, last, style):
    f = re.sub(r'[^a-z]', '', latin(first))
    l = re.sub(r'[^a-z-]', '', latin(last).replace(' ', ''))
    l = l.strip('-')
    if style == 0:
        return f + '.' + l
    if style == 1:
        return f[0] + '.' + l
    if style == 2:
        return f + l.replace('-', '')
    if style == 3:
        return f + '_' + l
    return f + '.' + l + '+' + pick(['news', 'shop', 'work'])


def email_forms(local, domain):
    cap = '.'.join(x[:1].upper() + x[1:] for x in local.split('.'))
    return [local + '@' + domain] * 4 + [cap + '@' + domain, local + '@' + domain.upper()]


class Person:
    pass


_es_toggle = [0]


def make_natid(cc, p):
    """Returns (subtype, value, extra)."""
    if cc == 'pt':
        return 'pt_nif', pd.gen_pt_nif(R), None
    if cc == 'es':  # alternate, so both subtypes are equally common
        _es_toggle[0] ^= 1
        if _es_toggle[0]:
            return 'es_dni', pd.gen_es_dni(R), None
        return 'es_nie', pd.gen_es_nie(R), None
    if cc == 'se':
        ten, full = pd.gen_se_pnr(R, coordination=R.random() < 0.15)
        return 'se_personnummer', ten, full
    if cc == 'de':
        return 'de_steuer_id', pd.gen_de_idnr(R), None
    if cc == 'fr':
        return 'fr_nir', pd.gen_fr_nir(R, p.female, p.birth), None
    if cc == 'it':
        return 'it_codice_fiscale', pd.gen_it_cf(R, p.first, p.last, p.female, p.birth), None
    if cc == 'nl':
        return 'nl_bsn', pd.gen_nl_bsn(R), None
    if cc == 'gb':
        return 'uk_nino', pd.gen_uk_nino(R), None
    if cc == 'us':
        return 'us_ssn', pd.gen_us_ssn(R), None
    return None


def make_address(locale, f):
    """Returns (one-line address, city)."""
    street, city = f.street_address().replace('\n', ', '), f.city()
    if locale == 'en_US':
        return '%s, %s, %s %s' % (street, city, f.state_abbr(), f.zipcode()), city
    if locale == 'en_GB':
        return '%s, %s %s' % (street, city, f.postcode()), city
    return '%s, %s %s' % (street, f.postcode(), city), city


def clean_text(s, region):
    return pd.oracle(s, region) == set() and '@' not in s and ';' not in s and '"' not in s


def gen_name(f, female):
    for _ in range(100):
        first = f.first_name_female() if female else f.first_name_male()
        last = f.last_name_female() if female and hasattr(f, 'last_name_female') else (
            f.last_name_male() if hasattr(f, 'last_name_male') else f.last_name())
        if re.fullmatch(r"[^\W\d_]+(?:[ '-][^\W\d_]+)*", first) and re.fullmatch(r"[^\W\d_]+(?:[ '-][^\W\d_]+)*", last):
            if latin(first) and latin(last):
                return first, last
    raise RuntimeError('name')


def make_person(cc, cfg, used_names):
    locale, region = cfg['locale'], cfg['region']
    f = fk(locale)
    p = Person()
    p.cc, p.region = cc, region
    while True:
        p.female = R.random() < 0.5
        p.first, p.last = gen_name(f, p.female)
        p.name = p.first + ' ' + p.last
        if p.name not in used_names:
            used_names.add(p.name)
            break
    p.birth = datetime.date(R.randint(1955, 2003), R.randint(1, 12), R.randint(1, 28))
    local = email_local(p.first, p.last, R.randrange(5))
    p.email_forms = email_forms(local, pick(cfg['domains']))
    # phone
    while True:
        e164, _ = pd.gen_phone(R, region, 'mobile' if R.random() < 0.8 else 'fixed')
        nat = filter_forms(pd.phone_national_forms(region, e164), lambda x: 'Tel. ' + x, {('phone', e164)}, region)
        intl = filter_forms(pd.phone_intl_forms(region, e164), lambda x: x, {('phone', e164)}, region)
        if nat and intl:
            p.phone, p.phone_nat, p.phone_intl = e164, nat, intl
            break
    # national id
    while True:
        sub, val, extra = make_natid(cc, p)
        label = cfg['natid_words'][sub][0]
        fs = filter_forms(pd.natid_forms(sub, val, extra), lambda x: label + ' ' + x,
                          {('national_id.' + sub, val)}, region)
        if fs:
            p.natid = (sub, val, fs)
            break
    p.iban = gen_iban_forms(cfg['iban'], region) if cfg['iban'] else None
    p.card = gen_card_forms(region)
    p.imei = gen_imei_forms(region)
    p.mac = gen_mac_forms(region)
    p.ip4 = pd.gen_ipv4(R, 0.2)
    p.ip6 = gen_ip6_forms(region)
    while True:
        p.address, p.city = make_address(locale, f)
        if clean_text(p.address, region):
            break
    job = pick(cfg['jobs']).split('|')
    p.job = job[-1] if p.female else job[0]
    p.dept = pick(cfg['depts'])
    return p


def gen_iban_forms(cc, region):
    while True:
        v = pd.gen_iban(R, cc)
        fs = filter_forms(pd.iban_forms(v), lambda x: 'IBAN ' + x, {('iban', v)}, region)
        if fs:
            return v, fs


def gen_card_forms(region):
    while True:
        v = pd.gen_card(R, pick(['visa', 'visa', 'visa', 'mastercard', 'mastercard', 'amex', 'discover']))
        fs = filter_forms(pd.card_forms(v), lambda x: 'card ' + x, {('payment_card', v)}, region)
        if fs:
            return v, fs


def gen_imei_forms(region):
    while True:
        v = pd.gen_imei(R)
        fs = filter_forms(pd.imei_forms(v), lambda x: 'IMEI ' + x, {('imei', v)}, region)
        if fs:
            return v, fs


def gen_mac_forms(region):
    while True:
        v = pd.gen_mac(R)
        fs = filter_forms(pd.mac_forms(v), lambda x: x, {('mac_address', v)}, region)
        if len(fs) == 4:
            return v, fs


def gen_ip6_forms(region):
    while True:
        v = pd.gen_ipv6(R)
        fs = filter_forms(pd.ipv6_forms(v), lambda x: x, {('ipv6', v)}, region)
        if fs:
            return v, fs


class Company:
    pass


ROLE_LOCALS = {'pt': ['geral', 'faturacao', 'info', 'suporte'], 'es': ['info', 'facturacion', 'administracion'],
               'se': ['info', 'faktura', 'kundtjanst'], 'de': ['info', 'buchhaltung', 'kontakt'],
               'fr': ['contact', 'facturation', 'info'], 'it': ['info', 'amministrazione', 'fatture'],
               'nl': ['info', 'administratie', 'klantenservice'], 'gb': ['info', 'accounts', 'support', 'hello'],
               'us': ['info', 'billing', 'support', 'hello']}
BARE_VAT_LANGS = {'pt', 'es', 'de', 'fr', 'it', 'nl', 'gb'}


def make_company(cc, cfg, used):
    region = cfg['region']
    c = Company()
    c.cc = cc
    while True:
        c.name = '%s %s %s' % (pick(cfg['company_words']), pick(cfg['company_kinds']), pick(cfg['company_suffix']))
        if c.name not in used:
            used.add(c.name)
            break
    base = cfg['domains'][0] if cc != 'us' else 'example.com'
    c.domain = slug(c.name.rsplit(' ', 1)[0]) + '.' + base
    c.email_forms = [pick(ROLE_LOCALS[cc]) + '@' + c.domain]
    while True:
        e164, _ = pd.gen_phone(R, region, 'fixed')
        nat = filter_forms(pd.phone_national_forms(region, e164), lambda x: 'Tel. ' + x, {('phone', e164)}, region)
        intl = filter_forms(pd.phone_intl_forms(region, e164), lambda x: x, {('phone', e164)}, region)
        if nat and intl:
            c.phone, c.phone_nat, c.phone_intl = e164, nat, intl
            break
    c.vat = None
    if cc != 'us':
        vcc = cc
        while True:
            body = pd.gen_vat(R, vcc)
            pre = filter_forms(pd.vat_forms(vcc, body, True), lambda x: x, {('vat_id.' + vcc, pd.VAT_PREFIX[vcc] + body)}, region)
            bare = []
            if cc in BARE_VAT_LANGS:
                lab = cfg['vat_words'][0]
                bare = filter_forms(pd.vat_forms(vcc, body, False), lambda x: lab + ' ' + x,
                                    {('vat_id.' + vcc, pd.VAT_PREFIX[vcc] + body)}, region)
            if pre and (bare or cc not in BARE_VAT_LANGS):
                c.vat = (vcc, pd.VAT_PREFIX[vcc] + body, pre, bare)
                break
    c.iban = gen_iban_forms(cfg['iban'], region) if cfg['iban'] else None
    f = fk(cfg['locale'])
    while True:
        c.address, c.city = make_address(cfg['locale'], f)
        if clean_text(c.address, region):
            break
    return c


def make_foreign(vcc, k, used):
    suffix, pregion, icc, tld = FOREIGN[vcc]
    c = Company()
    c.cc = vcc
    while True:
        c.name = '%s %s %s' % (pick(FOREIGN_WORDS), pick(FOREIGN_KINDS), suffix)
        if c.name not in used:
            used.add(c.name)
            break
    c.domain = slug(c.name.rsplit(' ', 1)[0]) + '.example.' + tld
    c.email_forms = [pick(['info', 'sales', 'office', 'accounts']) + '@' + c.domain]
    region = pregion or vcc.upper().replace('GR', 'GR')
    if vcc == 'gr':
        region = 'GR'
    while True:
        e164, _ = pd.gen_phone(R, region, 'fixed')
        intl = filter_forms(pd.phone_intl_forms(region, e164), lambda x: x, {('phone', e164)}, None)
        if intl:
            c.phone, c.phone_intl, c.phone_nat = e164, intl, []
            break
    while True:
        body = pd.gen_vat(R, vcc)
        pre = filter_forms(pd.vat_forms(vcc, body, True), lambda x: x, {('vat_id.' + vcc, pd.VAT_PREFIX[vcc] + body)}, None)
        if pre:
            c.vat = (vcc, pd.VAT_PREFIX[vcc] + body, pre, [])
            break
    c.iban = gen_iban_forms(icc, None) if icc else None
    loc = FOREIGN_NAME_LOCALES[vcc]
    f = fk(loc)
    female = R.random() < 0.5
    first, last = gen_name(f, female)
    c.contact = first + ' ' + last
    c.contact_email_forms = email_forms(email_local(first, last, R.randrange(4)), c.domain)
    return c


# --------------------------------------------------------------- decoys

# Decoys must give no reading even with context words assumed present: VAT and IMEI
# words always; phone words too for the identifier-like decoys (wrong check digits, bad
# phone numbers).  Dates, prices and the like are not forced through the national phone
# parser (a Swedish ISO date is a plausible 020 number to libphonenumber).
FORCE = frozenset({'vat', 'imei'})
FORCE_ID = frozenset({'vat', 'imei', 'phone'})


def decoy_ok(text, region, force=FORCE):
    return pd.oracle(text, region, force) == set()


def safe(gen, region, force=FORCE):
    for _ in range(1000):
        t = gen()
        if decoy_ok(t, region, force):
            return t
    raise RuntimeError('no safe decoy')


def date_text(cc, region):
    def g():
        d = datetime.date(R.randint(2019, 2025), R.randint(1, 12), R.randint(1, 28))
        if cc in ('se',) or R.random() < 0.15:
            return d.isoformat()
        if cc == 'de':
            return d.strftime('%d.%m.%Y')
        if cc == 'nl':
            return d.strftime('%d-%m-%Y')
        if cc == 'us':
            return d.strftime('%m/%d/%Y')
        return d.strftime('%d/%m/%Y')
    return safe(g, region)


def time_text(region):
    return '%02d:%02d:%02d' % (R.randint(7, 22), R.randint(0, 59), R.randint(0, 59)) if R.random() < 0.6 else \
        '%02d:%02d' % (R.randint(7, 22), R.randint(0, 59))


def price_text(cc, region, big=False):
    def g():
        v = R.randint(100, 999999 if big else 250000)
        units, cents = divmod(v, 100)
        if cc in ('gb', 'us'):
            sym = '£' if cc == 'gb' else '$'
            return '%s%s.%02d' % (sym, '{:,}'.format(units), cents)
        if cc == 'se':
            return '%s,%02d kr' % ('{:,}'.format(units).replace(',', ' '), cents)
        s = '{:,}'.format(units).replace(',', '.') + ',%02d' % cents
        return ('€ ' + s) if R.random() < 0.4 else (s + ' €')
    return safe(g, region)


def d_order(region):
    def g():
        if R.random() < 0.7:
            return '#%d' % R.randint(100000000, 999999999)
        return 'PO-%d-%06d' % (R.randint(2019, 2025), R.randint(1, 999999))
    return safe(g, region)


def decoy_part(kind, cfg, region, cc):
    """Returns a list of parts for a decoy placeholder."""
    if kind == 'd_date':
        return [D(date_text(cc, region), 'date')]
    if kind == 'd_time':
        return [D(safe(lambda: time_text(region), region), 'time')]
    if kind == 'd_price':
        return [D(price_text(cc, region), 'price')]
    if kind == 'd_order':
        return [D(d_order(region), 'order number')]
    if kind == 'd_invoice':
        return [D(safe(lambda: pick(['INV-%d-%06d', 'FT %d/%d', 'RE-%d-%05d', 'F%d-%05d']) % (
            R.randint(2019, 2025), R.randint(1, 99999)), region), 'invoice number')]
    if kind == 'd_ticket':
        return [D(safe(lambda: pick(['#%d', 'TCK-%06d', 'SR-%07d']) % R.randint(10000, 999999), region),
                  'ticket number')]
    if kind == 'd_tracking':
        def g():
            if R.random() < 0.5:
                return '1Z%s%s%s' % (''.join(pick('0123456789ABCDEFGHJKLMNPRSTVWXYZ') for _ in range(6)),
                                     '%02d' % R.randint(1, 99), '%08d' % R.randint(0, 99999999))
            return ' '.join(['9400'] + ['%04d' % R.randint(0, 9999) for _ in range(4)] + ['%02d' % R.randint(0, 99)])
        return [D(safe(g, region), 'tracking number')]
    if kind == 'd_version':
        def g():
            k = R.random()
            if k < 0.5:
                return 'v%d.%d.%d' % (R.randint(1, 12), R.randint(0, 30), R.randint(0, 20))
            if k < 0.75:
                return '10.0.%d.%d' % (R.randint(17000, 22999), R.randint(1000, 5999))
            return '%d.%d.%d-rc.%d' % (R.randint(1, 9), R.randint(0, 20), R.randint(0, 9), R.randint(1, 5))
        return [D(safe(g, region), 'version string')]
    if kind == 'd_build':
        def g():
            if R.random() < 0.5:
                return '%d' % R.randint(1000, 99999)
            d = datetime.date(R.randint(2019, 2025), R.randint(1, 12), R.randint(1, 28))
            return '%s.%d' % (d.strftime('%Y%m%d'), R.randint(1, 9999))
        return [D(safe(g, region), 'build number')]
    if kind == 'd_port':
        return [D(str(pick([443, 8080, 8443, 5432, 3306, 6379, 9200, 27017, 5672, 1521])), 'port number')]
    if kind == 'd_pct':
        def g():
            v = R.randint(1, 9999) / 100
            if cc in ('gb', 'us', 'se'):
                return ('%.1f%%' if R.random() < 0.5 else '%.2f%%') % v
            return ('%.1f %%' % v).replace('.', ',')
        return [D(safe(g, region), 'percentage')]
    if kind == 'd_coord':
        return [D(safe(lambda: '%.4f, %.4f' % (R.uniform(36, 60), R.uniform(-9.5, 25)), region), 'coordinates')]
    if kind == 'd_isbn':
        return [D(safe(lambda: pd.gen_isbn13(R), region), 'ISBN')]
    if kind == 'd_uuid':
        def g():
            h = '%032x' % R.getrandbits(128)
            h = h[:12] + '4' + h[13:16] + pick('89ab') + h[17:]
            return '%s-%s-%s-%s-%s' % (h[:8], h[8:12], h[12:16], h[16:20], h[20:])
        return [D(safe(g, region), 'UUID')]
    if kind == 'd_hash':
        return [D(safe(lambda: '%040x' % R.getrandbits(160) if R.random() < 0.5 else '%07x' % R.getrandbits(28),
                       region), 'git commit hash')]
    if kind == 'd_asset':
        return [D(safe(lambda: '%s-%s-%05d' % (cc.upper(), pick(['LPT', 'NB', 'WS']), R.randint(1, 99999)), region),
                  'asset tag')]
    if kind == 'd_badip':
        def g():
            k = R.random()
            if k < 0.4:
                return '%s.%d' % (pick(['192.0.2', '198.51.100', '203.0.113']), R.randint(256, 999))
            if k < 0.7:
                return '%d.%d.%d.%d' % (R.randint(256, 999), R.randint(0, 255), R.randint(0, 255), R.randint(1, 254))
            return '10.0.%d.%d' % (R.randint(17000, 22999), R.randint(1000, 5999))
        return [D(safe(g, region), 'IPv4 octet out of range')]
    if kind == 'd_bademail':
        return [D(pick(['build-bot@intranet', 'noreply@example.invalid', 'root@localhost', 'deploy@ci.local',
                        'alerts@monitoring.internal']), 'e-mail without a public top-level domain')]
    if kind == 'd_wrong_natid':
        return wrong_natid(cfg, region)
    if kind == 'd_wrong_vat':
        return wrong_vat(cfg, region, cc)
    if kind == 'd_wrong_iban':
        return wrong_iban(cfg, region)
    if kind == 'd_wrong_card':
        return wrong_card(region)
    if kind == 'd_wrong_imei':
        return wrong_imei(region)
    if kind == 'd_badphone':
        return bad_phone(cfg, region)
    raise KeyError(kind)


def mutate_last(s, alphabet=None):
    """All single-character changes of the last alphanumeric character (check digit)."""
    idx = max(i for i, c in enumerate(s) if c.isalnum())
    alpha = alphabet or ('0123456789' if s[idx].isdigit() else 'ABCDEFGHIJKLMNOPQRSTUVWXYZ')
    out = [s[:idx] + c + s[idx + 1:] for c in alpha if c != s[idx]]
    R.shuffle(out)
    return out


def wrong_natid(cfg, region):
    sub = pick(sorted(cfg['natid_words']))
    label = pick(cfg['natid_words'][sub])
    for _ in range(1000):
        p = Person()
        p.female, p.first, p.last = R.random() < 0.5, 'Maria', 'Rossi'
        p.birth = datetime.date(R.randint(1960, 2000), R.randint(1, 12), R.randint(1, 28))
        if sub == 'us_ssn':
            area = pick(['000', '666', '9%02d' % R.randint(0, 99)])
            bad = area + '%02d%04d' % (R.randint(1, 99), R.randint(1, 9999))
            why = 'invalid area number for national_id.us_ssn'
            force = FORCE_ID | {'ssn'}
        elif sub == 'uk_nino':
            bad = pick(['D', 'F', 'I', 'Q', 'U', 'V']) + pick('ABCEGHJKLMNPRSTWXYZ') + '%06d' % R.randint(0, 999999) + pick('ABCD')
            why = 'invalid prefix for national_id.uk_nino'
            force = FORCE_ID
        else:
            csub, val, extra = make_natid({'pt_nif': 'pt', 'es_dni': 'es', 'es_nie': 'es', 'se_personnummer': 'se',
                                           'de_steuer_id': 'de', 'fr_nir': 'fr', 'it_codice_fiscale': 'it',
                                           'nl_bsn': 'nl'}[sub], p)
            if csub != sub:
                continue
            bad = mutate_last(val)[0]
            if sub == 'se_personnummer':
                extra = extra[:2] + bad
            why = 'wrong check digit for national_id.' + sub
            force = FORCE_ID
        if pd.NATID_VALID[sub](bad):
            continue
        written = pick(pd.natid_forms(sub, bad, extra if sub == 'se_personnummer' else None))
        if decoy_ok(written, region, force) and decoy_ok(label + ' ' + written, region, force):
            return [T(label + ' '), D(written, why)]
    raise RuntimeError('wrong natid')


def wrong_vat(cfg, region, vcc):
    for _ in range(1000):
        body = pd.gen_vat(R, vcc)
        bad = mutate_last(body[:9] if vcc == 'nl' else body)[0] + (body[9:] if vcc == 'nl' else '')
        if pd.vat_valid(vcc, bad):
            continue
        prefixed = R.random() < 0.5 or vcc not in BARE_VAT_LANGS
        written = pick(pd.vat_forms(vcc, bad, prefixed))
        label = pick(cfg['vat_words']) if cfg else 'VAT'
        if decoy_ok(written, region, FORCE_ID) and decoy_ok(label + ' ' + written, region, FORCE_ID):
            return [T(label + ' '), D(written, 'wrong check digit for vat_id.' + vcc)]
    raise RuntimeError('wrong vat')


def wrong_iban(cfg, region):
    cc = (cfg or {}).get('iban') or pick(sorted(pd.IBAN_SPECS))
    for _ in range(1000):
        v = pd.gen_iban(R, cc)
        bad = mutate_last(v)[0]
        if pd.valid_iban(bad):
            continue
        written = pick(pd.iban_forms(bad))
        if decoy_ok(written, region, FORCE_ID):
            return [T('IBAN '), D(written, 'wrong check digits for iban')]
    raise RuntimeError('wrong iban')


def wrong_card(region):
    for _ in range(1000):
        v = pd.gen_card(R, pick(['visa', 'mastercard', 'amex', 'discover']))
        bad = mutate_last(v)[0]
        written = pick(pd.card_forms(bad))
        if decoy_ok(written, region, FORCE_ID):
            return [D(written, 'fails Luhn (payment_card)')]
    raise RuntimeError('wrong card')


def wrong_imei(region):
    for _ in range(1000):
        v = pd.gen_imei(R)
        bad = mutate_last(v)[0]
        written = pick(pd.imei_forms(bad))
        if decoy_ok(written, region, FORCE_ID) and decoy_ok('IMEI ' + written, region, FORCE_ID):
            return [T('IMEI '), D(written, 'fails Luhn (imei)')]
    raise RuntimeError('wrong imei')


def bad_phone(cfg, region):
    label = pick(cfg['phone_words'])
    for _ in range(2000):
        e164, _ = pd.gen_phone(R, region)
        form = pick(pd.phone_national_forms(region, e164))
        # change the first significant digit (after a trunk 0 / '(' ) to make it invalid
        idx = next(i for i, c in enumerate(form) if c.isdigit() and not (c in '08' and i == form.find(c) and
                                                                       region in pd.TRUNK_ZERO | {'RU'}))
        bad = form[:idx] + str(R.randint(0, 9)) + form[idx + 1:]
        if pd.phone_parse(bad, region):
            continue
        if decoy_ok(bad, region, FORCE_ID) and decoy_ok(label + ' ' + bad, region, FORCE_ID):
            return [T(label + ' '), D(bad, 'not a valid phone number for ' + region)]
    raise RuntimeError('bad phone')


# --------------------------------------------------------------- resolver

PLACE_RE = re.compile(r'\{(ip4|ip6|[a-z_]+)(\d?)\}')


class Ctx:
    """What a template line may draw from."""

    def __init__(self, cc, cfg, region, people, company=None, foreign=None, nat_ok=True):
        self.cc, self.cfg, self.region = cc, cfg, region
        self.people, self.company, self.foreign = people, company, foreign
        self.nat_ok = nat_ok


def phone_parts(ctx, obj, mode):
    """mode: 'nat' (label + national), 'intl', 'any'."""
    cfg = ctx.cfg
    can_nat = ctx.nat_ok and obj.phone_nat and cfg is not None
    if mode == 'any':
        mode = 'nat' if can_nat and R.random() < 0.5 else 'intl'
    if mode == 'nat' and can_nat:
        return [T(pick(cfg['phone_words']) + ' '), I('phone', obj.phone, pick(obj.phone_nat))]
    return [I('phone', obj.phone, pick(obj.phone_intl))]


def email_part(forms):
    w = pick(forms)
    return I('email', pd.email_canon(w), w)


def vat_parts(ctx, comp, allow_bare=True):
    vcc, canon, pre, bare = comp.vat
    if bare and allow_bare and R.random() < 0.45:
        return [T(pick(ctx.cfg['vat_words']) + ' '), I('vat_id.' + vcc, canon, pick(bare))]
    w = pick(pre)
    if ctx.cfg and allow_bare and R.random() < 0.4:
        return [T(pick(ctx.cfg['vat_words']) + ' '), I('vat_id.' + vcc, canon, w)]
    return [I('vat_id.' + vcc, canon, w)]


def resolve(ctx, key, idx):
    p = ctx.people[idx] if ctx.people and idx < len(ctx.people) else None
    cfg = ctx.cfg
    if key == 'name':
        return [N(p.name)]
    if key == 'first':
        return [N(p.first)]
    if key == 'email':
        return [email_part(p.email_forms)]
    if key == 'phone':
        return phone_parts(ctx, p, 'any')
    if key == 'phone_nat':
        return phone_parts(ctx, p, 'nat')
    if key == 'phone_intl':
        return phone_parts(ctx, p, 'intl')
    if key == 'natid':
        sub, val, forms = p.natid
        return [T(pick(LANGS[p.cc]['natid_words'][sub]) + ' '), I('national_id.' + sub, val, pick(forms))]
    if key == 'iban':
        v, fs = p.iban if p.iban else ctx.company.iban
        return [I('iban', v, pick(fs))]
    if key == 'card':
        v, fs = p.card
        return [I('payment_card', v, pick(fs))]
    if key == 'imei':
        v, fs = p.imei
        return [T(pick(['IMEI ', 'IMEI: ', 'IMEI '])), I('imei', v, pick(fs))]
    if key == 'imei_kv':
        v, fs = p.imei
        return [T('imei='), I('imei', v, fs[0])]
    if key == 'mac':
        v, fs = p.mac
        return [I('mac_address', v, pick(fs))]
    if key == 'ip4':
        v = pd.gen_ipv4(R) if R.random() < 0.6 else p.ip4
        return [I('ipv4', v, v)]
    if key == 'ip6':
        v, fs = p.ip6
        return [I('ipv6', v, pick(fs))]
    if key in ('address', 'city', 'job', 'dept'):
        return [T(getattr(p, key))]
    c = ctx.company
    if key == 'company':
        return [T(c.name)]
    if key == 'cvat':
        return vat_parts(ctx, c)
    if key == 'cvat_pre':
        return vat_parts(ctx, c, allow_bare=False)
    if key == 'cphone':
        return phone_parts(ctx, c, 'any')
    if key == 'cemail':
        return [email_part(c.email_forms)]
    if key == 'ciban':
        v, fs = c.iban if c.iban else p.iban
        return [I('iban', v, pick(fs))]
    if key == 'caddress':
        return [T(c.address)]
    f = ctx.foreign
    if key == 'fcompany':
        return [T(f.name)]
    if key == 'fvat':
        vcc, canon, pre, _ = f.vat
        return [I('vat_id.' + vcc, canon, pick(pre))]
    if key == 'fname':
        return [N(f.contact)]
    if key == 'femail':
        return [email_part(f.contact_email_forms)]
    if key == 'fphone':
        return [I('phone', f.phone, pick(f.phone_intl))]
    if key.startswith('d_'):
        return decoy_part(key, cfg, ctx.region, ctx.cc if ctx.cc in LANGS else 'gb')
    raise KeyError(key)


def render(ctx, tpl):
    ln = Ln()
    pos = 0
    for m in PLACE_RE.finditer(tpl):
        if m.start() > pos:
            ln.add(T(tpl[pos:m.start()]))
        idx = int(m.group(2)) - 1 if m.group(2) else 0
        ln.add(resolve(ctx, m.group(1), idx))
        pos = m.end()
    if pos < len(tpl):
        ln.add(T(tpl[pos:]))
    return ln


# --------------------------------------------------------------- pools

POOLS = {}
COMPANIES = {}
FOREIGN_POOL = {}
_foreign_rr = [0]


def next_foreign(exclude=None):
    while True:
        i = _foreign_rr[0]
        _foreign_rr[0] += 1
        vcc = pd.VAT_CCS[i % len(pd.VAT_CCS)]
        if vcc == exclude:
            continue
        lst = FOREIGN_POOL[vcc]
        return lst[(i // len(pd.VAT_CCS)) % len(lst)]


def people(cc, k):
    pool = POOLS[cc]
    return R.sample(pool, k)


def build_pools():
    used = set()
    for cc in ORDER:
        cfg = LANGS[cc]
        for sub, words in cfg['natid_words'].items():
            for w in words:
                assert sub != 'us_ssn' or pd.CTX_RE['ssn'].search(w), w
        for w in cfg['phone_words']:
            assert pd.CTX_RE['phone'].search(w), (cc, w)
        for w in cfg['vat_words']:
            assert pd.CTX_RE['vat'].search(w), (cc, w)
        POOLS[cc] = [make_person(cc, cfg, used) for _ in range(60)]
        COMPANIES[cc] = [make_company(cc, cfg, used) for _ in range(8)]
    for vcc in pd.VAT_CCS:
        FOREIGN_POOL[vcc] = [make_foreign(vcc, k, used) for k in range(4)]
    # a few Russian-speaking customers for the international support inbox
    ru = []
    f = fk('ru_RU')
    for _ in range(6):
        p = Person()
        p.cc, p.region = 'ru', 'RU'
        p.female = R.random() < 0.5
        p.first, p.last = gen_name(f, p.female)
        p.name = p.first + ' ' + p.last
        p.email_forms = email_forms(email_local(p.first, p.last, 0), pick(['example.com', 'example.org', 'example.net']))
        while True:
            e164, _ = pd.gen_phone(R, 'RU', 'mobile')
            nat = filter_forms(pd.phone_national_forms('RU', e164), lambda x: 'Тел. ' + x, {('phone', e164)}, 'RU')
            intl = filter_forms(pd.phone_intl_forms('RU', e164), lambda x: x, {('phone', e164)}, 'RU')
            if nat and intl:
                p.phone, p.phone_nat, p.phone_intl = e164, nat, intl
                break
        p.card = gen_card_forms('RU')
        ru.append(p)
    POOLS['ru'] = ru


# --------------------------------------------------------------- CSV helper

def csv_line(fields, delim):
    """fields: list of str or part-lists -> Ln (quoted when needed)."""
    ln = Ln()
    for i, fv in enumerate(fields):
        if i:
            ln.add(T(delim))
        parts = fv if isinstance(fv, list) else [T(fv)]
        text = ''.join(p[1] for p in parts)
        if delim in text or '"' in text:
            ln.add(T('"'))
            for p in parts:
                ln.add((p[0], p[1].replace('"', '""')) + tuple(p[2:]))
            ln.add(T('"'))
        else:
            ln.add(parts)
    return ln


def delim_for(cc):
    return ',' if cc in ('gb', 'us', 'intl') else ';'


def json_str(parts):
    """Wrap parts as a JSON string value (parts contain no characters needing escapes)."""
    flat = []
    for p in parts:
        if isinstance(p, list):
            flat.extend(p)
        else:
            flat.append(p)
    parts = flat
    text = ''.join(p[1] for p in parts)
    assert json.dumps(text, ensure_ascii=False) == '"' + text + '"', text
    return [T('"')] + parts + [T('"')]


# --------------------------------------------------------------- file builders

def f_customers(cc, cfg, n, year):
    L = cfg['L']
    f = FileOut('%s/%s-%d.csv' % (cc, cfg['files']['customers'], year), cfg['region'])
    d = delim_for(cc)
    cols = [L['id'], L['name'], L['email'], L['phone'], L['city'], L['vat']] + ([L['iban']] if cfg['iban'] else []) + [L['date']]
    f.raw(d.join(cols))
    ctx_base = dict(cc=cc, cfg=cfg, region=cfg['region'])
    for k in range(n):
        def make(k=k):
            p = people(cc, 1)[0]
            ctx = Ctx(cc, cfg, cfg['region'], [p], pick(COMPANIES[cc]), next_foreign(cc), nat_ok=False)
            vat = ''
            r = R.random()
            if r < 0.25 and ctx.company.vat:
                vat = resolve(ctx, 'cvat_pre', 0)
            elif r < 0.4:
                vat = resolve(ctx, 'fvat', 0)
            row = [str(year * 100 + 10000 + k), [N(p.name)], resolve(ctx, 'email', 0),
                   phone_parts(ctx, p, 'intl'), p.city, vat]
            if cfg['iban']:
                row.append(resolve(ctx, 'iban', 0) if R.random() < 0.6 else '')
            row.append(date_text(cc, cfg['region']) if cc != 'se' else date_text(cc, cfg['region']))
            return csv_line(row, d)
        f.add(make)
    return f


def f_payments(cc, cfg):
    L = cfg['L']
    f = FileOut('%s/%s.csv' % (cc, cfg['files']['payments']), cfg['region'])
    d = delim_for(cc)
    cols = [L['date'], L['name']] + ([L['iban']] if cfg['iban'] else []) + [L['card'], L['amount'], L['status']]
    f.raw(d.join(cols))
    for k in range(R.randint(22, 30)):
        def make():
            p = people(cc, 1)[0]
            ctx = Ctx(cc, cfg, cfg['region'], [p], pick(COMPANIES[cc]))
            row = [date_text(cc, cfg['region']), [N(p.name)]]
            by_card = R.random() < 0.6
            if cfg['iban']:
                row.append(resolve(ctx, 'iban', 0) if not by_card else '')
            row += [resolve(ctx, 'card', 0) if by_card or not cfg['iban'] else '', price_text(cc, cfg['region']),
                    pick([L['paid'], L['paid'], L['pending'], L['refunded']])]
            return csv_line(row, d)
        f.add(make)
    if R.random() < 0.9:
        f.add(lambda: csv_line([date_text(cc, cfg['region']), 'TEST'] + (['', ] if cfg['iban'] else []) +
                               [decoy_part('d_wrong_card', cfg, cfg['region'], cc), price_text(cc, cfg['region']),
                                L['refunded']], d))
    return f


def f_hr(cc, cfg, k):
    t = cfg['titles']
    f = FileOut('%s/%s-%d.txt' % (cc, cfg['files']['hr'], k), cfg['region'])
    f.raw('%s — %s' % (t['hr'], pick(cfg['depts'])))
    f.raw('=' * 40)
    f.raw('')
    for _ in range(R.randint(3, 5)):
        ps = people(cc, 1)
        comp = pick(COMPANIES[cc])
        ctx = Ctx(cc, cfg, cfg['region'], ps, comp)
        f.add(lambda: render(ctx, pick(cfg['hr_intro'])))
        groups = [cfg['hr_contact'], cfg['hr_ids'], cfg['hr_misc']]
        for g in groups:
            for tpl in R.sample(g, R.randint(1, 2)):
                f.add(lambda tpl=tpl: render(ctx, tpl))
        f.raw('')
    return f


def f_payroll(cc, cfg):
    L, t = cfg['L'], cfg['titles']
    f = FileOut('%s/%s.txt' % (cc, cfg['files']['payroll']), cfg['region'])
    f.raw('%s — %02d/%d' % (t['payroll'], R.randint(1, 12), R.randint(2022, 2024)))
    f.raw('-' * 60)
    for p in people(cc, R.randint(24, 30) if cc == 'es' else R.randint(14, 20)):
        ctx = Ctx(cc, cfg, cfg['region'], [p], pick(COMPANIES[cc]))

        def make(ctx=ctx, p=p):
            ln = Ln(T(L['employee'] + ': '), N(p.name), T(' | '), resolve(ctx, 'natid', 0))
            if cfg['iban']:
                ln.add([T(' | IBAN: '), resolve(ctx, 'iban', 0)])
            ln.add(T(' | %s: %s' % (L['salary'], money(cc, R.randint(110000, 650000)))))
            return ln
        f.add(make)
    f.raw('-' * 60)
    f.add(lambda: Ln(T(L['notes'] + ': '), render(Ctx(cc, cfg, cfg['region'], people(cc, 1)), pick(cfg['hr_misc'][-1:]))))
    return f


def f_ticket(cc, cfg, k, ext):
    L, t = cfg['L'], cfg['titles']
    f = FileOut('%s/%s-%d.%s' % (cc, cfg['files']['ticket'], k, ext), cfg['region'])
    ps = people(cc, 2)
    ctx = Ctx(cc, cfg, cfg['region'], ps, pick(COMPANIES[cc]))
    h = '# ' if ext == 'md' else ''
    f.add(lambda: Ln(T(h + t['ticket'] + ' '), decoy_part('d_ticket', cfg, cfg['region'], cc)))
    f.raw('')
    b = '- ' if ext == 'md' else ''
    f.add(lambda: Ln(T(b + L['customer'] + ': '), N(ps[0].name)))
    f.add(lambda: Ln(T(b + L['email'] + ': '), resolve(ctx, 'email', 0)))
    f.add(lambda: Ln(T(b), phone_parts(ctx, ps[0], 'any')))
    if R.random() < 0.7:
        f.add(lambda: Ln(T(b), decoy_part('d_badphone', cfg, cfg['region'], cc), T(' (?)')))
    f.raw(b + L['subject'] + ': ' + pick(cfg['subjects']))
    f.add(lambda: Ln(T(b + L['date'] + ': '), decoy_part('d_date', cfg, cfg['region'], cc), T(' '),
                     decoy_part('d_time', cfg, cfg['region'], cc)))
    f.raw('')
    for tpl in R.sample(cfg['ticket_body'], R.randint(3, 5)):
        f.add(lambda tpl=tpl: render(ctx, tpl))
    f.raw('')
    f.raw('--')
    f.add(lambda: Ln(N(ps[1].name), T(', ' + pick(cfg['depts']))))
    return f


INVOICE_W = 44


def invoice_items(cc, cfg):
    rows = []
    total = 0
    for _ in range(R.randint(2, 5)):
        q = R.randint(1, 12)
        unit = R.randint(500, 90000)
        total += q * unit
        rows.append((pick(cfg['products']), q, unit))
    return rows, total


def money(cc, cents):
    units, c = divmod(cents, 100)
    if cc in ('gb', 'us'):
        return '%s%s.%02d' % ('£' if cc == 'gb' else '$', '{:,}'.format(units), c)
    if cc == 'se':
        return '%s,%02d kr' % ('{:,}'.format(units).replace(',', ' '), c)
    return '%s,%02d €' % ('{:,}'.format(units).replace(',', '.'), c)


def f_invoice_txt(cc, cfg, k):
    L, t = cfg['L'], cfg['titles']
    f = FileOut('%s/%s-%d.txt' % (cc, cfg['files']['invoice'], k), cfg['region'])
    comp = pick(COMPANIES[cc])
    ps = people(cc, 1)
    fo = next_foreign(cc)
    ctx = Ctx(cc, cfg, cfg['region'], ps, comp, fo)
    f.add(lambda: Ln(T(t['invoice'] + ' '), decoy_part('d_invoice', cfg, cfg['region'], cc)))
    f.add(lambda: Ln(T(L['date'] + ': '), decoy_part('d_date', cfg, cfg['region'], cc), T('   ' + L['due'] + ': '),
                     decoy_part('d_date', cfg, cfg['region'], cc)))
    f.raw('')
    f.raw('%s: %s' % (L['supplier'], comp.name))
    if comp.vat:
        f.add(lambda: Ln(resolve(ctx, 'cvat', 0)))
    f.raw(comp.address)
    f.add(lambda: Ln(resolve(ctx, 'cphone', 0)))
    f.add(lambda: Ln(resolve(ctx, 'cemail', 0)))
    f.raw('')
    b2b = R.random() < 0.5
    if b2b:
        f.raw('%s: %s' % (L['customer'], fo.name))
        f.add(lambda: Ln(T(L['vat'] + ': '), resolve(ctx, 'fvat', 0)))
        f.add(lambda: Ln(T('Attn: '), resolve(ctx, 'fname', 0), T(' <'), resolve(ctx, 'femail', 0), T('>')))
    else:
        f.add(lambda: Ln(T(L['customer'] + ': '), N(ps[0].name)))
        f.add(lambda: Ln(resolve(ctx, 'natid', 0)))
        f.raw(ps[0].address)
    f.raw('')
    rows, total = invoice_items(cc, cfg)
    f.raw('%-24s %6s %14s %14s' % (L['description'], L['qty'], L['price'], L['total']))
    for name, q, unit in rows:
        f.raw('%-24s %6d %14s %14s' % (name, q, money(cc, unit), money(cc, q * unit)))
    f.raw('')
    f.raw('%s: %s' % (L['total'], money(cc, total)))
    if comp.iban and R.random() < 0.6:
        f.add(lambda: Ln(T(L['payment'] + ': IBAN '), resolve(ctx, 'ciban', 0)))
    else:
        f.add(lambda: Ln(T(L['payment'] + ': ' + pick(cfg['card_words']) + ' '), resolve(ctx, 'card', 0)))
    if R.random() < 0.5:
        f.add(lambda: Ln(T('(' + L['notes'] + ': '), decoy_part('d_wrong_vat', cfg, cfg['region'], cc if cc != 'us' else 'gb'),
                         T(')')))
    if cfg['iban'] and R.random() < 0.5:
        f.add(lambda: Ln(T('(' + L['notes'] + ': '), decoy_part('d_wrong_iban', cfg, cfg['region'], cc), T(')')))
    return f


def html_head(cfg, title):
    lang_code = cfg['locale'][:2]
    return ['<!DOCTYPE html>', '<html lang="%s">' % lang_code, '<head>', '<meta charset="utf-8">',
            '<title>%s</title>' % title, '</head>', '<body>']


def f_invoice_html(cc, cfg, k):
    L, t = cfg['L'], cfg['titles']
    f = FileOut('%s/%s-%d.html' % (cc, cfg['files']['invoice'], k), cfg['region'])
    comp = pick(COMPANIES[cc])
    ps = people(cc, 1)
    fo = next_foreign(cc)
    ctx = Ctx(cc, cfg, cfg['region'], ps, comp, fo)
    for h in html_head(cfg, '%s — %s' % (L['invoice'], comp.name)):
        f.raw(h)
    f.add(lambda: Ln(T('<h1>%s ' % t['invoice']), decoy_part('d_invoice', cfg, cfg['region'], cc), T('</h1>')))
    f.add(lambda: Ln(T('<p>%s: ' % L['date']), decoy_part('d_date', cfg, cfg['region'], cc), T('</p>')))
    f.raw('<div class="seller">')
    f.raw('<p><strong>%s</strong><br>%s</p>' % (comp.name, comp.address))
    if comp.vat:
        f.add(lambda: Ln(T('<p>'), resolve(ctx, 'cvat', 0), T('</p>')))
    f.add(lambda: Ln(T('<p>'), resolve(ctx, 'cphone', 0), T(' &middot; <a href="mailto:'), resolve(ctx, 'cemail', 0),
                     T('">%s</a></p>' % L['email'])))
    f.raw('</div>')
    f.raw('<div class="buyer">')
    f.add(lambda: Ln(T('<p>%s: <strong>' % L['customer']), N(ps[0].name), T('</strong></p>')))
    f.add(lambda: Ln(T('<p>'), resolve(ctx, 'email', 0), T('</p>')))
    f.add(lambda: Ln(T('<p>'), resolve(ctx, 'natid', 0), T('</p>')))
    f.raw('</div>')
    f.raw('<table>')
    f.raw('<tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr>' % (L['description'], L['qty'], L['price'], L['total']))
    rows, total = invoice_items(cc, cfg)
    for name, q, unit in rows:
        f.raw('<tr><td>%s</td><td>%d</td><td>%s</td><td>%s</td></tr>' % (name, q, money(cc, unit), money(cc, q * unit)))
    f.raw('<tr><td colspan="3">%s</td><td>%s</td></tr>' % (L['total'], money(cc, total)))
    f.raw('</table>')
    if comp.iban:
        f.add(lambda: Ln(T('<p>%s: IBAN <code>' % L['payment']), resolve(ctx, 'ciban', 0), T('</code></p>')))
    f.add(lambda: Ln(T('<p>%s: ' % L['notes']), resolve(ctx, 'fcompany', 0), T(', '), resolve(ctx, 'fvat', 0), T('</p>')))
    f.raw('</body>')
    f.raw('</html>')
    return f


MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
UAS = ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.6261.94 Safari/537.36',
       'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.3.1 Safari/605.1.15',
       'Mozilla/5.0 (X11; Linux x86_64; rv:123.0) Gecko/20100101 Firefox/123.0',
       'Mozilla/5.0 (iPhone; CPU iPhone OS 17_3_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.3 Mobile/15E148 Safari/604.1',
       'curl/8.5.0', 'Mozilla/5.0 (compatible; ExampleBot/2.1; +https://www.example.com/bot.html)']
PATHS = ['/', '/index.html', '/login', '/account/profile', '/api/v1/orders?page=2', '/static/app.3f9a1c.js',
         '/img/logo.png', '/robots.txt', '/checkout', '/search?q=chair', '/api/v1/cart', '/favicon.ico',
         '/products/ergonomic-chair', '/blog/2024/spring-sale', '/contact']


def f_access_log(cc, cfg, k, region=None, v6share=0.3, site=None):
    region = region or cfg['region']
    name = 'access-%d.log' % k
    f = FileOut('%s/%s' % (cc, name), region)
    t = datetime.datetime(2024, R.randint(1, 12), R.randint(1, 28), R.randint(0, 5), 0, 0)
    pool = POOLS[cc] if cc in POOLS else POOLS[pick(ORDER)]
    site = site or ('www.' + (cfg['domains'][0] if cfg else 'example.com'))
    for _ in range(R.randint(150, 260)):
        t += datetime.timedelta(seconds=R.randint(0, 40))
        ts = '%02d/%s/%d:%02d:%02d:%02d +0000' % (t.day, MONTHS[t.month - 1], t.year, t.hour, t.minute, t.second)

        def make(ts=ts):
            p = pick(pool)
            if R.random() < v6share:
                v, fs = p.ip6
                client = I('ipv6', v, pick(fs))
            else:
                v = pd.gen_ipv4(R, 0.25)
                client = I('ipv4', v, v)
            user = email_part(p.email_forms) if R.random() < 0.06 else T('-')
            ref = '-' if R.random() < 0.5 else 'https://%s%s' % (site, pick(PATHS))
            return Ln(client, T(' - '), user, T(' [%s] "%s %s HTTP/1.1" %d %d "%s" "%s"' % (
                ts, pick(['GET', 'GET', 'GET', 'POST']), pick(PATHS), pick([200, 200, 200, 301, 304, 404, 500]),
                R.randint(200, 60000), ref, pick(UAS))))
        f.add(make)
    return f


APP_MSGS = [
    ('[auth] login succeeded user={email} src={ip4}', 3),
    ('[auth] login failed user={email} src={ip6} reason=bad_password', 2),
    ('[mdm] device enrolled owner={email} mac={mac} {imei_kv}', 1),
    ('[billing] charge ok card={card} amount={d_price}', 1),
    ('[http] request_id={d_uuid} GET /api/v1/orders 200 12ms', 2),
    ('[deploy] build {d_build} ({d_hash}) rolled out', 1),
    ('[net] listening on port {d_port}', 1),
    ('[support] callback requested by {name} at {phone_intl}', 1),
    ('[mail] bounce for {email}: 550 mailbox unavailable', 1),
    ('[dhcp] lease {ip4} to {mac}', 1),
    ('[cache] warmed 1532 keys in 87 ms', 3),
    ('[jvm] GC pause 12 ms', 3),
    ('[db] connection pool size=20 active=3 idle=17', 3),
    ('[scheduler] job nightly-export finished in 4.2 s', 2),
    ('[http] GET /healthz 200 1ms', 4),
    ('[config] loaded app version {d_version}', 1),
    ('[mail] rejected recipient {d_bademail}', 1),
    ('[net] ignoring malformed address {d_badip}', 1),
]


def f_app_log(cc, cfg, k, region=None):
    region = region or cfg['region']
    f = FileOut('%s/app-%d.log' % (cc, k), region)
    t = datetime.datetime(2024, R.randint(1, 12), R.randint(1, 28), R.randint(6, 9), 0, 0)
    msgs = [m for m, w in APP_MSGS for _ in range(w)]
    pool = POOLS[cc] if cc in POOLS else POOLS['gb']
    for _ in range(R.randint(110, 180)):
        t += datetime.timedelta(seconds=R.randint(0, 90), milliseconds=R.randint(0, 999))

        def make(t=t):
            tpl = pick(msgs)
            lvl = 'WARN ' if 'failed' in tpl or 'bounce' in tpl or 'rejected' in tpl or 'malformed' in tpl else 'INFO '
            ctx = Ctx(cc, cfg, region, [pick(pool)], None, nat_ok=False)
            return Ln(T('%s,%03d %s ' % (t.strftime('%Y-%m-%d %H:%M:%S'), t.microsecond // 1000, lvl)), render(ctx, tpl))
        f.add(make)
    return f


def f_contact(cc, cfg, k):
    L = cfg['L']
    f = FileOut('%s/%s-%d.html' % (cc, cfg['files']['contact'], k), cfg['region'])
    comp = COMPANIES[cc][k % len(COMPANIES[cc])]
    ps = people(cc, R.randint(4, 7))
    ctx = Ctx(cc, cfg, cfg['region'], ps, comp)
    for h in html_head(cfg, '%s — %s' % (L['contact_us'], comp.name)):
        f.raw(h)
    f.raw('<h1>%s</h1>' % L['contact_us'])
    f.raw('<p>%s<br>%s</p>' % (comp.name, comp.address))
    f.add(lambda: Ln(T('<p>'), resolve(ctx, 'cphone', 0), T(' &middot; <a href="mailto:'), resolve(ctx, 'cemail', 0),
                     T('">%s</a></p>' % L['email'])))
    f.raw('<h2>%s</h2>' % L['team'])
    f.raw('<ul>')
    for i, p in enumerate(ps):
        f.add(lambda i=i: Ln(T('<li><strong>'), N(ps[i].name), T('</strong>, %s &mdash; <a href="mailto:' % ps[i].job),
                             email_part(ps[i].email_forms), T('">%s</a> &mdash; ' % L['email']),
                             phone_parts(ctx, ps[i], 'any'), T('</li>')))
    f.raw('</ul>')
    if comp.vat:
        f.add(lambda: Ln(T('<footer>%s &middot; ' % comp.name), resolve(ctx, 'cvat', 0),
                         T(' &middot; %s: %s</footer>' % (L['hq'], comp.city))))
    f.raw('</body>')
    f.raw('</html>')
    return f


def f_meeting(cc, cfg, k):
    t = cfg['titles']
    f = FileOut('%s/%s-%d.md' % (cc, cfg['files']['meeting'], k), cfg['region'])
    ps = people(cc, 4)
    ctx = Ctx(cc, cfg, cfg['region'], ps, pick(COMPANIES[cc]), next_foreign(cc))
    f.add(lambda: Ln(T('# %s — ' % t['meeting']), decoy_part('d_date', cfg, cfg['region'], cc)))
    f.raw('')
    f.add(lambda: Ln(T('**%s:** ' % t['present']), N(ps[0].name), T(', '), N(ps[1].name), T(', '), N(ps[2].name),
                     T(', '), N(ps[3].name)))
    f.raw('')
    f.raw('## ' + t['points'])
    f.raw('')
    for tpl in R.sample(cfg['meeting_items'], R.randint(4, 6)):
        f.add(lambda tpl=tpl: Ln(T('- '), render(ctx, tpl)))
    f.raw('')
    f.raw('## ' + t['actions'])
    f.raw('')
    for tpl in cfg['meeting_actions']:
        f.add(lambda tpl=tpl: Ln(T('- '), render(ctx, tpl)))
    return f


JSON_NATKEY = {'pt_nif': 'nif', 'es_dni': 'dni', 'es_nie': 'nie', 'se_personnummer': 'personnummer',
               'de_steuer-id': 'steuer-id', 'de_steuer_id': 'steuer-id', 'fr_nir': 'nir',
               'it_codice_fiscale': 'codice_fiscale', 'nl_bsn': 'bsn', 'uk_nino': 'nino', 'us_ssn': 'ssn'}
JSON_PHONEKEY = {'pt': 'telefone', 'es': 'teléfono', 'se': 'telefon', 'de': 'telefon', 'fr': 'téléphone',
                 'it': 'telefono', 'nl': 'telefoon', 'gb': 'phone', 'us': 'phone'}


def f_api(cc, cfg, k):
    f = FileOut('%s/%s-%d.json' % (cc, cfg['files']['api'], k), cfg['region'])
    f.raw('{')
    f.raw('  "generated_at": "2024-%02d-%02dT%02d:00:00Z",' % (R.randint(1, 12), R.randint(1, 28), R.randint(0, 23)))
    ps = people(cc, R.randint(6, 10))
    f.raw('  "count": %d,' % len(ps))
    f.raw('  "users": [')
    for i, p in enumerate(ps):
        ctx = Ctx(cc, cfg, cfg['region'], [p], pick(COMPANIES[cc]))
        f.raw('    {')
        f.raw('      "id": %d,' % (1000 + k * 100 + i))
        f.add(lambda: Ln(T('      "name": '), json_str([N(p.name)]), T(',')))
        f.add(lambda: Ln(T('      "email": '), json_str([resolve(ctx, 'email', 0)]), T(',')))
        if R.random() < 0.5:
            f.add(lambda: Ln(T('      "phone": '), json_str(phone_parts(ctx, p, 'intl')), T(',')))
        else:
            f.add(lambda: Ln(T('      "%s": ' % JSON_PHONEKEY[cc]), json_str([I('phone', p.phone, pick(p.phone_nat))]), T(',')))
        sub, val, forms = p.natid
        f.add(lambda: Ln(T('      "%s": ' % JSON_NATKEY[sub]), json_str([I('national_id.' + sub, val, pick(forms))]), T(',')))
        if p.iban:
            f.add(lambda: Ln(T('      "iban": '), json_str([resolve(ctx, 'iban', 0)]), T(',')))
        f.add(lambda: Ln(T('      "last_login_ip": '), json_str(resolve(ctx, 'ip4' if R.random() < 0.6 else 'ip6', 0)), T(',')))
        f.add(lambda: Ln(T('      "devices": [{"mac": '), json_str(resolve(ctx, 'mac', 0)), T(', "imei": '),
                         json_str([I('imei', p.imei[0], pick(p.imei[1]))]), T('}]')))
        f.raw('    }' + (',' if i < len(ps) - 1 else ''))
    f.raw('  ]')
    f.raw('}')
    return f


def f_orders(cc, cfg):
    L = cfg['L']
    f = FileOut('%s/%s.csv' % (cc, cfg['files']['orders']), cfg['region'])
    d = delim_for(cc)
    f.raw(d.join([L['order'], L['date'], L['email'], L['product'], L['amount'], L['tracking'], 'IP']))
    for _ in range(R.randint(25, 35)):
        def make():
            p = people(cc, 1)[0]
            ctx = Ctx(cc, cfg, cfg['region'], [p], None)
            return csv_line([decoy_part('d_order', cfg, cfg['region'], cc), date_text(cc, cfg['region']),
                             resolve(ctx, 'email', 0), pick(cfg['products']), decoy_part('d_price', cfg, cfg['region'], cc),
                             decoy_part('d_tracking', cfg, cfg['region'], cc), resolve(ctx, 'ip4', 0)], d)
        f.add(make)
    return f


def f_devices(cc, cfg):
    L = cfg['L']
    f = FileOut('%s/%s.csv' % (cc, cfg['files']['devices']), cfg['region'])
    d = delim_for(cc)
    f.raw(d.join([L['hostname'], L['owner'], L['email'], 'MAC', 'IPv4', 'IPv6', L['notes']]))
    for i, p in enumerate(people(cc, R.randint(18, 26))):
        def make(i=i, p=p):
            ctx = Ctx(cc, cfg, cfg['region'], [p], None)
            kind = pick(['lpt', 'lpt', 'phone', 'ws'])
            notes = resolve(ctx, 'imei', 0) if kind == 'phone' else ''
            v6 = resolve(ctx, 'ip6', 0) if R.random() < 0.5 else ''
            return csv_line(['%s-%s-%03d' % (cc, kind, i + 1), [N(p.name)], resolve(ctx, 'email', 0),
                             resolve(ctx, 'mac', 0), resolve(ctx, 'ip4', 0), v6, notes], d)
        f.add(make)
    return f


def f_mail(cc, cfg, k):
    L = cfg['L']
    f = FileOut('%s/%s-%d.txt' % (cc, cfg['files']['mail'], k), cfg['region'])
    for m in range(R.randint(3, 4)):
        ps = people(cc, 2)
        comp = pick(COMPANIES[cc])
        ctx = Ctx(cc, cfg, cfg['region'], ps, comp)
        f.add(lambda: Ln(T('From: '), N(ps[0].name), T(' <'), email_part(ps[0].email_forms), T('>')))
        f.add(lambda: Ln(T('To: '), N(ps[1].name), T(' <'), email_part(ps[1].email_forms), T('>')))
        dt = datetime.datetime(2024, R.randint(1, 12), R.randint(1, 28), R.randint(7, 19), R.randint(0, 59))
        f.raw('Date: %s, %02d %s %d %02d:%02d:00 +0100' % (['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'][dt.weekday()],
                                                          dt.day, MONTHS[dt.month - 1], dt.year, dt.hour, dt.minute))
        f.raw('Subject: ' + pick(cfg['subjects']))
        f.raw('')
        f.add(lambda: Ln(T(cfg['greeting'] + ' '), N(ps[1].first), T(',')))
        f.raw('')
        for tpl in R.sample(cfg['mail_body'], R.randint(2, 3)):
            f.add(lambda tpl=tpl: render(ctx, tpl))
        f.raw('')
        f.raw(cfg['closing'])
        f.add(lambda: Ln(N(ps[0].name)))
        f.raw('%s · %s' % (ps[0].job, comp.name))
        f.add(lambda: Ln(phone_parts(ctx, ps[0], 'any')))
        if comp.vat:
            f.add(lambda: Ln(resolve(ctx, 'cvat', 0)))
        f.raw('')
    return f


def f_incident(cc, cfg):
    t = cfg['titles']
    f = FileOut('%s/%s.md' % (cc, cfg['files']['incident']), cfg['region'])
    ps = people(cc, 2)
    ctx = Ctx(cc, cfg, cfg['region'], ps, None)
    f.raw('# ' + t['incident'])
    f.raw('')
    f.raw('## ' + t['summary'])
    f.raw('')
    for tpl in cfg['incident']:
        f.add(lambda tpl=tpl: render(ctx, tpl))
    f.raw('')
    f.raw('## ' + t['timeline'])
    f.raw('')
    for _ in range(R.randint(4, 7)):
        def make():
            c2 = Ctx(cc, cfg, cfg['region'], people(cc, 1), None)
            return Ln(T('- '), decoy_part('d_date', cfg, cfg['region'], cc), T(' '), decoy_part('d_time', cfg, cfg['region'], cc),
                      T(' — '), render(c2, pick(['{ip4} → {ip6}', 'MAC {mac}', '{email}', '{ip4} ({d_coord})'])))
        f.add(make)
    return f


def f_changelog(cc, cfg):
    t = cfg['titles']
    f = FileOut('%s/%s.md' % (cc, cfg['files']['changelog']), cfg['region'])
    f.raw('# ' + t['changelog'])
    f.raw('')
    p = people(cc, 1)
    ctx = Ctx(cc, cfg, cfg['region'], p, None)
    f.add(lambda: Ln(T('Maintainer: '), N(p[0].name), T(' <'), email_part(p[0].email_forms), T('>')))
    f.raw('')
    for _ in range(R.randint(4, 6)):
        f.add(lambda: Ln(T('## '), decoy_part('d_version', cfg, cfg['region'], cc), T(' ('),
                         decoy_part('d_date', cfg, cfg['region'], cc), T(')')))
        f.raw('')
        for _ in range(R.randint(2, 4)):
            f.add(lambda: render(ctx, pick(['- Commit {d_hash}: fix timeout on port {d_port}.',
                                            '- Build {d_build}, {d_pct} test coverage.',
                                            '- Request {d_uuid} no longer retried.',
                                            '- Docs: ISBN {d_isbn} added to the bibliography.',
                                            '- Ignore malformed client address {d_badip}.',
                                            '- Reject test address {d_bademail}.'])))
        f.raw('')
    return f


def f_suppliers(cc, cfg):
    L = cfg['L']
    f = FileOut('%s/%s.csv' % (cc, cfg['files']['suppliers']), cfg['region'])
    d = delim_for(cc)
    f.raw(d.join([L['supplier'], L['vat'], L['iban'], L['name'], L['email'], L['phone']]))
    for _ in range(20):
        def make():
            fo = next_foreign(cc)
            ctx = Ctx(cc, cfg, cfg['region'], [], None, fo)
            ib = [I('iban', fo.iban[0], pick(fo.iban[1]))] if fo.iban else ''
            return csv_line([fo.name, resolve(ctx, 'fvat', 0), ib, [N(fo.contact)], resolve(ctx, 'femail', 0),
                             resolve(ctx, 'fphone', 0)], d)
        f.add(make)
    return f


def build_country(cc):
    cfg = LANGS[cc]
    f_customers(cc, cfg, R.randint(30, 40), 2023)
    f_customers(cc, cfg, R.randint(30, 40), 2024)
    f_payments(cc, cfg)
    for k in (1, 2, 3):
        f_hr(cc, cfg, k)
    f_payroll(cc, cfg)
    for k, ext in ((1, 'txt'), (2, 'txt'), (3, 'md')):
        f_ticket(cc, cfg, k, ext)
    for k in (1, 2, 3):
        f_invoice_txt(cc, cfg, k)
    for k in (4, 5):
        f_invoice_html(cc, cfg, k)
    for k in (1, 2):
        f_access_log(cc, cfg, k)
    for k in (1, 2):
        f_app_log(cc, cfg, k)
    for k in (1, 2):
        f_contact(cc, cfg, k)
    for k in (1, 2):
        f_meeting(cc, cfg, k)
    for k in (1, 2):
        f_api(cc, cfg, k)
    f_orders(cc, cfg)
    f_devices(cc, cfg)
    for k in (1, 2):
        f_mail(cc, cfg, k)
    f_incident(cc, cfg)
    f_changelog(cc, cfg)
    f_suppliers(cc, cfg)


# --------------------------------------------------------------- international files

INTL_REGION = 'RU'  # national-format phones in demo/intl are Russian ones only


def intl_ctx(cc, company=True):
    cfg = LANGS[cc]
    return Ctx(cc, cfg, INTL_REGION, people(cc, 3), pick(COMPANIES[cc]) if company else None, next_foreign(cc),
               nat_ok=False)


def i_suppliers(k):
    f = FileOut('intl/eu-suppliers-%d.csv' % k, INTL_REGION)
    f.raw('supplier,country,vat_id,iban,contact,email,phone,notes')
    notes = ['Zahlungsziel 30 Tage', 'pago a 60 días', 'paiement à réception', 'pagamento a 30 giorni',
             'betaling binnen 14 dagen', 'net 30', 'betalning 30 dagar netto', 'pagamento a pronto']
    for _ in range(60):
        def make():
            fo = next_foreign()
            ctx = Ctx('intl', None, INTL_REGION, [], None, fo, nat_ok=False)
            ib = [I('iban', fo.iban[0], pick(fo.iban[1]))] if fo.iban else ''
            return csv_line([fo.name, fo.cc.upper(), resolve(ctx, 'fvat', 0), ib, [N(fo.contact)],
                             resolve(ctx, 'femail', 0), resolve(ctx, 'fphone', 0), pick(notes)], ',')
        f.add(make)


def i_vies(k):
    f = FileOut('intl/vies-check-%d.log' % k, INTL_REGION)
    t = datetime.datetime(2024, R.randint(1, 12), R.randint(1, 28), 8, 0, 0)
    for _ in range(200):
        t += datetime.timedelta(seconds=R.randint(1, 300))

        def make(t=t):
            head = T('%sZ INFO vies.check ' % t.strftime('%Y-%m-%dT%H:%M:%S'))
            if R.random() < 0.12:
                vcc = pick(pd.VAT_CCS)
                parts = wrong_vat(None, INTL_REGION, vcc)
                return Ln(head, T('country=%s number=' % vcc.upper()), parts[1], T(' result=invalid'))
            fo = next_foreign()
            vcc, canon, pre, _ = fo.vat
            return Ln(head, T('country=%s number=' % vcc.upper()), I('vat_id.' + vcc, canon, pick(pre)),
                      T(' result=valid name="%s"' % fo.name))
        f.add(make)


def i_attendees(k):
    f = FileOut('intl/attendees-%d.json' % k, INTL_REGION)
    f.raw('{')
    f.raw('  "event": "Example Privacy Summit %d",' % (2023 + k))
    f.raw('  "attendees": [')
    ccs = list(ORDER)
    n = 14
    for i in range(n):
        cc = ccs[i % len(ccs)]
        ctx = intl_ctx(cc)
        p = ctx.people[0]
        f.raw('    {')
        f.add(lambda: Ln(T('      "name": '), json_str([N(p.name)]), T(',')))
        f.add(lambda: Ln(T('      "email": '), json_str([resolve(ctx, 'email', 0)]), T(',')))
        f.add(lambda: Ln(T('      "phone": '), json_str(phone_parts(ctx, p, 'intl')), T(',')))
        f.raw('      "company": %s,' % json.dumps(ctx.company.name, ensure_ascii=False))
        if ctx.company.vat:
            f.add(lambda: Ln(T('      "vat_id": '), json_str(resolve(ctx, 'cvat_pre', 0)), T(',')))
        f.raw('      "country": "%s"' % cc.upper())
        f.raw('    }' + (',' if i < n - 1 else ''))
    f.raw('  ]')
    f.raw('}')


BOOK = {
    'pt': ('Reserva', 'Hóspede', 'Pagamento com cartão', 'Chegada'),
    'es': ('Reserva', 'Huésped', 'Pago con tarjeta', 'Llegada'),
    'de': ('Buchung', 'Gast', 'Zahlung mit Karte', 'Anreise'),
    'fr': ('Réservation', 'Client', 'Paiement par carte', 'Arrivée'),
    'it': ('Prenotazione', 'Ospite', 'Pagamento con carta', 'Arrivo'),
    'nl': ('Boeking', 'Gast', 'Betaling met kaart', 'Aankomst'),
    'se': ('Bokning', 'Gäst', 'Betalning med kort', 'Ankomst'),
    'gb': ('Booking', 'Guest', 'Paid by card', 'Arrival'),
    'us': ('Reservation', 'Guest', 'Paid by card', 'Check-in'),
}


def i_bookings(k):
    f = FileOut('intl/bookings-%d.txt' % k, INTL_REGION)
    for _ in range(12):
        cc = pick(ORDER)
        cfg = LANGS[cc]
        ctx = intl_ctx(cc)
        w = BOOK[cc]
        f.add(lambda: Ln(T('%s ' % w[0]), decoy_part('d_order', cfg, INTL_REGION, cc), T(' — Hotel Example Lisboa')))
        f.add(lambda: Ln(T('%s: ' % w[1]), N(ctx.people[0].name), T(' <'), resolve(ctx, 'email', 0), T('>')))
        f.add(lambda: Ln(T('Tel. '), phone_parts(ctx, ctx.people[0], 'intl')))
        f.add(lambda: Ln(T('%s: ' % w[2]), resolve(ctx, 'card', 0)))
        f.add(lambda: Ln(T('%s: ' % w[3]), decoy_part('d_date', cfg, INTL_REGION, cc), T(', '),
                         decoy_part('d_price', cfg, INTL_REGION, cc)))
        if R.random() < 0.5:
            f.add(lambda: Ln(resolve(ctx, 'natid', 0)))
        f.raw('')


def i_partners(k):
    f = FileOut('intl/partners-%d.html' % k, INTL_REGION)
    for h in ['<!DOCTYPE html>', '<html lang="en">', '<head>', '<meta charset="utf-8">',
              '<title>Partner directory</title>', '</head>', '<body>', '<h1>Partner directory</h1>', '<table>',
              '<tr><th>Partner</th><th>VAT</th><th>Contact</th><th>Phone</th></tr>']:
        f.raw(h)
    for _ in range(25):
        def make():
            fo = next_foreign()
            ctx = Ctx('intl', None, INTL_REGION, [], None, fo, nat_ok=False)
            return Ln(T('<tr><td>%s</td><td>' % fo.name), resolve(ctx, 'fvat', 0), T('</td><td>'), N(fo.contact),
                      T(' (<a href="mailto:'), resolve(ctx, 'femail', 0), T('">e-mail</a>)</td><td>'),
                      resolve(ctx, 'fphone', 0), T('</td></tr>'))
        f.add(make)
    for h in ['</table>', '</body>', '</html>']:
        f.raw(h)


RU_MSGS = ['Здравствуйте! Меня зовут {name}, мой телефон: {phone_ru}, почта {email}.',
           'Прошу перезвонить мне по номеру {phone_ru} — {first}.',
           'Оплата картой {card} не прошла, пожалуйста, проверьте. Тел. {phone_ru}']


def i_inbox(k):
    f = FileOut('intl/support-inbox-%d.txt' % k, INTL_REGION)
    for m in range(9):
        if m % 2 == 0:
            p = pick(POOLS['ru'])
            f.add(lambda: Ln(T('From: '), N(p.name), T(' <'), email_part(p.email_forms), T('>')))
            f.raw('Subject: Вопрос по заказу')
            f.raw('')
            for tpl in R.sample(RU_MSGS, 2):
                def make(tpl=tpl):
                    ln = Ln()
                    pos = 0
                    for mm in PLACE_RE.finditer(tpl):
                        ln.add(T(tpl[pos:mm.start()]))
                        key = mm.group(1)
                        if key == 'phone_ru':
                            ln.add(I('phone', p.phone, pick(p.phone_nat * 3 + p.phone_intl)))
                        elif key == 'name':
                            ln.add(N(p.name))
                        elif key == 'first':
                            ln.add(N(p.first))
                        elif key == 'email':
                            ln.add(email_part(p.email_forms))
                        elif key == 'card':
                            ln.add(I('payment_card', p.card[0], pick(p.card[1])))
                        pos = mm.end()
                    ln.add(T(tpl[pos:]))
                    return ln
                f.add(make)
        else:
            cc = pick(ORDER)
            cfg = LANGS[cc]
            ctx = intl_ctx(cc)
            p = ctx.people[0]
            f.add(lambda: Ln(T('From: '), N(p.name), T(' <'), email_part(p.email_forms), T('>')))
            f.raw('Subject: ' + pick(cfg['subjects']))
            f.raw('')
            f.add(lambda: Ln(T(cfg['greeting'] + ','), ))
            for tpl in R.sample([x for x in cfg['ticket_body'] if 'phone_nat' not in x], 2):
                f.add(lambda tpl=tpl: render(ctx, tpl))
            f.add(lambda: Ln(T(cfg['closing'] + ' '), N(p.first), T(' — '), phone_parts(ctx, p, 'intl')))
        f.raw('')


def i_transfers(k):
    f = FileOut('intl/sepa-transfers-%d.csv' % k, INTL_REGION)
    f.raw('date,debtor,debtor_iban,creditor,creditor_iban,amount,remittance')
    for _ in range(40):
        def make():
            cc = pick([c for c in ORDER if LANGS[c]['iban']])
            p = people(cc, 1)[0]
            fo = next_foreign()
            while not fo.iban:
                fo = next_foreign()
            return csv_line([date_text('se', INTL_REGION), [N(p.name)], [I('iban', p.iban[0], pick(p.iban[1]))],
                             fo.name, [I('iban', fo.iban[0], pick(fo.iban[1]))],
                             '%d.%02d EUR' % (R.randint(10, 9999), R.randint(0, 99)),
                             decoy_part('d_invoice', None, INTL_REGION, 'gb')], ',')
        f.add(make)


def i_notes(k):
    f = FileOut('intl/notes-%d.md' % k, INTL_REGION)
    f.raw('# Cross-border project notes / notas / Notizen')
    f.raw('')
    for cc in R.sample(ORDER, 5):
        cfg = LANGS[cc]
        ctx = intl_ctx(cc)
        f.raw('## %s (%s)' % (ctx.company.name, cc.upper()))
        f.raw('')
        f.add(lambda: Ln(T('- Contact: '), N(ctx.people[0].name), T(', '), resolve(ctx, 'email', 0), T(', '),
                         phone_parts(ctx, ctx.people[0], 'intl')))
        if ctx.company.vat:
            f.add(lambda: Ln(T('- VAT / %s: ' % cfg['L']['vat']), resolve(ctx, 'cvat_pre', 0)))
        if ctx.company.iban:
            f.add(lambda: Ln(T('- IBAN: '), resolve(ctx, 'ciban', 0)))
        tpl = pick([x for x in cfg['meeting_items'] if 'phone_nat' not in x])
        f.add(lambda: Ln(T('- '), render(ctx, tpl)))
        f.add(lambda: Ln(T('- ID: '), resolve(ctx, 'natid', 0)))
        f.raw('')


def i_network(k):
    f = FileOut('intl/network-scan-%d.txt' % k, INTL_REGION)
    f.raw('# host discovery on the office LAN (documentation ranges)')
    f.raw('%-18s %-20s %-40s %s' % ('ipv4', 'mac', 'ipv6', 'hostname'))
    for i in range(60):
        def make(i=i):
            p = pick(POOLS[pick(ORDER)])
            v4 = pd.gen_ipv4(R, 0.5)
            mac = pd.gen_mac(R)
            mw = pick(pd.mac_forms(mac))
            v6, f6 = p.ip6
            w6 = pick(f6)
            return Ln(I('ipv4', v4, v4), T(' ' * (19 - len(v4))), I('mac_address', mac, mw), T(' ' * (21 - len(mw))),
                      I('ipv6', v6, w6), T(' ' * max(1, 41 - len(w6))), T('host-%03d.lan' % (i + 1)))
        f.add(make)


def i_reference_numbers():
    """A decoy-only file: nothing here is personal data."""
    f = FileOut('intl/reference-numbers.txt', INTL_REGION)
    f.raw('Reference numbers that are NOT personal data (expected findings: none)')
    f.raw('')
    for cc in ORDER:
        cfg = LANGS[cc]
        f.raw('[%s]' % cc.upper())
        for key in ['d_wrong_natid', 'd_wrong_natid', 'd_wrong_vat', 'd_wrong_iban', 'd_wrong_imei']:
            if key == 'd_wrong_iban' and not cfg['iban']:
                continue
            f.add(lambda key=key: Ln(T('- '), decoy_part(key, cfg, INTL_REGION, cc if key != 'd_wrong_vat' or cc != 'us' else 'gb')))
        f.add(lambda: Ln(T('- card '), decoy_part('d_wrong_card', cfg, INTL_REGION, cc)))
        f.add(lambda: Ln(T('- ISBN '), decoy_part('d_isbn', cfg, INTL_REGION, cc), T(', order '),
                         decoy_part('d_order', cfg, INTL_REGION, cc), T(', invoice '), decoy_part('d_invoice', cfg, INTL_REGION, cc)))
        f.add(lambda: Ln(T('- version '), decoy_part('d_version', cfg, INTL_REGION, cc), T(', build '),
                         decoy_part('d_build', cfg, INTL_REGION, cc), T(', commit '), decoy_part('d_hash', cfg, INTL_REGION, cc)))
        f.add(lambda: Ln(T('- tracking '), decoy_part('d_tracking', cfg, INTL_REGION, cc), T(', request '),
                         decoy_part('d_uuid', cfg, INTL_REGION, cc)))
        f.add(lambda: Ln(T('- '), decoy_part('d_date', cfg, INTL_REGION, cc), T(' '), decoy_part('d_time', cfg, INTL_REGION, cc),
                         T(', '), decoy_part('d_price', cfg, INTL_REGION, cc), T(', '), decoy_part('d_pct', cfg, INTL_REGION, cc),
                         T(', '), decoy_part('d_coord', cfg, INTL_REGION, cc)))
        f.add(lambda: Ln(T('- address '), decoy_part('d_badip', cfg, INTL_REGION, cc), T(', mail '),
                         decoy_part('d_bademail', cfg, INTL_REGION, cc), T(', port '), decoy_part('d_port', cfg, INTL_REGION, cc)))
        f.raw('')


def build_intl():
    for k in (1, 2, 3):
        i_suppliers(k)
    for k in (1, 2):
        i_vies(k)
    for k in (1, 2):
        i_attendees(k)
    for k in (1, 2):
        i_bookings(k)
    for k in (1, 2):
        i_partners(k)
    for k in (1, 2):
        i_inbox(k)
    for k in (1, 2):
        i_transfers(k)
    for k in (1, 2):
        i_notes(k)
    f_access_log('intl', None, 1, region=INTL_REGION, v6share=0.7, site='cdn.example.net')
    i_network(1)
    i_reference_numbers()


# --------------------------------------------------------------- documents: CVs, cover letters, job ads, name decoys
#
# Generated after everything above with its OWN random stream (RD) and its OWN Faker
# instances (dfk), so adding or changing documents never changes the files above.

DOC_SEED = SEED + 30011
RD = random.Random(DOC_SEED)
_DFAKERS = {}
DOC_TRUTH = []    # {"file", "kind": "document.cv", "value": applicant name}
DOC_DECOYS = []   # {"file", "why"}
DOC_OUTSIDE = []  # (file, name) applicants named from a locale outside the gazetteers
DOC_YEAR = 2025
HR_LOCALS = {'pt': 'recrutamento', 'es': 'empleo', 'se': 'jobb', 'de': 'karriere', 'fr': 'recrutement',
             'it': 'lavora-con-noi', 'nl': 'vacatures', 'gb': 'careers', 'us': 'careers'}
FOLD = str.maketrans({'ł': 'l', 'Ł': 'L', 'ø': 'o', 'Ø': 'O', 'æ': 'ae', 'Æ': 'Ae', 'ß': 'ss', 'đ': 'd', 'Đ': 'D',
                      'ı': 'i'})


def dfk(locale):
    if locale not in _DFAKERS:
        f = Faker(locale)
        f.seed_instance(DOC_SEED + 7 * sum(ord(c) * (i + 1) for i, c in enumerate(locale)))
        _DFAKERS[locale] = f
    return _DFAKERS[locale]


def dpick(seq):
    return seq[RD.randrange(len(seq))]


def gazetteer(kind):
    """All first_names* (or last_names*) of the nine gazetteer locales' Faker person providers."""
    import importlib
    out = set()
    for loc in GAZETTEER_LOCALES:
        prov = importlib.import_module('faker.providers.person.' + loc).Provider
        for a in dir(prov):
            if a.startswith(kind):
                out.update(getattr(prov, a))
    return out


GAZ_FIRST = gazetteer('first_names')
GAZ_LAST = gazetteer('last_names')


def outside_gazetteer(first, last=None):
    if any(w in GAZ_FIRST for w in re.split(r'[ -]', first)):
        return False
    return last is None or not any(w in GAZ_LAST for w in re.split(r'[ -]', last))


def doc_person(cc, used, name_locale=None, outside=False):
    cfg = LANGS[cc]
    region = cfg['region']
    nf = dfk(name_locale or cfg['locale'])
    p = Person()
    p.cc, p.region = cc, region
    for _ in range(2000):
        p.female = RD.random() < 0.5
        first, last = gen_name(nf, p.female)
        if outside and not outside_gazetteer(first, last):
            continue
        if cc in ('pt', 'es') and not outside and RD.random() < 0.6:
            last2 = gen_name(nf, p.female)[1]
            if last2 != last:
                last = last + ' ' + last2
        name = first + ' ' + last
        if name not in used:
            used.add(name)
            break
    else:
        raise RuntimeError('doc_person %s %s' % (cc, name_locale))
    p.first, p.last, p.name = first, last, name
    mail_last = last.split(' ')[-1] if cc == 'pt' else last
    local = email_local(first.translate(FOLD), mail_last.translate(FOLD), RD.randrange(4))
    p.email_forms = email_forms(local, dpick(cfg['domains']))
    while True:
        e164, _ = pd.gen_phone(RD, region, 'mobile' if RD.random() < 0.8 else 'fixed')
        nat = filter_forms(pd.phone_national_forms(region, e164), lambda x: cfg['phone_words'][0] + ' ' + x,
                           {('phone', e164)}, region)
        intl = filter_forms(pd.phone_intl_forms(region, e164), lambda x: x, {('phone', e164)}, region)
        if nat and intl:
            p.phone, p.phone_nat, p.phone_intl = e164, nat, intl
            break
    while True:
        p.address, p.city = make_address(cfg['locale'], dfk(cfg['locale']))
        if clean_text(p.address, region):
            break
    job = dpick(cfg['jobs']).split('|')
    p.job = job[-1] if p.female else job[0]
    p.dept = dpick(cfg['depts'])
    return p


def doc_company(cc, used):
    cfg = LANGS[cc]
    while True:
        name = '%s %s %s' % (dpick(cfg['company_words']), dpick(cfg['company_kinds']), dpick(cfg['company_suffix']))
        if name not in used:
            used.add(name)
            return name


def company_domain(cc, name):
    base = LANGS[cc]['domains'][0] if cc != 'us' else 'example.com'
    return slug(name.rsplit(' ', 1)[0]) + '.' + base


def dphone(p, cfg):
    if RD.random() < 0.6:
        return [T(dpick(cfg['phone_words']) + ' '), I('phone', p.phone, dpick(p.phone_nat))]
    return [I('phone', p.phone, dpick(p.phone_intl))]


def demail(forms):
    w = dpick(forms)
    return I('email', pd.email_canon(w), w)


def dgender_job(cfg, female):
    job = dpick(cfg['jobs']).split('|')
    return job[-1] if female else job[0]


def cap(s):
    return s[:1].upper() + s[1:]


TPL2_RE = re.compile(r'\{(\w+)\}|\[\[(.+?)\]\]')


def dtpl(tpl, vals=None):
    """Template with {key} (value: str or parts) and [[not a person]] decoys -> Ln."""
    ln = Ln()
    pos = 0
    for m in TPL2_RE.finditer(tpl):
        if m.start() > pos:
            ln.add(T(tpl[pos:m.start()]))
        if m.group(1):
            ln.add(vals[m.group(1)])
        else:
            ln.add(D(m.group(2), 'not a person'))
        pos = m.end()
        if ln.text().endswith('.') and tpl.startswith('.', pos):
            pos += 1  # "... Lda." at the end of a sentence: one full stop
    if pos < len(tpl):
        ln.add(T(tpl[pos:]))
    return ln


def doc_date(cc):
    d = datetime.date(DOC_YEAR, RD.randint(1, 12), RD.randint(1, 28))
    if cc == 'se':
        return d.isoformat()
    if cc == 'de':
        return d.strftime('%d.%m.%Y')
    if cc == 'nl':
        return d.strftime('%d-%m-%Y')
    if cc == 'us':
        return d.strftime('%m/%d/%Y')
    return d.strftime('%d/%m/%Y')


def cv_file(cc, k, ext, p, title, used_names, used_co):
    cfg, dc = LANGS[cc], DOCS[cc]
    s, L = dc['sec'], cfg['L']
    region = cfg['region']
    f = FileOut('%s/%s-%d.%s' % (cc, dc['files']['cv'], k, ext), region)
    fk_local = dfk(cfg['locale'])
    # career: three jobs, newest first, then two degrees
    end = DOC_YEAR
    jobs = []
    titles = [p.job] + [t for t in (j.split('|')[-1 if p.female else 0] for j in RD.sample(cfg['jobs'], 3))
                        if t != p.job][:2]
    duties = RD.sample(dc['duties'], 3)
    for i in range(3):
        start = end - RD.randint(2, 5)
        co = doc_company(cc, used_co)
        jobs.append(('%d–%s' % (start, dc['present']) if i == 0 else '%d–%d' % (start, end),
                     cap(titles[i]), co, fk_local.city(), duties[i]))
        end = start
    years = DOC_YEAR - end
    degs = RD.sample(dc['degrees'], 2)
    edu = [('%d–%d' % (end - 2, end), degs[0][0], degs[0][1]), ('%d–%d' % (end - 5, end - 2), degs[1][0], degs[1][1])]
    profile = dtpl(dpick(dc['profile']), dict(Job=cap(p.job), job=p.job, years=str(years), dept=p.dept)).text()
    skills = ', '.join(RD.sample(dc['skills'], 5))
    langs = dpick(dc['langs'])
    ref = doc_person(cc, used_names)
    ref_mid = dc['ref_mid'].format(refjob=dgender_job(cfg, ref.female), company=jobs[1][2])
    contact = lambda: [T(L['email'] + ': '), demail(p.email_forms), T(' · '), dphone(p, cfg)]
    if ext == 'md':
        f.add(lambda: Ln(T('# '), N(p.name)))
        f.raw('')
        if title:
            f.raw('**%s**' % title)
            f.raw('')
        f.add(lambda: Ln(contact()))
        f.raw('')
        f.add(lambda: Ln(T(L['address'] + ': ' + p.address)))
        for head, body in ((s['profile'], [profile]),):
            f.raw('')
            f.raw('## ' + head)
            f.raw('')
            for b in body:
                f.raw(b)
        f.raw('')
        f.raw('## ' + s['exp'])
        f.raw('')
        for span, job, co, city, duty in jobs:
            f.raw('- **%s** · %s, %s (%s)' % (span, job, co, city))
            f.raw('  %s' % duty)
        f.raw('')
        f.raw('## ' + s['edu'])
        f.raw('')
        for span, deg, school in edu:
            f.raw('- **%s** · %s, %s' % (span, deg, school))
        f.raw('')
        f.raw('## ' + s['skills'])
        f.raw('')
        f.raw(skills)
        f.raw('')
        f.raw('## ' + s['langs'])
        f.raw('')
        f.raw(langs)
        f.raw('')
        f.raw('## ' + s['refs'])
        f.raw('')
        f.add(lambda: Ln(N(ref.name), T(ref_mid), demail(ref.email_forms)))
    elif ext == 'txt':
        f.add(lambda: Ln(N(p.name)))
        if title:
            f.raw(title)
        f.raw('=' * 40)
        f.add(lambda: Ln(contact()))
        f.add(lambda: Ln(T(L['address'] + ': ' + p.address)))
        for head, lines in ((s['profile'], [profile]),
                            (s['exp'], [x for span, job, co, city, duty in jobs
                                        for x in ('%s  %s — %s, %s' % (span, job, co, city), '    ' + duty)]),
                            (s['edu'], ['%s  %s — %s' % e for e in edu]),
                            (s['skills'], [skills]), (s['langs'], [langs])):
            f.raw('')
            f.raw(head.upper())
            f.raw('-' * len(head))
            for x in lines:
                f.raw(x)
        f.raw('')
        f.add(lambda: Ln(T(dc['ref_intro']), N(ref.name), T(ref_mid), demail(ref.email_forms)))
    else:
        lang_code = cfg['locale'][:2]
        for h in ['<!DOCTYPE html>', '<html lang="%s">' % lang_code, '<head>', '<meta charset="utf-8">']:
            f.raw(h)
        f.add(lambda: Ln(T('<title>'), N(p.name), T(' — %s</title>' % title if title else '</title>')))
        f.raw('</head>')
        f.raw('<body>')
        f.add(lambda: Ln(T('<h1>'), N(p.name), T('</h1>')))
        if title:
            f.raw('<p class="subtitle">%s</p>' % title)
        f.add(lambda: Ln(T('<p><a href="mailto:'), demail(p.email_forms), T('">%s</a> &middot; ' % L['email']),
                         dphone(p, cfg), T('<br>%s</p>' % p.address)))
        f.raw('<h2>%s</h2>' % s['profile'])
        f.raw('<p>%s</p>' % profile)
        f.raw('<h2>%s</h2>' % s['exp'])
        f.raw('<ul>')
        for span, job, co, city, duty in jobs:
            f.raw('<li><strong>%s</strong> %s, %s (%s)<br>%s</li>' % (span, job, co, city, duty))
        f.raw('</ul>')
        f.raw('<h2>%s</h2>' % s['edu'])
        f.raw('<ul>')
        for e in edu:
            f.raw('<li><strong>%s</strong> %s, %s</li>' % e)
        f.raw('</ul>')
        f.raw('<h2>%s</h2>' % s['skills'])
        f.raw('<p>%s</p>' % skills)
        f.raw('<h2>%s</h2>' % s['langs'])
        f.raw('<p>%s</p>' % langs)
        f.raw('<h2>%s</h2>' % s['refs'])
        f.add(lambda: Ln(T('<p>'), N(ref.name), T(ref_mid), demail(ref.email_forms), T('</p>')))
        f.raw('</body>')
        f.raw('</html>')
    DOC_TRUTH.append({'file': f.rel, 'kind': 'document.cv', 'value': p.name})
    return f


def cover_file(cc, p, used_names, used_co):
    cfg, dc = LANGS[cc], DOCS[cc]
    cv = dc['cover']
    f = FileOut('%s/%s.txt' % (cc, dc['files']['cover']), cfg['region'])
    rec = doc_person(cc, used_names)
    company, prev = doc_company(cc, used_co), doc_company(cc, used_co)
    vals = dict(job=p.job, company=company, prev=prev, years=str(RD.randint(3, 9)))
    f.raw(cv['title'])
    f.raw('')
    f.add(lambda: Ln(T('%s, %s' % (p.city, doc_date(cc)))))
    f.raw('')
    f.raw(cv['subject'].format(**vals))
    f.raw('')
    f.add(lambda: Ln([N(x[1]) if isinstance(x, tuple) else T(x) for x in dc['salute'](rec)]))
    f.raw('')
    for b in cv['body']:
        f.add(lambda b=b: dtpl(b, vals))
        f.raw('')
    f.raw(cv['signoff'])
    f.add(lambda: Ln(N(p.name)))
    f.add(lambda: Ln(demail(p.email_forms), T(' · '), dphone(p, cfg)))
    f.add(lambda: Ln(T(p.address)))
    DOC_TRUTH.append({'file': f.rel, 'kind': 'document.cv', 'value': p.name})
    return f


def job_ad_file(cc, used_names, used_co):
    cfg, dc = LANGS[cc], DOCS[cc]
    ad = dc['ad']
    f = FileOut('%s/%s.%s' % (cc, dc['files']['ad'], ad['ext']), cfg['region'])
    company = doc_company(cc, used_co)
    contact = doc_person(cc, used_names)
    hr = HR_LOCALS[cc] + '@' + company_domain(cc, company)
    vals = dict(company=company, job=dgender_job(cfg, RD.random() < 0.5), city=dfk(cfg['locale']).city(),
                dept=dpick(cfg['depts']), years=str(RD.randint(2, 5)), contact=[N(contact.name)], role=ad['role'],
                email=[I('email', hr, hr)])
    f.add(lambda: dtpl(ad['title'], vals))
    f.raw('')
    f.add(lambda: dtpl(ad['intro'], vals))
    for head, bullets in ad['sections']:
        f.raw('')
        f.raw(head)
        if ad['ext'] == 'md':
            f.raw('')
        for b in bullets:
            f.add(lambda b=b: Ln(T('- '), dtpl(b, vals)))
    f.raw('')
    f.raw(ad['prose'])
    f.raw('')
    f.add(lambda: dtpl(ad['contact'], vals))
    f.add(lambda: dtpl(ad['footer'], vals))
    DOC_DECOYS.append({'file': f.rel, 'why': 'job advertisement'})
    return f


def cv_note_file(cc, used_names, used_co):
    cfg, dc = LANGS[cc], DOCS[cc]
    note = dc['note']
    f = FileOut('%s/%s.txt' % (cc, dc['files']['note']), cfg['region'])
    owner = doc_person(cc, used_names)
    company = doc_company(cc, used_co)
    hr = HR_LOCALS[cc] + '@' + company_domain(cc, company)
    vals = dict(dept=owner.dept, email=[I('email', hr, hr)], contact=[N(owner.name)])
    f.raw(note['title'].format(dept=owner.dept))
    f.raw('=' * 40)
    f.raw('')
    for x in note['lines']:
        f.add(lambda x=x: Ln(T('- '), dtpl(x, vals)))
    f.raw('')
    f.add(lambda: dtpl(note['owner'], vals))
    DOC_DECOYS.append({'file': f.rel, 'why': 'mentions CV'})
    return f


def names_decoy_file(cc):
    cfg, dc = LANGS[cc], DOCS[cc]
    f = FileOut('%s/%s.txt' % (cc, dc['files']['decoys']), cfg['region'])
    for i, x in enumerate(dc['ndecoys']):
        f.add(lambda x=x: dtpl(x), tries=1)
        if i == 0:
            f.raw('')
    return f


CV_EXTS = {1: 'md', 2: 'txt', 3: 'html'}


def build_documents():
    used_names, used_co = set(), set()
    for ci, cc in enumerate(ORDER):
        dc = DOCS[cc]
        notitle = ci % 3 + 1            # which of the three CVs has no title line
        outside_k = (ci + 1) % 3 + 1    # which applicant is named from a locale outside the gazetteers
        titles = iter(dc['cv_titles'])
        for k in (1, 2, 3):
            if k == outside_k:
                p = doc_person(cc, used_names, OUTSIDE_LOCALES[cc], outside=True)
            else:
                p = doc_person(cc, used_names)
            f = cv_file(cc, k, CV_EXTS[k], p, None if k == notitle else next(titles), used_names, used_co)
            if k == outside_k:
                DOC_OUTSIDE.append((f.rel, p.name))
        cover_file(cc, doc_person(cc, used_names), used_names, used_co)
        job_ad_file(cc, used_names, used_co)
        cv_note_file(cc, used_names, used_co)
        names_decoy_file(cc)
    DOC_TRUTH.sort(key=lambda r: r['file'])
    DOC_DECOYS.sort(key=lambda r: r['file'])


# --------------------------------------------------------------- outputs

def write_jsonl(path, rows):
    with open(path, 'wb') as fh:
        for r in rows:
            fh.write((json.dumps(r, ensure_ascii=False) + '\n').encode('utf-8'))


def main():
    # Some Faker providers pick from sets, whose order depends on string hashing:
    # pin the hash seed (re-executing once) so the output is byte-identical.
    if os.environ.get('PYTHONHASHSEED') != '0':
        env = dict(os.environ, PYTHONHASHSEED='0')
        os.execve(sys.executable, [sys.executable, str(Path(__file__).resolve())] + sys.argv[1:], env)
    vers = {'faker': faker.VERSION, 'stdnum': stdnum.__version__, 'phonenumbers': phonenumbers.__version__}
    if vers != TESTED_VERSIONS:
        print('warning: library versions %r differ from the tested %r; output may differ' % (vers, TESTED_VERSIONS),
              file=sys.stderr)
    build_pools()
    for cc in ORDER:
        build_country(cc)
    build_intl()
    build_documents()  # last: own random stream, leaves the files above unchanged

    if DEMO.exists():
        shutil.rmtree(DEMO)
    truth, decoys, names = [], [], []
    for f in FileOut.all_files:
        f.write()
        for no, kind, value in f.items:
            truth.append({'file': f.rel, 'line': no, 'kind': kind, 'value': value})
        for no, text, why in f.decoys:
            decoys.append({'file': f.rel, 'line': no, 'text': text, 'why': why})
        for no, value in f.names:
            names.append({'file': f.rel, 'line': no, 'value': value})
    truth.sort(key=lambda r: (r['file'], r['line'], r['kind'], r['value']))
    decoys.sort(key=lambda r: (r['file'], r['line'], r['text'], r['why']))
    names.sort(key=lambda r: (r['file'], r['line'], r['value']))
    write_jsonl(CORPUS / 'ground-truth.jsonl', truth)
    write_jsonl(CORPUS / 'decoys.jsonl', decoys)
    write_jsonl(CORPUS / 'ground-truth-names.jsonl', names)
    write_jsonl(CORPUS / 'ground-truth-documents.jsonl', DOC_TRUTH)
    write_jsonl(CORPUS / 'document-decoys.jsonl', DOC_DECOYS)
    write_readme(truth, decoys, names)
    kinds = collections.Counter(r['kind'] for r in truth)
    print('%d files, %d items, %d decoys, %d names' % (len(FileOut.all_files), len(truth), len(decoys), len(names)))
    doc_files = {r['file'] for r in DOC_TRUTH} | {r['file'] for r in DOC_DECOYS} | \
        {f.rel for f in FileOut.all_files if '/names-decoys-' in f.rel}
    doc_names = [r for r in names if r['file'] in doc_files]
    print('documents: %d CVs / cover letters, %d non-CV decoy documents, %d name occurrences in them '
          '(%d distinct), %d "not a person" decoys' % (
              len(DOC_TRUTH), len(DOC_DECOYS), len(doc_names), len({r['value'] for r in doc_names}),
              sum(1 for d in decoys if d['why'] == 'not a person')))
    print('applicants named from locales outside the gazetteers: ' +
          ', '.join('%s (%s)' % (n, rel.split('/')[2]) for rel, n in DOC_OUTSIDE))
    for k in sorted(kinds):
        print('  %-32s %6d' % (k, kinds[k]))


README_HEAD = '''# Corpus: synthetic demo and test data

Everything under `Corpus/` is **synthetic**. Identifiers are random numbers that merely
satisfy the published check-digit rules (verified with python-stdnum), phone numbers are
random numbers in valid ranges (verified with libphonenumber's `is_valid_number`; US
numbers use the fictional 555-01xx block, UK landlines the Ofcom drama ranges), e-mail
domains are `example.*` names, IP addresses come from the documentation ranges
(192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24, 2001:db8::/32) and private ranges
(10/8, 172.16/12, 192.168/16, fd00::/8). People's names, streets and cities come from Faker.

## Layout

| path | what |
|---|---|
| `demo/<cc>/` | one folder per flavour: `pt es se de fr it nl gb us` (local language, labels and formats) |
| `demo/intl/` | mixed-language and cross-border files (EU supplier lists, VIES log, SEPA transfers, bookings, a Russian-language support inbox, a decoy-only `reference-numbers.txt`) |
| `ground-truth.jsonl` | one line per planted item: `{"file", "line", "kind", "value"}` |
| `decoys.jsonl` | strings that must **not** be reported: `{"file", "line", "text", "why"}` |
| `ground-truth-names.jsonl` | every person name written: `{"file", "line", "value"}` (not scored yet) |
| `ground-truth-documents.jsonl` | one line per CV or cover letter: `{"file", "kind": "document.cv", "value": applicant's full name}` |
| `document-decoys.jsonl` | documents that must **not** be classified as CVs: `{"file", "why": "job advertisement" / "mentions CV"}` |
| `tools/generate.py` | writes all of the above (deterministic) |
| `tools/check_truth.py` | re-validates everything; exits non-zero on a problem |
| `tools/benchgen.py` | writes a >= 1 GiB benchmark tree: `python3 Corpus/tools/benchgen.py /tmp/trawl-bench` (256 files of ~4 MiB: prose, CSV, web/app logs, mail headers; ~1 item per 2 KiB; ~25 s; prints bytes and per-kind item counts) |
| `tools/bench.py` | trawl vs ripgrep timing on that tree (`make bench`; calls benchgen.py) |
| `tools/pd.py`, `tools/lang.py`, `tools/lang_docs.py` | shared validators/oracle, language templates (`lang_docs.py`: CVs, cover letters, job ads, name decoys) |
| `README-containers.md` | `share/`: documents, archives and converted CVs made from `demo/` by `tools/containers.py`, with their own ground-truth files |

`file` is relative to the repository root (run the scanner from there: `trawl scan Corpus/demo`),
`line` is the 1-based line of the item's first character.

## Regenerating

    pip install python-stdnum phonenumbers Faker
    python3 Corpus/tools/generate.py
    python3 Corpus/tools/check_truth.py

The output is byte-identical on every run with the library versions it was made with
(Faker %(faker)s, python-stdnum %(stdnum)s, phonenumbers %(phonenumbers)s); other versions may
draw different names or validate differently (the script warns).

## How the data is kept exact

`tools/pd.py` holds a deliberately strict reference *oracle*: for a line of text it lists
every (kind, canonical value) that could be read there — any e-mail with a public TLD, any
valid dotted quad or IPv6 address, any MAC, and for every run of alphanumeric groups joined
by one or two of ` .-/()` (and every contiguous sub-run of groups) every checksum reading:
Luhn 13–19 digits (card, or IMEI with an `IMEI` word before it), NIR, Steuer-ID,
personnummer, individual NIF (first digit 1–3), BSN, formatted SSN, DNI, NIE, codice fiscale,
NINO, IBAN, every prefixed VAT number, and — when a context word is near before it — bare VAT
numbers of every country, bare SSNs and national-format phone numbers of the file's country.
The generator only keeps a line when the oracle's reading equals exactly the items planted
on it, so no filler text, date, address or neighbouring item creates an extra reading, and no
planted item can be read as two kinds. Decoys must give no reading at all even with every
context word assumed present.

## Canonical values (what `value` holds)

| kind | canonical form | written as |
|---|---|---|
| `email` | local part as written, domain lowercased | `Ana.Silva@EXAMPLE.PT` → `Ana.Silva@example.pt`; also in `mailto:` links, `<...>` headers, `user=` log fields |
| `phone` | E.164 `+351912345678` | international `+351 912 345 678`, `+351912345678`, `00351 912 345 678`, `+49 (0)30 1234567`, `+460480362000` (trunk 0 after the country code); national forms (`912 345 678`, `070-123 45 67`, `030 1234567`, `(030) 1234567`, `06 12 34 56 78`, `02 1234 5678`, `06-12345678`, `020 7946 0123`, `(212) 555-0147`, `8 (912) 345-67-89`) **only** with a phone word of the file's language at most 40 bytes before, on the same line, and always in the numbering plan of the folder's country (Russian ones only in `demo/intl`). The word identifies the country: national forms are never preceded by a word shared between languages (`Tel.` is used only in `gb`/`us` and before international numbers; Swedish uses `Tfn`, since `Telefon`/`Mobil` are German too) — most national digit strings are also valid numbers elsewhere (62 of 85 Swedish ones are valid German numbers) |
| `ipv4` | dotted quad, no leading zeros | never inside an IPv6 address (`::ffff:192.0.2.1` is one `ipv6` item, not also an `ipv4`) |
| `ipv6` | RFC 5952 (lowercase, longest zero run compressed, IPv4-mapped as `::ffff:192.0.2.1`) | also uppercase, fully expanded `2001:0db8:0000:...`, leading zeros, `0:0:0:0:0:ffff:c000:201` |
| `vat_id.<cc>` | prefix + compact uppercase: `PT509670610`, `ATU12345678`, `ESB12345674`, `NL123456782B01` (the 9 digits before `B` pass the BSN test: never a `nl_bsn`), `EL123456783` (kind `vat_id.gr`), `CHE123456788` (no MWST/TVA suffix), `NO123456785` (no MVA suffix), `GB123456789`, `SE556677889901` (organisation number, never a personnummer) | with prefix (`PT 509 670 610`, `DE 123 456 789`, `BE 0123.456.749`, `CHE-123.456.788 MWST`, `NO 123 456 785 MVA`), or without prefix only after a VAT word of the language (`NIPC`, `CIF`, `USt-IdNr.`, `N° TVA`, `Partita IVA`, `BTW-nummer`, `VAT Reg No.`) — bare PT numbers are company NIPCs (first digit 5/6/8/9), bare ES numbers are CIFs |
| `national_id.pt_nif` | 9 digits, first digit 1–3 (45 would also count; none planted) | always after `NIF` / `contribuinte`; a bare `NIF 123456789` is **not** also a `vat_id.pt` |
| `national_id.es_dni` / `es_nie` | `12345678Z` / `X1234567L` | `12345678-Z`, `12.345.678-Z`, `X-1234567-L`, after `DNI` / `NIE` |
| `national_id.se_personnummer` | 10 digits `YYMMDDNNNN` | `YYMMDD-NNNN`, `YYYYMMDD-NNNN`, compact 10 or 12 digits; some samordningsnummer (day + 60) |
| `national_id.us_ssn` | 9 digits | `123-45-6789` (in JSON `"ssn": "..."`); area/group/serial rules hold |
| `national_id.nl_bsn` | 9 digits | `123456782`, `1234.56.782`, after `BSN` / `burgerservicenummer` |
| `national_id.it_codice_fiscale` | 16 characters uppercase | as is |
| `national_id.fr_nir` | 15 digits | `1 85 07 75 123 456 78` or compact |
| `national_id.uk_nino` | `AB123456C` | `AB 12 34 56 C` or compact |
| `national_id.de_steuer_id` | 11 digits | compact or `12 345 678 901`, after `Steuer-ID` / `Steueridentifikationsnummer` |
| `iban` | compact uppercase | compact or groups of 4 |
| `payment_card` | digits only | `4111 1111 1111 1111`, `4111-1111-...`, Amex `3782 822463 10005`, compact |
| `mac_address` | lowercase, colon-separated | colons or dashes, upper or lower case |
| `imei` | 15 digits | always after `IMEI` (or `imei=`): compact, `35-209900-176148-1`, `35 209900 176148 1` |

Other things the scanner should know:

* National-format numbers and bare national ids always have their context word on the same
  line: CSV files therefore only hold international phone numbers and prefixed VAT numbers.
* JSON keys serve as context words (`"nif"`, `"bsn"`, `"steuer-id"`, `"ssn"`, `"imei"`,
  `"telefone"`, ...). `steuer_id` with an underscore would not be a word boundary, so keys
  use a hyphen.
* Each (file, line, kind, value) appears once; a line never repeats a value.
* Suffix words count as context: `CHE-123.456.788 MWST` / `NO ... MVA` are VAT words for
  whatever follows them on the line, exactly like a VAT word before a number.
* Decoys include boundary cases a sloppy regex would cut: `203.0.113.256`,
  `10.0.19045.3693`, a wrong-check IBAN/card/IMEI/national id next to its usual word,
  invalid national phone numbers after a phone word, tracking numbers in groups of four.
* Street and city names come from Faker and may contain name-like words; they are not in
  `ground-truth-names.jsonl`. Message-ID-like strings are absent on purpose.

## CVs, cover letters and person-name decoys

Each flavour folder `pt es se de fr it nl gb us` also holds, in the local language:

* three CVs (`curriculo-1.md`, `-2.txt`, `-3.html`; `curriculum-*` in `es`/`it`, `cv-*` in
  `se`/`fr`/`nl`/`gb`/`us`, `lebenslauf-*` in `de`): the applicant's full name on the first line (or in
  `<title>` and `<h1>`), a title line (`Currículo`, `Meritförteckning`, `Lebenslauf`, `Résumé`, ...)
  in two of the three — one per flavour has only section headings — then e-mail, phone (local
  formats), address, and sections (experience with years, job titles and employers such as
  `Tejo Software Lda.`, education, skills, languages) and a references line naming a second person;
* one cover letter (`carta-apresentacao.txt`, `anschreiben.txt`, `cover-letter.txt`, ...): local
  title, a salutation naming the recruiter (`Exma. Senhora Ana Costa,`, `Sehr geehrte Frau Müller,`
  — the name is what is written: `Müller`; `Hej Anna!` — `Anna`), body, local sign-off, the
  applicant's name on the next line, contact data. Cover letters count as `document.cv`;
* two documents that are **not** CVs (`document-decoys.jsonl`): a job advertisement
  (responsibilities / requirements / offer, words like experience, education, skills in running
  text, a contact person and an HR address) and recruitment notes that mention "CV" /
  "curriculum vitae" in prose;
* `names-decoys-*.txt`: capitalised phrases that are **not** people, each in `decoys.jsonl` with
  why `not a person`: privacy-policy phrases and officer titles (`Política de Privacidade`,
  `Datenschutzbeauftragter`, `Data Protection Officer`), two-word cities (`Frankfurt am Main`,
  `San Sebastián`, `Den Haag`, `New York`), products (`Microsoft Teams`, `Google Drive`), weekday and
  month names at sentence start (`Segunda-feira`, `Måndag`, `Maandag`), streets named after people
  (`Rua Maria Pia`, `Calle Juan Bravo`, `Via Giuseppe Verdi`, `Karl-Marx-Straße`, `Drottninggatan`,
  `Johannes Vermeerstraat`, `Baker Street`), companies whose first word is a given name
  (`Martin Schmidt GmbH`, `Anna Larsson AB`, `Thomas Cook Ltd`) and ALL-CAPS headings
  (`EXPERIÊNCIA PROFISSIONAL`, `TERMS AND CONDITIONS`). The job advertisements end with such a
  phrase too.

Person names follow the usual rule: the full run of name words as written, particles included
(`Ana Sofia Pereira da Costa`, `van der Berg`). One applicant per flavour is named from a Faker
locale outside the nine (`ro_RO pl_PL fi_FI cs_CZ hu_HU hr_HR da_DK no_NO sl_SI`) and neither the
first nor the last name is in the `first_names*` / `last_names*` lists of the Faker person
providers `pt_PT es_ES sv_SE de_DE fr_FR it_IT nl_NL en_GB en_US` (the planned name gazetteers).
These files are generated last, with their own random stream and Faker instances, so they never
change the other files.

'''


def write_readme(truth, decoys, names):
    kinds = collections.Counter(r['kind'] for r in truth)
    byfmt = collections.Counter()
    bycc = collections.Counter()
    for f in FileOut.all_files:
        ext = f.rel.rsplit('.', 1)[1]
        cc = f.rel.split('/')[2]
        byfmt[ext] += 1
        bycc[cc] += 1
    why = collections.Counter(re.sub(r' for .*', '', d['why']) if d['why'].startswith(('wrong', 'invalid', 'not a valid'))
                              else d['why'] for d in decoys)
    out = [README_HEAD % TESTED_VERSIONS, '## Counts', '',
           '%d files, %d planted items, %d decoys, %d person names.' % (len(FileOut.all_files), len(truth), len(decoys), len(names)),
           '',
           '%d CVs and %d cover letters (`ground-truth-documents.jsonl`), %d non-CV documents (`document-decoys.jsonl`), '
           '%d applicants named from locales outside the gazetteers: %s.' % (
               sum(1 for r in DOC_TRUTH if '/' + DOCS[r['file'].split('/')[2]]['files']['cover'] + '.' not in r['file']),
               sum(1 for r in DOC_TRUTH if '/' + DOCS[r['file'].split('/')[2]]['files']['cover'] + '.' in r['file']),
               len(DOC_DECOYS), len(DOC_OUTSIDE), ', '.join('`%s` (%s)' % (n, rel.split('/')[2]) for rel, n in DOC_OUTSIDE)),
           '', '| kind | items |', '|---|---:|']
    for k in sorted(kinds):
        out.append('| `%s` | %d |' % (k, kinds[k]))
    out += ['', '| folder | files |', '|---|---:|'] + ['| `%s` | %d |' % (k, bycc[k]) for k in sorted(bycc)]
    out += ['', '| format | files |', '|---|---:|'] + ['| `.%s` | %d |' % (k, byfmt[k]) for k in sorted(byfmt)]
    out += ['', '| decoy kind | count |', '|---|---:|'] + ['| %s | %d |' % (k, why[k]) for k in sorted(why)]
    (CORPUS / 'README.md').write_bytes(('\n'.join(out) + '\n').encode('utf-8'))


if __name__ == '__main__':
    main()
