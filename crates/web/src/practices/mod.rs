//! The best-practice compendium (resolution 56/2, op. 29): `/practices` (the published ones,
//! filtered by modality, region, right and SDG target), a practice's page (citable by its
//! number, every published version kept), the submitter's form and the secretariat's
//! moderation; the same through `/api/v1/practices…`.

pub mod api;
pub mod pages;

use std::sync::Arc;
use std::time::Duration;

use serde::Deserialize;
use taawun_cooperation::practice::ResultDraft;
use taawun_cooperation::{Modality, PracticeDraft, Region, Role};
use taawun_policy::{Action, Resource};
use taawun_store::StoreError;
use taawun_store::practices::{PracticeRow, Stage, Step};

use crate::AppState;
use crate::auth::{Principal, Routes};

pub fn routes() -> Routes {
    Routes::new()
        .public("/practices", pages::list)
        .get(
            "/practices/new",
            Action::Create,
            Resource::PracticeWork,
            pages::new_practice,
        )
        .post(
            "/practices",
            Action::Create,
            Resource::PracticeWork,
            pages::create_practice,
        )
        .get(
            "/practices/mine",
            Action::Update,
            Resource::PracticeWork,
            pages::mine,
        )
        .public("/practices/{id}", pages::show)
        .get(
            "/practices/{id}/edit",
            Action::Update,
            Resource::PracticeWork,
            pages::edit_practice,
        )
        .post(
            "/practices/{id}/steps",
            Action::Update,
            Resource::PracticeWork,
            pages::take_step,
        )
        .public("/api/v1/practices", api::list)
        .post(
            "/api/v1/practices",
            Action::Create,
            Resource::PracticeWork,
            api::create,
        )
        .public("/api/v1/practices/{id}", api::get)
        .post(
            "/api/v1/practices/{id}/steps",
            Action::Update,
            Resource::PracticeWork,
            api::take_step,
        )
}

/// The published practices, read once per generation of the compendium.
pub type Compendium = moka::future::Cache<i64, Arc<Vec<PracticeRow>>>;

pub fn new_compendium() -> Compendium {
    moka::future::Cache::builder()
        .max_capacity(2)
        .time_to_idle(Duration::from_secs(30 * 60))
        .build()
}

pub async fn published(app: &AppState) -> Result<Arc<Vec<PracticeRow>>, StoreError> {
    let generation = app.store.practices().practices_generation().await?;
    app.practices
        .try_get_with(generation, async {
            app.store
                .practices()
                .published_practices()
                .await
                .map(Arc::new)
        })
        .await
        .map_err(|e| StoreError::database(e.to_string()))
}

/// What the compendium can be filtered by.
#[derive(Clone, Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PracticeFilter {
    /// south-south, north-south, triangular or regional
    pub modality: Option<String>,
    /// african, asia-pacific, eastern-european, latin-american-caribbean,
    /// western-european-others, global or other
    pub region: Option<String>,
    /// A right concerned, as tagged ("right to education"; any case)
    pub right: Option<String>,
    /// An SDG target ("16.3") or goal ("16")
    pub sdg: Option<String>,
    /// A State's ISO3 code among the partners
    pub state: Option<String>,
    pub page: Option<String>,
    pub per_page: Option<String>,
}

/// The filter as checked.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    pub modality: Option<Modality>,
    pub region: Option<Region>,
    pub right: Option<String>,
    pub sdg: Option<String>,
    pub state: Option<String>,
}

fn given(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

impl PracticeFilter {
    pub fn filter(&self) -> Result<Filter, crate::paging::InvalidParameter> {
        use crate::paging::InvalidParameter;
        let modality = given(&self.modality)
            .map(|m| {
                Modality::parse(m).ok_or_else(|| {
                    InvalidParameter::new(
                        "modality",
                        format!("unknown modality {m:?}; use one of {}", Modality::slugs()),
                    )
                })
            })
            .transpose()?;
        let region = given(&self.region)
            .map(|r| {
                Region::parse(r).ok_or_else(|| {
                    InvalidParameter::new(
                        "region",
                        format!("unknown region {r:?}; use one of {}", Region::slugs()),
                    )
                })
            })
            .transpose()?;
        let sdg = given(&self.sdg)
            .map(|s| {
                let ok = s.split('.').count() <= 2
                    && s.split('.')
                        .next()
                        .and_then(|g| g.parse::<u8>().ok())
                        .is_some_and(|g| (1..=17).contains(&g));
                if ok {
                    Ok(s.to_ascii_lowercase())
                } else {
                    Err(InvalidParameter::new(
                        "sdg",
                        format!("sdg must be a goal (1 to 17) or a target such as 16.3, not {s:?}"),
                    ))
                }
            })
            .transpose()?;
        Ok(Filter {
            modality,
            region,
            right: given(&self.right).map(|r| r.to_lowercase()),
            sdg,
            state: given(&self.state).map(str::to_ascii_uppercase),
        })
    }
}

impl Filter {
    pub fn matches(&self, row: &PracticeRow) -> bool {
        let practice = &row.record.content;
        self.modality.is_none_or(|m| practice.modality == m)
            && self.region.is_none_or(|r| practice.region == r)
            && self
                .right
                .as_deref()
                .is_none_or(|right| practice.rights.iter().any(|r| r.to_lowercase() == right))
            && self.sdg.as_deref().is_none_or(|sdg| {
                practice.sdg_targets.iter().any(|t| {
                    let code = t.to_string();
                    code == sdg || (!sdg.contains('.') && code.split('.').next() == Some(sdg))
                })
            })
            && self
                .state
                .as_deref()
                .is_none_or(|s| practice.partners.iter().any(|p| p == s))
    }
}

/// The role a reader takes a step in, if they may take it: the submitter submits and edits
/// their own draft or returned practice; the secretariat publishes, returns, declines, and
/// edits what is published.
pub fn role_for(principal: &Principal, row: &PracticeRow, step: Step) -> Option<Role> {
    let subject = principal.subject();
    let own = row.submitter_user_id.is_some() && row.submitter_user_id == subject.user_id();
    let moderates = subject.is_secretariat() || subject.is_admin();
    let stage = row.record.stage();
    let (role, allowed) = match step {
        Step::Submit => (Role::Submitter, own),
        Step::Edit if stage == Stage::Published => (Role::Secretariat, moderates),
        Step::Edit => (Role::Submitter, own),
        Step::Publish | Step::Return | Step::Decline => (Role::Secretariat, moderates),
    };
    (allowed && step.rule(stage).is_some_and(|(r, _)| r == role)).then_some(role)
}

/// Whether the reader sees the practice before (or besides) its publication.
pub fn sees_whole(principal: &Principal, row: &PracticeRow) -> bool {
    let subject = principal.subject();
    (row.submitter_user_id.is_some() && row.submitter_user_id == subject.user_id())
        || subject.is_secretariat()
        || subject.is_admin()
}

/// A practice by id or by number, if the reader may know it exists.
pub async fn visible(
    app: &AppState,
    principal: &Principal,
    id: &str,
) -> Result<Option<PracticeRow>, StoreError> {
    let id = id.trim();
    let row = match id.parse::<i64>() {
        Ok(n) => app.store.practices().practice(n).await?,
        Err(_) => app.store.practices().practice_by_number(id).await?,
    };
    Ok(row.filter(|r| r.record.stage() == Stage::Published || sees_whole(principal, r)))
}

/// Words separated by commas, semicolons or spaces.
fn words(text: &str) -> Vec<String> {
    text.split([',', ';', ' ', '\n', '\t', '،'])
        .map(str::trim)
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Items one per line or separated by commas.
fn items(text: &str) -> Vec<String> {
    text.split(['\n', ',', '،'])
        .map(str::trim)
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// A practice's form as posted: lists are typed as text (States and SDG targets separated by
/// commas or spaces, organisations and rights one per line or by commas, results one per line
/// with their evidence links after a `|`).
pub fn draft_from_form(form: &[(String, String)]) -> PracticeDraft {
    let field = |name: &str| {
        form.iter()
            .find(|(k, _)| k == name)
            .map_or(String::new(), |(_, v)| v.trim().to_owned())
    };
    PracticeDraft {
        title: field("title"),
        summary: field("summary"),
        modality: field("modality"),
        partners: words(&field("partners")),
        organisations: items(&field("organisations")),
        rights: items(&field("rights")),
        sdg_targets: words(&field("sdg_targets")),
        region: field("region"),
        start: field("start"),
        end: field("end"),
        results: field("results")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(|line| {
                let (text, urls) = line.split_once('|').unwrap_or((line, ""));
                ResultDraft {
                    text: text.trim().to_owned(),
                    urls: words(urls),
                }
            })
            .collect(),
        contact: field("contact"),
        languages: words(&field("languages")),
    }
}

/// The form's text for a practice (the inverse of [`draft_from_form`]).
pub fn form_of(practice: &taawun_cooperation::Practice) -> Vec<(&'static str, String)> {
    vec![
        ("title", practice.title.clone()),
        ("summary", practice.summary.clone()),
        ("modality", practice.modality.slug().to_owned()),
        ("partners", practice.partners.join(", ")),
        ("organisations", practice.organisations.join("\n")),
        ("rights", practice.rights.join("\n")),
        (
            "sdg_targets",
            practice
                .sdg_targets
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", "),
        ),
        ("region", practice.region.slug().to_owned()),
        ("start", practice.period.start.to_string()),
        (
            "end",
            practice
                .period
                .end
                .map(|d| d.to_string())
                .unwrap_or_default(),
        ),
        (
            "results",
            practice
                .results
                .iter()
                .map(|r| {
                    if r.urls.is_empty() {
                        r.text.clone()
                    } else {
                        format!("{} | {}", r.text, r.urls.join(" "))
                    }
                })
                .collect::<Vec<_>>()
                .join("\n"),
        ),
        ("contact", practice.contact.clone()),
        ("languages", practice.languages.join(", ")),
    ]
}

/// A practice's stable address: its number once published, else its id.
pub fn href(row: &PracticeRow) -> String {
    match row.record.position.number {
        Some(number) => format!("/practices/{number}"),
        None => format!("/practices/{}", row.record.id),
    }
}

/// What the search index keeps of a published practice (its latest published version); `None`
/// for one not published.
pub fn search_document(row: &PracticeRow) -> Option<taawun_search::PracticeDocument> {
    let record = &row.record;
    let number = record.position.number?;
    let published = record.published(None)?;
    let practice = &published.content;
    Some(taawun_search::PracticeDocument {
        number: number.to_string(),
        title: practice.title.clone(),
        summary: practice.summary.clone(),
        results: practice.results.iter().map(|r| r.text.clone()).collect(),
        modality: practice.modality.slug().to_owned(),
        region: practice.region.slug().to_owned(),
        rights: practice.rights.clone(),
        sdg_targets: practice
            .sdg_targets
            .iter()
            .map(ToString::to_string)
            .collect(),
        partners: practice.partners.clone(),
        published: published.published_at.date_naive(),
    })
}

/// Puts a practice just published or edited into this server's search index at once (the
/// other servers rebuild theirs when they see the compendium's generation move). A failure is
/// logged, not the reader's: the practice is stored, and the next rebuild indexes it.
pub async fn index_now(app: &AppState, row: &PracticeRow) {
    let Some(document) = search_document(row) else {
        return;
    };
    let index = app.search.clone();
    let done = tokio::task::spawn_blocking(move || index.upsert(&document)).await;
    if let Err(error) = done
        .map_err(|e| e.to_string())
        .and_then(|r| r.map_err(|e| e.to_string()))
    {
        tracing::warn!(%error, "a published practice could not be indexed now");
    }
}
