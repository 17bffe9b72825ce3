//! Person extraction on invented sentences in the patterns that real news (CoNLL-2003's
//! Reuters stories, issue 16) writes: sports results and scorecards, firms that report
//! results, nicknames and name particles. Each test fails without its rule, and holds a
//! sentence the rule must leave alone.

use super::tests::{mentioned_people, organizations, people};

#[test]
fn a_given_name_and_an_s_is_a_surname_not_a_plural() {
    // "Jordan" is a country and a given name; "Matthews" looked like a team's plural.
    assert_eq!(
        mentioned_people("Jordan Matthews caught three passes for the Comets.\n"),
        ["Jordan Matthews"]
    );
    // A plural noun after a place is still a team's nickname.
    assert!(mentioned_people("The Houston Astros beat the Comets 4-1.\n").is_empty());
}

#[test]
fn a_cricket_scorecard_names_players_by_surname_alone() {
    let text = "Karim Baxter c Dunmore b Pellow 46\n\
         Bowling: Trescott 12-1-76-0, Cork 37.1-7-97-3\n";
    let found = mentioned_people(text);
    for name in ["Dunmore", "Pellow", "Trescott", "Cork", "Karim Baxter"] {
        assert!(found.iter().any(|p| p == name), "{name} in {found:?}");
    }
    // Outside a scorecard a place is a place.
    assert!(people("Fans from Cork cheered the team.\n").is_empty());
}

#[test]
fn a_hyphenated_name_with_an_arabic_link_is_a_persons() {
    assert_eq!(
        mentioned_people("Fazal-ur-Karim made 37 before lunch.\n"),
        ["Fazal-ur-Karim"]
    );
    // The same shape names a movement when a word for one opens it.
    assert!(mentioned_people("Fighters of Harkat-ul-Ansar attacked the post.\n").is_empty());
}

#[test]
fn results_lines_name_clubs_and_the_teams_riders_race_for() {
    let text = "In Bucharest: Dinamo Korvetsk (Romania) 2 Atletico Zarvon (Portugal) 1\n\
         Dinamo Korvetsk - Pavel Orlik (32nd)\n\
         Atletico Zarvon win 3-2 on aggregate\n\n\
         2. Marco Ventani (Italy) Ferrante Corsa 1:54.342\n";
    assert_eq!(mentioned_people(text), ["Marco Ventani", "Pavel Orlik"]);
    let orgs = organizations(text);
    for club in ["Dinamo Korvetsk", "Atletico Zarvon", "Ferrante Corsa"] {
        assert!(orgs.iter().any(|o| o == club), "{club} in {orgs:?}");
    }
    // A tennis result names players on both sides.
    assert_eq!(
        people("Laura Benz (Austria) beat Ana Ruiz (Spain) 6-3 6-4\n"),
        ["Ana Ruiz", "Laura Benz"]
    );
}

#[test]
fn initials_open_a_players_name_in_a_line_that_reads_like_a_result() {
    // A scorecard's summary broken over two lines: the second reads "name, number, name,
    // number", as a results line does.
    let text = "Durham 326 (D. Cox 95 not out,\nS. Marlow 69; G. Tressel 7-73).\n";
    let found = mentioned_people(text);
    for name in ["S. Marlow", "G. Tressel"] {
        assert!(found.iter().any(|p| p == name), "{name} in {found:?}");
    }
    assert!(mentioned_people("Wigan 42 Bradford Bulls 36\n").is_empty());
}

#[test]
fn a_capitalised_particle_and_a_surname_score_as_a_player() {
    assert_eq!(
        mentioned_people("Korvetsk 1 (Van Dalmeijer 58th) Zarvon 0.\n"),
        ["Van Dalmeijer"]
    );
    assert!(mentioned_people("Prices at Van Dalmeijer rose.\n").is_empty());
}

#[test]
fn al_before_a_given_name_or_an_english_word_is_a_given_name() {
    assert_eq!(
        mentioned_people("The crowd cheered when Al Martin hit a double.\n"),
        ["Al Martin"]
    );
    // An Arabic family name after "Al" is no full name.
    assert!(!mentioned_people("Qatar's ruling Al Thani family met.\n")
        .iter()
        .any(|p| p == "Al Thani"));
}

#[test]
fn a_nickname_before_a_given_name_is_part_of_the_name() {
    assert_eq!(
        mentioned_people("In the ninth, Biscuit Morgan belted a homer as the Comets won.\n"),
        ["Biscuit Morgan"]
    );
    // A quoted capitalised phrase is a label, not a nickname and a name.
    assert!(
        !people("He mocked the state's \u{201c}Bathroom Bill\u{201d} on Monday.\n")
            .iter()
            .any(|p| p == "Bathroom Bill")
    );
    // An adjective or a participle describes the person and is dropped.
    assert!(!people("Voters saw Understated Morgan win the seat.\n")
        .iter()
        .any(|p| p == "Understated Morgan"));
}

#[test]
fn a_firm_that_posts_a_profit_is_no_person() {
    let text = "Results will improve, Torvik said. Torvik posted a 6.1 million crown profit \
         in the first half.\n";
    assert!(people(text).is_empty(), "{:?}", people(text));
    assert!(organizations(text).iter().any(|o| o == "Torvik"));
    // Posting a photograph is something people do.
    assert_eq!(
        mentioned_people("Torvik posted a photograph online, Torvik said.\n"),
        ["Torvik"]
    );
}

#[test]
fn a_position_before_a_full_name_is_a_role() {
    assert_eq!(
        mentioned_people("Centre Jaco Mulder has been ruled out of the second test.\n"),
        ["Jaco Mulder"]
    );
    // A cue word before "of" or "for" still opens an organization's name.
    assert!(organizations("The Centre for Policy Studies said so.\n")
        .iter()
        .any(|o| o == "Centre for Policy Studies"));
}
