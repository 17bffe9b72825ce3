//! Quality of quote extraction on articles written for this test (tests/data/news2), which
//! the extraction rules were not tuned on first: speaker precision and recall, speech vs
//! scare quotes and titles, and that every quotation is found again by the quote index.
//! Gold list: tests/gold/quotes_unseen.tsv, written by reading the articles.

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
    include_str!("gold/quotes_unseen.tsv")
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

fn news2_corpus() -> CorpusIndex {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/news2");
    let mut sources: Vec<SourceText> = std::fs::read_dir(&dir)
        .expect("tests/data/news2/")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|path| {
            let name = path
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .to_string();
            SourceText {
                text: std::fs::read_to_string(&path).expect("article text"),
                rel_path: format!("tests/data/news2/{name}"),
                path,
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
            !t.is_empty()
                && !["al", "el", "bin", "ibn", "de", "da", "von", "van"].contains(&t.as_str())
        })
        .collect()
}

/// The same speaker when the gold name's last word is one of the predicted name's words, or
/// (for a mononym such as "Lula" or "Xi") any of the gold words is.
fn same_speaker(gold: &str, predicted: &str) -> bool {
    let predicted = name_tokens(predicted);
    let gold = name_tokens(gold);
    match gold.as_slice() {
        [only] => predicted.contains(only),
        _ => gold
            .last()
            .is_some_and(|surname| predicted.contains(surname)),
    }
}

struct Score {
    precision: f64,
    recall: f64,
    unmatched: Vec<String>,
    wrong_speech: Vec<String>,
    report: String,
}

fn score() -> Score {
    let corpus = news2_corpus();
    let gold = load_gold();
    let mut matched_gold = vec![false; gold.len()];
    let (mut predicted, mut correct, mut wrong_speech) = (0usize, 0usize, Vec::new());
    let mut report = String::new();
    for quote in &corpus.quotes.quotes {
        let doc = corpus.doc(quote.doc);
        let inner = &doc.text[quote.inner.clone()];
        // A quotation that opens with a nested one ("'the best test...'") is listed by its words.
        let bare = inner.trim_start_matches(['\'', '‘', '"', '“']);
        let entry = gold.iter().enumerate().find(|(i, g)| {
            !matched_gold[*i] && doc.key == g.doc && bare.starts_with(g.begins.as_str())
        });
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
    let unmatched = gold
        .iter()
        .zip(&matched_gold)
        .filter(|(_, m)| !**m)
        .map(|(g, _)| format!("{}: {}", g.doc, g.begins))
        .collect();
    let precision = correct as f64 / predicted.max(1) as f64;
    let recall = correct as f64 / with_speaker.max(1) as f64;
    report.insert_str(
        0,
        &format!(
            "speaker precision {precision:.3} recall {recall:.3} \
             ({correct} right of {predicted} predicted, {with_speaker} in gold)\n"
        ),
    );
    Score {
        precision,
        recall,
        unmatched,
        wrong_speech,
        report,
    }
}

#[test]
fn speaker_attribution_on_unseen_articles() {
    let score = score();
    println!("{}", score.report);
    assert!(
        score.unmatched.is_empty(),
        "gold quotes not extracted: {:#?}",
        score.unmatched
    );
    assert!(
        score.wrong_speech.len() <= 1,
        "speech/title wrong for {:?}",
        score.wrong_speech
    );
    // Measured when this test was written: precision 1.000 (86/86), recall 0.966 (86/89);
    // the first measure, before the rules were made general, was 0.831 and 0.802.
    assert!(
        score.precision >= 0.95,
        "speaker precision {:.3} below 0.95\n{}",
        score.precision,
        score.report
    );
    assert!(
        score.recall >= 0.93,
        "speaker recall {:.3} below 0.93\n{}",
        score.recall,
        score.report
    );
}

#[test]
fn every_unseen_quote_is_found_verbatim() {
    let corpus = news2_corpus();
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
        assert_eq!(best.similarity, 1.0, "{inner:?} found inexactly");
        assert!(
            found.iter().any(|m| m.doc == quote.doc
                && m.span.start >= quote.inner.start
                && m.span.end <= quote.inner.end),
            "{inner:?}: its own place is not among the matches"
        );
    }
}

/// The quote diagnostics of a brief, by the line they start on (0-based).
fn brief_diagnostics(corpus: &CorpusIndex, name: &str, text: &str) -> Vec<(usize, String)> {
    use dossier::analysis::ide::{self, BriefFile, CheckSettings, Context};
    let settings = CheckSettings::default();
    let cx = Context {
        corpus,
        settings: &settings,
        index_ready: true,
        cancel: None,
    };
    let file = BriefFile::new(name.to_string(), text.to_string());
    ide::diagnostics(cx, &file)
        .into_iter()
        .filter(|d| d.code.starts_with("quote-"))
        .map(|d| {
            (
                text[..d.range.start].matches('\n').count(),
                d.code.to_string(),
            )
        })
        .collect()
}

/// What each line of a brief expects: `<!-- expect: CODES -->` at the end of a line speaks
/// of that line, alone on a line of the next one; `ok` means no quote diagnostic.
fn brief_expectations(text: &str) -> Vec<(usize, Vec<String>)> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let Some(at) = line.find("<!-- expect:") else {
            continue;
        };
        let codes: Vec<String> = line[at + "<!-- expect:".len()..]
            .trim_end()
            .trim_end_matches("-->")
            .split_whitespace()
            .filter(|c| *c != "ok")
            .map(String::from)
            .collect();
        let target = if line[..at].trim().is_empty() {
            i + 1
        } else {
            i
        };
        out.push((target, codes));
    }
    out
}

#[test]
fn briefs_about_unseen_articles_get_the_right_diagnostics() {
    let corpus = news2_corpus();
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/news2/briefs");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/data/news2/briefs/")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 2, "briefs missing in {dir:?}");
    let mut problems = Vec::new();
    let mut n_checked = 0;
    for path in &paths {
        let text = std::fs::read_to_string(path).expect("brief");
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        let found = brief_diagnostics(&corpus, &name, &text);
        let expected = brief_expectations(&text);
        for (line, codes) in &expected {
            n_checked += 1;
            let mut got: Vec<String> = found
                .iter()
                .filter(|(l, _)| l == line)
                .map(|(_, c)| c.clone())
                .collect();
            got.sort();
            let mut want = codes.clone();
            want.sort();
            if got != want {
                let source = text.lines().nth(*line).unwrap_or("");
                problems.push(format!(
                    "{name}:{}: want {want:?}, got {got:?}: {source}",
                    line + 1
                ));
            }
        }
        for (line, code) in &found {
            if !expected.iter().any(|(l, _)| l == line) {
                problems.push(format!("{name}:{}: unexpected {code}", line + 1));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert!(n_checked >= 35, "only {n_checked} expectations read");
}

#[test]
fn no_verbatim_quote_of_the_articles_is_reported_missing() {
    let corpus = news2_corpus();
    let mut brief = String::from("# Every quotation, verbatim\n\n");
    for quote in corpus.quotes.quotes.iter().filter(|q| q.is_speech) {
        let inner = &corpus.doc(quote.doc).text[quote.inner.clone()];
        // A nested double quotation would end the brief's quote early.
        if inner.contains(['"', '“', '”']) {
            continue;
        }
        brief.push_str(&format!("\"{inner}\"\n\n"));
    }
    let found = brief_diagnostics(&corpus, "all.md", &brief);
    assert!(found.is_empty(), "{found:?}\n{brief}");
}
