//! Writes a deterministic corpus of French and English news articles, the claims to check on it
//! and the table claimcheck must produce, for benchmarks and for the test that keeps the generator
//! and the extractors in agreement.
//!
//! ```text
//! cargo run --release --example gen_corpus -- --articles 1000 --claims 16 --seed 1 --out DIR
//! ```
//!
//! writes `DIR/corpus/NNNNNN.txt`, `DIR/claims.toml`, `DIR/expected.json` (claim id -> article ->
//! `silent`, `unspecified` or the value as reports print it) and `DIR/cues.txt` (every cue of the
//! claims, one regular expression a line, for `rg -c -i -f cues.txt`).
//!
//! Each article is about one topic (a group of people sent somewhere, with equipment) or about
//! nothing the claims track. A topic has four claims: how many people (count), when they arrived
//! (date), where they are based (entity) and how much equipment (count). An article states each
//! one, says it is unknown, or is silent, among filler sentences and decoys that the rules must set
//! aside: numbers cut off by punctuation, announcement dates, city names with no one based there.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::PathBuf;

/// A small deterministic generator (SplitMix64): the corpus depends on the seed only.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

/// A group of people sent somewhere, and the equipment sent with them.
struct Topic {
    fr: (&'static str, &'static str),
    en: (&'static str, &'static str),
    equipment_fr: &'static str,
    equipment_en: &'static str,
}

const fn topic(
    fr: (&'static str, &'static str),
    en: (&'static str, &'static str),
    equipment_fr: &'static str,
    equipment_en: &'static str,
) -> Topic {
    Topic {
        fr,
        en,
        equipment_fr,
        equipment_en,
    }
}

/// (plural, singular) in French and English, then equipment in French and English.
const TOPICS: &[Topic] = &[
    topic(
        ("instructeurs", "instructeur"),
        ("instructors", "instructor"),
        "blindés",
        "armoured vehicles",
    ),
    topic(
        ("médecins", "médecin"),
        ("doctors", "doctor"),
        "ambulances",
        "ambulances",
    ),
    topic(
        ("ingénieurs", "ingénieur"),
        ("engineers", "engineer"),
        "bulldozers",
        "bulldozers",
    ),
    topic(
        ("observateurs", "observateur"),
        ("observers", "observer"),
        "drones",
        "drones",
    ),
    topic(
        ("pompiers", "pompier"),
        ("firefighters", "firefighter"),
        "camions-citernes",
        "tanker trucks",
    ),
    topic(
        ("infirmiers", "infirmier"),
        ("nurses", "nurse"),
        "tentes médicales",
        "medical tents",
    ),
    topic(
        ("techniciens", "technicien"),
        ("technicians", "technician"),
        "générateurs",
        "generators",
    ),
    topic(
        ("enseignants", "enseignant"),
        ("teachers", "teacher"),
        "manuels scolaires",
        "textbooks",
    ),
    topic(
        ("conseillers", "conseiller"),
        ("advisers", "adviser"),
        "ordinateurs",
        "computers",
    ),
    topic(
        ("policiers", "policier"),
        ("police officers", "police officer"),
        "motos",
        "motorcycles",
    ),
    topic(
        ("chercheurs", "chercheur"),
        ("researchers", "researcher"),
        "microscopes",
        "microscopes",
    ),
    topic(
        ("secouristes", "secouriste"),
        ("rescuers", "rescuer"),
        "bateaux pneumatiques",
        "inflatable boats",
    ),
    topic(
        ("vétérinaires", "vétérinaire"),
        ("veterinarians", "veterinarian"),
        "doses de vaccin",
        "vaccine doses",
    ),
    topic(
        ("pilotes", "pilote"),
        ("pilots", "pilot"),
        "hélicoptères",
        "helicopters",
    ),
    topic(
        ("géologues", "géologue"),
        ("geologists", "geologist"),
        "foreuses",
        "drilling rigs",
    ),
    topic(
        ("agronomes", "agronome"),
        ("agronomists", "agronomist"),
        "tracteurs",
        "tractors",
    ),
];

/// Where a group can be based: canonical name and other spellings.
const CITIES: &[(&str, &[&str])] = &[
    ("Niamey", &[]),
    ("Agadez", &["Agadès"]),
    ("Zinder", &["Damagaram"]),
    ("Tahoua", &[]),
    ("Maradi", &[]),
    ("Dosso", &[]),
    ("Diffa", &[]),
    ("Tillabéri", &["Tillabery"]),
];

const MONTHS_FR: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

const EVENT: &[&str] = &[
    "sont arrivés",
    "sont arrivées",
    "ont atterri",
    "arrived",
    "landed",
];
const EXCLUDE: &[&str] = &[
    "annoncé",
    "diffusé",
    "a déclaré",
    "announced",
    "broadcast",
    "said",
];

/// What an article says about one claim: what the generator wrote and what claimcheck must read.
#[derive(Clone, Copy, PartialEq)]
enum Say {
    Silent,
    Unspecified,
    Value,
}

/// What to generate.
pub struct Options {
    /// How many articles.
    pub articles: usize,
    /// How many claims (at most 64: four per topic).
    pub claims: usize,
    /// The seed: the same seed writes the same files.
    pub seed: u64,
    /// The folder to write into.
    pub out: PathBuf,
    /// Percent of articles about one of the topics; the others track nothing the claims ask.
    pub relevant: usize,
}

#[allow(dead_code)] // tests include this file as a module and call `generate`
fn main() -> Result<(), Box<dyn std::error::Error>> {
    let opts = parse_args()?;
    let bytes = generate(&opts)?;
    println!(
        "{} articles ({:.1} MB), {} claims in {}",
        opts.articles,
        bytes as f64 / 1e6,
        opts.claims.min(TOPICS.len() * 4),
        opts.out.display()
    );
    Ok(())
}

/// Writes the corpus, claims, expected table and cue list; returns the corpus size in bytes.
pub fn generate(opts: &Options) -> Result<usize, Box<dyn std::error::Error>> {
    let corpus = opts.out.join("corpus");
    std::fs::create_dir_all(&corpus)?;
    let claims = opts.claims.min(TOPICS.len() * 4);
    let mut rng = Rng(opts.seed);
    let mut expected: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    for id in claim_ids(claims) {
        expected.insert(id, BTreeMap::new());
    }
    // Each fact of each topic has its own seed: most articles state the same value, as sources
    // on one story mostly do; the others draw their own (dissent, or another precision).
    let facts: Vec<u64> = (0..TOPICS.len() * 4).map(|_| rng.next()).collect();
    let mut bytes = 0;
    for i in 0..opts.articles {
        let name = format!("{i:06}.txt");
        let (text, readings) = article(&mut rng, &facts, opts.relevant);
        bytes += text.len();
        std::fs::write(corpus.join(&name), text)?;
        for (id, table) in expected.iter_mut() {
            let reading = readings
                .get(id)
                .cloned()
                .unwrap_or_else(|| "silent".to_string());
            table.insert(name.clone(), reading);
        }
    }
    std::fs::write(opts.out.join("claims.toml"), claims_toml(claims))?;
    std::fs::write(opts.out.join("cues.txt"), cues_txt(claims))?;
    std::fs::write(
        opts.out.join("expected.json"),
        serde_json::to_string_pretty(&expected)?,
    )?;
    Ok(bytes)
}

#[allow(dead_code)]
fn parse_args() -> Result<Options, String> {
    let mut opts = Options {
        articles: 200,
        claims: 4,
        seed: 1,
        out: PathBuf::from("bench-data/gen"),
        relevant: 80,
    };
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let value = args.next().ok_or(format!("{flag} needs a value"))?;
        let number = || value.parse::<u64>().map_err(|e| format!("{flag}: {e}"));
        match flag.as_str() {
            "--articles" => opts.articles = number()? as usize,
            "--claims" => opts.claims = number()? as usize,
            "--seed" => opts.seed = number()?,
            "--out" => opts.out = PathBuf::from(&value),
            "--relevant" => opts.relevant = number()?.min(100) as usize,
            _ => return Err(format!("unknown option {flag}")),
        }
    }
    Ok(opts)
}

fn claim_ids(claims: usize) -> Vec<String> {
    (0..claims).map(|i| claim_id(i / 4, i % 4)).collect()
}

fn claim_id(topic: usize, which: usize) -> String {
    let what = ["count", "arrival", "base", "equipment"][which];
    format!("t{topic:02}_{what}")
}

/// `claims.toml` with the first `claims` claims, four per topic.
fn claims_toml(claims: usize) -> String {
    let mut out = String::from(
        "# Generated by examples/gen_corpus.rs: four claims per topic.\n\n[story]\ntitle = \"Generated benchmark corpus\"\n",
    );
    let list = |items: &[&str]| {
        let quoted: Vec<String> = items.iter().map(|s| format!("{s:?}")).collect();
        format!("[{}]", quoted.join(", "))
    };
    for i in 0..claims {
        let (t, which) = (i / 4, i % 4);
        let topic = &TOPICS[t];
        let people = [topic.fr.0, topic.fr.1, topic.en.0, topic.en.1];
        let id = claim_id(t, which);
        let _ = write!(out, "\n[[claims]]\nid = \"{id}\"\n");
        match which {
            0 => {
                let _ = writeln!(
                    out,
                    "label = \"Number of {}\"\nkind = \"count\"",
                    topic.en.0
                );
                let _ = writeln!(out, "subject = {}", list(&people));
                let _ = writeln!(
                    out,
                    "unspecified = {}",
                    list(&["nombre ... pas ete precise", "did not say how many"])
                );
            }
            1 => {
                let _ = writeln!(
                    out,
                    "label = \"Arrival of the {}\"\nkind = \"date\"",
                    topic.en.0
                );
                let _ = writeln!(out, "event = {}", list(EVENT));
                let _ = writeln!(out, "subject = {}", list(&people));
                let _ = writeln!(out, "exclude = {}", list(EXCLUDE));
                let _ = writeln!(
                    out,
                    "unspecified = {}",
                    list(&["n'ont pas precise la date", "did not say when"])
                );
            }
            2 => {
                let _ = writeln!(
                    out,
                    "label = \"Base of the {}\"\nkind = \"entity\"",
                    topic.en.0
                );
                let values: Vec<String> = CITIES
                    .iter()
                    .map(|(city, aliases)| format!("{city:?} = {}", list(aliases)))
                    .collect();
                let _ = writeln!(out, "values = {{ {} }}", values.join(", "));
                let _ = writeln!(out, "context = {}", list(&people));
                let _ = writeln!(
                    out,
                    "unspecified = {}",
                    list(&["lieu de deploiement", "deployment site ... not disclosed"])
                );
            }
            _ => {
                let _ = writeln!(
                    out,
                    "label = \"Equipment sent with the {}\"\nkind = \"count\"",
                    topic.en.0
                );
                let _ = writeln!(
                    out,
                    "subject = {}",
                    list(&[topic.equipment_fr, topic.equipment_en])
                );
            }
        }
    }
    out
}

/// Every cue of the first `claims` claims as a regular expression, one a line, for ripgrep.
fn cues_txt(claims: usize) -> String {
    let source = claims_toml(claims);
    let parsed: toml::Value = toml::from_str(&source).expect("generated claims parse");
    let mut cues: Vec<String> = Vec::new();
    for claim in parsed["claims"].as_array().into_iter().flatten() {
        for key in ["subject", "event", "exclude", "context", "unspecified"] {
            for cue in claim
                .get(key)
                .and_then(|v| v.as_array())
                .into_iter()
                .flatten()
            {
                let words: Vec<String> = cue
                    .as_str()
                    .unwrap_or_default()
                    .split(' ')
                    .map(|w| {
                        if w == "..." {
                            r"(?:\S+\s+){0,4}".to_string()
                        } else {
                            format!("{}\\s+", regex::escape(w))
                        }
                    })
                    .collect();
                let joined = words.concat();
                let cue = joined.strip_suffix(r"\s+").unwrap_or(&joined).to_string();
                if !cues.contains(&cue) {
                    cues.push(cue);
                }
            }
        }
    }
    cues.join("\n") + "\n"
}

/// One article and what it says about each claim of its topic (claim id -> reading).
fn article(rng: &mut Rng, facts: &[u64], relevant: usize) -> (String, BTreeMap<String, String>) {
    let french = rng.chance(50);
    let mut sentences: Vec<String> = Vec::new();
    let mut readings = BTreeMap::new();
    let filler_count = 18 + rng.below(18);
    for _ in 0..filler_count {
        sentences.push(filler(rng, french));
    }
    if rng.chance(relevant) {
        let t = rng.below(TOPICS.len());
        let topic = &TOPICS[t];
        for which in 0..4 {
            let say = match rng.below(100) {
                0..60 => Say::Value,
                60..75 if which != 3 => Say::Unspecified,
                _ => Say::Silent,
            };
            let (sentence, reading) = match say {
                Say::Silent => continue,
                Say::Unspecified => (unspecified(rng, topic, which, french), "unspecified".into()),
                Say::Value => {
                    let mut fact = if rng.chance(90) {
                        Rng(facts[t * 4 + which])
                    } else {
                        Rng(rng.next())
                    };
                    value(rng, &mut fact, topic, which, french)
                }
            };
            let at = rng.below(sentences.len() + 1);
            sentences.insert(at, sentence);
            readings.insert(claim_id(t, which), reading);
        }
        for _ in 0..rng.below(4) {
            let at = rng.below(sentences.len() + 1);
            sentences.insert(at, decoy(rng, topic, french));
        }
    }
    let mut text = headline(rng, french);
    text.push('\n');
    let mut k = 0;
    while k < sentences.len() {
        let paragraph = (3 + rng.below(3)).min(sentences.len() - k);
        text.push_str(&sentences[k..k + paragraph].join(" "));
        text.push('\n');
        k += paragraph;
    }
    (text, readings)
}

/// "de" before a French noun: "de médecins", "d'instructeurs".
fn de(noun: &str) -> String {
    if noun.starts_with(['a', 'e', 'i', 'o', 'u', 'é', 'h']) {
        format!("d'{noun}")
    } else {
        format!("de {noun}")
    }
}

/// A number as a newspaper writes it, and as claimcheck prints it.
fn quantity(rng: &mut Rng, french: bool, noun: &str) -> (String, String) {
    let n = *rng.pick(&[
        12, 25, 40, 60, 75, 120, 150, 200, 250, 400, 1200, 1500, 2500,
    ]);
    let written = if n >= 1000 {
        let sep = if french { " " } else { "," };
        format!("{}{sep}{:03}", n / 1000, n % 1000)
    } else {
        n.to_string()
    };
    match (rng.below(4), french) {
        (0, true) if n < 1000 => ("une centaine ".to_string() + &de(noun), "~100".into()),
        (1, true) => (format!("environ {written} {noun}"), format!("~{n}")),
        (1, false) => (format!("about {written} {noun}"), format!("~{n}")),
        (2, true) => (format!("plus de {written} {noun}"), format!(">{n}")),
        (2, false) => (format!("more than {written} {noun}"), format!(">{n}")),
        _ => (format!("{written} {noun}"), n.to_string()),
    }
}

/// A date as written, and as claimcheck prints it.
fn date(rng: &mut Rng, french: bool) -> (String, String) {
    let year = 2023 + rng.below(2) as i32;
    let month = 1 + rng.below(12);
    let day = 1 + rng.below(28);
    if rng.chance(20) {
        let written = if french {
            format!("en {} {year}", MONTHS_FR[month - 1])
        } else {
            format!("in {} {year}", MONTHS_EN[month - 1])
        };
        return (written, format!("{year:04}-{month:02}"));
    }
    let written = if french {
        format!("le {day} {} {year}", MONTHS_FR[month - 1])
    } else {
        format!("on {} {day}, {year}", MONTHS_EN[month - 1])
    };
    (written, format!("{year:04}-{month:02}-{day:02}"))
}

/// A sentence stating a value drawn from `fact`, in a template drawn from `rng`.
fn value(
    rng: &mut Rng,
    fact: &mut Rng,
    topic: &Topic,
    which: usize,
    french: bool,
) -> (String, String) {
    let people = if french { topic.fr.0 } else { topic.en.0 };
    match which {
        0 => {
            let (q, reading) = quantity(fact, french, people);
            let sentence = match (rng.below(3), french) {
                (0, true) => format!("Selon le ministère, {q} ont été déployés dans la région."),
                (1, true) => {
                    format!("Le pays a accueilli {q} cette semaine, a indiqué le gouvernement.")
                }
                (_, true) => format!("Au total, {q} participent désormais à la mission."),
                (0, false) => {
                    format!("According to the ministry, {q} have been deployed to the region.")
                }
                (1, false) => format!("The country welcomed {q} this week, the government said."),
                (_, false) => format!("In all, {q} now take part in the mission."),
            };
            (sentence, reading)
        }
        1 => {
            let (d, reading) = date(fact, french);
            let (d2, _) = date(rng, french);
            let sentence = match (rng.below(3), french) {
                (0, true) => format!("Les {people} sont arrivés dans le pays {d}."),
                (1, true) => {
                    format!("Selon un communiqué diffusé {d2}, les {people} sont arrivés {d}.")
                }
                (_, true) => format!("Les {people} ont atterri {d} à bord d'un vol spécial."),
                (0, false) => format!("The {people} arrived in the country {d}."),
                (1, false) => format!(
                    "In a statement broadcast {d2}, officials confirmed that the {people} arrived {d}."
                ),
                (_, false) => format!("The {people} landed {d} aboard a chartered flight."),
            };
            (sentence, reading)
        }
        2 => {
            let (city, aliases) = *fact.pick(CITIES);
            let written = if !aliases.is_empty() && rng.chance(30) {
                *rng.pick(aliases)
            } else {
                city
            };
            let sentence = match (rng.below(2), french) {
                (0, true) => format!(
                    "Les {people} seront basés à {written} pour toute la durée de la mission."
                ),
                (_, true) => format!(
                    "C'est à {written} que les {people} ont installé leur quartier général."
                ),
                (0, false) => {
                    format!("The {people} will be based in {written} for the whole mission.")
                }
                (_, false) => {
                    format!("It is in {written} that the {people} set up their headquarters.")
                }
            };
            (sentence, city.to_string())
        }
        _ => {
            let equipment = if french {
                topic.equipment_fr
            } else {
                topic.equipment_en
            };
            let (q, reading) = quantity(fact, french, equipment);
            let sentence = if french {
                format!("Le convoi comprenait aussi {q}, livrés par la route.")
            } else {
                format!("The convoy also carried {q}, delivered by road.")
            };
            (sentence, reading)
        }
    }
}

fn unspecified(rng: &mut Rng, topic: &Topic, which: usize, french: bool) -> String {
    let people = if french { topic.fr.0 } else { topic.en.0 };
    let _ = rng;
    match (which, french) {
        (0, true) => format!(
            "Les {people}, dont le nombre n'a pas été précisé, formeront les équipes locales."
        ),
        (0, false) => format!("The ministry did not say how many {people} were sent."),
        (1, true) => format!("Les autorités n'ont pas précisé la date d'arrivée des {people}."),
        (1, false) => format!("Officials did not say when the {people} would come."),
        (_, true) => format!("Le lieu de déploiement des {people} reste confidentiel."),
        (_, false) => format!("The {people}' deployment site was not disclosed."),
    }
}

/// Sentences with a number, a date or a city that no claim may read.
fn decoy(rng: &mut Rng, topic: &Topic, french: bool) -> String {
    let people = if french { topic.fr.0 } else { topic.en.0 };
    let (d, _) = date(rng, french);
    let (city, _) = *rng.pick(CITIES);
    let n = 2 + rng.below(7);
    match (rng.below(4), french) {
        (0, true) => {
            format!("Plus de {n} millions de personnes ont été déplacées, selon les {people}.")
        }
        (0, false) => format!("More than {n} million people have been displaced, {people} say."),
        (1, true) => format!("Le ministère a annoncé {d} un nouveau plan de coopération."),
        (1, false) => format!("The ministry announced a new cooperation plan {d}."),
        (2, true) => format!("La ville de {city} a connu de fortes pluies cette semaine."),
        (2, false) => format!("Heavy rain hit the town of {city} this week."),
        (_, true) => format!("Le budget prévoit {n} millions de francs CFA, hors matériel."),
        (_, false) => format!("The budget sets aside {n} million CFA francs, excluding equipment."),
    }
}

fn headline(rng: &mut Rng, french: bool) -> String {
    let fr = [
        "Coopération sécuritaire : le Niger renforce ses partenariats",
        "Sahel : nouvelles annonces du gouvernement de transition",
        "Niamey face aux défis économiques et sécuritaires",
        "La région du Sahel en quête de stabilité",
    ];
    let en = [
        "Niger deepens its security partnerships",
        "Sahel: the transitional government makes new announcements",
        "Niamey faces economic and security challenges",
        "The Sahel region seeks stability",
    ];
    (*rng.pick(if french { &fr } else { &en })).to_string()
}

/// A sentence about nothing the claims track, assembled from parts so that no two articles read
/// alike.
fn filler(rng: &mut Rng, french: bool) -> String {
    if french {
        let who = [
            "Le gouvernement de transition",
            "La population de la capitale",
            "Le ministre de la Défense",
            "Un diplomate européen",
            "La société civile",
            "Le porte-parole de la junte",
            "Un analyste basé à Dakar",
            "L'Union africaine",
            "Le Premier ministre",
            "Une organisation humanitaire",
            "Le président du Conseil",
            "Un élu local",
        ];
        let what = [
            "souligne l'importance de la souveraineté nationale",
            "appelle au dialogue avec les pays voisins",
            "dénonce la hausse des prix des denrées alimentaires",
            "rappelle les engagements pris lors du dernier sommet",
            "s'inquiète de la situation dans les zones frontalières",
            "salue les progrès réalisés dans le secteur agricole",
            "évoque une période de transition plus longue que prévu",
            "plaide pour une meilleure coordination régionale",
            "met en garde contre la désinformation sur les réseaux sociaux",
            "insiste sur la nécessité de rouvrir les écoles fermées",
        ];
        let how = [
            "dans un entretien accordé à la radio nationale",
            "lors d'une conférence de presse organisée dans la matinée",
            "au cours d'une réunion avec les partenaires techniques",
            "dans un contexte de tensions diplomatiques persistantes",
            "alors que la saison des pluies approche",
            "après plusieurs semaines de négociations difficiles",
            "devant une assemblée de chefs traditionnels",
            "selon des propos rapportés par la presse locale",
        ];
        let extra = [
            "",
            ", tandis que les marchés restent très animés",
            ", une position partagée par plusieurs pays de la région",
            ", sans donner davantage de détails sur le calendrier",
            ", ce qui a suscité de nombreuses réactions",
        ];
        format!(
            "{} {} {}{}.",
            rng.pick(&who),
            rng.pick(&what),
            rng.pick(&how),
            rng.pick(&extra)
        )
    } else {
        let who = [
            "The transitional government",
            "Residents of the capital",
            "The defence minister",
            "A European diplomat",
            "Civil society groups",
            "The junta's spokesman",
            "An analyst based in Dakar",
            "The African Union",
            "The prime minister",
            "A humanitarian organisation",
            "The head of the council",
            "A local official",
        ];
        let what = [
            "stressed the importance of national sovereignty",
            "called for dialogue with neighbouring countries",
            "condemned the rising price of food",
            "recalled the commitments made at the last summit",
            "expressed concern about the situation in border areas",
            "welcomed progress in the farming sector",
            "spoke of a transition longer than planned",
            "argued for better regional coordination",
            "warned against disinformation on social media",
            "insisted that closed schools must reopen",
        ];
        let how = [
            "in an interview with national radio",
            "at a press conference held in the morning",
            "during a meeting with technical partners",
            "amid persistent diplomatic tensions",
            "as the rainy season approaches",
            "after several weeks of difficult negotiations",
            "before an assembly of traditional chiefs",
            "according to remarks reported by local media",
        ];
        let extra = [
            "",
            ", while markets remain busy",
            ", a position shared by several countries in the region",
            ", without giving further details on the timetable",
            ", which drew many reactions",
        ];
        format!(
            "{} {} {}{}.",
            rng.pick(&who),
            rng.pick(&what),
            rng.pick(&how),
            rng.pick(&extra)
        )
    }
}
