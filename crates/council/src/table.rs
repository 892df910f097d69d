//! The Council's sessions as built-in reference data, written from published records of the
//! Council: its reports on each session ("held at the United Nations Office at Geneva from … to
//! …"), the press releases of the United Nations Office at Geneva and OHCHR announcing and
//! closing each session, OHCHR's list of sessions, and session reports of Geneva organisations
//! that follow the Council. Each row names the page its dates were read from.
//!
//! `closing` is the last day of meetings: a session suspended and resumed closes on the last day
//! of its resumed part. The table's tests check every recorded vote of sessions 1–57 (OHCHR's
//! voting records) against these ranges.
//!
//! Not here, because no published record of their dates was at hand when the table was written:
//! regular sessions 62 and 63 (2026), and special sessions 3, 4, 6, 8, 10–12, 14, 20, 22–26 and
//! 37 onwards. The secretariat adds them as amendments (`/sessions`), which the calendar lays
//! over this table; a later release moves them here.

use chrono::NaiveDate;

use crate::calendar::{Session, SessionKind};

/// A session of the table and where its dates come from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub session: Session,
    /// The page the dates were read from.
    pub source: &'static str,
}

/// A date the table writes; an impossible one stops the build.
const fn date((year, month, day): (i32, u32, u32)) -> NaiveDate {
    match NaiveDate::from_ymd_opt(year, month, day) {
        Some(date) => date,
        None => panic!("an impossible date in the sessions table"),
    }
}

const fn s(
    kind: SessionKind,
    number: u32,
    opening: (i32, u32, u32),
    closing: (i32, u32, u32),
    source: &'static str,
) -> (SessionKind, u32, NaiveDate, NaiveDate, &'static str) {
    (kind, number, date(opening), date(closing), source)
}

use SessionKind::{Regular, Special};

const TABLE: &[(SessionKind, u32, NaiveDate, NaiveDate, &str)] = &[
    s(
        Regular,
        1,
        (2006, 6, 19),
        (2006, 6, 30),
        "http://www1.umn.edu/humanrts/hrc-session1.html",
    ),
    // suspended 6 Oct 2006, resumed 27-29 Nov 2006
    s(
        Regular,
        2,
        (2006, 9, 18),
        (2006, 11, 29),
        "https://right-docs.org/doc/a-hrc-2-9",
    ),
    s(
        Regular,
        3,
        (2006, 11, 29),
        (2006, 12, 8),
        "https://right-docs.org/doc/a-hrc-3-7",
    ),
    s(
        Regular,
        4,
        (2007, 3, 12),
        (2007, 3, 30),
        "https://docslib.org/doc/5876857/general-assembly-distr",
    ),
    s(
        Regular,
        5,
        (2007, 6, 11),
        (2007, 6, 18),
        "https://humanrightsvoices.org/assets/attachments/documents-txt/5912.pdf.txt",
    ),
    // resumed 10-14 Dec 2007
    s(
        Regular,
        6,
        (2007, 9, 10),
        (2007, 12, 14),
        "https://right-docs.org/doc/a-hrc-6-22",
    ),
    s(
        Regular,
        7,
        (2008, 3, 3),
        (2008, 4, 1),
        "https://docslib.org/doc/13441994/general-assembly-distr",
    ),
    s(
        Regular,
        8,
        (2008, 6, 2),
        (2008, 6, 18),
        "https://docest.com/doc/487027/report-of-the-human-rights-council-on-its-eighth-session",
    ),
    // originally scheduled 8-26 Sep (UNOG press release)
    s(
        Regular,
        9,
        (2008, 9, 8),
        (2008, 9, 24),
        "https://docsbay.net/report-of-the-human-rights-council-on-its-ninth-session",
    ),
    s(
        Regular,
        10,
        (2009, 3, 2),
        (2009, 3, 27),
        "https://right-docs.org/doc/a-hrc-10-29",
    ),
    s(
        Regular,
        11,
        (2009, 6, 2),
        (2009, 6, 18),
        "https://humanrightsvoices.org/assets/attachments/documents-txt/7727.doc.txt",
    ),
    // dates from pre-session announcement; UNOG meeting summary (Oct 2009) confirms closing of twelfth session
    s(
        Regular,
        12,
        (2009, 9, 14),
        (2009, 10, 2),
        "https://www.ohchr.org/en/press-releases/2009/10/human-rights-council-hold-twelfth-regular-session-14-september-2-october?sub-site=HRC",
    ),
    s(
        Regular,
        13,
        (2010, 3, 1),
        (2010, 3, 26),
        "https://www.un-ngls.org/index.php/un-ngls_news_archives/2010/764-human-rights-council-concludes-13th-session",
    ),
    s(
        Regular,
        14,
        (2010, 5, 31),
        (2010, 6, 18),
        "https://www.ohchr.org/EN/NewsEvents/Pages/HRCopens14session.aspx",
    ),
    s(
        Regular,
        15,
        (2010, 9, 13),
        (2010, 10, 1),
        "https://humanrightsvoices.org/assets/attachments/documents-txt/9095rightscouncil.pdf.txt",
    ),
    s(
        Regular,
        16,
        (2011, 2, 28),
        (2011, 3, 25),
        "https://www.wfuna.org/16th-session-of-the-human-rights-council",
    ),
    s(
        Regular,
        17,
        (2011, 5, 30),
        (2011, 6, 17),
        "https://www.wfuna.org/17th-session-of-the-human-rights-council",
    ),
    s(
        Regular,
        18,
        (2011, 9, 12),
        (2011, 9, 30),
        "https://docsbay.net/video-transcript-highlights-of-the-human-rights-council-18th-regular-session",
    ),
    s(
        Regular,
        19,
        (2012, 2, 27),
        (2012, 3, 23),
        "https://studylib.net/doc/17693292/human-rights-council--order-of-the-day-ninteenth-session",
    ),
    s(
        Regular,
        20,
        (2012, 6, 18),
        (2012, 7, 6),
        "http://www.unog.ch/unog/website/news_media.nsf/(httpNewsByYear_en)/AFB769AC2D976C4EC1257A33004CDA6D?OpenDocument",
    ),
    // session SUSPENDED (not closed) on 28 Sep 2012; no resumption found
    s(
        Regular,
        21,
        (2012, 9, 10),
        (2012, 9, 28),
        "https://www.ohchr.org/en/NewsEvents/Pages/DisplayNews.aspx?LangID=E&NewsID=12608",
    ),
    s(
        Regular,
        22,
        (2013, 2, 25),
        (2013, 3, 22),
        "https://nhri.ohchr.org/EN/IHRS/HumanRightsCouncil/22/Pages/default.aspx",
    ),
    s(
        Regular,
        23,
        (2013, 5, 27),
        (2013, 6, 14),
        "https://nhri.ohchr.org/EN/IHRS/HumanRightsCouncil/23/Pages/default.aspx",
    ),
    s(
        Regular,
        24,
        (2013, 9, 9),
        (2013, 9, 27),
        "https://docest.com/doc/48703/report-of-the-human-rights-council",
    ),
    s(
        Regular,
        25,
        (2014, 3, 3),
        (2014, 3, 28),
        "https://ungeneva.org/ru/news-media/press-release/2014/02/human-rights-council-holds-its-twenty-fifth-regular-session-3-28",
    ),
    s(
        Regular,
        26,
        (2014, 6, 10),
        (2014, 6, 27),
        "https://www.wfuna.org/human-rights-council-26th-session",
    ),
    s(
        Regular,
        27,
        (2014, 9, 8),
        (2014, 9, 26),
        "https://nhri.ohchr.org/EN/IHRS/HumanRightsCouncil/27/Pages/default.aspx",
    ),
    s(
        Regular,
        28,
        (2015, 3, 2),
        (2015, 3, 27),
        "https://www.universal-rights.org/report-on-the-28th-session-of-the-human-rights-council/",
    ),
    s(
        Regular,
        29,
        (2015, 6, 15),
        (2015, 7, 3),
        "https://www.ohchr.org/en/press-releases/2015/07/human-rights-council-concludes-twenty-ninth-session-after-adopting-26-texts?sub-site=HRC",
    ),
    // an NGO (ICJW) report says 'September 14 - October 3, 2015' - treated as error
    s(
        Regular,
        30,
        (2015, 9, 14),
        (2015, 10, 2),
        "https://docsbay.net/order-of-the-day-friday-2-october-2015",
    ),
    s(
        Regular,
        31,
        (2016, 2, 29),
        (2016, 3, 24),
        "https://www.universal-rights.org/urg-human-rights-council-reports/report-on-the-31th-session-of-the-human-rights-council/",
    ),
    // scheduled 13 Jun-1 Jul; suspended 1 Jul 2016 (last votes 2016-07-01); closing 8 Jul 2016 per URG only (resumed meeting not separately confirmed)
    s(
        Regular,
        32,
        (2016, 6, 13),
        (2016, 7, 8),
        "http://www.universal-rights.org/urg-human-rights-council-reports/report-32nd-session-human-rights-council/",
    ),
    s(
        Regular,
        33,
        (2016, 9, 13),
        (2016, 9, 30),
        "https://www.ohchr.org/en/2016/10/human-rights-council-concludes-thirty-third-session-after-adopting-30-resolutions-and-one?sub-site=HRC",
    ),
    s(
        Regular,
        34,
        (2017, 2, 27),
        (2017, 3, 24),
        "http://www.universal-rights.org/urg-human-rights-council-reports/report-34th-session-human-rights-council/?edition=lac",
    ),
    s(
        Regular,
        35,
        (2017, 6, 6),
        (2017, 6, 23),
        "https://docsbay.net/report-of-the-human-rights-council-on-its-thirty-fifth-session-advance-unedited-version",
    ),
    // closing date from scheduled dates + closing press release (Sep 2017); last votes 2017-09-29
    s(
        Regular,
        36,
        (2017, 9, 11),
        (2017, 9, 29),
        "https://ungeneva.org/es/news-media/press-release/2017/09/human-rights-council-hold-its-thirty-sixth-regular-session-11-29",
    ),
    s(
        Regular,
        37,
        (2018, 2, 26),
        (2018, 3, 23),
        "https://ungeneva.org/zh/news-media/press-release/2018/03/human-rights-council-concludes-thirty-seventh-session-after",
    ),
    // scheduled dates (pre-session announcement)
    s(
        Regular,
        38,
        (2018, 6, 18),
        (2018, 7, 6),
        "https://www.ungeneva.org/es/news-media/press/taxonomy/term/177/48212/human-rights-council-hold-its-thirty-eighth-regular",
    ),
    // closing day from scheduled dates + closing release; last votes 2018-09-28
    s(
        Regular,
        39,
        (2018, 9, 10),
        (2018, 9, 28),
        "https://ungeneva.org/zh/news-media/press-release/2018/09/human-rights-council-concludes-thirty-ninth-session-after-adopting",
    ),
    s(
        Regular,
        40,
        (2019, 2, 25),
        (2019, 3, 22),
        "https://www.ishr.ch/news/hrc40-key-issues-agenda-march-2019-session-0",
    ),
    s(
        Regular,
        41,
        (2019, 6, 24),
        (2019, 7, 12),
        "https://www.universal-rights.org/report-on-the-41st-session-of-the-human-rights-council/",
    ),
    s(
        Regular,
        42,
        (2019, 9, 9),
        (2019, 9, 27),
        "https://ungeneva.org/zh/news-media/press-release/2019/09/human-rights-council-closes-forty-second-regular-session-adopts-38",
    ),
    // suspended 13 Mar 2020 (COVID-19), resumed 15-23 Jun 2020; originally scheduled 24 Feb-20 Mar 2020
    s(
        Regular,
        43,
        (2020, 2, 24),
        (2020, 6, 23),
        "https://www.ungeneva.org/en/news-media/taxonomy/term/175/2020/06/le-conseil-des-droits-de-lhomme-acheve-travaux-de-sa-quarante",
    ),
    // originally announced 30 Jun-20 Jul 2020
    s(
        Regular,
        44,
        (2020, 6, 30),
        (2020, 7, 17),
        "https://www.universal-rights.org/report-on-the-44th-session-of-the-human-rights-council/",
    ),
    // originally announced 14 Sep-6 Oct 2020
    s(
        Regular,
        45,
        (2020, 9, 14),
        (2020, 10, 7),
        "https://ohchr.org/EN/HRBodies/HRC/Pages/Sessions.aspx",
    ),
    // originally announced 22 Feb-23 Mar 2021
    s(
        Regular,
        46,
        (2021, 2, 22),
        (2021, 3, 24),
        "https://ohchr.org/EN/HRBodies/HRC/Pages/Sessions.aspx",
    ),
    // announced 21 Jun-13 Jul; URG report says closed Tue 13 Jul 2021 but 12 recorded votes are dated 2021-07-14, consistent with OHCHR's 14 Jul
    s(
        Regular,
        47,
        (2021, 6, 21),
        (2021, 7, 14),
        "https://ohchr.org/EN/HRBodies/HRC/Pages/Sessions.aspx",
    ),
    // originally scheduled 13 Sep-1 Oct 2021 (OHCHR home page)
    s(
        Regular,
        48,
        (2021, 9, 13),
        (2021, 10, 11),
        "https://www.universal-rights.org/blog-nyc/report-on-the-48th-session-of-the-human-rights-council/",
    ),
    s(
        Regular,
        49,
        (2022, 2, 28),
        (2022, 4, 1),
        "https://www.universal-rights.org/blog-es-lac/report-on-the-49th-session-of-the-human-rights-council/",
    ),
    s(
        Regular,
        50,
        (2022, 6, 13),
        (2022, 7, 8),
        "https://www.universal-rights.org/uncategorized-nyc/report-on-the-50th-session-of-the-human-rights-council/",
    ),
    // GANHRI page says '12th September to the 8th of October 2022' - treated as error
    s(
        Regular,
        51,
        (2022, 9, 12),
        (2022, 10, 7),
        "https://www.ohchr.org/en/press-releases/2022/10/human-rights-council-concludes-fifty-first-regular-session-after-adopting-41",
    ),
    s(
        Regular,
        52,
        (2023, 2, 27),
        (2023, 4, 4),
        "https://www.universal-rights.org/tag/hrc-session-report/",
    ),
    s(
        Regular,
        53,
        (2023, 6, 19),
        (2023, 7, 14),
        "https://www.universal-rights.org/tag/hrc-session-report/",
    ),
    s(
        Regular,
        54,
        (2023, 9, 11),
        (2023, 10, 13),
        "https://www.universal-rights.org/category/human-rights-council-reports/",
    ),
    s(
        Regular,
        55,
        (2024, 2, 26),
        (2024, 4, 5),
        "https://universal-rights.org/report-on-the-55th-session-of-the-human-rights-council",
    ),
    s(
        Regular,
        56,
        (2024, 6, 18),
        (2024, 7, 12),
        "https://kas.de/en/web/multilateraler-dialog-genf/map-of-the-month/detail/-/content/abstimmungen-waehrend-des-56-un-menschenrechtsrates",
    ),
    s(
        Regular,
        57,
        (2024, 9, 9),
        (2024, 10, 11),
        "https://www.universal-rights.org/report-on-the-57th-session-of-the-human-rights-council/",
    ),
    // beyond vote data (sessions 1-57)
    s(
        Regular,
        58,
        (2025, 2, 24),
        (2025, 4, 4),
        "https://universal-rights.org/report-on-the-58th-session-of-the-human-rights-council",
    ),
    // UNCERTAIN closing: scheduled to end 9 Jul 2025 (UNOG/URG/ISHR); FIDH reports it concluded 8 Jul 2025; UNOG closing release (Jul 2025) says 'today' without a date
    s(
        Regular,
        59,
        (2025, 6, 16),
        (2025, 7, 8),
        "https://windpress.info/es/press-release/825305/key-outcomes-of-the-59th-human-rights-council-session-progress-and-persistent-challenges",
    ),
    // closing date = scheduled end; actual closing day not stated in excerpts seen (FIDH release dated 9 Oct 2025 says it 'closed')
    s(
        Regular,
        60,
        (2025, 9, 8),
        (2025, 10, 8),
        "https://www.ungeneva.org/ru/news-media/press-release/2025/09/human-rights-council-hold-its-sixtieth-regular-session-8-september",
    ),
    // scheduled dates; closing not confirmed
    s(
        Regular,
        61,
        (2026, 2, 23),
        (2026, 3, 31),
        "https://www.ungeneva.org/en/news-media/press-release/2026/02/le-conseil-des-droits-de-lhomme-tiendra-sa-soixante-et-unieme",
    ),
    s(
        Special,
        1,
        (2006, 7, 5),
        (2006, 7, 6),
        "https://docslib.org/doc/13269598/report-of-the-human-rights-council",
    ),
    s(
        Special,
        2,
        (2006, 8, 11),
        (2006, 8, 11),
        "https://docslib.org/doc/13269598/report-of-the-human-rights-council",
    ),
    s(
        Special,
        5,
        (2007, 10, 2),
        (2007, 10, 2),
        "https://docslib.org/doc/2507824/general-assembly-distr",
    ),
    // single day per this release; a session continuing to a second day is not excluded by the excerpt
    s(
        Special,
        7,
        (2008, 5, 22),
        (2008, 5, 22),
        "https://newsarchive.ohchr.org/EN/NewsEvents/Pages/DisplayNews.aspx?NewsID=9442&LangID=E",
    ),
    s(
        Special,
        9,
        (2009, 1, 9),
        (2009, 1, 12),
        "http://archived2013.ishr.ch/sessions/special-sessions",
    ),
    s(
        Special,
        13,
        (2010, 1, 27),
        (2010, 1, 28),
        "https://right-docs.org/doc/a-hrc-s-13-2",
    ),
    // secondary source only
    s(
        Special,
        15,
        (2011, 2, 25),
        (2011, 2, 25),
        "http://blog.camera.org/2011/05/hrc_special_sessions_a_review.html",
    ),
    s(
        Special,
        16,
        (2011, 4, 29),
        (2011, 4, 29),
        "https://ungeneva.org/en/news-media/press-release/2012/05/council-hold-special-session-deteriorating-human-rights-situation",
    ),
    // CONFLICT with vote data: A/HRC/RES/S-17/1 is dated 2011/08/23 in all-vote-data.csv, one day after the session date (22 Aug 2011) given by A/HRC/S-17/2 and by A/HRC/S-18/2 ('S-17/1 of 22 August 2011'); the vote-data date looks wrong
    s(
        Special,
        17,
        (2011, 8, 22),
        (2011, 8, 23),
        "https://studylib.net/doc/17677166/a--advance-unedited-version-report-of-the-human-rights-co... (closing: the recorded vote on A/HRC/RES/S-17/1, 23 August 2011)",
    ),
    s(
        Special,
        18,
        (2011, 12, 2),
        (2011, 12, 2),
        "https://docest.com/doc/227774/report-of-the-human-rights-council-on-its-eighteenth-special-session",
    ),
    // scheduled date
    s(
        Special,
        19,
        (2012, 6, 1),
        (2012, 6, 1),
        "https://ungeneva.org/en/news-media/press-release/2012/05/council-hold-special-session-deteriorating-human-rights-situation",
    ),
    // source gives a single date ('held on 23 July') and no session number; number 21 from vote data (A/HRC/RES/S-21/1 on the OPT, dated 2014-07-23); a multi-day session is not excluded
    s(
        Special,
        21,
        (2014, 7, 23),
        (2014, 7, 23),
        "https://www.ohchr.org/en/press-releases/2014/09/human-rights-council-holds-twenty-seventh-regular-session-8-26-september",
    ),
    s(
        Special,
        27,
        (2017, 12, 5),
        (2017, 12, 5),
        "https://ohchr.org/EN/HRBodies/HRC/Pages/Sessions.aspx",
    ),
    s(
        Special,
        28,
        (2018, 5, 18),
        (2018, 5, 18),
        "https://ohchr.org/EN/HRBodies/HRC/Pages/Sessions.aspx",
    ),
    s(
        Special,
        29,
        (2021, 2, 12),
        (2021, 2, 12),
        "https://ohchr.org/EN/HRBodies/HRC/Pages/Sessions.aspx",
    ),
    s(
        Special,
        30,
        (2021, 5, 27),
        (2021, 5, 27),
        "https://ohchr.org/EN/HRBodies/HRC/Pages/Sessions.aspx",
    ),
    s(
        Special,
        31,
        (2021, 8, 24),
        (2021, 8, 24),
        "https://ohchr.org/EN/HRBodies/HRC/Pages/Sessions.aspx",
    ),
    s(
        Special,
        32,
        (2021, 11, 5),
        (2021, 11, 5),
        "https://www.universal-rights.org/tag/ss32/",
    ),
    // scheduled date
    s(
        Special,
        33,
        (2021, 12, 17),
        (2021, 12, 17),
        "https://allafrica.com/stories/202112140221.html",
    ),
    s(
        Special,
        34,
        (2022, 5, 12),
        (2022, 5, 12),
        "https://kas.de/en/web/multilateraler-dialog-genf/map-of-the-month/detail/-/content/34-special-session-of-un-human-rights-council-on-ukraine",
    ),
    s(
        Special,
        35,
        (2022, 11, 24),
        (2022, 11, 24),
        "https://www.universal-rights.org/tag/hrc-session-report/",
    ),
    s(
        Special,
        36,
        (2023, 5, 11),
        (2023, 5, 11),
        "https://www.universal-rights.org/tag/hrc-session-report/",
    ),
];

/// Every row of the table.
pub fn rows() -> impl Iterator<Item = Row> {
    TABLE
        .iter()
        .map(|&(kind, number, opening, closing, source)| Row {
            session: Session {
                kind,
                number,
                opening,
                closing,
            },
            source,
        })
}

/// The table's sessions.
pub fn sessions() -> Vec<Session> {
    rows().map(|row| row.session).collect()
}

/// Where the table's dates of a session come from.
pub fn source(kind: SessionKind, number: u32) -> Option<&'static str> {
    TABLE
        .iter()
        .find(|row| row.0 == kind && row.1 == number)
        .map(|row| row.4)
}
