//! Whether a mention can join a cluster, and how well it fits.
//!
//! On a large corpus a mention is tested against thousands of clusters and nearly all
//! tests fail: another kind of event in the same document, another place, another date,
//! other people. Each of those tests reads a different part of a large cluster, so a
//! failing test used to cost several cache misses. A [`Head`] holds what those tests read,
//! compactly and beside the other clusters' heads, and decides them first; only the
//! mentions it lets through read the cluster itself.

use super::{Candidate, Cluster};
use crate::actors::ActorId;
use crate::corpus::DocId;
use crate::events::dates::{self, DateParts, EventDate};
use crate::events::kinds::KindFamily;
use crate::events::JoinReasons;

/// The number of no place in [`Candidate::place_fold`] and [`Head`].
pub(super) const NO_PLACE: u32 = u32::MAX;

/// How many participants a head holds: a cluster with more has its participants tested
/// in full by `fits`.
const HEAD_PEOPLE: usize = 4;

/// The parts of a cluster that decide most of the mentions `fits` rejects, copied out of
/// it after every member it gains (see the module doc).
#[derive(Clone)]
pub(super) struct Head {
    family: Option<KindFamily>,
    all_span_days: bool,
    /// The cluster's place and the place holding it, numbered as
    /// [`Candidate::place_fold`]: equal numbers are names equal but for ASCII case.
    place: u32,
    place_parent: u32,
    n_participants: usize,
    /// The first [`HEAD_PEOPLE`] participants, when there are no more.
    people: [ActorId; HEAD_PEOPLE],
    /// Which of `people` are persons (bit `i` for `people[i]`).
    person_bits: u8,
    /// The first of the cluster's distinct resolved dates: any mention whose date
    /// disagrees with it fails.
    first_date: Option<(DateParts, DocId, bool)>,
}

impl Default for Head {
    fn default() -> Self {
        Head {
            family: None,
            all_span_days: false,
            place: NO_PLACE,
            place_parent: NO_PLACE,
            n_participants: 0,
            people: [0; HEAD_PEOPLE],
            person_bits: 0,
            first_date: None,
        }
    }
}

impl Head {
    pub(super) fn of(cluster: &Cluster) -> Head {
        let mut people = [0; HEAD_PEOPLE];
        let mut person_bits = 0u8;
        for (i, (slot, (p, _))) in people.iter_mut().zip(&cluster.participants).enumerate() {
            *slot = *p;
            if cluster.persons.contains(p) {
                person_bits |= 1 << i;
            }
        }
        let (place, place_parent) = match cluster.place {
            Some(_) => (cluster.place_fold, cluster.parent_fold),
            None => (NO_PLACE, NO_PLACE),
        };
        Head {
            family: cluster.family,
            all_span_days: cluster.all_span_days,
            place,
            place_parent,
            n_participants: cluster.participants.len(),
            people,
            person_bits,
            first_date: cluster.resolved_dates.first().cloned(),
        }
    }

    /// `None` when one of the tests of `fits` it holds the data for fails (the same
    /// tests, with the same outcome); else whether the places match.
    fn admits(&self, candidate: &Candidate) -> Option<bool> {
        if self.family != Some(candidate.local.kind.family()) {
            return None;
        }
        let mut place_match = false;
        if self.place != NO_PLACE && candidate.place_fold != NO_PLACE {
            let within = self.place == candidate.place_fold
                || self.place_parent == candidate.place_fold
                || candidate.parent_fold == self.place;
            if !within {
                return None;
            }
            place_match = true;
        }
        // Whether the mention and the cluster may be one happening to one person; with
        // more people than the head holds, `fits` decides.
        let n_people = self.n_participants.min(HEAD_PEOPLE);
        let same_person = candidate.local.kind.befalls_once()
            && (self.n_participants > HEAD_PEOPLE
                || (candidate.persons.iter()).any(|p| self.people[..n_people].contains(p)));
        // Whether the mention may be a report of the cluster's happening a few days
        // apart (see `fits`); the dates are tested there.
        let shares_someone = self.n_participants > HEAD_PEOPLE
            || (candidate.participants.iter()).any(|p| self.people[..n_people].contains(p));
        let close_report = reported_days_apart(candidate) && shares_someone;
        if let (Some(date), Some((parts, first, several))) =
            (&candidate.local.date, &self.first_date)
        {
            // As in `fits`: a date the mention's own document alone gave is not tested
            // here.
            let from_elsewhere = *several || *first != candidate.doc;
            let agree = dates::compatible(&date.parts, parts)
                || (same_person && within_reporting_window(&date.parts, parts))
                || (close_report && within_days(&date.parts, parts, CLOSE_REPORT_DAYS));
            if !date.unresolved && from_elsewhere && !agree {
                return None;
            }
        }
        // A mention referring back to its document's event fits whoever it names.
        if !candidate.definite_reference && self.n_participants <= HEAD_PEOPLE {
            let people = &self.people[..self.n_participants];
            let mut sides = Sides::default();
            for p in &candidate.participants {
                if people.contains(p) {
                    sides.shared += 1;
                    sides.shared_persons += usize::from(candidate.persons.contains(p));
                }
            }
            sides.mention(candidate.participants.len(), candidate.persons.len());
            let n_persons = (self.person_bits & ((1u8 << people.len()) - 1)).count_ones();
            sides.cluster(people.len(), n_persons as usize);
            let multilateral =
                place_match && candidate.local.kind.spans_days() && self.all_span_days;
            if sides.conflicting() && !multilateral && !same_person && !close_report {
                return None;
            }
        }
        Some(place_match)
    }
}

/// The participants of a mention and of a cluster, counted by whether the other side
/// names them and whether they are persons.
#[derive(Default)]
struct Sides {
    shared: usize,
    shared_persons: usize,
    /// Persons and others (organisations, groups) each side names and the other does not.
    mention_persons: usize,
    mention_others: usize,
    cluster_persons: usize,
    cluster_others: usize,
}

impl Sides {
    /// Sets the mention's unshared counts from its `n` participants, `n_persons` of them
    /// persons (`shared` and `shared_persons` counted first).
    fn mention(&mut self, n: usize, n_persons: usize) {
        self.mention_persons = n_persons.saturating_sub(self.shared_persons);
        self.mention_others = (n - n_persons).saturating_sub(self.shared - self.shared_persons);
    }

    /// As [`Sides::mention`], for the cluster.
    fn cluster(&mut self, n: usize, n_persons: usize) {
        self.cluster_persons = n_persons.saturating_sub(self.shared_persons);
        self.cluster_others = (n - n_persons).saturating_sub(self.shared - self.shared_persons);
    }

    /// Netanyahu-Putin is not Velayati-Putin: each side names someone the other does
    /// not, and they share fewer than two. Only a person against a person, or an
    /// organisation against an organisation, is a contradiction: "the Lakers" in one
    /// report and "Bryant" in the other are two sides of one game, where a report naming
    /// the team and another naming only its star would otherwise stay apart.
    fn conflicting(&self) -> bool {
        self.shared < 2
            && (self.mention_persons > 0 && self.cluster_persons > 0
                || self.mention_others > 0 && self.cluster_others > 0)
    }
}

/// How many days apart two reports may date one happening that befalls a person once:
/// an article says "X dies" of a death of its own day or of the days before it, and the
/// reports of one death come out over the following week.
const REPORTING_WINDOW_DAYS: i64 = 7;

/// How many days apart two reports sharing a participant may date one happening of a
/// general kind: "Microsoft released a patch" in articles of Tuesday and Wednesday, each
/// dating it by its own day, "hanged himself in his cell" on Monday and Tuesday.
const CLOSE_REPORT_DAYS: i64 = 3;

/// Whether two full dates are at most [`REPORTING_WINDOW_DAYS`] apart.
fn within_reporting_window(a: &DateParts, b: &DateParts) -> bool {
    within_days(a, b, REPORTING_WINDOW_DAYS)
}

/// Whether two full dates are at most `days` apart.
pub(super) fn within_days(a: &DateParts, b: &DateParts, days: i64) -> bool {
    let day = |d: &DateParts| Some((d.year?, d.month?, d.day?));
    match (day(a), day(b)) {
        (Some(x), Some(y)) => dates::days_between(x, y).abs() <= days,
        _ => false,
    }
}

/// Whether `candidate` is of a general kind (a death, a fire, a release; not a meeting,
/// whose parties meet again next week) and dated to a day, so that a cluster of the same
/// kind sharing a participant and dated within [`CLOSE_REPORT_DAYS`] is the happening it
/// reports.
pub(super) fn reported_days_apart(candidate: &Candidate) -> bool {
    candidate.local.kind.general()
        && (candidate.local.date.as_ref())
            .is_some_and(|d| !d.unresolved && d.parts.day.is_some() && d.parts.year.is_some())
}

/// How well a mention fits a cluster, `None` when it cannot be the same event.
///
/// `head` is the cluster's [`Head`]: the family and the place are only tested there.
pub(super) fn fits(
    cluster: &Cluster,
    head: &Head,
    candidate: &Candidate,
    all: &[Candidate],
) -> Option<u32> {
    fit(cluster, head, candidate, all).map(|(score, _)| score)
}

/// What [`fits`] gives, with the evidence the mention shares with the cluster: why it
/// joins, for the hover card. Asked again of the cluster a mention joins rather than
/// carried through the lookup's search, which scores many clusters and keeps one.
pub(super) fn join_reasons(
    cluster: &Cluster,
    head: &Head,
    candidate: &Candidate,
    all: &[Candidate],
) -> JoinReasons {
    fit(cluster, head, candidate, all).map_or(JoinReasons::empty(), |(_, reasons)| reasons)
}

fn fit(
    cluster: &Cluster,
    head: &Head,
    candidate: &Candidate,
    all: &[Candidate],
) -> Option<(u32, JoinReasons)> {
    let place_match = head.admits(candidate)?;
    // A death befalls its person once: a report of the same person's death is the same
    // death whoever else either names, and may date it a few days apart.
    let same_person = candidate.local.kind.befalls_once()
        && (candidate.persons.iter()).any(|p| cluster.participant_slot.contains_key(p));
    let mut sides = Sides::default();
    for p in &candidate.participants {
        if cluster.participant_slot.contains_key(p) {
            sides.shared += 1;
            sides.shared_persons += usize::from(candidate.persons.contains(p));
        }
    }
    sides.mention(candidate.participants.len(), candidate.persons.len());
    sides.cluster(cluster.participants.len(), cluster.persons.len());
    let shared = sides.shared;
    // Reports of one happening of a general kind dated by their own days: the same kind,
    // someone in common, and a day of the cluster's at most a few days off. An
    // organisation in common does not make two people's deaths one: people each side
    // names and the other does not, with none in common, keep them apart.
    let persons_differ = !candidate.persons.is_empty()
        && !cluster.persons.is_empty()
        && !(candidate.persons.iter()).any(|p| cluster.persons.contains(p));
    let close_report = shared >= 1
        && !persons_differ
        && reported_days_apart(candidate)
        && (candidate.local.date.as_ref()).is_some_and(|date| {
            (cluster.resolved_dates.iter())
                .any(|(parts, _, _)| within_days(&date.parts, parts, CLOSE_REPORT_DAYS))
        });
    let mut same_day = false;
    if let Some(date) = &candidate.local.date {
        // Within the mention's document every date counts (relative ones too).
        let in_doc = cluster
            .dates_by_doc
            .get(&candidate.doc)
            .map_or(&[][..], Vec::as_slice);
        for other in in_doc {
            let relative = date.unresolved || other.unresolved;
            // Talks that opened on March 4 and resumed on March 12 in one place are one.
            let same_gathering =
                place_match && days_apart(date, other) <= 7 && candidate.local.kind.spans_days();
            let same_death = same_person && within_reporting_window(&date.parts, &other.parts);
            let close = close_report
                && !other.unresolved
                && within_days(&date.parts, &other.parts, CLOSE_REPORT_DAYS);
            if !same_gathering
                && !same_death
                && !close
                && !dates::compatible(&date.parts, &other.parts)
            {
                return None;
            }
            same_day |= !relative && dates::same_day(&date.parts, &other.parts);
        }
        // From other documents only resolved dates count, each distinct one once.
        if !date.unresolved {
            for (parts, first, several) in &cluster.resolved_dates {
                if !*several && *first == candidate.doc {
                    continue; // tested above
                }
                let same_death = same_person && within_reporting_window(&date.parts, parts);
                let close = close_report && within_days(&date.parts, parts, CLOSE_REPORT_DAYS);
                if !same_death && !close && !dates::compatible(&date.parts, parts) {
                    return None;
                }
                same_day |= dates::same_day(&date.parts, parts);
            }
        }
    }
    let in_doc = cluster
        .members_by_doc
        .get(&candidate.doc)
        .map_or(&[][..], Vec::as_slice);
    let same_doc = !in_doc.is_empty();
    let refers_back = candidate.definite_reference
        && same_doc
        && in_doc.iter().any(|&m| {
            all[m].local.kind == candidate.local.kind
                && all[m].local.span.start < candidate.local.span.start
        });
    if refers_back {
        return Some((1 + 4 * u32::from(same_doc), JoinReasons::REFERS_BACK));
    }
    // Talks and summits have many parties: two mentions naming different delegates in the
    // same place are one gathering. A meeting of two is told apart by who met.
    let multilateral = place_match && candidate.local.kind.spans_days() && cluster.all_span_days;
    if sides.conflicting() && !multilateral && !same_person && !close_report {
        return None;
    }
    let people_match = same_person
        || close_report
        || shared >= 1
            && shared
                >= 2.min(candidate.participants.len())
                    .min(cluster.participants.len());
    // Two triggers of one family in one sentence ("met ... for talks") are one event.
    let same_sentence = in_doc
        .iter()
        .any(|&m| all[m].local.sentence == candidate.local.sentence);
    // A news story tells of one death, one fire, one arrest of a kind: in one document,
    // mentions of a general kind that nothing keeps apart are the same happening.
    let same_story = same_doc && candidate.local.kind.general();
    let mut reasons = JoinReasons::empty();
    for (shares, reason) in [
        (place_match, JoinReasons::PLACE),
        (people_match, JoinReasons::PEOPLE),
        (same_day, JoinReasons::DAY),
        (same_sentence, JoinReasons::SENTENCE),
        (same_story, JoinReasons::STORY),
    ] {
        if shares {
            reasons.insert(reason);
        }
    }
    if reasons.is_empty() {
        return None;
    }
    let score = 3 * u32::from(place_match)
        + 2 * shared as u32
        + 2 * u32::from(same_day)
        + 4 * u32::from(same_doc);
    Some((score, reasons))
}

/// Days between two full dates; `i64::MAX` unless both are full days.
fn days_apart(a: &EventDate, b: &EventDate) -> i64 {
    let day = |d: &EventDate| Some((d.parts.year?, d.parts.month?, d.parts.day?));
    match (day(a), day(b)) {
        (Some(x), Some(y)) => dates::days_between(x, y).abs(),
        _ => i64::MAX,
    }
}
