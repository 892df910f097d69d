//! Inputs quoted in the report: in the language they were given in, marked as such so that the
//! engine lays them out in their direction, with the attribution the participant agreed to.

use taawun_cooperation::report::{Excerpt, Quotation};
use taawun_report::{Block, Language};

use crate::lang::{self, Lang};

/// Latin text with letters outside ASCII (French, Spanish, …): the direction is known, the
/// language is not ("und" is ISO 639-2's "undetermined").
const UNDETERMINED_LTR: Language = Language {
    code: "und",
    rtl: false,
};

/// Text in a right-to-left script other than Arabic (Hebrew, Syriac, Thaana, …).
const UNDETERMINED_RTL: Language = Language {
    code: "und",
    rtl: true,
};

/// The language of a participant's text, as far as its letters tell: Arabic when most letters
/// are Arabic, English when they are all ASCII Latin, otherwise undetermined in the direction
/// most letters read in. `None` for a text without letters (figures, punctuation), which reads
/// well in the report's own direction.
///
/// Inputs carry no language: participants write in any of them. The tag matters for the
/// direction a quotation is laid out in, and for screen readers; a guess from the script is
/// right for the platform's two languages and never claims a language it cannot tell.
pub(crate) fn language_of(text: &str) -> Option<Language> {
    let (mut arabic, mut rtl, mut ascii, mut ltr) = (0usize, 0usize, 0usize, 0usize);
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        if is_arabic(c) {
            arabic += 1;
        } else if is_rtl(c) {
            rtl += 1;
        } else if c.is_ascii() {
            ascii += 1;
        } else {
            ltr += 1;
        }
    }
    let (right, left) = (arabic + rtl, ascii + ltr);
    if right == 0 && left == 0 {
        None
    } else if right > left {
        Some(if arabic >= rtl {
            Language::ARABIC
        } else {
            UNDETERMINED_RTL
        })
    } else if ltr == 0 {
        Some(Language::ENGLISH)
    } else {
        Some(UNDETERMINED_LTR)
    }
}

fn is_arabic(c: char) -> bool {
    matches!(c as u32,
        0x0600..=0x06FF | 0x0750..=0x077F | 0x0870..=0x08FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF
        | 0x1EE00..=0x1EEFF)
}

/// The blocks of the right-to-left scripts other than Arabic's.
fn is_rtl(c: char) -> bool {
    matches!(c as u32,
        0x0590..=0x05FF | 0x0700..=0x074F | 0x0780..=0x085F | 0xFB1D..=0xFB4F
        | 0x10800..=0x10FFF | 0x1E800..=0x1EDFF)
}

/// The text between the quotation marks of its own language: «…» for Arabic, “…” otherwise.
fn quoted(text: &str, language: Option<Language>) -> String {
    let text = text.trim();
    if language == Some(Language::ARABIC) {
        format!("«{text}»")
    } else {
        format!("“{text}”")
    }
}

/// A quotation the participant agreed to have attributed: the text in its language, then the
/// name, organisation and State in the report's.
pub(crate) fn attributed(lang: Lang, q: &Quotation) -> [Block; 2] {
    let mut who = vec![q.name.trim().to_owned()];
    who.extend(
        q.organisation
            .as_deref()
            .map(str::trim)
            .filter(|o| !o.is_empty())
            .map(str::to_owned),
    );
    who.extend(q.state.as_deref().map(|s| lang::state_name(lang, s)));
    quotation(&q.text, &who.join(lang.comma()))
}

/// A published input whose author did not agree to be named: introduced by what kind of
/// stakeholder they are, nothing more.
pub(crate) fn unattributed(lang: Lang, e: &Excerpt) -> [Block; 2] {
    quotation(&e.text, lang::a_participant(lang, e.stakeholder_type))
}

/// The quotation, then who said it in the report's own language (names and organisations as
/// they were written, in whatever script).
fn quotation(text: &str, by: &str) -> [Block; 2] {
    let language = language_of(text);
    [
        Block::Paragraph {
            text: quoted(text, language),
            lang: language,
        },
        Block::Paragraph {
            text: format!("— {by}"),
            lang: None,
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_script_tells_the_language() {
        assert_eq!(
            language_of("المحاكم بعيدة عن المناطق الريفية (2024)."),
            Some(Language::ARABIC)
        );
        assert_eq!(
            language_of("Courts are far from rural areas."),
            Some(Language::ENGLISH)
        );
        // A word of English in an Arabic sentence leaves it Arabic.
        assert_eq!(
            language_of("نظام UPR يساعد الدول على المتابعة"),
            Some(Language::ARABIC)
        );
        assert_eq!(
            language_of("La coopération régionale"),
            Some(UNDETERMINED_LTR)
        );
        assert_eq!(language_of("שיתוף פעולה"), Some(UNDETERMINED_RTL));
        assert_eq!(language_of("2024 — 42 %"), None);
    }

    #[test]
    fn quotations_keep_their_marks_and_language() {
        let [text, by] = quotation(" العدالة للجميع ", "a participant");
        assert_eq!(
            text,
            Block::Paragraph {
                text: "«العدالة للجميع»".into(),
                lang: Some(Language::ARABIC)
            }
        );
        assert_eq!(
            by,
            Block::Paragraph {
                text: "— a participant".into(),
                lang: None
            }
        );
    }
}
