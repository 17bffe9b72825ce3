use expect_test::{expect, Expect};

use super::*;

/// Renders what the parser found, one item a line, with the text each range covers.
fn check(markdown: &str, expected: Expect) {
    let brief = Brief::parse(markdown);
    let mut out = String::new();
    for h in &brief.headings {
        out.push_str(&format!("heading {} {:?}\n", h.level, h.text));
    }
    for q in &brief.quotes {
        let kind = if q.is_block { "blockquote" } else { "quote" };
        let closed = if q.closed { "" } else { " (unclosed)" };
        out.push_str(&format!(
            "{kind} {:?} range {:?}{closed}\n",
            q.text,
            &markdown[q.range.clone()]
        ));
    }
    for c in &brief.citations {
        let bracketed = if c.bracketed { "bracketed" } else { "bare" };
        assert_eq!(&markdown[c.range.clone()], c.key);
        out.push_str(&format!("citation {} {bracketed}\n", c.key));
    }
    expected.assert_eq(&out);
}

#[test]
fn straight_curly_and_guillemet_quotes() {
    check(
        r#"Putin said "we are working productively" and Rouhani said “we have worked
with Russia” while «a third» stood."#,
        expect![[r#"
            quote "we are working productively" range "\"we are working productively\""
            quote "we have worked with Russia" range "“we have worked\nwith Russia”"
            quote "a third" range "«a third»"
        "#]],
    );
}

#[test]
fn unclosed_quote_ends_at_its_paragraph() {
    check(
        "He said \"this never closes\nand goes on\n\nNext paragraph \"closed\".",
        expect![[r#"
            quote "this never closes and goes on" range "\"this never closes\nand goes on" (unclosed)
            quote "closed" range "\"closed\""
        "#]],
    );
}

#[test]
fn code_html_and_link_targets_are_not_prose() {
    check(
        "Code `\"not a quote\"` here.\n\n```\n\"fenced quote\" @fenced\n```\n\n<!-- \"comment quote\" @hidden -->\n\n[a link](http://x.org/\"q\"@u) and \"real one\".",
        expect![[r#"
            quote "real one" range "\"real one\""
        "#]],
    );
}

#[test]
fn blockquotes_are_quotes_and_drop_their_attribution_line() {
    check(
        "> Their use of military force in Syria would inevitably lead to escalation.\n> — Sergei Shoigu\n\n> \"Marked,\" he said.\n",
        expect![[r#"
            blockquote "Their use of military force in Syria would inevitably lead to escalation." range "Their use of military force in Syria would inevitably lead to escalation."
            quote "Marked," range "\"Marked,\""
        "#]],
    );
}

#[test]
fn headings_are_collected_with_their_text() {
    check(
        "# Helsinki *summit*\n\nText.\n\n## Who said `what`\n\nSetext\n---\n",
        expect![[r#"
            heading 1 "Helsinki summit"
            heading 2 "Who said what"
            heading 2 "Setext"
        "#]],
    );
}

#[test]
fn citations_bracketed_bare_and_not_emails() {
    check(
        "As reported [@003_423e; @004_df48, p. 3]. Also @000_1e2f. Mail skent@breitbart.com. End @key.",
        expect![[r#"
            citation 003_423e bracketed
            citation 004_df48 bracketed
            citation 000_1e2f bare
            citation key bare
        "#]],
    );
}

#[test]
fn offsets_stay_right_after_non_ascii_and_crlf() {
    let text = "Café — ’tis 🙂\r\n\r\nHe said “naïve words here” [@k].\r\n";
    let brief = Brief::parse(text);
    assert_eq!(brief.masked.len(), text.len());
    let quote = &brief.quotes[0];
    assert_eq!(&text[quote.inner.clone()], "naïve words here");
    assert_eq!(&text[brief.citations[0].range.clone()], "k");
    assert_eq!(
        brief
            .quote_at(quote.range.start + 2)
            .map(|q| q.text.as_str()),
        Some("naïve words here")
    );
}

#[test]
fn front_matter_is_not_prose() {
    check(
        "---\ntitle: \"A brief\"\n---\n\nBody \"quoted words\".",
        expect![[r#"
        quote "quoted words" range "\"quoted words\""
    "#]],
    );
}
