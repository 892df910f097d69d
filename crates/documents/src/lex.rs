//! Words, numbers and punctuation, with their positions: the one tokenizer behind dates,
//! symbols, votes and mandates.
//!
//! Arabic glues the conjunction و to the next word, numbers included ("و25/49", "و20"): a run
//! of letters followed by digits without a space therefore gives two tokens, the second marked as
//! not preceded by a space.

use unicode_normalization::char::is_combining_mark;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    Word,
    Number,
    Punct,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Token {
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
    /// Whether whitespace separates this token from the previous one.
    pub spaced: bool,
}

impl Token {
    pub fn text<'a>(&self, source: &'a str) -> &'a str {
        &source[self.start..self.end]
    }

    pub fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }

    pub fn is_number(&self) -> bool {
        self.kind == Kind::Number
    }

    /// A punctuation token that is this character.
    pub fn is_punct(&self, source: &str, c: char) -> bool {
        self.kind == Kind::Punct && source[self.start..].starts_with(c)
    }
}

/// The value of a decimal digit, ASCII or Arabic-Indic (both blocks).
pub(crate) fn digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '\u{0660}'..='\u{0669}' => Some(c as u32 - 0x0660),
        '\u{06F0}'..='\u{06F9}' => Some(c as u32 - 0x06F0),
        _ => None,
    }
}

/// Letters and marks: ASCII and the Arabic block answered by ranges (Unicode's alphabetic table
/// is a binary search, and this runs on every character of every paragraph).
pub(crate) fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    match c as u32 {
        // Arabic: marks, letters, harakat, tatweel; not its digits, punctuation and signs.
        0x0610..=0x061A | 0x0620..=0x065F | 0x066E..=0x06D3 | 0x06D5..=0x06EF | 0x06FA..=0x06FF => {
            true
        }
        0x0600..=0x06FF => false,
        _ => c.is_alphabetic() || is_combining_mark(c),
    }
}

/// The value of a number token; `None` past nine digits (not a day, year or symbol part).
pub(crate) fn number_value(text: &str) -> Option<u32> {
    let mut value: u32 = 0;
    let mut digits = 0;
    for c in text.chars() {
        value = value * 10 + digit(c)?;
        digits += 1;
        if digits > 9 {
            return None;
        }
    }
    (digits > 0).then_some(value)
}

/// What a character is to the tokenizer.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Space,
    Digit,
    Letter,
    Other,
}

/// The character at byte `at` (a boundary) and its class, ASCII and the Arabic block answered
/// without Unicode tables or a UTF-8 decoder.
#[inline(always)]
fn class_at(text: &str, at: usize) -> (Class, usize) {
    let bytes = text.as_bytes();
    let b = bytes[at];
    if let (0xD8..=0xDB, Some(next)) = (b, bytes.get(at + 1)) {
        // U+0600..U+06FF: two bytes, 110xxxxx 10xxxxxx.
        let code = (u32::from(b & 0x1F) << 6) | u32::from(next & 0x3F);
        let class = match code {
            0x0660..=0x0669 | 0x06F0..=0x06F9 => Class::Digit,
            0x0610..=0x061A
            | 0x0620..=0x065F
            | 0x066E..=0x06D3
            | 0x06D5..=0x06EF
            | 0x06FA..=0x06FF => Class::Letter,
            _ => Class::Other,
        };
        return (class, 2);
    }
    if b < 0x80 {
        let class = match b {
            b'0'..=b'9' => Class::Digit,
            b'a'..=b'z' | b'A'..=b'Z' => Class::Letter,
            b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C => Class::Space,
            _ => Class::Other,
        };
        return (class, 1);
    }
    let c = text[at..].chars().next().unwrap_or(' ');
    let class = if digit(c).is_some() {
        Class::Digit
    } else if is_word_char(c) {
        Class::Letter
    } else if c.is_whitespace() {
        Class::Space
    } else {
        Class::Other
    };
    (class, c.len_utf8())
}

pub(crate) fn tokens(text: &str) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::with_capacity(text.len() / 6 + 1);
    let mut spaced = true;
    let mut at = 0;
    while at < text.len() {
        let (class, width) = class_at(text, at);
        let start = at;
        at += width;
        let kind = match class {
            Class::Space => {
                spaced = true;
                continue;
            }
            Class::Digit => Kind::Number,
            Class::Letter => Kind::Word,
            Class::Other => Kind::Punct,
        };
        if kind != Kind::Punct {
            while at < text.len() {
                let (next, width) = class_at(text, at);
                if next != class {
                    break;
                }
                at += width;
            }
        }
        out.push(Token {
            kind,
            start,
            end: at,
            spaced,
        });
        spaced = false;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(source: &str) -> Vec<(&str, Kind, bool)> {
        tokens(source)
            .iter()
            .map(|t| (t.text(source), t.kind, t.spaced))
            .collect()
    }

    #[test]
    fn glued_conjunction_and_symbols() {
        assert_eq!(
            texts("و25/49 المؤرخ"),
            vec![
                ("و", Kind::Word, true),
                ("25", Kind::Number, false),
                ("/", Kind::Punct, false),
                ("49", Kind::Number, false),
                ("المؤرخ", Kind::Word, true),
            ]
        );
    }

    #[test]
    fn diacritics_stay_inside_words_and_arabic_digits_are_numbers() {
        assert_eq!(
            texts("يُشدّد ٢٠٢٤"),
            vec![("يُشدّد", Kind::Word, true), ("٢٠٢٤", Kind::Number, true)]
        );
        assert_eq!(number_value("٢٠٢٤"), Some(2024));
        assert_eq!(number_value("12345678901"), None);
    }
}
