//! The Universal Periodic Review's records on every engine: one record per recommendation
//! however many sources hold it, imports that add only what is new, listings and counts that
//! agree with what was imported, SDG links with who made them.

use taawun_audit::{Actor, ChangeContext};
use taawun_store::upr::{
    IncomingPledge, IncomingRecommendation, RecommendationFilter, Response, ResponseFilter,
    SourceRef,
};
use taawun_store::{AuditFilter, Paging};
use taawun_store_conformance::on_every_engine;

fn source(kind: &str, file: &str, line: u64) -> SourceRef {
    SourceRef {
        kind: kind.into(),
        file: file.into(),
        line,
    }
}

fn recommendation(
    reviewed: &str,
    session: u32,
    text: &str,
    recommending: &[&str],
    response: Option<Response>,
    source: SourceRef,
) -> IncomingRecommendation {
    IncomingRecommendation {
        key: taawun_upr::model::recommendation_key(reviewed, session, text),
        reviewed: reviewed.into(),
        session,
        cycle: taawun_upr::cycle_of_session(session).unwrap(),
        text: text.into(),
        paragraph: None,
        recommending: recommending.iter().map(|s| s.to_string()).collect(),
        response,
        action: None,
        themes: vec!["Torture and other CID treatment".into()],
        groups: vec![],
        sdgs: vec![],
        assessment: None,
        sources: vec![source],
    }
}

#[tokio::test]
async fn recommendations_merge_across_sources_and_count_as_imported() {
    on_every_engine!("upr_merge", |t| {
        let store = &*t.store;
        let cli = ChangeContext::command_line();
        let records = taawun_store::state_records_from_builtin();
        let fingerprint = taawun_store::table_fingerprint(&records);
        store
            .sync_states(&cli, &records, &fingerprint)
            .await
            .unwrap();
        let upr = store.upr();

        let from_upr_info = vec![
            recommendation(
                "SVN",
                20,
                "Ratify the Optional Protocol to the Convention against Torture.",
                &["FRA"],
                Some(Response::Supported),
                source("upr-info", "sessions-17-20.csv", 10),
            ),
            // The same recommendation by a second State: UPR Info writes it as a second row.
            recommendation(
                "SVN",
                20,
                "Ratify the Optional Protocol to the Convention against Torture",
                &["DEU"],
                None,
                source("upr-info", "sessions-17-20.csv", 11),
            ),
            recommendation(
                "SVN",
                20,
                "Combat hate speech",
                &["BRA"],
                Some(Response::Noted),
                source("upr-info", "sessions-17-20.csv", 12),
            ),
            recommendation(
                "FRA",
                15,
                "Combat hate speech",
                &["SVN"],
                None,
                source("upr-info", "sessions-14-17.csv", 3),
            ),
        ];
        let pledges = vec![IncomingPledge {
            key: taawun_upr::model::recommendation_key("SVN", 20, "A pledge"),
            state: "SVN".into(),
            session: 20,
            cycle: 2,
            text: "A pledge".into(),
            themes: vec!["Women's rights".into()],
            source: source("upr-info", "sessions-voluntary.csv", 2),
        }];

        let plan = upr
            .plan_upr_import(from_upr_info.clone(), pledges.clone())
            .await
            .unwrap();
        let report = upr
            .import_upr(&cli, from_upr_info.clone(), pledges.clone(), &|_| {})
            .await
            .unwrap();
        assert_eq!(
            plan.report(),
            report,
            "the dry run says what the import does"
        );
        assert_eq!(report.recommendations_created, 3);
        assert_eq!(report.pledges_created, 1);

        let again = upr
            .import_upr(&cli, from_upr_info.clone(), pledges.clone(), &|_| {})
            .await
            .unwrap();
        assert_eq!(again.recommendations_created, 0);
        assert_eq!(again.recommendations_completed, 0);
        assert_eq!(again.recommendations_unchanged, 3);
        assert_eq!(again.pledges_unchanged, 1);

        // A second source (OHCHR's thematic list) holds the first recommendation with its
        // paragraph number, both States, a theme of its own and an SDG target.
        let mut from_ohchr = recommendation(
            "SVN",
            20,
            "Ratify the optional protocol to the Convention against Torture",
            &["DEU", "FRA", "ITA"],
            Some(Response::Supported),
            source("ohchr", "thematic-list-cycle2-session20.docx", 5),
        );
        from_ohchr.paragraph = Some("115.1".into());
        from_ohchr.sdgs = vec!["16.3".into()];
        from_ohchr.groups = vec!["persons deprived of their liberty".into()];
        let report = upr
            .import_upr(&cli, vec![from_ohchr], vec![], &|_| {})
            .await
            .unwrap();
        assert_eq!(report.recommendations_created, 0);
        assert_eq!(report.recommendations_completed, 1);

        let reviewed = RecommendationFilter {
            reviewed: Some("SVN".into()),
            ..RecommendationFilter::default()
        };
        let page = upr
            .list_recommendations(&reviewed, Paging::default())
            .await
            .unwrap();
        assert_eq!(
            page.page.total, 2,
            "one record however many sources hold it"
        );
        assert_eq!(page.responses.supported, 1);
        assert_eq!(page.responses.noted, 1);
        let merged = page
            .page
            .items
            .iter()
            .find(|r| r.paragraph.as_deref() == Some("115.1"))
            .expect("the merged record");
        assert_eq!(merged.recommending, ["FRA", "DEU", "ITA"]);
        assert_eq!(merged.sources.len(), 3);
        assert_eq!(merged.groups, ["persons deprived of their liberty"]);
        assert_eq!(merged.sdgs.len(), 1);
        assert_eq!(merged.sdgs[0].origin, "source");

        // Counts by State under review agree with the listings.
        let by_reviewed = upr
            .count_by_reviewed(&RecommendationFilter::default())
            .await
            .unwrap();
        let svn = by_reviewed.iter().find(|g| g.key == "SVN").unwrap();
        assert_eq!(svn.responses, page.responses);
        assert!(by_reviewed.iter().any(|g| g.key == "FRA"));

        // Filters: by recommending State, by SDG goal (finding its target's link), by response.
        let by_italy = upr
            .list_recommendations(
                &RecommendationFilter {
                    recommending: Some("ITA".into()),
                    ..RecommendationFilter::default()
                },
                Paging::default(),
            )
            .await
            .unwrap();
        assert_eq!(by_italy.page.total, 1);
        let by_goal = upr
            .list_recommendations(
                &RecommendationFilter {
                    sdg: Some("16".into()),
                    ..RecommendationFilter::default()
                },
                Paging::default(),
            )
            .await
            .unwrap();
        assert_eq!(by_goal.page.total, 1);
        let by_goal_1 = upr
            .list_recommendations(
                &RecommendationFilter {
                    sdg: Some("1".into()),
                    ..RecommendationFilter::default()
                },
                Paging::default(),
            )
            .await
            .unwrap();
        assert_eq!(by_goal_1.page.total, 0, "goal 1 does not find target 16.3");
        let not_recorded = upr
            .list_recommendations(
                &RecommendationFilter {
                    response: Some(ResponseFilter::NotRecorded),
                    ..RecommendationFilter::default()
                },
                Paging::default(),
            )
            .await
            .unwrap();
        assert_eq!(not_recorded.page.total, 1);
        assert_eq!(not_recorded.page.items[0].reviewed, "FRA");

        // A State's review: received by session and by recommending State's group; made.
        let review = upr.state_review("SVN").await.unwrap();
        assert_eq!(review.received_by_session.len(), 1);
        assert_eq!(review.received_by_session[0].key, "20");
        assert_eq!(review.received_by_session[0].responses.total(), 2);
        let weog = review
            .received_by_group
            .iter()
            .find(|g| g.key == "western-european-others")
            .expect("France, Germany and Italy are in the Western group");
        assert_eq!(weog.responses.total(), 1);
        assert_eq!(review.made_by_reviewed.len(), 1);
        assert_eq!(review.made_by_reviewed[0].key, "FRA");
        assert_eq!(upr.pledges_of("SVN").await.unwrap().len(), 1);

        // The secretariat's SDG links carry who made them; removal is logged.
        let admin = store
            .accounts()
            .create_user(
                &cli,
                &taawun_store::NewUser {
                    email: "sdg@example.org".into(),
                    display_name: "SDG".into(),
                    password_hash: "x".into(),
                    roles: vec![],
                },
            )
            .await
            .unwrap();
        let context = ChangeContext {
            actor: Actor::user(admin.id, "secretariat"),
            request_id: None,
        };
        assert!(
            upr.add_sdg_link(&context, merged.id, "5", admin.id)
                .await
                .unwrap()
        );
        assert!(
            !upr.add_sdg_link(&context, merged.id, "5", admin.id)
                .await
                .unwrap()
        );
        let record = upr.get_recommendation(merged.id).await.unwrap().unwrap();
        let link = record.sdgs.iter().find(|l| l.sdg == "5").unwrap();
        assert_eq!(link.origin, "secretariat");
        assert_eq!(link.added_by, Some(admin.id));
        assert!(upr.remove_sdg_link(&context, merged.id, "5").await.unwrap());
        assert!(!upr.remove_sdg_link(&context, merged.id, "5").await.unwrap());

        let log = store
            .accounts()
            .audit_entries(&AuditFilter::default(), Paging::default())
            .await
            .unwrap();
        let upr_entries = log
            .items
            .iter()
            .filter(|e| e.record_type == "upr" || e.record_type == "upr-recommendation")
            .count();
        assert_eq!(
            upr_entries, 4,
            "two imports that wrote, one link, one unlink"
        );
    });
}

#[tokio::test]
async fn every_recommendation_and_pledge_is_read_at_once_for_the_index() {
    on_every_engine!("upr_all", |t| {
        let store = &*t.store;
        let cli = ChangeContext::command_line();
        let upr = store.upr();
        assert!(upr.all_recommendations().await.unwrap().is_empty());
        let stamp = upr.upr_stamp().await.unwrap();

        let mut records = Vec::new();
        for i in 0..30u32 {
            let mut r = recommendation(
                if i % 3 == 0 { "SVN" } else { "FRA" },
                10 + i % 5,
                &format!("Recommendation number {i}"),
                &["DEU", "ITA"][..1 + (i as usize % 2)],
                (i % 2 == 0).then_some(Response::Supported),
                source("upr-info", "sessions-6-9.csv", u64::from(i) + 2),
            );
            if i % 4 == 0 {
                r.sdgs = vec!["16.3".into(), "5".into()];
                r.groups = vec!["women".into()];
            }
            records.push(r);
        }
        let pledges = vec![IncomingPledge {
            key: taawun_upr::model::recommendation_key("SVN", 20, "A pledge"),
            state: "SVN".into(),
            session: 20,
            cycle: 2,
            text: "A pledge".into(),
            themes: vec!["Women's rights".into(), "Detention".into()],
            source: source("upr-info", "sessions-voluntary.csv", 2),
        }];
        upr.import_upr(&cli, records, pledges, &|_| {})
            .await
            .unwrap();
        let after_import = upr.upr_stamp().await.unwrap();
        assert!(after_import > stamp, "an import raises the review's stamp");
        let again = upr.import_upr(&cli, vec![], vec![], &|_| {}).await.unwrap();
        assert_eq!(again.recommendations_created, 0);
        assert_eq!(
            upr.upr_stamp().await.unwrap(),
            after_import,
            "an import that changes nothing leaves it"
        );

        let all = upr.all_recommendations().await.unwrap();
        assert_eq!(all.len(), 30);
        assert!(all.windows(2).all(|w| w[0].id < w[1].id), "by id");
        // Each the same as the record read on its own.
        for record in &all {
            let one = upr.get_recommendation(record.id).await.unwrap().unwrap();
            assert_eq!(&one, record);
        }
        let linked = all.iter().filter(|r| !r.sdgs.is_empty()).count();
        assert_eq!(linked, 8);
        assert!(all.iter().any(|r| r.recommending == ["DEU", "ITA"]));
        let pledges = upr.all_pledges().await.unwrap();
        assert_eq!(pledges.len(), 1);
        assert_eq!(pledges[0].themes, ["Women's rights", "Detention"]);
        assert_eq!(pledges, upr.pledges_of("SVN").await.unwrap());

        let admin = store
            .accounts()
            .create_user(
                &cli,
                &taawun_store::NewUser {
                    email: "links@example.org".into(),
                    display_name: "Links".into(),
                    password_hash: "x".into(),
                    roles: vec![],
                },
            )
            .await
            .unwrap();
        let id = all[1].id;
        assert!(upr.add_sdg_link(&cli, id, "1.2", admin.id).await.unwrap());
        let linked_once = upr.upr_stamp().await.unwrap();
        assert!(linked_once > after_import, "a link raises it");
        assert!(upr.remove_sdg_link(&cli, id, "1.2").await.unwrap());
        assert!(
            upr.upr_stamp().await.unwrap() > linked_once,
            "so does its removal"
        );
    });
}
