//! Text normalisation shared by the State-name resolver, the document parsers and search.
//!
//! Names and texts arrive from PDFs: presentation forms, diacritics, tatweel, alef and hamza
//! variants, bidi control marks, stray punctuation. [`fold_name`] maps all of them onto one key
//! so that equal names compare equal whatever their spelling noise.

mod arabic;

pub use arabic::{fold_arabic_char, is_arabic, strip_article};

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Removes the Unicode bidi controls (LRM, RLM, ALM, embeddings, overrides and the isolates
/// U+2066..U+2069 that Fluent puts around arguments), which are invisible but break equality.
pub fn strip_bidi_controls(text: &str) -> String {
    text.chars().filter(|c| !is_bidi_control(*c)).collect()
}

pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Folds a proper name (a State, an organisation) to a comparison key:
/// NFKC (undoes Arabic presentation forms and ligatures), bidi controls dropped, case folded,
/// Latin diacritics removed, Arabic folded ([`fold_arabic_char`]), the Arabic article removed
/// from each word, every run of punctuation or space turned into one space, a leading English
/// "the" dropped.
///
/// ```
/// use taawun_text::fold_name;
/// assert_eq!(fold_name("Côte d’Ivoire"), fold_name("cote d'ivoire"));
/// assert_eq!(fold_name("الإمارات العربية المتحدة"), fold_name("امارات عربيه متحده"));
/// assert_eq!(fold_name("هولندا (مملكة)"), "هولندا مملكه");
/// ```
pub fn fold_name(name: &str) -> String {
    let mut letters = String::with_capacity(name.len());
    // NFKC first so that presentation forms become letters, then NFD to split Latin accents off.
    for c in name.nfkc().collect::<String>().nfd() {
        if is_bidi_control(c) || is_combining_mark(c) && !is_arabic(c) {
            continue;
        }
        if let Some(folded) = fold_arabic_char(c) {
            letters.push_str(folded);
            continue;
        }
        if c.is_alphanumeric() {
            letters.extend(c.to_lowercase());
        } else if c == '\'' || c == '’' || c == '‘' || c == 'ʼ' {
            // "Cote d'Ivoire" and "Cote dIvoire" and "Cote d Ivoire" all occur; join the letters.
        } else {
            letters.push(' ');
        }
    }
    let mut key = String::with_capacity(letters.len());
    for word in letters.split_whitespace() {
        if key.is_empty() && word == "the" {
            continue;
        }
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(strip_article(word));
    }
    key
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn article_and_hamza_variants_fold_together() {
        assert_eq!(fold_name("الجزائر"), fold_name("جزائر"));
        assert_eq!(fold_name("إندونيسيا"), fold_name("اندونيسيا"));
        assert_eq!(fold_name("ليبيا"), fold_name("ليبيا\u{200F}"));
        assert_eq!(fold_name("مـــالي"), fold_name("مالي"));
        assert_eq!(fold_name("the Netherlands"), fold_name("Netherlands"));
    }

    #[test]
    fn presentation_forms_fold_to_letters() {
        // "مصر" written with Arabic presentation forms, as some PDF extractors emit it.
        assert_eq!(fold_name("\u{FEE3}\u{FEBC}\u{FEAE}"), fold_name("مصر"));
    }

    #[test]
    fn niger_and_nigeria_stay_apart() {
        assert_ne!(fold_name("النيجر"), fold_name("نيجيريا"));
        assert_ne!(fold_name("Niger"), fold_name("Nigeria"));
    }

    proptest! {
        #[test]
        fn folding_never_panics_and_is_idempotent(s in "\\PC{0,40}") {
            let once = fold_name(&s);
            prop_assert_eq!(fold_name(&once), once.clone());
        }
    }
}
