//! Implementation plans on every engine: a plan with clusters from themes, actions changed from
//! a version (a stale one is refused with the action as it is, nothing written), status changes
//! with evidence, the audit entry of every write, and the daily reminders sent once however many
//! runs race for the day.

use taawun_accounts::RoleGrant;
use taawun_audit::ChangeContext;
use taawun_store::plans::{
    ActionFields, ActionInput, ClusterKind, IndicatorInput, NewEvidence, NewPlan, NewStatusChange,
    PlanError, ReminderRun, Status,
};
use taawun_store::upr::{IncomingRecommendation, SourceRef};
use taawun_store::{AuditFilter, NewUser, Paging, Store};
use taawun_store_conformance::on_every_engine;

fn recommendation(text: &str, line: u64, themes: &[&str]) -> IncomingRecommendation {
    IncomingRecommendation {
        key: taawun_upr::model::recommendation_key("QAT", 33, text),
        reviewed: "QAT".into(),
        session: 33,
        cycle: taawun_upr::cycle_of_session(33).unwrap(),
        text: text.into(),
        paragraph: None,
        recommending: vec!["FRA".into()],
        response: None,
        action: None,
        themes: themes.iter().map(|t| t.to_string()).collect(),
        groups: vec![],
        sdgs: vec![],
        assessment: None,
        sources: vec![SourceRef {
            kind: "upr-info".into(),
            file: "test.csv".into(),
            line,
        }],
    }
}

async fn prepare(store: &dyn Store) -> (Vec<i64>, i64) {
    let cli = ChangeContext::command_line();
    let records = taawun_store::state_records_from_builtin();
    let fingerprint = taawun_store::table_fingerprint(&records);
    store
        .sync_states(&cli, &records, &fingerprint)
        .await
        .unwrap();
    store
        .upr()
        .import_upr(
            &cli,
            vec![
                recommendation("Ratify the Convention against Torture.", 1, &["Torture"]),
                recommendation("Criminalise domestic violence.", 2, &["Women's rights"]),
                recommendation("Train the police on torture.", 3, &["Torture"]),
            ],
            vec![],
            &|_| {},
        )
        .await
        .unwrap();
    let page = store
        .upr()
        .list_recommendations(
            &taawun_store::upr::RecommendationFilter {
                reviewed: Some("QAT".into()),
                ..Default::default()
            },
            Paging::default(),
        )
        .await
        .unwrap();
    let mut ids: Vec<i64> = page.page.items.iter().map(|r| r.id).collect();
    ids.sort_unstable();
    let owner = store
        .accounts()
        .create_user(
            &cli,
            &NewUser {
                email: "focal@example.org".into(),
                display_name: "Focal".into(),
                password_hash: "$argon2id$fake".into(),
                roles: vec![RoleGrant::from_parts("focal-point", Some("QAT"), None).unwrap()],
            },
        )
        .await
        .unwrap()
        .id;
    (ids, owner)
}

fn fields(cluster_id: i64, owner: i64, due: &str, recommendations: Vec<i64>) -> ActionFields {
    ActionFields {
        cluster_id,
        input: ActionInput {
            title: "Adopt a law".into(),
            lead_institution: "Ministry of Justice".into(),
            partners: Some("NHRI".into()),
            start_date: Some("2026-01-01".into()),
            due_date: Some(due.into()),
            indicators: vec![IndicatorInput {
                name: "Law in force".into(),
                baseline: "No".into(),
                target: "Yes".into(),
            }],
            budget_hundredths: Some(150_000),
            budget_currency: Some("QAR".into()),
        },
        owner_user_id: Some(owner),
        recommendations,
    }
}

async fn audit_actions(store: &dyn Store, record_type: &str) -> Vec<String> {
    store
        .accounts()
        .audit_entries(
            &AuditFilter {
                record_type: Some(record_type.into()),
                ..Default::default()
            },
            Paging::default(),
        )
        .await
        .unwrap()
        .items
        .into_iter()
        .map(|e| e.action)
        .collect()
}

#[tokio::test]
async fn plans_actions_conflicts_and_audit() {
    on_every_engine!("plans_crud", |t| {
        let store = &*t.store;
        let (recs, owner) = prepare(store).await;
        let context = ChangeContext::command_line();
        let plans = store.plans();
        assert!(plans.plan_of("QAT", None).await.unwrap().is_none());

        let plan = plans
            .create_plan(
                &context,
                &NewPlan {
                    state: "QAT".into(),
                    cycle: 3,
                    clusters: vec![
                        ("Torture".into(), ClusterKind::Theme, vec![recs[0], recs[2]]),
                        ("Women's rights".into(), ClusterKind::Theme, vec![recs[1]]),
                    ],
                },
                Some(owner),
            )
            .await
            .unwrap();
        assert_eq!(plan.clusters.len(), 2);
        assert_eq!(plan.clusters[0].recommendations, [recs[0], recs[2]]);
        assert!(!plan.published);
        let again = plans
            .create_plan(
                &context,
                &NewPlan {
                    state: "QAT".into(),
                    cycle: 3,
                    clusters: vec![],
                },
                None,
            )
            .await;
        assert!(matches!(again, Err(PlanError::Duplicate(_))));

        // Clusters of the State's own, and membership moves.
        let own = plans
            .add_cluster(&context, plan.id, "Justice reform", ClusterKind::Own)
            .await
            .unwrap();
        assert_eq!(
            plans
                .set_membership(&context, plan.id, &[(recs[2], Some(own)), (recs[0], None)])
                .await
                .unwrap(),
            2
        );
        let plan = plans.plan_of("QAT", Some(3)).await.unwrap().unwrap();
        assert_eq!(plan.clusters[0].recommendations, Vec::<i64>::new());
        assert_eq!(plan.clusters[2].recommendations, [recs[2]]);
        assert_eq!(plan.clusters[2].kind, ClusterKind::Own);

        // A cluster of another plan, or a recommendation of another State, is refused.
        let wrong = plans
            .create_action(
                &context,
                plan.id,
                &fields(999_999, owner, "2026-12-31", vec![]),
                None,
            )
            .await;
        assert!(matches!(wrong, Err(PlanError::Invalid(_))));

        let action = plans
            .create_action(
                &context,
                plan.id,
                &fields(own, owner, "2026-12-31", vec![recs[2]]),
                Some(owner),
            )
            .await
            .unwrap();
        assert_eq!(action.version, 1);
        assert_eq!(action.status, Status::NotStarted);
        assert_eq!(action.indicators.len(), 1);
        assert_eq!(action.recommendations, [recs[2]]);

        // Two people edit version 1: the first wins, the second is told and nothing is lost.
        let mut first = fields(own, owner, "2026-11-30", vec![recs[2]]);
        first.input.title = "Adopt a law against torture".into();
        let saved = plans
            .update_action(&context, action.id, 1, &first, Some(owner))
            .await
            .unwrap();
        assert_eq!(saved.version, 2);
        let mut second = fields(own, owner, "2026-10-31", vec![]);
        second.input.title = "Someone else's title".into();
        match plans
            .update_action(&context, action.id, 1, &second, Some(owner))
            .await
        {
            Err(PlanError::Conflict(current)) => {
                assert_eq!(current.version, 2);
                assert_eq!(current.title, "Adopt a law against torture");
            }
            other => panic!("expected a conflict, got {other:?}"),
        }
        let stored = plans.get_action(action.id).await.unwrap().unwrap();
        assert_eq!(stored.title, "Adopt a law against torture");
        assert_eq!(stored.due_date.as_deref(), Some("2026-11-30"));

        // A status change with evidence, from the current version; a stale one is refused.
        let changed = plans
            .change_status(
                &context,
                action.id,
                2,
                &NewStatusChange {
                    to: Status::InProgress,
                    note: Some("Draft law tabled".into()),
                    link: Some("https://example.org/draft".into()),
                    evidence: Some(NewEvidence {
                        name: "draft.pdf".into(),
                        media_type: "application/pdf".into(),
                        size: 1234,
                        sha256: "a".repeat(64),
                        storage_key: format!("aa/aa/{}", "a".repeat(64)),
                    }),
                },
                Some(owner),
            )
            .await
            .unwrap();
        assert_eq!((changed.status, changed.version), (Status::InProgress, 3));
        let stale = plans
            .change_status(
                &context,
                action.id,
                2,
                &NewStatusChange {
                    to: Status::Implemented,
                    note: None,
                    link: None,
                    evidence: None,
                },
                Some(owner),
            )
            .await;
        assert!(matches!(stale, Err(PlanError::Conflict(c)) if c.status == Status::InProgress));
        let history = plans.status_changes(action.id).await.unwrap();
        assert_eq!(history.len(), 1);
        assert_eq!(
            (history[0].from, history[0].to),
            (Status::NotStarted, Status::InProgress)
        );
        let evidence = history[0].evidence.clone().unwrap();
        assert_eq!(evidence.size, 1234);
        assert_eq!(
            plans
                .get_evidence(evidence.id)
                .await
                .unwrap()
                .unwrap()
                .plan_id,
            plan.id
        );

        // Publication.
        let published = plans.set_published(&context, plan.id, true).await.unwrap();
        assert!(published.published && published.published_at.is_some());
        assert_eq!(published.actions.len(), 1);

        let owned = plans.open_actions_of(owner).await.unwrap();
        assert_eq!(owned.len(), 1);
        assert_eq!(owned[0].state, "QAT");

        // Every write is in the audit trail, and the chain holds.
        assert_eq!(
            audit_actions(store, "upr-plan").await,
            ["publish", "cluster-membership", "add-cluster", "create"]
        );
        assert_eq!(
            audit_actions(store, "upr-plan-action").await,
            ["change-status", "update", "create"]
        );
        let verification = store.accounts().verify_audit(&|_| {}).await.unwrap();
        assert!(verification.is_intact());
    });
}

#[tokio::test]
async fn reminders_go_once_a_day_even_when_runs_race() {
    on_every_engine!("plans_reminders", |t| {
        let store = &*t.store;
        let (recs, owner) = prepare(store).await;
        let context = ChangeContext::system();
        let plans = store.plans();
        let plan = plans
            .create_plan(
                &context,
                &NewPlan {
                    state: "QAT".into(),
                    cycle: 3,
                    clusters: vec![("Torture".into(), ClusterKind::Theme, recs.clone())],
                },
                None,
            )
            .await
            .unwrap();
        let cluster = plan.clusters[0].id;
        for due in ["2026-05-01", "2026-06-20", "2026-12-31"] {
            plans
                .create_action(
                    &context,
                    plan.id,
                    &fields(cluster, owner, due, vec![]),
                    None,
                )
                .await
                .unwrap();
        }
        let today = chrono::NaiveDate::from_ymd_opt(2026, 6, 1).unwrap();
        let outbox_before: i64 = t
            .text("SELECT CAST(count(*) AS TEXT) FROM outbox")
            .await
            .unwrap()
            .parse()
            .unwrap();
        let (a, b) = tokio::join!(
            plans.run_reminders(&context, today, "http://taawun.test"),
            plans.run_reminders(&context, today, "http://taawun.test"),
        );
        let runs = [a.unwrap(), b.unwrap()];
        let sent: Vec<_> = runs
            .iter()
            .filter(|r| matches!(r, ReminderRun::Sent { .. }))
            .collect();
        assert_eq!(sent.len(), 1, "{runs:?}");
        assert_eq!(
            sent[0],
            &ReminderRun::Sent {
                day: "2026-06-01".into(),
                messages: 1,
                actions: 2
            }
        );
        let outbox_after: i64 = t
            .text("SELECT CAST(count(*) AS TEXT) FROM outbox")
            .await
            .unwrap()
            .parse()
            .unwrap();
        assert_eq!(outbox_after - outbox_before, 1);
        let body = t
            .text("SELECT body FROM outbox ORDER BY id DESC LIMIT 1")
            .await
            .unwrap();
        assert!(body.contains("OVERDUE by 31 days"), "{body}");
        assert!(body.contains("due in 19 days"), "{body}");
        // A third run the same day sends nothing; the next day sends again.
        assert!(matches!(
            plans
                .run_reminders(&context, today, "http://taawun.test")
                .await
                .unwrap(),
            ReminderRun::AlreadyRan { .. }
        ));
        assert!(matches!(
            plans
                .run_reminders(&context, today.succ_opt().unwrap(), "http://taawun.test")
                .await
                .unwrap(),
            ReminderRun::Sent { messages: 1, .. }
        ));
        assert_eq!(audit_actions(store, "upr-plan-reminders").await.len(), 2);
    });
}
