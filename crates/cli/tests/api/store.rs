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
            .sync_states(&records, &fingerprint)
            .await
            .unwrap()
            .changed
    );
    assert!(
        !store
            .sync_states(&records, &fingerprint)
            .await
            .unwrap()
            .changed
    );
    // A new version of the table rewrites in place, without duplicates.
    assert!(
        store
            .sync_states(&records, "another-version")
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
        .sync_states(&records, &table_fingerprint(&records))
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
        .sync_states(&records, &table_fingerprint(&records))
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
