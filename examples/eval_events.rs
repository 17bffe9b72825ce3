//! Scores event extraction and clustering on ECB+ as written out by `scripts/ecb_gold.py`.
//!
//! ```text
//! python3 scripts/ecb_gold.py DATA/ECB+_LREC2014/ECB+ /tmp/ecb        # topics 1-35
//! cargo run --release --example eval_events -- /tmp/ecb [--misses N] [--false N]
//! ```
//!
//! Gold ("seminal") mentions: ACTION_OCCURRENCE mentions in the sentences ECB+ annotated for
//! coreference that belong to a CROSS_DOC_COREF chain. Figures:
//! - found: a gold mention whose tokens overlap the trigger of a mention dossier reports;
//!   at event level, a gold chain in one document is found when one of its mentions is;
//! - place right: of found mentions whose sentence (or chain, in the document) has a LOC_*
//!   mention, those whose dossier event (the corpus-wide cluster the mention joined) has
//!   one of those words as its place (either holds the other, ignoring case); "the mention
//!   alone" counts the place extraction gave the mention itself (or a span overlap); the
//!   event's venue (the facility or spot: "prison", "a Woodburn bank") counts as its place,
//!   and "by the named place alone" counts without it;
//! - date right: of found mentions with a gold date resolved to ISO, those whose dossier
//!   event's date starts with it (the gold precision: day, month or year); "the mention
//!   alone" compares the mention's own date;
//! - precision: dossier mentions in annotated sentences whose trigger overlaps an annotated
//!   (non-negated) action mention; one on a negated action counts as wrong;
//! - B-cubed F1 of dossier's corpus-wide events against the CROSS_DOC_COREF chains, over
//!   all gold mentions (one not found is a cluster of its own) and over found ones only.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

use dossier::analysis::events::triggers::find_triggers;
use dossier::analysis::events::LocalEvent;
use dossier::analysis::{CorpusIndex, DocExtraction, SourceText};

struct Gold {
    doc: String,
    start: usize,
    end: usize,
    class: String,
    text: String,
    chain: String,
    coref_sentence: bool,
    places: Vec<String>,
    place_spans: Vec<(usize, usize)>,
    date: String,
    date_text: String,
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().is_some_and(|a| a == "--dump") {
        // `eval_events --dump FILE...`: every mention extraction finds, with its status.
        for path in &args[1..] {
            dump(Path::new(path));
        }
        return;
    }
    let Some(dir) = args.first().map(PathBuf::from) else {
        eprintln!(
            "usage: eval_events DIR [--misses N] [--false N]  (DIR from scripts/ecb_gold.py)"
        );
        std::process::exit(2);
    };
    let opt = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .and_then(|v| v.parse::<usize>().ok())
            .unwrap_or(0)
    };
    let (show_misses, show_false) = (opt("--misses"), opt("--false"));
    let gold = read_gold(&dir.join("gold.tsv"));
    let sentences = read_sentences(&dir.join("sentences.tsv"));

    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir.join("text"))
        .expect("DIR/text")
        .filter_map(|e| Some(e.ok()?.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let sources: Vec<SourceText> = paths
        .iter()
        .map(|path| SourceText {
            rel_path: path.file_name().unwrap().to_string_lossy().into_owned(),
            text: std::fs::read_to_string(path).unwrap_or_default(),
            path: path.clone(),
        })
        .collect();
    let started = std::time::Instant::now();
    let index = CorpusIndex::build(sources, Vec::new());
    eprintln!(
        "{} documents indexed in {} ms",
        index.docs.len(),
        started.elapsed().as_millis()
    );

    // Per document: its reported mentions and the corpus event each belongs to.
    let mut cluster_of: HashMap<(u32, usize, usize), usize> = HashMap::new();
    for (i, event) in index.events.events.iter().enumerate() {
        for m in &event.mentions {
            let r = m.span.range();
            cluster_of.insert((m.doc, r.start, r.end), i);
        }
    }
    let mut by_doc: HashMap<String, (u32, Vec<LocalEvent>, String)> = HashMap::new();
    for (i, doc) in index.docs.iter().enumerate() {
        let DocExtraction::Loaded(found) = &index.per_doc[i] else {
            continue;
        };
        let name = doc.rel_path.trim_end_matches(".txt").to_string();
        by_doc.insert(
            name,
            (
                i as u32,
                found.events.mentions.clone(),
                doc.text().to_string(),
            ),
        );
    }

    let seminal: Vec<&Gold> = gold
        .iter()
        .filter(|g| {
            g.coref_sentence
                && g.class == "ACTION_OCCURRENCE"
                && !g.chain.starts_with("SINGLE_")
                && !g.chain.starts_with("INTRA_")
        })
        .collect();
    let mut found = 0;
    let (mut trigger_words, mut marked_unreported) = (0, 0);
    let (mut place_n, mut place_ok, mut date_n, mut date_ok) = (0, 0, 0, 0);
    let mut named_place_ok = 0;
    let (mut place_local_ok, mut date_local_ok) = (0, 0);
    let mut system: Vec<Option<usize>> = Vec::new();
    // Whether each seminal mention was found (a found mention may have joined no event).
    let mut found_at: Vec<bool> = Vec::new();
    // Per seminal mention: whether its place and date are right (None: not found or no gold).
    let mut place_right_at: Vec<Option<bool>> = Vec::new();
    // The same, by the named place alone (no venue).
    let mut named_right_at: Vec<Option<bool>> = Vec::new();
    let mut date_right_at: Vec<Option<bool>> = Vec::new();
    let mut misses = Vec::new();
    let mut wrong_places = Vec::new();
    let mut wrong_dates = Vec::new();
    for g in &seminal {
        found_at.push(false);
        place_right_at.push(None);
        named_right_at.push(None);
        date_right_at.push(None);
        let Some((doc_id, mentions, text)) = by_doc.get(&g.doc) else {
            system.push(None);
            continue;
        };
        let on_trigger = find_triggers(text, g.start..g.end)
            .iter()
            .any(|t| t.kind.is_some());
        if on_trigger {
            trigger_words += 1;
        }
        let hit = mentions
            .iter()
            .find(|m| m.status.is_reported() && m.trigger.start < g.end && g.start < m.trigger.end);
        if hit.is_none()
            && mentions
                .iter()
                .any(|m| m.trigger.start < g.end && g.start < m.trigger.end)
        {
            marked_unreported += 1;
        }
        let Some(m) = hit else {
            system.push(None);
            misses.push(format!(
                "{}\t{}\t{}\t{}",
                g.doc,
                if on_trigger { "TRIGGER" } else { "-" },
                g.text,
                sentence_at(text, g.start)
            ));
            continue;
        };
        found += 1;
        *found_at.last_mut().expect("pushed above") = true;
        let cluster = cluster_of
            .get(&(*doc_id, m.span.start, m.span.end))
            .copied();
        system.push(cluster);
        let event = cluster.map(|c| &index.events.events[c]);
        if !g.places.is_empty() {
            place_n += 1;
            // The named place, or the facility or spot ("in prison", "a Woodburn bank").
            let local_ok = m.place.iter().chain(&m.venue).any(|p| {
                place_agrees(&g.places, &p.name)
                    || g.place_spans
                        .iter()
                        .any(|&(a, b)| p.span.start < b && a < p.span.end)
            });
            let event_ok = event.is_some_and(|e| {
                (e.place.iter().chain(&e.venue)).any(|p| place_agrees(&g.places, p))
            });
            let named_ok = event
                .and_then(|e| e.place.as_deref())
                .is_some_and(|p| place_agrees(&g.places, p))
                || (event.is_none()
                    && m.place
                        .as_ref()
                        .is_some_and(|p| place_agrees(&g.places, &p.name)));
            named_place_ok += usize::from(named_ok);
            *named_right_at.last_mut().expect("pushed above") = Some(named_ok);
            place_local_ok += usize::from(local_ok);
            let right = event_ok || (event.is_none() && local_ok);
            *place_right_at.last_mut().expect("pushed above") = Some(right);
            if right {
                place_ok += 1;
            } else {
                // The mention's own place beside its event's, and the sentence: whether
                // extraction or the clustering lost it, and how the text writes it.
                wrong_places.push(format!(
                    "{}\t{}\tgold {:?}\tdossier {:?} {:?}\tmention {:?}\t{}",
                    g.doc,
                    g.text,
                    g.places,
                    event.and_then(|e| e.place.as_ref()),
                    event.and_then(|e| e.venue.as_ref()),
                    m.place.as_ref().map(|p| &p.name),
                    sentence_at(text, g.start)
                ));
            }
        }
        if !g.date.is_empty() {
            date_n += 1;
            let local_ok = m
                .date
                .as_ref()
                .is_some_and(|d| date_agrees(&g.date, &d.parts));
            let event_ok = event
                .and_then(|e| e.date.as_deref())
                .is_some_and(|d| d.starts_with(g.date.as_str()));
            date_local_ok += usize::from(local_ok);
            let right = event_ok || (event.is_none() && local_ok);
            *date_right_at.last_mut().expect("pushed above") = Some(right);
            if right {
                date_ok += 1;
            } else {
                wrong_dates.push(format!(
                    "{}\t{}\tgold {} ({})\tdossier {:?}\t{}",
                    g.doc,
                    g.text,
                    g.date,
                    g.date_text,
                    event.and_then(|e| e.date.as_ref()),
                    sentence_at(text, g.start)
                ));
            }
        }
    }

    // Precision: reported mentions in annotated sentences.
    let mut actions: HashMap<&str, Vec<&Gold>> = HashMap::new();
    for g in &gold {
        actions.entry(g.doc.as_str()).or_default().push(g);
    }
    let (mut reported, mut correct, mut on_negated) = (0, 0, 0);
    let mut false_ones = Vec::new();
    for (name, (_, mentions, text)) in &by_doc {
        let Some(spans) = sentences.get(name.as_str()) else {
            continue;
        };
        let annotated = |at: usize| spans.iter().any(|&(a, b)| a <= at && at < b);
        for m in mentions
            .iter()
            .filter(|m| m.status.is_reported() && annotated(m.trigger.start))
        {
            reported += 1;
            let over: Vec<&&Gold> = actions
                .get(name.as_str())
                .map(|v| {
                    v.iter()
                        .filter(|g| m.trigger.start < g.end && g.start < m.trigger.end)
                        .collect()
                })
                .unwrap_or_default();
            if over.iter().any(|g| !g.class.starts_with("NEG_")) {
                correct += 1;
            } else {
                if !over.is_empty() {
                    on_negated += 1;
                }
                false_ones.push(format!(
                    "{name}\t{}\t{}\t{}",
                    m.status.as_str(),
                    &text[m.trigger.clone()],
                    sentence_at(text, m.trigger.start)
                ));
            }
        }
    }

    // B-cubed over gold mentions, against the cross-document chains.
    let gold_chain: Vec<&str> = seminal.iter().map(|g| g.chain.as_str()).collect();
    let sys_all: Vec<String> = system
        .iter()
        .enumerate()
        .map(|(i, s)| s.map_or(format!("miss{i}"), |c| format!("ev{c}")))
        .collect();
    let (p_all, r_all) = bcubed(&gold_chain, &sys_all);
    let keep: Vec<usize> = (0..seminal.len())
        .filter(|&i| system[i].is_some())
        .collect();
    let (p_f, r_f) = bcubed(
        &keep.iter().map(|&i| gold_chain[i]).collect::<Vec<_>>(),
        &keep.iter().map(|&i| sys_all[i].clone()).collect::<Vec<_>>(),
    );
    let f1 = |p: f64, r: f64| {
        if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        }
    };
    let ratio = |a: usize, b: usize| if b > 0 { a as f64 / b as f64 } else { 0.0 };
    let chains: HashSet<&str> = gold_chain.iter().copied().collect();
    // Event level: a gold chain in one document is found when any of its mentions there is.
    let mut doc_events: HashMap<(&str, &str), bool> = HashMap::new();
    for (i, g) in seminal.iter().enumerate() {
        *doc_events
            .entry((g.doc.as_str(), g.chain.as_str()))
            .or_default() |= system[i].is_some() || found_at[i];
    }
    let events_found = doc_events.values().filter(|&&f| f).count();
    let seminal_figures = seminal_event_figures(
        &seminal,
        &SeminalJudged {
            found: &found_at,
            place_right: &place_right_at,
            date_right: &date_right_at,
            system: &sys_all,
        },
    );
    let seminal_named = seminal_event_figures(
        &seminal,
        &SeminalJudged {
            found: &found_at,
            place_right: &named_right_at,
            date_right: &date_right_at,
            system: &sys_all,
        },
    );

    println!(
        "ECB+ seminal mentions: {} in {} chains",
        seminal.len(),
        chains.len()
    );
    println!(
        "events found        {:.3} ({found}/{})",
        ratio(found, seminal.len()),
        seminal.len()
    );
    println!(
        "  event level       {:.3} ({events_found}/{} gold chains in a document with a mention found)",
        ratio(events_found, doc_events.len()),
        doc_events.len()
    );
    println!(
        "  on a trigger word {trigger_words}; marked hypothetical/denied/negated {marked_unreported}"
    );
    println!(
        "place right         {:.3} ({place_ok}/{place_n}; the mention alone {place_local_ok}; \
         by the named place alone {named_place_ok})",
        ratio(place_ok, place_n)
    );
    println!(
        "date right          {:.3} ({date_ok}/{date_n}; the mention alone {date_local_ok})",
        ratio(date_ok, date_n)
    );
    println!(
        "precision           {:.3} ({correct}/{reported}; {on_negated} on negated actions)",
        ratio(correct, reported)
    );
    println!(
        "B-cubed all gold    P {p_all:.3} R {r_all:.3} F1 {:.3}",
        f1(p_all, r_all)
    );
    println!(
        "B-cubed found only  P {p_f:.3} R {r_f:.3} F1 {:.3}",
        f1(p_f, r_f)
    );
    let s = &seminal_figures;
    println!(
        "seminal event       {:.3} ({}/{} documents: the chain reaching the most documents of \
         its subtopic, found in the document)",
        ratio(s.found, s.docs),
        s.found,
        s.docs
    );
    println!(
        "  place right       {:.3} ({}/{} found with a gold place; by the named place alone \
         {:.3}, {})",
        ratio(s.place_ok, s.place_n),
        s.place_ok,
        s.place_n,
        ratio(seminal_named.place_ok, seminal_named.place_n),
        seminal_named.place_ok
    );
    println!(
        "  date right        {:.3} ({}/{} found with a gold date)",
        ratio(s.date_ok, s.date_n),
        s.date_ok,
        s.date_n
    );
    println!(
        "  B-cubed           P {:.3} R {:.3} F1 {:.3} ({} mentions of seminal chains)",
        s.p,
        s.r,
        f1(s.p, s.r),
        s.mentions
    );
    if opt("--chains") > 0 {
        // The gold chains with the most found mentions, and the events dossier made of them.
        let mut by_chain: BTreeMap<&str, Vec<String>> = BTreeMap::new();
        for (i, g) in seminal.iter().enumerate() {
            if let Some(c) = system[i] {
                let e = &index.events.events[c];
                by_chain.entry(g.chain.as_str()).or_default().push(format!(
                    "{}:{}->[{}] {} | {:?} | {:?}",
                    g.doc, g.text, c, e.label, e.date, e.place
                ));
            }
        }
        let mut chains: Vec<_> = by_chain.into_iter().collect();
        chains.sort_by_key(|(_, v)| std::cmp::Reverse(v.len()));
        for (chain, members) in chains.iter().take(opt("--chains")) {
            println!("\n## {chain}");
            for m in members {
                println!("  {m}");
            }
        }
    }
    if args.iter().any(|a| a == "--splits") {
        split_causes(&seminal, &system, &index.events.events);
    }
    show("missed", &misses, show_misses);
    show("not an annotated action", &false_ones, show_false);
    show("place wrong", &wrong_places, show_misses);
    show("date wrong", &wrong_dates, show_misses);
}

/// Why gold-coreferent found mentions of different documents sit in different events:
/// each pair of events sharing a gold chain, weighted by its mention pairs, counted by
/// what the two events' fields say (`--splits`).
fn split_causes(
    seminal: &[&Gold],
    system: &[Option<usize>],
    events: &[dossier::analysis::events::Event],
) {
    let mut causes: BTreeMap<String, usize> = BTreeMap::new();
    let mut total = 0;
    for i in 0..seminal.len() {
        for j in (i + 1)..seminal.len() {
            let (Some(a), Some(b)) = (system[i], system[j]) else {
                continue;
            };
            if a == b || seminal[i].chain != seminal[j].chain || seminal[i].doc == seminal[j].doc {
                continue;
            }
            let (ea, eb) = (&events[a], &events[b]);
            let place = match (&ea.place, &eb.place) {
                (Some(x), Some(y)) if x.eq_ignore_ascii_case(y) => "place same",
                (Some(_), Some(_)) => "place differs",
                (None, None) => "place none",
                _ => "place one",
            };
            let iso = |d: &Option<String>| {
                d.as_deref()
                    .filter(|d| d.chars().next().is_some_and(|c| c.is_ascii_digit()))
                    .map(str::to_string)
            };
            let date = match (iso(&ea.date), iso(&eb.date)) {
                (Some(x), Some(y)) if x.starts_with(&y) || y.starts_with(&x) => "date agrees",
                (Some(_), Some(_)) => "date differs",
                (None, None) => "date none",
                _ => "date one",
            };
            let shared = (ea.participants.iter())
                .filter(|p| eb.participants.contains(p))
                .count();
            let people = if shared > 0 {
                "people shared"
            } else if ea.participants.is_empty() || eb.participants.is_empty() {
                "people one/none"
            } else {
                "people differ"
            };
            let kind = if ea.kind.family() == eb.kind.family() {
                format!(" {:?}", ea.kind.family())
            } else {
                " FAMILY".to_string()
            };
            *causes
                .entry(format!("{place}, {date}, {people}{kind}"))
                .or_default() += 1;
            total += 1;
        }
    }
    let mut causes: Vec<_> = causes.into_iter().collect();
    causes.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
    println!("\n# split pairs of found mentions: {total}");
    for (cause, n) in causes {
        println!("{n:>7}  {cause}");
    }
}

/// What the scorer decided for each seminal mention, in the order of `seminal`.
struct SeminalJudged<'a> {
    found: &'a [bool],
    place_right: &'a [Option<bool>],
    date_right: &'a [Option<bool>],
    system: &'a [String],
}

/// The issue's "seminal events found", per document.
struct SeminalFigures {
    docs: usize,
    found: usize,
    place_n: usize,
    place_ok: usize,
    date_n: usize,
    date_ok: usize,
    mentions: usize,
    p: f64,
    r: f64,
}

/// ECB+ gathers, per topic, texts on two happenings of one type (the `ecb` and `ecbplus`
/// halves: two rehab check-ins, two earthquakes); a subtopic's seminal event is its chain
/// reaching the most documents. A document counts as found when a mention of that chain in
/// it is found; its place (date) is right when a found mention with a gold place (date) has
/// it. B-cubed is over the mentions of the seminal chains only (one not found is its own
/// cluster).
fn seminal_event_figures(seminal: &[&Gold], judged: &SeminalJudged) -> SeminalFigures {
    let subtopic = |doc: &str| {
        let topic = doc.split('_').next().unwrap_or(doc);
        (topic.to_string(), doc.ends_with("ecbplus"))
    };
    let mut docs_of: HashMap<((String, bool), &str), HashSet<&str>> = HashMap::new();
    for g in seminal {
        docs_of
            .entry((subtopic(&g.doc), g.chain.as_str()))
            .or_default()
            .insert(g.doc.as_str());
    }
    // The chain of each subtopic with the most documents (ties: the smaller chain id).
    let mut best: HashMap<(String, bool), (&str, usize)> = HashMap::new();
    for ((sub, chain), docs) in &docs_of {
        let entry = best.entry(sub.clone()).or_insert((chain, 0));
        if docs.len() > entry.1 || (docs.len() == entry.1 && *chain < entry.0) {
            *entry = (chain, docs.len());
        }
    }
    #[derive(Default)]
    struct Doc {
        found: bool,
        place: Option<bool>,
        date: Option<bool>,
    }
    let mut per_doc: BTreeMap<&str, Doc> = BTreeMap::new();
    let (mut gold, mut system) = (Vec::new(), Vec::new());
    for (i, g) in seminal.iter().enumerate() {
        if best.get(&subtopic(&g.doc)).map(|b| b.0) != Some(g.chain.as_str()) {
            continue;
        }
        gold.push(g.chain.as_str());
        system.push(judged.system[i].clone());
        let doc = per_doc.entry(g.doc.as_str()).or_default();
        doc.found |= judged.found[i];
        for (slot, right) in [
            (&mut doc.place, judged.place_right[i]),
            (&mut doc.date, judged.date_right[i]),
        ] {
            if let Some(right) = right {
                *slot = Some(slot.unwrap_or(false) || right);
            }
        }
    }
    let (p, r) = bcubed(&gold, &system);
    let count = |f: &dyn Fn(&Doc) -> bool| per_doc.values().filter(|d| f(d)).count();
    SeminalFigures {
        docs: per_doc.len(),
        found: count(&|d| d.found),
        place_n: count(&|d| d.place.is_some()),
        place_ok: count(&|d| d.place == Some(true)),
        date_n: count(&|d| d.date.is_some()),
        date_ok: count(&|d| d.date == Some(true)),
        mentions: gold.len(),
        p,
        r,
    }
}

fn dump(path: &Path) {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let doc = dossier::analysis::Document::new(
        SourceText {
            path: path.to_path_buf(),
            rel_path: path.to_string_lossy().into_owned(),
            text,
        },
        "doc".into(),
    );
    let found = dossier::analysis::DocAnalysis::extract(&doc);
    if std::env::var_os("DUMP_ACTORS").is_some() {
        // The actors extraction found, with their kinds: what claims a place's words.
        for m in &found.actors.mentions {
            let actor = &found.actors.actors[m.actor as usize];
            println!(
                "actor\t{:?}\t{:?}\t{}",
                &doc.text()[m.span.clone()],
                actor.kind,
                actor.name
            );
        }
    }
    for m in &found.events.mentions {
        println!(
            "{}\t{}\t{:?}\t{}\tanchored {}\tplace {:?}\tvenue {:?}\tdate {:?}\tpeople {}",
            path.display(),
            &doc.text()[m.trigger.clone()],
            m.kind,
            m.status.as_str(),
            m.anchored,
            m.place.as_ref().map(|p| &p.name),
            m.venue.as_ref().map(|p| &p.name),
            m.date.as_ref().map(|d| (&d.text, d.iso())),
            m.participants.len()
        );
    }
}

fn show(title: &str, lines: &[String], n: usize) {
    if n == 0 {
        return;
    }
    println!("\n# {title} ({} in all)", lines.len());
    // A spread sample: every k-th line.
    let step = (lines.len() / n).max(1);
    for line in lines.iter().step_by(step).take(n) {
        println!("{line}");
    }
}

fn sentence_at(text: &str, at: usize) -> &str {
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    &text[start..end]
}

/// Dossier's place is one of the gold location phrases, or holds one (ignoring case).
fn place_agrees(gold: &[String], place: &str) -> bool {
    let name = place.to_lowercase();
    gold.iter().any(|g| {
        let g = g.to_lowercase();
        g.contains(&name) || name.contains(&g)
    })
}

fn date_agrees(gold: &str, parts: &dossier::analysis::events::DateParts) -> bool {
    let mut it = gold.split('-').map(|p| p.parse::<i64>().ok());
    let (y, m, d) = (
        it.next().flatten(),
        it.next().flatten(),
        it.next().flatten(),
    );
    let same = |g: Option<i64>, s: Option<i64>| g.is_none() || g == s;
    same(y, parts.year.map(i64::from))
        && same(m, parts.month.map(i64::from))
        && same(d, parts.day.map(i64::from))
}

/// B-cubed precision and recall of `system` against `gold` (one label per mention).
fn bcubed(gold: &[&str], system: &[String]) -> (f64, f64) {
    if gold.is_empty() {
        return (0.0, 0.0);
    }
    let mut joint: HashMap<(&str, &str), usize> = HashMap::new();
    let mut g_size: HashMap<&str, usize> = HashMap::new();
    let mut s_size: HashMap<&str, usize> = HashMap::new();
    for (g, s) in gold.iter().zip(system) {
        *joint.entry((g, s.as_str())).or_default() += 1;
        *g_size.entry(g).or_default() += 1;
        *s_size.entry(s.as_str()).or_default() += 1;
    }
    let (mut p, mut r) = (0.0, 0.0);
    for (g, s) in gold.iter().zip(system) {
        let both = joint[&(*g, s.as_str())] as f64;
        p += both / s_size[s.as_str()] as f64;
        r += both / g_size[g] as f64;
    }
    let n = gold.len() as f64;
    (p / n, r / n)
}

fn read_gold(path: &Path) -> Vec<Gold> {
    let text = std::fs::read_to_string(path).expect("gold.tsv");
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap_or_default().split('\t').collect();
    let col = |name: &str| header.iter().position(|h| *h == name).expect(name);
    let c: BTreeMap<&str, usize> = [
        "doc",
        "start",
        "end",
        "class",
        "text",
        "chain",
        "coref_sentence",
        "place",
        "place_spans",
        "date",
        "date_text",
    ]
    .into_iter()
    .map(|n| (n, col(n)))
    .collect();
    lines
        .map(|line| {
            let f: Vec<&str> = line.split('\t').collect();
            let get = |n: &str| f.get(c[n]).copied().unwrap_or("");
            let list = |n: &str| {
                get(n)
                    .split('|')
                    .filter(|s| !s.is_empty())
                    .map(str::to_string)
                    .collect::<Vec<_>>()
            };
            Gold {
                doc: get("doc").to_string(),
                start: get("start").parse().unwrap_or(0),
                end: get("end").parse().unwrap_or(0),
                class: get("class").to_string(),
                text: get("text").to_string(),
                chain: get("chain").to_string(),
                coref_sentence: get("coref_sentence") == "1",
                places: list("place"),
                place_spans: list("place_spans")
                    .iter()
                    .filter_map(|s| {
                        let (a, b) = s.split_once('-')?;
                        Some((a.parse().ok()?, b.parse().ok()?))
                    })
                    .collect(),
                date: get("date").to_string(),
                date_text: get("date_text").to_string(),
            }
        })
        .collect()
}

/// Per document, the byte ranges of the sentences annotated for coreference.
fn read_sentences(path: &Path) -> HashMap<String, Vec<(usize, usize)>> {
    let text = std::fs::read_to_string(path).expect("sentences.tsv");
    let mut out: HashMap<String, Vec<(usize, usize)>> = HashMap::new();
    for line in text.lines().skip(1) {
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() == 5 && f[4] == "1" {
            if let (Ok(a), Ok(b)) = (f[2].parse(), f[3].parse()) {
                out.entry(f[0].to_string()).or_default().push((a, b));
            }
        }
    }
    out
}
