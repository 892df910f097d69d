//! What the resolution page shows, computed from the stored record: footnote markers turned
//! into links, the vote grouped by regional group, labels in the interface language.

use taawun_documents::{AdoptionMethod, Paragraph, Resolution};
use taawun_store::slug_of;

use crate::format;
use crate::i18n::Lang;

/// A run of paragraph text, or a footnote marker.
pub struct Segment {
    pub text: String,
    pub footnote: Option<u32>,
}

pub struct ParagraphView {
    /// `pp-3`, `op-22`.
    pub anchor: String,
    pub number: u32,
    pub segments: Vec<Segment>,
}

pub struct FootnoteView {
    pub marker: u32,
    pub text: String,
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
    pub tally: String,
}

pub struct VoteView {
    pub method: String,
    pub tally: String,
    pub recorded: bool,
    /// Where the State-by-State breakdown comes from: the voting records or the text.
    pub source: String,
    pub groups: Vec<GroupVotes>,
    /// Whether any State did not vote though present, or was absent (columns shown only then).
    pub has_non_voting: bool,
    pub has_absent: bool,
    /// States of the record that were not members of the body at the time (counted, not listed).
    pub not_members: usize,
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
                &[("source", roll_call.body.to_uppercase().into())],
            ));
        } else {
            agree = false;
            lines.push(lang.t_args(
                "vote-records-differ",
                &[("source", roll_call.body.to_uppercase().into())],
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
    pub symbol: String,
    pub title: String,
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

/// Splits a paragraph's text at its footnote markers (⁽N⁾), which become links.
pub fn segments(text: &str) -> Vec<Segment> {
    if !text.contains('⁽') {
        return vec![Segment {
            text: text.to_owned(),
            footnote: None,
        }];
    }
    let mut out = Vec::new();
    let mut plain = String::new();
    let mut chars = text.char_indices().peekable();
    while let Some((_, c)) = chars.next() {
        if c == '⁽' {
            let mut number = 0u32;
            let mut digits = 0;
            let mut lookahead = chars.clone();
            while let Some((_, d)) = lookahead.peek().copied() {
                match superscript_digit(d) {
                    Some(n) if digits < 4 => {
                        number = number * 10 + n;
                        digits += 1;
                        lookahead.next();
                    }
                    _ => break,
                }
            }
            if digits > 0 && lookahead.peek().map(|(_, c)| *c) == Some('⁾') {
                lookahead.next();
                chars = lookahead;
                if !plain.is_empty() {
                    out.push(Segment {
                        text: std::mem::take(&mut plain),
                        footnote: None,
                    });
                }
                out.push(Segment {
                    text: number.to_string(),
                    footnote: Some(number),
                });
                continue;
            }
        }
        plain.push(c);
    }
    if !plain.is_empty() {
        out.push(Segment {
            text: plain,
            footnote: None,
        });
    }
    out
}

fn paragraphs(list: &[Paragraph], prefix: &str) -> Vec<ParagraphView> {
    list.iter()
        .map(|p| ParagraphView {
            anchor: format!("{prefix}-{}", p.number),
            number: p.number,
            segments: segments(&p.text),
        })
        .collect()
}

fn tally_line(lang: Lang, yes: Option<u32>, no: Option<u32>, abstain: Option<u32>) -> String {
    let number = |n: Option<u32>| n.map_or("?".to_owned(), |n| n.to_string());
    lang.t_args(
        "vote-tally",
        &[
            ("yes", number(yes).into()),
            ("no", number(no).into()),
            ("abstain", number(abstain).into()),
        ],
    )
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
    let method = match text_vote {
        Some(v) => lang.t(&format!("method-{}", slug_of(&v.method))),
        None => lang.t("method-recorded-vote"),
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
                &[("source", p.body.to_uppercase().into())],
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
        .map(|r| OtherRollCall {
            kind: lang.t(if r.amendment {
                "roll-call-amendment"
            } else if r.paragraph_vote {
                "roll-call-paragraph"
            } else {
                "roll-call-other"
            }),
            date: format::iso_date(&r.date, lang),
            title: r.title.clone(),
            tally: tally_line(lang, Some(r.yes), Some(r.no), Some(r.abstain)),
        })
        .collect();
    Some(VoteView {
        method,
        tally,
        recorded,
        source,
        groups,
        has_non_voting,
        has_absent,
        not_members,
        charts,
        records,
        records_agree,
        other_roll_calls,
    })
}

pub fn build(bundle: &super::ResolutionBundle, lang: Lang) -> ResolutionView {
    let vote = vote_view(bundle, lang);
    match &bundle.stored {
        Some(stored) => with_text(bundle, stored, vote, lang),
        None => votes_only(bundle, vote, lang),
    }
}

/// A symbol known only from the voting records: what the roll call says of it.
fn votes_only(
    bundle: &super::ResolutionBundle,
    vote: Option<VoteView>,
    lang: Lang,
) -> ResolutionView {
    let principal = bundle.recorded_votes.first();
    let body = principal.map_or("", |p| p.body.as_str());
    ResolutionView {
        has_text: false,
        symbol: bundle.symbol.clone(),
        title: principal.map(|p| p.title.clone()).unwrap_or_default(),
        // The datasets' titles are English.
        text_lang: "en".into(),
        text_dir: "ltr",
        body: lang.t(&format!("vote-body-{body}")),
        session: String::new(),
        agenda: String::new(),
        adoption_date: principal
            .map(|p| format::iso_date(&p.date, lang))
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
            text: f.text.clone().unwrap_or_default(),
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
        })
        .collect();
    ResolutionView {
        has_text: true,
        vote,
        symbol: record.symbol.clone(),
        title: record.title.clone(),
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
        preambular: paragraphs(&record.preambular, "pp"),
        operative: paragraphs(&record.operative, "op"),
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
    use super::segments;

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
}
