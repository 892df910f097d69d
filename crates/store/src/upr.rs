//! The Universal Periodic Review's records as stored: recommendations (one record however many
//! sources hold it), the States that made them, their themes and sources, and voluntary
//! pledges. What an import changes is worked out here, free of SQL ([`plan_import`]), so that
//! a dry run and the real import say the same thing.

use std::collections::{BTreeSet, HashMap};

use async_trait::async_trait;
use serde::Serialize;
pub use taawun_upr::{ActionCategory, Response};

use crate::{ChangeContext, NamesRecord, Page, Paging, StoreError};

/// Where a record was read: the kind of source (`upr-info`, `ohchr`), the file, the line or row.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SourceRef {
    pub kind: String,
    pub file: String,
    pub line: u64,
}

/// A recommendation as a source gives it, ready to be stored or merged into a stored one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IncomingRecommendation {
    /// [`taawun_upr::recommendation_key`]: equal keys are the same recommendation.
    pub key: String,
    pub reviewed: String,
    pub session: u32,
    pub cycle: u8,
    pub text: String,
    /// The paragraph number in the Working Group's report ("140.12"), when the source gives it.
    pub paragraph: Option<String>,
    pub recommending: Vec<String>,
    pub response: Option<Response>,
    pub action: Option<ActionCategory>,
    pub themes: Vec<String>,
    /// The persons or groups of persons it concerns.
    pub groups: Vec<String>,
    /// SDG goals ("16") and targets ("16.3") the source ties it to.
    pub sdgs: Vec<String>,
    /// What the source says of its implementation.
    pub assessment: Option<String>,
    pub sources: Vec<SourceRef>,
}

impl IncomingRecommendation {
    /// A recommendation as read from a source of kind `kind` (`upr-info`, `ohchr`).
    pub fn from_source(record: taawun_upr::Recommendation, kind: &str) -> Self {
        IncomingRecommendation {
            key: record.key(),
            sources: record
                .sources
                .iter()
                .map(|s| SourceRef {
                    kind: kind.to_owned(),
                    file: s.file.clone(),
                    line: s.line,
                })
                .collect(),
            reviewed: record.reviewed,
            session: record.session,
            cycle: record.cycle,
            text: record.text,
            paragraph: record.paragraph,
            recommending: record.recommending,
            response: record.response,
            action: record.action,
            themes: record.issues,
            groups: record.groups,
            sdgs: record.sdgs,
            assessment: record.assessment.filter(|a| !a.trim().is_empty()),
        }
    }
}

/// A voluntary pledge as a source gives it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IncomingPledge {
    pub key: String,
    pub state: String,
    pub session: u32,
    pub cycle: u8,
    pub text: String,
    pub themes: Vec<String>,
    pub source: SourceRef,
}

impl IncomingPledge {
    pub fn from_source(pledge: taawun_upr::Pledge, kind: &str) -> Self {
        IncomingPledge {
            key: pledge.key(),
            source: SourceRef {
                kind: kind.to_owned(),
                file: pledge.source.file.clone(),
                line: pledge.source.line,
            },
            state: pledge.state,
            session: pledge.session,
            cycle: pledge.cycle,
            text: pledge.text,
            themes: pledge.issues,
        }
    }
}

/// What is stored of a recommendation, as far as an import compares it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StoredFacts {
    pub id: i64,
    pub paragraph: Option<String>,
    pub response: Option<Response>,
    pub action: Option<ActionCategory>,
    pub assessment: Option<String>,
    pub recommending: BTreeSet<String>,
    pub themes: BTreeSet<String>,
    pub groups: BTreeSet<String>,
    pub sdgs: BTreeSet<String>,
    pub sources: BTreeSet<SourceRef>,
}

/// What an import adds to one stored recommendation.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Additions {
    pub id: i64,
    pub paragraph: Option<String>,
    pub response: Option<Response>,
    pub action: Option<ActionCategory>,
    pub assessment: Option<String>,
    pub recommending: Vec<String>,
    pub themes: Vec<String>,
    pub groups: Vec<String>,
    pub sdgs: Vec<String>,
    pub sources: Vec<SourceRef>,
}

impl Additions {
    pub fn is_empty(&self) -> bool {
        self.paragraph.is_none()
            && self.response.is_none()
            && self.action.is_none()
            && self.assessment.is_none()
            && self.recommending.is_empty()
            && self.themes.is_empty()
            && self.groups.is_empty()
            && self.sdgs.is_empty()
            && self.sources.is_empty()
    }
}

/// Appends the values of `more` that `list` lacks, in their order.
fn join_into(list: &mut Vec<String>, more: Vec<String>) {
    for value in more {
        if !list.contains(&value) {
            list.push(value);
        }
    }
}

/// The values of `incoming` that `stored` lacks.
fn lacking(incoming: Vec<String>, stored: &BTreeSet<String>) -> Vec<String> {
    incoming
        .into_iter()
        .filter(|v| !stored.contains(v))
        .collect()
}

/// A value a source gives that differs from the stored one: reported, never overwritten.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Disagreement {
    pub recommendation_id: i64,
    pub field: &'static str,
    pub stored: String,
    pub incoming: String,
    pub source: Option<SourceRef>,
}

/// The changes an import makes, decided before anything is written.
#[derive(Clone, Debug, Default)]
pub struct ImportPlan {
    pub create: Vec<IncomingRecommendation>,
    pub add: Vec<Additions>,
    pub unchanged: usize,
    pub disagreements: Vec<Disagreement>,
    pub create_pledges: Vec<IncomingPledge>,
    pub pledges_unchanged: usize,
}

/// Joins the incoming recommendations that share a key (two files of one source, or two
/// sources in one run), then compares each with the stored record of its key: new keys are
/// created; a stored record gains what it lacks (a recommending State, a theme, a source, a
/// response it had none of); a response, action or paragraph that differs from the stored one
/// is a [`Disagreement`], reported and left as stored.
pub fn plan_import(
    incoming: Vec<IncomingRecommendation>,
    pledges: Vec<IncomingPledge>,
    stored: &HashMap<String, StoredFacts>,
    stored_pledges: &BTreeSet<String>,
) -> ImportPlan {
    let mut plan = ImportPlan::default();
    let mut by_key: Vec<IncomingRecommendation> = Vec::new();
    let mut position: HashMap<String, usize> = HashMap::new();
    for record in incoming {
        match position.get(&record.key) {
            Some(&i) => {
                let joined = &mut by_key[i];
                join_into(&mut joined.recommending, record.recommending);
                join_into(&mut joined.themes, record.themes);
                join_into(&mut joined.groups, record.groups);
                join_into(&mut joined.sdgs, record.sdgs);
                for source in record.sources {
                    if !joined.sources.contains(&source) {
                        joined.sources.push(source);
                    }
                }
                joined.response = joined.response.or(record.response);
                joined.action = joined.action.or(record.action);
                joined.paragraph = joined.paragraph.take().or(record.paragraph);
                joined.assessment = joined.assessment.take().or(record.assessment);
            }
            None => {
                position.insert(record.key.clone(), by_key.len());
                by_key.push(record);
            }
        }
    }
    for record in by_key {
        let Some(facts) = stored.get(&record.key) else {
            plan.create.push(record);
            continue;
        };
        let source = record.sources.first().cloned();
        let mut add = Additions {
            id: facts.id,
            ..Additions::default()
        };
        let mut compare =
            |field: &'static str, stored: Option<String>, incoming: Option<String>| match (
                stored, incoming,
            ) {
                (Some(s), Some(i)) if s != i => {
                    plan.disagreements.push(Disagreement {
                        recommendation_id: facts.id,
                        field,
                        stored: s,
                        incoming: i,
                        source: source.clone(),
                    });
                    false
                }
                (None, Some(_)) => true,
                _ => false,
            };
        if compare(
            "response",
            facts.response.map(|r| r.slug().to_owned()),
            record.response.map(|r| r.slug().to_owned()),
        ) {
            add.response = record.response;
        }
        if compare(
            "action",
            facts.action.map(|a| a.number().to_string()),
            record.action.map(|a| a.number().to_string()),
        ) {
            add.action = record.action;
        }
        if compare(
            "paragraph",
            facts.paragraph.clone(),
            record.paragraph.clone(),
        ) {
            add.paragraph = record.paragraph;
        }
        if compare(
            "assessment",
            facts.assessment.clone(),
            record.assessment.clone(),
        ) {
            add.assessment = record.assessment;
        }
        add.recommending = lacking(record.recommending, &facts.recommending);
        add.themes = lacking(record.themes, &facts.themes);
        add.groups = lacking(record.groups, &facts.groups);
        add.sdgs = lacking(record.sdgs, &facts.sdgs);
        add.sources = record
            .sources
            .into_iter()
            .filter(|s| !facts.sources.contains(s))
            .collect();
        if add.is_empty() {
            plan.unchanged += 1;
        } else {
            plan.add.push(add);
        }
    }
    let mut seen = BTreeSet::new();
    for pledge in pledges {
        if stored_pledges.contains(&pledge.key) || !seen.insert(pledge.key.clone()) {
            plan.pledges_unchanged += 1;
        } else {
            plan.create_pledges.push(pledge);
        }
    }
    plan
}

/// What an import did (or, in a dry run, would do).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct UprImportReport {
    pub recommendations_created: usize,
    /// Stored recommendations that gained a recommending State, a theme, a source or a value.
    pub recommendations_completed: usize,
    pub recommendations_unchanged: usize,
    pub pledges_created: usize,
    pub pledges_unchanged: usize,
    pub disagreements: Vec<Disagreement>,
}

impl ImportPlan {
    pub fn report(&self) -> UprImportReport {
        UprImportReport {
            recommendations_created: self.create.len(),
            recommendations_completed: self.add.len(),
            recommendations_unchanged: self.unchanged,
            pledges_created: self.create_pledges.len(),
            pledges_unchanged: self.pledges_unchanged,
            disagreements: self.disagreements.clone(),
        }
    }

    pub fn changes_nothing(&self) -> bool {
        self.create.is_empty() && self.add.is_empty() && self.create_pledges.is_empty()
    }
}

/// Which recommendations a listing shows. Every field narrows the list.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct RecommendationFilter {
    pub reviewed: Option<String>,
    pub recommending: Option<String>,
    pub cycle: Option<u8>,
    pub session: Option<u32>,
    pub response: Option<ResponseFilter>,
    pub theme: Option<String>,
    /// A goal ("16": its own links and its targets') or a target ("16.3").
    pub sdg: Option<String>,
    pub action: Option<ActionCategory>,
}

/// A response, or its absence (a recommendation whose response no source records).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ResponseFilter {
    Is(Response),
    NotRecorded,
}

/// A stored recommendation, with everything a page or the API shows of it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RecommendationRecord {
    pub id: i64,
    /// ISO3 of the State under review.
    pub reviewed: String,
    pub session: u32,
    pub cycle: u8,
    pub paragraph: Option<String>,
    pub text: String,
    /// ISO3 codes of the recommending States.
    pub recommending: Vec<String>,
    pub response: Option<Response>,
    /// UPR Info's action category, 1 (minimal) to 5 (specific).
    #[cfg_attr(feature = "openapi", schema(value_type = Option<u8>))]
    pub action: Option<ActionCategory>,
    pub themes: Vec<String>,
    /// The persons or groups of persons it concerns.
    pub groups: Vec<String>,
    pub sdgs: Vec<SdgLink>,
    /// What a source says of its implementation.
    pub assessment: Option<String>,
    pub sources: Vec<SourceRef>,
}

/// A recommendation's link to an SDG goal or target, and who made it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SdgLink {
    /// "16" or "16.3".
    pub sdg: String,
    /// `source` (a source gave it) or `secretariat` (added on the platform).
    pub origin: String,
    /// The account that added it (secretariat links).
    pub added_by: Option<i64>,
    /// Microseconds since 1970.
    pub added_at: i64,
}

/// How many recommendations of a listing have each response.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ResponseCounts {
    pub supported: u64,
    pub noted: u64,
    pub not_recorded: u64,
}

impl ResponseCounts {
    pub fn total(&self) -> u64 {
        self.supported + self.noted + self.not_recorded
    }

    pub fn add(&mut self, response: Option<Response>, n: u64) {
        match response {
            Some(Response::Supported) => self.supported += n,
            Some(Response::Noted) => self.noted += n,
            None => self.not_recorded += n,
        }
    }
}

/// A page of recommendations with the counts of the whole filtered list by response.
#[derive(Clone, Debug)]
pub struct RecommendationPage {
    pub page: Page<RecommendationRecord>,
    pub responses: ResponseCounts,
}

/// A count of recommendations under some grouping (a cycle, a theme, a regional group, a
/// session), split by response.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct GroupCount {
    pub key: String,
    pub responses: ResponseCounts,
}

/// What a State's page says of the review: as the State under review, and as a recommending
/// State.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StateReview {
    /// Recommendations received, per session (key: the session number), in session order.
    pub received_by_session: Vec<GroupCount>,
    /// Received, per theme and cycle (key: `cycle:theme`).
    pub received_by_theme_and_cycle: Vec<GroupCount>,
    /// Received, per regional group of the recommending States (key: the group's slug, or
    /// `none`).
    pub received_by_group: Vec<GroupCount>,
    /// Received, per recommending State (key: ISO3), most first.
    pub received_by_state: Vec<GroupCount>,
    /// Made to other States, per State under review (key: ISO3), most first.
    pub made_by_reviewed: Vec<GroupCount>,
    /// Made, per theme (key: the theme), most first.
    pub made_by_theme: Vec<GroupCount>,
}

/// A stored voluntary pledge.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PledgeRecord {
    pub id: i64,
    pub state: String,
    pub session: u32,
    pub cycle: u8,
    pub text: String,
    pub themes: Vec<String>,
    pub source: SourceRef,
}

/// The review as a whole: what the overview page shows.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReviewOverview {
    /// Per session (key: the session number), in order.
    pub sessions: Vec<GroupCount>,
    /// Per theme, most recommendations first.
    pub themes: Vec<GroupCount>,
    /// How many States under review each session had (session, States).
    pub states_per_session: Vec<(u32, u64)>,
    pub pledges: u64,
}

/// An SDG goal, in the six languages.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SdgGoalRecord {
    pub number: u8,
    pub titles: NamesRecord,
    pub short_titles: NamesRecord,
}

/// An SDG target ("16.3"), in the six languages.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SdgTargetRecord {
    pub code: String,
    pub goal: u8,
    /// Its place in the official order of its goal's targets (1.5 before 1.10 before 1.a).
    pub position: u32,
    pub titles: NamesRecord,
}

/// An SDG indicator ("16.3.1"), in the six languages.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SdgIndicatorRecord {
    pub code: String,
    pub target: String,
    pub position: u32,
    pub titles: NamesRecord,
}

/// The whole framework, as `taawun import sdg` writes it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SdgFramework {
    pub goals: Vec<SdgGoalRecord>,
    pub targets: Vec<SdgTargetRecord>,
    pub indicators: Vec<SdgIndicatorRecord>,
}

/// Titles in the six languages as stored: a language the files lack is empty (pages then show
/// the English title, marked as English).
fn names_from(titles: &taawun_sdg::Titles) -> NamesRecord {
    use taawun_sdg::Language;
    let get = |l: Language| titles.get(l).unwrap_or("").to_owned();
    NamesRecord {
        ar: get(Language::Ar),
        en: get(Language::En),
        fr: get(Language::Fr),
        es: get(Language::Es),
        ru: get(Language::Ru),
        zh: get(Language::Zh),
    }
}

/// The framework as `taawun_sdg` reads it, as the store keeps it: each target's `position` is
/// its index among its goal's targets in the official order (1.5 before 1.10 before 1.a), each
/// indicator's its index among its target's indicators.
pub fn sdg_framework_from(sdgs: &taawun_sdg::Sdgs) -> SdgFramework {
    let goals = sdgs
        .goals
        .iter()
        .map(|g| SdgGoalRecord {
            number: g.number,
            titles: names_from(&g.titles),
            short_titles: names_from(&g.short_titles),
        })
        .collect();
    let mut targets = Vec::with_capacity(sdgs.targets.len());
    let mut indicators = Vec::with_capacity(sdgs.indicators.len());
    for goal in &sdgs.goals {
        for (position, target) in sdgs.targets_of(goal.number).enumerate() {
            targets.push(SdgTargetRecord {
                code: target.code.to_string(),
                goal: target.goal,
                position: position as u32,
                titles: names_from(&target.titles),
            });
            for (position, indicator) in sdgs.indicators_of(target.code).enumerate() {
                indicators.push(SdgIndicatorRecord {
                    code: indicator.code.to_string(),
                    target: target.code.to_string(),
                    position: position as u32,
                    titles: names_from(&indicator.titles),
                });
            }
        }
    }
    SdgFramework {
        goals,
        targets,
        indicators,
    }
}

/// What `import_sdgs` did.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct SdgImportReport {
    /// False when the stored framework was already this one and nothing was written.
    pub changed: bool,
    pub goals: usize,
    pub targets: usize,
    pub indicators: usize,
}

/// The review's records in a store.
#[async_trait]
pub trait UprStore: Send + Sync {
    /// Works out what importing these records would change, without writing anything.
    async fn plan_upr_import(
        &self,
        recommendations: Vec<IncomingRecommendation>,
        pledges: Vec<IncomingPledge>,
    ) -> Result<ImportPlan, StoreError>;

    /// Imports in one transaction (planned again inside it, so that a concurrent import cannot
    /// slip between plan and write): all or nothing, and a second run changes nothing.
    async fn import_upr(
        &self,
        context: &ChangeContext,
        recommendations: Vec<IncomingRecommendation>,
        pledges: Vec<IncomingPledge>,
        progress: &(dyn Fn(usize) + Send + Sync),
    ) -> Result<UprImportReport, StoreError>;

    async fn list_recommendations(
        &self,
        filter: &RecommendationFilter,
        paging: Paging,
    ) -> Result<RecommendationPage, StoreError>;

    /// Counts of a listing's recommendations by the State under review (key: ISO3), split by
    /// response, most first: a session's or a theme's States.
    async fn count_by_reviewed(
        &self,
        filter: &RecommendationFilter,
    ) -> Result<Vec<GroupCount>, StoreError>;

    async fn get_recommendation(&self, id: i64)
    -> Result<Option<RecommendationRecord>, StoreError>;

    /// Every recommendation with its recommending States, themes, groups, SDG links and
    /// sources, by id: what the search index is rebuilt from. Read in a handful of queries (one
    /// per table) in one snapshot, however many records there are.
    async fn all_recommendations(&self) -> Result<Vec<RecommendationRecord>, StoreError>;

    /// Every voluntary pledge, by id.
    async fn all_pledges(&self) -> Result<Vec<PledgeRecord>, StoreError>;

    /// Rises in the transaction of every write to the review's records or the SDG framework (an
    /// import that changed something, an SDG link added or removed): what the search index
    /// was built from is compared with it.
    async fn upr_stamp(&self) -> Result<i64, StoreError>;

    async fn state_review(&self, iso3: &str) -> Result<StateReview, StoreError>;

    async fn pledges_of(&self, iso3: &str) -> Result<Vec<PledgeRecord>, StoreError>;

    async fn review_overview(&self) -> Result<ReviewOverview, StoreError>;

    /// Replaces the stored SDG framework with this one, in one transaction, when they differ;
    /// otherwise writes nothing.
    async fn import_sdgs(
        &self,
        context: &ChangeContext,
        framework: &SdgFramework,
    ) -> Result<SdgImportReport, StoreError>;

    /// The stored framework, in the official order.
    async fn sdg_framework(&self) -> Result<SdgFramework, StoreError>;

    /// Links a recommendation to an SDG goal or target on the secretariat's word (`by`: the
    /// account). False when the link was already there.
    async fn add_sdg_link(
        &self,
        context: &ChangeContext,
        recommendation: i64,
        sdg: &str,
        by: i64,
    ) -> Result<bool, StoreError>;

    /// Removes a link, whoever made it; the audit trail keeps who removed it and when. False
    /// when there was no such link.
    async fn remove_sdg_link(
        &self,
        context: &ChangeContext,
        recommendation: i64,
        sdg: &str,
    ) -> Result<bool, StoreError>;
}

/// The audit entry of a UPR import.
pub fn upr_change(report: &UprImportReport, sources: &[String]) -> crate::Change {
    crate::Change::new("import", "upr", sources.join(", ")).after(&serde_json::json!({
        "recommendations_created": report.recommendations_created,
        "recommendations_completed": report.recommendations_completed,
        "pledges_created": report.pledges_created,
        "disagreements": report.disagreements.len(),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn incoming(key: &str, states: &[&str], response: Option<Response>) -> IncomingRecommendation {
        IncomingRecommendation {
            key: key.into(),
            reviewed: "SVN".into(),
            session: 20,
            cycle: 2,
            text: "Ratify the Convention".into(),
            paragraph: None,
            recommending: states.iter().map(|s| s.to_string()).collect(),
            response,
            action: None,
            themes: vec!["Torture".into()],
            groups: vec![],
            sdgs: vec!["16.3".into()],
            assessment: None,
            sources: vec![SourceRef {
                kind: "upr-info".into(),
                file: "sessions-17-20.csv".into(),
                line: 7,
            }],
        }
    }

    #[test]
    fn a_new_key_is_created_once_even_when_two_rows_hold_it() {
        let plan = plan_import(
            vec![
                incoming("k", &["FRA"], Some(Response::Supported)),
                incoming("k", &["DEU"], None),
            ],
            vec![],
            &HashMap::new(),
            &BTreeSet::new(),
        );
        assert_eq!(plan.create.len(), 1);
        assert_eq!(plan.create[0].recommending, ["FRA", "DEU"]);
        assert_eq!(plan.create[0].response, Some(Response::Supported));
    }

    #[test]
    fn a_stored_record_gains_only_what_it_lacks() {
        let mut stored = HashMap::new();
        stored.insert(
            "k".to_owned(),
            StoredFacts {
                id: 4,
                recommending: ["FRA".to_owned()].into(),
                themes: ["Torture".to_owned()].into(),
                ..StoredFacts::default()
            },
        );
        let plan = plan_import(
            vec![incoming("k", &["FRA", "DEU"], Some(Response::Noted))],
            vec![],
            &stored,
            &BTreeSet::new(),
        );
        assert!(plan.create.is_empty());
        assert_eq!(plan.add.len(), 1);
        assert_eq!(plan.add[0].recommending, ["DEU"]);
        assert!(plan.add[0].themes.is_empty());
        assert_eq!(plan.add[0].response, Some(Response::Noted));
        assert_eq!(plan.add[0].sources.len(), 1);
    }

    #[test]
    fn a_differing_response_is_reported_not_overwritten() {
        let source = incoming("k", &["FRA"], None).sources[0].clone();
        let mut stored = HashMap::new();
        stored.insert(
            "k".to_owned(),
            StoredFacts {
                id: 9,
                response: Some(Response::Supported),
                recommending: ["FRA".to_owned()].into(),
                themes: ["Torture".to_owned()].into(),
                sdgs: ["16.3".to_owned()].into(),
                sources: [source].into(),
                ..StoredFacts::default()
            },
        );
        let plan = plan_import(
            vec![incoming("k", &["FRA"], Some(Response::Noted))],
            vec![],
            &stored,
            &BTreeSet::new(),
        );
        assert_eq!(plan.unchanged, 1);
        assert_eq!(plan.disagreements.len(), 1);
        assert_eq!(plan.disagreements[0].field, "response");
        assert_eq!(plan.disagreements[0].stored, "supported");
    }
}
