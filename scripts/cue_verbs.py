#!/usr/bin/env python3
"""The verbs that introduce quotations in news, counted on PolNeAR's train split.

Every attribution of PolNeAR (github networkdynamics/PolNeAR) has a Cue span; where
its Content holds a quotation mark, the verbs of the cue (CoreNLP's POS tags, VB*) are
the words that introduce a quotation. The forms seen at least MIN times, auxiliaries
left out, become `data/lexicon/cue_verbs.txt`, the quote attribution's verb list.

    python3 scripts/cue_verbs.py PolNeAR/data > data/lexicon/cue_verbs.txt

Only the train split is read: dev measures, test is reserved.
"""

import collections
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from polnear_gold import CoreNlp, quote_segments, read_ann  # noqa: E402

MIN = 3
AUXILIARIES = {
    "is", "was", "are", "were", "be", "been", "being", "am", "has", "have", "had",
    "having", "do", "does", "did", "doing", "would", "could", "will", "can", "may",
    "might", "should", "must", "shall", "get", "got", "go", "going", "gone", "went",
    "make", "made", "making", "let", "put", "take", "took", "taken", "come", "came",
}
# Verbs seen in cues that do not themselves report words: naming a title ("a book
# titled"), showing or finding, sending or publishing a document, acts. Reviewed by hand
# once over the whole list; a quotation after them is a title or a name, not speech.
NOT_SPEECH = {
    "known", "titled", "named", "found", "used", "seen", "shows", "looking", "seeking",
    "appears", "goes", "makes", "puts", "began", "sent", "shot", "fired", "filed",
    "voted", "wanted", "released", "issued", "published", "delivered", "posted",
    "offered", "thought", "thinks", "portray", "expressed", "proposed", "read", "reads",
    # "according to X" is a rule of its own.
    "according",
}


def main():
    root = sys.argv[1]
    ann_dir = os.path.join(root, "train", "attributions")
    counts = collections.Counter()
    seen = set()
    for name in sorted(os.listdir(ann_dir)):
        article = name.rsplit("_", 1)[0]
        if article in seen:
            continue
        seen.add(article)
        with open(os.path.join(root, "train", "text", article + ".txt"), encoding="utf-8") as f:
            text = f.read()
        spans, relations = read_ann(os.path.join(ann_dir, name))
        nlp = CoreNlp(os.path.join(root, "train", "corenlp", article + ".txt.xml"))
        for rel in relations:
            content, cue = spans.get(rel.get("Content")), spans.get(rel.get("Cue"))
            if content is None or cue is None:
                continue
            if not quote_segments(text, content[1], content[2]):
                continue
            for i in nlp.tokens_in(cue[1], cue[2]):
                _, _, word, pos, _ = nlp.tokens[i]
                word = word.lower()
                if pos.startswith("VB") and word.isalpha() and word not in AUXILIARIES | NOT_SPEECH:
                    counts[word] += 1
    print("# Verbs that introduce quotations: forms seen at least", MIN, "times as the")
    print("# cue of a quotation in PolNeAR train, less verbs that report no words")
    print("# (scripts/cue_verbs.py). Count, form.")
    for word, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        if n >= MIN:
            print(f"{n}\t{word}")


if __name__ == "__main__":
    main()
