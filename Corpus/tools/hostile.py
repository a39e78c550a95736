#!/usr/bin/env python3
"""Writes hostile container samples into a directory, at test time (nothing committed).

    python3 Corpus/tools/hostile.py OUTDIR [--bomb-mib N]

Each sample sits in its own sub-directory next to `sibling.txt` (one e-mail address), so a
test can check that a hostile sample does not stop the scan of its neighbours:

  bomb/bomb.zip            one member of N MiB (default 1024) of text, deflated ~1000:1
  nested/nested.zip        zip in zip ... 12 levels, two copies per level (42.zip style),
                           the innermost text holds an e-mail address
  quine/quine.zip          self-similar approximation of a zip quine: 24 levels of a zip
                           whose only member is the same structure again (fan-out 1)
  overlap/overlap.zip      1,000 central-directory entries all pointing at one local file
                           (a 16 MiB text kernel): the overlapping-files bomb
  truncated/notes.txt.gz   a gzip stream cut in half
  badcd/badcd.zip          a zip whose central directory is overwritten with garbage
  encrypted/encrypted.zip  two ZipCrypto members (password "secret") and one plain member;
                           one encrypted member's name holds an e-mail address
  encrypted/locked.pdf     a PDF that needs the user password "secret" (RC4, revision 2)
  traversal/traversal.zip  members named ../../evil.txt and /abs/evil.txt (e-mail inside)
  laughs/laughs.docx       billion laughs in word/document.xml, plus an external entity
                           pointing at /etc/passwd; one real paragraph with an e-mail
"""
from __future__ import annotations

import io
import os
import struct
import subprocess
import sys
import zipfile
import zlib

TIME = (2024, 1, 1, 0, 0, 0)


def zbytes(members, method=zipfile.ZIP_DEFLATED):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, 'w') as z:
        for name, data in members:
            info = zipfile.ZipInfo(name, TIME)
            info.compress_type = method
            z.writestr(info, data)
    return buf.getvalue()


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'wb') as f:
        f.write(data)


def sibling(d):
    write(os.path.join(d, 'sibling.txt'), b'Contact: sibling.person@example.com\n')


def bomb(path, mib):
    line = b'a' * 1023 + b'\n'
    with zipfile.ZipFile(path, 'w') as z:
        info = zipfile.ZipInfo('bomb.txt', TIME)
        info.compress_type = zipfile.ZIP_DEFLATED
        with z.open(info, 'w', force_zip64=True) as f:
            chunk = line * 1024
            for _ in range(mib):
                f.write(chunk)


def nested(levels, fanout, leaf):
    data = zbytes([('leaf.txt', leaf)])
    for level in range(levels - 1, 0, -1):
        data = zbytes([('level%d-%d.zip' % (level, k), data) for k in range(fanout)])
    return data


def overlap(entries, kernel_mib):
    """One local file, many central-directory records pointing at it."""
    raw = (b'overlap text ' * 80 + b'\n') * (kernel_mib * 1024 * 1024 // 1041)
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    data = comp.compress(raw) + comp.flush()
    crc = zlib.crc32(raw)
    name = b'kernel.txt'
    local = struct.pack('<IHHHHHIIIHH', 0x04034b50, 20, 0, 8, 0, 0x21, crc, len(data), len(raw), len(name), 0) + name + data
    cd = b''
    for i in range(entries):
        n = b'file%04d.txt' % i
        cd += struct.pack('<IHHHHHHIIIHHHHHII', 0x02014b50, 20, 20, 0, 8, 0, 0x21, crc, len(data), len(raw),
                          len(n), 0, 0, 0, 0, 0, 0) + n
    eocd = struct.pack('<IHHHHIIH', 0x06054b50, 0, 0, entries, entries, len(cd), len(local), 0)
    return local + cd + eocd


PAD = bytes([0x28, 0xBF, 0x4E, 0x5E, 0x4E, 0x75, 0x8A, 0x41, 0x64, 0x00, 0x4E, 0x56, 0xFF, 0xFA, 0x01, 0x08,
             0x2E, 0x2E, 0x00, 0xB6, 0xD0, 0x68, 0x3E, 0x80, 0x2F, 0x0C, 0xA9, 0xFE, 0x64, 0x53, 0x69, 0x7A])


def rc4(key, data):
    s, j = list(range(256)), 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) % 256
        s[i], s[j] = s[j], s[i]
    out, i, j = bytearray(), 0, 0
    for b in data:
        i = (i + 1) % 256
        j = (j + s[i]) % 256
        s[i], s[j] = s[j], s[i]
        out.append(b ^ s[(s[i] + s[j]) % 256])
    return bytes(out)


def locked_pdf(text, user=b'secret', owner=b'owner'):
    """A PDF under the standard security handler, revision 2 (RC4, 40-bit key), that
    needs the user password `secret` to open (PDF 1.7 reference, algorithms 3.1-3.4)."""
    import hashlib
    pad = lambda p: (p + PAD)[:32]
    o = rc4(hashlib.md5(pad(owner)).digest()[:5], pad(user))
    perms = struct.pack('<i', -44)
    doc_id = b'trawl-hostile-01'
    key = hashlib.md5(pad(user) + o + perms + doc_id).digest()[:5]
    u = rc4(key, PAD)
    content = ('BT /F1 11 Tf 50 750 Td (%s) Tj ET' % text).encode()
    enc = rc4(hashlib.md5(key + (4).to_bytes(3, 'little') + (0).to_bytes(2, 'little')).digest()[:10], content)
    objs = [b'<< /Type /Catalog /Pages 2 0 R >>', b'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
            b'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
            b'<< /Length %d >>\nstream\n' % len(enc) + enc + b'\nendstream',
            b'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
            b'<< /Filter /Standard /V 1 /R 2 /O <' + o.hex().encode() + b'> /U <' + u.hex().encode() + b'> /P -44 >>']
    out, offs = b'%PDF-1.4\n', []
    for n, ob in enumerate(objs, 1):
        offs.append(len(out))
        out += b'%d 0 obj\n' % n + ob + b'\nendobj\n'
    x = len(out)
    out += b'xref\n0 %d\n0000000000 65535 f \n' % (len(objs) + 1) + b''.join(b'%010d 00000 n \n' % f for f in offs)
    out += (b'trailer\n<< /Size %d /Root 1 0 R /Encrypt 6 0 R /ID [<%s> <%s>] >>\nstartxref\n%d\n%%%%EOF\n'
            % (len(objs) + 1, doc_id.hex().encode(), doc_id.hex().encode(), x))
    return out


def main():
    out = sys.argv[1]
    mib = int(sys.argv[sys.argv.index('--bomb-mib') + 1]) if '--bomb-mib' in sys.argv else 1024
    for d in ['bomb', 'nested', 'quine', 'overlap', 'truncated', 'badcd', 'encrypted', 'traversal', 'laughs']:
        sibling(os.path.join(out, d))
    bomb(os.path.join(out, 'bomb', 'bomb.zip'), mib)
    write(os.path.join(out, 'nested', 'nested.zip'), nested(12, 2, b'Deep: deep.leaf@example.com\n'))
    write(os.path.join(out, 'quine', 'quine.zip'), nested(24, 1, b'Self: quine.leaf@example.com\n'))
    write(os.path.join(out, 'overlap', 'overlap.zip'), overlap(1000, 16))

    import gzip
    gz = gzip.compress(b''.join(b'line %06d of the notes, nothing personal here\n' % i for i in range(200000)), mtime=0)
    write(os.path.join(out, 'truncated', 'notes.txt.gz'), gz[:len(gz) // 2])

    good = zbytes([('a.txt', b'Contact: cd.person@example.com\n'), ('b.txt', b'more text\n' * 100)])
    eocd = good.rfind(b'PK\x05\x06')
    cd_size, cd_off = struct.unpack('<II', good[eocd + 12:eocd + 20])
    bad = bytearray(good)
    bad[cd_off:cd_off + cd_size] = b'\xde\xad' * (cd_size // 2) + b'\x00' * (cd_size % 2)
    write(os.path.join(out, 'badcd', 'badcd.zip'), bytes(bad))

    enc = os.path.join(out, 'encrypted')
    stage = os.path.join(enc, '.stage')
    os.makedirs(stage, exist_ok=True)
    write(os.path.join(stage, 'salaries.txt'), b'IBAN DE89370400440532013000\n')
    write(os.path.join(stage, 'anna.berg@example.com', 'payslip.txt'), b'private\n')
    write(os.path.join(stage, 'readme.txt'), b'Plain member: plain.member@example.com\n')
    target = os.path.join(enc, 'encrypted.zip')
    subprocess.run(['zip', '-q', '-X', '-P', 'secret', target, 'salaries.txt', 'anna.berg@example.com/payslip.txt'], cwd=stage, check=True)
    subprocess.run(['zip', '-q', '-X', target, 'readme.txt'], cwd=stage, check=True)
    write(os.path.join(enc, 'locked.pdf'), locked_pdf('Locked: locked.person@example.com'))
    import shutil
    shutil.rmtree(stage)

    write(os.path.join(out, 'traversal', 'traversal.zip'),
          zbytes([('../../evil.txt', b'Escaped: traversal.one@example.com\n'),
                  ('/abs/evil.txt', b'Absolute: traversal.two@example.com\n')]))

    laughs = ('<?xml version="1.0"?>\n<!DOCTYPE lolz [\n<!ENTITY lol "lol">\n'
              + ''.join('<!ENTITY lol%d "%s">\n' % (i, ('&lol%d;' % (i - 1) if i > 1 else '&lol;') * 10) for i in range(1, 10))
              + '<!ENTITY xxe SYSTEM "file:///etc/passwd">\n]>\n'
              '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
              '<w:p><w:r><w:t>&lol9;</w:t></w:r></w:p><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p>'
              '<w:p><w:r><w:t>Contact: laughs.person@example.com</w:t></w:r></w:p></w:body></w:document>')
    ct = ('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
    write(os.path.join(out, 'laughs', 'laughs.docx'), zbytes([('[Content_Types].xml', ct.encode()), ('word/document.xml', laughs.encode())]))


if __name__ == '__main__':
    main()
