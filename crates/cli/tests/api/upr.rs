//! `taawun import upr`, run as a user would, on the real files: what it says it did is what the
//! database then holds, a second run changes nothing, two sources of one recommendation make
//! one record, and a file that cannot be read stops it with nothing written.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use taawun_states::Resolver;
use taawun_store::upr::{RecommendationFilter, Response, ResponseFilter};
use taawun_store::{Paging, Store as _};

use crate::helpers::{shared, succeeded, taawun};

const SLOVENIA: [&str; 3] = [
    "A_HRC_59_15-working-group-report.pdf",
    "A_HRC_59_15_Add.1-views-of-the-state.pdf",
    "thematic-list-cycle4-session48.docx",
];

fn slovenia(file: &str) -> PathBuf {
    shared("data/upr/ohchr-slovenia").join(file)
}

fn import(data_dir: &Path, format: &str, paths: &[PathBuf], dry_run: bool) -> String {
    let mut command = taawun();
    command
        .args(["import", "upr", "--format", format, "--data-dir"])
        .arg(data_dir)
        .args(paths);
    if dry_run {
        command.arg("--dry-run");
    }
    succeeded(&mut command)
}

async fn store(data_dir: &Path) -> taawun_store_sqlite::SqliteStore {
    let url = format!("sqlite://{}", data_dir.join("taawun.db").display());
    taawun_store_sqlite::connect(&url)
        .await
        .expect("the database the command wrote")
}

fn pdftotext_available() -> bool {
    taawun_testdata::tool_available("the UPR import of the UN's PDFs", taawun_pdf::available())
}

#[tokio::test]
async fn upr_info_imports_once_and_says_what_it_did() {
    taawun_testdata::require_shared!();
    let info = taawun_upr::upr_info::read_dir(&shared("data/upr"), Resolver::builtin()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let folder = [shared("data/upr")];

    // Two rows whose texts differ only in case, spacing or final stop are one recommendation
    // (and one pledge): count the records as the keys say.
    let recommendations: BTreeSet<String> = info.recommendations.iter().map(|r| r.key()).collect();
    let pledges: BTreeSet<String> = info.pledges.iter().map(|p| p.key()).collect();
    assert!(recommendations.len() <= info.recommendations.len());
    let dry = import(dir.path(), "upr-info", &folder, true);
    assert!(
        dry.contains(&format!(
            "recommendations: {} would be created",
            recommendations.len()
        )),
        "{dry}"
    );
    assert!(dry.contains("dry run: nothing was written"), "{dry}");
    let store = store(dir.path()).await;
    let none = store
        .upr()
        .list_recommendations(&RecommendationFilter::default(), Paging::default())
        .await
        .unwrap();
    assert_eq!(none.page.total, 0, "a dry run writes no record");

    let first = import(dir.path(), "upr-info", &folder, false);
    assert!(
        first.contains(&format!(
            "recommendations: {} created",
            recommendations.len()
        )),
        "{first}"
    );
    assert!(
        first.contains(&format!("pledges: {} created", pledges.len())),
        "{first}"
    );
    // Every unresolved name is listed with its place, never guessed.
    for name in &info.unresolved {
        assert!(
            first.contains(&format!("{:?} is not known", name.name)),
            "{first}"
        );
    }

    let all = store
        .upr()
        .list_recommendations(&RecommendationFilter::default(), Paging::default())
        .await
        .unwrap();
    assert_eq!(all.page.total, recommendations.len() as u64);
    let supported: BTreeSet<String> = info
        .recommendations
        .iter()
        .filter(|r| r.response == Some(Response::Supported))
        .map(|r| r.key())
        .collect();
    assert_eq!(all.responses.supported, supported.len() as u64);

    let second = import(dir.path(), "upr-info", &folder, false);
    assert!(
        second.contains(&format!(
            "recommendations: 0 created, 0 gained a recommending State, theme, SDG link, source or value they lacked, {} unchanged",
            recommendations.len()
        )),
        "{second}"
    );
}

#[tokio::test]
async fn slovenias_fourth_cycle_counts_as_its_addendum_says() {
    taawun_testdata::require_shared!();
    if !pdftotext_available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let files: Vec<PathBuf> = SLOVENIA.iter().map(|f| slovenia(f)).collect();
    let out = import(dir.path(), "ohchr", &files, false);
    assert!(out.contains("SVN, session 48 (cycle 4)"), "{out}");
    let store = store(dir.path()).await;
    let filter = RecommendationFilter {
        reviewed: Some("SVN".into()),
        cycle: Some(4),
        ..RecommendationFilter::default()
    };
    let page = store
        .upr()
        .list_recommendations(&filter, Paging::default())
        .await
        .unwrap();
    // The figures are the ones the State's addendum states in words ("… 254 recommendations …
    // supported 217 … noted 37"), read from its text.
    let addendum = taawun_upr::ohchr::addendum::read(
        SLOVENIA[1],
        &std::fs::read(slovenia(SLOVENIA[1])).unwrap(),
        Resolver::builtin(),
    )
    .unwrap();
    let stated = addendum.stated;
    assert_eq!(
        (stated.received, stated.supported, stated.noted),
        (Some(254), Some(217), Some(37))
    );
    assert_eq!(page.page.total, u64::from(stated.received.unwrap()));
    assert_eq!(
        page.responses.supported,
        u64::from(stated.supported.unwrap())
    );
    assert_eq!(page.responses.noted, u64::from(stated.noted.unwrap()));
    let one = page.page.items.first().unwrap();
    assert_eq!(one.sources.len(), 3, "report, addendum and thematic list");

    let again = import(dir.path(), "ohchr", &files, false);
    assert!(again.contains("0 created"), "{again}");
}

#[tokio::test]
async fn the_same_recommendation_from_two_sources_is_one_record() {
    taawun_testdata::require_shared!();
    let resolver = Resolver::builtin();
    let info = taawun_upr::upr_info::read_dir(&shared("data/upr"), resolver).unwrap();
    let thematic = slovenia("thematic-list-cycle2-session20.docx");
    let review = taawun_upr::ohchr::read_review(
        &[(
            "thematic-list-cycle2-session20.docx".to_owned(),
            std::fs::read(&thematic).unwrap(),
        )],
        resolver,
    )
    .unwrap();
    assert_eq!((review.reviewed.as_str(), review.session), ("SVN", 20));
    let upr_info_keys: BTreeSet<String> = info
        .recommendations
        .iter()
        .filter(|r| r.reviewed == "SVN" && r.session == 20)
        .map(|r| r.key())
        .collect();
    let thematic_keys: BTreeSet<String> = review.recommendations.iter().map(|r| r.key()).collect();
    let both = upr_info_keys.intersection(&thematic_keys).count();
    assert!(both > 0, "the two sources share recommendations");

    let dir = tempfile::tempdir().unwrap();
    import(dir.path(), "upr-info", &[shared("data/upr")], false);
    let out = import(dir.path(), "ohchr", &[thematic], false);
    assert!(
        out.contains(&format!(
            "recommendations: {} created",
            thematic_keys.len() - both
        )),
        "{out}"
    );
    let store = store(dir.path()).await;
    let filter = RecommendationFilter {
        reviewed: Some("SVN".into()),
        session: Some(20),
        ..RecommendationFilter::default()
    };
    let page = store
        .upr()
        .list_recommendations(
            &filter,
            Paging {
                page: 1,
                per_page: Paging::MAX_PER_PAGE,
            },
        )
        .await
        .unwrap();
    assert_eq!(
        page.page.total,
        upr_info_keys.union(&thematic_keys).count() as u64,
        "never a duplicate"
    );
    let merged = page
        .page
        .items
        .iter()
        .filter(|r| {
            let kinds: BTreeSet<&str> = r.sources.iter().map(|s| s.kind.as_str()).collect();
            kinds.len() == 2
        })
        .count();
    assert_eq!(
        merged, both,
        "each shared recommendation shows both sources"
    );
    // Responses recorded by neither source stay unrecorded rather than guessed.
    let unrecorded = store
        .upr()
        .list_recommendations(
            &RecommendationFilter {
                response: Some(ResponseFilter::NotRecorded),
                ..filter.clone()
            },
            Paging::default(),
        )
        .await
        .unwrap();
    assert!(unrecorded.page.total <= page.page.total);
}

#[test]
fn a_bad_row_names_its_file_and_line_and_writes_nothing() {
    taawun_testdata::require_shared!();
    let dir = tempfile::tempdir().unwrap();
    let upr = dir.path().join("upr");
    std::fs::create_dir(&upr).unwrap();
    let original = std::fs::read(shared("data/upr/sessions-1-5.csv")).unwrap();
    // Break the session number of the third line (lines end with a carriage return alone).
    let mut lines: Vec<Vec<u8>> = original
        .split(|b| *b == b'\r')
        .map(<[u8]>::to_vec)
        .collect();
    let line = &mut lines[2];
    let last_comma = line.iter().rposition(|b| *b == b',').unwrap();
    line.truncate(last_comma + 1);
    line.extend_from_slice(b"session?");
    std::fs::write(upr.join("sessions-1-5.csv"), lines.join(&b'\r')).unwrap();
    let data = dir.path().join("data");
    let output = taawun()
        .args(["import", "upr", "--format", "upr-info", "--data-dir"])
        .arg(&data)
        .arg(&upr)
        .output()
        .unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("sessions-1-5.csv") && stderr.contains("line 3"),
        "{stderr}"
    );
    assert!(stderr.contains("nothing was imported"), "{stderr}");
    assert!(!data.join("taawun.db").exists());
}

#[test]
fn a_pdf_that_is_not_a_upr_report_is_refused_by_name() {
    taawun_testdata::require_shared!();
    if !pdftotext_available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let national = slovenia("A_HRC_WG.6_48_SVN_1-national-report.pdf");
    let output = taawun()
        .args(["import", "upr", "--format", "ohchr", "--data-dir"])
        .arg(&data)
        .arg(slovenia(SLOVENIA[0]))
        .arg(&national)
        .output()
        .unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("A_HRC_WG.6_48_SVN_1-national-report.pdf"),
        "{stderr}"
    );
    assert!(!data.join("taawun.db").exists());
}

#[tokio::test]
async fn the_sdgs_import_once_in_six_languages() {
    taawun_testdata::require_shared!();
    let sdgs = taawun_sdg::read_dir(shared("data/sdg")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let run = || {
        succeeded(
            taawun()
                .args(["import", "sdg", "--data-dir"])
                .arg(dir.path())
                .arg(shared("data/sdg")),
        )
    };
    let first = run();
    assert!(
        first.contains(&format!(
            "{} goals, {} targets, {} indicators",
            sdgs.goals.len(),
            sdgs.targets.len(),
            sdgs.indicators.len()
        )),
        "{first}"
    );
    assert!(first.contains("stored"), "{first}");
    let second = run();
    assert!(second.contains("nothing was written"), "{second}");
    let store = store(dir.path()).await;
    let framework = store.upr().sdg_framework().await.unwrap();
    assert_eq!(framework.goals.len(), sdgs.goals.len());
    assert_eq!(framework.targets.len(), sdgs.targets.len());
    let target = framework
        .targets
        .iter()
        .find(|t| t.code == "16.3")
        .expect("target 16.3");
    let read = sdgs
        .targets
        .iter()
        .find(|t| t.code.to_string() == "16.3")
        .unwrap();
    assert_eq!(
        Some(target.titles.ar.as_str()),
        read.titles.get(taawun_sdg::Language::Ar)
    );
    assert!(!target.titles.ar.contains('\u{0640}'), "no tatweel");
}
