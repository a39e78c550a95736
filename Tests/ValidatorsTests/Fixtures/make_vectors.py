#!/usr/bin/env python3
"""Fabricates the test vectors for the Validators target.

Independent reference: python-stdnum (validators), phonenumbers (phone) and the standard
library's ipaddress (IP). Every valid vector is a random body whose check characters were
found by asking the reference which ones it accepts; every invalid one is a valid vector
with one character changed (or cut short) that the reference rejects. All numbers are
synthetic. Run from anywhere:

    python3 Tests/ValidatorsTests/Fixtures/make_vectors.py

It rewrites vectors.json, phone_vectors.json and ip_vectors.json next to this script.
Where trawl's rule is deliberately stricter than python-stdnum (noted per validator), the
stricter rule is applied on top of stdnum's answer.
"""
import datetime
import ipaddress
import itertools
import json
import os
import random
import string

import phonenumbers
from phonenumbers import PhoneNumberFormat, PhoneNumberType
from stdnum import iban, imei, luhn
from stdnum.at import uid as at_uid
from stdnum.be import vat as be_vat
from stdnum.bg import vat as bg_vat
from stdnum.ch import uid as ch_uid, vat as ch_vat
from stdnum.cy import vat as cy_vat
from stdnum.cz import dic as cz_dic
from stdnum.de import idnr as de_idnr, vat as de_vat
from stdnum.dk import cvr as dk_cvr
from stdnum.ee import kmkr as ee_kmkr
from stdnum.es import dni as es_dni, nie as es_nie, nif as es_nif
from stdnum.fi import alv as fi_alv
from stdnum.fr import nir as fr_nir, tva as fr_tva
from stdnum.gb import vat as gb_vat
from stdnum.gr import vat as gr_vat
from stdnum.hr import oib as hr_oib
from stdnum.hu import anum as hu_anum
from stdnum.ie import vat as ie_vat
from stdnum.it import codicefiscale as it_cf, iva as it_iva
from stdnum.lt import pvm as lt_pvm
from stdnum.lu import tva as lu_tva
from stdnum.lv import pvn as lv_pvn
from stdnum.mt import vat as mt_vat
from stdnum.nl import bsn as nl_bsn, btw as nl_btw
from stdnum.no import mva as no_mva, orgnr as no_orgnr
from stdnum.pl import nip as pl_nip
from stdnum.pt import nif as pt_nif
from stdnum.ro import cf as ro_cf
from stdnum.se import personnummer as se_pnr, vat as se_vat
from stdnum.si import ddv as si_ddv
from stdnum.sk import dph as sk_dph
from stdnum.us import ssn as us_ssn

HERE = os.path.dirname(os.path.abspath(__file__))
rng = random.Random(20240301)
N = 20
D = string.digits
D1 = '123456789'
U = string.ascii_uppercase


# ---------------------------------------------------------------- helpers

def pick(chars):
    return rng.choice(chars)


def digits(n, chars=D):
    return ''.join(pick(chars) for _ in range(n))


def fill(template, ref, checks=D):
    """Random body; '#' marks check positions, tried with every character of `checks`."""
    slots = [i for i, c in enumerate(template) if c == '#']
    found = []
    for combo in itertools.product(checks, repeat=len(slots)):
        s = list(template)
        for i, c in zip(slots, combo):
            s[i] = c
        s = ''.join(s)
        if ref(s):
            found.append(s)
    return rng.choice(found) if found else None


def rand_date(y0=1930, y1=2019):
    start = datetime.date(y0, 1, 1).toordinal()
    end = datetime.date(y1, 12, 31).toordinal()
    return datetime.date.fromordinal(rng.randint(start, end))


def collect(gen, ref, n=N):
    out = []
    for _ in range(20000):
        s = gen()
        if s and ref(s) and s not in out:
            out.append(s)
            if len(out) == n:
                return out
    raise SystemExit('could not fabricate enough vectors')


def mutate(valid, ref, n=N, skip=0):
    """Invalid vectors: one digit changed (after `skip` leading characters), plus a few cut short."""
    out = []
    for _ in range(20000):
        s = rng.choice(valid)
        positions = [i for i, c in enumerate(s) if c.isdigit() and i >= skip]
        i = rng.choice(positions)
        t = s[:i] + rng.choice([d for d in D if d != s[i]]) + s[i + 1:]
        if not ref(t) and t not in out:
            out.append(t)
            if len(out) == n:
                break
    for s in valid[:4]:
        if not ref(s[:-1]) and s[:-1] not in out:
            out.append(s[:-1])
    return out


def prefixed(valid, prefixes):
    """Every other vector carries a country prefix."""
    return [rng.choice(prefixes) + s if i % 2 else s for i, s in enumerate(valid)]


VECTORS = {}


def add(name, gen, ref, prefixes=(), skip=0):
    valid = collect(gen, ref)
    if prefixes:
        valid = prefixed(valid, list(prefixes))
    VECTORS[name] = {'valid': valid, 'invalid': mutate(valid, ref, skip=skip)}


# ---------------------------------------------------------------- cards

ISSUERS = [  # (low, high, lengths): an independent copy of the public issuer ranges
    (4, 4, (13, 16, 19)), (51, 55, (16,)), (2221, 2720, (16,)), (34, 34, (15,)), (37, 37, (15,)),
    (6011, 6011, range(16, 20)), (644, 649, range(16, 20)), (65, 65, range(16, 20)),
    (36, 36, range(14, 20)), (300, 305, range(14, 20)), (38, 39, range(14, 20)),
    (3528, 3589, range(16, 20)), (62, 62, range(16, 20)), (2200, 2204, range(16, 20)),
    (5018, 5018, range(13, 20)), (5020, 5020, range(13, 20)), (5038, 5038, range(13, 20)),
    (5893, 5893, range(13, 20)), (6304, 6304, range(13, 20)), (6759, 6759, range(13, 20)),
    (6761, 6763, range(13, 20)),
]


def card_ref(s):
    if not s.isdigit() or not 13 <= len(s) <= 19 or not luhn.is_valid(s):
        return False
    return any(lo <= int(s[:len(str(lo))]) <= hi and len(s) in ls for lo, hi, ls in ISSUERS)


def card_gen():
    lo, hi, ls = rng.choice(ISSUERS)
    head = str(rng.randint(lo, hi))
    body = head + digits(rng.choice(list(ls)) - len(head) - 1)
    return body + luhn.calc_check_digit(body)


add('luhn', lambda: fill(digits(rng.randint(1, 18)) + '#', luhn.is_valid), lambda s: len(s) >= 2 and luhn.is_valid(s))
add('payment_card', card_gen, card_ref)
add('imei', lambda: fill(digits(14) + '#', imei.is_valid), lambda s: len(s) == 15 and imei.is_valid(s) and set(s) != {'0'})


# ---------------------------------------------------------------- IBAN

IBAN_BBAN = {}  # country -> BBAN structure, read from stdnum's own copy of the SWIFT registry
with open(os.path.join(os.path.dirname(iban.__file__), 'iban.dat')) as _f:
    for _line in _f:
        if _line[:2].isalpha() and _line[:2].isupper() and 'bban="' in _line:
            IBAN_BBAN[_line[:2]] = _line.split('bban="')[1].split('"')[0]


def iban_gen():
    cc = rng.choice(sorted(IBAN_BBAN))
    structure = IBAN_BBAN[cc]
    bban = ''
    for count, kind in iban._struct_re.findall(structure):
        bban += digits(int(count), {'n': D, 'a': U, 'c': D + U}[kind])
    return cc + iban.calc_check_digits(cc + '00' + bban) + bban


add('iban', iban_gen, lambda s: iban.is_valid(s, check_country=False), skip=4)


# ---------------------------------------------------------------- VAT


def vat_bg_gen():
    kind = rng.randrange(3)
    if kind == 0:
        return fill(digits(8) + '#', bg_vat.is_valid)
    if kind == 1:
        d = rand_date(1950, 2015)
        month = d.month + (40 if d.year >= 2000 else 0)
        return fill('%02d%02d%02d' % (d.year % 100, month, d.day) + digits(3) + '#', bg_vat.is_valid)
    return fill(digits(9) + '#', bg_vat.is_valid)


def vat_cz_gen():
    kind = rng.randrange(3)
    if kind == 0:
        return fill(pick('12345678') + digits(6) + '#', cz_dic.is_valid)
    if kind == 1:
        return fill('6' + digits(7) + '#', cz_dic.is_valid)
    d = rand_date(1954, 2019)
    month = d.month + rng.choice((0, 50))
    return fill('%02d%02d%02d' % (d.year % 100, month, d.day) + digits(3) + '#', cz_dic.is_valid)


def vat_es_gen():
    kind = rng.randrange(4)
    if kind == 0:
        return fill(digits(8) + '#', es_nif.is_valid, U)
    if kind == 1:
        return fill(pick('XYZ') + digits(7) + '#', es_nif.is_valid, U)
    if kind == 2:
        return fill(pick('KLM') + digits(7) + '#', es_nif.is_valid, U)
    return fill(pick('ABCDEFGHJNPQRSUVW') + digits(7) + '#', es_nif.is_valid, D + U)


def vat_fr_gen():
    if rng.randrange(4):
        return fill('##' + pick(D1) + digits(7) + '#', fr_tva.is_valid)
    alphabet = '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ'
    siren = fill(pick(D1) + digits(7) + '#', luhn.is_valid)
    return pick(alphabet) + pick(alphabet[10:]) + siren


def vat_ie_gen():
    kind = rng.randrange(3)
    if kind == 0:
        return fill(digits(7) + '#', ie_vat.is_valid, U)
    if kind == 1:
        return fill(digits(7) + '#' + pick('WAH'), ie_vat.is_valid, U)
    return fill(pick(D) + pick(U + '+*') + digits(5) + '#', ie_vat.is_valid, U)


def vat_lv_gen():
    kind = rng.randrange(3)
    if kind == 0:
        return fill(pick('456789') + digits(9) + '#', lv_pvn.is_valid)
    if kind == 1:
        return fill('32' + digits(8) + '#', lv_pvn.is_valid)
    d = rand_date(1930, 2019)
    return fill('%02d%02d%02d' % (d.day, d.month, d.year % 100) + str(d.year // 100 - 18) + digits(3) + '#', lv_pvn.is_valid)


def cnp_body():
    d = rand_date(1930, 2019)
    sex = pick('12') if d.year < 2000 else pick('56')
    county = rng.choice(['%02d' % c for c in list(range(1, 47)) + [51, 52]])
    return sex + '%02d%02d%02d' % (d.year % 100, d.month, d.day) + county + digits(3) + '#'


def vat_ro_gen():
    if rng.randrange(4) == 0:
        return fill(cnp_body(), ro_cf.is_valid)
    return fill(pick(D1) + digits(rng.randint(0, 8)) + '#', ro_cf.is_valid)


def vat_gb_gen():
    kind = rng.randrange(5)
    if kind == 0:
        return 'GD%03d' % rng.randrange(500) if rng.randrange(2) else 'HA%03d' % rng.randrange(500, 1000)
    if kind == 1:
        n = rng.randrange(500) if rng.randrange(2) else rng.randrange(500, 1000)
        return ('GD8888' if n < 500 else 'HA8888') + '%03d%02d' % (n, n % 97)
    body = fill(digits(7) + '##', gb_vat.is_valid)
    return body + digits(3) if kind == 2 and body else body


PT_ALL = ['1', '2', '3', '45', '5', '6', '70', '71', '72', '74', '75', '77', '79', '8', '90', '91', '98', '99']
PT_PERSON = ['1', '2', '3', '45']


def pt_gen(prefixes):
    def gen():
        p = rng.choice(prefixes)
        return fill(p + digits(8 - len(p)) + '#', pt_nif.is_valid)
    return gen


def pt_ref(prefixes, country_prefix=False):
    """stdnum plus trawl's stricter rule: only issued leading blocks."""
    def ref(s):
        if country_prefix and s.startswith('PT'):
            s = s[2:]
        return pt_nif.is_valid(s) and len(s) == 9 and any(s.startswith(p) for p in prefixes)
    return ref


add('vat_at', lambda: fill('U' + digits(7) + '#', at_uid.is_valid), at_uid.is_valid, ['AT'])
add('vat_be', lambda: fill(pick('01') + digits(7) + '##', be_vat.is_valid), be_vat.is_valid, ['BE'])
add('vat_bg', vat_bg_gen, bg_vat.is_valid, ['BG'])
add('vat_cy', lambda: fill(pick('013459') + digits(7) + '#', cy_vat.is_valid, U), cy_vat.is_valid, ['CY'])
add('vat_cz', vat_cz_gen, cz_dic.is_valid, ['CZ'])
add('vat_de', lambda: fill(pick(D1) + digits(7) + '#', de_vat.is_valid), de_vat.is_valid, ['DE'])
add('vat_dk', lambda: fill(pick(D1) + digits(6) + '#', dk_cvr.is_valid), dk_cvr.is_valid, ['DK'])
add('vat_ee', lambda: fill('10' + digits(6) + '#', ee_kmkr.is_valid), ee_kmkr.is_valid, ['EE'])
add('vat_el', lambda: fill(digits(8) + '#', gr_vat.is_valid), gr_vat.is_valid, ['EL', 'GR'])
add('vat_es', vat_es_gen, es_nif.is_valid, ['ES'])
add('vat_fi', lambda: fill(digits(7) + '#', fi_alv.is_valid), fi_alv.is_valid, ['FI'])
add('vat_fr', vat_fr_gen, fr_tva.is_valid, ['FR'])
add('vat_hr', lambda: fill(digits(10) + '#', hr_oib.is_valid), hr_oib.is_valid, ['HR'])
add('vat_hu', lambda: fill(digits(7) + '#', hu_anum.is_valid), hu_anum.is_valid, ['HU'])
add('vat_ie', vat_ie_gen, ie_vat.is_valid, ['IE'])
add('vat_it', lambda: fill(digits(7) + '%03d' % rng.randint(1, 100) + '#', it_iva.is_valid), it_iva.is_valid, ['IT'])
add('vat_lt', lambda: fill(rng.choice([digits(7) + '1', digits(10) + '1']) + '#', lt_pvm.is_valid), lt_pvm.is_valid, ['LT'])
add('vat_lu', lambda: fill(pick(D1) + digits(5) + '##', lu_tva.is_valid), lu_tva.is_valid, ['LU'])
add('vat_lv', vat_lv_gen, lv_pvn.is_valid, ['LV'])
add('vat_mt', lambda: fill(pick(D1) + digits(5) + '##', mt_vat.is_valid), mt_vat.is_valid, ['MT'])
add('vat_nl', lambda: fill(rng.choice([digits(8) + '#B0' + pick(D1), digits(9) + 'B##']), nl_btw.is_valid),
    nl_btw.is_valid, ['NL'])
add('vat_pl', lambda: fill(pick(D1) + digits(8) + '#', pl_nip.is_valid), pl_nip.is_valid, ['PL'])
add('vat_pt', pt_gen(PT_ALL), pt_ref(PT_ALL, country_prefix=True), ['PT'])
add('vat_ro', vat_ro_gen, ro_cf.is_valid, ['RO'])
add('vat_se', lambda: fill(pick('25789') + digits(8) + '#01', se_vat.is_valid), se_vat.is_valid, ['SE'])
add('vat_si', lambda: fill(pick(D1) + digits(6) + '#', si_ddv.is_valid), si_ddv.is_valid, ['SI'])
add('vat_sk', lambda: fill(pick(D1) + pick(D) + pick('234789') + digits(6) + '#', sk_dph.is_valid), sk_dph.is_valid, ['SK'])
add('vat_gb', vat_gb_gen, gb_vat.is_valid, ['GB', 'XI'])


def vat_no_gen():
    body = fill(pick('89') + digits(7) + '#', no_orgnr.is_valid)
    return body and body + rng.choice(['', 'MVA'])


def vat_no_ref(s):
    return no_mva.is_valid(s) or no_orgnr.is_valid(s[2:] if s.startswith('NO') else s)


add('vat_no', vat_no_gen, vat_no_ref, ['NO'])


def vat_ch_gen():
    body = fill('CHE' + digits(8) + '#', ch_uid.is_valid)
    return body and body + rng.choice(['', 'MWST', 'TVA', 'IVA'])


def vat_ch_ref(s):
    return ch_vat.is_valid(s) or ch_uid.is_valid(s)


_ch = collect(vat_ch_gen, vat_ch_ref)
_ch = [s[3:] if i % 3 == 2 else s for i, s in enumerate(_ch)]  # some without CHE
VECTORS['vat_ch'] = {'valid': _ch, 'invalid': mutate(_ch, vat_ch_ref)}


# ---------------------------------------------------------------- national IDs

add('pt_nif', pt_gen(PT_PERSON), pt_ref(PT_PERSON))
add('pt_nipc', pt_gen(PT_ALL), pt_ref(PT_ALL))
add('es_dni', lambda: fill(digits(8) + '#', es_dni.is_valid, U), lambda s: len(s) == 9 and es_dni.is_valid(s))
add('es_nie', lambda: fill(pick('XYZ') + digits(7) + '#', es_nie.is_valid, U), es_nie.is_valid)


def pnr_gen():
    d = rand_date(1930, 2019)
    long = rng.randrange(2)
    coordination = rng.randrange(4) == 0
    day = d.day + (60 if coordination else 0)
    body = '%02d%02d%02d' % (d.year % 100, d.month, day) + digits(3)
    s = body + luhn.calc_check_digit(body)
    return ('%02d' % (d.year // 100) + s) if long else s


def pnr_ref(s):
    """stdnum has no coordination numbers; for those, Luhn over the 10 digits and a real date at day - 60."""
    if not s.isdigit() or len(s) not in (10, 12):
        return False
    short = s[-10:]
    if int(short[4:6]) > 60:
        year = int(s[:4]) if len(s) == 12 else 2000 + int(short[:2])
        try:
            datetime.date(year if len(s) == 12 else (year if year <= 2019 else year - 100),
                          int(short[2:4]), int(short[4:6]) - 60)
        except ValueError:
            return False
        return luhn.is_valid(short)
    return se_pnr.is_valid(s)


add('se_personnummer', pnr_gen, pnr_ref)


def ssn_gen():
    area = rng.randint(1, 899)
    if area == 666:
        area = 667
    return '%03d%02d%04d' % (area, rng.randint(1, 99), rng.randint(1, 9999))


def ssn_ref(s):
    return len(s) == 9 and us_ssn.is_valid(s) and s != '123456789'


ssn_valid = collect(ssn_gen, ssn_ref)
ssn_invalid = []
for s in ssn_valid:
    kind = len(ssn_invalid) % 5
    t = ['000' + s[3:], '666' + s[3:], '9' + s[1:], s[:3] + '00' + s[5:], s[:5] + '0000'][kind]
    assert not us_ssn.is_valid(t)
    ssn_invalid.append(t)
ssn_invalid += ['078051120', '219099999', '457555462', ssn_valid[0][:-1], ssn_valid[1] + '1']
VECTORS['us_ssn'] = {'valid': ssn_valid, 'invalid': ssn_invalid}

add('nl_bsn', lambda: fill(digits(8) + '#', nl_bsn.is_valid), lambda s: len(s) == 9 and nl_bsn.is_valid(s))


def cf_gen():
    if rng.randrange(6) == 0:
        return fill(digits(7) + '%03d' % rng.randint(1, 100) + '#', it_iva.is_valid)
    d = rand_date(1921, 2018)
    day = d.day + rng.choice((0, 40))
    body = list(''.join(pick(U) for _ in range(6)) + '%02d' % (d.year % 100) + 'ABCDEHLMPRST'[d.month - 1]
                + '%02d' % day + pick(U) + digits(3))
    if rng.randrange(3) == 0:  # omocodia: replace some digits, from the right, by letters
        for i in [14, 13, 12, 10, 9, 7, 6][:rng.randint(1, 3)]:
            body[i] = 'LMNPQRSTUV'[int(body[i])]
    return ''.join(body) + it_cf.calc_check_digit(''.join(body))


add('it_codice_fiscale', cf_gen, it_cf.is_valid)


def nir_gen():
    dept = rng.choice(['%02d' % rng.randint(1, 95), '2A', '2B'])
    if dept == '20':
        dept = '21'
    body = pick('12') + '%02d%02d' % (rng.randint(0, 99), rng.randint(1, 12)) + dept + digits(6)
    return body + fr_nir.calc_check_digits(body + '00')


add('fr_nir', nir_gen, lambda s: fr_nir.is_valid(s) and s[0] in '123478')

NINO_BAD_LETTERS = set('DFIQUV')
NINO_BAD_PREFIXES = {'BG', 'GB', 'NK', 'KN', 'TN', 'NT', 'ZZ'}


def nino_ref(s):
    """Independent rule from HMRC's NIM39110: no D F I Q U V, no O second, not the withheld pairs."""
    return (len(s) == 9 and s[0] in U and s[1] in U and not {s[0], s[1]} & NINO_BAD_LETTERS and s[1] != 'O'
            and s[:2] not in NINO_BAD_PREFIXES and s[2:8].isdigit() and s[8] in 'ABCD')


nino_valid = collect(lambda: pick(U) + pick(U) + digits(6) + pick('ABCD'), nino_ref)
nino_invalid = []
for i, s in enumerate(nino_valid):
    t = [pick('DFIQUV') + s[1:], s[0] + pick('DFIQUVO') + s[2:], rng.choice(sorted(NINO_BAD_PREFIXES)) + s[2:],
         s[:8] + pick('EFXZ'), s[:8], s[:2] + s[3:8] + 'X' + s[8]][i % 6]
    assert not nino_ref(t)
    nino_invalid.append(t)
VECTORS['uk_nino'] = {'valid': nino_valid, 'invalid': nino_invalid}


def idnr_gen():
    ds = rng.sample(D, 9)
    if ds[0] == '0':
        ds[0], ds[1] = ds[1], ds[0]
    twice = rng.randrange(3) > 0
    ten = ds + ([rng.choice(ds)] if twice else [])
    if not twice:
        rep = rng.choice(ds)
        ten = ds[:8] + [rep, rep]
    rng.shuffle(ten)
    if ten[0] == '0':
        return None
    return fill(''.join(ten) + '#', de_idnr.is_valid)


def idnr_ref(s):
    """stdnum plus the current rule that a digit used three times never stands three in a row."""
    if not de_idnr.is_valid(s):
        return False
    return not any(s[i] == s[i + 1] == s[i + 2] for i in range(8))


add('de_steuer_id', idnr_gen, idnr_ref)

with open(os.path.join(HERE, 'vectors.json'), 'w') as f:
    json.dump(VECTORS, f, indent=1, sort_keys=True)
    f.write('\n')


# ---------------------------------------------------------------- phone numbers

PHONE_REGIONS = ['PT', 'ES', 'SE', 'DE', 'FR', 'IT', 'NL', 'GB', 'US', 'CA', 'RU']
PHONE_TYPES = {PhoneNumberType.FIXED_LINE, PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE,
               PhoneNumberType.TOLL_FREE}
TRUNK_ZERO = {'SE', 'DE', 'FR', 'NL', 'GB'}


def phone_sample(region):
    """A random valid number: an example number of a common type with its tail digits redrawn."""
    kinds = [PhoneNumberType.FIXED_LINE, PhoneNumberType.MOBILE, PhoneNumberType.TOLL_FREE]
    for _ in range(1000):
        example = phonenumbers.example_number_for_type(region, rng.choice(kinds))
        if example is None:
            continue
        nsn = str(example.national_number)
        if example.italian_leading_zero:
            nsn = '0' + nsn
        keep = rng.randint(2, min(4, len(nsn) - 2))
        candidate = nsn[:keep] + digits(len(nsn) - keep + rng.choice((0, 0, 0, -1, 1)))
        try:
            p = phonenumbers.parse('+%d%s' % (example.country_code, candidate), None)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(p) and phonenumbers.region_code_for_number(p) == region \
                and phonenumbers.number_type(p) in PHONE_TYPES:
            return p
    raise SystemExit('no phone sample for ' + region)


def expected(raw, region):
    try:
        p = phonenumbers.parse(raw, region)
    except phonenumbers.NumberParseException:
        return None
    return phonenumbers.format_number(p, PhoneNumberFormat.E164) if phonenumbers.is_valid_number(p) else None


phone_valid = []
for region in PHONE_REGIONS:
    for _ in range(4):
        p = phone_sample(region)
        e164 = phonenumbers.format_number(p, PhoneNumberFormat.E164)
        national = phonenumbers.format_number(p, PhoneNumberFormat.NATIONAL)
        intl = phonenumbers.format_number(p, PhoneNumberFormat.INTERNATIONAL)
        cc = str(p.country_code)
        forms = [(intl, None), (national, region), (e164, None)]
        # 00 is the international prefix almost everywhere, but not in NANP (011) or Russia (810).
        forms.append(('00' + intl[1:], 'DE' if region in ('US', 'CA', 'RU') else region))
        if region in TRUNK_ZERO:
            rest = intl[len(cc) + 2:]
            forms.append(('+%s (0)%s' % (cc, rest), None))
            forms.append(('+%s0%s' % (cc, e164[len(cc) + 1:]), None))
        if region in ('FR', 'PT', 'IT'):  # (Spain's 3-2-2-2 with dots reads as a dotted IPv4 address)
            forms.append((national.replace(' ', '.'), region))
        if region == 'SE':
            forms.append((national.replace(' ', ''), region))
        if region in ('US', 'CA'):
            forms.append(('1-' + national.replace('(', '').replace(') ', '-'), region))
        for raw, r in forms:
            want = expected(raw, r)
            assert want == e164, (raw, r, want, e164)
            phone_valid.append({'raw': raw, 'region': r, 'e164': e164})

# The brief's own examples.
for raw, r in [('+351 912 345 678', None), ('(201) 555-0123', 'US'), ('070-123 45 67', 'SE'),
               ('+460480362000', None), ('+46 (0)480 362000', None), ('0049 30 123456', 'DE'),
               ('06 12 34 56 78', 'FR'), ('+44 (0)20 7946 0000', None), ('8 (495) 123-45-67', 'RU'),
               ('+39 06 6988 1234', None), ('06 6988 1234', 'IT'), ('+31 6 12345678', None),
               ('020 7946 0000', 'GB'), ('+34 612 34 56 78', None), ('030 1234567', 'DE'),
               # Countries without a plan: a 0 after the code is dropped where 0 is the trunk prefix.
               ('+32 (0)2 555 12 34', None), ('+43 01 5551234', None), ('+358 09 5551 2345', None),
               ('+41 044 555 12 34', None), ('+353 (0)1 555 1234', None), ('+420 212 345 678', None)]:
    want = expected(raw, r)
    assert want, (raw, r)
    phone_valid.append({'raw': raw, 'region': r, 'e164': want})

# Junk the reference rejects as well.
phone_junk = []
for raw, r in [('12345', None), ('912345678', None), ('030 123456', None), ('+351 512 345 678', None),
               ('+351 91234567', None), ('+33 6 12 34 56 789', None), ('+44 20 7946 000', None),
               ('+1 (055) 234-5678', None), ('+1 212 123 4567', None), ('+999 1234 5678', None),
               ('+0 123 456 789', None), ('abc', 'PT'), ('555-1234', 'US'),
               ('', None), ('+', None), ('912 345 67', 'PT'),
               ('+7 (095) 123-45', None), ('1234', 'FR'),
               # Right length, but no number starts with these digits (or too short for the country).
               ('0261 555 0123', 'GB'), ('04 06 55 12 34', 'FR'), ('250 555 123', 'PT'), ('0860 5551234', 'DE'),
               ('080-5551234', 'NL'), ('0229 55 51 23', 'SE'), ('811 555 0123', 'IT'), ('+36 351 692', None)]:
    assert expected(raw, r) is None, (raw, r)
    phone_junk.append({'raw': raw, 'region': r, 'why': 'not a valid number (phonenumbers agrees)'})

# Dates and addresses: phonenumbers reads some of these as numbers; trawl must not.
for raw, r in [('2024-03-01', None), ('2024-03-01', 'DE'), ('2024-03-01', 'SE'), ('2024-03-01', 'FR'),
               ('2024-03-01', 'GB'), ('2024-03-01', 'NL'), ('2024-03-01', 'PT'), ('2024-03-01', 'ES'),
               ('2024-03-01', 'IT'), ('2024-03-01', 'US'), ('2024-03-01', 'RU'), ('01.03.2024', 'DE'),
               ('02.03.2024', 'DE'), ('31/12/1999', 'GB'), ('12/31/1999', 'US'), ('1999-12-31', 'IT'),
               ('02.03.24', 'DE'), ('192.168.1.1', 'DE'), ('261.68.58.35', 'PT'), ('10.0.0.12', 'IT')]:
    phone_junk.append({'raw': raw, 'region': r, 'why': 'a date or address, not a phone number'})

# Letters and stray symbols: phonenumbers reads letters as keypad digits (vanity numbers) and skips a doubled +;
# in documents such text is not a phone number.
for raw, r in [('+49 30 ABC DEF', None), ('0800 FLOWERS', 'GB'), ('+351 912 345 678 ext 2', None), ('++351 912 345 678', None)]:
    phone_junk.append({'raw': raw, 'region': r, 'why': 'letters or stray symbols in the number'})

with open(os.path.join(HERE, 'phone_vectors.json'), 'w') as f:
    json.dump({'valid': phone_valid, 'invalid': phone_junk}, f, indent=1, ensure_ascii=False)
    f.write('\n')


# ---------------------------------------------------------------- IP addresses

def ipv4_text():
    return '.'.join(str(rng.choice([0, 1, 10, 127, 192, 255, rng.randrange(256)])) for _ in range(4))


ipv4_valid = [ipv4_text() for _ in range(N)]
for t in ipv4_valid:
    assert str(ipaddress.IPv4Address(t)) == t
ipv4_invalid = []
for t in ipv4_valid:
    parts = t.split('.')
    i = rng.randrange(4)
    kind = len(ipv4_invalid) % 5
    bad = [parts[:i] + ['0' + parts[i]] + parts[i + 1:], parts[:i] + [str(256 + int(parts[i]))] + parts[i + 1:],
           parts[:3], parts + ['1'], parts[:i] + [''] + parts[i + 1:]][kind]
    s = '.'.join(bad)
    try:
        ipaddress.IPv4Address(s)
        raise SystemExit('reference accepts ' + s)
    except ValueError:
        ipv4_invalid.append(s)


def ipv6_groups():
    """Eight groups with zero runs in random places, avoiding the IPv4-mapped block (mixed notation)."""
    while True:
        g = [rng.choice([0, 0, 0, 1, 0xffff, rng.randrange(0x10000), rng.randrange(0x100)]) for _ in range(8)]
        if not (g[:5] == [0] * 5 and g[5] == 0xffff):
            return g


def ipv6_text(g):
    """A random valid spelling: random case, random leading zeros, a random zero run compressed, maybe dotted tail."""
    parts = [('%0' + str(rng.randint(len('%x' % x), 4)) + 'x') % x for x in g]
    parts = [p.upper() if rng.randrange(3) == 0 else p for p in parts]
    dotted = rng.randrange(4) == 0
    if dotted:
        parts = parts[:6] + ['%d.%d.%d.%d' % (g[6] >> 8, g[6] & 255, g[7] >> 8, g[7] & 255)]
    runs = [(i, j) for i in range(len(parts)) for j in range(i + 1, len(parts) + 1)
            if all(x == 0 for x in g[i:j]) and not (dotted and j > 6)]
    if runs and rng.randrange(3):
        i, j = rng.choice(runs)
        left, right = ':'.join(parts[:i]), ':'.join(parts[j:])
        return left + '::' + right
    return ':'.join(parts)


ipv6_valid = []
for _ in range(3 * N):
    g = ipv6_groups()
    text = ipv6_text(g)
    address = ipaddress.IPv6Address(text)
    assert address.packed == b''.join(x.to_bytes(2, 'big') for x in g), text
    ipv6_valid.append([text, address.compressed])
ipv6_invalid = [':::', '1:2:3:4:5:6:7:8:9', '1::2::3', '12345::', 'g::1', '1:2:3:4:5:6:7', ':1:2:3:4:5:6:7',
                '1:2:3:4:5:6:7:', '1::2:3:4:5:6:7:8', '::ffff:01.2.3.4', '::1.2.3.4.5', '::256.1.1.1',
                '1:2:3:4:5:6:7:1.2.3.4', '1.2.3.4::', '::1.2.3.4:5', '', ':', '[::1]', '::1/128', 'fe80::1 ']
for s in ipv6_invalid:
    try:
        ipaddress.IPv6Address(s)
        raise SystemExit('reference accepts ' + s)
    except ValueError:
        pass

with open(os.path.join(HERE, 'ip_vectors.json'), 'w') as f:
    json.dump({'ipv4': {'valid': ipv4_valid, 'invalid': ipv4_invalid},
               'ipv6': {'valid': ipv6_valid, 'invalid': ipv6_invalid}}, f, indent=1)
    f.write('\n')
