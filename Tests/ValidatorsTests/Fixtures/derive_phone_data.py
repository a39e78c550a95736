#!/usr/bin/env python3
"""Derives the phone-number data tables of the Validators target from libphonenumber's metadata.

Facts only: for each calling code, the national number lengths and whether 0 is the trunk
prefix; for the countries trawl's rules serve, which three leading digits a number of each
length can start with (over all number types: fixed line, mobile, toll free, ...). That is
exact to three digits and the length: a prefix/length pair is kept when some number of the
type's pattern has it. Digits after the third are not checked (a deliberate approximation).
NANP keeps its own rule (any NXX-NXX shape), since documents use fictional area codes. Run from the package root:

    python3 Tests/ValidatorsTests/Fixtures/derive_phone_data.py

It rewrites Sources/Validators/PhonePlan+Countries.swift and CountryCallingCodes+Data.swift.
"""
import itertools
import os

import phonenumbers
import regex
from phonenumbers import COUNTRY_CODE_TO_REGION_CODE, PhoneMetadata

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', '..'))
OUT = os.path.join(ROOT, 'Sources', 'Validators')
TYPES = ['fixed_line', 'mobile', 'toll_free', 'premium_rate', 'shared_cost', 'personal_number', 'voip', 'pager',
         'uan', 'voicemail']
# Countries with a full plan: region, calling code, trunk prefix, whether national forms must carry it.
PLANS = [('PT', None, False), ('ES', None, False), ('SE', 0, True), ('DE', 0, True), ('FR', 0, True),
         ('IT', None, False), ('NL', 0, True), ('GB', 0, True), ('RU', 8, False)]
NANP = '[2-9]??[2-9]:10'


def metadata(code, region):
    return PhoneMetadata.metadata_for_nongeo_region(code) if region == '001' else PhoneMetadata.metadata_for_region(region)


def ranges(values):
    values = sorted(values)
    out, i = [], 0
    while i < len(values):
        j = i
        while j + 1 < len(values) and values[j + 1] == values[j] + 1:
            j += 1
        out.append((values[i], values[j]))
        i = j + 1
    return out


def digit_class(digits):
    ds = sorted(int(d) for d in digits)
    if len(ds) == 10:
        return '?'
    if len(ds) == 1:
        return str(ds[0])
    parts = []
    for a, b in ranges(ds):
        parts.append(str(a) if a == b else '%d%d' % (a, b) if b == a + 1 else '%d-%d' % (a, b))
    return '[' + ''.join(parts) + ']'


def wildcard(pattern):
    """The pattern with every digit position also matching 'x', so "p" + "x" * k matches exactly when
    some k digits after p complete a number (the patterns have no back-references)."""
    out, in_class, in_braces, i = [], False, False, 0
    while i < len(pattern):
        c = pattern[i]
        if c == '\\' and pattern[i + 1] == 'd':
            out.append('x\\d' if in_class else '[x\\d]')
            i += 2
            continue
        assert c != '\\', pattern
        if in_class:
            out.append('x]' if c == ']' else c)
            in_class = c != ']'
        elif in_braces:
            out.append(c)
            in_braces = c != '}'
        elif c == '[':
            assert pattern[i + 1] != '^', pattern
            out.append(c)
            in_class = True
        elif c == '{':
            out.append(c)
            in_braces = True
        elif c.isdigit():
            out.append('[x%s]' % c)
        else:
            out.append(c)
        i += 1
    return ''.join(out)


def leading_blocks(region):
    """length -> set of three-digit prefixes some number of that length can start with (any type, any
    region sharing the calling code: +7 is Russia and Kazakhstan)."""
    table = {}
    code = PhoneMetadata.metadata_for_region(region).country_code
    for m, t in itertools.product([metadata(code, r) for r in COUNTRY_CODE_TO_REGION_CODE[code]], TYPES):
        desc = getattr(m, t)
        if not desc or not desc.national_number_pattern:
            continue
        pattern = regex.compile(wildcard(desc.national_number_pattern))
        for n in desc.possible_length or m.general_desc.possible_length:
            assert n >= 3, (region, t)
            for p in (''.join(x) for x in itertools.product('0123456789', repeat=3)):
                if pattern.fullmatch(p + 'x' * (n - 3)):
                    table.setdefault(n, set()).add(p)
    return table


def patterns(prefixes):
    """Three-digit prefixes folded into digit-class patterns ("2[57][1-9]"), trailing any-digit dropped."""
    tree = {}
    for p in prefixes:
        tree.setdefault(p[0], {}).setdefault(p[1], set()).add(p[2])
    rows = {}
    for a, second in tree.items():
        by_third = {}
        for b, thirds in second.items():
            by_third.setdefault(frozenset(thirds), []).append(b)
        for thirds, bs in by_third.items():
            rows.setdefault((frozenset(bs), thirds), []).append(a)
    out = []
    for (bs, thirds), firsts in rows.items():
        out.append((digit_class(firsts) + digit_class(bs) + digit_class(thirds)).rstrip('?'))
    return sorted(out)


def plan_spec(region):
    by_pattern = {}
    for n, prefixes in leading_blocks(region).items():
        for p in patterns(prefixes):
            by_pattern.setdefault(p, []).append(n)
    items = []
    for p, lengths in sorted(by_pattern.items()):
        for a, b in ranges(lengths):
            items.append('%s:%s' % (p, a if a == b else '%d-%d' % (a, b)))
    return items


def wrap(items, indent, width=112):
    lines, line = [], ''
    for item in items:
        if line and len(indent) + len(line) + len(item) + 3 > width:
            lines.append(line)
            line = ''
        line += (' ' if line else '') + item
    lines.append(line)
    return (' \\\n' + indent).join(lines)


HEADER = '// Generated by Tests/ValidatorsTests/Fixtures/derive_phone_data.py from libphonenumber metadata\n' \
         '// (python phonenumbers %s). Do not edit by hand; change the script and run it again.\n\n' % phonenumbers.__version__

plans = []
for region, trunk, required in PLANS:
    code = PhoneMetadata.metadata_for_region(region).country_code
    plans.append('            PhonePlan(code: "%d", trunk: %s, trunkRequired: %s, """\n                %s\n                """),'
                 % (code, 'nil' if trunk is None else trunk, 'true' if required else 'false',
                    wrap(plan_spec(region), '                ')))
plans.append('            PhonePlan(code: "1", trunk: 1, trunkRequired: false, "%s"),' % NANP)
with open(os.path.join(OUT, 'PhonePlan+Countries.swift'), 'w') as f:
    f.write(HEADER)
    f.write('extension PhonePlan {\n')
    f.write('    /// Plans for the countries trawl\'s rules serve, keyed by calling code. Each item is a leading-digit\n')
    f.write('    /// pattern and the national number lengths allowed after it; NANP (1) is any NXX-NXX-XXXX shape.\n')
    f.write('    static let byCode: [String: PhonePlan] = {\n        let plans = [\n')
    f.write('\n'.join(plans) + '\n')
    f.write('        ]\n        return Dictionary(uniqueKeysWithValues: plans.map { ($0.code, $0) })\n    }()\n}\n')

lengths, zero = [], []
for code, regions in sorted(COUNTRY_CODE_TO_REGION_CODE.items()):
    possible = set()
    for region in regions:
        m = metadata(code, region)
        if m and m.general_desc:
            possible |= set(m.general_desc.possible_length or ())
    lengths.append('%d:%s' % (code, min(possible) if len(possible) == 1 else '%d-%d' % (min(possible), max(possible))))
    main = metadata(code, regions[0])
    if main and main.national_prefix == '0':
        zero.append(str(code))
with open(os.path.join(OUT, 'CountryCallingCodes+Data.swift'), 'w') as f:
    f.write(HEADER)
    f.write('extension CountryCallingCodes {\n')
    f.write('    /// Every assigned calling code with the shortest and longest national number its countries use.\n')
    f.write('    static let nationalLengths: [String: ClosedRange<Int>] = table("""\n        %s\n        """)\n\n'
            % wrap(lengths, '        '))
    f.write('    /// Codes whose countries dial a national trunk prefix 0, so a 0 written right after the code\n')
    f.write('    /// ("+43 01 ...", "+44 (0)20 ...") is that prefix and not part of the number.\n')
    f.write('    static let trunkZero: Set<String> = Set("""\n        %s\n        """.split(separator: " ").map(String.init))\n}\n'
            % wrap(zero, '        '))
