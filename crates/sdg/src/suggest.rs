//! A transparent suggester of SDG targets for a recommendation's English text.
//!
//! It only suggests: every suggestion carries the keywords and phrases that produced it, so
//! that a person can judge it, and nothing here links a recommendation to a target by itself.
//! The method is plain on purpose (a reviewer can predict it): the text is cut into words,
//! lower-cased, stop words dropped and lightly stemmed; each keyword phrase of the built-in
//! table ([`crate::keywords`]) that occurs as consecutive words adds its weight to its targets;
//! with [`Suggester::with_titles`] the significant words of each target's English title add a
//! smaller weight, larger for words few targets share. Ranking is by score, then by code.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::Serialize;

use crate::code::TargetCode;
use crate::keywords::KEYWORDS;
use crate::model::Sdgs;

/// A target suggested for a text, with why.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Suggestion {
    pub target: TargetCode,
    /// The sum of the matched keywords' weights (built-in keywords 1 to 3; title words 0.2 to
    /// 0.7), rounded to hundredths.
    pub score: f32,
    /// What matched, strongest first: `keyword "trafficking in persons"`, `title word
    /// "marriage"`, `theme "Trafficking": keyword "trafficking"`.
    pub reasons: Vec<String>,
}

/// The lowest score suggested: one topical keyword, or two uncommon title words (one title
/// word alone is never enough).
pub const MIN_SCORE: f32 = 1.0;

/// A keyword's words, analysed like a text's; a word written `discriminat*` matches any word
/// beginning so.
#[derive(Clone, Debug)]
enum Pattern {
    Stem(String),
    Prefix(String),
}

#[derive(Clone, Debug)]
struct Keyword {
    phrase: String,
    patterns: Vec<Pattern>,
    /// (target, weight, from a title)
    targets: Vec<(TargetCode, f32, bool)>,
}

/// Words `start..end` of a text.
type Span = (usize, usize);

/// A target's matched keywords (by index) → where each first matched.
type Matches = BTreeMap<usize, (Source, Span)>;

/// The suggester: the built-in keyword table, and optionally the targets' title words.
#[derive(Clone, Debug)]
pub struct Suggester {
    keywords: Vec<Keyword>,
}

impl Default for Suggester {
    fn default() -> Self {
        Suggester::builtin()
    }
}

/// A text's word: its lower-case form and its stem.
#[derive(Clone, Debug)]
struct Word {
    lower: String,
    stem: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Source {
    Text,
    /// Index into the themes given.
    Theme(usize),
}

impl Suggester {
    /// The built-in keyword table only: needs no data.
    pub fn builtin() -> Suggester {
        let mut by_phrase: BTreeMap<String, Keyword> = BTreeMap::new();
        for (code, phrases) in KEYWORDS {
            let target: TargetCode = code
                .parse()
                .expect("the built-in table's codes are targets (tested)");
            for &(phrase, weight) in phrases.iter() {
                let entry = by_phrase
                    .entry(phrase.to_string())
                    .or_insert_with(|| Keyword {
                        phrase: phrase.to_string(),
                        patterns: patterns(phrase),
                        targets: Vec::new(),
                    });
                entry.targets.push((target, f32::from(weight), false));
            }
        }
        Suggester {
            keywords: by_phrase
                .into_values()
                .filter(|k| !k.patterns.is_empty())
                .collect(),
        }
    }

    /// The built-in table and the significant words of each target's English title (stop words
    /// and the words common to the framework's phrasing removed, lightly stemmed). A word in
    /// one target's title weighs 0.7, one in many down to 0.2; words in more than
    /// [`TITLE_WORD_MAX_TARGETS`] targets are left out.
    pub fn with_titles(sdgs: &Sdgs) -> Suggester {
        let mut suggester = Suggester::builtin();
        // stem → (first form seen, targets having it)
        let mut words: BTreeMap<String, (String, Vec<TargetCode>)> = BTreeMap::new();
        let stop_stems: BTreeSet<String> = TITLE_STOP_WORDS.iter().map(|w| stem(w)).collect();
        for target in &sdgs.targets {
            for word in analyse(target.titles.en()) {
                if !is_title_word(&word, &stop_stems) {
                    continue;
                }
                let entry = words
                    .entry(word.stem.clone())
                    .or_insert_with(|| (word.lower.clone(), Vec::new()));
                if !entry.1.contains(&target.code) {
                    entry.1.push(target.code);
                }
            }
        }
        let n = sdgs.targets.len().max(2) as f32;
        for (stem, (form, targets)) in words {
            if targets.len() > TITLE_WORD_MAX_TARGETS {
                continue;
            }
            let idf = (n / targets.len() as f32).ln() / n.ln();
            let weight = 0.2 + 0.5 * idf;
            suggester.keywords.push(Keyword {
                phrase: form,
                patterns: vec![Pattern::Stem(stem)],
                targets: targets.into_iter().map(|t| (t, weight, true)).collect(),
            });
        }
        suggester
    }

    /// The keywords (phrase, weight) that the suggester has for a target: what it will look
    /// for, shown to whoever wants to check it.
    pub fn keywords_of(&self, target: TargetCode) -> Vec<(&str, f32)> {
        let mut out: Vec<(&str, f32)> = self
            .keywords
            .iter()
            .flat_map(|k| {
                k.targets
                    .iter()
                    .filter(move |(t, ..)| *t == target)
                    .map(move |(_, w, _)| (k.phrase.as_str(), *w))
            })
            .collect();
        out.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(b.0)));
        out
    }

    /// The targets that have at least one keyword, in order.
    pub fn targets(&self) -> Vec<TargetCode> {
        let set: BTreeSet<TargetCode> = self
            .keywords
            .iter()
            .flat_map(|k| k.targets.iter().map(|(t, ..)| *t))
            .collect();
        set.into_iter().collect()
    }

    /// The targets suggested for a recommendation's English text and its themes (such as
    /// UPR Info's "Trafficking", "Women's rights"; may be empty), best first; only those
    /// scoring at least [`MIN_SCORE`]. Take the first few and let a person decide.
    pub fn suggest(&self, text: &str, themes: &[&str]) -> Vec<Suggestion> {
        let mut sources = vec![(Source::Text, analyse(text))];
        for (i, theme) in themes.iter().enumerate() {
            sources.push((Source::Theme(i), analyse(theme)));
        }
        // target → keyword index → (source, span) of its first match
        let mut found: BTreeMap<TargetCode, Matches> = BTreeMap::new();
        for (source, words) in &sources {
            let mut positions: HashMap<&str, Vec<usize>> = HashMap::new();
            for (i, w) in words.iter().enumerate() {
                positions.entry(w.stem.as_str()).or_default().push(i);
            }
            for (k, keyword) in self.keywords.iter().enumerate() {
                let Some(span) = find(&keyword.patterns, words, &positions) else {
                    continue;
                };
                for (target, ..) in &keyword.targets {
                    found
                        .entry(*target)
                        .or_default()
                        .entry(k)
                        .or_insert((*source, span));
                }
            }
        }
        let mut suggestions = Vec::new();
        for (target, matches) in found {
            // A keyword inside a longer one matched for the same target in the same text
            // ("trafficking" inside "trafficking in persons") is not counted twice; nor is a
            // title word already matched as a built-in keyword's word.
            let mut kept: Vec<(usize, Source, (usize, usize))> = Vec::new();
            let mut ordered: Vec<(usize, Source, (usize, usize))> = matches
                .iter()
                .map(|(&k, &(s, span))| (k, s, span))
                .collect();
            ordered.sort_by_key(|&(k, s, (a, b))| (std::cmp::Reverse(b - a), s, k));
            for (k, source, (a, b)) in ordered {
                let inside = kept
                    .iter()
                    .any(|&(_, s, (ka, kb))| s == source && ka <= a && b <= kb);
                if !inside {
                    kept.push((k, source, (a, b)));
                }
            }
            let mut weighted: Vec<(f32, String)> = kept
                .iter()
                .map(|&(k, source, _)| {
                    let keyword = &self.keywords[k];
                    let &(_, weight, title) = keyword
                        .targets
                        .iter()
                        .find(|(t, ..)| *t == target)
                        .expect("matched for this target");
                    let what = if title { "title word" } else { "keyword" };
                    let reason = match source {
                        Source::Text => format!("{what} \"{}\"", keyword.phrase),
                        Source::Theme(i) => {
                            format!(
                                "theme \"{}\": {what} \"{}\"",
                                themes[i].trim(),
                                keyword.phrase
                            )
                        }
                    };
                    (weight, reason)
                })
                .collect();
            weighted.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
            let score: f32 = weighted.iter().map(|(w, _)| w).sum();
            let score = (score * 100.0).round() / 100.0;
            if score >= MIN_SCORE {
                suggestions.push(Suggestion {
                    target,
                    score,
                    reasons: weighted.into_iter().map(|(_, r)| r).collect(),
                });
            }
        }
        suggestions.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.target.cmp(&b.target)));
        suggestions
    }
}

/// Title words shared by more targets than this say nothing about any one of them.
pub const TITLE_WORD_MAX_TARGETS: usize = 12;

/// The first occurrence of the patterns as consecutive words: (first, last + 1).
fn find(
    patterns: &[Pattern],
    words: &[Word],
    positions: &HashMap<&str, Vec<usize>>,
) -> Option<(usize, usize)> {
    let matches = |p: &Pattern, w: &Word| match p {
        Pattern::Stem(s) => w.stem == *s,
        Pattern::Prefix(p) => w.lower.starts_with(p.as_str()),
    };
    let fits = |start: usize| {
        start + patterns.len() <= words.len()
            && patterns
                .iter()
                .zip(&words[start..])
                .all(|(p, w)| matches(p, w))
    };
    let start = match &patterns[0] {
        Pattern::Stem(s) => positions
            .get(s.as_str())?
            .iter()
            .copied()
            .find(|&i| fits(i)),
        Pattern::Prefix(_) => (0..words.len()).find(|&i| fits(i)),
    }?;
    Some((start, start + patterns.len()))
}

fn patterns(phrase: &str) -> Vec<Pattern> {
    phrase
        .split_whitespace()
        .flat_map(|w| {
            let prefix = w.strip_suffix('*');
            let mut words: Vec<Pattern> = analyse(prefix.unwrap_or(w))
                .into_iter()
                .map(|w| Pattern::Stem(w.stem))
                .collect();
            // `afro-descendant*`: the words before the last are whole, the last a prefix.
            if let Some(prefix) = prefix
                && let Some(last) = analyse(prefix).pop()
            {
                words.pop();
                words.push(Pattern::Prefix(last.lower));
            }
            words
        })
        .collect()
}

/// Words: letters and digits, lower case; an apostrophe's `s` dropped (`women's` → `women`);
/// stop words dropped; each stemmed.
fn analyse(text: &str) -> Vec<Word> {
    let mut words = Vec::new();
    for raw in text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’')) {
        let lower = raw.to_lowercase();
        let lower = lower
            .trim_end_matches(['\'', '’'])
            .trim_end_matches("'s")
            .trim_end_matches("’s")
            .trim_matches(['\'', '’'])
            .replace(['\'', '’'], "");
        if lower.is_empty() || STOP_WORDS.binary_search(&lower.as_str()).is_ok() {
            continue;
        }
        let stem = stem(&lower);
        words.push(Word { lower, stem });
    }
    words
}

/// A light English stemmer, the same for texts and keywords: irregular plurals, plural `-s`,
/// `-ies`, `-ing`, `-ed` and a final `-e`, so that "trafficked", "trafficking" and the
/// keyword "trafficking" meet, as do "courts" and "court", "ensure" and "ensuring". Anything
/// finer (`-ation`, `-ory`) is left to keywords written with `*`.
pub(crate) fn stem(word: &str) -> String {
    match word {
        "women" => return "woman".into(),
        "men" => return "man".into(),
        "children" => return "child".into(),
        "people" | "peoples" => return "people".into(),
        // Not the plural of "aid".
        "aids" => return "aids".into(),
        _ => {}
    }
    let n = word.chars().count();
    if n <= 3 || !word.is_ascii() {
        return word.to_string();
    }
    let mut w = word.to_string();
    if let Some(base) = w.strip_suffix("ies")
        && n > 4
    {
        w = format!("{base}y");
    } else if w.ends_with("sses") {
        w.truncate(w.len() - 2);
    } else if let Some(base) = w.strip_suffix("es")
        && (base.ends_with("ch") || base.ends_with("sh") || base.ends_with('x'))
    {
        w = base.to_string();
    } else if w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is")
        && !w.ends_with("ics")
    {
        w.pop();
    }
    if let Some(base) = w.strip_suffix("ied")
        && base.len() >= 3
    {
        w = format!("{base}y");
    } else if let Some(base) = w.strip_suffix("ing")
        && base.len() >= 4
    {
        w = undouble(base);
    } else if let Some(base) = w.strip_suffix("ed")
        && base.len() >= 4
    {
        w = undouble(base);
    }
    if w.len() > 4 && w.ends_with('e') {
        w.pop();
    }
    w
}

/// "committ" → "commit", "plann" → "plan"; "traffick", "install" are kept.
fn undouble(base: &str) -> String {
    let b = base.as_bytes();
    let n = b.len();
    if n >= 2 && b[n - 1] == b[n - 2] && !matches!(b[n - 1], b'l' | b's' | b'z') {
        base[..n - 1].to_string()
    } else {
        base.to_string()
    }
}

/// English function words, sorted (binary search).
const STOP_WORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "against",
    "all",
    "also",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "been",
    "being",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "during",
    "each",
    "etc",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "may",
    "might",
    "more",
    "most",
    "must",
    "no",
    "nor",
    "not",
    "of",
    "on",
    "once",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "out",
    "over",
    "own",
    "same",
    "shall",
    "she",
    "should",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "too",
    "under",
    "until",
    "up",
    "upon",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "within",
    "would",
    "you",
    "your",
];

/// Words of the targets' titles that belong to the framework's phrasing rather than to any
/// one target's subject, sorted (binary search).
const TITLE_STOP_WORDS: &[&str] = &[
    "2020",
    "2025",
    "2030",
    "access",
    "accordance",
    "achieve",
    "achieving",
    "action",
    "address",
    "addressing",
    "adopt",
    "affordable",
    "age",
    "ages",
    "agreed",
    "all",
    "among",
    "appropriate",
    "area",
    "available",
    "basic",
    "boys",
    "build",
    "capacity",
    "cent",
    "children",
    "combat",
    "commitment",
    "commitments",
    "consistent",
    "cooperation",
    "countries",
    "country",
    "create",
    "design",
    "developed",
    "developing",
    "development",
    "double",
    "effective",
    "efforts",
    "eliminate",
    "encourage",
    "end",
    "enhance",
    "enhanced",
    "ensure",
    "ensuring",
    "equal",
    "equitable",
    "eradicate",
    "especially",
    "every",
    "everywhere",
    "expand",
    "facilitate",
    "focus",
    "focusing",
    "forms",
    "framework",
    "full",
    "girls",
    "global",
    "halve",
    "human",
    "implement",
    "implementation",
    "implementing",
    "improve",
    "improved",
    "improvement",
    "including",
    "inclusive",
    "increase",
    "increasing",
    "information",
    "integrate",
    "integrated",
    "international",
    "law",
    "laws",
    "least",
    "level",
    "levels",
    "line",
    "mainstream",
    "maintain",
    "management",
    "means",
    "measure",
    "measures",
    "men",
    "mobilize",
    "national",
    "number",
    "particular",
    "particularly",
    "people",
    "per",
    "percent",
    "persons",
    "plan",
    "policies",
    "policy",
    "poor",
    "principle",
    "principles",
    "private",
    "programme",
    "programmes",
    "progress",
    "progressively",
    "promote",
    "promotion",
    "proportion",
    "protect",
    "provide",
    "public",
    "quality",
    "reduce",
    "reducing",
    "regular",
    "related",
    "relevant",
    "resilient",
    "respect",
    "rights",
    "safe",
    "significant",
    "significantly",
    "situations",
    "small",
    "states",
    "strengthen",
    "strengthening",
    "substantial",
    "substantially",
    "support",
    "sustain",
    "sustainable",
    "sustainably",
    "sustained",
    "system",
    "systems",
    "take",
    "taking",
    "towards",
    "types",
    "upgrade",
    "vulnerable",
    "ways",
    "well",
    "within",
    "women",
    "world",
    "year",
    "years",
];

/// Compared by stem, so that "ensuring" is left out with "ensure".
fn is_title_word(word: &Word, stop_stems: &BTreeSet<String>) -> bool {
    word.lower.chars().count() >= 3
        && !word.lower.chars().all(|c| c.is_ascii_digit())
        && !stop_stems.contains(&word.stem)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_lists_are_sorted() {
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(TITLE_STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn stemming_meets_the_forms() {
        for (a, b) in [
            ("trafficking", "trafficked"),
            ("courts", "court"),
            ("ensure", "ensuring"),
            ("policies", "policy"),
            ("ratified", "ratify"),
            ("women", "women's"),
            ("committed", "commit"),
            ("marriages", "marriage"),
            ("institutions", "institution"),
        ] {
            let sa = analyse(a);
            let sb = analyse(b);
            assert_eq!(sa[0].stem, sb[0].stem, "{a} / {b}");
        }
        assert_eq!(stem("status"), "status");
        assert_eq!(stem("access"), "access");
        assert_eq!(stem("basis"), "basis");
    }

    fn top(text: &str, themes: &[&str], n: usize) -> Vec<String> {
        Suggester::builtin()
            .suggest(text, themes)
            .iter()
            .take(n)
            .map(|s| s.target.to_string())
            .collect()
    }

    #[test]
    fn realistic_recommendations() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Ratify the Optional Protocol to the Convention against Torture",
                &["16.3"],
            ),
            (
                "Take measures to combat trafficking in persons, in particular women and children",
                &["16.2", "5.2", "8.7"],
            ),
            (
                "Raise the minimum age of marriage to 18 years for girls and boys",
                &["5.3"],
            ),
            (
                "Eliminate the practice of female genital mutilation",
                &["5.3"],
            ),
            (
                "Ensure that all children are registered at birth free of charge",
                &["16.9"],
            ),
            (
                "Strengthen birth registration, especially in rural areas",
                &["16.9"],
            ),
            (
                "Adopt a law criminalizing domestic violence, including marital rape",
                &["5.2"],
            ),
            (
                "Repeal all legal provisions that discriminate against women and girls",
                &["5.1"],
            ),
            (
                "Intensify the fight against corruption and bribery in the public sector",
                &["16.5"],
            ),
            (
                "Bring its national human rights institution into full compliance with the Paris Principles",
                &["16.a"],
            ),
            (
                "Guarantee free and compulsory primary education for all children",
                &["4.1"],
            ),
            ("Eradicate child labour and forced labour", &["8.7"]),
            (
                "Guarantee the independence of the judiciary and access to legal aid",
                &["16.3"],
            ),
            (
                "Protect journalists and human rights defenders and guarantee freedom of expression",
                &["16.10"],
            ),
            (
                "Increase the representation of women in parliament and government",
                &["5.5"],
            ),
            (
                "Improve access to safe drinking water and sanitation",
                &["6.1", "6.2"],
            ),
            ("Reduce maternal and infant mortality", &["3.1", "3.2"]),
            ("Combat racial discrimination and xenophobia", &["10.3"]),
            (
                "Protect the rights of migrants and asylum seekers",
                &["10.7"],
            ),
            (
                "Take urgent measures to mitigate the effects of climate change",
                &["13.2"],
            ),
        ];
        for (text, expected) in cases {
            let got = top(text, &[], expected.len() + 1);
            for e in expected.iter() {
                assert!(got.contains(&e.to_string()), "{text}: {e} not in {got:?}");
            }
        }
    }

    #[test]
    fn reasons_and_themes() {
        let s = Suggester::builtin();
        let got = s.suggest(
            "Redouble efforts in this area",
            &["Trafficking", "Women's rights"],
        );
        let t = got.iter().find(|g| g.target.to_string() == "16.2").unwrap();
        assert_eq!(
            t.reasons,
            ["theme \"Trafficking\": keyword \"trafficking\""]
        );
        assert_eq!(t.score, 2.0);
        assert!(got.iter().any(|g| {
            g.target.to_string() == "5.1"
                && g.reasons
                    .iter()
                    .any(|r| r.starts_with("theme \"Women's rights\""))
        }));
        // Nothing to go on: nothing suggested.
        assert!(s.suggest("Continue its efforts", &[]).is_empty());
        assert!(s.suggest("", &[]).is_empty());
    }

    #[test]
    fn ranking_is_deterministic() {
        let s = Suggester::builtin();
        let text =
            "Combat violence against women and children, trafficking, torture and corruption";
        let first = s.suggest(text, &[]);
        for _ in 0..5 {
            assert_eq!(Suggester::builtin().suggest(text, &[]), first);
        }
        assert!(
            first.windows(2).all(|w| w[0].score > w[1].score
                || (w[0].score == w[1].score && w[0].target < w[1].target))
        );
    }

    #[test]
    fn the_table_is_visible() {
        let s = Suggester::builtin();
        let k = s.keywords_of("5.3".parse().unwrap());
        assert!(k.contains(&("child marriage", 3.0)));
        assert_eq!(s.targets().len(), crate::keywords::KEYWORDS.len());
    }

    #[test]
    fn phrases_skip_stop_words_both_sides() {
        let s = Suggester::builtin();
        let got = s.suggest("Combat the trafficking of persons", &[]);
        let first = got.iter().find(|g| g.target.to_string() == "16.2").unwrap();
        assert!(
            first
                .reasons
                .iter()
                .any(|r| r.contains("trafficking in persons"))
        );
    }
}
