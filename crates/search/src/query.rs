//! The query syntax: what users type into the search box.
//!
//! - words are all required (implicit AND): `التعاون الدولي`, `technical cooperation` (a first
//!   page that they do not fill goes on with the documents that lack one of them, marked
//!   partial: see [`crate::compile::compile_relaxed`]);
//! - `"…"` is a phrase (also `“…”` and `«…»`); an unbalanced quote is closed at the end of
//!   the query;
//! - a word ending in `*` is a prefix (`تعاو*`, `coop*`); prefixes shorter than
//!   [`MIN_PREFIX_CHARS`] letters are searched as words, since they would expand to most of
//!   the dictionary;
//! - `-` before a word or phrase excludes it (`-"unilateral coercive"`); a hyphen inside a
//!   word is just a separator (`well-being`).
//!
//! Nothing else is syntax: `AND`, `OR`, `:` and brackets are words or separators. Parsing
//! never fails except on size ([`crate::request::MAX_QUERY_TERMS`]).

use crate::error::SearchError;
use crate::request::MAX_QUERY_TERMS;

/// Prefixes need this many letters (one for Chinese characters, which are words themselves).
pub const MIN_PREFIX_CHARS: usize = 3;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClauseKind {
    Word,
    Phrase,
    Prefix,
}

/// One element of the query, before analysis.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Clause {
    pub kind: ClauseKind,
    /// Excluded (`-word`).
    pub negated: bool,
    /// The text as typed, without quotes, minus sign or star.
    pub text: String,
}

impl Clause {
    /// A phrase to find as it is (not typed by the user: no syntax is read in it).
    pub fn phrase(text: &str) -> Clause {
        Clause {
            kind: ClauseKind::Phrase,
            negated: false,
            text: text.to_owned(),
        }
    }
}

fn is_open_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '«' | '„')
}

fn is_close_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '»')
}

/// Splits a query into clauses. Empty clauses (`""`, a lone `-` or `*`) are dropped.
pub fn parse(query: &str) -> Result<Vec<Clause>, SearchError> {
    let mut clauses = Vec::new();
    let mut chars = query.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
            continue;
        }
        let mut negated = false;
        if c == '-' || c == '\u{2212}' {
            chars.next();
            match chars.peek() {
                Some(&next) if !next.is_whitespace() && next != '-' => negated = true,
                _ => continue,
            }
        }
        let Some(&c) = chars.peek() else { break };
        let clause = if is_open_quote(c) {
            chars.next();
            let mut text = String::new();
            for c in chars.by_ref() {
                if is_close_quote(c) {
                    break;
                }
                text.push(c);
            }
            Clause {
                kind: ClauseKind::Phrase,
                negated,
                text,
            }
        } else {
            let mut text = String::new();
            while let Some(&c) = chars.peek() {
                if c.is_whitespace() || is_open_quote(c) {
                    break;
                }
                text.push(c);
                chars.next();
            }
            let stem = text.trim_end_matches('*');
            if stem.len() < text.len() {
                Clause {
                    kind: ClauseKind::Prefix,
                    negated,
                    text: stem.to_string(),
                }
            } else {
                Clause {
                    kind: ClauseKind::Word,
                    negated,
                    text,
                }
            }
        };
        if clause.text.chars().any(char::is_alphanumeric) {
            clauses.push(clause);
            if clauses.len() > MAX_QUERY_TERMS {
                return Err(SearchError::TooManyTerms {
                    parameter: "q",
                    count: count_clauses(query),
                    max: MAX_QUERY_TERMS,
                });
            }
        }
    }
    Ok(clauses)
}

/// Counts the whitespace-separated parts of a query, for the error message.
fn count_clauses(query: &str) -> usize {
    query.split_whitespace().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clause(kind: ClauseKind, negated: bool, text: &str) -> Clause {
        Clause {
            kind,
            negated,
            text: text.to_string(),
        }
    }

    #[test]
    fn words_phrases_prefixes_exclusions() {
        assert_eq!(
            parse(r#"التعاون "حقوق الإنسان" تعاو* -الديون -"coercive measures""#).unwrap(),
            vec![
                clause(ClauseKind::Word, false, "التعاون"),
                clause(ClauseKind::Phrase, false, "حقوق الإنسان"),
                clause(ClauseKind::Prefix, false, "تعاو"),
                clause(ClauseKind::Word, true, "الديون"),
                clause(ClauseKind::Phrase, true, "coercive measures"),
            ]
        );
    }

    #[test]
    fn unbalanced_quote_closes_at_the_end() {
        assert_eq!(
            parse(r#"rights "technical cooperation"#).unwrap(),
            vec![
                clause(ClauseKind::Word, false, "rights"),
                clause(ClauseKind::Phrase, false, "technical cooperation"),
            ]
        );
        assert_eq!(parse(r#"""#).unwrap(), vec![]);
    }

    #[test]
    fn stray_symbols_are_not_clauses() {
        assert_eq!(parse(" - * -- \"\" ").unwrap(), vec![]);
        assert_eq!(
            parse("well-being").unwrap(),
            vec![clause(ClauseKind::Word, false, "well-being")]
        );
        assert_eq!(
            parse("«droits de l'homme»").unwrap(),
            vec![clause(ClauseKind::Phrase, false, "droits de l'homme")]
        );
    }

    #[test]
    fn too_many_terms_names_q() {
        let query = "word ".repeat(65);
        let error = parse(&query).unwrap_err();
        assert_eq!(error.parameter(), Some("q"));
        assert!(parse(&"word ".repeat(64)).is_ok());
    }
}
