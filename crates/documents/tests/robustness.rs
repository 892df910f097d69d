//! Whatever it is given, the parser returns: no panic on any string or byte sequence, a clear
//! error past the size limit, and time linear in the text.

mod common;

use std::sync::LazyLock;
use std::time::{Duration, Instant};

use proptest::prelude::*;
use taawun_documents::{DecodeError, MAX_DOCUMENT_BYTES, ParseError, decode, parse_resolution};
use taawun_states::Resolver;

static SEED_LINES: LazyLock<Vec<String>> = LazyLock::new(|| {
    common::read(common::SEED)
        .lines()
        .map(str::to_owned)
        .collect()
});

static ENGLISH_LINES: LazyLock<Vec<String>> = LazyLock::new(|| {
    common::read(&common::fixture("hrc-56-2.en.txt"))
        .lines()
        .map(str::to_owned)
        .collect()
});

/// Characters the parser treats specially, to splice into real text.
const NASTY: &[&str] = &[
    "/",
    "-",
    "–",
    "(",
    ")",
    "[",
    "]",
    ":",
    "،",
    "؛",
    ",",
    ";",
    ".",
    "⁽",
    "⁾",
    "¹",
    "²",
    "\n",
    "\n\n",
    "1",
    "22",
    "2000",
    "وإن ",
    "إذ ",
    "قرار ",
    "المؤرخ ",
    "يطلب إلى ",
    "في دورته ",
    "التاسعة ",
    "المؤيدون:",
    "In favour:",
    "resolution ",
    "Requests ",
    "A/RES/",
    "\u{200F}",
    "\u{FEFB}",
    "ـ",
    "ّ",
    "\u{0301}",
    "\r",
    "\t",
    "\0",
];

fn parse_str(text: &str) {
    let _ = parse_resolution(text, Resolver::builtin());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_strings_never_panic(text in "\\PC{0,400}") {
        parse_str(&text);
    }

    #[test]
    fn arbitrary_unicode_never_panics(text in any::<String>()) {
        parse_str(&text);
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        if let Ok(text) = decode(&bytes) {
            parse_str(&text);
        }
    }

    #[test]
    fn utf16_and_bom_prefixed_bytes_never_panic(
        mark in prop::sample::select(vec![vec![0xFFu8, 0xFE], vec![0xFE, 0xFF], vec![0xEF, 0xBB, 0xBF]]),
        bytes in prop::collection::vec(any::<u8>(), 0..512),
    ) {
        let mut all = mark;
        all.extend(bytes);
        if let Ok(text) = decode(&all) {
            parse_str(&text);
        }
    }

    /// Real lines in random order, repeated or dropped: every phase of the parser in every
    /// order.
    #[test]
    fn shuffled_real_lines_never_panic(
        picks in prop::collection::vec((any::<bool>(), any::<prop::sample::Index>()), 0..150)
    ) {
    taawun_testdata::require_shared!(Ok(()));
        let text: Vec<&str> = picks
            .iter()
            .map(|(english, i)| {
                let lines = if *english { &*ENGLISH_LINES } else { &*SEED_LINES };
                lines[i.index(lines.len())].as_str()
            })
            .collect();
        parse_str(&text.join("\n"));
    }

    /// The seed with special characters spliced in at random places.
    #[test]
    fn damaged_seed_never_panics(
        edits in prop::collection::vec((any::<prop::sample::Index>(), prop::sample::select(NASTY)), 0..40),
        english in any::<bool>(),
    ) {
    taawun_testdata::require_shared!(Ok(()));
        let lines = if english { &*ENGLISH_LINES } else { &*SEED_LINES };
        let mut text = lines.join("\n");
        for (at, insert) in edits {
            let mut at = at.index(text.len() + 1);
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            text.insert_str(at, insert);
        }
        parse_str(&text);
    }

    /// The seed cut anywhere.
    #[test]
    fn truncated_seed_never_panics(cut in any::<prop::sample::Index>()) {
    taawun_testdata::require_shared!(Ok(()));
        let text = SEED_LINES.join("\n");
        let mut at = cut.index(text.len() + 1);
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        parse_str(&text[..at]);
    }
}

#[test]
fn fifty_megabytes_are_too_large() {
    let text = "وإذ يشير إلى قرار الجمعية العامة 1/70،\n".repeat(50 * 1024 * 1024 / 70);
    assert!(text.len() > 45 * 1024 * 1024);
    assert_eq!(
        decode(text.as_bytes()),
        Err(DecodeError::TooLarge {
            size: text.len(),
            limit: MAX_DOCUMENT_BYTES
        })
    );
    assert!(matches!(
        parse_resolution(&text, Resolver::builtin()),
        Err(ParseError::TooLarge { .. })
    ));
}

/// The seed's header and preamble, `copies` × its operative paragraphs renumbered (page break
/// in operative 28 included), its footer.
fn long_resolution(copies: usize) -> String {
    let lines = &*SEED_LINES;
    let first_op = lines.iter().position(|l| l.starts_with("1- ")).unwrap();
    let footer = lines.iter().position(|l| l == "الجلسة 34").unwrap();
    let mut text = lines[..first_op].join("\n");
    let mut number = 0;
    for _ in 0..copies {
        for line in &lines[first_op..footer] {
            let trimmed = line.trim().trim_start_matches("- ");
            match trimmed.split_once("- ") {
                Some((n, rest)) if n.parse::<u32>().is_ok() => {
                    number += 1;
                    text.push_str(&format!("\n{number}- {rest}"));
                }
                _ => {
                    text.push('\n');
                    text.push_str(line);
                }
            }
        }
    }
    text.push('\n');
    text.push_str(&lines[footer..].join("\n"));
    text
}

/// Generous: the tests run unoptimised; a release build is about thirty times faster.
const LIMIT: Duration = Duration::from_secs(30);

#[test]
fn a_long_valid_text_parses_in_bounded_time() {
    taawun_testdata::require_shared!();
    // 27 × 37 = 999 operative paragraphs: the most a marker of three digits can number.
    let text = long_resolution(27);
    assert!(text.len() > 400_000, "{}", text.len());
    let start = Instant::now();
    let r = parse_resolution(&text, Resolver::builtin()).unwrap();
    let took = start.elapsed();
    assert!(took < LIMIT, "{} bytes took {took:?}", text.len());
    assert_eq!(r.operative.len(), 27 * 37);
    assert_eq!(r.preambular.len(), 33);
    assert_eq!(r.vote.unwrap().states.yes.len(), 31);
    // One joined paragraph (op 28) in every copy.
    assert_eq!(
        r.warnings
            .iter()
            .filter(|w| w.code == "joined-paragraph")
            .count(),
        27
    );
}

#[test]
fn one_huge_paragraph_parses_in_bounded_time() {
    // Everything the per-paragraph readers look for, many times over, in one paragraph.
    let piece = "وإذ يشير إلى قرار الجمعية العامة 1/70 المؤرخ 25 أيلول/سبتمبر 2015 وقرارها 2/71، \
                 وإلى إعلان وبرنامج عمل فيينا الذي اعتمده المؤتمر العالمي لحقوق الإنسان في 25 \
                 حزيران/يونيه 1993، ويطلب إلى المفوض السامي أن يعد تقريراً في دورته التاسعة \
                 والخمسين، ويحث الدول على ⁽¹⁾ ";
    let paragraph = piece.repeat(1_500_000 / piece.len());
    let text = format!(
        "مجلس حقوق الإنسان\n2/56 - عنوان\nإن مجلس حقوق الإنسان،\n{paragraph}،\n1- {paragraph}؛\n"
    );
    let start = Instant::now();
    let r = parse_resolution(&text, Resolver::builtin()).unwrap();
    let took = start.elapsed();
    assert!(took < LIMIT, "{} bytes took {took:?}", text.len());
    assert!(r.references.len() >= 3);
    assert!(r.mandates.len() > 1000);
}

#[test]
fn text_that_is_not_a_resolution() {
    let junk = "lorem ipsum dolor sit amet\n".repeat(100_000);
    let start = Instant::now();
    let error = parse_resolution(&junk, Resolver::builtin()).unwrap_err();
    assert!(start.elapsed() < LIMIT);
    assert_eq!(
        error.to_string(),
        "not a resolution: no resolution number or symbol, no operative paragraphs found"
    );
    assert_eq!(
        parse_resolution("", Resolver::builtin()).unwrap_err(),
        ParseError::NotAResolution {
            missing: vec!["symbol", "paragraphs"]
        }
    );
}
