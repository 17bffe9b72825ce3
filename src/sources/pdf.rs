//! PDF reports and transcripts: the text in reading order (two columns read one after the
//! other), words hyphenated at line ends joined again, and the headers and footers that
//! repeat on every page dropped. Metadata from the info dictionary, else the first page.
//!
//! `pdf-extract` interprets the pages and hands over every glyph with its position; the
//! layout (lines, columns, paragraphs) is decided here from those positions.

use std::collections::HashMap;

use pdf_extract::{Document, MediaBox, Object, OutputDev, OutputError, Transform};

use super::{clean, dates, ExtractError, Extracted, Metadata};

/// Reads a PDF held in memory.
pub fn extract(bytes: &[u8]) -> Result<Extracted, ExtractError> {
    // The PDF crates panic on some damaged files; a damaged file is a load problem, not a
    // crash of the server.
    std::panic::catch_unwind(|| extract_unguarded(bytes)).unwrap_or_else(|_| {
        Err(ExtractError::DamagedPdf(
            "the PDF reader failed on it".into(),
        ))
    })
}

fn extract_unguarded(bytes: &[u8]) -> Result<Extracted, ExtractError> {
    let mut doc = Document::load_mem(bytes).map_err(|err| load_error(&err))?;
    if doc.is_encrypted() && doc.decrypt("").is_err() {
        // An empty user password opens most "protected" PDFs (they restrict printing or
        // copying only); one that needs a real password cannot be read.
        return Err(ExtractError::Encrypted);
    }
    let mut pages = Pages::default();
    pdf_extract::output_doc(&doc, &mut pages).map_err(|err| match err {
        OutputError::PdfError(err) => load_error(&err),
        other => ExtractError::DamagedPdf(format!("{other:?}")),
    })?;
    let layout: Vec<Vec<Line>> = pages.pages.iter().map(page_lines).collect();
    let repeated = repeated_margins(&pages.pages, &layout);
    let mut paragraphs: Vec<String> = Vec::new();
    for (page_idx, lines) in layout.iter().enumerate() {
        let kept: Vec<&Line> = lines
            .iter()
            .filter(|line| !repeated.contains(&(page_idx, line.y.to_bits())))
            .collect();
        append_paragraphs(&kept, &mut paragraphs);
    }
    let body = paragraphs.join("\n\n");
    if body.split_whitespace().next().is_none() {
        return Err(ExtractError::NoTextLayer);
    }
    let first_page: &[Line] = layout.first().map_or(&[], Vec::as_slice);
    let meta = metadata(&doc, first_page);
    Ok(Extracted { meta, body })
}

fn load_error(err: &pdf_extract::Error) -> ExtractError {
    use pdf_extract::Error;
    match err {
        Error::Decryption(_) | Error::InvalidPassword | Error::AlreadyEncrypted => {
            ExtractError::Encrypted
        }
        other => ExtractError::DamagedPdf(other.to_string()),
    }
}

/// One glyph as drawn, in page space with y growing downwards.
#[derive(Debug, Clone)]
struct Glyph {
    x: f64,
    end_x: f64,
    y: f64,
    size: f64,
    text: String,
    /// Where the content stream started a new word (a space may belong before it).
    word_start: bool,
}

#[derive(Debug, Default)]
struct Page {
    width: f64,
    height: f64,
    glyphs: Vec<Glyph>,
}

#[derive(Default)]
struct Pages {
    pages: Vec<Page>,
    flip: Option<Transform>,
    word_start: bool,
}

impl OutputDev for Pages {
    fn begin_page(
        &mut self,
        _page_num: u32,
        media_box: &MediaBox,
        _art_box: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        let height = media_box.ury - media_box.lly;
        self.flip = Some(Transform::row_major(1., 0., 0., -1., 0., height));
        self.pages.push(Page {
            width: (media_box.urx - media_box.llx).abs(),
            height: height.abs(),
            glyphs: Vec::new(),
        });
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        text: &str,
    ) -> Result<(), OutputError> {
        let position = trm.post_transform(&self.flip.unwrap_or_else(Transform::identity));
        let scaled = trm.transform_vector(pdf_extract_vec(font_size));
        let size = (scaled.x * scaled.y).abs().sqrt().max(0.1);
        let (x, y) = (position.m31, position.m32);
        if !(x.is_finite() && y.is_finite()) {
            return Ok(());
        }
        let word_start = std::mem::take(&mut self.word_start);
        if let Some(page) = self.pages.last_mut() {
            page.glyphs.push(Glyph {
                x,
                end_x: x + width * size,
                y,
                size,
                text: text.to_string(),
                word_start,
            });
        }
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        self.word_start = true;
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}

fn pdf_extract_vec(font_size: f64) -> euclid::Vector2D<f64, pdf_extract::Space> {
    euclid::vec2(font_size, font_size)
}

/// A run of glyphs on one baseline, within one column.
#[derive(Debug, Clone)]
struct Line {
    x: f64,
    end_x: f64,
    y: f64,
    size: f64,
    text: String,
}

/// The lines of a page in reading order: full-width lines where they stand, and between
/// them the left column read before the right one.
fn page_lines(page: &Page) -> Vec<Line> {
    let mut fragments: Vec<Line> = Vec::new();
    for glyph in &page.glyphs {
        let joins = fragments.last().is_some_and(|line| {
            (glyph.y - line.y).abs() < 0.3 * line.size.max(glyph.size)
                && glyph.x > line.end_x - 0.5 * glyph.size
                && glyph.x < line.end_x + 2.5 * glyph.size
        });
        if joins {
            let Some(line) = fragments.last_mut() else {
                continue;
            };
            let gap = glyph.x - line.end_x;
            if (gap > 0.15 * glyph.size || glyph.word_start && gap > 0.05 * glyph.size)
                && !line.text.ends_with(' ')
                && glyph.text != " "
            {
                line.text.push(' ');
            }
            line.text.push_str(&glyph.text);
            line.end_x = line.end_x.max(glyph.end_x);
        } else {
            fragments.push(Line {
                x: glyph.x,
                end_x: glyph.end_x,
                y: glyph.y,
                size: glyph.size,
                text: glyph.text.clone(),
            });
        }
    }
    fragments.retain_mut(|line| {
        line.text = line.text.split_whitespace().collect::<Vec<_>>().join(" ");
        !line.text.is_empty()
    });
    let mid = page.width / 2.0;
    let margin = page.width * 0.02;
    let spans_middle = |line: &Line| line.x < mid - margin && line.end_x > mid + margin;
    // A page with a second column: lines that start right of the middle (a right-aligned
    // date alone does not make one), and lines that end before it.
    let two_columns = fragments.iter().filter(|l| l.x >= mid - margin).count() >= 2
        && fragments.iter().filter(|l| l.end_x <= mid + margin).count() >= 3;
    if !two_columns {
        fragments.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
        return fragments;
    }
    // Split the page into bands at full-width lines; each band is read column by column.
    fragments.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
    let mut ordered = Vec::with_capacity(fragments.len());
    let mut band: Vec<Line> = Vec::new();
    let flush = |band: &mut Vec<Line>, ordered: &mut Vec<Line>| {
        let (left, right): (Vec<Line>, Vec<Line>) =
            band.drain(..).partition(|line| line.x < mid - margin);
        ordered.extend(left);
        ordered.extend(right);
    };
    for line in fragments {
        if spans_middle(&line) {
            flush(&mut band, &mut ordered);
            ordered.push(line);
        } else {
            band.push(line);
        }
    }
    flush(&mut band, &mut ordered);
    ordered
}

/// Lines in the top or bottom margin whose text (digits aside) comes back on most pages:
/// running headers, footers and page numbers. Keyed by page and the line's y.
fn repeated_margins(
    pages: &[Page],
    layout: &[Vec<Line>],
) -> std::collections::HashSet<(usize, u64)> {
    let mut found = std::collections::HashSet::new();
    if layout.len() < 2 {
        return found;
    }
    let shape = |text: &str| -> String {
        text.chars()
            .map(|c| {
                if c.is_ascii_digit() {
                    '#'
                } else {
                    c.to_ascii_lowercase()
                }
            })
            .collect()
    };
    let in_margin =
        |page: &Page, line: &Line| line.y < page.height * 0.1 || line.y > page.height * 0.9;
    let mut counts: HashMap<String, usize> = HashMap::new();
    for (page, lines) in pages.iter().zip(layout) {
        let mut seen = std::collections::HashSet::new();
        for line in lines.iter().filter(|l| in_margin(page, l)) {
            if seen.insert(shape(&line.text)) {
                *counts.entry(shape(&line.text)).or_default() += 1;
            }
        }
    }
    let needed = (layout.len() * 3).div_ceil(5).max(2);
    for (page_idx, (page, lines)) in pages.iter().zip(layout).enumerate() {
        for line in lines.iter().filter(|l| in_margin(page, l)) {
            let shaped = shape(&line.text);
            let page_number = shaped.chars().all(|c| c == '#' || c == ' ' || c == '-')
                || shaped.starts_with("page #");
            if page_number || counts.get(&shaped).is_some_and(|&n| n >= needed) {
                found.insert((page_idx, line.y.to_bits()));
            }
        }
    }
    found
}

/// Adds the lines of one page to the paragraphs: lines of a paragraph joined with a space
/// (a word hyphenated at the line's end joined whole), a new paragraph after a gap larger
/// than the line spacing, or where the text moves up (the next column). A paragraph that
/// a page or column break cuts mid-sentence goes on.
fn append_paragraphs(lines: &[&Line], paragraphs: &mut Vec<String>) {
    let mut previous: Option<&Line> = None;
    let mut continues = !paragraphs.is_empty();
    for line in lines {
        let new_paragraph = match previous {
            None => {
                !continues || !runs_on(paragraphs.last().map_or("", String::as_str), &line.text)
            }
            Some(prev) => {
                let gap = line.y - prev.y;
                let last = paragraphs.last().map_or("", String::as_str);
                if gap < 0.0 {
                    // Up the page: the next column.
                    !runs_on(last, &line.text)
                } else {
                    gap > 1.6 * prev.size.max(line.size) || (line.size - prev.size).abs() > 1.0
                }
            }
        };
        continues = true;
        previous = Some(line);
        if new_paragraph || paragraphs.is_empty() {
            paragraphs.push(line.text.clone());
            continue;
        }
        let Some(paragraph) = paragraphs.last_mut() else {
            continue;
        };
        join_line(paragraph, &line.text);
    }
}

/// Whether `next` continues the paragraph `last` across a page or column break: `last`
/// stops mid-sentence and `next` starts in lower case.
fn runs_on(last: &str, next: &str) -> bool {
    let open = !last
        .trim_end()
        .ends_with(['.', '!', '?', ':', '"', '”', '’', ')']);
    open && next.chars().next().is_some_and(char::is_lowercase)
}

fn join_line(paragraph: &mut String, next: &str) {
    let hyphenated = paragraph.ends_with('-')
        && paragraph[..paragraph.len() - 1]
            .chars()
            .next_back()
            .is_some_and(char::is_alphabetic)
        && next.chars().next().is_some_and(char::is_lowercase);
    if hyphenated {
        paragraph.pop();
    } else {
        paragraph.push(' ');
    }
    paragraph.push_str(next);
}

/// Title, date and author from the info dictionary, else from the first page: its largest
/// line as the title, and the first line that holds a date.
fn metadata(doc: &Document, first_page: &[Line]) -> Metadata {
    let info = doc.trailer.get(b"Info").ok().and_then(|info| match info {
        Object::Reference(id) => doc.get_dictionary(*id).ok(),
        Object::Dictionary(dict) => Some(dict),
        _ => None,
    });
    let field = |key: &[u8]| -> Option<String> {
        let value = info?.get(key).ok()?;
        let bytes = match value {
            Object::String(bytes, _) => bytes,
            _ => return None,
        };
        clean(Some(&pdf_string(bytes)))
    };
    let title = field(b"Title")
        .filter(|t| !t.to_ascii_lowercase().starts_with("microsoft word"))
        .or_else(|| {
            let top = first_page.iter().take(12);
            top.max_by(|a, b| a.size.total_cmp(&b.size))
                .and_then(|line| clean(Some(&line.text)))
        });
    let date = field(b"CreationDate")
        .and_then(|d| dates::iso_day(&d))
        .or_else(|| {
            let lines = first_page.iter().take(30);
            lines
                .filter(|line| line.text.len() < 80)
                .find_map(|line| dates::iso_day(&line.text))
        });
    Metadata {
        title,
        date,
        outlet: None,
        author: field(b"Author"),
        url: None,
    }
}

/// A PDF text string: UTF-16 with a byte order mark, else PDFDocEncoding (Latin-1 for
/// the letters that matter here).
fn pdf_string(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(&[0xfe, 0xff]) {
        let units: Vec<u16> = rest
            .chunks_exact(2)
            .map(|pair| u16::from_be_bytes([pair[0], pair[1]]))
            .collect();
        return String::from_utf16_lossy(&units);
    }
    bytes.iter().map(|&b| char::from(b)).collect()
}
