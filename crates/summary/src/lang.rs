//! The report's two languages and everything written in them that is not a sentence of the
//! report: names of the vocabularies, numbers, ordinals and dates.
//!
//! The texts are written here rather than in the web crate's message files: the report is a
//! document of the Office, with the wording of UN documents, and must read the same whatever
//! the interface a reader uses.

use chrono::{Datelike, NaiveDate};
use taawun_cooperation::seminar::VenueKind;
use taawun_cooperation::{Region, StakeholderType, SubmitterType};
use taawun_report::Language;
use taawun_states::RegionalGroup;

/// A language the summary report is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lang {
    Ar,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Ar, Lang::En];

    /// The ISO 639-1 code.
    pub fn code(self) -> &'static str {
        self.engine().code
    }

    /// The report engine's language: its code and direction.
    pub fn engine(self) -> Language {
        match self {
            Lang::Ar => Language::ARABIC,
            Lang::En => Language::ENGLISH,
        }
    }

    /// The language the cooperation crate writes citations and dates in.
    pub(crate) fn citation(self) -> taawun_cooperation::Language {
        match self {
            Lang::Ar => taawun_cooperation::Language::Ar,
            Lang::En => taawun_cooperation::Language::En,
        }
    }

    pub(crate) fn chart_dir(self) -> taawun_charts::Dir {
        match self {
            Lang::Ar => taawun_charts::Dir::Rtl,
            Lang::En => taawun_charts::Dir::Ltr,
        }
    }

    /// `ar` or `en` text, whichever is this language's.
    pub(crate) fn pick<'a>(self, ar: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Ar => ar,
            Lang::En => en,
        }
    }

    /// The separator of a list written in a sentence or a cell.
    pub(crate) fn comma(self) -> &'static str {
        self.pick("، ", ", ")
    }
}

/// A count as the report writes it: grouped by thousands in English ("2,000"); in Arabic
/// without grouping, since a separator between Latin digits reads ambiguously in a
/// right-to-left line.
pub(crate) fn number(lang: Lang, n: u64) -> String {
    let digits = n.to_string();
    if lang == Lang::Ar {
        return digits;
    }
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `count` out of `total` as a whole percentage; a dash when there is no total to divide.
pub(crate) fn percent(count: u32, total: u32) -> String {
    if total == 0 {
        return "—".to_owned();
    }
    // Rounded half up without floating point.
    let (count, total) = (u64::from(count), u64::from(total));
    ((200 * count + total) / (2 * total)).to_string()
}

/// A noun with a count in English: "1 seminar", "2 seminars".
pub(crate) fn en_count(n: u64, one: &str, many: &str) -> String {
    format!(
        "{} {}",
        number(Lang::En, n),
        if n == 1 { one } else { many }
    )
}

/// Items joined as a sentence lists them: "A, B and C"; "أ، وب، وج" (and "أ وب" for two).
pub(crate) fn and_list(lang: Lang, items: &[&str]) -> String {
    match (lang, items) {
        (_, []) => String::new(),
        (_, [one]) => (*one).to_owned(),
        (Lang::En, [init @ .., last]) => format!("{} and {last}", init.join(", ")),
        (Lang::Ar, [a, b]) => format!("{a} و{b}"),
        (Lang::Ar, [first, rest @ ..]) => {
            let mut out = (*first).to_owned();
            for item in rest {
                out.push_str("، و");
                out.push_str(item);
            }
            out
        }
    }
}

/// A date as UN documents write it: "7 December 2026", "7 كانون الأول/ديسمبر 2026".
pub(crate) fn date(lang: Lang, day: NaiveDate) -> String {
    taawun_cooperation::citation::long_date(lang.citation(), day)
}

/// The days of a seminar: one date, "10–11 May 2026" within a month, both dates in full
/// otherwise.
pub(crate) fn days(lang: Lang, start: NaiveDate, end: NaiveDate) -> String {
    let dash = lang.pick("-", "–");
    if start == end {
        date(lang, start)
    } else if (start.year(), start.month()) == (end.year(), end.month()) {
        format!("{}{dash}{}", start.day(), date(lang, end))
    } else {
        format!("{} {dash} {}", date(lang, start), date(lang, end))
    }
}

/// A session's ordinal as a masthead writes it: "Sixty-third session", "الدورة الثالثة
/// والستون". Beyond the ninety-ninth, the figure.
pub(crate) fn session(lang: Lang, n: u32) -> String {
    match lang {
        Lang::En => match en_ordinal(n) {
            Some(word) => format!("{} session", capitalised(&word)),
            None => format!("Session {n}"),
        },
        Lang::Ar => match ar_ordinal_feminine(n) {
            Some(word) => format!("الدورة {word}"),
            None => format!("الدورة {n}"),
        },
    }
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// "first" to "ninety-ninth".
fn en_ordinal(n: u32) -> Option<String> {
    const UNITS: [&str; 20] = [
        "",
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
    const TENS: [(&str, &str); 10] = [
        ("", ""),
        ("", ""),
        ("twenty", "twentieth"),
        ("thirty", "thirtieth"),
        ("forty", "fortieth"),
        ("fifty", "fiftieth"),
        ("sixty", "sixtieth"),
        ("seventy", "seventieth"),
        ("eighty", "eightieth"),
        ("ninety", "ninetieth"),
    ];
    let n = usize::try_from(n).ok()?;
    match n {
        1..=19 => Some(UNITS[n].to_owned()),
        20..=99 => {
            let (tens, tenth) = TENS[n / 10];
            Some(if n % 10 == 0 {
                tenth.to_owned()
            } else {
                format!("{tens}-{}", UNITS[n % 10])
            })
        }
        _ => None,
    }
}

/// The feminine ordinal (a دورة is feminine), "الأولى" to "التاسعة والتسعون".
fn ar_ordinal_feminine(n: u32) -> Option<String> {
    const UNITS: [&str; 10] = [
        "",
        "الأولى",
        "الثانية",
        "الثالثة",
        "الرابعة",
        "الخامسة",
        "السادسة",
        "السابعة",
        "الثامنة",
        "التاسعة",
    ];
    const TENS: [&str; 10] = [
        "",
        "",
        "العشرون",
        "الثلاثون",
        "الأربعون",
        "الخمسون",
        "الستون",
        "السبعون",
        "الثمانون",
        "التسعون",
    ];
    let n = usize::try_from(n).ok()?;
    // After ten, "one" is الحادية, not الأولى.
    let unit = |u: usize| if u == 1 { "الحادية" } else { UNITS[u] };
    match n {
        1..=9 => Some(UNITS[n].to_owned()),
        10 => Some("العاشرة".to_owned()),
        11..=19 => Some(format!("{} عشرة", unit(n % 10))),
        20..=99 if n % 10 == 0 => Some(TENS[n / 10].to_owned()),
        20..=99 => Some(format!("{} و{}", unit(n % 10), TENS[n / 10])),
        _ => None,
    }
}

/// The numbering of a chapter: "I." in English, "أولاً-" in Arabic, as UN documents number
/// them.
pub(crate) fn chapter(lang: Lang, n: usize) -> String {
    const ROMAN: [&str; 10] = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];
    const AR: [&str; 10] = [
        "أولاً",
        "ثانياً",
        "ثالثاً",
        "رابعاً",
        "خامساً",
        "سادساً",
        "سابعاً",
        "ثامناً",
        "تاسعاً",
        "عاشراً",
    ];
    let i = n.saturating_sub(1);
    match lang {
        Lang::En => ROMAN
            .get(i)
            .map_or_else(|| format!("{n}."), |r| format!("{r}.")),
        Lang::Ar => AR
            .get(i)
            .map_or_else(|| format!("{n}-"), |r| format!("{r}-")),
    }
}

/// A stakeholder type as a table's row names it (the group of people).
pub(crate) fn stakeholders(lang: Lang, t: StakeholderType) -> &'static str {
    match t {
        StakeholderType::State => lang.pick("الدول", "States"),
        StakeholderType::UnEntity => lang.pick("كيانات الأمم المتحدة", "United Nations entities"),
        StakeholderType::RegionalOrganisation => {
            lang.pick("المنظمات الإقليمية", "Regional organizations")
        }
        StakeholderType::InternationalOrganisation => {
            lang.pick("المنظمات الدولية", "International organizations")
        }
        StakeholderType::Nhri => lang.pick(
            "المؤسسات الوطنية لحقوق الإنسان",
            "National human rights institutions",
        ),
        StakeholderType::CivilSociety => lang.pick("المجتمع المدني", "Civil society"),
    }
}

/// One person of a stakeholder type, as an unattributed quotation is introduced.
pub(crate) fn a_participant(lang: Lang, t: Option<StakeholderType>) -> &'static str {
    match t {
        None => lang.pick("أحد المشاركين", "a participant"),
        Some(StakeholderType::State) => lang.pick("مندوب إحدى الدول", "a State delegate"),
        Some(StakeholderType::UnEntity) => lang.pick(
            "مشارك من أحد كيانات الأمم المتحدة",
            "a participant from a United Nations entity",
        ),
        Some(StakeholderType::RegionalOrganisation) => lang.pick(
            "مشارك من إحدى المنظمات الإقليمية",
            "a participant from a regional organization",
        ),
        Some(StakeholderType::InternationalOrganisation) => lang.pick(
            "مشارك من إحدى المنظمات الدولية",
            "a participant from an international organization",
        ),
        Some(StakeholderType::Nhri) => lang.pick(
            "مشارك من إحدى المؤسسات الوطنية لحقوق الإنسان",
            "a participant from a national human rights institution",
        ),
        Some(StakeholderType::CivilSociety) => lang.pick(
            "مشارك من المجتمع المدني",
            "a participant from civil society",
        ),
    }
}

/// A submitter type as a table's column names it.
pub(crate) fn submitters(lang: Lang, t: SubmitterType) -> &'static str {
    match t {
        SubmitterType::State => lang.pick("الدول", "States"),
        SubmitterType::Igo => lang.pick(
            "المنظمات الحكومية الدولية",
            "Intergovernmental organizations",
        ),
        SubmitterType::Ngo => lang.pick("المنظمات غير الحكومية", "Non-governmental organizations"),
        SubmitterType::Nhri => lang.pick(
            "المؤسسات الوطنية لحقوق الإنسان",
            "National human rights institutions",
        ),
        SubmitterType::UnEntity => lang.pick("كيانات الأمم المتحدة", "United Nations entities"),
        SubmitterType::Other => lang.pick("غير ذلك", "Other"),
    }
}

/// A regional group, a seminar's region, or the row of participants counted in none.
pub(crate) fn region(lang: Lang, r: Region) -> &'static str {
    match r {
        Region::Group(RegionalGroup::African) => {
            lang.pick("مجموعة الدول الأفريقية", "African Group")
        }
        Region::Group(RegionalGroup::AsiaPacific) => {
            lang.pick("مجموعة دول آسيا والمحيط الهادئ", "Asia-Pacific Group")
        }
        Region::Group(RegionalGroup::EasternEuropean) => {
            lang.pick("مجموعة دول أوروبا الشرقية", "Eastern European Group")
        }
        Region::Group(RegionalGroup::LatinAmericanCaribbean) => lang.pick(
            "مجموعة دول أمريكا اللاتينية ومنطقة البحر الكاريبي",
            "Latin American and Caribbean Group",
        ),
        Region::Group(RegionalGroup::WesternEuropeanOthers) => lang.pick(
            "مجموعة دول أوروبا الغربية ودول أخرى",
            "Western European and Others Group",
        ),
        Region::Global => lang.pick("عالمي", "Global"),
        Region::Other => lang.pick("غير ذلك", "Other"),
    }
}

pub(crate) fn venue(lang: Lang, v: VenueKind) -> &'static str {
    match v {
        VenueKind::InPerson => lang.pick("حضورياً", "in person"),
        VenueKind::Online => lang.pick("عبر الإنترنت", "online"),
        VenueKind::Hybrid => lang.pick("حضورياً وعبر الإنترنت", "in person and online"),
    }
}

/// The name of a State in the report's language; the code as given when the table does not
/// know it (a code the store kept from before a change of the table).
pub(crate) fn state_name(lang: Lang, iso3: &str) -> String {
    taawun_states::by_iso3(iso3)
        .map_or_else(|| iso3.to_owned(), |s| s.names.get(lang.code()).to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_shares() {
        assert_eq!(number(Lang::En, 2000), "2,000");
        assert_eq!(number(Lang::En, 1_234_567), "1,234,567");
        assert_eq!(number(Lang::En, 999), "999");
        assert_eq!(number(Lang::Ar, 2000), "2000");
        assert_eq!(percent(1, 3), "33");
        assert_eq!(percent(2, 3), "67");
        assert_eq!(percent(1, 8), "13");
        assert_eq!(percent(0, 0), "—");
    }

    #[test]
    fn sessions_are_written_out() {
        assert_eq!(session(Lang::En, 63), "Sixty-third session");
        assert_eq!(session(Lang::En, 60), "Sixtieth session");
        assert_eq!(session(Lang::En, 12), "Twelfth session");
        assert_eq!(session(Lang::En, 150), "Session 150");
        assert_eq!(session(Lang::Ar, 63), "الدورة الثالثة والستون");
        assert_eq!(session(Lang::Ar, 61), "الدورة الحادية والستون");
        assert_eq!(session(Lang::Ar, 11), "الدورة الحادية عشرة");
        assert_eq!(session(Lang::Ar, 1), "الدورة الأولى");
        assert_eq!(session(Lang::Ar, 0), "الدورة 0");
    }

    #[test]
    fn english_nouns_follow_the_number() {
        assert_eq!(en_count(1, "seminar", "seminars"), "1 seminar");
        assert_eq!(en_count(2000, "seminar", "seminars"), "2,000 seminars");
    }

    #[test]
    fn lists_read_as_sentences() {
        assert_eq!(and_list(Lang::En, &["A", "B", "C"]), "A, B and C");
        assert_eq!(and_list(Lang::En, &["A", "B"]), "A and B");
        assert_eq!(and_list(Lang::Ar, &["أ", "ب"]), "أ وب");
        assert_eq!(and_list(Lang::Ar, &["أ", "ب", "ج"]), "أ، وب، وج");
        assert_eq!(and_list(Lang::Ar, &[]), "");
    }

    #[test]
    fn seminar_days() {
        let d = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap_or_default();
        assert_eq!(days(Lang::En, d(5, 10), d(5, 11)), "10–11 May 2026");
        assert_eq!(days(Lang::En, d(5, 10), d(5, 10)), "10 May 2026");
        assert_eq!(
            days(Lang::En, d(5, 31), d(6, 1)),
            "31 May 2026 – 1 June 2026"
        );
        assert_eq!(days(Lang::Ar, d(5, 10), d(5, 11)), "10-11 أيار/مايو 2026");
    }
}
