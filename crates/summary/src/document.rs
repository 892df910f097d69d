//! The summary report as a document: the chapters of a UN report, in the order the Office
//! writes them, every figure taken from the report's content.

use taawun_charts::{BarRow, BarSpec, Category, Pattern};
use taawun_cooperation::report::{ConsultationSummary, SeminarSummary, ThemeGroup};
use taawun_cooperation::{MandateRef, Region, SubmitterType, SummaryReport};
use taawun_report::{Block, Column, Report};

use crate::lang::{self, Lang, en_count, number, percent};
use crate::masthead::{self, MastheadInput};
use crate::quote;

/// The summary report's content as a document of the report engine, in `language`, under the
/// masthead the secretariat gives.
///
/// The document has the same blocks in both languages: the texts of the report are in
/// `language`, what participants wrote (themes, quotations, names, seminars' titles) is shown as
/// they wrote it, each quotation marked with the language of its script so that it is laid out
/// in its own direction. Inputs whose authors did not agree to publication are counted and
/// never shown; a participant is named only beside an input they agreed to have attributed.
/// Each theme quotes at most three published inputs, those with attribution first, and says
/// how many more there are and that the seminar pages of the platform show them all: the
/// report stays within the length of a report to the Council whatever the number of inputs.
///
/// The introduction cites the mandate the secretariat gives in `masthead`, or the content's
/// own when that was left blank.
pub fn document(report: &SummaryReport, language: Lang, masthead: &MastheadInput) -> Report {
    let mut w = Writer::new(language);
    let mandate = if masthead.mandate.resolution.trim().is_empty() {
        &report.mandate
    } else {
        &masthead.mandate
    };
    introduction(&mut w, report, mandate);
    participation(&mut w, report);
    for (kind, groups) in [
        (Kind::Challenge, &report.challenges),
        (Kind::Gap, &report.gaps),
        (Kind::GoodPractice, &report.good_practices),
    ] {
        themes(&mut w, kind, groups);
    }
    consultations(&mut w, &report.consultations);
    practices(&mut w, report);
    annex(&mut w, &report.seminars);
    let l = language;
    Report {
        language: l.engine(),
        masthead: masthead::masthead(l, masthead),
        title: l
            .pick(
                "تقرير موجز عن الحلقات الدراسية الإقليمية بشأن التعاون الدولي في ميدان حقوق الإنسان",
                "Summary report of the regional seminars on international cooperation in the field of human rights",
            )
            .to_owned(),
        subtitle: Some(
            l.pick(
                "تقرير مفوضية الأمم المتحدة السامية لحقوق الإنسان",
                "Report of the Office of the United Nations High Commissioner for Human Rights",
            )
            .to_owned(),
        ),
        blocks: w.blocks,
        colophon: Some(colophon(l, report)),
    }
}

/// The blocks as they are written, with the numbering of chapters and paragraphs UN documents
/// use (paragraphs are numbered through the report so that a delegation can cite one).
struct Writer {
    lang: Lang,
    blocks: Vec<Block>,
    chapters: usize,
    paragraphs: u32,
}

impl Writer {
    fn new(lang: Lang) -> Self {
        Writer {
            lang,
            blocks: Vec::new(),
            chapters: 0,
            paragraphs: 0,
        }
    }

    fn chapter(&mut self, ar: &str, en: &str) {
        self.chapters += 1;
        let text = format!(
            "{} {}",
            lang::chapter(self.lang, self.chapters),
            self.lang.pick(ar, en)
        );
        self.blocks.push(Block::Heading { level: 1, text });
    }

    fn section(&mut self, text: &str) {
        self.blocks.push(Block::Heading {
            level: 2,
            text: text.to_owned(),
        });
    }

    /// A numbered paragraph of the report's own text.
    fn paragraph(&mut self, text: String) {
        self.paragraphs += 1;
        let mark = match self.lang {
            Lang::Ar => "-",
            Lang::En => ".",
        };
        self.blocks.push(Block::Paragraph {
            text: format!("{}{mark} {text}", self.paragraphs),
            lang: None,
        });
    }

    fn push(&mut self, block: Block) {
        self.blocks.push(block);
    }
}

/// The mandate, and what the report covers, in figures.
fn introduction(w: &mut Writer, report: &SummaryReport, mandate: &MandateRef) {
    let l = w.lang;
    w.chapter("مقدمة", "Introduction");
    let resolution = masthead::resolution(l, &mandate.resolution);
    let symbol = mandate.resolution.trim();
    let paragraph = mandate.paragraph.trim();
    let as_of = lang::date(l, report.as_of);
    let seminars = report.seminars.len() as u64;
    let participants = u64::from(report.participation.total);
    let inputs: u64 = report.seminars.iter().map(|s| u64::from(s.inputs)).sum();
    let regions = seminar_regions(l, &report.seminars);
    let calls = report.consultations.len() as u64;
    let submissions: u64 = report
        .consultations
        .iter()
        .map(|c| u64::from(c.submissions))
        .sum();
    let mut text = match l {
        Lang::En => format!(
            "The present report is submitted pursuant to paragraph {paragraph} of {resolution} \
             ({symbol}). It summarizes the debates of the {} held by {as_of} for the {regions}, in \
             which {} took part and gave {} on challenges, gaps and good practices.",
            en_count(seminars, "regional seminar", "regional seminars"),
            en_count(participants, "participant", "participants"),
            en_count(inputs, "input", "inputs"),
        ),
        Lang::Ar => format!(
            "يُقدَّم هذا التقرير عملاً بالفقرة {paragraph} من {resolution} ({symbol}). ويوجز \
             مناقشات الحلقات الدراسية الإقليمية المعقودة حتى {as_of} ({regions})، وعددها {}. وبلغ \
             عدد المشاركين فيها {}، وعدد المداخلات التي قدّموها بشأن التحديات والثغرات والممارسات \
             الجيدة {}.",
            number(l, seminars),
            number(l, participants),
            number(l, inputs),
        ),
    };
    text.push(' ');
    text.push_str(&match (l, calls) {
        (Lang::En, 0) => "No call for inputs was issued for the report.".to_owned(),
        (Lang::Ar, 0) => "ولم تُوجَّه أي دعوة إلى تقديم مساهمات لأغراض هذا التقرير.".to_owned(),
        (Lang::En, _) => format!(
            "It also draws on the {} received in response to {}.",
            en_count(submissions, "submission", "submissions"),
            en_count(calls, "call for inputs", "calls for inputs"),
        ),
        (Lang::Ar, _) => format!(
            "كما يستند إلى المساهمات الواردة ردّاً على الدعوات إلى تقديم مساهمات، إذ بلغ عدد الدعوات \
             {} وعدد المساهمات {}.",
            number(l, calls),
            number(l, submissions),
        ),
    });
    w.paragraph(text);
    w.paragraph(
        l.pick(
            "ويُحسب كل مشارك ضمن المجموعة الإقليمية للدولة التي ذكرها، أو ضمن منطقة الحلقة \
             الدراسية التي شارك فيها إن لم يذكر دولة؛ ويُحسب من شارك في حلقتين في كل منهما. \
             وتُقتبس المداخلات باللغة التي قُدِّمت بها. ولا يُذكر اسم أي مشارك إلا إذا وافق على \
             الاقتباس منه مع نسبة القول إليه؛ أما المداخلات التي لم يوافق أصحابها على نشرها \
             فتُحسب ولا يُنقل نصها.",
            "Participants are counted in the regional group of the State they gave, or in the \
             region of their seminar when they gave none; a person who took part in two seminars \
             is counted in each. Inputs are quoted in the language in which they were given. A \
             participant is named only where they agreed to be quoted with attribution; inputs \
             whose authors did not agree to their publication are counted and not reproduced.",
        )
        .to_owned(),
    );
}

/// The regions of the seminars held, each once, in the vocabulary's order.
fn seminar_regions(l: Lang, seminars: &[SeminarSummary]) -> String {
    let names: Vec<&str> = Region::ALL
        .into_iter()
        .filter(|r| seminars.iter().any(|s| s.region == *r))
        .map(|r| match r {
            Region::Other => l.pick("مناطق أخرى", "other regions"),
            r => lang::region(l, r),
        })
        .collect();
    lang::and_list(l, &names)
}

/// Okabe–Ito colours with a pattern each, so that a chart printed in black and white still
/// tells its categories apart (as the platform's other charts do).
const STYLES: [(&str, Pattern); 6] = [
    ("#0072b2", Pattern::Solid),
    ("#e69f00", Pattern::DiagonalHatch),
    ("#009e73", Pattern::Dots),
    ("#cc79a7", Pattern::CrossHatch),
    ("#56b4e9", Pattern::HorizontalLines),
    ("#d55e00", Pattern::ReverseDiagonalHatch),
];

/// Participation by stakeholder type and by region: each as a chart and as a table of its
/// figures (the chart for the eye, the table for the reader who needs the numbers).
fn participation(w: &mut Writer, report: &SummaryReport) {
    let l = w.lang;
    let p = &report.participation;
    w.chapter("المشاركة", "Participation");
    w.paragraph(match l {
        Lang::En => format!(
            "A total of {} took part in the seminars, as follows.",
            en_count(u64::from(p.total), "participant", "participants")
        ),
        Lang::Ar => format!(
            "بلغ مجموع المشاركين في الحلقات الدراسية {}، موزَّعين على النحو التالي.",
            number(l, u64::from(p.total))
        ),
    });
    let by_type: Vec<(String, u32)> = p
        .by_stakeholder_type
        .iter()
        .map(|c| (lang::stakeholders(l, c.key).to_owned(), c.count))
        .collect();
    let by_region: Vec<(String, u32)> = p
        .by_region
        .iter()
        .map(|c| (lang::region(l, c.key).to_owned(), c.count))
        .collect();
    let charts = [
        (
            "summary-stakeholders",
            l.pick(
                "توزُّع المشاركين حسب نوع الجهة صاحبة المصلحة",
                "Share of participants by type of stakeholder",
            ),
            l.pick(
                "المشاركون حسب نوع الجهة صاحبة المصلحة",
                "Participants by type of stakeholder",
            ),
            l.pick("نوع الجهة صاحبة المصلحة", "Type of stakeholder"),
            by_type,
        ),
        (
            "summary-regions",
            l.pick(
                "توزُّع المشاركين حسب المجموعة الإقليمية",
                "Share of participants by regional group",
            ),
            l.pick(
                "المشاركون حسب المجموعة الإقليمية",
                "Participants by regional group",
            ),
            l.pick("المجموعة الإقليمية", "Regional group"),
            by_region,
        ),
    ];
    for (id, chart_title, caption, header, counts) in charts {
        // A chart of nobody would be an empty frame: the table's zeros say it.
        if p.total > 0 {
            w.push(Block::Bars(chart(l, id, chart_title, &counts)));
        }
        w.push(share_table(l, caption, header, &counts, p.total));
    }
}

/// One stacked bar of all participants, a segment per category.
fn chart(l: Lang, id: &str, title: &str, counts: &[(String, u32)]) -> BarSpec {
    BarSpec {
        id_prefix: id.to_owned(),
        title: title.to_owned(),
        description: counts
            .iter()
            .map(|(label, n)| format!("{label}: {}", number(l, u64::from(*n))))
            .collect::<Vec<_>>()
            .join(l.pick("؛ ", "; ")),
        dir: l.chart_dir(),
        categories: counts
            .iter()
            .zip(STYLES.iter().cycle())
            .enumerate()
            .map(|(i, ((label, _), (colour, pattern)))| {
                Category::new(format!("c{i}"), label.clone(), *colour, *pattern)
            })
            .collect(),
        rows: vec![BarRow {
            label: l.pick("جميع الحلقات الدراسية", "All seminars").to_owned(),
            counts: counts.iter().map(|(_, n)| u64::from(*n)).collect(),
        }],
    }
}

/// A table of counts with each one's share of `total`, and the total last.
fn share_table(
    l: Lang,
    caption: &str,
    header: &str,
    counts: &[(String, u32)],
    total: u32,
) -> Block {
    let mut rows: Vec<Vec<String>> = counts
        .iter()
        .map(|(label, n)| vec![label.clone(), number(l, u64::from(*n)), percent(*n, total)])
        .collect();
    rows.push(vec![
        l.pick("المجموع", "Total").to_owned(),
        number(l, u64::from(total)),
        percent(total, total),
    ]);
    Block::Table {
        caption: Some(caption.to_owned()),
        columns: vec![
            Column::text(header),
            Column::number(l.pick("المشاركون", "Participants")),
            Column::number(l.pick("النسبة المئوية", "Share (%)")),
        ],
        rows,
    }
}

/// The three kinds of input op. 30 asks the seminars about.
#[derive(Clone, Copy)]
enum Kind {
    Challenge,
    Gap,
    GoodPractice,
}

impl Kind {
    fn chapter(self) -> (&'static str, &'static str) {
        match self {
            Kind::Challenge => ("التحديات", "Challenges"),
            Kind::Gap => ("الثغرات", "Gaps"),
            Kind::GoodPractice => ("الممارسات الجيدة", "Good practices"),
        }
    }

    /// The English noun, singular and plural.
    fn en(self) -> (&'static str, &'static str) {
        match self {
            Kind::Challenge => ("challenge", "challenges"),
            Kind::Gap => ("gap", "gaps"),
            Kind::GoodPractice => ("good practice", "good practices"),
        }
    }
}

/// A chapter of challenges, gaps or good practices: a section per theme in the order the
/// content gives (most raised first), each with its figures and its quotations.
fn themes(w: &mut Writer, kind: Kind, groups: &[ThemeGroup]) {
    let l = w.lang;
    let (ar, en) = kind.chapter();
    w.chapter(ar, en);
    let (one, many) = kind.en();
    let total: u64 = groups.iter().map(|g| u64::from(g.count)).sum();
    w.paragraph(match (l, groups.len()) {
        (Lang::En, 0) => format!("No {one} was raised at the seminars."),
        (Lang::Ar, 0) => format!("لم تُطرح في الحلقات الدراسية أي مداخلة بشأن {ar}."),
        (Lang::En, themes) => format!(
            "Participants raised {} on {}, presented below from the theme raised most often.",
            en_count(total, one, many),
            en_count(themes as u64, "theme", "themes"),
        ),
        (Lang::Ar, themes) => format!(
            "بلغ عدد {ar} التي طرحها المشاركون {}، في إطار {} من المواضيع، تُعرض أدناه بدءاً \
             بالموضوع الأكثر طرحاً.",
            number(l, total),
            number(l, themes as u64),
        ),
    });
    for group in groups {
        w.section(group.label.trim());
        w.paragraph(theme_figures(l, kind, group));
        let (named, unnamed) = quoted(group);
        for q in &group.quotations[..named] {
            for block in quote::attributed(l, q) {
                w.push(block);
            }
        }
        for e in &group.excerpts[..unnamed] {
            for block in quote::unattributed(l, e) {
                w.push(block);
            }
        }
    }
}

/// The most published inputs a theme's section quotes. Reports to the Council are held to a
/// word limit (10,700 words for the Office's reports); quoting every published input made the
/// report of a mandate with 2,000 inputs a document of 116 pages. A few quotations illustrate a
/// theme; the section counts the others, and the seminar pages of the platform show them all.
const QUOTED_PER_THEME: usize = 3;

/// How many of a theme's quotations and of its excerpts the section quotes: the quotations
/// with attribution first, in the content's order, then excerpts, [`QUOTED_PER_THEME`] in all.
fn quoted(g: &ThemeGroup) -> (usize, usize) {
    let named = g.quotations.len().min(QUOTED_PER_THEME);
    let unnamed = g.excerpts.len().min(QUOTED_PER_THEME - named);
    (named, unnamed)
}

/// How many inputs a theme had, how many are quoted (and how many of those with a name), how
/// many published ones are not quoted (the seminar pages show them), how many are counted only.
fn theme_figures(l: Lang, kind: Kind, g: &ThemeGroup) -> String {
    let (named, unnamed) = quoted(g);
    let published = (g.quotations.len() + g.excerpts.len()) as u64;
    let (quoted, named) = ((named + unnamed) as u64, named as u64);
    let further = published - quoted;
    let unpublished = u64::from(g.unpublished);
    let mut out = String::new();
    match l {
        Lang::En => {
            let (one, many) = kind.en();
            let be = |n: u64| if n == 1 { "was" } else { "were" };
            let count = u64::from(g.count);
            out.push_str(&format!(
                "{} {} raised on this theme.",
                en_count(count, one, many),
                be(count)
            ));
            if quoted > 0 {
                let is = if quoted == 1 { "is" } else { "are" };
                out.push_str(&match named {
                    0 => format!(
                        " {} {is} quoted below without the name of the participant.",
                        number(l, quoted)
                    ),
                    _ => format!(
                        " {} {is} quoted below, {} with the name of the participant.",
                        number(l, quoted),
                        number(l, named)
                    ),
                });
            }
            if further > 0 {
                out.push_str(&format!(
                    " {} on this theme {} not quoted here; all published inputs can be read on \
                     the seminar pages of the Taawun platform.",
                    en_count(
                        further,
                        &format!("further published {one}"),
                        &format!("further published {many}")
                    ),
                    if further == 1 { "is" } else { "are" },
                ));
            }
            if unpublished > 0 {
                let is = if unpublished == 1 { "is" } else { "are" };
                out.push_str(&format!(
                    " {} {} given without consent to publication and {is} counted only.",
                    number(l, unpublished),
                    be(unpublished)
                ));
            }
        }
        Lang::Ar => {
            let (plural, _) = kind.chapter();
            out.push_str(&format!(
                "بلغ عدد {plural} المطروحة في إطار هذا الموضوع {}.",
                number(l, u64::from(g.count))
            ));
            if quoted > 0 {
                out.push_str(&match named {
                    0 => format!(
                        " ويرد أدناه نص {} منها دون ذكر أسماء أصحابها.",
                        number(l, quoted)
                    ),
                    _ => format!(
                        " ويرد أدناه نص {} منها، {} منها مع اسم صاحبها.",
                        number(l, quoted),
                        number(l, named)
                    ),
                });
            }
            if further > 0 {
                out.push_str(&format!(
                    " أما سائر {plural} المنشورة في إطار هذا الموضوع، وعددها {}، فلا يرد نصها هنا؛ \
                     ويمكن الاطلاع على جميع المداخلات المنشورة في صفحات الحلقات الدراسية على منصة \
                     تعاون.",
                    number(l, further)
                ));
            }
            if unpublished > 0 {
                out.push_str(&format!(
                    " ولم يوافق أصحاب {} منها على نشرها، فهي محسوبة دون نقل نصها.",
                    number(l, unpublished)
                ));
            }
        }
    }
    out
}

/// The calls for inputs: each with its submissions, then the submissions by type of
/// submitter.
fn consultations(w: &mut Writer, calls: &[ConsultationSummary]) {
    let l = w.lang;
    w.chapter("الدعوات إلى تقديم مساهمات", "Calls for inputs");
    if calls.is_empty() {
        w.paragraph(
            l.pick(
                "لم تُوجَّه أي دعوة إلى تقديم مساهمات لأغراض هذا التقرير.",
                "No call for inputs was issued for the report.",
            )
            .to_owned(),
        );
        return;
    }
    let sum =
        |f: fn(&ConsultationSummary) -> u32| -> u64 { calls.iter().map(|c| u64::from(f(c))).sum() };
    let (submissions, late, published) = (
        sum(|c| c.submissions),
        sum(|c| c.late),
        sum(|c| c.published),
    );
    w.paragraph(match l {
        Lang::En => format!(
            "{} {} received in response to {}; {} arrived after the deadline, and the authors of \
             {} agreed to their publication.",
            en_count(submissions, "submission", "submissions"),
            if submissions == 1 { "was" } else { "were" },
            en_count(calls.len() as u64, "call for inputs", "calls for inputs"),
            number(l, late),
            number(l, published),
        ),
        Lang::Ar => format!(
            "بلغ عدد المساهمات الواردة ردّاً على الدعوات إلى تقديم مساهمات {}، وعدد الدعوات {}؛ \
             ووردت {} منها بعد الموعد النهائي، ووافق أصحاب {} منها على نشرها.",
            number(l, submissions),
            number(l, calls.len() as u64),
            number(l, late),
            number(l, published),
        ),
    });
    w.push(Block::Table {
        caption: Some(
            l.pick("المساهمات حسب الدعوة", "Submissions by call for inputs")
                .to_owned(),
        ),
        columns: vec![
            Column::text(l.pick("الدعوة", "Call for inputs")),
            Column::text(l.pick("الموعد النهائي", "Deadline")),
            Column::number(l.pick("المساهمات", "Submissions")),
            Column::number(l.pick("المتأخرة", "Late")),
            Column::number(l.pick("المنشورة", "Published")),
        ],
        rows: calls
            .iter()
            .map(|c| {
                vec![
                    c.title.clone(),
                    lang::date(l, c.deadline),
                    number(l, u64::from(c.submissions)),
                    number(l, u64::from(c.late)),
                    number(l, u64::from(c.published)),
                ]
            })
            .collect(),
    });
    w.push(Block::Table {
        caption: Some(
            l.pick(
                "المساهمات حسب نوع الجهة المقدِّمة",
                "Submissions by type of submitter",
            )
            .to_owned(),
        ),
        columns: vec![
            Column::text(l.pick("نوع الجهة المقدِّمة", "Type of submitter")),
            Column::number(l.pick("المساهمات", "Submissions")),
        ],
        rows: SubmitterType::ALL
            .into_iter()
            .map(|t| {
                let n: u64 = calls
                    .iter()
                    .flat_map(|c| &c.by_submitter_type)
                    .filter(|c| c.key == t)
                    .map(|c| u64::from(c.count))
                    .sum();
                vec![lang::submitters(l, t).to_owned(), number(l, n)]
            })
            .collect(),
    });
}

/// The compendium's practices the report cites, with their citations in the report's
/// language.
fn practices(w: &mut Writer, report: &SummaryReport) {
    let l = w.lang;
    w.chapter("الممارسات المستشهد بها", "Practices cited");
    if report.practices.is_empty() {
        w.paragraph(
            l.pick(
                "لا يُستشهد في هذا التقرير بأي ممارسة من مجموعة أفضل الممارسات.",
                "No practice of the best-practice compendium is cited in the report.",
            )
            .to_owned(),
        );
        return;
    }
    w.paragraph(
        l.pick(
            "يُستشهد في هذا التقرير بالممارسات التالية من مجموعة أفضل الممارسات في منصة تعاون، \
             بالصيغة التي نشرتها الأمانة:",
            "The report cites the following practices of the Taawun best-practice compendium, \
             as published by the secretariat:",
        )
        .to_owned(),
    );
    w.push(Block::List(
        report
            .practices
            .iter()
            .map(|p| match l {
                Lang::Ar => p.citation_ar.clone(),
                Lang::En => p.citation_en.clone(),
            })
            .collect(),
    ));
}

/// The annex: the seminars held, with their figures.
fn annex(w: &mut Writer, seminars: &[SeminarSummary]) {
    let l = w.lang;
    w.push(Block::Heading {
        level: 1,
        text: l.pick("المرفق", "Annex").to_owned(),
    });
    w.push(Block::Table {
        caption: Some(
            l.pick(
                "الحلقات الدراسية الإقليمية المعقودة",
                "Regional seminars held",
            )
            .to_owned(),
        ),
        columns: vec![
            Column::text(l.pick("الحلقة الدراسية", "Seminar")),
            Column::text(l.pick("المنطقة", "Region")),
            Column::text(l.pick("التاريخ", "Dates")),
            Column::text(l.pick("المكان", "Venue")),
            Column::number(l.pick("المشاركون", "Participants")),
            Column::number(l.pick("المداخلات", "Inputs")),
        ],
        rows: seminars
            .iter()
            .map(|s| {
                let venue = lang::venue(l, s.venue);
                vec![
                    s.title.clone(),
                    lang::region(l, s.region).to_owned(),
                    lang::days(l, s.start, s.end),
                    match s.place.as_deref().map(str::trim) {
                        Some(place) if !place.is_empty() => format!("{place} ({venue})"),
                        _ => venue.to_owned(),
                    },
                    number(l, u64::from(s.participants)),
                    number(l, u64::from(s.inputs)),
                ]
            })
            .collect(),
    });
}

fn colophon(l: Lang, report: &SummaryReport) -> String {
    let date = lang::date(l, report.as_of);
    match l {
        Lang::En => format!(
            "Drawn up by Taawun on {date} from the records of the seminars (registrations the \
             secretariat approved and participants' inputs), the calls for inputs and the \
             best-practice compendium."
        ),
        Lang::Ar => format!(
            "أعدّته منصة تعاون في {date} من سجلات الحلقات الدراسية (التسجيلات التي وافقت عليها \
             الأمانة ومداخلات المشاركين) والدعوات إلى تقديم مساهمات ومجموعة أفضل الممارسات."
        ),
    }
}
