//! The assistance funds on every engine: a request drafted, refused while incomplete, taken
//! from submission to disbursement by the roles the workflow names, a stale version refused with
//! the request as it is, the ledger's entries computed from its balances (an approval beyond
//! what the fund holds refused, a disbursement beyond what is owed refused), a reversal, the
//! public register and its filters, and an audit entry for every ledger entry.

use chrono::NaiveDate;
use taawun_audit::ChangeContext;
use taawun_funds::config::RequestType;
use taawun_funds::ledger::verify;
use taawun_funds::money::{Currency, Money};
use taawun_funds::request::{BudgetLine, Consent, Priority, Publication, RequestDraft};
use taawun_funds::workflow::{Outcome, Role, Stage, Step};
use taawun_store::funds::{DonorKind, FundError, NewDonor, NewEntry, RegisterFilter, StepInput};
use taawun_store::{Paging, Store};
use taawun_store_conformance::on_every_engine;

fn usd(minor: i64) -> Money {
    Money::new(minor, Currency::parse("USD").unwrap()).unwrap()
}

fn draft() -> RequestDraft {
    RequestDraft {
        request_type: RequestType::ReviewParticipation,
        crisis: None,
        purpose: "Send two delegates to the fourth review".into(),
        recommendations: vec![],
        plan_actions: vec![],
        activities: vec!["Travel to Geneva".into()],
        budget: vec![BudgetLine {
            item: "Tickets".into(),
            amount: usd(1_200_000),
        }],
        starts: NaiveDate::from_ymd_opt(2026, 1, 1),
        ends: NaiveDate::from_ymd_opt(2026, 2, 1),
        priority: Some(Priority::High),
        consent: Some(Consent {
            given_by: "Minister of Foreign Affairs".into(),
            given_on: NaiveDate::from_ymd_opt(2025, 12, 1).unwrap(),
        }),
        publication: Publication {
            purpose: true,
            ..Default::default()
        },
    }
}

fn step(step: Step, role: Role, amount: Option<Money>) -> StepInput {
    StepInput {
        step,
        role,
        reason: "as the fund's terms say".into(),
        conditions: String::new(),
        amount,
        actor: "tester".into(),
    }
}

async fn prepare(store: &dyn Store) {
    let cli = ChangeContext::command_line();
    let records = taawun_store::state_records_from_builtin();
    let fingerprint = taawun_store::table_fingerprint(&records);
    store
        .sync_states(&cli, &records, &fingerprint)
        .await
        .unwrap();
}

#[tokio::test]
async fn a_request_from_draft_to_disbursement_with_its_ledger() {
    on_every_engine!("funds_workflow_and_ledger", |t| {
        let store = t.store.as_ref();
        prepare(store).await;
        let cli = ChangeContext::command_line();
        let funds = taawun_funds::default_funds();
        let fund = funds
            .iter()
            .find(|f| f.id == "review-participation")
            .unwrap();
        let funds_store = store.funds();

        // A draft missing its consent cannot be submitted; nothing changes.
        let mut incomplete = draft();
        incomplete.consent = None;
        let request = funds_store
            .create_request(&cli, fund, "FJI", &incomplete, None)
            .await
            .unwrap();
        assert_eq!(request.position.stage, Stage::Draft);
        assert_eq!(request.draft, incomplete);
        let refused = funds_store
            .take_step(
                &cli,
                fund,
                request.id,
                request.version,
                &step(Step::Submit, Role::StateFocalPoint, None),
                None,
            )
            .await;
        assert!(
            matches!(&refused, Err(FundError::Incomplete(p)) if p.iter().any(|m| m.contains("consent"))),
            "{refused:?}"
        );
        // Drafts are not in the public register.
        let register = funds_store
            .register(&RegisterFilter::default(), Paging::default())
            .await
            .unwrap();
        assert_eq!(register.total, 0);

        let request = funds_store
            .update_request(&cli, request.id, request.version, &draft(), None)
            .await
            .unwrap();
        assert_eq!(request.version, 2);
        // A writer still holding version 1 is told, and nothing is written.
        let stale = funds_store
            .update_request(&cli, request.id, 1, &incomplete, None)
            .await;
        assert!(
            matches!(&stale, Err(FundError::Conflict(now)) if now.version == 2),
            "{stale:?}"
        );

        let mut current = request;
        for (s, role) in [
            (Step::Submit, Role::StateFocalPoint),
            (Step::BeginScreening, Role::Secretariat),
            (Step::CompleteScreening, Role::Secretariat),
            (Step::Recommend(Outcome::Approve), Role::Reviewer),
            (Step::SendForDecision, Role::Secretariat),
        ] {
            current = funds_store
                .take_step(
                    &cli,
                    fund,
                    current.id,
                    current.version,
                    &step(s, role, None),
                    None,
                )
                .await
                .unwrap();
        }
        assert_eq!(current.position.stage, Stage::Decision);
        assert!(current.submitted_at.is_some());
        // The wrong role is refused.
        let wrong = funds_store
            .take_step(
                &cli,
                fund,
                current.id,
                current.version,
                &step(Step::Decide(Outcome::Approve), Role::Secretariat, None),
                None,
            )
            .await;
        assert!(matches!(wrong, Err(FundError::Refused(_))), "{wrong:?}");
        // The fund holds nothing yet: an approval is refused.
        let broke = funds_store
            .take_step(
                &cli,
                fund,
                current.id,
                current.version,
                &step(
                    Step::Decide(Outcome::Approve),
                    Role::Approver,
                    Some(usd(1_000_000)),
                ),
                None,
            )
            .await;
        assert!(matches!(broke, Err(FundError::Ledger(_))), "{broke:?}");

        let donor = funds_store
            .add_donor(
                &cli,
                &NewDonor {
                    name: "Qatar".into(),
                    kind: DonorKind::State,
                    state: Some("QAT".into()),
                    non_traditional: true,
                },
            )
            .await
            .unwrap();
        let day = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
        let pledge = funds_store
            .record_entry(
                &cli,
                fund,
                day,
                &NewEntry::Pledge {
                    donor: donor.id,
                    amount: usd(5_000_000),
                },
                "pledge for 2026",
                None,
                None,
            )
            .await
            .unwrap();
        funds_store
            .record_entry(
                &cli,
                fund,
                day,
                &NewEntry::Contribution {
                    donor: donor.id,
                    amount: usd(3_000_000),
                    original: None,
                },
                "first payment",
                Some("Pacific"),
                None,
            )
            .await
            .unwrap();
        // The pledge was partly paid: reversing it would leave more received than pledged.
        let reversal = funds_store
            .record_entry(
                &cli,
                fund,
                day,
                &NewEntry::Reversal {
                    entry: pledge.entry.id,
                },
                "entered twice",
                None,
                None,
            )
            .await;
        assert!(
            matches!(reversal, Err(FundError::Ledger(_))),
            "{reversal:?}"
        );

        current = funds_store
            .take_step(
                &cli,
                fund,
                current.id,
                current.version,
                &step(
                    Step::Decide(Outcome::Approve),
                    Role::Approver,
                    Some(usd(1_000_000)),
                ),
                None,
            )
            .await
            .unwrap();
        assert_eq!(current.position.stage, Stage::Agreement);
        assert_eq!(current.approved_minor, 1_000_000);
        current = funds_store
            .take_step(
                &cli,
                fund,
                current.id,
                current.version,
                &step(Step::SignAgreement, Role::Secretariat, None),
                None,
            )
            .await
            .unwrap();
        let over = funds_store
            .take_step(
                &cli,
                fund,
                current.id,
                current.version,
                &step(
                    Step::RecordDisbursement,
                    Role::Secretariat,
                    Some(usd(1_000_001)),
                ),
                None,
            )
            .await;
        assert!(matches!(over, Err(FundError::Ledger(_))), "{over:?}");
        current = funds_store
            .take_step(
                &cli,
                fund,
                current.id,
                current.version,
                &step(
                    Step::RecordDisbursement,
                    Role::Secretariat,
                    Some(usd(600_000)),
                ),
                None,
            )
            .await
            .unwrap();
        assert_eq!(current.disbursed_minor, 600_000);
        assert_eq!(current.position.stage, Stage::Disbursement);

        let events = funds_store.request_events(current.id).await.unwrap();
        assert_eq!(events.len(), 8);
        assert_eq!(events[0].step, Step::Submit);
        assert_eq!(events.last().unwrap().amount_minor, Some(600_000));

        // The books: derived from the stored entries, they balance and agree with the store's
        // sums; every entry has its audit record.
        let entries = funds_store.entries(&fund.id).await.unwrap();
        assert_eq!(entries.len(), 4);
        let plain: Vec<_> = entries.iter().map(|e| e.entry.clone()).collect();
        assert_eq!(verify(&plain), vec![]);
        let balances = funds_store.balances(&fund.id).await.unwrap();
        assert_eq!(balances, taawun_funds::ledger::Balances::derive(&plain));
        assert_eq!(balances.cash(), 3_000_000 - 600_000);
        assert_eq!(balances.outstanding(current.id), 400_000);
        assert_eq!(
            funds_store.entries_without_audit(&fund.id).await.unwrap(),
            Vec::<i64>::new()
        );
        let page = funds_store
            .entries_page(
                &fund.id,
                Paging {
                    page: 1,
                    per_page: 2,
                },
            )
            .await
            .unwrap();
        assert_eq!(page.total, 4);
        assert_eq!(page.items.len(), 2);
        assert_eq!(
            page.items[0].entry.kind,
            taawun_funds::ledger::EntryKind::Disbursement
        );
        assert_eq!(page.items[0].entry.lines.len(), 2);

        // The charts' sums: the contribution by year and donor, the payment by State.
        let summary = funds_store.ledger_summary(&fund.id).await.unwrap();
        assert_eq!(summary.income, vec![(2026, donor.id, 3_000_000)]);
        assert_eq!(summary.paid_by_state, vec![("FJI".to_owned(), 600_000)]);
        assert!(!summary.demonstration);

        // The register: the request with its amounts; filters by State, stage and year.
        let register = funds_store
            .register(&RegisterFilter::default(), Paging::default())
            .await
            .unwrap();
        assert_eq!(register.total, 1);
        let row = &register.items[0];
        assert_eq!(
            (
                row.state.as_str(),
                row.stage,
                row.requested_minor,
                row.approved_minor,
                row.disbursed_minor
            ),
            (
                "FJI",
                Stage::Disbursement,
                Some(1_200_000),
                1_000_000,
                600_000
            )
        );
        assert_eq!(
            row.purpose.as_deref(),
            Some("Send two delegates to the fourth review")
        );
        for (filter, expected) in [
            (
                RegisterFilter {
                    state: Some("QAT".into()),
                    ..Default::default()
                },
                0,
            ),
            (
                RegisterFilter {
                    stage: Some(Stage::Disbursement),
                    fund: Some(fund.id.clone()),
                    ..Default::default()
                },
                1,
            ),
            (
                RegisterFilter {
                    year: Some(1999),
                    ..Default::default()
                },
                0,
            ),
        ] {
            let page = funds_store
                .register(&filter, Paging::default())
                .await
                .unwrap();
            assert_eq!(page.total, expected, "{filter:?}");
        }
        let timelines = funds_store.timelines(&fund.id).await.unwrap();
        assert_eq!(timelines.len(), 1);
        assert_eq!(timelines[0].events.len(), 8);
        assert_eq!(funds_store.real_request_count().await.unwrap(), 1);

        // A demonstration set is refused where real requests exist.
        let demo = funds_store
            .insert_demonstration(&cli, &taawun_store::funds::DemoSet::default())
            .await;
        assert!(matches!(demo, Err(FundError::Invalid(_))), "{demo:?}");
    });
}
