//! `taawun demo practices --count N`: a demonstration compendium for a database without real
//! practices — practices of every modality and region, in Arabic and English, with partner
//! States, rights, SDG targets and results, each written through `taawun-cooperation`'s own
//! checks and taken through its workflow (submitted, published, some edited into a second
//! version), so the set is what real use would leave. Every practice is marked as
//! demonstration data on its pages and in the API.

use chrono::{Duration, NaiveDate, TimeZone, Utc};
use taawun_cooperation::practice::ResultDraft;
use taawun_cooperation::{
    Attempt, PracticeDraft, PracticeNumber, PracticeRecord, Region, Role, Step,
};

/// A small deterministic generator (xorshift): the same count gives the same set.
struct Dice(u64);

impl Dice {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[(self.next() % items.len() as u64) as usize]
    }
}

const STATES: [&str; 24] = [
    "KEN", "MAR", "SEN", "ZAF", "EGY", "NGA", "IND", "IDN", "FJI", "QAT", "JOR", "NPL", "BRA",
    "MEX", "CHL", "COL", "POL", "GEO", "ARM", "MDA", "NOR", "DEU", "CHE", "JPN",
];

const TOPICS: [(&str, &str, &str, &str); 8] = [
    (
        "Mobile courts in remote districts",
        "المحاكم المتنقلة في المناطق النائية",
        "Right to a fair trial",
        "16.3",
    ),
    (
        "Birth registration at health centres",
        "تسجيل المواليد في المراكز الصحية",
        "Right to a name and nationality",
        "16.9",
    ),
    (
        "Inclusive schooling for children with disabilities",
        "التعليم الجامع للأطفال ذوي الإعاقة",
        "Right to education",
        "4.5",
    ),
    (
        "Peer review of national human rights institutions",
        "استعراض الأقران للمؤسسات الوطنية لحقوق الإنسان",
        "Access to justice",
        "16.a",
    ),
    (
        "Training police in non-violent crowd management",
        "تدريب الشرطة على إدارة الحشود دون عنف",
        "Freedom of peaceful assembly",
        "16.1",
    ),
    (
        "Legal aid for migrant workers",
        "المساعدة القانونية للعمال المهاجرين",
        "Rights of migrants",
        "8.8",
    ),
    (
        "Community health workers for maternal care",
        "العاملون الصحيون المجتمعيون لرعاية الأمهات",
        "Right to health",
        "3.1",
    ),
    (
        "Water committees led by women",
        "لجان المياه بقيادة النساء",
        "Right to water and sanitation",
        "6.1",
    ),
];

/// `count` published practices, their publication spread over the three years before `today`.
pub fn build(count: usize, today: NaiveDate) -> Vec<PracticeRecord> {
    let mut dice = Dice(SEED);
    let mut numbers: Vec<PracticeNumber> = Vec::with_capacity(count);
    let mut practices = Vec::with_capacity(count);
    let modalities = ["south-south", "north-south", "triangular", "regional"];
    // Published oldest first, so that numbers follow publication within each year.
    let days = 3 * 365;
    for i in 0..count {
        let (en, ar, right, target) = *dice.pick(&TOPICS);
        let arabic = i % 3 == 0;
        let partners: Vec<String> = (0..2 + dice.next() % 3)
            .map(|_| dice.pick(&STATES).to_string())
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        let region = *dice.pick(&Region::ALL);
        let draft = PracticeDraft {
            title: format!("{} ({})", if arabic { ar } else { en }, i + 1),
            summary: if arabic {
                format!(
                    "{ar}: تعاون بين {} دول تبادلت فيه الخبرة والموارد.",
                    partners.len()
                )
            } else {
                format!(
                    "{en}: cooperation between {} States that shared their experience and means.",
                    partners.len()
                )
            },
            modality: dice.pick(&modalities).to_string(),
            partners,
            organisations: vec!["OHCHR".into()],
            rights: vec![right.into()],
            sdg_targets: vec![target.into()],
            region: region.slug().into(),
            start: "2022-01-01".into(),
            end: String::new(),
            results: vec![ResultDraft {
                text: if arabic {
                    "تحسّن ملموس قاسته جهة مستقلة.".into()
                } else {
                    "A measurable improvement, assessed independently.".into()
                },
                urls: vec!["https://example.org/evaluation".into()],
            }],
            contact: "demonstration@example.org".into(),
            languages: vec![if arabic { "ar" } else { "en" }.into()],
        };
        let Ok(practice) = draft.validate() else {
            continue;
        };
        let offset = (days * i / count.max(1)) as i64;
        let day = today - Duration::days(days as i64 - offset);
        let at = Utc.from_utc_datetime(&day.and_hms_opt(9, 0, 0).unwrap_or_default());
        let mut record = PracticeRecord::new(0, practice.clone());
        let step = |step, role, number| Attempt {
            step,
            role,
            reason: "",
            number,
        };
        let published = at + Duration::days(3);
        // Numbered in the year of publication, which may be the next one.
        let number = PracticeNumber::next(
            chrono::Datelike::year(&published.date_naive()),
            numbers.iter().copied(),
        );
        let taken = record
            .take(&step(Step::Submit, Role::Submitter, None), at)
            .and_then(|_| {
                record.take(
                    &step(Step::Publish, Role::Secretariat, Some(number)),
                    published,
                )
            });
        if taken.is_err() {
            continue;
        }
        numbers.push(number);
        // One in ten is corrected later: a second version.
        if i % 10 == 0 {
            let mut corrected = practice;
            corrected.summary.push_str(if arabic {
                " (مصحَّح)"
            } else {
                " (corrected)"
            });
            let _ = record.edit(
                Role::Secretariat,
                "Summary corrected",
                corrected,
                at + Duration::days(20),
            );
        }
        practices.push(record);
    }
    practices
}

/// The generator's seed: any odd number; fixed, so the set is the same each time.
const SEED: u64 = 0x5eed_0fc0_0b0b;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_set_is_published_numbered_and_deterministic() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 7).unwrap();
        let set = build(200, today);
        assert_eq!(set.len(), 200, "every practice passes the domain's checks");
        assert_eq!(set, build(200, today));
        let mut numbers: Vec<String> = set
            .iter()
            .map(|p| p.position.number.unwrap().to_string())
            .collect();
        numbers.sort();
        numbers.dedup();
        assert_eq!(numbers.len(), 200, "numbers are unique");
        assert!(
            set.iter()
                .all(|p| p.stage() == taawun_cooperation::Stage::Published)
        );
        assert_eq!(set.iter().filter(|p| p.position.version == 2).count(), 20);
        for region in Region::ALL {
            assert!(set.iter().any(|p| p.content.region == region), "{region}");
        }
    }
}
