//! The adoption note at the end of a resolution: how it was adopted, the tally the text states,
//! and the States named in favour, against and abstaining.
//!
//! ```text
//! [اعتُمد بتصويت مسجل بأغلبية 31 صوتاً مقابل 14 صوتاً وامتناع عضوين عن التصويت. …
//! المؤيدون: إريتريا، الإمارات العربية المتحدة، …
//! [Adopted by a recorded vote of 31 to 14, with 2 abstentions. The voting was as follows:
//! In favour: Algeria, Bangladesh, …
//! ```
//!
//! The stated tally and the named States are both kept as found: when they disagree the record
//! says so (`tally-mismatch`) and fixes neither.

use std::collections::HashMap;
use std::sync::{LazyLock, Mutex};

use taawun_states::{MatchKind, Resolution, Resolver};

use super::{Lang, warning};
use crate::lex::{self, Kind};
use crate::model::{AdoptionMethod, Vote, VoteNames, VoteStates, Warning};
use crate::normalize::{fold_word, normalize_for_search};
use crate::ordinals;

/// More names than UN Member States in one list is not a vote list: stop there.
const MAX_NAMES: usize = 400;
/// Longer than any State's name: not resolved.
const MAX_NAME_CHARS: usize = 120;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Side {
    Yes,
    No,
    Abstain,
}

const HEADINGS: &[(&str, Side)] = &[
    ("المويدون", Side::Yes),
    ("المويدين", Side::Yes),
    ("المعارضون", Side::No),
    ("المعارضين", Side::No),
    ("الممتنعون", Side::Abstain),
    ("الممتنعين", Side::Abstain),
    ("in favour", Side::Yes),
    ("in favor", Side::Yes),
    ("against", Side::No),
    ("abstaining", Side::Abstain),
    ("abstentions", Side::Abstain),
];

/// A heading line ("المؤيدون:", "In favour: Algeria, …"): its side, the text after it, and
/// the heading as written when it had to be recognised despite damage.
fn heading(line: &str) -> Option<(Side, &str, Option<&str>)> {
    let (head, rest) = match line.find([':', '：']) {
        Some(at) => (
            &line[..at],
            &line[at + line[at..].chars().next()?.len_utf8()..],
        ),
        None => (line, ""),
    };
    let head = head.trim().trim_start_matches('[');
    if head.split_whitespace().count() > 3 {
        return None;
    }
    let folded = normalize_for_search(head);
    if let Some((_, side)) = HEADINGS.iter().find(|(h, _)| *h == folded) {
        return Some((*side, rest, None));
    }
    // PDF extraction drops letters: "المتنعون" for "الممتنعون". Arabic headings only, and only
    // when clearly closest to one heading.
    if folded.chars().count() < 6 || !folded.chars().any(taawun_text::is_arabic) {
        return None;
    }
    let mut ranked: Vec<(f32, Side)> = HEADINGS
        .iter()
        .filter(|(h, _)| !h.is_ascii())
        .map(|(h, side)| (taawun_states::edit_distance(&folded, h), *side))
        .collect();
    ranked.sort_by(|a, b| a.0.total_cmp(&b.0));
    match ranked.as_slice() {
        [(best, side), rest_ranked @ ..]
            if *best <= 1.5
                && rest_ranked
                    .iter()
                    .all(|(d, s)| s == side || *d >= best + 1.0) =>
        {
            Some((*side, rest, Some(head)))
        }
        _ => None,
    }
}

/// Parses the adoption note (its lines, from "[Adopted …" or "[اعتُمد …" to the end).
pub(crate) fn parse(
    lines: &[&str],
    lang: Lang,
    resolver: &Resolver,
    warnings: &mut Vec<Warning>,
) -> Option<Vote> {
    let mut statement = String::new();
    let mut lists: [Option<String>; 3] = [None, None, None];
    let mut current: Option<Side> = None;
    for line in lines {
        if let Some((side, rest, damaged)) = heading(line) {
            if let Some(written) = damaged {
                warnings.push(warning(
                    "damaged-heading",
                    "vote",
                    format!(
                        "vote heading \"{written}\" read as the {} list",
                        side_name(side)
                    ),
                ));
            }
            current = Some(side);
            let list = lists[side as usize].get_or_insert_with(String::new);
            push_line(list, rest);
            continue;
        }
        match current {
            Some(side) => push_line(lists[side as usize].get_or_insert_with(String::new), line),
            None => push_line(&mut statement, line),
        }
    }
    let folded = normalize_for_search(&statement);
    let (method, tally) = match lang {
        Lang::Ar => arabic_statement(&folded),
        Lang::En => english_statement(&folded),
    }
    .or_else(|| arabic_statement(&folded))
    .or_else(|| english_statement(&folded))
    .or_else(|| {
        lists
            .iter()
            .any(Option::is_some)
            .then_some((AdoptionMethod::RecordedVote, [None; 3]))
    })?;
    let mut vote = Vote {
        method,
        yes: tally[0],
        no: tally[1],
        abstain: tally[2],
        states: VoteStates::default(),
        names: VoteNames::default(),
    };
    for side in [Side::Yes, Side::No, Side::Abstain] {
        let Some(list) = &lists[side as usize] else {
            continue;
        };
        let names = split_names(list, warnings);
        let mut codes = Vec::with_capacity(names.len());
        for name in &names {
            if let Some(code) = resolve(name, resolver, warnings) {
                if codes.contains(&code) || other_sides_have(&vote, code) {
                    warnings.push(warning(
                        "duplicate-state",
                        "vote",
                        format!("\"{name}\" ({code}) is listed more than once"),
                    ));
                }
                codes.push(code);
            }
        }
        let codes: Vec<String> = codes.into_iter().map(str::to_owned).collect();
        match side {
            Side::Yes => (vote.states.yes, vote.names.yes) = (codes, names),
            Side::No => (vote.states.no, vote.names.no) = (codes, names),
            Side::Abstain => (vote.states.abstain, vote.names.abstain) = (codes, names),
        }
    }
    check_tally(&vote, lists.iter().any(Option::is_some), warnings);
    Some(vote)
}

fn other_sides_have(vote: &Vote, code: &str) -> bool {
    [&vote.states.yes, &vote.states.no, &vote.states.abstain]
        .iter()
        .any(|list| list.iter().any(|c| c == code))
}

fn side_name(side: Side) -> &'static str {
    match side {
        Side::Yes => "in-favour",
        Side::No => "against",
        Side::Abstain => "abstaining",
    }
}

fn push_line(buffer: &mut String, line: &str) {
    let line = line.trim();
    if line.is_empty() {
        return;
    }
    if !buffer.is_empty() {
        buffer.push(' ');
    }
    buffer.push_str(line);
}

/// Splits a list on commas (Arabic or Latin) and semicolons outside parentheses; trims the
/// closing ".]" of the note.
fn split_names(list: &str, warnings: &mut Vec<Warning>) -> Vec<String> {
    let mut names = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    let push = |piece: &str, names: &mut Vec<String>| {
        let name = piece
            .trim()
            .trim_start_matches('[')
            .trim_end_matches([']', '.', ' '])
            .trim();
        if !name.is_empty() {
            names.push(name.to_owned());
        }
    };
    for (at, c) in list.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            '،' | ',' | '؛' | ';' if depth == 0 => {
                push(&list[start..at], &mut names);
                start = at + c.len_utf8();
                if names.len() > MAX_NAMES {
                    break;
                }
            }
            _ => {}
        }
    }
    if names.len() <= MAX_NAMES {
        push(&list[start..], &mut names);
    }
    if names.len() > MAX_NAMES {
        names.truncate(MAX_NAMES);
        warnings.push(warning(
            "too-many-names",
            "vote",
            format!("a vote list names more than {MAX_NAMES} States; the rest is ignored"),
        ));
    }
    names
}

fn resolve(name: &str, resolver: &Resolver, warnings: &mut Vec<Warning>) -> Option<&'static str> {
    if name.chars().count() > MAX_NAME_CHARS {
        warnings.push(warning(
            "unresolved-state",
            "vote",
            format!(
                "\"{}…\" is too long to be a State's name",
                truncate(name, 40)
            ),
        ));
        return None;
    }
    let answer = memoised(resolver, name);
    match (answer.iso3, answer.match_kind) {
        (Some(code), Some(MatchKind::Fuzzy)) => {
            let english = taawun_states::by_iso3(code).map_or(code, |s| s.names.en);
            warnings.push(warning(
                "fuzzy-state",
                "vote",
                format!(
                    "\"{name}\" read as {code} ({english}) by a fuzzy match at edit distance {}",
                    answer.distance.unwrap_or(0.0)
                ),
            ));
            Some(code)
        }
        (Some(code), _) => Some(code),
        (None, _) => {
            let candidates: Vec<String> = answer
                .candidates
                .iter()
                .map(|c| match c.distance {
                    Some(d) => format!("{} ({}, distance {d})", c.iso3, c.name),
                    None => format!("{} ({})", c.iso3, c.name),
                })
                .collect();
            let candidates = if candidates.is_empty() {
                "no candidates".to_owned()
            } else {
                format!("candidates: {}", candidates.join(", "))
            };
            warnings.push(warning(
                "unresolved-state",
                "vote",
                format!("\"{name}\" is not a known State name; {candidates}"),
            ));
            None
        }
    }
}

/// The built-in resolver's answers, remembered: vote lists name the same two hundred States in
/// every resolution, and a damaged name (one fuzzy search over every name of every State) recurs
/// in every copy of a document. Bounded; other resolvers are asked every time.
fn memoised(resolver: &Resolver, name: &str) -> Resolution {
    const CAPACITY: usize = 4096;
    static MEMO: LazyLock<Mutex<HashMap<String, Resolution>>> =
        LazyLock::new(|| Mutex::new(HashMap::new()));
    if !std::ptr::eq(resolver, Resolver::builtin()) {
        return resolver.resolve(name);
    }
    if let Some(answer) = MEMO.lock().ok().and_then(|memo| memo.get(name).cloned()) {
        return answer;
    }
    let answer = resolver.resolve(name);
    if let Ok(mut memo) = MEMO.lock() {
        if memo.len() >= CAPACITY {
            memo.clear();
        }
        memo.insert(name.to_owned(), answer.clone());
    }
    answer
}

fn truncate(text: &str, chars: usize) -> String {
    text.chars().take(chars).collect()
}

fn check_tally(vote: &Vote, listed: bool, warnings: &mut Vec<Warning>) {
    if vote.method != AdoptionMethod::RecordedVote {
        return;
    }
    if !listed {
        if vote.yes.is_some() {
            warnings.push(warning(
                "vote-lists-missing",
                "vote",
                "the tally is stated but no State is named".to_owned(),
            ));
        }
        return;
    }
    for (side, stated, named) in [
        (Side::Yes, vote.yes, vote.names.yes.len()),
        (Side::No, vote.no, vote.names.no.len()),
        (Side::Abstain, vote.abstain, vote.names.abstain.len()),
    ] {
        if let Some(stated) = stated.filter(|s| *s as usize != named) {
            warnings.push(warning(
                "tally-mismatch",
                "vote",
                format!(
                    "the text states {stated} {} but names {named} States",
                    side_name(side)
                ),
            ));
        }
    }
}

type Tally = [Option<u32>; 3];

/// "اعتُمد بتصويت مسجل بأغلبية 31 صوتاً مقابل 14 صوتاً وامتناع عضوين عن التصويت",
/// "اعتُمد دون تصويت".
fn arabic_statement(folded: &str) -> Option<(AdoptionMethod, Tally)> {
    if folded.contains("دون تصويت") {
        return Some((AdoptionMethod::WithoutVote, [None; 3]));
    }
    let tokens = lex::tokens(folded);
    let words: Vec<&str> = tokens
        .iter()
        .filter(|t| t.kind != Kind::Punct)
        .map(|t| t.text(folded))
        .collect();
    let after = |keys: &[&str]| -> Option<u32> {
        let at = words
            .iter()
            .position(|w| keys.contains(&w.trim_start_matches('و')))?;
        arabic_count(&words[at + 1..])
    };
    let yes = after(&["باغلبيه"]);
    let no = after(&["مقابل"]);
    let abstain = after(&["امتناع"]);
    let recorded = folded.contains("تصويت مسجل") || yes.is_some();
    recorded.then_some((AdoptionMethod::RecordedVote, [yes, no, abstain]))
}

/// "31 صوتا", "عضوين", "عضو واحد", "ثلاثه اعضاء", "لا شيء", "اي عضو" (after دون: none).
fn arabic_count(words: &[&str]) -> Option<u32> {
    let first = fold_word(words.first()?);
    let second = words.get(1).map(|w| fold_word(w));
    let second = second.as_deref();
    match first.as_str() {
        "عضوين" | "عضوان" | "صوتين" | "صوتان" | "دولتين" | "دولتان" => {
            Some(2)
        }
        "عضو" | "عضوا" | "صوت" | "صوتا" | "دوله"
            if matches!(second, Some("واحد" | "واحدا" | "واحده")) =>
        {
            Some(1)
        }
        "لا" if matches!(second, Some("شيء" | "احد")) => Some(0),
        "اي" | "احد" => Some(0),
        _ => ordinals::arabic_cardinal(words).map(|(n, _)| n),
    }
}

/// "Adopted by a recorded vote of 31 to 14, with 2 abstentions", "Adopted without a vote".
fn english_statement(folded: &str) -> Option<(AdoptionMethod, Tally)> {
    if folded.contains("without a vote") || folded.contains("without vote") {
        return Some((AdoptionMethod::WithoutVote, [None; 3]));
    }
    let at = folded.find("vote of ")?;
    let words: Vec<&str> = folded[at + "vote of ".len()..]
        .split(|c: char| c.is_whitespace() || c == ',' || c == '.')
        .filter(|w| !w.is_empty())
        .collect();
    let yes = words.first().and_then(|w| ordinals::english_cardinal(w));
    let no = (words.get(1) == Some(&"to"))
        .then(|| words.get(2).and_then(|w| ordinals::english_cardinal(w)))
        .flatten();
    let abstain = words.windows(3).find_map(|w| match w {
        ["with", n, a] if a.starts_with("abstention") => ordinals::english_cardinal(n),
        _ => None,
    });
    let abstain = abstain
        .or_else(|| (yes.is_some() && no.is_some() && !folded.contains("abstention")).then_some(0));
    Some((AdoptionMethod::RecordedVote, [yes, no, abstain]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_lines(text: &str, lang: Lang) -> (Option<Vote>, Vec<Warning>) {
        let lines: Vec<&str> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        let mut warnings = Vec::new();
        let vote = parse(&lines, lang, Resolver::builtin(), &mut warnings);
        (vote, warnings)
    }

    #[test]
    fn arabic_tally_words() {
        for (text, want) in [
            (
                "بأغلبية 31 صوتاً مقابل 14 صوتاً وامتناع عضوين عن التصويت",
                [31, 14, 2],
            ),
            (
                "بأغلبية 40 صوتاً مقابل صوت واحد وامتناع عضو واحد عن التصويت",
                [40, 1, 1],
            ),
            (
                "بأغلبية 30 صوتاً مقابل صوتين وامتناع ثلاثة أعضاء عن التصويت",
                [30, 2, 3],
            ),
            (
                "بأغلبية 47 صوتاً مقابل لا شيء ودون امتناع أي عضو عن التصويت",
                [47, 0, 0],
            ),
        ] {
            let (method, tally) = arabic_statement(&normalize_for_search(text)).unwrap();
            assert_eq!(method, AdoptionMethod::RecordedVote);
            assert_eq!(tally, want.map(Some), "{text}");
        }
        let (method, tally) = arabic_statement("[اعتمد دون تصويت.]").unwrap();
        assert_eq!(method, AdoptionMethod::WithoutVote);
        assert_eq!(tally, [None; 3]);
    }

    #[test]
    fn english_tallies() {
        let (_, tally) =
            english_statement("[adopted by a recorded vote of 31 to 14, with 2 abstentions.")
                .unwrap();
        assert_eq!(tally, [Some(31), Some(14), Some(2)]);
        let (_, tally) =
            english_statement("adopted by a recorded vote of 46 to 1, with one abstention.")
                .unwrap();
        assert_eq!(tally, [Some(46), Some(1), Some(1)]);
        let (_, tally) = english_statement("adopted by a recorded vote of 47 to 0.").unwrap();
        assert_eq!(tally, [Some(47), Some(0), Some(0)]);
        let (method, _) = english_statement("[adopted without a vote.]").unwrap();
        assert_eq!(method, AdoptionMethod::WithoutVote);
    }

    #[test]
    fn lists_headings_and_mismatches() {
        let (vote, warnings) = parse_lines(
            "[Adopted by a recorded vote of 3 to 1, with 2 abstentions. The voting was as follows:
             In favour: Algeria, Bolivia (Plurinational State of), Cameroon
             Against:
             Germany
             Abstaining:
             Argentina]",
            Lang::En,
        );
        let vote = vote.unwrap();
        assert_eq!(vote.states.yes, ["DZA", "BOL", "CMR"]);
        assert_eq!(vote.names.yes[1], "Bolivia (Plurinational State of)");
        assert_eq!(vote.states.no, ["DEU"]);
        assert_eq!(vote.states.abstain, ["ARG"]);
        let codes: Vec<&str> = warnings.iter().map(|w| w.code.as_str()).collect();
        assert_eq!(codes, ["tally-mismatch"]);
        assert!(
            warnings[0]
                .message
                .contains("states 2 abstaining but names 1")
        );
    }

    #[test]
    fn damaged_heading_fuzzy_and_unknown_names() {
        let (vote, warnings) = parse_lines(
            "[اعتُمد بتصويت مسجل بأغلبية 2 صوتاً مقابل 0 صوتاً وامتناع عضو واحد عن التصويت.
             المؤيدون:
             الكامبيون، أتلانتس
             المتنعون:
             الأرجنتين.]",
            Lang::Ar,
        );
        let vote = vote.unwrap();
        assert_eq!(vote.states.yes, ["CMR"]);
        assert_eq!(vote.names.yes, ["الكامبيون", "أتلانتس"]);
        assert_eq!(vote.states.abstain, ["ARG"]);
        let codes: Vec<&str> = warnings.iter().map(|w| w.code.as_str()).collect();
        assert_eq!(
            codes,
            ["damaged-heading", "fuzzy-state", "unresolved-state"]
        );
        assert!(
            warnings[1].message.contains("CMR"),
            "{}",
            warnings[1].message
        );
    }

    #[test]
    fn tables_are_folded() {
        for (heading, _) in HEADINGS {
            assert_eq!(normalize_for_search(heading), *heading);
        }
    }

    #[test]
    fn names_are_split_outside_parentheses() {
        let mut warnings = Vec::new();
        assert_eq!(
            split_names("هولندا (مملكة)، اليابان.]", &mut warnings),
            ["هولندا (مملكة)", "اليابان"]
        );
        assert_eq!(
            split_names(
                "Venezuela (Bolivarian Republic of), Viet Nam",
                &mut warnings
            ),
            ["Venezuela (Bolivarian Republic of)", "Viet Nam"]
        );
    }
}
