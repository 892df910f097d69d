//! Regional seminars, calls for inputs and summary reports on every engine: seminars and calls
//! only of mandates that exist; one registration per address (whatever its case), decided by
//! the secretariat; inputs from approved participants only; notes replaced with their history
//! kept; late submissions marked; a summary report generated, edited and published, the
//! publication recorded as the mandate's delivered output in the same transaction; a stale
//! revision, a bad symbol and anything after publication refused with nothing written.

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use taawun_audit::ChangeContext;
use taawun_cooperation::consultation::AnswerDraft;
use taawun_cooperation::{CallDraft, SeminarDraft};
use taawun_store::cooperation::{
    CooperationError, InputDraft, InputRefusal, NewReportVersion, NoteRefusal, RegistrationDraft,
    RegistrationRefusal, RegistrationStatus, ReportChange, ReportRefusal, ReportStage, Role,
    SubmissionDraft,
};
use taawun_store::council::{MandateKey, OutputKind, OutputState};
use taawun_store::{AuditFilter, MandateFilter, NewUser, Paging, Store};
use taawun_store_conformance::on_every_engine;

fn day(m: u32, d: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, m, d, 12, 0, 0).unwrap()
}

/// Resolution 56/2 imported from its fixture; the key of its paragraph 31, which asks the High
/// Commissioner for the summary report of the regional seminars.
async fn prepare(store: &dyn Store) -> MandateKey {
    let cli = ChangeContext::command_line();
    let records = taawun_store::state_records_from_builtin();
    let fingerprint = taawun_store::table_fingerprint(&records);
    store
        .sync_states(&cli, &records, &fingerprint)
        .await
        .unwrap();
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../documents/tests/fixtures/hrc-56-2.en.txt"
    );
    let bytes = std::fs::read(path).expect("the fixture is readable");
    let text = taawun_documents::decode(&bytes).unwrap();
    let record =
        taawun_documents::parse_resolution(&text, taawun_states::Resolver::builtin()).unwrap();
    let symbol = record.symbol.clone();
    store
        .import_resolution(
            &cli,
            &taawun_store::NewResolutionVersion {
                record,
                content_hash: "hash-56-2".into(),
                source: "hrc-56-2.en.txt".into(),
            },
        )
        .await
        .unwrap();
    let mandates = store
        .list_mandates(
            &MandateFilter {
                symbol: Some(symbol.clone()),
                addressee: Some("high-commissioner".into()),
                ..Default::default()
            },
            Paging::default(),
        )
        .await
        .unwrap();
    let mandate = mandates
        .items
        .iter()
        .find(|m| m.paragraph == 31)
        .unwrap_or_else(|| panic!("paragraph 31 is a mandate: {:?}", mandates.items));
    assert_eq!(mandate.output.as_deref(), Some("report"), "{mandate:?}");
    MandateKey {
        symbol,
        paragraph: 31,
        addressee: "high-commissioner".into(),
    }
}

async fn user(store: &dyn Store, email: &str) -> i64 {
    store
        .accounts()
        .create_user(
            &ChangeContext::command_line(),
            &NewUser {
                email: email.into(),
                display_name: email.into(),
                password_hash: "$argon2id$fake".into(),
                roles: vec![],
            },
        )
        .await
        .unwrap()
        .id
}

async fn audit_actions(store: &dyn Store, record_type: &str) -> Vec<String> {
    let mut actions: Vec<String> = store
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
        .collect();
    actions.reverse();
    actions
}

fn missing(key: &MandateKey) -> MandateKey {
    MandateKey {
        paragraph: 99,
        ..key.clone()
    }
}

fn seminar_draft() -> SeminarDraft {
    SeminarDraft {
        title: "Regional seminar for Africa".into(),
        region: "african".into(),
        start: "2026-05-10".into(),
        end: "2026-05-11".into(),
        registration_opens: "2026-03-01".into(),
        registration_deadline: "2026-04-30".into(),
        venue: "hybrid".into(),
        place: "Addis Ababa, UNECA".into(),
        agenda: vec![
            "Opening".into(),
            "Challenges and gaps".into(),
            "Good practices".into(),
        ],
    }
}

fn registration(email: &str) -> RegistrationDraft {
    RegistrationDraft {
        stakeholder_type: "state".into(),
        name: "Amina Diallo".into(),
        organisation: "Ministry of Justice".into(),
        state: "SEN".into(),
        email: email.into(),
        listed: true,
    }
}

fn input() -> InputDraft {
    InputDraft {
        kind: "gap".into(),
        theme: "Access to justice".into(),
        agenda_item: "2".into(),
        text: "Courts are far from rural areas.".into(),
        publish: Some(true),
        quote: Some(false),
    }
}

#[tokio::test]
async fn seminars_registrations_inputs_and_notes() {
    on_every_engine!("cooperation_seminars", |t| {
        let store = &*t.store;
        let key = prepare(store).await;
        let context = ChangeContext::command_line();
        let cooperation = store.cooperation();
        let seminar = seminar_draft().validate(0).unwrap();

        // A seminar of a mandate that does not exist is refused.
        let refused = cooperation
            .create_seminar(&context, &missing(&key), &seminar)
            .await;
        assert!(
            matches!(&refused, Err(CooperationError::NotFound(what)) if what.starts_with("mandate ")),
            "{refused:?}"
        );
        assert!(cooperation.seminars(None).await.unwrap().is_empty());

        let generation = cooperation.cooperation_generation().await.unwrap();
        let created = cooperation
            .create_seminar(&context, &key, &seminar)
            .await
            .unwrap();
        assert!(created.seminar.id > 0);
        assert_eq!(created.mandate, key);
        assert_eq!(created.seminar.title, seminar.title);
        assert!(cooperation.cooperation_generation().await.unwrap() > generation);
        let id = created.seminar.id;
        assert_eq!(
            cooperation.seminar(id).await.unwrap(),
            Some(created.clone())
        );
        assert_eq!(
            cooperation.seminars(Some(&key)).await.unwrap(),
            vec![created.clone()]
        );
        assert!(
            cooperation
                .seminars(Some(&missing(&key)))
                .await
                .unwrap()
                .is_empty()
        );
        // The record in the row carries the row's id.
        let stored = t
            .text(&format!("SELECT record FROM seminars WHERE id = {id}"))
            .await
            .unwrap();
        let stored: serde_json::Value = serde_json::from_str(&stored).unwrap();
        assert_eq!(stored["id"], id);

        // Register; the same address in another case is refused; the secretariat approves.
        let participant = user(store, "participant@example.org").await;
        let other = user(store, "other@example.org").await;
        let registered = cooperation
            .register(
                &context,
                id,
                participant,
                &registration("A.Diallo@Justice.SN"),
                day(4, 1),
            )
            .await
            .unwrap();
        assert_eq!(registered.user_id, Some(participant));
        assert_eq!(registered.registration.email, "a.diallo@justice.sn");
        assert_eq!(registered.registration.seminar_id, id);
        assert_eq!(registered.registration.status, RegistrationStatus::Pending);
        let duplicate = cooperation
            .register(
                &context,
                id,
                other,
                &registration(" a.diallo@JUSTICE.sn "),
                day(4, 2),
            )
            .await;
        assert!(
            matches!(
                &duplicate,
                Err(CooperationError::Registration(RegistrationRefusal::Duplicate { email }))
                    if email == "a.diallo@justice.sn"
            ),
            "{duplicate:?}"
        );
        let late = cooperation
            .register(
                &context,
                id,
                other,
                &registration("late@example.org"),
                day(5, 1),
            )
            .await;
        assert!(
            matches!(
                late,
                Err(CooperationError::Registration(
                    RegistrationRefusal::DeadlinePassed { .. }
                ))
            ),
            "{late:?}"
        );
        assert_eq!(cooperation.registrations(id).await.unwrap().len(), 1);
        let missing_seminar = cooperation
            .register(
                &context,
                id + 100,
                other,
                &registration("x@example.org"),
                day(4, 1),
            )
            .await;
        assert!(matches!(
            missing_seminar,
            Err(CooperationError::NotFound(_))
        ));

        let approved = cooperation
            .decide_registration(
                &context,
                registered.registration.id,
                RegistrationStatus::Approved,
                "",
                day(4, 2),
            )
            .await
            .unwrap();
        assert!(approved.registration.is_approved());
        assert_eq!(approved.user_id, Some(participant));
        let again = cooperation
            .decide_registration(
                &context,
                registered.registration.id,
                RegistrationStatus::Declined,
                "Seats are full.",
                day(4, 3),
            )
            .await;
        assert!(
            matches!(again, Err(CooperationError::Decision(_))),
            "{again:?}"
        );
        assert_eq!(
            cooperation.registrations(id).await.unwrap(),
            vec![approved.clone()]
        );
        assert_eq!(
            t.text(&format!(
                "SELECT status FROM seminar_registrations WHERE id = {}",
                registered.registration.id
            ))
            .await
            .as_deref(),
            Some("approved")
        );

        // The approved participant's input is taken.
        let given = cooperation
            .submit_input(&context, id, participant, &input(), day(5, 10))
            .await
            .unwrap();
        assert!(given.id > 0);
        assert_eq!(given.seminar_id, id);
        assert_eq!(given.registration_id, registered.registration.id);
        assert_eq!(given.theme.key, "access to justice");

        // Someone who is not a participant (no registration; or a pending one) is refused, and
        // nothing is written.
        let generation = cooperation.cooperation_generation().await.unwrap();
        let audited = audit_actions(store, "seminar-input").await;
        let stranger = cooperation
            .submit_input(&context, id, other, &input(), day(5, 10))
            .await;
        assert!(
            matches!(
                stranger,
                Err(CooperationError::Input(InputRefusal::NotAParticipant))
            ),
            "{stranger:?}"
        );
        cooperation
            .register(
                &context,
                id,
                other,
                &registration("other@example.org"),
                day(4, 5),
            )
            .await
            .unwrap();
        let generation_after_registration = cooperation.cooperation_generation().await.unwrap();
        assert!(generation_after_registration > generation);
        let pending = cooperation
            .submit_input(&context, id, other, &input(), day(5, 10))
            .await;
        assert!(
            matches!(
                pending,
                Err(CooperationError::Input(InputRefusal::NotAParticipant))
            ),
            "{pending:?}"
        );
        assert_eq!(cooperation.inputs(id).await.unwrap(), vec![given.clone()]);
        assert_eq!(audit_actions(store, "seminar-input").await, audited);
        assert_eq!(
            cooperation.cooperation_generation().await.unwrap(),
            generation_after_registration
        );

        // Notes replaced keep their versions; a participant cannot write them.
        cooperation
            .replace_notes(
                &context,
                id,
                2,
                Role::Rapporteur,
                "R. Mensah",
                "First notes.",
                day(5, 10),
            )
            .await
            .unwrap();
        let notes = cooperation
            .replace_notes(
                &context,
                id,
                2,
                Role::Rapporteur,
                "R. Mensah",
                "Corrected notes.",
                day(5, 12),
            )
            .await
            .unwrap();
        assert_eq!(notes.seminar_id, id);
        assert_eq!(notes.agenda_item, 2);
        assert_eq!(notes.versions.len(), 2);
        assert_eq!(notes.current().unwrap().text, "Corrected notes.");
        let wrong = cooperation
            .replace_notes(&context, id, 2, Role::Submitter, "X", "Mine.", day(5, 12))
            .await;
        assert!(
            matches!(
                wrong,
                Err(CooperationError::Note(NoteRefusal::WrongRole(
                    Role::Submitter
                )))
            ),
            "{wrong:?}"
        );
        let no_item = cooperation
            .replace_notes(
                &context,
                id,
                9,
                Role::Rapporteur,
                "R. Mensah",
                "Notes.",
                day(5, 12),
            )
            .await;
        assert!(
            matches!(
                no_item,
                Err(CooperationError::Note(NoteRefusal::NoSuchAgendaItem(9)))
            ),
            "{no_item:?}"
        );
        assert_eq!(cooperation.notes(id).await.unwrap(), vec![notes]);

        // Two registrations of one address at the same moment: one is taken, the other refused
        // as a duplicate (the writes queue on the cooperation lock; the unique key backs it).
        let (a, b) = futures_util::future::join(
            cooperation.register(
                &context,
                id,
                participant,
                &registration("race@example.org"),
                day(4, 6),
            ),
            cooperation.register(
                &context,
                id,
                other,
                &registration("RACE@example.org"),
                day(4, 6),
            ),
        )
        .await;
        let taken = [&a, &b].iter().filter(|r| r.is_ok()).count();
        assert_eq!(taken, 1, "{a:?} {b:?}");
        assert!(
            [&a, &b].iter().any(|r| matches!(
                r,
                Err(CooperationError::Registration(
                    RegistrationRefusal::Duplicate { .. }
                ))
            )),
            "{a:?} {b:?}"
        );
        assert_eq!(cooperation.registrations(id).await.unwrap().len(), 3);

        assert_eq!(audit_actions(store, "seminar").await, ["create"]);
        assert_eq!(
            audit_actions(store, "seminar-registration").await,
            ["create", "approve", "create", "create"]
        );
        assert_eq!(audit_actions(store, "seminar-input").await, ["create"]);
        assert_eq!(
            audit_actions(store, "seminar-notes").await,
            ["create", "update"]
        );
        let verification = store.accounts().verify_audit(&|_| {}).await.unwrap();
        assert!(verification.is_intact(), "{verification:?}");
    });
}

#[tokio::test]
async fn calls_and_late_submissions() {
    on_every_engine!("cooperation_calls", |t| {
        let store = &*t.store;
        let key = prepare(store).await;
        let context = ChangeContext::command_line();
        let cooperation = store.cooperation();
        let call = CallDraft {
            title: "Call for inputs on international cooperation".into(),
            questions: vec![
                "What challenges does your State face?".into(),
                "What good practices can you share?".into(),
            ],
            opens: "2026-03-01".into(),
            deadline: "2026-03-31".into(),
            resolution: "A/HRC/RES/56/2".into(),
            paragraph: "31".into(),
        }
        .validate(0)
        .unwrap();

        let refused = cooperation
            .create_call(&context, &missing(&key), &call)
            .await;
        assert!(
            matches!(&refused, Err(CooperationError::NotFound(what)) if what.starts_with("mandate ")),
            "{refused:?}"
        );
        let created = cooperation
            .create_call(&context, &key, &call)
            .await
            .unwrap();
        let id = created.call.id;
        assert!(id > 0);
        assert_eq!(created.mandate, key);
        assert_eq!(cooperation.call(id).await.unwrap(), Some(created.clone()));
        assert_eq!(
            cooperation.calls(Some(&key)).await.unwrap(),
            vec![created.clone()]
        );
        assert_eq!(cooperation.calls(None).await.unwrap().len(), 1);

        let sender = user(store, "ngo@example.org").await;
        let draft = SubmissionDraft {
            submitter_type: "ngo".into(),
            name: "Justice for All".into(),
            state: "".into(),
            email: "contact@justice.example.org".into(),
            answers: vec![AnswerDraft {
                question: 1,
                text: "Courts are far away.".into(),
            }],
            publish: Some(true),
        };
        let on_time = cooperation
            .submit(
                &context,
                id,
                Some(sender),
                &draft,
                Utc.with_ymd_and_hms(2026, 3, 31, 23, 30, 0).unwrap(),
            )
            .await
            .unwrap();
        assert!(!on_time.submission.late);
        assert_eq!(on_time.user_id, Some(sender));
        assert_eq!(on_time.submission.call_id, id);
        let late = cooperation
            .submit(&context, id, None, &draft, day(4, 1))
            .await
            .unwrap();
        assert!(late.submission.late);
        assert_eq!(late.user_id, None);
        let early = cooperation
            .submit(&context, id, None, &draft, day(2, 1))
            .await;
        assert!(
            matches!(early, Err(CooperationError::Submission(_))),
            "{early:?}"
        );
        assert_eq!(
            cooperation.submissions(id).await.unwrap(),
            vec![on_time.clone(), late.clone()]
        );
        assert_eq!(
            t.text(&format!(
                "SELECT CAST(count(*) AS TEXT) FROM call_submissions WHERE call_id = {id} AND late"
            ))
            .await
            .as_deref(),
            Some("1")
        );
        let no_call = cooperation
            .submit(&context, id + 100, None, &draft, day(3, 10))
            .await;
        assert!(matches!(no_call, Err(CooperationError::NotFound(_))));
        assert_eq!(audit_actions(store, "call").await, ["create"]);
        assert_eq!(
            audit_actions(store, "call-submission").await,
            ["create", "create"]
        );
    });
}

fn version<'a>(change: ReportChange, symbol: &'a str, note: &'a str) -> NewReportVersion<'a> {
    NewReportVersion {
        change,
        symbol,
        masthead: r#"{"symbol":"A/HRC/63/21"}"#,
        document_ar: r#"{"blocks":["تقرير موجز"]}"#,
        document_en: r#"{"blocks":["Summary report"]}"#,
        author: "Secretariat",
        note,
        delivered_on: NaiveDate::from_ymd_opt(2026, 9, 15).unwrap(),
        link: "/mandates/A/HRC/RES/56/2/31/summary-report",
    }
}

#[tokio::test]
async fn summary_reports_from_draft_to_publication() {
    on_every_engine!("cooperation_reports", |t| {
        let store = &*t.store;
        let key = prepare(store).await;
        let context = ChangeContext::command_line();
        let cooperation = store.cooperation();
        let council = store.council();
        assert_eq!(cooperation.summary_report(&key).await.unwrap(), None);
        let status = |record: Option<taawun_store::MandateRecord>| record.unwrap().status;
        assert_eq!(
            status(council.mandate(&key, None).await.unwrap()),
            "pending"
        );

        // No report yet: a revision other than 0 names nothing; an edit has no draft to edit;
        // a report of a mandate that does not exist is refused.
        let generated = version(ReportChange::Generated, "A/HRC/63/21", "From the data.");
        let nothing = cooperation
            .save_summary_report(&context, &key, 1, &generated)
            .await;
        assert!(
            matches!(nothing, Err(CooperationError::NotFound(_))),
            "{nothing:?}"
        );
        let edit = version(ReportChange::Edited, "A/HRC/63/21", "Wording.");
        let no_draft = cooperation
            .save_summary_report(&context, &key, 0, &edit)
            .await;
        assert!(
            matches!(
                no_draft,
                Err(CooperationError::Report(ReportRefusal::NoDraft("edit")))
            ),
            "{no_draft:?}"
        );
        let no_mandate = cooperation
            .save_summary_report(&context, &missing(&key), 0, &generated)
            .await;
        assert!(
            matches!(&no_mandate, Err(CooperationError::NotFound(what)) if what.starts_with("mandate ")),
            "{no_mandate:?}"
        );
        assert_eq!(cooperation.summary_report(&key).await.unwrap(), None);

        // Generated, then edited.
        let report = cooperation
            .save_summary_report(&context, &key, 0, &generated)
            .await
            .unwrap();
        assert_eq!(report.revision, 1);
        assert_eq!(report.mandate, key);
        assert_eq!(report.versions.len(), 1);
        let first = &report.versions[0];
        assert_eq!(
            (first.number, first.stage, first.change),
            (1, ReportStage::Draft, ReportChange::Generated)
        );
        assert_eq!(first.document_ar, r#"{"blocks":["تقرير موجز"]}"#);
        // A second first version (the same revision, 0) is a conflict.
        let twice = cooperation
            .save_summary_report(&context, &key, 0, &generated)
            .await;
        assert!(
            matches!(&twice, Err(CooperationError::Conflict(now)) if now.revision == 1),
            "{twice:?}"
        );
        let report = cooperation
            .save_summary_report(&context, &key, 1, &edit)
            .await
            .unwrap();
        assert_eq!(report.revision, 2);
        assert_eq!(report.latest().unwrap().change, ReportChange::Edited);
        assert_eq!(report.latest().unwrap().number, 2);
        assert_eq!(
            cooperation.summary_report(&key).await.unwrap(),
            Some(report.clone())
        );

        // A stale revision is refused with the report as it is; nothing is written.
        let stale = cooperation
            .save_summary_report(&context, &key, 1, &edit)
            .await;
        match stale {
            Err(CooperationError::Conflict(now)) => assert_eq!(*now, report),
            other => panic!("a stale revision was not refused: {other:?}"),
        }
        assert_eq!(
            cooperation.summary_report(&key).await.unwrap(),
            Some(report.clone())
        );

        // A publication whose symbol is not a UN symbol is refused; nothing is written.
        let generation = cooperation.cooperation_generation().await.unwrap();
        let bad = cooperation
            .save_summary_report(
                &context,
                &key,
                2,
                &version(ReportChange::Published, "a/hrc/63/21", ""),
            )
            .await;
        match bad {
            Err(CooperationError::Invalid(errors)) => {
                assert_eq!(errors.len(), 1, "{errors:?}");
                assert_eq!(errors[0].field, "symbol");
            }
            other => panic!("a bad symbol was published: {other:?}"),
        }
        assert_eq!(
            cooperation.summary_report(&key).await.unwrap(),
            Some(report.clone())
        );
        assert!(
            council
                .outputs(std::slice::from_ref(&key))
                .await
                .unwrap()
                .is_empty()
        );
        assert_eq!(
            cooperation.cooperation_generation().await.unwrap(),
            generation
        );
        assert_eq!(
            status(council.mandate(&key, None).await.unwrap()),
            "pending"
        );

        // Published: the mandate's delivered report is recorded with it.
        let published = cooperation
            .save_summary_report(
                &context,
                &key,
                2,
                &version(ReportChange::Published, " A/HRC/63/21 ", "Issued."),
            )
            .await
            .unwrap();
        assert_eq!(published.revision, 3);
        let last = published.published().unwrap();
        assert_eq!(
            (last.number, last.stage, last.change, last.symbol.as_str()),
            (
                3,
                ReportStage::Published,
                ReportChange::Published,
                "A/HRC/63/21"
            )
        );
        let outputs = council.outputs(std::slice::from_ref(&key)).await.unwrap();
        assert_eq!(outputs.len(), 1, "{outputs:?}");
        let output = &outputs[0].output;
        assert_eq!(output.kind, OutputKind::Report);
        assert_eq!(output.state, OutputState::Delivered);
        assert_eq!(output.document_symbol.as_deref(), Some("A/HRC/63/21"));
        assert_eq!(output.delivered_on, NaiveDate::from_ymd_opt(2026, 9, 15));
        assert_eq!(
            output.link.as_deref(),
            Some("/mandates/A/HRC/RES/56/2/31/summary-report")
        );
        assert_eq!(
            status(council.mandate(&key, None).await.unwrap()),
            "delivered"
        );

        // Nothing follows publication.
        for change in [
            ReportChange::Generated,
            ReportChange::Edited,
            ReportChange::Published,
        ] {
            let after = cooperation
                .save_summary_report(&context, &key, 3, &version(change, "A/HRC/63/21", ""))
                .await;
            assert!(
                matches!(
                    after,
                    Err(CooperationError::Report(ReportRefusal::AlreadyPublished(3)))
                ),
                "{change:?}: {after:?}"
            );
        }
        assert_eq!(
            cooperation.summary_report(&key).await.unwrap(),
            Some(published)
        );
        assert_eq!(
            council
                .outputs(std::slice::from_ref(&key))
                .await
                .unwrap()
                .len(),
            1
        );

        assert_eq!(
            audit_actions(store, "summary-report").await,
            ["generate", "edit", "publish"]
        );
        assert_eq!(audit_actions(store, "mandate-output").await, ["create"]);
        let verification = store.accounts().verify_audit(&|_| {}).await.unwrap();
        assert!(verification.is_intact(), "{verification:?}");
    });
}
