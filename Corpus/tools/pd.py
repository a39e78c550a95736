"""Shared helpers for the trawl synthetic corpus.

* validators and canonical forms for every planted kind,
* generators of synthetic, checksum-valid values (all randomness comes from a
  `random.Random` passed in, so callers stay deterministic),
* the reference *oracle*: a deliberately strict, line-based detector that finds
  every string on a line that could be read as personal data of any kind.  The
  generator uses it to reject lines with accidental or ambiguous matches, and
  check_truth.py uses it to prove that the files contain exactly the ground truth.

Only synthetic data: documentation IP ranges, example domains, random numbers that
merely satisfy the published check-digit rules.
"""
from __future__ import annotations

import datetime
import ipaddress
import re
import unicodedata

import phonenumbers
from stdnum import imei as std_imei
from stdnum import isbn as std_isbn
from stdnum import ean as std_ean
from stdnum import luhn
from stdnum import iban as std_iban
from stdnum.ch import uid as ch_uid
from stdnum.de import idnr as de_idnr
from stdnum.es import cif as es_cif
from stdnum.es import dni as es_dni
from stdnum.es import nie as es_nie
from stdnum.es import ccc as es_ccc
from stdnum.eu import vat as eu_vat
from stdnum.fr import nir as fr_nir
from stdnum.gb import vat as gb_vat
from stdnum.it import codicefiscale as it_cf
from stdnum.nl import bsn as nl_bsn
from stdnum.no import orgnr as no_orgnr
from stdnum.pt import nif as pt_nif
from stdnum.us import ssn as us_ssn

# --------------------------------------------------------------------------- kinds

EU_CCS = ['at', 'be', 'bg', 'cy', 'cz', 'de', 'dk', 'ee', 'es', 'fi', 'fr', 'gr', 'hr', 'hu',
          'ie', 'it', 'lt', 'lu', 'lv', 'mt', 'nl', 'pl', 'pt', 'ro', 'se', 'si', 'sk']
VAT_CCS = EU_CCS + ['gb', 'no', 'ch']
VAT_PREFIX = {cc: cc.upper() for cc in VAT_CCS}
VAT_PREFIX['gr'] = 'EL'
VAT_PREFIX['ch'] = 'CHE'
# bare (unprefixed) VAT numbers are only reported with a VAT context word; Romanian
# CUI (2-10 digits, mod 11) is too weak to be reported bare at all.
BARE_VAT_CCS = [cc for cc in VAT_CCS if cc != 'ro']

NATIONAL_IDS = ['pt_nif', 'es_dni', 'es_nie', 'se_personnummer', 'us_ssn', 'nl_bsn',
                'it_codice_fiscale', 'fr_nir', 'uk_nino', 'de_steuer_id']

ALL_KINDS = (['email', 'phone', 'ipv4', 'ipv6', 'iban', 'payment_card', 'mac_address', 'imei']
             + ['vat_id.' + cc for cc in VAT_CCS]
             + ['national_id.' + n for n in NATIONAL_IDS])

# ----------------------------------------------------------------- context words
# Used by the oracle (union of all languages; matched case-insensitively on word
# boundaries where '_' and letters are word characters).
PHONE_WORDS = ['tel', 'tel.', 'tél', 'tél.', 'tlf', 'tlm', 'tlm.', 'telefone', 'telemóvel',
               'telemovel', 'teléfono', 'telefono', 'móvil', 'movil', 'telefon', 'telefonnummer',
               'mobil', 'mobilnummer', 'mobiltelefon', 'handy', 'téléphone', 'telephone',
               'portable', 'cellulare', 'cell', 'telefoon', 'telefoonnummer', 'mobiel', 'phone',
               'mobile', 'mob', 'mob.', 'cellphone', 'rufnummer', 'tfn', 'tfno', 'tfno.',
               'тел', 'тел.', 'телефон']
VAT_WORDS = ['vat', 'vat no', 'vat number', 'vat reg no', 'nif', 'nipc', 'iva', 'p.iva',
             'partita iva', 'cif', 'ust', 'ust-idnr', 'ust-id', 'umsatzsteuer', 'mwst', 'tva',
             'btw', 'btw-nummer', 'btw-id', 'moms', 'momsnr', 'momsregistreringsnummer',
             'momsreg.nr', 'mva', 'uid', 'tax id', 'vat id', 'ид', 'инн']
SSN_WORDS = ['ssn', 'social security', 'social security number', 'soc. sec.']
IMEI_WORDS = ['imei']
CTX_WINDOW = {'phone': 40, 'vat': 64, 'ssn': 64, 'imei': 40}


def _words_re(words):
    alts = sorted({w.lower() for w in words}, key=len, reverse=True)
    return re.compile(r'(?<!\w)(?:' + '|'.join(re.escape(w) for w in alts) + r')(?!\w)', re.I)


CTX_RE = {'phone': _words_re(PHONE_WORDS), 'vat': _words_re(VAT_WORDS),
          'ssn': _words_re(SSN_WORDS), 'imei': _words_re(IMEI_WORDS)}

# Known top-level domains for the e-mail check (reserved names such as .invalid,
# .example, .test, .local are deliberately absent).
TLDS = set('''com org net edu gov int mil info biz name pro io co app dev eu uk pt es se de fr it nl
be at ch no dk fi ie lu pl cz sk si hr hu ro bg gr cy mt ee lv lt is li us ca au nz za br mx ar
cl jp cn in ru ua tr il ae sg hk kr tw mobi email online shop tech cloud store site'''.split())

# ------------------------------------------------------------------ small helpers


def digits_of(s: str) -> str:
    return ''.join(c for c in s if c.isdigit())


def ascii_fold(s: str) -> str:
    return unicodedata.normalize('NFKD', s).encode('ascii', 'ignore').decode('ascii')


def luhn_ok(s: str) -> bool:
    return s.isdigit() and luhn.is_valid(s)


# ---------------------------------------------------------------- canonical forms

def email_canon(addr: str) -> str:
    local, _, domain = addr.rpartition('@')
    return local + '@' + domain.lower()


def ipv4_canon(text: str) -> str | None:
    parts = text.split('.')
    if len(parts) != 4 or not all(p.isdigit() and 1 <= len(p) <= 3 for p in parts):
        return None
    nums = [int(p) for p in parts]
    if any(n > 255 for n in nums):
        return None
    return '.'.join(str(n) for n in nums)


def ipv6_canon(text: str) -> str | None:
    """RFC 5952 text; IPv4-mapped addresses keep the dotted quad (::ffff:192.0.2.1)."""
    try:
        a = ipaddress.IPv6Address(text)
    except ValueError:
        return None
    if a.ipv4_mapped is not None:
        return '::ffff:' + str(a.ipv4_mapped)
    return a.compressed  # lowercase, longest (first) zero run compressed, no single-0 '::'


def mac_canon(text: str) -> str:
    return ':'.join(re.split('[:-]', text.lower()))


# --------------------------------------------------------------------- validators

def valid_pt_nif(s):  # individuals only: first digit 1, 2 or 3, or 45 (non-residents)
    return len(s) == 9 and s.isdigit() and (s[0] in '123' or s[:2] == '45') and pt_nif.is_valid(s)


def valid_es_dni(s):
    return bool(re.fullmatch(r'\d{8}[A-Z]', s)) and es_dni.is_valid(s)


def valid_es_nie(s):
    return bool(re.fullmatch(r'[XYZ]\d{7}[A-Z]', s)) and es_nie.is_valid(s)


def _date_ok(y, m, d):
    try:
        datetime.date(y, m, d)
        return True
    except ValueError:
        return False


def se_pnr_canon(s: str) -> str | None:
    """10-digit canonical personnummer/samordningsnummer, or None."""
    if not s.isdigit() or len(s) not in (10, 12):
        return None
    ten = s[-10:]
    mm, dd = int(ten[2:4]), int(ten[4:6])
    if dd > 60:
        dd -= 60  # samordningsnummer (coordination number)
    if len(s) == 12:
        ok = s[:2] in ('18', '19', '20') and _date_ok(int(s[:4]), mm, dd)
    else:
        yy = int(ten[:2])
        ok = _date_ok(1900 + yy, mm, dd) or _date_ok(2000 + yy, mm, dd)
    if not ok or not luhn.is_valid(ten):
        return None
    return ten


def valid_us_ssn(s):
    return len(s) == 9 and s.isdigit() and us_ssn.is_valid(s)


def valid_nl_bsn(s):
    return len(s) == 9 and s.isdigit() and nl_bsn.is_valid(s)


def valid_it_cf(s):
    return len(s) == 16 and it_cf.is_valid(s)


def valid_fr_nir(s):
    return len(s) == 15 and s.isdigit() and fr_nir.is_valid(s)


NINO_FIRST = 'ABCEGHJKLMNOPRSTWXYZ'
NINO_SECOND = 'ABCEGHJKLMNPRSTWXYZ'
NINO_BAD_PREFIX = {'BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ'}


def valid_uk_nino(s):
    return (bool(re.fullmatch(r'[A-Z]{2}\d{6}[A-D]', s)) and s[0] in NINO_FIRST
            and s[1] in NINO_SECOND and s[:2] not in NINO_BAD_PREFIX)


def valid_de_idnr(s):
    # trawl's validator also applies the issuing rule that no digit stands three times in
    # a row in the first ten digits (stdnum does not), so the corpus avoids those numbers.
    if not (len(s) == 11 and s.isdigit() and de_idnr.is_valid(s)):
        return False
    return not any(s[i] == s[i + 1] == s[i + 2] for i in range(8))


NATID_VALID = {
    'pt_nif': valid_pt_nif, 'es_dni': valid_es_dni, 'es_nie': valid_es_nie,
    'se_personnummer': lambda s: se_pnr_canon(s) == s, 'us_ssn': valid_us_ssn,
    'nl_bsn': valid_nl_bsn, 'it_codice_fiscale': valid_it_cf, 'fr_nir': valid_fr_nir,
    'uk_nino': valid_uk_nino, 'de_steuer_id': valid_de_idnr,
}


def vat_valid(cc: str, body: str) -> bool:
    """body: compact, uppercase, without country prefix and without MVA/MWST suffix."""
    if not body or not re.fullmatch(r'[0-9A-Z]+', body):
        return False
    if cc == 'gb':
        return len(body) in (9, 12) and body.isdigit() and gb_vat.is_valid(body)
    if cc == 'no':
        return len(body) == 9 and body.isdigit() and no_orgnr.is_valid(body)
    if cc == 'ch':
        return len(body) == 9 and body.isdigit() and ch_uid.is_valid('CHE' + body)
    try:
        return eu_vat.is_valid(VAT_PREFIX[cc] + body)
    except Exception:
        return False


def vat_bare_ok(cc: str, body: str) -> bool:
    """Policy for numbers written WITHOUT the country prefix (need a VAT context word)."""
    if len(body) < 8:
        return False
    if cc == 'pt' and body[0] not in '5689':   # 1/2/3 = an individual's NIF (pt_nif)
        return False
    if cc == 'es' and not (body[0] in 'ABCDEFGHJNPQRSUVW' and es_cif.is_valid(body)):
        return False                            # DNI/NIE bodies are national ids
    return vat_valid(cc, body)


def vat_canon_prefixed(s: str):
    """s compact uppercase. Returns list of (cc, canonical) for prefixed VAT readings."""
    out = []
    for cc in VAT_CCS:
        for p in ([VAT_PREFIX[cc]] + (['GR'] if cc == 'gr' else [])):
            if s.startswith(p) and len(s) > len(p):
                body = s[len(p):]
                if cc == 'ch':
                    body = re.sub(r'(MWST|TVA|IVA|TPV)$', '', body)
                if cc == 'no':
                    body = re.sub(r'MVA$', '', body)
                if vat_valid(cc, body):
                    out.append((cc, VAT_PREFIX[cc] + body))
    return out


def valid_iban(s):
    return bool(re.fullmatch(r'[A-Z]{2}\d{2}[A-Z0-9]{11,30}', s)) and std_iban.is_valid(s)


CARD_PREFIX_RE = re.compile(r'^(4|5[1-5]|2(2[2-9][1-9]|2[3-9]\d|[3-6]\d\d|7[01]\d|720)|3[47]|6011|65)')


def valid_card(s):
    return s.isdigit() and 13 <= len(s) <= 19 and luhn.is_valid(s) and bool(CARD_PREFIX_RE.match(s))


def valid_imei(s):
    return len(s) == 15 and s.isdigit() and std_imei.is_valid(s)


def phone_parse(text: str, region: str | None):
    try:
        n = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(n):
        return None
    return phonenumbers.format_number(n, phonenumbers.PhoneNumberFormat.E164)


def validate_truth(kind: str, value: str) -> str | None:
    """Independent re-validation of a ground-truth (kind, canonical value).
    Returns an error string or None."""
    if kind == 'email':
        m = re.fullmatch(r'([A-Za-z0-9._%+-]+)@([a-z0-9-]+(?:\.[a-z0-9-]+)+)', value)
        if not m or m.group(2).rsplit('.', 1)[1] not in TLDS:
            return 'bad email'
    elif kind == 'phone':
        if not value.startswith('+') or phone_parse(value, None) != value:
            return 'not a valid E.164 number'
    elif kind == 'ipv4':
        if ipv4_canon(value) != value:
            return 'not a canonical dotted quad'
    elif kind == 'ipv6':
        if ipv6_canon(value) != value:
            return 'not RFC 5952 canonical'
    elif kind == 'iban':
        if not valid_iban(value):
            return 'invalid IBAN'
    elif kind == 'payment_card':
        if not valid_card(value):
            return 'invalid card number'
    elif kind == 'mac_address':
        if not re.fullmatch(r'[0-9a-f]{2}(:[0-9a-f]{2}){5}', value):
            return 'not canonical MAC'
    elif kind == 'imei':
        if not valid_imei(value):
            return 'invalid IMEI'
    elif kind.startswith('vat_id.'):
        cc = kind[7:]
        p = VAT_PREFIX.get(cc)
        if not p or not value.startswith(p) or not vat_valid(cc, value[len(p):]):
            return 'invalid VAT number'
    elif kind.startswith('national_id.'):
        f = NATID_VALID.get(kind[12:])
        if not f or not f(value):
            return 'invalid national id'
    else:
        return 'unknown kind'
    return None


# ------------------------------------------------------------------------ oracle

EMAIL_RE = re.compile(r'(?<![A-Za-z0-9._%+-])([A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)')
IPV4_RE = re.compile(r'(?<![\w.:])(\d{1,3}(?:\.\d{1,3}){3})(?![\w]|\.\d)')
IPV6_RE = re.compile(r'(?<![0-9A-Za-z:.])((?:[0-9A-Fa-f]{0,4}:){2,7}(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9A-Fa-f]{0,4}))(?![0-9A-Za-z:])')
MAC_RE = re.compile(r'(?<![0-9A-Za-z:-])([0-9A-Fa-f]{2}([:-])[0-9A-Fa-f]{2}(?:\2[0-9A-Fa-f]{2}){4})(?![0-9A-Za-z:-])')
GROUP_RE = re.compile(r'[0-9A-Za-z]+')
SEPS = set(' .-/()')
MAX_GROUPS = 9


def _ctx_ends(line):
    return {k: [m.end() for m in r.finditer(line)] for k, r in CTX_RE.items()}


def _has_ctx(line, ends, kind, pos, force):
    if kind in force:
        return True
    w = CTX_WINDOW[kind]
    for e in ends[kind]:
        if e <= pos and len(line[e:pos].encode('utf-8')) <= w:
            return True
    return False


def chunks(line):
    """Alphanumeric groups joined by 1-2 separator characters from ' .-/()'."""
    out, cur = [], []
    for m in GROUP_RE.finditer(line):
        g = (m.start(), m.end(), m.group())
        if cur:
            gap = line[cur[-1][1]:g[0]]
            if 1 <= len(gap) <= 2 and all(c in SEPS for c in gap):
                cur.append(g)
                continue
            out.append(cur)
        cur = [g]
    if cur:
        out.append(cur)
    return out


def oracle(line: str, region: str | None, force=frozenset()):
    """Every (kind, canonical value) readable on one line.  `force` lists context
    kinds ('phone', 'vat', 'ssn', 'imei') to treat as present everywhere (used for
    decoys, which must fail even with their context word next to them)."""
    found = set()
    ends = _ctx_ends(line)
    for m in EMAIL_RE.finditer(line):
        addr = m.group(1).rstrip('.')
        if addr.rsplit('.', 1)[-1].lower() in TLDS and not addr.startswith('.'):
            found.add(('email', email_canon(addr)))
    for m in IPV4_RE.finditer(line):
        c = ipv4_canon(m.group(1))
        if c:
            found.add(('ipv4', c))
    for m in IPV6_RE.finditer(line):
        if m.group(1).count(':') >= 2:
            c = ipv6_canon(m.group(1))
            if c:
                found.add(('ipv6', c))
    for m in MAC_RE.finditer(line):
        found.add(('mac_address', mac_canon(m.group(1))))

    for ch in chunks(line):
        n = len(ch)
        texts = [g[2] for g in ch]
        isdig = [t.isdigit() for t in texts]
        for i in range(n):
            start = ch[i][0]
            s = ''
            for j in range(i, min(n, i + MAX_GROUPS)):
                s += texts[j].upper()
                if len(s) > 34:
                    break
                _interpret(found, line, ends, region, force, s, start, ch, i, j, isdig)
        # phones: maximal digit runs
        for i in range(n):
            if not isdig[i] or (i > 0 and isdig[i - 1]):
                continue
            j = i
            while j + 1 < n and isdig[j + 1]:
                j += 1
            run = ''.join(texts[i:j + 1])
            if len(run) > 17:
                continue
            plus = i == 0 and ch[0][0] > 0 and line[ch[0][0] - 1] == '+'
            if plus:
                e = phone_parse('+' + run, None)
                if e:
                    found.add(('phone', e))
            elif run.startswith('00') and len(run) > 8:
                e = phone_parse('+' + run[2:], None)
                if e:
                    found.add(('phone', e))
            elif region and len(run) >= 6 and _has_ctx(line, ends, 'phone', ch[i][0], force):
                e = phone_parse(run, region)
                if e:
                    found.add(('phone', e))
    return found


def _interpret(found, line, ends, region, force, s, start, ch, i, j, isdig):
    L = len(s)
    if s.isdigit():
        if 13 <= L <= 19 and luhn.is_valid(s):
            if L == 15 and _has_ctx(line, ends, 'imei', start, force):
                found.add(('imei', s))
            else:
                found.add(('payment_card', s))
        if L == 15 and valid_fr_nir(s):
            found.add(('national_id.fr_nir', s))
        if L == 11 and valid_de_idnr(s):
            found.add(('national_id.de_steuer_id', s))
        if L in (10, 12):
            c = se_pnr_canon(s)
            if c:
                found.add(('national_id.se_personnummer', c))
        if L == 9:
            if valid_pt_nif(s):
                found.add(('national_id.pt_nif', s))
            if valid_nl_bsn(s):
                found.add(('national_id.nl_bsn', s))
            if valid_us_ssn(s):
                lens = [len(ch[k][2]) for k in range(i, j + 1)]
                if lens == [3, 2, 4] or (i == j and _has_ctx(line, ends, 'ssn', start, force)):
                    found.add(('national_id.us_ssn', s))
        if 8 <= L <= 12 and _has_ctx(line, ends, 'vat', start, force):
            for cc in BARE_VAT_CCS:
                if vat_bare_ok(cc, s):
                    found.add(('vat_id.' + cc, VAT_PREFIX[cc] + s))
        return
    if L < 4:
        return
    for cc, canon in vat_canon_prefixed(s):
        found.add(('vat_id.' + cc, canon))
    if L < 8:
        return
    if valid_iban(s):
        found.add(('iban', s))
    if valid_es_dni(s):
        found.add(('national_id.es_dni', s))
    if valid_es_nie(s):
        found.add(('national_id.es_nie', s))
    if L == 16 and valid_it_cf(s):
        found.add(('national_id.it_codice_fiscale', s))
    if valid_uk_nino(s):
        found.add(('national_id.uk_nino', s))
    if L <= 14 and _has_ctx(line, ends, 'vat', start, force):
        for cc in BARE_VAT_CCS:
            if vat_bare_ok(cc, s):
                found.add(('vat_id.' + cc, VAT_PREFIX[cc] + s))


# -------------------------------------------------------------------- generators


def _fill(rng, tpl):
    out = []
    for c in tpl:
        if c == '#':
            out.append(rng.choice('0123456789'))
        elif c == 'N':
            out.append(rng.choice('123456789'))
        elif c == 'L':
            out.append(rng.choice('ABCDEFGHIJKLMNOPQRSTUVWXYZ'))
        else:
            out.append(c)
    return ''.join(out)


def gen_pt_nif(rng):
    body = rng.choice('1122223') + _fill(rng, '#######')
    return body + pt_nif.calc_check_digit(body)


def gen_es_dni(rng):
    n = _fill(rng, 'N#######')
    return n + es_dni.calc_check_digit(n)


def gen_es_nie(rng):
    p = rng.choice('XXYZ')
    n = _fill(rng, '#######')
    return p + n + es_nie.calc_check_digit(p + n)


def gen_se_pnr(rng, coordination=False):
    """Returns (canonical10, full12)."""
    while True:
        y = rng.randint(1950, 2004)
        m = rng.randint(1, 12)
        d = rng.randint(1, 28)
        dd = d + 60 if coordination else d
        nine = '%02d%02d%02d%s' % (y % 100, m, dd, _fill(rng, '###'))
        ten = nine + luhn.calc_check_digit(nine)
        if se_pnr_canon(ten) == ten:
            return ten, str(y)[:2] + ten


def gen_us_ssn(rng):
    while True:
        s = '%03d%02d%04d' % (rng.randint(1, 899), rng.randint(1, 99), rng.randint(1, 9999))
        if valid_us_ssn(s):
            return s


def gen_nl_bsn(rng):
    while True:
        s = _fill(rng, 'N########')
        if valid_nl_bsn(s):
            return s


def gen_de_idnr(rng):
    while True:
        s = _fill(rng, 'N##########')
        if valid_de_idnr(s):
            return s


def gen_uk_nino(rng):
    while True:
        p = rng.choice(NINO_FIRST) + rng.choice(NINO_SECOND)
        s = p + _fill(rng, '######') + rng.choice('ABCD')
        if valid_uk_nino(s):
            return s


_CF_MONTHS = 'ABCDEHLMPRST'
_BELFIORE = ['H501', 'F205', 'L219', 'A662', 'G273', 'D612', 'F839', 'L736', 'A944', 'C351',
             'G224', 'B157', 'E506', 'L424']


def _cf_part(word, is_name):
    w = re.sub('[^A-Z]', '', ascii_fold(word).upper())
    cons = [c for c in w if c not in 'AEIOU']
    vows = [c for c in w if c in 'AEIOU']
    if is_name and len(cons) >= 4:
        cons = [cons[0], cons[2], cons[3]]
    return (''.join(cons + vows) + 'XXX')[:3]


def gen_it_cf(rng, first, last, female, birth: datetime.date):
    s = (_cf_part(last, False) + _cf_part(first, True) + '%02d' % (birth.year % 100)
         + _CF_MONTHS[birth.month - 1] + '%02d' % (birth.day + (40 if female else 0))
         + rng.choice(_BELFIORE))
    return s + it_cf.calc_check_digit(s)


def gen_fr_nir(rng, female, birth: datetime.date):
    while True:
        dept = rng.choice([d for d in range(1, 96) if d != 20])
        s = '%d%02d%02d%02d%03d%03d' % (2 if female else 1, birth.year % 100, birth.month, dept,
                                        rng.randint(1, 990), rng.randint(1, 999))
        s += fr_nir.calc_check_digits(s)
        if valid_fr_nir(s):
            return s


VAT_TEMPLATES = {
    'at': ['U########'], 'be': ['0#########', '1#########'], 'bg': ['#########'],
    'cy': ['1#######L', '0#######L'], 'cz': ['2#######', '6#######'], 'de': ['N########'],
    'dk': ['N#######'], 'ee': ['10#######'], 'es': ['A#######?', 'B#######?'],
    'fi': ['########'], 'fr': ['##N########'], 'gr': ['0########', '8########', '9########'],
    'hr': ['###########'], 'hu': ['N#######'], 'ie': ['#######L'], 'it': ['#######0###'],
    'lt': ['#######1#'], 'lu': ['N#######'], 'lv': ['4##########', '5##########'],
    'mt': ['N#######'], 'nl': ['N########B0N'], 'pl': ['N#########'],
    'pt': ['5########', '5########', '5########', '6########', '9########'],
    'ro': ['N#######'], 'se': ['55########01'], 'si': ['N#######'],
    'sk': ['N#2#######', 'N#7#######', 'N#8#######'], 'gb': ['N########'],
    'no': ['9########', '8########'], 'ch': ['1########'],
}


def gen_vat(rng, cc):
    """Returns the compact body (no prefix)."""
    for _ in range(200000):
        t = rng.choice(VAT_TEMPLATES[cc])
        if '?' in t:  # Spanish CIF: try every check character
            base = _fill(rng, t.replace('?', ''))
            cands = [base + c for c in '0123456789ABCDEFGHIJ']
            rng.shuffle(cands)
            for c in cands:
                if vat_valid(cc, c):
                    return c
            continue
        s = _fill(rng, t)
        if cc == 'nl':
            nine = s[:9]
            if not valid_nl_bsn(nine):
                continue
        if vat_valid(cc, s):
            return s
    raise RuntimeError('could not generate VAT for ' + cc)


# IBAN: (country, bban template, bank codes)
IBAN_SPECS = {
    'PT': (['0007', '0010', '0018', '0033', '0035', '0036', '0045', '0079', '0193', '0269'], '####' '###########'),
    'ES': (['0049', '0075', '0081', '0128', '0182', '2100', '2038', '0030'], '####' + '##' + '##########'),
    'DE': (['10010010', '37040044', '50010517', '70020270', '20041133', '43060967'], '##########'),
    'FR': (['30004', '30002', '20041', '30003', '10107', '17515'], '#####' + '###########'),
    'IT': (['03069', '02008', '05034', '03062', '01030'], '#####' + '############'),
    'NL': (['ABNA', 'INGB', 'RABO', 'SNSB', 'TRIO', 'BUNQ'], '##########'),
    'GB': (['NWBK', 'BARC', 'LOYD', 'HBUK', 'MIDL'], '######' + '########'),
    'SE': (['500', '800', '600', '300', '120'], '#################'),
    'BE': (['000', '001', '068', '310', '363'], '#########'),
    'AT': (['12000', '20111', '32000', '60000'], '###########'),
    'IE': (['AIBK', 'BOFI', 'IPBS'], '######' + '########'),
    'LU': (['001', '002', '003', '019'], '#############'),
    'CH': (['00762', '00230', '08390'], '############'),
    'NO': (['1503', '8601', '9710'], '#######'),
    'PL': (['10901014', '11402004', '10203352'], '################'),
    'DK': (['0040', '3000', '5301'], '##########'),
    'FI': (['123456', '400000', '800026'], '########'),
}

_IT_ODD = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23]


def _it_cin(s):
    tot = 0
    for i, c in enumerate(s):
        v = int(c) if c.isdigit() else ord(c) - 65
        tot += _IT_ODD[v] if i % 2 == 0 else v
    return chr(65 + tot % 26)


def gen_iban(rng, cc):
    banks, tpl = IBAN_SPECS[cc]
    for _ in range(100000):
        bban = rng.choice(banks) + _fill(rng, tpl)
        if cc == 'PT':
            bban += '%02d' % (98 - (int(bban) * 100) % 97)
        elif cc == 'ES':
            b, rest = bban[:8], bban[8:]
            acct = rest[2:]
            bban = b + es_ccc.calc_check_digits(b + '00' + acct) + acct
        elif cc == 'FR':
            bank, guichet, compte = int(bban[:5]), int(bban[5:10]), int(bban[10:])
            bban += '%02d' % (97 - ((89 * bank + 15 * guichet + 3 * compte) % 97))
        elif cc == 'IT':
            bban = _it_cin(bban) + bban
        ib = cc + '00' + bban
        ib = cc + std_iban.calc_check_digits(ib) + bban
        if valid_iban(ib):
            return ib
    raise RuntimeError('iban ' + cc)


def gen_card(rng, brand):
    if brand == 'visa':
        body = '4' + _fill(rng, '##############')
    elif brand == 'mastercard':
        body = rng.choice(['51', '52', '53', '54', '55', '2221', '2720', '23']) 
        body += _fill(rng, '#' * (15 - len(body)))
    elif brand == 'amex':
        body = rng.choice(['34', '37']) + _fill(rng, '############')
    else:
        body = rng.choice(['6011', '65']) 
        body += _fill(rng, '#' * (15 - len(body)))
    s = body + luhn.calc_check_digit(body)
    assert valid_card(s), s
    return s


def gen_imei(rng):
    body = rng.choice(['35', '35', '86', '01']) + _fill(rng, '############')
    return body + luhn.calc_check_digit(body)


def gen_mac(rng):
    b = [rng.randint(0, 255) for _ in range(6)]
    b[0] &= 0xFE  # unicast
    return ':'.join('%02x' % x for x in b)


def gen_ipv4(rng, private_share=0.3):
    if rng.random() < private_share:
        k = rng.randint(0, 2)
        if k == 0:
            return '10.%d.%d.%d' % (rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254))
        if k == 1:
            return '192.168.%d.%d' % (rng.randint(0, 255), rng.randint(1, 254))
        return '172.%d.%d.%d' % (rng.randint(16, 31), rng.randint(0, 255), rng.randint(1, 254))
    net = rng.choice(['192.0.2', '198.51.100', '203.0.113'])
    return '%s.%d' % (net, rng.randint(1, 254))


def gen_ipv6(rng):
    k = rng.random()
    h = lambda: '%x' % rng.randint(1, 0xffff)
    if k < 0.35:
        s = '2001:db8:%s:%s::%s' % (h(), h(), h())
    elif k < 0.55:
        s = '2001:db8::%s' % h()
    elif k < 0.8:
        s = '2001:db8:%s:%s:%s:%s:%s:%s' % (h(), h(), h(), '0', h(), h())
    elif k < 0.9:
        s = 'fd%02x:%s:%s::%s' % (rng.randint(0, 255), h(), h(), h())
    else:
        s = '::ffff:' + gen_ipv4(rng, 0.0)
    return ipv6_canon(s)


def ipv6_written(rng, canon):
    """Non-canonical spellings of a canonical IPv6 address."""
    a = ipaddress.IPv6Address(canon)
    if a.ipv4_mapped is not None:
        k = rng.random()
        if k < 0.4:
            return canon
        if k < 0.6:
            return canon.upper().replace('::FFFF', '::FFFF')
        if k < 0.8:
            h = a.exploded.split(':')
            return '0:0:0:0:0:ffff:%s:%s' % (h[6].lstrip('0') or '0', h[7].lstrip('0') or '0')
        return a.exploded
    k = rng.random()
    if k < 0.55:
        return canon
    if k < 0.72:
        return canon.upper()
    if k < 0.9:
        return a.exploded
    # leading zeros kept in some groups, but compressed
    parts = canon.split(':')
    return ':'.join(p.zfill(4) if p and rng.random() < 0.5 else p for p in parts)


# ------------------------------------------------------------------------- phones

PHONE_NSN = {
    'PT': {'mobile': ['91#######', '92#######', '93#######', '96#######'], 'fixed': ['21#######', '22#######', '239######']},
    'ES': {'mobile': ['6########', '6########', '7[1]#######'], 'fixed': ['91#######', '93#######', '96#######']},
    'SE': {'mobile': ['70#######', '72#######', '73#######', '76#######'], 'fixed': ['8########', '31######', '480######']},
    'DE': {'mobile': ['151########', '160#######', '170#######', '176########'], 'fixed': ['30#######', '30########', '89#######', '40#######', '221#######', '69#######']},
    'FR': {'mobile': ['6########', '7########'], 'fixed': ['1########', '4########', '5########']},
    'IT': {'mobile': ['33########', '34########', '32########'], 'fixed': ['02########', '06########', '011#######']},
    'NL': {'mobile': ['6########'], 'fixed': ['20#######', '10#######', '30#######']},
    'GB': {'mobile': ['74########', '75########', '78########', '79########'], 'fixed': ['20794600##', '1134960###', '1614960###', '1174960###']},
    'US': {'mobile': ['AAA55501##'], 'fixed': ['AAA55501##']},
    'RU': {'mobile': ['91########', '92########', '93########'], 'fixed': ['495#######']},
    'AT': {'mobile': ['664#######', '676#######'], 'fixed': ['1#######']},
    'BE': {'mobile': ['47#######', '49#######'], 'fixed': ['2#######']},
    'IE': {'mobile': ['85#######', '87#######'], 'fixed': ['1#######']},
    'CH': {'mobile': ['79#######', '78#######'], 'fixed': ['44#######']},
    'NO': {'mobile': ['4#######', '9#######'], 'fixed': ['2#######']},
    'DK': {'mobile': ['2#######', '3#######'], 'fixed': ['3#######']},
    'PL': {'mobile': ['5########', '6########'], 'fixed': ['22#######']},
    'FI': {'mobile': ['40#######', '50#######'], 'fixed': ['9########']},
    'AU': {'mobile': ['491570###'], 'fixed': ['255501###']},
}
US_AREAS = ['212', '312', '415', '617', '202', '305', '512', '206', '303', '404', '503', '718']
REGION_CC = {'PT': '351', 'ES': '34', 'SE': '46', 'DE': '49', 'FR': '33', 'IT': '39', 'NL': '31',
             'GB': '44', 'US': '1', 'RU': '7', 'AT': '43', 'BE': '32', 'IE': '353', 'CH': '41',
             'NO': '47', 'DK': '45', 'PL': '48', 'FI': '358', 'AU': '61'}


def gen_phone(rng, region, kind=None):
    """Returns (e164, nsn) for a random valid number."""
    if region not in PHONE_NSN:
        return _gen_phone_generic(rng, region, kind)
    kinds = PHONE_NSN[region]
    for _ in range(10000):
        k = kind or rng.choice(['mobile', 'mobile', 'fixed'])
        tpl = rng.choice(kinds[k])
        tpl = re.sub(r'\[(\d+)\]', lambda m: rng.choice(m.group(1)), tpl)
        tpl = tpl.replace('AAA', rng.choice(US_AREAS))
        nsn = _fill(rng, tpl)
        if region == 'IT' and k == 'fixed':
            pass  # Italian fixed numbers keep their leading 0 in the NSN
        e = phone_parse('+' + REGION_CC[region] + nsn, None)
        if e:
            n = phonenumbers.parse(e, None)
            return e, phonenumbers.national_significant_number(n)
    raise RuntimeError('phone ' + region)


def _gen_phone_generic(rng, region, kind=None):
    types = [phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE]
    if kind == 'fixed':
        types.reverse()
    for t in types:
        ex = phonenumbers.example_number_for_type(region, t)
        if ex is None:
            continue
        nsn = phonenumbers.national_significant_number(ex)
        keep = max(2, len(nsn) - 5)
        for _ in range(2000):
            cand = nsn[:keep] + _fill(rng, '#' * (len(nsn) - keep))
            if cand == nsn:
                continue
            e = phone_parse('+%d%s' % (ex.country_code, cand), None)
            if e:
                return e, cand
    raise RuntimeError('phone ' + region)


def _grp(s, sizes, sep=' '):
    out, i = [], 0
    for z in sizes:
        out.append(s[i:i + z])
        i += z
    if i < len(s):
        out.append(s[i:])
    return sep.join(x for x in out if x)


def phone_national_forms(region, e164):
    """Several spellings in the national format of `region` (need a context word)."""
    n = phonenumbers.parse(e164, None)
    nat = phonenumbers.format_number(n, phonenumbers.PhoneNumberFormat.NATIONAL)
    nsn = phonenumbers.national_significant_number(n)
    forms = [nat]
    if region == 'PT':
        forms += [_grp(nsn, [3, 3, 3]), nsn]
    elif region == 'ES':
        forms += [_grp(nsn, [3, 3, 3]), nsn]
    elif region == 'SE':
        t = '0' + nsn
        if nsn.startswith('7'):
            forms += [t[:3] + '-' + _grp(t[3:], [3, 2, 2]), t[:3] + ' ' + _grp(t[3:], [3, 2, 2]), t]
        else:
            forms += [t]
    elif region == 'DE':
        t = '0' + nsn
        a = 3 if nsn[:2] in ('30', '89', '40', '69') else 4
        forms += ['(%s) %s' % (t[:a], t[a:]), '%s/%s' % (t[:a], t[a:]), '%s %s' % (t[:a], t[a:])]
    elif region == 'FR':
        t = '0' + nsn
        forms += ['.'.join(t[i:i + 2] for i in range(0, 10, 2)), t]
    elif region == 'IT':
        forms += [nsn]
    elif region == 'NL':
        t = '0' + nsn
        if nsn.startswith('6'):
            forms += ['06-' + nsn[1:], '06 ' + nsn[1:]]
        else:
            forms += [t[:3] + '-' + t[3:], t[:3] + ' ' + t[3:]]
    elif region == 'GB':
        forms += ['0' + nsn]
    elif region == 'US':
        forms += ['%s-%s-%s' % (nsn[:3], nsn[3:6], nsn[6:]), '%s.%s.%s' % (nsn[:3], nsn[3:6], nsn[6:]),
                  '(%s) %s-%s' % (nsn[:3], nsn[3:6], nsn[6:])]
    elif region == 'RU':
        forms += ['8 (%s) %s-%s-%s' % (nsn[:3], nsn[3:6], nsn[6:8], nsn[8:])]
    ok = []
    for f in forms:
        if phone_parse(f, region) == e164 and f not in ok:
            ok.append(f)
    return ok


TRUNK_ZERO = {'SE', 'DE', 'GB', 'NL', 'FR', 'AT', 'CH', 'BE', 'FI'}


def phone_intl_forms(region, e164):
    """International spellings (valid without context)."""
    n = phonenumbers.parse(e164, None)
    intl = phonenumbers.format_number(n, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    cc = str(n.country_code)
    rest = intl[len(cc) + 2:]
    forms = [intl, intl, e164, '00' + intl[1:]]
    if region in TRUNK_ZERO:
        forms += ['+%s (0)%s' % (cc, rest), '+%s0%s' % (cc, e164[len(cc) + 1:])]
    if region == 'US':
        nsn = phonenumbers.national_significant_number(n)
        forms += ['+1 (%s) %s-%s' % (nsn[:3], nsn[3:6], nsn[6:])]
    ok = []
    for f in forms:
        g = f if f.startswith('+') else '+' + f[2:]
        if phone_parse(g, None) == e164 and f not in ok:
            ok.append(f)
    return ok


# --------------------------------------------------------------- written forms
# Each *_forms function returns every spelling used in the corpus (duplicates act as
# weights).  Callers pre-check each spelling in isolation and drop ambiguous ones.


def group_digits(s, sizes, sep=' '):
    return _grp(s, sizes, sep)


VAT_GROUPS = {
    'pt': [3, 3, 3], 'de': [3, 3, 3], 'fr': [2, 3, 3, 3], 'gb': [3, 4, 2], 'no': [3, 3, 3],
    'dk': [2, 2, 2, 2], 'gr': [3, 3, 3], 'pl': [3, 3, 2, 2], 'it': [], 'es': [], 'se': [],
}


def vat_forms(cc, body, prefixed=True):
    """Spellings of a VAT number; without prefix the caller adds a context word."""
    p = VAT_PREFIX[cc]
    if cc == 'nl':  # keep 'B' attached so the 9-digit part never stands alone
        return [p + body, p + body, p + ' ' + body] if prefixed else [body]
    if cc == 'ch':
        g = '.'.join([body[:3], body[3:6], body[6:]])
        if not prefixed:
            return [g, g + ' MWST']
        return ['CHE-' + g, 'CHE-%s MWST' % g, 'CHE-%s TVA' % g, 'CHE' + body]
    if cc == 'no':
        g = _grp(body, [3, 3, 3])
        return ['NO' + body + 'MVA', 'NO %s MVA' % g, 'NO' + body] if prefixed else [g, body]
    if cc == 'be':
        g = '.'.join([body[:4], body[4:7], body[7:]])
        return [p + body, p + body, p + ' ' + g, p + g] if prefixed else [body, g]
    sizes = VAT_GROUPS.get(cc)
    forms = [body, body]
    if sizes:
        forms.append(_grp(body, sizes))
    if not prefixed:
        return forms
    out = [p + f for f in forms[:2]] + [p + ' ' + f for f in forms[1:]]
    return out


def iban_forms(iban):
    return [_grp(iban, [4] * 10), _grp(iban, [4] * 10), iban]


def card_forms(num):
    g = [4, 6, 5] if len(num) == 15 else [4, 4, 4, 4]
    return [_grp(num, g), _grp(num, g), _grp(num, g, '-'), num]


def imei_forms(s):
    return [s, s, '%s-%s-%s-%s' % (s[:2], s[2:8], s[8:14], s[14]),
            '%s %s %s %s' % (s[:2], s[2:8], s[8:14], s[14])]


def mac_forms(canon):
    return [canon, canon.upper(), canon.replace(':', '-').upper(), canon.replace(':', '-')]


def ipv6_forms(canon):
    """Canonical plus non-canonical spellings of a canonical IPv6 address."""
    a = ipaddress.IPv6Address(canon)
    if a.ipv4_mapped is not None:
        h = a.exploded.split(':')
        return [canon, canon, canon.replace('::ffff:', '::FFFF:'),
                '0:0:0:0:0:ffff:%s:%s' % (h[6].lstrip('0') or '0', h[7].lstrip('0') or '0'),
                a.exploded]
    parts = canon.split(':')
    lead = ':'.join(p.zfill(4) if p else p for p in parts)
    return [canon, canon, canon, canon.upper(), a.exploded, lead]


def natid_forms(sub, value, extra=None):
    if sub == 'pt_nif':
        return [value, value, _grp(value, [3, 3, 3])]
    if sub == 'es_dni':
        return [value, value, value[:8] + '-' + value[8],
                '%s.%s.%s-%s' % (value[:2], value[2:5], value[5:8], value[8])]
    if sub == 'es_nie':
        return [value, value, '%s-%s-%s' % (value[0], value[1:8], value[8])]
    if sub == 'se_personnummer':
        full12 = extra
        return [value[:6] + '-' + value[6:], value[:6] + '-' + value[6:],
                full12[:8] + '-' + full12[8:], value, full12]
    if sub == 'us_ssn':
        return ['%s-%s-%s' % (value[:3], value[3:5], value[5:])]
    if sub == 'nl_bsn':
        return [value, value, _grp(value, [4, 2, 3], '.')]
    if sub == 'it_codice_fiscale':
        return [value]
    if sub == 'fr_nir':
        g = _grp(value, [1, 2, 2, 2, 3, 3, 2])
        return [g, g, value]
    if sub == 'uk_nino':
        return [_grp(value, [2, 2, 2, 2, 1]), _grp(value, [2, 2, 2, 2, 1]), value]
    if sub == 'de_steuer_id':
        return [value, value, _grp(value, [2, 3, 3, 3])]
    raise KeyError(sub)


# ------------------------------------------------------------ decoy helpers

def wrong_check_variants(s):
    """Same string with the last digit (check digit) changed, in every possible way."""
    idx = max(i for i, c in enumerate(s) if c.isdigit())
    return [s[:idx] + d + s[idx + 1:] for d in '0123456789' if d != s[idx]]


ISBN_GROUPS = ['9780', '9781', '9782', '9783', '97884', '97888', '97890', '97891', '978972']


def gen_isbn13(rng):
    while True:
        g = rng.choice(ISBN_GROUPS)
        body = g + _fill(rng, '#' * (12 - len(g)))
        s = body + std_ean.calc_check_digit(body)
        if std_isbn.is_valid(s) and not luhn.is_valid(s):
            try:
                f = std_isbn.format(s)
            except Exception:
                continue
            if f.count('-') == 4:
                return f
