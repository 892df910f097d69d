//! Each fund as configuration: its names and terms in the languages they have been written in,
//! the kinds of request it takes, what a request must contain, the currency of its books and
//! the time each stage should take. Read from TOML (the built-in `funds.toml`, or a file the
//! secretariat keeps); every problem is reported with the fund and field it is in, and a file
//! with any problem gives no funds at all.

use std::collections::{BTreeMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::money::Currency;
use crate::workflow::Stage;

/// The languages a fund's texts may be written in: the six official languages of the UN.
pub const LANGUAGES: [&str; 6] = ["ar", "en", "es", "fr", "ru", "zh"];

/// The funds Taawun ships with.
pub const DEFAULT_FUNDS: &str = include_str!("../funds.toml");

/// The kinds of request a fund may take.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RequestType {
    /// Carrying out the recommendations of the State's Universal Periodic Review.
    UprImplementation,
    /// Taking part in the Review itself (travel of a delegate, training on the national report).
    ReviewParticipation,
    /// Technical cooperation in the field of human rights.
    TechnicalCooperation,
    /// Help for a State affected by a crisis (resolution 56/2, op. 26).
    CrisisResponse,
}

impl RequestType {
    pub const ALL: [RequestType; 4] = [
        RequestType::UprImplementation,
        RequestType::ReviewParticipation,
        RequestType::TechnicalCooperation,
        RequestType::CrisisResponse,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            RequestType::UprImplementation => "upr-implementation",
            RequestType::ReviewParticipation => "review-participation",
            RequestType::TechnicalCooperation => "technical-cooperation",
            RequestType::CrisisResponse => "crisis-response",
        }
    }

    pub fn parse(slug: &str) -> Option<RequestType> {
        Self::ALL.into_iter().find(|t| t.slug() == slug.trim())
    }
}

/// The crises resolution 56/2 (op. 26) names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CrisisKind {
    Health,
    Financial,
    Food,
    Climate,
    Displacement,
}

impl CrisisKind {
    pub const ALL: [CrisisKind; 5] = [
        CrisisKind::Health,
        CrisisKind::Financial,
        CrisisKind::Food,
        CrisisKind::Climate,
        CrisisKind::Displacement,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            CrisisKind::Health => "health",
            CrisisKind::Financial => "financial",
            CrisisKind::Food => "food",
            CrisisKind::Climate => "climate",
            CrisisKind::Displacement => "displacement",
        }
    }

    pub fn parse(slug: &str) -> Option<CrisisKind> {
        Self::ALL.into_iter().find(|k| k.slug() == slug.trim())
    }
}

/// What a request must contain before it can be submitted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Content {
    Purpose,
    /// The UPR recommendations (or plan actions) the request serves.
    Recommendations,
    Activities,
    Budget,
    Timeline,
    /// The State's own priority for the request.
    Priority,
    /// The State's formal consent: who gave it, and when.
    Consent,
}

impl Content {
    pub fn slug(self) -> &'static str {
        match self {
            Content::Purpose => "purpose",
            Content::Recommendations => "recommendations",
            Content::Activities => "activities",
            Content::Budget => "budget",
            Content::Timeline => "timeline",
            Content::Priority => "priority",
            Content::Consent => "consent",
        }
    }
}

/// A text in some of the six languages.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Texts(pub BTreeMap<String, String>);

impl Texts {
    /// The text in `lang`, or else in English; the second value says which language it is in.
    pub fn get(&self, lang: &str) -> (&str, &str) {
        match self.0.get_key_value(lang) {
            Some((l, t)) => (t, l),
            None => self
                .0
                .get_key_value("en")
                .map_or(("", "en"), |(l, t)| (t.as_str(), l.as_str())),
        }
    }

    /// The languages the text is written in.
    pub fn languages(&self) -> impl Iterator<Item = &str> {
        self.0.keys().map(String::as_str)
    }
}

/// A fund, checked.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Fund {
    pub id: String,
    pub currency: Currency,
    /// Programme support costs, in per cent of each contribution.
    pub programme_support: u8,
    /// Whether the secretariat has confirmed the terms (the built-in ones it has not).
    pub terms_confirmed: bool,
    pub request_types: Vec<RequestType>,
    pub contents: Vec<Content>,
    /// The days each timed stage should take at most.
    pub targets: BTreeMap<Stage, u16>,
    pub name: Texts,
    pub purpose: Texts,
    pub eligibility: Texts,
}

impl Fund {
    pub fn target_days(&self, stage: Stage) -> Option<u16> {
        self.targets.get(&stage).copied()
    }

    /// The languages every one of the fund's texts is written in.
    pub fn translated_into(&self) -> Vec<&'static str> {
        LANGUAGES
            .into_iter()
            .filter(|l| {
                [&self.name, &self.purpose, &self.eligibility]
                    .iter()
                    .all(|t| t.0.contains_key(*l))
            })
            .collect()
    }
}

/// The problems of a funds file, each naming where it is.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{source_name}: {}", problems.join("; "))]
pub struct ConfigError {
    pub source_name: String,
    pub problems: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    fund: Vec<RawFund>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawFund {
    id: String,
    currency: String,
    programme_support: u8,
    terms_confirmed: bool,
    request_types: Vec<RequestType>,
    contents: Vec<Content>,
    targets: BTreeMap<String, u16>,
    name: BTreeMap<String, String>,
    purpose: BTreeMap<String, String>,
    eligibility: BTreeMap<String, String>,
}

/// The funds of the built-in configuration.
pub fn default_funds() -> Vec<Fund> {
    // The built-in file is tested to parse; failing here would be a build that was never tested.
    parse_funds(DEFAULT_FUNDS, "funds.toml").expect("the built-in funds configuration is valid")
}

/// The funds in `text`, a TOML file called `source_name` in messages.
pub fn parse_funds(text: &str, source_name: &str) -> Result<Vec<Fund>, ConfigError> {
    let error = |problems: Vec<String>| ConfigError {
        source_name: source_name.to_owned(),
        problems,
    };
    let file: File = toml::from_str(text).map_err(|e| {
        // The parser's message names the line and column; keep it on one line.
        error(vec![e.to_string().trim().replace('\n', " ")])
    })?;
    if file.fund.is_empty() {
        return Err(error(vec!["no [[fund]] is configured".into()]));
    }
    let mut problems = Vec::new();
    let mut funds = Vec::new();
    let mut ids = HashSet::new();
    for (index, raw) in file.fund.into_iter().enumerate() {
        let at = format!("fund {} (“{}”)", index + 1, raw.id);
        let mut problem =
            |field: &str, what: String| problems.push(format!("{at}: {field}: {what}"));
        if !is_slug(&raw.id) {
            problem(
                "id",
                "lower-case letters, digits and single hyphens only".into(),
            );
        } else if !ids.insert(raw.id.clone()) {
            problem("id", "another fund has this id".into());
        }
        let currency = match Currency::parse(&raw.currency) {
            Ok(c) => Some(c),
            Err(e) => {
                problem("currency", e.to_string());
                None
            }
        };
        if raw.programme_support > 50 {
            problem(
                "programme-support",
                format!("{} per cent is more than 50", raw.programme_support),
            );
        }
        if raw.request_types.is_empty() {
            problem("request-types", "at least one kind of request".into());
        }
        if !raw.contents.contains(&Content::Consent) {
            problem(
                "contents",
                "a request must carry the State's consent (“consent”)".into(),
            );
        }
        let mut targets = BTreeMap::new();
        for (key, days) in &raw.targets {
            match Stage::parse(key) {
                Some(stage) if stage.is_timed() => {
                    if *days == 0 || *days > 730 {
                        problem(
                            &format!("targets.{key}"),
                            format!("{days} days: a target is 1 to 730 days"),
                        );
                    }
                    targets.insert(stage, *days);
                }
                Some(_) => problem(
                    &format!("targets.{key}"),
                    "the fund's clock does not run in this stage".into(),
                ),
                None => problem(
                    &format!("targets.{key}"),
                    format!("not a stage; the timed stages are {}", timed_stages()),
                ),
            }
        }
        for stage in Stage::TIMED {
            if !targets.contains_key(&stage) {
                problem("targets", format!("no target for “{}”", stage.slug()));
            }
        }
        let mut texts = |field: &str, map: BTreeMap<String, String>| {
            for (lang, text) in &map {
                if !LANGUAGES.contains(&lang.as_str()) {
                    problems.push(format!(
                        "{at}: {field}.{lang}: not one of the six languages ({})",
                        LANGUAGES.join(", ")
                    ));
                } else if text.trim().is_empty() {
                    problems.push(format!("{at}: {field}.{lang}: empty"));
                }
            }
            if !map.contains_key("en") {
                problems.push(format!(
                    "{at}: {field}: the English text (“en”) is required"
                ));
            }
            Texts(
                map.into_iter()
                    .map(|(l, t)| (l, t.trim().to_owned()))
                    .collect(),
            )
        };
        let name = texts("name", raw.name);
        let purpose = texts("purpose", raw.purpose);
        let eligibility = texts("eligibility", raw.eligibility);
        if let Some(currency) = currency {
            funds.push(Fund {
                id: raw.id,
                currency,
                programme_support: raw.programme_support,
                terms_confirmed: raw.terms_confirmed,
                request_types: raw.request_types,
                contents: raw.contents,
                targets,
                name,
                purpose,
                eligibility,
            });
        }
    }
    if problems.is_empty() {
        Ok(funds)
    } else {
        Err(error(problems))
    }
}

fn timed_stages() -> String {
    Stage::TIMED
        .iter()
        .map(|s| s.slug())
        .collect::<Vec<_>>()
        .join(", ")
}

fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn the_built_in_funds_are_the_three_of_the_resolution() {
        let funds = default_funds();
        let ids: Vec<&str> = funds.iter().map(|f| f.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "upr-implementation",
                "review-participation",
                "technical-cooperation"
            ]
        );
        for fund in &funds {
            // Named in all six languages, described at least in Arabic and English, with a
            // target for every timed stage, and not yet confirmed by a secretariat.
            assert_eq!(fund.name.languages().count(), 6, "{}", fund.id);
            assert!(fund.translated_into().contains(&"ar"), "{}", fund.id);
            assert!(fund.translated_into().contains(&"en"), "{}", fund.id);
            assert_eq!(fund.targets.len(), Stage::TIMED.len());
            assert!(!fund.terms_confirmed);
            assert_eq!(fund.currency.code(), "USD");
            assert!(fund.contents.contains(&Content::Consent));
        }
        let upr = &funds[0];
        assert!(upr.contents.contains(&Content::Recommendations));
        assert!(upr.name.get("ar").0.contains("الاستعراض الدوري الشامل"));
        // A language the purpose is not written in falls back to English, and says so.
        assert_eq!(upr.purpose.get("fr").1, "en");
    }

    fn one_fund(patch: &str) -> String {
        let base = DEFAULT_FUNDS
            .split("[[fund]]")
            .nth(1)
            .expect("a fund in the built-in file");
        format!("[[fund]]{base}").replace("id = \"upr-implementation\"", patch)
    }

    #[test]
    fn every_problem_is_named_with_its_fund_and_field() {
        let text = one_fund("id = \"UPR fund\"\nbudget = 3");
        let e = parse_funds(&text, "funds.toml").unwrap_err();
        assert!(e.to_string().starts_with("funds.toml: "), "{e}");
        assert!(e.to_string().contains("budget"), "{e}");
        assert!(e.to_string().contains("line"), "{e}");

        let text = one_fund("id = \"UPR fund\"")
            .replace("currency = \"USD\"", "currency = \"USX\"")
            .replace("screening = 15", "screening = 0\ndraft = 3")
            .replace("zh = \"普遍", "de = \"x\"\nzh = \"普遍")
            .replace(", \"consent\"]", "]");
        let e = parse_funds(&text, "funds.toml").unwrap_err();
        let problems = e.problems.join("\n");
        for expected in [
            "fund 1 (“UPR fund”): id: lower-case letters",
            "currency: “USX” is not an ISO 4217 currency code",
            "targets.screening: 0 days",
            "targets.draft: the fund's clock does not run in this stage",
            "name.de: not one of the six languages",
            "contents: a request must carry the State's consent",
        ] {
            assert!(
                problems.contains(expected),
                "missing {expected:?} in\n{problems}"
            );
        }

        let twice = format!("{}\n{}", one_fund("id = \"a\""), one_fund("id = \"a\""));
        let e = parse_funds(&twice, "f.toml").unwrap_err();
        assert!(
            e.problems
                .iter()
                .any(|p| p.contains("another fund has this id"))
        );
        assert!(parse_funds("", "f.toml").is_err());
    }

    proptest! {
        /// No text, however broken, makes the reader panic.
        #[test]
        fn any_text_is_read_or_refused(text in "\\PC{0,200}") {
            let _ = parse_funds(&text, "f.toml");
        }

        /// The built-in file with one line dropped is read or refused, never a panic.
        #[test]
        fn a_damaged_built_in_file_is_read_or_refused(drop in 0usize..200) {
            let text: Vec<&str> = DEFAULT_FUNDS.lines().collect();
            let damaged: Vec<&str> = text.iter().enumerate().filter(|(i, _)| *i != drop % text.len()).map(|(_, l)| *l).collect();
            let _ = parse_funds(&damaged.join("\n"), "f.toml");
        }
    }
}
