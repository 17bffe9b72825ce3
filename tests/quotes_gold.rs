//! Quality of quote extraction on the seeds against the hand-made gold list
//! (tests/gold/quotes.tsv): speaker precision and recall, speech vs titles, and that every
//! quotation is found again, verbatim, by the quote index.

use std::path::PathBuf;

use dossier::analysis::corpus::SourceText;
use dossier::analysis::CorpusIndex;

struct Gold {
    doc: String,
    begins: String,
    speaker: Option<String>,
    speech: bool,
}

fn load_gold() -> Vec<Gold> {
    include_str!("gold/quotes.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|line| {
            let cols: Vec<&str> = line.split('\t').collect();
            assert_eq!(cols.len(), 4, "bad gold line: {line}");
            Gold {
                doc: cols[0].to_string(),
                begins: cols[1].to_string(),
                speaker: (cols[2] != "-").then(|| cols[2].to_string()),
                speech: cols[3] == "yes",
            }
        })
        .collect()
}

fn seeds_corpus() -> CorpusIndex {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut sources: Vec<SourceText> = std::fs::read_dir(root.join("seeds"))
        .expect("seeds/")
        .filter_map(|e| e.ok())
        .map(|e| {
            let path = e.path();
            let name = path
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .to_string();
            let text = std::fs::read_to_string(&path).expect("seed text");
            SourceText {
                path,
                rel_path: format!("seeds/{name}"),
                text,
            }
        })
        .collect();
    sources.sort_by(|a, b| a.rel_path.cmp(&b.rel_path));
    CorpusIndex::build(sources, Vec::new())
}

/// Tokens of a name for a loose comparison: "Bashar al-Assad" -> bashar, assad.
fn name_tokens(name: &str) -> Vec<String> {
    name.split(|c: char| c.is_whitespace() || c == '-')
        .map(|t| {
            t.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|t| {
            !t.is_empty() && !["al", "el", "bin", "ibn", "de", "von", "van"].contains(&t.as_str())
        })
        .collect()
}

/// The same person when the gold surname is one of the predicted name's words (so it works
/// with the name as written, "Kortunov", and with an actor's canonical name).
fn same_speaker(gold: &str, predicted: &str) -> bool {
    let predicted = name_tokens(predicted);
    name_tokens(gold)
        .last()
        .is_some_and(|surname| predicted.contains(surname))
}

#[test]
fn speaker_attribution_on_the_seeds() {
    let corpus = seeds_corpus();
    let gold = load_gold();
    let mut matched_gold = vec![false; gold.len()];
    let (mut predicted, mut correct, mut wrong_speech) = (0usize, 0usize, Vec::new());
    let mut report = String::new();
    for quote in &corpus.quotes.quotes {
        let doc = corpus.doc(quote.doc);
        let inner = &doc.text[quote.inner.clone()];
        let entry = gold
            .iter()
            .enumerate()
            .find(|(i, g)| !matched_gold[*i] && g.doc == doc.key && inner.starts_with(&g.begins));
        let Some((gi, g)) = entry else {
            if quote.speaker_name.is_some() {
                predicted += 1;
                report.push_str(&format!(
                    "not in gold: {inner:?} => {:?}\n",
                    quote.speaker_name
                ));
            }
            continue;
        };
        matched_gold[gi] = true;
        if g.speech != quote.is_speech {
            wrong_speech.push(g.begins.clone());
        }
        if let Some(name) = &quote.speaker_name {
            predicted += 1;
            match &g.speaker {
                Some(gold_name) if same_speaker(gold_name, name) => correct += 1,
                _ => report.push_str(&format!(
                    "wrong: {:?} => {name} (gold {:?})\n",
                    g.begins, g.speaker
                )),
            }
        } else if g.speaker.is_some() {
            report.push_str(&format!("missed: {:?} (gold {:?})\n", g.begins, g.speaker));
        }
    }
    let with_speaker = gold.iter().filter(|g| g.speaker.is_some()).count();
    let precision = correct as f64 / predicted.max(1) as f64;
    let recall = correct as f64 / with_speaker.max(1) as f64;
    let unmatched: Vec<&str> = gold
        .iter()
        .zip(&matched_gold)
        .filter(|(_, m)| !**m)
        .map(|(g, _)| g.begins.as_str())
        .collect();
    println!("speaker precision {precision:.3} recall {recall:.3} ({correct} of {predicted} predicted, {with_speaker} in gold)\n{report}");
    assert!(
        unmatched.is_empty(),
        "gold quotes not extracted: {unmatched:?}"
    );
    assert!(
        wrong_speech.is_empty(),
        "speech/title wrong for {wrong_speech:?}"
    );
    assert!(
        precision >= 0.9,
        "speaker precision {precision:.3} below 0.9\n{report}"
    );
    assert!(
        recall >= 0.85,
        "speaker recall {recall:.3} below 0.85\n{report}"
    );
}

#[test]
fn every_extracted_quote_is_found_verbatim() {
    let corpus = seeds_corpus();
    for quote in &corpus.quotes.quotes {
        let doc = corpus.doc(quote.doc);
        let inner = &doc.text[quote.inner.clone()];
        if inner.split_whitespace().count() < 3 {
            continue;
        }
        let found = corpus.quotes.find(&corpus.docs, inner);
        let best = found
            .first()
            .unwrap_or_else(|| panic!("not found: {inner:?}"));
        assert_eq!(
            best.similarity,
            1.0,
            "{inner:?} found as {:?}",
            &corpus.doc(best.doc).text[best.span.clone()]
        );
        assert!(
            found.iter().any(|m| m.doc == quote.doc
                && m.span.start >= quote.inner.start
                && m.span.end <= quote.inner.end),
            "{inner:?}: its own place is not among {found:?}"
        );
    }
}
