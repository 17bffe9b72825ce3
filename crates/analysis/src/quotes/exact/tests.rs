//! The exact-text table of quotations: what it keys, and that its matches are those the
//! alignment would give.

use super::super::index::MAX_CANDIDATES;
use super::super::normalize::{quote_tokens, words};
use super::super::{align, QuoteIndex};
use super::*;
use crate::corpus::SourceText;
use crate::CorpusIndex;

fn corpus(texts: &[String]) -> CorpusIndex {
    let sources = texts
        .iter()
        .enumerate()
        .map(|(i, text)| SourceText {
            path: format!("/w/{i:04}.txt").into(),
            rel_path: format!("{i:04}.txt"),
            text: text.clone(),
        })
        .collect();
    CorpusIndex::build(sources, Vec::new())
}

fn exact(index: &QuoteIndex, quote: &str) -> Vec<QuoteMatch> {
    index
        .exact
        .find(&index.quotes, &quote_tokens(quote), usize::MAX, |_| ())
        .best
}

#[test]
fn a_quotation_is_keyed_whole_and_by_runs_of_its_sentences() {
    let c = corpus(&[
        "“We will win. They will lose! Nobody doubts it,” the coach said on Monday.\n".to_string(),
    ]);
    let found = |q: &str| -> Vec<&str> {
        exact(&c.quotes, q)
            .iter()
            .map(|m| &c.docs[0].text()[m.span.clone()])
            .collect()
    };
    assert_eq!(
        found("we will win, they will LOSE! Nobody doubts it"),
        ["We will win. They will lose! Nobody doubts it"]
    );
    assert_eq!(found("They will lose"), ["They will lose"]);
    assert_eq!(
        found("They will lose! Nobody doubts it."),
        ["They will lose! Nobody doubts it"]
    );
    assert_eq!(
        found("We will win. They will lose"),
        ["We will win. They will lose"]
    );
    // Part of a sentence, gaps and brackets are left to the seed index.
    assert!(found("will lose").is_empty());
    assert!(found("We will … lose").is_empty());
    assert!(found("[We] will win").is_empty());
    assert!(found("").is_empty());
}

#[test]
fn exact_matches_are_what_the_alignment_gives() {
    let c = corpus(&[
        "Officials met in Doha. \"Every minute counts for the people of Gaza,\" Khalid al-Ansari said.\n".to_string(),
        "\"Every minute counts for the people of Gaza.\" That was all.\n".to_string(),
    ]);
    let quote = "“every minute counts for the people of Gaza”";
    let tokens = quote_tokens(quote);
    let found = exact(&c.quotes, quote);
    assert_eq!(found.len(), 2);
    for m in &found {
        let source = c.quotes.quote_at(m.doc, &m.span).expect("a quotation");
        let aligned = align::align(
            &tokens,
            &words(c.docs[m.doc as usize].text(), source.inner.clone()),
        )
        .expect("aligned");
        assert_eq!(m.span, aligned.source);
        assert_eq!(m.similarity, aligned.similarity);
        // One `Same` over the span, where the alignment has one per word.
        let quote_words = tokens
            .first()
            .zip(tokens.last())
            .map(|(a, b)| match (a, b) {
                (QuoteToken::Word(a), QuoteToken::Word(b)) => a.start..b.end,
                _ => unreachable!("the quote is words only"),
            });
        assert_eq!(
            m.diff,
            [DiffOp::Same {
                source: m.span.clone(),
                quote: quote_words.expect("words"),
            }]
        );
        assert!(aligned
            .ops
            .iter()
            .all(|op| matches!(op, DiffOp::Same { .. })));
    }
}

#[test]
fn every_source_of_a_quote_is_found_beyond_the_aligned_regions() {
    // More documents than the seed index aligns regions for, fewer than make its seeds
    // stop n-grams: the exact table lists the rest.
    let n = MAX_CANDIDATES * 3;
    let texts: Vec<String> = (0..n)
        .map(|i| format!("Day {i} of the talks.\n\"Peace is within reach if both sides keep talking,\" Minister Lena Ortiz said.\n"))
        .collect();
    let c = corpus(&texts);
    let found = c
        .quotes
        .find(&c.docs, "peace is within reach if both sides keep talking");
    assert_eq!(found.len(), n);
    assert!(found.iter().all(|m| m.similarity >= 1.0));
    let docs: Vec<u32> = found.iter().map(|m| m.doc).collect();
    assert_eq!(docs, (0..n as u32).collect::<Vec<_>>());
    // A misquote is still found by its seeds (a few regions), not by the table.
    let near = c.quotes.find(
        &c.docs,
        "peace is within reach if both parties keep talking",
    );
    assert!(!near.is_empty() && near.iter().all(|m| m.similarity < 1.0));
}

#[test]
fn run_hashes_depend_on_order_and_length() {
    let h = |t: &str| {
        let w: Vec<u64> = words(t, 0..t.len()).iter().map(|w| w.hash).collect();
        run_hash(&w)
    };
    assert_eq!(h("We will win"), h("we WILL win!"));
    assert_ne!(h("we will win"), h("will we win"));
    assert_ne!(h("we will win"), h("we will win win"));
    assert_ne!(run_hash(&[]), h("we"));
}

#[test]
fn the_best_few_sources_are_the_first_of_all() {
    let texts: Vec<String> = (0..50)
        .map(|i| match i % 3 {
            0 => format!("\"We will not give up on the talks,\" Lena Ortiz said on day {i}."),
            1 => format!("Day {i}. \"We will not give up on the talks. Never,\" she said."),
            _ => format!("She said: \"we will not give up on the walks\" on day {i}."),
        })
        .collect();
    let c = corpus(&texts);
    let quote = "We will not give up on the talks";
    let all = c.quotes.find(&c.docs, quote);
    assert!(all.len() > 30, "{}", all.len());
    for limit in [0, 1, 5, 11, 100] {
        let best = c.quotes.find_best(&c.docs, quote, limit);
        assert_eq!(best, all[..limit.min(all.len())].to_vec(), "limit {limit}");
    }
}

/// Reads a deferred document back from the texts of the index it stands in for, counting.
#[derive(Debug)]
struct CountingLoader {
    texts: Vec<String>,
    loads: std::sync::atomic::AtomicUsize,
}

impl crate::corpus::TextLoader for CountingLoader {
    fn load(&self, doc: &Document) -> Result<String, String> {
        self.loads
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let i: usize = doc
            .key
            .parse()
            .map_err(|_| "no such document".to_string())?;
        self.texts
            .get(i)
            .cloned()
            .ok_or_else(|| "no such document".into())
    }
}

#[test]
fn listing_every_source_reads_only_the_aligned_regions_documents() {
    // As after a warm start: every document's text is still on disk.
    let n = MAX_CANDIDATES * 3;
    let texts: Vec<String> = (0..n)
        .map(|i| format!("Day {i} of the talks.\n\"Peace is within reach if both sides keep talking,\" Minister Lena Ortiz said.\n"))
        .collect();
    let c = corpus(&texts);
    let loader = Arc::new(CountingLoader {
        texts: texts.clone(),
        loads: Default::default(),
    });
    let deferred: Vec<Arc<Document>> = c
        .docs
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let loader: Arc<dyn crate::corpus::TextLoader> = loader.clone();
            Arc::new(Document::deferred(
                d.path.clone(),
                d.rel_path.clone(),
                i.to_string(),
                d.meta(),
                Some(loader),
            ))
        })
        .collect();
    let quote = "peace is within reach if both sides keep talking";
    let found = c.quotes.find(&deferred, quote);
    let spans = |found: &[QuoteMatch]| -> Vec<(u32, Range<usize>)> {
        found.iter().map(|m| (m.doc, m.span.clone())).collect()
    };
    assert_eq!(spans(&found), spans(&c.quotes.find(&c.docs, quote)));
    assert_eq!(found.len(), n);
    let loads = loader.loads.load(std::sync::atomic::Ordering::Relaxed);
    assert!(loads <= MAX_CANDIDATES, "{loads} of {n} documents read");
    assert_eq!(
        deferred.iter().filter(|d| d.is_text_loaded()).count(),
        loads
    );
}
