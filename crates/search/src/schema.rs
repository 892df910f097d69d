//! The index's fields. One tantivy document is one searchable unit of a record (a paragraph,
//! a title, a recommendation); all the units of a record share its `record_key`, which is how
//! a record's documents are replaced at once.

use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions,
};

use crate::analysis::{FieldKind, has_exact_field, tokenizer_name};
use crate::language::Language;

/// Field names, shared by the schema and the fast-field readers of the facet collector.
pub mod names {
    pub const RECORD_KEY: &str = "record_key";
    pub const RECORD_TYPE: &str = "record_type";
    pub const KIND: &str = "kind";
    pub const ANCHOR: &str = "anchor";
    pub const SYMBOL: &str = "symbol";
    pub const TITLE: &str = "title";
    pub const BODY: &str = "body";
    pub const SESSION: &str = "session";
    pub const DATE: &str = "date";
    pub const YEAR: &str = "year";
    pub const LANGUAGE: &str = "language";
    pub const STATES: &str = "states";
    pub const TEXT: &str = "text";
    pub const REVIEWED: &str = "reviewed";
    pub const RECOMMENDING: &str = "recommending";
    pub const CYCLE: &str = "cycle";
    pub const RESPONSE: &str = "response";
    pub const THEMES: &str = "themes";
    pub const SDGS: &str = "sdgs";
    pub const MODALITY: &str = "modality";
    pub const REGION: &str = "region";
    pub const RIGHTS: &str = "rights";
    pub const LABEL_LANGUAGE: &str = "label_language";
    pub const LABEL_TEXT: &str = "label_text";
}

/// The fields of one language: its stemmed field, and its exact field where it has one.
#[derive(Clone, Copy, Debug)]
pub struct LanguageFields {
    pub stemmed: Field,
    pub exact: Option<Field>,
}

/// Handles to every field of the schema.
#[derive(Clone, Debug)]
pub struct Fields {
    pub record_key: Field,
    pub record_type: Field,
    pub kind: Field,
    pub anchor: Field,
    pub symbol: Field,
    pub title: Field,
    pub body: Field,
    pub session: Field,
    /// Days since 1970-01-01 (i64), so that date ranges are integer ranges on a fast field.
    pub date: Field,
    pub year: Field,
    pub language: Field,
    pub states: Field,
    /// The text as written, stored for snippets; searched through the language fields.
    pub text: Field,
    /// The review's facets (see [`crate::ReviewFields`]).
    pub reviewed: Field,
    pub recommending: Field,
    pub cycle: Field,
    pub response: Field,
    pub themes: Field,
    pub sdgs: Field,
    /// The compendium's facets (see [`crate::PracticeFields`]).
    pub modality: Field,
    pub region: Field,
    pub rights: Field,
    /// The labels' languages and texts, stored side by side (the n-th language is the n-th
    /// text's), for snippets; searched through the language fields.
    pub label_language: Field,
    pub label_text: Field,
    languages: [LanguageFields; 6],
}

impl Fields {
    pub fn language(&self, language: Language) -> LanguageFields {
        self.languages[Language::ALL
            .iter()
            .position(|l| *l == language)
            .unwrap_or(0)]
    }
}

fn text_options(language: Language, kind: FieldKind) -> TextOptions {
    // Positions only in the stemmed field, where phrase queries run. The exact field only
    // adds a boost (for a phrase, when all its words occur in their exact form); recording
    // positions there too would cost a tenth of the indexing time for little.
    let record = match kind {
        FieldKind::Stemmed => IndexRecordOption::WithFreqsAndPositions,
        FieldKind::Exact | FieldKind::Words => IndexRecordOption::WithFreqs,
    };
    TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(&tokenizer_name(language, kind))
            .set_index_option(record),
    )
}

/// Builds the schema. The facet fields are `FAST` (column-stored) because the facet collector
/// counts them for every matching document; the filters are `STRING`/`INDEXED` so that they
/// intersect with the text query through the inverted index.
pub fn build() -> (Schema, Fields) {
    use names::*;
    let mut builder = Schema::builder();
    let record_key = builder.add_text_field(RECORD_KEY, STRING | STORED);
    let record_type = builder.add_text_field(RECORD_TYPE, STRING | FAST | STORED);
    let kind = builder.add_text_field(KIND, STRING | FAST | STORED);
    let anchor = builder.add_text_field(ANCHOR, STORED);
    let symbol = builder.add_text_field(SYMBOL, STRING | STORED);
    let title = builder.add_text_field(TITLE, STORED);
    let body = builder.add_text_field(BODY, STRING | FAST | STORED);
    let session = builder.add_u64_field(SESSION, INDEXED | FAST | STORED);
    let date = builder.add_i64_field(DATE, INDEXED | FAST | STORED);
    let year = builder.add_u64_field(YEAR, INDEXED | FAST);
    let language = builder.add_text_field(LANGUAGE, STRING | FAST | STORED);
    let states = builder.add_text_field(STATES, STRING | FAST | STORED);
    let text = builder.add_text_field(TEXT, STORED);
    let reviewed = builder.add_text_field(REVIEWED, STRING | FAST | STORED);
    let recommending = builder.add_text_field(RECOMMENDING, STRING | FAST);
    let cycle = builder.add_u64_field(CYCLE, INDEXED | FAST);
    let response = builder.add_text_field(RESPONSE, STRING | FAST);
    let themes = builder.add_text_field(THEMES, STRING | FAST);
    let sdgs = builder.add_text_field(SDGS, STRING | FAST);
    let modality = builder.add_text_field(MODALITY, STRING | FAST);
    let region = builder.add_text_field(REGION, STRING | FAST);
    let rights = builder.add_text_field(RIGHTS, STRING | FAST);
    let label_language = builder.add_text_field(LABEL_LANGUAGE, STORED);
    let label_text = builder.add_text_field(LABEL_TEXT, STORED);
    let languages = Language::ALL.map(|language| LanguageFields {
        stemmed: builder.add_text_field(
            &format!("text_{}", language.code()),
            text_options(language, FieldKind::Stemmed),
        ),
        exact: has_exact_field(language).then(|| {
            builder.add_text_field(
                &format!("exact_{}", language.code()),
                text_options(language, FieldKind::Exact),
            )
        }),
    });
    let fields = Fields {
        record_key,
        record_type,
        kind,
        anchor,
        symbol,
        title,
        body,
        session,
        date,
        year,
        language,
        states,
        text,
        reviewed,
        recommending,
        cycle,
        response,
        themes,
        sdgs,
        modality,
        region,
        rights,
        label_language,
        label_text,
        languages,
    };
    (builder.build(), fields)
}
