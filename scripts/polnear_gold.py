#!/usr/bin/env python3
"""Direct quotations and their speakers from PolNeAR, as a gold list for
`examples/eval_quotes.rs`.

PolNeAR (github networkdynamics/PolNeAR) annotates every attribution of 1,008 US
election news articles of 2016 in BRAT standoff: a Source, a Cue and a Content span.
A *direct quotation* is a quotation-marked stretch inside a Content span; its gold
speaker is the Source. A Source that names nobody ("he", "the campaign") is resolved
through the CoreNLP coreference chains shipped beside the text: the first mention of
the chain headed by a proper noun names the speaker. A Source with no name and no such
chain is "unnamed" (dossier should then give no speaker).

Usage (the data stays outside the repository; never pass the test split):

    python3 scripts/polnear_gold.py PolNeAR/data dev > /tmp/polnear_dev.tsv
    cargo run --release --example eval_quotes -- /tmp/polnear_dev.tsv

Output, one line per quotation: path, byte start, byte end (the words between the
marks), speaker (or -), how the speaker was found (name / coref / unnamed), the source
as written.
"""

import os
import re
import sys
import xml.etree.ElementTree as ET

OPEN = "“\""
INDEFINITES = {"a", "an", "one", "another", "some", "several", "two", "three", "many"}
PRONOUNS = {"he", "she", "they", "i", "we", "him", "her", "them", "me", "us", "it", "you"}
RELATIVES = {"who", "which", "that", "whom"}


def quote_segments(text, start, end):
    """The quotation-marked stretches of text[start:end], as (start, end) of the words
    inside the marks. A stretch left open runs to the end of the span."""
    out = []
    i = start
    while i < end:
        c = text[i]
        if c in OPEN:
            close = i + 1
            while close < end and text[close] not in "”\"":
                close += 1
            if close > i + 1:
                out.append((i + 1, close))
            i = close + 1
        else:
            i += 1
    return [(a, b) for a, b in out if text[a:b].strip() and not inside_markup(text, a)]


def inside_markup(text, at):
    """Whether `at` lies inside a markup tag the article kept (`<tweet author="...">`):
    an attribute's value is no quotation."""
    opened, closed = text.rfind("<", 0, at), text.rfind(">", 0, at)
    return opened > closed and text.find(">", at) != -1


def read_ann(path):
    spans, relations = {}, []
    with open(path, encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if cols[0].startswith("T") and len(cols) >= 2:
                kind, *offs = cols[1].replace(";", " ").split()
                nums = [int(x) for x in offs]
                spans[cols[0]] = (kind, min(nums), max(nums))
            elif cols[0].startswith("E") and len(cols) >= 2:
                rel = dict(part.split(":", 1) for part in cols[1].split())
                relations.append(rel)
    return spans, relations


class CoreNlp:
    """Tokens (char offsets, POS, NER) and coreference chains of one article."""

    def __init__(self, path):
        self.tokens = []  # (begin, end, word, pos, ner)
        self.index = {}  # (sentence, token) -> position in tokens
        self.chains = []  # [(first token, end token, head token)]
        if not os.path.exists(path):
            return
        root = ET.parse(path).getroot()
        for sent in root.iter("sentence"):
            toks = sent.find("tokens")
            if toks is None:
                continue
            for tok in toks.iter("token"):
                self.index[(int(sent.get("id")), int(tok.get("id")))] = len(self.tokens)
                self.tokens.append(
                    (
                        int(tok.findtext("CharacterOffsetBegin")),
                        int(tok.findtext("CharacterOffsetEnd")),
                        tok.findtext("word"),
                        tok.findtext("POS"),
                        tok.findtext("NER"),
                    )
                )
        coref = root.find(".//coreference")
        if coref is None:
            return
        for chain in coref.findall("coreference"):
            mentions = []
            for m in chain.findall("mention"):
                s = int(m.findtext("sentence"))
                mentions.append(
                    (
                        self.index.get((s, int(m.findtext("start")))),
                        self.index.get((s, int(m.findtext("end")) - 1)),
                        self.index.get((s, int(m.findtext("head")))),
                    )
                )
            self.chains.append([m for m in mentions if None not in m])

    def tokens_in(self, start, end):
        return [i for i, t in enumerate(self.tokens) if t[0] >= start and t[1] <= end]

    def proper_run(self, toks, head=None):
        """The name in a run of token positions: the PERSON tokens, else the
        ORGANIZATION ones, else the proper-noun run around `head` (else the last)."""
        for ner in ("PERSON", "ORGANIZATION"):
            run = self.run_of(toks, lambda t: t[4] == ner, head)
            if run:
                return run
        return self.run_of(toks, lambda t: t[3] in ("NNP", "NNPS"), head)

    def run_of(self, toks, keep, head):
        runs, cur = [], []
        for i in toks:
            if keep(self.tokens[i]):
                cur.append(i)
            elif cur:
                runs.append(cur)
                cur = []
        if cur:
            runs.append(cur)
        if not runs:
            return None
        chosen = next((r for r in runs if head in r), runs[-1])
        return " ".join(self.tokens[i][2] for i in chosen)

    def resolve(self, start, end, person_only=False):
        """The name a chain gives the mention at start..end (only a person's name for
        `person_only`: a chain that leads "he" to "Sandy Hook" or "Islam" is CoreNLP's
        error, and the quote cannot be judged)."""
        toks = set(self.tokens_in(start, end))
        for chain in self.chains:
            if not any(h in toks for _, _, h in chain):
                continue
            for first, last, head in chain:
                if person_only and self.tokens[head][4] != "PERSON":
                    continue
                if self.tokens[head][3] in ("NNP", "NNPS"):
                    name = self.proper_run(range(first, last + 1), head)
                    if name:
                        return name
        return None


def main():
    if len(sys.argv) != 3 or sys.argv[2] not in ("train", "dev"):
        sys.exit("usage: polnear_gold.py PolNeAR/data train|dev  (the test split is reserved)")
    root, split = sys.argv[1], sys.argv[2]
    ann_dir = os.path.join(root, split, "attributions")
    by_article = {}
    for name in sorted(os.listdir(ann_dir)):
        article = name.rsplit("_", 1)[0]
        by_article.setdefault(article, name)  # one annotator per article
    for article, ann in sorted(by_article.items()):
        text_path = os.path.join(root, split, "text", article + ".txt")
        with open(text_path, encoding="utf-8") as f:
            text = f.read()
        spans, relations = read_ann(os.path.join(ann_dir, ann))
        parse = os.path.join(root, split, "corenlp", article + ".txt.xml")
        if not os.path.exists(parse):
            # Some snapshots of the repository lack a few of its largest parses.
            print(f"skipped {article}: no CoreNLP parse at {parse}", file=sys.stderr)
            continue
        nlp = CoreNlp(parse)
        # Byte offsets of every char offset.
        byte_at = [0] * (len(text) + 1)
        for i, c in enumerate(text):
            byte_at[i + 1] = byte_at[i] + len(c.encode("utf-8"))
        for rel in relations:
            content, source = spans.get(rel.get("Content")), spans.get(rel.get("Source"))
            if content is None:
                continue
            segments = quote_segments(text, content[1], content[2])
            if not segments:
                continue
            speaker, how, written = None, "unnamed", "-"
            if source is not None:
                written = " ".join(text[source[1] : source[2]].split())
                # The head noun phrase: before an apposition or relative clause
                # ("Flynn, a top Trump surrogate," is Flynn).
                head_end = source[1] + len(
                    re.split(r",| who | of | \(", text[source[1] : source[2]])[0]
                )
                # "Secretary of State John F. Kerry", "Speaker of the House Paul Ryan": the
                # person named after the "of" of a title is the head.
                clause_end = source[1] + len(
                    re.split(r",| who | \(", text[source[1] : source[2]])[0]
                )
                person = lambda a, b: any(nlp.tokens[i][4] == "PERSON" for i in nlp.tokens_in(a, b))
                if not person(source[1], head_end) and person(head_end, clause_end):
                    head_end = clause_end
                # "another friend, Mariam Emara,": a head phrase naming nobody, then a
                # person in apposition after its comma, is that person.
                if not person(source[1], head_end) and text[head_end : head_end + 1] == ",":
                    after = text.find(",", head_end + 1, source[2])
                    after = source[2] if after == -1 else after
                    apposed = nlp.tokens_in(head_end + 1, after)
                    if apposed and all(nlp.tokens[i][4] == "PERSON" for i in apposed):
                        head_end = after
                toks = nlp.tokens_in(source[1], head_end)
                is_pronoun = written.lower() in PRONOUNS
                # "Beck, who has called ...": a relative pronoun stands for the name just
                # before it (its comma aside); CoreNLP's chains leave relatives out.
                if written.lower() in RELATIVES:
                    before = [i for i in nlp.tokens_in(max(0, source[1] - 80), source[1])]
                    while before and nlp.tokens[before[-1]][2] in (",", "—", "--"):
                        before.pop()
                    run = []
                    while before and nlp.tokens[before[-1]][3] in ("NNP", "NNPS"):
                        run.insert(0, before.pop())
                    if run:
                        toks = run
                        head_end = nlp.tokens[run[-1]][1]
                # A description: headed by a common noun ("the Florida senator", "the
                # former top aide to President George W. Bush") it may refer to someone
                # named elsewhere; opened by an indefinite ("a Nevada Democrat", "one
                # New Hampshire Republican") it names nobody.
                head = nlp.tokens[toks[-1]] if toks else None
                # CoreNLP's tagger misreads some surnames ("Devine", "Stone"): a head
                # phrase of capitalised words only, not opened by "The", is a name.
                head_words = text[source[1] : head_end].split()
                # (A word the article also writes in lower case, "Police", "Democrats"
                # opening a sentence, is no name.)
                capitalised = (
                    bool(head_words)
                    and head_words[0] != "The"
                    and all(w[0].isupper() for w in head_words)
                    and (head is None or head[3] != "NNS")
                    and not re.search(r"\b" + re.escape(head_words[-1].lower()) + r"\b", text)
                )
                described = head is not None and head[3] not in ("NNP", "NNPS") and not capitalised
                # "a Nevada Democrat" names nobody; "an angry Hollande" names Hollande.
                indefinite = written.lower().split()[0] in INDEFINITES and not (
                    head is not None and head[4] == "PERSON"
                )
                named = toks and not is_pronoun and not described and not indefinite
                speaker = nlp.proper_run(toks) if named else None
                if named and speaker is None and capitalised:
                    speaker = " ".join(head_words)
                how = "name"
                if speaker is None and not indefinite:
                    personal = written.lower() in ("he", "she", "him", "her")
                    speaker, how = nlp.resolve(source[1], source[2], personal), "coref"
                if speaker is None and not toks and not is_pronoun:
                    # No CoreNLP file: the capitalised words of the head phrase.
                    caps = re.findall(r"[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+)*", text[source[1] : head_end])
                    speaker, how = (caps[-1], "name") if caps else (None, how)
                if speaker is None:
                    # A pronoun no chain resolves cannot be judged; a description
                    # ("a campaign aide", "the letter") names nobody.
                    words = written.lower().split()
                    how = "pronoun" if words and words[-1] in PRONOUNS else "unnamed"
                    # A source span holding no noun ("said", "said in a statement", a
                    # stray letter) is an annotation slip: it cannot be judged either.
                    nouns = ("NN", "PRP", "CD", "DT", "WP", "WDT", "IN")
                    if how == "unnamed" and not any(
                        nlp.tokens[i][3].startswith(nouns) for i in nlp.tokens_in(source[1], source[2])
                    ):
                        how = "slip"
            for a, b in segments:
                print(
                    "\t".join(
                        [
                            text_path,
                            str(byte_at[a]),
                            str(byte_at[b]),
                            speaker or "-",
                            how,
                            written.replace("\t", " "),
                        ]
                    )
                )


if __name__ == "__main__":
    main()
