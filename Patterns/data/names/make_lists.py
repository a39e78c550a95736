#!/usr/bin/env python3
"""Writes the given-name and surname lists under Patterns/data/names/ from the person
providers of Faker (MIT licence), one pair of files per language flavour.

    pip install Faker==40.54.0
    python3 Patterns/data/names/make_lists.py

The output is sorted and deduplicated, so it only changes when Faker's lists do.
"""
import importlib
import sys
from pathlib import Path

import faker

LOCALES = {'pt': 'pt_PT', 'es': 'es_ES', 'sv': 'sv_SE', 'de': 'de_DE', 'fr': 'fr_FR',
           'it': 'it_IT', 'nl': 'nl_NL', 'en-gb': 'en_GB', 'en-us': 'en_US'}
OUT = Path(__file__).resolve().parent


def words(provider, prefix):
    out = set()
    for attr in dir(provider):
        if not attr.startswith(prefix):
            continue
        value = getattr(provider, attr)
        if isinstance(value, (list, tuple, dict)) or hasattr(value, 'keys'):
            for name in value:
                name = str(name).strip()
                if name and not name.isupper():
                    out.add(name)
    return sorted(out)


def main():
    if faker.VERSION != '40.54.0':
        print('warning: Faker %s, the lists were made with 40.54.0' % faker.VERSION, file=sys.stderr)
    for lang, loc in LOCALES.items():
        p = importlib.import_module('faker.providers.person.' + loc).Provider
        for kind, prefix in (('given', 'first_names'), ('surname', 'last_names')):
            names = words(p, prefix)
            head = '# %s names, %s: from Faker %s (faker/providers/person/%s), MIT licence\n' % (kind, lang, faker.VERSION, loc)
            (OUT / ('%s.%s.txt' % (kind, lang))).write_text(head + '\n'.join(names) + '\n', encoding='utf-8')
            print('%-8s %-8s %5d' % (kind, lang, len(names)))


if __name__ == '__main__':
    main()
