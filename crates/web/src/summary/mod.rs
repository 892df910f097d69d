//! A mandate's summary report (resolution 56/2, op. 30): generated from the mandate's seminars,
//! calls for inputs and the practices the secretariat cites, edited by the secretariat, then
//! published, which records the report as the mandate's delivered output. Every version is
//! kept; the public reads the published one. `/summary-reports/{addressee}/{paragraph}/{symbol}`
//! and the same under `/api/v1`.

pub mod api;
pub mod pages;

use chrono::NaiveDate;
use taawun_cooperation::report::{ConsultationData, PracticeLink, SeminarData};
use taawun_cooperation::{FieldError, MandateRef, build_report};
use taawun_policy::{Action, Resource};
use taawun_report::Report;
use taawun_store::StoreError;
use taawun_store::council::MandateKey;
use taawun_store::practices::PracticeRow;
use taawun_summary::{Lang as ReportLang, MastheadInput};

use crate::AppState;
use crate::auth::Routes;

pub fn routes() -> Routes {
    Routes::new()
        .public(
            "/summary-reports/{addressee}/{paragraph}/{*symbol}",
            pages::show,
        )
        .post(
            "/summary-reports/{addressee}/{paragraph}/{*symbol}",
            Action::Update,
            Resource::CouncilRecords,
            pages::change,
        )
        .public(
            "/api/v1/summary-reports/{addressee}/{paragraph}/{*symbol}",
            api::get,
        )
        .post(
            "/api/v1/summary-reports/{addressee}/{paragraph}/{*symbol}",
            Action::Update,
            Resource::CouncilRecords,
            api::change,
        )
}

/// The address of a mandate's summary report.
pub fn href(key: &MandateKey) -> String {
    format!(
        "/summary-reports/{}/{}/{}",
        key.addressee, key.paragraph, key.symbol
    )
}

/// Both languages' documents of a version.
pub struct Documents {
    pub ar: Report,
    pub en: Report,
}

impl Documents {
    pub fn get(&self, lang: ReportLang) -> &Report {
        match lang {
            ReportLang::Ar => &self.ar,
            ReportLang::En => &self.en,
        }
    }

    /// Reads a stored version's documents.
    pub fn read(ar: &str, en: &str) -> Result<Documents, StoreError> {
        let read = |text: &str| {
            serde_json::from_str::<Report>(text).map_err(|e| {
                StoreError::database(format!("a stored summary report does not read: {e}"))
            })
        };
        Ok(Documents {
            ar: read(ar)?,
            en: read(en)?,
        })
    }

    pub fn json(&self) -> (String, String) {
        (
            serde_json::to_string(&self.ar).unwrap_or_default(),
            serde_json::to_string(&self.en).unwrap_or_default(),
        )
    }
}

/// Why a report could not be generated.
#[derive(Debug)]
pub enum GenerateError {
    /// What the secretariat gave is wrong: each field named.
    Invalid(Vec<FieldError>),
    /// The data do not make a report (no seminar held yet).
    Refused(String),
    Store(StoreError),
}

impl From<StoreError> for GenerateError {
    fn from(e: StoreError) -> Self {
        GenerateError::Store(e)
    }
}

/// The practice numbers as typed: separated by commas, spaces or lines.
pub fn practice_numbers(text: &str) -> Vec<String> {
    text.split(|c: char| c == ',' || c.is_whitespace())
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Draws up the report of `key` from the store as of `as_of`, in both languages.
pub async fn generate(
    app: &AppState,
    key: &MandateKey,
    masthead: &MastheadInput,
    practices: &[String],
    as_of: NaiveDate,
) -> Result<Documents, GenerateError> {
    let store = app.store.cooperation();
    // The practices cited must be published ones of the compendium, each named if not.
    let mut cited: Vec<PracticeRow> = Vec::new();
    let mut errors = Vec::new();
    for (i, number) in practices.iter().enumerate() {
        match app.store.practices().practice_by_number(number).await? {
            Some(row) if row.record.published(None).is_some() => cited.push(row),
            _ => errors.push(FieldError::new(
                format!("practices[{i}]"),
                "no-such-practice",
                format!("{number:?} is not the number of a published practice of the compendium"),
            )),
        }
    }
    if !errors.is_empty() {
        return Err(GenerateError::Invalid(errors));
    }
    let seminars = store.seminars(Some(key)).await?;
    let mut held = Vec::with_capacity(seminars.len());
    for row in &seminars {
        let registrations: Vec<_> = store
            .registrations(row.seminar.id)
            .await?
            .into_iter()
            .map(|r| r.registration)
            .collect();
        let inputs = store.inputs(row.seminar.id).await?;
        held.push((row.seminar.clone(), registrations, inputs));
    }
    let calls = store.calls(Some(key)).await?;
    let mut consulted = Vec::with_capacity(calls.len());
    for row in &calls {
        let submissions: Vec<_> = store
            .submissions(row.call.id)
            .await?
            .into_iter()
            .map(|s| s.submission)
            .collect();
        consulted.push((row.call.clone(), submissions));
    }
    let urls: Vec<String> = cited
        .iter()
        .map(|row| format!("{}{}", app.auth.public_url, crate::practices::href(row)))
        .collect();
    let seminar_data: Vec<SeminarData<'_>> = held
        .iter()
        .map(|(seminar, registrations, inputs)| SeminarData {
            seminar,
            registrations,
            inputs,
        })
        .collect();
    let consultation_data: Vec<ConsultationData<'_>> = consulted
        .iter()
        .map(|(call, submissions)| ConsultationData { call, submissions })
        .collect();
    let links: Vec<PracticeLink<'_>> = cited
        .iter()
        .zip(&urls)
        .map(|(row, url)| PracticeLink {
            record: &row.record,
            url,
        })
        .collect();
    let mandate = MandateRef {
        resolution: key.symbol.clone(),
        paragraph: key.paragraph.to_string(),
    };
    let content = build_report(&mandate, &seminar_data, &consultation_data, &links, as_of)
        .map_err(|e| GenerateError::Refused(e.to_string()))?;
    Ok(Documents {
        ar: taawun_summary::document(&content, ReportLang::Ar, masthead),
        en: taawun_summary::document(&content, ReportLang::En, masthead),
    })
}

/// The masthead as typed (the page's form and the API's body).
#[derive(Clone, Debug, Default, serde::Deserialize, serde::Serialize, utoipa::ToSchema)]
pub struct MastheadForm {
    /// The report's document symbol (A/HRC/63/21).
    #[serde(default)]
    pub symbol: String,
    /// general, limited or restricted
    #[serde(default)]
    pub distribution: String,
    /// The date the document bears (YYYY-MM-DD).
    #[serde(default)]
    pub date: String,
    /// The Council's session the report is for.
    #[serde(default)]
    pub session: String,
    /// The agenda item's number.
    #[serde(default)]
    pub agenda_item: String,
    #[serde(default)]
    pub agenda_title_ar: String,
    #[serde(default)]
    pub agenda_title_en: String,
}

/// The agenda item a summary report of the High Commissioner is usually presented under, as the
/// Council's agenda words it (item 2: the annual report of the High Commissioner).
pub const DEFAULT_AGENDA_ITEM: u32 = 2;
pub const DEFAULT_AGENDA_TITLE_AR: &str =
    "التقرير السنوي لمفوض الأمم المتحدة السامي لحقوق الإنسان وتقارير المفوضية السامية والأمين العام";
pub const DEFAULT_AGENDA_TITLE_EN: &str = "Annual report of the United Nations High Commissioner for Human Rights and reports of the Office of the High Commissioner and the Secretary-General";

impl MastheadForm {
    /// The masthead, or every field that is wrong.
    pub fn check(&self, key: &MandateKey) -> Result<MastheadInput, Vec<FieldError>> {
        let mut errors = Vec::new();
        let symbol = self.symbol.trim();
        if !taawun_council::mandates::is_un_symbol(symbol) {
            errors.push(FieldError::new(
                "symbol",
                "not-a-symbol",
                format!("{symbol:?} is not a UN document symbol (such as A/HRC/63/21)"),
            ));
        }
        let distribution = match self.distribution.trim() {
            "" | "general" => Some(taawun_summary::Distribution::General),
            "limited" => Some(taawun_summary::Distribution::Limited),
            "restricted" => Some(taawun_summary::Distribution::Restricted),
            other => {
                errors.push(FieldError::new(
                    "distribution",
                    "not-a-distribution",
                    format!("must be general, limited or restricted, not {other:?}"),
                ));
                None
            }
        };
        let date = NaiveDate::parse_from_str(self.date.trim(), "%Y-%m-%d")
            .map_err(|_| {
                errors.push(FieldError::new(
                    "date",
                    "not-a-date",
                    format!("must be a date (YYYY-MM-DD), not {:?}", self.date.trim()),
                ))
            })
            .ok();
        let number = |name: &'static str, text: &str, errors: &mut Vec<FieldError>| {
            text.trim()
                .parse::<u32>()
                .ok()
                .filter(|n| (1..=999).contains(n))
                .or_else(|| {
                    errors.push(FieldError::new(
                        name,
                        "not-a-number",
                        format!("must be a number from 1 to 999, not {:?}", text.trim()),
                    ));
                    None
                })
        };
        let session = number("session", &self.session, &mut errors);
        let agenda_item = number("agenda_item", &self.agenda_item, &mut errors);
        match (distribution, date, session, agenda_item) {
            (Some(distribution), Some(date), Some(session), Some(agenda_item))
                if errors.is_empty() =>
            {
                Ok(MastheadInput {
                    symbol: symbol.to_owned(),
                    distribution,
                    date,
                    session,
                    agenda_item,
                    agenda_title: taawun_summary::Bilingual {
                        ar: self.agenda_title_ar.trim().to_owned(),
                        en: self.agenda_title_en.trim().to_owned(),
                    },
                    mandate: MandateRef {
                        resolution: key.symbol.clone(),
                        paragraph: key.paragraph.to_string(),
                    },
                })
            }
            _ => Err(errors),
        }
    }
}
