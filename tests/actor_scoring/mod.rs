//! Scoring actor extraction against a hand-written gold list (shared by the seed and the
//! unseen-news quality tests).
//!
//! A gold line is `kind<TAB>name<TAB>required aliases<TAB>acceptable names` (lists
//! separated by `;`). A person counts as found when one extracted actor carries its name
//! and every required alias, and nothing that belongs to someone else.

use std::collections::HashSet;

use dossier::analysis::actors::{Actor, ActorKind};
use dossier::analysis::CorpusIndex;

pub struct Gold {
    kind: String,
    /// Name and required aliases.
    required: Vec<String>,
    /// Required plus acceptable names, lowercase.
    allowed: HashSet<String>,
}

pub fn gold(text: &str) -> Vec<Gold> {
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|line| {
            let fields: Vec<&str> = line.split('\t').collect();
            let list = |i: usize| -> Vec<String> {
                fields.get(i).map_or(Vec::new(), |f| {
                    f.split(';')
                        .map(str::trim)
                        .filter(|s| !s.is_empty())
                        .map(String::from)
                        .collect()
                })
            };
            let mut required = vec![fields[1].to_string()];
            required.extend(list(2));
            let allowed = required
                .iter()
                .chain(&list(3))
                .map(|s| s.to_lowercase())
                .collect();
            Gold {
                kind: fields[0].to_string(),
                required,
                allowed,
            }
        })
        .collect()
}

fn names(actor: &Actor) -> HashSet<String> {
    std::iter::once(&actor.name)
        .chain(&actor.aliases)
        .map(|s| s.to_lowercase())
        .collect()
}

/// The least each test accepts; each test file states its own.
pub struct Bars {
    pub person_precision: f64,
    pub person_recall: f64,
    pub org_recall: f64,
    pub place_recall: f64,
}

/// The figures of one scoring, held to a test's bars by [`Scores::assert_meets`].
pub struct Scores {
    person_precision: f64,
    person_recall: f64,
    org_recall: f64,
    place_recall: f64,
    /// What was wrong or missed, a line each.
    report: String,
}

impl Scores {
    /// The figures, then the report, for the test to print.
    pub fn summary(&self) -> String {
        format!(
            "persons: precision {:.3} recall {:.3}; organizations recall {:.3}; places recall {:.3}\n{}",
            self.person_precision, self.person_recall, self.org_recall, self.place_recall, self.report
        )
    }

    /// Panics, with the report, unless every figure meets its bar.
    pub fn assert_meets(&self, bars: &Bars) {
        let figures = [
            (
                "person precision",
                self.person_precision,
                bars.person_precision,
            ),
            ("person recall", self.person_recall, bars.person_recall),
            ("organization recall", self.org_recall, bars.org_recall),
            ("place recall", self.place_recall, bars.place_recall),
        ];
        for (what, figure, bar) in figures {
            assert!(figure >= bar, "{what} {figure:.3}\n{}", self.report);
        }
    }
}

/// Scores the actors of `index` against a gold list.
pub fn score(index: &CorpusIndex, gold: &[Gold]) -> Scores {
    let persons: Vec<&Actor> = index
        .actors
        .actors
        .iter()
        .filter(|a| a.kind == ActorKind::Person)
        .collect();
    let gold_persons: Vec<&Gold> = gold.iter().filter(|g| g.kind == "person").collect();
    let mut report = String::new();

    // Precision: an extracted person is right when all its names belong to one gold person,
    // and no earlier extracted person already took that gold person (a split is an error).
    let mut claimed: HashSet<usize> = HashSet::new();
    let mut n_right = 0;
    for actor in &persons {
        let actor_names = names(actor);
        let owner = gold_persons.iter().position(|g| {
            g.allowed.contains(&actor.name.to_lowercase()) && actor_names.is_subset(&g.allowed)
        });
        match owner {
            Some(g) if claimed.insert(g) => n_right += 1,
            _ => report.push_str(&format!(
                "wrong person: {} {:?}\n",
                actor.name, actor.aliases
            )),
        }
    }
    // Recall: a gold person is found when one extracted person holds all its required
    // names and nothing that belongs elsewhere.
    let mut n_found = 0;
    for g in &gold_persons {
        let found = persons.iter().any(|a| {
            let actor_names = names(a);
            actor_names.is_subset(&g.allowed)
                && g.required
                    .iter()
                    .all(|r| actor_names.contains(&r.to_lowercase()))
        });
        if found {
            n_found += 1;
        } else {
            report.push_str(&format!(
                "missed person: {} {:?}\n",
                g.required[0],
                &g.required[1..]
            ));
        }
    }
    let recall_of = |kind: &str, report: &mut String| {
        let wanted: Vec<&Gold> = gold.iter().filter(|g| g.kind == kind).collect();
        let found = wanted
            .iter()
            .filter(|g| {
                let hit = index
                    .actors
                    .actors
                    .iter()
                    .any(|a| a.kind != ActorKind::Person && !names(a).is_disjoint(&g.allowed));
                if !hit {
                    report.push_str(&format!("missed {kind}: {}\n", g.required[0]));
                }
                hit
            })
            .count();
        found as f64 / wanted.len().max(1) as f64
    };
    let org_recall = recall_of("organization", &mut report);
    let place_recall = recall_of("place", &mut report);
    Scores {
        person_precision: n_right as f64 / persons.len().max(1) as f64,
        person_recall: n_found as f64 / gold_persons.len().max(1) as f64,
        org_recall,
        place_recall,
        report,
    }
}
