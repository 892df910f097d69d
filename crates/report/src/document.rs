//! What a report holds, independent of how it is written out.

pub use taawun_charts::BarSpec;

/// The language a report is written in: its code and its direction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Language {
    /// An ISO 639-1 code (`ar`, `en`, …).
    pub code: &'static str,
    pub rtl: bool,
}

impl Language {
    pub const ARABIC: Language = Language {
        code: "ar",
        rtl: true,
    };
    pub const ENGLISH: Language = Language {
        code: "en",
        rtl: false,
    };
}

/// The heading of a UN document, in the report's language: who issues it and under which
/// symbol, its distribution and date, and the session and agenda item it is for. Every line is
/// given as the reader will see it; an absent one is left out.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Masthead {
    /// "United Nations" / "الأمم المتحدة", or the State that issues the document.
    pub issuer: String,
    /// The document symbol ("A/HRC/63/12"), when it has one.
    pub symbol: Option<String>,
    /// "Distr.: General" / "التوزيع: عام".
    pub distribution: Option<String>,
    /// The date, written out.
    pub date: String,
    /// The organ ("Human Rights Council"), the session ("Sixty-third session"), the agenda item:
    /// one line each.
    pub lines: Vec<String>,
}

/// One block of a report's body.
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    /// A heading: level 1 for a chapter, 2 for a section.
    Heading { level: u8, text: String },
    /// A paragraph. `lang` names the language of a text not in the report's own (an English
    /// recommendation quoted in an Arabic report), so that it is laid out in its direction.
    Paragraph {
        text: String,
        lang: Option<Language>,
    },
    /// A bulleted list.
    List(Vec<String>),
    /// A table with a header row; each row holds one text per column.
    Table {
        caption: Option<String>,
        columns: Vec<Column>,
        rows: Vec<Vec<String>>,
    },
    /// A chart of stacked horizontal bars, with its figures in the table that the caller puts
    /// beside it.
    Bars(BarSpec),
}

/// A column of a table: its heading and what its cells hold.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Column {
    pub header: String,
    pub cells: Cells,
}

impl Column {
    pub fn text(header: impl Into<String>) -> Column {
        Column {
            header: header.into(),
            cells: Cells::Text,
        }
    }

    pub fn number(header: impl Into<String>) -> Column {
        Column {
            header: header.into(),
            cells: Cells::Number,
        }
    }

    pub fn foreign(header: impl Into<String>, language: Language) -> Column {
        Column {
            header: header.into(),
            cells: Cells::Foreign(language),
        }
    }
}

/// What a column's cells hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cells {
    /// Text in the report's language.
    Text,
    /// Figures: aligned to the end of the line, written left to right.
    Number,
    /// Text in another language (English recommendations in an Arabic report), laid out in
    /// that language's direction.
    Foreign(Language),
}

/// A whole report.
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    pub language: Language,
    pub masthead: Masthead,
    pub title: String,
    pub subtitle: Option<String>,
    pub blocks: Vec<Block>,
    /// A note at the end: how the report was generated and from what.
    pub colophon: Option<String>,
}
