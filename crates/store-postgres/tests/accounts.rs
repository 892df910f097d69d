//! Accounts and the audit trail on a real PostgreSQL, each test in a schema of its own.
//!
//! Like the rest of the suite, these run on PostgreSQL when `TAAWUN_TEST_DATABASE_URL` names a
//! database (`postgres://postgres@127.0.0.1:5432/test`); without it they say so and pass.

use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

use taawun_accounts::RoleGrant;
use taawun_audit::{Actor, Break, Change, ChangeContext};
use taawun_store::{
    AccountError, AuditFilter, LinkState, NewInvitation, NewMessage, NewOrganisation, NewUser,
    OrganisationFilter, OrganisationNames, Paging, Store, UserFilter,
};
use taawun_store_postgres::PostgresStore;

/// A store on a new schema, or `None` (with a message) when no test database is configured.
async fn test_store(name: &str) -> Option<(PostgresStore, String)> {
    let url = match std::env::var("TAAWUN_TEST_DATABASE_URL") {
        Ok(url) if !url.trim().is_empty() => url,
        _ => {
            eprintln!("{name}: skipped (set TAAWUN_TEST_DATABASE_URL to run it on PostgreSQL)");
            return None;
        }
    };
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let schema = format!("test_{name}_{}_{nanos}", std::process::id());
    let store = PostgresStore::connect(&url, Some(&schema))
        .await
        .expect("TAAWUN_TEST_DATABASE_URL names a reachable PostgreSQL");
    store.migrate().await.expect("the migrations apply");
    assert!(store.readiness().await.unwrap().is_ready());
    Some((store, schema))
}

async fn drop_schema(store: &PostgresStore, schema: &str) {
    sqlx::query(&format!("DROP SCHEMA {schema} CASCADE"))
        .execute(store.pool())
        .await
        .expect("the test schema can be dropped");
}

fn now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

fn role(kind: &str, state: Option<&str>, organisation: Option<i64>) -> RoleGrant {
    RoleGrant::from_parts(kind, state, organisation).expect("a valid grant")
}

fn message(to: &str, subject: &str) -> NewMessage {
    NewMessage {
        to: to.into(),
        subject: subject.into(),
        text: format!("{subject}: body"),
    }
}

async fn exec(store: &PostgresStore, sql: &str) -> Result<u64, String> {
    sqlx::query(sql)
        .execute(store.pool())
        .await
        .map(|done| done.rows_affected())
        .map_err(|e| e.to_string())
}

#[tokio::test]
async fn accounts_are_stored_and_every_change_is_in_an_intact_chain() {
    let Some((store, schema)) = test_store("accounts").await else {
        return;
    };
    let accounts = store.accounts();
    let cli = ChangeContext::command_line();
    let now = now();

    // Reference data first (States are what focal points are bound to): entry 1.
    let records = taawun_store::state_records_from_builtin();
    let fingerprint = taawun_store::table_fingerprint(&records);
    let synced = store
        .sync_states(&cli, &records, &fingerprint)
        .await
        .unwrap();
    assert!(synced.changed);
    // Unchanged reference data writes nothing, and logs nothing.
    let again = store
        .sync_states(&cli, &records, &fingerprint)
        .await
        .unwrap();
    assert!(!again.changed);

    // An organisation: entry 2.
    let organisation = accounts
        .create_organisation(
            &cli,
            &NewOrganisation {
                names: OrganisationNames {
                    en: Some("National Human Rights Commission".into()),
                    ar: Some("اللجنة الوطنية لحقوق الإنسان".into()),
                    ..OrganisationNames::default()
                },
                kind: "nhri".into(),
                seat_iso3: Some("EGY".into()),
            },
            now,
        )
        .await
        .unwrap();
    let listed = accounts
        .list_organisations(
            &OrganisationFilter {
                text: Some("لجنة".into()),
                ..OrganisationFilter::default()
            },
            Paging::default(),
        )
        .await
        .unwrap();
    assert_eq!(listed.total, 1, "found by a folded Arabic part of its name");
    let unknown_seat = accounts
        .create_organisation(
            &cli,
            &NewOrganisation {
                names: OrganisationNames {
                    en: Some("Nowhere".into()),
                    ..OrganisationNames::default()
                },
                kind: "nhri".into(),
                seat_iso3: Some("ZZZ".into()),
            },
            now,
        )
        .await;
    assert!(matches!(unknown_seat, Err(AccountError::NotFound(_))));

    // An administrator who is also a focal point: entry 3.
    let admin = accounts
        .create_user(
            &cli,
            &NewUser {
                email: "admin@example.org".into(),
                display_name: "Admin".into(),
                password_hash: "$argon2id$fake".into(),
                roles: vec![
                    role("focal-point", Some("EGY"), None),
                    role("administrator", None, None),
                ],
            },
        )
        .await
        .unwrap();
    assert_eq!(
        admin.roles,
        vec![
            role("administrator", None, None),
            role("focal-point", Some("EGY"), None)
        ]
    );
    let duplicate = accounts
        .create_user(
            &cli,
            &NewUser {
                email: "admin@example.org".into(),
                display_name: "Again".into(),
                password_hash: "x".into(),
                roles: vec![],
            },
        )
        .await;
    assert!(matches!(duplicate, Err(AccountError::Conflict(_))));
    assert_eq!(accounts.count_users().await.unwrap(), 1);
    let as_admin = ChangeContext {
        actor: Actor::user(admin.id, "administrator"),
        request_id: Some("req-test".into()),
    };

    // Roles: grant (entry 4), a second grant of the same refused, revoke (entry 5), a second
    // revoke refused.
    let stakeholder = role("stakeholder", None, Some(organisation.id));
    let granted = accounts
        .grant_role(&as_admin, admin.id, &stakeholder)
        .await
        .unwrap();
    assert!(granted.roles.contains(&stakeholder));
    assert!(matches!(
        accounts.grant_role(&as_admin, admin.id, &stakeholder).await,
        Err(AccountError::Conflict(_))
    ));
    let focal = role("focal-point", Some("EGY"), None);
    let revoked = accounts
        .revoke_role(&as_admin, admin.id, &focal)
        .await
        .unwrap();
    assert!(!revoked.roles.contains(&focal));
    assert!(matches!(
        accounts.revoke_role(&as_admin, admin.id, &focal).await,
        Err(AccountError::NotFound(_))
    ));
    let admins = accounts
        .list_users(
            &UserFilter {
                text: Some("ADMIN@".into()),
                role: Some("stakeholder".into()),
            },
            Paging::default(),
        )
        .await
        .unwrap();
    assert_eq!(admins.total, 1);

    // Sessions (not audited).
    accounts
        .create_session("session-1", admin.id, now, None)
        .await
        .unwrap();
    accounts
        .create_session("session-2", admin.id, now, Some("session-1"))
        .await
        .unwrap();
    assert!(accounts.session("session-1").await.unwrap().is_none());
    let session = accounts.session("session-2").await.unwrap().unwrap();
    assert_eq!(session.user.id, admin.id);
    accounts.touch_session("session-2", now + 5).await.unwrap();
    assert_eq!(
        accounts
            .session("session-2")
            .await
            .unwrap()
            .unwrap()
            .last_seen_at,
        now + 5
    );

    // Sign-in throttling (not audited).
    for _ in 0..3 {
        accounts
            .record_sign_in("admin@example.org", "192.0.2.1", false, now)
            .await
            .unwrap();
    }
    let failures = accounts
        .sign_in_failures("admin@example.org", "192.0.2.1", now - 60)
        .await
        .unwrap();
    assert_eq!((failures.account, failures.address), (3, 3));
    assert_eq!(failures.oldest_address_failure, Some(now));
    accounts
        .record_sign_in("admin@example.org", "192.0.2.1", true, now + 1)
        .await
        .unwrap();
    let failures = accounts
        .sign_in_failures("admin@example.org", "192.0.2.1", now - 60)
        .await
        .unwrap();
    assert_eq!(failures.account, 0, "a success starts the account afresh");

    // An API token: created (entry 6), used, revoked (entry 7), then refused.
    let token = accounts
        .create_api_token(
            &as_admin,
            admin.id,
            "script",
            "token-digest",
            "tw_abcd",
            now,
        )
        .await
        .unwrap();
    let holder = accounts
        .api_token_user("token-digest", now)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(holder.id, admin.id);
    assert_eq!(
        accounts.list_api_tokens(admin.id).await.unwrap()[0].last_used_at,
        Some(now)
    );
    accounts
        .revoke_api_token(&as_admin, admin.id, token.id, now)
        .await
        .unwrap();
    assert!(
        accounts
            .api_token_user("token-digest", now)
            .await
            .unwrap()
            .is_none()
    );

    // An invitation: created with its e-mail (entry 8), accepted once (entries 9 and 10).
    let invitation = accounts
        .create_invitation(
            &as_admin,
            &NewInvitation {
                email: "new@example.org".into(),
                role: role("secretariat", None, None),
                token_digest: "invitation-digest".into(),
                expires_at: now + 3600,
            },
            &message("new@example.org", "invitation"),
            now,
        )
        .await
        .unwrap();
    assert_eq!(invitation.invited_by, Some(admin.id));
    assert_eq!(
        accounts
            .invitation("invitation-digest", now)
            .await
            .unwrap()
            .0,
        LinkState::Usable
    );
    let public = ChangeContext {
        actor: Actor {
            user_id: None,
            role: "public".into(),
        },
        request_id: Some("req-accept".into()),
    };
    let member = accounts
        .accept_invitation(
            &public,
            "invitation-digest",
            "New Member",
            "$argon2id$new",
            now,
        )
        .await
        .unwrap()
        .unwrap();
    assert_eq!(member.roles, vec![role("secretariat", None, None)]);
    let second = accounts
        .accept_invitation(&public, "invitation-digest", "Again", "x", now)
        .await
        .unwrap();
    assert_eq!(second.err(), Some(LinkState::Used));
    assert_eq!(
        accounts.invitation("nothing", now).await.unwrap().0,
        LinkState::Unknown
    );

    // A password reset: the link and its e-mail (not audited), used once (entry 11), which ends
    // the account's sessions.
    accounts
        .create_session("member-session", member.id, now, None)
        .await
        .unwrap();
    accounts
        .create_password_reset(
            member.id,
            "reset-digest",
            now + 3600,
            &message("new@example.org", "reset"),
            now,
        )
        .await
        .unwrap();
    assert_eq!(
        accounts.password_reset("reset-digest", now).await.unwrap(),
        LinkState::Usable
    );
    assert_eq!(
        accounts
            .password_reset("reset-digest", now + 7200)
            .await
            .unwrap(),
        LinkState::Expired
    );
    let reset = accounts
        .use_password_reset(&public, "reset-digest", "$argon2id$reset", now)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(reset.id, member.id);
    assert!(accounts.session("member-session").await.unwrap().is_none());
    assert_eq!(
        accounts
            .use_password_reset(&public, "reset-digest", "x", now)
            .await
            .unwrap()
            .err(),
        Some(LinkState::Used)
    );

    // Changes of the account itself: password (entry 12, keeping the current session), profile
    // (entry 13), disabled (entry 14, which ends every session).
    accounts
        .create_session("admin-other", admin.id, now, None)
        .await
        .unwrap();
    accounts
        .set_password(&as_admin, admin.id, "$argon2id$changed", Some("session-2"))
        .await
        .unwrap();
    assert!(accounts.session("session-2").await.unwrap().is_some());
    assert!(accounts.session("admin-other").await.unwrap().is_none());
    let profile = accounts
        .update_profile(&as_admin, admin.id, "The Admin", true)
        .await
        .unwrap();
    assert!(profile.name_public);
    assert_eq!(
        accounts.public_names(&[admin.id, member.id]).await.unwrap(),
        vec![(admin.id, "The Admin".to_owned())]
    );
    let disabled = accounts
        .set_disabled(&as_admin, member.id, true)
        .await
        .unwrap();
    assert!(disabled.disabled);

    // The outbox: both messages claimed once, then leased.
    assert_eq!(accounts.outbox_pending().await.unwrap(), 2);
    let claimed = accounts.claim_outbox(now, 300, 10).await.unwrap();
    assert_eq!(
        claimed
            .iter()
            .map(|m| m.subject.as_str())
            .collect::<Vec<_>>(),
        vec!["invitation", "reset"]
    );
    assert!(claimed.iter().all(|m| m.attempts == 1));
    assert!(
        accounts
            .claim_outbox(now + 1, 300, 10)
            .await
            .unwrap()
            .is_empty()
    );
    accounts.outbox_sent(claimed[0].id, now).await.unwrap();
    accounts
        .outbox_failed(claimed[1].id, "mailbox unavailable", false, now)
        .await
        .unwrap();
    assert_eq!(accounts.outbox_pending().await.unwrap(), 1);
    let retried = accounts.claim_outbox(now + 301, 300, 10).await.unwrap();
    assert_eq!(retried.len(), 1);
    assert_eq!(retried[0].attempts, 2);
    accounts
        .outbox_failed(retried[0].id, "no such user", true, now)
        .await
        .unwrap();
    assert_eq!(accounts.outbox_pending().await.unwrap(), 0);

    // The trail: every change once, in order, the chain intact.
    const EXPECTED: &[(&str, &str)] = &[
        ("sync", "reference-data"),
        ("create", "organisation"),
        ("create", "user"),
        ("grant-role", "user"),
        ("revoke-role", "user"),
        ("create", "api-token"),
        ("revoke", "api-token"),
        ("create", "invitation"),
        ("create", "user"),
        ("accept", "invitation"),
        ("reset-password", "user"),
        ("change-password", "user"),
        ("update", "user"),
        ("disable", "user"),
    ];
    let count = EXPECTED.len() as u64;
    assert_eq!(accounts.audit_count().await.unwrap(), count);
    let page = accounts
        .audit_entries(
            &AuditFilter::default(),
            Paging {
                page: 1,
                per_page: 100,
            },
        )
        .await
        .unwrap();
    assert_eq!(page.total, count);
    let logged: Vec<(&str, &str)> = page
        .items
        .iter()
        .rev()
        .map(|e| (e.action.as_str(), e.record_type.as_str()))
        .collect();
    assert_eq!(logged, EXPECTED);
    let newest = &page.items[0];
    assert_eq!(newest.seq, count as i64);
    assert_eq!(newest.actor_user_id, Some(admin.id));
    assert_eq!(newest.request_id.as_deref(), Some("req-test"));
    // Accepting an invitation is logged as the new account, in its new role.
    let accepted = &page.items[(count - 9) as usize];
    assert_eq!(accepted.action, "create");
    assert_eq!(accepted.actor_user_id, Some(member.id));
    assert_eq!(accepted.actor_role, "secretariat");
    // The password never reaches the log, nor its hash.
    assert!(
        page.items
            .iter()
            .all(|e| !format!("{:?}{:?}", e.before, e.after).contains("argon2"))
    );
    let of_admin = accounts
        .audit_entries(
            &AuditFilter {
                record_type: Some("user".into()),
                record_id: Some(admin.id.to_string()),
                actor_user_id: None,
            },
            Paging::default(),
        )
        .await
        .unwrap();
    assert_eq!(of_admin.total, 5);

    let reported = std::sync::Mutex::new(Vec::new());
    let verification = accounts
        .verify_audit(&|n| reported.lock().unwrap().push(n))
        .await
        .unwrap();
    let reported = reported.into_inner().unwrap();
    assert!(verification.is_intact(), "{verification:?}");
    assert_eq!(verification.checked, count);
    assert_eq!(verification.head_hash, newest.hash);
    assert_eq!(reported.last(), Some(&count));

    // The log refuses changes, whoever asks.
    let update = exec(
        &store,
        "UPDATE audit_log SET actor_role = 'forged' WHERE seq = 3",
    )
    .await;
    assert!(
        update.as_ref().is_err_and(|e| e.contains("append-only")),
        "{update:?}"
    );
    let delete = exec(&store, "DELETE FROM audit_log WHERE seq = 14").await;
    assert!(
        delete.as_ref().is_err_and(|e| e.contains("append-only")),
        "{delete:?}"
    );
    let truncate = exec(&store, "TRUNCATE audit_log").await;
    assert!(
        truncate.as_ref().is_err_and(|e| e.contains("append-only")),
        "{truncate:?}"
    );
    assert_eq!(accounts.audit_count().await.unwrap(), count);

    // Someone who can switch the triggers off (the table's owner) edits an entry: the chain
    // breaks at that entry, and nothing after it is vouched for.
    let original: Option<String> =
        sqlx::query_scalar("SELECT after_json FROM audit_log WHERE seq = 5")
            .fetch_one(store.pool())
            .await
            .unwrap();
    exec(&store, "ALTER TABLE audit_log DISABLE TRIGGER USER")
        .await
        .unwrap();
    let edited = exec(
        &store,
        "UPDATE audit_log SET after_json = '{\"roles\":[]}' WHERE seq = 5",
    )
    .await
    .unwrap();
    assert_eq!(edited, 1);
    let verification = accounts.verify_audit(&|_| {}).await.unwrap();
    let broken = verification.broken.expect("the edit is found");
    assert_eq!(broken.seq, 5);
    assert_eq!(broken.reason, Break::Altered);
    assert_eq!(verification.checked, 4);

    // Put back, the chain is whole again; removing the newest entry is then found by the head.
    sqlx::query("UPDATE audit_log SET after_json = $1 WHERE seq = 5")
        .bind(&original)
        .execute(store.pool())
        .await
        .unwrap();
    assert!(accounts.verify_audit(&|_| {}).await.unwrap().is_intact());
    exec(&store, "DELETE FROM audit_log WHERE seq = 14")
        .await
        .unwrap();
    exec(&store, "ALTER TABLE audit_log ENABLE TRIGGER USER")
        .await
        .unwrap();
    let verification = accounts.verify_audit(&|_| {}).await.unwrap();
    let broken = verification.broken.expect("the removal is found");
    assert_eq!(broken.seq, 14);
    assert_eq!(broken.reason, Break::Truncated { last_seq: 13 });

    drop_schema(&store, &schema).await;
}

/// Appenders on separate connections (as on separate app servers) take turns at the head: no
/// entry is lost, none repeats a number, and the chain stays whole.
#[tokio::test]
async fn concurrent_appenders_keep_one_chain() {
    let Some((store, schema)) = test_store("concurrent").await else {
        return;
    };
    let store = Arc::new(store);
    let mut tasks = Vec::new();
    for writer in 0..12 {
        let store = Arc::clone(&store);
        tasks.push(tokio::spawn(async move {
            for n in 0..10 {
                let changes = vec![
                    Change::new("test", "writer", format!("{writer}-{n}-a")),
                    Change::new("test", "writer", format!("{writer}-{n}-b"))
                        .after(&serde_json::json!({ "writer": writer, "n": n })),
                ];
                store
                    .accounts()
                    .append_audit(&ChangeContext::system(), changes)
                    .await
                    .unwrap();
            }
        }));
    }
    for task in tasks {
        task.await.unwrap();
    }
    let accounts = store.accounts();
    assert_eq!(accounts.audit_count().await.unwrap(), 240);
    let verification = accounts.verify_audit(&|_| {}).await.unwrap();
    assert!(verification.is_intact(), "{verification:?}");
    assert_eq!(verification.checked, 240);
    // The two changes of one call are adjacent: a call's transaction holds the head throughout.
    let page = accounts
        .audit_entries(
            &AuditFilter::default(),
            Paging {
                page: 1,
                per_page: 240,
            },
        )
        .await
        .unwrap();
    for pair in page.items.chunks(2) {
        assert_eq!(
            pair[0].record_id.trim_end_matches("-b"),
            pair[1].record_id.trim_end_matches("-a")
        );
    }
    drop_schema(&store, &schema).await;
}

/// Two senders claiming at once get different messages.
#[tokio::test]
async fn concurrent_claims_take_different_messages() {
    let Some((store, schema)) = test_store("outbox").await else {
        return;
    };
    let accounts = store.accounts();
    let cli = ChangeContext::command_line();
    let now = now();
    let user = accounts
        .create_user(
            &cli,
            &NewUser {
                email: "someone@example.org".into(),
                display_name: "Someone".into(),
                password_hash: "x".into(),
                roles: vec![],
            },
        )
        .await
        .unwrap();
    for n in 0..20 {
        accounts
            .create_password_reset(
                user.id,
                &format!("reset-{n}"),
                now + 3600,
                &message("someone@example.org", &format!("reset {n}")),
                now,
            )
            .await
            .unwrap();
    }
    // Only the newest link is usable; every e-mail still waits.
    assert_eq!(
        accounts.password_reset("reset-0", now).await.unwrap(),
        LinkState::Used
    );
    assert_eq!(
        accounts.password_reset("reset-19", now).await.unwrap(),
        LinkState::Usable
    );
    assert_eq!(accounts.outbox_pending().await.unwrap(), 20);
    let (a, b) = tokio::join!(
        accounts.claim_outbox(now, 300, 12),
        accounts.claim_outbox(now, 300, 12)
    );
    let (a, b) = (a.unwrap(), b.unwrap());
    let mut ids: Vec<i64> = a.iter().chain(&b).map(|m| m.id).collect();
    let claimed = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), claimed, "no message is claimed twice");
    assert!((12..=20).contains(&claimed));
    drop_schema(&store, &schema).await;
}

/// Imports log one entry each when they write something, and none when they do not.
#[tokio::test]
async fn imports_are_logged_in_the_same_chain() {
    let Some((store, schema)) = test_store("imports").await else {
        return;
    };
    let cli = ChangeContext::command_line();
    let records = taawun_store::state_records_from_builtin();
    let fingerprint = taawun_store::table_fingerprint(&records);
    store
        .sync_states(&cli, &records, &fingerprint)
        .await
        .unwrap();

    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../documents/tests/fixtures/ga-78-199.en.txt"
    );
    let bytes = std::fs::read(path).expect("the fixture is readable");
    let text = taawun_documents::decode(&bytes).unwrap();
    let record =
        taawun_documents::parse_resolution(&text, taawun_states::Resolver::builtin()).unwrap();
    let symbol = record.symbol.clone();
    let first = taawun_store::NewResolutionVersion {
        record,
        content_hash: "hash-1".into(),
        source: "ga-78-199.en.txt".into(),
    };
    let outcome = store.import_resolution(&cli, &first).await.unwrap();
    assert_eq!(outcome, taawun_store::ImportOutcome::Created);
    let again = store.import_resolution(&cli, &first).await.unwrap();
    assert!(matches!(
        again,
        taawun_store::ImportOutcome::Unchanged { .. }
    ));
    let second = taawun_store::NewResolutionVersion {
        content_hash: "hash-2".into(),
        ..first.clone()
    };
    let outcome = store.import_resolution(&cli, &second).await.unwrap();
    assert_eq!(
        outcome,
        taawun_store::ImportOutcome::NewVersion { version: 2 }
    );

    let roll_call = |id: &str| taawun_votes::RollCall {
        body: taawun_votes::Body::Unga,
        id: id.into(),
        symbol: Some(symbol.clone()),
        date: "2023-12-19".parse().unwrap(),
        day_known: true,
        description: String::new(),
        session: Some(78),
        title: "A test roll call".into(),
        amendment: false,
        paragraph_vote: false,
        important: false,
        issues: vec![],
        draft: false,
    };
    let vote = |id: &str, state: &str, choice| taawun_votes::CastVote {
        roll_call_id: id.into(),
        state: state.into(),
        choice,
    };
    let dataset = taawun_votes::Dataset {
        roll_calls: vec![roll_call("9001"), roll_call("9002")],
        votes: vec![
            vote("9001", "EGY", taawun_votes::VoteChoice::Yes),
            vote("9001", "FRA", taawun_votes::VoteChoice::Abstain),
            vote("9002", "EGY", taawun_votes::VoteChoice::No),
        ],
        ..taawun_votes::Dataset::default()
    };
    let report = store.import_votes(&cli, &dataset, &|_| {}).await.unwrap();
    assert_eq!(report.roll_calls_created, 2);
    let report = store.import_votes(&cli, &dataset, &|_| {}).await.unwrap();
    assert_eq!(report.roll_calls_created, 0);

    let accounts = store.accounts();
    let page = accounts
        .audit_entries(&AuditFilter::default(), Paging::default())
        .await
        .unwrap();
    let logged: Vec<(&str, &str, &str)> = page
        .items
        .iter()
        .rev()
        .map(|e| {
            (
                e.action.as_str(),
                e.record_type.as_str(),
                e.record_id.as_str(),
            )
        })
        .collect();
    assert_eq!(
        logged,
        vec![
            ("sync", "reference-data", "states"),
            ("create", "resolution", symbol.as_str()),
            ("new-version", "resolution", symbol.as_str()),
            ("import", "voting-records", "unga"),
        ]
    );
    let votes_entry = &page.items[0];
    let after: serde_json::Value =
        serde_json::from_str(votes_entry.after.as_deref().unwrap()).unwrap();
    assert_eq!(
        after,
        serde_json::json!({
            "roll_calls_created": 2,
            "roll_calls_completed": 0,
            "votes_written": 3,
            "first_source_id": "9001",
            "last_source_id": "9002",
        })
    );
    assert_eq!(page.items[1].before.as_deref(), Some(r#"{"version":1}"#));
    let verification = accounts.verify_audit(&|_| {}).await.unwrap();
    assert!(verification.is_intact(), "{verification:?}");
    assert_eq!(verification.checked, 4);
    drop_schema(&store, &schema).await;
}
