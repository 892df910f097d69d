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
}

pub struct VoteView {
    pub method: String,
    pub tally: String,
    pub recorded: bool,
    pub groups: Vec<GroupVotes>,
    /// What the imported voting records say about this vote: agreement, or each difference.
    pub records: Vec<String>,
    pub records_agree: bool,
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

fn vote_view(
    record: &Resolution,
    voting_records: &[taawun_store::RollCallVotes],
    lang: Lang,
) -> Option<VoteView> {
    let vote = record.vote.as_ref()?;
    let recorded = vote.method == AdoptionMethod::RecordedVote;
    let number = |n: Option<u32>| n.map_or("?".to_owned(), |n| n.to_string());
    let tally = if recorded {
        lang.t_args(
            "vote-tally",
            &[
                ("yes", number(vote.yes).into()),
                ("no", number(vote.no).into()),
                ("abstain", number(vote.abstain).into()),
            ],
        )
    } else {
        String::new()
    };
    let mut groups: Vec<GroupVotes> = taawun_states::RegionalGroup::ALL
        .iter()
        .map(|g| GroupVotes {
            label: crate::states::group_label(lang, Some(g.slug())),
            yes: Vec::new(),
            no: Vec::new(),
            abstain: Vec::new(),
        })
        .collect();
    groups.push(GroupVotes {
        label: lang.t("group-none"),
        yes: Vec::new(),
        no: Vec::new(),
        abstain: Vec::new(),
    });
    let place = |iso3: &String| {
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
            iso3: iso3.clone(),
            name: state.map_or_else(|| iso3.clone(), |s| s.names.get(lang.code()).to_owned()),
        };
        (index, link)
    };
    for iso3 in &vote.states.yes {
        let (i, link) = place(iso3);
        groups[i].yes.push(link);
    }
    for iso3 in &vote.states.no {
        let (i, link) = place(iso3);
        groups[i].no.push(link);
    }
    for iso3 in &vote.states.abstain {
        let (i, link) = place(iso3);
        groups[i].abstain.push(link);
    }
    groups.retain(|g| !(g.yes.is_empty() && g.no.is_empty() && g.abstain.is_empty()));
    let (records, records_agree) = compare_with_records(record, voting_records, lang);
    Some(VoteView {
        method: lang.t(&format!("method-{}", slug_of(&vote.method))),
        tally,
        recorded,
        groups,
        records,
        records_agree,
    })
}

pub fn build(bundle: &super::ResolutionBundle, lang: Lang) -> ResolutionView {
    let stored = &bundle.stored;
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
        vote: vote_view(record, &bundle.recorded_votes, lang),
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
        cited_by: bundle
            .cited_by
            .iter()
            .map(|c| {
                let l = Lang::from_code(&c.language).unwrap_or(Lang::En);
                CitingView {
                    symbol: c.symbol.clone(),
                    title: c.title.clone(),
                    dir: l.dir(),
                    lang: l.code().to_owned(),
                }
            })
            .collect(),
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
