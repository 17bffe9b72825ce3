//! Who takes part in an event mention: people after the trigger ("met Y", "talks with Y"),
//! the clause's subject (with the organisations it comes from), and organisations when no
//! person is named.

use std::ops::Range;

use super::clause::{is_upper_start, push_unique, ActorSpan, Clause};
use super::lexicon::{LIGHT_WORDS, LINK_WORDS, PLAN_NOUNS};
use super::triggers::{Trigger, TriggerForm};
use crate::actors::ActorKind;
use crate::lower::str_in;
use crate::lower::LowerWord;

impl Clause<'_> {
    pub(super) fn persons_in<'b>(
        &'b self,
        range: &'b Range<usize>,
    ) -> impl Iterator<Item = &'b ActorSpan> + 'b {
        self.actors.iter().filter(move |a| {
            a.kind == ActorKind::Person && a.span.start >= range.start && a.span.end <= range.end
        })
    }

    /// Organisations and groups in `range` ("the Rapid Support Forces", "Northwind").
    pub(super) fn organisations_in<'b>(
        &'b self,
        range: &'b Range<usize>,
    ) -> impl Iterator<Item = &'b ActorSpan> + 'b {
        self.actors.iter().filter(move |a| {
            matches!(a.kind, ActorKind::Organization | ActorKind::Group)
                && a.span.start >= range.start
                && a.span.end <= range.end
        })
    }

    /// People after the trigger: "met Y", "summit with Y", "between X and Y".
    pub(super) fn objects(
        &self,
        trigger: &Trigger,
        after: usize,
        forward_end: usize,
        out: &mut Vec<u32>,
    ) {
        let end = self.offset_of(forward_end);
        let mut persons = self.actors.iter().filter(|a| {
            a.kind == ActorKind::Person && a.span.start >= trigger.span.end && a.span.end <= end
        });
        let Some(first) = persons.next() else { return };
        let gap_first = after;
        let gap_last = self.token_at(first.span.start);
        let gap_words: Vec<LowerWord> = (gap_first..gap_last)
            .filter(|&i| self.tokens[i].is_word)
            .map(|i| self.lower(i))
            .collect();
        let linked = match trigger.form {
            TriggerForm::Noun => {
                // "the death of Ampon", "the arrest of X": the person a happening of a
                // general kind befalls.
                let of_victim = trigger.kind.is_some_and(|k| k.general())
                    && gap_words.len() == 1
                    && gap_words[0] == "of";
                (of_victim || gap_words.iter().any(|w| str_in(LINK_WORDS, w.as_str())))
                    && self.light_gap(trigger.span.end, first.span.start, true)
            }
            _ => gap_words.len() <= 8,
        };
        if !linked {
            return;
        }
        push_unique(out, first.actor);
        let mut last_end = first.span.end;
        for person in persons {
            if !self.coordinated(last_end, person.span.start) {
                break;
            }
            push_unique(out, person.actor);
            last_end = person.span.end;
        }
    }

    /// Whether the words between two people join them ("and", ", and", "with his
    /// counterpart") rather than describe the first (", a senior adviser to").
    pub(super) fn coordinated(&self, from: usize, to: usize) -> bool {
        let gap: Vec<usize> = (self.token_at(from)..self.token_at(to)).collect();
        if gap.len() > 8 {
            return false;
        }
        let Some(&first) = gap.first() else {
            return false;
        };
        if self.tokens[first].is_word {
            return self.is_word(first, &["and", "with"]);
        }
        // A comma: a list goes on with "and" or a name, an apposition with "a"/"the".
        match gap.get(1) {
            None => true,
            Some(&second) => {
                self.is_word(second, &["and"]) || is_upper_start(self.token_text(second))
            }
        }
    }

    pub(super) fn has_light_word(&self, phrase_start: usize) -> bool {
        let Some(before) = phrase_start.checked_sub(1) else {
            return false;
        };
        if self.lower(before) == "in" {
            // "Ross is in negotiations to direct", "Boeing in talks with Airbus": whoever is
            // in them is a party to them.
            return (phrase_start..phrase_start + 3)
                .any(|i| self.is_word(i, &["talks", "negotiations"]));
        }
        if !self.is_word(before, LIGHT_WORDS) {
            // "sat down for talks" and "left for Moscow ... for a meeting" reach here via "for".
            return false;
        }
        if self.lower(before) == "for" {
            return !before
                .checked_sub(1)
                .is_some_and(|i| self.is_word(i, PLAN_NOUNS));
        }
        true
    }

    /// The clause's subject: its first person, with the people joined to them.
    pub(super) fn subject(&self, from: usize, to: usize, out: &mut Vec<u32>) {
        let range = self.offset_of(from)..self.offset_of(to);
        let mut persons = self.persons_in(&range);
        let Some(first) = persons.next() else {
            // "he held talks", "the Russian leader met": the subject of the previous sentence.
            let pronoun = (from..to)
                .rev()
                .take(3)
                .any(|i| self.is_word(i, &["he", "she"]))
                || self.title_subject(from, to);
            if pronoun {
                if let Some(previous) = self.previous_subject {
                    push_unique(out, previous);
                }
            } else {
                // No person: organisations may be the parties ("Northwind and Castellan
                // agreed a deal", "delegations from the army and the RSF resumed talks").
                self.organisation_subject(&range, to, out);
            }
            return;
        };
        if self.token_at(first.span.start) + 30 < to {
            return;
        }
        // "Northwind and Castellan agreed": an organisation joined to the first person by
        // "and" is a party too (and actor kinds are not always right).
        if let Some(partner) = self
            .organisations_in(&range)
            .filter(|o| o.span.end <= first.span.start)
            .last()
        {
            if self.coordinated(partner.span.end, first.span.start) {
                push_unique(out, partner.actor);
            }
        }
        push_unique(out, first.actor);
        let mut last_end = first.span.end;
        for person in persons {
            if !self.coordinated(last_end, person.span.start) {
                break;
            }
            push_unique(out, person.actor);
            last_end = person.span.end;
        }
        // "Delegations from the army and the RSF resumed talks", "envoys of the UN": the
        // organisations the subject comes from take part.
        let from_word = (self.token_at(last_end)..self.token_at(last_end) + 2)
            .find(|&i| self.is_word(i, &["from", "of", "representing"]));
        if let Some(at) = from_word {
            let after = self.offset_of(at + 1)..range.end;
            let mut organisations = self.organisations_in(&after);
            if let Some(org) = organisations.next() {
                if self.light_gap(self.offset_of(at + 1), org.span.start, true) {
                    push_unique(out, org.actor);
                    let mut org_end = org.span.end;
                    for next in organisations {
                        if !self.coordinated(org_end, next.span.start) {
                            break;
                        }
                        push_unique(out, next.actor);
                        org_end = next.span.end;
                    }
                }
            }
        }
    }

    /// "The Russian leader", "the French president" just before the verb: a title standing
    /// for a person named before.
    fn title_subject(&self, from: usize, to: usize) -> bool {
        const HEADS: &[&str] = &[
            "leader",
            "president",
            "minister",
            "chancellor",
            "premier",
            "king",
            "envoy",
            "diplomat",
            "secretary",
        ];
        let words: Vec<usize> = (from..to).filter(|&i| self.tokens[i].is_word).collect();
        let Some((&head, before)) = words.split_last() else {
            return false;
        };
        self.is_word(head, HEADS)
            && before
                .iter()
                .rev()
                .take(3)
                .any(|&i| self.is_word(i, &["the"]))
    }

    pub(super) fn organisation_subject(&self, range: &Range<usize>, to: usize, out: &mut Vec<u32>) {
        let mut organisations = self.organisations_in(range);
        let Some(first) = organisations.next() else {
            return;
        };
        if self.token_at(first.span.start) + 12 < to {
            return;
        }
        push_unique(out, first.actor);
        let mut last_end = first.span.end;
        for organisation in organisations {
            if !self.coordinated(last_end, organisation.span.start) {
                break;
            }
            push_unique(out, organisation.actor);
            last_end = organisation.span.end;
        }
    }
}
