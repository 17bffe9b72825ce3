//! Fixture tests for actor features in briefs; `$0` marks the cursor.

use expect_test::{expect, Expect};

use super::super::{BriefFile, CheckSettings, Context, Location};
use crate::analysis::{CorpusIndex, SourceText};

const ARTICLE_A: &str = "Leaders meet in Nairobi
Kenyan President William Ruto met German Chancellor Olaf Scholz in Nairobi on Tuesday.
Ruto said the talks were useful. Scholz’s aides, including spokesman Steffen Hebestreit, declined to comment.
";
const ARTICLE_B: &str = "Ruto visits Berlin
William Ruto arrived in Berlin, where Scholz welcomed him. Ruto later met Annalena Baerbock, the German foreign minister.
";

fn corpus() -> CorpusIndex {
    let sources = [("a.txt", ARTICLE_A), ("b.txt", ARTICLE_B)]
        .into_iter()
        .map(|(name, text)| SourceText {
            path: format!("/w/{name}").into(),
            rel_path: name.into(),
            text: text.into(),
        })
        .collect();
    CorpusIndex::build(sources, Vec::new())
}

fn with_cursor(fixture: &str) -> (BriefFile, usize) {
    let offset = fixture.find("$0").expect("fixture has a $0 cursor");
    let text = fixture.replacen("$0", "", 1);
    (BriefFile::new("brief.md".into(), text), offset)
}

fn check_hover(fixture: &str, expect: Expect) {
    let corpus = corpus();
    let settings = CheckSettings::default();
    let cx = Context::ready(&corpus, &settings);
    let (file, offset) = with_cursor(fixture);
    let got = super::hover(cx, &file, offset).map_or("(none)".to_string(), |h| {
        format!("{}\n{}", &file.text[h.range], h.markdown)
    });
    expect.assert_eq(&got);
}

fn check_completion(fixture: &str, expect: Expect) {
    let corpus = corpus();
    let settings = CheckSettings::default();
    let cx = Context::ready(&corpus, &settings);
    let (file, offset) = with_cursor(fixture);
    let items = super::completion(cx, &file, offset);
    let got: Vec<String> = items
        .iter()
        .take(4)
        .map(|c| {
            format!(
                "{} [{}] filter={} edit={:?}",
                c.label,
                c.detail.clone().unwrap_or_default(),
                c.filter_text,
                c.edit_range
            )
        })
        .collect();
    expect.assert_eq(&got.join("\n"));
}

#[test]
fn hover_shows_the_card() {
    check_hover(
        "The brief: Sch$0olz’s visit.",
        expect![[r#"
            Scholz
            **Olaf Scholz** (person)

            German Chancellor

            Also: Scholz

            3 mentions in 2 documents: `a` (2), `b` (1)

            Takes part in:

            - Nairobi talks (Tuesday)

            Named alongside: William Ruto, Annalena Baerbock, Steffen Hebestreit"#]],
    );
}

#[test]
fn no_hover_inside_code() {
    check_hover("Code: `Scholz$0` here.", expect!["(none)"]);
}

#[test]
fn completion_by_surname_prefix_keeps_the_alias_as_filter_text() {
    check_completion(
        "Then Rut$0",
        expect!["William Ruto [person, Kenyan President] filter=Ruto edit=5..8"],
    );
    check_completion(
        "Then Baer$0",
        expect!["Annalena Baerbock [person, German foreign minister] filter=Baerbock edit=5..9"],
    );
}

#[test]
fn completion_by_name_prefix_ranks_name_first() {
    check_completion(
        "Then wil$0",
        expect!["William Ruto [person, Kenyan President] filter=William Ruto edit=5..8"],
    );
}

#[test]
fn references_span_corpus_and_briefs() {
    let corpus = corpus();
    let settings = CheckSettings::default();
    let cx = Context::ready(&corpus, &settings);
    let (file, offset) = with_cursor("Ruto$0 met Scholz. Later, Ruto’s plane left.");
    let refs = super::references(cx, &[&file], &file, offset).unwrap_or_default();
    let described: Vec<String> = refs
        .iter()
        .map(|loc| match loc {
            Location::Corpus { doc, range } => format!(
                "{}:{}",
                corpus.doc(*doc).key,
                &corpus.doc(*doc).text()[range.clone()]
            ),
            Location::Brief { id, range } => format!("{id}:{}", &file.text[range.clone()]),
        })
        .collect();
    expect![[r#"["a:William Ruto", "a:Ruto", "b:Ruto", "b:William Ruto", "b:Ruto", "brief.md:Ruto", "brief.md:Ruto"]"#]]
        .assert_eq(&format!("{described:?}"));
}

#[test]
fn definition_goes_to_the_fullest_mention() {
    let corpus = corpus();
    let settings = CheckSettings::default();
    let cx = Context::ready(&corpus, &settings);
    let (file, offset) = with_cursor("Hebe$0streit said nothing.");
    let nav = super::definition(cx, &file, offset);
    let got = nav.map(|n| {
        let t = &n.targets[0];
        format!(
            "{}: {}",
            corpus.doc(t.doc).key,
            &corpus.doc(t.doc).text()[t.focus_range.clone()]
        )
    });
    assert_eq!(got.as_deref(), Some("a: Steffen Hebestreit"));
}

#[test]
fn tokens_and_symbols() {
    let corpus = corpus();
    let settings = CheckSettings::default();
    let cx = Context::ready(&corpus, &settings);
    let (file, _) = with_cursor("$0Scholz and Ruto in `Berlin` and Nairobi.");
    let tokens: Vec<&str> = super::semantic_tokens(cx, &file)
        .iter()
        .map(|t| &file.text[t.range.clone()])
        .collect();
    assert_eq!(tokens, ["Scholz", "Ruto", "Nairobi"]);
    let symbols: Vec<String> = super::workspace_symbols(cx, "baer")
        .iter()
        .map(|s| s.name.clone())
        .collect();
    assert_eq!(symbols, ["Annalena Baerbock"]);
}

#[test]
fn completion_items_are_small_and_resolve_to_the_card() {
    let corpus = corpus();
    let settings = CheckSettings::default();
    let cx = Context::ready(&corpus, &settings);
    let (file, offset) = with_cursor("Then Rut$0");
    let items = super::completion(cx, &file, offset);
    let item = items.first().expect("an item for Rut");
    assert_eq!(item.documentation, None);
    let target = item.target.expect("the item names its actor");
    let card = crate::analysis::ide::completion_documentation(cx, target, &item.label);
    expect![[r#"
        **William Ruto** (person)

        Kenyan President

        Also: Ruto

        5 mentions in 2 documents: `a` (2), `b` (3)

        Takes part in:

        - Nairobi talks (Tuesday)
        - Berlin meeting"#]]
    .assert_eq(card.as_deref().unwrap_or("(none)"));
    // An id from another index generation that now names someone else gives nothing.
    assert_eq!(
        crate::analysis::ide::completion_documentation(cx, target, "Olaf Scholz"),
        None
    );
}
