#!/usr/bin/env python3
"""ECB+ (CROMER XML) to plain-text articles and a gold TSV of event mentions.

    python3 scripts/ecb_gold.py ECB_PLUS_DIR OUT_DIR [--topics 1-35]

ECB_PLUS_DIR holds `<topic>/<topic>_<n>ecb[plus].xml` and, beside or above it,
`ECBplus_coreference_sentences.csv` (the sentences annotated for coreference). OUT_DIR
receives `text/<topic>_<n>ecb[plus].txt` (the rebuilt text, one sentence a line, with
`date:` front matter when the first lines or the source URL give a full date), `gold.tsv`,
one row per action mention, and `sentences.tsv` (doc, sentence, start, end,
coref_sentence: each line's offsets and whether it was annotated for coreference).

Topics 36-45 are the project's held-out evaluation: this script refuses them.

Columns of gold.tsv (offsets are byte offsets into the written .txt file):
  doc  topic  sentence  m_id  class  start  end  text  chain  chain_docs  coref_sentence
  place  place_spans  date  date_text  participants
`chain` is the CROSS_DOC_COREF instance (or `INTRA_<doc>_<r_id>`, or `SINGLE_<doc>_<m_id>`
for a mention in no chain); `chain_docs` counts the documents the chain reaches.
ECB+ has no action-to-argument relation: the place, date and participants of a mention are
the LOC_*, TIME_DATE/TIME_OF_THE_DAY and HUMAN_PART_* mentions of its sentence (the
nearest ones), else those of another sentence of the same document holding a mention of the
same chain. `date` is the time expression resolved to ISO (day, month or year) against the
document's date; empty when it cannot be resolved.
"""

import calendar
import csv
import datetime as dt
import os
import re
import sys
import xml.etree.ElementTree as ET

RESERVED = set(range(36, 46))

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}

NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "'s", "'S", "n't",
                   "'re", "'ve", "'ll", "'d", "'m", "''", "’s"}
NO_SPACE_AFTER = {"(", "[", "{", "$", "``", "#"}


def parse_topics(arg):
    topics = set()
    for part in arg.split(","):
        if "-" in part:
            a, b = part.split("-")
            topics.update(range(int(a), int(b) + 1))
        else:
            topics.add(int(part))
    bad = sorted(topics & RESERVED)
    if bad:
        sys.exit(f"refused: topics {bad} are reserved for the independent evaluation")
    return topics


def detok(tokens):
    """Joins (t_id, word) into a line; returns the line and each token's offset."""
    out, offsets = "", []
    quote_open = False
    prev = None
    words = [w for _, w in tokens]
    for i, (_, w) in enumerate(tokens):
        space = bool(out)
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if w == "-" and prev and prev[-1:].isalnum() and nxt[:1].isalnum():
            space = False
        if w in ("’", "'") and prev and prev[-1:].isalnum() and nxt in ("s", "t", "re", "ve", "ll", "d", "m"):
            space = False
        if prev in ("’", "'") and i >= 2 and words[i - 2][-1:].isalnum() and w in ("s", "t", "re", "ve", "ll", "d", "m"):
            space = False
        if prev == "-" and i >= 2 and words[i - 2][-1:].isalnum() and w[:1].isalnum():
            space = False
        if w in NO_SPACE_BEFORE or (w.startswith("'") and len(w) <= 3 and w.isascii()
                                    and w[1:].isalpha() and prev is not None):
            space = False
        if prev in NO_SPACE_AFTER:
            space = False
        if w == '"':
            if quote_open:
                space = False
            quote_open = not quote_open
        elif prev == '"' and quote_open:
            space = False
        if space:
            out += " "
        offsets.append((len(out.encode()), len((out + w).encode())))
        out += w
        prev = w
    return out, offsets


def url_date(url):
    m = re.search(r"/(19|20)(\d\d)/(\d\d?)/(\d\d?)/", url)
    if m:
        return safe_date(int(m.group(1) + m.group(2)), int(m.group(3)), int(m.group(4)))
    m = re.search(r"/(19|20)(\d\d)/([a-z]{3})[a-z]*/(\d\d?)/", url)
    if m and m.group(3) in MONTHS:
        return safe_date(int(m.group(1) + m.group(2)), MONTHS[m.group(3)], int(m.group(4)))
    m = re.search(r"(?<!\d)(20[01]\d)(0[1-9]|1[0-2])([0-3]\d)(?!\d)", url)
    if m:
        return safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    return None


def safe_date(y, m, d):
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


MONTH_RE = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"


def full_date_in(text):
    t = text.lower()
    m = re.search(MONTH_RE + r"\s+(\d\d?)(?:st|nd|rd|th)?\s*,?\s+((?:19|20)\d\d)", t)
    if m:
        return safe_date(int(m.group(3)), MONTHS[m.group(1)[:3]], int(m.group(2)))
    m = re.search(r"(\d\d?)\s+" + MONTH_RE + r"\s*,?\s+((?:19|20)\d\d)", t)
    if m:
        return safe_date(int(m.group(3)), MONTHS[m.group(2)[:3]], int(m.group(1)))
    m = re.search(r"((?:19|20)\d\d)-(\d\d)-(\d\d)", t)
    if m:
        return safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    return None


def resolve(text, today):
    """A time expression as ISO (YYYY-MM-DD, YYYY-MM or YYYY), or ''."""
    t = text.lower().strip()
    d = full_date_in(t)
    if d:
        return d.isoformat()
    m = re.search(MONTH_RE + r"\s+(\d\d?)(?:st|nd|rd|th)?\b", t) or None
    if m:
        month, day = MONTHS[m.group(1)[:3]], int(m.group(2))
        if today:
            year = today.year
            cand = safe_date(year, month, day)
            if cand and (cand - today).days > 60:
                year -= 1
            c = safe_date(year, month, day)
            return c.isoformat() if c else ""
        return ""
    m = re.search(r"(\d\d?)(?:st|nd|rd|th)?\s+(?:of\s+)?" + MONTH_RE + r"(?!\w)", t)
    if m and today:
        month, day = MONTHS[m.group(2)[:3]], int(m.group(1))
        c = safe_date(today.year, month, day)
        return c.isoformat() if c else ""
    m = re.search(MONTH_RE + r",?\s+((?:19|20)\d\d)", t)
    if m:
        return f"{int(m.group(2)):04d}-{MONTHS[m.group(1)[:3]]:02d}"
    m = re.fullmatch(r"(?:in\s+)?((?:19|20)\d\d)", t)
    if m:
        return m.group(1)
    if not today:
        return ""
    if re.search(r"\b(today|tonight|this (morning|afternoon|evening)|earlier today|now)\b", t):
        return today.isoformat()
    if re.search(r"\b(yesterday|last night)\b", t):
        return (today - dt.timedelta(days=1)).isoformat()
    for name, wd in WEEKDAYS.items():
        if re.search(rf"\b{name}\b", t):
            back = (today.weekday() - wd) % 7
            return (today - dt.timedelta(days=back)).isoformat()
    m = re.fullmatch(MONTH_RE, t)
    if m:
        month = MONTHS[m.group(1)[:3]]
        year = today.year if month <= today.month else today.year - 1
        return f"{year:04d}-{month:02d}"
    return ""


def load_selected(root):
    for cand in [os.path.join(root, "ECBplus_coreference_sentences.csv"),
                 os.path.join(os.path.dirname(os.path.abspath(root)),
                              "ECBplus_coreference_sentences.csv")]:
        if os.path.exists(cand):
            selected = set()
            with open(cand, newline="") as f:
                for row in csv.DictReader(f):
                    if int(row["Topic"]) in RESERVED:
                        continue
                    selected.add((row["Topic"] + "_" + row["File"], int(row["Sentence Number"])))
            return selected
    sys.exit("ECBplus_coreference_sentences.csv not found beside or above " + root)


def read_doc(path):
    root = ET.parse(path).getroot()
    tokens = []
    for tok in root.iter("token"):
        tokens.append((int(tok.get("t_id")), int(tok.get("sentence")), tok.text or ""))
    markables = {}
    for mk in root.find("Markables") if root.find("Markables") is not None else []:
        anchors = [int(a.get("t_id")) for a in mk.findall("token_anchor")]
        if not anchors:
            continue  # an instance descriptor, not a mention
        markables[mk.get("m_id")] = (mk.tag, anchors)
    chains = {}
    rels = root.find("Relations")
    for rel in rels if rels is not None else []:
        if rel.tag == "CROSS_DOC_COREF":
            cid = rel.get("note")
        elif rel.tag == "INTRA_DOC_COREF":
            cid = "INTRA_" + os.path.basename(path) + "_" + rel.get("r_id")
        else:
            continue
        for src in rel.findall("source"):
            chains[src.get("m_id")] = cid
    return tokens, markables, chains


def main():
    args = sys.argv[1:]
    topics_arg = "1-35"
    if "--topics" in args:
        i = args.index("--topics")
        topics_arg = args[i + 1]
        del args[i:i + 2]
    if len(args) != 2:
        sys.exit(__doc__)
    src, out = args
    topics = parse_topics(topics_arg)
    selected = load_selected(src)
    os.makedirs(os.path.join(out, "text"), exist_ok=True)
    with open(os.path.join(out, "sentences.tsv"), "w") as f:
        f.write("doc\tsentence\tstart\tend\tcoref_sentence\n")
    rows = []
    n_docs = 0
    for topic in sorted(topics):
        tdir = os.path.join(src, str(topic))
        if not os.path.isdir(tdir):
            continue
        for name in sorted(os.listdir(tdir)):
            if not name.endswith(".xml"):
                continue
            doc = name[:-4]
            tokens, markables, chains = read_doc(os.path.join(tdir, name))
            rows.extend(write_doc(doc, topic, tokens, markables, chains, selected, out))
            n_docs += 1
    chain_docs = {}
    for r in rows:
        chain_docs.setdefault(r["chain"], set()).add(r["doc"])
    cols = ["doc", "topic", "sentence", "m_id", "class", "start", "end", "text", "chain",
            "chain_docs", "coref_sentence", "place", "place_spans", "date", "date_text",
            "participants"]
    with open(os.path.join(out, "gold.tsv"), "w") as f:
        f.write("\t".join(cols) + "\n")
        for r in rows:
            r["chain_docs"] = len(chain_docs[r["chain"]])
            f.write("\t".join(str(r[c]).replace("\t", " ") for c in cols) + "\n")
    print(f"{n_docs} documents, {len(rows)} action mentions -> {out}")


def write_doc(doc, topic, tokens, markables, chains, selected, out):
    by_sentence = {}
    for t_id, sent, word in tokens:
        by_sentence.setdefault(sent, []).append((t_id, word))
    url = ""
    if "plus" in doc and 0 in by_sentence:
        url = "".join(w for _, w in by_sentence.pop(0))
    lines, tok_off = [], {}
    for sent in sorted(by_sentence):
        line, offs = detok(by_sentence[sent])
        lines.append((sent, line, offs))
    first = " ".join(l for _, l, _ in lines[:4])
    today = full_date_in(first) or url_date(url)
    header = f"date: {today.isoformat()}\n\n" if today else ""
    pos = len(header.encode())
    sent_of = {}
    with open(os.path.join(out, "sentences.tsv"), "a") as f:
        p = pos
        for sent, line, _ in lines:
            sel = int((f"{topic}_{doc.split('_', 1)[1]}", sent) in selected)
            f.write(f"{doc}\t{sent}\t{p}\t{p + len(line.encode())}\t{sel}\n")
            p += len(line.encode()) + 1
    for sent, line, offs in lines:
        for (t_id, _), (a, b) in zip(by_sentence[sent], offs):
            tok_off[t_id] = (pos + a, pos + b)
            sent_of[t_id] = sent
        pos += len(line.encode()) + 1
    with open(os.path.join(out, "text", doc + ".txt"), "w") as f:
        f.write(header + "\n".join(l for _, l, _ in lines) + "\n")
    text = {t_id: w for t_id, _, w in tokens}

    def mention(mid):
        tag, anchors = markables[mid]
        anchors = [a for a in anchors if a in tok_off]
        if not anchors:
            return None
        return {
            "tag": tag,
            "sent": sent_of[anchors[0]],
            "start": min(tok_off[a][0] for a in anchors),
            "end": max(tok_off[a][1] for a in anchors),
            "text": " ".join(text[a] for a in sorted(anchors)),
        }

    ms = {mid: m for mid in markables if (m := mention(mid))}
    actions = {k: m for k, m in ms.items() if "ACTION" in m["tag"]}
    locs = [m for m in ms.values() if m["tag"].startswith("LOC")]
    times = [m for m in ms.values() if m["tag"] in ("TIME_DATE", "TIME_OF_THE_DAY")]
    people = [m for m in ms.values() if m["tag"].startswith("HUMAN_PART")]
    chain_of = {k: chains.get(k, f"SINGLE_{doc}_{k}") for k in actions}
    sents_of_chain = {}
    for k, m in actions.items():
        sents_of_chain.setdefault(chain_of[k], set()).add(m["sent"])

    def linked(m, pool, chain, nearest_only):
        same = [x for x in pool if x["sent"] == m["sent"]]
        if not same:
            others = sents_of_chain.get(chain, set()) - {m["sent"]}
            same = [x for x in pool if x["sent"] in others]
        same.sort(key=lambda x: abs(x["start"] - m["start"]))
        return same[:1] if nearest_only else same

    rows = []
    for k, m in sorted(actions.items(), key=lambda kv: kv[1]["start"]):
        chain = chain_of[k]
        place = linked(m, locs, chain, False)
        when = linked(m, times, chain, True)
        who = linked(m, people, chain, False)
        date_text = when[0]["text"] if when else ""
        rows.append({
            "doc": doc,
            "topic": topic,
            "sentence": m["sent"],
            "m_id": k,
            "class": m["tag"],
            "start": m["start"],
            "end": m["end"],
            "text": m["text"],
            "chain": chain,
            "chain_docs": 0,
            "coref_sentence": int((f"{topic}_{doc.split('_', 1)[1]}", m["sent"]) in selected),
            "place": "|".join(p["text"] for p in place),
            "place_spans": "|".join(f"{p['start']}-{p['end']}" for p in place),
            "date": resolve(date_text, today) if date_text else "",
            "date_text": date_text,
            "participants": "|".join(p["text"] for p in who),
        })
    return rows


if __name__ == "__main__":
    main()
