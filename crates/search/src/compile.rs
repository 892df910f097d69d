//! From parsed clauses to a tantivy query, per language.
//!
//! For each language the query may be in, every clause is analysed with that language's query
//! analysers and becomes "stemmed field, plus exact field (boosted) if present"; the clauses of
//! a language are all required, and the languages are alternatives. Building per language (rather than
//! per clause) matters: a word that is a stop word in French but not in English ("de") must
//! not make French documents unreachable.

use std::collections::{HashMap, HashSet};

use tantivy::Term;
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, Occur, PhraseQuery, Query, RegexQuery, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption};

use crate::analysis::{AnalyzedToken, AnalyzerChoice, FieldKind, Stage, analyze, analyzer};
use crate::language::{Language, candidate_languages};
use crate::query::{Clause, ClauseKind, MIN_PREFIX_CHARS};
use crate::schema::Fields;

/// How much more an exact (only normalised) match weighs than a stemmed one, in Arabic: the
/// Arabic exact field holds only the forms that are not their own stem (the article, the
/// attached prepositions and conjunctions, the inflections the light stemmer and the plural
/// table fold), and the form typed says which of them is meant. Measured with the relevance
/// command and the benchmark's judged topics: see the crate's README.
pub const EXACT_BOOST: f32 = 1.5;

/// The same in English, French, Spanish and Russian, lower: there the exact form differs from
/// the others mostly in number and gender ("violence sexuelle" / "violences sexuelles", "chlore"
/// / "gaz chloré"), which says little about what a paragraph is about. With 1.5 the typed
/// number ranked paragraphs that name a subject in passing above those about it.
pub const EXACT_BOOST_SNOWBALL: f32 = 0.5;

/// Words typed apart (not as a `"phrase"`) are all required anywhere in the document; when
/// they also stand together as typed — the stop words between them counted, one position of
/// difference allowed (a word more between them, or two words swapped) — the document gains
/// the score of that phrase as well, times [`NEAR_BOOST`]. "climate change" then ranks the
/// paragraphs about climate change above those that speak of the climate in one sentence and
/// of change in another. A wider slop let "violence, de santé sexuelle" count as "violence
/// sexuelle". Measured with the benchmark's judged topics: see the crate's README.
pub const NEAR_SLOP: u32 = 1;
/// See [`NEAR_SLOP`].
pub const NEAR_BOOST: f32 = 1.0;

/// Proclitics an Arabic prefix query lets through before the typed letters, so that `تعاو*`
/// finds التعاون, والتعاون and بالتعاون as well as تعاون: the same clitics the stemmer strips.
const ARABIC_CLITICS_REGEX: &str = "(?:[وف])?(?:ال|بال|كال|لل|[بلك])?";

/// What to highlight in a hit of one language.
#[derive(Clone, Debug, Default)]
pub struct LanguageTerms {
    pub stemmed: HashSet<String>,
    pub exact: HashSet<String>,
    pub prefixes: Vec<String>,
}

impl LanguageTerms {
    /// Whether an exact-analysed word begins with one of the prefixes (after Arabic clitics).
    pub fn matches_prefix(&self, language: Language, exact_word: &str) -> bool {
        self.prefixes.iter().any(|prefix| {
            if exact_word.starts_with(prefix.as_str()) {
                return true;
            }
            if language != Language::Ar {
                return false;
            }
            let after_conjunction = [
                exact_word,
                exact_word.strip_prefix(['و', 'ف']).unwrap_or(""),
            ];
            after_conjunction.iter().any(|word| {
                ["ال", "بال", "كال", "لل", "ب", "ل", "ك"]
                    .iter()
                    .filter_map(|clitic| word.strip_prefix(clitic))
                    .any(|rest| rest.starts_with(prefix.as_str()))
                    || word.starts_with(prefix.as_str())
            })
        })
    }
}

/// The terms of the query per language, for the snippets.
#[derive(Clone, Debug, Default)]
pub struct Highlight {
    pub by_language: HashMap<Language, LanguageTerms>,
}

impl Highlight {
    /// Adds another query's terms (an alternative searched beside the query).
    pub fn merge(&mut self, other: Highlight) {
        for (language, terms) in other.by_language {
            let mine = self.by_language.entry(language).or_default();
            mine.stemmed.extend(terms.stemmed);
            mine.exact.extend(terms.exact);
            mine.prefixes.extend(terms.prefixes);
        }
    }
}

/// The text part of a search, before filters.
pub enum TextQuery {
    /// No words to look for: the filters alone decide (browse mode), minus any exclusions.
    Browse(Option<Box<dyn Query>>),
    Search(Box<dyn Query>),
    /// Every word is a stop word in one of the languages searched.
    OnlyStopWords,
    /// The query has letters but no analyser made a term of them.
    NothingSearchable,
}

struct Compiler<'a> {
    fields: &'a Fields,
    choice: AnalyzerChoice,
    highlight: Highlight,
    only_stop_words: bool,
    /// Building the relaxed query ([`compile_relaxed`]): words become optional parts.
    relaxed: bool,
}

/// Outcome of one clause in one language.
enum Compiled {
    Query(Box<dyn Query>),
    /// The parts of a word clause, each optional (the relaxed query only).
    Words(Vec<Box<dyn Query>>),
    StopWord,
    Nothing,
}

fn term_query(field: Field, text: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        Term::from_field_text(field, text),
        IndexRecordOption::WithFreqs,
    ))
}

fn phrase_or_term(field: Field, tokens: &[AnalyzedToken]) -> Option<Box<dyn Query>> {
    match tokens {
        [] => None,
        [single] => Some(term_query(field, &single.text)),
        [first, ..] => {
            let terms = tokens
                .iter()
                .map(|token| {
                    (
                        token.position.saturating_sub(first.position),
                        Term::from_field_text(field, &token.text),
                    )
                })
                .collect();
            Some(Box::new(PhraseQuery::new_with_offset(terms)))
        }
    }
}

/// The stemmed form is required; the exact form only adds to the score. A document with the
/// exact form always has the stemmed one (both fields come from the same words), so this
/// matches what "stemmed OR exact" would, and tantivy runs it as a required scorer with an
/// optional one instead of a union of the two postings.
fn either(
    language: Language,
    stemmed: Box<dyn Query>,
    exact: Option<Box<dyn Query>>,
) -> Box<dyn Query> {
    match exact {
        None => stemmed,
        Some(exact) => Box::new(BooleanQuery::new(vec![
            (Occur::Must, stemmed),
            (
                Occur::Should,
                Box::new(BoostQuery::new(exact, exact_boost(language))) as Box<dyn Query>,
            ),
        ])),
    }
}

/// The boost of the exact field in `language` (Chinese has none).
fn exact_boost(language: Language) -> f32 {
    if language == Language::Ar {
        EXACT_BOOST
    } else {
        EXACT_BOOST_SNOWBALL
    }
}

fn all_of(mut queries: Vec<Box<dyn Query>>) -> Box<dyn Query> {
    if queries.len() == 1 {
        return queries.remove(0);
    }
    Box::new(BooleanQuery::new(
        queries.into_iter().map(|q| (Occur::Must, q)).collect(),
    ))
}

fn escape_regex(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if !c.is_alphanumeric() {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}')
}

impl Compiler<'_> {
    fn tokens(&self, language: Language, kind: FieldKind, text: &str) -> Vec<AnalyzedToken> {
        let mut analyzer = analyzer(self.choice, language, kind, Stage::Query);
        analyze(&mut analyzer, text)
    }

    fn terms(&mut self, language: Language) -> &mut LanguageTerms {
        self.highlight.by_language.entry(language).or_default()
    }

    fn clause(&mut self, language: Language, clause: &Clause, record: bool) -> Compiled {
        let fields = self.fields.language(language);
        let stemmed = self.tokens(language, FieldKind::Stemmed, &clause.text);
        let exact = match fields.exact {
            Some(_) => self.tokens(language, FieldKind::Exact, &clause.text),
            None => stemmed.clone(),
        };
        if clause.kind == ClauseKind::Prefix {
            let words = self.tokens(language, FieldKind::Words, &clause.text);
            if let Some(last) = words.last() {
                let long_enough = last.text.chars().count() >= MIN_PREFIX_CHARS
                    || last.text.chars().next().is_some_and(is_han);
                if long_enough {
                    return self.prefix(language, &stemmed, &exact, &words, record);
                }
            }
        }
        if stemmed.is_empty() {
            let words = self.tokens(language, FieldKind::Words, &clause.text);
            return if words.is_empty() {
                Compiled::Nothing
            } else {
                Compiled::StopWord
            };
        }
        if record {
            let terms = self.terms(language);
            terms.stemmed.extend(stemmed.iter().map(|t| t.text.clone()));
            terms.exact.extend(exact.iter().map(|t| t.text.clone()));
        }
        let query = match clause.kind {
            ClauseKind::Phrase => {
                let Some(stemmed_query) = phrase_or_term(fields.stemmed, &stemmed) else {
                    return Compiled::Nothing;
                };
                // The exact field has no positions: its boost asks for every word of the
                // phrase (but its stop words) in its exact form, anywhere in the paragraph.
                let exact_query = fields.exact.and_then(|field| {
                    let words: Vec<Box<dyn Query>> = exact
                        .iter()
                        .filter(|e| stemmed.iter().any(|s| s.position == e.position))
                        .map(|e| term_query(field, &e.text))
                        .collect();
                    (!words.is_empty()).then(|| all_of(words))
                });
                either(language, stemmed_query, exact_query)
            }
            ClauseKind::Word | ClauseKind::Prefix => {
                // A typed word that analyses into several (well-being, A/HRC/56, a Chinese
                // run): each part is required.
                let parts: Vec<Box<dyn Query>> = stemmed
                    .iter()
                    .map(|token| {
                        let exact_query = fields.exact.and_then(|field| {
                            exact
                                .iter()
                                .find(|e| e.position == token.position)
                                .map(|e| term_query(field, &e.text))
                        });
                        either(
                            language,
                            term_query(fields.stemmed, &token.text),
                            exact_query,
                        )
                    })
                    .collect();
                if self.relaxed && clause.kind == ClauseKind::Word && !clause.negated {
                    return Compiled::Words(parts);
                }
                all_of(parts)
            }
        };
        Compiled::Query(query)
    }

    /// `coop*`: the earlier parts of the word as words, the last as a prefix — of the exact
    /// forms (after Arabic clitics) or of the stems, so that neither stemming nor the exact
    /// field's omissions can make a word that begins with it unreachable.
    fn prefix(
        &mut self,
        language: Language,
        stemmed: &[AnalyzedToken],
        exact: &[AnalyzedToken],
        words: &[AnalyzedToken],
        record: bool,
    ) -> Compiled {
        let fields = self.fields.language(language);
        let Some((last, earlier)) = words.split_last() else {
            return Compiled::Nothing;
        };
        let prefix = escape_regex(&last.text);
        let mut alternatives: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        if let Ok(regex) = RegexQuery::from_pattern(&format!("{prefix}.*"), fields.stemmed) {
            alternatives.push((Occur::Should, Box::new(regex)));
        }
        if let Some(field) = fields.exact {
            let clitics = if language == Language::Ar {
                ARABIC_CLITICS_REGEX
            } else {
                ""
            };
            if let Ok(regex) = RegexQuery::from_pattern(&format!("{clitics}{prefix}.*"), field) {
                alternatives.push((Occur::Should, Box::new(regex)));
            }
        }
        if alternatives.is_empty() {
            return Compiled::Nothing;
        }
        let mut parts: Vec<Box<dyn Query>> = vec![Box::new(BooleanQuery::new(alternatives))];
        for token in earlier {
            if let Some(stem) = stemmed.iter().find(|s| s.position == token.position) {
                let exact_query = fields.exact.and_then(|field| {
                    exact
                        .iter()
                        .find(|e| e.position == token.position)
                        .map(|e| term_query(field, &e.text))
                });
                parts.push(either(
                    language,
                    term_query(fields.stemmed, &stem.text),
                    exact_query,
                ));
            }
        }
        if record {
            let terms = self.terms(language);
            terms.prefixes.push(last.text.clone());
            terms.stemmed.extend(stemmed.iter().map(|t| t.text.clone()));
            terms.exact.extend(earlier.iter().map(|t| t.text.clone()));
        }
        Compiled::Query(all_of(parts))
    }

    /// The bonus for the typed words standing near one another (see [`NEAR_SLOP`]): a sloppy
    /// phrase of the stemmed forms of every word clause, in the order typed.
    fn nearness(&self, language: Language, clauses: &[Clause]) -> Option<Box<dyn Query>> {
        let text = clauses
            .iter()
            .filter(|c| !c.negated && c.kind == ClauseKind::Word)
            .map(|c| c.text.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        let tokens = self.tokens(language, FieldKind::Stemmed, &text);
        let first = tokens.first()?.position;
        if tokens.len() < 2 {
            return None;
        }
        let field = self.fields.language(language).stemmed;
        let terms = tokens
            .iter()
            .map(|token| {
                (
                    token.position.saturating_sub(first),
                    Term::from_field_text(field, &token.text),
                )
            })
            .collect();
        let phrase = PhraseQuery::new_with_offset_and_slop(terms, NEAR_SLOP);
        Some(Box::new(BoostQuery::new(Box::new(phrase), NEAR_BOOST)))
    }

    fn language_query(&mut self, language: Language, clauses: &[Clause]) -> Option<Box<dyn Query>> {
        let mut subqueries: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        let (mut positives, mut stop_words, mut optional) = (0, 0, 0);
        for clause in clauses {
            match self.clause(language, clause, !clause.negated) {
                Compiled::Words(parts) => {
                    positives += 1;
                    optional += parts.len();
                    subqueries.extend(parts.into_iter().map(|part| (Occur::Should, part)));
                }
                Compiled::Query(query) => {
                    if clause.negated {
                        subqueries.push((Occur::MustNot, query));
                    } else {
                        positives += 1;
                        subqueries.push((Occur::Must, query));
                    }
                }
                Compiled::StopWord if !clause.negated => stop_words += 1,
                Compiled::StopWord | Compiled::Nothing => {}
            }
        }
        // "the of and" is nothing but stop words in English; that French would search it
        // literally does not make it a query.
        if positives == 0 && stop_words > 0 {
            self.only_stop_words = true;
        }
        if self.relaxed {
            // Relaxed: all but one of the words' parts (phrases and prefixes stay required);
            // nothing to relax with fewer than two.
            return (optional >= 2).then(|| {
                Box::new(BooleanQuery::with_minimum_required_clauses(
                    subqueries,
                    optional - 1,
                )) as Box<dyn Query>
            });
        }
        if positives > 0
            && let Some(near) = self.nearness(language, clauses)
        {
            subqueries.push((Occur::Should, near));
        }
        (positives > 0).then(|| Box::new(BooleanQuery::new(subqueries)) as Box<dyn Query>)
    }

    /// Exclusions alone (browse mode): every language's analysis of each excluded clause.
    fn exclusions(&mut self, languages: &[Language], clauses: &[Clause]) -> Option<Box<dyn Query>> {
        let mut subqueries: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, Box::new(AllQuery))];
        for language in languages {
            for clause in clauses.iter().filter(|c| c.negated) {
                if let Compiled::Query(query) = self.clause(*language, clause, false) {
                    subqueries.push((Occur::MustNot, query));
                }
            }
        }
        (subqueries.len() > 1).then(|| Box::new(BooleanQuery::new(subqueries)) as Box<dyn Query>)
    }
}

/// Builds the text query for `clauses`, searching `lang` or, without it, the languages whose
/// scripts occur in the query.
pub fn compile(
    clauses: &[Clause],
    lang: Option<Language>,
    fields: &Fields,
    choice: AnalyzerChoice,
) -> (TextQuery, Highlight) {
    let mut compiler = Compiler {
        fields,
        choice,
        highlight: Highlight::default(),
        only_stop_words: false,
        relaxed: false,
    };
    let languages = languages(clauses, lang);
    if clauses.iter().all(|c| c.negated) {
        let exclusions = compiler.exclusions(&languages, clauses);
        return (TextQuery::Browse(exclusions), compiler.highlight);
    }
    let mut per_language: Vec<Box<dyn Query>> = languages
        .iter()
        .filter_map(|language| compiler.language_query(*language, clauses))
        .collect();
    let query = match per_language.len() {
        _ if compiler.only_stop_words => TextQuery::OnlyStopWords,
        0 => TextQuery::NothingSearchable,
        1 => TextQuery::Search(per_language.remove(0)),
        _ => TextQuery::Search(Box::new(BooleanQuery::new(
            per_language
                .into_iter()
                .map(|q| (Occur::Should, q))
                .collect(),
        ))),
    };
    (query, compiler.highlight)
}

/// The languages searched: `lang`, or those whose scripts occur in the query.
fn languages(clauses: &[Clause], lang: Option<Language>) -> Vec<Language> {
    match lang {
        Some(language) => vec![language],
        None => {
            let text: String = clauses
                .iter()
                .map(|c| c.text.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            candidate_languages(&text)
        }
    }
}

/// The relaxed form of a query of several words: documents with all of the words but one
/// (phrases, prefixes and exclusions kept as they are), for the search to go on with when
/// fewer documents than a page have every word. `None` when there is nothing to relax (fewer
/// than two words in every language searched).
pub fn compile_relaxed(
    clauses: &[Clause],
    lang: Option<Language>,
    fields: &Fields,
    choice: AnalyzerChoice,
) -> Option<Box<dyn Query>> {
    let mut compiler = Compiler {
        fields,
        choice,
        highlight: Highlight::default(),
        only_stop_words: false,
        relaxed: true,
    };
    let mut per_language: Vec<Box<dyn Query>> = languages(clauses, lang)
        .iter()
        .filter_map(|language| compiler.language_query(*language, clauses))
        .collect();
    match per_language.len() {
        0 => None,
        1 => Some(per_language.remove(0)),
        _ => Some(Box::new(BooleanQuery::new(
            per_language
                .into_iter()
                .map(|q| (Occur::Should, q))
                .collect(),
        ))),
    }
}
