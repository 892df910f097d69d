//! The open-sdg translation files (`../shared/data/sdg/`) through the reader, its figures
//! checked against the files read here another way (plain line scans, no YAML parser).

use taawun_sdg::{Language, ReadError, Suggester, TargetCode, read_dir, read_files};

fn folder() -> std::path::PathBuf {
    taawun_testdata::shared("data/sdg")
}

fn raw(path: &str) -> String {
    std::fs::read_to_string(folder().join(path)).unwrap()
}

/// The keys of a file: lines that start a mapping entry (not indented, not a comment).
fn raw_keys(path: &str, suffix: &str) -> Vec<String> {
    raw(path)
        .lines()
        .filter(|l| l.starts_with(|c: char| c.is_ascii_digit()))
        .filter_map(|l| l.split_once(':').map(|(k, _)| k.to_string()))
        .filter(|k| k.ends_with(suffix))
        .collect()
}

/// A key's value as written: its line and the indented lines after it, joined by spaces,
/// quotes removed.
fn raw_value(path: &str, key: &str) -> String {
    let text = raw(path);
    let mut lines = text
        .lines()
        .skip_while(|l| !l.starts_with(&format!("{key}:")));
    let first = lines.next().unwrap()[key.len() + 1..].trim().to_string();
    let mut value = first;
    for l in lines.take_while(|l| l.starts_with(' ')) {
        value.push(' ');
        value.push_str(l.trim());
    }
    value.trim_matches(['\'', '"']).trim().to_string()
}

fn all_files() -> Vec<(String, Vec<u8>)> {
    let mut files = Vec::new();
    for language in Language::ALL {
        for name in taawun_sdg::FILE_NAMES {
            let path = format!("{}/{name}", language.folder());
            files.push((path.clone(), std::fs::read(folder().join(&path)).unwrap()));
        }
    }
    files
}

#[test]
fn goals_targets_and_indicators_in_six_languages() {
    if !taawun_testdata::available("sdg: goals, targets and indicators") {
        return;
    }
    let sdgs = read_dir(folder()).unwrap();
    assert_eq!(sdgs.goals.len(), 17);
    assert_eq!(sdgs.targets.len(), 169);
    let indicator_keys = raw_keys("en/global_indicators.yml", "-title");
    assert_eq!(sdgs.indicators.len(), indicator_keys.len());
    assert_eq!(
        raw_keys("en/global_targets.yml", "-title").len(),
        sdgs.targets.len()
    );
    // Every item has its six titles (and every goal its six short titles): nothing to warn of.
    assert_eq!(sdgs.warnings, []);
    for goal in &sdgs.goals {
        assert_eq!(goal.titles.missing(), [], "goal {}", goal.number);
        assert_eq!(goal.short_titles.missing(), [], "goal {}", goal.number);
    }
    for target in &sdgs.targets {
        assert_eq!(target.titles.missing(), [], "{}", target.code);
        assert_eq!(target.goal, target.code.goal());
    }
    for indicator in &sdgs.indicators {
        assert_eq!(indicator.titles.missing(), [], "{}", indicator.code);
        assert!(sdgs.target(indicator.target).is_some());
    }
    // Every target has indicators; the goals' target counts add up.
    for target in &sdgs.targets {
        assert!(
            sdgs.indicators_of(target.code).next().is_some(),
            "{}",
            target.code
        );
    }
    let per_goal: usize = (1..=17).map(|g| sdgs.targets_of(g).count()).sum();
    assert_eq!(per_goal, 169);
    assert_eq!(sdgs.targets_of(16).count(), 12);
    assert_eq!(sdgs.goal(5).unwrap().short_titles.en(), "Gender equality");
}

#[test]
fn no_tatweel_is_left_in_arabic() {
    if !taawun_testdata::available("sdg: tatweel") {
        return;
    }
    // The files have it (so the check below checks something).
    assert!(raw("ar/global_targets.yml").contains('\u{0640}'));
    let sdgs = read_dir(folder()).unwrap();
    let arabic = sdgs
        .goals
        .iter()
        .flat_map(|g| [&g.titles, &g.short_titles])
        .chain(sdgs.targets.iter().map(|t| &t.titles))
        .chain(sdgs.indicators.iter().map(|i| &i.titles))
        .map(|t| t.get(Language::Ar).unwrap());
    for text in arabic {
        assert!(!text.contains('\u{0640}'), "{text}");
        assert_eq!(text.trim(), text);
        assert!(!text.contains("  "), "{text}");
    }
}

#[test]
fn a_known_target_agrees_with_the_files() {
    if !taawun_testdata::available("sdg: a known target") {
        return;
    }
    let sdgs = read_dir(folder()).unwrap();
    let code: TargetCode = "Target 16.3".parse().unwrap();
    let target = sdgs.target(code).unwrap();
    let en = raw_value("en/global_targets.yml", "16-3-title");
    assert_eq!(target.titles.en(), en);
    assert!(en.starts_with("Promote the rule of law"));
    let ar = raw_value("ar/global_targets.yml", "16-3-title");
    assert!(
        ar.contains('\u{0640}'),
        "this title has tatweel in the file"
    );
    assert_eq!(
        target.titles.get(Language::Ar).unwrap(),
        ar.replace('\u{0640}', "")
    );
    assert!(
        target
            .titles
            .get(Language::Ar)
            .unwrap()
            .starts_with("تعزيز سيادة القانون")
    );
    for (language, key_file) in [(Language::Fr, "fr"), (Language::Zh, "zh-Hans")] {
        let file = format!("{key_file}/global_targets.yml");
        assert_eq!(
            target.titles.get(language).unwrap(),
            raw_value(&file, "16-3-title")
        );
    }
    let indicator = sdgs.indicator("16.3.1".parse().unwrap()).unwrap();
    assert_eq!(
        indicator.titles.en(),
        raw_value("en/global_indicators.yml", "16-3-1-title")
    );
}

#[test]
fn indicators_listed_under_several_targets() {
    if !taawun_testdata::available("sdg: repeated indicators") {
        return;
    }
    let sdgs = read_dir(folder()).unwrap();
    let groups = sdgs.repeated_indicators();
    let shown: Vec<Vec<String>> = groups
        .iter()
        .map(|g| g.iter().map(|c| c.to_string()).collect())
        .collect();
    assert!(
        shown.contains(&vec!["15.7.1".to_string(), "15.c.1".to_string()]),
        "{shown:?}"
    );
    assert!(
        shown.contains(&vec!["15.a.1".to_string(), "15.b.1".to_string()]),
        "{shown:?}"
    );
    // Counted here without the reader: English titles that occur more than once.
    let mut titles: Vec<String> = raw_keys("en/global_indicators.yml", "-title")
        .iter()
        .map(|k| raw_value("en/global_indicators.yml", k))
        .collect();
    titles.sort();
    let repeated = titles
        .iter()
        .filter(|t| titles.iter().filter(|u| u == t).count() > 1)
        .count();
    assert_eq!(groups.iter().map(Vec::len).sum::<usize>(), repeated);
    eprintln!(
        "{} indicator codes; {} groups of repeated indicators covering {} codes; {} distinct titles",
        sdgs.indicators.len(),
        groups.len(),
        repeated,
        sdgs.indicators.len() - repeated + groups.len()
    );
}

#[test]
fn the_same_files_as_bytes_and_a_broken_one() {
    if !taawun_testdata::available("sdg: read_files") {
        return;
    }
    let files = all_files();
    let from_bytes = read_files(&files).unwrap();
    let from_dir = read_dir(folder()).unwrap();
    assert_eq!(from_bytes.targets, from_dir.targets);
    assert_eq!(from_bytes.indicators, from_dir.indicators);

    // A quote left open on line 6 of the Arabic targets.
    let mut broken = files.clone();
    let ar = broken
        .iter_mut()
        .find(|(p, _)| p == "ar/global_targets.yml")
        .unwrap();
    let text = String::from_utf8(ar.1.clone()).unwrap();
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    lines.insert(5, "9-9-title: 'لم يغلق".to_string());
    ar.1 = lines.join("\n").into_bytes();
    let err = read_files(&broken).unwrap_err();
    assert!(matches!(err, ReadError::Yaml { .. }), "{err}");
    assert_eq!(err.file(), "ar/global_targets.yml");
    assert!(err.line().unwrap() >= 6, "{err}");

    // Spanish without its indicators: one warning for the file, nothing fatal.
    let partial: Vec<_> = files
        .iter()
        .filter(|(p, _)| p != "es/global_indicators.yml")
        .cloned()
        .collect();
    let sdgs = read_files(&partial).unwrap();
    assert_eq!(sdgs.warnings.len(), 1);
    assert_eq!(
        sdgs.warnings[0].to_string(),
        "es/global_indicators.yml is absent: no Spanish titles"
    );
    assert!(
        sdgs.indicators
            .iter()
            .all(|i| i.titles.get(Language::Es).is_none())
    );

    // One Russian target removed: a warning naming the file and the key.
    let mut partial = files.clone();
    let ru = partial
        .iter_mut()
        .find(|(p, _)| p == "ru/global_targets.yml")
        .unwrap();
    let text = String::from_utf8(ru.1.clone()).unwrap();
    let mut kept = Vec::new();
    let mut skipping = false;
    for line in text.lines() {
        if line.starts_with("5-3-title:") {
            skipping = true;
            continue;
        }
        if skipping && line.starts_with(' ') {
            continue;
        }
        skipping = false;
        kept.push(line);
    }
    ru.1 = kept.join("\n").into_bytes();
    let sdgs = read_files(&partial).unwrap();
    let shown: Vec<String> = sdgs.warnings.iter().map(|w| w.to_string()).collect();
    assert_eq!(
        shown,
        ["ru/global_targets.yml: no `5-3-title`: its Russian title is missing"]
    );
}

#[test]
fn suggestions_with_the_titles_words() {
    if !taawun_testdata::available("sdg: suggestions") {
        return;
    }
    let sdgs = read_dir(folder()).unwrap();
    // The built-in table names only targets that exist.
    for code in Suggester::builtin().targets() {
        assert!(sdgs.target(code).is_some(), "{code}");
    }
    let suggester = Suggester::with_titles(&sdgs);
    let top = |text: &str, n: usize| -> Vec<String> {
        suggester
            .suggest(text, &[])
            .iter()
            .take(n)
            .map(|s| s.target.to_string())
            .collect()
    };
    let torture = top(
        "Ratify the Optional Protocol to the Convention against Torture",
        3,
    );
    assert_eq!(torture[0], "16.3");
    let trafficking = top(
        "Take measures to combat trafficking in persons, in particular women and children",
        4,
    );
    for t in ["16.2", "5.2", "8.7"] {
        assert!(trafficking.contains(&t.to_string()), "{trafficking:?}");
    }
    assert_eq!(top("Eliminate child marriage", 1), ["5.3"]);
    assert_eq!(top("Ensure universal birth registration", 1), ["16.9"]);
    // A target the table leaves out, found by its title's words.
    assert!(
        top("Protect mountain ecosystems and their biodiversity", 3).contains(&"15.4".to_string())
    );
    let s = suggester.suggest("End overfishing and destructive fishing practices", &[]);
    assert!(
        s[0].reasons.iter().any(|r| r.starts_with("keyword")),
        "{s:?}"
    );
}
