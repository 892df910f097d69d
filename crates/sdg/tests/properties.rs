//! Property tests: the reader, the code parser and the suggester never panic, whatever they
//! are given; a code shown and parsed again is the same code.

use proptest::prelude::*;
use taawun_sdg::{GoalCode, IndicatorCode, SdgCode, Suggester, TargetCode, TargetId, read_files};

const TATWEEL: char = '\u{0640}';
const EN_GOALS: &str = "1-title: End poverty\n1-short: No poverty\n";
const EN_TARGETS: &str = "1-1-title: Eradicate extreme poverty\n";
const EN_INDICATORS: &str = "1-1-1-title: Below the line\n";

fn with(path: &str, bytes: Vec<u8>) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = [
        ("en/global_goals.yml", EN_GOALS),
        ("en/global_targets.yml", EN_TARGETS),
        ("en/global_indicators.yml", EN_INDICATORS),
    ]
    .iter()
    .filter(|(p, _)| *p != path)
    .map(|(p, t)| (p.to_string(), t.as_bytes().to_vec()))
    .collect();
    files.push((path.to_string(), bytes));
    files
}

fn path() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "en/global_goals.yml",
        "en/global_targets.yml",
        "en/global_indicators.yml",
        "ar/global_targets.yml",
        "zh-Hans/global_indicators.yml",
        "zh/global_goals.yml",
        "xx/global_goals.yml",
        "en/other.yml",
    ])
    .prop_map(str::to_string)
}

/// Text made of YAML's punctuation, key-like pieces, Arabic with tatweel and line breaks.
fn yamlish() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            Just("1-title: ".to_string()),
            Just("1-1-title: ".to_string()),
            Just("1-1-1-title: ".to_string()),
            Just("16-a-title: ".to_string()),
            Just("18-1-title: ".to_string()),
            Just("1-short: ".to_string()),
            Just("\n".to_string()),
            Just("\n  ".to_string()),
            Just("- ".to_string()),
            Just("---\n".to_string()),
            Just("ـ".to_string()),
            "[\\[\\]{}:'\"#&*!|>%@`,?-]{1,3}",
            "[a-z0-9 ]{1,10}",
            "[\\u{0600}-\\u{06FF} ]{1,8}",
        ],
        0..40,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    #[test]
    fn the_reader_never_panics_on_bytes(path in path(), bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        let _ = read_files(&with(&path, bytes));
    }

    #[test]
    fn the_reader_never_panics_on_yamlish_text(path in path(), text in yamlish()) {
        match read_files(&with(&path, text.into_bytes())) {
            Ok(sdgs) => {
                for target in &sdgs.targets {
                    prop_assert!(sdgs.goal(target.goal).is_some());
                    prop_assert!(!target.titles.en().is_empty());
                }
                for t in sdgs.targets.iter().map(|t| &t.titles).chain(sdgs.goals.iter().map(|g| &g.titles)) {
                    if let Some(ar) = t.get(taawun_sdg::Language::Ar) {
                        prop_assert!(!ar.contains(TATWEEL), "tatweel left in {}", ar);
                    }
                }
            }
            Err(e) => prop_assert!(!e.to_string().is_empty()),
        }
    }

    #[test]
    fn the_code_parser_never_panics(s in "\\PC{0,30}") {
        let _ = s.parse::<SdgCode>();
        let _ = s.parse::<TargetCode>();
        let _ = s.parse::<GoalCode>();
        let _ = s.parse::<IndicatorCode>();
    }

    #[test]
    fn the_code_parser_never_panics_on_code_like_text(
        s in "(SDG|sdg|Goal|Target|Indicator| |:|#)*[0-9٠-٩۰-۹.٫a-zA-Z ]{0,12}"
    ) {
        if let Err(e) = s.parse::<SdgCode>() {
            prop_assert!(!e.to_string().is_empty());
        }
    }

    #[test]
    fn codes_shown_parse_back(goal in 1u8..=17, number in 1u8..=99, letter in prop::char::range('a', 'z'), indicator in 1u8..=99, lettered: bool) {
        let g = GoalCode::new(goal).unwrap();
        let id = if lettered { TargetId::letter(letter).unwrap() } else { TargetId::number(number).unwrap() };
        let t = TargetCode::new(g, id);
        let i = IndicatorCode::new(t, indicator).unwrap();
        prop_assert_eq!(t.to_string().parse::<TargetCode>().unwrap(), t);
        prop_assert_eq!(format!("SDG target {t}").parse::<TargetCode>().unwrap(), t);
        prop_assert_eq!(i.to_string().parse::<IndicatorCode>().unwrap(), i);
        prop_assert_eq!(g.to_string().parse::<GoalCode>().unwrap(), g);
    }

    #[test]
    fn the_suggester_never_panics(text in "\\PC{0,200}", theme in "\\PC{0,20}") {
        let s = Suggester::builtin().suggest(&text, &[&theme]);
        for w in s.windows(2) {
            prop_assert!(w[0].score >= w[1].score);
        }
        for suggestion in &s {
            prop_assert!(!suggestion.reasons.is_empty());
            prop_assert!(suggestion.score >= taawun_sdg::MIN_SCORE);
        }
    }
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let text = format!("1-title: {}\n", "[".repeat(100_000));
    assert!(read_files(&with("en/global_goals.yml", text.into_bytes())).is_err());
    let text = "{".repeat(100_000);
    assert!(read_files(&with("en/global_goals.yml", text.into_bytes())).is_err());
}
