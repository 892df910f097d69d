//! Dates and numbers as each interface language writes them. UN Arabic documents write the
//! month with its Levantine and Egyptian names ("تموز/يوليه") and Western digits.

use chrono::{Datelike, NaiveDate};

use crate::i18n::Lang;

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const MONTHS_AR: [&str; 12] = [
    "كانون الثاني/يناير",
    "شباط/فبراير",
    "آذار/مارس",
    "نيسان/أبريل",
    "أيار/مايو",
    "حزيران/يونيه",
    "تموز/يوليه",
    "آب/أغسطس",
    "أيلول/سبتمبر",
    "تشرين الأول/أكتوبر",
    "تشرين الثاني/نوفمبر",
    "كانون الأول/ديسمبر",
];
const MONTHS_FR: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
const MONTHS_ES: [&str; 12] = [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
];
const MONTHS_RU: [&str; 12] = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
];

/// A date in the conventions of `lang`: "10 July 2024", "10 تموز/يوليه 2024", "2024年7月10日".
pub fn date(date: NaiveDate, lang: Lang) -> String {
    let (d, m, y) = (date.day(), date.month0() as usize, date.year());
    match lang {
        Lang::En => format!("{d} {} {y}", MONTHS_EN[m]),
        Lang::Ar => format!("{d} {} {y}", MONTHS_AR[m]),
        Lang::Fr => format!("{d} {} {y}", MONTHS_FR[m]),
        Lang::Es => format!("{d} de {} de {y}", MONTHS_ES[m]),
        Lang::Ru => format!("{d} {} {y} г.", MONTHS_RU[m]),
        Lang::Zh => format!("{y}年{}月{d}日", m + 1),
    }
}

/// The month and year of a date whose day is not known ("January 1946").
pub fn month(date: NaiveDate, lang: Lang) -> String {
    let (m, y) = (date.month0() as usize, date.year());
    match lang {
        Lang::En => format!("{} {y}", MONTHS_EN[m]),
        Lang::Ar => format!("{} {y}", MONTHS_AR[m]),
        Lang::Fr => format!("{} {y}", MONTHS_FR[m]),
        Lang::Es => format!("{} de {y}", MONTHS_ES[m]),
        Lang::Ru => format!("{y} г., {}", MONTHS_RU[m]),
        Lang::Zh => format!("{y}年{}月", m + 1),
    }
}

/// A roll call's ISO 8601 date for `lang`: the whole date, or only its month and year when the
/// data does not know the day (the General Assembly data before 2004).
pub fn roll_call_date(value: &str, day_known: bool, lang: Lang) -> String {
    match NaiveDate::parse_from_str(value, "%Y-%m-%d") {
        Ok(d) if day_known => date(d, lang),
        Ok(d) => lang.t_args("date-day-unknown", &[("month", month(d, lang).into())]),
        Err(_) => value.to_owned(),
    }
}

/// An ISO 8601 date string formatted for `lang`; the input unchanged if it is not a date.
pub fn iso_date(value: &str, lang: Lang) -> String {
    NaiveDate::parse_from_str(value, "%Y-%m-%d")
        .map_or_else(|_| value.to_owned(), |d| date(d, lang))
}

/// A count with thousands grouped: "870,109" (a comma in every language here: the pages write
/// Western digits, with which Arabic texts of the UN also use the comma).
pub fn count(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A share from 0 to 1 as a percentage with one decimal: "63.4 %" ("٪" in Arabic).
pub fn percent(share: f64, lang: Lang) -> String {
    let sign = if lang == Lang::Ar { "٪" } else { " %" };
    format!("{:.1}{sign}", share * 100.0)
}

/// A Unix time as `YYYY-MM-DD HH:MM UTC` (the same in every language: dates in records are
/// shown in ISO form throughout).
pub fn unix_date_time(seconds: i64) -> String {
    chrono::DateTime::from_timestamp(seconds, 0).map_or_else(
        || seconds.to_string(),
        |t| t.format("%Y-%m-%d %H:%M UTC").to_string(),
    )
}

/// A role as people read it: "Focal point · Qatar", "Stakeholder · <organisation>".
pub async fn role_label(
    app: &crate::AppState,
    lang: crate::i18n::Lang,
    role: &taawun_accounts::RoleGrant,
) -> String {
    let kind = lang.t(&format!("role-{}", role.kind.slug()));
    match &role.binding {
        taawun_accounts::Binding::Unbound => kind,
        taawun_accounts::Binding::State(iso3) => {
            let name =
                taawun_states::by_iso3(iso3).map_or(iso3.as_str(), |s| s.names.get(lang.code()));
            format!("{kind} · {name}")
        }
        taawun_accounts::Binding::Organisation(id) => {
            let name = match app.store.accounts().get_organisation(*id).await {
                Ok(Some(o)) => o.names.best(lang.code()).to_owned(),
                // Isolated: "#12" inside Arabic text keeps its sign before the number.
                _ => format!("\u{2066}#{id}\u{2069}"),
            };
            format!("{kind} · {name}")
        }
    }
}

/// A roll call's tally as the body's documents write it ("31 in favour, 14 against, 2
/// abstentions"; in Arabic the UN's "31 صوتاً مؤيداً مقابل 14 وامتناع 2 عن التصويت"). Counts are
/// passed as numbers so that Arabic chooses the noun's form by the number; an unknown count is "?".
pub fn tally(lang: Lang, yes: Option<u32>, no: Option<u32>, abstain: Option<u32>) -> String {
    let number = |n: Option<u32>| -> fluent_templates::fluent_bundle::FluentValue<'static> {
        match n {
            Some(n) => n.into(),
            None => "?".into(),
        }
    };
    lang.t_args(
        "vote-tally",
        &[
            ("yes", number(yes)),
            ("no", number(no)),
            ("abstain", number(abstain)),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_and_shares() {
        assert_eq!(count(0), "0");
        assert_eq!(count(999), "999");
        assert_eq!(count(870_109), "870,109");
        assert_eq!(count(1_000_000), "1,000,000");
        assert_eq!(percent(0.6342, Lang::En), "63.4 %");
        assert_eq!(percent(1.0, Lang::Ar), "100.0٪");
    }

    #[test]
    fn dates_follow_each_language() {
        let d = NaiveDate::from_ymd_opt(2024, 7, 10).unwrap();
        assert_eq!(date(d, Lang::En), "10 July 2024");
        assert_eq!(date(d, Lang::Ar), "10 تموز/يوليه 2024");
        assert_eq!(date(d, Lang::Zh), "2024年7月10日");
        assert_eq!(iso_date("2024-07-10", Lang::Fr), "10 juillet 2024");
        assert_eq!(iso_date("n/a", Lang::Fr), "n/a");
    }
}
