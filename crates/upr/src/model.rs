//! What a recommendation is, whatever source it was read from.

use serde::{Deserialize, Serialize};

/// The State under review's position on a recommendation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Response {
    /// "Supported" in the Council's current words; UPR Info's "Accepted".
    Supported,
    /// The State took note of it without supporting it.
    Noted,
}

impl Response {
    pub const ALL: [Response; 2] = [Response::Supported, Response::Noted];

    pub fn parse(word: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.slug() == word)
    }

    pub fn slug(self) -> &'static str {
        match self {
            Response::Supported => "supported",
            Response::Noted => "noted",
        }
    }
}

/// UPR Info's action category: how much the recommendation asks of the State, from 1 (least)
/// to 5 (most specific).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(into = "u8")]
pub enum ActionCategory {
    /// 1: addressed to other States, or asking the State for minimal action (to share
    /// information, to request assistance).
    Minimal = 1,
    /// 2: to continue something already under way.
    Continuing = 2,
    /// 3: to consider a change ("consider ratifying…").
    Considering = 3,
    /// 4: a general action ("take measures to…", "promote…").
    General = 4,
    /// 5: a specific, verifiable action ("ratify…", "adopt a law on…").
    Specific = 5,
}

impl ActionCategory {
    pub const ALL: [ActionCategory; 5] = [
        ActionCategory::Minimal,
        ActionCategory::Continuing,
        ActionCategory::Considering,
        ActionCategory::General,
        ActionCategory::Specific,
    ];

    pub fn from_number(n: u8) -> Option<Self> {
        Self::ALL.into_iter().find(|c| *c as u8 == n)
    }

    pub fn number(self) -> u8 {
        self as u8
    }

    pub fn slug(self) -> &'static str {
        match self {
            ActionCategory::Minimal => "minimal",
            ActionCategory::Continuing => "continuing",
            ActionCategory::Considering => "considering",
            ActionCategory::General => "general",
            ActionCategory::Specific => "specific",
        }
    }
}

impl From<ActionCategory> for u8 {
    fn from(category: ActionCategory) -> u8 {
        category.number()
    }
}

/// Where a record was read: a file and the line its row starts on. In a PDF, `line` counts
/// within `page` (both from 1, as `pdftotext -layout` lays the page out); in a Word table,
/// `line` is the table's row (from 1, the header row included) and `page` is absent.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct Source {
    pub file: String,
    pub line: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
}

/// One recommendation to one State under review, with every State that made it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Recommendation {
    /// ISO 3166-1 alpha-3 of the State under review.
    pub reviewed: String,
    /// The Working Group's session.
    pub session: u32,
    pub cycle: u8,
    pub text: String,
    /// ISO3 codes of the recommending States, in the order the sources give them.
    pub recommending: Vec<String>,
    pub response: Option<Response>,
    pub action: Option<ActionCategory>,
    /// The issues (themes) the source tags it with.
    pub issues: Vec<String>,
    pub sources: Vec<Source>,
    /// Its number in the Working Group's report ("140.1"), where the source gives it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub paragraph: Option<String>,
    /// The persons or groups of persons it concerns, as OHCHR's thematic list names them.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<String>,
    /// The Sustainable Development Goals ("16") and targets ("16.3") it is tied to.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sdgs: Vec<String>,
    /// What the source says of its implementation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub assessment: Option<String>,
}

/// A voluntary pledge a State made in its review.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Pledge {
    pub state: String,
    pub session: u32,
    pub cycle: u8,
    pub text: String,
    pub issues: Vec<String>,
    pub source: Source,
}

/// The review cycle a Working Group session belongs to: the first cycle held sessions 1-12
/// (2008-2011), the second 13-26 (2012-2016), the third 27-40 (2017-2022), the fourth 41-54
/// (2022-2027), each reviewing every Member State once.
pub fn cycle_of_session(session: u32) -> Option<u8> {
    match session {
        1..=12 => Some(1),
        13..=26 => Some(2),
        27..=40 => Some(3),
        41..=54 => Some(4),
        _ => None,
    }
}

/// The key two sources' copies of one recommendation share: the State under review, the
/// session and the text as compared ([`comparable_text`]), hashed so that the key stays short.
/// Two different texts never share a key, so records are never merged silently across them.
pub fn recommendation_key(reviewed: &str, session: u32, text: &str) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(comparable_text(text).as_bytes());
    let hex: String = digest[..10].iter().map(|b| format!("{b:02x}")).collect();
    format!("{reviewed}:{session}:{hex}")
}

impl Recommendation {
    /// See [`recommendation_key`].
    pub fn key(&self) -> String {
        recommendation_key(&self.reviewed, self.session, &self.text)
    }
}

impl Pledge {
    /// The same kind of key as a recommendation's, for the State that pledged.
    pub fn key(&self) -> String {
        recommendation_key(&self.state, self.session, &self.text)
    }
}

/// A recommendation's text as compared across sources and rows: whitespace collapsed, case and
/// accents folded, final punctuation dropped.
pub fn comparable_text(text: &str) -> String {
    let folded = taawun_text::fold_name(text);
    folded
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .trim_end_matches(['.', ';', ','])
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sessions_fall_in_their_cycles() {
        assert_eq!(cycle_of_session(1), Some(1));
        assert_eq!(cycle_of_session(12), Some(1));
        assert_eq!(cycle_of_session(13), Some(2));
        assert_eq!(cycle_of_session(20), Some(2));
        assert_eq!(cycle_of_session(48), Some(4));
        assert_eq!(cycle_of_session(0), None);
    }

    #[test]
    fn categories_keep_their_numbers() {
        for category in ActionCategory::ALL {
            assert_eq!(
                ActionCategory::from_number(category.number()),
                Some(category)
            );
        }
        assert_eq!(ActionCategory::from_number(6), None);
    }

    #[test]
    fn keys_tell_texts_apart_but_not_their_spacing() {
        let a = recommendation_key("SVN", 20, "Ratify the Convention.");
        assert_eq!(a, recommendation_key("SVN", 20, "ratify  the convention"));
        assert_ne!(a, recommendation_key("SVN", 20, "Ratify the Protocol"));
        assert_ne!(a, recommendation_key("SVN", 21, "Ratify the Convention"));
        assert!(a.starts_with("SVN:20:"));
    }

    #[test]
    fn texts_compare_without_case_spacing_or_final_stop() {
        assert_eq!(
            comparable_text("Ratify  the Convention. "),
            comparable_text("ratify the convention")
        );
    }
}
