//! A request for assistance as a State's focal point writes it, and what it must contain before
//! it can be submitted to the fund.

use chrono::NaiveDate;
use serde::Serialize;

use crate::config::{Content, CrisisKind, Fund, RequestType};
use crate::money::{Money, MoneyError};

/// How much the State needs the assistance, in its own judgement.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Priority {
    High,
    Medium,
    Low,
}

impl Priority {
    pub const ALL: [Priority; 3] = [Priority::High, Priority::Medium, Priority::Low];

    pub fn slug(self) -> &'static str {
        match self {
            Priority::High => "high",
            Priority::Medium => "medium",
            Priority::Low => "low",
        }
    }

    pub fn parse(slug: &str) -> Option<Priority> {
        Self::ALL.into_iter().find(|p| p.slug() == slug.trim())
    }
}

/// One line of a request's budget.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct BudgetLine {
    pub item: String,
    pub amount: Money,
}

/// The State's formal consent to the request: who gave it, and on what day.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Consent {
    pub given_by: String,
    pub given_on: NaiveDate,
}

/// What of the request the State publishes beyond what the register always shows (fund, State,
/// type, stage, dates and amounts).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Publication {
    pub purpose: bool,
    pub activities: bool,
    pub budget_lines: bool,
    pub recommendations: bool,
}

/// A request as written so far.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RequestDraft {
    pub request_type: RequestType,
    pub crisis: Option<CrisisKind>,
    pub purpose: String,
    /// The UPR recommendations the request serves, by their identifiers in the store.
    pub recommendations: Vec<i64>,
    /// The implementation-plan actions it serves.
    pub plan_actions: Vec<i64>,
    pub activities: Vec<String>,
    pub budget: Vec<BudgetLine>,
    pub starts: Option<NaiveDate>,
    pub ends: Option<NaiveDate>,
    pub priority: Option<Priority>,
    pub consent: Option<Consent>,
    pub publication: Publication,
}

/// Something a request lacks, or has wrong, before it can be submitted.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Incomplete {
    #[error("this fund does not take requests of the kind “{0}”")]
    TypeNotTaken(&'static str),
    #[error(
        "a crisis-response request says which crisis (health, financial, food, climate, displacement)"
    )]
    CrisisKindMissing,
    #[error("“{0}” is required by this fund")]
    Missing(&'static str),
    #[error("a request for UPR implementation names the recommendations or plan actions it serves")]
    NoRecommendation,
    #[error("budget line {line}: {problem}")]
    BudgetLine { line: usize, problem: String },
    #[error("the budget's lines are in {0} and {1}; a request is budgeted in one currency")]
    MixedCurrencies(String, String),
    #[error("the budget's total is too large")]
    TotalTooLarge,
    #[error("the timeline ends ({ends}) before it starts ({starts})")]
    EndsBeforeStart { starts: NaiveDate, ends: NaiveDate },
    #[error("consent given on {given_on} is dated after today ({today})")]
    ConsentInFuture {
        given_on: NaiveDate,
        today: NaiveDate,
    },
}

impl RequestDraft {
    /// The budget's total, in its one currency; `None` for an empty budget.
    pub fn total(&self) -> Result<Option<Money>, Incomplete> {
        let mut lines = self.budget.iter();
        let Some(first) = lines.next() else {
            return Ok(None);
        };
        lines
            .try_fold(first.amount, |sum, line| {
                sum.checked_add(line.amount).map_err(|e| match e {
                    MoneyError::MixedCurrencies(a, b) => {
                        Incomplete::MixedCurrencies(a.code().into(), b.code().into())
                    }
                    _ => Incomplete::TotalTooLarge,
                })
            })
            .map(Some)
    }

    /// Everything that stops the request from being submitted to `fund` today; none means it
    /// can go.
    pub fn incomplete(&self, fund: &Fund, today: NaiveDate) -> Vec<Incomplete> {
        let mut problems = Vec::new();
        if !fund.request_types.contains(&self.request_type) {
            problems.push(Incomplete::TypeNotTaken(self.request_type.slug()));
        }
        if self.request_type == RequestType::CrisisResponse && self.crisis.is_none() {
            problems.push(Incomplete::CrisisKindMissing);
        }
        if self.request_type == RequestType::UprImplementation
            && self.recommendations.is_empty()
            && self.plan_actions.is_empty()
        {
            problems.push(Incomplete::NoRecommendation);
        }
        for content in &fund.contents {
            let present = match content {
                Content::Purpose => !self.purpose.trim().is_empty(),
                // Only a UPR-implementation request needs them: checked above, with its own
                // message.
                Content::Recommendations => true,
                Content::Activities => self.activities.iter().any(|a| !a.trim().is_empty()),
                Content::Budget => !self.budget.is_empty(),
                Content::Timeline => self.starts.is_some() && self.ends.is_some(),
                Content::Priority => self.priority.is_some(),
                Content::Consent => self
                    .consent
                    .as_ref()
                    .is_some_and(|c| !c.given_by.trim().is_empty()),
            };
            if !present {
                problems.push(Incomplete::Missing(content.slug()));
            }
        }
        for (i, line) in self.budget.iter().enumerate() {
            if line.item.trim().is_empty() {
                problems.push(Incomplete::BudgetLine {
                    line: i + 1,
                    problem: "say what the amount is for".into(),
                });
            }
            if line.amount.minor <= 0 {
                problems.push(Incomplete::BudgetLine {
                    line: i + 1,
                    problem: "the amount must be more than zero".into(),
                });
            }
        }
        if let Err(e) = self.total() {
            problems.push(e);
        }
        if let (Some(starts), Some(ends)) = (self.starts, self.ends)
            && ends < starts
        {
            problems.push(Incomplete::EndsBeforeStart { starts, ends });
        }
        if let Some(consent) = &self.consent
            && consent.given_on > today
        {
            problems.push(Incomplete::ConsentInFuture {
                given_on: consent.given_on,
                today,
            });
        }
        problems
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::default_funds;
    use crate::money::Currency;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn usd(text: &str) -> Money {
        Money::parse(text, Currency::parse("USD").unwrap()).unwrap()
    }

    fn complete() -> RequestDraft {
        RequestDraft {
            request_type: RequestType::UprImplementation,
            crisis: None,
            purpose: "Train judges on the recommendations on fair trial".into(),
            recommendations: vec![41, 42],
            plan_actions: vec![],
            activities: vec!["Three workshops".into()],
            budget: vec![
                BudgetLine {
                    item: "Workshops".into(),
                    amount: usd("45,000"),
                },
                BudgetLine {
                    item: "Travel".into(),
                    amount: usd("12,500.50"),
                },
            ],
            starts: Some(date(2027, 1, 1)),
            ends: Some(date(2027, 12, 31)),
            priority: Some(Priority::High),
            consent: Some(Consent {
                given_by: "Minister of Justice".into(),
                given_on: date(2026, 11, 2),
            }),
            publication: Publication::default(),
        }
    }

    #[test]
    fn a_complete_request_can_be_submitted() {
        let fund = &default_funds()[0];
        let draft = complete();
        assert_eq!(draft.incomplete(fund, date(2026, 12, 7)), vec![]);
        assert_eq!(draft.total().unwrap().unwrap().minor, 5_750_050);
    }

    #[test]
    fn what_is_missing_is_named() {
        let funds = default_funds();
        let upr = &funds[0];
        let participation = &funds[1];
        let mut draft = complete();
        draft.recommendations.clear();
        draft.consent = None;
        draft.budget[1].item = " ".into();
        draft.ends = Some(date(2026, 6, 1));
        let problems = draft.incomplete(upr, date(2026, 12, 7));
        assert!(problems.contains(&Incomplete::NoRecommendation));
        assert!(problems.contains(&Incomplete::Missing("consent")));
        assert!(problems.contains(&Incomplete::BudgetLine {
            line: 2,
            problem: "say what the amount is for".into()
        }));
        assert!(
            problems
                .iter()
                .any(|p| matches!(p, Incomplete::EndsBeforeStart { .. }))
        );
        // The participation fund takes no UPR-implementation requests.
        assert!(
            complete()
                .incomplete(participation, date(2026, 12, 7))
                .contains(&Incomplete::TypeNotTaken("upr-implementation"))
        );
        let mut crisis = complete();
        crisis.request_type = RequestType::CrisisResponse;
        assert!(
            crisis
                .incomplete(upr, date(2026, 12, 7))
                .contains(&Incomplete::CrisisKindMissing)
        );
        let mut future = complete();
        future.consent.as_mut().unwrap().given_on = date(2027, 1, 1);
        assert!(matches!(
            future.incomplete(upr, date(2026, 12, 7))[..],
            [Incomplete::ConsentInFuture { .. }]
        ));
    }

    #[test]
    fn a_budget_is_in_one_currency() {
        let mut draft = complete();
        draft.budget[1].amount = Money::parse("100", Currency::parse("EUR").unwrap()).unwrap();
        assert_eq!(
            draft.total(),
            Err(Incomplete::MixedCurrencies("USD".into(), "EUR".into()))
        );
    }
}
