//! Fixture tests of the features that the foundation owns (citations, outline, tokens).

use expect_test::{expect, Expect};

use super::ranking::take_best;
use super::*;
use crate::corpus::DocId;
use crate::ide::fixture::{self, Fixture};

/// A small corpus of invented articles.
const CORPUS: &str = r#"
//- news/helsinki.txt
title: Summit in Helsinki
date: 2018-07-16
source: Wire

The two leaders met in Helsinki.
//- news/tehran.txt
Putin in Tehran
The Russian leader visited Iran.
//- other/tehran.txt
A second file with the same stem.

"#;

fn check_hover(brief: &str, expected: Expect) {
    let fx = Fixture::brief_over(CORPUS, brief);
    let rendered = match hover(fx.cx(), &fx.brief, fx.offset()) {
        Some(h) => format!("{:?}\n{}", &fx.brief.text[h.range], h.markdown),
        None => "no hover".to_string(),
    };
    expected.assert_eq(&rendered);
}

fn check_completion(brief: &str, expected: Expect) {
    let fx = Fixture::brief_over(CORPUS, brief);
    let items = completion(fx.cx(), &fx.brief, fx.offset());
    let rendered: Vec<String> = items
        .iter()
        .map(|i| {
            format!(
                "{} | {} | replaces {:?}",
                i.label,
                i.detail.as_deref().unwrap_or(""),
                &fx.brief.text[i.edit_range.clone()]
            )
        })
        .collect();
    expected.assert_eq(&rendered.join("\n"));
}

fn check_diagnostics(brief: &str, expected: Expect) {
    let fx = Fixture::brief_over(CORPUS, brief);
    let found = diagnostics(fx.cx(), &fx.brief);
    let rendered: Vec<String> = found
        .iter()
        .map(|d| {
            format!(
                "{:?} {:?} {}: {}",
                &fx.brief.text[d.range.clone()],
                d.severity,
                d.code,
                d.message
            )
        })
        .collect();
    expected.assert_eq(&rendered.join("\n"));
}

#[test]
fn keys_of_files_sharing_a_stem_are_their_paths() {
    let keys: Vec<String> = fixture::corpus(CORPUS)
        .docs
        .iter()
        .map(|d| d.key.clone())
        .collect();
    assert_eq!(keys, vec!["helsinki", "news/tehran", "other/tehran"]);
}

#[test]
fn hover_on_a_citation_shows_title_date_source_and_size() {
    check_hover(
        "As reported [@hel$0sinki].",
        expect![[r#"
            "helsinki"
            **Summit in Helsinki**

            `@helsinki` · 2018-07-16 · Wire · `news/helsinki.txt` · 89 bytes

            > The two leaders met in Helsinki."#]],
    );
    check_hover("As reported [@nosuch$0].", expect!["no hover"]);
    check_hover("Mail me at x@hel$0sinki.com.", expect!["no hover"]);
}

#[test]
fn completion_after_at_offers_keys_with_titles() {
    check_completion(
        "See [@$0",
        expect![[r#"
            helsinki | Summit in Helsinki | replaces ""
            news/tehran | Putin in Tehran | replaces ""
            other/tehran | A second file with the same stem. | replaces """#]],
    );
    check_completion(
        "See [@old; @news$0]",
        expect![[r#"
            news/tehran | Putin in Tehran | replaces "news"
            other/tehran | A second file with the same stem. | replaces "news""#]],
    );
    check_completion("Inside `code @$0`", expect![[""]]);
    check_completion("mail x@$0", expect![[""]]);
}

#[test]
fn document_keys_resolve_to_the_document_card() {
    let fx = Fixture::brief_over(CORPUS, "See [@tehr$0");
    let cx = fx.cx();
    let cards: Vec<String> = completion(cx, &fx.brief, fx.offset())
        .into_iter()
        .map(|item| {
            assert_eq!(item.documentation, None, "{item:?}");
            let target = item.target.expect("a document target");
            let card = completion_documentation(cx, target, &item.label);
            format!("{}: {}", item.label, card.unwrap_or_default())
        })
        .collect();
    expect![[r#"
        news/tehran: `@news/tehran` · `news/tehran.txt` · 48 bytes

        > The Russian leader visited Iran.
        other/tehran: `@other/tehran` · `other/tehran.txt` · 34 bytes"#]]
    .assert_eq(&cards.join("\n"));
    let stale = completion_documentation(cx, CompletionTarget::Document(0), "news/tehran");
    assert_eq!(stale, None, "document 0 is helsinki, not news/tehran");
}

#[test]
fn completion_lists_are_cut_to_the_best_items() {
    let corpus = fixture::corpus(
        &(0..MAX_COMPLETIONS + 20)
            .map(|i| format!("//- doc{i:03}.txt\nDocument {i}\nText.\n"))
            .collect::<String>(),
    );
    let settings = CheckSettings::default();
    let cx = Context::ready(&corpus, &settings);
    let (file, offset) = fixture::brief("See [@$0");
    let items = completion(cx, &file, offset);
    assert_eq!(items.len(), MAX_COMPLETIONS);
    assert_eq!(items[0].label, "doc000");
    assert_eq!(items[MAX_COMPLETIONS - 1].label, "doc099");
    let (file, offset) = fixture::brief("See [@doc11$0");
    let labels: Vec<String> = completion(cx, &file, offset)
        .into_iter()
        .map(|i| i.label)
        .take(3)
        .collect();
    assert_eq!(labels, ["doc110", "doc111", "doc112"]);
    let cancelled = std::sync::atomic::AtomicBool::new(true);
    let cx = Context {
        cancel: Some(&cancelled),
        ..cx
    };
    assert_eq!(completion(cx, &file, offset), Vec::new());
}

#[test]
fn citation_completion_by_key_prefix_ranks_as_a_full_scan() {
    // Mixed-case keys: the sorted lowercase keys are not in key order.
    let corpus = fixture::corpus(
        &(0..250)
            .map(|i| {
                let stem = if i % 3 == 0 { "Doc" } else { "doc" };
                format!("//- {stem}{i:03}.txt\nReport {i}\nText.\n")
            })
            .collect::<String>(),
    );
    let settings = CheckSettings::default();
    let cx = Context::ready(&corpus, &settings);
    assert!(!corpus.keys_are_lowercase());
    for typed in ["", "d", "DO", "doc1", "doc19", "c1", "rep", "zz"] {
        let (file, offset) = fixture::brief(&format!("See [@{typed}$0"));
        let got: Vec<(u32, String)> = completion(cx, &file, offset)
            .into_iter()
            .map(|c| (c.rank, c.label))
            .collect();
        let mut scan: Vec<(u32, &str, DocId)> = corpus
            .docs
            .iter()
            .enumerate()
            .filter_map(|(id, d)| {
                let score = fuzzy_score(typed, &d.key)
                    .or_else(|| fuzzy_score(typed, &d.title).map(|s| s + 1000))?;
                Some((score, d.key.as_str(), id as DocId))
            })
            .collect();
        let expected: Vec<(u32, String)> = take_best(&mut scan, MAX_COMPLETIONS)
            .iter()
            .map(|&(score, key, _)| (score, key.to_string()))
            .collect();
        assert_eq!(got, expected, "typed {typed:?}");
    }
}

#[test]
fn definition_of_a_citation_is_its_document() {
    let fx = Fixture::brief_over(CORPUS, "Bare @news/tehr$0an citation.");
    let nav = definition(fx.cx(), &fx.brief, fx.offset()).expect("a definition");
    assert_eq!(&fx.brief.text[nav.origin.clone()], "news/tehran");
    assert_eq!(nav.targets.len(), 1);
    assert_eq!(nav.targets[0].doc, 1);
}

#[test]
fn unknown_citations_are_errors_with_a_suggestion() {
    check_diagnostics(
        "Known [@helsinki], unknown [@helsinky; @zzz].",
        expect![[r#"
            "@helsinky" Error unknown-citation: unknown citation key `@helsinky`: no corpus document has this key
            "@zzz" Error unknown-citation: unknown citation key `@zzz`: no corpus document has this key"#]],
    );
}

#[test]
fn no_citation_diagnostics_before_the_index_is_ready() {
    let fx = Fixture::brief_over("", "[@anything]");
    let cx = Context {
        index_ready: false,
        ..fx.cx()
    };
    assert!(diagnostics(cx, &fx.brief).is_empty());
}

#[test]
fn outline_nests_headings_and_quotes() {
    let file = BriefFile::new(
        "b".into(),
        "# Summit\n\nHe said \"a quote here\".\n\n## Detail\n\n\"Second quote\".\n\n# Other\n"
            .into(),
    );
    fn render(symbols: &[DocumentSymbol], depth: usize, out: &mut String) {
        for s in symbols {
            out.push_str(&format!("{}{} {:?}\n", "  ".repeat(depth), s.name, s.kind));
            render(&s.children, depth + 1, out);
        }
    }
    let mut out = String::new();
    render(&document_symbols(&file), 0, &mut out);
    expect![[r#"
        Summit Heading
          “a quote here” Quote
          Detail Heading
            “Second quote” Quote
        Other Heading
    "#]]
    .assert_eq(&out);
}

#[test]
fn citation_tokens_and_links() {
    let fx = Fixture::brief_over(CORPUS, "See [@helsinki] and @nope.");
    let (cx, file) = (fx.cx(), &fx.brief);
    let tokens = semantic_tokens(cx, file);
    let texts: Vec<&str> = tokens.iter().map(|t| &file.text[t.range.clone()]).collect();
    assert_eq!(texts, vec!["@helsinki", "@nope"]);
    let links = document_links(cx, file);
    assert_eq!(links.len(), 1);
    assert_eq!(&file.text[links[0].range.clone()], "helsinki");
}

#[test]
fn fuzzy_scores_prefer_prefixes_then_substrings() {
    assert_eq!(fuzzy_score("vela", "Velayati"), Some(0));
    assert!(fuzzy_score("laya", "Velayati").unwrap() < fuzzy_score("vlt", "Velayati").unwrap());
    assert_eq!(fuzzy_score("xyz", "Velayati"), None);
}

#[test]
fn citation_completion_matches_titles_and_closes_the_bracket() {
    let fx = Fixture::brief_over(CORPUS, "See [@Tehr$0");
    let rendered = completion(fx.cx(), &fx.brief, fx.offset())
        .iter()
        .map(|i| {
            format!(
                "{} | inserts {:?} | filter {:?}",
                i.label, i.insert_text, i.filter_text
            )
        })
        .collect::<Vec<_>>()
        .join("\n");
    expect![[r#"
        news/tehran | inserts "news/tehran]" | filter "Tehran news/tehran"
        other/tehran | inserts "other/tehran]" | filter "Tehran other/tehran""#]]
    .assert_eq(&rendered);
    // A bracket already closed, or a key among others, gets no second `]`.
    for text in [
        "See [@news$0]",
        "See [@news$0; @other/tehran]",
        "See @news$0",
    ] {
        let fx = Fixture::brief_over(CORPUS, text);
        let inserts: Vec<String> = completion(fx.cx(), &fx.brief, fx.offset())
            .into_iter()
            .map(|i| i.insert_text)
            .collect();
        assert!(
            inserts.iter().all(|i| !i.ends_with(']')),
            "{text}: {inserts:?}"
        );
    }
}
