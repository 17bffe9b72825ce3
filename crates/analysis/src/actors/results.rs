//! Sports results, fixtures and scorecards, which news wires print as lines of names and
//! numbers: which names in them are clubs (or the makes and teams that drivers and riders
//! race for), and which single words are players named by surname alone.

use super::context::minute_of_goal;
use super::extractor::Extractor;
use super::gazetteer::{fold_into, name_words};
use super::lexicon::is_name_particle;
use super::scan::{Token, ALL_CAPS, ALPHA, CAP, JOINED, LINE_START, SENTENCE_START, TEAM};

/// Marks [`TEAM`] on every name that a results line shows to be a club's, a make's or a
/// racing team's (see [`mark_fixtures`], [`mark_teams`] and [`mark_results`]).
pub(super) fn mark_sports_lines(text: &str, tokens: &mut [Token]) {
    mark_teams(text, tokens);
    mark_fixtures(text, tokens);
    mark_results(text, tokens);
}

impl Extractor<'_> {
    /// "Aamir Sohail c Cork b Croft 46", "Bowling: Mullally 22-6-56-2": in a cricket
    /// scorecard the fielder after "c" and the bowler after "b" are players, as is a name
    /// before a bowler's figures (overs, maidens, runs, wickets). Scorecards name players
    /// by surname alone, and many surnames are places ("Cork", "Salisbury").
    pub(super) fn in_scorecard(&self, i: usize) -> bool {
        let tok = self.tokens[i];
        if bowling_figures(self.text.get(tok.end as usize..).unwrap_or("")) {
            return true;
        }
        if i < 2 || !tok.has(JOINED) || !self.tokens[i - 1].has(JOINED) {
            return false;
        }
        let next = self.tokens.get(i + 1).filter(|t| t.has(JOINED));
        let before_marker = self.tokens[i - 2];
        let batsman_before = before_marker.has(CAP) || before_marker.text(self.text) == "lbw";
        match self.tokens[i - 1].text(self.text) {
            // The catcher: "c Cork b Croft".
            "c" => batsman_before && next.is_some_and(|t| t.text(self.text) == "b"),
            // The bowler, then the runs or the end of the line: "b Croft 46".
            "b" => {
                batsman_before
                    && next
                        .is_none_or(|t| t.text(self.text).starts_with(|c: char| c.is_ascii_digit()))
            }
            _ => false,
        }
    }
}

/// Whether `after` (the text after a name) opens with a bowler's figures: overs (with a
/// ball count after a full stop), maidens, runs and wickets joined by hyphens
/// ("22-6-56-2", "37.1-7-97-3").
fn bowling_figures(after: &str) -> bool {
    let after = after.trim_start_matches([' ', '\t']);
    let figures = after
        .split(|c: char| c.is_whitespace() || c == ',' || c == ')' || c == ';')
        .next()
        .unwrap_or("");
    let parts: Vec<&str> = figures.split('-').collect();
    parts.len() == 4
        && parts.iter().enumerate().all(|(k, part)| {
            let whole = if k == 0 {
                part.split_once('.').map_or(*part, |(overs, balls)| {
                    if balls.len() == 1 && balls.bytes().all(|b| b.is_ascii_digit()) {
                        overs
                    } else {
                        ""
                    }
                })
            } else {
                part
            };
            (1..=3).contains(&whole.len()) && whole.bytes().all(|b| b.is_ascii_digit())
        })
}

/// "Inzamam-ul-Haq", "Ata-ur-Rehman", "Salah-ud-Din": a South Asian Muslim name written as
/// one hyphenated word with an Arabic linking syllable is a person's full name. The same
/// shape names Islamist groups when it opens with a word for a party, an army or a
/// movement ("Hizb-ul-Mujahideen", "Harkat-ul-Ansar", "Jamaat-ud-Dawa").
pub(super) fn linked_name(word: &str) -> bool {
    let parts: Vec<&str> = word.split('-').collect();
    let [first, link, last] = parts.as_slice() else {
        return false;
    };
    let capitalised = |w: &str| {
        w.len() >= 2
            && w.starts_with(|c: char| c.is_uppercase())
            && w[1..].bytes().all(|b| b.is_ascii_lowercase())
    };
    capitalised(first)
        && capitalised(last)
        && matches!(*link, "ul" | "ur" | "ud" | "uz" | "us" | "un" | "ut")
        && !matches!(
            *first,
            "Hizb"
                | "Harkat"
                | "Jamaat"
                | "Jamiat"
                | "Jamiyat"
                | "Lashkar"
                | "Jaish"
                | "Tehreek"
                | "Tehrik"
                | "Dar"
                | "Majlis"
                | "Anjuman"
                | "Ansar"
                | "Markaz"
                | "Sipah"
                | "Tanzeem"
                | "Tanzim"
                | "Harakat"
                | "Hezb"
                | "Hizbul"
        )
}

/// "Stirling v Dundee", "Queens Park Rangers v Bolton": the names either side of a lone
/// lowercase "v" are teams, as British sports writing sets fixtures. A tennis draw writes
/// "vs." between players ("Pete Sampras (U.S.) vs. Adrian Voinea"), which is left alone.
fn mark_fixtures(text: &str, tokens: &mut [Token]) {
    for v in 1..tokens.len().saturating_sub(1) {
        if tokens[v].text(text) != "v" || text.as_bytes().get(tokens[v].end as usize) == Some(&b'.')
        {
            continue;
        }
        let name_word = |t: &Token| t.has(CAP) && t.has(ALPHA) && !t.has(ALL_CAPS);
        let mut first = v;
        while first > 0
            && tokens[first].has(JOINED)
            && !tokens[first].has(LINE_START)
            && name_word(&tokens[first - 1])
        {
            first -= 1;
        }
        let mut last = v;
        while last + 1 < tokens.len()
            && tokens[last + 1].has(JOINED)
            && !tokens[last + 1].has(LINE_START)
            && name_word(&tokens[last + 1])
        {
            last += 1;
        }
        for tok in tokens[first..v].iter_mut() {
            tok.flags |= TEAM;
        }
        for tok in tokens[v + 1..=last].iter_mut() {
            tok.flags |= TEAM;
        }
    }
}

/// Marks [`TEAM`] on the names in results and standings lines: a line that is a name, a
/// number, a name, a number ("Wigan 42 Bradford Bulls 36", "Greenock Morton 1 Falkirk 0"),
/// or a name then only numbers, four or more ("Crystal Palace 4 1 2 1 4 3 5"). Players'
/// lines start with a rank or carry a country in parentheses, so they do not match; what
/// stands in parentheses after a score is who made it and when, not an item of the line
/// ("Somerset 236-4 (Mark Lathwell 85)", "Bochum 1 (Jack 66th minute) Hamburg 1"); and
/// a table whose rows mostly open with a given name lists players' figures ("Alec Stewart
/// 3 5 0 396 170 79.20"), not clubs'.
fn mark_teams(text: &str, tokens: &mut [Token]) {
    let mut line_start = 0;
    // Items of a line: (is a name, first token, end token).
    let mut items: Vec<(bool, usize, usize)> = Vec::new();
    // The team names of the table being read: (first token, end token), and how many of
    // its rows open with a given name.
    let mut table: Vec<(usize, usize)> = Vec::new();
    let mut rows = 0;
    let mut given_rows = 0;
    let mut buf = String::new();
    let end_table =
        |table: &mut Vec<(usize, usize)>, rows: usize, given_rows: usize, tokens: &mut [Token]| {
            if given_rows * 2 <= rows {
                for &(s, e) in table.iter() {
                    tokens[s..e].iter_mut().for_each(|t| t.flags |= TEAM);
                }
            }
            table.clear();
        };
    while line_start < tokens.len() {
        let mut line_end = line_start + 1;
        while line_end < tokens.len() && !tokens[line_end].has(LINE_START) {
            line_end += 1;
        }
        // A blank line ends a table.
        if line_start > 0 {
            let gap = &text[tokens[line_start - 1].end as usize..tokens[line_start].start as usize];
            if gap.matches('\n').count() > 1 {
                end_table(&mut table, rows, given_rows, tokens);
                (rows, given_rows) = (0, 0);
            }
        }
        items.clear();
        let mut ok = true;
        // Parentheses opened after a score hold who scored and when, left out of the line's
        // items (`scorers`: the depth they opened at); a parenthesis closed that the line
        // did not open was opened by the line above, and what came before was inside it.
        let mut depth = 0;
        let mut scorers = None;
        for (i, &t) in tokens.iter().enumerate().take(line_end).skip(line_start) {
            let gap = if i > line_start {
                &text[tokens[i - 1].end as usize..t.start as usize]
            } else {
                ""
            };
            for c in gap.chars() {
                if c == '(' {
                    if scorers.is_none() && items.last().is_some_and(|last| !last.0) {
                        scorers = Some(depth);
                    }
                    depth += 1;
                } else if c == ')' && depth == 0 {
                    items.clear();
                } else if c == ')' {
                    depth -= 1;
                    if scorers == Some(depth) {
                        scorers = None;
                    }
                }
            }
            if scorers.is_some() {
                continue;
            }
            let name = t.has(ALPHA) && (t.has(CAP) || is_name_particle(t.text(text)));
            if t.has(ALPHA) && !name {
                ok = false;
                break;
            }
            match items.last_mut() {
                Some(last) if last.0 && name && t.has(JOINED) => last.2 = i + 1,
                _ => items.push((name, i, i + 1)),
            }
        }
        let is_name = |k: usize| items.get(k).is_some_and(|it| it.0);
        let teams: &[usize] = if !ok || !is_name(0) {
            &[]
        } else if items.len() == 4 && !is_name(1) && is_name(2) && !is_name(3) {
            &[0, 2]
        } else if items.len() >= 5 && (1..items.len()).all(|k| !is_name(k)) {
            &[0]
        } else {
            &[]
        };
        if teams.is_empty() {
            end_table(&mut table, rows, given_rows, tokens);
            (rows, given_rows) = (0, 0);
        } else {
            let (_, s, e) = items[0];
            fold_into(tokens[s].text(text), &mut buf);
            rows += 1;
            given_rows += usize::from(e - s > 1 && name_words().is_given(&buf));
            table.extend(teams.iter().map(|&item| (items[item].1, items[item].2)));
        }
        line_start = line_end;
    }
    end_table(&mut table, rows, given_rows, tokens);
}

/// What the results lines of a wire's sports pages show to be teams:
/// - "Flamurtari Vlore (Albania) 0 Chemlon Humenne (Slovakia) 2": a name, its country in
///   parentheses, a score and another name are a cup tie between two clubs (players'
///   results put a time, a distance or a set score after the country, or "beat");
/// - "David Coulthard (Britain) McLaren 1:54.342", "Tommi Makinen (Finland) Mitsubishi
///   Lancer 3:22": a name right after a rider's or a driver's country, before the time or
///   the points, is the team or the car;
/// - "Gloria Bistrita - Ilie Lazar (32nd), Eugen Voica (84th)", "Griqualand West - Tries:
///   Andre Cloete": a name opening a line before a dash and the scorers is the club they
///   scored for;
/// - "Chemlon Humenne win 3-0 on aggregate", "Nyva qualified on away goals": what goes
///   through on aggregate or on away goals is a club.
fn mark_results(text: &str, tokens: &mut [Token]) {
    let gap = |tokens: &[Token], i: usize| -> String {
        if i == 0 || i >= tokens.len() {
            return String::new();
        }
        text.get(tokens[i - 1].end as usize..tokens[i].start as usize)
            .unwrap_or("")
            .trim()
            .to_string()
    };
    let name_word = |t: &Token| t.has(CAP) && t.has(ALPHA);
    // The end of the run of name words joined by spaces that starts at `from`.
    let run_end = |tokens: &[Token], from: usize| -> usize {
        let mut end = from;
        while end < tokens.len()
            && name_word(&tokens[end])
            && (end == from || (tokens[end].has(JOINED) && !tokens[end].has(LINE_START)))
        {
            end += 1;
        }
        end
    };
    // The start of the run of name words joined by spaces that ends at `end` (exclusive).
    let run_start = |tokens: &[Token], end: usize| -> usize {
        let mut start = end;
        while start > 0 && name_word(&tokens[start - 1]) {
            start -= 1;
            if !tokens[start].has(JOINED) || tokens[start].has(LINE_START) {
                break;
            }
        }
        start
    };
    let mut marks: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        // A country in parentheses: "(" then capitalised words then ")".
        if name_word(&tokens[i]) && gap(tokens, i).ends_with('(') {
            let inner_end = run_end(tokens, i);
            let closes = inner_end < tokens.len() && gap(tokens, inner_end).starts_with(')');
            if closes && inner_end - i <= 3 && gap(tokens, inner_end) == ")" {
                let next = inner_end;
                let score = tokens[next].text(text);
                // A golf leaderboard's next line opens with a score ("(Japan)\n72 Niclas
                // Fasth"): the score belongs to the line of the country.
                if score.len() <= 2
                    && score.bytes().all(|b| b.is_ascii_digit())
                    && !tokens[next].has(LINE_START)
                    && tokens
                        .get(next + 1)
                        .is_some_and(|t| name_word(t) && t.has(JOINED) && !t.has(LINE_START))
                {
                    // A cup tie: the name before the country and the one after the score.
                    let before_end = i;
                    let before_start = run_start(tokens, before_end);
                    let opened_by_name = before_start < before_end
                        && gap(tokens, i) == "("
                        && !tokens[i].has(LINE_START);
                    if opened_by_name {
                        marks.push((before_start, before_end));
                        marks.push((next + 1, run_end(tokens, next + 1)));
                    }
                } else if name_word(&tokens[next]) && !tokens[next].has(LINE_START) {
                    // A team or a car after a rider's country, before the time or the
                    // points ("Home (Interior) Minister Rafiqul Islam." is no result).
                    let team_end = run_end(tokens, next);
                    let timed = tokens.get(team_end).is_some_and(|t| {
                        t.has(JOINED)
                            && !t.has(LINE_START)
                            && t.text(text).starts_with(|c: char| c.is_ascii_digit())
                    });
                    if timed {
                        marks.push((next, team_end));
                    }
                }
            }
        }
        // A club before a dash and its scorers, at the start of a line.
        if tokens[i].has(LINE_START) && name_word(&tokens[i]) {
            let club_end = run_end(tokens, i);
            if club_end < tokens.len()
                && gap(tokens, club_end) == "-"
                && !tokens[club_end].has(LINE_START)
            {
                let scorer_end = run_end(tokens, club_end);
                let minute = scorer_end < tokens.len()
                    && gap(tokens, scorer_end) == "("
                    && minute_of_goal(tokens[scorer_end].text(text));
                let heading = scorer_end == club_end + 1
                    && matches!(
                        tokens[club_end].text(text),
                        "Tries"
                            | "Try"
                            | "Conversions"
                            | "Conversion"
                            | "Penalties"
                            | "Penalty"
                            | "Goals"
                            | "Goal"
                            | "Scorers"
                            | "Scorer"
                            | "Drop"
                    )
                    && text
                        .get(tokens[club_end].end as usize..)
                        .is_some_and(|r| r.starts_with(':'));
                if (minute || heading) && club_end > i {
                    marks.push((i, club_end));
                }
            }
        }
        // Through on aggregate or on away goals.
        if !tokens[i].has(CAP)
            && tokens[i].has(JOINED)
            && i > 0
            && name_word(&tokens[i - 1])
            && matches!(
                tokens[i].text(text),
                "win"
                    | "wins"
                    | "won"
                    | "qualified"
                    | "qualify"
                    | "advance"
                    | "advanced"
                    | "go"
                    | "went"
            )
        {
            let sentence_end = (i + 1..tokens.len())
                .find(|&k| tokens[k].has(SENTENCE_START))
                .unwrap_or(tokens.len());
            let through = (i + 1..sentence_end).any(|k| {
                let word = tokens[k].text(text);
                word == "aggregate"
                    || (word == "away"
                        && tokens
                            .get(k + 1)
                            .is_some_and(|t| matches!(t.text(text), "goal" | "goals")))
            });
            if through {
                marks.push((run_start(tokens, i), i));
            }
        }
        i += 1;
    }
    for (start, end) in marks {
        tokens[start..end].iter_mut().for_each(|t| t.flags |= TEAM);
    }
}
