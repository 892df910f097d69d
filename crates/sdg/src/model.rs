//! The goals, targets and indicators, each with its titles in the six UN languages.

use std::collections::BTreeMap;
use std::fmt;

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use crate::code::{GoalCode, IndicatorCode, TargetCode};
use crate::reader::Warning;

/// The six official languages of the United Nations.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    Ar,
    En,
    Es,
    Fr,
    Ru,
    Zh,
}

impl Language {
    pub const ALL: [Language; 6] = [
        Language::Ar,
        Language::En,
        Language::Es,
        Language::Fr,
        Language::Ru,
        Language::Zh,
    ];

    /// `ar`, `en`, `es`, `fr`, `ru`, `zh`.
    pub fn code(self) -> &'static str {
        match self {
            Language::Ar => "ar",
            Language::En => "en",
            Language::Es => "es",
            Language::Fr => "fr",
            Language::Ru => "ru",
            Language::Zh => "zh",
        }
    }

    /// The folder of the open-sdg translation layout: the code, except `zh-Hans` for Chinese
    /// (the UN's Chinese is written in simplified characters).
    pub fn folder(self) -> &'static str {
        match self {
            Language::Zh => "zh-Hans",
            other => other.code(),
        }
    }

    /// The English name, for messages.
    pub fn name(self) -> &'static str {
        match self {
            Language::Ar => "Arabic",
            Language::En => "English",
            Language::Es => "Spanish",
            Language::Fr => "French",
            Language::Ru => "Russian",
            Language::Zh => "Chinese",
        }
    }

    /// A folder's or a code's language: `ar` … `zh`, `zh-Hans` (any case, `-` or `_`).
    pub fn from_folder(name: &str) -> Option<Language> {
        let lower = name.trim().to_ascii_lowercase().replace('_', "-");
        match lower.as_str() {
            "zh-hans" | "zh-cn" => Some(Language::Zh),
            other => Language::ALL.into_iter().find(|l| l.code() == other),
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A text in each language that has it. Serialised as `{"ar": …, "en": …}`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Titles {
    by_language: [Option<String>; 6],
}

impl Titles {
    pub fn get(&self, language: Language) -> Option<&str> {
        self.by_language[language.index()].as_deref()
    }
    /// The English text ("" if there is none; a read [`crate::Sdgs`] always has it).
    pub fn en(&self) -> &str {
        self.get(Language::En).unwrap_or("")
    }
    pub fn set(&mut self, language: Language, text: impl Into<String>) {
        self.by_language[language.index()] = Some(text.into());
    }
    /// The languages present, in [`Language::ALL`]'s order.
    pub fn iter(&self) -> impl Iterator<Item = (Language, &str)> {
        Language::ALL
            .into_iter()
            .filter_map(|l| self.get(l).map(|t| (l, t)))
    }
    /// The languages absent.
    pub fn missing(&self) -> Vec<Language> {
        Language::ALL
            .into_iter()
            .filter(|&l| self.get(l).is_none())
            .collect()
    }
    pub fn is_empty(&self) -> bool {
        self.by_language.iter().all(Option::is_none)
    }
}

impl Serialize for Titles {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let present: Vec<(Language, &str)> = self.iter().collect();
        let mut map = serializer.serialize_map(Some(present.len()))?;
        for (language, text) in present {
            map.serialize_entry(language.code(), text)?;
        }
        map.end()
    }
}

/// A goal: `1` "End poverty in all its forms everywhere", short title "No poverty".
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Goal {
    pub number: u8,
    pub titles: Titles,
    /// The short titles ("No poverty"), where the files have them.
    pub short_titles: Titles,
}

impl Goal {
    pub fn code(&self) -> GoalCode {
        GoalCode::new(self.number).expect("a read goal's number is 1 to 17")
    }
}

/// A target: `16.3` "Promote the rule of law …".
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Target {
    pub code: TargetCode,
    /// The goal's number (also `code.goal()`).
    pub goal: u8,
    pub titles: Titles,
}

/// An indicator: `16.3.1` "Proportion of victims of violence …".
///
/// Some indicators serve several targets (the official list repeats them: 8.4.1 is 12.2.1,
/// 1.5.1 is 11.5.1 and 13.1.1). The files give each its own code under each target, so each is
/// an `Indicator` here; [`Sdgs::repeated_indicators`] groups those whose English titles are the
/// same.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Indicator {
    pub code: IndicatorCode,
    /// The target (also `code.target()`).
    pub target: TargetCode,
    pub titles: Titles,
}

/// What [`crate::read_dir`] and [`crate::read_files`] read: sorted by code.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Sdgs {
    pub goals: Vec<Goal>,
    pub targets: Vec<Target>,
    pub indicators: Vec<Indicator>,
    /// What was incomplete but not fatal: a title absent in a language, an empty title, a key
    /// or file not understood. Each names its file (and key, and line where there is one).
    pub warnings: Vec<Warning>,
}

impl Sdgs {
    pub fn goal(&self, number: u8) -> Option<&Goal> {
        self.goals
            .binary_search_by_key(&number, |g| g.number)
            .ok()
            .map(|i| &self.goals[i])
    }
    pub fn target(&self, code: TargetCode) -> Option<&Target> {
        self.targets
            .binary_search_by_key(&code, |t| t.code)
            .ok()
            .map(|i| &self.targets[i])
    }
    pub fn indicator(&self, code: IndicatorCode) -> Option<&Indicator> {
        self.indicators
            .binary_search_by_key(&code, |i| i.code)
            .ok()
            .map(|i| &self.indicators[i])
    }
    /// A goal's targets, in order.
    pub fn targets_of(&self, goal: u8) -> impl Iterator<Item = &Target> {
        self.targets.iter().filter(move |t| t.goal == goal)
    }
    /// A target's indicators, in order.
    pub fn indicators_of(&self, target: TargetCode) -> impl Iterator<Item = &Indicator> {
        self.indicators.iter().filter(move |i| i.target == target)
    }
    /// Indicators whose English titles are the same (one indicator listed under several
    /// targets), each group in code order, the groups in the order of their first code.
    pub fn repeated_indicators(&self) -> Vec<Vec<IndicatorCode>> {
        let mut by_title: BTreeMap<&str, Vec<IndicatorCode>> = BTreeMap::new();
        for indicator in &self.indicators {
            by_title
                .entry(indicator.titles.en())
                .or_default()
                .push(indicator.code);
        }
        let mut groups: Vec<Vec<IndicatorCode>> =
            by_title.into_values().filter(|g| g.len() > 1).collect();
        groups.sort();
        groups
    }
}
