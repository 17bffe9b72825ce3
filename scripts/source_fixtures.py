#!/usr/bin/env python3
"""Writes the PDF fixtures of tests/fixtures/sources (standard library only).

    python3 scripts/source_fixtures.py tests/fixtures/sources

two_column.pdf   two pages, a full-width title, two columns, a running header and a
                 page-number footer on each page, words hyphenated at line ends, quotes
                 that run over line and column breaks
image_only.pdf   one page that is a picture (no text layer)
encrypted.pdf    two_column.pdf's first page behind a user password (RC4, 40-bit)
truncated.pdf    two_column.pdf cut in half
"""
import hashlib
import sys
import zlib
from pathlib import Path

PARAGRAPHS = [
    'Negotiators from both governments met in Geneva on Tuesday for a third round of '
    'talks on the ceasefire. "We will not accept any agreement that leaves the northern '
    'provinces without protection," said Foreign Minister Amira Haddad after the '
    'morning session.',
    'Delegates described the atmosphere as constructive but uncompromising. The '
    'humanitarian corridors agreed in February remain closed, according to monitors '
    'from the International Committee of the Red Cross.',
    '"The reconstruction of the water infrastructure cannot wait for a political '
    'settlement," the committee\'s regional director, Tomas Lindqvist, told reporters. '
    'He said convoys had been turned back at checkpoints four times in two weeks.',
    'The opposition delegation walked out briefly on Wednesday afternoon. Its spokesman, '
    'Karim Nassar, accused the government of "systematically obstructing humanitarian '
    'deliveries to besieged neighbourhoods" and demanded independent verification.',
    'Diplomats expect the talks to resume next week. A senior mediator said the parties '
    'had narrowed their differences on prisoner exchanges, but that the question of '
    'international monitoring remained unresolved.',
]

COLUMN_CHARS = 40
LINE_HEIGHT = 13
FONT_SIZE = 10


def wrap(paragraph):
    """Lines of at most COLUMN_CHARS characters; a long word that does not fit is
    hyphenated, so the fixture has hyphens at line ends."""
    lines, line = [], ''
    for word in paragraph.split():
        candidate = f'{line} {word}'.strip()
        if len(candidate) <= COLUMN_CHARS:
            line = candidate
            continue
        room = COLUMN_CHARS - len(line) - 2
        if word.isalpha() and len(word) >= 8 and room >= 4 and len(word) - room >= 3:
            lines.append(f'{line} {word[:room]}-'.strip())
            line = word[room:]
        else:
            lines.append(line)
            line = word
    lines.append(line)
    return lines


def esc(text):
    return text.replace('\\', '\\\\').replace('(', '\\(').replace(')', '\\)')


def text_at(x, y, size, text, font='F1'):
    return f'BT /{font} {size} Tf {x} {y} Td ({esc(text)}) Tj ET\n'


def page_streams():
    """Two pages of content streams: every paragraph's lines, flowing down the left
    column, then the right one, then onto page 2."""
    lines = []
    for paragraph in PARAGRAPHS:
        lines.extend(wrap(paragraph))
        lines.append('')
    slots = []  # (page, x, y)
    for page in range(2):
        top = 660 if page == 0 else 720
        for x in (72, 324):
            for y in range(top, top - 12 * LINE_HEIGHT, -LINE_HEIGHT):
                slots.append((page, x, y))
    streams = ['', '']
    for page in range(2):
        streams[page] += text_at(72, 760, 9, 'Geneva Monitoring Report - Ceasefire Talks')
        streams[page] += text_at(300, 50, 9, f'Page {page + 1}')
    streams[0] += text_at(72, 700, 20, 'Third round of ceasefire talks opens', font='F2')
    streams[0] += text_at(72, 680, 10, 'Published 12 March 2019')
    for line, (page, x, y) in zip(lines, slots):
        if line:
            streams[page] += text_at(x, y, FONT_SIZE, line)
    return [s.encode('latin-1') for s in streams]


PAD = bytes.fromhex('28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A')


def rc4(key, data):
    s = list(range(256))
    j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) % 256
        s[i], s[j] = s[j], s[i]
    out, i, j = bytearray(), 0, 0
    for byte in data:
        i = (i + 1) % 256
        j = (j + s[i]) % 256
        s[i], s[j] = s[j], s[i]
        out.append(byte ^ s[(s[i] + s[j]) % 256])
    return bytes(out)


def write_pdf(path, objects, info=None, encrypt=None):
    """objects: list of (dict_text, stream_bytes or None); object i+1. The catalog is
    object 1. encrypt: a user password (RC4 40-bit, revision 2)."""
    file_id = hashlib.md5(path.name.encode()).digest()
    key = None
    extra = []
    if encrypt is not None:
        user = (encrypt.encode() + PAD)[:32]
        owner_key = hashlib.md5((b'owner' + PAD)[:32]).digest()[:5]
        o_value = rc4(owner_key, user)
        permissions = -44
        key = hashlib.md5(user + o_value + permissions.to_bytes(4, 'little', signed=True)
                          + file_id).digest()[:5]
        u_value = rc4(key, PAD)
        extra.append(f'<< /Filter /Standard /V 1 /R 2 /O <{o_value.hex()}> '
                     f'/U <{u_value.hex()}> /P {permissions} >>')
    out = bytearray(b'%PDF-1.4\n%\xe2\xe3\xcf\xd3\n')
    offsets = []
    all_objects = list(objects)
    if info:
        all_objects.append((info, None))
    info_num = len(objects) + 1 if info else None
    encrypt_num = None
    for num, (text, stream) in enumerate(all_objects, start=1):
        offsets.append(len(out))
        if key is not None:
            object_key = hashlib.md5(key + num.to_bytes(3, 'little') + b'\0\0').digest()[:10]
            if stream is not None:
                stream = rc4(object_key, stream)
            if '(' in text:  # the info strings
                start, end = text.index('('), text.rindex(')')
                plain = text[start + 1:end].encode('latin-1')
                text = text[:start] + '<' + rc4(object_key, plain).hex() + '>' + text[end + 1:]
        body = text.encode('latin-1')
        if stream is not None:
            body = body.replace(b'>>', f' /Length {len(stream)} >>'.encode(), 1)
            body += b'\nstream\n' + stream + b'\nendstream'
        out += f'{num} 0 obj\n'.encode() + body + b'\nendobj\n'
    for text in extra:
        encrypt_num = len(all_objects) + 1
        offsets.append(len(out))
        out += f'{encrypt_num} 0 obj\n{text}\nendobj\n'.encode()
    xref = len(out)
    out += f'xref\n0 {len(offsets) + 1}\n0000000000 65535 f \n'.encode()
    for offset in offsets:
        out += f'{offset:010d} 00000 n \n'.encode()
    trailer = f'trailer\n<< /Size {len(offsets) + 1} /Root 1 0 R'
    if info_num:
        trailer += f' /Info {info_num} 0 R'
    if encrypt_num:
        trailer += f' /Encrypt {encrypt_num} 0 R'
    trailer += f' /ID [<{file_id.hex()}> <{file_id.hex()}>] >>\nstartxref\n{xref}\n%%EOF\n'
    out += trailer.encode()
    path.write_bytes(bytes(out))
    return bytes(out)


def text_pdf(streams):
    n_pages = len(streams)
    kids = ' '.join(f'{3 + 2 * i} 0 R' for i in range(n_pages))
    fonts = 3 + 2 * n_pages
    objects = [
        ('<< /Type /Catalog /Pages 2 0 R >>', None),
        (f'<< /Type /Pages /Kids [{kids}] /Count {n_pages} >>', None),
    ]
    for i, stream in enumerate(streams):
        objects.append((f'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] '
                        f'/Resources << /Font << /F1 {fonts} 0 R /F2 {fonts + 1} 0 R >> >> '
                        f'/Contents {4 + 2 * i} 0 R >>', None))
        objects.append(('<< >>', stream))
    objects.append(('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica '
                    '/Encoding /WinAnsiEncoding >>', None))
    objects.append(('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold '
                    '/Encoding /WinAnsiEncoding >>', None))
    return objects


def main():
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    streams = page_streams()
    info = ('<< /Title (Third round of ceasefire talks opens) /Author (Geneva Monitoring '
            'Group) /CreationDate (D:20190312090000Z) >>')
    whole = write_pdf(out / 'two_column.pdf', text_pdf(streams), info=info)
    (out / 'truncated.pdf').write_bytes(whole[:len(whole) // 2])
    write_pdf(out / 'encrypted.pdf', text_pdf(streams[:1]), encrypt='secret')
    pixels = zlib.compress(bytes((x * 7 + y * 3) % 256 for y in range(64) for x in range(64)))
    image_objects = [
        ('<< /Type /Catalog /Pages 2 0 R >>', None),
        ('<< /Type /Pages /Kids [3 0 R] /Count 1 >>', None),
        ('<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] '
         '/Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>', None),
        ('<< >>', b'q 468 0 0 600 72 100 cm /Im1 Do Q\n'),
        ('<< /Type /XObject /Subtype /Image /Width 64 /Height 64 /ColorSpace /DeviceGray '
         '/BitsPerComponent 8 /Filter /FlateDecode >>', pixels),
    ]
    write_pdf(out / 'image_only.pdf', image_objects)


if __name__ == '__main__':
    main()
