//! The kinds of event dossier reports and their families: which mentions may name the
//! same happening, and the words each kind is shown by.

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
    /// Buildings, villages or vehicles damaged or destroyed: "the quake razed three
    /// villages", "homes were damaged", "the blaze caused heavy damage" (the toll a
    /// disaster or an attack leaves, which news reports apart from the blow itself).
    Damage,
    /// An offence an arrest, a charge or a traffic stop names: "arrested on suspicion of
    /// drunk driving", "pulled over for speeding", "faces DUI charges" (the act the police
    /// report, which ACE leaves to its Justice events' arguments).
    Offence,
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
    Damage,
    Offence,
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
            KindFamily::Damage => "damage",
            KindFamily::Offence => "offence",
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
            EventKind::Damage => "damage",
            EventKind::Offence => "offence",
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
            Damage => KindFamily::Damage,
            Offence => KindFamily::Offence,
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
            Record | Offer | PolicyChange | Award | Damage | Offence => 3,
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
            Damage,
            Offence,
        ]
    }
}

impl std::fmt::Display for EventKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}
