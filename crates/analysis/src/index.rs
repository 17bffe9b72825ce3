//! The corpus index: every document with its own extraction results, and the corpus-wide
//! indexes (actors, quotes, events) merged from them.
//!
//! Per-document results are kept so that one changed file is re-extracted alone and only
//! the merge runs again. They are kept in memory after an extraction, and left where the
//! index cache holds them after a warm start ([`DocExtraction::Stored`]): a warm start then
//! neither decodes nor holds them, and a later merge loads them one at a time.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use rayon::prelude::*;

use super::actors::{self, ActorIndex, CuratedActor, DocActors};
use super::corpus::{document_keys, DocId, Document, SourceText};
use super::doc_search::DocSearch;
use super::events::{self, DocEvents, EventIndex};
use super::fxhash::FxHashMap;
use super::quotes::{self, DocQuotes, QuoteIndex, QuoteText};

/// What extraction found in one document, before the corpus-wide merge.
#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct DocAnalysis {
    pub actors: DocActors,
    pub quotes: DocQuotes,
    pub events: DocEvents,
}

impl DocAnalysis {
    pub fn extract(doc: &Document) -> DocAnalysis {
        let actors = actors::extract_document(doc);
        let quotes = quotes::extract_document(doc, &actors);
        let events = events::extract_document(doc, &actors);
        DocAnalysis {
            actors,
            quotes,
            events,
        }
    }
}

/// One document's extraction as the corpus index keeps it.
#[derive(Debug, Clone)]
pub enum DocExtraction {
    /// In memory (just extracted).
    Loaded(Arc<DocAnalysis>),
    /// Kept elsewhere (the index cache) and loaded when a merge needs it.
    Stored(Arc<dyn StoredExtraction>),
}

/// An extraction kept outside the index, loaded on demand.
pub trait StoredExtraction: std::fmt::Debug + Send + Sync {
    /// The extraction, or why it cannot be read back (the document is then extracted
    /// again: a stored extraction is never trusted over the text).
    fn load(&self) -> Result<DocAnalysis, String>;

    /// For the store that wrote it, to copy it without decoding.
    fn as_any(&self) -> &dyn std::any::Any;
}

impl DocExtraction {
    /// The extraction of `doc`: loaded, read back, or extracted again when the stored
    /// copy cannot be read (said in the log).
    pub fn get(&self, doc: &Document) -> Arc<DocAnalysis> {
        match self {
            DocExtraction::Loaded(analysis) => analysis.clone(),
            DocExtraction::Stored(stored) => match stored.load() {
                Ok(analysis) => Arc::new(analysis),
                Err(why) => {
                    tracing::warn!(
                        "the stored extraction of {} is unusable ({why}); extracting it again",
                        doc.rel_path
                    );
                    Arc::new(DocAnalysis::extract(doc))
                }
            },
        }
    }
}

/// The corpus-wide indexes as [`CorpusIndex::merge`] leaves them, owned: what the index
/// cache stores so that a warm start skips the merge.
#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct MergedIndexes {
    pub actors: ActorIndex,
    pub quotes: QuoteIndex,
    pub events: EventIndex,
}

/// An immutable view of the whole corpus. Cheap to share (`Arc`), rebuilt on change.
#[derive(Debug, Default)]
pub struct CorpusIndex {
    pub docs: Vec<Arc<Document>>,
    /// `per_doc[i]` is the extraction of `docs[i]`.
    pub per_doc: Vec<DocExtraction>,
    pub actors: ActorIndex,
    pub quotes: QuoteIndex,
    pub events: EventIndex,
    pub curated: Vec<CuratedActor>,
    doc_by_key: FxHashMap<String, DocId>,
    /// Every document's key lowercased (as `str::to_lowercase` does), sorted by that, the
    /// key and the id: citation completion by prefix.
    keys_lower: Vec<(Box<str>, DocId)>,
    /// Every key is its own lowercase, so `keys_lower` is in key order too.
    keys_are_lowercase: bool,
    /// Keys and titles lowercased and packed: citation completion's fuzzy fallback.
    doc_search: DocSearch,
}

impl CorpusIndex {
    /// Builds the index from loaded sources, extracting documents in parallel.
    pub fn build(sources: Vec<SourceText>, curated: Vec<CuratedActor>) -> CorpusIndex {
        let docs = CorpusIndex::documents(sources);
        let started = Instant::now();
        let per_doc: Vec<DocExtraction> = docs
            .par_iter()
            .map(|doc| DocExtraction::Loaded(Arc::new(DocAnalysis::extract(doc))))
            .collect();
        tracing::info!(
            "extracted {} documents in {} ms",
            docs.len(),
            started.elapsed().as_millis()
        );
        CorpusIndex::merge(docs, per_doc, curated)
    }

    /// Loaded sources as documents with their keys, in the order given (built in parallel).
    /// The first step of [`CorpusIndex::build`], public so that the index cache can pair
    /// each document with a stored extraction before deciding what to extract again.
    pub fn documents(sources: Vec<SourceText>) -> Vec<Arc<Document>> {
        let rel_paths: Vec<&str> = sources.iter().map(|s| s.rel_path.as_str()).collect();
        let keys = document_keys(&rel_paths);
        sources
            .into_par_iter()
            .zip(keys)
            .map(|(source, key)| Arc::new(Document::new(source, key)))
            .collect()
    }

    /// A new index with one document added, replaced (same path) or removed (`None` text).
    /// Only that document is extracted again; the others keep their results.
    pub fn with_source(&self, path: &Path, source: Option<SourceText>) -> CorpusIndex {
        self.with_sources(vec![(path.to_path_buf(), source)])
    }

    /// A new index with documents added, replaced (same path) or removed (`None` text), in
    /// one merge: a burst of changed files (a folder of new articles copied in) costs one
    /// merge, not one per file. When a path appears more than once, its last change wins.
    /// Only the changed documents are extracted again (in parallel); the others keep
    /// their results.
    pub fn with_sources(&self, changes: Vec<(PathBuf, Option<SourceText>)>) -> CorpusIndex {
        enum Entry {
            Kept(Arc<Document>, DocExtraction),
            New(SourceText),
        }
        impl Entry {
            fn rel_path(&self) -> &str {
                match self {
                    Entry::Kept(doc, _) => &doc.rel_path,
                    Entry::New(source) => &source.rel_path,
                }
            }
        }
        let changes: HashMap<PathBuf, Option<SourceText>> = changes.into_iter().collect();
        let mut entries: Vec<Entry> = self
            .docs
            .iter()
            .zip(&self.per_doc)
            .filter(|(doc, _)| !changes.contains_key(&doc.path))
            .map(|(doc, analysis)| Entry::Kept(doc.clone(), analysis.clone()))
            .collect();
        entries.extend(changes.into_values().flatten().map(Entry::New));
        entries.sort_by(|a, b| a.rel_path().cmp(b.rel_path()));
        let rel_paths: Vec<&str> = entries.iter().map(Entry::rel_path).collect();
        let keys = document_keys(&rel_paths);
        let (docs, per_doc): (Vec<_>, Vec<_>) = entries
            .into_par_iter()
            .zip(keys)
            .map(|(entry, key)| match entry {
                Entry::Kept(doc, analysis) if doc.key == key => (doc, analysis),
                Entry::Kept(doc, analysis) => {
                    let mut renamed = (*doc).clone();
                    renamed.key = key;
                    (Arc::new(renamed), analysis)
                }
                Entry::New(source) => {
                    let doc = Document::new(source, key);
                    let analysis = DocAnalysis::extract(&doc);
                    (Arc::new(doc), DocExtraction::Loaded(Arc::new(analysis)))
                }
            })
            .unzip();
        CorpusIndex::merge(docs, per_doc, self.curated.clone())
    }

    /// The corpus-wide merge over documents and their extraction results (`per_doc[i]`
    /// belongs to `docs[i]`): the expensive, superlinear part of indexing a large corpus.
    /// Stored extractions are loaded for the merge and stay stored.
    pub fn merge(
        docs: Vec<Arc<Document>>,
        per_doc: Vec<DocExtraction>,
        curated: Vec<CuratedActor>,
    ) -> CorpusIndex {
        let started = Instant::now();
        // The merge reads every text (the quote index is built over them): deferred texts
        // are read here, in parallel, rather than one at a time inside the merge.
        let loaded: Vec<Arc<DocAnalysis>> = docs
            .par_iter()
            .zip(&per_doc)
            .map(|(doc, extraction)| {
                doc.text();
                extraction.get(doc)
            })
            .collect();
        let merged = CorpusIndex::merge_loaded(&docs, &loaded, &curated, started);
        drop(loaded);
        let tables = DocTables::new(&docs);
        CorpusIndex::assemble(docs, tables, per_doc, curated, merged)
    }

    fn merge_loaded(
        docs: &[Arc<Document>],
        per_doc: &[Arc<DocAnalysis>],
        curated: &[CuratedActor],
        started: Instant,
    ) -> MergedIndexes {
        let doc_actors: Vec<&DocActors> = per_doc.iter().map(|a| &a.actors).collect();
        // The quotes' seed index reads only the texts: it is built beside the actor
        // merge, which is mostly serial.
        let ((actors, actors_done), (text, text_ms)) = rayon::join(
            || {
                let actors = ActorIndex::build(docs, &doc_actors, curated);
                (actors, Instant::now())
            },
            || {
                let text = QuoteText::build(docs);
                (text, started.elapsed().as_millis())
            },
        );
        // Quotes and events only read the actors: they are merged side by side.
        let ((quotes, quotes_ms), (events, events_ms)) = rayon::join(
            || {
                let doc_quotes: Vec<&DocQuotes> = per_doc.iter().map(|a| &a.quotes).collect();
                let quotes = QuoteIndex::build_with(docs, &doc_quotes, &actors, text);
                (quotes, actors_done.elapsed().as_millis())
            },
            || {
                let doc_events: Vec<&DocEvents> = per_doc.iter().map(|a| &a.events).collect();
                let events = EventIndex::build(docs, &doc_events, &actors);
                (events, actors_done.elapsed().as_millis())
            },
        );
        tracing::info!(
            "merged in {} ms: actors {} ms beside the quotes' text index {text_ms} ms, \
             then quotes {quotes_ms} ms beside events {events_ms} ms",
            started.elapsed().as_millis(),
            (actors_done - started).as_millis(),
        );
        MergedIndexes {
            actors,
            quotes,
            events,
        }
    }

    /// Assembles an index from merged indexes computed earlier (read back from the index
    /// cache) without merging again. The caller guarantees they were merged from exactly
    /// these documents, in this order, with these extractions and curated actors; derived
    /// lookups that are not stored are rebuilt here.
    pub fn from_merged(
        docs: Vec<Arc<Document>>,
        per_doc: Vec<DocExtraction>,
        curated: Vec<CuratedActor>,
        merged: MergedIndexes,
    ) -> CorpusIndex {
        let tables = DocTables::new(&docs);
        CorpusIndex::from_merged_with(docs, tables, per_doc, curated, merged)
    }

    /// [`CorpusIndex::from_merged`] with the document tables built already (a warm start
    /// builds them while it decodes the merged indexes).
    pub fn from_merged_with(
        docs: Vec<Arc<Document>>,
        tables: DocTables,
        per_doc: Vec<DocExtraction>,
        curated: Vec<CuratedActor>,
        merged: MergedIndexes,
    ) -> CorpusIndex {
        let mut merged = merged;
        let started = std::time::Instant::now();
        merged.actors.rebuild_lookup();
        tracing::info!(
            "name lookups of {} actors built in {} ms",
            merged.actors.actors.len(),
            started.elapsed().as_millis()
        );
        CorpusIndex::assemble(docs, tables, per_doc, curated, merged)
    }

    fn assemble(
        docs: Vec<Arc<Document>>,
        tables: DocTables,
        per_doc: Vec<DocExtraction>,
        curated: Vec<CuratedActor>,
        merged: MergedIndexes,
    ) -> CorpusIndex {
        let MergedIndexes {
            actors,
            quotes,
            events,
        } = merged;
        let DocTables {
            doc_by_key,
            keys_lower,
            keys_are_lowercase,
            doc_search,
        } = tables;
        CorpusIndex {
            docs,
            per_doc,
            actors,
            quotes,
            events,
            curated,
            doc_by_key,
            keys_lower,
            keys_are_lowercase,
            doc_search,
        }
    }

    pub fn doc(&self, id: DocId) -> &Document {
        &self.docs[id as usize]
    }

    pub fn doc_by_key(&self, key: &str) -> Option<DocId> {
        self.doc_by_key.get(key).copied()
    }

    /// The documents whose lowercase key starts with `lower_prefix`, as (lowercase key,
    /// id), sorted by lowercase key, then key, then id (in key order when
    /// [`CorpusIndex::keys_are_lowercase`]).
    pub fn docs_with_key_prefix(&self, lower_prefix: &str) -> &[(Box<str>, DocId)] {
        let first = self
            .keys_lower
            .partition_point(|(k, _)| k.as_ref() < lower_prefix);
        let n = self.keys_lower[first..].partition_point(|(k, _)| k.starts_with(lower_prefix));
        &self.keys_lower[first..first + n]
    }

    /// Documents ranked by a fuzzy match of `typed` against key, else title (see
    /// [`DocSearch::rank`]).
    pub fn doc_search(&self) -> &DocSearch {
        &self.doc_search
    }

    /// Whether every document key is already lowercase.
    pub fn keys_are_lowercase(&self) -> bool {
        self.keys_are_lowercase
    }

    pub fn total_bytes(&self) -> usize {
        self.docs.iter().map(|d| d.len()).sum()
    }
}

/// The lookups over the documents alone (keys and titles), which need no merged index:
/// a warm start builds them while it decodes the merged indexes.
pub struct DocTables {
    doc_by_key: FxHashMap<String, DocId>,
    keys_lower: Vec<(Box<str>, DocId)>,
    keys_are_lowercase: bool,
    doc_search: DocSearch,
}

impl DocTables {
    pub fn new(docs: &[Arc<Document>]) -> DocTables {
        let ((doc_by_key, (keys_lower, keys_are_lowercase)), doc_search) = rayon::join(
            || {
                rayon::join(
                    || {
                        docs.iter()
                            .enumerate()
                            .map(|(i, d)| (d.key.clone(), i as DocId))
                            .collect()
                    },
                    || {
                        let mut keys_lower: Vec<(Box<str>, DocId)> = docs
                            .iter()
                            .enumerate()
                            .map(|(i, d)| (d.key.to_lowercase().into(), i as DocId))
                            .collect();
                        let keys_are_lowercase = keys_lower
                            .iter()
                            .all(|(lower, id)| docs[*id as usize].key.as_str() == lower.as_ref());
                        keys_lower.par_sort_unstable_by(|a, b| {
                            (&a.0, &docs[a.1 as usize].key, a.1).cmp(&(
                                &b.0,
                                &docs[b.1 as usize].key,
                                b.1,
                            ))
                        });
                        (keys_lower, keys_are_lowercase)
                    },
                )
            },
            || DocSearch::new(docs),
        );
        DocTables {
            doc_by_key,
            keys_lower,
            keys_are_lowercase,
            doc_search,
        }
    }
}
