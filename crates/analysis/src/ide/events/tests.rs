//! Fixture tests of events in briefs over a small invented corpus.

use expect_test::{expect, Expect};

use super::super::fixture::{self, Fixture};
use super::super::{CheckSettings, Context};
use super::*;

const CORPUS: &str = r#"
//- wire/a.txt
title: Geneva
date: 2021-06-16

President Donald Trump met Russian President Vladimir Putin in Geneva on Wednesday.

//- wire/b.txt
Putin's summit with Trump in Geneva was short, aides said.

//- wire/c.txt
On February 7, 2018, in the Deir ez-Zor area, US forces attacked a column of fighters.

"#;

fn check_hover(brief: &str, expected: Expect) {
    let fx = Fixture::brief_over(CORPUS, brief);
    let rendered = match hover(fx.cx(), &fx.brief, fx.offset()) {
        Some(h) => format!("{:?}\n{}", &fx.brief.text[h.range], h.markdown),
        None => "no hover".to_string(),
    };
    expected.assert_eq(&rendered);
}

#[test]
fn hover_on_a_place_and_kind_names_the_event() {
    check_hover(
        "The Geneva sum$0mit went badly.",
        expect![[r#"
            "The Geneva summit"
            **Geneva summit** (summit)

            - status: happened
            - date: 2021-06-16 (day)
            - place: Geneva
            - participants: Vladimir Putin, Donald Trump
            - 2 mentions in 2 documents
            - joined: 1 mention by same place and people

            **Sources**

            - `a`: President Donald Trump met Russian President Vladimir Putin in Geneva on Wednesday.
            - `b`: Putin's summit with Trump in Geneva was short, aides said."#]],
    );
}

#[test]
fn hover_on_the_date_of_an_attack() {
    check_hover(
        "US forces attacked fighters on February 7$0, 2018 in Deir ez-Zor.",
        expect![[r#"
            "attacked fighters on February 7, 2018 in Deir ez-Zor"
            **Deir ez-Zor attack** (attack)

            - status: happened
            - date: 2018-02-07 (day)
            - place: Deir ez-Zor
            - 1 mention in 1 document

            **Sources**

            - `c`: On February 7, 2018, in the Deir ez-Zor area, US forces attacked a column of fighters."#]],
    );
}

#[test]
fn no_hover_on_unrelated_words() {
    check_hover("The weather in Ge$0neva was fine.", expect!["no hover"]);
}

#[test]
fn completion_offers_events_by_place_and_participant() {
    let rendered = ["At the Gen$0", "When Puti$0"]
        .iter()
        .map(|t| {
            let fx = Fixture::brief_over(CORPUS, t);
            completion(fx.cx(), &fx.brief, fx.offset())
                .iter()
                .map(|c| {
                    format!(
                        "{} | {} | {:?} | replaces {:?}",
                        c.label,
                        c.filter_text,
                        c.detail,
                        &fx.brief.text[c.edit_range.clone()]
                    )
                })
                .collect::<Vec<_>>()
                .join("\n")
        })
        .collect::<Vec<_>>()
        .join("\n--\n");
    expect![[r#"
        Geneva summit | Geneva summit | Some("summit, happened · 2021-06-16 · Vladimir Putin, Donald Trump") | replaces "Gen"
        --
        Geneva summit | Putin Geneva summit | Some("summit, happened · 2021-06-16 · Vladimir Putin, Donald Trump") | replaces "Puti""#]].assert_eq(&rendered);
}

#[test]
fn definition_references_tokens_and_symbols() {
    let fx = Fixture::brief_over(
        CORPUS,
        "Recall the Geneva sum$0mit. Later, the Geneva summit was praised.",
    );
    let (cx, file, offset) = (fx.cx(), &fx.brief, fx.offset());
    let rendered = {
        let definition = definition(cx, file, offset).map(|n| {
            n.targets
                .iter()
                .map(|t| {
                    format!(
                        "{} {:?}",
                        cx.corpus.doc(t.doc).key,
                        &cx.corpus.doc(t.doc).text()[t.focus_range.clone()]
                    )
                })
                .collect::<Vec<_>>()
        });
        let references = references(cx, &[file], file, offset)
            .unwrap_or_default()
            .len();
        let tokens: Vec<&str> = semantic_tokens(cx, file)
            .iter()
            .map(|t| &file.text[t.range.clone()])
            .collect();
        let symbols: Vec<String> = workspace_symbols(cx, "gen")
            .iter()
            .map(|s| format!("{} {:?}", s.name, s.container))
            .collect();
        let putin = cx.corpus.actors.resolve("Vladimir Putin");
        let of_putin = putin
            .map(|p| events_of_actor(cx, p, usize::MAX))
            .unwrap_or_default();
        format!("{definition:?}\nreferences: {references}\ntokens: {tokens:?}\nsymbols: {symbols:?}\nputin: {of_putin:?}")
    };
    expect![[r#"
        Some(["a \"met Russian President Vladimir Putin in Geneva\""])
        references: 4
        tokens: ["summit", "summit"]
        symbols: ["Geneva summit Some(\"2021-06-16, Geneva\")"]
        putin: ["Geneva summit (2021-06-16)"]"#]]
    .assert_eq(&rendered);
}

#[test]
fn labels_written_as_such_are_found_between_word_boundaries() {
    let spans = |text: &str| {
        let fx = Fixture::brief_over(CORPUS, text);
        brief_events(fx.cx(), &fx.brief)
            .into_iter()
            .map(|m| format!("{:?}", &text[m.span]))
            .collect::<Vec<_>>()
            .join(", ")
    };
    expect![[r#""GENEVA SUMMIT", "geneva summit""#]].assert_eq(&spans(
        "notes: GENEVA SUMMIT; the geneva summitry; (geneva summit) é",
    ));
    expect![[""]].assert_eq(&spans("xgeneva summit and geneva summits"));
}

/// Completion as it was before the prefix table: every event ranked, the best kept.
fn completion_by_scan(cx: Context, typed: &str) -> Vec<(u32, String, usize, String)> {
    let typed_lower = typed.to_lowercase();
    let mut names_matched = HashMap::new();
    let mut ranked: Vec<(u32, &str, usize, &str)> = Vec::new();
    for (i, event) in cx.corpus.events.events.iter().enumerate() {
        if let Some((matched, tier)) = match_event(cx, event, &typed_lower, &mut names_matched) {
            ranked.push((tier + complete::salience(event), &event.label, i, matched));
        }
    }
    super::super::ranking::take_best(&mut ranked, MAX_COMPLETIONS)
        .iter()
        .map(|&(rank, label, i, matched)| (rank, label.to_string(), i, matched.to_string()))
        .collect()
}

#[test]
fn completion_through_the_table_ranks_as_a_full_scan() {
    const CITIES: &[&str] = &["Geneva", "Genoa", "Helsinki", "Moscow", "Sochi", "Ankara"];
    const PEOPLE: &[&str] = &[
        "Vladimir Putin",
        "Donald Trump",
        "Recep Tayyip Erdogan",
        "Ali Akbar Velayati",
        "Sergey Lavrov",
        "Geir Pedersen",
    ];
    const KINDS: &[&str] = &["summit", "talks", "meeting"];
    let mut sources = String::new();
    for i in 0..400usize {
        let (a, b) = (PEOPLE[i % 6], PEOPLE[(i / 6 + 1 + i) % 6]);
        let city = CITIES[(i / 3) % 6];
        let kind = KINDS[i % 3];
        let day = 1 + i % 28;
        let month = 1 + (i / 28) % 12;
        // Each text ends with a line break, hence the empty line before the next header.
        sources.push_str(&format!(
            "//- r/{i:03}.txt\ntitle: Report {i}\ndate: 2019-{month:02}-{day:02}\n\n{a} met {b} in {city} on Monday. The {city} {kind} ended without a deal, officials said.\n\n"
        ));
    }
    let corpus = fixture::corpus(&sources);
    let settings = CheckSettings::default();
    let cx = Context::ready(&corpus, &settings);
    assert!(
        corpus.events.events.len() > 2 * MAX_COMPLETIONS,
        "{} events",
        corpus.events.events.len()
    );
    let mut cut = 0;
    for typed in [
        "Ge", "Gen", "Geneva", "Mo", "Su", "summ", "ta", "me", "Pu", "Putin", "Ve", "Erd", "Ak",
        "Ta", "Tayyip", "So", "An", "zz", "Se", "Ser", "Sergey", "Lav",
    ] {
        let (file, offset) = fixture::brief(&format!("Recall the {typed}$0"));
        let got: Vec<(u32, String, Option<CompletionTarget>, String)> =
            completion(cx, &file, offset)
                .into_iter()
                .map(|c| (c.rank, c.label, c.target, c.filter_text))
                .collect();
        // The same items, with the filter text the completion writes.
        let expected: Vec<(u32, String, Option<CompletionTarget>, String)> =
            completion_by_scan(cx, typed)
                .into_iter()
                .map(|(rank, label, i, matched)| {
                    let filter_text = if matched.eq_ignore_ascii_case(&label) {
                        label.clone()
                    } else {
                        format!("{matched} {label}")
                    };
                    (rank, label, Some(CompletionTarget::Event(i)), filter_text)
                })
                .collect();
        assert_eq!(got, expected, "typed {typed:?}");
        cut += usize::from(got.len() == MAX_COMPLETIONS);
    }
    assert!(
        cut >= 3,
        "some prefixes must match more events than a list shows"
    );
}

#[test]
fn completion_ranks_by_how_the_typed_text_matches_the_label_first() {
    let rendered = ["When Puti$0", "At the Geneva su$0"]
        .iter()
        .map(|t| {
            let fx = Fixture::brief_over(CORPUS, t);
            super::super::completion(fx.cx(), &fx.brief, fx.offset())
                .iter()
                .map(|c| {
                    format!(
                        "{} | inserts {:?} over {:?} | filter {:?}",
                        c.label,
                        c.insert_text,
                        &fx.brief.text[c.edit_range.clone()],
                        c.filter_text
                    )
                })
                .collect::<Vec<_>>()
                .join("\n")
        })
        .collect::<Vec<_>>()
        .join("\n--\n");
    expect![[r#"
        Vladimir Putin | inserts "Vladimir Putin" over "Puti" | filter "Putin"
        Geneva summit | inserts "Geneva summit" over "Puti" | filter "Putin Geneva summit"
        --
        Geneva summit | inserts "summit" over "su" | filter "summit""#]]
    .assert_eq(&rendered);
}

#[test]
fn a_hypothetical_or_negated_meeting_is_not_the_one_that_happened() {
    check_hover(
        "If Trump meets Putin in Gen$0eva again, little will change.",
        expect!["no hover"],
    );
    check_hover("Trump did not meet Putin in Gen$0eva.", expect!["no hover"]);
}

/// The card's status line for the brief's event under the cursor.
fn status_line(text: &str) -> String {
    let fx = Fixture::brief_over(CORPUS, text);
    let card = hover(fx.cx(), &fx.brief, fx.offset())
        .map(|h| h.markdown)
        .unwrap_or_default();
    (card.lines())
        .find(|l| l.starts_with("- status: "))
        .unwrap_or("no status line")
        .to_string()
}

#[test]
fn the_card_says_when_the_brief_does_not_assert_the_event() {
    // A denial names the event it denies; a label written inside a condition names its
    // event. Neither is the brief's own word that it happened.
    assert_eq!(
        status_line("The Kremlin denied that Putin met Trump in Gen$0eva."),
        "- status: happened (in this brief: denied)"
    );
    assert_eq!(
        status_line("If the Geneva sum$0mit fails, talks end."),
        "- status: happened (in this brief: hypothetical)"
    );
    assert_eq!(
        status_line("The Geneva sum$0mit went badly."),
        "- status: happened"
    );
}
