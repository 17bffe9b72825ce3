//! Unit tests of the sports-play, charge, offence, election, "hit" and "burned" rules, on
//! invented news sentences, each with the look-alikes the rule must leave alone.

use expect_test::expect;

use super::check;

#[test]
fn games_on_the_calendar_are_contests() {
    check(
        "The Ravens lost Friday's game against the Hawks. Smith will miss the final two \
games of the season. Fans cheered during the game. He bought a video game. Her game plan \
worked.",
        Some("2025-03-12"),
        expect![[r#"
            contest "The Ravens lost Friday's game" on 2025-03-07 (day)
            contest "the final two games"
            contest "the game"
            acquisition "bought""#]],
    );
}

#[test]
fn playoffs_and_numbered_rounds_are_contests() {
    check(
        "The Hawks clinched a playoff berth on Sunday. Ortiz knocked out Kane in the fourth \
round. The Owls reached the playoffs. Playoff hopes faded. The firm announced a second \
round of layoffs. He was a first round pick.",
        Some("2025-03-12"),
        expect![[r#"
            contest "clinched"
            contest "a playoff" on 2025-03-09 (day)
            contest "knocked out"
            contest "the fourth round"
            contest "the playoffs""#]],
    );
}

#[test]
fn charges_brought_faced_or_named_by_an_arrest() {
    check(
        "Prosecutors filed fraud charges against the treasurer on Monday. Charges were \
filed against a second man. The driver is facing manslaughter charges. Police arrested him \
on charges he set the fire. Murder charges carry long sentences. She took charge of the \
team.",
        Some("2025-03-12"),
        expect![[r#"
            charge "filed fraud charges" on 2025-03-10 (day)
            charge "Charges were filed"
            charge "facing manslaughter charges"
            arrest "arrested"
            charge "charges"
            fire "the fire""#]],
    );
}

#[test]
fn offences_named_by_an_arrest_or_a_stop() {
    check(
        "The winger was arrested on suspicion of drunk driving. He was pulled over for \
speeding on the interstate. A speeding car narrowed the gap. Drunk driving kills \
thousands.",
        Some("2025-03-12"),
        expect![[r#"
            arrest "arrested"
            offence "drunk driving"
            offence "speeding"
            death "kills""#]],
    );
}

#[test]
fn elections_voters_took_part_in() {
    check(
        "Moldova voted Sunday in a parliamentary election. Voters cast ballots in regional \
elections. Elections are a test of democracy.",
        Some("2025-03-12"),
        expect![[r#"
            election "voted" on 2025-03-09 (day)
            election "a parliamentary election" on 2025-03-09 (day)
            election "cast ballots"
            election "regional elections""#]],
    );
}

#[test]
fn hit_by_a_happening_or_its_doers() {
    check(
        "Lyon hit by a jewellery heist. Ram-raiders hit a watch shop in Lyon. The truck \
that hit her sped away. The song was a big hit. Sales hit a record. Rebels hit back at \
critics.",
        Some("2025-03-12"),
        expect![[r#"
            robbery "hit by" @Lyon
            robbery "a jewellery heist" @Lyon
            robbery "hit a watch shop in Lyon" @Lyon
            crash "that hit""#]],
    );
}

#[test]
fn burned_with_what_burned_is_a_fire() {
    check(
        "The old mill burned to the ground on Tuesday. The chapel was burned, and arson \
is suspected. The burning of the chapel shocked the town. He burned his fingers. She was \
badly burned.",
        Some("2025-03-12"),
        expect![[r#"
            fire "burned" on 2025-03-11 (day)
            fire "burned" on 2025-03-11 (day)
            fire "The burning" on 2025-03-11 (day)"#]],
    );
}

#[test]
fn road_accidents_and_title_case_headlines() {
    check(
        "A cyclist died in a hit-and-run accident on Friday. He met her by accident.\n\n\
Hawks Clinch Title with 20-13 Win Over Owls\n",
        Some("2025-03-12"),
        expect![[r#"
            death "died"
            crash "a hit-and-run accident" on 2025-03-07 (day)
            contest "Clinch"
            contest "20-13 Win Over""#]],
    );
}

#[test]
fn hosting_a_ceremony_is_its_happening() {
    check(
        "Angela Merkel will host the awards gala next year. She returns as host of the \
Academy Awards. Macron hosts a podcast.",
        Some("2025-03-12"),
        expect![[r#"
            ceremony "host" on 2026 (year) with Angela Merkel
            ceremony "the Academy Awards""#]],
    );
}
