//! The compendium's practices in the one search: found by their modality, region and rights
//! (by slug, or a right as tagged), counted per value over the results — counts computed here
//! from the practices indexed — and the other records, which have none of these, left out by
//! the filters and absent from their facets.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use taawun_search::{
    FacetCount, Language, ParagraphKind, PracticeDocument, RecordType, SearchDocument, SearchIndex,
    SearchRequest, SearchResults, Searchable, right_slug,
};

const MODALITIES: [&str; 4] = ["south-south", "north-south", "triangular", "regional"];
const REGIONS: [&str; 7] = [
    "african",
    "asia-pacific",
    "eastern-european",
    "latin-american-caribbean",
    "western-european-others",
    "global",
    "other",
];
/// Rights as people tag them: in either language, in any case, some twice in other spellings.
const RIGHTS: [&str; 7] = [
    "Right to education",
    "right to EDUCATION",
    "Access to justice",
    "الحق في التعليم",
    "الحق في محاكمة عادلة",
    "Women's rights",
    "Freedom of expression",
];
const PARTNERS: [&str; 5] = ["KEN", "MAR", "BRA", "NOR", "IDN"];

/// A deterministic mix of practices over the vocabularies (a small linear congruential
/// generator, so that the counts differ from value to value).
fn practices(count: usize) -> Vec<PracticeDocument> {
    let mut seed: u64 = 0x5eed;
    let mut next = move |n: usize| {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((seed >> 33) % n as u64) as usize
    };
    (0..count)
        .map(|i| {
            let count = next(4);
            let rights: Vec<String> = (0..count)
                .map(|_| RIGHTS[next(RIGHTS.len())].to_owned())
                .collect();
            let arabic = i % 3 == 0;
            PracticeDocument {
                number: format!("P-2026-{:04}", i + 1),
                title: if arabic {
                    format!("المحاكم المتنقلة {i}")
                } else {
                    format!("Mobile courts {i}")
                },
                summary: if arabic {
                    "تبادلت دولتان تصميم محاكم متنقلة في المناطق النائية.".into()
                } else {
                    "Two States shared the design of mobile courts in remote districts.".into()
                },
                results: vec!["4,000 cases heard.".into()],
                modality: MODALITIES[next(MODALITIES.len())].into(),
                region: REGIONS[next(REGIONS.len())].into(),
                rights,
                sdg_targets: vec!["16.3".into()],
                partners: vec![PARTNERS[next(PARTNERS.len())].into()],
                published: NaiveDate::from_ymd_opt(2026, 1 + (i % 12) as u32, 1).unwrap(),
            }
        })
        .collect()
}

/// A resolution's paragraph about the same courts: it has none of the compendium's facets.
fn resolution() -> SearchDocument {
    SearchDocument {
        record_key: "resolution:A/HRC/RES/56/9".into(),
        record_type: RecordType::Resolution,
        kind: ParagraphKind::Operative,
        anchor: Some("op-1".into()),
        symbol: Some("A/HRC/RES/56/9".into()),
        title: "Access to justice".into(),
        language: Language::En,
        text: "Encourages States to share the design of mobile courts for access to justice in \
               remote districts"
            .into(),
        body: Some("hrc".into()),
        session: Some(56),
        date: NaiveDate::from_ymd_opt(2024, 7, 10),
        states: vec!["KEN".into()],
        review: Default::default(),
        labels: Vec::new(),
        practice: Default::default(),
    }
}

fn index(practices: &[PracticeDocument]) -> SearchIndex {
    let index = SearchIndex::in_memory().unwrap();
    index
        .update(|update| {
            for practice in practices {
                update.replace_record(&practice.record_key(), &practice.search_documents())?;
            }
            let resolution = resolution();
            update.replace_record(&resolution.record_key.clone(), &[resolution])
        })
        .unwrap();
    index
}

fn search(index: &SearchIndex, request: SearchRequest) -> SearchResults {
    let per_page = 100;
    let results = index
        .search(&SearchRequest {
            per_page,
            facet_limit: 300,
            ..request
        })
        .unwrap();
    assert!(results.total <= u64::from(per_page), "one page holds them");
    results
}

fn keys(results: &SearchResults) -> Vec<String> {
    let mut keys: Vec<String> = results.hits.iter().map(|h| h.record_key.clone()).collect();
    keys.sort();
    keys
}

fn keys_of<'a>(practices: impl IntoIterator<Item = &'a PracticeDocument>) -> Vec<String> {
    let mut keys: Vec<String> = practices.into_iter().map(|p| p.record_key()).collect();
    keys.sort();
    keys
}

/// Each practice's distinct right slugs.
fn slugs(practice: &PracticeDocument) -> Vec<String> {
    let mut slugs: Vec<String> = practice.rights.iter().map(|r| right_slug(r)).collect();
    slugs.sort();
    slugs.dedup();
    slugs
}

/// Facet counts as a map, checking the facet's order (most frequent first, ties by value).
fn counts(facet: &[FacetCount]) -> BTreeMap<String, u64> {
    for pair in facet.windows(2) {
        assert!(
            pair[0].count > pair[1].count
                || pair[0].count == pair[1].count && pair[0].value < pair[1].value,
            "{facet:?}"
        );
    }
    facet.iter().map(|c| (c.value.clone(), c.count)).collect()
}

/// The counts the facets should show for `practices`.
fn expected<'a>(
    practices: impl IntoIterator<Item = &'a PracticeDocument>,
    values: impl Fn(&PracticeDocument) -> Vec<String>,
) -> BTreeMap<String, u64> {
    let mut counts = BTreeMap::new();
    for practice in practices {
        for value in values(practice) {
            *counts.entry(value).or_default() += 1;
        }
    }
    counts
}

#[test]
fn each_filter_finds_the_practices_that_have_its_value_and_the_facets_count_them() {
    let practices = practices(60);
    let index = index(&practices);
    let modality = |p: &PracticeDocument| vec![p.modality.clone()];
    let region = |p: &PracticeDocument| vec![p.region.clone()];

    // Browsing everything: every practice counted under its values; the resolution under none.
    let all = search(&index, SearchRequest::default());
    assert_eq!(all.total, practices.len() as u64 + 1);
    assert_eq!(counts(&all.facets.modality), expected(&practices, modality));
    assert_eq!(counts(&all.facets.region), expected(&practices, region));
    assert_eq!(counts(&all.facets.right), expected(&practices, slugs));
    // The mix covers every value, and the two spellings of the right to education are one.
    assert_eq!(all.facets.modality.len(), MODALITIES.len());
    assert_eq!(all.facets.region.len(), REGIONS.len());
    let distinct: BTreeSet<String> = RIGHTS.iter().map(|r| right_slug(r)).collect();
    assert_eq!(distinct.len(), RIGHTS.len() - 1);
    assert_eq!(
        all.facets
            .right
            .iter()
            .map(|c| c.value.clone())
            .collect::<BTreeSet<_>>(),
        distinct
    );

    for value in MODALITIES {
        let found = search(
            &index,
            SearchRequest {
                modality: Some(value.into()),
                ..SearchRequest::default()
            },
        );
        let matching: Vec<&PracticeDocument> =
            practices.iter().filter(|p| p.modality == value).collect();
        assert!(!matching.is_empty(), "{value}");
        assert_eq!(keys(&found), keys_of(matching.iter().copied()), "{value}");
        assert_eq!(found.total, matching.len() as u64);
        assert_eq!(
            counts(&found.facets.modality),
            BTreeMap::from([(value.to_owned(), matching.len() as u64)])
        );
        // The other facets count within the filter.
        assert_eq!(
            counts(&found.facets.region),
            expected(matching.iter().copied(), region)
        );
        assert_eq!(
            counts(&found.facets.right),
            expected(matching.iter().copied(), slugs)
        );
    }

    for value in REGIONS {
        let found = search(
            &index,
            SearchRequest {
                region: Some(value.to_uppercase()),
                ..SearchRequest::default()
            },
        );
        let matching: Vec<&PracticeDocument> =
            practices.iter().filter(|p| p.region == value).collect();
        assert!(!matching.is_empty(), "{value}");
        assert_eq!(keys(&found), keys_of(matching.iter().copied()), "{value}");
        assert_eq!(
            counts(&found.facets.region),
            BTreeMap::from([(value.to_owned(), matching.len() as u64)])
        );
        assert_eq!(
            counts(&found.facets.modality),
            expected(matching.iter().copied(), modality)
        );
    }

    for (slug, count) in expected(&practices, slugs) {
        let found = search(
            &index,
            SearchRequest {
                right: Some(slug.clone()),
                ..SearchRequest::default()
            },
        );
        let matching: Vec<&PracticeDocument> = practices
            .iter()
            .filter(|p| slugs(p).contains(&slug))
            .collect();
        assert_eq!(keys(&found), keys_of(matching.iter().copied()), "{slug}");
        assert_eq!(found.total, count);
        assert_eq!(counts(&found.facets.right)[&slug], count);
        assert_eq!(
            counts(&found.facets.modality),
            expected(matching.iter().copied(), modality)
        );
    }
}

#[test]
fn a_right_is_found_as_tagged_and_the_filters_combine_with_words_and_each_other() {
    let practices = practices(40);
    let index = index(&practices);
    // The tag as written, in another case, finds what its slug finds.
    for (tag, slug) in [
        ("RIGHT TO EDUCATION", "right-to-education"),
        (" Right to  education ", "right-to-education"),
        ("الحَقّ في التعليم", "الحق-في-التعليم"),
        ("women’s rights", "womens-rights"),
    ] {
        let by_tag = search(
            &index,
            SearchRequest {
                right: Some(tag.into()),
                ..SearchRequest::default()
            },
        );
        let by_slug = search(
            &index,
            SearchRequest {
                right: Some(slug.into()),
                ..SearchRequest::default()
            },
        );
        assert!(by_slug.total > 0, "{slug}");
        assert_eq!(keys(&by_tag), keys(&by_slug), "{tag}");
    }

    // Words and the three filters together: exactly the practices with all of them.
    let slug = "right-to-education";
    let english = |p: &&PracticeDocument| !p.title.starts_with("المحاكم");
    let sample = practices
        .iter()
        .filter(english)
        .find(|p| slugs(p).iter().any(|s| s == slug))
        .expect("an English practice of the right to education");
    let (modality, region) = (&sample.modality, &sample.region);
    let found = search(
        &index,
        SearchRequest {
            q: "courts".into(),
            lang: Some(Language::En),
            modality: Some(modality.clone()),
            region: Some(region.clone()),
            right: Some(slug.into()),
            ..SearchRequest::default()
        },
    );
    let matching = practices.iter().filter(english).filter(|p| {
        &p.modality == modality && &p.region == region && slugs(p).iter().any(|s| s == slug)
    });
    assert!(found.total > 0);
    assert_eq!(keys(&found), keys_of(matching));

    // The search's other filters still find practices: their SDG goal and target, their States.
    let by_goal = search(
        &index,
        SearchRequest {
            sdg: Some("16".into()),
            ..SearchRequest::default()
        },
    );
    assert_eq!(keys(&by_goal), keys_of(&practices));
    let by_state = search(
        &index,
        SearchRequest {
            state: Some("KEN".into()),
            modality: Some("south-south".into()),
            ..SearchRequest::default()
        },
    );
    let matching = practices
        .iter()
        .filter(|p| p.partners.contains(&"KEN".to_owned()) && p.modality == "south-south");
    assert_eq!(keys(&by_state), keys_of(matching));
}

#[test]
fn other_records_have_none_of_the_compendiums_facets() {
    let practices = practices(30);
    let index = index(&practices);
    // The resolution is found by the words, but has no modality, region or right to count.
    let resolutions = search(
        &index,
        SearchRequest {
            q: "mobile courts".into(),
            record_type: Some(RecordType::Resolution),
            ..SearchRequest::default()
        },
    );
    assert_eq!(resolutions.total, 1);
    assert!(resolutions.facets.modality.is_empty());
    assert!(resolutions.facets.region.is_empty());
    assert!(resolutions.facets.right.is_empty());
    // Each filter leaves it out, and finds the practices with its value.
    let (modality, region) = (&practices[0].modality, &practices[0].region);
    for (request, matching) in [
        (
            SearchRequest {
                modality: Some(modality.clone()),
                ..SearchRequest::default()
            },
            keys_of(practices.iter().filter(|p| &p.modality == modality)),
        ),
        (
            SearchRequest {
                region: Some(region.clone()),
                ..SearchRequest::default()
            },
            keys_of(practices.iter().filter(|p| &p.region == region)),
        ),
    ] {
        let found = search(&index, request);
        assert_eq!(keys(&found), matching);
    }
    // Its words are a right's ("access to justice"): found by them, but not by the right.
    let justice = SearchRequest {
        lang: Some(Language::En),
        ..SearchRequest::query("justice")
    };
    let words = search(&index, justice.clone());
    assert!(keys(&words).contains(&"resolution:A/HRC/RES/56/9".to_owned()));
    let by_right = search(
        &index,
        SearchRequest {
            right: Some("access-to-justice".into()),
            ..justice
        },
    );
    // (Every practice so tagged: the English label is searched whatever the practice's language.)
    let tagged = keys_of(
        practices
            .iter()
            .filter(|p| slugs(p).iter().any(|s| s == "access-to-justice")),
    );
    assert!(!tagged.is_empty());
    assert_eq!(keys(&by_right), tagged);
    // A value no practice has matches nothing (the platform refuses values outside the
    // vocabularies before they reach the index).
    let none = search(
        &index,
        SearchRequest {
            right: Some("right-to-nothing-tagged".into()),
            ..SearchRequest::default()
        },
    );
    assert_eq!(none.total, 0);
    // Removing a practice takes it out of the counts.
    let removed = &practices[0];
    index.delete_record(&removed.record_key()).unwrap();
    let all = search(&index, SearchRequest::default());
    let rest = &practices[1..];
    assert_eq!(
        counts(&all.facets.modality),
        expected(rest, |p| vec![p.modality.clone()])
    );
    assert_eq!(counts(&all.facets.right), expected(rest, slugs));
}
