//! The storage contract, run against whichever backend the suite runs on.

use taawun_states::RegionalGroup;
use taawun_store::{
    Paging, StateFilter, StateRecord, state_records_from_builtin, table_fingerprint,
};

use crate::helpers::test_store;

#[tokio::test]
async fn migrations_are_idempotent_and_readiness_follows_them() {
    let (store, _guard) = test_store().await;
    let before = store.readiness().await.unwrap();
    assert!(!before.is_ready());
    store.migrate().await.unwrap();
    store.migrate().await.unwrap();
    assert!(store.readiness().await.unwrap().is_ready());
}

#[tokio::test]
async fn syncing_the_table_writes_once_and_round_trips_every_record() {
    let (store, _guard) = test_store().await;
    store.migrate().await.unwrap();
    let records = state_records_from_builtin();
    let fingerprint = table_fingerprint(&records);
    assert!(
        store
            .sync_states(
                &taawun_store::ChangeContext::system(),
                &records,
                &fingerprint
            )
            .await
            .unwrap()
            .changed
    );
    assert!(
        !store
            .sync_states(
                &taawun_store::ChangeContext::system(),
                &records,
                &fingerprint
            )
            .await
            .unwrap()
            .changed
    );
    // A new version of the table rewrites in place, without duplicates.
    assert!(
        store
            .sync_states(
                &taawun_store::ChangeContext::system(),
                &records,
                "another-version"
            )
            .await
            .unwrap()
            .changed
    );
    let all = store
        .list_states(
            &StateFilter::default(),
            Paging {
                page: 1,
                per_page: Paging::MAX_PER_PAGE,
            },
        )
        .await
        .unwrap();
    assert_eq!(all.total as usize, records.len());
    for record in &records {
        let stored: StateRecord = store
            .get_state(&record.iso3)
            .await
            .unwrap()
            .expect("stored");
        assert_eq!(&stored, record);
    }
    assert!(store.get_state("QQQ").await.unwrap().is_none());
}

#[tokio::test]
async fn member_counts_by_group_match_the_table() {
    let (store, _guard) = test_store().await;
    store.migrate().await.unwrap();
    let records = state_records_from_builtin();
    store
        .sync_states(
            &taawun_store::ChangeContext::system(),
            &records,
            &table_fingerprint(&records),
        )
        .await
        .unwrap();
    let counts = store.count_members_by_group().await.unwrap();
    for (group, (slug, count)) in RegionalGroup::ALL.iter().zip(counts) {
        assert_eq!(slug, group.slug());
        let expected = taawun_states::all()
            .filter(|s| {
                s.regional_group == Some(*group) && s.status == taawun_states::UnStatus::Member
            })
            .count();
        assert_eq!(count as usize, expected);
    }
}

#[tokio::test]
async fn a_filter_value_with_sql_wildcards_matches_literally() {
    let (store, _guard) = test_store().await;
    store.migrate().await.unwrap();
    let records = state_records_from_builtin();
    store
        .sync_states(
            &taawun_store::ChangeContext::system(),
            &records,
            &table_fingerprint(&records),
        )
        .await
        .unwrap();
    for needle in ["%", "_", "' OR 1=1 --"] {
        let filter = StateFilter {
            name_contains: Some(needle.to_owned()),
            ..StateFilter::default()
        };
        let page = store.list_states(&filter, Paging::default()).await.unwrap();
        assert_eq!(page.total, 0, "{needle:?}");
    }
}

#[tokio::test]
async fn a_new_version_replaces_references_and_mandates_and_an_old_text_changes_nothing() {
    let (store, _guard) = test_store().await;
    store.migrate().await.unwrap();
    let resolver = taawun_states::Resolver::builtin();
    let first =
        taawun::registry::parse_text("seed.txt", taawun::registry::SEED_TEXT, resolver).unwrap();
    assert_eq!(
        store
            .import_resolution(&taawun_store::ChangeContext::command_line(), &first)
            .await
            .unwrap(),
        taawun_store::ImportOutcome::Created
    );
    let symbol = first.record.symbol.clone();
    let mandates_of = |symbol: &str| taawun_store::MandateFilter {
        symbol: Some(symbol.to_owned()),
        ..Default::default()
    };
    let all = Paging {
        page: 1,
        per_page: Paging::MAX_PER_PAGE,
    };
    let before = store
        .list_mandates(&mandates_of(&symbol), all)
        .await
        .unwrap();
    // Distinct (paragraph, addressee) pairs: a paragraph that addresses the same body twice
    // holds one mandate.
    let mut keys: Vec<(u32, String)> = first
        .record
        .mandates
        .iter()
        .map(|m| (m.paragraph, taawun_store::slug_of(&m.addressee)))
        .collect();
    keys.sort();
    keys.dedup();
    assert_eq!(before.total as usize, keys.len());

    // A second text without the last operative paragraph: its mandate and references go.
    let mut second = first.clone();
    let last = second.record.operative.pop().unwrap().number;
    second.record.mandates.retain(|m| m.paragraph != last);
    second
        .record
        .references
        .retain(|r| r.paragraph != format!("op-{last}"));
    second.content_hash = "another text".into();
    assert_eq!(
        store
            .import_resolution(&taawun_store::ChangeContext::command_line(), &second)
            .await
            .unwrap(),
        taawun_store::ImportOutcome::NewVersion { version: 2 }
    );
    let after = store
        .list_mandates(&mandates_of(&symbol), all)
        .await
        .unwrap();
    assert!(after.items.iter().all(|m| m.paragraph != last));
    assert!(after.total < before.total);
    let stored = store.get_resolution(&symbol).await.unwrap().unwrap();
    assert_eq!(stored.current_version, 2);
    assert_eq!(stored.history.len(), 2);
    assert_eq!(
        stored.record.operative.len(),
        first.record.operative.len() - 1
    );

    // The first text again is recognised, and nothing changes.
    assert_eq!(
        store
            .import_resolution(&taawun_store::ChangeContext::command_line(), &first)
            .await
            .unwrap(),
        taawun_store::ImportOutcome::Unchanged { version: 1 }
    );
    assert_eq!(
        store
            .get_resolution(&symbol)
            .await
            .unwrap()
            .unwrap()
            .current_version,
        2
    );
    // What the seed cites is found from the cited side.
    let cited = &first.record.references[0].symbol;
    let citing = store.cited_by(cited).await.unwrap();
    assert!(
        citing.iter().any(|c| c.symbol == symbol)
            || first.record.references[0].paragraph == format!("op-{last}")
    );
}

/// Someone with write access to the database adds audit entries behind the platform's back
/// (issue: a forged entry after the head passed verification, then blocked every write).
#[tokio::test]
async fn audit_entries_written_outside_the_platform_are_reported_and_block_no_write() {
    use taawun_audit::{Break, Change, ChangeContext};

    let (store, sql, _guard) = crate::helpers::test_store_with_sql().await;
    store.migrate().await.unwrap();
    let accounts = store.accounts();
    let changes = |n: usize| {
        (0..n)
            .map(|i| Change::new("create", "note", i.to_string()))
            .collect::<Vec<_>>()
    };
    accounts
        .append_audit(&ChangeContext::system(), changes(3))
        .await
        .unwrap();
    let intact = accounts.verify_audit(&|_| {}).await.unwrap();
    assert!(intact.is_intact(), "{intact:?}");
    let head = intact.checked as i64;

    // A row that does not continue the head is refused (a wrong number, or a wrong link).
    let columns = "seq, at_us, actor_user_id, actor_role, action, record_type, record_id, \
                   before_json, after_json, request_id, prev_hash, hash";
    let stray = sql
        .execute(&format!(
            "INSERT INTO audit_log ({columns}) SELECT seq + 5, 1, NULL, 'administrator', \
             'create', 'organisation', '9', NULL, NULL, NULL, hash, 'deadbeef' \
             FROM audit_head WHERE id = 1"
        ))
        .await;
    assert!(
        stray
            .as_ref()
            .is_err_and(|e| e.contains("continue the head")),
        "{stray:?}"
    );
    let unlinked = sql
        .execute(&format!(
            "INSERT INTO audit_log ({columns}) SELECT seq + 1, 1, NULL, 'administrator', \
             'create', 'organisation', '9', NULL, NULL, NULL, 'beef', 'deadbeef' \
             FROM audit_head WHERE id = 1"
        ))
        .await;
    assert!(unlinked.is_err(), "{unlinked:?}");
    assert!(accounts.verify_audit(&|_| {}).await.unwrap().is_intact());

    // The forgery of the report: the next number, the head's hash, a made-up hash. It is taken
    // as the new head, verification names it, and the platform's next write still succeeds.
    let forged = sql
        .execute(&format!(
            "INSERT INTO audit_log ({columns}) SELECT seq + 1, 1, NULL, 'administrator', \
             'create', 'organisation', '9', NULL, NULL, NULL, hash, 'deadbeef' \
             FROM audit_head WHERE id = 1"
        ))
        .await;
    assert_eq!(forged, Ok(1));
    let verification = accounts.verify_audit(&|_| {}).await.unwrap();
    let broken = verification.broken.expect("the forged entry is found");
    assert_eq!((broken.seq, broken.reason), (head + 1, Break::Altered));
    assert_eq!(verification.checked as i64, head);
    accounts
        .append_audit(&ChangeContext::system(), changes(1))
        .await
        .expect("a write after a forged entry succeeds");
    assert_eq!(accounts.audit_count().await.unwrap() as i64, head + 2);
    let still = accounts.verify_audit(&|_| {}).await.unwrap();
    assert_eq!(still.broken.map(|b| b.seq), Some(head + 1));

    // A head rewritten by hand is reported as a changed head, not as a changed entry.
    let (store, sql, _guard) = crate::helpers::test_store_with_sql().await;
    store.migrate().await.unwrap();
    let accounts = store.accounts();
    accounts
        .append_audit(&ChangeContext::system(), changes(3))
        .await
        .unwrap();
    let head = accounts.verify_audit(&|_| {}).await.unwrap().checked as i64;
    sql.execute("UPDATE audit_head SET hash = 'cafe' WHERE id = 1")
        .await
        .unwrap();
    let broken = accounts
        .verify_audit(&|_| {})
        .await
        .unwrap()
        .broken
        .unwrap();
    assert_eq!(
        (broken.seq, broken.reason),
        (
            head,
            Break::HeadChanged {
                head_hash: "cafe".into()
            }
        )
    );
    // Moved back by one, the head leaves the last entry uncovered: it reads as inserted.
    sql.execute(&format!(
        "UPDATE audit_head SET seq = seq - 1, hash = (SELECT hash FROM audit_log WHERE seq = {}) \
         WHERE id = 1",
        head - 1
    ))
    .await
    .unwrap();
    let broken = accounts
        .verify_audit(&|_| {})
        .await
        .unwrap()
        .broken
        .unwrap();
    assert_eq!(
        (broken.seq, broken.reason),
        (head, Break::Uncovered { head_seq: head - 1 })
    );
}
