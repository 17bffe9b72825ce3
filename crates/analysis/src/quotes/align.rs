//! Word-level alignment of a brief's quote against a stretch of source words: the
//! similarity score, the exact source span and the differences to show.
//!
//! A semi-global edit distance: the quote must be used whole, the source may be entered and
//! left anywhere. Ellipses and `[brackets]` skip source words for free, so "we ... work"
//! matches "we want to work" exactly.

use std::ops::Range;

use super::normalize::{QuoteToken, Word};

/// One step of the alignment, with byte ranges into the source document and the quote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DiffOp {
    /// The same word on both sides.
    Same {
        source: Range<usize>,
        quote: Range<usize>,
    },
    /// A source word the quote changed.
    Changed {
        source: Range<usize>,
        quote: Range<usize>,
    },
    /// A source word the quote left out without an ellipsis.
    Removed { source: Range<usize> },
    /// A quote word the source does not have.
    Added { quote: Range<usize> },
    /// Source words an ellipsis or a bracket stands for (possibly none).
    Skipped {
        source: Range<usize>,
        quote: Range<usize>,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Alignment {
    /// From the first to the last source word the quote's words met.
    pub source: Range<usize>,
    /// 1.0 when every word matches.
    pub similarity: f32,
    pub ops: Vec<DiffOp>,
}

/// Cells above this are not aligned (a pathological candidate region).
const MAX_CELLS: usize = 4_000_000;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Step {
    Start,
    Diagonal,
    Added,
    Removed,
    GapStay,
    GapSkip,
}

pub fn align(tokens: &[QuoteToken], source: &[Word]) -> Option<Alignment> {
    let n_words = tokens
        .iter()
        .filter(|t| matches!(t, QuoteToken::Word(_)))
        .count();
    if n_words == 0 || source.is_empty() {
        return None;
    }
    let rows = tokens.len() + 1;
    let cols = source.len() + 1;
    if rows.checked_mul(cols)? > MAX_CELLS {
        return None;
    }
    let mut cost = vec![0u32; rows * cols];
    let mut step = vec![Step::Start; rows * cols];
    for (ti, token) in tokens.iter().enumerate() {
        let i = ti + 1;
        for j in 0..cols {
            let at = i * cols + j;
            let up = cost[(i - 1) * cols + j];
            let (best, best_step) = match token {
                QuoteToken::Word(word) => {
                    let mut best = (up + 1, Step::Added);
                    if j > 0 {
                        let diagonal = cost[(i - 1) * cols + j - 1]
                            + u32::from(source[j - 1].hash != word.hash);
                        if diagonal <= best.0 {
                            best = (diagonal, Step::Diagonal);
                        }
                        let left = cost[at - 1] + 1;
                        if left < best.0 {
                            best = (left, Step::Removed);
                        }
                    }
                    best
                }
                QuoteToken::Gap(_) | QuoteToken::Wildcard(_) => {
                    if j > 0 && cost[at - 1] < up {
                        (cost[at - 1], Step::GapSkip)
                    } else {
                        (up, Step::GapStay)
                    }
                }
            };
            cost[at] = best;
            step[at] = best_step;
        }
    }
    // The quote may end anywhere in the source; prefer the earliest end among equals.
    let last_row = (rows - 1) * cols;
    let end_j = (0..cols).min_by_key(|&j| (cost[last_row + j], j))?;
    let total = cost[last_row + end_j];
    let mut ops = Vec::new();
    let (mut i, mut j) = (rows - 1, end_j);
    let mut skipped_end: Option<usize> = None;
    while i > 0 {
        let token = &tokens[i - 1];
        match step[i * cols + j] {
            Step::Diagonal => {
                let source_word = source[j - 1].range();
                ops.push(match token {
                    QuoteToken::Word(w) if w.hash == source[j - 1].hash => DiffOp::Same {
                        source: source_word,
                        quote: w.range(),
                    },
                    QuoteToken::Word(w) => DiffOp::Changed {
                        source: source_word,
                        quote: w.range(),
                    },
                    QuoteToken::Gap(r) | QuoteToken::Wildcard(r) => DiffOp::Changed {
                        source: source_word,
                        quote: r.clone(),
                    },
                });
                i -= 1;
                j -= 1;
            }
            Step::Added => {
                if let QuoteToken::Word(w) = token {
                    ops.push(DiffOp::Added { quote: w.range() });
                }
                i -= 1;
            }
            Step::Removed => {
                ops.push(DiffOp::Removed {
                    source: source[j - 1].range(),
                });
                j -= 1;
            }
            Step::GapSkip => {
                skipped_end.get_or_insert(j);
                j -= 1;
            }
            Step::GapStay | Step::Start => {
                let quote = match token {
                    QuoteToken::Gap(r) | QuoteToken::Wildcard(r) => r.clone(),
                    QuoteToken::Word(w) => w.range(),
                };
                let source_range = match skipped_end.take() {
                    Some(end) => source[j].start..source[end - 1].end,
                    None => {
                        let at = source
                            .get(j)
                            .map_or(source[source.len() - 1].end, |w| w.start);
                        at..at
                    }
                };
                ops.push(DiffOp::Skipped {
                    source: source_range,
                    quote,
                });
                i -= 1;
            }
        }
    }
    ops.reverse();
    let met: Vec<&Range<usize>> = ops
        .iter()
        .filter_map(|op| match op {
            DiffOp::Same { source, .. }
            | DiffOp::Changed { source, .. }
            | DiffOp::Removed { source } => Some(source),
            _ => None,
        })
        .collect();
    let (first, last) = (met.first()?, met.last()?);
    let n_source = met.len();
    let similarity = (1.0 - total as f32 / n_words.max(n_source) as f32).max(0.0);
    Some(Alignment {
        source: first.start..last.end,
        similarity,
        ops,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::normalize::{quote_tokens, words};

    fn check(quote: &str, source: &str) -> (f32, String, String) {
        let tokens = quote_tokens(quote);
        let source_words = words(source, 0..source.len());
        let a = align(&tokens, &source_words).expect("aligned");
        let diff: Vec<String> = a
            .ops
            .iter()
            .map(|op| match op {
                DiffOp::Same { source: s, .. } => source[s.clone()].to_string(),
                DiffOp::Changed {
                    source: s,
                    quote: q,
                } => format!("~{}~+{}", &source[s.clone()], &quote[q.clone()]),
                DiffOp::Removed { source: s } => format!("~{}~", &source[s.clone()]),
                DiffOp::Added { quote: q } => format!("+{}", &quote[q.clone()]),
                DiffOp::Skipped { source: s, .. } => format!("[{}]", &source[s.clone()]),
            })
            .collect();
        (a.similarity, source[a.source].to_string(), diff.join(" "))
    }

    #[test]
    fn exact_words_inside_a_longer_source() {
        let (sim, span, _) = check(
            "we MANAGE to coordinate",
            "And “we manage to coordinate our positions,” he said.",
        );
        assert_eq!(sim, 1.0);
        assert_eq!(span, "we manage to coordinate");
    }

    #[test]
    fn ellipsis_and_brackets_skip_source_words() {
        let (sim, span, diff) = check(
            "we are working … with [Tehran] and",
            "We are working very productively with Iran and we manage",
        );
        assert_eq!(sim, 1.0);
        assert_eq!(span, "We are working very productively with Iran and");
        assert_eq!(diff, "We are working [very productively] with [Iran] and");
    }

    #[test]
    fn a_changed_word_lowers_the_score() {
        let (sim, _, diff) = check(
            "we are working very slowly with Iran",
            "We are working very productively with Iran.",
        );
        assert!((sim - 6.0 / 7.0).abs() < 1e-6, "{sim}");
        assert_eq!(diff, "We are working very ~productively~+slowly with Iran");
    }

    #[test]
    fn omitted_and_added_words_are_shown() {
        let (_, _, diff) = check(
            "we are very working with Iran now",
            "We are working very productively with Iran.",
        );
        assert_eq!(
            diff,
            "We are ~working~ very ~productively~+working with Iran +now"
        );
    }
}
