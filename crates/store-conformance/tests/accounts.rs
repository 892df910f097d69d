//! Accounts, organisations, sessions, links, tokens, the outbox and the audit trail: the same
//! behaviour on every engine (see `taawun_store_conformance::engines`).

use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

use taawun_accounts::RoleGrant;
use taawun_audit::{Actor, Break, Change, ChangeContext};
use taawun_store::{
    AccountError, AccountStore, AuditFilter, LinkState, NewInvitation, NewMessage, NewOrganisation,
    NewUser, OrganisationFilter, OrganisationNames, OrganisationRecord, Paging, Store, UserFilter,
    UserRecord,
};
use taawun_store_conformance::{TestStore, engines, on_every_engine};

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

fn as_user(user: &UserRecord, role: &str) -> ChangeContext {
    ChangeContext {
        actor: Actor::user(user.id, role),
        request_id: Some("req-test".into()),
    }
}

fn public() -> ChangeContext {
    ChangeContext {
        actor: Actor {
            user_id: None,
            role: "public".into(),
        },
        request_id: Some("req-public".into()),
    }
}

/// Loads the built-in States (accounts and organisations refer to them).
async fn with_states(store: &dyn Store) {
    let records = taawun_store::state_records_from_builtin();
    let fingerprint = taawun_store::table_fingerprint(&records);
    store
        .sync_states(&ChangeContext::command_line(), &records, &fingerprint)
        .await
        .unwrap();
}

async fn new_user(accounts: &dyn AccountStore, email: &str, roles: Vec<RoleGrant>) -> UserRecord {
    accounts
        .create_user(
            &ChangeContext::command_line(),
            &NewUser {
                email: email.into(),
                display_name: email.split('@').next().unwrap_or(email).into(),
                password_hash: "$argon2id$fake".into(),
                roles,
            },
        )
        .await
        .unwrap()
}

async fn commission(accounts: &dyn AccountStore, now: i64) -> OrganisationRecord {
    accounts
        .create_organisation(
            &ChangeContext::command_line(),
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
        .unwrap()
}

#[tokio::test]
async fn organisations_are_found_by_folded_names_and_need_a_known_seat() {
    on_every_engine!("organisations", |t| {
        with_states(&*t.store).await;
        let accounts = t.store.accounts();
        let now = now();
        let created = commission(accounts, now).await;
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
        assert_eq!(listed.items[0].id, created.id);
        let unknown_seat = accounts
            .create_organisation(
                &ChangeContext::command_line(),
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
        let renamed = accounts
            .update_organisation(
                &ChangeContext::command_line(),
                created.id,
                &NewOrganisation {
                    names: OrganisationNames {
                        en: Some("Commission".into()),
                        ..OrganisationNames::default()
                    },
                    kind: "nhri".into(),
                    seat_iso3: None,
                },
                now + 1,
            )
            .await
            .unwrap();
        assert_eq!(renamed.names.en.as_deref(), Some("Commission"));
        assert_eq!(renamed.updated_at, now + 1);
    });
}

#[tokio::test]
async fn accounts_hold_roles_once_and_addresses_are_unique() {
    on_every_engine!("roles", |t| {
        with_states(&*t.store).await;
        let accounts = t.store.accounts();
        let organisation = commission(accounts, now()).await;
        let admin = new_user(
            accounts,
            "admin@example.org",
            vec![
                role("focal-point", Some("EGY"), None),
                role("administrator", None, None),
            ],
        )
        .await;
        // Roles come back in one order on every engine: by kind, unbound first.
        assert_eq!(
            admin.roles,
            vec![
                role("administrator", None, None),
                role("focal-point", Some("EGY"), None)
            ]
        );
        let duplicate = accounts
            .create_user(
                &ChangeContext::command_line(),
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
        let unknown_state = accounts
            .grant_role(
                &as_user(&admin, "administrator"),
                admin.id,
                &role("focal-point", Some("ZZZ"), None),
            )
            .await;
        assert!(matches!(unknown_state, Err(AccountError::NotFound(_))));

        let context = as_user(&admin, "administrator");
        let stakeholder = role("stakeholder", None, Some(organisation.id));
        let granted = accounts
            .grant_role(&context, admin.id, &stakeholder)
            .await
            .unwrap();
        assert!(granted.roles.contains(&stakeholder));
        assert!(matches!(
            accounts.grant_role(&context, admin.id, &stakeholder).await,
            Err(AccountError::Conflict(_))
        ));
        let focal = role("focal-point", Some("EGY"), None);
        let revoked = accounts
            .revoke_role(&context, admin.id, &focal)
            .await
            .unwrap();
        assert!(!revoked.roles.contains(&focal));
        assert!(matches!(
            accounts.revoke_role(&context, admin.id, &focal).await,
            Err(AccountError::NotFound(_))
        ));
        let found = accounts
            .list_users(
                &UserFilter {
                    text: Some("ADMIN@".into()),
                    role: Some("stakeholder".into()),
                },
                Paging::default(),
            )
            .await
            .unwrap();
        assert_eq!(found.total, 1, "found by part of the address, in any case");
        assert_eq!(found.items[0].id, admin.id);
    });
}

#[tokio::test]
async fn sessions_are_replaced_touched_and_purged() {
    on_every_engine!("sessions", |t| {
        let accounts = t.store.accounts();
        let now = now();
        let user = new_user(accounts, "someone@example.org", vec![]).await;
        accounts
            .create_session("session-1", user.id, now, None)
            .await
            .unwrap();
        accounts
            .create_session("session-2", user.id, now, Some("session-1"))
            .await
            .unwrap();
        assert!(accounts.session("session-1").await.unwrap().is_none());
        let session = accounts.session("session-2").await.unwrap().unwrap();
        assert_eq!(session.user.id, user.id);
        accounts.touch_session("session-2", now + 5).await.unwrap();
        let touched = accounts.session("session-2").await.unwrap().unwrap();
        assert_eq!(touched.last_seen_at, now + 5);
        accounts
            .create_session("session-old", user.id, now - 100, None)
            .await
            .unwrap();
        assert_eq!(
            accounts.purge_sessions(now - 50, now - 200).await.unwrap(),
            1
        );
        assert!(accounts.session("session-2").await.unwrap().is_some());
        accounts.delete_session("session-2").await.unwrap();
        assert!(accounts.session("session-2").await.unwrap().is_none());
    });
}

#[tokio::test]
async fn sign_in_failures_count_per_account_and_address() {
    on_every_engine!("sign_in", |t| {
        let accounts = t.store.accounts();
        let now = now();
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
        assert_eq!(failures.newest_account_failure, Some(now));
        accounts
            .record_sign_in("admin@example.org", "192.0.2.1", true, now + 1)
            .await
            .unwrap();
        let failures = accounts
            .sign_in_failures("admin@example.org", "192.0.2.1", now - 60)
            .await
            .unwrap();
        assert_eq!(failures.account, 0, "a success starts the account afresh");
        assert_eq!(failures.address, 3, "an address's failures still count");
    });
}

#[tokio::test]
async fn api_tokens_work_until_revoked() {
    on_every_engine!("tokens", |t| {
        let accounts = t.store.accounts();
        let now = now();
        let user = new_user(accounts, "script@example.org", vec![]).await;
        let context = as_user(&user, "account-holder");
        let token = accounts
            .create_api_token(&context, user.id, "script", "token-digest", "tw_abcd", now)
            .await
            .unwrap();
        let holder = accounts
            .api_token_user("token-digest", now)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(holder.id, user.id);
        assert_eq!(
            accounts.list_api_tokens(user.id).await.unwrap()[0].last_used_at,
            Some(now)
        );
        let revoked = accounts
            .revoke_api_token(&context, user.id, token.id, now)
            .await
            .unwrap();
        assert_eq!(revoked.revoked_at, Some(now));
        assert!(
            accounts
                .api_token_user("token-digest", now)
                .await
                .unwrap()
                .is_none()
        );
        let someone_else = new_user(accounts, "other@example.org", vec![]).await;
        assert!(matches!(
            accounts
                .revoke_api_token(&context, someone_else.id, token.id, now)
                .await,
            Err(AccountError::NotFound(_))
        ));
    });
}

#[tokio::test]
async fn invitations_and_password_resets_are_used_once() {
    on_every_engine!("links", |t| {
        let accounts = t.store.accounts();
        let now = now();
        let admin = new_user(
            accounts,
            "admin@example.org",
            vec![role("administrator", None, None)],
        )
        .await;
        let invitation = accounts
            .create_invitation(
                &as_user(&admin, "administrator"),
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
        let (state, _) = accounts.invitation("invitation-digest", now).await.unwrap();
        assert_eq!(state, LinkState::Usable);
        let (state, _) = accounts
            .invitation("invitation-digest", now + 3600)
            .await
            .unwrap();
        assert_eq!(state, LinkState::Expired);
        let member = accounts
            .accept_invitation(
                &public(),
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
            .accept_invitation(&public(), "invitation-digest", "Again", "x", now)
            .await
            .unwrap();
        assert_eq!(second.err(), Some(LinkState::Used));
        assert_eq!(
            accounts.invitation("nothing", now).await.unwrap().0,
            LinkState::Unknown
        );

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
            .use_password_reset(&public(), "reset-digest", "$argon2id$reset", now)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(reset.id, member.id);
        assert!(
            accounts.session("member-session").await.unwrap().is_none(),
            "a reset ends the account's sessions"
        );
        assert_eq!(
            accounts
                .use_password_reset(&public(), "reset-digest", "x", now)
                .await
                .unwrap()
                .err(),
            Some(LinkState::Used)
        );
    });
}

#[tokio::test]
async fn changes_to_an_account_end_the_sessions_they_should() {
    on_every_engine!("account_changes", |t| {
        let accounts = t.store.accounts();
        let now = now();
        let admin = new_user(accounts, "admin@example.org", vec![]).await;
        let member = new_user(accounts, "member@example.org", vec![]).await;
        let context = as_user(&admin, "administrator");
        for (digest, user) in [("kept", &admin), ("other", &admin), ("member", &member)] {
            accounts
                .create_session(digest, user.id, now, None)
                .await
                .unwrap();
        }
        accounts
            .set_password(&context, admin.id, "$argon2id$changed", Some("kept"))
            .await
            .unwrap();
        assert!(accounts.session("kept").await.unwrap().is_some());
        assert!(accounts.session("other").await.unwrap().is_none());
        let profile = accounts
            .update_profile(&context, admin.id, "The Admin", true)
            .await
            .unwrap();
        assert!(profile.name_public);
        assert_eq!(
            accounts.public_names(&[admin.id, member.id]).await.unwrap(),
            vec![(admin.id, "The Admin".to_owned())],
            "only names their holders made public"
        );
        let mut labels = accounts
            .account_labels(&[admin.id, member.id])
            .await
            .unwrap();
        labels.sort();
        assert_eq!(labels.len(), 2);
        assert_eq!(labels[1].2, "member@example.org");
        let disabled = accounts
            .set_disabled(&context, member.id, true)
            .await
            .unwrap();
        assert!(disabled.disabled);
        assert!(accounts.session("member").await.unwrap().is_none());
    });
}

#[tokio::test]
async fn outbox_messages_are_claimed_once_then_retried_or_given_up() {
    on_every_engine!("outbox", |t| {
        let accounts = t.store.accounts();
        let now = now();
        let user = new_user(accounts, "someone@example.org", vec![]).await;
        for subject in ["first", "second"] {
            accounts
                .create_password_reset(
                    user.id,
                    &format!("{subject}-digest"),
                    now + 3600,
                    &message("someone@example.org", subject),
                    now,
                )
                .await
                .unwrap();
        }
        assert_eq!(accounts.outbox_pending().await.unwrap(), 2);
        let claimed = accounts.claim_outbox(now, 300, 10).await.unwrap();
        let subjects: Vec<&str> = claimed.iter().map(|m| m.subject.as_str()).collect();
        assert_eq!(subjects, vec!["first", "second"], "oldest first");
        assert!(claimed.iter().all(|m| m.attempts == 1));
        assert!(
            accounts
                .claim_outbox(now + 1, 300, 10)
                .await
                .unwrap()
                .is_empty(),
            "leased messages are not claimed again"
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
        // Neither a sent nor an abandoned message keeps its body (it holds the link).
        let bodies = t
            .exec("UPDATE outbox SET subject = subject WHERE body <> ''")
            .await
            .unwrap();
        assert_eq!(bodies, 0, "no body is kept after sending or giving up");
    });
}

/// Every change the accounts make is logged once, in order, by whom, without a password.
#[tokio::test]
async fn every_change_is_logged_once_in_an_intact_chain() {
    on_every_engine!("trail", |t| {
        with_states(&*t.store).await;
        let accounts = t.store.accounts();
        let now = now();
        commission(accounts, now).await;
        let admin = new_user(
            accounts,
            "admin@example.org",
            vec![role("administrator", None, None)],
        )
        .await;
        let context = as_user(&admin, "administrator");
        let extra = role("focal-point", Some("EGY"), None);
        accounts
            .grant_role(&context, admin.id, &extra)
            .await
            .unwrap();
        accounts
            .revoke_role(&context, admin.id, &extra)
            .await
            .unwrap();
        let token = accounts
            .create_api_token(&context, admin.id, "script", "digest", "tw_abcd", now)
            .await
            .unwrap();
        accounts
            .revoke_api_token(&context, admin.id, token.id, now)
            .await
            .unwrap();
        accounts
            .create_invitation(
                &context,
                &NewInvitation {
                    email: "new@example.org".into(),
                    role: role("secretariat", None, None),
                    token_digest: "invitation".into(),
                    expires_at: now + 3600,
                },
                &message("new@example.org", "invitation"),
                now,
            )
            .await
            .unwrap();
        let member = accounts
            .accept_invitation(&public(), "invitation", "New Member", "$argon2id$new", now)
            .await
            .unwrap()
            .unwrap();
        accounts
            .set_password(&context, admin.id, "$argon2id$changed", None)
            .await
            .unwrap();
        accounts
            .update_profile(&context, admin.id, "The Admin", true)
            .await
            .unwrap();
        accounts
            .set_disabled(&context, member.id, true)
            .await
            .unwrap();

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
        let accepted = page
            .items
            .iter()
            .find(|e| e.action == "create" && e.record_id == member.id.to_string())
            .expect("the new account is logged");
        assert_eq!(accepted.actor_user_id, Some(member.id));
        assert_eq!(accepted.actor_role, "secretariat");
        assert!(
            page.items
                .iter()
                .all(|e| !format!("{:?}{:?}", e.before, e.after).contains("argon2")),
            "the password never reaches the log, nor its hash"
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
        assert!(verification.is_intact(), "{verification:?}");
        assert_eq!(verification.checked, count);
        assert_eq!(verification.head_hash, newest.hash);
        assert_eq!(reported.into_inner().unwrap().last(), Some(&count));
    });
}

/// The log refuses changes through the database; an owner who switches its triggers off and
/// edits, removes or adds an entry is found out by `verify`.
#[tokio::test]
async fn the_log_refuses_changes_and_tampering_is_found() {
    on_every_engine!("tamper", |t| {
        let accounts = t.store.accounts();
        let changes = (0..5)
            .map(|n| Change::new("test", "record", n.to_string()))
            .collect();
        accounts
            .append_audit(&ChangeContext::system(), changes)
            .await
            .unwrap();
        for statement in [
            "UPDATE audit_log SET actor_role = 'forged' WHERE seq = 3",
            "DELETE FROM audit_log WHERE seq = 5",
        ] {
            let refused = t.exec(statement).await;
            assert!(
                refused.as_ref().is_err_and(|e| e.contains("append-only")),
                "{statement}: {refused:?}"
            );
        }
        assert_eq!(accounts.audit_count().await.unwrap(), 5);

        let dropped = t.drop_audit_triggers().await;
        let original = t
            .text("SELECT record_id FROM audit_log WHERE seq = 3")
            .await;
        t.exec("UPDATE audit_log SET record_id = 'forged' WHERE seq = 3")
            .await
            .unwrap();
        let verification = accounts.verify_audit(&|_| {}).await.unwrap();
        let broken = verification.broken.expect("the edit is found");
        assert_eq!((broken.seq, broken.reason), (3, Break::Altered));
        assert_eq!(
            verification.checked, 2,
            "nothing after the edit is vouched for"
        );
        t.exec(&format!(
            "UPDATE audit_log SET record_id = '{}' WHERE seq = 3",
            original.unwrap()
        ))
        .await
        .unwrap();
        assert!(accounts.verify_audit(&|_| {}).await.unwrap().is_intact());

        t.exec("DELETE FROM audit_log WHERE seq = 5").await.unwrap();
        let verification = accounts.verify_audit(&|_| {}).await.unwrap();
        let broken = verification
            .broken
            .expect("the removal is found by the head");
        assert_eq!(broken.seq, 5);
        assert_eq!(broken.reason, Break::Truncated { last_seq: 4 });
        t.restore_audit_triggers(dropped).await;
    });
}

/// Appenders on separate connections (as on separate servers) take turns at the head: no entry
/// is lost, none repeats a number, the two changes of one call are adjacent, the chain is whole.
#[tokio::test]
async fn concurrent_appenders_keep_one_chain() {
    for t in engines("concurrent").await {
        t.announce("concurrent");
        let TestStore { engine, store, .. } = &t;
        let store: Arc<&dyn Store> = Arc::new(&**store);
        let writers = (0..12).map(|writer| {
            let store = Arc::clone(&store);
            async move {
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
                        .unwrap_or_else(|e| panic!("{engine}: {e}"));
                }
            }
        });
        futures_util::future::join_all(writers).await;
        let accounts = store.accounts();
        assert_eq!(accounts.audit_count().await.unwrap(), 240);
        let verification = accounts.verify_audit(&|_| {}).await.unwrap();
        assert!(verification.is_intact(), "{verification:?}");
        assert_eq!(verification.checked, 240);
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
        drop(store);
        t.finish().await;
    }
}

/// Two senders claiming at once (two servers' mail workers) get different messages.
#[tokio::test]
async fn concurrent_claims_take_different_messages() {
    on_every_engine!("claims", |t| {
        let accounts = t.store.accounts();
        let now = now();
        let user = new_user(accounts, "someone@example.org", vec![]).await;
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
    });
}
