//! What the readers of the UN's PDFs share: the page furniture to leave out, lines joined into
//! text, paragraph numbers, ordinal words, and the recommending States at a recommendation's end.

use std::fmt;
use std::str::FromStr;

use taawun_states::{MatchKind, Resolver};

/// A recommendation's number in the Working Group's report: paragraph 140, item 1 is "140.1".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Paragraph {
    /// The report's paragraph that lists the recommendations (140).
    pub chapeau: u32,
    /// The recommendation's place in it (1).
    pub item: u32,
}

impl fmt::Display for Paragraph {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.chapeau, self.item)
    }
}

impl FromStr for Paragraph {
    type Err = ();

    /// "140.1"; nothing else (no spaces, no sign, both numbers below a million).
    fn from_str(s: &str) -> Result<Self, ()> {
        let (chapeau, item) = s.split_once('.').ok_or(())?;
        Ok(Paragraph {
            chapeau: small_number(chapeau).ok_or(())?,
            item: small_number(item).ok_or(())?,
        })
    }
}

/// Digits only, below a million: the numbers of a report's paragraphs, never a year's digits
/// run together with others.
pub(crate) fn small_number(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 6 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// A line of a PDF's text as read, with where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Line<'a> {
    /// From 1.
    pub page: u32,
    /// From 1, within the page.
    pub line: u32,
    pub text: &'a str,
}

impl Line<'_> {
    pub fn trimmed(&self) -> &str {
        self.text.trim()
    }

    pub fn indent(&self) -> usize {
        self.text.chars().take_while(|c| c.is_whitespace()).count()
    }
}

/// Whether a line is the page's furniture rather than the document's text: the symbol at the top
/// of each page ("A/HRC/59/15"), the page number alone, the job number at the foot
/// ("GE.25-02819 (E)  210325", with the page number before or after it).
pub(crate) fn is_furniture(trimmed: &str) -> bool {
    let words: Vec<&str> = trimmed.split_whitespace().collect();
    match words.as_slice() {
        [] => false,
        [symbol] if is_symbol(symbol) => true,
        [number] if number.len() <= 3 && number.bytes().all(|b| b.is_ascii_digit()) => true,
        [number, job, ..] if number.bytes().all(|b| b.is_ascii_digit()) && is_job_number(job) => {
            true
        }
        [job, ..] => is_job_number(job),
    }
}

/// A UN document symbol as printed at the top of the pages: "A/HRC/59/15", "A/HRC/59/15/Add.1".
pub(crate) fn is_symbol(word: &str) -> bool {
    word.starts_with("A/")
        && word.len() <= 40
        && word.contains('/')
        && word
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '/' | '.' | '-'))
}

/// The United Nations Office at Geneva's job number: "GE.25-02819".
fn is_job_number(word: &str) -> bool {
    let Some(rest) = word.strip_prefix("GE.") else {
        return false;
    };
    let Some((year, job)) = rest.split_once('-') else {
        return false;
    };
    year.len() == 2
        && year.bytes().all(|b| b.is_ascii_digit())
        && !job.is_empty()
        && job.bytes().all(|b| b.is_ascii_digit())
}

/// The lines of the document's text, page by page, without the pages' furniture and footnotes.
///
/// On each page: the furniture lines at its top and at its foot go; then a footnote block — the
/// last lines of the page, after a blank line, the first of them a footnote's number ("1", "*")
/// set further left than the page's text (as the UN's layout sets footnotes) — goes too.
pub(crate) fn body_lines(pages: &[String]) -> Vec<Line<'_>> {
    let mut body = Vec::new();
    for (p, page) in pages.iter().enumerate() {
        let lines: Vec<Line> = page
            .lines()
            .enumerate()
            .map(|(i, text)| Line {
                page: p as u32 + 1,
                line: i as u32 + 1,
                text,
            })
            .collect();
        let filled: Vec<usize> = (0..lines.len())
            .filter(|&i| !lines[i].trimmed().is_empty())
            .collect();
        // The furniture: at most two lines at the top (the symbol) and three at the foot.
        let mut first = 0;
        while first < filled.len().min(2) && is_furniture(lines[filled[first]].trimmed()) {
            first += 1;
        }
        let mut last = filled.len();
        while last > first
            && filled.len() - last < 3
            && is_furniture(lines[filled[last - 1]].trimmed())
        {
            last -= 1;
        }
        let Some((&start, &end)) = filled.get(first).zip(filled.get(last.wrapping_sub(1))) else {
            continue;
        };
        if last <= first {
            continue;
        }
        let mut end = end + 1;
        if let Some(cut) = footnotes_start(&lines[start..end]) {
            end = start + cut;
        }
        body.extend(lines[start..end].iter().cloned());
    }
    body
}

/// Where a page's footnote block starts, if it has one (see [`body_lines`]).
fn footnotes_start(lines: &[Line]) -> Option<usize> {
    // The page's text sits at its most common indentation.
    let mut counts = std::collections::HashMap::new();
    for line in lines.iter().filter(|l| !l.trimmed().is_empty()) {
        *counts.entry(line.indent()).or_insert(0usize) += 1;
    }
    let body_indent = counts
        .into_iter()
        .max_by_key(|&(indent, n)| (n, std::cmp::Reverse(indent)))?
        .0;
    let mut cut = None;
    for (i, line) in lines.iter().enumerate().skip(1) {
        let after_blank = lines[i - 1].trimmed().is_empty();
        if after_blank && line.indent() < body_indent && is_footnote_start(line.trimmed()) {
            cut = Some(i);
            break;
        }
    }
    cut
}

/// "1 A/HRC/WG.6/48/SVN/1.", "* The annex is…": a number (or an asterisk) and text.
fn is_footnote_start(trimmed: &str) -> bool {
    let mut words = trimmed.split_whitespace();
    let (Some(mark), Some(_)) = (words.next(), words.next()) else {
        return false;
    };
    mark == "*" || (mark.len() <= 3 && mark.bytes().all(|b| b.is_ascii_digit()))
}

/// Lines joined into one text: a line's end is a space, except after a hyphen that ends a word
/// part ("non-" + "discrimination"): the UN's texts break lines at hyphens they print, and never
/// hyphenate a word that has none.
pub(crate) fn join_lines<'a>(lines: impl IntoIterator<Item = &'a str>) -> String {
    let mut text = String::new();
    for line in lines {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let joins_word =
            text.ends_with('-') && text[..text.len() - 1].ends_with(|c: char| c.is_alphabetic());
        if !text.is_empty() && !joins_word {
            text.push(' ');
        }
        text.push_str(line);
    }
    collapse_spaces(&text)
}

pub(crate) fn collapse_spaces(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// An English ordinal word as the UN writes sessions: "first" … "ninety-ninth".
pub(crate) fn ordinal(word: &str) -> Option<u32> {
    const UNITS: [&str; 19] = [
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
        "eighteenth",
        "nineteenth",
    ];
    const TENS: [(&str, &str, u32); 8] = [
        ("twenty", "twentieth", 20),
        ("thirty", "thirtieth", 30),
        ("forty", "fortieth", 40),
        ("fifty", "fiftieth", 50),
        ("sixty", "sixtieth", 60),
        ("seventy", "seventieth", 70),
        ("eighty", "eightieth", 80),
        ("ninety", "ninetieth", 90),
    ];
    let word = word.to_lowercase();
    let word = word.trim();
    if let Some(i) = UNITS.iter().position(|u| *u == word) {
        return Some(i as u32 + 1);
    }
    for (cardinal, ordinal, value) in TENS {
        if word == ordinal {
            return Some(value);
        }
        if let Some(unit) = word
            .strip_prefix(cardinal)
            .and_then(|rest| rest.strip_prefix(['-', '\u{2010}', '\u{2011}', ' ']))
        {
            return UNITS[..9]
                .iter()
                .position(|u| *u == unit)
                .map(|i| value + i as u32 + 1);
        }
    }
    None
}

/// "III. Noted recommendations": a heading of a document's part, a Roman numeral first.
pub(crate) fn is_chapter_heading(trimmed: &str) -> bool {
    let Some((numeral, title)) = trimmed.split_once(". ") else {
        return false;
    };
    !numeral.is_empty()
        && numeral.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
        && title.trim_start().starts_with(|c: char| c.is_uppercase())
}

/// Whether the resolver ties a name to one State by a UN name or a known variant (never by a
/// close spelling, which would be a guess).
pub(crate) fn resolves(resolver: &Resolver, name: &str) -> bool {
    matches!(
        resolver.resolve(name).match_kind,
        Some(MatchKind::Exact | MatchKind::Alias)
    )
}

/// A recommendation's text without its recommending States, and their names as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Attributed {
    pub text: String,
    pub names: Vec<String>,
}

/// Splits a recommendation as the UN prints it into its text and the names of the States that
/// made it.
///
/// The States are the parenthesised groups at its end, before the final semicolon or full
/// stop: "… Families (Algeria) (Cabo Verde);" in the current style, "(Portugal, Slovakia);" in
/// the second cycle's, a name that has its own parentheses kept whole ("(Venezuela (Bolivarian
/// Republic of))"). The last group is always the States (the UN's format has no recommendation
/// without one); an earlier group next to it counts too when it reads as a name — a capital, no
/// digits — so "(Act of 2019) (Germany)" keeps its first group in the text, while a State name
/// the resolver does not know still comes out as a name, to be listed as unresolved.
///
/// OHCHR's thematic lists write several recommendations of one paragraph in one cell ("Ratify …
/// (Ukraine); Increase efforts … (Slovakia);"): a group followed by a semicolon and more text
/// ends one of them when all its names are States (`is_state`), and the texts are joined with
/// "; " and the States listed in order.
pub(crate) fn attribute(raw: &str, is_state: &dyn Fn(&str) -> bool) -> Option<Attributed> {
    let raw = collapse_spaces(raw);
    let mut texts = Vec::new();
    let mut names = Vec::new();
    let mut rest = raw.as_str();
    // The parts that end with "(State); " and go on.
    while let Some((before, group, after)) = embedded_group(rest, is_state) {
        texts.push(before.trim().trim_end_matches([';', ',']).trim().to_owned());
        names.extend(split_names(group, is_state));
        rest = after;
    }
    let (text, groups) = trailing_groups(rest)?;
    texts.push(text.to_owned());
    for group in groups {
        names.extend(split_names(group, is_state));
    }
    let text = texts
        .into_iter()
        .filter(|t| !t.is_empty())
        .collect::<Vec<_>>()
        .join("; ");
    Some(Attributed { text, names })
}

/// The text before the first "(States);" that more text follows, the group's inside, and what
/// follows the semicolon.
fn embedded_group<'a>(
    text: &'a str,
    is_state: &dyn Fn(&str) -> bool,
) -> Option<(&'a str, &'a str, &'a str)> {
    let bytes = text.as_bytes();
    let mut search = 0;
    while let Some(offset) = text[search..].find(");") {
        let close = search + offset;
        search = close + 2;
        let after = text[close + 2..].trim_start();
        if !after.starts_with(|c: char| c.is_alphabetic()) {
            continue;
        }
        let Some(open) = matching_open(&bytes[..=close]) else {
            continue;
        };
        let group = &text[open + 1..close];
        let names = split_names(group, is_state);
        if !names.is_empty() && names.iter().all(|n| is_state(n)) {
            return Some((&text[..open], group, after));
        }
    }
    None
}

/// The position of the "(" that the ")" ending `bytes` closes.
fn matching_open(bytes: &[u8]) -> Option<usize> {
    let mut depth = 0usize;
    for i in (0..bytes.len()).rev() {
        match bytes[i] {
            b')' => depth += 1,
            b'(' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
    }
    None
}

/// The text and the insides of the groups that end it (in order), as [`attribute`] reads them.
fn trailing_groups(text: &str) -> Option<(&str, Vec<&str>)> {
    let mut end = strip_end(text);
    let mut groups = Vec::new();
    loop {
        let head = &text[..end];
        if !head.ends_with(')') {
            break;
        }
        let open = matching_open(head.as_bytes())?;
        let group = &head[open + 1..head.len() - 1];
        if !groups.is_empty() && !reads_as_name(group) {
            break;
        }
        groups.push(group);
        end = head[..open].trim_end().len();
    }
    if groups.is_empty() {
        return None;
    }
    groups.reverse();
    Some((text[..end].trim_end_matches([';', ',', ' ']), groups))
}

/// The end of a recommendation before its final punctuation and a footnote's number set after
/// it ("(Iraq).3").
fn strip_end(text: &str) -> usize {
    let mut t = text.trim_end();
    let punctuation = t.trim_end_matches([';', '.', ',']);
    if punctuation.len() < t.len() || t.ends_with(|c: char| c.is_ascii_digit()) {
        let digits = t.trim_end_matches(|c: char| c.is_ascii_digit());
        if digits.len() < t.len()
            && digits.ends_with([';', '.', ','])
            && digits.len() + 3 >= t.len()
        {
            t = digits;
        }
    }
    t.trim_end_matches([';', '.', ',', ' ']).len()
}

/// A State's name, as far as the letters tell: a capital first, no digits, no sentence
/// punctuation, and not an acronym ("(ICRMW) (Iran (Islamic Republic of))": the UN writes the
/// States in full).
fn reads_as_name(group: &str) -> bool {
    let group = group.trim();
    let acronym = !group.contains(' ') && group.chars().all(|c| c.is_uppercase());
    !acronym
        && group.starts_with(|c: char| c.is_uppercase())
        && group.chars().count() <= 200
        && group.chars().all(|c| {
            c.is_alphabetic() || matches!(c, ' ' | '\'' | '’' | '-' | '.' | ',' | '(' | ')')
        })
}

/// The names of one group: one name, or several split at commas ("Portugal, Slovakia") — a
/// comma inside a name ("Korea, Republic of") kept when the two parts together are a State and
/// the first alone is not.
fn split_names(group: &str, is_state: &dyn Fn(&str) -> bool) -> Vec<String> {
    let mut parts: Vec<String> = Vec::new();
    let mut depth = 0i32;
    let mut current = String::new();
    for c in group.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(std::mem::take(&mut current));
                continue;
            }
            _ => {}
        }
        current.push(c);
    }
    parts.push(current);
    let parts: Vec<String> = parts
        .iter()
        .map(|p| p.trim().trim_start_matches("and ").trim().to_owned())
        .filter(|p| !p.is_empty())
        .collect();
    let mut names = Vec::new();
    let mut i = 0;
    while i < parts.len() {
        if i + 1 < parts.len() && !is_state(&parts[i]) {
            let joined = format!("{}, {}", parts[i], parts[i + 1]);
            if is_state(&joined) {
                names.push(joined);
                i += 2;
                continue;
            }
        }
        names.push(parts[i].clone());
        i += 1;
    }
    names
}

/// The State a report is about: the first line after the title ("Report of the Working Group on
/// the Universal Periodic Review") that the resolver ties to a State, on the first page.
pub(crate) fn title_state<'a>(
    lines: &[Line<'a>],
    resolver: &Resolver,
) -> Option<(String, Line<'a>)> {
    let first_page: Vec<&Line> = lines.iter().filter(|l| l.page == 1).collect();
    let title_end = first_page.iter().position(|l| {
        let t = l.trimmed().trim_end_matches('*');
        t.ends_with("Universal Periodic Review") || t == "Review"
    })?;
    first_page[title_end + 1..]
        .iter()
        .filter(|l| !l.trimmed().is_empty())
        .take(3)
        .find_map(|l| {
            let name = l.trimmed().trim_end_matches('*').trim();
            let resolution = resolver.resolve(name);
            match resolution.match_kind {
                Some(MatchKind::Exact | MatchKind::Alias) => {
                    resolution.iso3.map(|c| (c.to_owned(), (*l).clone()))
                }
                _ => None,
            }
        })
}

/// Whether the first page carries the Working Group's report title.
pub(crate) fn has_report_title(lines: &[Line]) -> bool {
    let first_page = join_lines(lines.iter().filter(|l| l.page == 1).map(|l| l.text));
    first_page.contains("Report of the Working Group on the Universal Periodic Review")
}

/// The document's symbol as the first page prints it at its top right.
pub(crate) fn first_symbol(pages: &[String]) -> Option<String> {
    pages.first()?.lines().take(8).find_map(|line| {
        line.split_whitespace()
            .find(|w| is_symbol(w) && w.contains("HRC"))
            .map(str::to_owned)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn states(name: &str) -> bool {
        resolves(Resolver::builtin(), name)
    }

    #[test]
    fn paragraphs_read_and_print_and_order_by_number() {
        let p: Paragraph = "140.12".parse().unwrap();
        assert_eq!(p.to_string(), "140.12");
        assert!(p > "140.9".parse().unwrap());
        assert!("140".parse::<Paragraph>().is_err());
        assert!("140.x".parse::<Paragraph>().is_err());
    }

    #[test]
    fn furniture_is_the_symbol_the_page_number_and_the_job_number() {
        for line in [
            "A/HRC/59/15",
            "A/HRC/59/15/Add.1",
            "12",
            "GE.25-02819",
            "GE.25-02819 (E)    210325 210325",
            "12      GE.25-02819",
            "GE.25-02819      11",
        ] {
            assert!(is_furniture(line), "{line}");
        }
        for line in [
            "140.12 Ratify",
            "12 years of free education",
            "(Germany);",
            "Annex",
        ] {
            assert!(!is_furniture(line), "{line}");
        }
    }

    #[test]
    fn body_lines_leave_out_headers_footers_and_footnotes() {
        let page = "                A/HRC/59/15\n\n\n       1.  The Working Group held its\n       twelfth session.\n       12 years of text\n\n\n   1 A/HRC/WG.6/48/SVN/1.\n   2 A/HRC/WG.6/48/SVN/2.\n\n\n2          GE.25-02819\n";
        let pages = vec![page.to_owned()];
        let lines = body_lines(&pages);
        let texts: Vec<&str> = lines.iter().map(|l| l.trimmed()).collect();
        assert!(texts.contains(&"12 years of text"));
        assert!(
            !texts
                .iter()
                .any(|t| t.contains("SVN") || t.contains("GE.25"))
        );
        assert!(!texts.contains(&"A/HRC/59/15"));
        let first = lines.iter().find(|l| !l.trimmed().is_empty()).unwrap();
        assert_eq!((first.page, first.line), (1, 4));
    }

    #[test]
    fn lines_join_with_spaces_and_hyphens_keep_their_words() {
        assert_eq!(
            join_lines([
                "Combat  hate",
                "speech and non-",
                "discrimination (Sri",
                "Lanka);"
            ]),
            "Combat hate speech and non-discrimination (Sri Lanka);"
        );
    }

    #[test]
    fn ordinals_read_as_the_un_writes_sessions() {
        assert_eq!(ordinal("forty-eighth"), Some(48));
        assert_eq!(ordinal("twentieth"), Some(20));
        assert_eq!(ordinal("Thirty-fourth"), Some(34));
        assert_eq!(ordinal("first"), Some(1));
        assert_eq!(ordinal("forty-eleventh"), None);
        assert_eq!(ordinal("session"), None);
    }

    #[test]
    fn the_states_at_the_end_come_off_the_text() {
        let a = attribute(
            "Ratify the Convention (Algeria) (Cabo Verde) (Bolivarian Republic of Venezuela);",
            &states,
        )
        .unwrap();
        assert_eq!(a.text, "Ratify the Convention");
        assert_eq!(
            a.names,
            ["Algeria", "Cabo Verde", "Bolivarian Republic of Venezuela"]
        );
        let a = attribute(
            "Adopt measures (Venezuela (Bolivarian Republic of));",
            &states,
        )
        .unwrap();
        assert_eq!(a.names, ["Venezuela (Bolivarian Republic of)"]);
        let a = attribute("Ratify it (Portugal, Slovakia).", &states).unwrap();
        assert_eq!(a.names, ["Portugal", "Slovakia"]);
        // A group of the text next to the States stays in the text.
        let a = attribute("Adopt the plan (2024–2028) (Djibouti);", &states).unwrap();
        assert_eq!(
            (a.text.as_str(), a.names.as_slice()),
            ("Adopt the plan (2024–2028)", &["Djibouti".to_owned()][..])
        );
        let a = attribute(
            "Ratify ICRMW (ICRMW) (Iran (Islamic Republic of));",
            &states,
        )
        .unwrap();
        assert_eq!(a.text, "Ratify ICRMW (ICRMW)");
        // A name not known is still a name, for the caller to list.
        let a = attribute("Do it (Atlantis) (Germany);", &states).unwrap();
        assert_eq!(a.names, ["Atlantis", "Germany"]);
        assert_eq!(attribute("No State at all;", &states), None);
    }

    #[test]
    fn several_recommendations_of_one_cell_are_joined() {
        let a = attribute(
            "Ratify the Convention (Ukraine); Increase efforts to ratify it (Slovakia);",
            &states,
        )
        .unwrap();
        assert_eq!(
            a.text,
            "Ratify the Convention; Increase efforts to ratify it"
        );
        assert_eq!(a.names, ["Ukraine", "Slovakia"]);
        // A parenthesis of the text followed by a semicolon is not a State.
        let a = attribute(
            "Strengthen the institution (NHRI); fund it (Peru);take measures (Azerbaijan);",
            &states,
        )
        .unwrap();
        assert_eq!(a.names, ["Peru", "Azerbaijan"]);
        assert_eq!(
            a.text,
            "Strengthen the institution (NHRI); fund it; take measures"
        );
    }
}
