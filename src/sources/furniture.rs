//! Page furniture around a saved article: captions, share bars, related and promoted
//! stories, newsletter boxes, advertisement labels. Readability keeps much of it when it
//! sits inside the article's container, so it is taken out twice: from the page before
//! the body is chosen (`remove_from_page`), and line by line from the text after
//! (`drop_lines`).
//!
//! Every removal from the page is guarded by size: an element is taken out only when its
//! text that is not link text is short, or when it is mostly links, and never when it
//! holds a third of the page's text. A class name on an article's own container
//! (`article social-enabled`, `post has-caption`) therefore never costs the body.

use dom_query::{Document, NodeRef};

/// More text than this outside links is prose, whatever the element is called.
const MAX_PROSE_CHARS: usize = 500;

/// Link text over this share of an element's text makes it a list of links.
const LINK_LIST_DENSITY: f64 = 0.5;

/// A "Read more: ..." paragraph is a link when this much of its text is link text.
const LEAD_IN_LINK_DENSITY: f64 = 0.4;

/// A lead-in paragraph ("Read more: ...") longer than this is a sentence of the article.
const MAX_LEAD_IN_CHARS: usize = 300;

/// Takes the furniture out of `doc` before Readability chooses the body. What the page's
/// metadata is read from is left in place: the first byline (Readability reads the
/// author from it) and JSON-LD.
pub(super) fn remove_from_page(doc: &Document) {
    let Some(body) = doc.body() else {
        return;
    };
    let page_chars = body.normalized_char_count();
    let protected = protected_nodes(&body);
    let mut candidates = Vec::new();
    for node in body.descendants_it() {
        if !node.is_element() {
            continue;
        }
        let name = node.node_name().unwrap_or_default();
        let furniture = match name.as_ref() {
            "figure" | "figcaption" => true,
            "p" | "li" | "h2" | "h3" | "h4" | "h5" | "h6" | "div" if is_link_lead_in(&node) => true,
            _ => names_furniture(&node),
        };
        if furniture && !protected.contains(&node.id) {
            candidates.push(node);
        }
    }
    for node in candidates {
        // An element inside one already taken out is gone with it.
        if !node.ancestors_it(None).any(|a| a.is_document()) {
            continue;
        }
        if small_or_links(&node, page_chars) {
            node.remove_from_parent();
        }
    }
}

/// `text` without its furniture lines ("Advertisement", "Share this article", "Image 3
/// of 12", "Updated 10:01 pm"), which Readability leaves between paragraphs.
pub(super) fn drop_lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        if !is_furniture_line(line) {
            out.push_str(line);
        }
        out.push('\n');
    }
    out
}

/// Words in class names and ids that name furniture, matched inside a name
/// (`sharedaddy`, `jp-relatedposts`, `newsletter-signup`, `wp-caption-text`).
const NAMED_INSIDE: [&str; 24] = [
    "share",
    "social",
    "related",
    "newsletter",
    "promo",
    "subscri",
    "signup",
    "sign-up",
    "recommend",
    "recirc",
    "outbrain",
    "taboola",
    "advert",
    "sponsor",
    "caption",
    "breadcrumb",
    "readmore",
    "read-more",
    "more-stories",
    "morestories",
    "author-bio",
    "authorbio",
    "about-author",
    "about-the-author",
];

/// Short words that name furniture only as a whole part of a name (`ad-slot`, `photo
/// credit`), since inside other words they mean something else (`header`, `accredited`).
const NAMED_WHOLE: [&str; 9] = [
    "ad", "ads", "adslot", "credit", "credits", "popular", "trending", "tags", "print",
];

fn names_furniture(node: &NodeRef) -> bool {
    let mut names = String::new();
    for attr in ["class", "id"] {
        if let Some(value) = node.attr(attr) {
            names.push_str(&value.to_ascii_lowercase());
            names.push(' ');
        }
    }
    if names.is_empty() {
        return false;
    }
    NAMED_INSIDE.iter().any(|word| names.contains(word))
        || names
            .split(|c: char| !c.is_ascii_alphanumeric())
            .any(|part| NAMED_WHOLE.contains(&part))
}

/// Lead-ins of a paragraph that points to another article.
const LINK_LEAD_INS: [&str; 12] = [
    "read more",
    "read also",
    "also read",
    "related",
    "see also",
    "see more",
    "more:",
    "also:",
    "recommended",
    "watch:",
    "listen:",
    "click here",
];

/// A short paragraph that opens with "Read more:" or the like and is mostly a link.
fn is_link_lead_in(node: &NodeRef) -> bool {
    if node.normalized_char_count() > MAX_LEAD_IN_CHARS {
        return false;
    }
    let text = node.text();
    let start: String = text.trim_start().chars().take(12).collect();
    let start = start.to_lowercase();
    LINK_LEAD_INS.iter().any(|lead| start.starts_with(lead))
        && link_density(node, text.chars().filter(|c| !c.is_whitespace()).count())
            >= LEAD_IN_LINK_DENSITY
}

/// Whether `node` is small enough, or link-heavy enough, to be furniture and not prose.
fn small_or_links(node: &NodeRef, page_chars: usize) -> bool {
    let chars = node.normalized_char_count();
    if chars * 3 > page_chars {
        return false;
    }
    let text_chars = node.text().chars().filter(|c| !c.is_whitespace()).count();
    let density = link_density(node, text_chars);
    let prose_chars = (text_chars as f64 * (1.0 - density)) as usize;
    prose_chars < MAX_PROSE_CHARS || density > LINK_LIST_DENSITY
}

/// The share of `node`'s text (`text_chars` characters, spaces left out) inside links.
fn link_density(node: &NodeRef, text_chars: usize) -> f64 {
    if text_chars == 0 {
        return 0.0;
    }
    let link_chars: usize = node
        .descendants_it()
        .filter(|d| d.has_name("a"))
        .map(|a| a.text().chars().filter(|c| !c.is_whitespace()).count())
        .sum();
    (link_chars as f64 / text_chars as f64).min(1.0)
}

/// Bylines as Readability recognises them (its `is_valid_byline`).
const BYLINE_NAMES: [&str; 5] = ["byline", "author", "dateline", "writtenby", "p-author"];

/// The elements that hold the first byline or a JSON-LD block: what the page's metadata
/// comes from must stay for Readability to read it.
fn protected_nodes(body: &NodeRef) -> Vec<dom_query::NodeId> {
    let mut holders = Vec::new();
    let mut byline_found = false;
    for node in body.descendants_it() {
        if !node.is_element() {
            continue;
        }
        let json_ld = node.has_name("script")
            && node
                .attr("type")
                .is_some_and(|t| t.eq_ignore_ascii_case("application/ld+json"));
        let byline = !byline_found && is_byline(&node);
        byline_found |= byline;
        if json_ld || byline {
            holders.push(node);
        }
    }
    let mut protected = Vec::new();
    for node in holders {
        protected.push(node.id);
        protected.extend(node.ancestors_it(None).map(|a| a.id));
    }
    protected.sort_unstable();
    protected.dedup();
    protected
}

fn is_byline(node: &NodeRef) -> bool {
    let marked = node.attr("rel").is_some_and(|r| r.as_ref() == "author")
        || node.attr("itemprop").is_some_and(|p| p.contains("author"))
        || ["class", "id"].iter().any(|attr| {
            node.attr(attr)
                .is_some_and(|value| BYLINE_NAMES.iter().any(|b| value.contains(b)))
        });
    marked && {
        let chars = node.text().trim().chars().count();
        chars > 0 && chars < 100
    }
}

/// Whole lines that are furniture, compared lowercased without end punctuation.
const FURNITURE_LINES: [&str; 58] = [
    "advertisement",
    "advert",
    "ad",
    "ads",
    "sponsored",
    "sponsored content",
    "skip advertisement",
    "story continues below advertisement",
    "continue reading",
    "continue reading below",
    "story continues below",
    "article continues below",
    "share",
    "share this",
    "share this article",
    "share this story",
    "share this post",
    "share on facebook",
    "share on twitter",
    "sharing is caring",
    "like this story? share it with a friend",
    "tweet",
    "email",
    "print",
    "comments",
    "comment",
    "post comment",
    "post comment (+)",
    "leave a comment",
    "view comments",
    "tell us what you think",
    "caption",
    "close",
    "toggle caption",
    "hide caption",
    "enlarge this image",
    "view gallery",
    "this slideshow requires javascript",
    "read more",
    "related",
    "related articles",
    "related stories",
    "related posts",
    "related coverage",
    "related news",
    "you may also like",
    "you might also like",
    "more stories",
    "recommended",
    "recommended for you",
    "don't miss",
    "most popular",
    "most read",
    "popular this week",
    "recent articles",
    "trending now",
    "subscribe",
    "sign up",
];

/// Lead-ins of short credit and time-stamp lines.
const FURNITURE_LINE_STARTS: [&str; 10] = [
    "photo:",
    "photograph:",
    "image:",
    "(image:",
    "picture:",
    "credit:",
    "credit...",
    "image credit",
    "updated",
    "published",
];

/// A credit or time-stamp line longer than this is a sentence.
const MAX_STAMP_CHARS: usize = 80;

fn is_furniture_line(line: &str) -> bool {
    let line = line.trim();
    // Furniture lines are short (the longest listed is 39 characters, a stamp at most
    // `MAX_STAMP_CHARS`): a paragraph of the article is let through before it is
    // lowercased and split, which was 9 % of extracting a long article (benches/sources.rs).
    if line.is_empty() || line.chars().nth(MAX_STAMP_CHARS).is_some() {
        return false;
    }
    let lower = line.to_lowercase();
    let bare = lower
        .trim_end_matches(['.', ':', '!', '…', '|', ' '])
        .trim_matches(['[', ']']);
    if FURNITURE_LINES.contains(&bare) || is_gallery_count(bare) {
        return true;
    }
    lower.chars().count() <= MAX_STAMP_CHARS
        && FURNITURE_LINE_STARTS.iter().any(|start| {
            lower.starts_with(start)
                // "Updated 10:01 pm", not "Updated figures show ...".
                && (!start.chars().all(char::is_alphabetic)
                    || lower.chars().any(|c| c.is_ascii_digit()))
        })
}

/// "Image 1 of 23", "Photo 3 of 12", "1 of 23", "Image 1 of / 23".
fn is_gallery_count(bare: &str) -> bool {
    let words: Vec<&str> = bare
        .split_whitespace()
        .filter(|w| *w != "/")
        .skip_while(|w| ["image", "photo", "slide", "picture"].contains(w))
        .collect();
    let number = |w: &str| !w.is_empty() && w.chars().all(|c| c.is_ascii_digit());
    matches!(words.as_slice(), [a, "of", b] if number(a) && number(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cleaned(html: &str) -> String {
        let doc = Document::from(html);
        remove_from_page(&doc);
        doc.select("body")
            .text()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn furniture_goes_and_prose_stays() {
        let prose = "The council voted on Tuesday to close the bridge for repairs. ".repeat(12);
        let html = format!(
            "<body><div class='story social-enabled'><p>{prose}</p>\
             <figure><img src=x><figcaption>The bridge in 2019. Photo: J. Doe</figcaption></figure>\
             <div class='share-bar'><a href=#>Facebook</a> <a href=#>Twitter</a></div>\
             <div class='newsletter-signup'>Get our daily briefing in your inbox.</div>\
             <p>Read more: <a href=/x>Bridge closures across the county this winter</a></p>\
             <p>Read more about the vote in the minutes the council published.</p>\
             <ul class='ad-slot'><li>Buy now</li></ul>\
             <p class='header-note'>A note kept.</p></div></body>"
        );
        let text = cleaned(&html);
        for gone in [
            "Photo: J. Doe",
            "Facebook",
            "daily briefing",
            "Bridge closures",
            "Buy now",
        ] {
            assert!(!text.contains(gone), "{gone:?} kept in {text}");
        }
        for kept in ["close the bridge", "in the minutes", "A note kept"] {
            assert!(text.contains(kept), "{kept:?} lost from {text}");
        }
    }

    #[test]
    fn a_body_named_like_furniture_stays() {
        let prose = "Residents said the water had risen above the wall overnight. ".repeat(20);
        let html = format!("<body><div class='related-content'><p>{prose}</p></div></body>");
        assert!(cleaned(&html).contains("above the wall"));
    }

    #[test]
    fn the_first_byline_stays_for_the_author() {
        let html = "<body><div class='share-tools'><span class='byline'>By Ana Ruiz</span>\
                    <a href=#>Share</a></div><p>Text.</p></body>";
        assert!(cleaned(html).contains("Ana Ruiz"));
    }

    #[test]
    fn furniture_lines() {
        for line in [
            "Advertisement",
            "Share this article",
            "Image 1 of / 23",
            "3 of 12",
            "Updated 10:01 pm PST, Tuesday, November 19, 2019",
            "Photo: Damian Dovarganes, AP",
            "[Related]",
            "Don't miss:",
        ] {
            assert!(is_furniture_line(line), "{line:?}");
        }
        for line in [
            "Updated figures show a rise in prices.",
            "The advertisement ran for a week.",
            "Published reports said the talks failed, according to two officials who asked not to be named.",
        ] {
            assert!(!is_furniture_line(line), "{line:?}");
        }
        assert_eq!(drop_lines("One.\nAdvertisement\nTwo."), "One.\n\nTwo.\n");
    }
}
