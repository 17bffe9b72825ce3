//! Small closed word lists the extractor reasons with: name particles, connectors inside
//! organization names, cue words, speech verbs, title modifiers.
//!
//! These are grammar, not world knowledge, so they live in code; the open-ended lists
//! (places, organizations, titles, non-names) are data files in `data/gazetteer/`.

/// Lowercase particles inside personal and place names ("Bashar al Assad", "Staffan de
/// Mistura"); capitalised, they may open a surname written alone ("El Gizawy").
pub(crate) const NAME_PARTICLES: [&str; 14] = [
    "al", "el", "bin", "ibn", "de", "da", "di", "van", "von", "der", "du", "dos", "la", "le",
];

/// Particles only ever read inside a name, in lowercase ("Joaquin del Olmo", "Cesare dal
/// Maso", "Kengo wa Dondo", "Maarten den Bakker"): capitalised, they are given names or
/// surnames of their own ("Del Harris", "Das"). Not the particles that are also English
/// words ("do", "ten", "y").
pub(crate) const INNER_PARTICLES: [&str; 10] = [
    "del", "della", "dal", "dalla", "degli", "dei", "das", "den", "ter", "wa",
];

/// Whether `word` joins the capitalised words around it into one name.
pub(crate) fn is_name_particle(word: &str) -> bool {
    is_in(&NAME_PARTICLES, word) || is_in(&INNER_PARTICLES, word)
}

/// Lowercase words that may join capitalised words into one organization name
/// ("Council of International Affairs of Russia", "Institute for Strategic Studies").
pub(crate) const CONNECTORS: [&str; 5] = ["of", "for", "and", "on", "the"];

/// Capitalised head words that make a name an organization.
pub(crate) const ORG_CUES: [&str; 100] = [
    "Institute",
    "Center",
    "Centre",
    "Council",
    "Ministry",
    "Forces",
    "Guards",
    "Company",
    "News",
    "Journal",
    "Agency",
    "Party",
    "Army",
    "Bank",
    "University",
    "Committee",
    "Organization",
    "Organisation",
    "Union",
    "Treasury",
    "Department",
    "Commission",
    "Corporation",
    "Corp",
    "Inc",
    "Ltd",
    "Times",
    "Post",
    "Press",
    "Service",
    "Services",
    "Foundation",
    "Association",
    "Congress",
    "Parliament",
    "Assembly",
    "Court",
    "Front",
    "Movement",
    "Brigade",
    "Brigades",
    "Navy",
    "Office",
    "Group",
    "Fund",
    "Network",
    "Tribune",
    "Herald",
    "Gazette",
    "Daily",
    "Airlines",
    "Federation",
    "Society",
    "School",
    "College",
    "Securities",
    "Industries",
    "Steel",
    "Church",
    "Syndicate",
    "Advisory",
    "Command",
    "League",
    "Subcommittee",
    "Alliance",
    "Tour",
    "Holdings",
    "Partners",
    "Authority",
    "Bureau",
    "Programme",
    "Electronics",
    "Club",
    "Coalition",
    "Exchange",
    "Chamber",
    // Watchdog groups ("Human Rights Watch", "Judicial Watch").
    "Watch",
    // Firms named by a family or a trade ("Lehman Brothers", "Salomon Bros", "Reagan
    // Communications", "Lloyds Shipping"). Not "Broadcasting": it would cut "Office of the
    // National Broadcasting and Telecommunications Commission" before its own cue.
    "Brothers",
    "Bros",
    "Communications",
    "Shipping",
    // Institutions and firms named by what they are ("Royal Preston Hospital", "Network
    // Rail", "Virgin Trains", "Arecibo Observatory", "Homestake Mining Co").
    "Hospital",
    "Infirmary",
    "Observatory",
    "Telescope",
    "Laboratory",
    "Rail",
    "Railway",
    "Railways",
    "Trains",
    "Airways",
    "Mining",
    "Police",
    "Rescue",
    "Technologies",
    "Pharmaceuticals",
    "Co",
    "Plc",
    "PLC",
    "AG",
];

/// Words before a storm's name ("Hurricane Edouard", "Tropical Storm Fran"): the name that
/// follows is the storm's, not a person's, wherever the story repeats it.
pub(crate) const STORMS: [&str; 5] = ["Hurricane", "Typhoon", "Cyclone", "Storm", "Tornado"];

/// Legal forms ending a company's name ("Amoco Corp", "Faulding Inc", "Daimler-Benz AG"):
/// without them the rest of the name is the company's too.
pub(crate) const LEGAL_FORMS: [&str; 17] = [
    "Corp",
    "Corporation",
    "Inc",
    "Ltd",
    "Co",
    "Cos",
    "Plc",
    "PLC",
    "AG",
    "SA",
    "NV",
    "GmbH",
    // The dotted forms, their final full stop trimmed ("Cofinec S.A.", "Philips N.V.").
    "S.A",
    "N.V",
    "A.G",
    "B.V",
    "S.p.A",
];

/// Legal forms written with full stops ("Cofinec S.A.", "Ahold N.V."), as the tokenizer
/// keeps them: they end a company's name, but at a name's start they are a person's
/// initials ("N.V. Raman").
pub(crate) const DOTTED_LEGAL_FORMS: [&str; 5] = ["S.A.", "N.V.", "A.G.", "B.V.", "S.p.A."];

/// Last words of a capitalised run that name an event or a competition, not an actor
/// ("Davis Cup", "Rose Bowl", "Grand Prix", "U.S. Open", "Olympic Games"): such a run
/// gives no actor (alone the word is a common noun too).
pub(crate) const EVENT_TAILS: [&str; 23] = [
    "Cup",
    "Open",
    "Championship",
    "Championships",
    "Trophy",
    "Prix",
    "Bowl",
    "Classic",
    "Games",
    "Olympics",
    "Tournament",
    "Series",
    "Derby",
    "Marathon",
    "Masters",
    "Invitational",
    "Grand",
    "Slam",
    "Award",
    "Awards",
    "Prize",
    "Prizes",
    "Medal",
];

/// Lowercase nouns that, right before or after a capitalised name, say it is an
/// organization ("newspaper Il Giornale", "the daily Arman", "Hezbollah militia").
pub(crate) const ORG_CONTEXT: [&str; 34] = [
    "newspaper",
    "daily",
    "agency",
    "group",
    "company",
    "party",
    "militia",
    "movement",
    "channel",
    "broadcaster",
    "magazine",
    "firm",
    "giant",
    "outlet",
    "network",
    "organization",
    "organisation",
    "bank",
    "website",
    "weekly",
    "tabloid",
    "insurgents",
    "operator",
    "union",
    "carrier",
    "airline",
    "maker",
    "manufacturer",
    "retailer",
    "conglomerate",
    "insurer",
    "lender",
    "automaker",
    "chipmaker",
];

/// Prepositions after which an unknown capitalised name is most likely a place.
pub(crate) const PLACE_PREPOSITIONS: [&str; 6] = ["in", "at", "near", "outside", "from", "into"];

/// Words that make a capitalised name a place: first ("Plaza San Martin", "Mount Kenya")
/// or last ("Tahrir Square", "Kibera District").
pub(crate) const PLACE_HEADS: [&str; 6] = ["Plaza", "Mount", "Lake", "Fort", "Cape", "Port"];
pub(crate) const PLACE_TAILS: [&str; 19] = [
    "Square",
    "Street",
    "Avenue",
    "Bridge",
    "Airport",
    "Province",
    "County",
    "District",
    "Valley",
    "River",
    "Island",
    "Islands",
    "Mountains",
    "Desert",
    "Sea",
    "Region",
    "Station",
    "Stadium",
    "Building",
];

/// Verbs of saying: a capitalised word next to one of them is a speaker, so a person.
pub(crate) const SPEECH_VERBS: [&str; 32] = [
    "said",
    "says",
    "told",
    "tells",
    "added",
    "stressed",
    "warned",
    "noted",
    "insisted",
    "urged",
    "writes",
    "wrote",
    "asked",
    "explained",
    "declared",
    "announced",
    "claimed",
    "argued",
    "stated",
    "replied",
    "recalled",
    "believes",
    "thinks",
    "emphasized",
    "commented",
    "tweeted",
    "posted",
    "observed",
    "remarked",
    "responded",
    "admitted",
    "suggested",
];

/// Lowercase nouns that, right after a capitalised name, say it is a team, a club, a
/// company or an armed group ("Super Eagles star", "Eagles owner Jeffrey Lurie", "Petofi
/// general manager", "Taleban guards").
pub(crate) const ORG_AFTER: [&str; 21] = [
    "team",
    "club",
    "squad",
    "fans",
    "star",
    "striker",
    "midfielder",
    "defender",
    "goalkeeper",
    "coach",
    "manager",
    "owner",
    "chairman",
    "chairwoman",
    "shareholders",
    // An armed group's members ("Taleban guards", "Hamas militants"): a person's men are
    // written with the possessive ("Dostum's fighters"), which is no cue.
    "guards",
    "fighters",
    "guerrillas",
    "rebels",
    "militiamen",
    "militants",
];

/// Words that, in front of a title, belong to it ("Foreign Minister", "National Security Advisor").
pub(crate) const TITLE_MODIFIERS: [&str; 34] = [
    "foreign",
    "defense",
    "defence",
    "prime",
    "vice",
    "deputy",
    "supreme",
    "national",
    "security",
    "chief",
    "senior",
    "former",
    "press",
    "presidential",
    "interior",
    "finance",
    "state",
    "general",
    "top",
    "acting",
    "special",
    "assistant",
    "executive",
    "economy",
    "energy",
    "justice",
    "health",
    "trade",
    "first",
    "crown",
    "grand",
    "military",
    "policy",
    "opposition",
];

/// Honorifics: a name after one is a person's, and they are not part of the name.
pub(crate) const HONORIFICS: [&str; 12] = [
    "mr", "mrs", "ms", "miss", "dr", "sir", "dame", "madam", "lord", "lady", "prof", "mx",
];

/// Titles always accepted, whatever the titles file holds (so extraction never loses its
/// core cues to a data edit).
pub(crate) const CORE_TITLES: [&str; 30] = [
    "president",
    "minister",
    "leader",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "adviser",
    "advisor",
    "ambassador",
    "envoy",
    "secretary",
    "chancellor",
    "king",
    "queen",
    "prince",
    "ayatollah",
    "head",
    "chief",
    "director",
    "expert",
    "analyst",
    "member",
    "author",
    "commander",
    "chairman",
    "official",
    "negotiator",
    "premier",
    "governor",
    "mayor",
];

/// Lowercase nouns that only ever describe a person: kin, aides and agents of a deed. A
/// name set off by commas after one ("Trump's wife, Melania,") or right after one ("mass
/// shooter Dylann Roof") is that person's.
pub(crate) const PERSON_NOUNS: [&str; 40] = [
    "wife",
    "husband",
    "son",
    "daughter",
    "brother",
    "sister",
    "mother",
    "father",
    "widow",
    "widower",
    "fiancee",
    "fiancé",
    "fiancée",
    "girlfriend",
    "boyfriend",
    "niece",
    "nephew",
    "cousin",
    "grandson",
    "granddaughter",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "aide",
    "shooter",
    "gunman",
    "suspect",
    "killer",
    "bomber",
    "attacker",
    "assailant",
    "hijacker",
    "defendant",
    "inmate",
    "victim",
    "assassin",
    "murderer",
    "sniper",
    "stepson",
    "stepdaughter",
];

/// Pronouns that open a contraction ("I'm", "We've", "They'll"): the word is never a name.
pub(crate) const CONTRACTED_PRONOUNS: [&str; 11] = [
    "i", "you", "he", "she", "it", "we", "they", "that", "there", "who", "let",
];

pub(crate) fn is_in(list: &[&str], word: &str) -> bool {
    crate::lower::str_in(list, word)
}
