//! Trigger words and phrases that introduce an event mention, and the look-alike phrases
//! ("strike a deal", "conference call", "talks about") that must not.

use std::ops::Range;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use crate::lower::ascii_lowercase_in;

/// What kind of thing happened. The family decides which mentions may be the same event.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum EventKind {
    Summit,
    Congress,
    Conference,
    Meeting,
    Talks,
    Negotiations,
    Visit,
    ChemicalAttack,
    Attack,
    Airstrike,
    Strike,
    Agreement,
    Deal,
    Ceasefire,
    Sanctions,
    Election,
    Referendum,
    Withdrawal,
    // ACE 2005 event types (Life, Conflict, Justice, Personnel, Business) and disasters.
    Death,
    Injury,
    Protest,
    Arrest,
    Charge,
    Trial,
    Conviction,
    Sentencing,
    Release,
    Execution,
    Lawsuit,
    Appointment,
    Dismissal,
    Resignation,
    Acquisition,
    Bankruptcy,
    Earthquake,
    Fire,
    Explosion,
    Crash,
    Flood,
    Storm,
    /// A game, fight or race decided (won, beaten, a victory).
    Contest,
    /// An escape, a flight, an evacuation.
    Escape,
    /// A marriage or divorce.
    Marriage,
    /// A court's decision that is no verdict on guilt ("the tribunal dismissed the claims",
    /// "the court ruled that"): CAMEO's adjudication, ACE Justice.
    Ruling,
    /// A speech or address (CAMEO 01, "make public statement", in its event form).
    Speech,
    /// A robbery, theft or heist: the crime news files as such ("robbed a bank", "a jewel
    /// heist", "stole paintings"), neither an attack nor an arrest.
    Robbery,
    /// Admission to a facility: "checked into rehab", "was admitted to hospital", "entered
    /// treatment" (ACE Movement.Transport of a person to a place of care or custody).
    Admission,
    /// A player moved on or off a team's roster: "placed on injured reserve", "put on
    /// waivers" (ACE Personnel, the sports transaction news files daily).
    RosterMove,
    /// A product put out: "released a security patch", "issued an update", "rushed out a
    /// fix", "released her new album" (the launch a business desk reports).
    ProductRelease,
    /// A ceremony, an awards show or a party: "host the Oscars", "the awards ceremony",
    /// "an office Christmas party", "the funeral".
    Ceremony,
    /// A fall from a height: "fell 200 feet from a ridge", "died in a fall".
    Fall,
    /// A network or supply cut: "an outage", "undersea cables were cut", "power cut".
    Outage,
    /// A record set or broken: "broke the career scoring record", "set the world record".
    Record,
    /// An offer made: "made an eight-year offer to Teixeira", "offered him a contract"
    /// (a bid, ACE Transaction in its first step).
    Offer,
    /// A government's rule made or unmade: "issued two regulations", "overturns Bush
    /// rule", "restores protections" (CAMEO 08 and 17, easing and imposing restrictions).
    PolicyChange,
    /// A prize or honour given: "received the Rossi Prize", "was awarded a medal", "won
    /// the Pulitzer Prize" (the honours news reports as happenings of their own).
    Award,
    /// A craft sent up: "the satellite launched aboard a Falcon 9 rocket", "lifted off",
    /// "the launch of the probe" (a mission's start, which space and defence news date).
    Launch,
}

/// Kinds that may describe the same happening ("the Helsinki summit" is "the July 16 meeting").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum KindFamily {
    Diplomacy,
    Violence,
    Accord,
    Sanctions,
    Vote,
    Withdrawal,
    /// ACE Life.Die: a death, a killing.
    Death,
    /// ACE Life.Injure.
    Injury,
    /// ACE Conflict.Demonstrate.
    Protest,
    /// The ACE Justice stages are each their own happening: an arrest is not the charge,
    /// the trial, the verdict or the sentence that follow it.
    Arrest,
    Charge,
    Trial,
    Verdict,
    Sentence,
    Release,
    Execution,
    Lawsuit,
    /// ACE Personnel.Start-Position.
    Appointment,
    /// ACE Personnel.End-Position: dismissed or resigned.
    Departure,
    /// ACE Business.Merge-Org, Transaction.Transfer-Ownership, Business.Declare-Bankruptcy.
    Business,
    /// Natural and man-made disasters (earthquakes, fires, explosions, crashes, floods,
    /// storms): a fire may be the explosion's.
    Disaster,
    /// A contest decided: sports results, races.
    Contest,
    Escape,
    Marriage,
    /// Speeches and addresses: each its own happening.
    Speech,
    Robbery,
    Admission,
    Roster,
    Launch,
    Ceremony,
    Accident,
    Outage,
    Record,
    Offer,
    Policy,
    Award,
}

impl KindFamily {
    pub fn as_str(self) -> &'static str {
        match self {
            KindFamily::Diplomacy => "diplomacy",
            KindFamily::Violence => "violence",
            KindFamily::Accord => "accord",
            KindFamily::Sanctions => "sanctions",
            KindFamily::Vote => "vote",
            KindFamily::Withdrawal => "withdrawal",
            KindFamily::Death => "death",
            KindFamily::Injury => "injury",
            KindFamily::Protest => "protest",
            KindFamily::Arrest => "arrest",
            KindFamily::Charge => "charge",
            KindFamily::Trial => "trial",
            KindFamily::Verdict => "verdict",
            KindFamily::Sentence => "sentence",
            KindFamily::Release => "release",
            KindFamily::Execution => "execution",
            KindFamily::Lawsuit => "lawsuit",
            KindFamily::Appointment => "appointment",
            KindFamily::Departure => "departure",
            KindFamily::Business => "business",
            KindFamily::Disaster => "disaster",
            KindFamily::Contest => "contest",
            KindFamily::Escape => "escape",
            KindFamily::Marriage => "marriage",
            KindFamily::Speech => "speech",
            KindFamily::Robbery => "robbery",
            KindFamily::Admission => "admission",
            KindFamily::Roster => "roster",
            KindFamily::Launch => "launch",
            KindFamily::Ceremony => "ceremony",
            KindFamily::Accident => "accident",
            KindFamily::Outage => "outage",
            KindFamily::Record => "record",
            KindFamily::Offer => "offer",
            KindFamily::Policy => "policy",
            KindFamily::Award => "award",
        }
    }
}

impl EventKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::Summit => "summit",
            EventKind::Congress => "congress",
            EventKind::Conference => "conference",
            EventKind::Meeting => "meeting",
            EventKind::Talks => "talks",
            EventKind::Negotiations => "negotiations",
            EventKind::Visit => "visit",
            EventKind::ChemicalAttack => "chemical attack",
            EventKind::Attack => "attack",
            EventKind::Airstrike => "airstrike",
            EventKind::Strike => "strike",
            EventKind::Agreement => "agreement",
            EventKind::Deal => "deal",
            EventKind::Ceasefire => "ceasefire",
            EventKind::Sanctions => "sanctions",
            EventKind::Election => "election",
            EventKind::Referendum => "referendum",
            EventKind::Withdrawal => "withdrawal",
            EventKind::Death => "death",
            EventKind::Injury => "injury",
            EventKind::Protest => "protest",
            EventKind::Arrest => "arrest",
            EventKind::Charge => "charge",
            EventKind::Trial => "trial",
            EventKind::Conviction => "conviction",
            EventKind::Sentencing => "sentencing",
            EventKind::Release => "release",
            EventKind::Execution => "execution",
            EventKind::Lawsuit => "lawsuit",
            EventKind::Appointment => "appointment",
            EventKind::Dismissal => "dismissal",
            EventKind::Resignation => "resignation",
            EventKind::Acquisition => "acquisition",
            EventKind::Bankruptcy => "bankruptcy",
            EventKind::Earthquake => "earthquake",
            EventKind::Fire => "fire",
            EventKind::Explosion => "explosion",
            EventKind::Crash => "crash",
            EventKind::Flood => "flood",
            EventKind::Storm => "storm",
            EventKind::Contest => "contest",
            EventKind::Escape => "escape",
            EventKind::Marriage => "marriage",
            EventKind::Ruling => "ruling",
            EventKind::Speech => "speech",
            EventKind::Robbery => "robbery",
            EventKind::Admission => "admission",
            EventKind::RosterMove => "roster move",
            EventKind::ProductRelease => "product release",
            EventKind::Ceremony => "ceremony",
            EventKind::Fall => "fall",
            EventKind::Outage => "outage",
            EventKind::Record => "record",
            EventKind::Offer => "offer",
            EventKind::PolicyChange => "policy change",
            EventKind::Award => "award",
            EventKind::Launch => "launch",
        }
    }

    /// The kinds added from the ACE 2005 types and disasters, beyond diplomacy, conflict
    /// and accords: their verbs report a happening without a place, date or people.
    pub fn general(self) -> bool {
        self.family() != KindFamily::Diplomacy
            && !matches!(
                self.family(),
                KindFamily::Accord
                    | KindFamily::Sanctions
                    | KindFamily::Withdrawal
                    | KindFamily::Vote
            )
            && !matches!(self, EventKind::Strike | EventKind::Airstrike)
    }

    /// Kinds that befall a person once: a person dies once and is executed once, so two
    /// reports of that happening to the same person are one event, whoever else each
    /// names and whichever day of the following week each article dates it by.
    pub fn befalls_once(self) -> bool {
        matches!(self, EventKind::Death | EventKind::Execution)
    }

    /// Kinds that last days or weeks ("talks that opened on March 4 resumed on
    /// Wednesday"): two dates a week apart in one place may be the same one.
    pub fn spans_days(self) -> bool {
        matches!(
            self,
            EventKind::Talks
                | EventKind::Negotiations
                | EventKind::Conference
                | EventKind::Congress
                | EventKind::Summit
                | EventKind::Trial
                | EventKind::Protest
                | EventKind::Fire
                | EventKind::Flood
        )
    }

    pub fn family(self) -> KindFamily {
        use EventKind::*;
        match self {
            Summit | Congress | Conference | Meeting | Talks | Negotiations | Visit => {
                KindFamily::Diplomacy
            }
            ChemicalAttack | Attack | Airstrike | Strike => KindFamily::Violence,
            Agreement | Deal | Ceasefire => KindFamily::Accord,
            Sanctions => KindFamily::Sanctions,
            Election | Referendum => KindFamily::Vote,
            Withdrawal => KindFamily::Withdrawal,
            Death => KindFamily::Death,
            Injury => KindFamily::Injury,
            Protest => KindFamily::Protest,
            Arrest => KindFamily::Arrest,
            Charge => KindFamily::Charge,
            Trial => KindFamily::Trial,
            Conviction => KindFamily::Verdict,
            Sentencing => KindFamily::Sentence,
            Release => KindFamily::Release,
            Execution => KindFamily::Execution,
            Lawsuit => KindFamily::Lawsuit,
            Appointment => KindFamily::Appointment,
            Dismissal | Resignation => KindFamily::Departure,
            Acquisition | Bankruptcy => KindFamily::Business,
            Earthquake | Fire | Explosion | Crash | Flood | Storm => KindFamily::Disaster,
            Contest => KindFamily::Contest,
            Escape => KindFamily::Escape,
            Marriage => KindFamily::Marriage,
            Ruling => KindFamily::Verdict,
            Speech => KindFamily::Speech,
            Robbery => KindFamily::Robbery,
            Admission => KindFamily::Admission,
            RosterMove => KindFamily::Roster,
            ProductRelease => KindFamily::Launch,
            Ceremony => KindFamily::Ceremony,
            Fall => KindFamily::Accident,
            Outage => KindFamily::Outage,
            Record => KindFamily::Record,
            Offer => KindFamily::Offer,
            PolicyChange => KindFamily::Policy,
            Award => KindFamily::Award,
            Launch => KindFamily::Launch,
        }
    }

    /// How specific the word is, to pick a cluster's label: a "summit" that is also called
    /// "the meeting" is labelled a summit. Higher is more specific.
    pub fn specificity(self) -> u8 {
        use EventKind::*;
        match self {
            Summit | Congress | ChemicalAttack | Referendum | Ceasefire => 5,
            Earthquake | Explosion | Execution | Bankruptcy => 5,
            Conference | Airstrike | Election => 4,
            Conviction | Sentencing | Resignation | Dismissal | Crash | Flood | Storm => 4,
            Talks | Strike | Agreement | Deal | Sanctions | Withdrawal => 3,
            Arrest | Charge | Trial | Release | Lawsuit | Appointment | Acquisition | Fire => 3,
            Ruling | Speech | Robbery | Admission => 3,
            RosterMove | ProductRelease | Ceremony | Fall | Outage => 3,
            Record | Offer | PolicyChange | Award => 3,
            Launch => 4,
            Meeting | Attack | Death | Injury | Protest | Contest | Escape | Marriage => 2,
            Negotiations | Visit => 1,
        }
    }

    /// The kind named by [`EventKind::as_str`].
    pub fn parse(name: &str) -> Option<EventKind> {
        EventKind::all()
            .iter()
            .copied()
            .find(|k| k.as_str() == name)
    }

    /// Every kind, in a fixed order.
    pub fn all() -> &'static [EventKind] {
        use EventKind::*;
        &[
            Summit,
            Congress,
            Conference,
            Meeting,
            Talks,
            Negotiations,
            Visit,
            ChemicalAttack,
            Attack,
            Airstrike,
            Strike,
            Agreement,
            Deal,
            Ceasefire,
            Sanctions,
            Election,
            Referendum,
            Withdrawal,
            Death,
            Injury,
            Protest,
            Arrest,
            Charge,
            Trial,
            Conviction,
            Sentencing,
            Release,
            Execution,
            Lawsuit,
            Appointment,
            Dismissal,
            Resignation,
            Acquisition,
            Bankruptcy,
            Earthquake,
            Fire,
            Explosion,
            Crash,
            Flood,
            Storm,
            Contest,
            Escape,
            Marriage,
            Ruling,
            Speech,
            Robbery,
            Admission,
            RosterMove,
            ProductRelease,
            Ceremony,
            Fall,
            Outage,
            Record,
            Offer,
            PolicyChange,
            Award,
            Launch,
        ]
    }
}

/// How a trigger is used in its sentence: verbs look for a subject and an object, nouns
/// for modifiers ("the Helsinki summit") and complements ("summit with Trump").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TriggerForm {
    Noun,
    Verb,
    /// A verb that only makes an event with a venue ("will discuss ... in Vienna").
    WeakVerb,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Trigger {
    pub span: Range<usize>,
    /// `None` for a blocker: a look-alike phrase that is no event and stops the search
    /// for places, dates and people around other triggers.
    pub kind: Option<EventKind>,
    pub form: TriggerForm,
}

struct Pattern {
    text: &'static str,
    kind: Option<EventKind>,
    form: TriggerForm,
}

const fn noun(text: &'static str, kind: EventKind) -> Pattern {
    Pattern {
        text,
        kind: Some(kind),
        form: TriggerForm::Noun,
    }
}

const fn verb(text: &'static str, kind: EventKind) -> Pattern {
    Pattern {
        text,
        kind: Some(kind),
        form: TriggerForm::Verb,
    }
}

const fn weak(text: &'static str, kind: EventKind) -> Pattern {
    Pattern {
        text,
        kind: Some(kind),
        form: TriggerForm::WeakVerb,
    }
}

const fn block(text: &'static str) -> Pattern {
    Pattern {
        text,
        kind: None,
        form: TriggerForm::Noun,
    }
}

use super::gates::{
    an_offer_made, craft_launched, fell_from_height, line_broken, prize_follows, product_follows,
    record_follows, roster_list_follows, rule_follows, scored_contest,
};
use crate::lower::str_in;
use EventKind as K;

/// The lexicon. Longer phrases win over their parts (leftmost-longest matching), which is
/// how "chemical attack" beats "attack" and "strike a deal" beats "strike".
const PATTERNS: &[Pattern] = &[
    noun("summit", K::Summit),
    noun("summits", K::Summit),
    noun("congress", K::Congress),
    noun("conference", K::Conference),
    noun("meeting", K::Meeting),
    noun("meetings", K::Meeting),
    noun("talks", K::Talks),
    noun("round of talks", K::Talks),
    noun("round of negotiations", K::Talks),
    noun("peace talks", K::Talks),
    noun("ceasefire talks", K::Talks),
    noun("cease-fire talks", K::Talks),
    noun("truce talks", K::Talks),
    noun("ceasefire negotiations", K::Negotiations),
    noun("peace negotiations", K::Negotiations),
    noun("negotiations", K::Negotiations),
    noun("visit", K::Visit),
    noun("trip", K::Visit),
    noun("chemical attack", K::ChemicalAttack),
    noun("chemical weapons attack", K::ChemicalAttack),
    noun("gas attack", K::ChemicalAttack),
    noun("attack", K::Attack),
    noun("attacks", K::Attack),
    noun("bombing", K::Attack),
    noun("airstrike", K::Airstrike),
    noun("airstrikes", K::Airstrike),
    noun("air strike", K::Airstrike),
    noun("air strikes", K::Airstrike),
    noun("missile strike", K::Strike),
    noun("strike", K::Strike),
    noun("strikes", K::Strike),
    noun("deal", K::Deal),
    noun("agreement", K::Agreement),
    noun("roadmap", K::Agreement),
    noun("roadmap agreement", K::Agreement),
    noun("accord", K::Agreement),
    noun("treaty", K::Agreement),
    noun("sanctions", K::Sanctions),
    noun("ceasefire", K::Ceasefire),
    noun("cease-fire", K::Ceasefire),
    noun("truce", K::Ceasefire),
    noun("election", K::Election),
    noun("elections", K::Election),
    noun("referendum", K::Referendum),
    noun("withdrawal", K::Withdrawal),
    // ACE 2005 event types, their usual English words (nouns and inflected verbs).
    // Life.Die
    noun("death", K::Death),
    noun("deaths", K::Death),
    noun("killing", K::Death),
    noun("killings", K::Death),
    noun("murder", K::Death),
    noun("murders", K::Death),
    noun("homicide", K::Death),
    noun("slaying", K::Death),
    noun("suicide", K::Death),
    verb("died", K::Death),
    verb("dies", K::Death),
    verb("killed", K::Death),
    verb("kills", K::Death),
    verb("murdered", K::Death),
    verb("slain", K::Death),
    // Life.Injure
    noun("injuries", K::Injury),
    verb("injured", K::Injury),
    verb("injuring", K::Injury),
    verb("wounded", K::Injury),
    verb("wounding", K::Injury),
    // Conflict.Attack
    noun("shooting", K::Attack),
    noun("shootings", K::Attack),
    noun("stabbing", K::Attack),
    noun("assault", K::Attack),
    noun("ambush", K::Attack),
    noun("raid", K::Attack),
    noun("arson", K::Attack),
    noun("gunfire", K::Attack),
    verb("shot", K::Attack),
    verb("stabbed", K::Attack),
    verb("opened fire", K::Attack),
    verb("open fire", K::Attack),
    verb("gunned down", K::Attack),
    verb("raided", K::Attack),
    verb("assaulted", K::Attack),
    verb("ambushed", K::Attack),
    // Conflict.Demonstrate
    noun("protest", K::Protest),
    noun("protests", K::Protest),
    noun("demonstration", K::Protest),
    noun("demonstrations", K::Protest),
    noun("rally", K::Protest),
    noun("riot", K::Protest),
    noun("riots", K::Protest),
    noun("rioting", K::Protest),
    noun("unrest", K::Protest),
    verb("protested", K::Protest),
    verb("rioted", K::Protest),
    // Justice.*
    noun("arrest", K::Arrest),
    noun("arrests", K::Arrest),
    verb("arrested", K::Arrest),
    verb("detained", K::Arrest),
    verb("captured", K::Arrest),
    verb("jailed", K::Arrest),
    verb("charged", K::Charge),
    verb("indicted", K::Charge),
    noun("indictment", K::Charge),
    noun("charges", K::Charge),
    noun("trial", K::Trial),
    noun("hearing", K::Trial),
    verb("convicted", K::Conviction),
    noun("conviction", K::Conviction),
    noun("verdict", K::Conviction),
    verb("found guilty", K::Conviction),
    verb("pleaded guilty", K::Conviction),
    verb("acquitted", K::Conviction),
    verb("sentenced", K::Sentencing),
    noun("death sentence", K::Sentencing),
    noun("sentencing", K::Sentencing),
    verb("was released", K::Release),
    verb("were released", K::Release),
    verb("been released", K::Release),
    verb("released from", K::Release),
    verb("freed", K::Release),
    verb("executed", K::Execution),
    noun("execution", K::Execution),
    verb("hanged", K::Execution),
    verb("sued", K::Lawsuit),
    noun("lawsuit", K::Lawsuit),
    // Personnel.*
    verb("hired", K::Appointment),
    verb("appointed", K::Appointment),
    verb("sworn in", K::Appointment),
    verb("nominated", K::Appointment),
    verb("elected", K::Election),
    verb("re-elected", K::Election),
    verb("fired", K::Dismissal),
    verb("sacked", K::Dismissal),
    verb("ousted", K::Dismissal),
    noun("dismissal", K::Dismissal),
    verb("resigned", K::Resignation),
    verb("resigns", K::Resignation),
    verb("stepped down", K::Resignation),
    noun("resignation", K::Resignation),
    // Business.Merge-Org, Transaction.Transfer-Ownership, Business.Declare-Bankruptcy
    verb("acquired", K::Acquisition),
    verb("acquires", K::Acquisition),
    noun("acquisition", K::Acquisition),
    noun("takeover", K::Acquisition),
    noun("merger", K::Deal),
    verb("bought", K::Acquisition),
    noun("bankruptcy", K::Bankruptcy),
    // Disasters
    noun("earthquake", K::Earthquake),
    noun("earthquakes", K::Earthquake),
    noun("quake", K::Earthquake),
    noun("tremor", K::Earthquake),
    noun("fire", K::Fire),
    noun("fires", K::Fire),
    noun("blaze", K::Fire),
    noun("wildfire", K::Fire),
    noun("explosion", K::Explosion),
    noun("explosions", K::Explosion),
    noun("blast", K::Explosion),
    noun("crash", K::Crash),
    noun("collision", K::Crash),
    verb("crashed", K::Crash),
    noun("flood", K::Flood),
    noun("floods", K::Flood),
    noun("flooding", K::Flood),
    noun("hurricane", K::Storm),
    noun("storm", K::Storm),
    noun("tornado", K::Storm),
    noun("typhoon", K::Storm),
    verb("exploded", K::Explosion),
    // Movement.Transport: escapes, evacuations, deportations (arrivals are visits).
    verb("escaped", K::Escape),
    noun("escape", K::Escape),
    verb("fled", K::Escape),
    noun("jailbreak", K::Escape),
    verb("evacuated", K::Escape),
    verb("deported", K::Release),
    verb("extradited", K::Release),
    // Justice.Fine, Appeal, Pardon, Release-Parole
    verb("fined", K::Sentencing),
    verb("appealed", K::Trial),
    noun("appeal", K::Trial),
    verb("pardoned", K::Release),
    verb("paroled", K::Release),
    // Life.Be-Born, Marry, Divorce
    verb("married", K::Marriage),
    noun("wedding", K::Marriage),
    verb("divorced", K::Marriage),
    noun("divorce", K::Marriage),
    // Business.End-Org
    verb("went bankrupt", K::Bankruptcy),
    // Conflict.Demonstrate: marches and sit-ins, and protesters who gather (CAMEO 14).
    noun("march", K::Protest),
    noun("marches", K::Protest),
    verb("marched", K::Protest),
    noun("sit-in", K::Protest),
    noun("sit-ins", K::Protest),
    verb("protesters gathered", K::Protest),
    verb("demonstrators gathered", K::Protest),
    verb("protesters rallied", K::Protest),
    // Conflict.Attack: fighting between groups (CAMEO 19, "fight").
    noun("clash", K::Attack),
    noun("clashes", K::Attack),
    verb("clashed", K::Attack),
    // Life.Die, found: "was found dead".
    verb("found dead", K::Death),
    noun("slayings", K::Death),
    // A suicide or a fall told by its manner: "hanged himself", "fell to her death".
    verb("hanged himself", K::Death),
    verb("hanged herself", K::Death),
    verb("hanged themselves", K::Death),
    verb("fell to his death", K::Death),
    verb("fell to her death", K::Death),
    verb("fell to their deaths", K::Death),
    verb("falls to his death", K::Death),
    verb("falls to her death", K::Death),
    verb("plunged to his death", K::Death),
    verb("plunged to her death", K::Death),
    // Headline present tense of kinds above ("Inmate escapes", "Court overturns ban",
    // "Police nab suspect"), and their other common forms.
    verb("escapes", K::Escape),
    verb("explodes", K::Explosion),
    verb("shoots", K::Attack),
    verb("nabbed", K::Arrest),
    verb("nominates", K::Appointment),
    noun("nomination", K::Appointment),
    verb("overturns", K::Ruling),
    verb("reversed", K::Ruling),
    verb("reverses", K::Ruling),
    // Adjudication (CAMEO 0, ACE Justice): a court's ruling. The verbs that a court's
    // decision shares with everyday speech ("dismissed", "rejected", "upheld",
    // "overturned", "struck down") are rulings only after a court (`court_decides`).
    verb("ruled that", K::Ruling),
    verb("ruled in favour", K::Ruling),
    verb("ruled in favor", K::Ruling),
    verb("ruled against", K::Ruling),
    noun("ruling", K::Ruling),
    verb("dismissed", K::Ruling),
    verb("rejected", K::Ruling),
    verb("upheld", K::Ruling),
    verb("overturned", K::Ruling),
    // Speeches (CAMEO 01 in its event form): "in a speech", "delivered an address".
    noun("speech", K::Speech),
    noun("speeches", K::Speech),
    noun("keynote", K::Speech),
    // Reduced relations (CAMEO 16): expulsions, closed embassies, recalled envoys.
    verb("expelled", K::Withdrawal),
    noun("expulsion", K::Withdrawal),
    noun("expulsions", K::Withdrawal),
    verb("closed its embassy", K::Withdrawal),
    verb("closed their embassy", K::Withdrawal),
    verb("closed the embassy", K::Withdrawal),
    verb("recalled its ambassador", K::Withdrawal),
    verb("recalled their ambassador", K::Withdrawal),
    // Movement.Transport: a journey to a place is a visit when the place is named.
    weak("went to", K::Visit),
    weak("traveled to", K::Visit),
    weak("travelled to", K::Visit),
    weak("flew to", K::Visit),
    // A signing is the agreement's event ("The signing took place April 9").
    noun("signing", K::Agreement),
    noun("signing ceremony", K::Agreement),
    verb("passed away", K::Death),
    // Crimes against property, as news files them: robberies, heists, thefts, burglaries
    // ("robbed a bank", "a jewel heist", "stole paintings", "have been stolen").
    verb("robbed", K::Robbery),
    verb("robs", K::Robbery),
    noun("robbery", K::Robbery),
    noun("robberies", K::Robbery),
    noun("heist", K::Robbery),
    noun("heists", K::Robbery),
    noun("theft", K::Robbery),
    noun("thefts", K::Robbery),
    noun("burglary", K::Robbery),
    noun("burglaries", K::Robbery),
    verb("burgled", K::Robbery),
    verb("burglarized", K::Robbery),
    verb("stole", K::Robbery),
    verb("steals", K::Robbery),
    verb("stealing", K::Robbery),
    verb("was stolen", K::Robbery),
    verb("were stolen", K::Robbery),
    verb("been stolen", K::Robbery),
    verb("snatched", K::Robbery),
    verb("looted", K::Robbery),
    // "held up a bank": a robbery only with what was held up (`held_up_a_target`).
    verb("held up", K::Robbery),
    // Admission to a place of care or custody: "checked into rehab", "was admitted to
    // hospital", "entered a treatment center" (the last two only with the facility named
    // within a few words, `facility_follows`: "admitted to lying", "entered the race").
    verb("checked into", K::Admission),
    verb("checks into", K::Admission),
    verb("check into", K::Admission),
    verb("checking into", K::Admission),
    verb("checked in to", K::Admission),
    verb("checked himself into", K::Admission),
    verb("checked herself into", K::Admission),
    verb("checks himself into", K::Admission),
    verb("checks herself into", K::Admission),
    verb("checked themselves into", K::Admission),
    verb("admitted to", K::Admission),
    verb("admitted into", K::Admission),
    verb("entered", K::Admission),
    verb("enters", K::Admission),
    verb("hospitalized", K::Admission),
    verb("hospitalised", K::Admission),
    // Personnel moves on a sports roster ("placed on injured reserve", "put on waivers"):
    // only with the list named right after (`roster_list_follows`).
    verb("placed", K::RosterMove),
    verb("place", K::RosterMove),
    verb("places", K::RosterMove),
    verb("placing", K::RosterMove),
    verb("put", K::RosterMove),
    verb("puts", K::RosterMove),
    verb("putting", K::RosterMove),
    verb("headed", K::RosterMove),
    verb("heads", K::RosterMove),
    verb("moved", K::RosterMove),
    verb("waived", K::RosterMove),
    // A product put out: the verb only with the product within a few words
    // (`product_follows`: "released a patch", not "released the hostages").
    verb("released", K::ProductRelease),
    verb("releases", K::ProductRelease),
    verb("release", K::ProductRelease),
    verb("releasing", K::ProductRelease),
    verb("issued", K::ProductRelease),
    verb("issues", K::ProductRelease),
    verb("issue", K::ProductRelease),
    verb("issuing", K::ProductRelease),
    verb("rushed out", K::ProductRelease),
    verb("rushes out", K::ProductRelease),
    verb("rushes", K::ProductRelease),
    verb("rushed", K::ProductRelease),
    verb("pushed out", K::ProductRelease),
    verb("push out", K::ProductRelease),
    verb("rolled out", K::ProductRelease),
    verb("rolls out", K::ProductRelease),
    verb("launched", K::ProductRelease),
    verb("launches", K::ProductRelease),
    verb("unveiled", K::ProductRelease),
    verb("unveils", K::ProductRelease),
    verb("shipped", K::ProductRelease),
    // Ceremonies, awards shows and parties: the shows by their names (plural: "Oscar" alone
    // is the statuette or a person), the gathering nouns, and a party named by its occasion
    // ("the office Christmas party"; "the party" alone is a political one).
    noun("oscars", K::Ceremony),
    noun("academy awards", K::Ceremony),
    noun("academy awards ceremony", K::Ceremony),
    noun("oscar ceremony", K::Ceremony),
    noun("oscars ceremony", K::Ceremony),
    noun("oscar telecast", K::Ceremony),
    noun("oscar host", K::Ceremony),
    noun("oscar night", K::Ceremony),
    noun("emmys", K::Ceremony),
    noun("emmy awards", K::Ceremony),
    noun("grammys", K::Ceremony),
    noun("grammy awards", K::Ceremony),
    noun("golden globes", K::Ceremony),
    noun("golden globe awards", K::Ceremony),
    noun("tony awards", K::Ceremony),
    noun("baftas", K::Ceremony),
    noun("brit awards", K::Ceremony),
    noun("awards ceremony", K::Ceremony),
    noun("award ceremony", K::Ceremony),
    noun("awards show", K::Ceremony),
    noun("award show", K::Ceremony),
    noun("ceremony", K::Ceremony),
    noun("ceremonies", K::Ceremony),
    noun("telecast", K::Ceremony),
    noun("funeral", K::Ceremony),
    noun("memorial service", K::Ceremony),
    noun("inauguration", K::Ceremony),
    noun("coronation", K::Ceremony),
    noun("christmas party", K::Ceremony),
    noun("holiday party", K::Ceremony),
    noun("birthday party", K::Ceremony),
    noun("office party", K::Ceremony),
    noun("new year's party", K::Ceremony),
    noun("new year's eve party", K::Ceremony),
    noun("farewell party", K::Ceremony),
    noun("retirement party", K::Ceremony),
    noun("engagement party", K::Ceremony),
    noun("launch party", K::Ceremony),
    noun("dinner party", K::Ceremony),
    noun("garden party", K::Ceremony),
    noun("house party", K::Ceremony),
    noun("halloween party", K::Ceremony),
    noun("wedding reception", K::Ceremony),
    // Records: the verb of breaking or setting only with the record named after it
    // (`record_follows`); "broke"/"broken" are also a cut line's (`line_broken`).
    verb("breaks", K::Record),
    verb("break", K::Record),
    verb("breaking", K::Record),
    verb("set", K::Record),
    verb("sets", K::Record),
    verb("setting", K::Record),
    verb("eclipsed", K::Record),
    verb("eclipse", K::Record),
    verb("surpassed", K::Record),
    verb("shattered", K::Record),
    verb("passed", K::Record),
    // Offers: "made an offer", "an eight-year offer", "offered him a contract"
    // (`an_offer_made`).
    noun("offer", K::Offer),
    noun("offers", K::Offer),
    verb("offered", K::Offer),
    // Dismissals told in other words (ACE Personnel.End-Position).
    verb("terminated", K::Dismissal),
    verb("relieved of his duties", K::Dismissal),
    verb("relieved of her duties", K::Dismissal),
    verb("relieved of duties", K::Dismissal),
    verb("parted ways", K::Dismissal),
    verb("parted company", K::Dismissal),
    verb("was let go", K::Dismissal),
    verb("were let go", K::Dismissal),
    verb("been let go", K::Dismissal),
    verb("shown the door", K::Dismissal),
    noun("firing of", K::Dismissal),
    // Rules made or unmade by a government (`rule_follows`); the court's verbs above
    // become these when no court decides.
    verb("restores", K::PolicyChange),
    verb("restored", K::PolicyChange),
    verb("repealed", K::PolicyChange),
    verb("repeals", K::PolicyChange),
    verb("rescinded", K::PolicyChange),
    verb("rescinds", K::PolicyChange),
    verb("scrapped", K::PolicyChange),
    verb("flips", K::PolicyChange),
    verb("eliminated", K::PolicyChange),
    verb("finalized", K::PolicyChange),
    // Honours given (`prize_follows`: "received the Rossi Prize", not "received a call");
    // "won"/"wins" are a contest's verbs and become these before a prize.
    verb("received", K::Award),
    verb("receives", K::Award),
    verb("receive", K::Award),
    verb("awarded", K::Award),
    verb("awards", K::Award),
    verb("honored with", K::Award),
    verb("honoured with", K::Award),
    verb("presented with", K::Award),
    // Craft sent up (`craft_launched`): "launched"/"launches" are a product's verbs and
    // become these beside a craft ("the satellite launched aboard a rocket").
    noun("launch", K::Launch),
    verb("lifted off", K::Launch),
    verb("lifts off", K::Launch),
    verb("blasted off", K::Launch),
    verb("overturn", K::PolicyChange),
    verb("reverse", K::PolicyChange),
    // Sports results: the everyday words of winning and losing are a contest decided only
    // with a score or a round near (`scored_contest`): "beat the Jaguars 31-24", "stopped
    // Thompson in the sixth round", "their eighth straight win".
    verb("beat", K::Contest),
    verb("beats", K::Contest),
    verb("beating", K::Contest),
    verb("won", K::Contest),
    verb("wins", K::Contest),
    noun("win", K::Contest),
    noun("victory", K::Contest),
    noun("defeat", K::Contest),
    noun("loss", K::Contest),
    verb("lost", K::Contest),
    verb("lose", K::Contest),
    verb("loses", K::Contest),
    verb("top", K::Contest),
    verb("tops", K::Contest),
    verb("topped", K::Contest),
    verb("edged", K::Contest),
    verb("routed", K::Contest),
    verb("overcame", K::Contest),
    verb("downed", K::Contest),
    verb("stopped", K::Contest),
    verb("stops", K::Contest),
    verb("stopping", K::Contest),
    noun("stoppage", K::Contest),
    verb("knocked out", K::Contest),
    // A fall from a height (`fell_from_height`: a distance or a high place follows; "shares
    // fell 5 percent" has neither).
    verb("fell", K::Fall),
    verb("falls", K::Fall),
    verb("falling", K::Fall),
    verb("fallen", K::Fall),
    noun("fall", K::Fall),
    verb("plunged", K::Fall),
    verb("plunging", K::Fall),
    verb("tumbled", K::Fall),
    // A network or supply cut: outages by their names, and a cable or line cut, damaged or
    // severed (`line_broken`: the line named just before the verb, or after "damage to").
    noun("outage", K::Outage),
    noun("outages", K::Outage),
    noun("downtime", K::Outage),
    noun("blackout", K::Outage),
    noun("blackouts", K::Outage),
    noun("power cut", K::Outage),
    noun("power cuts", K::Outage),
    noun("power failure", K::Outage),
    verb("cut", K::Outage),
    verb("severed", K::Outage),
    verb("damaged", K::Outage),
    noun("damage", K::Outage),
    verb("failed", K::Outage),
    verb("went down", K::Outage),
    verb("broke", K::Outage),
    verb("broken", K::Outage),
    noun("victory over", K::Contest),
    noun("win over", K::Contest),
    verb("defeated", K::Contest),
    verb("defeats", K::Contest),
    verb("met", K::Meeting),
    verb("meet", K::Meeting),
    verb("meets", K::Meeting),
    verb("visited", K::Visit),
    verb("visits", K::Visit),
    verb("visiting", K::Visit),
    verb("struck", K::Strike),
    verb("attacked", K::Attack),
    verb("bombed", K::Attack),
    verb("signed", K::Agreement),
    verb("struck a deal", K::Deal),
    verb("strike a deal", K::Deal),
    verb("sealed a deal", K::Deal),
    verb("agreed to merge", K::Deal),
    weak("discuss", K::Meeting),
    weak("discussed", K::Meeting),
    weak("will hold talks", K::Talks),
    block("conference call"),
    block("press conference"),
    block("news conference"),
    block("talks about"),
    block("talks to"),
    block("deal with"),
    block("dealt with"),
    block("great deal"),
    block("good deal"),
    block("big deal"),
    block("signed off"),
    block("heart attack"),
    block("panic attack"),
    block("hunger strike"),
    block("general strike"),
    block("on strike"),
    block("strike a balance"),
    block("struck a balance"),
    block("struck a chord"),
    block("struck by"),
    // "the court struck down the law": a ruling; otherwise it blocks "struck" (see
    // `court_decides`).
    verb("struck down", K::Ruling),
    block("met with criticism"),
    block("met with resistance"),
    block("met with opposition"),
    block("met with skepticism"),
    block("meet the demands"),
    block("meet the needs"),
    block("meet the requirements"),
    block("meet the target"),
    block("in agreement"),
    block("visiting professor"),
    // Institutions and figures of speech named after an event word.
    block("fire department"),
    block("fire departments"),
    block("fire chief"),
    block("fire officials"),
    block("fire brigade"),
    block("fire service"),
    block("fire station"),
    block("fire crews"),
    block("fire crew"),
    block("fire truck"),
    block("fire trucks"),
    block("fire marshal"),
    block("fire alarm"),
    block("under fire"),
    block("in charge"),
    block("free of charge"),
    block("clinical trial"),
    block("clinical trials"),
    block("trial and error"),
    block("death toll"),
    block("death penalty"),
    block("death row"),
    block("hearing loss"),
    block("fire fighters"),
    block("fire officers"),
    block("fire investigators"),
    block("fire engine"),
    block("fire engines"),
    block("fire safety"),
    block("fire hydrant"),
    block("fire escape"),
    block("fire exit"),
    block("hearing aid"),
    block("storm of criticism"),
    block("brainstorm"),
    block("rally behind"),
    block("rallied behind"),
    block("crash course"),
    block("shot at the title"),
    block("a shot at"),
    block("big shot"),
    block("ruled out"),
    block("rule out"),
    block("ruling out"),
    block("march towards"),
    block("march toward"),
    block("signing bonus"),
    block("speech recognition"),
];

fn automaton() -> &'static AhoCorasick {
    static AUTOMATON: OnceLock<AhoCorasick> = OnceLock::new();
    AUTOMATON.get_or_init(|| {
        AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(PATTERNS.iter().map(|p| p.text))
            .unwrap_or_else(|_| {
                // The patterns are constants; a build failure would be a bug, found by
                // every test. An empty automaton keeps the no-panic promise regardless.
                AhoCorasick::new(Vec::<&str>::new()).expect("empty automaton builds")
            })
    })
}

/// Triggers and blockers in `text[range]`, whole words only, in offset order.
pub fn find_triggers(text: &str, range: Range<usize>) -> Vec<Trigger> {
    let Some(slice) = text.get(range.clone()) else {
        return Vec::new();
    };
    let mut found = Vec::new();
    for m in automaton().find_iter(slice) {
        let start = range.start + m.start();
        let end = range.start + m.end();
        if !is_word_boundary(text, start, end) {
            continue;
        }
        let pattern = &PATTERNS[m.pattern().as_usize()];
        let matched = &text[start..end];
        if pattern.kind == Some(EventKind::Congress) && starts_upper(matched) {
            // "Congress" capitalised is the legislature, unless it names a gathering
            // ("Congress of Syrian National Dialogue").
            let after = text[end..].trim_start();
            if !after.starts_with("of ") {
                continue;
            }
        }
        if pattern.kind == Some(EventKind::Strike)
            && pattern.form != TriggerForm::Noun
            && not_an_attack(text, start, end)
        {
            continue;
        }
        let mut kind = pattern.kind;
        if kind == Some(EventKind::Dismissal) && fired_a_weapon(text, end) {
            // "fired shots at", "fired on the crowd": ACE Conflict.Attack, not End-Position.
            kind = Some(EventKind::Attack);
        }
        if kind == Some(EventKind::Ruling)
            && pattern.form == TriggerForm::Verb
            && !pattern.text.starts_with("ruled")
            && !court_decides(text, start)
        {
            // "she dismissed the criticism": only a court's dismissal is a ruling; "Obama
            // overturns Bush rule" is a government's.
            let unmakes = str_in(
                &[
                    "overturns",
                    "overturned",
                    "reversed",
                    "reverses",
                    "struck down",
                ],
                pattern.text,
            );
            if !unmakes || !rule_follows(text, end) {
                continue; // "dismissed claims by Law and Justice"
            }
            kind = Some(EventKind::PolicyChange);
        }
        if kind == Some(EventKind::ProductRelease)
            && !product_follows(text, end)
            && rule_follows(text, end)
        {
            kind = Some(EventKind::PolicyChange); // "issued two regulations"
        }
        if kind == Some(EventKind::Outage)
            && str_in(&["broke", "broken"], pattern.text)
            && record_follows(text, end)
        {
            kind = Some(EventKind::Record); // "broke the scoring record"
        }
        if pattern.text.starts_with("march") && starts_upper(matched) && the_month(text, start, end)
        {
            continue; // "in March 2017"; "the Million Man March" is a name's head
        }
        if pattern.text == "ruling" && ruling_as_adjective(text, end) {
            continue; // "the ruling party", "the ruling FLN"
        }
        if kind == Some(EventKind::Admission)
            && str_in(
                &["admitted to", "admitted into", "entered", "enters"],
                pattern.text,
            )
            && !facility_follows(text, end)
        {
            continue; // "admitted to lying", "entered the race"
        }
        if str_in(&["won", "wins", "win", "winning"], pattern.text) && prize_follows(text, end) {
            kind = Some(EventKind::Award); // "won the Pulitzer Prize"
        }
        if str_in(&["launched", "launches"], pattern.text) && craft_launched(text, start, end) {
            kind = Some(EventKind::Launch); // "the satellite launched aboard a Falcon 9"
        }
        // "Won't Direct": a contraction is no verb of winning.
        let contraction = text[end..]
            .strip_prefix(['\'', '’'])
            .and_then(|rest| rest.strip_prefix(['t', 'T']))
            .is_some_and(|rest| !rest.starts_with(char::is_alphanumeric));
        let gated_out = contraction
            || match kind {
                Some(EventKind::RosterMove) => !roster_list_follows(text, end),
                Some(EventKind::ProductRelease) => !product_follows(text, end),
                Some(EventKind::Contest)
                    if !str_in(
                        &["victory over", "win over", "defeated", "defeats"],
                        pattern.text,
                    ) =>
                {
                    !scored_contest(text, start, end)
                }
                Some(EventKind::Fall) => !fell_from_height(text, start, end),
                Some(EventKind::Record) => {
                    // "set to visit" is a plan, not a record set.
                    !record_follows(text, end)
                        || words_after(text, end, 1).first().is_some_and(|w| w == "to")
                }
                Some(EventKind::Offer) => !an_offer_made(text, start, end),
                Some(EventKind::PolicyChange) => !rule_follows(text, end),
                Some(EventKind::Award) => !prize_follows(text, end),
                Some(EventKind::Launch) => !craft_launched(text, start, end),
                Some(EventKind::Outage)
                    if pattern.form == TriggerForm::Verb || pattern.text == "damage" =>
                {
                    !line_broken(text, start, end)
                }
                _ => false,
            };
        if gated_out {
            continue; // "put the plan on hold", "released the hostages", "lost the vote"
        }
        if pattern.text == "injured"
            && words_after(text, end, 1)
                .first()
                .is_some_and(|w| str_in(&["reserve", "list"], w.as_str()))
        {
            // "placed on injured reserve": the roster's list, not an injury (and no blocker,
            // which would keep the move's date from it).
            continue;
        }
        if pattern.text == "held up" && !held_up_a_target(text, end) {
            continue; // "the bridge held up", "talks were held up by"
        }
        if pattern.text == "signed" && !document_near(text, start, end) {
            // "a comment signed by user Tchaka": what is signed must be an accord.
            continue;
        }
        if pattern.form == TriggerForm::Noun
            && (inside_name(text, start, end) || modifies_noun(text, end))
        {
            // "Shooting Stars" (a club), "the protest movement", "election center": the
            // event word is part of a name or describes another noun.
            continue;
        }
        if pattern.form != TriggerForm::Noun && after_determiner(text, start) {
            // "a signed text", "the visiting delegation": a participle used as an adjective.
            continue;
        }
        found.push(Trigger {
            span: start..end,
            kind,
            form: pattern.form,
        });
    }
    found
}

/// "fired shots", "fired a missile", "fired on the crowd": what a weapon fires within three
/// words, or a preposition of aim right after ("fired on Thursday" is a date, not an aim).
fn fired_a_weapon(text: &str, end: usize) -> bool {
    const AMMUNITION: &[&str] = &[
        "shot", "shots", "rounds", "round", "bullets", "bullet", "weapon", "weapons", "gun",
        "guns", "rifle", "pistol", "missile", "missiles", "rocket", "rockets", "shells", "mortar",
        "mortars", "tear", "warning", "volley",
    ];
    const AIM: &[&str] = &["at", "on", "into", "upon", "back"];
    let words: Vec<String> = text[end..]
        .split_whitespace()
        .take(3)
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_ascii_lowercase()
        })
        .collect();
    let ammunition = words.iter().any(|w| str_in(AMMUNITION, w.as_str()));
    let aimed = words.first().is_some_and(|w| str_in(AIM, w.as_str()))
        && words.get(1).is_none_or(|w| {
            !(super::dates::is_weekday_or_month(w) || str_in(&["last", "this"], w.as_str()))
        });
    ammunition || aimed
}

/// A place of care, treatment or custody within five words after `end` ("admitted to
/// hospital", "entered a rehab program", "entered well-known Malibu rehab center").
fn facility_follows(text: &str, end: usize) -> bool {
    const FACILITIES: &[&str] = &[
        "rehab",
        "rehabilitation",
        "hospital",
        "hospitals",
        "clinic",
        "treatment",
        "center",
        "centre",
        "facility",
        "detox",
        "hospice",
        "infirmary",
        "sanatorium",
        "ward",
        "program",
        "programme",
        "care",
        "asylum",
    ];
    words_after(text, end, 5)
        .iter()
        .any(|w| str_in(FACILITIES, w.as_str()))
}

/// "held up a bank", "held up the jewellery store at gunpoint": a place that keeps money
/// or goods, or a person robbed, within four words after.
fn held_up_a_target(text: &str, end: usize) -> bool {
    const TARGETS: &[&str] = &[
        "bank",
        "banks",
        "store",
        "shop",
        "jeweller",
        "jewellers",
        "jeweler",
        "jewelers",
        "jewelry",
        "jewellery",
        "station",
        "restaurant",
        "casino",
        "pharmacy",
        "supermarket",
        "truck",
        "van",
        "courier",
        "cashier",
        "clerk",
        "teller",
        "gunpoint",
        "knifepoint",
    ];
    words_after(text, end, 4)
        .iter()
        .any(|w| str_in(TARGETS, w.as_str()))
}

/// The words of the sentence before `start`, nearest first, lowercased, at most `n`.
pub(super) fn words_before(text: &str, start: usize, n: usize) -> Vec<String> {
    let from = text[..start]
        .rfind(['.', '!', '?', ';', '\n'])
        .map_or(0, |i| i + 1);
    text[from..start]
        .split_whitespace()
        .rev()
        .take(n)
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_ascii_lowercase()
        })
        .collect()
}

/// The words after `end`, lowercased, up to the sentence's end, at most `n`.
pub(super) fn words_after(text: &str, end: usize, n: usize) -> Vec<String> {
    let rest = &text[end..];
    let to = rest.find(['.', '!', '?', ';', '\n']).unwrap_or(rest.len());
    rest[..to]
        .split_whitespace()
        .take(n)
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_ascii_lowercase()
        })
        .collect()
}

/// Whether a court decides: a court, tribunal, judge or jury within eight words before the
/// verb in its sentence ("a UN tribunal in The Hague dismissed", "the judge rejected").
fn court_decides(text: &str, start: usize) -> bool {
    const COURTS: &[&str] = &[
        "court",
        "courts",
        "tribunal",
        "judge",
        "judges",
        "justices",
        "jury",
        "panel",
        "magistrate",
        "arbitrator",
        "arbitrators",
    ];
    words_before(text, start, 8)
        .iter()
        .any(|w| str_in(COURTS, w.as_str()))
}

/// Whether a capitalised "March" is the month: a number follows, or no capitalised word
/// of a name stands before it.
fn the_month(text: &str, start: usize, end: usize) -> bool {
    let number_after = text[end..]
        .trim_start()
        .starts_with(|c: char| c.is_ascii_digit());
    let name_before = text[..start]
        .split_whitespace()
        .next_back()
        .is_some_and(|w| starts_upper(w) && !w.ends_with(['.', ':', '!', '?']));
    number_after || !name_before
}

/// "the ruling party", "the ruling FLN": "ruling" before a name or a body it describes.
fn ruling_as_adjective(text: &str, end: usize) -> bool {
    const BODIES: &[&str] = &[
        "party",
        "parties",
        "coalition",
        "class",
        "classes",
        "elite",
        "elites",
        "family",
        "council",
        "junta",
        "military",
        "government",
        "regime",
        "establishment",
        "body",
        "bloc",
        "camp",
        "majority",
        "dynasty",
        "faction",
    ];
    let next = text[end..].trim_start_matches([' ', '\t']);
    let word: String = next
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '-')
        .collect();
    starts_upper(&word) || str_in(BODIES, word.to_ascii_lowercase().as_str())
}

/// Whether an accord's document is named within ten words before "signed" or six after
/// ("signed an agreement", "the treaty, signed by China", "hold signed copies of an
/// historic agreement"): one signs a document, and "signed by user X" is no accord.
fn document_near(text: &str, start: usize, end: usize) -> bool {
    const DOCUMENTS: &[&str] = &[
        "agreement",
        "agreements",
        "deal",
        "deals",
        "treaty",
        "treaties",
        "accord",
        "accords",
        "pact",
        "convention",
        "contract",
        "contracts",
        "arrangement",
        "memorandum",
        "declaration",
        "bill",
        "bills",
        "law",
        "laws",
        "order",
        "decree",
        "charter",
        "protocol",
        "ceasefire",
        "truce",
        "roadmap",
        "legislation",
        "document",
        "documents",
        "framework",
        "compact",
        "statement",
        "communique",
        "armistice",
        "deals",
    ];
    words_before(text, start, 10)
        .iter()
        .chain(words_after(text, end, 6).iter())
        .any(|w| str_in(DOCUMENTS, w.as_str()))
}

/// A capitalised event word in the middle of a sentence followed by another capitalised
/// word is inside a name ("Shooting Stars", "Fire Brigade Union"); English names end on
/// their head ("the Million Man March" stays). A title-case headline (no lowercase word of
/// four letters or more on its line) is no name.
fn inside_name(text: &str, start: usize, end: usize) -> bool {
    if !starts_upper(&text[start..end]) {
        return false;
    }
    let before = text[..start].trim_end_matches([' ', '\t']);
    let opens_sentence = before
        .chars()
        .next_back()
        .is_none_or(|c| ".!?:\n\"“‘'([".contains(c));
    if opens_sentence {
        return false;
    }
    let next = text[end..].trim_start_matches([' ', '\t']);
    let next_word: String = next.chars().take_while(|c| c.is_alphanumeric()).collect();
    if !starts_upper(&next_word)
        || super::dates::is_weekday_or_month(&next_word.to_ascii_lowercase())
    {
        return false;
    }
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
    text[line_start..line_end]
        .split_whitespace()
        .any(|w| w.len() >= 4 && w.chars().next().is_some_and(char::is_lowercase))
}

/// "the protest movement", "an election center", "attack helicopters": an event noun
/// directly before a noun of a person, group, body, place or tool describes that noun.
fn modifies_noun(text: &str, end: usize) -> bool {
    const HEADS: &[&str] = &[
        "movement",
        "movements",
        "leader",
        "leaders",
        "organizer",
        "organizers",
        "organiser",
        "organisers",
        "tactics",
        "site",
        "sites",
        "center",
        "centre",
        "centers",
        "centres",
        "website",
        "monitoring",
        "monitor",
        "monitors",
        "official",
        "officials",
        "observer",
        "observers",
        "commission",
        "committee",
        "campaign",
        "campaigns",
        "law",
        "laws",
        "rules",
        "policy",
        "policies",
        "squad",
        "squads",
        "helicopter",
        "helicopters",
        "dog",
        "dogs",
        "warrant",
        "warrants",
        "season",
        "coverage",
        "zone",
        "zones",
        "movement's",
        "group",
        "groups",
        "activists",
        "unit",
        "units",
        "plane",
        "planes",
        "aircraft",
        "submarine",
        "submarines",
        "boat",
        "boats",
        "team",
        "teams",
    ];
    let next = text[end..].trim_start_matches([' ', '\t']);
    let word: String = next
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '\'')
        .collect();
    !word.is_empty() && !starts_upper(&word) && str_in(HEADS, word.as_str())
}

fn after_determiner(text: &str, start: usize) -> bool {
    text[..start]
        .split_whitespace()
        .next_back()
        .is_some_and(|w| ascii_lowercase_in(w, &["a", "an", "the"]))
}

/// "struck a cautious note", "an earthquake struck": the verb without an attacker. A
/// figurative object follows within three words, or a natural force comes just before.
fn not_an_attack(text: &str, start: usize, end: usize) -> bool {
    const FIGURATIVE: &[&str] = &[
        "note",
        "tone",
        "chord",
        "balance",
        "pose",
        "blow",
        "nerve",
        "fear",
        "match",
        "gold",
        "oil",
        "optimistic",
        "upbeat",
        "defiant",
        "conciliatory",
        "cautious",
    ];
    const NATURAL: &[&str] = &[
        "earthquake",
        "quake",
        "tremor",
        "aftershock",
        "storm",
        "hurricane",
        "typhoon",
        "cyclone",
        "tornado",
        "lightning",
        "flood",
        "floods",
        "tsunami",
        "disaster",
        "tragedy",
        "pandemic",
        "virus",
        "drought",
        "wildfire",
        "fire",
        "heatwave",
        "landslide",
    ];
    let lower = |w: &str| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_ascii_lowercase()
    };
    let figurative = text[end..]
        .split_whitespace()
        .take(3)
        .map(lower)
        .any(|w| str_in(FIGURATIVE, w.as_str()));
    let before: Vec<String> = text[..start]
        .split_whitespace()
        .rev()
        .take(3)
        .map(lower)
        .collect();
    let natural = before.iter().any(|w| str_in(NATURAL, w.as_str()));
    figurative || natural
}

fn starts_upper(text: &str) -> bool {
    text.chars().next().is_some_and(char::is_uppercase)
}

fn is_word_boundary(text: &str, start: usize, end: usize) -> bool {
    let before_ok = text[..start]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric() && c != '-');
    let after_ok = text[end..]
        .chars()
        .next()
        .is_none_or(|c| !c.is_alphanumeric() && c != '-');
    before_ok && after_ok
}

impl std::fmt::Display for EventKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}
