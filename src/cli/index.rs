//! `dossier index`: what the corpus holds, as a summary or as JSON (SPEC §6).

use serde::Serialize;

use super::{open, write_stdout, CommonArgs, EXIT_ERROR, EXIT_OK};
use crate::analysis::corpus::Document;
use crate::analysis::events::EventStatus;
use crate::analysis::text::line_number;
use crate::analysis::CorpusIndex;

#[derive(Debug, Clone, Default)]
pub struct IndexArgs {
    pub common: CommonArgs,
    pub json: bool,
}

pub fn run_index(args: &IndexArgs) -> i32 {
    let opened = match open(&args.common) {
        Ok(opened) => opened,
        Err(message) => {
            eprintln!("{message}");
            return EXIT_ERROR;
        }
    };
    if args.json {
        match serde_json::to_string_pretty(&IndexJson::new(&opened.corpus)) {
            Ok(json) => write_stdout(&format!("{json}\n")),
            Err(err) => {
                eprintln!("error: cannot write JSON: {err}");
                return EXIT_ERROR;
            }
        }
    } else {
        write_stdout(&summary(&opened.corpus));
    }
    eprintln!("dossier: {}", opened.cache);
    opened.save_cache();
    if opened.config_failed {
        EXIT_ERROR
    } else {
        EXIT_OK
    }
}

/// The human summary: counts, documents, top actors, the timeline.
pub fn summary(corpus: &CorpusIndex) -> String {
    let mut out = String::new();
    out.push_str(&format!(
        "{} documents ({} bytes), {} actors, {} events, {} quotes\n",
        corpus.docs.len(),
        corpus.total_bytes(),
        corpus.actors.actors.len(),
        corpus.events.events.len(),
        corpus.quotes.quotes.len()
    ));
    out.push_str("\nDocuments\n");
    for doc in &corpus.docs {
        out.push_str(&format!("  {}  {}\n", doc.key, doc.title));
    }
    let mut actors: Vec<_> = corpus.actors.actors.iter().collect();
    actors.sort_by(|a, b| {
        b.mentions
            .len()
            .cmp(&a.mentions.len())
            .then_with(|| a.name.cmp(&b.name))
    });
    if !actors.is_empty() {
        out.push_str("\nTop actors\n");
        for actor in actors.iter().take(20) {
            let role = actor
                .roles
                .first()
                .map(|r| format!(", {r}"))
                .unwrap_or_default();
            out.push_str(&format!(
                "  {:>4}  {} ({}{role})\n",
                actor.mentions.len(),
                actor.name,
                actor.kind.as_str()
            ));
        }
    }
    if !corpus.events.events.is_empty() {
        out.push_str("\nTimeline\n");
        let mut events: Vec<_> = corpus.events.events.iter().collect();
        // Dated events in order (ISO dates sort as text), undated after.
        events.sort_by(|a, b| {
            (a.date.is_none(), &a.date, &a.label).cmp(&(b.date.is_none(), &b.date, &b.label))
        });
        for event in events {
            let date = event.date.as_deref().unwrap_or("(undated)");
            let place = event
                .place
                .as_deref()
                .map(|p| format!(" in {p}"))
                .unwrap_or_default();
            // Happened is the rule; a plan or a cancellation is said.
            let status = match event.status {
                EventStatus::Happened => String::new(),
                other => format!(" [{}]", other.as_str()),
            };
            out.push_str(&format!(
                "  {date:<12} {}{place}{status} ({} mentions)\n",
                event.label,
                event.mentions.len()
            ));
        }
    }
    out
}

#[derive(Serialize)]
struct IndexJson {
    documents: Vec<DocumentJson>,
    actors: Vec<ActorJson>,
    events: Vec<EventJson>,
    quotes: Vec<QuoteJson>,
}

#[derive(Serialize)]
struct DocumentJson {
    key: String,
    path: String,
    title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<String>,
    bytes: usize,
}

#[derive(Serialize)]
struct MentionJson {
    doc: String,
    line: usize,
    start: usize,
    end: usize,
    text: String,
}

#[derive(Serialize)]
struct ActorJson {
    name: String,
    kind: &'static str,
    aliases: Vec<String>,
    roles: Vec<String>,
    mentions: Vec<MentionJson>,
}

#[derive(Serialize)]
struct EventJson {
    label: String,
    kind: String,
    date: Option<String>,
    /// `day`, `week`, `month`, `season`, `year` or `relative` (a weekday no date resolved).
    precision: Option<&'static str>,
    /// `happened`, `planned` or `cancelled`: what the event's documents say of it, the
    /// latest outcome winning (docs/events.md, "Status").
    status: &'static str,
    place: Option<String>,
    participants: Vec<String>,
    mentions: Vec<MentionJson>,
}

#[derive(Serialize)]
struct QuoteJson {
    doc: String,
    line: usize,
    start: usize,
    end: usize,
    text: String,
    speaker: Option<String>,
}

fn mention(doc: &Document, span: &std::ops::Range<usize>) -> MentionJson {
    MentionJson {
        doc: doc.key.clone(),
        line: line_number(&doc.line_index, span.start),
        start: span.start,
        end: span.end,
        text: doc.text().get(span.clone()).unwrap_or_default().to_string(),
    }
}

impl IndexJson {
    fn new(corpus: &CorpusIndex) -> IndexJson {
        let documents = corpus
            .docs
            .iter()
            .map(|d| DocumentJson {
                key: d.key.clone(),
                path: d.rel_path.clone(),
                title: d.title.clone(),
                date: d.date().map(str::to_string),
                bytes: d.len(),
            })
            .collect();
        let actors = corpus
            .actors
            .actors
            .iter()
            .map(|a| ActorJson {
                name: a.name.clone(),
                kind: a.kind.as_str(),
                aliases: a.aliases.clone(),
                roles: a.roles.clone(),
                mentions: a
                    .mentions
                    .iter()
                    .map(|m| mention(corpus.doc(m.doc), &m.span.range()))
                    .collect(),
            })
            .collect();
        let events = corpus
            .events
            .events
            .iter()
            .map(|e| EventJson {
                label: e.label.clone(),
                kind: e.kind.as_str().to_string(),
                date: e.date.clone(),
                precision: e.precision.map(|p| p.as_str()),
                status: e.status.as_str(),
                place: e.place.clone(),
                participants: e
                    .participants
                    .iter()
                    .map(|&p| corpus.actors.actor(p).name.clone())
                    .collect(),
                mentions: e
                    .mentions
                    .iter()
                    .map(|m| mention(corpus.doc(m.doc), &m.span.range()))
                    .collect(),
            })
            .collect();
        let quotes = corpus
            .quotes
            .quotes
            .iter()
            .map(|q| {
                let doc = corpus.doc(q.doc);
                // The words between the marks, so that `text` is exactly `start..end`.
                let m = mention(doc, &q.inner);
                QuoteJson {
                    doc: m.doc,
                    line: m.line,
                    start: m.start,
                    end: m.end,
                    text: m.text,
                    speaker: q.speaker.map(|s| corpus.actors.actor(s).name.clone()),
                }
            })
            .collect();
        IndexJson {
            documents,
            actors,
            events,
            quotes,
        }
    }
}
