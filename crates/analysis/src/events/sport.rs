//! Sports play as the sports pages tell it: a game played between two sides ("Thursday's
//! game against Evansville", "the team's final two games"), the playoffs a team reaches,
//! and a numbered round of a bout ("stopped him in the sixth round"). "Game", "round" and
//! "playoff" are everyday words too ("a video game", "a round of layoffs", "playoff
//! hopes"), so each is an event only with what sports writing puts next to it. Each check
//! reads the words of the trigger's sentence only.

use super::words::{words_after, words_before};
use crate::lower::str_in;

/// "Thursday's game against Evansville", "the final two games of the season", "during the
/// game", "a key NFL playoff game": a game on a sports calendar, told by its opponent, its
/// day, its place in the season or a time inside it. "A video game", "the game of chess",
/// "his game plan" have none of these.
pub(super) fn game_played(text: &str, start: usize, end: usize) -> bool {
    // Words that make "game" a modifier of another noun, not the game itself.
    const MODIFIED: &[&str] = &[
        "show",
        "shows",
        "plan",
        "plans",
        "changer",
        "console",
        "consoles",
        "developer",
        "developers",
        "maker",
        "makers",
        "studio",
        "studios",
        "designer",
        "warden",
        "reserve",
        "theory",
        "engine",
        "industry",
        "company",
        "publisher",
        "day",
    ];
    // What the sports calendar calls its games.
    const CALENDAR: &[&str] = &[
        "playoff",
        "playoffs",
        "regular-season",
        "home",
        "road",
        "opening",
        "season-opening",
        "championship",
        "title",
        "semifinal",
        "quarterfinal",
        "league",
        "exhibition",
        "preseason",
        "divisional",
        "wild-card",
        "wildcard",
        "bowl",
        "cup",
        "nfl",
        "nba",
        "nhl",
        "ncaa",
        "afc",
        "nfc",
    ];
    const FINAL: &[&str] = &["final", "last", "remaining", "first", "next", "opening"];
    const NUMBERS: &[&str] = &[
        "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    ];
    const INSIDE: &[&str] = &["during", "after", "before", "throughout", "since"];
    let after = words_after(text, end, 2);
    if after.first().is_some_and(|w| str_in(MODIFIED, w.as_str())) {
        return false;
    }
    let against = after
        .first()
        .is_some_and(|w| str_in(&["against", "vs", "versus", "between"], w.as_str()));
    let before = words_before(text, start, 3);
    let at = |i: usize| before.get(i).map_or("", String::as_str);
    // "Thursday's game", "Sunday’s playoff game"; a tokenised "Thursday 's game" too.
    let (owner, owner_next) = if at(0) == "s" { (at(1), 2) } else { (at(0), 1) };
    let day_owned = [owner.strip_suffix("'s"), owner.strip_suffix("’s")]
        .into_iter()
        .flatten()
        .chain((owner_next == 2).then_some(owner))
        .any(|day| {
            super::dates::is_weekday_or_month(day)
                || str_in(&["today", "tonight", "yesterday", "tomorrow"], day)
        });
    let calendar = str_in(CALENDAR, at(0));
    // "the final two games", "the last game".
    let final_games = str_in(FINAL, at(0)) || (str_in(NUMBERS, at(0)) && str_in(FINAL, at(1)));
    let inside = at(0) == "the" && str_in(INSIDE, at(1));
    against || day_owned || calendar || final_games || inside
}

/// "the playoffs", "clinched a playoff berth", "with a playoff looming": the postseason a
/// team reaches is an event of its own; not "playoff hopes", "the playoff picture" (talk
/// of what may come).
pub(super) fn playoff_named(text: &str, end: usize) -> bool {
    const TALK: &[&str] = &[
        "hopes",
        "chances",
        "picture",
        "odds",
        "format",
        "system",
        "bonus",
        "bonuses",
        "pool",
        "ticket",
        "tickets",
        "history",
        "experience",
        "race",
        "contention",
        "drought",
    ];
    !words_after(text, end, 1)
        .first()
        .is_some_and(|w| str_in(TALK, w.as_str()))
}

/// "stopped Thompson in the sixth round", "after 44 seconds of the seventh round of their
/// contest", "in 6th round": a round named by its number in a sentence about a bout or a
/// match is a stage of that contest. Not "a second round of layoffs", "a first round
/// pick", "the second round of voting".
pub(super) fn numbered_round(text: &str, start: usize, end: usize) -> bool {
    const ORDINALS: &[&str] = &[
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
        "tenth", "eleventh", "twelfth", "final", "opening", "last",
    ];
    const NOT_PLAY: &[&str] = &[
        "pick",
        "picks",
        "draft",
        "selection",
        "choice",
        "loan",
        "loans",
        "funding",
        "financing",
        "vote",
        "voting",
        "ballot",
        "bidding",
        "layoffs",
        "cuts",
        "sanctions",
        "applause",
        "talks",
        "negotiations",
        "interviews",
        "tests",
        "testing",
    ];
    const CONTESTS: &[&str] = &[
        "contest",
        "fight",
        "bout",
        "match",
        "game",
        "tournament",
        "championship",
    ];
    // What a sentence about a bout or a match speaks of.
    const PLAY: &[&str] = &[
        "stopped",
        "stopping",
        "stops",
        "stop",
        "stoppage",
        "knocked",
        "knockout",
        "ko",
        "tko",
        "fight",
        "bout",
        "contest",
        "title",
        "titles",
        "champion",
        "heavyweight",
        "middleweight",
        "welterweight",
        "punch",
        "punches",
        "match",
        "tournament",
        "belt",
        "belts",
        "crown",
        "retain",
        "retained",
        "defended",
        "defending",
        "dismantled",
        "won",
        "beat",
        "lost",
        "victory",
        "win",
    ];
    let before = words_before(text, start, 30);
    let ordinal = before.first().is_some_and(|w| {
        str_in(ORDINALS, w.as_str())
            || (w.len() >= 3
                && w.chars().next().is_some_and(|c| c.is_ascii_digit())
                && ["st", "nd", "rd", "th"].iter().any(|s| w.ends_with(s)))
    });
    if !ordinal {
        return false;
    }
    let after = words_after(text, end, 30);
    match after.first().map(String::as_str) {
        Some("of") => {
            // "the seventh round of their contest", not "the second round of voting".
            return after
                .iter()
                .skip(1)
                .take(3)
                .any(|w| str_in(CONTESTS, w.as_str()));
        }
        Some(w) if str_in(NOT_PLAY, w) => return false,
        _ => {}
    }
    before
        .iter()
        .chain(after.iter())
        .any(|w| str_in(PLAY, w.as_str()))
}
