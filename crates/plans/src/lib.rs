//! A State's implementation plan for the recommendations of its Universal Periodic Review, as
//! the domain sees it: the statuses an action goes through, what a valid action is, clusters
//! suggested from the recommendations' themes, which actions their owners are reminded of, and
//! which evidence files are accepted. No SQL and no HTTP here: the store and the web crate call
//! these functions, and the tests exercise them directly.
//!
//! A plan belongs to one State and one review cycle. Its recommendations are grouped in
//! clusters (by theme, or the State's own), and each cluster holds actions: who leads, with
//! whom, from when to when, measured by which indicators, with what budget, and how far along.

mod evidence;
mod reminders;
mod validate;

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

pub use evidence::{
    EvidenceProblem, EvidenceType, MAX_EVIDENCE_BYTES, check_evidence, clean_file_name, sha256_hex,
    storage_key,
};
pub use reminders::{
    DUE_WINDOW_DAYS, Reminder, ReminderCandidate, ReminderKind, ReminderMessage, compose_messages,
    reminder_kind, select_reminders,
};
pub use validate::{
    ActionDraft, ActionInput, IndicatorDraft, IndicatorInput, MAX_INDICATORS, Problem, date_text,
    format_amount, parse_amount, parse_date, validate_action, validate_link, validate_note,
};

/// Today's date in UTC, from the system clock.
pub fn today() -> chrono::NaiveDate {
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() / 86_400);
    chrono::NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default()
        + chrono::Duration::days(days as i64)
}

/// The review cycle a new plan is for when the State has no recommendation stored: the fourth
/// cycle began in November 2022.
pub const CURRENT_CYCLE: u8 = 4;

/// How far an action has come. `Implemented` and `NotApplicable` close it: its owner is no
/// longer reminded of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    NotStarted,
    InProgress,
    PartiallyImplemented,
    Implemented,
    NotApplicable,
}

impl Status {
    pub const ALL: [Status; 5] = [
        Status::NotStarted,
        Status::InProgress,
        Status::PartiallyImplemented,
        Status::Implemented,
        Status::NotApplicable,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            Status::NotStarted => "not-started",
            Status::InProgress => "in-progress",
            Status::PartiallyImplemented => "partially-implemented",
            Status::Implemented => "implemented",
            Status::NotApplicable => "not-applicable",
        }
    }

    pub fn parse(slug: &str) -> Option<Status> {
        Self::ALL.into_iter().find(|s| s.slug() == slug.trim())
    }

    /// Whether the action is done with (implemented, or found not to apply).
    pub fn is_closed(self) -> bool {
        matches!(self, Status::Implemented | Status::NotApplicable)
    }
}

/// How many actions have each status, for a cluster or a whole plan.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Progress {
    pub not_started: u32,
    pub in_progress: u32,
    pub partially_implemented: u32,
    pub implemented: u32,
    pub not_applicable: u32,
}

impl Progress {
    pub fn of(statuses: impl IntoIterator<Item = Status>) -> Progress {
        let mut p = Progress::default();
        for s in statuses {
            p.add(s);
        }
        p
    }

    pub fn add(&mut self, status: Status) {
        match status {
            Status::NotStarted => self.not_started += 1,
            Status::InProgress => self.in_progress += 1,
            Status::PartiallyImplemented => self.partially_implemented += 1,
            Status::Implemented => self.implemented += 1,
            Status::NotApplicable => self.not_applicable += 1,
        }
    }

    pub fn total(&self) -> u32 {
        self.not_started
            + self.in_progress
            + self.partially_implemented
            + self.implemented
            + self.not_applicable
    }

    pub fn count(&self, status: Status) -> u32 {
        match status {
            Status::NotStarted => self.not_started,
            Status::InProgress => self.in_progress,
            Status::PartiallyImplemented => self.partially_implemented,
            Status::Implemented => self.implemented,
            Status::NotApplicable => self.not_applicable,
        }
    }

    /// Implemented actions as a whole percentage of the actions that apply (0 when none do).
    pub fn percent_implemented(&self) -> u32 {
        let applicable = self.total() - self.not_applicable;
        (self.implemented * 100)
            .checked_div(applicable)
            .unwrap_or(0)
    }
}

/// A cluster suggested for a new plan: one of the recommendations' themes (`name: None` for the
/// recommendations no source gave a theme), with the recommendations it takes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SuggestedCluster {
    pub name: Option<String>,
    pub recommendations: Vec<i64>,
}

/// Clusters for a new plan from the recommendations' themes (`(id, themes)`): each
/// recommendation goes to exactly one cluster, that of its most frequent theme across the
/// State's recommendations (ties by name), so that the large themes gather what they share with
/// the small. Clusters come largest first (ties by name), the unthemed last; none is empty.
pub fn suggest_clusters(recommendations: &[(i64, Vec<String>)]) -> Vec<SuggestedCluster> {
    let mut frequency: HashMap<&str, usize> = HashMap::new();
    for (_, themes) in recommendations {
        let mut seen: Vec<&str> = themes
            .iter()
            .map(|t| t.trim())
            .filter(|t| !t.is_empty())
            .collect();
        seen.sort_unstable();
        seen.dedup();
        for theme in seen {
            *frequency.entry(theme).or_default() += 1;
        }
    }
    let mut clusters: BTreeMap<Option<&str>, Vec<i64>> = BTreeMap::new();
    for (id, themes) in recommendations {
        let best = themes
            .iter()
            .map(|t| t.trim())
            .filter(|t| !t.is_empty())
            .max_by(|a, b| frequency[a].cmp(&frequency[b]).then_with(|| b.cmp(a)));
        clusters.entry(best).or_default().push(*id);
    }
    let mut out: Vec<SuggestedCluster> = clusters
        .into_iter()
        .map(|(name, mut ids)| {
            ids.sort_unstable();
            ids.dedup();
            SuggestedCluster {
                name: name.map(str::to_owned),
                recommendations: ids,
            }
        })
        .collect();
    out.sort_by(|a, b| {
        a.name
            .is_none()
            .cmp(&b.name.is_none())
            .then_with(|| b.recommendations.len().cmp(&a.recommendations.len()))
            .then_with(|| a.name.cmp(&b.name))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_round_trip_and_two_close_an_action() {
        for s in Status::ALL {
            assert_eq!(Status::parse(s.slug()), Some(s));
        }
        assert_eq!(Status::parse("done"), None);
        let closed: Vec<_> = Status::ALL.into_iter().filter(|s| s.is_closed()).collect();
        assert_eq!(closed, [Status::Implemented, Status::NotApplicable]);
    }

    #[test]
    fn progress_counts_and_leaves_out_what_does_not_apply() {
        let p = Progress::of([
            Status::Implemented,
            Status::NotApplicable,
            Status::InProgress,
            Status::NotStarted,
        ]);
        assert_eq!(p.total(), 4);
        assert_eq!(p.percent_implemented(), 33);
        assert_eq!(Progress::default().percent_implemented(), 0);
    }

    #[test]
    fn a_recommendation_joins_the_cluster_of_its_most_frequent_theme() {
        let recs = vec![
            (1, vec!["Women's rights".into(), "Torture".into()]),
            (2, vec!["Women's rights".into()]),
            (3, vec!["Torture".into(), "Women's rights".into()]),
            (4, vec![]),
            (5, vec!["Education".into()]),
        ];
        let clusters = suggest_clusters(&recs);
        assert_eq!(
            clusters,
            vec![
                SuggestedCluster {
                    name: Some("Women's rights".into()),
                    recommendations: vec![1, 2, 3]
                },
                SuggestedCluster {
                    name: Some("Education".into()),
                    recommendations: vec![5]
                },
                SuggestedCluster {
                    name: None,
                    recommendations: vec![4]
                },
            ]
        );
    }
}
