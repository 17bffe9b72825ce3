//! Ranking helpers the domains share: the best few of a long list, a fuzzy match score.

/// The `n` smallest of `items`, sorted: a partial selection, so that ranking a whole
/// corpus does not sort all of it.
pub(crate) fn take_best<T: Ord>(items: &mut Vec<T>, n: usize) -> &[T] {
    if items.len() > n {
        items.select_nth_unstable(n);
        items.truncate(n);
    }
    items.sort_unstable();
    items
}

/// Subsequence match of `pattern` in `candidate`, case-insensitive; lower is better,
/// `None` when the characters do not all appear in order. A prefix match scores 0.
pub fn fuzzy_score(pattern: &str, candidate: &str) -> Option<u32> {
    if pattern.is_empty() {
        return Some(0);
    }
    let candidate_lower = candidate.to_lowercase();
    let pattern_lower = pattern.to_lowercase();
    if candidate_lower.starts_with(&pattern_lower) {
        return Some(0);
    }
    if let Some(at) = candidate_lower.find(&pattern_lower) {
        return Some(10 + at as u32);
    }
    let mut score = 100u32;
    let mut rest = candidate_lower.chars().enumerate();
    let mut last = 0usize;
    for wanted in pattern_lower.chars() {
        let (pos, _) = rest.find(|&(_, c)| c == wanted)?;
        score += (pos - last) as u32;
        last = pos;
    }
    Some(score)
}
