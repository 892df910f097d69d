//! Properties: no input makes the analysers, the query parser or a search panic, and analysis
//! keeps its promises (offsets on character boundaries, stems no longer than their words).

use proptest::prelude::*;
use std::sync::OnceLock;
use taawun_search::analysis::{
    AnalyzerChoice, FieldKind, Stage, analyze, analyzer, arabic, normalize,
};
use taawun_search::{
    Language, ParagraphKind, RecordType, SearchDocument, SearchIndex, SearchRequest, query,
};

/// Text mixing what users and PDFs produce: Arabic letters and marks, tatweel, Persian
/// letters, presentation forms, Latin with accents, Cyrillic, Han, digits, RTL/LTR marks,
/// quotes, minus signs, stars, spaces.
fn messy_text() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        "[ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئىة]{1,8}",
        "[\u{064B}-\u{0652}\u{0640}\u{0670}]{1,3}",
        "[کیہەۃ\u{FE8D}-\u{FEFC}\u{FB50}-\u{FB60}]{1,4}",
        "(ال|وال|بال|لل|و|ف)[ا-ي]{0,6}(ات|ون|ين|ها|هم|ة|ية)?",
        "[a-zA-ZéèàçñüœÉ]{1,10}",
        "[а-яА-ЯёЁ]{1,10}",
        "[\u{4E00}-\u{4E80}]{1,6}",
        "[0-9٠-٩]{1,4}",
        "[\u{200E}\u{200F}\u{202A}-\u{202E}\u{2066}-\u{2069}\u{200C}\u{200D}]",
        "[\"“”«»*\\-−' ]{1,3}",
        "\\PC{1,6}",
    ];
    prop::collection::vec(pieces, 0..12).prop_map(|parts| parts.join(""))
}

fn seeded_index() -> &'static SearchIndex {
    static INDEX: OnceLock<SearchIndex> = OnceLock::new();
    INDEX.get_or_init(|| {
        let index = SearchIndex::in_memory().unwrap();
        let texts = [
            (
                Language::Ar,
                "وإذ يؤكد أهمية تعزيز التعاون الدولي في ميدان حقوق الإنسان",
            ),
            (
                Language::En,
                "Stresses the importance of technical cooperation",
            ),
            (Language::Zh, "加强人权领域的国际合作"),
            (Language::Ru, "Международное сотрудничество"),
        ];
        index
            .update(|update| {
                for (i, (language, text)) in texts.into_iter().enumerate() {
                    update.add(&SearchDocument {
                        record_key: format!("doc:{i}"),
                        record_type: RecordType::Resolution,
                        kind: ParagraphKind::Operative,
                        anchor: Some(format!("op-{i}")),
                        symbol: None,
                        title: String::new(),
                        language,
                        text: text.to_string(),
                        body: Some("hrc".into()),
                        session: Some(56),
                        date: None,
                        states: Vec::new(),
                        review: Default::default(),
                        labels: Vec::new(),
                        practice: Default::default(),
                    })?;
                }
                Ok(())
            })
            .unwrap();
        index
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn analysers_never_panic_and_offsets_are_char_boundaries(text in messy_text()) {
        for choice in AnalyzerChoice::ALL {
            for language in Language::ALL {
                for kind in [FieldKind::Stemmed, FieldKind::Exact, FieldKind::Words] {
                    for stage in [Stage::Index, Stage::Query] {
                        let mut analyzer = analyzer(choice, language, kind, stage);
                        for token in analyze(&mut analyzer, &text) {
                            prop_assert!(text.is_char_boundary(token.offset_from));
                            prop_assert!(text.is_char_boundary(token.offset_to));
                            prop_assert!(token.offset_from <= token.offset_to);
                            // tantivy's Snowball Arabic stemmer turns a lone tatweel into an
                            // empty term; ours never emits one.
                            prop_assert!(choice != AnalyzerChoice::Taawun || !token.text.is_empty());
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn arabic_stems_are_never_longer_than_their_words(word in "[ابتثجحخدذرزسشصضطظعغفقكلمنهوي]{0,12}") {
        let mut normalized = String::new();
        normalize::normalize_word(&word, Default::default(), &mut normalized);
        let stem = arabic::stem(&normalized);
        // Table entries may be longer than a plural (قضايا → قضي): allow the singular's length.
        prop_assert!(stem.chars().count() <= normalized.chars().count() + 2);
        prop_assert!(!stem.is_empty() || normalized.is_empty());
    }

    #[test]
    fn the_query_parser_never_panics(text in messy_text()) {
        if let Ok(clauses) = query::parse(&text) {
            prop_assert!(clauses.len() <= taawun_search::MAX_QUERY_TERMS);
        }
    }

    #[test]
    fn searches_never_fail_on_any_query(text in messy_text(), lang in 0usize..7) {
        let index = seeded_index();
        let request = SearchRequest {
            q: text,
            lang: Language::ALL.get(lang).copied(),
            ..SearchRequest::default()
        };
        match index.search(&request) {
            Ok(results) => {
                for hit in &results.hits {
                    for highlight in &hit.snippet.highlights {
                        prop_assert!(hit.snippet.text.is_char_boundary(highlight.start));
                        prop_assert!(hit.snippet.text.is_char_boundary(highlight.end));
                    }
                }
            }
            Err(error) => prop_assert!(error.parameter().is_some(), "{error}"),
        }
    }

}

proptest! {
    // Each case builds an index (and its writer threads): fewer cases.
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn any_text_can_be_indexed_and_found_again(text in messy_text(), lang in 0usize..6) {
        let index = SearchIndex::in_memory().unwrap();
        let language = Language::ALL[lang];
        let document = SearchDocument {
            record_key: "doc".into(),
            record_type: RecordType::Event,
            kind: ParagraphKind::Text,
            anchor: None,
            symbol: None,
            title: text.clone(),
            language,
            text: text.clone(),
            body: None,
            session: None,
            date: None,
            states: vec![text.clone()],
            review: Default::default(),
            labels: Vec::new(),
            practice: Default::default(),
        };
        index.replace_record("doc", &[document]).unwrap();
        prop_assert_eq!(index.num_docs(), 1);
        let results = index.search(&SearchRequest {
            q: text.chars().take(400).collect(),
            lang: Some(language),
            ..SearchRequest::default()
        });
        prop_assert!(results.is_ok() || results.unwrap_err().parameter().is_some());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// The review's and the SDGs' builders take whatever text a source gives (any theme name,
    /// State code, SDG code or title), and what they build is indexed and searched, in any
    /// language, with any of the review's filters.
    #[test]
    fn the_reviews_records_are_built_indexed_and_searched_whatever_their_text(
        text in messy_text(),
        theme in messy_text(),
        code in messy_text(),
        title in messy_text(),
        query_text in messy_text(),
        lang in 0usize..6,
        known_theme in 0usize..54,
    ) {
        use taawun_search::{Label, SdgBook, SdgRecord, SdgTitles, Searchable, UprPledge, UprRecommendation};
        let language = Language::ALL[lang];
        let titles = vec![Label { language, text: title.clone() }];
        let book = SdgBook::new([SdgTitles { code: code.clone(), titles: titles.clone() }]);
        let recommendation = UprRecommendation {
            id: 1,
            reviewed: code.clone(),
            session: 3,
            cycle: 1,
            paragraph: Some(title.clone()),
            text: text.clone(),
            recommending: vec![code.clone(), text.clone()],
            response: Some(theme.clone()),
            themes: vec![
                theme.clone(),
                taawun_upr::themes::THEMES[known_theme].name.to_owned(),
            ],
            sdgs: book.for_link(&code),
        };
        let pledge = UprPledge {
            id: 2,
            state: theme.clone(),
            session: 0,
            cycle: 0,
            text: text.clone(),
            themes: vec![theme.clone()],
        };
        let sdg = SdgRecord { code: code.clone(), titles: titles.clone(), short_titles: titles };
        let documents: Vec<SearchDocument> = recommendation
            .search_documents()
            .into_iter()
            .chain(pledge.search_documents())
            .chain(sdg.search_documents())
            .collect();
        prop_assert!(documents.len() >= 2);
        let index = SearchIndex::in_memory().unwrap();
        index.reindex(documents, Default::default()).unwrap();
        let results = index.search(&SearchRequest {
            q: query_text.chars().take(400).collect(),
            reviewed: Some(code.clone()),
            theme: Some(theme.clone()),
            sdg: Some(code),
            response: Some(theme),
            cycle: Some(1),
            ..SearchRequest::default()
        });
        prop_assert!(results.is_ok() || results.unwrap_err().parameter().is_some());
        let arabic = index.search(&SearchRequest::query("التعذيب حقوق المرأة"));
        prop_assert!(arabic.is_ok());
    }
}
