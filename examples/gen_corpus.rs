//! A deterministic generator of synthetic news corpora for the scale benchmarks
//! (docs/PERFORMANCE.md): N megabytes of articles recombined from the sentences of seeds/.
//!
//! ```text
//! cargo run --release --example gen_corpus -- --mb 100 --out /tmp/corpus100
//! ```
//!
//! The text is real news prose (every sentence comes from a seed article, quotes intact), but
//! the documents are synthetic: runs of consecutive sentences from random seeds are stitched
//! into 2-8 KB articles, the people of the seeds are swapped for invented-but-plausible people
//! (consistently within a document, skewed so a few invented people are in many documents,
//! as in real news), cities are swapped for other cities, and numbers, months and weekdays
//! vary. About 40% of the files carry `title:`/`date:` front matter, others open with a
//! headline line. Files go into nested folders of at most 1000 files each.
//!
//! Same arguments, same bytes: each document draws from its own generator seeded by
//! (`--seed`, document number), so documents are built in parallel but always identically.
//!
//! The invented people are about 20,000 name pairs, so the corpus holds some 11,000 actors
//! at any size. `--many-people N` draws them instead, evenly, from N people with made-up
//! surnames of four syllables (all distinct, N at most 2^20), and adds to every paragraph
//! a sentence naming two more: a corpus of the many distinct names real news has
//! (hundreds of thousands of actors at 100 MB), for the costs that grow with the actors.
//!
//! ```text
//! cargo run --release --example gen_corpus -- --mb 100 --many-people 1000000 --out /tmp/names100
//! ```

use std::collections::HashMap;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use aho_corasick::{AhoCorasick, MatchKind};
use anyhow::{bail, Context, Result};
use clap::Parser;
use rayon::prelude::*;

/// Writes a synthetic news corpus built from the sentences of the seed articles.
#[derive(Parser)]
struct Args {
    /// Size of the corpus in megabytes (10^6 bytes); generation stops at the first document
    /// that reaches it.
    #[arg(long, default_value_t = 100)]
    mb: u64,
    /// Output folder; must not exist or be empty, or be an earlier output of this tool.
    #[arg(long)]
    out: PathBuf,
    /// Folder of seed articles (`*.txt`).
    #[arg(long, default_value = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds"))]
    seeds: PathBuf,
    /// Seed of the pseudo-random choices.
    #[arg(long, default_value_t = 7)]
    seed: u64,
    /// Draw the invented people from this many distinct names (at most 1048576) and name
    /// two more in every paragraph; 0 keeps the ~20,000 name pairs.
    #[arg(long, default_value_t = 0)]
    many_people: u64,
}

/// Written at the top of the output so a re-run may safely replace it; hidden, so the
/// corpus loader (which skips hidden files) never indexes it.
const MARKER_FILE: &str = ".dossier-gen-corpus";

/// Documents generated per parallel batch (also the folder size limit).
const BATCH: u64 = 1000;

fn main() -> Result<()> {
    let args = Args::parse();
    let seeds = read_seeds(&args.seeds)?;
    if args.many_people > MANY_PEOPLE_LIMIT {
        bail!("--many-people is at most {MANY_PEOPLE_LIMIT}, the four-syllable surnames");
    }
    let templates = Templates::new(&seeds, args.many_people);
    if templates.sentences.is_empty() {
        bail!(
            "no sentences in {}; point --seeds at news text",
            args.seeds.display()
        );
    }
    prepare_output(&args.out)?;
    let target_bytes = args.mb * 1_000_000;
    let mut written_bytes = 0u64;
    let mut n_docs = 0u64;
    let started = std::time::Instant::now();
    'batches: for batch in 0.. {
        let first = batch * BATCH;
        let docs: Vec<(PathBuf, String)> = (first..first + BATCH)
            .into_par_iter()
            .map(|doc_number| templates.document(args.seed, doc_number))
            .collect();
        for (rel_path, text) in docs {
            let path = args.out.join(rel_path);
            if let Some(parent) = path.parent() {
                fs::create_dir_all(parent)
                    .with_context(|| format!("cannot create {}", parent.display()))?;
            }
            fs::write(&path, &text).with_context(|| format!("cannot write {}", path.display()))?;
            written_bytes += text.len() as u64;
            n_docs += 1;
            if written_bytes >= target_bytes {
                break 'batches;
            }
        }
    }
    eprintln!(
        "wrote {n_docs} documents, {written_bytes} bytes, to {} in {:.1} s",
        args.out.display(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

fn read_seeds(dir: &Path) -> Result<Vec<String>> {
    let mut paths: Vec<PathBuf> = fs::read_dir(dir)
        .with_context(|| format!("cannot read the seeds folder {}", dir.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    // Directory order differs between file systems; sorting keeps the output identical.
    paths.sort();
    paths
        .iter()
        .map(|p| {
            let bytes = fs::read(p).with_context(|| format!("cannot read {}", p.display()))?;
            Ok(String::from_utf8_lossy(&bytes).into_owned())
        })
        .collect()
}

/// Refuses to mix with unrelated files: a stale larger corpus would change the benchmark.
fn prepare_output(out: &Path) -> Result<()> {
    if out.exists() {
        let non_empty = fs::read_dir(out)
            .with_context(|| format!("cannot read {}", out.display()))?
            .next()
            .is_some();
        if non_empty {
            if !out.join(MARKER_FILE).exists() {
                bail!(
                    "{} exists and is not an earlier gen_corpus output; choose an empty folder",
                    out.display()
                );
            }
            fs::remove_dir_all(out).with_context(|| format!("cannot clear {}", out.display()))?;
        }
    }
    fs::create_dir_all(out).with_context(|| format!("cannot create {}", out.display()))?;
    let mut marker = fs::File::create(out.join(MARKER_FILE))?;
    writeln!(
        marker,
        "synthetic corpus written by `cargo run --example gen_corpus`"
    )?;
    Ok(())
}

/// The people of the seed articles: full name and the surname used alone. Their mentions are
/// what the generator swaps for invented people; a name missing here is simply kept.
const CAST: &[(&str, &str)] = &[
    ("Vladimir Putin", "Putin"),
    ("Donald Trump", "Trump"),
    ("Benjamin Netanyahu", "Netanyahu"),
    ("Bashar al-Assad", "Assad"),
    ("Bashar Assad", "Assad"),
    ("Hassan Rouhani", "Rouhani"),
    ("Sergei Shoigu", "Shoigu"),
    ("Dmitry Peskov", "Peskov"),
    ("Ali Akbar Velayati", "Velayati"),
    ("Ilham Aliyev", "Aliyev"),
    ("Sergey Lavrov", "Lavrov"),
    ("John Bolton", "Bolton"),
    ("Jon Huntsman", "Huntsman"),
    ("Sami Nader", "Nader"),
    ("Kirill Semenov", "Semenov"),
    ("Igor Sechin", "Sechin"),
    ("Elena Suponina", "Suponina"),
    ("Ehud Yaari", "Yaari"),
    ("Dmitri Trenin", "Trenin"),
    ("Andrei Kortunov", "Kortunov"),
    ("Ali Khorram", "Khorram"),
    ("Aleksandr Lavrentyev", "Lavrentyev"),
    ("Ali Khamenei", "Khamenei"),
    ("Barack Obama", "Obama"),
];

/// Invented people are one of these given names with one of these surnames (~20,000 pairs).
const GIVEN_NAMES: &[&str] = &[
    "Adrian", "Aida", "Alexei", "Amara", "Anders", "Anika", "Arman", "Aurelio", "Beatriz",
    "Bogdan", "Camila", "Chidi", "Dalia", "Daniyar", "Darius", "Elif", "Emeka", "Erik", "Farah",
    "Farid", "Gideon", "Greta", "Hana", "Hamid", "Ilse", "Imran", "Ines", "Ivo", "Jamila",
    "Joaquin", "Jonas", "Kamal", "Karin", "Kenji", "Laila", "Leon", "Lucia", "Lukas", "Malik",
    "Marek", "Marta", "Mehmet", "Mira", "Nadia", "Nikolai", "Noor", "Olga", "Omar", "Oskar",
    "Pavel", "Petra", "Rafael", "Rania", "Rashid", "Renata", "Rustam", "Salma", "Samir", "Selin",
    "Stefan", "Tamar", "Tariq", "Teodor", "Valeria", "Viktor", "Yara", "Yusuf", "Zara", "Zoltan",
    "Anton", "Bruno", "Clara", "Dmitar", "Esra", "Goran", "Helena", "Irena", "Jasper", "Katya",
    "Lena", "Matteo", "Nils", "Orhan", "Priya", "Quentin", "Roza", "Sofia", "Timur", "Ulla",
    "Vera", "Wiktor", "Xenia", "Yannick", "Zeynep", "Artem", "Bilal", "Cyrus", "Dina", "Emil",
    "Fatima",
];

const SURNAMES: &[&str] = &[
    "Abramova",
    "Adeyemi",
    "Alvarenga",
    "Antonescu",
    "Arslanov",
    "Bakalov",
    "Baranek",
    "Belcastro",
    "Berisha",
    "Borodin",
    "Brandvold",
    "Castellano",
    "Cerny",
    "Chaudry",
    "Dalca",
    "Danilenko",
    "Delacroix",
    "Demirel",
    "Dragovic",
    "Duarte",
    "Ebadi",
    "Ekwueme",
    "Eriksen",
    "Falkenrath",
    "Farahani",
    "Ferreira",
    "Galich",
    "Garibov",
    "Golovin",
    "Grabski",
    "Haddadi",
    "Halvorsen",
    "Hamidov",
    "Horvath",
    "Ibrahimov",
    "Ilyushin",
    "Iskander",
    "Jankovic",
    "Jafari",
    "Juncosa",
    "Kalnins",
    "Karimova",
    "Kasparyan",
    "Kellerman",
    "Khalilov",
    "Kovalenko",
    "Kuznetsova",
    "Laszlo",
    "Lindqvist",
    "Lomidze",
    "Lozano",
    "Makarova",
    "Malinowski",
    "Mansouri",
    "Markovic",
    "Melnikov",
    "Mirzaei",
    "Moravec",
    "Nabiyev",
    "Nazarova",
    "Nemeth",
    "Novikova",
    "Nurmagov",
    "Obradovic",
    "Okonkwo",
    "Olsen",
    "Orlov",
    "Ozturk",
    "Paksas",
    "Pavlenko",
    "Petrosyan",
    "Popescu",
    "Quadri",
    "Radulescu",
    "Rahimi",
    "Rashidova",
    "Reinholt",
    "Romanescu",
    "Rostami",
    "Rudenko",
    "Sadeghi",
    "Safarov",
    "Salazar",
    "Savchenko",
    "Schaller",
    "Sedlak",
    "Serrano",
    "Shapiro",
    "Sharipov",
    "Sokolova",
    "Stankovic",
    "Strand",
    "Suleimani",
    "Szabo",
    "Tabrizi",
    "Tarasova",
    "Teixeira",
    "Tomasek",
    "Toumi",
    "Ulyanova",
    "Umarov",
    "Valdivia",
    "Vasquez",
    "Vavilov",
    "Vekua",
    "Velikova",
    "Volkov",
    "Voronin",
    "Wagner",
    "Wojcik",
    "Yakovlev",
    "Yamamoto",
    "Yilmaz",
    "Yusupov",
    "Zadeh",
    "Zaharia",
    "Zamora",
    "Zeller",
    "Zhukova",
    "Zielinski",
    "Abdulov",
    "Bergstrom",
    "Cardenas",
    "Dobrev",
    "Esposito",
    "Fonseca",
    "Gavrilov",
    "Hakimi",
    "Ivanova",
    "Jovanovic",
    "Kaminski",
    "Lebedev",
    "Marchetti",
    "Nowak",
    "Ortega",
    "Pereira",
    "Rakhimov",
    "Saarinen",
    "Tkachenko",
    "Urbanek",
    "Vidal",
    "Wozniak",
    "Yegorov",
    "Zubkov",
    "Amirov",
    "Boyko",
    "Cordero",
    "Dimitrov",
    "Evren",
    "Fischer",
    "Gomes",
];

/// Cities of the seeds that may be swapped, and the cities they may become.
const SEED_CITIES: &[&str] = &[
    "Moscow",
    "Helsinki",
    "Tehran",
    "Washington",
    "Damascus",
    "Singapore",
    "Ankara",
    "Astana",
    "Beirut",
    "Sochi",
    "Vienna",
];

const CITIES: &[&str] = &[
    "Vienna",
    "Geneva",
    "Oslo",
    "Ankara",
    "Doha",
    "Nairobi",
    "Astana",
    "Baku",
    "Minsk",
    "Riyadh",
    "Cairo",
    "Amman",
    "Muscat",
    "Lisbon",
    "Madrid",
    "Warsaw",
    "Tbilisi",
    "Yerevan",
    "Hanoi",
    "Jakarta",
    "Bogota",
    "Lima",
    "Santiago",
    "Accra",
    "Dakar",
    "Tunis",
    "Algiers",
    "Rabat",
    "Tashkent",
    "Bishkek",
    "Ulaanbaatar",
    "Seoul",
    "Manila",
    "Canberra",
    "Ottawa",
    "Havana",
    "Caracas",
    "Quito",
    "Belgrade",
    "Sofia",
    "Bucharest",
    "Budapest",
    "Prague",
    "Reykjavik",
    "Copenhagen",
    "Stockholm",
    "Tallinn",
    "Riga",
    "Vilnius",
    "Chisinau",
];

/// "May" is left out on purpose: it is far more often the verb.
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

const SOURCES: &[&str] = &[
    "AP",
    "Reuters",
    "AFP",
    "TASS",
    "Al-Monitor",
    "Anadolu",
    "IRNA",
];

/// Invented people available; a power law picks among them.
const N_INVENTED_PEOPLE: u64 = 20_000;

/// Probability that a seed person or city keeps its real name in a document.
const KEEP_REAL_PERSON: f64 = 0.3;
const KEEP_REAL_CITY: f64 = 0.4;

/// A piece of a sentence template.
#[derive(Debug, Clone)]
enum Piece {
    Text(String),
    FullName(usize),
    Surname(usize),
    City(usize),
    Month,
    Weekday,
    /// A run of digits, by length; four digits from 1900-2099 are a year.
    Number {
        digits: usize,
        year: bool,
    },
}

struct Sentence {
    pieces: Vec<Piece>,
    /// The seed paragraph ends after this sentence.
    ends_paragraph: bool,
}

/// Every sentence of the seeds, parsed once into pieces that vary per document.
struct Templates {
    sentences: Vec<Sentence>,
    /// `--many-people`: 0, or how many distinct invented people there are.
    many_people: u64,
}

impl Templates {
    fn new(seeds: &[String], many_people: u64) -> Templates {
        let mut patterns: Vec<(String, Piece)> = Vec::new();
        for (i, (full, surname)) in CAST.iter().enumerate() {
            patterns.push((full.to_string(), Piece::FullName(i)));
            patterns.push((surname.to_string(), Piece::Surname(i)));
        }
        for (i, city) in SEED_CITIES.iter().enumerate() {
            patterns.push((city.to_string(), Piece::City(i)));
        }
        patterns.extend(MONTHS.iter().map(|m| (m.to_string(), Piece::Month)));
        patterns.extend(WEEKDAYS.iter().map(|d| (d.to_string(), Piece::Weekday)));
        // A surname shared by two cast entries (Assad) belongs to the first.
        let mut seen = std::collections::HashSet::new();
        patterns.retain(|(p, _)| seen.insert(p.clone()));
        let matcher = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(patterns.iter().map(|(p, _)| p))
            .expect("the name patterns are a small fixed list");
        let mut sentences = Vec::new();
        for seed in seeds {
            for (text, ends_paragraph) in split_sentences(seed) {
                sentences.push(Sentence {
                    pieces: template(text, &matcher, &patterns),
                    ends_paragraph,
                });
            }
        }
        Templates {
            sentences,
            many_people,
        }
    }

    /// Document `doc_number`: its path relative to the output folder and its text.
    fn document(&self, seed: u64, doc_number: u64) -> (PathBuf, String) {
        let stream = seed ^ doc_number.wrapping_mul(0x9e37_79b9_7f4a_7c15);
        // Neighbouring documents start one step apart on the same stream, so they draw
        // alike; harmless among 20,000 people, it would make a million a few thousand: with
        // `--many-people` each document's stream starts at a mixed point.
        let mut rng = if self.many_people > 0 {
            Rng::new(Rng::new(stream).next())
        } else {
            Rng::new(stream)
        };
        let target = 2048 + rng.below(6 * 1024) as usize;
        let mut cast_map: HashMap<usize, Option<(usize, usize)>> = HashMap::new();
        let mut city_map: HashMap<usize, usize> = HashMap::new();
        let mut body = String::with_capacity(target + 1024);
        let mut in_paragraph = 0;
        let mut first_sentence = String::new();
        while body.len() < target {
            // A run of consecutive sentences keeps attributions and pronouns in context.
            let start = rng.below(self.sentences.len() as u64) as usize;
            let run = 2 + rng.below(6) as usize;
            for sentence in self.sentences.iter().skip(start).take(run) {
                let text = self.render(sentence, &mut rng, &mut cast_map, &mut city_map);
                if first_sentence.is_empty() {
                    first_sentence = text.clone();
                }
                if in_paragraph > 0 {
                    body.push(' ');
                }
                body.push_str(&text);
                in_paragraph += 1;
                if sentence.ends_paragraph || in_paragraph >= 2 + rng.below(4) as usize {
                    if self.many_people > 0 {
                        body.push(' ');
                        self.push_bystanders(&mut body, &mut rng);
                    }
                    body.push('\n');
                    in_paragraph = 0;
                }
            }
        }
        if in_paragraph > 0 {
            body.push('\n');
        }
        let headline = headline(&first_sentence);
        let mut text = String::with_capacity(body.len() + 200);
        match rng.below(10) {
            0..=3 => {
                text.push_str(&format!("title: {headline}\n"));
                let (year, month, day) =
                    (2010 + rng.below(16), 1 + rng.below(12), 1 + rng.below(28));
                text.push_str(&format!("date: {year}-{month:02}-{day:02}\n"));
                if rng.below(2) == 0 {
                    text.push_str(&format!("source: {}\n", SOURCES[rng.pick(SOURCES.len())]));
                }
                text.push('\n');
            }
            4..=7 => text.push_str(&format!("{headline}\n\n")),
            _ => {}
        }
        text.push_str(&body);
        let hash = rng.next();
        let rel_path = PathBuf::from(format!(
            "part{:02}/batch{:02}/{doc_number:07}_{hash:016x}.txt",
            doc_number / (100 * BATCH),
            (doc_number / BATCH) % 100
        ));
        (rel_path, text)
    }

    fn render(
        &self,
        sentence: &Sentence,
        rng: &mut Rng,
        cast_map: &mut HashMap<usize, Option<(usize, usize)>>,
        city_map: &mut HashMap<usize, usize>,
    ) -> String {
        let mut out = String::new();
        for piece in &sentence.pieces {
            match piece {
                Piece::Text(text) => out.push_str(text),
                Piece::FullName(i) | Piece::Surname(i) => {
                    if !cast_map.contains_key(i) {
                        let person = (rng.unit() >= KEEP_REAL_PERSON).then(|| {
                            // Two seed people must not become one; a few draws suffice.
                            let mut person = self.invented_person(rng);
                            for _ in 0..8 {
                                let taken = cast_map
                                    .values()
                                    .any(|p| p.is_some_and(|(_, surname)| surname == person.1));
                                if !taken {
                                    break;
                                }
                                person = self.invented_person(rng);
                            }
                            person
                        });
                        cast_map.insert(*i, person);
                    }
                    let person = cast_map.get(i).copied().flatten();
                    let full = matches!(piece, Piece::FullName(_));
                    match (person, full) {
                        (None, true) => out.push_str(CAST[*i].0),
                        (None, false) => out.push_str(CAST[*i].1),
                        (Some((given, surname)), true) => {
                            out.push_str(GIVEN_NAMES[given]);
                            out.push(' ');
                            self.push_surname(&mut out, surname);
                        }
                        (Some((_, surname)), false) => self.push_surname(&mut out, surname),
                    }
                }
                Piece::City(i) => {
                    let city = *city_map.entry(*i).or_insert_with(|| {
                        if rng.unit() < KEEP_REAL_CITY {
                            usize::MAX
                        } else {
                            rng.pick(CITIES.len())
                        }
                    });
                    out.push_str(CITIES.get(city).unwrap_or(&SEED_CITIES[*i]));
                }
                Piece::Month => out.push_str(MONTHS[rng.pick(MONTHS.len())]),
                Piece::Weekday => out.push_str(WEEKDAYS[rng.pick(WEEKDAYS.len())]),
                Piece::Number { digits, year } => {
                    if *year {
                        out.push_str(&(2005 + rng.below(21)).to_string());
                    } else {
                        let low = 10u64.pow(*digits as u32 - 1).max(1);
                        let value = if *digits == 1 {
                            rng.below(10)
                        } else {
                            low + rng.below(low * 9)
                        };
                        out.push_str(&value.to_string());
                    }
                }
            }
        }
        out
    }
}

impl Templates {
    /// An invented person as (given name, surname) numbers. By default a power law over
    /// 20,000 people (a few are in many documents, most in a few), person number `index`
    /// getting a hashed name pair so that popular people do not share surnames; with
    /// `--many-people` an even draw, the surname number being the person's own.
    fn invented_person(&self, rng: &mut Rng) -> (usize, usize) {
        if self.many_people > 0 {
            let index = rng.below(self.many_people);
            let hash = Rng::new(index ^ 0x05ee_d0f9_e01e).next();
            return ((hash % GIVEN_NAMES.len() as u64) as usize, index as usize);
        }
        let index = (rng.unit().powi(2) * N_INVENTED_PEOPLE as f64) as u64;
        let hash = Rng::new(index).next();
        (
            (hash % GIVEN_NAMES.len() as u64) as usize,
            ((hash >> 32) % SURNAMES.len() as u64) as usize,
        )
    }

    fn push_surname(&self, out: &mut String, surname: usize) {
        if self.many_people == 0 {
            out.push_str(SURNAMES[surname]);
            return;
        }
        // An odd multiplier permutes the numbers below 2^20, so neighbours sound apart
        // and every person keeps a surname of their own.
        let mut digits = (surname as u64).wrapping_mul(0x9_e377) % MANY_PEOPLE_LIMIT;
        for place in 0..4 {
            let syllable = SYLLABLES[(digits % SYLLABLES.len() as u64) as usize];
            digits /= SYLLABLES.len() as u64;
            if place == 0 {
                let mut chars = syllable.chars();
                out.extend(chars.next().map(|c| c.to_ascii_uppercase()));
                out.push_str(chars.as_str());
            } else {
                out.push_str(syllable);
            }
        }
    }

    /// A sentence naming two invented people in full, as news lists who was there.
    fn push_bystanders(&self, out: &mut String, rng: &mut Rng) {
        let [(given_a, surname_a), (given_b, surname_b)] =
            [self.invented_person(rng), self.invented_person(rng)];
        let (opening, middle, closing) = BYSTANDER_SENTENCES[rng.pick(BYSTANDER_SENTENCES.len())];
        out.push_str(opening);
        out.push_str(GIVEN_NAMES[given_a]);
        out.push(' ');
        self.push_surname(out, surname_a);
        out.push_str(middle);
        out.push_str(GIVEN_NAMES[given_b]);
        out.push(' ');
        self.push_surname(out, surname_b);
        out.push_str(closing);
    }
}

/// `--many-people` at most: four syllables of 32.
const MANY_PEOPLE_LIMIT: u64 = 1 << 20;

const SYLLABLES: [&str; 32] = [
    "ka", "lo", "vi", "ne", "dar", "mor", "sel", "tan", "ri", "go", "bel", "zu", "han", "mi",
    "ros", "pe", "lin", "va", "dor", "ke", "sa", "nu", "tor", "le", "bra", "fi", "gan", "ho",
    "jas", "mel", "qui", "wen",
];

/// The sentences `--many-people` adds, around two full names.
const BYSTANDER_SENTENCES: &[(&str, &str, &str)] = &[
    ("Also present were ", " and ", "."),
    ("The talks were attended by ", " and ", ", officials said."),
    ("", ", an adviser, and ", " declined to comment."),
    ("Among those briefed were ", " and ", "."),
];

/// The first words of a sentence, as a headline.
fn headline(sentence: &str) -> String {
    let words: Vec<&str> = sentence
        .split_whitespace()
        .map(|w| w.trim_matches(['"', '“', '”', '«', '»']))
        .filter(|w| !w.is_empty())
        .take(9)
        .collect();
    words
        .join(" ")
        .trim_end_matches(|c: char| c.is_ascii_punctuation() || c == '—' || c == '–')
        .to_string()
}

/// Splits a seed into sentences (with whether a paragraph ends after each). Never splits
/// inside quotation marks, so a quote stays one piece; a line break always ends a sentence.
fn split_sentences(text: &str) -> Vec<(&str, bool)> {
    let mut out = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let mut start = 0;
        let mut in_quote = false;
        let chars: Vec<(usize, char)> = line.char_indices().collect();
        for (k, &(at, c)) in chars.iter().enumerate() {
            let closes_sentence = match c {
                '"' => {
                    in_quote = !in_quote;
                    !in_quote && k > 0 && matches!(chars[k - 1].1, '.' | '!' | '?')
                }
                '“' | '«' => {
                    in_quote = true;
                    false
                }
                '”' | '»' => {
                    in_quote = false;
                    k > 0 && matches!(chars[k - 1].1, '.' | '!' | '?')
                }
                '.' | '!' | '?' => !in_quote && !is_abbreviation(&line[start..at]),
                _ => false,
            };
            let next_starts_sentence = match chars.get(k + 1) {
                Some(&(_, ' ')) => chars
                    .get(k + 2)
                    .is_some_and(|&(_, n)| n.is_uppercase() || matches!(n, '"' | '“' | '«')),
                _ => false,
            };
            if closes_sentence && next_starts_sentence {
                let end = at + c.len_utf8();
                out.push((line[start..end].trim(), false));
                start = end;
            }
        }
        if start < line.len() {
            out.push((line[start..].trim(), true));
        } else if let Some(last) = out.last_mut() {
            last.1 = true;
        }
    }
    out.retain(|(s, _)| !s.is_empty());
    out
}

/// "U.S." or "Mr." before a period does not end a sentence.
fn is_abbreviation(before_period: &str) -> bool {
    let word = before_period.rsplit(' ').next().unwrap_or("");
    word.contains('.') || (word.len() <= 3 && word.starts_with(char::is_uppercase))
}

/// Parses one sentence into literal text and the pieces that vary.
fn template(text: &str, matcher: &AhoCorasick, patterns: &[(String, Piece)]) -> Vec<Piece> {
    let mut pieces = Vec::new();
    let mut literal_start = 0;
    let is_word_byte = |b: Option<&u8>| b.is_some_and(|b| b.is_ascii_alphanumeric());
    let mut names: Vec<(usize, usize, Piece)> = matcher
        .find_iter(text)
        .filter(|m| {
            !is_word_byte(
                m.start()
                    .checked_sub(1)
                    .and_then(|i| text.as_bytes().get(i)),
            ) && !is_word_byte(text.as_bytes().get(m.end()))
        })
        .map(|m| {
            (
                m.start(),
                m.end(),
                patterns[m.pattern().as_usize()].1.clone(),
            )
        })
        .collect();
    // Digit runs not glued to letters (so "G20" or "39;" style debris stays literal).
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_digit() && !(i > 0 && bytes[i - 1].is_ascii_alphanumeric()) {
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            let digits = i - start;
            if !is_word_byte(bytes.get(i)) && digits <= 9 {
                let year = digits == 4
                    && (text[start..i].starts_with("19") || text[start..i].starts_with("20"));
                names.push((start, i, Piece::Number { digits, year }));
            }
        } else {
            i += 1;
        }
    }
    names.sort_by_key(|(start, _, _)| *start);
    for (start, end, piece) in names {
        if start < literal_start {
            continue;
        }
        if start > literal_start {
            pieces.push(Piece::Text(text[literal_start..start].to_string()));
        }
        pieces.push(piece);
        literal_start = end;
    }
    if literal_start < text.len() {
        pieces.push(Piece::Text(text[literal_start..].to_string()));
    }
    pieces
}

/// SplitMix64: tiny, fast and the same on every platform, which is all a generator needs.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        if n == 0 {
            0
        } else {
            self.next() % n
        }
    }

    fn pick(&mut self, len: usize) -> usize {
        self.below(len as u64) as usize
    }

    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}
