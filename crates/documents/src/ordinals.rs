//! Number words: the ordinals that name sessions ("الدورة السادسة والخمسون", "fifty-sixth
//! session", "في دورته التاسعة والخمسين") and the small cardinals of vote tallies ("امتناع
//! عضوين", "ثلاثة أعضاء").
//!
//! Arabic ordinals agree with their noun (الدورة is feminine, its possessive دورته too) and the
//! tens take the nominative -ون or the oblique -ين by position, so every number up to 99 has
//! several spellings; 1 is الأول/الأولى alone but الحادي/الحادية in compounds. Words may come
//! with or without hamza, diacritics and the article: they are folded before comparison.

use crate::normalize::fold_word;

/// Units 1..=10 as ordinals (folded, without the article), and whether they may stand alone.
const AR_UNITS: &[(&str, u32, bool)] = &[
    ("اول", 1, true),
    ("اولي", 1, true),
    ("حادي", 1, false),
    ("حاديه", 1, false),
    ("واحد", 1, false),
    ("واحده", 1, false),
    ("ثاني", 2, true),
    ("ثانيه", 2, true),
    ("ثالث", 3, true),
    ("ثالثه", 3, true),
    ("رابع", 4, true),
    ("رابعه", 4, true),
    ("خامس", 5, true),
    ("خامسه", 5, true),
    ("سادس", 6, true),
    ("سادسه", 6, true),
    ("سابع", 7, true),
    ("سابعه", 7, true),
    ("ثامن", 8, true),
    ("ثامنه", 8, true),
    ("تاسع", 9, true),
    ("تاسعه", 9, true),
    ("عاشر", 10, true),
    ("عاشره", 10, true),
];

/// The tens, nominative and oblique (folded, without the article).
const AR_TENS: &[(&str, u32)] = &[
    ("عشرون", 20),
    ("عشرين", 20),
    ("ثلاثون", 30),
    ("ثلاثين", 30),
    ("اربعون", 40),
    ("اربعين", 40),
    ("خمسون", 50),
    ("خمسين", 50),
    ("ستون", 60),
    ("ستين", 60),
    ("سبعون", 70),
    ("سبعين", 70),
    ("ثمانون", 80),
    ("ثمانين", 80),
    ("تسعون", 90),
    ("تسعين", 90),
];

fn without_article(word: &str) -> &str {
    word.strip_prefix("ال").unwrap_or(word)
}

fn ar_unit(folded: &str) -> Option<(u32, bool)> {
    let bare = without_article(folded);
    AR_UNITS
        .iter()
        .find(|(w, _, _)| *w == bare)
        .map(|(_, n, alone)| (*n, *alone))
}

fn ar_tens(folded: &str) -> Option<u32> {
    let bare = without_article(folded);
    AR_TENS.iter().find(|(w, _)| *w == bare).map(|(_, n)| *n)
}

fn ar_hundred(folded: &str) -> bool {
    // المائة، المئة folded (ئ → ي)
    matches!(without_article(folded), "مايه" | "ميه")
}

/// An Arabic ordinal at the start of `words` (as written or folded): its value and how many
/// words it took. "السادسة والخمسون" → (56, 2); "الحادي عشر" → (11, 2); "الأولى" → (1, 1).
pub fn arabic_ordinal<S: AsRef<str>>(words: &[S]) -> Option<(u32, usize)> {
    let first = fold_word(words.first()?.as_ref());
    if let Some(tens) = ar_tens(&first) {
        return Some((tens, 1));
    }
    if ar_hundred(&first) {
        return Some((100, 1));
    }
    let (unit, alone) = ar_unit(&first)?;
    let second = words.get(1).map(|w| fold_word(w.as_ref()));
    if let Some(second) = second.as_deref() {
        if unit < 10 && matches!(second, "عشر" | "عشره") && unit_fits_teen(&first) {
            return Some((10 + unit, 2));
        }
        if unit < 10 {
            if let Some(tens) = second.strip_prefix('و').and_then(ar_tens) {
                return Some((tens + unit, 2));
            }
            if second == "و"
                && let Some(tens) = words.get(2).and_then(|w| ar_tens(&fold_word(w.as_ref())))
            {
                return Some((tens + unit, 3));
            }
        }
    }
    alone.then_some((unit, 1))
}

/// "الأول عشر" is not a number: eleven is الحادي عشر.
fn unit_fits_teen(folded_unit: &str) -> bool {
    !matches!(without_article(folded_unit), "اول" | "اولي")
}

/// A whole string that is an Arabic ordinal and nothing else.
pub fn arabic_ordinal_str(text: &str) -> Option<u32> {
    let words: Vec<&str> = text.split_whitespace().collect();
    match arabic_ordinal(&words) {
        Some((n, used)) if used == words.len() => Some(n),
        _ => None,
    }
}

const AR_CARDINALS: &[(&str, u32)] = &[
    ("صفر", 0),
    ("واحد", 1),
    ("واحده", 1),
    ("اثنان", 2),
    ("اثنين", 2),
    ("اثنتان", 2),
    ("اثنتين", 2),
    ("ثلاثه", 3),
    ("ثلاث", 3),
    ("اربعه", 4),
    ("اربع", 4),
    ("خمسه", 5),
    ("خمس", 5),
    ("سته", 6),
    ("ست", 6),
    ("سبعه", 7),
    ("سبع", 7),
    ("ثمانيه", 8),
    ("ثماني", 8),
    ("ثمان", 8),
    ("تسعه", 9),
    ("تسع", 9),
    ("عشره", 10),
    ("عشر", 10),
];

/// A small Arabic cardinal at the start of `words`: digits, a number word (1..=10, the tens, and
/// unit + و + tens), with its value and the number of words taken. The counted noun is not
/// included (see the vote parser for the dual "عضوين").
pub fn arabic_cardinal<S: AsRef<str>>(words: &[S]) -> Option<(u32, usize)> {
    let raw = words.first()?.as_ref();
    if let Some(n) = crate::lex::number_value(raw) {
        return Some((n, 1));
    }
    let first = fold_word(raw);
    if let Some(tens) = AR_TENS.iter().find(|(w, _)| *w == first).map(|(_, n)| *n) {
        return Some((tens, 1));
    }
    let unit = AR_CARDINALS
        .iter()
        .find(|(w, _)| *w == first)
        .map(|(_, n)| *n)?;
    if (1..10).contains(&unit)
        && let Some(second) = words.get(1).map(|w| fold_word(w.as_ref()))
    {
        if let Some(tens) = second
            .strip_prefix('و')
            .and_then(|t| AR_TENS.iter().find(|(w, _)| *w == t))
        {
            return Some((tens.1 + unit, 2));
        }
        if matches!(second.as_str(), "عشر" | "عشره") {
            return Some((10 + unit, 2));
        }
    }
    Some((unit, 1))
}

const EN_ORDINALS: &[&str] = &[
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
];

const EN_TENS_ORDINAL: &[(&str, u32)] = &[
    ("twentieth", 20),
    ("thirtieth", 30),
    ("fortieth", 40),
    ("fiftieth", 50),
    ("sixtieth", 60),
    ("seventieth", 70),
    ("eightieth", 80),
    ("ninetieth", 90),
    ("hundredth", 100),
];

const EN_TENS: &[(&str, u32)] = &[
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
];

const EN_CARDINALS: &[&str] = &[
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];

fn en_simple_ordinal(word: &str) -> Option<u32> {
    if let Some(i) = EN_ORDINALS.iter().position(|w| *w == word) {
        return Some(i as u32 + 1);
    }
    EN_TENS_ORDINAL
        .iter()
        .find(|(w, _)| *w == word)
        .map(|(_, n)| *n)
}

/// An English ordinal written as one token: "fifty-sixth", "Fifty-Ninth", "first", "59th",
/// "1st", "22nd", "one hundredth".
pub fn english_ordinal(text: &str) -> Option<u32> {
    let lower = text.trim().to_lowercase();
    let parts: Vec<&str> = lower
        .split(|c: char| c == '-' || c == '\u{2010}' || c.is_whitespace())
        .filter(|p| !p.is_empty())
        .collect();
    match parts.as_slice() {
        [one] => en_simple_ordinal(one).or_else(|| numeric_ordinal(one)),
        [tens, unit] => {
            if *tens == "one" && *unit == "hundredth" {
                return Some(100);
            }
            let tens = EN_TENS.iter().find(|(w, _)| w == tens)?.1;
            let unit = EN_ORDINALS.iter().position(|w| w == unit)? as u32 + 1;
            (unit < 10).then_some(tens + unit)
        }
        _ => None,
    }
}

/// "59th", "1st", "2nd", "3rd" (the suffix is not checked against the number: PDFs mangle it).
fn numeric_ordinal(word: &str) -> Option<u32> {
    let digits_end = word
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(word.len());
    let (digits, suffix) = word.split_at(digits_end);
    if digits.is_empty() || !matches!(suffix, "st" | "nd" | "rd" | "th") {
        return None;
    }
    crate::lex::number_value(digits)
}

/// A small English cardinal: digits, "no"/"none" (0), or a word up to ninety-nine.
pub fn english_cardinal(text: &str) -> Option<u32> {
    let lower = text.trim().to_lowercase();
    if let Some(n) = crate::lex::number_value(&lower) {
        return Some(n);
    }
    if matches!(lower.as_str(), "no" | "none") {
        return Some(0);
    }
    if let Some(i) = EN_CARDINALS.iter().position(|w| *w == lower) {
        return Some(i as u32);
    }
    let (tens, unit) = lower.split_once('-').unwrap_or((lower.as_str(), ""));
    let tens = EN_TENS.iter().find(|(w, _)| *w == tens)?.1;
    if unit.is_empty() {
        return Some(tens);
    }
    let unit = EN_CARDINALS.iter().position(|w| *w == unit)? as u32;
    (1..10).contains(&unit).then_some(tens + unit)
}

#[cfg(test)]
mod tests {
    use super::*;

    // An independent spelling of every form, written out as the UN's Arabic texts write them.
    const UNITS_M: [&str; 10] = [
        "الأول",
        "الثاني",
        "الثالث",
        "الرابع",
        "الخامس",
        "السادس",
        "السابع",
        "الثامن",
        "التاسع",
        "العاشر",
    ];
    const UNITS_F: [&str; 10] = [
        "الأولى",
        "الثانية",
        "الثالثة",
        "الرابعة",
        "الخامسة",
        "السادسة",
        "السابعة",
        "الثامنة",
        "التاسعة",
        "العاشرة",
    ];
    const TENS_NOM: [&str; 8] = [
        "العشرون",
        "الثلاثون",
        "الأربعون",
        "الخمسون",
        "الستون",
        "السبعون",
        "الثمانون",
        "التسعون",
    ];
    const TENS_OBL: [&str; 8] = [
        "العشرين",
        "الثلاثين",
        "الأربعين",
        "الخمسين",
        "الستين",
        "السبعين",
        "الثمانين",
        "التسعين",
    ];

    /// Every spelling of `n` (1..=99): masculine and feminine; for the tens, nominative and
    /// oblique, with and without the article.
    fn arabic_spellings(n: usize) -> Vec<String> {
        let (tens, unit) = (n / 10, n % 10);
        let compound_m = |u: usize| {
            if u == 1 {
                "الحادي".to_owned()
            } else {
                UNITS_M[u - 1].to_owned()
            }
        };
        let compound_f = |u: usize| {
            if u == 1 {
                "الحادية".to_owned()
            } else {
                UNITS_F[u - 1].to_owned()
            }
        };
        match (tens, unit) {
            (0, u) | (1, u @ 0) => {
                let u = if tens == 1 { 10 } else { u };
                vec![UNITS_M[u - 1].to_owned(), UNITS_F[u - 1].to_owned()]
            }
            (1, u) => vec![
                format!("{} عشر", compound_m(u)),
                format!("{} عشرة", compound_f(u)),
            ],
            (t, 0) => {
                let (nom, obl) = (TENS_NOM[t - 2], TENS_OBL[t - 2]);
                vec![
                    nom.to_owned(),
                    obl.to_owned(),
                    nom.trim_start_matches("ال").to_owned(),
                    obl.trim_start_matches("ال").to_owned(),
                ]
            }
            (t, u) => {
                let mut all = Vec::new();
                for tens_word in [TENS_NOM[t - 2], TENS_OBL[t - 2]] {
                    let bare = tens_word.trim_start_matches("ال");
                    for unit_word in [compound_m(u), compound_f(u)] {
                        all.push(format!("{unit_word} و{tens_word}"));
                        all.push(format!("{unit_word} و{bare}"));
                        all.push(format!("{unit_word} و {tens_word}"));
                    }
                }
                all
            }
        }
    }

    #[test]
    fn every_arabic_ordinal_from_1_to_99_in_every_form() {
        for n in 1..=99 {
            let spellings = arabic_spellings(n);
            assert!(!spellings.is_empty());
            for spelling in spellings {
                assert_eq!(arabic_ordinal_str(&spelling), Some(n as u32), "{spelling}");
                // Followed by more words, it takes only its own.
                let words: Vec<&str> = spelling.split_whitespace().chain(["من"]).collect();
                assert_eq!(
                    arabic_ordinal(&words),
                    Some((n as u32, words.len() - 1)),
                    "{spelling}"
                );
            }
        }
    }

    #[test]
    fn arabic_ordinals_as_the_seed_writes_them() {
        assert_eq!(arabic_ordinal_str("السادسة والخمسون"), Some(56));
        assert_eq!(arabic_ordinal_str("التاسعة والخمسين"), Some(59));
        assert_eq!(arabic_ordinal_str("الثالثة والستين"), Some(63));
        assert_eq!(arabic_ordinal_str("الثانية والخمسين"), Some(52));
        assert_eq!(arabic_ordinal_str("التاسع عشر"), Some(19));
        assert_eq!(arabic_ordinal_str("الحادية والعشرين"), Some(21));
        assert_eq!(arabic_ordinal_str("الواحدة والعشرين"), Some(21));
        // Undotted, unhamzated, with diacritics.
        assert_eq!(arabic_ordinal_str("الاولى"), Some(1));
        assert_eq!(arabic_ordinal_str("السَّادِسَة والخَمْسُون"), Some(56));
        assert_eq!(arabic_ordinal_str("المائة"), Some(100));
    }

    #[test]
    fn what_is_not_an_arabic_ordinal() {
        assert_eq!(arabic_ordinal_str("الحادي"), None);
        assert_eq!(arabic_ordinal_str("الأول عشر"), None);
        assert_eq!(arabic_ordinal_str("الدورة"), None);
        assert_eq!(arabic_ordinal_str(""), None);
        assert_eq!(arabic_ordinal::<&str>(&[]), None);
        // "الثاني" in "كانون الثاني" is an ordinal word; the caller decides the context.
        assert_eq!(arabic_ordinal(&["الحالية"]), None);
    }

    #[test]
    fn every_english_ordinal_from_1_to_99() {
        let tens = [
            "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
        ];
        for n in 1..=99u32 {
            let spelled = match n {
                1..=19 => EN_ORDINALS[n as usize - 1].to_owned(),
                _ if n % 10 == 0 => EN_TENS_ORDINAL[(n / 10 - 2) as usize].0.to_owned(),
                _ => format!(
                    "{}-{}",
                    tens[(n / 10) as usize],
                    EN_ORDINALS[(n % 10) as usize - 1]
                ),
            };
            assert_eq!(english_ordinal(&spelled), Some(n), "{spelled}");
            let capitalized = spelled[..1].to_uppercase() + &spelled[1..];
            assert_eq!(english_ordinal(&capitalized), Some(n), "{capitalized}");
            assert_eq!(english_ordinal(&format!("{n}th")), Some(n));
        }
        assert_eq!(english_ordinal("Fifty-sixth"), Some(56));
        assert_eq!(english_ordinal("fifty sixth"), Some(56));
        assert_eq!(english_ordinal("one hundredth"), Some(100));
        assert_eq!(english_ordinal("34th"), Some(34));
        assert_eq!(english_ordinal("2nd"), Some(2));
        assert_eq!(english_ordinal("fifty"), None);
        assert_eq!(english_ordinal("twenty-tenth"), None);
        assert_eq!(english_ordinal("session"), None);
    }

    #[test]
    fn tables_are_folded() {
        let words = AR_UNITS
            .iter()
            .map(|(w, _, _)| *w)
            .chain(AR_TENS.iter().map(|(w, _)| *w))
            .chain(AR_CARDINALS.iter().map(|(w, _)| *w));
        for word in words {
            assert_eq!(fold_word(word), word);
        }
    }

    #[test]
    fn cardinals() {
        assert_eq!(arabic_cardinal(&["31", "صوتاً"]), Some((31, 1)));
        assert_eq!(arabic_cardinal(&["ثلاثة", "أعضاء"]), Some((3, 1)));
        assert_eq!(arabic_cardinal(&["خمسة", "وعشرون"]), Some((25, 2)));
        assert_eq!(arabic_cardinal(&["ثلاثة", "عشر"]), Some((13, 2)));
        assert_eq!(arabic_cardinal(&["عضو"]), None);
        assert_eq!(english_cardinal("2"), Some(2));
        assert_eq!(english_cardinal("two"), Some(2));
        assert_eq!(english_cardinal("no"), Some(0));
        assert_eq!(english_cardinal("forty-seven"), Some(47));
        assert_eq!(english_cardinal("abstentions"), None);
    }
}
