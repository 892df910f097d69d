//! Arabic stop words: particles, prepositions, pronouns, demonstratives, relatives and the
//! commonest function words. They are written here as the texts write them; the filter folds
//! them with the same normaliser as the text, so hamza and alef maqsura forms need not be
//! listed twice.
//!
//! Left out on purpose: إليه ("to him"), which folds to the same letters as آلية ("mechanism",
//! one of the commonest words of Human Rights Council texts); and the content words that
//! Lucene's list has (يجب, etc.).

use std::sync::OnceLock;

use rustc_hash::FxHashSet;

use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

use crate::analysis::normalize::{NormalizeOptions, normalize_word};

pub const ARABIC_STOP_WORDS: &[&str] = &[
    // Single letters left alone by separators ("و ", "ب ").
    "و",
    "ف",
    "ب",
    "ل",
    "ك",
    "ا",
    "أ",
    "ان",
    "س",
    // Prepositions.
    "في",
    "من",
    "إلى",
    "على",
    "عن",
    "مع",
    "عند",
    "لدى",
    "حتى",
    "منذ",
    "خلال",
    "بين",
    "ضد",
    "نحو",
    "حول",
    "دون",
    "عبر",
    "ضمن",
    "تجاه",
    "إزاء",
    "بعد",
    "قبل",
    "أثناء",
    "أمام",
    "خلف",
    "فوق",
    "تحت",
    "لدن",
    "بشأن",
    "وفقا",
    "طبقا",
    "حسب",
    "بموجب",
    "سوى",
    "مثل",
    // Prepositions with attached pronouns.
    "فيه",
    "فيها",
    "فيهم",
    "فيهن",
    "منه",
    "منها",
    "منهم",
    "منهن",
    "عليه",
    "عليها",
    "عليهم",
    "إليها",
    "إليهم",
    "له",
    "لها",
    "لهم",
    "لهن",
    "لنا",
    "لكم",
    "به",
    "بها",
    "بهم",
    "عنه",
    "عنها",
    "عنهم",
    "معه",
    "معها",
    "معهم",
    "بينها",
    "بينهم",
    "لديه",
    "لديها",
    "لديهم",
    "عندها",
    "عندهم",
    "ذلكم",
    // Pronouns.
    "أنا",
    "نحن",
    "أنت",
    "أنتم",
    "أنتن",
    "هو",
    "هي",
    "هما",
    "هم",
    "هن",
    "إياه",
    "إياها",
    "إياهم",
    // Demonstratives.
    "هذا",
    "هذه",
    "هذان",
    "هذين",
    "هاتان",
    "هاتين",
    "هؤلاء",
    "ذلك",
    "تلك",
    "أولئك",
    "هنا",
    "هناك",
    "هنالك",
    "بهذا",
    "بهذه",
    "لهذا",
    "لهذه",
    "بذلك",
    "لذلك",
    "كذلك",
    "ذاك",
    // Relatives.
    "الذي",
    "التي",
    "اللذان",
    "اللتان",
    "اللذين",
    "اللتين",
    "الذين",
    "اللاتي",
    "اللواتي",
    "اللائي",
    "ما",
    "مما",
    "عما",
    "فيما",
    "بما",
    "لما",
    "كما",
    // Particles, conjunctions, negation.
    "أن",
    "إن",
    "أنه",
    "أنها",
    "إنه",
    "إنها",
    "أنهم",
    "إنهم",
    "لأن",
    "لكن",
    "لكنه",
    "بل",
    "أو",
    "أم",
    "ثم",
    "قد",
    "لقد",
    "لم",
    "لن",
    "لا",
    "ليس",
    "ليست",
    "إذ",
    "إذا",
    "إذن",
    "لو",
    "لولا",
    "كي",
    "لكي",
    "حيث",
    "حيثما",
    "أيضا",
    "سوف",
    "غير",
    "إلا",
    "ألا",
    "هل",
    "كيف",
    "متى",
    "أين",
    "لماذا",
    "ماذا",
    "أي",
    "أية",
    "أيا",
    "إما",
    "سواء",
    "لذا",
    "عندما",
    "بينما",
    "كلما",
    "طالما",
    "حين",
    "حينما",
    "ثمة",
    "إلخ",
    "يا",
    "أيها",
    "كأن",
    "لعل",
    "ليت",
    "مثلا",
    "فقط",
    "نعم",
    // Quantifiers.
    "كل",
    "كلا",
    "كلتا",
    "بعض",
    "جميع",
    "أحد",
    "إحدى",
    "ذات",
    "ذو",
    "ذي",
    "ذوي",
    "ذوو",
    // Forms of "to be", which carry no topic.
    "كان",
    "كانت",
    "كانوا",
    "يكون",
    "تكون",
    "يكونوا",
    "تكونوا",
    "أصبح",
    "أصبحت",
    "ظل",
    "مازال",
    "ما زال",
    "لايزال",
    "يزال",
    "تزال",
];

fn stop_words() -> &'static FxHashSet<String> {
    static WORDS: OnceLock<FxHashSet<String>> = OnceLock::new();
    WORDS.get_or_init(|| {
        let mut folded = String::new();
        ARABIC_STOP_WORDS
            .iter()
            .flat_map(|word| word.split(' '))
            .map(|word| {
                normalize_word(word, NormalizeOptions::default(), &mut folded);
                folded.clone()
            })
            .collect()
    })
}

/// Whether a normalised word is a stop word, alone or behind the conjunction و or ف
/// ("وفي", "ولا", "فإن"): listing every combination would triple the list.
pub fn is_stop_word(word: &str) -> bool {
    let words = stop_words();
    if words.contains(word) {
        return true;
    }
    match word.strip_prefix(['و', 'ف']) {
        Some(rest) if rest.chars().count() >= 2 => words.contains(rest),
        _ => false,
    }
}

/// Removes Arabic stop words ([`is_stop_word`]). Positions are left as they were, so phrase
/// queries still see the gap where a stop word stood.
#[derive(Clone, Default)]
pub struct ArabicStopWords;

impl TokenFilter for ArabicStopWords {
    type Tokenizer<T: Tokenizer> = ArabicStopWordsFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> ArabicStopWordsFilter<T> {
        ArabicStopWordsFilter { inner: tokenizer }
    }
}

#[derive(Clone)]
pub struct ArabicStopWordsFilter<T> {
    inner: T,
}

impl<T: Tokenizer> Tokenizer for ArabicStopWordsFilter<T> {
    type TokenStream<'a> = ArabicStopWordsStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        ArabicStopWordsStream {
            tail: self.inner.token_stream(text),
        }
    }
}

pub struct ArabicStopWordsStream<S> {
    tail: S,
}

impl<S: TokenStream> TokenStream for ArabicStopWordsStream<S> {
    fn advance(&mut self) -> bool {
        while self.tail.advance() {
            if !is_stop_word(&self.tail.token().text) {
                return true;
            }
        }
        false
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_is_about_150_words() {
        let count = ARABIC_STOP_WORDS.len();
        assert!((140..=240).contains(&count), "{count}");
    }

    #[test]
    fn stop_words_with_and_without_conjunction() {
        for word in ["في", "الي", "علي", "وفي", "فان", "ولا", "الذي", "هذه"]
        {
            assert!(is_stop_word(word), "{word}");
        }
        for word in ["حقوق", "اليه", "الية", "تعاون", "فيات", "وطني"] {
            assert!(!is_stop_word(word), "{word}");
        }
    }
}
