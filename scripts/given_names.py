#!/usr/bin/env python3
"""Given names and the sex they are given to, from the US Social Security
Administration's baby names (public domain; yob1880.txt ... files of `name,sex,count`,
e.g. github hackerb9/ssa-baby-names raw-data/). A name goes in the list when at least
MIN_COUNT babies had it and at least SHARE of them were of one sex; quote attribution
uses it so that "she said" does not go to a Michael (docs/quotes.md).

    python3 scripts/given_names.py SSA/raw-data > data/lexicon/given_names.txt
"""

import collections
import os
import sys

MIN_COUNT = 2000
SHARE = 0.95


def main():
    counts = collections.defaultdict(collections.Counter)
    folder = sys.argv[1]
    for name in sorted(os.listdir(folder)):
        if not (name.startswith("yob") and name.endswith(".txt")):
            continue
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            for line in f:
                given, sex, n = line.strip().split(",")
                counts[given][sex] += int(n)
    print(f"# Given names given to at least {MIN_COUNT} US babies, {SHARE:.0%} of one sex")
    print("# (SSA baby names 1880-, public domain; scripts/given_names.py). Name, M or F.")
    for given in sorted(counts):
        by_sex = counts[given]
        total = sum(by_sex.values())
        sex, top = by_sex.most_common(1)[0]
        if total >= MIN_COUNT and top >= SHARE * total:
            print(f"{given}\t{sex}")


if __name__ == "__main__":
    main()
