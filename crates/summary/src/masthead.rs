//! The heading of the report as a UN document: what the secretariat gives (the symbol, the
//! session and agenda item it is issued for), written in the report's language.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use taawun_cooperation::MandateRef;
use taawun_report::Masthead;

use crate::lang::{self, Lang};

/// How widely a UN document is distributed, as its masthead says.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Distribution {
    /// Issued to all: the case of a report to the Council.
    #[default]
    General,
    /// A draft or a document for the members of a body.
    Limited,
    Restricted,
}

impl Distribution {
    fn line(self, lang: Lang) -> &'static str {
        match self {
            Distribution::General => lang.pick("التوزيع: عام", "Distr.: General"),
            Distribution::Limited => lang.pick("التوزيع: محدود", "Distr.: Limited"),
            Distribution::Restricted => lang.pick("التوزيع: مقيد", "Distr.: Restricted"),
        }
    }
}

/// A text the secretariat gives in both languages of the report, such as the title of an
/// agenda item as the Council's agenda words it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bilingual {
    pub ar: String,
    pub en: String,
}

impl Bilingual {
    /// The text in `lang`; the other language's when this one was left blank, since an agenda
    /// item under its English title is better than none.
    pub fn get(&self, lang: Lang) -> &str {
        let (wanted, other) = match lang {
            Lang::Ar => (&self.ar, &self.en),
            Lang::En => (&self.en, &self.ar),
        };
        if wanted.trim().is_empty() {
            other.trim()
        } else {
            wanted.trim()
        }
    }
}

/// What the secretariat gives for the report's heading and introduction: nothing of it is in
/// the seminars' records.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MastheadInput {
    /// The document symbol ("A/HRC/63/21").
    pub symbol: String,
    pub distribution: Distribution,
    /// The date the document bears.
    pub date: NaiveDate,
    /// The Council's session the report is for (63 for the sixty-third).
    pub session: u32,
    /// The agenda item's number and title.
    pub agenda_item: u32,
    pub agenda_title: Bilingual,
    /// The resolution and paragraph that ask for the report ("A/HRC/RES/56/2", "30").
    pub mandate: MandateRef,
}

/// The masthead in `lang`: "United Nations" and the symbol, then the Council, the session and
/// the agenda item on one side, the distribution and the date on the other.
pub(crate) fn masthead(lang: Lang, input: &MastheadInput) -> Masthead {
    let symbol = input.symbol.trim();
    let mut lines = vec![
        lang.pick("مجلس حقوق الإنسان", "Human Rights Council")
            .to_owned(),
        lang::session(lang, input.session),
        match lang {
            Lang::Ar => format!("البند {} من جدول الأعمال", input.agenda_item),
            Lang::En => format!("Agenda item {}", input.agenda_item),
        },
    ];
    let title = input.agenda_title.get(lang);
    if !title.is_empty() {
        lines.push(title.to_owned());
    }
    Masthead {
        issuer: lang.pick("الأمم المتحدة", "United Nations").to_owned(),
        symbol: (!symbol.is_empty()).then(|| symbol.to_owned()),
        distribution: Some(input.distribution.line(lang).to_owned()),
        date: lang::date(lang, input.date),
        lines,
    }
}

/// The resolution as the introduction names it: "Human Rights Council resolution 56/2" for a
/// symbol of the Council's resolutions (their number is how the Council cites them), the symbol
/// itself otherwise.
pub(crate) fn resolution(lang: Lang, symbol: &str) -> String {
    let symbol = symbol.trim();
    match symbol.strip_prefix("A/HRC/RES/") {
        Some(number) if !number.is_empty() => format!(
            "{} {number}",
            lang.pick("قرار مجلس حقوق الإنسان", "Human Rights Council resolution")
        ),
        _ => format!("{} {symbol}", lang.pick("القرار", "resolution")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> MastheadInput {
        MastheadInput {
            symbol: "A/HRC/63/21".into(),
            distribution: Distribution::General,
            date: NaiveDate::from_ymd_opt(2026, 12, 7).unwrap_or_default(),
            session: 63,
            agenda_item: 2,
            agenda_title: Bilingual {
                ar: String::new(),
                en: "Annual report of the High Commissioner".into(),
            },
            mandate: MandateRef {
                resolution: "A/HRC/RES/56/2".into(),
                paragraph: "30".into(),
            },
        }
    }

    #[test]
    fn the_masthead_in_each_language() {
        let en = masthead(Lang::En, &input());
        assert_eq!(en.issuer, "United Nations");
        assert_eq!(en.symbol.as_deref(), Some("A/HRC/63/21"));
        assert_eq!(en.distribution.as_deref(), Some("Distr.: General"));
        assert_eq!(en.date, "7 December 2026");
        assert_eq!(
            en.lines,
            [
                "Human Rights Council",
                "Sixty-third session",
                "Agenda item 2",
                "Annual report of the High Commissioner"
            ]
        );
        let ar = masthead(Lang::Ar, &input());
        assert_eq!(ar.date, "7 كانون الأول/ديسمبر 2026");
        assert_eq!(ar.lines[1], "الدورة الثالثة والستون");
        assert_eq!(ar.lines[2], "البند 2 من جدول الأعمال");
        // No Arabic title was given: the English one stands in.
        assert_eq!(ar.lines[3], "Annual report of the High Commissioner");
    }

    #[test]
    fn resolutions_are_named_as_the_council_cites_them() {
        assert_eq!(
            resolution(Lang::En, "A/HRC/RES/56/2"),
            "Human Rights Council resolution 56/2"
        );
        assert_eq!(
            resolution(Lang::Ar, "A/HRC/RES/56/2"),
            "قرار مجلس حقوق الإنسان 56/2"
        );
        assert_eq!(resolution(Lang::En, "A/RES/78/1"), "resolution A/RES/78/1");
    }
}
