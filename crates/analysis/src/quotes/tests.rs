//! Tests of extraction, attribution and matching on invented news text.

use std::sync::Arc;

use super::*;
use crate::actors::DocActors;
use crate::corpus::SourceText;

fn doc(text: &str) -> Document {
    Document::new(
        SourceText {
            path: "/w/a.txt".into(),
            rel_path: "a.txt".into(),
            text: text.into(),
        },
        "a".into(),
    )
}

/// Each quote as `inner => speaker` (`-` none, `(title)` not speech).
fn quotes_of(text: &str) -> String {
    let d = doc(text);
    let found = extract_document(&d, &DocActors::default());
    found
        .quotes
        .iter()
        .map(|q| {
            let who = match (&q.speaker_name, q.is_speech) {
                (_, false) => "(not speech)".to_string(),
                (Some(name), true) => name.clone(),
                (None, true) => "-".to_string(),
            };
            format!("{} => {}\n", &text[q.inner.clone()], who)
        })
        .collect()
}

fn check(text: &str, expect: expect_test::Expect) {
    expect.assert_eq(&quotes_of(text));
}

use expect_test::expect;

#[test]
fn attribution_patterns_in_invented_news() {
    check(
        r#"PARIS — Talks resumed on Monday.
"We will not give in," French Foreign Minister Jean Dupont said on Monday.
"The door remains open," said Maria Kovacs, a senior EU diplomat.
Chancellor Olaf Brandt told reporters: "Nobody wants another war in Europe."
According to Ahmed Said, "the ceasefire is holding for now."
Dupont warned that "any violation will have consequences for everyone."
“We are ready to talk,” she said. “But not under pressure.”
The Kremlin called it a "provocation" and the talks a "charade".
"#,
        expect![[r#"
            We will not give in, => Dupont
            The door remains open, => Maria Kovacs
            Nobody wants another war in Europe. => Olaf Brandt
            the ceasefire is holding for now. => Ahmed Said
            any violation will have consequences for everyone. => Dupont
            We are ready to talk, => Dupont
            But not under pressure. => Dupont
            provocation => (not speech)
            charade => (not speech)
        "#]],
    );
}

#[test]
fn marks_nesting_repair_and_titles() {
    check(
        "LONDON — “He told me \"never again\" and left,” Smith said.\n\
“Mixed marks close too,\" Jones added.\n\
\"An unclosed quote runs to the end of its sentence. Brown told the BBC\n\
Her 2019 book \"The Long Road Home\" sold well, and the \"Coalition of the Willing\" met.\n",
        expect![[r#"
            He told me "never again" and left, => Smith
            Mixed marks close too, => Jones
            An unclosed quote runs to the end of its sentence. => Brown
            The Long Road Home => (not speech)
            Coalition of the Willing => (not speech)
        "#]],
    );
}

#[test]
fn quotes_across_wrapped_lines_and_continued_paragraphs() {
    check(
        "Headline here\n\n\"Our economy is strong and our\nfuture is bright,\" the prime minister said.\n\n\"We will grow again,\" said Anna Berg.\n\n\"And we will do it together.\"\n",
        expect![[r#"
            Our economy is strong and our
            future is bright, => -
            We will grow again, => Anna Berg
            And we will do it together. => Anna Berg
        "#]],
    );
}

#[test]
fn a_line_too_long_to_be_wrapped_ends_its_paragraph() {
    // Scraped pages mix blank lines with paragraphs that only a line break ends: the
    // next line's "Rubio said" must not attribute the quote before it.
    let long = "\"I believe there should be exceptions for the life of the mother, and I have said so in every debate,\" Bush said. \"And so that belief makes me, I think, the right nominee.\"";
    check_with_actors(
        &format!("Jeb Bush and Marco Rubio debated.\n\n{long}\nRubio said he does support one exception.\n"),
        expect![[r#"
            I believe there should be exceptions for the life of the mother, and I have said so in every debate, => Bush
            And so that belief makes me, I think, the right nominee. => Bush
        "#]],
    );
}

#[test]
fn epigraph_and_odd_input() {
    check(
        "\"Peace is a process.\"\n– Kofi Mensah, diplomat\nText.\n",
        expect![[r#"
        Peace is a process. => Kofi Mensah
    "#]],
    );
    for text in [
        "\"",
        "“",
        "”\"«",
        "\"é",
        "said \"",
        "\"a\" b \"",
        "– \"x\"\n–",
    ] {
        let _ = quotes_of(text);
    }
}

#[test]
fn the_index_finds_altered_quotes_and_both_copies() {
    let texts = [
        "Intro.\n\"We are working very productively with Iran,\" Putin said.\n",
        "Later: we are working very productively with Iran, he repeated.\n",
    ];
    let docs: Vec<Arc<Document>> = texts.iter().map(|t| Arc::new(doc(t))).collect();
    let empty = DocQuotes::default();
    let index = QuoteIndex::build(&docs, &[&empty, &empty], &ActorIndex::default());
    let show = |q: &str| -> Vec<(u32, String, String)> {
        index
            .find(&docs, q)
            .iter()
            .map(|m| {
                (
                    m.doc,
                    format!("{:.2}", m.similarity),
                    docs[m.doc as usize].text()[m.span.clone()].to_string(),
                )
            })
            .collect()
    };
    assert_eq!(
        show("WE ARE WORKING … with Iran"),
        [
            (
                0,
                "1.00".into(),
                "We are working very productively with Iran".into()
            ),
            (
                1,
                "1.00".into(),
                "we are working very productively with Iran".into()
            )
        ]
    );
    assert_eq!(show("we are working very slowly with Iran")[0].1, "0.86");
    assert!(show("nothing of the sort was ever said").is_empty());
    assert!(index.heap_bytes() > 0);
}

#[test]
fn appositions_particle_names_and_headline_quotes() {
    // Subjects set off by an apposition, a lower-case name particle, and a single-quoted
    // headline quotation that takes the speaker of the body quotation repeating it.
    check(
        "title: 'Every minute counts': rescue in 'last-chance' push\n\n\
DOHA — \"We are close,\" mediator Mohammed al-Khulaifi told reporters outside the Sheraton hotel.\n\n\
Clara Nowak, the UN coordinator for Sudan, said \"every minute counts for the people here.\"\n\n\
Jan Kowal, campaigning for Nowak in Gdansk on Thursday, warned that \"nothing is decided.\"\n",
        expect![[r#"
            Every minute counts => Clara Nowak
            last-chance => (not speech)
            We are close, => Mohammed al-Khulaifi
            every minute counts for the people here. => Clara Nowak
            nothing is decided. => Jan Kowal
        "#]],
    );
}

#[test]
fn short_quote_with_one_word_changed_is_found_as_differing() {
    let d = Arc::new(doc("\"Now it is our turn,\" Blackburn said.\n"));
    let quotes = extract_document(&d, &DocActors::default());
    let index = QuoteIndex::build(
        std::slice::from_ref(&d),
        &[&quotes],
        &crate::actors::ActorIndex::default(),
    );
    let found = index.find(std::slice::from_ref(&d), "Now it was our turn");
    let best = found.first().map(|m| m.similarity);
    assert_eq!(best, Some(0.8), "{found:?}");
}

#[test]
fn a_quote_carried_by_thousands_of_documents_is_still_found() {
    // More copies than the text index keeps postings for (its stop n-grams): no seed of
    // the quote survives, so it is found among the corpus' quotations instead.
    let quote =
        "We will keep building the bridge across the river until every village is connected";
    let n = 2_100;
    let sources: Vec<SourceText> = (0..n)
        .map(|i| SourceText {
            path: format!("/w/{i:05}.txt").into(),
            rel_path: format!("{i:05}.txt"),
            text: format!("Villagers gathered on day {i}.\n\"{quote},\" Mayor Anna Kowalski said on day {i}.\n"),
        })
        .collect();
    let corpus = crate::CorpusIndex::build(sources, Vec::new());
    let tokens = normalize::quote_tokens(quote);
    assert!(corpus.quotes.text.mostly_stopped_seeds(&tokens));
    let found = corpus.quotes.find(&corpus.docs, quote);
    assert_eq!(found.len(), n);
    assert!(found.iter().all(|m| m.similarity >= 1.0));
    // Best first, then in corpus order.
    assert_eq!((found[0].doc, found[n - 1].doc), (0, n as u32 - 1));
    let misquoted = quote.replace("building", "constructing");
    let near = corpus.quotes.find(&corpus.docs, &misquoted);
    assert_eq!(near.len(), n);
    assert!(near.iter().all(|m| (0.8..1.0).contains(&m.similarity)));
    // A quote nobody said is not found, and does not trigger the scan.
    let other = "Nobody ever said these particular words about bridges and villages at all";
    assert!(!corpus
        .quotes
        .text
        .mostly_stopped_seeds(&normalize::quote_tokens(other)));
    assert!(corpus.quotes.find(&corpus.docs, other).is_empty());
}

/// Each quote as `inner => speaker`, with the document's actors extracted (the sentence
/// subject stages only name actors the document knows).
fn check_with_actors(text: &str, expect: expect_test::Expect) {
    let d = doc(text);
    let actors = crate::actors::extract_document(&d);
    let found = extract_document(&d, &actors);
    let out: String = found
        .quotes
        .iter()
        .map(|q| {
            let who = match (q.speaker, &q.speaker_name) {
                (Some(local), _) => actors.actors[local as usize].name.clone(),
                (None, Some(name)) => name.clone(),
                (None, None) => "-".to_string(),
            };
            format!("{} => {}\n", &text[q.inner.clone()], who)
        })
        .collect();
    expect.assert_eq(&out);
}

#[test]
fn attribution_stages_of_real_news_forms() {
    check_with_actors(
        r#"COLUMBUS, Ohio — The budget fight went on for a third day.

Senator Maria Lopez criticised the plan on Tuesday, calling it "a gift to the banks that caused the crisis."

Lopez said the vote had been rushed, adding that "nobody in this chamber has read the whole bill."

Governor Tom Reyes: "We will rebuild every home that was lost in the flood."

"You have broken every promise you made to this city," Reyes charged.

Sen. John Hale, R-Ohio, who chairs the finance committee, said "the hearings will resume next week."

"The figures are not final," a senior official said. "We expect more delays before the vote."

"The bridge stays closed until further notice," said a spokeswoman for the city, Ana Ruiz.

John Hale spoke after Maria Lopez. "We agreed on nothing at all today," she said.

The plan was backed by Ana Ruiz, who declared "this is the best deal the city will ever get."
"#,
        expect![[r#"
            a gift to the banks that caused the crisis. => Maria Lopez
            nobody in this chamber has read the whole bill. => Maria Lopez
            We will rebuild every home that was lost in the flood. => Tom Reyes
            You have broken every promise you made to this city, => Tom Reyes
            the hearings will resume next week. => John Hale
            The figures are not final, => -
            We expect more delays before the vote. => -
            The bridge stays closed until further notice, => Ana Ruiz
            We agreed on nothing at all today, => Maria Lopez
            this is the best deal the city will ever get. => Ana Ruiz
        "#]],
    );
}

#[test]
fn sign_offs_appositions_titles_and_documents() {
    check_with_actors(
        r#"WASHINGTON — The hearing ran late.

"We will not back down," said Sen. Tom Reed (R-Ky.), who spoke after the vote.

"This is a disgrace." ― Helen Marsh

"The economy is strong," Mark Holden, chairman of the group's network of donors that spent millions in the primaries, said on Tuesday.

"We have a plan for the whole parish," said the Rev. Peter Wherry.

"No comment at this time," said the White House.

The Treasury report stated that "growth will slow in the coming years."

Nobody answered.

"Prices will fall," when Reed said nothing would change, surprised the room.
"#,
        expect![[r#"
            We will not back down, => Tom Reed
            This is a disgrace. => Helen Marsh
            The economy is strong, => Mark Holden
            We have a plan for the whole parish, => Peter Wherry
            No comment at this time, => White House
            growth will slow in the coming years. => Treasury
            Prices will fall, => -
        "#]],
    );
}

#[test]
fn labels_a_known_speaker_reports_are_speech_with_their_list() {
    check_with_actors(
        r#"DES MOINES — Donald Trump spoke for an hour.

Donald Trump called Hillary Clinton a "nasty woman" on Wednesday night.

Trump has described her as "crooked," "a liar" and "nasty."

The film called "Fear Itself" opened on Friday.

Voters were told the plan was "very good."
"#,
        expect![[r#"
            nasty woman => Donald Trump
            crooked, => Donald Trump
            a liar => Donald Trump
            nasty. => Donald Trump
            Fear Itself => -
            very good. => -
        "#]],
    );
}

#[test]
fn titles_inside_runs_open_appositions_places_and_inversions() {
    check_with_actors(
        r#"COLUMBUS, Ohio — The strike entered its second week.

"It doesn't mean the talks are over," said United Steelworkers Political Director Tom Waters.

Anna Berg, president and CEO of the Ohio Restaurant Association stated, "Nobody here can afford another month of this."

"We need people who will bring the sides together," Harry Bond, 30, of Raleigh, N.C., who was among those polled, said on Monday.

Kate Mills, during a town hall meeting in Columbus, Ohio, said she was "going to put the plant back to work by spring."

"This will be a long fight" for the union, said Lena Kunin.

Paul Grady posted on Facebook writing, "Every worker on that line deserves a fair contract."

Mills spoke on The Morning Show on Tuesday. "We have backed every offer the union made so far."
"#,
        expect![[r#"
            It doesn't mean the talks are over, => Tom Waters
            Nobody here can afford another month of this. => Anna Berg
            We need people who will bring the sides together, => Harry Bond
            going to put the plant back to work by spring. => Kate Mills
            This will be a long fight => Lena Kunin
            Every worker on that line deserves a fair contract. => Paul Grady
            We have backed every offer the union made so far. => Kate Mills
        "#]],
    );
}

#[test]
fn a_name_after_a_pronoun_and_its_verb_is_who_was_spoken_of() {
    check_with_actors(
        r#"RENO, Nev. — The caucus met late.

Senator Harry Reid praised his colleagues and stressed the need to treat Bernie Sanders respectfully. He said Sanders has been "a tremendously important part of my caucus."
"#,
        expect![[r#"
            a tremendously important part of my caucus. => Harry Reid
        "#]],
    );
}

#[test]
fn pronoun_reporters_labels_after_their_subject_and_time_phrases() {
    check_with_actors(
        r#"DENVER — Senator John Miller spoke on Monday.

Miller went after his rival at the event, when he called the businessman "reckless."

The city hoped to shed what Mayor Anne Walsh called "an image problem."

A documentary called "Open Roads" opened on Friday.

Paul Dixon has targeted the airline for weeks, calling its managers "clowns" and "cowards."

Paul Dixon spoke at the airport. He's claiming that the merger is "a big problem for the state."

Anne Walsh on Thursday stepped up her attacks on the airline, saying it is "not fit to fly, and everyone knows that."
"#,
        expect![[r#"
            reckless. => John Miller
            an image problem. => Anne Walsh
            Open Roads => -
            clowns => Paul Dixon
            cowards. => Paul Dixon
            a big problem for the state. => Paul Dixon
            not fit to fly, and everyone knows that. => Anne Walsh
        "#]],
    );
}

#[test]
fn participles_of_regular_verbs() {
    use super::attribution::participles;
    assert!(participles("claimed").contains(&"claiming".to_string()));
    assert!(participles("argued").contains(&"arguing".to_string()));
    assert_eq!(participles("replied"), ["replying"]);
    assert!(participles("slammed").contains(&"slamming".to_string()));
    assert!(participles("insisting").contains(&"insisted".to_string()));
    assert!(participles("says").is_empty());
}

#[test]
fn phrasal_cues_participles_after_an_object_and_names_with_their_home() {
    check_with_actors(
        r#"SALEM, N.H. — Donald Trump and Jeb Bush met voters on Monday.

Speaking at a town hall in Salem, Trump went after Bush, calling him "a total stiff."

"They are all here for the free stuff," Bush shot back with a laugh.

Rep. Tom Cole of Oklahoma, an ally of the leadership, said Thursday that the party is "ready for a long fight over the budget."

Trump tried to laugh it off by interjecting, "Only my rivals think so."
"#,
        expect![[r#"
            a total stiff. => Donald Trump
            They are all here for the free stuff, => Bush
            ready for a long fight over the budget. => Tom Cole
            Only my rivals think so. => Donald Trump
        "#]],
    );
}

#[test]
fn attribution_reads_a_bounded_window_before_each_quote() {
    use attribution::{context_start, CONTEXT_BYTES};
    // An ordinary paragraph is read whole.
    let text = "Ana said it. \"Yes,\" she said.";
    assert_eq!(context_start(text, 0, text.find('"').unwrap()), 0);
    // A long one from the first sentence that opens in the window, on a char boundary.
    let filler = "Épée words — here, ".repeat(200);
    let text = format!("{filler}done. Ana Ruiz said: \"Yes.\"");
    let quote = text.find('"').unwrap();
    let start = context_start(&text, 0, quote);
    assert!(quote - start <= CONTEXT_BYTES);
    assert_eq!(&text[start..quote], "Ana Ruiz said: ");
    // No sentence end in the window: the first whole word.
    let text = format!("{filler}\"Yes.\"");
    let quote = text.find('"').unwrap();
    let start = context_start(&text, 0, quote);
    assert!(text.is_char_boundary(start) && quote - start <= CONTEXT_BYTES);
    assert!(text[..start].ends_with(char::is_whitespace));
    // No whitespace at all: nothing before the quote is read.
    let text = format!("{}\"Yes.\"", "x".repeat(5000));
    assert_eq!(context_start(&text, 0, 5000), 5000);
}

#[test]
fn a_paragraph_of_many_quotes_hands_attribution_a_bounded_window() {
    // A seed article run together into one paragraph, many times over (as a corpus file
    // without paragraph breaks): each stage once walked every word from the paragraph's
    // start for every quote, a cost that grew with the cube of the paragraph.
    let article = include_str!("../../../../seeds/000_1e2f7ca976c65369.txt");
    let text = article
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .repeat(30);
    let d = doc(&(text + "\n"));
    let actors = crate::actors::extract_document(&d);
    attribution::MOST_WORDS_HANDED_OUT.with(|most| most.set(0));
    let found = extract_document(&d, &actors);
    assert!(found.quotes.len() > 300, "{}", found.quotes.len());
    let most = attribution::MOST_WORDS_HANDED_OUT.with(|most| most.get());
    // A word takes at least two bytes of the window (a character and a space).
    assert!(
        most <= attribution::CONTEXT_BYTES / 2 + 1,
        "{most} words at once"
    );
}

#[test]
fn pronouns_read_before_themselves_go_on_with_the_last_speaker_and_plurals_name_no_one() {
    check_with_actors(
        r#"WASHINGTON — The hearing ran late.

Senator Laura Meyer opened the questioning. She says reports accusing Daniel Ortiz of lying are "a distraction from the real failures of this agency."

She tweeted later: "The agency owes the public a full account of what went wrong."

Mr. Ashby, the agency's director, did not answer. "We will publish everything we have," he said.

Members of the committee met after the hearing. "We have not decided on a subpoena yet," they said.

U.S. Ambassador in Canada, Peter Walsh, spoke to reporters on Thursday, saying the talks left him "hopeful about a deal before the summer."

Governor Ellen Park called the plan "reckless and costly for every family in the state." Mayor Tom Burke called it a relief.

Senator Jim Hale is upbeat about the bill's chances.

"This bill will pass before the recess, and it will pass with votes from both parties."
"#,
        expect![[r#"
            a distraction from the real failures of this agency. => Laura Meyer
            The agency owes the public a full account of what went wrong. => Laura Meyer
            We will publish everything we have, => Ashby
            We have not decided on a subpoena yet, => -
            hopeful about a deal before the summer. => Peter Walsh
            reckless and costly for every family in the state. => Ellen Park
            This bill will pass before the recess, and it will pass with votes from both parties. => Jim Hale
        "#]],
    );
}

#[test]
fn sixth_pass_appositions_colons_inverted_cues_and_reported_labels() {
    check_with_actors(
        r#"Governor Ray Dunn and Mayor Ann Hale spoke on Monday.

Tom Reyes, in a statement released by his office on Friday, said he "regrets the confusion and the delay" caused by the error.

Peter Vance, the veteran labor organizer, endorsed the plan on Sunday, saying, "I have never seen a better offer for the workers."

Said Laura Kim, who grew up on the same street, "We were all so proud of her."

Polls closed late in the West - Sam Ortiz and Dana Lee: "The margins were thin in every county we looked at this year."

The result did not surprise party pollster Rita Gomez: "Lesser-known candidates often win the early contests."

Dunn, the state's sitting governor, repeated his claims, calling Hale a "talented talker" when she reads a script.

Hale said that over the last week she has begun to expose Dunn, whom she called a "con artist."

Yet Hale is also a "change agent," Dunn said.

Hale had a short answer for Dunn: "We will see who the voters believe in November."
"#,
        expect![[r#"
            regrets the confusion and the delay => Tom Reyes
            I have never seen a better offer for the workers. => Peter Vance
            We were all so proud of her. => Laura Kim
            The margins were thin in every county we looked at this year. => Dana Lee
            Lesser-known candidates often win the early contests. => Rita Gomez
            talented talker => Ray Dunn
            con artist. => Ann Hale
            change agent, => Ray Dunn
            We will see who the voters believe in November. => Ann Hale
        "#]],
    );
}

#[test]
fn a_pronoun_opening_the_sentence_is_the_subject_of_a_colon_or_participle() {
    check_with_actors(
        r#"Mayor Ann Hale spoke on Monday to a crowd of supporters.

She then addressed the supporters again: "Here is what I regret most about this race."

She then adopted a fake accent and joked, "I will make it easier for them to laugh at me."
"#,
        expect![[r#"
            Here is what I regret most about this race. => Ann Hale
            I will make it easier for them to laugh at me. => Ann Hale
        "#]],
    );
}

#[test]
fn where_a_speaker_works_stands_between_the_name_and_the_verb() {
    check_with_actors(
        r#""A staged weapon would seem to be a stretch for the North Koreans," Jeffrey Lewis of the James Martin Center for Nonproliferation Studies wrote in December.

"Rates will stay low for the rest of the year and well into the next one," Chris Low at FTN Financial said.
"#,
        expect![[r#"
            A staged weapon would seem to be a stretch for the North Koreans, => Jeffrey Lewis
            Rates will stay low for the rest of the year and well into the next one, => Chris Low
        "#]],
    );
}

#[test]
fn seventh_pass_lists_chains_of_workplaces_passives_idioms_and_initials() {
    check_with_actors(
        r#"The council met on Monday to discuss the budget for the coming year.

“This is a reckless decision,“ said Helen Marsh, a city councillor from Bristol.

Rents are “out of control” and “hurting families,” Peter Walsh, the former mayor of Leeds, declared at the rally.

As Bishop Samuel Okoro of the Anglican Diocese of Lagos told the BBC, “We have waited long enough for this vote.”

Anna Berg of Portland, Oregon says she will vote for the levy if it keeps “schools open all week.”

“Many would call that a defeat” if she wins by less than ten points, said Carla Duval, an analyst at the Bay Institute.

On the radio show, Mayor Ruth Adams was asked by host Carl Benson, who has long opposed the tunnel, “Will you sign the contract this week?”

The vote split the party. As Senator Grace Holt put it, “This is a fight for the soul of the movement.”

The district has changed. In the words of local pastor Dean Morris, “Nobody here trusts the council any more.”

Police said the crowd turned angry, with Dan Okafor reportedly shouting: “Get out of this hall now!”

Michael J. Petrilli, president of the Thomas B. Fordham Institute, tied those scores to graduation rates, saying the law helped “millions of kids who would have dropped out.”

As RealClearPolitics’ David Byler pointed out in December, “No campaign has to worry about the rule yet.”

“We are going to close the gap,” added his campaign manager Jeff Walton, speaking to reporters after the rally.

“Stay away from the station,” said a spokeswoman for the British Transport Police.
"#,
        expect![[r#"
            This is a reckless decision, => Helen Marsh
            out of control => Peter Walsh
            hurting families, => Peter Walsh
            We have waited long enough for this vote. => Samuel Okoro
            schools open all week. => Anna Berg
            Many would call that a defeat => Carla Duval
            Will you sign the contract this week? => Carl Benson
            This is a fight for the soul of the movement. => Grace Holt
            Nobody here trusts the council any more. => Dean Morris
            Get out of this hall now! => Dan Okafor
            millions of kids who would have dropped out. => Michael J. Petrilli
            No campaign has to worry about the rule yet. => David Byler
            We are going to close the gap, => Jeff Walton
            Stay away from the station, => -
        "#]],
    );
}

#[test]
fn a_fronted_prepositional_phrase_comes_before_the_subject() {
    check_with_actors(
        r#"The hearing ran long.

During a rally on Monday, Mayor Ruth Adams attacked the plan, calling it “a gift to developers.”
"#,
        expect![[r#"
            a gift to developers. => Ruth Adams
        "#]],
    );
}

#[test]
fn an_apposition_with_a_relative_clause_may_lack_its_closing_comma() {
    check_with_actors(
        r#"The polls closed at eight.

“Clinton needs a plan for third-party voters,” Nate Silva, the polling analyst who founded a forecasting site tweeted on Wednesday.
"#,
        expect![[r#"
            Clinton needs a plan for third-party voters, => Nate Silva
        "#]],
    );
}

#[test]
fn a_verb_of_assent_ending_its_sentence_and_an_inverted_cue_after_a_fronted_phrase() {
    check_with_actors(
        r#"The council met on Monday.

Professor Dana Whitfield agreed. "The budget cannot hold another cut."

In other words, explained NBC moderator Lena Ortiz: "Who pays for the bridge?"

Mayor Tom Reyes, who chairs the council, said Whitfield was "too gloomy."
"#,
        expect![[r#"
            The budget cannot hold another cut. => Dana Whitfield
            Who pays for the bridge? => Lena Ortiz
            too gloomy. => Tom Reyes
        "#]],
    );
}

#[test]
fn a_quote_closed_by_a_full_stop_before_a_line_break_takes_no_cue_from_the_next_line() {
    check_with_actors(
        "Senator Ann Rooke spoke first.\nRooke replied: \"No, I meant every word of it.\"\nA puzzled Ben Ortiz quipped, \"That was the whole speech.\"\n",
        expect![[r#"
            No, I meant every word of it. => Ann Rooke
            That was the whole speech. => Ben Ortiz
        "#]],
    );
}

#[test]
fn ninth_pass_descriptions_that_name_someone_else_roles_ages_participles_and_presenters() {
    check_with_actors(
        r#"Governor Lena Ortiz spoke in Dayton on Monday.

A spokesman for Democratic presidential candidate Lena Ortiz called the audit "a partisan stunt and nothing more."

An Ortiz campaign official later corrected the figures, saying that Ortiz "never meant the state budget, only the city's."

The spokesman declined to comment further but said no meeting was planned with Ortiz, adding: "If one is proposed we will look at it."

64-year-old Dale Brennan, a retired welder from Dayton, backed the plan, saying it "keeps the plant open for our grandchildren."

Here's Ortiz in March 2009: "We cannot tax our way out of a recession, and we will not try."

Republican presidential front-runner Walt Denning defended his adviser as a "very decent man" on Tuesday.

Appearing before cheering supporters at the party office, Mira Solano, 70, said it was too early but added, "I think you all know the results."

Senator Hugo Marsh wrote on Thursday that the remark by Dr. Ivan Petrov was unfair. He writes that "there is no room for that kind of talk."

Ivan Petrov spoke on Sunday. Senator Nadia Fell criticized Petrov for accusing the Democratic campaign. "Nice try, not true," she said.

Paul Grady, who farms outside the state capital, Columbus, said he still "prays that the mill reopens by the spring."

Senator Amos Kent, a Republican from Utah, wrote a letter. In the letter, the Utah Republican asks whether "the agency or its contractors destroyed any records."
"#,
        expect![[r#"
            a partisan stunt and nothing more. => -
            never meant the state budget, only the city's. => -
            If one is proposed we will look at it. => -
            keeps the plant open for our grandchildren. => Dale Brennan
            We cannot tax our way out of a recession, and we will not try. => Lena Ortiz
            very decent man => Walt Denning
            I think you all know the results. => Mira Solano
            there is no room for that kind of talk. => Hugo Marsh
            Nice try, not true, => Nadia Fell
            prays that the mill reopens by the spring. => Paul Grady
            the agency or its contractors destroyed any records. => Amos Kent
        "#]],
    );
}

#[test]
fn a_pronoun_takes_the_subject_after_a_fronted_prepositional_phrase() {
    check_with_actors(
        r#"Governor Ben Ortiz said the deal would help the state.

On the eve of the vote, Senator Tom Rooke softened his tone. "I would say we can work together," he said.

In a statement to the press, Rooke went further. "We will get it done by June," he said.
"#,
        expect![[r#"
            I would say we can work together, => Tom Rooke
            We will get it done by June, => Tom Rooke
        "#]],
    );
}

#[test]
fn a_campaign_or_an_office_speaks_for_the_person_it_serves() {
    check_with_actors(
        r#"Senator Paul Ryan met donors on Monday. Ryan’s campaign said it "never asked for an endorsement from anyone."

Hillary Clinton spoke in Iowa. "We have a plan for the whole country," the Clinton campaign said in a statement.

Former Secretary of State Colin Powell kept quiet. Powell’s office said he "did not use a private server for classified matters."

Senator Bernie Sanders spoke in Iowa on Monday. His campaign said it would "fight on to the convention in July."
"#,
        expect![[r#"
            never asked for an endorsement from anyone. => Paul Ryan
            We have a plan for the whole country, => Hillary Clinton
            did not use a private server for classified matters. => Colin Powell
            fight on to the convention in July. => Bernie Sanders
        "#]],
    );
}

#[test]
fn a_pronoun_that_opens_the_quotes_sentence_is_its_speaker_when_no_cue_names_one() {
    check_with_actors(
        r#"Governor Ben Ortiz said the plan would help.

Senator Tom Rooke spoke in Ohio on Monday. He expected that the next president would be "dealing with a wide variety of problems that nobody has solved yet."

Senator Ann Bell stayed in Washington. But she wanted to know why the money was spent "without a single vote of the full committee."
"#,
        expect![[r#"
            dealing with a wide variety of problems that nobody has solved yet. => Tom Rooke
            without a single vote of the full committee. => Ann Bell
        "#]],
    );
}

#[test]
fn a_noun_in_ly_that_closes_an_apposition_is_no_adverb() {
    check_with_actors(
        r#"Marta Quill, a close ally, said the new rules were “far too strict for small farms.”

Oren Vale, an old ally, told reporters the fire was “the worst the valley has seen.”
"#,
        expect![[r#"
            far too strict for small farms. => Marta Quill
            the worst the valley has seen. => Oren Vale
        "#]],
    );
}

#[test]
fn a_conjunction_that_opens_the_sentence_stands_before_its_subject() {
    check_with_actors(
        r#"Governor Ruth Adams spoke in Dayton on Monday.

And then Adams turned on the mayor, saying, "He has failed every family in this city."

But Adams kept her calm: "We will rebuild the bridge by the spring."
"#,
        expect![[r#"
            He has failed every family in this city. => Ruth Adams
            We will rebuild the bridge by the spring. => Ruth Adams
        "#]],
    );
}

#[test]
fn an_adverb_of_time_may_open_a_fronted_phrase_before_the_subject() {
    check_with_actors(
        r#"Governor Ruth Adams spoke in Dayton on Monday.

Shortly after the storm, Adams issued a statement, "Our state was struck by the worst flood in decades."
"#,
        expect![[r#"
            Our state was struck by the worst flood in decades. => Ruth Adams
        "#]],
    );
}

#[test]
fn the_subject_of_a_passive_cue_with_no_agent_and_of_an_asked_clause_did_not_speak() {
    check_with_actors(
        r#"Senator Mary Walton spoke to reporters in Albany on Tuesday.

Walton was asked, "Would you run for governor next year?" She answered, "I have no plans."

Asked whether Walton is "ready to lead the state," 61 percent of voters said yes.

The mayor Paul Dent was said to be "furious" with the council.

Walton was asked by host Peter Lang whether the plan would "hurt small towns."
"#,
        expect![[r#"
            Would you run for governor next year? => -
            I have no plans. => Mary Walton
            ready to lead the state, => -
            furious => -
            hurt small towns. => Peter Lang
        "#]],
    );
}

#[test]
fn indefinite_pronouns_name_nobody_and_a_fronted_clause_comes_before_the_subject() {
    check_with_actors(
        r#"Senator Mary Walton spoke to reporters in Albany on Tuesday, and Governor Paul Dent answered her.

Nobody asked about the budget, so Walton raised it herself. She called the cuts "shameful and cruel to every family."

Several said they wanted "more money for the schools in the north."

When Dent suggested that the state would sue the federal government over the new water rules, Walton fired back: "They will lose in court."

After Dent criticized the plan, Walton shot back, "I stand by every word."

When Dent used the words, "a plan for every town," he was quoting an old speech.
"#,
        expect![[r#"
            shameful and cruel to every family. => Mary Walton
            more money for the schools in the north. => -
            They will lose in court. => Mary Walton
            I stand by every word. => Mary Walton
            a plan for every town, => Paul Dent
        "#]],
    );
}

#[test]
fn a_common_noun_opening_a_sentence_describes_a_speaker_and_does_not_name_one() {
    check_with_actors(
        r#"Senator Mary Walton spoke in Albany on Tuesday.

Aides said the senator wanted "a vote on the budget before the summer recess."

Another said he was "tired of waiting for the governor to act on it."

"We will hold the vote in June," Read said.
"#,
        expect![[r#"
            a vote on the budget before the summer recess. => -
            tired of waiting for the governor to act on it. => -
            We will hold the vote in June, => Read
        "#]],
    );
}

#[test]
fn a_topic_announced_with_as_for_is_whom_the_pronoun_subject_stands_for() {
    check_with_actors(
        r#"Senator Mary Walton and Governor Paul Dent debated in Albany on Tuesday.

Walton warned against a new tax. "That would be a disaster for every town," Walton said.

As for Dent, he said he was not worried. "The voters are with us," he said.
"#,
        expect![[r#"
            That would be a disaster for every town, => Mary Walton
            The voters are with us, => Paul Dent
        "#]],
    );
}

#[test]
fn a_title_noun_before_a_quote_that_opens_lowercase_is_the_subject_of_its_words() {
    check_with_actors(
        r#"The housing program "is gaining and has gained real traction this year," Deputy Secretary Anna Kerr told reporters.

She praised the new book "Roads Not Taken" at the launch.
"#,
        expect![[r#"
            is gaining and has gained real traction this year, => Anna Kerr
            Roads Not Taken => -
        "#]],
    );
}

#[test]
fn a_short_sentence_in_marks_after_a_quote_and_its_cue_goes_on_with_the_speaker() {
    check_with_actors(
        r#"Senator Mary Walton spoke in Albany on Tuesday.

"It is taxing on the state's resources," Walton said. "Big time."

"We have a plan," Walton said, "and it works."
"#,
        expect![[r#"
            It is taxing on the state's resources, => Mary Walton
            Big time. => Mary Walton
            We have a plan, => Mary Walton
            and it works. => Mary Walton
        "#]],
    );
}

#[test]
fn an_office_description_is_the_person_whose_title_says_so_or_the_story_s_subject() {
    check_with_actors(
        r#"Sen. Paul Lorne of Ohio spoke first. New Jersey Gov. Anna Kerr answered him on Tuesday.

"He voted for the easy thing every time," the New Jersey governor said.

Lorne walked into the hall to cheers. "We are closing strong," the senator said.

"I never met him," the former Florida governor said.
"#,
        expect![[r#"
            He voted for the easy thing every time, => Anna Kerr
            We are closing strong, => Paul Lorne
            I never met him, => -
        "#]],
    );
}

#[test]
fn an_office_description_with_a_place_is_read_like_a_pronoun_unless_a_title_says_otherwise() {
    check_with_actors(
        r#"Sen. Dana Whitcomb responded first on Tuesday night, and Gov. Luis Ferrante followed.

"The country is run by people who never listen," the Idaho senator and Republican presidential candidate said in a statement.

"We will keep going," the Idaho senator said.

Karl Brandt, who is second in the state's polls, toured a factory with Sen. Joan Ellis, R-Iowa.

"We will see what it adds up to next week," the Ohio senator told reporters.
"#,
        expect![[r#"
            The country is run by people who never listen, => Dana Whitcomb
            We will keep going, => Dana Whitcomb
            We will see what it adds up to next week, => Karl Brandt
        "#]],
    );
}

#[test]
fn a_name_set_off_by_commas_after_a_description_is_the_speaker_wherever_the_sentence_goes() {
    check_with_actors(
        r#"Investigators found no link between the two men, "nothing of any consequence," said the agency's director, Harold P. Quince, on Monday.

"We were never told," said the firm's chief executive, Maria Lopez.
"#,
        expect![[r#"
            nothing of any consequence, => Harold P. Quince
            We were never told, => Maria Lopez
        "#]],
    );
}

#[test]
fn an_epithet_for_the_story_s_subject_is_read_like_a_pronoun_unless_it_names_a_party() {
    check_with_actors(
        r#"Real estate developer Victor Hale toured the border town on Friday with his aides.

"There should be a lot of walls, beyond fences," the businessman replied.

Governor Ana Ruiz spoke after him. "We need bridges," the Democratic nominee said.
"#,
        expect![[r#"
            There should be a lot of walls, beyond fences, => Victor Hale
            We need bridges, => -
        "#]],
    );
}

#[test]
fn a_paragraph_ending_with_a_colon_introduces_the_quote_paragraph_after_it() {
    check_with_actors(
        r#"The central claim of Governor Lena Ortiz's speech on Wednesday night does not stand up to scrutiny.

She told her audience, to loud applause:

"Nobody has ever been more ready for this job than our candidate."

Her rival Mark Tull had an answer ready:

"Nobody believes that," a voter could be heard telling him afterwards.
"#,
        expect![[r#"
            Nobody has ever been more ready for this job than our candidate. => Lena Ortiz
            Nobody believes that, => -
        "#]],
    );
}

#[test]
fn a_conjunction_after_a_quote_opens_another_clause() {
    check_with_actors(
        r#"Senator Dana Pruitt said she would make the old mill "shine like new," for example, and Mayor Colin Ashe vowed to "clean up the river" by spring.

Governor Ruth Hale accuses Ashe of "governing by slogan" and Colin Ashe says he is "tired of the sniping."
"#,
        expect![[r#"
            shine like new, => Dana Pruitt
            clean up the river => Colin Ashe
            governing by slogan => Ruth Hale
            tired of the sniping. => Colin Ashe
        "#]],
    );
}

#[test]
fn a_described_speaker_after_a_comma_names_the_quote_going_on_before_it() {
    check_with_actors(
        r#"The agency looked for a link between the two men and did not find "ties of any consequence," aside from their shared gym, said the agency's director, Paul Ormond, on Monday.
"#,
        expect![[r#"
            ties of any consequence, => Paul Ormond
        "#]],
    );
}

#[test]
fn long_title_chains_unnamed_subjects_addressees_and_the_company() {
    check_with_actors(
        r#"“The clinic she is in is not a licensed treatment center,” Oregon Department of Health and Human Services deputy director Marla Quist told The Herald.

Dana Wells said she heard someone say, "He has a knife," and ran inside.

Police sources also told the Courier that "Reyes has two earlier arrests for theft."

Brightwater Foods Inc. recalled 40,000 jars of peanut butter on Tuesday. Brightwater Foods Inc. said the jars came from one plant. A buyer at Kessler Markets noticed the smell first.

"We are acting out of an abundance of caution," the company said.
"#,
        expect![[r#"
            The clinic she is in is not a licensed treatment center, => Marla Quist
            He has a knife, => -
            Reyes has two earlier arrests for theft. => -
            We are acting out of an abundance of caution, => Brightwater Foods Inc
        "#]],
    );
}

#[test]
fn a_quote_paragraph_after_a_paraphrase_is_the_paraphrased_speaker_s() {
    check_with_actors(
        r#"Ranger Tom Whitlow said the two climbers had little equipment.

Two deaths in one week was rare so early in the season, Whitlow said.

"We don't see many climbers at this time of year, it is still winter up there."
"#,
        expect![[r#"
            We don't see many climbers at this time of year, it is still winter up there. => Tom Whitlow
        "#]],
    );
}

#[test]
fn a_cue_inside_a_dash_aside_tells_of_other_words() {
    check_with_actors(
        r#"District Attorney Nora Pike told The Ledger a few hours after the hearing — where the defense lawyer Sam Orr said his client was "resting at home" in Fairview — "I hear he is on a plane to Denver."
"#,
        expect![[r#"
            resting at home => Sam Orr
            I hear he is on a plane to Denver. => Nora Pike
        "#]],
    );
}

#[test]
fn according_to_a_statement_names_its_owner() {
    check_with_actors(
        r#"The Harbor Police Department said two officers were hurt. According to the Harbor Police Department's statement, the man "turned on the officers and pointed a revolver at them."
"#,
        expect![[r#"
            turned on the officers and pointed a revolver at them. => Harbor Police Department
        "#]],
    );
}

#[test]
fn an_owner_s_role_after_the_verb_then_the_holder_s_name() {
    check_with_actors(
        r#"Coach Ray Dolan was fired on Friday. "We deny any improper conduct under the league's rules," said Dolan's attorney, Paula Lindqvist.
"#,
        expect![[r#"
            We deny any improper conduct under the league's rules, => Paula Lindqvist
        "#]],
    );
}
