//! Timeliness measured from the workflow's events: how long each request spent in each stage
//! (the clock paused while the State was asked for information), which open requests are past
//! their stage's target, and, for the public register, the median and 90th percentile of days
//! in each stage and the share of requests that met the target.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::workflow::{Event, Stage};

const DAY: i64 = 86_400;

/// Seconds spent in each timed stage, summed over every visit (a request screened, asked for
/// information, then screened again has one screening time). `stages_left` holds the stages
/// the request has since moved on from: only those have a final time.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StageTimes {
    pub seconds: BTreeMap<Stage, i64>,
    pub stages_left: Vec<Stage>,
    /// The stage the request is in now (none once it is closed).
    pub current: Option<Stage>,
}

impl StageTimes {
    /// From a request's events in the order they happened; an open request's current stage
    /// runs until `now`.
    pub fn from_events(events: &[Event], now: DateTime<Utc>) -> StageTimes {
        let mut times = StageTimes::default();
        for (i, event) in events.iter().enumerate() {
            let until = events.get(i + 1).map_or(now, |next| next.at);
            let stage = event.to;
            if stage.is_timed() {
                let spent = (until - event.at).num_seconds().max(0);
                *times.seconds.entry(stage).or_default() += spent;
            }
            if event.from != event.to
                && event.from.is_timed()
                && !times.stages_left.contains(&event.from)
            {
                times.stages_left.push(event.from);
            }
        }
        times.current = events.last().map(|e| e.to).filter(|s| *s != Stage::Closed);
        times
    }

    /// Whole days in `stage` so far.
    pub fn days(&self, stage: Stage) -> i64 {
        self.seconds.get(&stage).copied().unwrap_or(0) / DAY
    }
}

/// An open request past its current stage's target.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Overdue {
    pub stage: Stage,
    pub days: i64,
    pub target_days: u16,
}

/// Whether the request is past the target of the stage it is in. Targets are whole days; a
/// request is overdue once it has spent more than the target's days in the stage.
pub fn overdue(times: &StageTimes, target_days: impl Fn(Stage) -> Option<u16>) -> Option<Overdue> {
    let stage = times.current?;
    let target = target_days(stage)?;
    let seconds = times.seconds.get(&stage).copied().unwrap_or(0);
    (seconds > i64::from(target) * DAY).then_some(Overdue {
        stage,
        days: seconds / DAY,
        target_days: target,
    })
}

/// How long requests took in one stage.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct StageSummary {
    pub stage: Stage,
    /// Requests that have left the stage.
    pub requests: usize,
    pub median_days: f64,
    pub p90_days: f64,
    pub target_days: Option<u16>,
    /// The share of those requests that left the stage within its target, 0 to 1.
    pub within_target: Option<f64>,
}

/// The summary of the seconds each request spent in `stage`; `None` when no request has left
/// it yet.
pub fn summarise(stage: Stage, seconds: &[i64], target_days: Option<u16>) -> Option<StageSummary> {
    if seconds.is_empty() {
        return None;
    }
    let mut sorted = seconds.to_vec();
    sorted.sort_unstable();
    let days = |s: i64| (s as f64 / DAY as f64 * 10.0).round() / 10.0;
    let within_target = target_days.map(|t| {
        let limit = i64::from(t) * DAY;
        sorted.iter().filter(|s| **s <= limit).count() as f64 / sorted.len() as f64
    });
    Some(StageSummary {
        stage,
        requests: sorted.len(),
        median_days: days(nearest_rank(&sorted, 50)),
        p90_days: days(nearest_rank(&sorted, 90)),
        target_days,
        within_target,
    })
}

/// The nearest-rank percentile of sorted values: the smallest value at or above which lie at
/// least `percent` per cent of them. Every figure it gives is one request's real time.
fn nearest_rank(sorted: &[i64], percent: usize) -> i64 {
    let rank = (percent * sorted.len()).div_ceil(100).max(1);
    sorted[rank.min(sorted.len()) - 1]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workflow::{Role, Step};
    use chrono::TimeZone;
    use proptest::prelude::*;

    fn day(d: i64) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap() + chrono::Duration::days(d)
    }

    fn event(at: i64, step: Step, from: Stage, to: Stage) -> Event {
        Event {
            at: day(at),
            actor: "someone".into(),
            role: Role::Secretariat,
            step,
            from,
            to,
            reason: String::new(),
        }
    }

    fn screened_twice() -> Vec<Event> {
        vec![
            event(0, Step::Submit, Stage::Draft, Stage::Submitted),
            event(2, Step::BeginScreening, Stage::Submitted, Stage::Screening),
            event(
                5,
                Step::RequestInformation,
                Stage::Screening,
                Stage::InformationRequested,
            ),
            event(
                25,
                Step::ProvideInformation,
                Stage::InformationRequested,
                Stage::Screening,
            ),
            event(29, Step::CompleteScreening, Stage::Screening, Stage::Review),
        ]
    }

    #[test]
    fn the_clock_pauses_while_the_state_answers() {
        let times = StageTimes::from_events(&screened_twice(), day(40));
        assert_eq!(times.days(Stage::Submitted), 2);
        // 3 days before the question, 4 after; the 20 days of the State's answer do not count.
        assert_eq!(times.days(Stage::Screening), 7);
        assert_eq!(times.days(Stage::InformationRequested), 0);
        assert_eq!(times.days(Stage::Review), 11);
        assert_eq!(times.current, Some(Stage::Review));
        assert_eq!(times.stages_left, vec![Stage::Submitted, Stage::Screening]);
    }

    #[test]
    fn a_request_past_its_stage_target_is_overdue() {
        let times = StageTimes::from_events(&screened_twice(), day(40));
        let targets = |stage: Stage| match stage {
            Stage::Review => Some(10),
            _ => Some(30),
        };
        assert_eq!(
            overdue(&times, targets),
            Some(Overdue {
                stage: Stage::Review,
                days: 11,
                target_days: 10
            })
        );
        assert_eq!(overdue(&times, |_| Some(11)), None);
        assert_eq!(overdue(&times, |_| None), None);
    }

    #[test]
    fn summaries_give_real_requests_times() {
        let seconds: Vec<i64> = [1, 2, 3, 4, 5, 6, 7, 8, 9, 30].map(|d| d * DAY).to_vec();
        let summary = summarise(Stage::Screening, &seconds, Some(7)).unwrap();
        assert_eq!(summary.requests, 10);
        assert_eq!(summary.median_days, 5.0);
        assert_eq!(summary.p90_days, 9.0);
        assert_eq!(summary.within_target, Some(0.7));
        assert_eq!(summarise(Stage::Screening, &[], Some(7)), None);
        let one = summarise(Stage::Review, &[DAY / 2], None).unwrap();
        assert_eq!((one.median_days, one.p90_days), (0.5, 0.5));
        assert_eq!(one.within_target, None);
    }

    proptest! {
        /// The percentiles are values of the data, in order, and the share lies in [0, 1].
        #[test]
        fn summaries_are_ordered(seconds in prop::collection::vec(0i64..10_000_000, 1..200), target in 0u16..100) {
            let s = summarise(Stage::Review, &seconds, Some(target)).unwrap();
            prop_assert!(s.median_days <= s.p90_days);
            let share = s.within_target.unwrap();
            prop_assert!((0.0..=1.0).contains(&share));
            prop_assert_eq!(s.requests, seconds.len());
        }
    }
}
