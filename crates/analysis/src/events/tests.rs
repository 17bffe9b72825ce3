//! Unit tests of event extraction and clustering on invented news sentences.

use expect_test::{expect, Expect};

use super::*;
use crate::actors::{LocalActor, LocalMention};
use crate::corpus::SourceText;
use crate::CorpusIndex;

/// Actors named in a test text: (canonical name, kind, aliases). Every whole-word
/// occurrence of the name or an alias becomes a mention, longest first.
fn actors_for(text: &str, actors: &[(&str, ActorKind, &[&str])]) -> DocActors {
    let mut mentions: Vec<LocalMention> = Vec::new();
    let mut forms: Vec<(&str, u32)> = Vec::new();
    for (i, (name, _, aliases)) in actors.iter().enumerate() {
        forms.push((name, i as u32));
        forms.extend(aliases.iter().map(|a| (*a, i as u32)));
    }
    forms.sort_by_key(|(f, _)| std::cmp::Reverse(f.len()));
    for (form, actor) in forms {
        for (start, _) in text.match_indices(form) {
            let end = start + form.len();
            let bounded = !text[..start].ends_with(char::is_alphanumeric)
                && !text[end..].starts_with(char::is_alphanumeric);
            let free = !mentions
                .iter()
                .any(|m| m.span.start < end && start < m.span.end);
            if bounded && free {
                mentions.push(LocalMention {
                    span: start..end,
                    actor,
                });
            }
        }
    }
    mentions.sort_by_key(|m| m.span.start);
    DocActors {
        actors: actors
            .iter()
            .map(|(name, kind, aliases)| LocalActor {
                name: name.to_string(),
                kind: *kind,
                aliases: aliases.iter().map(|a| a.to_string()).collect(),
                roles: Vec::new(),
            })
            .collect(),
        mentions,
        ..DocActors::default()
    }
}

const P: ActorKind = ActorKind::Person;
const L: ActorKind = ActorKind::Place;

fn cast() -> Vec<(&'static str, ActorKind, &'static [&'static str])> {
    vec![
        ("Vladimir Putin", P, &["Putin"]),
        ("Donald Trump", P, &["Trump"]),
        ("Angela Merkel", P, &["Merkel"]),
        ("Emmanuel Macron", P, &["Macron"]),
        ("Recep Tayyip Erdogan", P, &["Erdogan"]),
        ("Helsinki", L, &[]),
        ("Geneva", L, &[]),
        ("Paris", L, &[]),
        ("France", L, &["French"]),
        ("Switzerland", L, &["Swiss"]),
        ("Aleppo", L, &[]),
        ("Syria", L, &["Syrian"]),
        ("Ankara", L, &[]),
        ("Turkey", L, &["Turkish"]),
        ("Doha", L, &[]),
        ("Rapid Support Forces", ActorKind::Organization, &["RSF"]),
        ("Sudanese army", ActorKind::Organization, &[]),
    ]
}

fn check(text: &str, date: Option<&str>, expected: Expect) {
    check_with(text, date, &[], expected);
}

/// [`check`] with more actors than the cast (names the actors extraction would misread).
fn check_with(
    text: &str,
    date: Option<&str>,
    more: &[(&'static str, ActorKind, &'static [&'static str])],
    expected: Expect,
) {
    let front = date.map(|d| format!("date: {d}\n\n")).unwrap_or_default();
    let full = format!("{front}{text}");
    let doc = Document::new(
        SourceText {
            path: "/t/a.txt".into(),
            rel_path: "a.txt".into(),
            text: full.clone(),
        },
        "a".into(),
    );
    let mut all = cast();
    all.extend_from_slice(more);
    let actors = actors_for(&full, &all);
    let found = extract_document(&doc, &actors);
    let lines: Vec<String> = found
        .mentions
        .iter()
        .map(|m| {
            let people: Vec<&str> = m
                .participants
                .iter()
                .map(|&p| actors.actors[p as usize].name.as_str())
                .collect();
            format!(
                "{} {:?}{}{}{}{}",
                m.kind.as_str(),
                &full[m.span.clone()],
                m.place
                    .as_ref()
                    .map(|p| format!(" @{}", p.name))
                    .unwrap_or_default(),
                m.date
                    .as_ref()
                    .map(|d| format!(" on {} ({})", d.display(), d.precision().as_str()))
                    .unwrap_or_default(),
                if people.is_empty() {
                    String::new()
                } else {
                    format!(" with {}", people.join(", "))
                },
                if m.anchored { "" } else { " [refers back]" },
            )
        })
        .collect();
    expected.assert_eq(&lines.join("\n"));
}

#[test]
fn a_meeting_with_place_date_and_both_sides() {
    check(
        "Trump met with Russian President Vladimir Putin in Helsinki on July 16, 2018.",
        None,
        expect![[
            r#"meeting "met" @Helsinki on 2018-07-16 (day) with Vladimir Putin, Donald Trump"#
        ]],
    );
}

#[test]
fn modifiers_before_the_noun_give_place_date_and_people() {
    check(
        "Analysts expect little from the July 16 Helsinki summit. The Trump-Putin summit was short. Merkel's visit to Paris ended.",
        None,
        expect![[r#"
            summit "the July 16 Helsinki summit" @Helsinki on July 16 (day)
            summit "The Trump-Putin summit" with Donald Trump, Vladimir Putin
            visit "Merkel's visit to Paris" @Paris with Angela Merkel"#]],
    );
}

#[test]
fn weekdays_resolve_against_the_document_date() {
    check(
        "Macron will meet Merkel in Paris on Monday. Erdogan visited Ankara on Friday.",
        Some("2019-03-06"),
        expect![[r#"
            meeting "meet Merkel in Paris" @Paris on 2019-03-11 (day) with Angela Merkel, Emmanuel Macron
            visit "visited Ankara" @Ankara on 2019-03-01 (day) with Recep Tayyip Erdogan"#]],
    );
}

#[test]
fn parts_of_the_day_resolve_against_the_document_date() {
    check(
        "A gunman opened fire at a bank in Leeds this morning. Two men were arrested last \
night.",
        Some("2019-03-06"),
        expect![[r#"
            attack "opened fire at a bank in Leeds" @Leeds on 2019-03-06 (day)
            arrest "arrested" on 2019-03-05 (day)"#]],
    );
}

#[test]
fn seasons_months_and_years() {
    check(
        "The chemical attack in Aleppo in the spring of 2016 shocked the world. A ceasefire in Syria was agreed in March 2017.",
        None,
        expect![[r#"
            chemical attack "The chemical attack in Aleppo" @Aleppo on 2016-spring (season)
            ceasefire "A ceasefire in Syria" @Syria on 2017-03 (month)"#]],
    );
}

#[test]
fn unanchored_talk_is_no_event() {
    check(
        "The talks about tariffs went nowhere. He wants a good deal and a deal with anyone. Officials said the sanctions were harsh. Workers went on strike. She had a heart attack.",
        None,
        expect![[r#"sanctions "the sanctions" [refers back]"#]],
    );
}

#[test]
fn a_misspelt_or_unknown_place_after_in_is_kept_as_written() {
    check(
        "Rebels attacked an army post in Khirbet al-Ghazaleh on May 3, 2015. Putin's summit with Trump in Helsinski is next.",
        None,
        expect![[r#"
            attack "attacked an army post in Khirbet al-Ghazaleh" @Khirbet al-Ghazaleh on 2015-05-03 (day)
            summit "Putin's summit with Trump in Helsinski" @Helsinski with Vladimir Putin, Donald Trump"#]],
    );
}

#[test]
fn an_apposition_is_not_a_participant() {
    check(
        "Putin met Erdogan, a rival of Macron, at a palace in Ankara on Thursday.",
        None,
        expect![[
            r#"meeting "met" @Ankara on Thursday (relative) with Recep Tayyip Erdogan, Vladimir Putin"#
        ]],
    );
}

#[test]
fn odd_input_does_not_panic() {
    for text in [
        "",
        "summit",
        "met.",
        "in in in the",
        "🙂 summit 🙂 in Geneva — met",
        "the\r\nsummit\r\nin Geneva",
    ] {
        let doc = Document::new(
            SourceText {
                path: "/t/a.txt".into(),
                rel_path: "a.txt".into(),
                text: text.into(),
            },
            "a".into(),
        );
        let actors = actors_for(text, &cast());
        let _ = extract_document(&doc, &actors);
    }
}

fn corpus(articles: &[&str]) -> CorpusIndex {
    let sources = articles
        .iter()
        .enumerate()
        .map(|(i, text)| SourceText {
            path: format!("/t/{i}.txt").into(),
            rel_path: format!("{i}.txt"),
            text: text.to_string(),
        })
        .collect();
    CorpusIndex::build(sources, Vec::new())
}

fn render_events(corpus: &CorpusIndex) -> String {
    corpus
        .events
        .events
        .iter()
        .map(|e| {
            let people: Vec<&str> = e
                .participants
                .iter()
                .map(|&p| corpus.actors.actor(p).name.as_str())
                .collect();
            let docs: Vec<&str> = e
                .mentions
                .iter()
                .map(|m| corpus.doc(m.doc).key.as_str())
                .collect();
            format!(
                "{} | {} | {:?} {:?} | {:?} | {:?} | {:?}",
                e.label,
                e.kind,
                e.date,
                e.precision.map(|p| p.as_str()),
                e.place,
                people,
                docs
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn mentions_of_one_summit_across_articles_become_one_event() {
    let index = corpus(&[
        "President Donald Trump will meet Russian President Vladimir Putin in Geneva on June 16, 2021.\n",
        "Putin's summit with Trump in Geneva is expected to be tense.\n",
        "Ahead of the Geneva meeting, Trump spoke to French President Emmanuel Macron.\n",
        "Macron met German Chancellor Angela Merkel in Paris on Tuesday.\n",
    ]);
    expect![[r#"
        Geneva summit | summit | Some("2021-06-16") Some("day") | Some("Geneva") | ["Vladimir Putin", "Donald Trump"] | ["0", "1", "2"]
        Paris meeting | meeting | Some("Tuesday") Some("relative") | Some("Paris") | ["Angela Merkel", "Emmanuel Macron"] | ["3"]"#]].assert_eq(&render_events(&index));
}

#[test]
fn two_meetings_in_one_city_with_different_people_stay_apart() {
    let index = corpus(&[
        "Russian President Vladimir Putin met Turkish President Recep Tayyip Erdogan in Moscow on Wednesday.\n",
        "A day later, Putin met French President Emmanuel Macron in Moscow on Thursday.\n",
    ]);
    expect![[r#"
        Erdogan-Putin meeting in Moscow | meeting | Some("Wednesday") Some("relative") | Some("Moscow") | ["Recep Tayyip Erdogan", "Vladimir Putin"] | ["0"]
        Macron-Putin meeting in Moscow | meeting | Some("Thursday") Some("relative") | Some("Moscow") | ["Emmanuel Macron", "Vladimir Putin"] | ["1"]"#]].assert_eq(&render_events(&index));
}

#[test]
fn datelines_organisations_and_figurative_strikes() {
    // No front-matter date: the dateline dates the article and places what happened there
    // on the day; organisations take part when no person is named; "struck a note" and an
    // earthquake that struck are no attacks; "a signed text" is no agreement; "a week
    // after" counts back from the article's date (the collapse itself is undated).
    check(
        "DOHA, March 12, 2025 — The Sudanese army and the RSF resumed ceasefire talks on Wednesday.\n\
Putin, speaking in Ankara, struck a cautious note. An earthquake struck Aleppo on Tuesday.\n\
The aim was a signed text by Sunday. The talks collapsed a week after the RSF attack on Aleppo.",
        None,
        expect![[r#"
            talks "ceasefire talks" @Doha on 2025-03-12 (day) with Sudanese army, Rapid Support Forces
            earthquake "An earthquake struck Aleppo" @Aleppo on 2025-03-11 (day)
            earthquake "struck" @Aleppo on 2025-03-11 (day)
            talks "The talks" [refers back]
            attack "the RSF attack on Aleppo" @Aleppo on 2025-03-05 (day) with Rapid Support Forces"#]],
    );
}

/// Each mention of `text` as "trigger: status".
fn statuses(text: &str) -> String {
    extract(text, 0..text.len(), &[], dates::DateContext::default())
        .iter()
        .map(|m| format!("{}: {}", &text[m.trigger.clone()], m.status.as_str()))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn hypothetical_negated_denied_and_cancelled_events_are_marked() {
    expect![[r#"
        attacks: hypothetical
        attack: negated
        meeting: denied
        summit: cancelled
        arrested: happened
        meet: planned"#]]
    .assert_eq(&statuses(
        "If India attacks Pakistan in Kashmir, the army will respond.\n\
The rebels did not attack the base in Homs on Monday.\n\
The ministry denied that a meeting in Vienna took place on Friday.\n\
Trump called off the summit in Singapore on May 24.\n\
Police arrested a man in Dallas.\n\
The leaders will meet in Geneva on June 16, 2021.",
    ));
}

#[test]
fn a_cancelled_summit_is_not_dated_by_its_cancellation() {
    let text = "Trump called off the summit in Singapore on May 24.";
    let found = extract(text, 0..text.len(), &[], dates::DateContext::default());
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].status, EventStatus::Cancelled);
    assert!(found[0].date.is_none(), "{:?}", found[0].date);
}

#[test]
fn general_kinds_from_the_ace_types_are_events() {
    check(
        "DALLAS, May 3, 2013 — A gunman opened fire at a restaurant in Dallas on Tuesday. \
Police arrested the suspect in Plano on Wednesday. He was charged with murder. \
The coach was fired on Thursday. A fire destroyed a warehouse in Houston.",
        None,
        expect![[r#"
            attack "opened fire at a restaurant in Dallas" @Dallas on 2013-04-30 (day)
            arrest "arrested the suspect in Plano" @Plano on 2013-05-01 (day)
            charge "charged"
            death "murder"
            dismissal "fired" on 2013-05-02 (day)
            fire "A fire"
            damage "destroyed a warehouse in Houston" @Houston"#]],
    );
}

#[test]
fn a_title_stands_for_the_person_named_before() {
    check(
        "Putin arrived in Ankara on Monday. The Russian leader met Erdogan on Tuesday.",
        Some("2025-03-12"),
        expect![[r#"meeting "met" on 2025-03-11 (day) with Recep Tayyip Erdogan, Vladimir Putin"#]],
    );
}

#[test]
fn codebook_kinds_added_from_ace_and_cameo() {
    check(
        "On Tuesday, a tribunal in The Hague dismissed the claims. She dismissed the criticism. The ruling party won. He played for Shooting Stars in Nigeria. The protest movement grew. The church was badly damaged by fire on Friday. There have not been protests in Algeria.",
        None,
        expect![[r#"
            ruling "dismissed" on Tuesday (relative)
            damage "damaged"
            fire "fire" on Friday (relative)
            protest "protests in Algeria" @Algeria"#]],
    );
}

#[test]
fn robberies_and_admissions_to_a_facility_are_events() {
    check(
        "Two gunmen robbed a bank in Paris on Monday. Paintings worth millions were stolen from \
a gallery. The singer checked herself into a rehab clinic in Geneva on Friday. Her father \
was admitted to hospital. She admitted to lying. He entered the race. The storm held up \
traffic. Masked men held up a jewellery store.",
        Some("2025-03-12"),
        expect![[r#"
            robbery "robbed a bank in Paris" @Paris on 2025-03-10 (day)
            robbery "were stolen" @Paris on 2025-03-10 (day)
            admission "checked herself into a rehab clinic in Geneva" @Geneva on 2025-03-07 (day)
            admission "admitted to" @Geneva on 2025-03-07 (day)
            storm "The storm"
            robbery "held up""#]],
    );
}

#[test]
fn headlines_tolls_and_manners_of_death() {
    check(
        "Overnight warehouse fire\nInmate escapes from county jail\nA car bomb exploded in a \
market, killing at least twelve people. The killing was condemned. Murder rates fell. A \
climber fell to his death on Sunday. Court overturns ban on protests.",
        Some("2025-03-12"),
        expect![[r#"
            fire "Overnight warehouse fire"
            escape "escapes"
            explosion "exploded"
            death "killing"
            death "The killing"
            death "fell to his death" on 2025-03-09 (day)
            ruling "overturns""#]],
    );
}

#[test]
fn roster_moves_need_the_list_named() {
    // Without `roster_list_follows` every "put" and "placed" would be a roster move.
    check(
        "The Bears placed linebacker Tom Reed on injured reserve on Tuesday. Reed was put on \
IR once before. She placed the vase on the table. They put the plan on hold.",
        Some("2025-03-12"),
        expect![[r#"
            roster move "placed" on 2025-03-11 (day)
            roster move "put""#]],
    );
}

#[test]
fn product_releases_need_the_product_named() {
    check(
        "Contoso released an emergency security patch for its browser on Wednesday. The \
company rushed out a temporary fix. Rebels released the hostages in Mosul. The police \
issued a statement.",
        Some("2025-03-12"),
        expect![[r#"
            product release "released" on 2025-03-12 (day)
            product release "rushed out""#]],
    );
}

#[test]
fn ceremonies_awards_shows_and_parties_are_events() {
    check(
        "The comedian will host the Oscars. A gunman opened fire at an office Christmas \
party in Leeds on Friday. The party won the vote. Oscar Lopez won. Hundreds attended the \
funeral.",
        Some("2025-03-12"),
        expect![[r#"
            ceremony "the Oscars" [refers back]
            attack "opened fire"
            ceremony "an office Christmas party in Leeds" @Leeds on 2025-03-07 (day)
            ceremony "the funeral""#]],
    );
}

#[test]
fn sports_results_need_a_score_a_round_or_a_streak() {
    check(
        "The Colts beat the Jaguars 31-24 on Thursday. Klitschko stopped Thompson in the \
sixth round. It was their eighth straight win. Smith lost his keys. Prices topped 10-15 \
percent. She won the argument. Ross Won't Direct 'Hunger Games'",
        Some("2025-03-12"),
        expect![[r#"
            contest "beat" on 2025-03-06 (day)
            contest "stopped"
            contest "the sixth round"
            contest "their eighth straight win""#]],
    );
}

#[test]
fn falls_from_a_height_are_events() {
    check(
        "A climber fell 200 feet from a ridge on Mount Cook on Friday. A roofer died in a \
fall. Shares fell 5 percent. Profits fell $60m. The government fell from power.",
        Some("2025-03-12"),
        expect![[r#"
            fall "fell" on 2025-03-07 (day)
            death "died"
            fall "a fall" on 2025-03-07 (day)"#]],
    );
}

#[test]
fn outages_and_cut_lines_are_events() {
    check(
        "Three undersea cables were cut off Sicily on Friday. The outage lasted a week. \
Service stopped after the damage to undersea cables. The council cut the budget. Two \
buildings were damaged.",
        Some("2025-03-12"),
        expect![[r#"
            outage "cut" on 2025-03-07 (day)
            outage "The outage"
            outage "the damage"
            damage "damaged""#]],
    );
}

#[test]
fn records_offers_dismissals_and_rule_changes() {
    check(
        "Hansbrough broke the career scoring record on Thursday. The label set the record \
straight. Congress passed a record $1 trillion budget. The Angels made an eight-year offer \
to Teixeira. The shop has special offers. The club offered condolences. Coach Smith was \
relieved of his duties. The Interior Department issued two regulations on Thursday. Obama \
overturns Bush rule. She dismissed the criticism. He dismissed claims by Law and Justice. He \
is set to break the record.",
        Some("2025-03-12"),
        expect![[r#"
            record "broke" on 2025-03-06 (day)
            offer "an eight-year offer"
            dismissal "relieved of his duties"
            policy change "issued" on 2025-03-06 (day)
            policy change "overturns""#]],
    );
}

#[test]
fn whoever_is_in_talks_is_a_party_to_them() {
    check(
        "Vladimir Putin is in negotiations to buy the club. Donald Trump talked about \
negotiations.",
        Some("2025-03-12"),
        expect![[r#"negotiations "negotiations" with Vladimir Putin"#]],
    );
}

#[test]
fn a_stretch_or_a_wave_of_a_bare_noun_is_a_particular_happening() {
    check(
        "The shooting sparked five days of rioting in Athens. It unleashed a wave of unrest. \
Officials fear unrest. Rioting is a crime.",
        Some("2019-03-06"),
        expect![[r#"
            attack "The shooting"
            protest "rioting in Athens" @Athens
            protest "unrest" @Athens"#]],
    );
}

#[test]
fn a_document_that_reports_a_cancellation_says_cancelled() {
    use modality::document_verdict;
    use EventStatus::*;
    // "the summit" with no cue reads as happened; the story's cancellation wins.
    assert_eq!(document_verdict([Happened, Cancelled, Happened]), Cancelled);
    assert_eq!(document_verdict([Planned, Happened]), Happened);
    assert_eq!(document_verdict([Planned, Planned]), Planned);
    assert_eq!(document_verdict([Hypothetical]), Happened);
}

#[test]
fn the_latest_outcome_wins_and_plans_give_way_to_outcomes() {
    use modality::event_status;
    use EventStatus::*;
    let may_24 = Some((2018, 5, 24));
    let june_12 = Some((2018, 6, 12));
    type Verdicts<'a> = &'a [(Option<Day>, EventStatus)];
    let cases: [(&str, Verdicts, EventStatus); 9] = [
        (
            "planned, then called off, in any order",
            &[(may_24, Cancelled), (None, Planned)],
            Cancelled,
        ),
        (
            "called off on May 24, held on June 12 after all",
            &[(june_12, Happened), (may_24, Cancelled)],
            Happened,
        ),
        (
            "held, then a later story says it was postponed",
            &[(may_24, Happened), (june_12, Cancelled)],
            Cancelled,
        ),
        (
            "a later 'planned summit' does not undo it",
            &[(may_24, Happened), (june_12, Planned)],
            Happened,
        ),
        (
            "undated and disagreeing: a tie is happened",
            &[(None, Happened), (None, Cancelled)],
            Happened,
        ),
        (
            "undated: more cancellations win",
            &[(None, Happened), (None, Cancelled), (None, Cancelled)],
            Cancelled,
        ),
        (
            "undated reports give way to a dated one",
            &[(None, Cancelled), (may_24, Happened)],
            Happened,
        ),
        ("only plans", &[(None, Planned)], Planned),
        ("nothing", &[], Happened),
    ];
    for (why, verdicts, expected) in cases {
        assert_eq!(event_status(verdicts), expected, "{why}");
    }
}

#[test]
fn hypothetical_and_negated_brief_mentions_never_name_what_happened() {
    use EventStatus::*;
    for brief in [Hypothetical, Negated] {
        assert!(!brief.may_refer_to(Happened));
        assert!(brief.may_refer_to(Planned));
        assert!(brief.may_refer_to(Cancelled));
    }
    for brief in [Happened, Planned, Cancelled, Denied] {
        assert!(brief.may_refer_to(Happened));
    }
}

fn dated_corpus(articles: &[(&str, &str)]) -> CorpusIndex {
    let texts: Vec<String> = articles
        .iter()
        .map(|(date, body)| format!("date: {date}\n\n{body}"))
        .collect();
    corpus(&texts.iter().map(String::as_str).collect::<Vec<_>>())
}

#[test]
fn a_summit_planned_then_called_off_is_a_cancelled_event() {
    let index = dated_corpus(&[
        (
            "2018-05-10",
            "President Donald Trump will meet Russian President Vladimir Putin in Geneva on June 12, 2018.\n",
        ),
        (
            "2018-05-24",
            "Trump called off the summit with Putin in Geneva. The summit had been expected to be tense.\n",
        ),
        (
            "2018-05-25",
            "Putin met French President Emmanuel Macron in Paris on Friday.\n",
        ),
    ]);
    let statuses: Vec<String> = (index.events.events.iter())
        .map(|e| format!("{}: {}", e.label, e.status.as_str()))
        .collect();
    expect![[r#"
        Geneva summit: cancelled
        Paris meeting: happened"#]]
    .assert_eq(&statuses.join("\n"));
}

#[test]
fn each_joined_mention_keeps_why_it_joined() {
    let index = corpus(&[
        "President Donald Trump met Russian President Vladimir Putin in Geneva on June 16, 2021.\n",
        "Putin's summit with Trump in Geneva on June 16, 2021 was short.\n",
        "Trump and Putin talked for two hours in Geneva.\n",
        "Trump's meeting with Putin was tense, aides said.\n",
    ]);
    let joined: Vec<String> = (index.events.events.iter())
        .flat_map(|e| {
            e.mentions.iter().map(|m| {
                let doc = index.doc(m.doc);
                let words = doc.text().get(m.span.range()).unwrap_or_default();
                let why = if m.joined.is_empty() {
                    "first".to_string()
                } else {
                    m.joined.describe()
                };
                format!("{} | {words} | {why}", e.label)
            })
        })
        .collect();
    expect![[r#"
        Geneva summit | met Russian President Vladimir Putin in Geneva | same date, place and people
        Geneva summit | Putin's summit with Trump in Geneva | first
        Geneva summit | Trump's meeting | same people"#]]
    .assert_eq(&joined.join("\n"));
}

#[test]
fn join_reasons_read_as_a_phrase_and_survive_their_byte() {
    let mut reasons = JoinReasons::empty();
    assert_eq!(reasons.describe(), "nothing");
    reasons.insert(JoinReasons::PLACE);
    assert_eq!(reasons.describe(), "same place");
    reasons.insert(JoinReasons::DAY);
    assert_eq!(reasons.describe(), "same date and place");
    reasons.insert(JoinReasons::PEOPLE);
    assert_eq!(reasons.describe(), "same date, place and people");
    assert_eq!(JoinReasons::REFERS_BACK.describe(), "referring back");
    assert_eq!(JoinReasons::from_bits(reasons.bits()), Some(reasons));
    assert_eq!(JoinReasons::from_bits(1 << 7), None);
}

#[test]
fn the_leads_present_perfect_is_dated_by_the_article() {
    // Only the lead (the first paragraph), only a perfect, only when the story dates the
    // event nowhere else.
    check(
        "A train run by Virgin Trains has derailed and crashed near Paris.\n\n\
Police have arrested a man in Aleppo.",
        Some("2007-02-23"),
        expect![[r#"
            crash "crashed near Paris" @Paris on 2007-02-23 (day)
            arrest "arrested a man in Aleppo" @Aleppo"#]],
    );
    check(
        "Police have arrested a man in Aleppo. He was arrested on Thursday.",
        Some("2007-02-23"),
        expect![[r#"
            arrest "arrested a man in Aleppo" @Aleppo on 2007-02-22 (day)
            arrest "arrested" @Aleppo on 2007-02-22 (day)"#]],
    );
}

#[test]
fn a_name_after_in_taken_for_a_person_is_a_place() {
    // "Beverly Hills" and "Gardens" look like names of people to the actors; after "in",
    // never named by a part and with no possessive, they are places.
    check_with(
        "The actress died in Beverly Hills, Calif., on Thursday. A deputy was shot in \
Hawaiian Gardens. Police arrested Ann Cole in Ann Cole's house. Tom Reyes was fired. \
Reyes was later shot in Tom Reyes Park.",
        Some("2013-06-07"),
        &[
            ("Beverly Hills", P, &[]),
            ("Gardens", P, &[]),
            ("Ann Cole", P, &[]),
            ("Tom Reyes", P, &["Reyes"]),
        ],
        expect![[r#"
            death "died in Beverly Hills" @Beverly Hills on 2013-06-06 (day)
            attack "shot in Hawaiian Gardens" @Hawaiian Gardens
            arrest "arrested" with Ann Cole
            dismissal "fired" with Tom Reyes
            attack "shot" with Tom Reyes"#]],
    );
}

#[test]
fn an_admission_happens_at_the_named_facility() {
    check_with(
        "The actress checked into the Betty Ford Center on Friday. Her brother checked into \
rehab in Paris on Monday. The singer was admitted to Mercy Hospital in Geneva.",
        Some("2013-05-04"),
        &[("Betty Ford Center", ActorKind::Organization, &[])],
        expect![[r#"
            admission "checked into the Betty Ford Center" @Betty Ford Center on 2013-05-03 (day)
            admission "checked into rehab in Paris" @Paris on 2013-04-29 (day)
            admission "admitted to Mercy Hospital" @Mercy Hospital"#]],
    );
}

#[test]
fn a_clause_of_time_places_and_dates_the_happening() {
    // "killed when ...": the clause of time tells where and when; "asked when" asks, and
    // gives nothing.
    check(
        "Three people were killed when protesters threw petrol bombs at a bank in Paris on \
Wednesday. A man was arrested after officers asked when he was last in Geneva.",
        Some("2010-05-07"),
        expect![[r#"
            death "killed" @Paris on 2010-05-05 (day)
            attack "threw petrol bombs at a bank in Paris" @Paris on 2010-05-05 (day)
            arrest "arrested""#]],
    );
}

#[test]
fn a_clause_opened_by_where_happened_at_the_place_before_it() {
    check(
        "Hundreds gathered for a vigil in Aleppo, Syria, where a boy was shot on Saturday. \
Where the boy was shot, nobody knows.",
        Some("2013-03-12"),
        expect![[r#"
            ceremony "a vigil in Aleppo" @Aleppo
            attack "shot" @Aleppo on 2013-03-09 (day)
            attack "shot" @Aleppo on 2013-03-09 (day)"#]],
    );
}

#[test]
fn a_relative_clause_of_what_the_happening_did_places_it() {
    // "a fire that ripped through ...": a past verb after "that" tells what the fire did,
    // where and when; "the fire that officials blamed" is about the officials. A part of
    // the day after the weekday is glue ("a shooting Friday afternoon in Paris").
    check(
        "A fire that ripped through a store in Paris on Monday is being treated as arson. \
A second fire that officials blamed on wiring in Geneva was put out. \
A man died after a shooting Friday afternoon in Aleppo.",
        Some("2013-03-12"),
        expect![[r#"
            fire "A fire that ripped through a store in Paris" @Paris on 2013-03-11 (day)
            fire "A second fire"
            death "died"
            attack "a shooting Friday afternoon in Aleppo" @Aleppo on 2013-03-08 (day)"#]],
    );
}

#[test]
fn honours_given_and_craft_sent_up() {
    // A prize, medal or honour after "received", "awarded", "won" is an award; "received a
    // call", "won the match 3-1" and "the prize is awarded annually" are not. A satellite,
    // rocket or balloon beside "launched", or "into orbit" after it, is a launch;
    // "launched an investigation" and "launch operations" are not.
    check(
        "Dana Whitfield received the Rossi Prize on Tuesday. Paul Brenner received a call from \
the committee. Corvalla won the match 3-1. Anna Price won the Pulitzer Prize in April. The \
prize is awarded annually. The Orla satellite launched aboard a Falcon 9 rocket on Thursday. \
The agency launched an investigation. Rocket Lab is increasing launch operations. The \
Kestrel probe lifted off from Kourou on Friday.",
        Some("2024-02-08"),
        expect![[r#"
            award "received" on 2024-02-06 (day)
            contest "won"
            award "won" on 2023-04 (month)
            launch "launched" on 2024-02-08 (day)
            launch "lifted off" on 2024-02-02 (day)"#]],
    );
}

/// Each mention as `check` writes it, with its venue after `at`.
fn check_venues(text: &str, date: Option<&str>, expected: Expect) {
    check_venues_with(text, date, &[], expected);
}

/// [`check_venues`] with more actors than the cast.
fn check_venues_with(
    text: &str,
    date: Option<&str>,
    more: &[(&'static str, ActorKind, &'static [&'static str])],
    expected: Expect,
) {
    let front = date.map(|d| format!("date: {d}\n\n")).unwrap_or_default();
    let full = format!("{front}{text}");
    let doc = Document::new(
        SourceText {
            path: "/t/a.txt".into(),
            rel_path: "a.txt".into(),
            text: full.clone(),
        },
        "a".into(),
    );
    let mut all = cast();
    all.extend_from_slice(more);
    let actors = actors_for(&full, &all);
    let found = extract_document(&doc, &actors);
    let lines: Vec<String> = (found.mentions.iter())
        .map(|m| {
            format!(
                "{} {:?}{}{}{}",
                m.kind.as_str(),
                &full[m.trigger.clone()],
                m.place
                    .as_ref()
                    .map(|p| format!(" @{}", p.name))
                    .unwrap_or_default(),
                m.venue
                    .as_ref()
                    .map(|v| format!(" at [{}]", v.name))
                    .unwrap_or_default(),
                m.date
                    .as_ref()
                    .map(|d| format!(" on {}", d.display()))
                    .unwrap_or_default(),
            )
        })
        .collect();
    expected.assert_eq(&lines.join("\n"));
}

#[test]
fn a_facility_after_a_venue_preposition_is_where_it_happened() {
    // News places a happening at a facility or spot more often than in a named town: "died
    // in prison", "exploded at a Woodburn bank" (the town kept as the facility's modifier),
    // "in a Biloxi, Miss., motel room", "fell from a ridge", "checked into rehab". "In the
    // head" names no facility, "into" places only an admission, "from" a fall or an escape.
    check_venues(
        "A bomb exploded late Friday at a Woodburn bank. \
Paul Brenner died of heart disease in a Biloxi, Miss., motel room. \
A climber fell from a ridge near the glacier. \
The actress checked into rehab on Monday. \
A guard was shot in the head on Tuesday. \
A man was arrested from his car.",
        Some("2013-03-12"),
        expect![[r#"
            explosion "exploded" at [a Woodburn bank] on 2013-03-08
            death "died" at [a Biloxi, Miss., motel room]
            fall "fell" at [a ridge]
            admission "checked into" at [rehab] on 2013-03-11
            attack "shot" on 2013-03-12
            arrest "arrested""#]],
    );
}

#[test]
fn an_abbreviated_month_places_nothing() {
    // AP style abbreviates a month before a day or a year: "in Oct. 2011" dates, it does
    // not place.
    check_venues(
        "A woman was killed in her Brownsville neighborhood in Oct. 2011.",
        Some("2013-03-12"),
        expect![[r#"death "killed" at [her Brownsville neighborhood] on 2011-10"#]],
    );
}

#[test]
fn the_story_lends_its_lead_place_and_day_to_its_other_mentions() {
    // The headline and lead tell one happening and give its place and day once; its other
    // mentions there, and its definite mentions later ("her death"), take them. A
    // background happening of the same kind later in the story ("her brother was killed in
    // Canada in 1972") neither gives nor takes; "a second fire" is another happening, and
    // kinds a story tells many of (games, meetings, ceremonies) share nothing.
    check_venues(
        "Actress Dies At 91\n\
Angela Merkel has died, her family said.\n\
The actress passed away in Beverly Hills on Thursday.\n\
She starred in many films.\n\
Her career began early.\n\
Her death was mourned by fans.\n\
Her brother was killed in a hunting accident in Canada in 1972.\n\
Her brother was killed in a car crash.",
        Some("2013-06-06"),
        expect![[r#"
            death "Dies" @Beverly Hills on 2013-06-06
            death "died" @Beverly Hills on 2013-06-06
            death "passed away" @Beverly Hills on 2013-06-06
            death "death" @Beverly Hills on 2013-06-06
            death "killed" @Canada on 1972
            death "killed"
            crash "crash""#]],
    );
    check_venues(
        "Fire Destroys Store\n\
A fire ripped through a store in Paris on Monday.\n\
A second fire broke out.\n\
United beat City 3-1 in Leeds on Saturday.\n\
They also won their eighth straight game.",
        Some("2013-06-06"),
        expect![[r#"
            fire "Fire" @Paris on 2013-06-03
            damage "Destroys"
            fire "fire" @Paris on 2013-06-03
            fire "fire"
            contest "beat" @Leeds on 2013-06-01
            contest "won"
            contest "game""#]],
    );
}

#[test]
fn the_story_named_in_a_sentence_takes_part_whoever_its_subject_was_read_to_be() {
    // "Angela Merkel, whose films made Hollywood famous, died": the clause's subject may be
    // read as the name nearest the verb, but the person the headline names is in the
    // sentence, so the two mentions are one death; "Merkel's death" is definite.
    check_venues_with(
        "Merkel Dies At 91\n\
Angela Merkel, whose films made Hollywood famous, died in Berlin on Thursday.\n\
She starred in many films.\n\
Her career began early.\n\
She won many prizes.\n\
Merkel's death was mourned.",
        Some("2013-06-06"),
        &[("Hollywood", P, &[])],
        expect![[r#"
            death "Dies" @Berlin on 2013-06-06
            death "died" @Berlin on 2013-06-06
            award "won"
            death "death" @Berlin on 2013-06-06"#]],
    );
}

#[test]
fn a_headline_takes_the_place_and_day_its_lead_gives() {
    // The headline names the story's happening whatever its kind, and the lead dates and
    // places it: a game told in both is one game. Later games of the story share nothing.
    check_venues(
        "United Beat City 3-1\n\
United beat City 3-1 in Leeds on Saturday.\n\
They had won their eighth straight game.",
        Some("2013-06-06"),
        expect![[r#"
            contest "Beat" @Leeds on 2013-06-01
            contest "beat" @Leeds on 2013-06-01
            contest "won"
            contest "game""#]],
    );
}

#[test]
fn coordinated_verbs_share_the_place_and_day_after_the_last() {
    // One subject's verbs joined by "and" happened where and when the last one is placed
    // and dated; a verb with its own day or place keeps it.
    check_venues(
        "A gunman shot one man and wounded two others on Monday at a warehouse in Leeds. \
Police arrested a man in 2019 and charged him on Monday. \
The minister resigned in York and was arrested in Leeds on Monday.",
        Some("2013-06-06"),
        expect![[r#"
            attack "shot" @Leeds at [a warehouse] on 2013-06-03
            injury "wounded" @Leeds at [a warehouse] on 2013-06-03
            arrest "arrested" on 2019
            charge "charged" on 2013-06-03
            resignation "resigned" @York on 2013-06-03
            arrest "arrested" @Leeds on 2013-06-03"#]],
    );
}

#[test]
fn a_when_clause_happened_when_and_where_its_main_clause_did() {
    // The happening of a "when" clause takes the day and place written before "when";
    // one with its own day keeps it.
    check_venues(
        "A guard was killed on Friday in Leeds when a gunman shot him. \
The man died in York when he was arrested in 2019.",
        Some("2013-06-06"),
        expect![[r#"
            death "killed" @Leeds on 2013-05-31
            attack "shot" @Leeds on 2013-05-31
            death "died" @York on 2019
            arrest "arrested" @York on 2019"#]],
    );
}

#[test]
fn collisions_quakes_tolls_and_acts_named_by_their_verbs() {
    // A vehicle that hit someone is a crash, and so is a hit-and-run (not the "hit-and-run
    // driver", who is no event); "struck by the irony" is none, "hit by a costly burglary" is
    // that robbery, and a quake that hit is the quake. "Three dead after" counts a toll; "a dead battery" is nothing. A
    // gerund with its object ("suspected of stabbing two men") and a happening that
    // erupted or was sparked are particular.
    check(
        "A cyclist was hit by a delivery van in Leeds on Tuesday. Police sought the \
hit-and-run driver. A hit-and-run in Hull on Monday left a boy hurt. The mayor was struck by the \
irony. Harbour Street hit by a costly burglary. An earthquake hit northern Peru on Sunday. \
Three dead after the blast. The phone had a dead battery. Police said a man suspected of \
stabbing two men was held. Riots erupted overnight. The verdict sparked protests.",
        Some("2024-03-07"),
        expect![[r#"
            crash "hit by a delivery van in Leeds" @Leeds on 2024-03-05 (day)
            crash "A hit-and-run in Hull" @Hull on 2024-03-04 (day)
            robbery "hit by"
            robbery "a costly burglary"
            earthquake "An earthquake" on 2024-03-03 (day)
            earthquake "hit" on 2024-03-03 (day)
            death "dead"
            explosion "the blast"
            attack "stabbing"
            protest "Riots"
            conviction "The verdict"
            protest "protests""#]],
    );
}

#[test]
fn charges_missiles_vigils_and_what_a_contest_secured() {
    // "accused of" and "accused in" charge; "accused the council of" does not. Missiles
    // thrown are an attack, yards thrown are not. A vigil is a gathering. "clinched a
    // playoff spot" is a contest decided; "clinched the deal" is not.
    check(
        "Dana Whitfield was accused of arson in Leeds on Monday. Paul Brenner accused the \
council of waste. Youths threw stones at police in Hull on Friday. Anna Price threw for 300 \
yards. Hundreds joined a candlelit vigil in Leeds on Sunday. The Corvalla Hawks clinched a \
playoff spot on Saturday. Brenner clinched the deal.",
        Some("2024-03-07"),
        expect![[r#"
            charge "accused"
            attack "arson in Leeds" @Leeds on 2024-03-04 (day)
            attack "threw stones at police in Hull" @Hull on 2024-03-01 (day)
            ceremony "a candlelit vigil in Leeds" @Leeds on 2024-03-03 (day)
            contest "clinched"
            contest "a playoff" on 2024-03-02 (day)
            deal "the deal" [refers back]"#]],
    );
}

#[test]
fn fires_told_by_their_verbs_and_deaths_by_their_manner() {
    // "caught fire", "set fire to", "torched" are fires; "suffocated to death" is a death,
    // "sentenced to death" and "bored to death" are not.
    check(
        "A warehouse in Hull caught fire on Monday. Rioters torched two cars. A man set fire \
to a shed. Two miners suffocated to death. Paul Brenner was sentenced to death. The crowd was \
bored to death.",
        Some("2024-03-07"),
        expect![[r#"
            fire "caught fire" on 2024-03-04 (day)
            fire "torched" on 2024-03-04 (day)
            fire "set fire to" on 2024-03-04 (day)
            death "death"
            sentencing "sentenced""#]],
    );
}

#[test]
fn damage_done_to_buildings_told_by_its_verbs() {
    // "razed", "were damaged", "caused heavy damage": a built thing damaged or destroyed
    // is a happening of its own; the tornado before "razed" keeps the day its clause gives.
    // "damaged her reputation" and "destroyed the argument" name nothing built.
    check(
        "A tornado razed two barns outside Wichita on Monday. Dozens of homes were damaged \
on Tuesday. The blaze caused heavy damage to the school on Tuesday. The scandal damaged her \
reputation on Monday. The lawyer destroyed the argument on Monday.",
        Some("2024-03-07"),
        expect![[r#"
            storm "A tornado" on 2024-03-04 (day)
            damage "razed two barns outside Wichita" @Wichita on 2024-03-04 (day)
            damage "damaged" on 2024-03-05 (day)
            fire "The blaze" on 2024-03-05 (day)
            damage "damage" on 2024-03-05 (day)"#]],
    );
}

#[test]
fn a_natural_force_told_by_the_verb_after_it() {
    // "struck", "has hit", "shook" after an earthquake or a storm tell that happening, and
    // the noun before keeps the place and day its clause gives. "The news shook the
    // markets" and "the band rocked the hall" name no force.
    check(
        "An earthquake struck Kerman on Friday. A storm has hit Galveston, flattening \
dozens of homes. A tremor shook Bam on Monday. The news shook the markets on Monday. The band \
rocked the hall on Monday.",
        Some("2024-03-10"),
        expect![[r#"
            earthquake "An earthquake" on 2024-03-08 (day)
            earthquake "struck" on 2024-03-08 (day)
            storm "A storm"
            storm "hit"
            damage "flattening"
            earthquake "A tremor" on 2024-03-04 (day)
            earthquake "shook" on 2024-03-04 (day)"#]],
    );
}

#[test]
fn a_person_hit_while_on_foot_or_by_a_named_make() {
    // A passive "hit" or "struck" with the person on foot ("while walking", "while
    // crossing") is a road collision though no vehicle is named; so is one hit by a car
    // named by its make. "The bank was hit while closed" and "hit while the iron was hot"
    // are nothing.
    check(
        "A retired teacher was hit while crossing Elm Street in Dayton on Monday. A boy was \
struck while jogging near the park on Tuesday. A nurse was hit by a Honda Civic in Akron \
on Wednesday. The bank was hit while closed on Monday. They hit while the iron was hot.",
        Some("2024-03-10"),
        expect![[r#"
            crash "hit" @Akron on 2024-03-06 (day)
            crash "struck" @Akron on 2024-03-06 (day)
            crash "hit by a Honda Civic in Akron" @Akron on 2024-03-06 (day)"#]],
    );
}

#[test]
fn a_participle_of_result_happened_where_and_when_its_clause_did() {
    // ", killing a guard and critically injuring two others" tells what the blast did: it
    // takes the blast's day and place, and so does the participle joined to it by "and".
    // A participle with its own place keeps it.
    check_venues(
        "A bomb exploded on Friday at a bank in Geneva, killing a guard and critically \
injuring two others. Gunmen attacked a convoy in Doha on Tuesday, wounding two guards at a \
checkpoint in Ankara.",
        Some("2013-06-06"),
        expect![[r#"
            explosion "exploded" @Geneva at [a bank] on 2013-05-31
            death "killing" @Geneva on 2013-05-31
            injury "injuring" @Geneva on 2013-05-31
            attack "attacked" @Doha on 2013-06-04
            injury "wounding" @Ankara on 2013-06-04"#]],
    );
}

#[test]
fn a_model_year_names_the_vehicle_not_the_day() {
    // "hit by a 2011 Honda Civic on Friday" happened on Friday, not in 2011; "the 2015
    // crash" and "the 2009 car bombing" are dated by their year.
    check(
        "A cyclist was hit by a 2011 Honda Civic in Doha on Friday. A woman was struck by \
her neighbour's 2008 silver Toyota. The 2015 crash in Doha killed two. The 2009 car bombing \
in Ankara killed six.",
        Some("2013-06-06"),
        expect![[r#"
            crash "hit by a 2011 Honda Civic in Doha" @Doha on 2013-05-31 (day)
            crash "struck by" @Doha on 2013-05-31 (day)
            crash "The 2015 crash in Doha" @Doha on 2015 (year)
            death "killed" @Doha
            attack "The 2009 car bombing in Ankara" @Ankara on 2009 (year)
            death "killed" @Ankara"#]],
    );
}

#[test]
fn a_word_of_geography_followed_by_of_and_a_name_is_that_name() {
    // "the Gulf of Aden" is not the Persian Gulf the gazetteer knows as "Gulf"; "the
    // Gulf" alone and "the Persian Gulf" written whole stay the gazetteer's.
    check_with(
        "Pirates attacked a tanker in the Gulf of Aden on Saturday. Pirates attacked a \
ferry in the Gulf on Sunday. Pirates attacked a barge in the Persian Gulf on Monday.",
        Some("2013-06-06"),
        &[("Persian Gulf", L, &["Gulf"])],
        expect![[r#"
            attack "attacked a tanker in the Gulf of Aden" @Gulf of Aden on 2013-06-01 (day)
            attack "attacked a ferry in the Gulf" @Persian Gulf on 2013-06-02 (day)
            attack "attacked a barge in the Persian Gulf" @Persian Gulf on 2013-06-03 (day)"#]],
    );
}

mod blows_and_play;
