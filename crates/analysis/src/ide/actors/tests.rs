//! Fixture tests for actor features in briefs; `$0` marks the cursor.

use expect_test::{expect, Expect};

use super::super::fixture::Fixture;
use super::super::Location;

const CORPUS: &str = r#"
//- a.txt
Leaders meet in Nairobi
Kenyan President William Ruto met German Chancellor Olaf Scholz in Nairobi on Tuesday.
Ruto said the talks were useful. Scholz’s aides, including spokesman Steffen Hebestreit, declined to comment.

//- b.txt
Ruto visits Berlin
William Ruto arrived in Berlin, where Scholz welcomed him. Ruto later met Annalena Baerbock, the German foreign minister.

"#;

fn check_hover(brief: &str, expect: Expect) {
    let fx = Fixture::brief_over(CORPUS, brief);
    let got = super::hover(fx.cx(), &fx.brief, fx.offset()).map_or("(none)".to_string(), |h| {
        format!("{}\n{}", &fx.brief.text[h.range], h.markdown)
    });
    expect.assert_eq(&got);
}

fn check_completion(brief: &str, expect: Expect) {
    let fx = Fixture::brief_over(CORPUS, brief);
    let items = super::completion(fx.cx(), &fx.brief, fx.offset());
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
    let fx = Fixture::brief_over(CORPUS, "Ruto$0 met Scholz. Later, Ruto’s plane left.");
    let (corpus, file) = (&fx.corpus, &fx.brief);
    let refs = super::references(fx.cx(), &[file], file, fx.offset()).unwrap_or_default();
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
    let fx = Fixture::brief_over(CORPUS, "Hebe$0streit said nothing.");
    let corpus = &fx.corpus;
    let nav = super::definition(fx.cx(), &fx.brief, fx.offset());
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
    let fx = Fixture::brief_over(CORPUS, "Scholz and Ruto in `Berlin` and Nairobi.");
    let (cx, file) = (fx.cx(), &fx.brief);
    let tokens: Vec<&str> = super::semantic_tokens(cx, file)
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
    let fx = Fixture::brief_over(CORPUS, "Then Rut$0");
    let cx = fx.cx();
    let items = super::completion(cx, &fx.brief, fx.offset());
    let item = items.first().expect("an item for Rut");
    assert_eq!(item.documentation, None);
    let target = item.target.expect("the item names its actor");
    let card = crate::ide::completion_documentation(cx, target, &item.label);
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
        crate::ide::completion_documentation(cx, target, "Olaf Scholz"),
        None
    );
}
