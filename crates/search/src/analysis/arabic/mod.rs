//! Arabic analysis: stop words, the light stemmer and its tables. Normalisation (harakat,
//! tatweel, alef and yeh forms, taa marbuta, Persian look-alikes) is shared with the other
//! languages in [`crate::analysis::normalize`].

mod lexicon;
mod plurals;
mod stem;
mod stopwords;

use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

pub use plurals::BROKEN_PLURALS;
pub use stem::stem;
pub use stopwords::{ARABIC_STOP_WORDS, ArabicStopWords, is_stop_word};

/// Token filter replacing each (normalised) word by its light stem ([`stem`]). tantivy's
/// Snowball Arabic stemmer gives الإنسان and إنسان different stems; this one does not.
#[derive(Clone, Default)]
pub struct ArabicStemmer;

impl TokenFilter for ArabicStemmer {
    type Tokenizer<T: Tokenizer> = ArabicStemmerFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> ArabicStemmerFilter<T> {
        ArabicStemmerFilter {
            inner: tokenizer,
            buffer: String::new(),
        }
    }
}

#[derive(Clone)]
pub struct ArabicStemmerFilter<T> {
    inner: T,
    buffer: String,
}

impl<T: Tokenizer> Tokenizer for ArabicStemmerFilter<T> {
    type TokenStream<'a> = ArabicStemmerStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        ArabicStemmerStream {
            tail: self.inner.token_stream(text),
            buffer: &mut self.buffer,
        }
    }
}

pub struct ArabicStemmerStream<'a, S> {
    tail: S,
    buffer: &'a mut String,
}

impl<S: TokenStream> TokenStream for ArabicStemmerStream<'_, S> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        let stemmed = stem(&token.text);
        if stemmed != token.text.as_str() {
            self.buffer.clear();
            self.buffer.push_str(stemmed);
            std::mem::swap(&mut token.text, self.buffer);
        }
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

/// Keeps only the words that are not their own stem (التعاون, not تعاون): the exact field
/// needs no copy of a word that the stemmed field already holds as it is written.
#[derive(Clone, Default)]
pub struct ArabicInflectedOnly;

impl TokenFilter for ArabicInflectedOnly {
    type Tokenizer<T: Tokenizer> = ArabicInflectedOnlyFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> ArabicInflectedOnlyFilter<T> {
        ArabicInflectedOnlyFilter { inner: tokenizer }
    }
}

#[derive(Clone)]
pub struct ArabicInflectedOnlyFilter<T> {
    inner: T,
}

impl<T: Tokenizer> Tokenizer for ArabicInflectedOnlyFilter<T> {
    type TokenStream<'a> = ArabicInflectedOnlyStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        ArabicInflectedOnlyStream {
            tail: self.inner.token_stream(text),
        }
    }
}

pub struct ArabicInflectedOnlyStream<S> {
    tail: S,
}

impl<S: TokenStream> TokenStream for ArabicInflectedOnlyStream<S> {
    fn advance(&mut self) -> bool {
        while self.tail.advance() {
            let text = &self.tail.token().text;
            if stem(text) != text.as_str() {
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
