//! The six official UN languages, and which of them a piece of query text can be in.

use serde::{Deserialize, Serialize};

use crate::error::SearchError;

/// A UN official language. Each has its own pair of indexed fields and analysers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    Ar,
    En,
    Fr,
    Es,
    Ru,
    Zh,
}

impl Language {
    pub const ALL: [Language; 6] = [
        Language::Ar,
        Language::En,
        Language::Fr,
        Language::Es,
        Language::Ru,
        Language::Zh,
    ];

    /// The BCP 47 primary subtag: `ar`, `en`, …
    pub fn code(self) -> &'static str {
        match self {
            Language::Ar => "ar",
            Language::En => "en",
            Language::Fr => "fr",
            Language::Es => "es",
            Language::Ru => "ru",
            Language::Zh => "zh",
        }
    }

    /// Parses a language code (`ar`, `EN`, `zh-Hans`, `fr-CA`: the primary subtag decides).
    pub fn from_code(code: &str) -> Option<Language> {
        let primary = code.split(['-', '_']).next().unwrap_or("").trim();
        Language::ALL
            .into_iter()
            .find(|language| language.code().eq_ignore_ascii_case(primary))
    }

    /// Like [`Language::from_code`], with the error naming the request parameter.
    pub fn parse_param(code: &str, parameter: &'static str) -> Result<Language, SearchError> {
        Language::from_code(code).ok_or_else(|| SearchError::InvalidValue {
            parameter,
            value: code.chars().take(40).collect(),
            expected: "one of ar, en, fr, es, ru, zh",
        })
    }
}

impl std::fmt::Display for Language {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

/// The languages whose documents a query written in `text` may be looking for, judged from
/// the scripts of its letters: Arabic letters → Arabic, Cyrillic → Russian, Han → Chinese,
/// Latin → English, French and Spanish. Digits and symbols alone could be in any of the six.
///
/// Used when the request gives no language, so that an Arabic query is not also run through
/// five analysers that cannot match it.
pub fn candidate_languages(text: &str) -> Vec<Language> {
    let (mut arabic, mut cyrillic, mut han, mut latin) = (false, false, false, false);
    for c in text.chars() {
        match c {
            '\u{0600}'..='\u{06FF}'
            | '\u{0750}'..='\u{077F}'
            | '\u{08A0}'..='\u{08FF}'
            | '\u{FB50}'..='\u{FDFF}'
            | '\u{FE70}'..='\u{FEFF}' => arabic |= c.is_alphabetic(),
            '\u{0400}'..='\u{052F}' => cyrillic |= c.is_alphabetic(),
            '\u{3400}'..='\u{4DBF}'
            | '\u{4E00}'..='\u{9FFF}'
            | '\u{F900}'..='\u{FAFF}'
            | '\u{20000}'..='\u{2FA1F}' => han = true,
            c if c.is_alphabetic() && (c.is_ascii() || ('\u{00C0}'..='\u{024F}').contains(&c)) => {
                latin = true
            }
            _ => {}
        }
    }
    let mut languages = Vec::new();
    if arabic {
        languages.push(Language::Ar);
    }
    if latin {
        languages.extend([Language::En, Language::Fr, Language::Es]);
    }
    if cyrillic {
        languages.push(Language::Ru);
    }
    if han {
        languages.push(Language::Zh);
    }
    if languages.is_empty() {
        languages.extend(Language::ALL);
    }
    languages
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_subtags_are_ignored() {
        for language in Language::ALL {
            assert_eq!(Language::from_code(language.code()), Some(language));
        }
        assert_eq!(Language::from_code("zh-Hans"), Some(Language::Zh));
        assert_eq!(Language::from_code("EN"), Some(Language::En));
        assert_eq!(Language::from_code("de"), None);
        assert_eq!(Language::from_code(""), None);
    }

    #[test]
    fn scripts_choose_the_languages() {
        assert_eq!(candidate_languages("التعاون الدولي"), vec![Language::Ar]);
        assert_eq!(
            candidate_languages("coopération"),
            vec![Language::En, Language::Fr, Language::Es]
        );
        assert_eq!(candidate_languages("сотрудничество"), vec![Language::Ru]);
        assert_eq!(candidate_languages("人权"), vec![Language::Zh]);
        assert_eq!(candidate_languages("2030"), Language::ALL.to_vec());
    }
}
