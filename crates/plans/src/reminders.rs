//! Which actions their owners are reminded of: those still open (neither implemented nor found
//! not to apply) that are overdue or due within [`DUE_WINDOW_DAYS`]; and the one message per
//! owner that lists them.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use crate::Status;

/// Actions due within this many days (today included) are "due soon".
pub const DUE_WINDOW_DAYS: i64 = 30;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ReminderKind {
    /// The due date has passed.
    Overdue,
    /// Due today or within the window.
    DueSoon,
}

/// Whether an action with this due date and status is reminded of today, and how.
pub fn reminder_kind(today: NaiveDate, due: NaiveDate, status: Status) -> Option<ReminderKind> {
    if status.is_closed() {
        return None;
    }
    let days = (due - today).num_days();
    if days < 0 {
        Some(ReminderKind::Overdue)
    } else if days <= DUE_WINDOW_DAYS {
        Some(ReminderKind::DueSoon)
    } else {
        None
    }
}

/// An action with an owner, as the store reads it for the reminders.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReminderCandidate {
    pub action_id: i64,
    pub title: String,
    /// ISO3 of the plan's State.
    pub state: String,
    pub owner_user_id: i64,
    pub owner_email: String,
    /// `YYYY-MM-DD`.
    pub due_date: String,
    pub status: Status,
}

/// An action its owner is reminded of.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reminder {
    pub candidate: ReminderCandidate,
    pub kind: ReminderKind,
    /// Days until the due date (negative: days overdue).
    pub days: i64,
}

/// The candidates to remind of today, overdue first, then by due date and id.
pub fn select_reminders(today: NaiveDate, candidates: &[ReminderCandidate]) -> Vec<Reminder> {
    let mut out: Vec<Reminder> = candidates
        .iter()
        .filter_map(|c| {
            let due = crate::parse_date(&c.due_date)?;
            let kind = reminder_kind(today, due, c.status)?;
            Some(Reminder {
                candidate: c.clone(),
                kind,
                days: (due - today).num_days(),
            })
        })
        .collect();
    out.sort_by(|a, b| {
        (a.kind, a.days, a.candidate.action_id).cmp(&(b.kind, b.days, b.candidate.action_id))
    });
    out
}

/// One e-mail to one owner.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReminderMessage {
    pub owner_user_id: i64,
    pub to: String,
    pub subject: String,
    pub text: String,
    pub action_ids: Vec<i64>,
}

/// One message per owner listing their reminded actions, with a link to each (`public_url` is
/// the platform's address, without a trailing slash). In English, as the platform's other
/// e-mail.
pub fn compose_messages(
    today: NaiveDate,
    reminders: &[Reminder],
    public_url: &str,
) -> Vec<ReminderMessage> {
    let mut by_owner: BTreeMap<i64, Vec<&Reminder>> = BTreeMap::new();
    for r in reminders {
        by_owner
            .entry(r.candidate.owner_user_id)
            .or_default()
            .push(r);
    }
    by_owner
        .into_iter()
        .map(|(owner, items)| {
            let overdue = items
                .iter()
                .filter(|r| r.kind == ReminderKind::Overdue)
                .count();
            let soon = items.len() - overdue;
            let mut text = format!(
                "Actions of your State's UPR implementation plan that need attention (as of {}):\n\n",
                crate::date_text(today)
            );
            for r in &items {
                let when = match r.kind {
                    ReminderKind::Overdue => format!(
                        "OVERDUE by {} day{} (due {})",
                        -r.days,
                        if r.days == -1 { "" } else { "s" },
                        r.candidate.due_date
                    ),
                    ReminderKind::DueSoon if r.days == 0 => {
                        format!("due today ({})", r.candidate.due_date)
                    }
                    ReminderKind::DueSoon => format!(
                        "due in {} day{} ({})",
                        r.days,
                        if r.days == 1 { "" } else { "s" },
                        r.candidate.due_date
                    ),
                };
                text.push_str(&format!(
                    "- {} — {when}\n  {public_url}/upr/states/{}/plan/actions/{}\n",
                    r.candidate.title, r.candidate.state, r.candidate.action_id
                ));
            }
            text.push_str(
                "\nYou receive this because you are the owner of these actions. Record progress by changing an action's status, with evidence.\n",
            );
            ReminderMessage {
                owner_user_id: owner,
                to: items[0].candidate.owner_email.clone(),
                subject: format!(
                    "UPR implementation plan: {overdue} overdue, {soon} due within {DUE_WINDOW_DAYS} days"
                ),
                text,
                action_ids: items.iter().map(|r| r.candidate.action_id).collect(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        crate::parse_date(text).unwrap()
    }

    fn candidate(id: i64, owner: i64, due: &str, status: Status) -> ReminderCandidate {
        ReminderCandidate {
            action_id: id,
            title: format!("Action {id}"),
            state: "QAT".into(),
            owner_user_id: owner,
            owner_email: format!("owner{owner}@example.org"),
            due_date: due.into(),
            status,
        }
    }

    #[test]
    fn the_window_is_thirty_days_and_closed_actions_are_left_alone() {
        let today = day("2026-06-01");
        assert_eq!(
            reminder_kind(today, day("2026-05-31"), Status::InProgress),
            Some(ReminderKind::Overdue)
        );
        assert_eq!(
            reminder_kind(today, day("2026-06-01"), Status::NotStarted),
            Some(ReminderKind::DueSoon)
        );
        assert_eq!(
            reminder_kind(today, day("2026-07-01"), Status::NotStarted),
            Some(ReminderKind::DueSoon)
        );
        assert_eq!(
            reminder_kind(today, day("2026-07-02"), Status::NotStarted),
            None
        );
        assert_eq!(
            reminder_kind(today, day("2026-05-01"), Status::Implemented),
            None
        );
        assert_eq!(
            reminder_kind(today, day("2026-05-01"), Status::NotApplicable),
            None
        );
    }

    #[test]
    fn one_message_per_owner_overdue_first() {
        let today = day("2026-06-01");
        let reminders = select_reminders(
            today,
            &[
                candidate(1, 7, "2026-06-10", Status::NotStarted),
                candidate(2, 7, "2026-05-20", Status::InProgress),
                candidate(3, 8, "2026-06-02", Status::PartiallyImplemented),
                candidate(4, 8, "2027-01-01", Status::NotStarted),
            ],
        );
        let messages = compose_messages(today, &reminders, "https://taawun.example");
        assert_eq!(messages.len(), 2);
        assert_eq!(messages[0].to, "owner7@example.org");
        assert_eq!(messages[0].action_ids, [2, 1]);
        assert!(messages[0].subject.contains("1 overdue, 1 due"));
        assert!(
            messages[0]
                .text
                .contains("https://taawun.example/upr/states/QAT/plan/actions/2")
        );
        assert_eq!(messages[1].action_ids, [3]);
    }
}
