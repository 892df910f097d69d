//! Implementation plans end to end: who sees a plan before and after publication, CSRF on every
//! form (the multipart upload too), two people editing one action, evidence uploads refused by
//! size and type with the field named, downloads, the owner's dashboard, and the reminders
//! command.

use taawun_accounts::RoleGrant;
use taawun_store::upr::{IncomingRecommendation, SourceRef};

use crate::accounts::{Browser, invited_user};
use crate::helpers::{TestApp, spawn_app, succeeded, taawun};

fn recommendation(text: &str, line: u64, themes: &[&str]) -> IncomingRecommendation {
    IncomingRecommendation {
        key: taawun_upr::model::recommendation_key("QAT", 47, text),
        reviewed: "QAT".into(),
        session: 47,
        cycle: taawun_upr::cycle_of_session(47).unwrap(),
        text: text.into(),
        paragraph: None,
        recommending: vec!["FRA".into()],
        response: None,
        action: None,
        themes: themes.iter().map(|t| t.to_string()).collect(),
        groups: vec![],
        sdgs: vec![],
        assessment: None,
        sources: vec![SourceRef {
            kind: "upr-info".into(),
            file: "test.csv".into(),
            line,
        }],
    }
}

async fn with_recommendations() -> TestApp {
    let app = spawn_app().await;
    app.store
        .upr()
        .import_upr(
            &taawun_store::ChangeContext::command_line(),
            vec![
                recommendation("Ratify the Convention against Torture.", 1, &["Torture"]),
                recommendation("Criminalise domestic violence.", 2, &["Women's rights"]),
                recommendation("Train the police on torture.", 3, &["Torture"]),
            ],
            vec![],
            &|_| {},
        )
        .await
        .unwrap();
    app
}

fn role(slug: &str, state: Option<&str>) -> RoleGrant {
    RoleGrant::from_parts(slug, state, None).unwrap()
}

/// The page's text without Fluent's isolation marks around arguments.
async fn plain(response: reqwest::Response) -> String {
    response
        .text()
        .await
        .unwrap()
        .replace(['\u{2068}', '\u{2069}'], "")
}

fn location(response: &reqwest::Response) -> String {
    response
        .headers()
        .get("location")
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default()
}

/// Posts the status form as a browser does (multipart), with an optional file.
async fn post_status(
    browser: &Browser,
    path: &str,
    fields: &[(&str, &str)],
    file: Option<(&str, Vec<u8>)>,
) -> reqwest::Response {
    let mut form = reqwest::multipart::Form::new();
    for (name, value) in fields {
        form = form.text(name.to_string(), value.to_string());
    }
    if let Some((name, bytes)) = file {
        form = form.part(
            "file",
            reqwest::multipart::Part::bytes(bytes).file_name(name.to_owned()),
        );
    }
    browser
        .client
        .post(format!("{}{path}", browser.base))
        .multipart(form)
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn a_plan_is_the_states_until_published_and_nothing_is_lost() {
    let app = with_recommendations().await;
    let qatar = invited_user(
        &app,
        "focal@qatar.example",
        "Qatar focal point",
        role("focal-point", Some("QAT")),
    )
    .await;
    let france = invited_user(
        &app,
        "focal@france.example",
        "France focal point",
        role("focal-point", Some("FRA")),
    )
    .await;
    let secretariat = invited_user(
        &app,
        "ohchr@example.org",
        "Secretariat",
        role("secretariat", None),
    )
    .await;
    let public = Browser::new(&app);

    // No plan yet: the State's focal point is offered to make one; nobody else learns anything.
    let (status, html) = qatar.page("/upr/states/QAT/plan").await;
    assert_eq!(status, 200);
    assert!(html.contains("Create the plan"), "{html}");
    assert_eq!(public.page("/upr/states/QAT/plan").await.0, 404);

    // The form needs its CSRF token.
    let refused = qatar.post("/upr/states/QAT/plan", &[]).await;
    assert_eq!(refused.status(), 403);
    let csrf = qatar.csrf("/upr/states/QAT/plan").await;
    let created = qatar.post("/upr/states/QAT/plan", &[("csrf", &csrf)]).await;
    assert_eq!(created.status(), 303);
    let plan = app
        .store
        .plans()
        .plan_of("QAT", None)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(plan.cycle, 4);
    let names: Vec<&str> = plan.clusters.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["Torture", "Women's rights"]);
    assert!(!plan.published);

    // Unpublished: another State's focal point and the public get 404; the secretariat reads it.
    assert_eq!(france.page("/upr/states/QAT/plan").await.0, 404);
    assert_eq!(public.page("/upr/states/QAT/plan").await.0, 404);
    assert_eq!(app.get("/api/v1/upr/states/QAT/plan").await.status(), 404);
    assert_eq!(secretariat.page("/upr/states/QAT/plan").await.0, 200);
    let csrf_fr = france.csrf("/account").await;
    let sneaky = france
        .post(
            "/upr/states/QAT/plan/actions",
            &[
                ("csrf", &csrf_fr),
                ("title", "x"),
                ("lead_institution", "y"),
            ],
        )
        .await;
    assert_eq!(sneaky.status(), 404);

    // An action, owned by the focal point, due in ten days.
    let torture = plan.clusters[0].id.to_string();
    let owner = app
        .store
        .accounts()
        .list_users(&Default::default(), Default::default())
        .await
        .unwrap()
        .items
        .into_iter()
        .find(|u| u.email == "focal@qatar.example")
        .unwrap()
        .id
        .to_string();
    let due = taawun_plans::date_text(taawun_plans::today() + chrono::Duration::days(10));
    let rec = plan.clusters[0].recommendations[0].to_string();
    let rec_field = format!("rec_{rec}");
    let new = qatar
        .post(
            "/upr/states/QAT/plan/actions",
            &[
                ("csrf", &csrf),
                ("cluster", &torture),
                ("title", "Ratify the Convention"),
                ("lead_institution", "Ministry of Foreign Affairs"),
                ("start_date", "2026-01-01"),
                ("due_date", &due),
                ("indicator_1_name", "Instrument deposited"),
                ("indicator_1_baseline", "No"),
                ("indicator_1_target", "Yes"),
                ("budget_amount", "12000"),
                ("budget_currency", "qar"),
                ("owner", &owner),
                (&rec_field, "1"),
            ],
        )
        .await;
    assert_eq!(new.status(), 303, "{}", new.text().await.unwrap());
    let action_path = location(&new);
    let (status, html) = qatar.page(&action_path).await;
    assert_eq!(status, 200);
    assert!(html.contains("Instrument deposited") && html.contains("12000.00 QAR"));

    // Wrong fields are named.
    let bad = qatar
        .post(
            "/upr/states/QAT/plan/actions",
            &[
                ("csrf", &csrf),
                ("cluster", &torture),
                ("title", "x"),
                ("lead_institution", "y"),
                ("start_date", "2026-05-01"),
                ("due_date", "2026-04-01"),
                ("budget_amount", "-3"),
            ],
        )
        .await;
    assert_eq!(bad.status(), 400);
    let html = plain(bad).await;
    assert!(
        html.contains("Due date: the due date is before the start date."),
        "{html}"
    );
    assert!(html.contains("Budget: write an amount"), "{html}");

    // Two people edit version 1: the second is told, sees the first one's version, keeps theirs.
    let edit = |title: &'static str| {
        vec![
            ("cluster", torture.clone()),
            ("title", title.to_owned()),
            ("lead_institution", "Ministry of Foreign Affairs".to_owned()),
            ("due_date", due.clone()),
            ("owner", owner.clone()),
            ("version", "1".to_owned()),
        ]
    };
    let csrf_sec = secretariat.csrf(&action_path).await;
    let mut first: Vec<(&str, String)> = edit("Ratify the Convention against Torture");
    first.push(("csrf", csrf.clone()));
    let first: Vec<(&str, &str)> = first.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(qatar.post(&action_path, &first).await.status(), 303);
    let mut second: Vec<(&str, String)> = edit("Ratify CAT and its Optional Protocol");
    second.push(("csrf", csrf_sec.clone()));
    let second: Vec<(&str, &str)> = second.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let conflict = secretariat.post(&action_path, &second).await;
    assert_eq!(conflict.status(), 409);
    let html = plain(conflict).await;
    assert!(html.contains("Someone else changed this action"), "{html}");
    assert!(html.contains("Ratify the Convention against Torture"));
    assert!(html.contains("value=\"Ratify CAT and its Optional Protocol\""));
    assert!(html.contains("name=\"version\" value=\"2\""));
    let stored = app
        .store
        .plans()
        .plan_of("QAT", None)
        .await
        .unwrap()
        .unwrap()
        .actions[0]
        .clone();
    assert_eq!(stored.title, "Ratify the Convention against Torture");

    // Status changes: CSRF required, the file checked by its bytes, the field named.
    let status_path = format!("{action_path}/status");
    let no_csrf = post_status(
        &qatar,
        &status_path,
        &[("version", "2"), ("status", "in-progress")],
        None,
    )
    .await;
    assert_eq!(no_csrf.status(), 403);
    let exe = post_status(
        &qatar,
        &status_path,
        &[("csrf", &csrf), ("version", "2"), ("status", "in-progress")],
        Some(("report.pdf", b"MZ\x90\x00\x03\x00\x00\x00".to_vec())),
    )
    .await;
    assert_eq!(exe.status(), 415);
    assert!(
        plain(exe)
            .await
            .contains("Evidence file: this type of file is not accepted")
    );
    let big = post_status(
        &qatar,
        &status_path,
        &[("csrf", &csrf), ("version", "2"), ("status", "in-progress")],
        Some(("big.txt", vec![b'a'; taawun_plans::MAX_EVIDENCE_BYTES + 1])),
    )
    .await;
    assert_eq!(big.status(), 413);
    assert!(
        plain(big)
            .await
            .contains("Evidence file: the file is larger than 10 MiB.")
    );
    let script = post_status(
        &qatar,
        &status_path,
        &[
            ("csrf", &csrf),
            ("version", "2"),
            ("status", "in-progress"),
            ("link", "javascript:alert(1)"),
        ],
        None,
    )
    .await;
    assert_eq!(script.status(), 400);
    assert!(
        plain(script)
            .await
            .contains("Link (http or https): give a whole address")
    );
    let done = post_status(
        &qatar,
        &status_path,
        &[
            ("csrf", &csrf),
            ("version", "2"),
            ("status", "in-progress"),
            ("note", "Bill before the Shura Council"),
            ("link", "https://example.org/bill"),
        ],
        Some((
            "minutes.txt",
            "Minutes of the meeting\n".as_bytes().to_vec(),
        )),
    )
    .await;
    assert_eq!(done.status(), 303);
    let (_, html) = qatar.page(&action_path).await;
    let evidence = regex::Regex::new(r#"href="(/upr/states/QAT/plan/evidence/\d+)""#)
        .unwrap()
        .captures(&html)
        .unwrap()[1]
        .to_owned();
    let file = qatar.get(&evidence).await;
    assert_eq!(file.status(), 200);
    assert!(
        file.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .contains("minutes.txt")
    );
    assert_eq!(file.text().await.unwrap(), "Minutes of the meeting\n");
    assert_eq!(public.get(&evidence).await.status(), 404);

    // The owner's dashboard lists the action due in ten days.
    let (_, account) = qatar.page("/account").await;
    assert!(
        account.contains("Your plan actions due within 30 days"),
        "{account}"
    );
    assert!(account.contains("Ratify the Convention against Torture"));

    // The secretariat may not publish; the State's focal point does.
    let refused = secretariat
        .post(
            "/upr/states/QAT/plan/publication",
            &[("csrf", &csrf_sec), ("published", "1")],
        )
        .await;
    assert_eq!(refused.status(), 403);
    let published = qatar
        .post(
            "/upr/states/QAT/plan/publication",
            &[("csrf", &csrf), ("published", "1")],
        )
        .await;
    assert_eq!(published.status(), 303);
    let (status, html) = public.page("/upr/states/QAT/plan").await;
    assert_eq!(status, 200);
    assert!(html.contains("Ratify the Convention against Torture"));
    assert!(!html.contains("Add an action"), "the public reads only");
    assert_eq!(public.get(&evidence).await.status(), 200);
    let (status, json) = app.get_json("/api/v1/upr/states/QAT/plan").await;
    assert_eq!(status, 200);
    assert_eq!(json["published"], true);
    assert_eq!(json["actions"][0]["status"], "in-progress");
    assert_eq!(json["progress"]["in_progress"], 1);
    assert!(json["actions"][0].get("owner_user_id").is_none());
    // Reading is all the public and other States may do.
    let anonymous = public.post(&action_path, &first).await;
    assert!(location(&anonymous).starts_with("/sign-in"));
    assert_eq!(france.page("/upr/states/QAT/plan").await.0, 200);
    assert_eq!(
        france
            .post(&action_path, &[("csrf", &csrf_fr)])
            .await
            .status(),
        403
    );

    // Every change is in the audit trail.
    let entries = app
        .store
        .accounts()
        .audit_entries(
            &taawun_store::AuditFilter {
                record_type: Some("upr-plan-action".into()),
                ..Default::default()
            },
            Default::default(),
        )
        .await
        .unwrap();
    let actions: Vec<&str> = entries.items.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(actions, ["change-status", "update", "create"]);
}

#[tokio::test]
async fn the_reminders_command_sends_once_a_day() {
    let dir = tempfile::tempdir().unwrap();
    let run = || {
        let mut command = taawun();
        command
            .args(["upr", "reminders", "--date", "2026-06-01", "--data-dir"])
            .arg(dir.path())
            .env("TAAWUN_DATABASE_URL", "");
        succeeded(&mut command)
    };
    assert!(run().contains("Reminders of 2026-06-01: 0 e-mail(s)"));
    assert!(run().contains("sent already"));
}

#[tokio::test]
async fn the_mid_term_report_says_what_the_plan_holds_in_html_and_pdf() {
    let app = with_recommendations().await;
    let qatar = invited_user(
        &app,
        "focal@qatar.example",
        "Qatar focal point",
        role("focal-point", Some("QAT")),
    )
    .await;
    let public = Browser::new(&app);
    let csrf = qatar.csrf("/upr/states/QAT/plan").await;
    assert_eq!(
        qatar
            .post("/upr/states/QAT/plan", &[("csrf", &csrf)])
            .await
            .status(),
        303
    );
    let plan = app
        .store
        .plans()
        .plan_of("QAT", None)
        .await
        .unwrap()
        .unwrap();
    let first = plan.clusters[0].id.to_string();
    for title in ["Ratify the Convention", "Train prison staff"] {
        let created = qatar
            .post(
                "/upr/states/QAT/plan/actions",
                &[
                    ("csrf", &csrf),
                    ("cluster", &first),
                    ("title", title),
                    ("lead_institution", "Ministry of Justice"),
                    ("due_date", "2027-06-30"),
                ],
            )
            .await;
        assert_eq!(created.status(), 303);
    }
    let plan = app
        .store
        .plans()
        .plan_of("QAT", None)
        .await
        .unwrap()
        .unwrap();

    // Unpublished: the State's focal point reads the report; the public learns nothing.
    assert_eq!(public.page("/upr/states/QAT/plan/report").await.0, 404);
    assert_eq!(public.page("/upr/states/QAT/plan/report.pdf").await.0, 404);
    let (status, html) = qatar.page("/upr/states/QAT/plan").await;
    assert_eq!(status, 200);
    assert!(html.contains("href=\"/upr/states/QAT/plan/report\""));

    // The English report: its counts are the plan's.
    let (status, html) = qatar.page("/upr/states/QAT/plan/report?language=en").await;
    assert_eq!(status, 200);
    let html = html.replace(['\u{2068}', '\u{2069}'], "");
    let recommendations: usize = plan.clusters.iter().map(|c| c.recommendations.len()).sum();
    let overview = format!(
        "The implementation plan of Qatar groups {recommendations} recommendations in {} clusters, with {} actions.",
        plan.clusters.len(),
        plan.actions.len()
    );
    assert!(html.contains(&overview), "{html}");
    assert!(html.contains("lang=\"en\" dir=\"ltr\""));
    let implemented = plan
        .actions
        .iter()
        .filter(|a| a.status == taawun_plans::Status::Implemented)
        .count();
    assert!(html.contains(&format!(
        "{implemented} of {} actions implemented",
        plan.actions.len()
    )));
    for action in &plan.actions {
        assert!(html.contains(&action.title));
    }
    // The Arabic report, whatever the interface language: right to left, the clusters' themes
    // named in Arabic.
    let (status, html) = qatar.page("/upr/states/QAT/plan/report?language=ar").await;
    assert_eq!(status, 200);
    assert!(html.contains("<article class=\"report\" lang=\"ar\" dir=\"rtl\">"));
    // Each recommendation of the plan is quoted, marked as English inside the Arabic report.
    let records = app
        .store
        .upr()
        .list_recommendations(
            &taawun_store::upr::RecommendationFilter {
                reviewed: Some("QAT".into()),
                ..Default::default()
            },
            taawun_store::Paging {
                page: 1,
                per_page: 100,
            },
        )
        .await
        .unwrap()
        .page
        .items;
    for r in &records {
        assert!(
            html.contains(&format!("lang=\"en\" dir=\"ltr\">{}</td>", r.text)),
            "{}: {html}",
            r.text
        );
    }

    let mut translated = 0;
    for cluster in &plan.clusters {
        let name = match taawun_upr::themes::label(&cluster.name, "ar") {
            Some(arabic) => {
                translated += 1;
                arabic
            }
            None => cluster.name.as_str(),
        };
        assert!(html.contains(&format!("<h3>{name}</h3>")), "{name}");
    }
    assert!(translated > 0, "a theme of UPR Info is named in Arabic");
    let (status, _) = qatar.page("/upr/states/QAT/plan/report?language=xx").await;
    assert_eq!(status, 400);

    // The PDF: a real one, whose text (as poppler extracts it) holds the report's claims.
    let pdf = qatar
        .client
        .get(format!(
            "{}/upr/states/QAT/plan/report.pdf?language=en",
            qatar.base
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(pdf.status(), 200);
    assert_eq!(pdf.headers()["content-type"], "application/pdf");
    let bytes = pdf.bytes().await.unwrap();
    assert!(taawun_pdf::is_pdf(&bytes));
    if taawun_testdata::tool_available("reading the report's PDF", taawun_pdf::available()) {
        let text = taawun_pdf::extract(&bytes).unwrap().text();
        // Words as the reader reads them: Fluent's isolation marks around arguments left out.
        let text = text
            .replace(['\u{2068}', '\u{2069}'], "")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        assert!(text.contains(&overview), "{text}");
        for action in &plan.actions {
            assert!(text.contains(&action.title), "{text}");
        }
    }
    let arabic = qatar
        .client
        .get(format!(
            "{}/upr/states/QAT/plan/report.pdf?language=ar",
            qatar.base
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(arabic.status(), 200);
    let bytes = arabic.bytes().await.unwrap();
    assert!(taawun_pdf::is_pdf(&bytes));
    if taawun_pdf::available().is_ok() {
        let text = taawun_pdf::extract(&bytes).unwrap().text();
        assert!(text.contains("قطر"), "{text}");
        assert!(text.contains("مجلس حقوق الإنسان"), "{text}");
    }

    // Published, the report is public.
    let published = qatar
        .post(
            "/upr/states/QAT/plan/publication",
            &[("csrf", &csrf), ("published", "1")],
        )
        .await;
    assert_eq!(published.status(), 303);
    assert_eq!(public.page("/upr/states/QAT/plan/report").await.0, 200);
}
