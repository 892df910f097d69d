//! One review from any of its documents: the Working Group's report, its addendum, OHCHR's
//! thematic list — told apart by their content, not their names — combined into one list of
//! recommendations by their paragraph numbers.
//!
//! Texts and recommending States come from the report when it is given (it is the record the
//! Council adopts), else from the thematic list; positions from the addendum (the State's own
//! words), else from the thematic list. Where two documents differ, the first is kept and the
//! difference reported as a [`Warning`].

use std::collections::BTreeMap;

use taawun_states::Resolver;

use super::addendum::{self, Addendum};
use super::report::{self, WorkingGroupReport};
use super::text::Paragraph;
use super::thematic::{self, ThematicList};
use super::{OhchrError, Warning};
use crate::model::{Recommendation, Response, comparable_text, cycle_of_session};
use crate::upr_info::Unresolved;

/// The kinds of documents read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DocumentKind {
    WorkingGroupReport,
    Addendum,
    ThematicList,
}

/// One review, read from its documents.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Review {
    pub reviewed: String,
    pub session: u32,
    pub cycle: u8,
    /// In the order of their numbers.
    pub recommendations: Vec<Recommendation>,
    pub report: Option<WorkingGroupReport>,
    pub addendum: Option<Addendum>,
    pub thematic: Option<ThematicList>,
    /// The documents' warnings, and the differences between them.
    pub warnings: Vec<Warning>,
    /// The names no document's States could be resolved from.
    pub unresolved: Vec<Unresolved>,
}

/// What a file is, from its content: a PDF that is the Working Group's report or its addendum,
/// or a Word document (a zip archive). A PDF is read for this (pdftotext); the pages are given
/// back so as not to read it twice.
pub fn detect_kind(
    file: &str,
    bytes: &[u8],
) -> Result<(DocumentKind, Option<Vec<String>>), OhchrError> {
    if taawun_pdf::is_pdf(bytes) {
        let pages = super::pdf_pages(file, bytes)?;
        let lines = super::text::body_lines(&pages);
        let symbol = super::text::first_symbol(&pages).unwrap_or_default();
        let first_page =
            super::text::join_lines(lines.iter().filter(|l| l.page == 1).map(|l| l.text));
        let kind = if !super::text::has_report_title(&lines) {
            return Err(OhchrError::NotRecognised {
                file: file.to_owned(),
                message: "this PDF is not a report of the Working Group on the Universal \
                          Periodic Review nor its addendum (its first page has no such title)"
                    .into(),
            });
        } else if symbol.contains("/Add.") || first_page.contains("Addendum") {
            DocumentKind::Addendum
        } else {
            DocumentKind::WorkingGroupReport
        };
        return Ok((kind, Some(pages)));
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return Ok((DocumentKind::ThematicList, None));
    }
    Err(OhchrError::NotRecognised {
        file: file.to_owned(),
        message: "neither a PDF nor a Word document (.docx)".into(),
    })
}

/// Reads the documents of one or more reviews, given in any order: each is put with the others
/// of its review — the report and the thematic list by the State and session they name, the
/// addendum with the report it says it adds to — and each review is read with
/// [`read_review`]. A document whose review cannot be told (a thematic list that names no
/// session, an addendum without its report) goes with the only review given, or is refused.
pub fn read_reviews(
    files: &[(String, Vec<u8>)],
    resolver: &Resolver,
) -> Result<Vec<Review>, OhchrError> {
    type Key = (String, u32);
    let mut groups: BTreeMap<Key, Vec<usize>> = BTreeMap::new();
    let mut reports: BTreeMap<String, Key> = BTreeMap::new();
    // (file index, the report it adds to) and files whose review is not named.
    let mut addenda: Vec<(usize, String)> = Vec::new();
    let mut unplaced: Vec<usize> = Vec::new();
    for (i, (file, bytes)) in files.iter().enumerate() {
        match detect_kind(file, bytes)? {
            (DocumentKind::WorkingGroupReport, Some(pages)) => {
                let read = report::parse(file, &pages, resolver)?;
                let key = (read.reviewed, read.session);
                reports.insert(read.symbol, key.clone());
                groups.entry(key).or_default().push(i);
            }
            (DocumentKind::Addendum, Some(pages)) => {
                let read = addendum::parse(file, &pages, resolver)?;
                addenda.push((i, read.report));
            }
            _ => {
                let read = thematic::read(file, bytes, resolver)?;
                match (read.reviewed, read.session) {
                    (Some(reviewed), Some(session)) => {
                        groups.entry((reviewed, session)).or_default().push(i)
                    }
                    _ => unplaced.push(i),
                }
            }
        }
    }
    for (i, report) in addenda {
        match reports.get(&report) {
            Some(key) => groups.entry(key.clone()).or_default().push(i),
            None => unplaced.push(i),
        }
    }
    if !unplaced.is_empty() {
        let names = |indices: &[usize]| {
            indices
                .iter()
                .map(|&i| files[i].0.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        };
        match groups.len() {
            1 => {
                if let Some(only) = groups.values_mut().next() {
                    only.extend(unplaced);
                }
            }
            0 => {
                return Err(OhchrError::Together {
                    files: names(&unplaced),
                    message: "no recommendation texts: give the Working Group's report or the \
                              thematic list with these (an addendum alone holds only numbers)"
                        .into(),
                });
            }
            _ => {
                return Err(OhchrError::Together {
                    files: names(&unplaced),
                    message: "these do not say which of the reviews given they belong to \
                              (an addendum goes with its report); import them with that review's \
                              other documents only"
                        .into(),
                });
            }
        }
    }
    groups
        .into_values()
        .map(|mut indices| {
            indices.sort_unstable();
            let group: Vec<(String, Vec<u8>)> = indices.iter().map(|&i| files[i].clone()).collect();
            read_review(&group, resolver)
        })
        .collect()
}

/// Reads the documents given as (file name, bytes) — at most one of each kind, all of one
/// review — and combines them.
pub fn read_review(files: &[(String, Vec<u8>)], resolver: &Resolver) -> Result<Review, OhchrError> {
    let names = files
        .iter()
        .map(|(n, _)| n.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    let together = |message: String| OhchrError::Together {
        files: names.clone(),
        message,
    };
    let mut report = None;
    let mut addendum = None;
    let mut thematic = None;
    for (file, bytes) in files {
        let (kind, pages) = detect_kind(file, bytes)?;
        let twice = |kind: &str| together(format!("two {kind} given ({file} is the second)"));
        match (kind, pages) {
            (DocumentKind::WorkingGroupReport, Some(pages)) => {
                if report.is_some() {
                    return Err(twice("Working Group reports"));
                }
                report = Some(report::parse(file, &pages, resolver)?);
            }
            (DocumentKind::Addendum, Some(pages)) => {
                if addendum.is_some() {
                    return Err(twice("addenda"));
                }
                addendum = Some(addendum::parse(file, &pages, resolver)?);
            }
            (DocumentKind::ThematicList, _) => {
                if thematic.is_some() {
                    return Err(twice("thematic lists"));
                }
                thematic = Some(thematic::read(file, bytes, resolver)?);
            }
            _ => unreachable!("a PDF's kind comes with its pages"),
        }
    }
    let report: Option<WorkingGroupReport> = report;
    let addendum: Option<Addendum> = addendum;
    let thematic: Option<ThematicList> = thematic;
    if report.is_none() && thematic.is_none() {
        return Err(together(
            "no recommendation texts: give the Working Group's report or the thematic list \
             (an addendum alone holds only numbers)"
                .into(),
        ));
    }

    // The review: the State and the session, the same in every document that says them.
    let mut reviewed: Option<(String, &str)> = None;
    let mut states = Vec::new();
    if let Some(r) = &report {
        states.push((r.reviewed.clone(), r.file.as_str()));
    }
    if let Some(a) = &addendum {
        states.push((a.reviewed.clone(), a.file.as_str()));
    }
    if let Some(t) = &thematic
        && let Some(state) = &t.reviewed
    {
        states.push((state.clone(), t.file.as_str()));
    }
    for (state, file) in states {
        match &reviewed {
            Some((first, first_file)) if *first != state => {
                return Err(together(format!(
                    "not one review: {first_file} is about {first}, {file} about {state}"
                )));
            }
            Some(_) => {}
            None => reviewed = Some((state, file)),
        }
    }
    let reviewed = reviewed
        .map(|(s, _)| s)
        .ok_or_else(|| together("no document names the State under review".into()))?;
    let session = match (
        report.as_ref().map(|r| r.session),
        thematic.as_ref().and_then(|t| t.session),
    ) {
        (Some(a), Some(b)) if a != b => {
            return Err(together(format!(
                "not one review: the report is of session {a}, the thematic list of session {b}"
            )));
        }
        (Some(s), _) | (None, Some(s)) => s,
        (None, None) => {
            return Err(together(
                "no document says the Working Group's session".into(),
            ));
        }
    };
    let cycle = cycle_of_session(session).unwrap_or_default();
    if let (Some(r), Some(a)) = (&report, &addendum)
        && a.report != r.symbol
    {
        return Err(together(format!(
            "{} is the addendum to {}, not to {}",
            a.symbol, a.report, r.symbol
        )));
    }

    let mut warnings: Vec<Warning> = addendum
        .as_ref()
        .map(|a| a.warnings.clone())
        .unwrap_or_default();
    let mut by_number: BTreeMap<Paragraph, Recommendation> = BTreeMap::new();
    let new = |paragraph: Paragraph, text: String, recommending: Vec<String>| Recommendation {
        reviewed: reviewed.clone(),
        session,
        cycle,
        text,
        recommending,
        response: None,
        action: None,
        issues: Vec::new(),
        sources: Vec::new(),
        paragraph: Some(paragraph.to_string()),
        groups: Vec::new(),
        sdgs: Vec::new(),
        assessment: None,
    };
    if let Some(r) = &report {
        for item in &r.recommendations {
            let mut rec = new(item.paragraph, item.text.clone(), item.recommending.clone());
            rec.sources.push(item.source.clone());
            by_number.insert(item.paragraph, rec);
        }
    }
    if let Some(t) = &thematic {
        for row in &t.rows {
            match by_number.get_mut(&row.paragraph) {
                Some(rec) => {
                    if comparable_text(&rec.text) != comparable_text(&row.text) {
                        warnings.push(Warning {
                            source: row.source.clone(),
                            message: format!(
                                "{}: the thematic list's text differs from the report's",
                                row.paragraph
                            ),
                        });
                    }
                    if rec.recommending != row.recommending {
                        warnings.push(Warning {
                            source: row.source.clone(),
                            message: format!(
                                "{}: the thematic list gives the States {:?}, the report {:?}",
                                row.paragraph, row.recommending, rec.recommending
                            ),
                        });
                    }
                }
                None => {
                    if report.is_some() {
                        warnings.push(Warning {
                            source: row.source.clone(),
                            message: format!("{} is not in the report", row.paragraph),
                        });
                    }
                    by_number.insert(
                        row.paragraph,
                        new(row.paragraph, row.text.clone(), row.recommending.clone()),
                    );
                }
            }
            let rec = by_number.get_mut(&row.paragraph).expect("inserted above");
            rec.sources.push(row.source.clone());
            rec.issues = row.themes.clone();
            rec.groups = row.groups.clone();
            rec.sdgs = row.sdgs.clone();
            rec.assessment = row.assessment.clone();
            rec.response = row.response;
        }
        if report.is_some() {
            let listed: std::collections::BTreeSet<Paragraph> =
                t.rows.iter().map(|r| r.paragraph).collect();
            for paragraph in by_number.keys().filter(|p| !listed.contains(p)) {
                warnings.push(Warning {
                    source: crate::model::Source {
                        file: t.file.clone(),
                        line: 0,
                        page: None,
                    },
                    message: format!("{paragraph} of the report is not in the thematic list"),
                });
            }
        }
    }
    if let Some(a) = &addendum {
        let source = a.lists[0].source.clone();
        for (paragraph, rec) in by_number.iter_mut() {
            let position: Option<Response> = a.positions.get(paragraph).copied();
            if let (Some(listed), Some(position)) = (rec.response, position)
                && listed != position
            {
                warnings.push(Warning {
                    source: source.clone(),
                    message: format!(
                        "{paragraph}: the addendum gives {}, the thematic list {}",
                        position.slug(),
                        listed.slug()
                    ),
                });
            }
            // The addendum is the State's word: where it gives no position (a number in both
            // lists, or in none), none is taken from elsewhere either.
            rec.response = position;
            if let Some(list) = a.lists.iter().find(|l| l.listed.contains(paragraph)) {
                rec.sources.push(list.source.clone());
            }
        }
        for paragraph in a.positions.keys().filter(|p| !by_number.contains_key(p)) {
            warnings.push(Warning {
                source: source.clone(),
                message: format!("{paragraph} has a position but is in no other document"),
            });
        }
    }
    let mut unresolved = Vec::new();
    if let Some(r) = &report {
        unresolved.extend(r.unresolved.iter().cloned());
    }
    if let Some(t) = &thematic {
        unresolved.extend(t.unresolved.iter().cloned());
    }
    Ok(Review {
        reviewed,
        session,
        cycle,
        recommendations: by_number.into_values().collect(),
        report,
        addendum,
        thematic,
        warnings,
        unresolved,
    })
}
