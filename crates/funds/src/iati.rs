//! The funds' approved requests as IATI 2.03 activities: the open-data standard aid publishers
//! use (Akvo RSR and OHCHR itself publish in it). One activity per approved request, with its
//! commitments, disbursements and expenditure, the incoming funds from each donor, the
//! organisations taking part, the recipient country, the sector (human rights) and SDG tags.
//!
//! Written as a stream, so that ten thousand activities need no more memory than one.

use std::io::Write;

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesText, Event};

use crate::money::Money;

/// The IATI standard's version this module writes.
pub const VERSION: &str = "2.03";

/// The DAC 5-digit sector code "Human rights" (15160).
pub const SECTOR_HUMAN_RIGHTS: &str = "15160";

/// An organisation as IATI names it: its identifier where it has one, its type (IATI's
/// OrganisationType code list: 10 government, 40 multilateral, 21 international NGO, …) and its
/// name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Org {
    pub reference: Option<String>,
    pub kind: &'static str,
    pub name: String,
}

/// Who publishes the file: the reporting organisation of every activity.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Publisher {
    /// The publisher's IATI organisation identifier; every activity identifier starts with it.
    pub reference: String,
    pub kind: &'static str,
    pub name: String,
}

/// Where an approved request stands, in IATI's ActivityStatus code list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// 1: approved, the agreement not yet signed.
    Pipeline,
    /// 2: being carried out.
    Implementation,
    /// 3: reporting on what was done.
    Finalisation,
    /// 4: closed.
    Closed,
}

impl Status {
    fn code(self) -> &'static str {
        match self {
            Status::Pipeline => "1",
            Status::Implementation => "2",
            Status::Finalisation => "3",
            Status::Closed => "4",
        }
    }
}

/// A transaction, in IATI's TransactionType code list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TransactionKind {
    /// 1: money received for the activity from a donor.
    IncomingFunds,
    /// 2: the amount approved.
    Commitment,
    /// 3: money paid out to the State.
    Disbursement,
    /// 4: money spent directly by the fund on the activity.
    Expenditure,
}

impl TransactionKind {
    fn code(self) -> &'static str {
        match self {
            TransactionKind::IncomingFunds => "1",
            TransactionKind::Commitment => "2",
            TransactionKind::Disbursement => "3",
            TransactionKind::Expenditure => "4",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Transaction {
    pub kind: TransactionKind,
    pub date: NaiveDate,
    pub amount: Money,
    pub provider: Option<Org>,
    pub receiver: Option<Org>,
}

/// One approved request, as an activity.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Activity {
    /// Unique within the publisher: the activity's identifier is the publisher's reference, a
    /// hyphen and this.
    pub local_id: String,
    pub title: String,
    pub description: String,
    /// The language of the title and description (ISO 639-1).
    pub lang: String,
    /// The fund's currency: the activity's default currency.
    pub currency: crate::money::Currency,
    pub status: Status,
    pub last_updated: DateTime<Utc>,
    pub planned_start: Option<NaiveDate>,
    pub planned_end: Option<NaiveDate>,
    pub actual_start: Option<NaiveDate>,
    pub actual_end: Option<NaiveDate>,
    /// ISO 3166-1 alpha-2.
    pub recipient_country: String,
    /// The donors whose money the activity uses (role 1, funding).
    pub funders: Vec<Org>,
    /// The fund's manager (role 3, extending).
    pub extending: Org,
    /// The State's government or whoever carries the activity out (role 4, implementing).
    pub implementing: Org,
    /// SDG targets ("16.10"), as IATI's tag vocabulary 3 has them.
    pub sdg_targets: Vec<String>,
    /// A response to a crisis (resolution 56/2, op. 26): IATI's humanitarian flag.
    pub humanitarian: bool,
    /// Made by `taawun demo funds`: said so in the description, so that no one mistakes it.
    pub demonstration: bool,
    pub transactions: Vec<Transaction>,
}

/// Why the file cannot be written.
#[derive(Debug, thiserror::Error)]
pub enum IatiError {
    #[error("there is no approved request to publish: an IATI file holds at least one activity")]
    NoActivities,
    #[error("activity {local_id}: “{code}” is not an ISO 3166-1 alpha-2 country code")]
    Country { local_id: String, code: String },
    #[error("activity {local_id}: it needs a start date (planned or actual)")]
    NoDate { local_id: String },
    #[error("the publisher's reference “{0}” is not an IATI organisation identifier")]
    Publisher(String),
    #[error("writing the IATI file: {0}")]
    Io(#[from] std::io::Error),
}

/// Writes `activities` as an IATI 2.03 `iati-activities` document to `out`, and gives `out`
/// back. A bad activity stops the file with an error naming it.
pub fn write_activities<W: Write>(
    out: W,
    publisher: &Publisher,
    generated: DateTime<Utc>,
    activities: impl IntoIterator<Item = Activity>,
) -> Result<W, IatiError> {
    if publisher.reference.trim().is_empty()
        || publisher
            .reference
            .chars()
            .any(|c| c.is_whitespace() || c == '/')
    {
        return Err(IatiError::Publisher(publisher.reference.clone()));
    }
    let mut activities = activities.into_iter().peekable();
    if activities.peek().is_none() {
        return Err(IatiError::NoActivities);
    }
    let mut w = Writer::new_with_indent(out, b' ', 1);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    let generated = timestamp(generated);
    // The writer's closures speak io::Error; an activity's own error is kept aside to be
    // returned as itself.
    let mut refused: Option<IatiError> = None;
    let written = w
        .create_element("iati-activities")
        .with_attribute(("version", VERSION))
        .with_attribute(("generated-datetime", generated.as_str()))
        .write_inner_content(|w| {
            for activity in activities {
                if let Err(e) = write_activity(w, publisher, &activity) {
                    refused = Some(e);
                    return Err(std::io::Error::other("activity refused"));
                }
            }
            Ok(())
        });
    if let Some(e) = refused {
        return Err(e);
    }
    written?;
    Ok(w.into_inner())
}

fn timestamp(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Secs, true)
}

fn write_activity<W: Write>(
    w: &mut Writer<W>,
    publisher: &Publisher,
    a: &Activity,
) -> Result<(), IatiError> {
    let country = a.recipient_country.trim();
    if country.len() != 2 || !country.bytes().all(|b| b.is_ascii_uppercase()) {
        return Err(IatiError::Country {
            local_id: a.local_id.clone(),
            code: a.recipient_country.clone(),
        });
    }
    if a.planned_start.is_none() && a.actual_start.is_none() {
        return Err(IatiError::NoDate {
            local_id: a.local_id.clone(),
        });
    }
    let identifier = format!("{}-{}", publisher.reference, a.local_id);
    let updated = timestamp(a.last_updated);
    let currency = a.currency.code();
    let lang = a.lang.as_str();
    let mut activity = w
        .create_element("iati-activity")
        .with_attribute(("last-updated-datetime", updated.as_str()))
        .with_attribute(("xml:lang", lang))
        .with_attribute(("default-currency", currency));
    if a.humanitarian {
        activity = activity.with_attribute(("humanitarian", "1"));
    }
    activity.write_inner_content(|w| {
        w.create_element("iati-identifier")
            .write_text_content(BytesText::new(&clean(&identifier)))?;
        w.create_element("reporting-org")
            .with_attribute(("ref", publisher.reference.as_str()))
            .with_attribute(("type", publisher.kind))
            .write_inner_content(|w| narrative(w, &publisher.name))?;
        w.create_element("title")
            .write_inner_content(|w| narrative(w, &a.title))?;
        let description = if a.demonstration {
            format!("Demonstration data, not a real request. {}", a.description)
        } else {
            a.description.clone()
        };
        w.create_element("description")
            .with_attribute(("type", "1"))
            .write_inner_content(|w| narrative(w, &description))?;
        for funder in &a.funders {
            org(w, "participating-org", funder, Some("1"))?;
        }
        org(w, "participating-org", &a.extending, Some("3"))?;
        org(w, "participating-org", &a.implementing, Some("4"))?;
        w.create_element("activity-status")
            .with_attribute(("code", a.status.code()))
            .write_empty()?;
        // ActivityDateType: 1 planned start, 2 actual start, 3 planned end, 4 actual end.
        for (kind, date) in [
            ("1", a.planned_start),
            ("2", a.actual_start),
            ("3", a.planned_end),
            ("4", a.actual_end),
        ] {
            if let Some(date) = date {
                let date = date.to_string();
                w.create_element("activity-date")
                    .with_attribute(("type", kind))
                    .with_attribute(("iso-date", date.as_str()))
                    .write_empty()?;
            }
        }
        w.create_element("recipient-country")
            .with_attribute(("code", country))
            .with_attribute(("percentage", "100"))
            .write_empty()?;
        // Sector vocabulary 1: the OECD DAC's 5-digit purpose codes.
        w.create_element("sector")
            .with_attribute(("vocabulary", "1"))
            .with_attribute(("code", SECTOR_HUMAN_RIGHTS))
            .with_attribute(("percentage", "100"))
            .write_empty()?;
        for target in &a.sdg_targets {
            // Tag vocabulary 3: the SDG targets.
            w.create_element("tag")
                .with_attribute(("vocabulary", "3"))
                .with_attribute(("code", clean(target).as_str()))
                .write_empty()?;
        }
        for t in &a.transactions {
            let date = t.date.to_string();
            let value = crate::money::format_minor(t.amount.minor, t.amount.currency.decimals())
                .replace(',', "");
            w.create_element("transaction").write_inner_content(|w| {
                w.create_element("transaction-type")
                    .with_attribute(("code", t.kind.code()))
                    .write_empty()?;
                w.create_element("transaction-date")
                    .with_attribute(("iso-date", date.as_str()))
                    .write_empty()?;
                w.create_element("value")
                    .with_attribute(("currency", t.amount.currency.code()))
                    .with_attribute(("value-date", date.as_str()))
                    .write_text_content(BytesText::new(&value))?;
                if let Some(p) = &t.provider {
                    org(w, "provider-org", p, None)?;
                }
                if let Some(r) = &t.receiver {
                    org(w, "receiver-org", r, None)?;
                }
                Ok(())
            })?;
        }
        Ok(())
    })?;
    Ok(())
}

/// A text in the activity's language (its `xml:lang`).
fn narrative<W: Write>(w: &mut Writer<W>, text: &str) -> std::io::Result<()> {
    w.create_element("narrative")
        .write_text_content(BytesText::new(&clean(text)))?;
    Ok(())
}

fn org<W: Write>(
    w: &mut Writer<W>,
    element: &str,
    org: &Org,
    role: Option<&str>,
) -> std::io::Result<()> {
    let mut e = w.create_element(element);
    if let Some(reference) = &org.reference {
        e = e.with_attribute(("ref", clean(reference).as_str()));
    }
    if let Some(role) = role {
        e = e.with_attribute(("role", role));
    }
    e = e.with_attribute(("type", org.kind));
    e.write_inner_content(|w| narrative(w, &org.name))?;
    Ok(())
}

/// The text with the characters XML 1.0 forbids (most control characters, U+FFFE, U+FFFF)
/// left out; escaping of `<`, `&` and quotes is the writer's.
fn clean(text: &str) -> String {
    text.chars()
        .filter(|c| {
            matches!(c, '\t' | '\n' | '\r')
                || (!c.is_control() && *c != '\u{FFFE}' && *c != '\u{FFFF}')
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::money::Currency;
    use chrono::TimeZone;
    use proptest::prelude::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn publisher() -> Publisher {
        Publisher {
            reference: "XM-DAC-41313".into(),
            kind: "40",
            name: "Office of the United Nations High Commissioner for Human Rights".into(),
        }
    }

    pub(crate) fn activity(local_id: &str, text: &str) -> Activity {
        let usd = Currency::parse("USD").unwrap();
        let ohchr = Org {
            reference: Some("XM-DAC-41313".into()),
            kind: "40",
            name: "OHCHR".into(),
        };
        let state = Org {
            reference: None,
            kind: "10",
            name: format!("Government of {text}"),
        };
        let norway = Org {
            reference: Some("XM-DAC-8".into()),
            kind: "10",
            name: "Norway".into(),
        };
        Activity {
            local_id: local_id.into(),
            title: format!("UPR implementation: {text}"),
            description: text.into(),
            lang: "en".into(),
            currency: Currency::parse("USD").unwrap(),
            status: Status::Implementation,
            last_updated: Utc.with_ymd_and_hms(2026, 12, 1, 9, 30, 0).unwrap(),
            planned_start: Some(date(2027, 1, 1)),
            planned_end: Some(date(2027, 12, 31)),
            actual_start: Some(date(2027, 1, 15)),
            actual_end: None,
            recipient_country: "FJ".into(),
            funders: vec![norway.clone()],
            extending: ohchr.clone(),
            implementing: state.clone(),
            sdg_targets: vec!["16.10".into(), "16.a".into()],
            humanitarian: false,
            demonstration: true,
            transactions: vec![
                Transaction {
                    kind: TransactionKind::IncomingFunds,
                    date: date(2026, 11, 1),
                    amount: Money::new(30_000_000, usd).unwrap(),
                    provider: Some(norway),
                    receiver: Some(ohchr.clone()),
                },
                Transaction {
                    kind: TransactionKind::Commitment,
                    date: date(2026, 12, 1),
                    amount: Money::new(30_000_000, usd).unwrap(),
                    provider: Some(ohchr.clone()),
                    receiver: Some(state.clone()),
                },
                Transaction {
                    kind: TransactionKind::Disbursement,
                    date: date(2027, 1, 20),
                    amount: Money::new(12_000_050, usd).unwrap(),
                    provider: Some(ohchr),
                    receiver: Some(state),
                },
            ],
        }
    }

    fn generated() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 7, 12, 0, 0).unwrap()
    }

    #[test]
    fn activities_carry_their_transactions_and_tags() {
        let bytes = write_activities(
            Vec::new(),
            &publisher(),
            generated(),
            [activity("17", "Fiji <&> \"quoted\"")],
        )
        .unwrap();
        let xml = String::from_utf8(bytes).unwrap();
        assert!(xml.contains("<iati-activities version=\"2.03\""));
        assert!(xml.contains("<iati-identifier>XM-DAC-41313-17</iati-identifier>"));
        assert!(
            xml.contains("<value currency=\"USD\" value-date=\"2027-01-20\">120000.50</value>")
        );
        assert!(xml.contains("<tag vocabulary=\"3\" code=\"16.10\"/>"));
        assert!(xml.contains("Fiji &lt;&amp;&gt;"));
        assert!(xml.contains("Demonstration data, not a real request."));
    }

    #[test]
    fn bad_activities_are_named() {
        let mut bad = activity("18", "x");
        bad.recipient_country = "FJI".into();
        let e = write_activities(Vec::new(), &publisher(), generated(), [bad]).unwrap_err();
        assert_eq!(
            e.to_string(),
            "activity 18: “FJI” is not an ISO 3166-1 alpha-2 country code"
        );
        let none: [Activity; 0] = [];
        assert!(matches!(
            write_activities(Vec::new(), &publisher(), generated(), none),
            Err(IatiError::NoActivities)
        ));
    }

    proptest! {
        /// Whatever the texts hold, the file is well-formed XML with every text intact but for
        /// the characters XML cannot carry.
        #[test]
        fn any_text_makes_well_formed_xml(text in "\\PC{0,40}") {
            let bytes = write_activities(Vec::new(), &publisher(), generated(), [activity("1", &text)]).unwrap();
            let xml = String::from_utf8(bytes).unwrap();
            let doc = roxmltree::Document::parse(&xml);
            prop_assert!(doc.is_ok(), "{:?}", doc.err());
            let doc = doc.unwrap();
            let description = doc.descendants().find(|n| n.has_tag_name("description")).unwrap();
            let said = description.descendants().find(|n| n.has_tag_name("narrative")).unwrap().text().unwrap_or("");
            // XML reads a carriage return as a line feed.
            let expected = clean(&text).replace("\r\n", "\n").replace('\r', "\n");
            prop_assert_eq!(said, format!("Demonstration data, not a real request. {expected}"));
        }
    }
}
