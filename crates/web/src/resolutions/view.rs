//! What the resolution page shows, computed from the stored record: footnote markers turned
//! into links, the vote grouped by regional group, labels in the interface language.

use taawun_documents::{AdoptionMethod, Paragraph, Resolution};
use taawun_store::slug_of;

use crate::format;
use crate::i18n::Lang;

/// A run of paragraph text, a footnote marker, or a cited UN symbol.
pub struct Segment {
    pub text: String,
    pub footnote: Option<u32>,
    /// The text is a UN symbol, written in its right order, isolated left to right.
    pub symbol: bool,
    /// The symbol's record, when the registry holds it.
    pub href: Option<String>,
}

impl Segment {
    fn plain(text: String) -> Segment {
        Segment {
            text,
            footnote: None,
            symbol: false,
            href: None,
        }
    }
}

/// A citation to show in running text: where it is in the text, what to show there, and the
/// record it links to.
struct Citation {
    range: std::ops::Range<usize>,
    display: String,
    href: Option<String>,
}

/// The `session/number` pair inside a citation as written ("قرار الجمعية العامة 1/70" →
/// the byte range of "1/70"): its last run of digits, a slash and digits.
fn number_pair(written: &str) -> Option<std::ops::Range<usize>> {
    let bytes = written.as_bytes();
    let mut found = None;
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_digit() && (i == 0 || !bytes[i - 1].is_ascii_digit()) {
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            if i + 1 < bytes.len() && bytes[i] == b'/' && bytes[i + 1].is_ascii_digit() {
                i += 1;
                while i < bytes.len() && bytes[i].is_ascii_digit() {
                    i += 1;
                }
                let next_is_word = i < bytes.len() && (bytes[i].is_ascii_alphanumeric());
                if !next_is_word {
                    found = Some(start..i);
                }
            }
        } else {
            i += 1;
        }
    }
    found
}

/// Where the text cites the references of its paragraph, and how to show each: the parser
/// read "1/70" (an Arabic PDF's reversed extraction) as A/RES/70/1, so the page shows "70/1"
/// there, and a full symbol as it is; both isolated left to right and linked when the registry
/// holds the record.
fn citations(
    text: &str,
    references: &[&taawun_documents::Reference],
    known: &[String],
) -> Vec<Citation> {
    let mut out: Vec<Citation> = Vec::new();
    let mut searched_from: std::collections::HashMap<&str, usize> = Default::default();
    for reference in references {
        let symbol = reference.symbol.as_str();
        if !symbol.contains('/') || !symbol.is_ascii() {
            continue;
        }
        let written = reference.as_written.as_str();
        let from = searched_from.get(written).copied().unwrap_or(0);
        let Some(at) = text
            .get(from..)
            .and_then(|rest| rest.find(written))
            .map(|i| i + from)
        else {
            continue;
        };
        searched_from.insert(written, at + written.len());
        let (range, display) = if written == symbol || written.eq_ignore_ascii_case(symbol) {
            (at..at + written.len(), written.to_owned())
        } else {
            let Some(pair) = number_pair(written) else {
                continue;
            };
            // The symbol's own last two parts, in its order: A/RES/70/1 → 70/1.
            let parts: Vec<&str> = symbol.rsplitn(3, '/').collect();
            if parts.len() < 2 {
                continue;
            }
            (
                at + pair.start..at + pair.end,
                format!("{}/{}", parts[1], parts[0]),
            )
        };
        if out
            .iter()
            .any(|c| c.range.start < range.end && range.start < c.range.end)
        {
            continue;
        }
        out.push(Citation {
            range,
            display,
            href: known
                .iter()
                .any(|k| k == symbol)
                .then(|| format!("/resolutions/{symbol}")),
        });
    }
    out.sort_by_key(|c| c.range.start);
    out
}

/// Splits plain segments at their citations.
fn with_citations(segments: Vec<Segment>, citations: &[Citation], text: &str) -> Vec<Segment> {
    if citations.is_empty() {
        return segments;
    }
    // Citations are found in the whole text; segments are cut from it in order, so a running
    // offset maps one onto the other (footnote markers are replaced by their number, so the
    // offset is tracked through the source text rather than the segments' lengths).
    let mut out = Vec::new();
    let mut offset = 0;
    for segment in segments {
        if segment.footnote.is_some() {
            // Skip past the marker in the source: ⁽N⁾, or a run of superscript digits.
            let rest = text.get(offset..).unwrap_or("");
            if rest.starts_with('⁽') {
                if let Some(end) = rest.find('⁾') {
                    offset += end + '⁾'.len_utf8();
                }
            } else {
                offset += rest
                    .chars()
                    .take_while(|c| superscript_digit(*c).is_some())
                    .map(char::len_utf8)
                    .sum::<usize>();
            }
            out.push(segment);
            continue;
        }
        let start = offset;
        let end = start + segment.text.len();
        offset = end;
        let mut cursor = start;
        for citation in citations
            .iter()
            .filter(|c| c.range.start >= start && c.range.end <= end)
        {
            if citation.range.start > cursor {
                out.push(Segment::plain(
                    text[cursor..citation.range.start].to_owned(),
                ));
            }
            out.push(Segment {
                text: citation.display.clone(),
                footnote: None,
                symbol: true,
                href: citation.href.clone(),
            });
            cursor = citation.range.end;
        }
        if cursor < end {
            out.push(Segment::plain(text[cursor..end].to_owned()));
        }
    }
    out
}

/// A paragraph's or footnote's text as segments: footnote markers and cited symbols apart.
fn rich_segments(
    text: &str,
    anchor: &str,
    references: &[taawun_documents::Reference],
    known: &[String],
) -> Vec<Segment> {
    let mine: Vec<&taawun_documents::Reference> = references
        .iter()
        .filter(|r| r.paragraph == anchor)
        .collect();
    with_citations(segments(text), &citations(text, &mine, known), text)
}

/// The record a draft led to.
pub struct AdoptedAs {
    pub symbol: String,
    pub title: String,
    pub href: String,
}

pub struct ParagraphView {
    /// `pp-3`, `op-22`.
    pub anchor: String,
    pub number: u32,
    /// Whether the text numbers it: a sole operative paragraph is not numbered (the UN's
    /// editorial rule, and what a decision's "Adopts the outcome …" looks like).
    pub numbered: bool,
    pub segments: Vec<Segment>,
}

pub struct FootnoteView {
    pub marker: u32,
    pub segments: Vec<Segment>,
    pub missing: bool,
    pub paragraph: String,
}

pub struct ReferenceView {
    pub symbol: String,
    /// Set when the registry holds the cited record.
    pub href: Option<String>,
    pub kind: String,
    pub date: String,
    pub paragraph: String,
    pub as_written: String,
}

pub struct StateLink {
    pub iso3: String,
    pub name: String,
}

pub struct GroupVotes {
    pub label: String,
    pub yes: Vec<StateLink>,
    pub no: Vec<StateLink>,
    pub abstain: Vec<StateLink>,
    pub non_voting: Vec<StateLink>,
    pub absent: Vec<StateLink>,
}

/// Another roll call on the same symbol: an amendment or a separate vote on a paragraph.
pub struct OtherRollCall {
    pub kind: String,
    pub date: String,
    pub title: String,
    pub description: String,
    pub tally: String,
    pub outcome: String,
    pub outcome_slug: &'static str,
}

/// The body of a roll call from its stored slug (`hrc`, `unga`).
/// What the tally and the body's rule decide, and its label: "Adopted", "Rejected", "Result
/// not recorded".
pub fn outcome_of(
    body: taawun_votes::Body,
    yes: u32,
    no: u32,
    abstain: u32,
    lang: Lang,
) -> (&'static str, String) {
    let outcome = taawun_votes::outcome(body, yes, no, abstain);
    (
        outcome.slug(),
        lang.t(&format!("outcome-{}", outcome.slug())),
    )
}

/// The rule the outcome was decided by, as the page states it.
fn rule_line(body: taawun_votes::Body, lang: Lang) -> String {
    lang.t(&format!("rule-{}", taawun_votes::Rule::of(body).slug()))
}

/// What a stored roll call was taken on.
fn kind_of(r: &taawun_store::RollCallVotes) -> taawun_votes::Kind {
    taawun_votes::kind_of(
        r.symbol.as_deref(),
        r.amendment,
        r.paragraph_vote,
        r.draft,
        &[r.title.as_str(), r.description.as_str()],
    )
}

/// The official document in the UN's Official Document System, in the page's language. The
/// Assembly's resolutions of its first 30 sessions carry their session in Roman numerals
/// (A/RES/2758(XXVI)), which is how the document system knows them; the voting data writes
/// them A/RES/26/2758.
pub fn official_document(symbol: &str, lang: Lang) -> String {
    let symbol = official_symbol(symbol);
    format!(
        "https://undocs.org/{}/{}",
        lang.code(),
        crate::page::encode_query_value(&symbol)
            .replace("%2F", "/")
            .replace("%28", "(")
            .replace("%29", ")")
    )
}

fn official_symbol(symbol: &str) -> String {
    let parts: Vec<&str> = symbol.split('/').collect();
    if let ["A", "RES", session, number] = parts.as_slice()
        && let Ok(session) = session.parse::<u32>()
        && (1..=30).contains(&session)
    {
        let digits: String = number.chars().take_while(char::is_ascii_digit).collect();
        if !digits.is_empty() {
            return format!("A/RES/{digits}({})", roman(session));
        }
    }
    symbol.to_owned()
}

fn roman(mut n: u32) -> String {
    let mut out = String::new();
    for (value, letters) in [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")] {
        while n >= value {
            out.push_str(letters);
            n -= value;
        }
    }
    out
}

pub struct VoteView {
    pub method: String,
    /// What the tally and the body's rule decide (empty when the vote was not recorded).
    pub outcome: String,
    pub outcome_slug: &'static str,
    /// The rule, said on the page.
    pub rule: String,
    pub tally: String,
    pub recorded: bool,
    /// Where the State-by-State breakdown comes from: the voting records or the text.
    pub source: String,
    pub groups: Vec<GroupVotes>,
    /// Whether any State did not vote though present, or was absent (columns shown only then).
    pub has_non_voting: bool,
    pub has_absent: bool,
    /// How many of today's States had no vote in the record (counted as the map shows them,
    /// not listed), said as the body's record allows.
    pub not_members: String,
    /// Where each State's name leads: its voting record, in this vote's body when the vote is
    /// from the voting records.
    pub record_query: String,
    pub charts: Option<crate::charts::VoteCharts>,
    /// What the imported voting records say about this vote: agreement, or each difference.
    pub records: Vec<String>,
    pub records_agree: bool,
    pub other_roll_calls: Vec<OtherRollCall>,
}

/// Compares the vote the text states with the imported voting records: both are kept, and
/// every difference is shown rather than either side being "fixed".
fn compare_with_records(
    record: &Resolution,
    recorded: &[taawun_store::RollCallVotes],
    lang: Lang,
) -> (Vec<String>, bool) {
    let Some(vote) = record.vote.as_ref() else {
        return (Vec::new(), true);
    };
    let mut lines = Vec::new();
    let mut agree = true;
    for roll_call in recorded {
        let of = |choice: &str| -> std::collections::BTreeSet<&str> {
            roll_call
                .votes
                .iter()
                .filter(|v| v.choice == choice)
                .map(|v| v.state.as_str())
                .collect()
        };
        let mut differences = Vec::new();
        for (choice, listed) in [
            ("yes", &vote.states.yes),
            ("no", &vote.states.no),
            ("abstain", &vote.states.abstain),
        ] {
            let text: std::collections::BTreeSet<&str> =
                listed.iter().map(String::as_str).collect();
            let data = of(choice);
            for state in data.symmetric_difference(&text) {
                let side = if data.contains(state) {
                    "records-only"
                } else {
                    "text-only"
                };
                differences.push(lang.t_args(
                    &format!("vote-records-{side}"),
                    &[
                        ("state", state.to_string().into()),
                        ("choice", lang.t(&format!("vote-{choice}")).into()),
                    ],
                ));
            }
        }
        if differences.is_empty() {
            lines.push(lang.t_args(
                "vote-records-agree",
                &[("source", roll_call.body.slug().to_uppercase().into())],
            ));
        } else {
            agree = false;
            lines.push(lang.t_args(
                "vote-records-differ",
                &[("source", roll_call.body.slug().to_uppercase().into())],
            ));
            lines.extend(differences);
        }
    }
    (lines, agree)
}

pub struct MandateView {
    pub paragraph: u32,
    pub addressee: String,
    pub action: String,
    pub output: String,
    pub due_session: String,
    pub status: String,
    pub status_slug: String,
    /// The mandate's page, with its outputs.
    pub href: String,
}

pub struct WarningView {
    pub code: String,
    pub location: String,
    pub message: String,
}

pub struct VersionView {
    pub version: u32,
    pub language: String,
    pub source: String,
    pub warnings: u32,
    pub imported_at: String,
    pub current: bool,
}

pub struct CitingView {
    pub symbol: String,
    pub title: String,
    pub dir: &'static str,
    pub lang: String,
}

pub struct ResolutionView {
    /// False for a symbol known only from the voting records.
    pub has_text: bool,
    /// "Adopted" for a text; "Date of the vote" for a roll call, which may have failed.
    pub date_label: String,
    /// For a record held as text: a resolution or a decision.
    pub text_kind: String,
    /// For a draft voted on: the resolution of the same session and title.
    pub adopted_as: Option<AdoptedAs>,
    /// For a record known only from a roll call: what was voted on and its result.
    pub kind: String,
    pub description: String,
    pub outcome: String,
    pub outcome_slug: &'static str,
    /// The official document in the UN's document system, in the page's language.
    pub official_href: String,
    /// The text is in another language than the page's, and no other language is held.
    pub text_only_in: String,
    /// Whether the reader may see how the record was made (parser notes, source files, import
    /// times, how to add a text): the secretariat and administrators, as the policy decides.
    pub staff: bool,
    pub symbol: String,
    pub title: String,
    pub title_lang: String,
    pub title_dir: &'static str,
    pub text_lang: String,
    pub text_dir: &'static str,
    pub body: String,
    pub session: String,
    pub agenda: String,
    pub adoption_date: String,
    pub distribution_date: String,
    pub meeting: String,
    pub preambular: Vec<ParagraphView>,
    pub operative: Vec<ParagraphView>,
    pub footnotes: Vec<FootnoteView>,
    pub references: Vec<ReferenceView>,
    pub cited_by: Vec<CitingView>,
    pub vote: Option<VoteView>,
    pub mandates: Vec<MandateView>,
    pub warnings: Vec<WarningView>,
    pub history: Vec<VersionView>,
}

/// Superscript digits as PDF extraction writes footnote markers: ⁽¹⁾, ⁽¹²⁾.
fn superscript_digit(c: char) -> Option<u32> {
    match c {
        '⁰' => Some(0),
        '¹' => Some(1),
        '²' => Some(2),
        '³' => Some(3),
        '⁴'..='⁹' => Some(c as u32 - '⁴' as u32 + 4),
        _ => None,
    }
}

/// Splits a paragraph's text at its footnote markers, which become links: ⁽N⁾ as Arabic texts
/// write them, or bare superscript digits as English ones do ("Review,¹ the views").
pub fn segments(text: &str) -> Vec<Segment> {
    if !text
        .chars()
        .any(|c| c == '⁽' || superscript_digit(c).is_some())
    {
        return vec![Segment::plain(text.to_owned())];
    }
    let mut out = Vec::new();
    let mut plain = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let marker = if superscript_digit(c).is_some() {
            // A bare run of superscript digits: this one and the ones that follow.
            let mut run = std::iter::once(c).chain(std::iter::from_fn(|| {
                chars.next_if(|d| superscript_digit(*d).is_some())
            }));
            superscript_number(&mut run)
        } else if c == '⁽' {
            // ⁽N⁾: taken only when closed; otherwise the characters stay text.
            let mut lookahead = chars.clone();
            let number = superscript_number(&mut std::iter::from_fn(|| {
                lookahead.next_if(|d| superscript_digit(*d).is_some())
            }));
            match (number, lookahead.next()) {
                (Some(n), Some('⁾')) => {
                    chars = lookahead;
                    Some(n)
                }
                _ => None,
            }
        } else {
            None
        };
        match marker {
            Some(number) => {
                if !plain.is_empty() {
                    out.push(Segment::plain(std::mem::take(&mut plain)));
                }
                out.push(Segment {
                    text: number.to_string(),
                    footnote: Some(number),
                    symbol: false,
                    href: None,
                });
            }
            None => plain.push(c),
        }
    }
    if !plain.is_empty() {
        out.push(Segment::plain(plain));
    }
    out
}

/// The number written by superscript digits (at most four are read; `None` without any).
fn superscript_number(digits: &mut impl Iterator<Item = char>) -> Option<u32> {
    digits
        .take(4)
        .map_while(superscript_digit)
        .fold(None, |n, d| Some(n.unwrap_or(0) * 10 + d))
}

fn paragraphs(
    list: &[Paragraph],
    prefix: &str,
    references: &[taawun_documents::Reference],
    known: &[String],
) -> Vec<ParagraphView> {
    list.iter()
        .map(|p| {
            let anchor = format!("{prefix}-{}", p.number);
            ParagraphView {
                segments: rich_segments(&p.text, &anchor, references, known),
                anchor,
                number: p.number,
                numbered: true,
            }
        })
        .collect()
}

fn tally_line(lang: Lang, yes: Option<u32>, no: Option<u32>, abstain: Option<u32>) -> String {
    format::tally(lang, yes, no, abstain)
}

/// The vote section: the text's statement of the vote and, where the voting records hold the
/// roll call, its full breakdown (with non-voting and absent members), charts and the
/// comparison of both.
fn vote_view(bundle: &super::ResolutionBundle, lang: Lang) -> Option<VoteView> {
    let record = bundle.stored.as_ref().map(|s| &s.record);
    let text_vote = record.and_then(|r| r.vote.as_ref());
    let principal = bundle.recorded_votes.first();
    if text_vote.is_none() && principal.is_none() {
        return None;
    }
    let recorded = text_vote.is_none_or(|v| v.method == AdoptionMethod::RecordedVote);
    // A text says how it was adopted; a roll call alone says only that a vote was taken: its
    // result comes from the tally and the rule.
    let method = match text_vote {
        Some(v) => lang.t(&format!("method-{}", slug_of(&v.method))),
        None => lang.t("method-put-to-vote"),
    };
    let (outcome_slug, outcome, rule) = match principal {
        Some(p) if recorded => {
            let body = p.body;
            let (slug, label) = outcome_of(body, p.yes, p.no, p.abstain, lang);
            (slug, label, rule_line(body, lang))
        }
        _ => ("", String::new(), String::new()),
    };
    let tally = match (text_vote, principal) {
        (Some(v), _) if recorded => tally_line(lang, v.yes, v.no, v.abstain),
        (None, Some(p)) => tally_line(lang, Some(p.yes), Some(p.no), Some(p.abstain)),
        _ => String::new(),
    };
    // The breakdown: the voting records list every member (and non-members), so they are
    // preferred; a text names only the States that voted yes, no or abstained.
    let (pairs, complete, source): (Vec<(&str, &str)>, bool, String) = match (principal, text_vote)
    {
        (Some(p), _) => (
            p.votes
                .iter()
                .map(|v| (v.state.as_str(), v.choice.as_str()))
                .collect(),
            true,
            lang.t_args(
                "vote-source-records",
                &[(
                    "source",
                    lang.t(&format!("vote-body-{}", p.body.slug())).into(),
                )],
            ),
        ),
        (None, Some(v)) if recorded => (
            [
                ("yes", &v.states.yes),
                ("no", &v.states.no),
                ("abstain", &v.states.abstain),
            ]
            .into_iter()
            .flat_map(|(choice, states)| states.iter().map(move |s| (s.as_str(), choice)))
            .collect(),
            false,
            lang.t("vote-source-text"),
        ),
        _ => (Vec::new(), false, String::new()),
    };
    let mut groups: Vec<GroupVotes> = taawun_states::RegionalGroup::ALL
        .iter()
        .map(|g| crate::states::group_label(lang, Some(g.slug())))
        .chain([lang.t("group-none")])
        .map(|label| GroupVotes {
            label,
            yes: Vec::new(),
            no: Vec::new(),
            abstain: Vec::new(),
            non_voting: Vec::new(),
            absent: Vec::new(),
        })
        .collect();
    let mut not_members = 0;
    for (iso3, choice) in &pairs {
        let state = taawun_states::by_iso3(iso3);
        let index = state
            .and_then(|s| s.regional_group)
            .and_then(|g| {
                taawun_states::RegionalGroup::ALL
                    .iter()
                    .position(|x| *x == g)
            })
            .unwrap_or(5);
        let link = StateLink {
            iso3: (*iso3).to_owned(),
            name: state.map_or_else(
                || (*iso3).to_owned(),
                |s| s.names.get(lang.code()).to_owned(),
            ),
        };
        let group = &mut groups[index];
        match *choice {
            "yes" => group.yes.push(link),
            "no" => group.no.push(link),
            "abstain" => group.abstain.push(link),
            "non-voting" => group.non_voting.push(link),
            "absent" => group.absent.push(link),
            _ => not_members += 1,
        }
    }
    for group in &mut groups {
        for list in [
            &mut group.yes,
            &mut group.no,
            &mut group.abstain,
            &mut group.non_voting,
            &mut group.absent,
        ] {
            list.sort_by(|a, b| a.name.cmp(&b.name));
        }
    }
    groups.retain(|g| {
        !(g.yes.is_empty()
            && g.no.is_empty()
            && g.abstain.is_empty()
            && g.non_voting.is_empty()
            && g.absent.is_empty())
    });
    // Counted as the map draws them: every present-day Member and observer State that has no
    // vote in a complete record (the HRC data itself lists only the States ever elected, so its
    // own "not a member" rows undercount).
    let not_members = if complete {
        let voting: std::collections::HashSet<&str> = pairs
            .iter()
            .filter(|(_, choice)| *choice != "not-member")
            .map(|(iso3, _)| *iso3)
            .collect();
        let _ = not_members;
        taawun_states::all()
            .filter(|s| {
                matches!(
                    s.status,
                    taawun_states::UnStatus::Member | taawun_states::UnStatus::Observer
                ) && !voting.contains(s.iso3)
            })
            .count()
    } else {
        0
    };
    let not_members_line = match principal {
        Some(p) if not_members > 0 => lang.t_args(
            &format!("vote-not-members-{}", p.body.slug()),
            &[("count", not_members.into())],
        ),
        _ => String::new(),
    };
    let has_non_voting = groups.iter().any(|g| !g.non_voting.is_empty());
    let has_absent = groups.iter().any(|g| !g.absent.is_empty());
    let charts = (!pairs.is_empty())
        .then(|| crate::charts::vote_charts(&pairs, complete, lang, "vote", &bundle.symbol));
    let (records, records_agree) = match record {
        Some(record) => compare_with_records(record, &bundle.recorded_votes, lang),
        None => (Vec::new(), true),
    };
    let other_roll_calls = bundle
        .recorded_votes
        .iter()
        .skip(1)
        .map(|r| {
            let (outcome_slug, outcome) = outcome_of(r.body, r.yes, r.no, r.abstain, lang);
            OtherRollCall {
                kind: lang.t(&format!("kind-{}", kind_of(r).slug())),
                date: format::roll_call_date(&r.date, r.day_known, lang),
                title: r.title.clone(),
                description: r.description.clone(),
                tally: tally_line(lang, Some(r.yes), Some(r.no), Some(r.abstain)),
                outcome,
                outcome_slug,
            }
        })
        .collect();
    Some(VoteView {
        method,
        outcome,
        outcome_slug,
        rule,
        tally,
        recorded,
        source,
        groups,
        has_non_voting,
        has_absent,
        not_members: not_members_line,
        record_query: principal.map_or_else(String::new, |p| format!("?body={}", p.body.name())),
        charts,
        records,
        records_agree,
        other_roll_calls,
    })
}

/// The page's view; `staff` (the policy's answer for the reader) decides whether how the
/// record was made is shown.
pub fn build(bundle: &super::ResolutionBundle, lang: Lang, staff: bool) -> ResolutionView {
    let vote = vote_view(bundle, lang);
    let mut view = match &bundle.stored {
        Some(stored) => with_text(bundle, stored, vote, lang),
        None => votes_only(bundle, vote, lang),
    };
    view.staff = staff;
    if !staff {
        view.warnings.clear();
        for version in &mut view.history {
            version.source.clear();
            version.imported_at.clear();
        }
    }
    view
}

/// A symbol known only from the voting records: what the roll call says of it.
fn votes_only(
    bundle: &super::ResolutionBundle,
    vote: Option<VoteView>,
    lang: Lang,
) -> ResolutionView {
    let principal = bundle.recorded_votes.first();
    let body = principal.map_or("", |p| p.body.slug());
    let (outcome_slug, outcome) = principal.map_or(("", String::new()), |p| {
        outcome_of(p.body, p.yes, p.no, p.abstain, lang)
    });
    ResolutionView {
        has_text: false,
        date_label: lang.t("col-vote-date"),
        text_kind: String::new(),
        adopted_as: bundle.adopted_as.as_ref().map(|r| AdoptedAs {
            href: format!("/resolutions/{}", r.symbol),
            symbol: r.symbol.clone(),
            title: r.title.clone(),
        }),
        kind: principal
            .map(|p| lang.t(&format!("kind-{}", kind_of(p).slug())))
            .unwrap_or_default(),
        description: principal.map(|p| p.description.clone()).unwrap_or_default(),
        outcome,
        outcome_slug,
        official_href: official_document(&bundle.symbol, lang),
        text_only_in: String::new(),
        staff: false,
        symbol: bundle.symbol.clone(),
        title: principal.map(|p| p.title.clone()).unwrap_or_default(),
        // The datasets' titles are English.
        title_lang: "en".into(),
        title_dir: "ltr",
        text_lang: "en".into(),
        text_dir: "ltr",
        body: lang.t(&format!("vote-body-{body}")),
        session: String::new(),
        agenda: String::new(),
        adoption_date: principal
            .map(|p| format::roll_call_date(&p.date, p.day_known, lang))
            .unwrap_or_default(),
        distribution_date: String::new(),
        meeting: String::new(),
        preambular: Vec::new(),
        operative: Vec::new(),
        footnotes: Vec::new(),
        references: Vec::new(),
        cited_by: citing(bundle),
        vote,
        mandates: Vec::new(),
        warnings: Vec::new(),
        history: Vec::new(),
    }
}

fn citing(bundle: &super::ResolutionBundle) -> Vec<CitingView> {
    bundle
        .cited_by
        .iter()
        .map(|c| {
            let l = c
                .language
                .as_deref()
                .and_then(Lang::from_code)
                .unwrap_or(Lang::En);
            CitingView {
                symbol: c.symbol.clone(),
                title: c.title.clone(),
                dir: l.dir(),
                lang: l.code().to_owned(),
            }
        })
        .collect()
}

fn with_text(
    bundle: &super::ResolutionBundle,
    stored: &taawun_store::StoredResolution,
    vote: Option<VoteView>,
    lang: Lang,
) -> ResolutionView {
    let known = &bundle.known;
    let record = &stored.record;
    let text_lang = Lang::from_code(&record.language).unwrap_or(Lang::En);
    let date = |d: Option<chrono::NaiveDate>| d.map(|d| format::date(d, lang)).unwrap_or_default();
    let references = record
        .references
        .iter()
        .map(|r| ReferenceView {
            href: known
                .contains(&r.symbol)
                .then(|| format!("/resolutions/{}", r.symbol)),
            symbol: r.symbol.clone(),
            kind: lang.t(&format!("reference-{}", slug_of(&r.kind))),
            date: date(r.date),
            paragraph: r.paragraph.clone(),
            as_written: r.as_written.clone(),
        })
        .collect();
    let footnotes = record
        .footnotes
        .iter()
        .map(|f| FootnoteView {
            marker: f.marker,
            missing: f.text.is_none(),
            // A footnote's citations are listed under the paragraph it belongs to.
            segments: rich_segments(
                f.text.as_deref().unwrap_or_default(),
                &f.paragraph,
                &record.references,
                known,
            ),
            paragraph: f.paragraph.clone(),
        })
        .collect();
    let mandates = bundle
        .mandates
        .iter()
        .map(|m| MandateView {
            paragraph: m.paragraph,
            addressee: lang.t(&format!("addressee-{}", m.addressee)),
            action: m.action.clone(),
            output: m
                .output
                .as_ref()
                .map(|o| lang.t(&format!("output-{o}")))
                .unwrap_or_default(),
            due_session: m.due_session.map(|s| s.to_string()).unwrap_or_default(),
            status: lang.t(&format!("mandate-status-{}", m.status)),
            status_slug: m.status.clone(),
            href: crate::council::mandate_href(&crate::council::api::key_of(m)),
        })
        .collect();
    // A page in another language than the only text held: the title in the page's language
    // where the voting records give it (their titles are English), and a plain statement that
    // the text exists in one language here.
    let other_language = text_lang != lang;
    let english_title = bundle
        .recorded_votes
        .iter()
        .find(|r| r.principal)
        .map(|r| r.title.clone())
        .filter(|t| !t.is_empty());
    let (title, title_lang) = match english_title {
        Some(title) if other_language && lang == Lang::En => (title, Lang::En),
        _ => (record.title.clone(), text_lang),
    };
    ResolutionView {
        has_text: true,
        date_label: lang.t("col-adopted"),
        adopted_as: None,
        text_kind: lang.t(match record.kind {
            taawun_documents::TextKind::Resolution => "text-kind-resolution",
            taawun_documents::TextKind::Decision => "text-kind-decision",
        }),
        kind: String::new(),
        description: String::new(),
        outcome: String::new(),
        outcome_slug: "",
        official_href: official_document(&record.symbol, lang),
        text_only_in: if other_language {
            lang.t_args(
                "text-only-in",
                &[(
                    "language",
                    lang.t(&format!("language-{}", text_lang.code())).into(),
                )],
            )
        } else {
            String::new()
        },
        staff: false,
        vote,
        symbol: record.symbol.clone(),
        title,
        title_lang: title_lang.code().to_owned(),
        title_dir: title_lang.dir(),
        text_lang: text_lang.code().to_owned(),
        text_dir: text_lang.dir(),
        body: lang.t(&format!("body-{}", slug_of(&record.body))),
        session: record.session.map(|s| s.to_string()).unwrap_or_default(),
        agenda: record
            .agenda_item
            .as_ref()
            .map(|a| format!("{}: {}", a.number, a.title))
            .unwrap_or_default(),
        adoption_date: date(record.adoption_date),
        distribution_date: date(record.distribution_date),
        meeting: record.meeting.map(|m| m.to_string()).unwrap_or_default(),
        preambular: paragraphs(&record.preambular, "pp", &record.references, known),
        operative: {
            let mut operative = paragraphs(&record.operative, "op", &record.references, known);
            if let [sole] = operative.as_mut_slice() {
                sole.numbered = false;
            }
            operative
        },
        footnotes,
        references,
        cited_by: citing(bundle),
        mandates,
        warnings: record
            .warnings
            .iter()
            .map(|w| WarningView {
                code: w.code.clone(),
                location: w.location.clone(),
                message: w.message.clone(),
            })
            .collect(),
        history: stored
            .history
            .iter()
            .map(|v| VersionView {
                current: v.version == stored.current_version,
                version: v.version,
                language: lang.t(&format!("language-{}", v.language)),
                source: v.source.clone(),
                warnings: v.warnings,
                imported_at: v.imported_at.clone(),
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::{official_symbol, rich_segments, segments};

    fn reference(symbol: &str, paragraph: &str, written: &str) -> taawun_documents::Reference {
        taawun_documents::Reference {
            symbol: symbol.into(),
            kind: taawun_documents::ReferenceKind::GeneralAssemblyResolution,
            date: None,
            paragraph: paragraph.into(),
            as_written: written.into(),
        }
    }

    #[test]
    fn cited_symbols_show_in_their_order_and_link_when_known() {
        let text = "وإذ يشير إلى قرار الجمعية العامة 1/70 المؤرخ 25 أيلول/سبتمبر 2015⁽¹⁾ وإلى FCCC/CP/2015/10/Add.1 و 1/76";
        let references = [
            reference("A/RES/70/1", "pp-2", "قرار الجمعية العامة 1/70"),
            reference("FCCC/CP/2015/10/Add.1", "pp-2", "FCCC/CP/2015/10/Add.1"),
            reference("A/RES/76/1", "pp-2", "1/76"),
            reference("A/RES/99/9", "pp-3", "9/99"),
        ];
        let known = vec!["A/RES/76/1".to_owned()];
        let parts = rich_segments(text, "pp-2", &references, &known);
        let symbols: Vec<(&str, Option<&str>)> = parts
            .iter()
            .filter(|s| s.symbol)
            .map(|s| (s.text.as_str(), s.href.as_deref()))
            .collect();
        assert_eq!(
            symbols,
            vec![
                ("70/1", None),
                ("FCCC/CP/2015/10/Add.1", None),
                ("76/1", Some("/resolutions/A/RES/76/1")),
            ]
        );
        // Nothing is lost or doubled: the plain text around them is the source's.
        let plain: String = parts
            .iter()
            .filter(|s| !s.symbol && s.footnote.is_none())
            .map(|s| s.text.as_str())
            .collect();
        assert!(plain.starts_with("وإذ يشير إلى قرار الجمعية العامة  المؤرخ 25 أيلول/سبتمبر 2015"));
        assert!(!plain.contains("1/70"));
        assert_eq!(parts.iter().filter(|s| s.footnote == Some(1)).count(), 1);
    }

    #[test]
    fn early_assembly_resolutions_take_their_roman_session() {
        assert_eq!(official_symbol("A/RES/26/2758A"), "A/RES/2758(XXVI)");
        assert_eq!(official_symbol("A/RES/1/79"), "A/RES/79(I)");
        assert_eq!(official_symbol("A/RES/70/1"), "A/RES/70/1");
        assert_eq!(official_symbol("A/HRC/57/L.43"), "A/HRC/57/L.43");
    }

    #[test]
    fn footnote_markers_become_their_own_segments() {
        let parts = segments("اتفاق باريس⁽¹⁾، وإعلان⁽¹²⁾ (1)");
        let texts: Vec<_> = parts
            .iter()
            .map(|s| (s.text.as_str(), s.footnote))
            .collect();
        assert_eq!(
            texts,
            vec![
                ("اتفاق باريس", None),
                ("1", Some(1)),
                ("، وإعلان", None),
                ("12", Some(12)),
                (" (1)", None)
            ]
        );
        assert_eq!(segments("⁽⁾ ⁽x⁾").len(), 1);
    }

    #[test]
    fn english_superscript_markers_are_footnotes_and_citations_stay_in_place() {
        let text = "the report of the Working Group,¹ the views (A/HRC/59/15/Add.1)² of the State";
        let markers: Vec<_> = segments(text).iter().filter_map(|s| s.footnote).collect();
        assert_eq!(markers, [1, 2]);
        let references = [reference("A/HRC/59/15/Add.1", "op-1", "A/HRC/59/15/Add.1")];
        let parts = rich_segments(text, "op-1", &references, &[]);
        let cited: Vec<_> = parts
            .iter()
            .filter(|s| s.symbol)
            .map(|s| s.text.as_str())
            .collect();
        assert_eq!(cited, ["A/HRC/59/15/Add.1"]);
        let joined: String = parts.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(
            joined,
            "the report of the Working Group,1 the views (A/HRC/59/15/Add.1)2 of the State"
        );
    }
}
