//! UPR Info's recommendations and pledges (sessions 1-20) and the SDG framework in the one
//! search: imported into a store, the index rebuilt from it as `taawun reindex` does, and the
//! search's answers checked against what the readers read.

use std::collections::{BTreeSet, HashMap};

use taawun_search::{Language, RecordType, SearchRequest};
use taawun_store::upr::{
    IncomingPledge, IncomingRecommendation, SdgFramework, SdgGoalRecord, SdgTargetRecord,
};
use taawun_store::{ChangeContext, NamesRecord};

fn names(titles: &taawun_sdg::Titles) -> NamesRecord {
    let get = |language| titles.get(language).unwrap_or("").to_owned();
    NamesRecord {
        ar: get(taawun_sdg::Language::Ar),
        en: get(taawun_sdg::Language::En),
        fr: get(taawun_sdg::Language::Fr),
        es: get(taawun_sdg::Language::Es),
        ru: get(taawun_sdg::Language::Ru),
        zh: get(taawun_sdg::Language::Zh),
    }
}

/// The goals and targets as the store keeps them (the indicators are not searched).
fn framework(sdgs: &taawun_sdg::Sdgs) -> SdgFramework {
    let mut positions: HashMap<u8, u32> = HashMap::new();
    SdgFramework {
        goals: sdgs
            .goals
            .iter()
            .map(|g| SdgGoalRecord {
                number: g.number,
                titles: names(&g.titles),
                short_titles: names(&g.short_titles),
            })
            .collect(),
        targets: sdgs
            .targets
            .iter()
            .map(|t| {
                let position = positions.entry(t.goal).or_default();
                *position += 1;
                SdgTargetRecord {
                    code: t.code.to_string(),
                    goal: t.goal,
                    position: *position,
                    titles: names(&t.titles),
                }
            })
            .collect(),
        indicators: Vec::new(),
    }
}

/// What the reader read, one entry per recommendation as the store keeps it (rows of equal
/// key are one record, with the themes of all of them).
struct Expected {
    themes_by_key: HashMap<String, BTreeSet<String>>,
    reviewed_by_key: HashMap<String, String>,
    texts: Vec<String>,
}

impl Expected {
    fn of(recommendations: &[IncomingRecommendation]) -> Expected {
        let mut themes_by_key: HashMap<String, BTreeSet<String>> = HashMap::new();
        let mut reviewed_by_key = HashMap::new();
        let mut texts = Vec::new();
        for r in recommendations {
            themes_by_key
                .entry(r.key.clone())
                .or_default()
                .extend(r.themes.iter().cloned());
            if reviewed_by_key
                .insert(r.key.clone(), r.reviewed.clone())
                .is_none()
            {
                texts.push(r.text.clone());
            }
        }
        Expected {
            themes_by_key,
            reviewed_by_key,
            texts,
        }
    }

    fn with_theme(&self, theme: &str) -> u64 {
        self.themes_by_key
            .values()
            .filter(|themes| themes.contains(theme))
            .count() as u64
    }

    fn reviewed(&self, iso3: &str) -> u64 {
        self.reviewed_by_key
            .values()
            .filter(|r| r.as_str() == iso3)
            .count() as u64
    }

    /// Recommendations whose text holds one of these words (lower case, whole words).
    fn with_word(&self, words: &[&str]) -> u64 {
        self.texts
            .iter()
            .filter(|text| {
                text.to_lowercase()
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|w| words.contains(&w))
            })
            .count() as u64
    }
}

fn facet(counts: &[taawun_search::FacetCount], value: &str) -> u64 {
    counts
        .iter()
        .find(|c| c.value == value)
        .map_or(0, |c| c.count)
}

#[tokio::test]
async fn every_recommendation_pledge_and_sdg_target_is_in_the_one_search() {
    taawun_testdata::require_shared!();
    let app = crate::helpers::spawn_app().await;
    let store = app.store.as_ref();
    let upr = store.upr();
    let cli = ChangeContext::command_line();

    let info = taawun_upr::upr_info::read_dir(
        &taawun_testdata::shared("data/upr"),
        taawun_states::Resolver::builtin(),
    )
    .unwrap();
    let recommendations: Vec<IncomingRecommendation> = info
        .recommendations
        .into_iter()
        .map(|r| IncomingRecommendation::from_source(r, "upr-info"))
        .collect();
    let pledges: Vec<IncomingPledge> = info
        .pledges
        .into_iter()
        .map(|p| IncomingPledge::from_source(p, "upr-info"))
        .collect();
    let expected = Expected::of(&recommendations);
    let pledge_keys: BTreeSet<String> = pledges.iter().map(|p| p.key.clone()).collect();
    let report = upr
        .import_upr(&cli, recommendations, pledges, &|_| {})
        .await
        .unwrap();
    assert_eq!(
        report.recommendations_created,
        expected.reviewed_by_key.len()
    );
    let sdgs = taawun_sdg::read_dir(taawun_testdata::shared("data/sdg")).unwrap();
    upr.import_sdgs(&cli, &framework(&sdgs)).await.unwrap();

    // The secretariat links the first 40 recommendations on poverty to target 1.2.
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
    let poverty = upr
        .list_recommendations(
            &taawun_store::upr::RecommendationFilter {
                theme: Some("Poverty".into()),
                ..Default::default()
            },
            taawun_store::Paging {
                page: 1,
                per_page: 40,
            },
        )
        .await
        .unwrap();
    for r in &poverty.page.items {
        assert!(upr.add_sdg_link(&cli, r.id, "1.2", admin.id).await.unwrap());
    }

    let started = std::time::Instant::now();
    let stats = taawun::search_index::reindex(store, &app.search)
        .await
        .unwrap();
    eprintln!(
        "indexed {} documents in {:.1} s",
        stats.documents,
        started.elapsed().as_secs_f64()
    );
    let index = &app.search;
    let search = |request: SearchRequest| index.search(&request).unwrap();
    let recommendations_only = |q: &str| SearchRequest {
        q: q.into(),
        record_type: Some(RecordType::UprRecommendation),
        facet_limit: 300,
        ..SearchRequest::default()
    };

    // Every recommendation, pledge and SDG target is there.
    let all = search(recommendations_only(""));
    assert_eq!(all.total, expected.reviewed_by_key.len() as u64);
    let pledges = search(SearchRequest {
        record_type: Some(RecordType::UprPledge),
        ..SearchRequest::default()
    });
    assert_eq!(pledges.total, pledge_keys.len() as u64);
    let targets = search(SearchRequest {
        record_type: Some(RecordType::SdgTarget),
        lang: Some(Language::En),
        ..SearchRequest::default()
    });
    assert_eq!(targets.total, 169);

    // The facet of the State under review counts Slovenia's recommendations as read.
    let slovenia = search(SearchRequest {
        reviewed: Some("SVN".into()),
        ..recommendations_only("")
    });
    assert_eq!(slovenia.total, expected.reviewed("SVN"));
    assert_eq!(facet(&all.facets.reviewed, "SVN"), expected.reviewed("SVN"));
    assert_eq!(facet(&slovenia.facets.reviewed, "SVN"), slovenia.total);

    // An English word finds the recommendations whose text has it.
    let moratorium = search(recommendations_only("moratorium"));
    assert_eq!(
        moratorium.total,
        expected.with_word(&["moratorium", "moratoriums"])
    );
    assert!(moratorium.hits[0].snippet.html.contains("<mark>"));
    let torture_en = search(recommendations_only("torture"));
    assert!(torture_en.total >= expected.with_word(&["torture"]));

    // An Arabic word finds the English recommendations by their themes' Arabic names: every
    // recommendation on torture, and the snippet is the Arabic name.
    let torture = "Torture and other CID treatment";
    let arabic = search(recommendations_only("التعذيب"));
    assert_eq!(
        facet(&arabic.facets.theme, torture),
        expected.with_theme(torture)
    );
    assert!(expected.with_theme(torture) > 2000);
    assert_eq!(arabic.hits[0].snippet_language, Language::Ar);
    assert!(
        arabic.hits[0].snippet.html.contains("<mark>التعذيب</mark>"),
        "{}",
        arabic.hits[0].snippet.html
    );
    let filtered = search(SearchRequest {
        theme: Some(torture.into()),
        ..recommendations_only("التعذيب")
    });
    assert_eq!(filtered.total, expected.with_theme(torture));
    let women = search(recommendations_only("حقوق المرأة"));
    assert_eq!(
        facet(&women.facets.theme, "Women's rights"),
        expected.with_theme("Women's rights")
    );

    // And by the titles of the SDGs they are linked to: "ending poverty" is SDG 1's title.
    let goal_1 = search(recommendations_only("القضاء على الفقر"));
    assert_eq!(facet(&goal_1.facets.sdg, "1"), 40);
    assert_eq!(facet(&goal_1.facets.sdg, "1.2"), 40);
    let linked = search(SearchRequest {
        sdg: Some("1".into()),
        ..recommendations_only("القضاء على الفقر")
    });
    assert_eq!(linked.total, 40);
    // The goal and target pages are found too, in Arabic.
    let sdg_pages = search(SearchRequest {
        q: "القضاء على الفقر".into(),
        record_type: Some(RecordType::SdgGoal),
        ..SearchRequest::default()
    });
    assert_eq!(sdg_pages.hits[0].record_key, "sdg-goal:1");

    // The other facets: cycle, response, recommending State.
    assert_eq!(
        all.facets.cycle.iter().map(|c| c.count).sum::<u64>(),
        all.total
    );
    assert_eq!(
        all.facets.response.iter().map(|c| c.count).sum::<u64>(),
        all.total
    );
    assert!(!all.facets.recommending.is_empty());

    // The API and the page take the filters, and the page labels them in Arabic.
    let (status, body) = app
        .get_json("/api/v1/search?q=%D8%A7%D9%84%D8%AA%D8%B9%D8%B0%D9%8A%D8%A8&type=upr-recommendation&reviewed=svn&cycle=2&response=supported")
        .await;
    assert_eq!(status, 200, "{body}");
    assert!(body["total"].as_u64().unwrap() > 0);
    let (status, body) = app.get_json("/api/v1/search?cycle=9").await;
    assert_eq!(status, 400);
    assert_eq!(body["error"]["parameter"], "cycle");
    let (status, body) = app.get_json("/api/v1/search?sdg=99.1").await;
    assert_eq!(status, 400);
    assert_eq!(body["error"]["parameter"], "sdg");
    let page = app
        .get_with(
            "/search?q=%D8%A7%D9%84%D9%81%D9%82%D8%B1&type=upr-recommendation",
            "Accept-Language",
            "ar",
        )
        .await
        .text()
        .await
        .unwrap();
    assert!(
        page.contains("href=\"/upr/recommendations/"),
        "hits link to their pages"
    );
    assert!(
        page.contains("الدولة قيد الاستعراض"),
        "the facet's heading in Arabic"
    );
    assert!(page.contains("الفقر"));
    assert!(
        page.contains("الهدف \u{2068}1\u{2069}"),
        "an SDG facet value labelled"
    );
    assert!(page.contains("sdg=1"), "and a link that filters by it");
}
