//! Character-level normalisation of a token: the "only normalised" form that the exact fields
//! index, and the input of the stemmers.

use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Folds one Arabic character for search; `None` when `c` is not an Arabic character that
/// changes.
///
/// The same rules as `taawun_text::fold_arabic_char` (diacritics and tatweel removed; أ إ آ ٱ
/// → ا; ى → ي; ة → ه; Persian and Urdu look-alikes ک ی ہ ە → ك ي ه; Arabic-Indic digits →
/// ASCII), except that the hamza seats ؤ and ئ are kept: for names, folding them helps
/// matching damaged text, but in running text it would make فئة ("category") the stop word
/// فيه ("in it") and مسؤول collide with unrelated words.
pub fn fold_arabic_char(c: char) -> Option<&'static str> {
    match c {
        'ؤ' | 'ئ' => None,
        'ھ' => Some("ه"),
        _ => taawun_text::fold_arabic_char(c),
    }
}

/// Whether `c` is a bidi control (LRM, RLM, ALM, embeddings, overrides, isolates): invisible
/// marks that PDF extraction and Fluent leave inside words.
fn is_bidi_control(c: char) -> bool {
    taawun_text::is_bidi_control(c)
}

/// Characters from U+FB00 on are presentation forms (Arabic, Latin ligatures) and full-width
/// forms; NFKC turns them into ordinary letters. Checking first keeps NFKC off the hot path.
fn needs_nfkc(text: &str) -> bool {
    text.chars()
        .any(|c| ('\u{FB00}'..='\u{FFEF}').contains(&c) || ('\u{2000}'..='\u{2BFF}').contains(&c))
}

/// How much a [`Normalize`] filter folds.
#[derive(Clone, Copy, Debug, Default)]
pub struct NormalizeOptions {
    /// Remove Latin (and Greek) diacritics: é → e, ñ → n. Cyrillic letters keep theirs except
    /// ё → е, which Russian texts themselves write either way.
    pub fold_diacritics: bool,
}

/// Normalises `word` into `out`: NFKC where presentation forms occur, bidi controls dropped,
/// Arabic folded ([`fold_arabic_char`]), lower-cased, diacritics optionally removed.
pub fn normalize_word(word: &str, options: NormalizeOptions, out: &mut String) {
    out.clear();
    if word.is_ascii() {
        out.push_str(word);
        out.make_ascii_lowercase();
        return;
    }
    let compatible;
    let word = if needs_nfkc(word) {
        compatible = word.nfkc().collect::<String>();
        compatible.as_str()
    } else {
        word
    };
    for c in word.chars() {
        // Arabic letters that do not fold (most of them) have no case: the fast path.
        if ('\u{0621}'..='\u{063A}').contains(&c) || ('\u{0641}'..='\u{064A}').contains(&c) {
            match fold_arabic_char(c) {
                Some(folded) => out.push_str(folded),
                None => out.push(c),
            }
            continue;
        }
        // Other letters without a Unicode table look-up: ASCII, Cyrillic, Chinese.
        match c {
            _ if c.is_ascii() => {
                out.push(c.to_ascii_lowercase());
                continue;
            }
            'а'..='я' | '\u{4E00}'..='\u{9FFF}' => {
                out.push(c);
                continue;
            }
            'А'..='Я' => {
                out.push(char::from_u32(c as u32 + 0x20).unwrap_or(c));
                continue;
            }
            _ => {}
        }
        if is_bidi_control(c) || c == '\u{200C}' || c == '\u{200D}' {
            continue;
        }
        if let Some(folded) = fold_arabic_char(c) {
            out.push_str(folded);
            continue;
        }
        match c {
            'ё' | 'Ё' => out.push('е'),
            _ if options.fold_diacritics && is_latin_or_greek(c) => {
                for part in c.nfd() {
                    if !is_combining_mark(part) {
                        out.extend(part.to_lowercase());
                    }
                }
            }
            // Stray marks with no Arabic or Latin base (e.g. a mark alone after a space).
            _ if is_combining_mark(c) && options.fold_diacritics => {}
            _ => out.extend(c.to_lowercase()),
        }
    }
    // Ligatures that do not decompose: œ æ ß are written both ways in French and German names.
    if options.fold_diacritics && out.contains(['œ', 'æ', 'ß']) {
        let expanded = out.replace('œ', "oe").replace('æ', "ae").replace('ß', "ss");
        *out = expanded;
    }
}

fn is_latin_or_greek(c: char) -> bool {
    matches!(c, '\u{00C0}'..='\u{024F}' | '\u{1E00}'..='\u{1EFF}' | '\u{0370}'..='\u{03FF}')
}

/// Token filter applying [`normalize_word`]; tokens that normalise to nothing (a lone
/// diacritic, a lone bidi mark) are dropped.
#[derive(Clone, Default)]
pub struct Normalize {
    pub options: NormalizeOptions,
}

impl Normalize {
    pub fn new(fold_diacritics: bool) -> Normalize {
        Normalize {
            options: NormalizeOptions { fold_diacritics },
        }
    }
}

impl TokenFilter for Normalize {
    type Tokenizer<T: Tokenizer> = NormalizeFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> NormalizeFilter<T> {
        NormalizeFilter {
            inner: tokenizer,
            options: self.options,
            buffer: String::new(),
        }
    }
}

#[derive(Clone)]
pub struct NormalizeFilter<T> {
    inner: T,
    options: NormalizeOptions,
    buffer: String,
}

impl<T: Tokenizer> Tokenizer for NormalizeFilter<T> {
    type TokenStream<'a> = NormalizeStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        NormalizeStream {
            tail: self.inner.token_stream(text),
            options: self.options,
            buffer: &mut self.buffer,
        }
    }
}

pub struct NormalizeStream<'a, S> {
    tail: S,
    options: NormalizeOptions,
    buffer: &'a mut String,
}

impl<S: TokenStream> TokenStream for NormalizeStream<'_, S> {
    fn advance(&mut self) -> bool {
        while self.tail.advance() {
            let token = self.tail.token_mut();
            normalize_word(&token.text, self.options, self.buffer);
            if self.buffer.is_empty() {
                continue;
            }
            std::mem::swap(&mut token.text, self.buffer);
            return true;
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

    fn norm(word: &str, fold: bool) -> String {
        let mut out = String::new();
        normalize_word(
            word,
            NormalizeOptions {
                fold_diacritics: fold,
            },
            &mut out,
        );
        out
    }

    #[test]
    fn arabic_letters_fold() {
        assert_eq!(norm("الإنســـانُ", false), "الانسان");
        assert_eq!(norm("أُمَّة", false), "امه");
        assert_eq!(norm("مستشفى", false), "مستشفي");
        assert_eq!(norm("کتاب", false), "كتاب");
        assert_eq!(norm("یہ", false), "يه");
        assert_eq!(norm("ٱلرحمن", false), "الرحمن");
        assert_eq!(norm("٢٠١٥", false), "2015");
        // Hamza seats are kept.
        assert_eq!(norm("فئة", false), "فئه");
        assert_eq!(norm("مسؤولية", false), "مسؤوليه");
    }

    #[test]
    fn presentation_forms_and_bidi_marks() {
        assert_eq!(norm("\u{FEE3}\u{FEBC}\u{FEAE}", false), "مصر");
        assert_eq!(norm("حق\u{200F}وق", false), "حقوق");
    }

    #[test]
    fn latin_and_cyrillic() {
        assert_eq!(norm("Coopération", true), "cooperation");
        assert_eq!(norm("Coopération", false), "coopération");
        assert_eq!(norm("Œuvre", true), "oeuvre");
        assert_eq!(norm("ЁЛКА", false), "елка");
        assert_eq!(norm("Niño", true), "nino");
        assert_eq!(norm("HRC", false), "hrc");
    }
}
