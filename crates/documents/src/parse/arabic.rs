//! How Arabic UN resolutions are laid out, line by line.
//!
//! Every function takes a line already folded ([`crate::normalize_for_search`]) unless it says
//! otherwise: hamza seats, taa marbuta and diacritics do not matter here.

use crate::model::Body;
use crate::ordinals;

/// "إن مجلس حقوق الإنسان،", "إن الجمعية العامة،": the line between header and preamble.
pub(super) fn enacting_formula(folded: &str) -> Option<Body> {
    match folded.trim_end_matches(['،', ',', ' ']) {
        "ان مجلس حقوق الانسان" => Some(Body::HumanRightsCouncil),
        "ان الجمعيه العامه" => Some(Body::GeneralAssembly),
        _ => None,
    }
}

/// How a preambular paragraph opens.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Opening {
    /// إذ, وإذ, وقد, or any و-word after a finished paragraph.
    Regular,
    /// وإن, وإد…: PDF extraction damaged وإذ; the word as written.
    Damaged(String),
    None,
}

/// The opening of a preambular paragraph. `raw_first_word` is the line's first word as written
/// (for the warning), `folded_first_word` the same folded.
pub(super) fn opening(raw_first_word: &str, folded_first_word: &str) -> Opening {
    match folded_first_word {
        "اذ" | "واذ" | "وقد" | "واذا" => Opening::Regular,
        // ذ read as ن (a dot moved) or as د (a dot lost).
        "وان" | "واد" | "اد" => Opening::Damaged(raw_first_word.to_owned()),
        _ => Opening::None,
    }
}

/// Paragraphs of the Arabic preamble start with the conjunction و.
pub(super) fn may_open_paragraph(folded_first_word: &str) -> bool {
    folded_first_word.starts_with('و') && folded_first_word.chars().count() > 1
}

/// "الدورة السادسة والخمسون" → 56; "الدورة 56" → 56.
pub(super) fn session(folded: &str) -> Option<u32> {
    let rest = folded.strip_prefix("الدوره ")?;
    let words: Vec<&str> = rest.split_whitespace().collect();
    if let [number] = words.as_slice()
        && let Some(n) = crate::lex::number_value(number)
    {
        return Some(n);
    }
    match ordinals::arabic_ordinal(&words) {
        Some((n, used)) if used == words.len() => Some(n),
        _ => None,
    }
}

/// "البند 3 من جدول الأعمال" → "3"; "البندان 3 و4 من جدول الأعمال" → "3 و4". Takes the line as
/// written (the number is kept as written).
pub(super) fn agenda_item(line: &str, folded: &str) -> Option<String> {
    if !(folded.starts_with("البند") && folded.contains("جدول الاعمال")) {
        return None;
    }
    let start = line.find(char::is_whitespace)?;
    let end = line.find("من جدول").or_else(|| line.find("من  جدول"))?;
    (start < end).then(|| line[start..end].trim().to_owned())
}

/// "قرار اعتمده مجلس حقوق الإنسان في 10 تموز/يوليه 2024", "قرار اتخذته الجمعية العامة في …".
pub(super) fn adoption_line(folded: &str) -> bool {
    [
        "قرار اعتمده",
        "قرار اعتمدته",
        "قرار اتخذته",
        "قرار اتخذه",
        "القرار الذي",
    ]
    .iter()
    .any(|p| folded.starts_with(p))
}

/// "الجلسة 34", "الجلسة العامة 50" → the meeting number.
pub(super) fn meeting(folded: &str) -> Option<u32> {
    let rest = folded.strip_prefix("الجلسه ")?;
    let rest = rest.strip_prefix("العامه ").unwrap_or(rest);
    crate::lex::number_value(rest.trim())
}

/// "[اعتُمد بتصويت مسجل …", "اعتُمد دون تصويت.": the adoption note.
pub(super) fn vote_start(folded: &str) -> bool {
    let rest = folded.trim_start_matches(['[', ' ']);
    rest.starts_with("اعتمد") || rest.starts_with("اعتمده")
}

/// "الأصل: بالإنكليزية" → "en".
pub(super) fn original_language(folded: &str) -> Option<&'static str> {
    let rest = folded.strip_prefix("الاصل")?.trim_start_matches([':', ' ']);
    let rest = rest.strip_prefix('ب').unwrap_or(rest);
    Some(match rest.trim_end_matches(['.', ' ']) {
        "الانكليزيه" | "الانجليزيه" => "en",
        "العربيه" => "ar",
        "الفرنسيه" => "fr",
        "الاسبانيه" => "es",
        "الروسيه" => "ru",
        "الصينيه" => "zh",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::normalize_for_search as f;

    #[test]
    fn header_lines() {
        assert_eq!(session(&f("الدورة السادسة والخمسون")), Some(56));
        assert_eq!(session(&f("الدورة الثامنة والسبعون")), Some(78));
        assert_eq!(session(&f("الدورة السادسة والخمسون بعد")), None);
        let line = "البند 3 من جدول الأعمال";
        assert_eq!(agenda_item(line, &f(line)), Some("3".to_owned()));
        let line = "البند 71 (ب) من جدول الأعمال";
        assert_eq!(agenda_item(line, &f(line)), Some("71 (ب)".to_owned()));
        assert!(adoption_line(&f(
            "قرار اعتمده مجلس حقوق الإنسان في 10 تموز/يوليه 2024"
        )));
        assert_eq!(
            enacting_formula(&f("إن مجلس حقوق الإنسان،")),
            Some(Body::HumanRightsCouncil)
        );
        assert_eq!(original_language(&f("الأصل: بالإنكليزية")), Some("en"));
    }

    #[test]
    fn openings_and_footer() {
        assert_eq!(opening("وإذ", "واذ"), Opening::Regular);
        assert_eq!(opening("وإن", "وان"), Opening::Damaged("وإن".to_owned()));
        assert_eq!(opening("يؤكد", "يوكد"), Opening::None);
        assert_eq!(meeting(&f("الجلسة 34")), Some(34));
        assert_eq!(meeting(&f("الجلسة العامة 50")), Some(50));
        assert!(vote_start(&f("[اعتُمد بتصويت مسجل بأغلبية 31 صوتاً")));
        assert!(vote_start(&f("اعتُمد دون تصويت.")));
    }
}
