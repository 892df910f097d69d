//! How English UN resolutions are laid out, line by line.
//!
//! Functions take a folded (lowercased) line unless they say otherwise.

use crate::model::Body;
use crate::ordinals;

/// "The Human Rights Council,", "The General Assembly,".
pub(super) fn enacting_formula(folded: &str) -> Option<Body> {
    match folded.trim_end_matches([',', ' ']) {
        "the human rights council" => Some(Body::HumanRightsCouncil),
        "the general assembly" => Some(Body::GeneralAssembly),
        _ => None,
    }
}

/// The participles and phrases that open preambular paragraphs: a line that starts with one
/// opens a paragraph even when the previous one lost its final comma.
const OPENERS: &[&str] = &[
    "acknowledging",
    "acting",
    "affirming",
    "alarmed",
    "also",
    "aware",
    "bearing",
    "believing",
    "concerned",
    "conscious",
    "considering",
    "convinced",
    "deeply",
    "desiring",
    "determined",
    "emphasizing",
    "emphasising",
    "encouraged",
    "expressing",
    "further",
    "gravely",
    "guided",
    "having",
    "highlighting",
    "mindful",
    "noting",
    "reaffirming",
    "recalling",
    "recognizing",
    "recognising",
    "reiterating",
    "seriously",
    "stressing",
    "taking",
    "underlining",
    "underscoring",
    "welcoming",
];

/// Whether the line (as written) opens a preambular paragraph for sure.
pub(super) fn is_opener(line: &str) -> bool {
    let first = line
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    first.starts_with(char::is_uppercase) && OPENERS.contains(&first.to_lowercase().as_str())
}

/// Whether the line (as written) may open a paragraph: it starts with a capital letter.
pub(super) fn may_open_paragraph(line: &str) -> bool {
    line.chars().next().is_some_and(char::is_uppercase)
}

/// "Fifty-sixth session" → 56.
pub(super) fn session(folded: &str) -> Option<u32> {
    let ordinal = folded.strip_suffix(" session")?;
    ordinals::english_ordinal(ordinal)
}

/// "Agenda item 3" → "3"; "Agenda items 3 and 4" → "3 and 4". Takes the line as written.
pub(super) fn agenda_item(line: &str, folded: &str) -> Option<String> {
    if !(folded.starts_with("agenda item ") || folded.starts_with("agenda items ")) {
        return None;
    }
    let written = line.trim().splitn(3, char::is_whitespace).nth(2)?.trim();
    (!written.is_empty()).then(|| written.to_owned())
}

/// "Resolution adopted by the Human Rights Council on 10 July 2024", "Decision adopted by the
/// Human Rights Council" (its date may follow on the next line).
pub(super) fn adoption_line(folded: &str) -> bool {
    folded.starts_with("resolution adopted by") || decision_line(folded)
}

/// "Decision adopted by the Human Rights Council on 2 July 2025".
pub(super) fn decision_line(folded: &str) -> bool {
    folded.starts_with("decision adopted by")
}

/// The verbs that open an operative paragraph ("Adopts the outcome …", "Decides to …"): in a
/// decision, whose single paragraph is not numbered, they tell it from the preamble's
/// participles.
const OPERATIVE_VERBS: &[&str] = &[
    "acknowledges",
    "adopts",
    "affirms",
    "agrees",
    "appeals",
    "approves",
    "calls",
    "commends",
    "condemns",
    "decides",
    "declares",
    "demands",
    "emphasizes",
    "encourages",
    "endorses",
    "expresses",
    "invites",
    "notes",
    "reaffirms",
    "recognizes",
    "recommends",
    "requests",
    "stresses",
    "takes",
    "urges",
    "welcomes",
];

/// Whether the line (as written) opens with an operative verb.
pub(super) fn is_operative_verb(line: &str) -> bool {
    let first = line
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    first.starts_with(char::is_uppercase)
        && OPERATIVE_VERBS.contains(&first.to_lowercase().as_str())
}

/// "34th meeting", "50th plenary meeting" → the meeting number.
pub(super) fn meeting(folded: &str) -> Option<u32> {
    let rest = folded
        .strip_suffix(" plenary meeting")
        .or_else(|| folded.strip_suffix(" meeting"))?;
    ordinals::english_ordinal(rest)
}

/// "[Adopted by a recorded vote …", "[Adopted without a vote.]".
pub(super) fn vote_start(folded: &str) -> bool {
    folded.trim_start_matches(['[', ' ']).starts_with("adopted")
}

/// "Original: English" → "en" (the header of every language version is in English).
pub(super) fn original_language(folded: &str) -> Option<&'static str> {
    let rest = folded.strip_prefix("original:")?.trim();
    Some(match rest.trim_end_matches('.') {
        "english" => "en",
        "arabic" => "ar",
        "french" => "fr",
        "spanish" => "es",
        "russian" => "ru",
        "chinese" => "zh",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::normalize_for_search as f;

    #[test]
    fn header_and_footer_lines() {
        assert_eq!(session(&f("Fifty-sixth session")), Some(56));
        assert_eq!(session(&f("Seventy-eighth session")), Some(78));
        assert_eq!(
            agenda_item("Agenda item 71 (b)", &f("Agenda item 71 (b)")),
            Some("71 (b)".into())
        );
        assert_eq!(
            agenda_item("Agenda item 3", &f("Agenda item 3")),
            Some("3".into())
        );
        assert_eq!(meeting(&f("34th meeting")), Some(34));
        assert_eq!(meeting(&f("50th plenary meeting")), Some(50));
        assert_eq!(original_language(&f("Original: English")), Some("en"));
        assert!(vote_start(&f("[Adopted without a vote.]")));
        assert_eq!(
            enacting_formula(&f("The Human Rights Council,")),
            Some(Body::HumanRightsCouncil)
        );
        assert!(is_opener("Recalling its resolution"));
        assert!(is_opener("Bearing in mind"));
        assert!(!is_opener("recalling"));
        assert!(!is_opener("Universal Periodic Review"));
    }
}
