//! Records of a mandate as the platform keeps them, made the way the platform makes them: each
//! seminar validated from its form, each registration taken within its period and decided by
//! the secretariat, each input submitted by an approved participant, each call and submission
//! through the consultation's functions, each practice submitted and published. Shared by the
//! tests and the benchmark (`#[path]`), so that both measure and check the same records.

use chrono::{DateTime, Days, NaiveDate, TimeZone, Utc};
use taawun_cooperation::consultation::{AnswerDraft, submit};
use taawun_cooperation::practice::ResultDraft;
use taawun_cooperation::report::{ConsultationData, PracticeLink, SeminarData};
use taawun_cooperation::seminar::{register, submit_input};
use taawun_cooperation::{
    Attempt, Call, CallDraft, Input, InputDraft, MandateRef, PracticeDraft, PracticeNumber,
    PracticeRecord, Registration, RegistrationDraft, RegistrationStatus, Role, Seminar,
    SeminarDraft, Step, Submission, SubmissionDraft, SummaryReport, build_report,
};
use taawun_summary::{Bilingual, Distribution, MastheadInput};

/// How much to generate.
#[derive(Clone, Copy, Debug)]
pub struct Size {
    /// Registrations per seminar (about nine in ten approved).
    pub registrations: usize,
    /// Inputs over all seminars.
    pub inputs: usize,
    /// Themes the inputs are spread over (at most [`THEMES`]' length).
    pub themes: usize,
    pub calls: usize,
    /// Submissions over all calls.
    pub submissions: usize,
    /// Practices published (one more is left a draft).
    pub practices: usize,
}

/// The size the issue names: one seminar per regional group, 2,000 inputs on about 40 themes,
/// 3 calls with 200 submissions.
pub const MANDATE: Size = Size {
    registrations: 90,
    inputs: 2000,
    themes: 40,
    calls: 3,
    submissions: 200,
    practices: 8,
};

/// A small mandate, for tests that typeset.
pub const SMALL: Size = Size {
    registrations: 12,
    inputs: 60,
    themes: 6,
    calls: 2,
    submissions: 9,
    practices: 2,
};

pub fn mandate() -> MandateRef {
    MandateRef {
        resolution: "A/HRC/RES/56/2".into(),
        paragraph: "30".into(),
    }
}

pub fn as_of() -> NaiveDate {
    date(2026, 11, 30)
}

pub fn masthead() -> MastheadInput {
    MastheadInput {
        symbol: "A/HRC/63/21".into(),
        distribution: Distribution::General,
        date: date(2026, 12, 7),
        session: 63,
        agenda_item: 2,
        agenda_title: Bilingual {
            ar: "التقرير السنوي لمفوض الأمم المتحدة السامي لحقوق الإنسان وتقارير المفوضية \
                 السامية والأمين العام"
                .into(),
            en: "Annual report of the United Nations High Commissioner for Human Rights and \
                 reports of the Office of the High Commissioner and the Secretary-General"
                .into(),
        },
        mandate: mandate(),
    }
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a date of the calendar")
}

fn noon(day: NaiveDate) -> DateTime<Utc> {
    Utc.from_utc_datetime(&day.and_hms_opt(12, 0, 0).expect("noon"))
}

/// A deterministic generator (SplitMix64): the same records on every run, without a
/// dependency.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// A seminar of the mandate as the secretariat sets it up.
struct SeminarSpec {
    region: &'static str,
    title: &'static str,
    venue: &'static str,
    place: &'static str,
    /// Month and day of its first day, in 2026.
    start: (u32, u32),
}

/// The five seminars, one per regional group.
const SEMINARS: [SeminarSpec; 5] = [
    SeminarSpec {
        region: "african",
        title: "Regional seminar for the African States",
        venue: "hybrid",
        place: "Addis Ababa, United Nations Conference Centre",
        start: (5, 12),
    },
    SeminarSpec {
        region: "asia-pacific",
        title: "الحلقة الدراسية الإقليمية لدول آسيا والمحيط الهادئ",
        venue: "in-person",
        place: "بيروت، بيت الأمم المتحدة",
        start: (6, 16),
    },
    SeminarSpec {
        region: "eastern-european",
        title: "Regional seminar for the Eastern European States",
        venue: "online",
        place: "",
        start: (7, 7),
    },
    SeminarSpec {
        region: "latin-american-caribbean",
        title: "Regional seminar for Latin America and the Caribbean",
        venue: "in-person",
        place: "Santiago, ECLAC",
        start: (9, 8),
    },
    SeminarSpec {
        region: "western-european-others",
        title: "Regional seminar for the Western European and other States",
        venue: "hybrid",
        place: "Geneva, Palais des Nations",
        start: (10, 13),
    },
];

/// States of each group, in the order of [`SEMINARS`].
const STATES: [&[&str]; 5] = [
    &[
        "SEN", "KEN", "NGA", "EGY", "MAR", "ZAF", "ETH", "GHA", "TUN",
    ],
    &[
        "IND", "IDN", "JPN", "PAK", "PHL", "QAT", "JOR", "SAU", "LBN",
    ],
    &["POL", "UKR", "ROU", "CZE", "SRB", "GEO", "ARM"],
    &["BRA", "MEX", "ARG", "CHL", "COL", "PER", "JAM"],
    &["FRA", "DEU", "GBR", "ESP", "CAN", "AUS", "NZL", "CHE"],
];

/// Given and family names, Latin and Arabic apart: a person writes their name in one script.
const NAMES: [(&[&str], &[&str]); 2] = [
    (
        &[
            "Amina", "Kofi", "Maria", "Hiroshi", "Olena", "Carlos", "Ingrid", "John", "Priya",
        ],
        &[
            "Diallo",
            "Mensah",
            "González",
            "Tanaka",
            "Kovalenko",
            "Silva",
            "Lindqvist",
            "Okafor",
            "Sharma",
        ],
    ),
    (
        &["أحمد", "ليلى", "محمد", "سارة", "يوسف", "نور", "فاطمة"],
        &["المنصوري", "الحسيني", "بن علي", "العمري", "حداد", "الخطيب"],
    ),
];

const ORGANISATIONS: [&str; 8] = [
    "Ministry of Foreign Affairs",
    "Ministry of Justice",
    "وزارة العدل",
    "National Human Rights Commission",
    "المجلس الوطني لحقوق الإنسان",
    "UNDP",
    "African Union Commission",
    "Defenders' Network",
];

/// About forty themes, in the platform's two languages, some written in varied case.
pub const THEMES: [&str; 40] = [
    "Access to justice",
    "Funding of national mechanisms",
    "Data and statistics",
    "Technical assistance",
    "Capacity-building",
    "Follow-up to UPR recommendations",
    "National mechanisms for implementation",
    "Civil society space",
    "Digital technologies",
    "Climate change",
    "Gender equality",
    "Rights of persons with disabilities",
    "Rights of migrants",
    "Right to education",
    "Right to health",
    "Indigenous peoples",
    "Business and human rights",
    "Prevention of torture",
    "Independence of the judiciary",
    "Regional cooperation",
    "الوصول إلى العدالة",
    "التمويل",
    "بناء القدرات",
    "المساعدة التقنية",
    "متابعة توصيات الاستعراض الدوري الشامل",
    "الآليات الوطنية للتنفيذ والإبلاغ والمتابعة",
    "حيز المجتمع المدني",
    "التكنولوجيا الرقمية",
    "تغير المناخ",
    "المساواة بين الجنسين",
    "حقوق الأشخاص ذوي الإعاقة",
    "حقوق المهاجرين",
    "الحق في التعليم",
    "الحق في الصحة",
    "التعاون بين بلدان الجنوب",
    "التعاون الثلاثي",
    "المؤسسات الوطنية لحقوق الإنسان",
    "البيانات والإحصاءات",
    "مكافحة التمييز",
    "حقوق الطفل",
];

const SENTENCES_EN: [&str; 14] = [
    "Courts are far from rural areas and legal aid reaches few people.",
    "Our national mechanism for reporting and follow-up has no budget line of its own.",
    "Technical assistance arrived late and ended before the new law was adopted.",
    "Data on persons with disabilities are not disaggregated by region.",
    "The exchange of experts between ministries of the region worked well.",
    "Recommendations of the treaty bodies and the UPR are tracked in one database.",
    "Civil society organisations were consulted only after the draft was final.",
    "A South-South partnership trained two hundred judges in three years.",
    "Funding depends on a single donor and stops with each project cycle.",
    "Indicators for the Sustainable Development Goals are linked to human rights recommendations.",
    "The national human rights institution lacks staff outside the capital.",
    "Mobile courts heard more than four thousand cases in districts without a court.",
    "Translation of the recommendations into local languages helped municipalities act.",
    "Online consultations reached young people who never attend meetings in the capital.",
];

const SENTENCES_AR: [&str; 14] = [
    "المحاكم بعيدة عن المناطق الريفية ولا تصل المساعدة القانونية إلا إلى القليل.",
    "لا توجد للآلية الوطنية للإبلاغ والمتابعة ميزانية مستقلة.",
    "وصلت المساعدة التقنية متأخرة وانتهت قبل اعتماد القانون الجديد.",
    "البيانات المتعلقة بالأشخاص ذوي الإعاقة غير مصنفة حسب المنطقة.",
    "نجح تبادل الخبراء بين وزارات المنطقة في نقل التجارب.",
    "تُتابع توصيات هيئات المعاهدات والاستعراض الدوري الشامل في قاعدة بيانات واحدة.",
    "لم تُستشر منظمات المجتمع المدني إلا بعد أن أصبح المشروع نهائياً.",
    "درّبت شراكة بين بلدان الجنوب مئتي قاضٍ في ثلاث سنوات.",
    "يعتمد التمويل على مانح واحد ويتوقف مع نهاية كل مشروع.",
    "رُبطت مؤشرات أهداف التنمية المستدامة بتوصيات حقوق الإنسان.",
    "تفتقر المؤسسة الوطنية لحقوق الإنسان إلى موظفين خارج العاصمة.",
    "نظرت المحاكم المتنقلة في أكثر من أربعة آلاف قضية في مناطق لا محاكم فيها.",
    "ساعدت ترجمة التوصيات إلى اللغات المحلية البلديات على التحرك.",
    "وصلت المشاورات عبر الإنترنت إلى شباب لا يحضرون الاجتماعات في العاصمة.",
];

/// One to three sentences, all in English or all in Arabic (as a participant writes).
pub fn input_text(rng: &mut Rng) -> String {
    let pool: &[&str] = if rng.below(2) == 0 {
        &SENTENCES_EN
    } else {
        &SENTENCES_AR
    };
    let n = 1 + rng.below(3);
    (0..n)
        .map(|_| *rng.pick(pool))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A mandate's records.
pub struct Records {
    pub seminars: Vec<Seminar>,
    /// By seminar, in the order of `seminars`.
    pub registrations: Vec<Vec<Registration>>,
    pub inputs: Vec<Vec<Input>>,
    pub calls: Vec<Call>,
    pub submissions: Vec<Vec<Submission>>,
    pub practices: Vec<PracticeRecord>,
    pub urls: Vec<String>,
    next_id: i64,
}

impl Records {
    pub fn generate(size: Size, seed: u64) -> Records {
        let mut rng = Rng::new(seed);
        let mut records = Records {
            seminars: Vec::new(),
            registrations: Vec::new(),
            inputs: Vec::new(),
            calls: Vec::new(),
            submissions: Vec::new(),
            practices: Vec::new(),
            urls: Vec::new(),
            next_id: 1,
        };
        for (i, spec) in SEMINARS.iter().enumerate() {
            records.seminar(i, spec);
            for _ in 0..size.registrations {
                records.registration(&mut rng, i);
            }
        }
        for n in 0..size.inputs {
            records.input(&mut rng, n, size.themes);
        }
        for c in 0..size.calls {
            records.call(c);
        }
        for n in 0..size.submissions {
            records.submission(&mut rng, n % size.calls.max(1));
        }
        for p in 0..=size.practices {
            records.practice(p, p < size.practices);
        }
        records
    }

    fn id(&mut self) -> i64 {
        self.next_id += 1;
        self.next_id
    }

    fn seminar(&mut self, i: usize, spec: &SeminarSpec) {
        let (m, d) = spec.start;
        let start = date(2026, m, d);
        let draft = SeminarDraft {
            title: spec.title.into(),
            region: spec.region.into(),
            start: start.to_string(),
            end: (start + Days::new(1)).to_string(),
            registration_opens: "2026-03-01".into(),
            registration_deadline: (start - Days::new(7)).to_string(),
            venue: spec.venue.into(),
            place: spec.place.into(),
            agenda: vec![
                "Opening".into(),
                "Challenges and gaps".into(),
                "Good practices".into(),
                "Closing".into(),
            ],
        };
        let id = self.id();
        self.seminars
            .push(draft.validate(id).expect("a complete seminar"));
        self.registrations.push(Vec::new());
        self.inputs.push(Vec::new());
        debug_assert_eq!(self.seminars.len(), i + 1);
    }

    /// A registration for seminar `i`, decided: nine in ten approved, the rest declined or
    /// left pending.
    fn registration(&mut self, rng: &mut Rng, i: usize) {
        let kind = *rng.pick(&[
            "state",
            "state",
            "state",
            "un-entity",
            "regional-organisation",
            "international-organisation",
            "nhri",
            "civil-society",
            "civil-society",
        ]);
        // Most come from the seminar's region; some from another; civil society may give none.
        let group = if rng.below(5) == 0 { rng.below(5) } else { i };
        let state = match kind {
            "civil-society" if rng.below(3) == 0 => String::new(),
            _ => (*rng.pick(STATES[group])).to_owned(),
        };
        let id = self.id();
        let draft = RegistrationDraft {
            stakeholder_type: kind.into(),
            name: {
                let (given, family) = rng.pick(&NAMES);
                format!("{} {}", rng.pick(given), rng.pick(family))
            },
            organisation: rng.pick(&ORGANISATIONS).to_string(),
            state,
            email: format!("participant{id}@example.org"),
            listed: rng.below(4) != 0,
        };
        // The first of each seminar is approved, so that every seminar has a participant.
        let first = self.registrations[i].is_empty();
        let decision = match rng.below(10) {
            _ if first => RegistrationStatus::Approved,
            0 => RegistrationStatus::Declined,
            1 if rng.below(2) == 0 => RegistrationStatus::Pending,
            _ => RegistrationStatus::Approved,
        };
        self.add_registration(i, &draft, decision);
    }

    /// Registers `draft` for seminar `i` a month before it starts and decides it; its id.
    pub fn add_registration(
        &mut self,
        i: usize,
        draft: &RegistrationDraft,
        decision: RegistrationStatus,
    ) -> i64 {
        let id = self.id();
        let seminar = &self.seminars[i];
        let at = noon(seminar.start - Days::new(30));
        let mut registration = register(seminar, &self.registrations[i], draft, id, at)
            .expect("a registration within the period");
        if decision != RegistrationStatus::Pending {
            let reason = if decision == RegistrationStatus::Declined {
                "The seminar is full."
            } else {
                ""
            };
            registration
                .decide(Role::Secretariat, decision, reason, at + Days::new(2))
                .expect("a decision on a pending registration");
        }
        self.registrations[i].push(registration);
        id
    }

    /// Input `n` from an approved participant of one of the seminars: half may be quoted with
    /// attribution, a quarter published without a name, a quarter not published.
    fn input(&mut self, rng: &mut Rng, n: usize, themes: usize) {
        let i = n % self.seminars.len();
        let approved: Vec<i64> = self.registrations[i]
            .iter()
            .filter(|r| r.is_approved())
            .map(|r| r.id)
            .collect();
        let who = *rng.pick(&approved);
        // Skewed: low-numbered themes are raised more often.
        let t = rng.below(themes.max(1)).min(rng.below(themes.max(1)));
        let theme = THEMES[t % THEMES.len()];
        let theme = if rng.below(4) == 0 {
            theme.to_lowercase()
        } else {
            theme.to_owned()
        };
        let (publish, quote) = match n % 4 {
            0 | 2 => (true, true),
            1 => (true, false),
            _ => (false, false),
        };
        let kind = *rng.pick(&["challenge", "gap", "good-practice"]);
        let text = input_text(rng);
        self.add_input(i, who, kind, &theme, &text, publish, quote);
    }

    /// Submits an input to seminar `i` by registration `who` on the seminar's first day.
    #[allow(clippy::too_many_arguments)]
    pub fn add_input(
        &mut self,
        i: usize,
        who: i64,
        kind: &str,
        theme: &str,
        text: &str,
        publish: bool,
        quote: bool,
    ) {
        let id = self.id();
        let seminar = &self.seminars[i];
        let participant = self.registrations[i]
            .iter()
            .find(|r| r.id == who)
            .expect("a registration of this seminar");
        let draft = InputDraft {
            kind: kind.into(),
            theme: theme.into(),
            agenda_item: "2".into(),
            text: text.into(),
            publish: Some(publish),
            quote: Some(quote),
        };
        let input = submit_input(seminar, participant, &draft, id, noon(seminar.start))
            .expect("an input of an approved participant");
        self.inputs[i].push(input);
    }

    fn call(&mut self, c: usize) {
        let opens = date(2026, 2 + c as u32 * 2, 1);
        let id = self.id();
        let call = CallDraft {
            title: [
                "Call for inputs on international cooperation in the field of human rights",
                "دعوة إلى تقديم مساهمات بشأن التعاون التقني وبناء القدرات",
                "Call for inputs on regional mechanisms of cooperation",
            ][c % 3]
                .into(),
            questions: vec![
                "What challenges does your State or organization face in cooperation?".into(),
                "Which good practices would you share?".into(),
            ],
            opens: opens.to_string(),
            deadline: (opens + Days::new(45)).to_string(),
            resolution: "A/HRC/RES/56/2".into(),
            paragraph: "36".into(),
        }
        .validate(id)
        .expect("a complete call");
        self.calls.push(call);
        self.submissions.push(Vec::new());
    }

    /// A submission to call `c`; one in ten after the deadline.
    fn submission(&mut self, rng: &mut Rng, c: usize) {
        let kind = *rng.pick(&[
            "state",
            "state",
            "igo",
            "ngo",
            "ngo",
            "nhri",
            "un-entity",
            "other",
        ]);
        let group = rng.below(5);
        let state = if kind == "state" || rng.below(2) == 0 {
            (*rng.pick(STATES[group])).to_owned()
        } else {
            String::new()
        };
        let opens = self.calls[c].opens;
        let days = if rng.below(10) == 0 {
            50
        } else {
            5 + rng.below(40) as u64
        };
        let at = noon(opens + Days::new(days));
        let draft = SubmissionDraft {
            submitter_type: kind.into(),
            name: format!("{} {}", rng.pick(&ORGANISATIONS), rng.below(100)),
            state,
            email: String::new(),
            answers: vec![AnswerDraft {
                question: 1 + rng.below(2) as u32,
                text: input_text(rng),
            }],
            publish: Some(rng.below(3) != 0),
        };
        let id = self.next_id + 1;
        self.next_id = id;
        let submission = submit(&self.calls[c], &draft, id, at).expect("a complete submission");
        self.submissions[c].push(submission);
    }

    /// Practice `p`, submitted and published with the year's next number, or left a draft.
    fn practice(&mut self, p: usize, publish: bool) {
        let draft = PracticeDraft {
            title: [
                "Mobile courts for remote districts",
                "الآلية الوطنية للإبلاغ والمتابعة",
                "Peer exchange of judges between neighbouring States",
                "Online consultations with young people",
            ][p % 4]
                .into(),
            summary: "Two States shared the design of the practice and its results.".into(),
            modality: "south-south".into(),
            partners: vec!["KEN".into(), "MAR".into()],
            region: "african".into(),
            start: "2024-03-01".into(),
            results: vec![ResultDraft {
                text: "4,000 cases heard in districts without a court.".into(),
                urls: vec![],
            }],
            contact: "focal.point@example.org".into(),
            languages: vec!["en".into(), "ar".into()],
            ..PracticeDraft::default()
        };
        let id = self.id();
        let mut record = PracticeRecord::new(id, draft.validate().expect("a complete practice"));
        if publish {
            let at = noon(date(2026, 4, 1 + p as u32 % 28));
            let step = |step, role, number| Attempt {
                step,
                role,
                reason: "",
                number,
            };
            record
                .take(&step(Step::Submit, Role::Submitter, None), at)
                .expect("a draft is submitted");
            let number = PracticeNumber::next(
                2026,
                self.practices.iter().filter_map(|r| r.position.number),
            );
            record
                .take(&step(Step::Publish, Role::Secretariat, Some(number)), at)
                .expect("a submitted practice is published");
        }
        self.urls
            .push(format!("https://taawun.example/practices/{id}"));
        self.practices.push(record);
    }

    pub fn seminar_data(&self) -> Vec<SeminarData<'_>> {
        self.seminars
            .iter()
            .zip(&self.registrations)
            .zip(&self.inputs)
            .map(|((seminar, registrations), inputs)| SeminarData {
                seminar,
                registrations,
                inputs,
            })
            .collect()
    }

    pub fn consultation_data(&self) -> Vec<ConsultationData<'_>> {
        self.calls
            .iter()
            .zip(&self.submissions)
            .map(|(call, submissions)| ConsultationData { call, submissions })
            .collect()
    }

    pub fn practice_links(&self) -> Vec<PracticeLink<'_>> {
        self.practices
            .iter()
            .zip(&self.urls)
            .map(|(record, url)| PracticeLink { record, url })
            .collect()
    }

    /// The summary report's content, as the cooperation crate draws it up.
    pub fn report(&self) -> SummaryReport {
        build_report(
            &mandate(),
            &self.seminar_data(),
            &self.consultation_data(),
            &self.practice_links(),
            as_of(),
        )
        .expect("seminars were held")
    }

    pub fn input_count(&self) -> usize {
        self.inputs.iter().map(Vec::len).sum()
    }
}
