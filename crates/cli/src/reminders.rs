//! The daily reminders of implementation-plan actions: one e-mail per owner of actions overdue
//! or due within 30 days, queued in the outbox. Every server checks hourly; the day's row in the
//! database (`upr_plan_reminder_runs`, written in the transaction that queues the messages)
//! makes them go once a day whichever server, or `taawun upr reminders`, gets there first.

use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use taawun_store::Store;
use taawun_store::plans::ReminderRun;

/// Sends the reminders of `today` unless they were sent already.
pub async fn run_once(
    store: &dyn Store,
    public_url: &str,
    today: chrono::NaiveDate,
) -> anyhow::Result<ReminderRun> {
    store
        .plans()
        .run_reminders(
            &taawun_store::ChangeContext::system(),
            today,
            public_url.trim_end_matches('/'),
        )
        .await
        .context("cannot send the reminders of plan actions")
}

pub fn describe(run: &ReminderRun) -> String {
    match run {
        ReminderRun::AlreadyRan { day } => {
            format!("The reminders of {day} were sent already; nothing sent.")
        }
        ReminderRun::Sent {
            day,
            messages,
            actions,
        } => format!(
            "Reminders of {day}: {messages} e-mail(s) queued in the outbox, about {actions} action(s)."
        ),
    }
}

/// Checks every hour for the life of the server.
pub fn spawn_daily(store: Arc<dyn Store>, public_url: String) {
    tokio::spawn(async move {
        let mut interval = tokio::time::interval(Duration::from_secs(3600));
        loop {
            interval.tick().await;
            match run_once(store.as_ref(), &public_url, taawun_plans::today()).await {
                Ok(ReminderRun::Sent {
                    day,
                    messages,
                    actions,
                }) => tracing::info!(day, messages, actions, "plan reminders queued"),
                Ok(ReminderRun::AlreadyRan { .. }) => {}
                Err(error) => tracing::warn!(error = format!("{error:#}"), "plan reminders failed"),
            }
        }
    });
}
