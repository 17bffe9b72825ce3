//! Quote speakers measured against a gold list of real articles (PolNeAR's, written by
//! `scripts/polnear_gold.py`): quotes found, speaker precision and recall, by how the gold
//! speaker is named in the text. The data stays outside the repository (docs/quotes.md).
//!
//! ```text
//! python3 scripts/polnear_gold.py PolNeAR/data dev > /tmp/polnear_dev.tsv
//! cargo run --release --example eval_quotes -- /tmp/polnear_dev.tsv [--errors]
//! cargo run --release --example eval_quotes -- scripts/gold/polnear_hand_dev.tsv --root PolNeAR/data
//! ```
//!
//! A gold line: path, byte start and end of the quoted words, speaker (or `-`), how the
//! gold names the speaker (`name`, `coref`: a pronoun or description, `unnamed`), and the
//! source as written. Quotes whose gold is a pronoun no coreference chain resolves
//! (`pronoun`) are shown but left out of the totals. A dossier quote matches a gold quote it overlaps; its speaker is
//! right when the gold name's last word is one of its words (`Trump` = `Donald Trump`).

use std::collections::BTreeMap;
use std::path::PathBuf;

use dossier::analysis::{DocAnalysis, Document, SourceText};

struct GoldQuote {
    start: usize,
    end: usize,
    speaker: Option<String>,
    how: String,
    written: String,
}

/// Per kind of gold source: (gold quotes, found, given a speaker, right, gold named).
#[derive(Default)]
struct Tally {
    quotes: usize,
    found: usize,
    predicted: usize,
    right: usize,
    named: usize,
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let errors = args.iter().any(|a| a == "--errors");
    // `--root DIR`: where a gold list's relative paths lie (the hand-annotated samples in
    // scripts/gold/ name PolNeAR's files relative to its `data` folder).
    let root = args
        .iter()
        .position(|a| a == "--root")
        .and_then(|i| args.get(i + 1))
        .map(PathBuf::from);
    let root_arg = root.as_ref().map(|r| r.to_string_lossy().into_owned());
    let Some(gold_path) = args
        .iter()
        .find(|a| !a.starts_with("--") && Some(*a) != root_arg.as_ref())
    else {
        eprintln!("usage: eval_quotes GOLD.tsv [--errors] [--root DIR]");
        std::process::exit(2);
    };
    let gold_text = std::fs::read_to_string(gold_path).expect("read the gold list");
    let mut by_file: BTreeMap<String, Vec<GoldQuote>> = BTreeMap::new();
    for line in gold_text.lines().filter(|l| !l.trim().is_empty()) {
        let cols: Vec<&str> = line.split('\t').collect();
        assert!(cols.len() >= 6, "bad gold line: {line}");
        let path = match &root {
            Some(root) if PathBuf::from(cols[0]).is_relative() => {
                root.join(cols[0]).to_string_lossy().into_owned()
            }
            _ => cols[0].to_string(),
        };
        by_file.entry(path).or_default().push(GoldQuote {
            start: cols[1].parse().expect("start"),
            end: cols[2].parse().expect("end"),
            speaker: (cols[3] != "-").then(|| cols[3].to_string()),
            how: cols[4].to_string(),
            written: cols[5].to_string(),
        });
    }
    // Every gold quote, then those of three words or more: the shortest quote a brief's
    // check looks up (`min_quote_words`), as one- and two-word quotes are mostly scare
    // quotes that dossier gives no speaker on purpose.
    let mut tallies: BTreeMap<String, Tally> = BTreeMap::new();
    let mut long: BTreeMap<String, Tally> = BTreeMap::new();
    let mut report = String::new();
    for (path, gold) in &by_file {
        let text = std::fs::read_to_string(path).expect("read an article");
        let doc = Document::new(
            SourceText {
                path: PathBuf::from(path),
                rel_path: path.to_string(),
                text,
            },
            "doc".into(),
        );
        let found = DocAnalysis::extract(&doc);
        let text = doc.text();
        for g in gold {
            // A gold list made on another rendering of the text (scripts/ecb_detok.py
            // moves quotation marks by a space) may point inside a mark.
            let start = (g.start..=text.len())
                .find(|&i| text.is_char_boundary(i))
                .unwrap_or(text.len());
            let end = (start..=g.end.min(text.len()))
                .rev()
                .find(|&i| text.is_char_boundary(i))
                .unwrap_or(start);
            let words = text[start..end].split_whitespace().count();
            let tally = tallies.entry(g.how.clone()).or_default();
            tally.quotes += 1;
            tally.named += usize::from(g.speaker.is_some());
            let quote = found
                .quotes
                .quotes
                .iter()
                .filter(|q| q.inner.start < end && start < q.inner.end)
                .max_by_key(|q| q.inner.end.min(g.end) - q.inner.start.max(start));
            let Some(quote) = quote else {
                report.push_str(&format!("not found: {:?}\n", &text[start..end]));
                continue;
            };
            tally.found += 1;
            let predicted = match quote.speaker {
                Some(local) => found
                    .actors
                    .actors
                    .get(local as usize)
                    .map(|a| a.name.clone()),
                None => quote.speaker_name.clone(),
            };
            let right = match (&predicted, &g.speaker) {
                (Some(p), Some(gold)) => same_speaker(gold, p),
                _ => false,
            };
            tally.predicted += usize::from(predicted.is_some());
            tally.right += usize::from(right);
            if words >= 3 {
                let t = long.entry(g.how.clone()).or_default();
                t.quotes += 1;
                t.found += 1;
                t.named += usize::from(g.speaker.is_some());
                t.predicted += usize::from(predicted.is_some());
                t.right += usize::from(right);
            }
            if !right && (predicted.is_some() || g.speaker.is_some()) {
                let what = if predicted.is_some() {
                    "wrong"
                } else if quote.is_speech {
                    "missed"
                } else {
                    "missed-words"
                };
                report.push_str(&format!(
                    "{what} [{}] gold {:?} ({:?}) got {:?} at {path}:{}\n    {}\n",
                    g.how,
                    g.speaker.as_deref().unwrap_or("-"),
                    g.written,
                    predicted.as_deref().unwrap_or("-"),
                    g.start,
                    context(text, start, end)
                ));
                if quote.inner != (start..end) {
                    report.push_str(&format!(
                        "    (dossier's quote: {:?})\n",
                        &text[quote.inner.clone()]
                    ));
                }
            }
        }
    }
    print_table("all quotes", &tallies);
    print_table("quotes of 3+ words (found ones)", &long);
    if errors {
        print!("{report}");
    }
}

fn print_table(title: &str, tallies: &BTreeMap<String, Tally>) {
    println!("{title}\nsource    quotes  found  given  right  named  P      R");
    let mut all = Tally::default();
    for (how, t) in tallies {
        print_row(how, t);
        if how == "pronoun" || how == "slip" {
            continue;
        }
        all.quotes += t.quotes;
        all.found += t.found;
        all.predicted += t.predicted;
        all.right += t.right;
        all.named += t.named;
    }
    print_row("all", &all);
}

fn print_row(label: &str, t: &Tally) {
    println!(
        "{label:<9} {:>6} {:>6} {:>6} {:>6} {:>6}  {:.3}  {:.3}",
        t.quotes,
        t.found,
        t.predicted,
        t.right,
        t.named,
        t.right as f64 / t.predicted.max(1) as f64,
        t.right as f64 / t.named.max(1) as f64
    );
}

/// The quote's line, cut to 300 bytes around it, the quote between `⟦` and `⟧`.
fn context(text: &str, start: usize, end: usize) -> String {
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
    let from = text.floor_char_boundary(line_start.max(start.saturating_sub(200)));
    let to = text.ceil_char_boundary(line_end.min(end + 100));
    format!(
        "{}⟦{}⟧{}",
        &text[from..start],
        &text[start..end],
        &text[end..to]
    )
}

fn name_words(name: &str) -> Vec<String> {
    name.split(|c: char| c.is_whitespace() || c == '-')
        .map(|t| {
            t.trim_matches(|c: char| !c.is_alphanumeric())
                .trim_end_matches("’s")
                .trim_end_matches("'s")
                .to_lowercase()
                // `O’Donnell` = `O'Donnell`.
                .replace('’', "'")
        })
        .filter(|t| !t.is_empty())
        .collect()
}

fn same_speaker(gold: &str, predicted: &str) -> bool {
    let predicted = name_words(predicted);
    name_words(gold)
        .last()
        .is_some_and(|last| predicted.contains(last))
}
