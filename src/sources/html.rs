//! Saved web pages: the article body in the manner of Mozilla's Readability (menus,
//! comments, scripts, cookie banners and related-article lists left out), and the page's
//! metadata from `<title>`, Open Graph and `article:` meta tags, JSON-LD `NewsArticle`,
//! `<link rel=canonical>` and `<time>`. Captions, share bars, related stories and the like
//! that sit inside the article are taken out around Readability (`furniture.rs`).

use dom_smoothie::{Config, Readability, TextMode};

use super::{clean, dates, furniture, tidy_paragraphs, ExtractError, Extracted, Metadata};

/// Fewer words than this is not an article (a page saved before it loaded, a paywall).
const MIN_BODY_WORDS: usize = 20;

/// Reads a saved page. The bytes are decoded as UTF-8 (invalid bytes replaced), or as the
/// `charset` the page declares when it names another one.
pub fn extract(bytes: &[u8]) -> Result<Extracted, ExtractError> {
    let html = decode(bytes);
    let config = Config {
        // Paragraphs on their own lines: quotes and dates are found per paragraph, and
        // the benchmark scores this mode best (docs/sources.md).
        text_mode: TextMode::Formatted,
        ..Config::default()
    };
    let mut readability = Readability::new(html.as_ref(), None, Some(config))
        .map_err(|_| ExtractError::NoArticleBody)?;
    // Read before `parse`, which removes what is not the article.
    let page = page_metadata(&readability.doc);
    // After the metadata (a `<time>` in a removed share bar still dates the page); the
    // byline Readability reads the author from is left in place.
    furniture::remove_from_page(&readability.doc);
    let article = readability
        .parse()
        .map_err(|_| ExtractError::NoArticleBody)?;
    let body = tidy_paragraphs(&furniture::drop_lines(&article.text_content));
    if body.split_whitespace().count() < MIN_BODY_WORDS {
        return Err(ExtractError::NoArticleBody);
    }
    let url = clean(article.url.as_deref())
        .filter(|u| u.starts_with("http"))
        .or(page.url);
    let date = article
        .published_time
        .as_deref()
        .and_then(dates::iso_day)
        .or(page.date)
        .or_else(|| url.as_deref().and_then(date_in_url))
        .or(page.shown_date)
        .or_else(|| date_in_lead(&article.text_content));
    let outlet = clean(article.site_name.as_deref())
        .or(page.outlet)
        .or_else(|| url.as_deref().and_then(host));
    let meta = Metadata {
        title: clean(Some(&article.title)),
        date,
        outlet,
        author: clean(article.byline.as_deref().map(without_by)),
        url,
    };
    Ok(Extracted { meta, body })
}

/// What the page's head says that Readability's metadata leaves out.
#[derive(Default)]
struct PageMetadata {
    url: Option<String>,
    date: Option<String>,
    /// The date an element named for it shows (`<span class="post-date">`): weaker than
    /// the head's and the address's, since a page also dates its comments and sidebars.
    shown_date: Option<String>,
    outlet: Option<String>,
}

/// Meta names and properties that carry the publication date, best first.
const DATE_KEYS: [&str; 13] = [
    "article:published_time",
    "og:published_time",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "dc.date.issued",
    "dc.date",
    "dcterms.date",
    "sailthru.date",
    "parsely-pub-date",
    "article.published",
];

/// A meta key the list above does not hold that names a publication date
/// (`sn-post-date`, `article:publication_date`, `releasedate`), never an update's.
fn names_publication_date(key: &str) -> bool {
    (key.contains("date") || key.contains("time"))
        && [
            "publi", "pub-", "pub_", "post", "release", "issued", "created",
        ]
        .iter()
        .any(|w| key.contains(w))
        && !["modif", "updat", "expir", "edit"]
            .iter()
            .any(|w| key.contains(w))
}

fn page_metadata(doc: &dom_query::Document) -> PageMetadata {
    let mut page = PageMetadata::default();
    let mut dates: Vec<(usize, String)> = Vec::new();
    for node in doc.select("meta").nodes() {
        let Some(content) = node.attr("content") else {
            continue;
        };
        let key = node
            .attr("property")
            .or_else(|| node.attr("name"))
            .or_else(|| node.attr("itemprop"))
            .map(|k| k.to_ascii_lowercase())
            .unwrap_or_default();
        // The listed keys first, then other publication keys, then the last update.
        let rank = DATE_KEYS.iter().position(|k| *k == key).or_else(|| {
            if names_publication_date(&key) {
                Some(DATE_KEYS.len())
            } else {
                (key == "og:updated_time").then_some(DATE_KEYS.len() + 1)
            }
        });
        if let Some(rank) = rank {
            if let Some(day) = dates::iso_day(&content) {
                dates.push((rank, day));
            }
        } else if key == "og:url" && page.url.is_none() {
            page.url = clean(Some(&content)).filter(|u| u.starts_with("http"));
        } else if key == "application-name" && page.outlet.is_none() {
            page.outlet = clean(Some(&content));
        }
    }
    if let Some(href) = doc.select("link[rel=canonical]").attr("href") {
        if let Some(url) = clean(Some(&href)).filter(|u| u.starts_with("http")) {
            page.url = Some(url);
        }
    }
    // JSON-LD that Readability's reader skips (an `@graph`, a list of items): the first
    // `datePublished` in any of them.
    for script in doc.select("script[type=\"application/ld+json\"]").nodes() {
        let text = script.text();
        if let Some(day) = json_ld_date(&text) {
            dates.push((0, day));
            break;
        }
    }
    dates.sort();
    page.date = dates.into_iter().next().map(|(_, day)| day).or_else(|| {
        // A `<time>` or an element marked as the publication date, in the body.
        let marked = doc.select("[itemprop=datePublished], time[pubdate], time[datetime]");
        marked.nodes().iter().find_map(|node| {
            node.attr("datetime")
                .or_else(|| node.attr("content"))
                .and_then(|d| dates::iso_day(&d))
                .or_else(|| dates::iso_day(&node.text()))
        })
    });
    page.shown_date = shown_date(doc);
    page
}

/// Text longer than this in an element named for the date is more than a date.
const MAX_SHOWN_DATE_CHARS: usize = 60;

/// The first short element in the body whose class or id names a date (`article_date`,
/// `entry-date published`, `timestamp`) and whose text reads as one.
fn shown_date(doc: &dom_query::Document) -> Option<String> {
    let named = doc.select("body [class], body [id]");
    named.nodes().iter().find_map(|node| {
        let mut names = String::new();
        for attr in ["class", "id"] {
            if let Some(value) = node.attr(attr) {
                names.push_str(&value.to_ascii_lowercase());
                names.push(' ');
            }
        }
        let dated = names
            .split(|c: char| !c.is_ascii_alphanumeric())
            .any(names_shown_date);
        (dated && node.normalized_char_count() <= MAX_SHOWN_DATE_CHARS)
            .then(|| dates::iso_day(&node.text()))
            .flatten()
    })
}

fn names_shown_date(part: &str) -> bool {
    let update = part.starts_with("updat") || part.starts_with("modif");
    !update
        && (part.contains("date")
            || part.starts_with("publish")
            || ["time", "timestamp", "posted", "dateline"].contains(&part))
}

/// A line near the top of the article that is a date and little else ("18 NOV 2019"):
/// where the page states its date only in its text.
fn date_in_lead(text: &str) -> Option<String> {
    const LEAD_LINES: usize = 8;
    const MAX_DATE_LINE_CHARS: usize = 40;
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .take(LEAD_LINES)
        .filter(|line| line.chars().count() <= MAX_DATE_LINE_CHARS)
        .find_map(dates::iso_day)
}

/// The value of the first `"datePublished"` key in JSON-LD text, as a day.
fn json_ld_date(text: &str) -> Option<String> {
    let after = &text[text.find("\"datePublished\"")? + "\"datePublished\"".len()..];
    let value = after
        .trim_start()
        .strip_prefix(':')?
        .trim_start()
        .strip_prefix('"')?;
    dates::iso_day(&value[..value.find('"')?])
}

/// `/2019/03/12/` in an article's address.
fn date_in_url(url: &str) -> Option<String> {
    let parts: Vec<&str> = url.split('/').collect();
    parts.windows(3).find_map(|w| {
        let ok = w[0].len() == 4 && w[1].len() <= 2 && w[2].len() <= 2 && !w[2].is_empty();
        ok.then(|| dates::iso_day(&format!("{}-{}-{}", w[0], w[1], w[2])))
            .flatten()
    })
}

/// The host of an address, without `www.`: the outlet when the page names none.
fn host(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#', ':']).next()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    (!host.is_empty()).then(|| host.to_string())
}

fn without_by(byline: &str) -> &str {
    let trimmed = byline.trim();
    match trimmed.get(..3) {
        Some(by) if by.eq_ignore_ascii_case("by ") => trimmed[3..].trim_start(),
        _ => trimmed,
    }
}

/// The page's text: UTF-8, or the single-byte charset it declares (windows-1252, latin-1),
/// the two that saved news pages use besides UTF-8.
fn decode(bytes: &[u8]) -> std::borrow::Cow<'_, str> {
    if let Ok(text) = std::str::from_utf8(bytes) {
        return text.into();
    }
    let head = &bytes[..bytes.len().min(2048)];
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    let latin = [
        "charset=iso-8859-1",
        "charset=windows-1252",
        "charset=\"iso-8859-1",
        "charset=\"windows-1252",
        "charset=latin1",
    ]
    .iter()
    .any(|c| head.contains(c));
    if latin {
        // Latin-1 maps each byte to the code point of the same number; windows-1252
        // differs only in 0x80–0x9f (curly quotes), which Latin-1 leaves as controls.
        return bytes
            .iter()
            .map(|&b| windows_1252(b))
            .collect::<String>()
            .into();
    }
    String::from_utf8_lossy(bytes)
}

fn windows_1252(byte: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    match byte {
        0x80..=0x9f => HIGH[usize::from(byte - 0x80)],
        _ => char::from(byte),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_hosts_in_addresses() {
        assert_eq!(
            date_in_url("https://example.com/news/2019/03/12/story").as_deref(),
            Some("2019-03-12")
        );
        assert_eq!(date_in_url("https://example.com/a/b/c"), None);
        assert_eq!(
            host("https://www.example.com:8080/x").as_deref(),
            Some("example.com")
        );
        assert_eq!(host("nothing"), None);
        assert_eq!(without_by("By Jane Doe"), "Jane Doe");
        assert_eq!(without_by("Byron Smith"), "Byron Smith");
        assert_eq!(
            json_ld_date(r#"{"@graph":[{"datePublished" : "2010-10-22T10:00Z"}]}"#).as_deref(),
            Some("2010-10-22")
        );
        assert_eq!(json_ld_date(r#"{"datePublished": 5}"#), None);
    }

    #[test]
    fn publication_dates_the_head_names_in_its_own_words() {
        for key in [
            "sn-post-date",
            "article:publication_date",
            "releasedate",
            "pub_date",
        ] {
            assert!(names_publication_date(key), "{key}");
        }
        for key in [
            "article:modified_time",
            "post-updated-date",
            "og:title",
            "viewport",
        ] {
            assert!(!names_publication_date(key), "{key}");
        }
        let page = dom_query::Document::from(
            "<head><meta name=sn-post-date content=2019/11/19>\
             <meta property=og:updated_time content=2019-12-01></head><body><p>x</p></body>",
        );
        assert_eq!(page_metadata(&page).date.as_deref(), Some("2019-11-19"));
    }

    #[test]
    fn a_date_shown_in_an_element_named_for_it() {
        let page = dom_query::Document::from(
            "<body><div class=updated-at>Nov 21, 2019</div><p>Talks on March 3, 2019.</p>\
             <div class='article_date font10'>November 20, 2019 - 11:28 AMT</div></body>",
        );
        assert_eq!(shown_date(&page).as_deref(), Some("2019-11-20"));
        let none = dom_query::Document::from("<body><p class=timeline>In 2019</p></body>");
        assert_eq!(shown_date(&none), None);
    }

    #[test]
    fn a_date_on_its_own_line_at_the_top_of_the_text() {
        let text = "VICTOR TANGERMANN, FUTURISM\n18 NOV 2019\n\nThe probe landed on March 3, 2019.";
        assert_eq!(date_in_lead(text).as_deref(), Some("2019-11-18"));
        assert_eq!(
            date_in_lead("The probe landed on March 3, 2019, said NASA."),
            None
        );
    }

    #[test]
    fn a_windows_1252_page_keeps_its_curly_quotes() {
        let page = b"<meta charset=windows-1252><p>\x93Quoted\x94 caf\xe9</p>";
        assert_eq!(
            decode(page),
            "<meta charset=windows-1252><p>“Quoted” café</p>"
        );
    }
}
