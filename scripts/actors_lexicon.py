#!/usr/bin/env python3
"""Builds the two word lists person extraction reasons with (docs/actors.md, "Real news"):

- data/gazetteer/given_names.txt: given names, lowercase. From the US Social Security
  Administration's baby names (public domain; folder of yob1880.txt ... `name,sex,count`):
  names given to at least SSA_MIN babies; plus first words of two-to-four-word person
  names in CoNLL-2003 eng.train given at least CONLL_MIN times (international given names
  the US list lacks). Words that are titles or ranks more often than names are left out.
- data/gazetteer/common_words.txt: words English news writes in lowercase: seen lowercase
  at least LOWER_MIN times in CoNLL-2003 eng.train and at least RATIO times as often as
  capitalised inside a sentence. A capitalised group holding one of them is only a
  person's name when it starts with a given name ("Outer Space" no, "Bill Jordan" yes).
  Plus, when a word list is given (Debian's wamerican, /usr/share/dict/american-english,
  public domain), its lowercase words whose capitalised form it does not list as a proper
  noun ("observatory", "celestial"; not "brown", "jordan").

    python3 scripts/actors_lexicon.py SSA/raw-data CONLL/eng.train [/usr/share/dict/american-english]

Only derived word lists are shipped; the data stays outside the repository.
"""

import collections
import os
import sys

SSA_MIN = 5000
CONLL_MIN = 2
LOWER_MIN = 2
RATIO = 2.0
# Capitalised before a name as a title or rank far more often than as a given name.
NOT_GIVEN = set(
    """royal king queen prince princess duke earl lord lady major general judge
    marshal bishop pope sir dame chief captain colonel sergeant deputy governor
    senator president minister admiral baron count countess emperor sultan sheikh
    saint st mister miss master doctor reverend coach father mother sister brother
    north south east west new old great grand little big young san santa""".split()
)


def main():
    ssa, conll = sys.argv[1], sys.argv[2]
    here = os.path.dirname(os.path.abspath(__file__))
    out = os.path.join(here, "..", "data", "gazetteer")

    counts = collections.Counter()
    for name in sorted(os.listdir(ssa)):
        if name.startswith("yob") and name.endswith(".txt"):
            with open(os.path.join(ssa, name), encoding="utf-8") as f:
                for line in f:
                    given, _sex, n = line.strip().split(",")
                    counts[given.lower()] += int(n)
    given = {g for g, n in counts.items() if n >= SSA_MIN}

    lower, capital = collections.Counter(), collections.Counter()
    firsts = collections.Counter()
    sent, per = [], []
    with open(conll, encoding="utf-8") as f:
        lines = f.read().split("\n")
    for line in lines + [""]:
        cols = line.split()
        if not cols or cols[0] == "-DOCSTART-":
            for i, (w, _) in enumerate(sent):
                if not w.isalpha():
                    continue
                if w.islower():
                    lower[w] += 1
                elif w[0].isupper() and not w.isupper() and i > 0:
                    capital[w.lower()] += 1
            # First words of multi-word PER entities.
            run = []
            for w, tag in sent + [("", "O")]:
                if tag.endswith("PER") and not tag.startswith("B-"):
                    run.append(w)
                else:
                    if 2 <= len(run) <= 4 and run[0].isalpha() and len(run[0]) > 1:
                        firsts[run[0].lower()] += 1
                    run = [w] if tag.endswith("PER") else []
            sent = []
            continue
        sent.append((cols[0], cols[-1]))
    given |= {w for w, n in firsts.items() if n >= CONLL_MIN}
    given -= NOT_GIVEN
    common = {
        w
        for w, n in lower.items()
        if n >= LOWER_MIN and n >= RATIO * capital[w] and len(w) > 2
    }

    news = set(common)
    if len(sys.argv) > 3:
        with open(sys.argv[3], encoding="utf-8") as f:
            words = {line.strip() for line in f}
        common |= {
            w
            for w in words
            if w.isascii() and w.isalpha() and w.islower() and len(w) > 2
            and w.capitalize() not in words and w not in given
        }
    with open(os.path.join(out, "given_names.txt"), "w", encoding="utf-8") as f:
        f.write("# Given names, lowercase (scripts/actors_lexicon.py: SSA baby names given to\n")
        f.write(f"# at least {SSA_MIN} babies, public domain; first words of person names in\n")
        f.write("# CoNLL-2003 eng.train seen twice or more).\n")
        f.writelines(w + "\n" for w in sorted(given))
    with open(os.path.join(out, "common_words.txt"), "w", encoding="utf-8") as f:
        f.write("# Words news writes in lowercase (scripts/actors_lexicon.py: CoNLL-2003\n")
        f.write(f"# eng.train, seen lowercase {LOWER_MIN}+ times and {RATIO:g}x as often as\n")
        f.write("# capitalised inside a sentence, marked `+`; lowercase-only words of Debian's\n")
        f.write("# wamerican, unmarked).\n")
        f.writelines(w + ("\t+" if w in news else "") + "\n" for w in sorted(common))


if __name__ == "__main__":
    main()
