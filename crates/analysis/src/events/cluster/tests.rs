//! Unit tests of the cross-document joining rules on invented articles: each rule joins
//! reports of one happening and keeps another happening of the same kind apart.

use expect_test::{expect, Expect};

use crate::corpus::SourceText;
use crate::CorpusIndex;

/// Builds a corpus of `articles` (each `(date, text)`, the date given as front matter)
/// and checks its events: label, kind, date, people and the articles of its mentions.
fn check(articles: &[(&str, &str)], expected: Expect) {
    let sources = (articles.iter().enumerate())
        .map(|(i, (date, text))| SourceText {
            path: format!("/t/{i}.txt").into(),
            rel_path: format!("{i}.txt"),
            text: format!("date: {date}\n\n{text}\n"),
        })
        .collect();
    let index = CorpusIndex::build(sources, Vec::new());
    let lines: Vec<String> = (index.events.events.iter())
        .map(|e| {
            let people: Vec<&str> = (e.participants.iter())
                .map(|&p| index.actors.actor(p).name.as_str())
                .collect();
            let docs: Vec<&str> = (e.mentions.iter())
                .map(|m| index.doc(m.doc).key.as_str())
                .collect();
            format!(
                "{} | {} | {:?} | {:?} | {:?}",
                e.label, e.kind, e.date, people, docs
            )
        })
        .collect();
    expected.assert_eq(&lines.join("\n"));
}

#[test]
fn a_death_befalls_its_person_once() {
    // Each report names another party beside the dead man and dates the death by its own
    // day, five days apart; the same man's death is one event. Another man's death at the
    // hands of the same agency that week stays apart, and so does a death of the same
    // name months later.
    check(
        &[
            (
                "2004-07-24",
                "FBI agents killed Jack Morrow in Biloxi on Saturday.",
            ),
            (
                "2004-07-29",
                "Officers of the Allegheny County Sheriff's Office killed Jack Morrow on Thursday.",
            ),
            ("2004-07-26", "FBI agents killed Anna Price on Monday."),
            (
                "2004-11-02",
                "Jack Morrow, a friend of Tom Ford, died on Tuesday.",
            ),
        ],
        expect![[r#"
            Biloxi death | death | Some("2004-07-24") | ["Jack Morrow", "FBI", "Office"] | ["0", "1"]
            Price-FBI death | death | Some("2004-07-26") | ["Anna Price", "FBI"] | ["2"]
            Morrow death | death | Some("2004-11-02") | ["Jack Morrow"] | ["3"]"#]],
    );
}

#[test]
fn reports_of_a_general_kind_a_few_days_apart_sharing_a_participant_join() {
    // An arrest reported on Tuesday and on Wednesday, each naming another party beside the
    // man arrested, is one arrest; the same man arrested two weeks later is another, and a
    // meeting a day apart with one person in common stays two meetings.
    check(
        &[
            ("2009-01-06", "FBI agents arrested Dennis Clark in Pittsburgh on Tuesday."),
            ("2009-01-07", "Officers of the Allegheny County Sheriff's Office arrested Dennis Clark on Wednesday."),
            ("2009-01-20", "FBI agents arrested Dennis Clark on Tuesday."),
            ("2018-07-16", "Donald Trump met Vladimir Putin on Monday."),
            ("2018-07-17", "Donald Trump met Theresa May on Tuesday."),
        ],
        expect![[r#"
            Pittsburgh arrest | arrest | Some("2009-01-06") | ["Dennis Clark", "FBI", "Office"] | ["0", "1"]
            Clark-FBI arrest | arrest | Some("2009-01-20") | ["Dennis Clark", "FBI"] | ["2"]
            Putin-Trump meeting | meeting | Some("2018-07-16") | ["Vladimir Putin", "Donald Trump"] | ["3"]
            May-Trump meeting | meeting | Some("2018-07-17") | ["Theresa May", "Donald Trump"] | ["4"]"#]],
    );
}

#[test]
fn a_joined_event_takes_the_day_most_reports_give() {
    // The first report read dates the death a day late (its "yesterday" is the day after
    // the others' "Tuesday"); two later reports agree on Tuesday: the event is Tuesday's.
    // On a tie the earlier day wins: the happening comes before its reports.
    check(
        &[
            ("2008-03-06", "Jack Morrow died in Biloxi yesterday."),
            ("2008-03-06", "Jack Morrow died in Biloxi on Tuesday."),
            ("2008-03-07", "Jack Morrow died in Biloxi on Tuesday."),
            ("2009-05-04", "Anna Price died in Tulsa on Sunday."),
            ("2009-05-02", "Anna Price died in Tulsa on Friday."),
        ],
        expect![[r#"
            Biloxi death | death | Some("2008-03-04") | ["Jack Morrow"] | ["0", "1", "2"]
            Tulsa death | death | Some("2009-05-01") | ["Anna Price"] | ["3", "4"]"#]],
    );
}

#[test]
fn a_team_one_report_names_does_not_keep_apart_the_player_another_names() {
    // One report names the teams, another the player who decided the game: an
    // organisation the other report does not contradict is no reason to keep two reports
    // of one game in one place on one day apart. Another game that day in that city,
    // between other teams, names a team the first game's reports do not: it stays apart.
    check(
        &[
            (
                "2011-10-03",
                "The Ravens beat the Steelers 35-7 in Baltimore on Sunday.",
            ),
            (
                "2011-10-03",
                "Joe Flacco threw three touchdowns as Baltimore beat Pittsburgh 35-7 in Baltimore on Sunday.",
            ),
            (
                "2011-10-03",
                "The Orioles beat the Yankees 5-3 in Baltimore on Sunday.",
            ),
        ],
        expect![[r#"
            Ravens-Flacco contest in Baltimore | contest | Some("2011-10-02") | ["Ravens", "Joe Flacco"] | ["0", "1"]
            Orioles contest in Baltimore | contest | Some("2011-10-02") | ["Orioles"] | ["2"]"#]],
    );
}

#[test]
fn reports_sharing_their_protagonist_tell_one_happening_of_their_kind() {
    // Two articles lead with the arrest of the man they name most; the second's clause
    // names no one and no day, so nothing but the story joins them. A third article leads
    // with another man's arrest told the same bare way and stays apart, and so does an
    // arrest of the first man a month later in another city.
    check(
        &[
            (
                "2019-04-06",
                "Owen Marsh held in Leeds\n\nOwen Marsh, 34, was arrested in Leeds on Friday. \
                 Marsh had been sought for a week. A lawyer for Marsh declined to comment.",
            ),
            (
                "2019-04-08",
                "Owen Marsh to appear in court\n\nA man was arrested at a flat after a tip-off. \
                 Owen Marsh will appear in court on Tuesday. Marsh denies the charges.",
            ),
            (
                "2019-04-08",
                "Dale Cooper to appear in court\n\nA man was arrested at a flat after a tip-off. \
                 Dale Cooper will appear in court on Tuesday. Cooper denies the charges.",
            ),
            (
                "2019-05-20",
                "Owen Marsh held again\n\nOwen Marsh was arrested in Bristol on Sunday. \
                 Marsh was on bail. Police said Marsh fled.",
            ),
        ],
        expect![[r#"
            Leeds arrest | arrest | Some("2019-04-05") | ["Owen Marsh"] | ["0", "1"]
            arrest | arrest | None | [] | ["2"]
            Bristol arrest | arrest | Some("2019-05-19") | ["Owen Marsh"] | ["3"]
            Marsh escape | escape | None | ["Owen Marsh"] | ["3"]"#]],
    );
}

#[test]
fn a_protagonist_joins_reports_of_general_kinds_but_not_of_meetings() {
    // Two articles about one singer's check-in into a clinic, the second telling it with
    // no place or day; two articles about one minister's meetings, each with someone
    // else, stay two meetings: a diplomat meets every week.
    check(
        &[
            (
                "2015-02-10",
                "Nora Quill enters clinic\n\nNora Quill checked into the Hillcrest Clinic in Denver \
                 on Monday. Quill cancelled her tour. Quill's agent confirmed the news.",
            ),
            (
                "2015-02-11",
                "Nora Quill in treatment\n\nThe singer checked into rehab, her agent said. \
                 Nora Quill had struggled for months. Quill will miss the awards.",
            ),
            (
                "2015-02-10",
                "Ivo Brandt in talks\n\nIvo Brandt met Karl Vos. Brandt spoke of trade. \
                 Brandt flew home.",
            ),
            (
                "2015-02-11",
                "Ivo Brandt on tour\n\nIvo Brandt met Lena Holm. Brandt spoke of fishing. \
                 Brandt flew on.",
            ),
        ],
        expect![[r#"
            Hillcrest Clinic admission | admission | Some("2015-02-09") | ["Nora Quill"] | ["0", "0", "1"]
            Brandt-Vos talks | talks | None | ["Ivo Brandt", "Karl Vos"] | ["2", "2"]
            Holm-Brandt meeting | meeting | None | ["Lena Holm", "Ivo Brandt"] | ["3"]"#]],
    );
}

#[test]
fn reports_whose_tops_name_one_place_tell_one_disaster() {
    // Two reports of one fire: the headline of each names Wellington; one body tells the
    // fire at the supermarket, the other in the town, on days a day apart. A fire told by a
    // report whose headline names Nelson stays apart, and so does a fire in Wellington
    // two months later.
    check(
        &[
            (
                "2011-03-05",
                "Fire guts supermarket in Wellington\n\nA fire broke out at the Waitrose supermarket on Friday. Firefighters fought the blaze for hours.",
            ),
            (
                "2011-03-06",
                "Wellington shoppers flee blaze\n\nA fire broke out in Kelburn on Friday, police said. No one was hurt.",
            ),
            (
                "2011-03-05",
                "Fire in Nelson\n\nA fire broke out in a barn in Richmond on Friday.",
            ),
            (
                "2011-05-14",
                "Wellington again\n\nA fire broke out in a warehouse in Kelburn on Friday.",
            ),
        ],
        expect![[r#"
            Wellington fire | fire | Some("2011-03-04") | [] | ["0", "0", "0", "1", "1"]
            Richmond fire | fire | Some("2011-03-04") | [] | ["2", "2"]
            Kelburn fire | fire | Some("2011-05-13") | [] | ["3"]"#]],
    );
}
