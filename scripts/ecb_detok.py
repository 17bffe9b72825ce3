#!/usr/bin/env python3
"""Undo ECB+'s tokenisation around quotation marks, keeping every byte offset.

ECB+ (see scripts/ecb_gold.py) gives tokens, so its rebuilt text has a space on both sides
of every quotation mark and one sentence per line: a quote of two sentences runs over a
line break, and `..., "said Smith` reads as a quote opening at `said`. News as published
has neither. This rewrites each file with the same length in bytes, so the offsets of a
gold list made on the rebuilt text (scripts/gold/ecb_quotes_*.tsv) stay valid:

- a line with an odd number of quotation marks is joined (its line break made a space) to
  the next line with an odd number, across at most three lines without any mark;
- in each line, marks are paired in order; an opening mark swaps places with the space
  after it (`" If` -> ` "If`), a closing mark with the space before it (`, "said` ->
  `," said`).

    python3 scripts/ecb_detok.py /tmp/ecb/text /tmp/ecbq/text
    cargo run --release --example eval_quotes -- scripts/gold/ecb_quotes_dev.tsv --root /tmp/ecbq
"""
import os
import sys

MARKS = ('"', '\u201c', '\u201d')


def marks(line):
    return sum(line.count(m) for m in MARKS)


def join_flags(lines):
    """Per line, whether its line break becomes a space (the quote runs on)."""
    join = [False] * len(lines)
    i = 0
    while i < len(lines):
        if marks(lines[i]) % 2 == 1:
            for j in range(i + 1, min(i + 5, len(lines))):
                n = marks(lines[j])
                if n % 2 == 1:
                    for k in range(i, j):
                        join[k] = True
                    i = j
                    break
                if n:
                    break
        i += 1
    return join


def detok(line):
    chars = list(line)
    opening = True
    i = 0
    while i < len(chars):
        c = chars[i]
        if c in MARKS:
            is_open = c == '\u201c' or (c == '"' and opening)
            if c == '\u201d':
                is_open = False
            if is_open and i + 1 < len(chars) and chars[i + 1] == ' ':
                chars[i], chars[i + 1] = ' ', c
                i += 1
            elif not is_open and i > 0 and chars[i - 1] == ' ':
                chars[i - 1], chars[i] = c, ' '
            if c == '"':
                opening = not opening
        i += 1
    return ''.join(chars)


def main(src, dst):
    os.makedirs(dst, exist_ok=True)
    for name in sorted(os.listdir(src)):
        text = open(os.path.join(src, name), encoding='utf-8').read()
        lines = text.split('\n')
        join = join_flags(lines)
        joined = ''.join(
            line + (' ' if join[k] else '\n') for k, line in enumerate(lines)
        )[: len(text)]
        new = '\n'.join(detok(line) for line in joined.split('\n'))
        assert len(new.encode('utf-8')) == len(text.encode('utf-8')), name
        with open(os.path.join(dst, name), 'w', encoding='utf-8') as f:
            f.write(new)


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
