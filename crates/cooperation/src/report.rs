//! The content of a mandate's summary report (resolution 56/2, op. 30 and 36): who took part in
//! the seminars, what they said was hard, missing or working, grouped by theme, what the calls
//! for inputs received, and the compendium's practices the report cites. Plain data: the report
//! crate renders it to HTML and PDF.
//!
//! What the report may say of a person follows their consent, input by input: an input that
//! may be quoted with attribution is quoted with the participant's name and organisation; one
//! that may be published but not attributed is quoted without a name; one that may not be
//! published is counted in its theme and nothing more. A report is public, so nothing else is
//! safe.
//!
//! A participant is counted in the region of the State they give, by its UN regional group;
//! one who gives no State (or a State outside the groups) in the region of the seminar they
//! took part in. The State's group says whom the region's cooperation reached, which is what
//! op. 30 asks; the seminar's region is the best guess for an organisation without one.
//! Counts are of participations: a person at two seminars is counted at each.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use taawun_states::RegionalGroup;

use crate::citation::{Language, PracticeNumber};
use crate::consultation::{Call, MandateRef, Submission, SubmitterType};
use crate::moderation::PracticeRecord;
use crate::seminar::{Input, InputKind, Registration, Seminar, StakeholderType, VenueKind};
use crate::vocab::Region;

/// One seminar with what the store holds of it.
#[derive(Clone, Copy, Debug)]
pub struct SeminarData<'a> {
    pub seminar: &'a Seminar,
    /// Its registrations, of any status: only approved ones are counted.
    pub registrations: &'a [Registration],
    pub inputs: &'a [Input],
}

/// One call for inputs with its submissions.
#[derive(Clone, Copy, Debug)]
pub struct ConsultationData<'a> {
    pub call: &'a Call,
    pub submissions: &'a [Submission],
}

/// A practice linked to the mandate, with the address of its latest version.
#[derive(Clone, Copy, Debug)]
pub struct PracticeLink<'a> {
    pub record: &'a PracticeRecord,
    pub url: &'a str,
}

/// A count for one value of a vocabulary.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Count<T> {
    pub key: T,
    pub count: u32,
}

/// A held seminar as the report lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SeminarSummary {
    pub id: i64,
    pub title: String,
    pub region: Region,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub venue: VenueKind,
    pub place: Option<String>,
    /// Approved registrations.
    pub participants: u32,
    pub inputs: u32,
}

/// Participation in the held seminars, every stakeholder type and region listed (with zeros),
/// in their vocabulary's order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Participation {
    pub total: u32,
    pub by_stakeholder_type: Vec<Count<StakeholderType>>,
    /// The five regional groups, then [`Region::Other`].
    pub by_region: Vec<Count<Region>>,
}

/// A quotation with its author, who agreed to be named.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Quotation {
    pub text: String,
    pub name: String,
    pub organisation: Option<String>,
    /// ISO3 code of the participant's State, when they gave one.
    pub state: Option<String>,
    pub stakeholder_type: StakeholderType,
    pub seminar_id: i64,
    pub agenda_item: Option<u32>,
}

/// A published input quoted without its author's name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Excerpt {
    pub text: String,
    /// What kind of stakeholder said it, when known: naming no one, it still tells the reader
    /// whether a State or civil society spoke.
    pub stakeholder_type: Option<StakeholderType>,
    pub seminar_id: i64,
    pub agenda_item: Option<u32>,
}

/// The inputs of one kind on one theme.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ThemeGroup {
    /// The folded key the inputs were grouped by.
    pub key: String,
    /// The label most participants wrote for it (ties: the first in alphabetical order).
    pub label: String,
    /// Every input on the theme, published or not.
    pub count: u32,
    pub quotations: Vec<Quotation>,
    pub excerpts: Vec<Excerpt>,
    /// Inputs whose authors did not agree to publication: counted, never shown.
    pub unpublished: u32,
}

/// A call for inputs as the report lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ConsultationSummary {
    pub id: i64,
    pub title: String,
    pub mandate: MandateRef,
    pub opens: NaiveDate,
    pub deadline: NaiveDate,
    pub submissions: u32,
    pub late: u32,
    pub published: u32,
    /// Every submitter type (with zeros), in the vocabulary's order.
    pub by_submitter_type: Vec<Count<SubmitterType>>,
}

/// A practice of the compendium the report cites.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CitedPractice {
    pub id: i64,
    pub number: PracticeNumber,
    pub version: u32,
    pub title: String,
    pub published_at: DateTime<Utc>,
    pub citation_en: String,
    pub citation_ar: String,
}

/// The content of the summary report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SummaryReport {
    pub mandate: MandateRef,
    /// The day the content was drawn up, as the caller gave it.
    pub as_of: NaiveDate,
    /// The held seminars, in the order of their start.
    pub seminars: Vec<SeminarSummary>,
    pub participation: Participation,
    pub challenges: Vec<ThemeGroup>,
    pub gaps: Vec<ThemeGroup>,
    pub good_practices: Vec<ThemeGroup>,
    pub consultations: Vec<ConsultationSummary>,
    /// Published practices, by number.
    pub practices: Vec<CitedPractice>,
    /// Linked practices that are not published (a draft, or declined): left out of the
    /// citations, listed so the secretariat sees why.
    pub practices_left_out: Vec<i64>,
}

/// Why a report cannot be built.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ReportError {
    #[error(
        "no seminar of this mandate has been held by {as_of}: the summary report draws on the seminars' debates"
    )]
    NoSeminarHeld { as_of: NaiveDate },
    #[error("input {input} belongs to seminar {belongs_to}, not seminar {given_with}")]
    InputOfAnotherSeminar {
        input: i64,
        belongs_to: i64,
        given_with: i64,
    },
    #[error(
        "registration {registration} belongs to seminar {belongs_to}, not seminar {given_with}"
    )]
    RegistrationOfAnotherSeminar {
        registration: i64,
        belongs_to: i64,
        given_with: i64,
    },
    #[error("submission {submission} belongs to call {belongs_to}, not call {given_with}")]
    SubmissionOfAnotherCall {
        submission: i64,
        belongs_to: i64,
        given_with: i64,
    },
}

/// The summary report's content for the mandate `mandate` as of `as_of`: seminars held by then
/// (see [`Seminar::is_held`]) with their approved participants and inputs, the calls for inputs
/// with their submissions, and the linked practices. Refused when no seminar has been held:
/// a report without the seminars would be the consultations alone, which is not what the
/// mandate asks for.
pub fn build_report(
    mandate: &MandateRef,
    seminars: &[SeminarData<'_>],
    consultations: &[ConsultationData<'_>],
    practices: &[PracticeLink<'_>],
    as_of: NaiveDate,
) -> Result<SummaryReport, ReportError> {
    let mut held: Vec<&SeminarData<'_>> = seminars
        .iter()
        .filter(|s| s.seminar.is_held(as_of))
        .collect();
    if held.is_empty() {
        return Err(ReportError::NoSeminarHeld { as_of });
    }
    held.sort_by_key(|s| (s.seminar.start, s.seminar.id));
    for data in &held {
        check_belongs(data)?;
    }
    let consultations = consultations
        .iter()
        .map(consultation_summary)
        .collect::<Result<Vec<_>, _>>()?;

    let mut by_type: HashMap<StakeholderType, u32> = HashMap::new();
    let mut by_region: HashMap<Region, u32> = HashMap::new();
    let mut total = 0u32;
    let mut summaries = Vec::with_capacity(held.len());
    let mut groups = Grouping::default();
    for data in &held {
        let seminar = data.seminar;
        let approved: HashMap<i64, &Registration> = data
            .registrations
            .iter()
            .filter(|r| r.is_approved())
            .map(|r| (r.id, r))
            .collect();
        for registration in approved.values() {
            total += 1;
            *by_type.entry(registration.stakeholder_type).or_default() += 1;
            *by_region
                .entry(region_of(registration, seminar))
                .or_default() += 1;
        }
        for input in data.inputs {
            groups.add(input, approved.get(&input.registration_id).copied());
        }
        summaries.push(SeminarSummary {
            id: seminar.id,
            title: seminar.title.clone(),
            region: seminar.region,
            start: seminar.start,
            end: seminar.end,
            venue: seminar.venue.kind(),
            place: seminar.venue.place().map(str::to_owned),
            participants: approved.len() as u32,
            inputs: data.inputs.len() as u32,
        });
    }
    let participation = Participation {
        total,
        by_stakeholder_type: StakeholderType::ALL
            .into_iter()
            .map(|key| Count {
                key,
                count: by_type.get(&key).copied().unwrap_or(0),
            })
            .collect(),
        by_region: RegionalGroup::ALL
            .into_iter()
            .map(Region::Group)
            .chain([Region::Other])
            .map(|key| Count {
                key,
                count: by_region.get(&key).copied().unwrap_or(0),
            })
            .collect(),
    };
    let (cited, practices_left_out) = cite_practices(practices);
    let [challenges, gaps, good_practices] = groups.finish();
    Ok(SummaryReport {
        mandate: mandate.clone(),
        as_of,
        seminars: summaries,
        participation,
        challenges,
        gaps,
        good_practices,
        consultations,
        practices: cited,
        practices_left_out,
    })
}

/// The store gives each seminar its own registrations and inputs; one of another seminar is a
/// mistake that would count people in the wrong place, so it is refused, not skipped.
fn check_belongs(data: &SeminarData<'_>) -> Result<(), ReportError> {
    let id = data.seminar.id;
    if let Some(r) = data.registrations.iter().find(|r| r.seminar_id != id) {
        return Err(ReportError::RegistrationOfAnotherSeminar {
            registration: r.id,
            belongs_to: r.seminar_id,
            given_with: id,
        });
    }
    if let Some(i) = data.inputs.iter().find(|i| i.seminar_id != id) {
        return Err(ReportError::InputOfAnotherSeminar {
            input: i.id,
            belongs_to: i.seminar_id,
            given_with: id,
        });
    }
    Ok(())
}

/// The region a participant is counted in (see the module's documentation).
fn region_of(registration: &Registration, seminar: &Seminar) -> Region {
    let group = registration
        .state
        .as_deref()
        .and_then(taawun_states::by_iso3)
        .and_then(|s| s.regional_group);
    match (group, seminar.region) {
        (Some(group), _) => Region::Group(group),
        (None, Region::Global) => Region::Other,
        (None, region) => region,
    }
}

/// Inputs grouped by kind and theme key, as they come.
#[derive(Default)]
struct Grouping {
    /// By kind (in [`InputKind::ALL`] order), then by theme key.
    kinds: [HashMap<String, Group>; 3],
}

#[derive(Default)]
struct Group {
    labels: HashMap<String, u32>,
    count: u32,
    /// With the input's time and id, to sort by.
    quotations: Vec<(DateTime<Utc>, i64, Quotation)>,
    excerpts: Vec<(DateTime<Utc>, i64, Excerpt)>,
    unpublished: u32,
}

impl Grouping {
    fn add(&mut self, input: &Input, participant: Option<&Registration>) {
        let kind = match input.kind {
            InputKind::Challenge => 0,
            InputKind::Gap => 1,
            InputKind::GoodPractice => 2,
        };
        let group = self.kinds[kind].entry(input.theme.key.clone()).or_default();
        group.count += 1;
        *group.labels.entry(input.theme.label.clone()).or_default() += 1;
        match (input.publish, input.quote, participant) {
            (false, _, _) => group.unpublished += 1,
            (true, true, Some(p)) => group.quotations.push((
                input.at,
                input.id,
                Quotation {
                    text: input.text.clone(),
                    name: p.name.clone(),
                    organisation: p.organisation.clone(),
                    state: p.state.clone(),
                    stakeholder_type: p.stakeholder_type,
                    seminar_id: input.seminar_id,
                    agenda_item: input.agenda_item,
                },
            )),
            // Published without consent to be named — or the participant's registration is not
            // among the approved ones given, and there is no name to give.
            (true, _, p) => group.excerpts.push((
                input.at,
                input.id,
                Excerpt {
                    text: input.text.clone(),
                    stakeholder_type: p.map(|p| p.stakeholder_type),
                    seminar_id: input.seminar_id,
                    agenda_item: input.agenda_item,
                },
            )),
        }
    }

    /// The groups of each kind, by count (most first), then by key.
    fn finish(self) -> [Vec<ThemeGroup>; 3] {
        self.kinds.map(|groups| {
            let mut out: Vec<ThemeGroup> = groups
                .into_iter()
                .map(|(key, mut g)| {
                    g.quotations.sort_by_key(|(at, id, _)| (*at, *id));
                    g.excerpts.sort_by_key(|(at, id, _)| (*at, *id));
                    let label = g
                        .labels
                        .into_iter()
                        .max_by(|(a, an), (b, bn)| an.cmp(bn).then_with(|| b.cmp(a)))
                        .map(|(label, _)| label)
                        .unwrap_or_else(|| key.clone());
                    ThemeGroup {
                        key,
                        label,
                        count: g.count,
                        quotations: g.quotations.into_iter().map(|(_, _, q)| q).collect(),
                        excerpts: g.excerpts.into_iter().map(|(_, _, e)| e).collect(),
                        unpublished: g.unpublished,
                    }
                })
                .collect();
            out.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.key.cmp(&b.key)));
            out
        })
    }
}

fn consultation_summary(data: &ConsultationData<'_>) -> Result<ConsultationSummary, ReportError> {
    let call = data.call;
    if let Some(s) = data.submissions.iter().find(|s| s.call_id != call.id) {
        return Err(ReportError::SubmissionOfAnotherCall {
            submission: s.id,
            belongs_to: s.call_id,
            given_with: call.id,
        });
    }
    let count =
        |f: &dyn Fn(&Submission) -> bool| data.submissions.iter().filter(|s| f(s)).count() as u32;
    Ok(ConsultationSummary {
        id: call.id,
        title: call.title.clone(),
        mandate: call.mandate.clone(),
        opens: call.opens,
        deadline: call.deadline,
        submissions: data.submissions.len() as u32,
        late: count(&|s| s.late),
        published: count(&|s| s.publish),
        by_submitter_type: SubmitterType::ALL
            .into_iter()
            .map(|key| Count {
                key,
                count: count(&|s| s.submitter_type == key),
            })
            .collect(),
    })
}

/// The published practices among `links` with their citations, by number, and the ids of the
/// others.
fn cite_practices(links: &[PracticeLink<'_>]) -> (Vec<CitedPractice>, Vec<i64>) {
    let mut cited = Vec::new();
    let mut left_out = Vec::new();
    for link in links {
        let record = link.record;
        let (Some(number), Some(latest)) = (record.position.number, record.published(None)) else {
            left_out.push(record.id);
            continue;
        };
        let cite = |language| {
            record
                .citation(None, language, link.url)
                .unwrap_or_default()
        };
        cited.push(CitedPractice {
            id: record.id,
            number,
            version: latest.version,
            title: latest.content.title.clone(),
            published_at: latest.published_at,
            citation_en: cite(Language::En),
            citation_ar: cite(Language::Ar),
        });
    }
    cited.sort_by_key(|c| c.number);
    cited.dedup_by_key(|c| c.id);
    left_out.sort_unstable();
    left_out.dedup();
    (cited, left_out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::consultation::tests::{call, submission_draft};
    use crate::consultation::{self, submit};
    use crate::field::{Theme, theme_key};
    use crate::moderation::{Attempt, Step};
    use crate::practice::tests::draft;
    use crate::seminar::tests::{approved, day, input_draft, registration_draft, seminar};
    use crate::seminar::{RegistrationStatus, register, submit_input};
    use crate::vocab::Role;

    fn mandate() -> MandateRef {
        MandateRef {
            resolution: "A/HRC/RES/56/2".into(),
            paragraph: "30".into(),
        }
    }

    fn after_the_seminar() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 6, 1).unwrap()
    }

    #[test]
    fn no_report_before_a_seminar_is_held() {
        let s = seminar();
        let data = [SeminarData {
            seminar: &s,
            registrations: &[],
            inputs: &[],
        }];
        let before = NaiveDate::from_ymd_opt(2026, 5, 10).unwrap();
        let e = build_report(&mandate(), &data, &[], &[], before).unwrap_err();
        assert_eq!(
            e.to_string(),
            "no seminar of this mandate has been held by 2026-05-10: the summary report draws on the seminars' debates"
        );
        assert!(matches!(
            build_report(&mandate(), &[], &[], &[], after_the_seminar()),
            Err(ReportError::NoSeminarHeld { .. })
        ));
        assert!(build_report(&mandate(), &data, &[], &[], after_the_seminar()).is_ok());
    }

    #[test]
    fn the_report_counts_groups_quotes_and_cites() {
        let s = seminar();
        let senegal = approved(1, "a@x.org");
        let mut ngo = approved(2, "b@x.org");
        ngo.stakeholder_type = StakeholderType::CivilSociety;
        ngo.state = None;
        ngo.name = "Kofi Mensah".into();
        let mut french = approved(3, "c@x.org");
        french.state = Some("FRA".into());
        let pending = register(&s, &[], &registration_draft("d@x.org"), 4, day(4, 1)).unwrap();
        let registrations = [senegal.clone(), ngo.clone(), french, pending];

        let input = |id, who: &Registration, kind, theme, publish, quote| {
            let mut d = input_draft(kind, theme);
            d.publish = Some(publish);
            d.quote = Some(quote);
            d.text = format!("input {id}");
            submit_input(&s, who, &d, id, day(5, 10)).unwrap()
        };
        let inputs = [
            input(1, &senegal, "challenge", "Access to justice", true, true),
            input(2, &ngo, "challenge", "access to JUSTICE", true, false),
            input(3, &ngo, "challenge", "Access to justice", false, false),
            input(4, &senegal, "challenge", "Funding", true, false),
            input(5, &ngo, "good-practice", "Legal aid", true, true),
        ];

        let c = call();
        let submissions = [
            submit(
                &c,
                &submission_draft(Some(true)),
                1,
                consultation::tests::day(3, 1),
            )
            .unwrap(),
            submit(
                &c,
                &submission_draft(Some(false)),
                2,
                consultation::tests::day(3, 20),
            )
            .unwrap(),
        ];

        let mut published = crate::moderation::PracticeRecord::new(11, draft().validate().unwrap());
        let at = chrono::TimeZone::with_ymd_and_hms(&Utc, 2026, 12, 7, 9, 0, 0).unwrap();
        let step = |step, role| Attempt {
            step,
            role,
            reason: "",
            number: Some(PracticeNumber {
                year: 2026,
                sequence: 42,
            }),
        };
        published
            .take(&step(Step::Submit, Role::Submitter), at)
            .unwrap();
        published
            .take(&step(Step::Publish, Role::Secretariat), at)
            .unwrap();
        let unpublished = crate::moderation::PracticeRecord::new(12, draft().validate().unwrap());

        let report = build_report(
            &mandate(),
            &[SeminarData {
                seminar: &s,
                registrations: &registrations,
                inputs: &inputs,
            }],
            &[ConsultationData {
                call: &c,
                submissions: &submissions,
            }],
            &[
                PracticeLink {
                    record: &unpublished,
                    url: "",
                },
                PracticeLink {
                    record: &published,
                    url: "https://taawun.example/practices/P-2026-0042",
                },
            ],
            after_the_seminar(),
        )
        .unwrap();

        assert_eq!(report.seminars[0].participants, 3);
        assert_eq!(report.seminars[0].inputs, 5);
        let p = &report.participation;
        assert_eq!(p.total, 3);
        let count = |t| {
            p.by_stakeholder_type
                .iter()
                .find(|c| c.key == t)
                .unwrap()
                .count
        };
        assert_eq!(count(StakeholderType::State), 2);
        assert_eq!(count(StakeholderType::CivilSociety), 1);
        assert_eq!(count(StakeholderType::Nhri), 0);
        let region = |g| {
            p.by_region
                .iter()
                .find(|c| c.key == Region::Group(g))
                .unwrap()
                .count
        };
        // Senegal and the NGO (no State: the seminar's region) in Africa, France in its group.
        assert_eq!(region(RegionalGroup::African), 2);
        assert_eq!(region(RegionalGroup::WesternEuropeanOthers), 1);

        let justice = &report.challenges[0];
        assert_eq!(
            (justice.key.as_str(), justice.label.as_str()),
            ("access to justice", "Access to justice")
        );
        assert_eq!(justice.count, 3);
        assert_eq!(justice.quotations.len(), 1);
        assert_eq!(justice.quotations[0].name, "Amina Diallo");
        assert_eq!(justice.excerpts.len(), 1);
        assert_eq!(
            justice.excerpts[0].stakeholder_type,
            Some(StakeholderType::CivilSociety)
        );
        assert_eq!(justice.unpublished, 1);
        assert_eq!(report.challenges[1].label, "Funding");
        assert!(report.gaps.is_empty());
        assert_eq!(report.good_practices[0].quotations[0].name, "Kofi Mensah");

        let consultation = &report.consultations[0];
        assert_eq!(
            (
                consultation.submissions,
                consultation.late,
                consultation.published
            ),
            (2, 1, 1)
        );

        assert_eq!(report.practices.len(), 1);
        assert_eq!(report.practices[0].number.to_string(), "P-2026-0042");
        assert!(
            report.practices[0]
                .citation_en
                .contains("(version 1, published 7 December 2026)")
        );
        assert!(
            report.practices[0]
                .citation_ar
                .contains("كانون الأول/ديسمبر")
        );
        assert_eq!(report.practices_left_out, [12]);
    }

    #[test]
    fn inputs_given_with_the_wrong_seminar_are_refused() {
        let s = seminar();
        let p = approved(1, "a@x.org");
        let mut input = submit_input(&s, &p, &input_draft("gap", "x"), 7, day(5, 10)).unwrap();
        input.seminar_id = 99;
        let e = build_report(
            &mandate(),
            &[SeminarData {
                seminar: &s,
                registrations: &[p],
                inputs: &[input],
            }],
            &[],
            &[],
            after_the_seminar(),
        )
        .unwrap_err();
        assert_eq!(
            e.to_string(),
            "input 7 belongs to seminar 99, not seminar 1"
        );
    }

    /// 5 seminars, 2,000 participants and 2,000 inputs on 40 themes written in varied case:
    /// every input lands in one group, the groups are ordered, and each theme's count is
    /// what was generated.
    #[test]
    fn grouping_holds_at_the_scale_of_a_mandate() {
        let themes: Vec<String> = (0..40).map(|t| format!("Theme {t}")).collect();
        let mut seminars = Vec::new();
        for id in 1..=5 {
            seminars.push(Seminar { id, ..seminar() });
        }
        let mut registrations: Vec<Vec<Registration>> = vec![Vec::new(); 5];
        let mut inputs: Vec<Vec<Input>> = vec![Vec::new(); 5];
        let mut expected: HashMap<(usize, String), u32> = HashMap::new();
        for n in 0..2000i64 {
            let s = (n % 5) as usize;
            let mut r = approved(n, "a@x.org");
            r.seminar_id = seminars[s].id;
            r.stakeholder_type = StakeholderType::ALL[(n % 6) as usize];
            let kind = InputKind::ALL[(n % 3) as usize];
            // Skewed: theme t is chosen about in proportion to (40 - t).
            let t = ((n * n + 7 * n) % 820) as usize;
            let t = (0..40).find(|k| (k + 1) * (80 - k) / 2 > t).unwrap_or(39);
            let label = if n % 2 == 0 {
                themes[t].to_uppercase()
            } else {
                format!("  {}", themes[t])
            };
            *expected
                .entry((n as usize % 3, theme_key(&label)))
                .or_default() += 1;
            inputs[s].push(Input {
                id: n,
                seminar_id: seminars[s].id,
                registration_id: n,
                kind,
                theme: Theme::parse(&label).unwrap(),
                agenda_item: None,
                text: format!("input {n}"),
                publish: n % 4 != 0,
                quote: n % 4 == 1,
                at: day(5, 10),
            });
            registrations[s].push(r);
        }
        let data: Vec<SeminarData<'_>> = (0..5)
            .map(|s| SeminarData {
                seminar: &seminars[s],
                registrations: &registrations[s],
                inputs: &inputs[s],
            })
            .collect();
        let report = build_report(&mandate(), &data, &[], &[], after_the_seminar()).unwrap();
        assert_eq!(report.participation.total, 2000);
        let kinds = [&report.challenges, &report.gaps, &report.good_practices];
        let mut total = 0;
        for (k, groups) in kinds.iter().enumerate() {
            assert!(
                groups.windows(2).all(|w| w[0].count > w[1].count
                    || (w[0].count == w[1].count && w[0].key < w[1].key))
            );
            for g in groups.iter() {
                assert_eq!(expected[&(k, g.key.clone())], g.count);
                assert_eq!(
                    g.count,
                    g.quotations.len() as u32 + g.excerpts.len() as u32 + g.unpublished
                );
                total += g.count;
            }
        }
        assert_eq!(total, 2000);
        assert!(report.challenges.len() > 10);
        let top = expected
            .iter()
            .filter(|((k, _), _)| *k == 0)
            .max_by(|((_, a), an), ((_, b), bn)| an.cmp(bn).then_with(|| b.cmp(a)))
            .unwrap();
        assert_eq!(report.challenges[0].key, top.0.1);
    }

    #[test]
    fn a_declined_registrations_inputs_are_counted_without_a_name() {
        let s = seminar();
        let mut p = approved(1, "a@x.org");
        let mut d = input_draft("gap", "Data");
        d.quote = Some(true);
        let input = submit_input(&s, &p, &d, 1, day(5, 10)).unwrap();
        // A registration given as declined (the store's data) names no one.
        p.status = RegistrationStatus::Declined;
        let report = build_report(
            &mandate(),
            &[SeminarData {
                seminar: &s,
                registrations: &[p],
                inputs: &[input],
            }],
            &[],
            &[],
            after_the_seminar(),
        )
        .unwrap();
        assert_eq!(report.participation.total, 0);
        assert!(report.gaps[0].quotations.is_empty());
        assert_eq!(report.gaps[0].excerpts[0].stakeholder_type, None);
    }
}
