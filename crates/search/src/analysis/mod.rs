//! Language-aware analysis: how the text of each language becomes the terms of its two fields.
//!
//! Every text is indexed twice: in a **stemmed** field (normalised, stop words removed,
//! stemmed: finds الحقوق for حق and "cooperating" for "cooperation") and in an **exact** field
//! (only normalised: case, diacritics, Arabic letter variants), which queries also search, with
//! a boost, so that the very words typed rank first.
//!
//! | language | tokenizer | stemmed field | exact field |
//! |---|---|---|---|
//! | ar | words | normalise → Arabic stop words → light stemmer with broken plurals | normalise → stop words → only words that are not their own stem |
//! | en | words | normalise + fold diacritics → stop words → Snowball English | normalise + fold → stop words |
//! | fr, es | words | normalise → stop words → Snowball → fold diacritics | normalise + fold → stop words |
//! | ru | words | normalise (ё → е) → stop words → Snowball Russian | normalise → stop words |
//! | zh | jieba (search mode when indexing, default mode for queries) | normalise | — (same field) |
//!
//! French and Spanish are stemmed before their diacritics are folded because Snowball's rules
//! read the accents; folding afterwards makes "developpement" find "développement".
//!
//! Chinese is segmented by jieba (`tantivy-jieba` 0.21, built on the same
//! `tantivy-tokenizer-api` 0.7 as tantivy 0.27). Indexing uses jieba's search mode, which also
//! emits the shorter words inside a long one (人权理事会 → 人权, 理事会, …); queries use the
//! default mode. Token positions are character offsets, so phrase queries line up however a
//! sentence was segmented.
//!
//! [`AnalyzerChoice`] also provides the two baselines that the relevance command compares
//! against: `Plain` (words + lower case) and `Snowball` (words + lower case + tantivy's Snowball
//! stemmer, Arabic included).

pub mod arabic;
pub mod normalize;
pub mod tokenizer;

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

use serde::{Deserialize, Serialize};
use tantivy::tokenizer::{
    Language as SnowballLanguage, LowerCaser, SimpleTokenizer, Stemmer, StopWordFilter,
    TextAnalyzer, TokenizerManager,
};
use tantivy_jieba::JiebaTokenizer;

use crate::language::Language;
use arabic::{ArabicInflectedOnly, ArabicStemmer, ArabicStopWords};
use normalize::Normalize;
use tokenizer::{WordTokenizer, WordsOnly};

/// Which analysers the index uses. Only [`AnalyzerChoice::Taawun`] is meant for the platform;
/// the other two exist so that the relevance command can measure what ours adds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AnalyzerChoice {
    /// The analysers described in this module.
    #[default]
    Taawun,
    /// tantivy's simple tokenizer, lower case, and its Snowball stemmer where it has one
    /// (Arabic, English, French, Spanish, Russian; Chinese is only split on punctuation).
    Snowball,
    /// tantivy's simple tokenizer and lower case: no stemming, no stop words.
    Plain,
}

impl AnalyzerChoice {
    pub const ALL: [AnalyzerChoice; 3] = [
        AnalyzerChoice::Plain,
        AnalyzerChoice::Snowball,
        AnalyzerChoice::Taawun,
    ];

    pub fn name(self) -> &'static str {
        match self {
            AnalyzerChoice::Taawun => "taawun",
            AnalyzerChoice::Snowball => "snowball",
            AnalyzerChoice::Plain => "plain",
        }
    }
}

/// The fields of a language, and one analysis that is not a field.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FieldKind {
    /// Normalised, stop words removed, stemmed: what is searched.
    Stemmed,
    /// Normalised only, for the boost of the exact form typed. Stop words are left out, and
    /// so are Arabic words that are their own stem (a search for تعاون finds تعاون through
    /// the stemmed field already; the exact field is there for التعاون, وللإنسان…): both
    /// would double the indexing work for no ranking.
    Exact,
    /// Normalised words, nothing removed: not indexed; tells stop words from non-words in
    /// queries, and gives snippets their word boundaries.
    Words,
}

/// When the text is analysed: jieba segments differently for the index and for queries.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Stage {
    Index,
    Query,
}

/// The tokenizer name a field is declared with in the schema. The name is the same for every
/// [`AnalyzerChoice`]: the choice decides what is registered under it.
pub fn tokenizer_name(language: Language, kind: FieldKind) -> String {
    match kind {
        FieldKind::Stemmed => format!("taawun_{}", language.code()),
        FieldKind::Exact => format!("taawun_{}_exact", language.code()),
        FieldKind::Words => format!("taawun_{}_words", language.code()),
    }
}

/// Whether a language has a separate exact field. Chinese has none: jieba's words are not
/// stemmed, so its one field is already exact.
pub fn has_exact_field(language: Language) -> bool {
    language != Language::Zh
}

fn snowball(language: Language) -> Option<SnowballLanguage> {
    Some(match language {
        Language::Ar => SnowballLanguage::Arabic,
        Language::En => SnowballLanguage::English,
        Language::Fr => SnowballLanguage::French,
        Language::Es => SnowballLanguage::Spanish,
        Language::Ru => SnowballLanguage::Russian,
        Language::Zh => return None,
    })
}

/// The analyser of one field at one stage.
///
/// Built once per combination and cloned: building one makes its stop-word sets, which would
/// otherwise cost more than analysing a query (or a snippet) does.
pub fn analyzer(
    choice: AnalyzerChoice,
    language: Language,
    kind: FieldKind,
    stage: Stage,
) -> TextAnalyzer {
    type Key = (AnalyzerChoice, Language, FieldKind, Stage);
    static BUILT: OnceLock<Mutex<HashMap<Key, TextAnalyzer>>> = OnceLock::new();
    let built = BUILT.get_or_init(Default::default);
    let key = (choice, language, kind, stage);
    let mut built = built.lock().unwrap_or_else(|e| e.into_inner());
    built
        .entry(key)
        .or_insert_with(|| build_analyzer(choice, language, kind, stage))
        .clone()
}

fn build_analyzer(
    choice: AnalyzerChoice,
    language: Language,
    kind: FieldKind,
    stage: Stage,
) -> TextAnalyzer {
    match choice {
        AnalyzerChoice::Taawun => taawun_analyzer(language, kind, stage),
        AnalyzerChoice::Plain => TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .build(),
        AnalyzerChoice::Snowball => match (kind, snowball(language)) {
            (FieldKind::Stemmed, Some(snowball)) => {
                TextAnalyzer::builder(SimpleTokenizer::default())
                    .filter(LowerCaser)
                    .filter(Stemmer::new(snowball))
                    .build()
            }
            _ => TextAnalyzer::builder(SimpleTokenizer::default())
                .filter(LowerCaser)
                .build(),
        },
    }
}

fn stop_words(language: SnowballLanguage) -> StopWordFilter {
    // The stop-word feature of tantivy is on, and all four of these languages have a list.
    StopWordFilter::new(language).unwrap_or_else(|| StopWordFilter::remove(Vec::new()))
}

/// French elisions ("l'homme", "d'un", "qu'il") leave single letters and "qu" as words of
/// their own; tantivy's French list has some of them, not all.
fn french_elisions() -> StopWordFilter {
    StopWordFilter::remove(
        [
            "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu",
        ]
        .map(String::from),
    )
}

fn taawun_analyzer(language: Language, kind: FieldKind, stage: Stage) -> TextAnalyzer {
    let words = || TextAnalyzer::builder(WordTokenizer::default());
    match (language, kind) {
        (Language::Zh, _) => {
            let jieba = JiebaTokenizer::with_search_mode(stage == Stage::Index);
            TextAnalyzer::builder(jieba)
                .filter(WordsOnly)
                .filter(Normalize::new(true))
                .build()
        }
        (Language::Ar | Language::En | Language::Fr | Language::Es, FieldKind::Words) => {
            words().filter(Normalize::new(true)).build()
        }
        (Language::Ru, FieldKind::Words) => words().filter(Normalize::new(false)).build(),
        (Language::Ar, FieldKind::Exact) => words()
            .filter(Normalize::new(true))
            .filter(ArabicStopWords)
            .filter(ArabicInflectedOnly)
            .build(),
        (Language::Ar, FieldKind::Stemmed) => words()
            .filter(Normalize::new(true))
            .filter(ArabicStopWords)
            .filter(ArabicStemmer)
            .build(),
        (Language::En, FieldKind::Exact) => words()
            .filter(Normalize::new(true))
            .filter(stop_words(SnowballLanguage::English))
            .build(),
        (Language::En, FieldKind::Stemmed) => words()
            .filter(Normalize::new(true))
            .filter(stop_words(SnowballLanguage::English))
            .filter(Stemmer::new(SnowballLanguage::English))
            .build(),
        (Language::Fr, FieldKind::Exact) => words()
            .filter(Normalize::new(false))
            .filter(stop_words(SnowballLanguage::French))
            .filter(french_elisions())
            .filter(Normalize::new(true))
            .build(),
        (Language::Fr, FieldKind::Stemmed) => words()
            .filter(Normalize::new(false))
            .filter(stop_words(SnowballLanguage::French))
            .filter(french_elisions())
            .filter(Stemmer::new(SnowballLanguage::French))
            .filter(Normalize::new(true))
            .build(),
        (Language::Es, FieldKind::Exact) => words()
            .filter(Normalize::new(false))
            .filter(stop_words(SnowballLanguage::Spanish))
            .filter(Normalize::new(true))
            .build(),
        (Language::Es, FieldKind::Stemmed) => words()
            .filter(Normalize::new(false))
            .filter(stop_words(SnowballLanguage::Spanish))
            .filter(Stemmer::new(SnowballLanguage::Spanish))
            .filter(Normalize::new(true))
            .build(),
        (Language::Ru, FieldKind::Exact) => words()
            .filter(Normalize::new(false))
            .filter(stop_words(SnowballLanguage::Russian))
            .build(),
        (Language::Ru, FieldKind::Stemmed) => words()
            .filter(Normalize::new(false))
            .filter(stop_words(SnowballLanguage::Russian))
            .filter(Stemmer::new(SnowballLanguage::Russian))
            .build(),
    }
}

/// Registers the index-time analysers of `choice` under the schema's tokenizer names.
pub fn register(manager: &TokenizerManager, choice: AnalyzerChoice) {
    for language in Language::ALL {
        for kind in [FieldKind::Stemmed, FieldKind::Exact] {
            manager.register(
                &tokenizer_name(language, kind),
                analyzer(choice, language, kind, Stage::Index),
            );
        }
    }
}

/// A token as the query builder and the snippet maker need it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnalyzedToken {
    pub text: String,
    pub position: usize,
    pub offset_from: usize,
    pub offset_to: usize,
}

/// Runs an analyser over `text`.
pub fn analyze(analyzer: &mut TextAnalyzer, text: &str) -> Vec<AnalyzedToken> {
    let mut stream = analyzer.token_stream(text);
    let mut tokens = Vec::new();
    while let Some(token) = stream.next() {
        tokens.push(AnalyzedToken {
            text: token.text.clone(),
            position: token.position,
            offset_from: token.offset_from,
            offset_to: token.offset_to,
        });
    }
    tokens
}
