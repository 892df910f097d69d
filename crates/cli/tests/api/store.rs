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
