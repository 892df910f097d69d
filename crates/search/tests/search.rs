//! The search index end to end, on the seed resolution (A/HRC/RES/56/2, Arabic, read in place
//! from `../shared/seeds/`) and a few documents written here.

use std::path::PathBuf;

use chrono::NaiveDate;
use taawun_search::{
    DateBound, Language, Mode, Notice, OpenStatus, ParagraphKind, RecordType, SearchDocument,
    SearchIndex, SearchRequest, Searchable, Sort,
};

fn seed_path() -> PathBuf {
    std::env::var_os("TAAWUN_SEED")
        .map(PathBuf::from)
        .unwrap_or_else(|| taawun_testdata::shared("seeds/000_b863d33a48876efe.txt"))
}

fn seed() -> taawun_documents::Resolution {
    let bytes = std::fs::read(seed_path()).expect("the seed resolution in ../shared/seeds");
    let text = taawun_documents::decode(&bytes).expect("decodes");
    taawun_documents::parse_resolution(&text, taawun_states::Resolver::builtin()).expect("parses")
}

fn document(key: &str, language: Language, text: &str, year: i32) -> SearchDocument {
    SearchDocument {
        record_key: key.to_string(),
        record_type: RecordType::UprRecommendation,
        kind: ParagraphKind::Recommendation,
        anchor: None,
        symbol: None,
        title: format!("title of {key}"),
        language,
        text: text.to_string(),
        body: Some("upr".into()),
        session: Some(20),
        date: NaiveDate::from_ymd_opt(year, 5, 1),
        states: vec!["FRA".into(), "EGY".into()],
        review: Default::default(),
        labels: Vec::new(),
        practice: Default::default(),
    }
}

fn index_with_seed() -> SearchIndex {
    let index = SearchIndex::in_memory().unwrap();
    index.upsert(&seed()).unwrap();
    index
}

fn arabic(q: &str) -> SearchRequest {
    SearchRequest {
        q: q.to_string(),
        lang: Some(Language::Ar),
        ..SearchRequest::default()
    }
}

#[test]
fn the_seed_is_indexed_paragraph_by_paragraph() {
    taawun_testdata::require_shared!();
    let resolution = seed();
    let index = index_with_seed();
    let expected = 1 + resolution.preambular.len() + resolution.operative.len();
    assert_eq!(index.num_docs(), expected as u64);
    // Upserting again replaces, not duplicates.
    index.upsert(&resolution).unwrap();
    assert_eq!(index.num_docs(), expected as u64);
}

#[test]
fn arabic_forms_find_each_other() {
    taawun_testdata::require_shared!();
    let index = index_with_seed();
    let counts: Vec<u64> = ["التعاون", "تعاون", "والتعاون", "بالتعاون"]
        .iter()
        .map(|q| index.search(&arabic(q)).unwrap().total)
        .collect();
    assert!(counts[0] > 5, "{counts:?}");
    assert!(counts.iter().all(|c| *c == counts[0]), "{counts:?}");
    // A singular finds the broken plural: حق → حقوق.
    let right = index.search(&arabic("حق")).unwrap();
    let rights = index.search(&arabic("حقوق")).unwrap();
    assert_eq!(right.total, rights.total);
    assert!(right.total > 10);
}

#[test]
fn exact_forms_rank_first_and_snippets_mark_whole_words() {
    taawun_testdata::require_shared!();
    let index = index_with_seed();
    let results = index.search(&arabic("التعاون الدولي")).unwrap();
    assert!(results.total > 0);
    let first = &results.hits[0];
    assert!(
        first.snippet.html.contains("<mark>التعاون الدولي</mark>"),
        "{}",
        first.snippet.html
    );
    for hit in &results.hits {
        for highlight in &hit.snippet.highlights {
            let marked = &hit.snippet.text[highlight.start..highlight.end];
            let before = hit.snippet.text[..highlight.start].chars().last();
            let after = hit.snippet.text[highlight.end..].chars().next();
            assert!(before.is_none_or(|c| !c.is_alphanumeric()), "{marked}");
            assert!(after.is_none_or(|c| !c.is_alphanumeric()), "{marked}");
        }
    }
    assert_eq!(first.symbol.as_deref(), Some("A/HRC/RES/56/2"));
    assert_eq!(first.record_type, RecordType::Resolution);
    assert!(first.anchor.is_some());
}

#[test]
fn phrases_prefixes_and_exclusions() {
    taawun_testdata::require_shared!();
    let index = index_with_seed();
    let phrase = index.search(&arabic("\"التعاون الدولي\"")).unwrap().total;
    let words = index.search(&arabic("التعاون الدولي")).unwrap().total;
    assert!(phrase > 0 && phrase <= words, "{phrase} {words}");
    let prefix = index.search(&arabic("تعاو*")).unwrap();
    assert!(prefix.total >= index.search(&arabic("التعاون")).unwrap().total);
    let excluded = index.search(&arabic("التعاون -التنمية")).unwrap().total;
    let with = index.search(&arabic("التعاون التنمية")).unwrap().total;
    assert_eq!(
        excluded + with,
        index.search(&arabic("التعاون")).unwrap().total
    );
}

#[test]
fn facets_and_filters() {
    taawun_testdata::require_shared!();
    let index = index_with_seed();
    let results = index.search(&arabic("التعاون")).unwrap();
    assert_eq!(results.facets.body[0].value, "hrc");
    assert_eq!(results.facets.session[0].value, "56");
    assert_eq!(results.facets.year[0].value, "2024");
    assert_eq!(results.facets.language[0].value, "ar");
    assert!(results.facets.state.len() >= 10);
    assert!(
        results
            .facets
            .paragraph_kind
            .iter()
            .any(|k| k.value == "operative")
    );
    let operative = index
        .search(&SearchRequest {
            paragraph_kind: Some(ParagraphKind::Operative),
            ..arabic("التعاون")
        })
        .unwrap();
    assert!(operative.total > 0 && operative.total < results.total);
    assert!(
        operative
            .hits
            .iter()
            .all(|h| h.kind == ParagraphKind::Operative)
    );
    let by_state = index
        .search(&SearchRequest {
            state: Some("chn".into()),
            from: Some(DateBound::Year(2024)),
            to: Some(DateBound::Year(2024)),
            session: Some(56),
            ..arabic("التعاون")
        })
        .unwrap();
    assert_eq!(by_state.total, results.total);
    for unknown in [
        SearchRequest {
            state: Some("XXX".into()),
            ..arabic("التعاون")
        },
        SearchRequest {
            body: Some("nowhere".into()),
            ..arabic("التعاون")
        },
        SearchRequest {
            from: Some(DateBound::Year(2025)),
            ..arabic("التعاون")
        },
    ] {
        let results = index.search(&unknown).unwrap();
        assert_eq!(results.total, 0);
        assert_eq!(results.notice, Some(Notice::NoMatches));
    }
}

#[test]
fn browse_mode_lists_by_date() {
    taawun_testdata::require_shared!();
    let index = index_with_seed();
    index
        .update(|update| {
            update.add(&document(
                "upr:1",
                Language::En,
                "Ratify the convention",
                2010,
            ))?;
            update.add(&document(
                "upr:2",
                Language::En,
                "Protect journalists",
                2012,
            ))
        })
        .unwrap();
    let all = index.search(&SearchRequest::default()).unwrap();
    assert_eq!(all.mode, Mode::Browse);
    assert_eq!(all.total, index.num_docs());
    assert_eq!(all.hits[0].date, NaiveDate::from_ymd_opt(2024, 7, 10));
    let oldest = index
        .search(&SearchRequest {
            sort: Sort::Oldest,
            record_type: Some(RecordType::UprRecommendation),
            ..SearchRequest::default()
        })
        .unwrap();
    assert_eq!(oldest.total, 2);
    assert_eq!(oldest.hits[0].record_key, "upr:1");
    // Exclusions alone browse the rest.
    let rest = index
        .search(&SearchRequest {
            q: "-journalists".into(),
            record_type: Some(RecordType::UprRecommendation),
            ..SearchRequest::default()
        })
        .unwrap();
    assert_eq!(rest.total, 1);
}

#[test]
fn bad_input_never_fails_the_index() {
    taawun_testdata::require_shared!();
    let index = index_with_seed();
    let stop = index.search(&arabic("في من على")).unwrap();
    assert_eq!(stop.notice, Some(Notice::OnlyStopWords));
    let stop_en = index.search(&SearchRequest::query("the of and")).unwrap();
    assert_eq!(stop_en.notice, Some(Notice::OnlyStopWords));
    let punctuation = index.search(&SearchRequest::query("!!! ؟؟ ...")).unwrap();
    assert_eq!(punctuation.mode, Mode::Browse);
    let dangling = index.search(&arabic("\"التعاون الدولي")).unwrap();
    assert!(dangling.total > 0);
    let long = index.search(&SearchRequest::query("ح".repeat(10_000)));
    let error = long.unwrap_err();
    assert_eq!(error.parameter(), Some("q"));
    let past = index
        .search(&SearchRequest {
            page: 50,
            ..arabic("التعاون")
        })
        .unwrap();
    assert!(past.hits.is_empty());
    assert!(past.total > 0);
    assert_eq!(past.notice, Some(Notice::PageOutOfRange));
    let deep = index
        .search(&SearchRequest {
            page: 4_000_000,
            per_page: 100,
            ..arabic("التعاون")
        })
        .unwrap();
    assert_eq!(deep.notice, Some(Notice::PageOutOfRange));
    assert_eq!(deep.total, past.total);
}

#[test]
fn records_are_replaced_and_deleted_by_key() {
    let index = SearchIndex::in_memory().unwrap();
    index
        .replace_record(
            "upr:1",
            &[
                document("upr:1", Language::En, "Combat trafficking in persons", 2010),
                document(
                    "upr:1",
                    Language::Fr,
                    "Lutter contre la traite des personnes",
                    2010,
                ),
            ],
        )
        .unwrap();
    index
        .replace_record(
            "upr:2",
            &[document("upr:2", Language::En, "Abolish torture", 2011)],
        )
        .unwrap();
    assert_eq!(index.num_docs(), 3);
    let french = index
        .search(&SearchRequest {
            q: "personne".into(),
            lang: Some(Language::Fr),
            ..SearchRequest::default()
        })
        .unwrap();
    assert_eq!(french.total, 1, "personne finds personnes");
    // Without a language, English "persons" and French "personnes" both stem to "person".
    assert_eq!(
        index.search(&SearchRequest::query("person")).unwrap().total,
        2
    );
    index
        .replace_record(
            "upr:1",
            &[document("upr:1", Language::En, "Combat torture", 2010)],
        )
        .unwrap();
    assert_eq!(index.num_docs(), 2);
    assert_eq!(
        index
            .search(&SearchRequest::query("torture"))
            .unwrap()
            .total,
        2
    );
    index.delete_record("upr:2").unwrap();
    assert_eq!(index.num_docs(), 1);
    index.clear().unwrap();
    assert_eq!(index.num_docs(), 0);
}

#[test]
fn every_language_is_searchable() {
    let index = SearchIndex::in_memory().unwrap();
    let texts = [
        (
            Language::En,
            "International cooperation in the field of human rights",
        ),
        (
            Language::Fr,
            "La coopération internationale dans le domaine des droits de l'homme",
        ),
        (
            Language::Es,
            "La cooperación internacional en la esfera de los derechos humanos",
        ),
        (
            Language::Ru,
            "Международное сотрудничество в области прав человека",
        ),
        (Language::Zh, "在人权领域加强国际合作"),
        (Language::Ar, "تعزيز التعاون الدولي في ميدان حقوق الإنسان"),
    ];
    index
        .update(|update| {
            for (language, text) in texts {
                update.add(&document(&format!("doc:{language}"), language, text, 2015))?;
            }
            Ok(())
        })
        .unwrap();
    for (language, query) in [
        (Language::En, "cooperating"),
        (Language::Fr, "cooperation"),
        (Language::Es, "cooperacion"),
        (Language::Ru, "сотрудничества"),
        (Language::Zh, "国际合作"),
        (Language::Ar, "تعاون"),
        (Language::Zh, "人权"),
    ] {
        let results = index
            .search(&SearchRequest {
                q: query.into(),
                lang: Some(language),
                ..SearchRequest::default()
            })
            .unwrap();
        assert_eq!(results.total, 1, "{language} {query}");
        assert_eq!(results.hits[0].language, language);
    }
    // Without a language, the script decides: Latin letters search en, fr and es (and
    // "cooperation" is an English and, without accents, a French word, not a Spanish one).
    let latin = index.search(&SearchRequest::query("cooperation")).unwrap();
    assert_eq!(latin.total, 2);
    assert_eq!(latin.facets.language.len(), 2);
    let chinese_prefix = index
        .search(&SearchRequest {
            q: "合*".into(),
            lang: Some(Language::Zh),
            ..SearchRequest::default()
        })
        .unwrap();
    assert_eq!(chinese_prefix.total, 1);
}

#[test]
fn an_index_on_disk_reopens_and_a_foreign_format_is_rebuilt() {
    taawun_testdata::require_shared!();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("index");
    {
        let index = SearchIndex::open_or_create(&path).unwrap();
        assert_eq!(index.status(), OpenStatus::Created);
        index.upsert(&seed()).unwrap();
    }
    let index = SearchIndex::open_or_create(&path).unwrap();
    assert_eq!(index.status(), OpenStatus::Opened);
    assert!(index.num_docs() > 40);
    assert!(index.search(&arabic("التعاون")).unwrap().total > 0);
    drop(index);
    std::fs::write(path.join("taawun-search-format"), "0 old\n").unwrap();
    let index = SearchIndex::open_or_create(&path).unwrap();
    assert_eq!(index.status(), OpenStatus::Recreated);
    assert_eq!(index.num_docs(), 0);
    let stats = index
        .reindex(seed().search_documents(), Default::default())
        .unwrap();
    assert_eq!(stats.documents, index.num_docs());
}

/// An English recommendation is found by its themes' and SDGs' names in Arabic, counts once in
/// every facet, and shows the Arabic name as its snippet.
#[test]
fn the_reviews_records_are_found_in_every_language_and_counted_once() {
    use taawun_search::{
        Label, SdgBook, SdgRecord, SdgTitles, Searchable, UprPledge, UprRecommendation,
    };
    let goal_1 = SdgRecord {
        code: "1".into(),
        titles: vec![
            Label {
                language: Language::Ar,
                text: "القضاء على الفقر بجميع أشكاله في كل مكان".into(),
            },
            Label {
                language: Language::En,
                text: "End poverty in all its forms everywhere".into(),
            },
        ],
        short_titles: vec![],
    };
    let book = SdgBook::new([SdgTitles {
        code: "1".into(),
        titles: goal_1.titles.clone(),
    }]);
    let recommendation =
        |id: i64, reviewed: &str, themes: &[&str], sdgs: &[&str]| UprRecommendation {
            id,
            reviewed: reviewed.into(),
            session: 20,
            cycle: 2,
            paragraph: None,
            text: format!("Recommendation {id}: take measures to ratify the instruments"),
            recommending: vec!["FRA".into(), "BRA".into()],
            response: (id % 2 == 0).then(|| "supported".into()),
            themes: themes.iter().map(|t| t.to_string()).collect(),
            sdgs: sdgs.iter().flat_map(|s| book.for_link(s)).collect(),
        };
    let records = [
        recommendation(1, "SVN", &["Torture and other CID treatment"], &[]),
        recommendation(
            2,
            "SVN",
            &["Torture and other CID treatment", "Poverty"],
            &["1.2"],
        ),
        recommendation(3, "EGY", &["Women's rights"], &["1"]),
    ];
    let index = SearchIndex::in_memory().unwrap();
    let mut documents: Vec<SearchDocument> =
        records.iter().flat_map(|r| r.search_documents()).collect();
    documents.extend(goal_1.search_documents());
    documents.extend(
        UprPledge {
            id: 9,
            state: "SVN".into(),
            session: 20,
            cycle: 2,
            text: "Slovenia pledges to ratify the Convention".into(),
            themes: vec!["International instruments".into()],
        }
        .search_documents(),
    );
    index.reindex(documents, Default::default()).unwrap();

    let torture = index.search(&SearchRequest::query("التعذيب")).unwrap();
    assert_eq!(torture.total, 2);
    assert!(
        torture
            .hits
            .iter()
            .all(|h| h.record_type == RecordType::UprRecommendation)
    );
    assert_eq!(torture.hits[0].snippet_language, Language::Ar);
    assert!(
        torture.hits[0]
            .snippet
            .html
            .contains("<mark>التعذيب</mark>")
    );
    assert_eq!(torture.facets.reviewed[0].value, "SVN");
    assert_eq!(torture.facets.reviewed[0].count, 2);

    // SDG 1 by its Arabic title: the records linked to the goal or to one of its targets, and
    // the goal itself.
    let poverty = index
        .search(&SearchRequest {
            record_type: Some(RecordType::UprRecommendation),
            ..SearchRequest::query("القضاء على الفقر")
        })
        .unwrap();
    assert_eq!(poverty.total, 2);
    let sdg = |value: &str| {
        poverty
            .facets
            .sdg
            .iter()
            .find(|c| c.value == value)
            .map_or(0, |c| c.count)
    };
    assert_eq!((sdg("1"), sdg("1.2")), (2, 1));
    let goal = index
        .search(&SearchRequest {
            record_type: Some(RecordType::SdgGoal),
            ..SearchRequest::query("القضاء على الفقر")
        })
        .unwrap();
    assert_eq!(goal.hits[0].record_key, "sdg-goal:1");

    // English finds the text, and the filters narrow.
    let ratify = index.search(&SearchRequest::query("ratify")).unwrap();
    assert_eq!(ratify.total, 4, "three recommendations and the pledge");
    let count = |request: SearchRequest| index.search(&request).unwrap().total;
    let browse = SearchRequest::default();
    assert_eq!(
        count(SearchRequest {
            reviewed: Some("svn".into()),
            ..browse.clone()
        }),
        3
    );
    assert_eq!(
        count(SearchRequest {
            reviewed: Some("SVN".into()),
            record_type: Some(RecordType::UprPledge),
            ..browse.clone()
        }),
        1
    );
    assert_eq!(
        count(SearchRequest {
            recommending: Some("BRA".into()),
            ..browse.clone()
        }),
        3
    );
    assert_eq!(
        count(SearchRequest {
            state: Some("BRA".into()),
            ..browse.clone()
        }),
        3
    );
    assert_eq!(
        count(SearchRequest {
            state: Some("SVN".into()),
            ..browse.clone()
        }),
        3
    );
    assert_eq!(
        count(SearchRequest {
            cycle: Some(2),
            ..browse.clone()
        }),
        4
    );
    assert_eq!(
        count(SearchRequest {
            response: Some("supported".into()),
            ..browse.clone()
        }),
        1
    );
    assert_eq!(
        count(SearchRequest {
            response: Some("not-recorded".into()),
            ..browse.clone()
        }),
        2
    );
    assert_eq!(
        count(SearchRequest {
            theme: Some("Poverty".into()),
            ..browse.clone()
        }),
        1
    );
    assert_eq!(
        count(SearchRequest {
            sdg: Some("1".into()),
            ..browse.clone()
        }),
        2 + 2,
        "two links and the goal's two titles"
    );
    assert_eq!(
        count(SearchRequest {
            sdg: Some("1.2".into()),
            ..browse.clone()
        }),
        1
    );
    let all = index.search(&browse).unwrap();
    let response: u64 = all.facets.response.iter().map(|c| c.count).sum();
    assert_eq!(response, 3, "recommendations only");
    assert_eq!(all.facets.cycle[0].value, "2");
}

fn english(index: &SearchIndex, q: &str) -> taawun_search::SearchResults {
    index
        .search(&SearchRequest {
            q: q.into(),
            lang: Some(Language::En),
            ..SearchRequest::default()
        })
        .unwrap()
}

#[test]
fn words_standing_together_rank_first() {
    let index = SearchIndex::in_memory().unwrap();
    let texts = [
        // Both words, far apart, and a shorter paragraph (BM25 alone would rank it first).
        (
            "apart",
            "The climate of the talks was good. A change of the agenda was agreed.",
        ),
        (
            "together",
            "Adaptation to climate change remains a priority for the small island developing States of the Pacific region.",
        ),
        // A word between them (a stop word too counts): still together, one position apart.
        (
            "one-between",
            "The links between the climate and change in the patterns of migration across the region were discussed at length.",
        ),
    ];
    index
        .update(|update| {
            for (key, text) in texts {
                update.add(&document(key, Language::En, text, 2015))?;
            }
            Ok(())
        })
        .unwrap();
    let results = english(&index, "climate change");
    let keys: Vec<&str> = results.hits.iter().map(|h| h.record_key.as_str()).collect();
    assert_eq!(results.total, 3);
    assert_eq!(keys[2], "apart", "{keys:?}");
    assert!(results.hits.iter().all(|h| !h.partial));
}

#[test]
fn a_page_that_every_word_does_not_fill_goes_on_with_all_but_one() {
    let index = SearchIndex::in_memory().unwrap();
    let texts = [
        ("all", "Missing Kuwaiti persons and property"),
        (
            "two",
            "The fate of missing Kuwaiti and third-country nationals",
        ),
        ("one", "Missing documents were found"),
        ("other", "Kuwaiti oil exports rose"),
        ("none", "The weather was fine"),
    ];
    index
        .update(|update| {
            for (key, text) in texts {
                update.add(&document(key, Language::En, text, 2015))?;
            }
            Ok(())
        })
        .unwrap();
    // Three words: the page goes on with the documents that have two of them.
    let results = english(&index, "missing Kuwaiti persons");
    let keys: Vec<(&str, bool)> = results
        .hits
        .iter()
        .map(|h| (h.record_key.as_str(), h.partial))
        .collect();
    assert_eq!(
        results.total, 1,
        "total counts the documents with every word"
    );
    assert_eq!(keys, [("all", false), ("two", true)]);
    assert_eq!(results.notice, None);
    // Two words: one is enough, the rarer word's documents first.
    let results = english(&index, "Kuwaiti persons");
    assert_eq!(results.total, 1);
    assert_eq!(results.hits[0].record_key, "all");
    assert!(results.hits[1..].iter().all(|h| h.partial));
    assert_eq!(results.hits.len(), 3, "all, two and other have Kuwaiti");
    // No document with every word: the partial ones are the hits, without the notice.
    let results = english(&index, "Kuwaiti weather");
    assert_eq!(results.total, 0);
    assert!(!results.hits.is_empty() && results.hits.iter().all(|h| h.partial));
    assert_eq!(results.notice, None);
    // Exclusions and phrases are kept; one word is not relaxed.
    let results = english(&index, "missing Kuwaiti persons -third");
    assert_eq!(results.hits.len(), 1);
    let results = english(&index, "\"missing documents\" Kuwaiti");
    assert!(
        results.hits.is_empty(),
        "a phrase and one word: nothing to relax"
    );
    let results = english(&index, "nothing");
    assert_eq!(results.notice, Some(Notice::NoMatches));
    // A full first page is not extended, and later pages never are.
    let results = index
        .search(&SearchRequest {
            q: "missing Kuwaiti persons".into(),
            lang: Some(Language::En),
            per_page: 1,
            ..SearchRequest::default()
        })
        .unwrap();
    assert_eq!(results.hits.len(), 1);
    assert!(!results.hits[0].partial);
}
