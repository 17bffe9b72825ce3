//! Brief-side quote features on an invented corpus: one `check` helper per feature.

use expect_test::{expect, Expect};

use crate::ide::fixture::Fixture;
use crate::ide::{self, BriefFile, CheckSettings, Context};

const CORPUS: &str = r#"
//- tehran.txt
Putin in Tehran
MOSCOW — Russian President Vladimir Putin met Iranian leaders on Wednesday.
"We are working very productively with Iran and we manage to coordinate our positions on Syria," Putin said after the talks.
Russian Foreign Minister Sergey Lavrov warned that "it is absolutely not realistic" to expect Iran to leave Syria.
“Their use of military force in Syria would inevitably lead to an escalation of tensions,” said Sergei Shoigu.

//- rome.txt
Shoigu in Rome
Russian Defense Minister Sergei Shoigu spoke to an Italian newspaper on Wednesday.
“Their use of military force in Syria would inevitably lead to an escalation of tensions,” he said.

"#;

fn check_diagnostics(brief: &str, expect: Expect) {
    let fx = Fixture::brief_over(CORPUS, brief);
    let out = ide::diagnostics(fx.cx(), &fx.brief)
        .iter()
        .map(|d| {
            format!(
                "{} {:?}: {}\n",
                d.code,
                &fx.brief.text[d.range.clone()],
                d.message
            )
        })
        .collect::<String>();
    expect.assert_eq(&out);
}

#[test]
fn every_kind_of_quote() {
    check_diagnostics(
        r#"# Brief

Exact: "we manage to coordinate our positions on Syria" [@tehran].
Curly and case: “WE ARE WORKING very productively with Iran”.
Ellipsis: "We are working … with Iran and we manage to coordinate".
Bracketed: "[Moscow and Tehran] manage to coordinate our positions on Syria [sic]".
Multi-line: "We are working very
productively with Iran and we manage".
Misquoted: "We are working very slowly with Iran and we manage to coordinate our positions".
Fabricated: "Moscow will never abandon its friends in Damascus".
Misattributed: Lavrov said "we manage to coordinate our positions on Syria".
Right speaker: Putin said "we manage to coordinate our positions on Syria".
Pronoun: he said "we manage to coordinate our positions on Syria".
One word changed: "Putin and we manage to coordinate" names nobody as speaker.
Code: `"Moscow will never abandon its friends"` is not checked.
Short: "not realistic" is not checked.

> Their use of military force in Syria would inevitably lead to an escalation of tensions.
>
> — Sergey Lavrov
"#,
        expect![[r#"
            quote-differs "\"We are working very slowly with Iran and we manage to coordinate our positions\"": quote differs from the source (93% similar to @tehran line 3); the source says: “We are working very productively with Iran and we manage to coordinate our positions”
            quote-not-found "\"Moscow will never abandon its friends in Damascus\"": quote not found in the corpus: no source has these words (check the wording or the source)
            quote-misattributed "Lavrov": quote attributed to Lavrov, but the source attributes it to Vladimir Putin
            quote-differs "\"Putin and we manage to coordinate\"": quote differs from the source (83% similar to @tehran line 3); the source says: “Iran and we manage to coordinate”
            quote-misattributed "Sergey Lavrov": quote attributed to Sergey Lavrov, but the source attributes it to Sergei Shoigu
        "#]],
    );
}

fn check_feature(
    brief: &str,
    feature: impl FnOnce(Context, &BriefFile, usize) -> String,
    expect: Expect,
) {
    let fx = Fixture::brief_over(CORPUS, brief);
    let out = feature(fx.cx(), &fx.brief, fx.offset());
    expect.assert_eq(&out);
}

fn show_targets(cx: Context, file: &BriefFile, offset: usize) -> String {
    let Some(nav) = ide::definition(cx, file, offset) else {
        return "none".into();
    };
    let mut out = format!("origin {:?}\n", &file.text[nav.origin.clone()]);
    for t in nav.targets {
        let doc = cx.corpus.doc(t.doc);
        out.push_str(&format!(
            "{}: {:?} in {:?}\n",
            doc.key,
            &doc.text()[t.focus_range.clone()],
            &doc.text()[t.full_range.clone()]
        ));
    }
    out
}

#[test]
fn definition_gives_every_source_best_first() {
    check_feature(
        "Shoigu: “their use of military force in Syria would$0 inevitably lead to an escalation”",
        show_targets,
        expect![[r#"
            origin "“their use of military force in Syria would inevitably lead to an escalation”"
            tehran: "Their use of military force in Syria would inevitably lead to an escalation" in "“Their use of military force in Syria would inevitably lead to an escalation of tensions,” said Sergei Shoigu."
            rome: "Their use of military force in Syria would inevitably lead to an escalation" in "“Their use of military force in Syria would inevitably lead to an escalation of tensions,” he said."
        "#]],
    );
}

#[test]
fn hover_shows_status_source_speaker_and_differences() {
    check_feature(
        "Lavrov said \"we are working very slowly$0 with Iran and we manage\".",
        |cx, file, offset| ide::hover(cx, file, offset).map_or("none".into(), |h| h.markdown),
        expect![[r#"
            **Quote differs from the source** · `@tehran` line 3 · speaker: Vladimir Putin

            > We are working very productively with Iran and we manage

            Differences: We are working very ~~productively~~ **slowly** with Iran and we manage

            The brief attributes it to Lavrov, the source to Vladimir Putin."#]],
    );
}

fn show_actions(cx: Context, file: &BriefFile, offset: usize) -> String {
    ide::code_actions(cx, file, offset..offset)
        .iter()
        .map(|a| {
            format!(
                "{} -> {:?}\n",
                a.title,
                a.edits
                    .iter()
                    .map(|e| (&file.text[e.range.clone()], e.new_text.as_str()))
                    .collect::<Vec<_>>()
            )
        })
        .collect()
}

#[test]
fn code_actions_fix_wording_citation_and_speaker() {
    check_feature(
        "Lavrov said \"we are working very slowly$0 with Iran and we manage\".",
        show_actions,
        expect![[r#"
        Replace with the source wording (@tehran) -> [("we are working very slowly with Iran and we manage", "We are working very productively with Iran and we manage")]
        Attribute to Vladimir Putin -> [("Lavrov", "Vladimir Putin")]
    "#]],
    );
    check_feature(
        "He said \"it is absolutely$0 not realistic\".",
        show_actions,
        expect![[r#"
        Cite the source [@tehran] -> [("", " [@tehran]")]
    "#]],
    );
    check_feature(
        "He said \"it is absolutely$0 not realistic\" [@tehran].",
        show_actions,
        expect![""],
    );
}

#[test]
fn hints_and_tokens() {
    check_feature(
        "A “we manage to coordinate our positions” and \"we never coordinate anything at all\".$0",
        |cx, file, _| {
            let hints: Vec<String> = ide::inlay_hints(cx, file)
                .iter()
                .map(|h| format!("{}@{}", h.label, h.offset))
                .collect();
            let tokens: Vec<String> = ide::semantic_tokens(cx, file)
                .iter()
                .map(|t| format!("{:?} {:?}", t.kind, &file.text[t.range.clone()]))
                .collect();
            format!("{hints:?}\n{tokens:#?}")
        },
        expect![[r#"
            ["@tehran@45"]
            [
                "QuoteVerified \"“we manage to coordinate our positions”\"",
                "QuoteNotFound \"\\\"we never coordinate anything at all\\\"\"",
            ]"#]],
    );
}

fn show_completion(cx: Context, file: &BriefFile, offset: usize) -> String {
    ide::completion(cx, file, offset)
        .iter()
        .map(|c| {
            format!(
                "{:?} replaces {:?} ({})\n",
                c.insert_text,
                &file.text[c.edit_range.clone()],
                c.detail.as_deref().unwrap_or("")
            )
        })
        .collect()
}

#[test]
fn completion_inside_an_open_quote() {
    check_feature(
        "Putin said \"$0",
        show_completion,
        expect![[r#"
        "We are working very productively with Iran and we manage to coordinate our positions on Syria" replaces "" (Vladimir Putin · @tehran)
    "#]],
    );
    check_feature(
        "Lavrov said \"it is abs$0",
        show_completion,
        expect![[r#"
        "it is absolutely not realistic" replaces "it is abs" (Sergey Lavrov · @tehran)
    "#]],
    );
    check_feature(
        "As he put it, \"we are working very prod$0",
        show_completion,
        expect![[r#"
        "productively with Iran and we manage to coordinate our positions on Syria" replaces "prod" (@tehran line 3)
    "#]],
    );
}

#[test]
fn nothing_before_the_index_is_ready() {
    let fx = Fixture::brief_over(
        CORPUS,
        "\"Moscow will never abandon its friends in Damascus\"",
    );
    let cx = Context {
        index_ready: false,
        ..fx.cx()
    };
    assert!(ide::diagnostics(cx, &fx.brief).is_empty());
}

#[test]
fn a_much_quoted_line_names_a_few_sources_on_its_card_the_best_in_definition_and_all_in_references()
{
    // Forty documents carry the line, dated so that the last is the earliest.
    let n = 40;
    let sources: String = (0..n)
        .map(|i| format!("//- d{i:02}.txt\ntitle: Report {i}\ndate: {}-03-01\n\n\"Peace is within reach if both sides keep talking,\" Lena Ortiz said.\n\n", 2060 - i))
        .collect();
    let fx = Fixture::brief_over(
        &sources,
        "She said \"Peace is $0within reach if both sides keep talking.\"",
    );
    let (corpus, cx, file, offset) = (&fx.corpus, fx.cx(), &fx.brief, fx.offset());
    let keys = |docs: Vec<u32>| -> Vec<String> {
        docs.into_iter()
            .map(|doc| corpus.doc(doc).key.clone())
            .collect()
    };
    let targets = ide::definition(cx, file, offset).map_or(Vec::new(), |nav| {
        keys(nav.targets.into_iter().map(|t| t.doc).collect())
    });
    let expected: Vec<String> = (20..n).rev().map(|i| format!("d{i:02}")).collect();
    assert_eq!(targets, expected);
    let referenced = keys(
        ide::references(cx, &[], file, offset)
            .into_iter()
            .filter_map(|location| match location {
                ide::Location::Corpus { doc, .. } => Some(doc),
                ide::Location::Brief { .. } => None,
            })
            .collect(),
    );
    let every: Vec<String> = (0..n).rev().map(|i| format!("d{i:02}")).collect();
    assert_eq!(referenced, every);
    let card = ide::hover(cx, file, offset)
        .map(|h| h.markdown)
        .unwrap_or_default();
    let tail: Vec<&str> = card
        .lines()
        .filter(|l| l.starts_with("Also in:") || l.contains("sources in all"))
        .collect();
    expect![[r#"
        [
            "Also in: `@d38` line 4, `@d37` line 4, `@d36` line 4, `@d35` line 4, `@d34` line 4, `@d33` line 4, `@d32` line 4, `@d31` line 4, `@d30` line 4 and 30 more sources",
            "40 sources in all: go to definition opens the first 20, find references lists every one.",
        ]
    "#]].assert_debug_eq(&tail);
    // A setting of 3 cuts definition, not references.
    let three = CheckSettings {
        definition_sources: 3,
        ..CheckSettings::default()
    };
    let cx = Context::ready(corpus, &three);
    let targets = ide::definition(cx, file, offset).map_or(0, |nav| nav.targets.len());
    assert_eq!(targets, 3);
    assert_eq!(ide::references(cx, &[], file, offset).len(), n);
}

#[test]
fn the_closest_source_comes_before_an_earlier_one() {
    let fx = Fixture::parse(
        r#"
//- early.txt
title: early
date: 1990-01-01

"Peace is within reach if both parties keep talking," Lena Ortiz said.

//- late.txt
title: late
date: 2050-06

"Peace is within reach if both sides keep talking," Lena Ortiz said.

//- undated.txt
title: undated
date: soon

"Peace is within reach if both sides keep talking," Lena Ortiz said.

//- brief.md
She said "Peace is $0within reach if both sides keep talking."
"#,
    );
    let targets: Vec<String> =
        ide::definition(fx.cx(), &fx.brief, fx.offset()).map_or(Vec::new(), |nav| {
            nav.targets
                .into_iter()
                .map(|t| fx.corpus.doc(t.doc).key.clone())
                .collect()
        });
    assert_eq!(targets, ["late", "undated", "early"]);
}

#[test]
fn a_rephrased_quote_under_the_threshold_is_not_found_and_shows_the_whole_passage() {
    // 75% similar, under the 0.8 threshold: not "differs", no fix, and the nearest passage
    // shown whole ("not realistic", which the alignment stops short of).
    check_diagnostics(
        "Lavrov said \"it is absolutely unrealistic\".",
        expect![[r#"
            quote-not-found "\"it is absolutely unrealistic\"": quote not found in the corpus: the nearest passage is 75% similar (@tehran line 4): “it is absolutely not realistic”
        "#]],
    );
    check_feature(
        "Lavrov said \"it is absolutely$0 unrealistic\".",
        show_actions,
        expect![""],
    );
    check_feature(
        "Lavrov said \"it is absolutely$0 unrealistic\".",
        |cx, file, offset| ide::hover(cx, file, offset).map_or("none".into(), |h| h.markdown),
        expect![[r#"
            **Quote not found** in the corpus

            Nearest passage: 75% similar (a quote 80% similar or more counts as differing), `@tehran` line 4:

            > it is absolutely not realistic

            Differences: it is absolutely **unrealistic** ~~not realistic~~"#]],
    );
}

#[test]
fn a_differing_quote_is_compared_with_and_replaced_by_the_whole_passage() {
    // The last word changed: the alignment ends at "on", the passage goes on to "Syria".
    let fixture = "Putin said \"we manage to coordinate our positions$0 on Iraq\".";
    check_diagnostics(
        fixture,
        expect![[r#"
        quote-differs "\"we manage to coordinate our positions on Iraq\"": quote differs from the source (88% similar to @tehran line 3); the source says: “we manage to coordinate our positions on Syria”
    "#]],
    );
    check_feature(
        fixture,
        show_actions,
        expect![[r#"
        Replace with the source wording (@tehran) -> [("we manage to coordinate our positions on Iraq", "we manage to coordinate our positions on Syria")]
    "#]],
    );
}

#[test]
fn hover_on_a_quote_nothing_comes_close_to_says_so() {
    check_feature(
        "He said \"the weather in Lisbon was$0 lovely all week\".",
        |cx, file, offset| ide::hover(cx, file, offset).map_or("none".into(), |h| h.markdown),
        expect![[r#"
            **Quote not found** in the corpus

            Nothing in the corpus comes close: no passage of 2 documents shares half of these words in order."#]],
    );
}

#[test]
fn no_hint_repeats_a_citation_written_after_the_quote() {
    check_feature(
        "A “we manage to coordinate our positions” [@tehran]. B “we manage to coordinate our positions” [@rome]. C “we manage to coordinate our positions”.$0",
        |cx, file, _| {
            let hints: Vec<String> = ide::inlay_hints(cx, file)
                .iter()
                .map(|h| format!("{}@{}", h.label, h.offset))
                .collect();
            format!("{hints:?}")
        },
        expect![[r#"["@tehran@102", "@tehran@157"]"#]],
    );
}

#[test]
fn in_a_paragraph_of_many_quotes_each_reads_a_bounded_window_and_finds_its_own_citation() {
    // One paragraph of quote and citation pairs: attribution read the whole paragraph
    // around every quote, and the citations after it were searched from the first, so n
    // pairs cost n² (60,000 never finished in `dossier check`). Each quote now reads a
    // bounded window, and the right speaker and citation are still found for every pair.
    let n_pairs = 3_000;
    let paragraph: Vec<String> = (0..n_pairs)
        .map(|i| {
            format!(r#"Lavrov said "we are working very productively number {i}" [@key_{i}]."#)
        })
        .collect();
    let file =
        Fixture::brief_over("", &format!("# Many quotes\n\n{}\n", paragraph.join(" "))).brief;
    assert_eq!(file.brief.quotes.len(), n_pairs);
    assert_eq!(file.brief.citations.len(), n_pairs);
    let block = file.brief.blocks[file.brief.quotes[0].block].clone();
    for (quote_idx, quote) in file.brief.quotes.iter().enumerate() {
        let window = super::check::speaker_context(&file.brief.masked, block.clone(), &quote.range);
        assert!(
            window.len() <= 2 * super::SPEAKER_CONTEXT_BYTES + quote.range.len(),
            "quote {quote_idx} reads {} bytes of a {}-byte paragraph",
            window.len(),
            block.len()
        );
        assert!(super::sentence_after(&file, quote).len() <= super::SPEAKER_CONTEXT_BYTES);
        let speaker = super::brief_speaker(&file, quote, &quote.inner).map(|(_, name)| name);
        assert_eq!(speaker.as_deref(), Some("Lavrov"), "quote {quote_idx}");
        assert_eq!(
            super::keys_cited_after(&file, quote),
            [format!("key_{quote_idx}")],
            "quote {quote_idx}"
        );
    }
}
