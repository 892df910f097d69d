//! Splitting text into words, keeping each word's byte offsets in the original text so that
//! snippets can put `<mark>` exactly around whole words.

use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};
use unicode_normalization::char::is_combining_mark;

/// Words longer than this (in bytes) are skipped: no one searches for them, and tantivy drops
/// terms longer than 65,530 bytes anyway. 120 bytes is 60 Arabic or Cyrillic letters.
pub const MAX_WORD_BYTES: usize = 120;

/// Whether `c` belongs inside a word. Letters and digits, but also combining marks: Arabic
/// harakat and shadda are marks, and a word with them must stay one token (the normaliser
/// removes them afterwards); tatweel is a modifier letter and joins too. Zero-width
/// (non-)joiners occur inside Persian-influenced spellings.
pub fn is_word_char(c: char) -> bool {
    match c {
        // The common cases first, without Unicode table look-ups: ASCII, and the Arabic
        // letters, harakat, tatweel and digits.
        _ if c.is_ascii() => c.is_ascii_alphanumeric(),
        '\u{0621}'..='\u{065F}' | '\u{0660}'..='\u{0669}' | '\u{0670}'..='\u{06D3}' => true,
        // Cyrillic (but the thousands sign ҂) and the common Chinese characters.
        '\u{0400}'..='\u{0481}' | '\u{0483}'..='\u{04FF}' | '\u{4E00}'..='\u{9FFF}' => true,
        _ => c.is_alphanumeric() || is_combining_mark(c) || matches!(c, '\u{200C}' | '\u{200D}'),
    }
}

/// Unicode word tokenizer: a word is a maximal run of [`is_word_char`]. Apostrophes, hyphens,
/// slashes and every other symbol separate words ("l'homme" → "l", "homme"; "A/HRC/56" →
/// "a", "hrc", "56" after lower-casing), which is what both the index and the query see.
#[derive(Clone, Default)]
pub struct WordTokenizer {
    token: Token,
}

pub struct WordTokenStream<'a> {
    text: &'a str,
    cursor: usize,
    token: &'a mut Token,
}

impl Tokenizer for WordTokenizer {
    type TokenStream<'a> = WordTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> WordTokenStream<'a> {
        self.token.reset();
        WordTokenStream {
            text,
            cursor: 0,
            token: &mut self.token,
        }
    }
}

impl TokenStream for WordTokenStream<'_> {
    fn advance(&mut self) -> bool {
        loop {
            let rest = &self.text[self.cursor..];
            let Some(start) = rest
                .char_indices()
                .find(|(_, c)| is_word_char(*c))
                .map(|(i, _)| i)
            else {
                self.cursor = self.text.len();
                return false;
            };
            let from = self.cursor + start;
            let length = self.text[from..]
                .char_indices()
                .find(|(_, c)| !is_word_char(*c))
                .map_or(self.text.len() - from, |(i, _)| i);
            let to = from + length;
            self.cursor = to;
            if length > MAX_WORD_BYTES {
                continue;
            }
            self.token.text.clear();
            self.token.text.push_str(&self.text[from..to]);
            self.token.offset_from = from;
            self.token.offset_to = to;
            self.token.position = self.token.position.wrapping_add(1);
            self.token.position_length = 1;
            return true;
        }
    }

    fn token(&self) -> &Token {
        self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}

/// Drops tokens with no letter or digit: jieba returns punctuation and spaces as tokens.
#[derive(Clone, Default)]
pub struct WordsOnly;

impl TokenFilter for WordsOnly {
    type Tokenizer<T: Tokenizer> = WordsOnlyFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> WordsOnlyFilter<T> {
        WordsOnlyFilter { inner: tokenizer }
    }
}

#[derive(Clone)]
pub struct WordsOnlyFilter<T> {
    inner: T,
}

impl<T: Tokenizer> Tokenizer for WordsOnlyFilter<T> {
    type TokenStream<'a> = WordsOnlyStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        WordsOnlyStream {
            tail: self.inner.token_stream(text),
        }
    }
}

pub struct WordsOnlyStream<S> {
    tail: S,
}

impl<S: TokenStream> TokenStream for WordsOnlyStream<S> {
    fn advance(&mut self) -> bool {
        while self.tail.advance() {
            let text = &self.tail.token().text;
            if text.len() <= MAX_WORD_BYTES
                && text
                    .chars()
                    .any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c) || c.is_alphanumeric())
            {
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
    use tantivy::tokenizer::TextAnalyzer;

    fn tokens(text: &str) -> Vec<(String, usize, usize, usize)> {
        let mut analyzer = TextAnalyzer::from(WordTokenizer::default());
        let mut stream = analyzer.token_stream(text);
        let mut out = Vec::new();
        while let Some(token) = stream.next() {
            out.push((
                token.text.clone(),
                token.position,
                token.offset_from,
                token.offset_to,
            ));
        }
        out
    }

    #[test]
    fn harakat_and_tatweel_stay_inside_the_word() {
        let words = tokens("حُقُوق الإنسـان، l'homme");
        let texts: Vec<&str> = words.iter().map(|w| w.0.as_str()).collect();
        assert_eq!(texts, ["حُقُوق", "الإنسـان", "l", "homme"]);
        assert_eq!(words[1].1, 1);
        let text = "حُقُوق الإنسـان، l'homme";
        assert_eq!(&text[words[1].2..words[1].3], "الإنسـان");
    }

    #[test]
    fn nothing_but_separators_gives_nothing() {
        assert!(tokens(" ،.\u{200F}-- ").is_empty());
        assert!(tokens("").is_empty());
    }
}
