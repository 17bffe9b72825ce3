//! Person extraction measured on CoNLL-2003 English (eng.testb is the measured split; use
//! eng.testa or eng.train to look at errors). The data stays outside the repository.
//!
//! ```text
//! cargo run --release --example eval_conll -- /work/data/conll2003/eng.testb [--errors] [--text]
//! ```
//!
//! Each `-DOCSTART-` document is detokenized into news-like text, one sentence a line (a
//! sentence CoNLL broke off mid-way rejoins its line), and run through the per-document extraction (`actors::extract_document`). Every mention of a
//! person (full name, surname alone, possessive without its `'s`) is compared with the gold
//! PER entities by exact span (IOB1 and IOB2 both read). Organizations, places and groups
//! are scored the same way against ORG, LOC and MISC as a secondary figure. Rows: all
//! mentions; without the tentative actors (capitalised words nothing explains, which the
//! corpus-wide merge drops unless another document names them); outside all-capitals lines
//! (headlines, datelines), gold and found alike; both; and the **merged** rows, the honest
//! figure: every document of the file is indexed together (`ActorIndex::build`, as the
//! language server does for a corpus) and what the merged index keeps is scored, with each
//! mention typed by its corpus-wide actor (a tentative word survives only when another
//! document explains it, and then takes that actor's kind).
//! The PER errors of the merged index are counted by category, with examples; `--errors`
//! lists each one with its sentence, `--text` prints the rebuilt documents.

use std::collections::BTreeMap;
use std::ops::Range;

use std::sync::Arc;

use dossier::analysis::actors::{extract_document, ActorIndex, ActorKind, DocActors};
use dossier::analysis::{Document, SourceText};

const TYPES: [&str; 4] = ["PER", "ORG", "LOC", "MISC"];
const TERMINAL: [char; 8] = ['.', '!', '?', '"', '\'', ')', ':', ';'];
/// Rows of the table: name, leave out tentative actors, leave out all-capitals lines, score
/// the merged corpus index instead of the per-document extraction.
const MODES: [(&str, bool, bool, bool); 7] = [
    ("all mentions", false, false, false),
    ("no tentative", true, false, false),
    ("no caps lines", false, true, false),
    ("no tent./caps", true, true, false),
    ("merged", false, false, true),
    ("merged/no caps", false, true, true),
    ("merged/no tent", true, false, true),
];

/// An entity or mention: byte span, type index into [`TYPES`], line index, tentative.
struct Ent {
    span: Range<usize>,
    ty: usize,
    line: usize,
    tentative: bool,
}

/// A document as text, its sentences' byte ranges (one a line) and its gold entities.
struct Doc {
    text: String,
    lines: Vec<Range<usize>>,
    gold: Vec<Ent>,
}

fn kind_type(kind: ActorKind) -> usize {
    match kind {
        ActorKind::Person => 0,
        ActorKind::Organization => 1,
        ActorKind::Place => 2,
        ActorKind::Group => 3,
    }
}

/// Documents as lists of sentences of (word, NER tag).
fn read_conll(data: &str) -> Vec<Vec<Vec<(&str, &str)>>> {
    let (mut docs, mut doc, mut sent) = (Vec::new(), Vec::new(), Vec::new());
    for line in data.lines().map(str::trim_end) {
        let cols: Vec<&str> = line.split_whitespace().collect();
        if cols.is_empty() || cols[0] == "-DOCSTART-" {
            if !sent.is_empty() {
                doc.push(std::mem::take(&mut sent));
            }
            if !cols.is_empty() && !doc.is_empty() {
                docs.push(std::mem::take(&mut doc));
            }
        } else {
            sent.push((cols[0], cols[cols.len() - 1]));
        }
    }
    doc.extend((!sent.is_empty()).then_some(sent));
    docs.extend((!doc.is_empty()).then_some(doc));
    docs
}

/// Joins tokens as news text is written ("Clinton's", "(AP)", "said, \"we\"") and reads the
/// gold entities off their tags.
fn build_doc(sents: &[Vec<(&str, &str)>]) -> Doc {
    let (mut text, mut gold) = (String::new(), Vec::new());
    let mut lines: Vec<Range<usize>> = Vec::new();
    let mut quote_open = false;
    for sent in sents {
        // CoNLL sometimes breaks a sentence in two ("Italy recalled Marcello Cuttitta" /
        // "on Friday for ..."): a lowercase start continues an unterminated line.
        let lower = sent[0].0.starts_with(|c: char| c.is_lowercase());
        let line_start = match lines.last() {
            Some(last) if lower && !text[..last.end].ends_with(TERMINAL) => {
                text.pop();
                lines.pop().unwrap().start
            }
            _ => text.len(),
        };
        let mut glue_next = line_start == text.len();
        let mut open: Option<(usize, usize)> = None; // (type, start byte) of the entity
        let (mut prev_ty, mut prev_end) = (None, text.len());
        for &(word, tag) in sent {
            let closing_quote = word == "\"" && quote_open;
            let glue = glue_next
                || closing_quote
                || matches!(
                    word,
                    "," | "." | ";" | ":" | "!" | "?" | ")" | "]" | "%" | "..."
                )
                || matches!(
                    word,
                    "'" | "'s" | "'S" | "n't" | "N'T" | "'re" | "'ve" | "'ll"
                )
                || matches!(word, "'m" | "'d");
            if !glue {
                text.push(' ');
            }
            glue_next = matches!(word, "(" | "[" | "$") || (word == "\"" && !quote_open);
            if word == "\"" {
                quote_open = !quote_open;
            }
            let start = text.len();
            let ty = tag
                .get(2..)
                .and_then(|t| TYPES.iter().position(|&x| x == t));
            if prev_ty != ty || tag.starts_with("B-") {
                close(&mut gold, &mut open, lines.len(), prev_end);
                open = ty.map(|t| (t, start));
            }
            text.push_str(word);
            (prev_ty, prev_end) = (ty, text.len());
        }
        close(&mut gold, &mut open, lines.len(), prev_end);
        lines.push(line_start..prev_end);
        text.push('\n');
    }
    Doc { text, lines, gold }
}

fn close(gold: &mut Vec<Ent>, open: &mut Option<(usize, usize)>, line: usize, end: usize) {
    if let Some((ty, start)) = open.take() {
        gold.push(Ent {
            span: start..end,
            ty,
            line,
            tentative: false,
        });
    }
}

/// What kind of line a sentence is: all capitals, without final punctuation, or prose.
fn line_type(line: &str) -> &'static str {
    if line.chars().any(char::is_alphabetic) && !line.chars().any(char::is_lowercase) {
        "caps line"
    } else if !line.ends_with(TERMINAL) {
        "unterminated line"
    } else {
        "prose"
    }
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let show_errors = args.iter().any(|a| a == "--errors");
    let show_text = args.iter().any(|a| a == "--text");
    let Some(path) = args.iter().find(|a| !a.starts_with("--")) else {
        eprintln!("usage: eval_conll CONLL_FILE [--errors] [--text]");
        std::process::exit(2);
    };
    let data = std::fs::read_to_string(path).expect("read the CoNLL file");
    // counts[mode][type] = (gold, predicted, exact matches)
    let mut counts = [[(0usize, 0usize, 0usize); 4]; MODES.len()];
    let mut errors: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
    let conll = read_conll(&data);
    let docs: Vec<Doc> = conll.iter().map(|sents| build_doc(sents)).collect();
    let documents: Vec<Arc<Document>> = (docs.iter().enumerate())
        .map(|(i, doc)| {
            let source = SourceText {
                path: format!("conll/{i}.txt").into(),
                rel_path: format!("conll/{i}.txt"),
                text: doc.text.clone(),
            };
            Arc::new(Document::new(source, format!("{i}")))
        })
        .collect();
    let found_all: Vec<DocActors> = documents.iter().map(|d| extract_document(d)).collect();
    let index = ActorIndex::build(&documents, &found_all.iter().collect::<Vec<_>>(), &[]);
    for (i, (doc, found)) in docs.iter().zip(&found_all).enumerate() {
        if show_text {
            println!("=== document {i}\n{}", doc.text);
        }
        let line_of = |pos: usize| doc.lines.partition_point(|l| l.start <= pos) - 1;
        // Per-document extraction, then what the merged index keeps of it.
        let (mut pred, mut merged): (Vec<Ent>, Vec<Ent>) = (Vec::new(), Vec::new());
        for m in &found.mentions {
            let mut span = m.span.clone();
            let name = &doc.text[span.clone()];
            if let Some(bare) = name.strip_suffix("'s").or(name.strip_suffix("’s")) {
                span.end = span.start + bare.len();
            }
            let tentative = found.tentative.binary_search(&m.actor).is_ok();
            let line = line_of(span.start);
            let ty = kind_type(found.actors[m.actor as usize].kind);
            if !pred.iter().any(|p| p.span == span && p.ty == ty) {
                let span = span.clone();
                pred.push(Ent {
                    span,
                    ty,
                    line,
                    tentative,
                });
            }
            if let Some(g) = index.global_id(i as u32, m.actor) {
                let ty = kind_type(index.actor(g).kind);
                if !merged.iter().any(|p| p.span == span && p.ty == ty) {
                    merged.push(Ent {
                        span,
                        ty,
                        line,
                        tentative,
                    });
                }
            }
        }
        let caps = |e: &Ent| line_type(&doc.text[doc.lines[e.line].clone()]) == "caps line";
        for (row, &(_, no_tentative, no_caps, use_merged)) in counts.iter_mut().zip(&MODES) {
            let kept = |e: &&Ent| !(no_tentative && e.tentative || no_caps && caps(e));
            let pred = if use_merged { &merged } else { &pred };
            for (ty, c) in row.iter_mut().enumerate() {
                let gold: Vec<&Ent> = doc
                    .gold
                    .iter()
                    .filter(|g| g.ty == ty)
                    .filter(kept)
                    .collect();
                c.0 += gold.len();
                for p in pred.iter().filter(|p| p.ty == ty).filter(kept) {
                    c.1 += 1;
                    c.2 += usize::from(gold.iter().any(|g| g.span == p.span));
                }
            }
        }
        // PER errors of the merged index, by category and line type.
        let pred = &merged;
        let mut note = |what: String, e: &Ent| {
            let line = doc.text[doc.lines[e.line].clone()].to_string();
            let key = format!("{what} [{}]", line_type(&line));
            let surface = doc.text[e.span.clone()].to_string();
            errors.entry(key).or_default().push((surface, line));
        };
        for p in pred.iter().filter(|p| p.ty == 0) {
            if doc.gold.iter().any(|g| g.ty == 0 && g.span == p.span) {
                continue;
            }
            let tent = if p.tentative { "tentative " } else { "" };
            let initial = if p.span.start == doc.lines[p.line].start {
                ", line-initial"
            } else {
                ""
            };
            let what = match doc.gold.iter().find(|g| overlaps(&g.span, &p.span)) {
                Some(g) if g.span == p.span => format!("gold {}", TYPES[g.ty]),
                Some(g) if g.ty == 0 => "boundary, overlaps gold PER".to_string(),
                Some(g) => format!("overlaps gold {}", TYPES[g.ty]),
                None => "no gold entity".to_string(),
            };
            note(format!("FP {tent}person: {what}{initial}"), p);
        }
        for g in doc.gold.iter().filter(|g| g.ty == 0) {
            if pred.iter().any(|p| p.ty == 0 && p.span == g.span) {
                continue;
            }
            let multi = doc.text[g.span.clone()].contains(' ');
            let words = if multi { "2+ words" } else { "1 word" };
            let what = match pred.iter().find(|p| overlaps(&g.span, &p.span)) {
                Some(p) if p.ty == 0 => "boundary, overlapping person".to_string(),
                Some(p) => format!("found as {}", TYPES[p.ty]),
                None => format!("not found, {words}"),
            };
            note(format!("FN {what}"), g);
        }
    }

    println!("{path}: {} documents", conll.len());
    println!(
        "{:<14} {:<5} {:>6} {:>6} {:>6} {:>6} {:>6} {:>6}",
        "mode", "type", "gold", "pred", "match", "P", "R", "F1"
    );
    for (row, (m, _, _, _)) in counts.iter().zip(MODES) {
        for (ty, &(gold, pred, tp)) in row.iter().enumerate() {
            let p = tp as f64 / pred.max(1) as f64;
            let r = tp as f64 / gold.max(1) as f64;
            let f = 2.0 * p * r / (p + r).max(f64::EPSILON);
            let t = TYPES[ty];
            println!("{m:<14} {t:<5} {gold:>6} {pred:>6} {tp:>6} {p:>6.3} {r:>6.3} {f:>6.3}");
        }
    }
    let mut cats: Vec<_> = errors.iter().collect();
    cats.sort_by_key(|(k, v)| (std::cmp::Reverse(v.len()), *k));
    println!("\nPER errors by category (merged index):");
    for (cat, list) in &cats {
        let examples: Vec<&str> = list.iter().take(6).map(|(s, _)| s.as_str()).collect();
        println!("{:>5}  {cat}: {}", list.len(), examples.join(" | "));
    }
    if show_errors {
        for (cat, list) in &cats {
            println!("\n== {cat} ({})", list.len());
            for (surface, line) in list.iter() {
                println!("{surface}\t{line}");
            }
        }
    }
}
