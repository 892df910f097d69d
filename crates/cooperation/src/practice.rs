//! A good practice as a stakeholder or a State's focal point writes it for the compendium
//! (resolution 56/2, op. 31), and what a complete one is. [`PracticeDraft::validate`] takes the
//! form as typed and gives a [`Practice`], or every problem it has, each naming its field.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::field::{self, Errors, FieldError, LONG, MAX_ITEMS, SHORT, parse_vocabulary, quoted};
use crate::vocab::{Region, vocabulary};

vocabulary! {
    /// Who cooperated with whom. The resolution speaks of "North-South, South-South and
    /// triangular cooperation" and of regional cooperation; the compendium is searched by these.
    pub enum Modality {
        SouthSouth => "south-south",
        NorthSouth => "north-south",
        /// Two or more States of the South with a partner of the North or an organisation.
        Triangular => "triangular",
        Regional => "regional",
    }
}

/// A practice's form as typed: every field is text, as a form or API body gives it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PracticeDraft {
    pub title: String,
    pub summary: String,
    /// A [`Modality`] slug.
    pub modality: String,
    /// ISO 3166-1 alpha-3 codes.
    pub partners: Vec<String>,
    /// Names of the organisations that took part.
    pub organisations: Vec<String>,
    /// The rights concerned, as free tags ("right to education").
    pub rights: Vec<String>,
    /// SDG targets as written in the 2030 Agenda: "16.3", "4.a".
    pub sdg_targets: Vec<String>,
    /// A [`Region`] slug.
    pub region: String,
    /// `YYYY-MM-DD`.
    pub start: String,
    /// `YYYY-MM-DD`, blank while the practice goes on.
    pub end: String,
    pub results: Vec<ResultDraft>,
    pub contact: String,
    /// ISO 639-1 codes of the languages the practice's material exists in.
    pub languages: Vec<String>,
}

/// One result of a practice as typed: what changed, and where the evidence of it can be read.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResultDraft {
    pub text: String,
    pub urls: Vec<String>,
}

/// A complete practice: what the compendium publishes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Practice {
    pub title: String,
    pub summary: String,
    pub modality: Modality,
    /// ISO3 codes, upper case, without repeats, in the order given.
    pub partners: Vec<String>,
    pub organisations: Vec<String>,
    pub rights: Vec<String>,
    pub sdg_targets: Vec<SdgTarget>,
    pub region: Region,
    pub period: Period,
    pub results: Vec<Evidence>,
    /// Lower-cased e-mail address.
    pub contact: String,
    /// Lower-case ISO 639-1 codes, without repeats.
    pub languages: Vec<String>,
}

/// When a practice was carried out: from `start`, to `end` when it has ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Period {
    pub start: NaiveDate,
    pub end: Option<NaiveDate>,
}

/// A result with the evidence for it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    pub text: String,
    pub urls: Vec<String>,
}

/// A target of the Sustainable Development Goals: goal 1 to 17, and a target that is a number
/// (16.3) or, for the means of implementation, a letter (16.a).
///
/// Only the shape is checked, not that the 2030 Agenda has that target: the list of targets is
/// the SDG crate's business, and a practice that names 16.11 is better kept and corrected than
/// refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct SdgTarget {
    pub goal: u8,
    pub target: TargetPart,
}

/// The part of an SDG target after the dot.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TargetPart {
    /// 1 to 99.
    Number(u8),
    /// a to z, lower case.
    Letter(char),
}

impl SdgTarget {
    /// `16.3`, `4.a`; spaces around are ignored, and a capital letter is taken as small. A
    /// number has no leading zero ("16.03" is refused: it reads as a typing mistake).
    pub fn parse(value: &str) -> Result<SdgTarget, field::Problem> {
        let text = value.trim();
        let wrong = || field::Problem {
            code: "not-an-sdg-target",
            message: format!(
                "{} is not an SDG target (a goal from 1 to 17, a dot and a target number or letter, such as 16.3 or 4.a)",
                quoted(value)
            ),
        };
        let (goal, target) = text.split_once('.').ok_or_else(wrong)?;
        let goal = small_number(goal)
            .filter(|g| (1..=17).contains(g))
            .ok_or_else(wrong)?;
        let target = match target.as_bytes() {
            [letter] if letter.is_ascii_alphabetic() => {
                TargetPart::Letter(char::from(letter.to_ascii_lowercase()))
            }
            _ => TargetPart::Number(small_number(target).ok_or_else(wrong)?),
        };
        Ok(SdgTarget { goal, target })
    }
}

/// 1 to 99 written without a leading zero.
fn small_number(text: &str) -> Option<u8> {
    let bytes = text.as_bytes();
    let ok =
        matches!(bytes.len(), 1 | 2) && bytes.iter().all(u8::is_ascii_digit) && bytes[0] != b'0';
    ok.then(|| text.parse().ok()).flatten()
}

impl std::fmt::Display for SdgTarget {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.target {
            TargetPart::Number(n) => write!(f, "{}.{n}", self.goal),
            TargetPart::Letter(c) => write!(f, "{}.{c}", self.goal),
        }
    }
}

impl From<SdgTarget> for String {
    fn from(target: SdgTarget) -> String {
        target.to_string()
    }
}

impl TryFrom<String> for SdgTarget {
    type Error = String;

    fn try_from(value: String) -> Result<Self, String> {
        SdgTarget::parse(&value).map_err(|p| p.message)
    }
}

impl PracticeDraft {
    /// The practice, or every problem the form has. Required: title, summary, modality, region,
    /// start, at least one result with its text, a contact, at least one language. Partner
    /// States must be States of the table; at least one is needed unless the practice is
    /// global (a global practice may be run by organisations alone). Blank entries of lists are
    /// problems too: the form sends only what the person filled in.
    pub fn validate(&self) -> Result<Practice, Vec<FieldError>> {
        let mut e = Errors::default();
        let title = e.check("title", field::text(&self.title, SHORT));
        let summary = e.check("summary", field::text(&self.summary, LONG));
        let modality = e.check(
            "modality",
            parse_vocabulary(&self.modality, Modality::parse, Modality::slugs),
        );
        let region = e.check(
            "region",
            parse_vocabulary(&self.region, Region::parse, Region::slugs),
        );
        let partners_min = usize::from(region != Some(Region::Global));
        let partners = e.list("partners", &self.partners, partners_min, |p| {
            field::state_code(p).map(str::to_owned)
        });
        let organisations = e.list("organisations", &self.organisations, 0, |o| {
            field::text(o, SHORT)
        });
        let rights = e.list("rights", &self.rights, 0, |r| field::text(r, SHORT));
        let sdg_targets = e.list("sdg_targets", &self.sdg_targets, 0, SdgTarget::parse);
        let start = e.check("period.start", field::date(&self.start));
        let end = e.check("period.end", field::optional(&self.end, field::date));
        if let (Some(start), Some(Some(end))) = (start, end)
            && end < start
        {
            e.push(
                "period.end",
                "ends-before-start",
                format!("the practice ends ({end}) before it starts ({start})"),
            );
        }
        let results = self.results_checked(&mut e);
        let contact = e.check("contact", field::email(&self.contact));
        let languages = e.list("languages", &self.languages, 1, field::language);
        let practice = (|| {
            Some(Practice {
                title: title?,
                summary: summary?,
                modality: modality?,
                partners,
                organisations,
                rights,
                sdg_targets,
                region: region?,
                period: Period {
                    start: start?,
                    end: end?,
                },
                results,
                contact: contact?,
                languages,
            })
        })();
        e.finish(practice)
    }

    fn results_checked(&self, e: &mut Errors) -> Vec<Evidence> {
        if self.results.is_empty() {
            e.push("results", "required", "needs at least one result");
        }
        if self.results.len() > MAX_ITEMS {
            e.push(
                "results",
                "too-many",
                format!(
                    "has {} items; at most {MAX_ITEMS} are accepted",
                    self.results.len()
                ),
            );
            return Vec::new();
        }
        let mut out = Vec::new();
        for (i, result) in self.results.iter().enumerate() {
            let text = e.check(
                format!("results[{i}].text"),
                field::text(&result.text, LONG),
            );
            let urls = e.list(&format!("results[{i}].urls"), &result.urls, 0, field::url);
            if let Some(text) = text {
                out.push(Evidence { text, urls });
            }
        }
        out
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use proptest::prelude::*;

    pub fn draft() -> PracticeDraft {
        PracticeDraft {
            title: "Mobile courts for remote districts".into(),
            summary: "Two States shared the design of mobile courts.".into(),
            modality: "south-south".into(),
            partners: vec!["KEN".into(), "mar".into()],
            organisations: vec!["UNDP".into()],
            rights: vec!["access to justice".into()],
            sdg_targets: vec!["16.3".into(), "16.A".into()],
            region: "african".into(),
            start: "2024-03-01".into(),
            end: "2025-06-30".into(),
            results: vec![ResultDraft {
                text: "4,000 cases heard in districts without a court.".into(),
                urls: vec!["https://example.org/evaluation.pdf".into()],
            }],
            contact: "Focal.Point@example.org".into(),
            languages: vec!["en".into(), "FR".into(), "sw".into()],
        }
    }

    #[test]
    fn a_complete_draft_validates_and_is_normalised() {
        let p = draft().validate().unwrap();
        assert_eq!(p.partners, ["KEN", "MAR"]);
        assert_eq!(p.modality, Modality::SouthSouth);
        assert_eq!(
            p.sdg_targets
                .iter()
                .map(|t| t.to_string())
                .collect::<Vec<_>>(),
            ["16.3", "16.a"]
        );
        assert_eq!(p.contact, "focal.point@example.org");
        assert_eq!(p.languages, ["en", "fr", "sw"]);
        assert_eq!(p.period.end, NaiveDate::from_ymd_opt(2025, 6, 30));
    }

    #[test]
    fn every_problem_is_named_with_its_field() {
        let mut d = draft();
        d.title = " ".into();
        d.modality = "east-west".into();
        d.partners.push("XYZ".into());
        d.sdg_targets.push("18.1".into());
        d.start = "2025-07-01".into();
        d.results[0].urls.push("ftp://example.org".into());
        d.contact = "nobody".into();
        d.languages.push("english".into());
        let errors = d.validate().unwrap_err();
        let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert_eq!(
            lines,
            [
                "title: is required",
                "modality: \"east-west\" is not one of south-south, north-south, triangular, regional",
                "partners[2]: \"XYZ\" is not a State code",
                "sdg_targets[2]: \"18.1\" is not an SDG target (a goal from 1 to 17, a dot and a target number or letter, such as 16.3 or 4.a)",
                "period.end: the practice ends (2025-06-30) before it starts (2025-07-01)",
                "results[0].urls[1]: \"ftp://example.org\" is not a link (an address starting with https:// or http://)",
                "contact: \"nobody\" is not an e-mail address: it has no \"@\"",
                "languages[3]: \"english\" is not a two-letter ISO 639-1 language code (such as ar, en, es, fr, ru, zh)",
            ]
        );
    }

    #[test]
    fn empty_lists_that_are_needed_are_named() {
        let mut d = draft();
        d.partners.clear();
        d.results.clear();
        d.languages.clear();
        let fields: Vec<String> = d
            .validate()
            .unwrap_err()
            .into_iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(fields, ["partners", "results", "languages"]);
        // A global practice may be carried out by organisations alone.
        let mut global = draft();
        global.region = "global".into();
        global.partners.clear();
        assert!(global.validate().is_ok());
    }

    #[test]
    fn an_open_ended_practice_has_no_end_and_repeats_are_dropped() {
        let mut d = draft();
        d.end = "".into();
        d.partners = vec!["KEN".into(), "ken".into()];
        let p = d.validate().unwrap();
        assert_eq!(p.period.end, None);
        assert_eq!(p.partners, ["KEN"]);
    }

    #[test]
    fn sdg_targets_have_a_goal_and_a_number_or_letter() {
        for ok in ["1.1", "17.19", " 4.a ", "14.C"] {
            assert!(SdgTarget::parse(ok).is_ok(), "{ok}");
        }
        for wrong in [
            "0.1", "18.1", "16", "16.", ".3", "16.03", "16.ab", "16.100", "16.3.1", "١٦.٣", "16.é",
        ] {
            assert!(SdgTarget::parse(wrong).is_err(), "{wrong}");
        }
    }

    proptest! {
        #[test]
        fn sdg_parsing_never_panics_and_round_trips(s in "\\PC{0,12}") {
            if let Ok(target) = SdgTarget::parse(&s) {
                prop_assert_eq!(SdgTarget::parse(&target.to_string()), Ok(target));
            }
        }

        #[test]
        fn validation_never_panics_on_any_text(
            fields in prop::collection::vec("\\PC{0,30}", 9),
            lists in prop::collection::vec(prop::collection::vec("\\PC{0,12}", 0..4), 6),
        ) {
            let draft = PracticeDraft {
                title: fields[0].clone(),
                summary: fields[1].clone(),
                modality: fields[2].clone(),
                region: fields[3].clone(),
                start: fields[4].clone(),
                end: fields[5].clone(),
                contact: fields[6].clone(),
                partners: lists[0].clone(),
                organisations: lists[1].clone(),
                rights: lists[2].clone(),
                sdg_targets: lists[3].clone(),
                languages: lists[4].clone(),
                results: lists[5].iter().map(|t| ResultDraft { text: t.clone(), urls: vec![fields[7].clone(), fields[8].clone()] }).collect(),
            };
            match draft.validate() {
                Ok(p) => {
                    prop_assert!(!p.title.is_empty());
                    prop_assert!(p.period.end.is_none_or(|end| end >= p.period.start));
                }
                Err(errors) => prop_assert!(!errors.is_empty()),
            }
        }
    }
}
