//! A light Arabic stemmer in the manner of Larkey, Ballesteros and Connell's light10 (the
//! approach of Lucene's ArabicStemmer), made consistent with and without proclitics, more
//! careful with suffixes, and completed with a table of broken plurals.
//!
//! Input: a word normalised by [`crate::analysis::normalize`] (no diacritics or tatweel; ا for
//! every alef; ي for alef maqsura; ه for taa marbuta). Steps:
//!
//! 1. **Prefixes**, layer by layer, at most three: the article with its conjunctions and
//!    prepositions (وبال, وكال, فبال, فكال, ولل, فلل, وال, فال, بال, كال, لل, ال) when two
//!    letters remain; else a bare conjunction و, or a bare preposition ب or ل, when three
//!    remain; else a bare ك or ف (or ب, ل before a two-letter word) when the rest is a known
//!    word ([`super::lexicon`]). Before each layer, a word that is
//!    known as it stands is left alone (ولاية, بلد, آلية). Because every form goes through
//!    the same layers, الإنسان, إنسان, وللإنسان reach the same stem, and so do التزام and
//!    الالتزام.
//! 2. **Attached pronouns** (هما, كما, هم, هن, كم, كن, ها) when three letters remain, except
//!    in words where these letters are the root's (تفاهم, محاكم, أماكن). After a pronoun a
//!    final ت is the taa marbuta's joined form (حكومتها → حكومة) and goes too.
//! 3. **Broken plurals** ([`super::plurals`]): حقوق → حق, تقارير → تقرير.
//! 4. **Gender and number**: ه (taa marbuta, or "his") when two letters remain; then ات when
//!    two remain, ون and ين when four remain (so تعاون, قانون, تمكين keep their last letters).
//!    A final ي after a listed participle is a construct plural's (لاجئي → لاجئ). Then the
//!    plural table once more (حقوقه → حقوق → حق).
//!
//! Not removed, on purpose: the nisba ي (دولي "international" must not become دول "States"),
//! the dual ان (far more UN words end in ان as part of the word — إنسان, برلمان, ميدان, باكستان
//! — than are duals), and verb affixes (this is a light stemmer for nouns).

use std::sync::OnceLock;

use rustc_hash::{FxHashMap, FxHashSet};

use super::lexicon::KNOWN_WORDS;
use super::plurals::BROKEN_PLURALS;
use crate::analysis::normalize::{NormalizeOptions, normalize_word};

/// The article with the conjunctions and prepositions that attach before it, longest first.
const ARTICLE_PREFIXES: &[&str] = &[
    "وبال", "وكال", "فبال", "فكال", "ولل", "فلل", "وال", "فال", "بال", "كال", "لل", "ال",
];

const PRONOUN_SUFFIXES: &[&str] = &["هما", "كما", "هم", "هن", "كم", "كن", "ها"];

/// Nouns (mostly participles) whose sound masculine plural loses its ن in a construct
/// ("لاجئي فلسطين", "ممثلي الدول", "موظفي الأمم المتحدة"): their final ي is the plural's, not a
/// nisba. Listed because the nisba ي must stay (دولي, إنساني, اجتماعي are other words than
/// دول, إنسان, اجتماع).
const CONSTRUCT_PLURAL_NOUNS: &[&str] = &[
    "مواطن",
    "لاجئ",
    "ممثل",
    "موظف",
    "مدافع",
    "مهاجر",
    "مقرر",
    "مراقب",
    "عامل",
    "مشارك",
    "مسؤول",
    "منتج",
    "مستخدم",
    "مانح",
    "مستفيد",
    "مسن",
    "معوق",
    "محتجز",
    "مقاتل",
    "متطوع",
    "مفتش",
    "مستشار",
    "مدير",
    "نازح",
    "مشرد",
    "مستوطن",
    "منسق",
    "مبعوث",
    "مسلح",
    "متضرر",
];

/// Words ending in the letters of a pronoun suffix that belong to the word (normalised).
const PRONOUN_EXCEPTIONS: &[&str] = &[
    "تفاهم",
    "مساهم",
    "متهم",
    "مهم",
    "فهم",
    "سهم",
    "وهم",
    "ملهم",
    "مبهم",
    "درهم",
    "اتهم",
    "محاكم",
    "تراكم",
    "اماكن",
    "مساكن",
    "محكم",
    "حاكم",
    "مراكم",
    "مساهمه",
];

struct Tables {
    plurals: FxHashMap<String, String>,
    known: FxHashSet<String>,
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| {
        let normalize = |word: &str| {
            let mut out = String::new();
            normalize_word(word, NormalizeOptions::default(), &mut out);
            out
        };
        let empty = Tables {
            plurals: FxHashMap::default(),
            known: FxHashSet::default(),
        };
        let mut plurals = FxHashMap::default();
        for (plural, singular) in BROKEN_PLURALS {
            let key = suffixes(&normalize(plural), &empty).to_string();
            let value = suffixes(&normalize(singular), &empty).to_string();
            plurals.insert(key, value);
        }
        let with_plurals = Tables {
            plurals,
            known: FxHashSet::default(),
        };
        let known = KNOWN_WORDS
            .iter()
            .chain(BROKEN_PLURALS.iter().flat_map(|(p, s)| [p, s]))
            .map(|word| suffixes(&normalize(word), &with_plurals).to_string())
            .collect();
        Tables {
            known,
            plurals: with_plurals.plurals,
        }
    })
}

fn char_len(word: &str) -> usize {
    word.chars().count()
}

/// Steps 2–4: everything but the prefixes. Borrows from `word` or from the tables, so that
/// the common case allocates nothing.
fn suffixes<'a>(word: &'a str, tables: &'a Tables) -> &'a str {
    let mut word = word;
    let mut after_pronoun = false;
    if !PRONOUN_EXCEPTIONS.contains(&word) {
        for suffix in PRONOUN_SUFFIXES {
            if let Some(rest) = word.strip_suffix(suffix)
                && char_len(rest) >= 3
            {
                word = rest;
                after_pronoun = true;
                break;
            }
        }
    }
    if after_pronoun
        && !word.ends_with("ات")
        && let Some(rest) = word.strip_suffix('ت')
        && char_len(rest) >= 3
    {
        word = rest;
    }
    if let Some(singular) = tables.plurals.get(word) {
        return singular;
    }
    if let Some(rest) = word.strip_suffix('ه')
        && char_len(rest) >= 2
    {
        word = rest;
    }
    if let Some(rest) = word.strip_suffix('ي')
        && CONSTRUCT_PLURAL_NOUNS.contains(&rest)
    {
        word = rest;
    } else if let Some(rest) = word.strip_suffix("ات")
        && char_len(rest) >= 2
    {
        word = rest;
    } else if let Some(rest) = word.strip_suffix("ون").or_else(|| word.strip_suffix("ين"))
        && char_len(rest) >= 4
    {
        word = rest;
    }
    match tables.plurals.get(word) {
        Some(singular) => singular,
        None => word,
    }
}

fn is_known(word: &str, tables: &Tables) -> bool {
    tables.known.contains(suffixes(word, tables))
}

/// Removes one layer of proclitics, or returns `None`.
fn strip_one_prefix<'w>(word: &'w str, tables: &Tables) -> Option<&'w str> {
    for prefix in ARTICLE_PREFIXES {
        if let Some(rest) = word.strip_prefix(prefix)
            && char_len(rest) >= 2
        {
            // What looked like the article may be the word's own letters: ل + اللجنة is
            // written للجنة (the word's ل shared), و + التزامات is والتزامات (no article at
            // all). Keep those letters when that makes a known word.
            let own = if prefix.ends_with("لل") {
                "ل"
            } else {
                "ال"
            };
            if prefix.len() > own.len() {
                let kept = &word[prefix.len() - own.len()..];
                if is_known(kept, tables) {
                    return Some(kept);
                }
            }
            return Some(rest);
        }
    }
    if let Some(rest) = word.strip_prefix('و')
        && char_len(rest) >= 3
    {
        return Some(rest);
    }
    // The prepositions ب and ل attach to any noun (لتعزيز, بجميع, لجائحة): strip them when
    // three letters remain. Words that begin with these letters are protected by the known
    // words; others (لبنان) lose the letter, but in every form alike.
    if let Some(rest) = word.strip_prefix(['ب', 'ل'])
        && char_len(rest) >= 3
    {
        return Some(rest);
    }
    // ك ("like") and ف ("so") attach far less often than they begin words (كرامة, كوارث,
    // فريق, فقر): only when the rest is a known word.
    if let Some(rest) = word.strip_prefix(['ب', 'ل', 'ك', 'ف'])
        && char_len(rest) >= 2
        && is_known(rest, tables)
    {
        return Some(rest);
    }
    None
}

/// Stems a normalised Arabic word (see the module documentation). Words of fewer than three
/// letters and words in other scripts come back unchanged. The stem is a part of `word` or an
/// entry of the plural table: nothing is allocated.
pub fn stem(word: &str) -> &str {
    if char_len(word) < 3 || !word.chars().any(|c| ('\u{0621}'..='\u{064A}').contains(&c)) {
        return word;
    }
    let tables = tables();
    let mut word = word;
    for _ in 0..3 {
        if is_known(word, tables) {
            break;
        }
        match strip_one_prefix(word, tables) {
            Some(rest) => word = rest,
            None => break,
        }
    }
    suffixes(word, tables)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stem_of(word: &str) -> String {
        let mut normalized = String::new();
        normalize_word(word, NormalizeOptions::default(), &mut normalized);
        stem(&normalized).to_string()
    }

    fn same(words: &[&str]) {
        let first = stem_of(words[0]);
        for word in words {
            assert_eq!(stem_of(word), first, "{word} vs {}", words[0]);
        }
    }

    #[test]
    fn article_conjunction_and_preposition_give_the_same_stem() {
        same(&["الإنسان", "إنسان", "وللإنسان", "بالإنسان", "والإنسان"]);
        same(&[
            "التعاون",
            "تعاون",
            "والتعاون",
            "بالتعاون",
            "للتعاون",
            "فالتعاون",
            "وبالتعاون",
        ]);
        assert_eq!(stem_of("التعاون"), "تعاون");
        assert_eq!(stem_of("الإنسان"), "انسان");
    }

    #[test]
    fn broken_plurals_meet_their_singulars() {
        same(&[
            "حق",
            "الحق",
            "حقوق",
            "الحقوق",
            "وحقوق",
            "لحقوق",
            "حقوقهم",
            "بالحقوق",
        ]);
        same(&["دولة", "الدول", "دول", "الدولة", "للدول"]);
        same(&["تقرير", "تقارير", "التقارير", "تقريرها"]);
        same(&["بلد", "بلدان", "البلدان", "للبلدان"]);
        same(&["مجلس", "مجالس", "المجالس"]);
        same(&["قرار", "قرارات", "القرارات", "قراراتها", "وقراراته"]);
    }

    #[test]
    fn international_is_not_states() {
        assert_ne!(stem_of("الدولي"), stem_of("الدول"));
        same(&["الدولي", "الدولية", "دولي", "الدوليين"]);
    }

    #[test]
    fn words_that_begin_like_proclitics_survive() {
        same(&["ولاية", "الولاية", "ولايات", "والولاية"]);
        same(&["آلية", "الآلية", "آليات", "والآليات"]);
        same(&["التزام", "الالتزام", "والتزامات", "التزامات"]);
        same(&["لجنة", "اللجنة", "لجان", "واللجان", "للجنة", "وللجنة"]);
        assert_eq!(stem_of("لجنة"), "لجن");
        assert_eq!(stem_of("بلد"), "بلد");
        same(&["تعزيز", "لتعزيز", "بتعزيز", "ولتعزيز", "التعزيز"]);
    }

    #[test]
    fn suffixes_are_removed_conservatively() {
        same(&["حكومة", "الحكومة", "حكومات", "حكومتها", "حكوماتهم"]);
        same(&["المدافعين", "مدافعون", "المدافع"]);
        same(&["لاجئي", "اللاجئين", "للاجئين", "لاجئ"]);
        same(&["ممثلي", "ممثل", "ممثليها", "الممثلين"]);
        assert_eq!(stem_of("تمكين"), "تمكين");
        assert_eq!(stem_of("قانون"), "قانون");
        assert_eq!(stem_of("تفاهم"), "تفاهم");
        assert_eq!(stem_of("برلمان"), "برلمان");
        // Short words are left alone.
        assert_eq!(stem_of("من"), "من");
        assert_eq!(stem_of("hrc"), "hrc");
    }
}
