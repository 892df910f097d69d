//! What a report holds, independent of how it is written out.
//!
//! A report serializes with serde (as JSON, to store each version the secretariat edits): its
//! blocks as tagged variants, a [`Language`] as its code (`"ar"`, `"en"`).

use serde::{Deserialize, Deserializer, Serialize, Serializer};

pub use taawun_charts::BarSpec;

/// The language a report is written in: its code and its direction.
///
/// It serializes as one string: [`Language::ARABIC`] as `"ar"`, [`Language::ENGLISH`] as
/// `"en"`, and the two undetermined languages (a quotation whose script tells its direction but
/// not its language) as `"und-x-ltr"` and `"und-x-rtl"` — language tags with a private-use
/// subtag for the direction, which the code alone does not give. Any other language is an error
/// when serialized (it could not be read back), and any other string when deserialized.
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
    /// Text in a left-to-right script whose language is not known (French, Spanish, … quoted
    /// as written); "und" is ISO 639-2's "undetermined".
    pub const UNDETERMINED_LTR: Language = Language {
        code: "und",
        rtl: false,
    };
    /// Text in a right-to-left script other than Arabic's (Hebrew, Syriac, …).
    pub const UNDETERMINED_RTL: Language = Language {
        code: "und",
        rtl: true,
    };

    /// Each language a report can store, with the string it is stored as.
    const STORED: [(Language, &'static str); 4] = [
        (Language::ARABIC, "ar"),
        (Language::ENGLISH, "en"),
        (Language::UNDETERMINED_LTR, "und-x-ltr"),
        (Language::UNDETERMINED_RTL, "und-x-rtl"),
    ];
}

impl Serialize for Language {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match Language::STORED.iter().find(|(l, _)| l == self) {
            Some((_, tag)) => serializer.serialize_str(tag),
            None => Err(serde::ser::Error::custom(format_args!(
                "the language \"{}\" ({}) cannot be stored: only ar, en and und are known",
                self.code,
                if self.rtl {
                    "right to left"
                } else {
                    "left to right"
                },
            ))),
        }
    }
}

impl<'de> Deserialize<'de> for Language {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let tag = std::borrow::Cow::<'de, str>::deserialize(deserializer)?;
        Language::STORED
            .iter()
            .find(|(_, t)| *t == tag)
            .map(|(l, _)| *l)
            .ok_or_else(|| {
                serde::de::Error::custom(format_args!(
                    "unknown language \"{tag}\": expected \"ar\", \"en\", \"und-x-ltr\" or \"und-x-rtl\""
                ))
            })
    }
}

/// The heading of a UN document, in the report's language: who issues it and under which
/// symbol, its distribution and date, and the session and agenda item it is for. Every line is
/// given as the reader will see it; an absent one is left out.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
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
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
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
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
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
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
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
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub language: Language,
    pub masthead: Masthead,
    pub title: String,
    pub subtitle: Option<String>,
    pub blocks: Vec<Block>,
    /// A note at the end: how the report was generated and from what.
    pub colophon: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use taawun_charts::{BarRow, Category, Dir, Pattern};

    /// A report with every kind of block, column and language.
    fn report() -> Report {
        Report {
            language: Language::ARABIC,
            masthead: Masthead {
                issuer: "الأمم المتحدة".into(),
                symbol: Some("A/HRC/63/21".into()),
                distribution: Some("التوزيع: عام".into()),
                date: "7 كانون الأول/ديسمبر 2026".into(),
                lines: vec!["مجلس حقوق الإنسان".into(), "الدورة الثالثة والستون".into()],
            },
            title: "تقرير موجز".into(),
            subtitle: None,
            blocks: vec![
                Block::Heading {
                    level: 1,
                    text: "أولاً- مقدمة".into(),
                },
                Block::Paragraph {
                    text: "1- يُقدَّم هذا التقرير \"عملاً\" بالفقرة 30.\nسطر ثانٍ".into(),
                    lang: None,
                },
                Block::Paragraph {
                    text: "“Courts are far.”".into(),
                    lang: Some(Language::ENGLISH),
                },
                Block::Paragraph {
                    text: "“La coopération régionale”".into(),
                    lang: Some(Language::UNDETERMINED_LTR),
                },
                Block::Paragraph {
                    text: "שיתוף פעולה".into(),
                    lang: Some(Language::UNDETERMINED_RTL),
                },
                Block::List(vec!["أ".into(), "ب".into()]),
                Block::Table {
                    caption: Some("المشاركون".into()),
                    columns: vec![
                        Column::text("الفئة"),
                        Column::number("العدد"),
                        Column::foreign("Recommendation", Language::ENGLISH),
                    ],
                    rows: vec![vec!["الدول".into(), "12".into(), "Ratify.".into()]],
                },
                Block::Bars(BarSpec {
                    id_prefix: "summary-regions".into(),
                    title: "المشاركون".into(),
                    description: "أ: 3؛ ب: 1".into(),
                    dir: Dir::Rtl,
                    categories: vec![
                        Category::new("c0", "أ", "#0072b2", Pattern::Solid),
                        Category::new("c1", "ب", "#e69f00", Pattern::DiagonalHatch),
                    ],
                    rows: vec![BarRow {
                        label: "جميع الحلقات الدراسية".into(),
                        counts: vec![3, u64::MAX],
                    }],
                }),
            ],
            colophon: Some("أعدّته منصة تعاون.".into()),
        }
    }

    #[test]
    fn a_report_round_trips_through_json() {
        let report = report();
        let json = serde_json::to_string(&report).unwrap();
        let back: Report = serde_json::from_str(&json).unwrap();
        assert_eq!(back, report);
        // Pretty-printed too, and an English report.
        let english = Report {
            language: Language::ENGLISH,
            subtitle: Some("Report of the Office".into()),
            colophon: None,
            ..report
        };
        let json = serde_json::to_string_pretty(&english).unwrap();
        assert_eq!(serde_json::from_str::<Report>(&json).unwrap(), english);
    }

    #[test]
    fn a_language_is_stored_as_its_code() {
        let json = serde_json::to_value(report()).unwrap();
        assert_eq!(json["language"], "ar");
        assert_eq!(json["blocks"][2]["Paragraph"]["lang"], "en");
        assert_eq!(json["blocks"][3]["Paragraph"]["lang"], "und-x-ltr");
        assert_eq!(json["blocks"][4]["Paragraph"]["lang"], "und-x-rtl");
        assert_eq!(
            json["blocks"][1]["Paragraph"]["lang"],
            serde_json::Value::Null
        );
        for (code, language) in [("ar", Language::ARABIC), ("en", Language::ENGLISH)] {
            assert_eq!(
                serde_json::to_string(&language).unwrap(),
                format!("\"{code}\"")
            );
            let read: Language = serde_json::from_str(&format!("\"{code}\"")).unwrap();
            assert_eq!(read, language);
            assert_eq!(read.code, code);
        }
    }

    #[test]
    fn an_unknown_language_is_an_error_naming_it() {
        for tag in ["fr", "AR", "", "und"] {
            let err = serde_json::from_str::<Language>(&format!("\"{tag}\"")).unwrap_err();
            assert!(err.to_string().contains(&format!("\"{tag}\"")), "{err}");
        }
        assert!(serde_json::from_str::<Language>("7").is_err());
        let french = Language {
            code: "fr",
            rtl: false,
        };
        let err = serde_json::to_string(&french).unwrap_err();
        assert!(err.to_string().contains("\"fr\""), "{err}");
    }
}
