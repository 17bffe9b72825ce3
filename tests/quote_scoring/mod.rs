//! Scoring quote extraction against a hand-written gold list (shared by the seed and the
//! unseen-news quality tests): speaker precision and recall, speech vs scare quotes and
//! titles, and that every quotation is found again, verbatim, by the quote index.
//!
//! A gold line is `document key<TAB>first words<TAB>speaker or -<TAB>speech (yes/no)`.

use dossier::analysis::CorpusIndex;

pub struct Gold {
    doc: String,
    begins: String,
    speaker: Option<String>,
    speech: bool,
}

pub fn gold(text: &str) -> Vec<Gold> {
    text.lines()
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

/// The figures of one scoring; each test holds them to its own bars.
pub struct Score {
    /// Right speakers, of all speakers given.
    pub precision: f64,
    /// Right speakers, of all the gold names.
    pub recall: f64,
    /// Gold quotations no extracted quote matches, as `document: first words`.
    pub unmatched: Vec<String>,
    /// Gold quotations told wrongly as speech or not speech.
    pub wrong_speech: Vec<String>,
    /// The figures, then what was wrong, a line each.
    pub report: String,
}

/// The least a test accepts of a [`Score`].
pub struct Bars {
    pub precision: f64,
    pub recall: f64,
    /// How many gold quotations may be told wrongly as speech or not speech.
    pub max_wrong_speech: usize,
}

impl Score {
    /// Prints the report, then fails on an unmatched gold quotation or a figure below `bars`.
    pub fn assert_meets(&self, bars: &Bars) {
        println!("{}", self.report);
        println!("speech/not-speech wrong: {:?}", self.wrong_speech);
        assert!(
            self.unmatched.is_empty(),
            "gold quotes not extracted: {:#?}",
            self.unmatched
        );
        assert!(
            self.wrong_speech.len() <= bars.max_wrong_speech,
            "speech/title wrong for {:?}",
            self.wrong_speech
        );
        assert!(
            self.precision >= bars.precision,
            "speaker precision {:.3} below {}\n{}",
            self.precision,
            bars.precision,
            self.report
        );
        assert!(
            self.recall >= bars.recall,
            "speaker recall {:.3} below {}\n{}",
            self.recall,
            bars.recall,
            self.report
        );
    }
}

/// Scores the quotes of `corpus` against a gold list.
pub fn score(corpus: &CorpusIndex, gold: &[Gold]) -> Score {
    let mut matched_gold = vec![false; gold.len()];
    let (mut predicted, mut correct, mut wrong_speech) = (0usize, 0usize, Vec::new());
    let mut report = String::new();
    for quote in &corpus.quotes.quotes {
        let doc = corpus.doc(quote.doc);
        let inner = &doc.text()[quote.inner.clone()];
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

/// Panics unless every quotation of three words or more in `corpus` is found again by the
/// quote index, verbatim, at its own place among the matches.
pub fn assert_every_quote_found_verbatim(corpus: &CorpusIndex) {
    for quote in &corpus.quotes.quotes {
        let doc = corpus.doc(quote.doc);
        let inner = &doc.text()[quote.inner.clone()];
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
            &corpus.doc(best.doc).text()[best.span.clone()]
        );
        assert!(
            found.iter().any(|m| m.doc == quote.doc
                && m.span.start >= quote.inner.start
                && m.span.end <= quote.inner.end),
            "{inner:?}: its own place is not among {found:?}"
        );
    }
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

/// The same speaker when the gold name's last word is one of the predicted name's words (so
/// it works with the name as written, "Kortunov", and with an actor's canonical name), or
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
