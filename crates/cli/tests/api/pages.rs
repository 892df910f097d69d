use crate::helpers::spawn_app;

#[tokio::test]
async fn english_by_default_arabic_from_accept_language() {
    let app = spawn_app().await;
    let english = app.get("/").await.text().await.unwrap();
    assert!(english.contains(r#"<html lang="en" dir="ltr">"#));
    let arabic = app
        .get_with("/", "accept-language", "ar-SA,ar;q=0.9,en;q=0.5")
        .await
        .text()
        .await
        .unwrap();
    assert!(arabic.contains(r#"<html lang="ar" dir="rtl">"#));
    assert!(arabic.contains("تعاون"));
}

#[tokio::test]
async fn the_switcher_sets_a_cookie_and_returns_to_the_page() {
    let app = spawn_app().await;
    let response = app.get("/lang/ar?next=/states/CMR").await;
    assert_eq!(response.status(), 303);
    assert_eq!(response.headers()["location"], "/states/CMR");
    let cookie = response.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(cookie.starts_with("taawun_lang=ar") && cookie.contains("HttpOnly"));

    let page = app
        .get_with("/states/CMR", "cookie", "taawun_lang=ar")
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains(r#"dir="rtl""#));
    assert!(page.contains(taawun_states::by_iso3("CMR").unwrap().names.ar));
    // The cookie wins over Accept-Language.
    let page = app
        .client
        .get(app.url("/states/CMR"))
        .header("cookie", "taawun_lang=en")
        .header("accept-language", "ar")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains(r#"<html lang="en" dir="ltr">"#));
}

#[tokio::test]
async fn the_switcher_never_sends_people_elsewhere() {
    let app = spawn_app().await;
    for next in ["//evil.example/", "https://evil.example/", "/\\evil"] {
        let response = app
            .client
            .get(app.url("/lang/en"))
            .query(&[("next", next)])
            .send()
            .await
            .unwrap();
        assert_eq!(response.headers()["location"], "/", "{next}");
    }
    assert_eq!(app.get("/lang/xx").await.status(), 404);
}

#[tokio::test]
async fn a_state_page_shows_its_six_names_with_their_own_direction() {
    let app = spawn_app().await;
    let page = app.get("/states/VNM").await.text().await.unwrap();
    let state = taawun_states::by_iso3("VNM").unwrap();
    for (lang, name) in [
        ("ar", state.names.ar),
        ("zh", state.names.zh),
        ("ru", state.names.ru),
    ] {
        let dir = if lang == "ar" { "rtl" } else { "ltr" };
        assert!(
            page.contains(&format!(r#"lang="{lang}" dir="{dir}">{name}<"#)),
            "{lang} name"
        );
    }
    // Codes inside possibly right-to-left text are isolated.
    assert!(page.contains(r#"<bdi dir="ltr" class="code">VNM</bdi>"#));
}

#[tokio::test]
async fn the_list_page_filters_pages_and_shows_an_empty_state() {
    let app = spawn_app().await;
    let page = app
        .get("/states?group=african&status=member&per_page=20")
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("/states/CMR") || page.contains("page=2"));
    assert!(page.contains("aria-label=\"Pages\""));
    let empty = app.get("/states?q=zzzzqqq").await.text().await.unwrap();
    assert!(empty.contains("class=\"empty\""));
}

#[tokio::test]
async fn errors_are_pages_in_the_users_language() {
    let app = spawn_app().await;
    let response = app
        .get_with("/states/QQQ", "cookie", "taawun_lang=ar")
        .await;
    assert_eq!(response.status(), 404);
    let page = response.text().await.unwrap();
    assert!(page.contains(r#"<html lang="ar" dir="rtl">"#) && page.contains("QQQ"));

    let response = app.get("/states?group=nordic").await;
    assert_eq!(response.status(), 400);
    assert!(response.text().await.unwrap().contains("group"));

    let response = app.get("/no/such/page").await;
    assert_eq!(response.status(), 404);
    assert!(
        response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
}

#[tokio::test]
async fn the_resolver_page_explains_its_answer() {
    let app = spawn_app().await;
    let response = app
        .client
        .get(app.url("/states/resolve"))
        .query(&[("name", "الكامبيون")])
        .send()
        .await
        .unwrap();
    let page = response.text().await.unwrap();
    assert!(page.contains("/states/CMR"));
    assert!(page.contains("close match"));
}

/// The sources page names each dataset the platform imports and says the records are not the
/// official ones, in both interface languages; every page links to it.
#[tokio::test]
async fn the_sources_page_says_where_every_record_comes_from() {
    let app = spawn_app().await;
    for (lang, not_official, dataset, cohesion) in [
        ("en", "not the official records", "Voeten", "Hix"),
        ("ar", "وليست السجلات الرسمية", "فوتن", "هيكس"),
    ] {
        let response = app
            .get_with("/about/sources", "accept-language", lang)
            .await;
        assert_eq!(response.status(), 200);
        let page = response.text().await.unwrap();
        assert!(page.contains(not_official), "{lang}: {page}");
        assert!(page.contains(dataset), "{lang}");
        assert!(page.contains("world-atlas"), "{lang}");
        assert!(page.contains(cohesion), "{lang}: cohesion's index is named");
        let home = app.get_with("/", "accept-language", lang).await;
        assert!(
            home.text()
                .await
                .unwrap()
                .contains("href=\"/about/sources\"")
        );
    }
}

/// The API page lists every operation of the OpenAPI document, in both languages, with each
/// group named in the page's language; the menu's "API" leads to it, not to raw JSON.
#[tokio::test]
async fn the_api_page_lists_every_operation_of_the_document() {
    let app = spawn_app().await;
    let (status, doc) = app.get_json("/api/openapi.json").await;
    assert_eq!(status, 200);
    let paths: Vec<&String> = doc["paths"].as_object().unwrap().keys().collect();
    assert!(paths.len() > 20, "{}", paths.len());
    for lang in ["en", "ar"] {
        let response = app.get_with("/about/api", "accept-language", lang).await;
        assert_eq!(response.status(), 200);
        let page = response.text().await.unwrap();
        for path in &paths {
            // Askama escapes nothing in a path but `&`, which no path has.
            assert!(page.contains(&format!(">{path}</bdi>")), "{lang}: {path}");
        }
        assert!(!page.contains("api-tag-"), "{lang}: every group is named");
        assert!(
            page.contains("href=\"/about/api\""),
            "{lang}: the menu leads here"
        );
        assert!(!page.contains("<a href=\"/api/openapi.json\">API</a>"));
    }
}

/// The home page: a search box first; what the platform holds, counted from the records (the
/// texts, each body's roll calls and their first and last dates) and only that; the latest
/// sessions.
#[tokio::test]
async fn the_home_page_says_what_the_platform_holds() {
    if !taawun_testdata::available("the home page over the Council's voting records") {
        return;
    }
    let app = spawn_app().await;
    let hrc = crate::votes::hrc();
    app.store
        .import_votes(&taawun_store::ChangeContext::command_line(), &hrc, &|_| {})
        .await
        .unwrap();
    let page = app
        .get_with("/", "accept-language", "en")
        .await
        .text()
        .await
        .unwrap()
        .replace(['\u{2068}', '\u{2069}'], "");
    let search = page.find("id=\"home-search\"").expect("a search box");
    let holdings = page.find("id=\"holdings\"").expect("what it holds");
    assert!(search < holdings, "the search box comes first");
    let texts = app.store.count_resolutions().await.unwrap();
    let texts_line = match texts {
        1 => "One resolution text".to_owned(),
        n => format!("{n} resolution texts"),
    };
    assert!(page.contains(&texts_line), "{texts_line}");
    let first = hrc.roll_calls.iter().map(|r| r.date).min().unwrap();
    let last = hrc.roll_calls.iter().map(|r| r.date).max().unwrap();
    let english = |d: chrono::NaiveDate| d.format("%-d %B %Y").to_string();
    assert!(
        page.contains(&format!(
            "Human Rights Council: {} recorded votes, from {} to {}",
            hrc.roll_calls.len(),
            english(first),
            english(last)
        )),
        "{page}"
    );
    let newest = hrc.roll_calls.iter().max_by_key(|r| r.date).unwrap();
    let session = newest.session.unwrap();
    let in_session = hrc
        .roll_calls
        .iter()
        .filter(|r| r.session == Some(session))
        .count();
    assert!(page.contains(&format!(
        "Human Rights Council, session {session}: {in_session} recorded votes"
    )));
    assert!(page.contains(&format!(
        "href=\"/resolutions?body=human-rights-council&#38;session={session}\""
    )));
    // No promise of parts not built.
    for unbuilt in [
        "Universal Periodic Review",
        "voluntary funds",
        "best practices",
    ] {
        assert!(!page.contains(unbuilt), "{unbuilt}");
    }
}

/// Every font the stylesheet declares is served, as WOFF2 from the binary, and the charts name
/// the same families.
#[tokio::test]
async fn the_fonts_the_stylesheet_declares_are_served() {
    let app = spawn_app().await;
    let css = app.get("/static/style.css").await.text().await.unwrap();
    let urls: Vec<&str> = css
        .split("url(\"")
        .skip(1)
        .map(|rest| &rest[..rest.find('"').unwrap()])
        .collect();
    assert!(urls.len() >= 4, "{urls:?}");
    for url in &urls {
        let response = app.get(url).await;
        assert_eq!(response.status(), 200, "{url}");
        assert_eq!(response.headers()["content-type"], "font/woff2", "{url}");
        let bytes = response.bytes().await.unwrap();
        assert_eq!(&bytes[..4], b"wOF2", "{url} is WOFF2");
    }
    assert_eq!(app.get("/static/fonts/nothing.woff2").await.status(), 404);
    let seed = app
        .get("/resolutions/A/HRC/RES/56/2")
        .await
        .text()
        .await
        .unwrap();
    assert!(seed.contains("<svg"), "the seed's vote is drawn");
    for family in ["Noto Naskh Arabic", "Noto Sans"] {
        assert!(
            css.contains(&format!("font-family: \"{family}\"")),
            "{family}"
        );
        assert!(
            seed.contains(&format!("&quot;{family}&quot;")),
            "{family} in the charts"
        );
    }
}
