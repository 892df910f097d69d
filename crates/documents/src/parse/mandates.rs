//! Mandates: what an operative paragraph asks someone to do, who, what it produces and when.
//!
//! A paragraph may hold several ("يطلب إلى الأمين العام أن …، ويطلب إلى المفوض السامي أن يعدّ
//! تقريراً … في دورته الثالثة والستين"): each directive verb opens a clause that runs to the next
//! one, and the output and due session are looked for in that clause only. A paragraph that
//! recalls a request made elsewhere ("يشير إلى أن الجمعية العامة طلبت … إلى الأمين العام أن
//! يجري … مشاورات", "Recalls that the General Assembly … requested the Secretary-General to
//! hold consultations") is a mandate too: the platform tracks it all the same.
//!
//! Calls without an addressee ("ويدعو إلى تكثيف التعاون", "calls for") are not mandates.

use std::sync::LazyLock;

use super::Lang;
use crate::lex::{Kind, Token};
use crate::model::{Addressee, Body, Mandate, OutputKind};
use crate::normalize::{Folded, normalize_for_search, strip_diacritics};
use crate::ordinals;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Verb {
    /// يطلب إلى X أن …; requests X to …
    Request,
    /// يدعو X إلى …; calls upon / invites X to …
    CallUpon,
    /// يهيب بX أن …; appeals to X to …
    Appeal,
    /// يحث / يشجع X على …; urges / encourages X to …
    Urge,
    /// يقرر …; decides to / that …
    Decide,
    /// طلبت … إلى X أن … in a paragraph that recalls; requested X to …
    Recalled,
}

fn arabic_verb(word: &str) -> Option<Verb> {
    Some(match word {
        "يطلب" => Verb::Request,
        "يدعو" => Verb::CallUpon,
        "يهيب" | "يناشد" => Verb::Appeal,
        "يحث" | "يشجع" => Verb::Urge,
        "يقرر" => Verb::Decide,
        _ => return None,
    })
}

/// English verbs by their first word, and the word that must follow for two-word verbs.
fn english_verb(word: &str, next: Option<&str>) -> Option<(Verb, usize)> {
    Some(match (word, next) {
        ("requests", _) => (Verb::Request, 1),
        ("calls", Some("upon" | "on")) => (Verb::CallUpon, 2),
        ("invites", _) => (Verb::CallUpon, 1),
        ("appeals", Some("to")) => (Verb::Appeal, 2),
        ("urges" | "encourages", _) => (Verb::Urge, 1),
        ("decides", _) => (Verb::Decide, 1),
        _ => return None,
    })
}

const ARABIC_ADVERBS: &[&str] = &["ايضا", "كذلك", "مجددا", "بشده", "مره", "اخري"];
const ENGLISH_ADVERBS: &[&str] = &["also", "further", "strongly", "once", "again", "moreover"];

/// Recalling verbs: a past request in such a paragraph is a mandate.
fn recalls(words: &[&str]) -> bool {
    let first = words
        .iter()
        .find(|w| !ENGLISH_ADVERBS.contains(w) && !ARABIC_ADVERBS.contains(w));
    matches!(
        first.copied().unwrap_or(""),
        "يشير" | "يذكر" | "يستذكر" | "recalls" | "recalling" | "notes" | "recall"
    )
}

/// Addressees by name (folded before use); `None` means the body itself (decided by the document's body).
const ADDRESSEES: &[(&str, Option<Addressee>)] = &[
    (
        "مفوضيه الامم المتحده الساميه لحقوق الانسان",
        Some(Addressee::HighCommissioner),
    ),
    (
        "مفوض الامم المتحده السامي لحقوق الانسان",
        Some(Addressee::HighCommissioner),
    ),
    (
        "مفوضيه الامم المتحده الساميه",
        Some(Addressee::HighCommissioner),
    ),
    (
        "مفوض الامم المتحده السامي",
        Some(Addressee::HighCommissioner),
    ),
    ("المفوضيه الساميه", Some(Addressee::HighCommissioner)),
    ("المفوض السامي", Some(Addressee::HighCommissioner)),
    ("المفوضيه", Some(Addressee::HighCommissioner)),
    ("الامين العام", Some(Addressee::SecretaryGeneral)),
    ("جميع الدول", Some(Addressee::States)),
    ("الدول الاعضاء", Some(Addressee::States)),
    ("الدول", Some(Addressee::States)),
    ("جميع الحكومات", Some(Addressee::States)),
    ("الحكومات", Some(Addressee::States)),
    ("منظومه الامم المتحده", Some(Addressee::UnSystem)),
    ("وكالات الامم المتحده", Some(Addressee::UnSystem)),
    ("الوكالات المتخصصه", Some(Addressee::UnSystem)),
    ("هيئات الامم المتحده", Some(Addressee::UnSystem)),
    ("اليات الامم المتحده", Some(Addressee::UnSystem)),
    ("الاجراءات الخاصه", Some(Addressee::UnSystem)),
    ("هيئات المعاهدات", Some(Addressee::UnSystem)),
    ("المقرر الخاص", Some(Addressee::UnSystem)),
    ("الفريق العامل", Some(Addressee::UnSystem)),
    ("مجلس حقوق الانسان", None),
    ("المجلس", None),
    ("الجمعيه العامه", None),
    (
        "the office of the united nations high commissioner for human rights",
        Some(Addressee::HighCommissioner),
    ),
    (
        "the united nations high commissioner for human rights",
        Some(Addressee::HighCommissioner),
    ),
    (
        "the office of the high commissioner",
        Some(Addressee::HighCommissioner),
    ),
    ("the high commissioner", Some(Addressee::HighCommissioner)),
    ("the office", Some(Addressee::HighCommissioner)),
    ("the secretary-general", Some(Addressee::SecretaryGeneral)),
    ("all member states", Some(Addressee::States)),
    ("member states", Some(Addressee::States)),
    ("all states", Some(Addressee::States)),
    ("states", Some(Addressee::States)),
    ("all governments", Some(Addressee::States)),
    ("governments", Some(Addressee::States)),
    ("the united nations system", Some(Addressee::UnSystem)),
    (
        "relevant united nations agencies",
        Some(Addressee::UnSystem),
    ),
    ("united nations agencies", Some(Addressee::UnSystem)),
    ("the specialized agencies", Some(Addressee::UnSystem)),
    ("the special procedures", Some(Addressee::UnSystem)),
    ("special procedures", Some(Addressee::UnSystem)),
    ("the treaty bodies", Some(Addressee::UnSystem)),
    ("the special rapporteur", Some(Addressee::UnSystem)),
    ("the working group", Some(Addressee::UnSystem)),
    (
        "relevant united nations mechanisms",
        Some(Addressee::UnSystem),
    ),
    (
        "the united nations human rights mechanisms",
        Some(Addressee::UnSystem),
    ),
    ("the human rights council", None),
    ("the council", None),
    ("the general assembly", None),
];

/// The addressee table folded, longest names first.
static BY_LENGTH: LazyLock<Vec<(String, Option<Addressee>)>> = LazyLock::new(|| {
    let mut all: Vec<(String, Option<Addressee>)> = ADDRESSEES
        .iter()
        .map(|(name, who)| (normalize_for_search(name), *who))
        .collect();
    all.sort_by_key(|(name, _)| std::cmp::Reverse(name.len()));
    all
});

/// Whether a name of the body means the body itself or another organ.
fn the_body_or_other(name: &str, body: Body) -> Addressee {
    let hrc = name.contains("مجلس") || name.contains("council");
    match (hrc, body) {
        (true, Body::HumanRightsCouncil) | (false, Body::GeneralAssembly) => Addressee::TheBody,
        _ => Addressee::UnSystem,
    }
}

/// The addressee named at byte `at` of the folded text (prefixes ب و ل stripped), and the byte
/// after its name.
fn addressee_at(text: &str, at: usize, body: Body) -> Option<(Addressee, usize)> {
    let rest = text.get(at..)?;
    let mut starts = vec![0];
    for prefix in ["ب", "و", "ل", "وب", "ول"] {
        if rest.starts_with(prefix) {
            starts.push(prefix.len());
        }
    }
    for skip in starts {
        let candidate = &rest[skip..];
        for (name, who) in BY_LENGTH.iter() {
            let name_here = name.as_str();
            if candidate.starts_with(name_here)
                && candidate[name_here.len()..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric())
            {
                let who = who.unwrap_or_else(|| the_body_or_other(name, body));
                return Some((who, at + skip + name_here.len()));
            }
        }
    }
    None
}

struct Occurrence {
    verb: Verb,
    /// The token of the verb.
    at: usize,
    /// The first token after the verb (and its adverbs and particle).
    after: usize,
}

/// Extracts the mandates of operative paragraph `number`.
pub(crate) fn extract(
    folded: &Folded,
    toks: &[Token],
    number: u32,
    lang: Lang,
    body: Body,
    out: &mut Vec<Mandate>,
) {
    let text = folded.text.as_str();
    let words: Vec<&str> = toks.iter().map(|t| t.text(text)).collect();
    let occurrences = match lang {
        Lang::Ar => arabic_occurrences(toks, &words),
        Lang::En => english_occurrences(toks, &words, text),
    };
    for (index, occurrence) in occurrences.iter().enumerate() {
        let end = occurrences
            .get(index + 1)
            .map_or(toks.len(), |next| next.at);
        let clause = Clause {
            folded,
            text,
            toks: &toks[..end],
            words: &words[..end],
            lang,
        };
        if let Some(mandate) = clause.mandate(occurrence, number, body) {
            out.push(mandate);
        }
    }
}

fn arabic_occurrences(toks: &[Token], words: &[&str]) -> Vec<Occurrence> {
    let recalling = recalls(words);
    let mut out = Vec::new();
    for (i, word) in words.iter().enumerate() {
        if toks[i].kind != Kind::Word {
            continue;
        }
        let verb = if i == 0 {
            arabic_verb(word)
        } else {
            word.strip_prefix('و').and_then(arabic_verb)
        };
        let verb = verb
            .or_else(|| (recalling && matches!(*word, "طلبت" | "طلب")).then_some(Verb::Recalled));
        if let Some(verb) = verb {
            let mut after = i + 1;
            while words.get(after).is_some_and(|w| ARABIC_ADVERBS.contains(w)) {
                after += 1;
            }
            out.push(Occurrence { verb, at: i, after });
        }
    }
    out
}

fn english_occurrences(toks: &[Token], words: &[&str], text: &str) -> Vec<Occurrence> {
    let recalling = recalls(words);
    let mut out = Vec::new();
    for i in 0..words.len() {
        if toks[i].kind != Kind::Word {
            continue;
        }
        // At the start (after adverbs), or after ", and" / "; and".
        let mut before = i;
        while before > 0 && ENGLISH_ADVERBS.contains(&words[before - 1]) {
            before -= 1;
        }
        let opens = before == 0
            || (words[before - 1] == "and"
                && before >= 2
                && (toks[before - 2].is_punct(text, ',') || toks[before - 2].is_punct(text, ';')));
        if opens && let Some((verb, len)) = english_verb(words[i], words.get(i + 1).copied()) {
            out.push(Occurrence {
                verb,
                at: i,
                after: i + len,
            });
            continue;
        }
        if recalling && words[i] == "requested" {
            out.push(Occurrence {
                verb: Verb::Recalled,
                at: i,
                after: i + 1,
            });
        }
    }
    out
}

struct Clause<'c> {
    folded: &'c Folded<'c>,
    text: &'c str,
    toks: &'c [Token],
    words: &'c [&'c str],
    lang: Lang,
}

impl Clause<'_> {
    fn mandate(&self, occurrence: &Occurrence, number: u32, body: Body) -> Option<Mandate> {
        let (addressee, action_at) = self.addressee_and_action(occurrence, body)?;
        let action = self.action(action_at);
        let clause = occurrence.at..self.toks.len();
        Some(Mandate {
            paragraph: number,
            addressee,
            action,
            output: self.output(clause.clone()),
            due_session: self.due_session(clause),
        })
    }

    /// The first token starting at or after byte `at`.
    fn token_from(&self, at: usize) -> usize {
        self.toks.partition_point(|t| t.start < at)
    }

    fn word(&self, i: usize) -> Option<&str> {
        self.words.get(i).copied()
    }

    fn is_stop(&self, i: usize) -> bool {
        let t = &self.toks[i];
        t.kind == Kind::Punct
            && (t.is_punct(self.text, ';')
                || t.is_punct(self.text, '؛')
                || t.is_punct(self.text, '.'))
    }

    /// The first token at or after `from` (within `limit` tokens, in the sentence) that is one
    /// of `words`.
    fn find(&self, from: usize, limit: usize, words: &[&str]) -> Option<usize> {
        (from..self.toks.len().min(from + limit))
            .take_while(|i| !self.is_stop(*i))
            .find(|i| self.word(*i).is_some_and(|w| words.contains(&w)))
    }

    /// The token after a parenthesis between commas that opens at `i` ("، في قرارها …، ").
    fn skip_commas(&self, i: usize) -> usize {
        let comma = |j: usize| {
            self.toks
                .get(j)
                .is_some_and(|t| t.is_punct(self.text, ',') || t.is_punct(self.text, '،'))
        };
        if !comma(i) {
            return i;
        }
        (i + 1..self.toks.len().min(i + 30))
            .take_while(|j| !self.is_stop(*j))
            .find(|j| comma(*j))
            .map_or(i, |j| j + 1)
    }

    /// Who, and the token where the action starts.
    fn addressee_and_action(
        &self,
        occurrence: &Occurrence,
        body: Body,
    ) -> Option<(Addressee, usize)> {
        let mut at = occurrence.after;
        if occurrence.verb == Verb::Decide {
            while matches!(self.word(at), Some("ان" | "to" | "that")) {
                at += 1;
            }
            return Some((Addressee::TheBody, at));
        }
        match (self.lang, occurrence.verb) {
            (Lang::Ar, Verb::Request) => {
                if matches!(self.word(at), Some("الي" | "من")) {
                    at += 1;
                }
            }
            (Lang::Ar, Verb::Recalled) => at = self.find(at, 30, &["الي"])? + 1,
            (Lang::En, Verb::Recalled) => at = self.skip_commas(at),
            (Lang::Ar, Verb::CallUpon) if self.word(at) == Some("الي") => return None,
            (Lang::En, _) if matches!(self.word(at), Some("for" | "to")) => return None,
            _ => {}
        }
        let start = self.toks.get(at)?.start;
        let known = addressee_at(self.text, start, body);
        let terminators: &[&str] = match (self.lang, occurrence.verb) {
            (Lang::En, _) => &["to"],
            (Lang::Ar, Verb::CallUpon) => &["الي"],
            (Lang::Ar, Verb::Urge) => &["علي"],
            (Lang::Ar, _) => &["ان"],
        };
        // Search from the end of a known name: "the Office of the High Commissioner for Human
        // Rights to …" has its own "to"-less words, but "Requests States to" has none.
        let search_from = match known {
            Some((_, end)) => self.token_from(end),
            None => at,
        };
        let action_at = match self.find(search_from, 20, terminators) {
            Some(t) => {
                let mut a = t + 1;
                while matches!(self.word(a), Some("ان")) {
                    a += 1;
                }
                a
            }
            // "يطلب إلى جميع الدول وإلى منظومة الأمم المتحدة استكشاف …": a verbal noun after
            // the addressee(s).
            None if known.is_some() && self.lang == Lang::Ar => {
                self.after_addressees(search_from, body)
            }
            None => return None,
        };
        Some((known.map_or(Addressee::Other, |(who, _)| who), action_at))
    }

    /// Past further addressees joined by و / وإلى.
    fn after_addressees(&self, mut i: usize, body: Body) -> usize {
        while let Some(token) = self.toks.get(i) {
            let mut at = token.start;
            if self.word(i) == Some("والي") {
                match self.toks.get(i + 1) {
                    Some(next) => at = next.start,
                    None => break,
                }
            }
            match addressee_at(self.text, at, body) {
                Some((_, end)) if self.word(i).is_some_and(|w| w.starts_with('و')) => {
                    i = self.token_from(end);
                }
                _ => break,
            }
        }
        i
    }

    /// A few words from `at`, as written (without Arabic diacritics), without trailing
    /// prepositions; a parenthesis between commas after the first word is skipped ("تتخذ، بناءً
    /// على طلب الدول، التدابير اللازمة").
    fn action(&self, mut at: usize) -> String {
        const MAX_WORDS: usize = 4;
        // Each picked word: its first and last token ("above-mentioned" is three tokens).
        let mut picked: Vec<(usize, usize)> = Vec::new();
        while picked.len() < MAX_WORDS {
            let Some(token) = self.toks.get(at) else {
                break;
            };
            let hyphen_joins = token.is_punct(self.text, '-')
                && !token.spaced
                && self
                    .toks
                    .get(at + 1)
                    .is_some_and(|t| t.is_word() && !t.spaced);
            match token.kind {
                Kind::Punct if hyphen_joins && !picked.is_empty() => {
                    if let Some(last) = picked.last_mut() {
                        last.1 = at + 1;
                    }
                    at += 2;
                }
                Kind::Word | Kind::Number => {
                    picked.push((at, at));
                    at += 1;
                }
                Kind::Punct if picked.len() == 1 => {
                    let skipped = self.skip_commas(at);
                    if skipped == at {
                        break;
                    }
                    at = skipped;
                }
                Kind::Punct => break,
            }
        }
        while picked
            .last()
            .is_some_and(|(first, last)| first == last && is_trailing_stop_word(self.words[*first]))
        {
            picked.pop();
        }
        let written: Vec<String> = picked
            .iter()
            .map(|(first, last)| {
                let range = self.toks[*first].start..self.toks[*last].end;
                strip_diacritics(self.folded.source_slice(range))
            })
            .collect();
        written.join(" ")
    }

    fn output(&self, clause: std::ops::Range<usize>) -> Option<OutputKind> {
        let mut found: Vec<OutputKind> = Vec::new();
        for i in clause {
            let Some(word) = self.word(i) else { continue };
            let next = self.word(i + 1).unwrap_or("");
            let bare = strip_arabic_prefixes(word);
            let kind = match self.lang {
                Lang::Ar => {
                    if bare.contains("تقرير") || bare.contains("تقارير") {
                        Some(OutputKind::Report)
                    } else if (bare.starts_with("حلق") || bare.starts_with("الحلق"))
                        && ["دراسي", "عمل", "نقاش"].iter().any(|n| next.contains(n))
                    {
                        Some(OutputKind::Seminar)
                    } else if matches!(bare, "تجميع" | "مجموعه" | "المجموعه") {
                        Some(OutputKind::Compilation)
                    } else if matches!(bare, "مشاورات" | "المشاورات") {
                        Some(OutputKind::Consultation)
                    } else if matches!(bare, "دراسه" | "الدراسه") {
                        Some(OutputKind::Study)
                    } else {
                        None
                    }
                }
                Lang::En => match word {
                    w if w.starts_with("report") => Some(OutputKind::Report),
                    "seminar" | "seminars" | "workshop" | "workshops" => Some(OutputKind::Seminar),
                    "panel" if next.starts_with("discussion") => Some(OutputKind::Seminar),
                    "compilation" | "compile" => Some(OutputKind::Compilation),
                    "consult" | "consultation" | "consultations"
                        if i == 0 || self.word(i - 1) != Some("in") =>
                    {
                        Some(OutputKind::Consultation)
                    }
                    "study" => Some(OutputKind::Study),
                    _ => None,
                },
            };
            found.extend(kind);
        }
        // What a mandate produces, most specific first: a report on seminars is a report.
        [
            OutputKind::Report,
            OutputKind::Seminar,
            OutputKind::Compilation,
            OutputKind::Consultation,
            OutputKind::Study,
        ]
        .into_iter()
        .find(|k| found.contains(k))
    }

    /// "في دورته التاسعة والخمسين", "at its fifty-ninth session".
    fn due_session(&self, clause: std::ops::Range<usize>) -> Option<u32> {
        for i in clause {
            let word = self.word(i)?;
            match self.lang {
                Lang::Ar if matches!(word, "دورته" | "دورتها" | "الدوره" | "دوره") =>
                {
                    let following: Vec<&str> =
                        self.words[i + 1..].iter().take(3).copied().collect();
                    if let Some((n, _)) = ordinals::arabic_ordinal(&following) {
                        return Some(n);
                    }
                    if let Some(n) = following.first().and_then(|w| crate::lex::number_value(w)) {
                        return Some(n);
                    }
                }
                Lang::En if matches!(word, "session" | "sessions") && i > 0 => {
                    if let Some(n) = self.english_ordinal_before(i) {
                        return Some(n);
                    }
                }
                _ => {}
            }
        }
        None
    }

    /// The English ordinal that ends just before token `i`: "fifty-ninth", "fortieth", "59th".
    fn english_ordinal_before(&self, i: usize) -> Option<u32> {
        let last = self.word(i - 1)?;
        if i >= 3 && self.toks[i - 2].is_punct(self.text, '-') {
            let tens = self.word(i - 3)?;
            if let Some(n) = ordinals::english_ordinal(&format!("{tens}-{last}")) {
                return Some(n);
            }
        }
        if matches!(last, "st" | "nd" | "rd" | "th") && i >= 2 && !self.toks[i - 1].spaced {
            return crate::lex::number_value(self.word(i - 2)?);
        }
        ordinals::english_ordinal(last)
    }
}

fn strip_arabic_prefixes(word: &str) -> &str {
    let mut rest = word;
    for prefix in ["و", "ب", "ل"] {
        if let Some(r) = rest.strip_prefix(prefix)
            && r.chars().count() >= 4
        {
            rest = r;
        }
    }
    rest
}

fn is_trailing_stop_word(folded: &str) -> bool {
    matches!(
        folded,
        "في" | "الي"
            | "علي"
            | "من"
            | "عن"
            | "مع"
            | "هذه"
            | "هذا"
            | "ان"
            | "و"
            | "ب"
            | "to"
            | "of"
            | "on"
            | "in"
            | "for"
            | "the"
            | "a"
            | "an"
            | "and"
            | "with"
            | "at"
            | "by"
            | "its"
            | "their"
            | "that"
            | "this"
            | "these"
            | "such"
    )
}

/// The mandates of one operative paragraph's text.
#[cfg(test)]
pub(crate) fn mandates_of(text: &str, number: u32, lang: Lang, body: Body) -> Vec<Mandate> {
    let folded = Folded::new(text);
    let mut out = Vec::new();
    extract(
        &folded,
        &crate::lex::tokens(&folded.text),
        number,
        lang,
        body,
        &mut out,
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str, lang: Lang) -> Vec<(Addressee, String, Option<OutputKind>, Option<u32>)> {
        mandates_of(text, 1, lang, Body::HumanRightsCouncil)
            .into_iter()
            .map(|m| (m.addressee, m.action, m.output, m.due_session))
            .collect()
    }

    #[test]
    fn report_to_a_later_session() {
        assert_eq!(
            one(
                "يطلب إلى المفوض السامي أن يعدّ تقريراً جديداً عن أعمال المفوضية السامية، وأن يقدم تقريره إلى مجلس حقوق الإنسان في دورته التاسعة والخمسين؛",
                Lang::Ar
            ),
            [(
                Addressee::HighCommissioner,
                "يعد تقريرا جديدا".to_owned(),
                Some(OutputKind::Report),
                Some(59)
            )]
        );
    }

    #[test]
    fn two_mandates_in_one_paragraph() {
        let got = one(
            "يطلب إلى الأمين العام أن يمدّ الحلقات الدراسية الإقليمية الآنفة الذكر وخدماتها ومرافقها بجميع الموارد اللازمة، ويطلب إلى المفوض السامي أن يعدّ تقريراً موجزاً عن المناقشات التي ستجري خلال الحلقات الدراسية وأن يقدمه إلى مجلس حقوق الإنسان في دورته الثالثة والستين؛",
            Lang::Ar,
        );
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].0, Addressee::SecretaryGeneral);
        assert_eq!(got[0].2, Some(OutputKind::Seminar));
        assert_eq!(got[0].3, None);
        assert_eq!(got[1].0, Addressee::HighCommissioner);
        assert_eq!(got[1].1, "يعد تقريرا موجزا");
        assert_eq!(got[1].2, Some(OutputKind::Report));
        assert_eq!(got[1].3, Some(63));
    }

    #[test]
    fn the_body_itself() {
        assert_eq!(
            one(
                "يقرر مواصلة نظره في هذه المسألة في دورته التاسعة والخمسين، وفقاً لبرنامج عمله السنوي.",
                Lang::Ar
            ),
            [(Addressee::TheBody, "مواصلة نظره".to_owned(), None, Some(59))]
        );
        assert_eq!(
            one(
                "Decides to continue its consideration of this question at its fifty-ninth session, in accordance with its annual programme of work.",
                Lang::En
            ),
            [(
                Addressee::TheBody,
                "continue its consideration".to_owned(),
                None,
                Some(59)
            )]
        );
    }

    #[test]
    fn recalled_requests_and_masdar_actions() {
        let got = one(
            "يشير أيضاً إلى أن الجمعية العامة طلبت، في قرارها 199/78 المؤرخ 19 كانون الأول/ديسمبر 2023، إلى الأمين العام أن يجري، بالتعاون مع المفوض السامي، مشاورات مع الدول؛",
            Lang::Ar,
        );
        assert_eq!(
            got,
            [(
                Addressee::SecretaryGeneral,
                "يجري مشاورات مع الدول".to_owned(),
                Some(OutputKind::Consultation),
                None
            )]
        );
        let got = one(
            "يطلب إلى جميع الدول وإلى منظومة الأمم المتحدة استكشاف وتعزيز أوجه التكامل في التعاون الثلاثي، ويطلب إلى مفوض الأمم المتحدة السامي لحقوق الإنسان أن يضطلع بأنشطة ملموسة في هذا الصدد، بطرق منها دراسة أفضل الممارسات وتعزيزها وإعداد مجموعة منها؛",
            Lang::Ar,
        );
        assert_eq!(got[0].0, Addressee::States);
        assert_eq!(got[0].1, "استكشاف وتعزيز أوجه التكامل");
        assert_eq!(got[1].0, Addressee::HighCommissioner);
        assert_eq!(got[1].2, Some(OutputKind::Compilation));
    }

    #[test]
    fn calls_urges_and_appeals() {
        let got = one(
            "يهيب بالدول والوكالات المتخصصة أن تواصل إجراء حوار بنّاء ومشاورات، ويشجع المنظمات غير الحكومية على الإسهام بنشاط في هذا المسعى؛",
            Lang::Ar,
        );
        assert_eq!(got[0].0, Addressee::States);
        assert_eq!(got[0].1, "تواصل إجراء حوار بناء");
        assert_eq!(got[1].0, Addressee::Other);
        assert_eq!(got[1].1, "الإسهام بنشاط");
        let got = one(
            "يحثّ الدول على أن تتخذ، بناءً على طلب الدول الأعضاء المتأثرة، التدابير اللازمة لتعزيز التعاون؛",
            Lang::Ar,
        );
        assert_eq!(got[0].1, "تتخذ التدابير اللازمة لتعزيز");
        // A call without an addressee, and "encourages" without anyone to encourage.
        assert!(one("يؤكد مجدداً الحق، ويدعو إلى تكثيف التعاون الدولي؛", Lang::Ar).is_empty());
        assert!(
            one(
                "يؤكد مجدداً أن على الدول إعمال حقوقها، ويشجع التقيد بحقوق الإنسان وإعمالها؛",
                Lang::Ar
            )
            .is_empty()
        );
    }

    #[test]
    fn english_requests() {
        let got = one(
            "Requests the High Commissioner to prepare a new report on the work of the Office, and to submit it to the Human Rights Council at its fifty-ninth session;",
            Lang::En,
        );
        assert_eq!(
            got,
            [(
                Addressee::HighCommissioner,
                "prepare a new report".to_owned(),
                Some(OutputKind::Report),
                Some(59)
            )]
        );
        let got = one(
            "Calls upon States to continue to support the two funds, and requests the Secretary-General to provide all the resources necessary for the seminars;",
            Lang::En,
        );
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].0, Addressee::States);
        assert_eq!(got[1].0, Addressee::SecretaryGeneral);
        assert_eq!(got[1].2, Some(OutputKind::Seminar));
        let got = one(
            "Recalls that the General Assembly, in its resolution 78/199 of 19 December 2023, requested the Secretary-General to hold consultations with States;",
            Lang::En,
        );
        assert_eq!(got[0].0, Addressee::SecretaryGeneral);
        assert_eq!(got[0].1, "hold consultations with States");
        assert_eq!(got[0].2, Some(OutputKind::Consultation));
        assert!(
            one(
                "Reaffirms that cooperation, in consultation with States, matters;",
                Lang::En
            )
            .is_empty()
        );
    }
}
