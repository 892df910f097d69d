//! `taawun demo funds --requests N`: a demonstration set for a database with no real requests —
//! donors traditional and not, pledges and contributions (some in other currencies), requests of
//! States of every regional group at every stage of the workflow, approvals and disbursements.
//! Every step is taken through the workflow's own rules and every entry through the ledger's,
//! so the set is what real use would leave; every record is marked as demonstration data.

use chrono::{Duration, NaiveDate, TimeZone, Utc};
use taawun_funds::config::RequestType;
use taawun_funds::ledger::{Balances, EntryKind, Lines, Original};
use taawun_funds::money::{Currency, Money, Rate};
use taawun_funds::request::{BudgetLine, Consent, Priority, Publication, RequestDraft};
use taawun_funds::workflow::{Attempt, Outcome, Position, Stage, Step, take};
use taawun_funds::{CrisisKind, Fund};
use taawun_store::funds::{DemoEntry, DemoRequest, DemoSet, DonorKind, EventRecord, NewDonor};

/// A small deterministic generator (xorshift): the same `--requests` gives the same set, and
/// the demonstration needs no cryptographic or statistical quality.
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

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

const DONORS: [(&str, DonorKind, Option<&str>, bool); 12] = [
    ("Norway", DonorKind::State, Some("NOR"), false),
    ("Germany", DonorKind::State, Some("DEU"), false),
    ("United Kingdom", DonorKind::State, Some("GBR"), false),
    ("Switzerland", DonorKind::State, Some("CHE"), false),
    ("Japan", DonorKind::State, Some("JPN"), false),
    ("Qatar", DonorKind::State, Some("QAT"), true),
    ("Morocco", DonorKind::State, Some("MAR"), true),
    ("Brazil", DonorKind::State, Some("BRA"), true),
    ("India", DonorKind::State, Some("IND"), true),
    ("Saudi Arabia", DonorKind::State, Some("SAU"), true),
    ("European Union", DonorKind::Organisation, None, false),
    (
        "A private foundation (demonstration)",
        DonorKind::Private,
        None,
        true,
    ),
];

/// States that ask, from every regional group.
const STATES: [&str; 20] = [
    "FJI", "MDG", "SEN", "HTI", "NPL", "KHM", "MOZ", "TLS", "BOL", "MDA", "ARM", "GEO", "JOR",
    "TUN", "SLE", "LBR", "VUT", "PNG", "GTM", "HND",
];

/// The stages the set's requests stop at, in turn.
const ENDS: [Stage; 10] = [
    Stage::Draft,
    Stage::Submitted,
    Stage::Screening,
    Stage::InformationRequested,
    Stage::Review,
    Stage::Decision,
    Stage::Agreement,
    Stage::Disbursement,
    Stage::Reporting,
    Stage::Closed,
];

fn path_to(end: Stage, decline: bool) -> Vec<Step> {
    use Step::*;
    let full = [
        Submit,
        BeginScreening,
        RequestInformation,
        ProvideInformation,
        CompleteScreening,
        Recommend(Outcome::Approve),
        SendForDecision,
        Decide(Outcome::Approve),
        SignAgreement,
        RecordDisbursement,
        BeginReporting,
        SubmitReport,
        Close,
    ];
    let stop = match end {
        Stage::Draft => 0,
        Stage::Submitted => 1,
        Stage::Screening => 2,
        Stage::InformationRequested => 3,
        Stage::Review => 5,
        Stage::Decision => 7,
        Stage::Agreement => 8,
        Stage::Disbursement => 10,
        Stage::Reporting => 12,
        Stage::Closed if decline => {
            return vec![
                Submit,
                BeginScreening,
                CompleteScreening,
                Recommend(Outcome::Decline),
                SendForDecision,
                Decide(Outcome::Decline),
            ];
        }
        Stage::Closed => 13,
    };
    full[..stop].to_vec()
}

/// The set: `requests` requests spread over `funds`, with the donors and entries that pay for
/// them; donors pledge and pay in enough rounds that the ledgers hold about `entries` entries in
/// all (at least one round). `today` anchors the dates (requests were submitted over the two
/// years before it).
pub fn build(funds: &[Fund], requests: usize, entries: usize, today: NaiveDate) -> DemoSet {
    let mut dice = Dice(0x9e37_79b9_7f4a_7c15 ^ requests as u64);
    let mut set = DemoSet {
        donors: DONORS
            .iter()
            .map(|(name, kind, state, non_traditional)| NewDonor {
                name: format!("{name} (demonstration)")
                    .replace(" (demonstration) (demonstration)", " (demonstration)"),
                kind: *kind,
                state: state.map(str::to_owned),
                non_traditional: *non_traditional,
            })
            .collect(),
        ..Default::default()
    };
    let eur = Currency::parse("EUR").expect("EUR is ISO 4217");
    let start = today - Duration::days(730);
    for fund in funds {
        let lines = Lines {
            zero: Money::zero(fund.currency),
        };
        let mut books = Balances::default();
        let push = |set: &mut DemoSet, books: &mut Balances, entry: DemoEntry| {
            for line in &entry.lines {
                *books.accounts.entry(line.account).or_default() += i128::from(line.minor);
            }
            set.entries.push(entry);
        };
        // Income first: pledges and their payments from every donor, spread over two years.
        let rounds = (entries / (2 * DONORS.len() * funds.len().max(1))).max(1);
        for (d, _) in DONORS
            .iter()
            .enumerate()
            .cycle()
            .take(DONORS.len() * rounds)
        {
            let date = start + Duration::days(dice.below(60) as i64);
            let minor = ((50_000 + dice.below(450_000) as i64) * 100 * requests.max(10) as i64
                / 100
                / rounds as i64)
                .max(100);
            let Ok(amount) = Money::new(minor, fund.currency) else {
                continue;
            };
            if let Ok(l) = lines.pledge(d as i64, amount) {
                push(
                    &mut set,
                    &mut books,
                    DemoEntry {
                        fund: fund.id.clone(),
                        date,
                        kind: EntryKind::Pledge,
                        lines: l,
                        memo: "Pledge (demonstration)".into(),
                        donor: Some(d),
                        request: None,
                        original: None,
                        earmark: None,
                        reverses: None,
                    },
                );
            }
            // Some pay in euros, converted at a stated rate.
            let original = (d % 4 == 1).then(|| Original {
                amount: Money::new(minor * 100 / 108, eur).unwrap_or(Money::zero(eur)),
                rate: Rate {
                    nano: 1_080_000_000,
                },
                rate_date: date + Duration::days(20),
            });
            let paid = match original {
                Some(o) => o.rate.convert(o.amount, fund.currency).unwrap_or(amount),
                None => amount,
            };
            if let Ok(l) = lines.contribution(d as i64, paid, &books) {
                push(
                    &mut set,
                    &mut books,
                    DemoEntry {
                        fund: fund.id.clone(),
                        date: date + Duration::days(30),
                        kind: EntryKind::Contribution,
                        lines: l,
                        memo: "Contribution received (demonstration)".into(),
                        donor: Some(d),
                        request: None,
                        original,
                        earmark: (d % 5 == 0).then(|| "Pacific States".to_owned()),
                        reverses: None,
                    },
                );
            }
        }
        let share = requests / funds.len().max(1)
            + usize::from(funds.first().is_some_and(|f| f.id == fund.id))
                * (requests % funds.len().max(1));
        for n in 0..share {
            let index = set.requests.len();
            let state = STATES[(index + n) % STATES.len()];
            let request_type = fund.request_types[n % fund.request_types.len()];
            let currency = fund.currency;
            let budget_minor = (20_000 + dice.below(180_000) as i64) * 100;
            let created = start + Duration::days(60 + dice.below(600) as i64);
            let draft = RequestDraft {
                request_type,
                crisis: (request_type == RequestType::CrisisResponse)
                    .then(|| CrisisKind::ALL[n % CrisisKind::ALL.len()]),
                purpose: format!(
                    "Demonstration request {n}: {} for {state}",
                    request_type.slug()
                ),
                recommendations: vec![],
                plan_actions: vec![],
                activities: vec![
                    "Workshop with the ministries concerned".into(),
                    "Report to the national mechanism for reporting and follow-up".into(),
                ],
                budget: vec![BudgetLine {
                    item: "Activities".into(),
                    amount: Money::new(budget_minor, currency).unwrap_or(Money::zero(currency)),
                }],
                starts: Some(created + Duration::days(90)),
                ends: Some(created + Duration::days(365)),
                priority: Some(Priority::ALL[n % 3]),
                consent: Some(Consent {
                    given_by: "Minister of Foreign Affairs (demonstration)".into(),
                    given_on: created,
                }),
                publication: Publication {
                    purpose: n % 3 != 0,
                    activities: n % 2 == 0,
                    budget_lines: n % 4 == 0,
                    recommendations: true,
                },
            };
            let end = ENDS[n % ENDS.len()];
            let decline = end == Stage::Closed && n % 20 == 9;
            let mut position = Position::DRAFT;
            let mut at = Utc
                .from_utc_datetime(&created.and_hms_opt(9, 0, 0).unwrap_or_default())
                .timestamp();
            let mut events = Vec::new();
            let mut submitted_at = None;
            // A grant is paid in one to four instalments.
            let instalments = 1 + dice.below(4) as i64;
            let steps = path_to(end, decline).into_iter().flat_map(|s| {
                let times = if s == Step::RecordDisbursement {
                    instalments as usize
                } else {
                    1
                };
                std::iter::repeat_n(s, times)
            });
            for step in steps {
                at += (1 + dice.below(25) as i64) * 86_400;
                let Ok(next) = take(
                    position,
                    &Attempt {
                        step,
                        role: step.role(),
                        reason: "Demonstration",
                        conditions: "Demonstration",
                    },
                ) else {
                    break;
                };
                let date = Utc
                    .timestamp_opt(at, 0)
                    .single()
                    .map_or(today, |t| t.date_naive())
                    .min(today);
                let mut amount_minor = None;
                let carried = match step {
                    Step::Decide(Outcome::Approve | Outcome::ApproveWithConditions) => {
                        Money::new(budget_minor * 9 / 10, fund.currency)
                            .ok()
                            .and_then(|m| {
                                lines
                                    .commitment(index as i64, m, &books)
                                    .ok()
                                    .map(|l| (EntryKind::Commitment, l, m))
                            })
                    }
                    Step::RecordDisbursement => {
                        Money::new(budget_minor * 9 / 10 / (instalments + 1), fund.currency)
                            .ok()
                            .and_then(|m| {
                                lines
                                    .disbursement(index as i64, m, &books)
                                    .ok()
                                    .map(|l| (EntryKind::Disbursement, l, m))
                            })
                    }
                    _ => None,
                };
                if matches!(
                    step,
                    Step::Decide(Outcome::Approve | Outcome::ApproveWithConditions)
                        | Step::RecordDisbursement
                ) && carried.is_none()
                {
                    // The fund cannot pay for it: the request waits where it is.
                    break;
                }
                if let Some((kind, l, m)) = carried {
                    amount_minor = Some(m.minor);
                    push(
                        &mut set,
                        &mut books,
                        DemoEntry {
                            fund: fund.id.clone(),
                            date,
                            kind,
                            lines: l,
                            memo: format!("request {}: {} (demonstration)", index, step.slug()),
                            donor: None,
                            request: Some(index),
                            original: None,
                            earmark: None,
                            reverses: None,
                        },
                    );
                }
                if step == Step::Submit {
                    submitted_at = Some(at);
                }
                events.push(EventRecord {
                    id: 0,
                    request_id: 0,
                    at,
                    actor_user_id: None,
                    actor: format!("{} (demonstration)", step.role().slug()),
                    role: step.role(),
                    step,
                    from: position.stage,
                    to: next.stage,
                    reason: if step.needs_reason() {
                        "Demonstration: as the fund's terms say".into()
                    } else {
                        String::new()
                    },
                    conditions: String::new(),
                    amount_minor,
                });
                position = next;
            }
            set.requests.push(DemoRequest {
                fund: fund.id.clone(),
                state: state.to_owned(),
                draft,
                position,
                created_at: Utc
                    .from_utc_datetime(&created.and_hms_opt(9, 0, 0).unwrap_or_default())
                    .timestamp(),
                submitted_at,
                events,
            });
        }
    }
    set
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_set_balances_and_reaches_every_stage() {
        let funds = taawun_funds::default_funds();
        let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let set = build(&funds, 60, 0, today);
        assert_eq!(set.requests.len(), 60);
        for fund in &funds {
            let entries: Vec<taawun_funds::ledger::Entry> = set
                .entries
                .iter()
                .enumerate()
                .filter(|(_, e)| e.fund == fund.id)
                .map(|(i, e)| taawun_funds::ledger::Entry {
                    id: i as i64,
                    date: e.date,
                    kind: e.kind,
                    lines: e.lines.clone(),
                    memo: e.memo.clone(),
                    original: e.original,
                    earmark: e.earmark.clone(),
                    reverses: None,
                })
                .collect();
            assert_eq!(
                taawun_funds::ledger::verify(&entries),
                vec![],
                "{}",
                fund.id
            );
        }
        for stage in ENDS {
            assert!(
                set.requests.iter().any(|r| r.position.stage == stage),
                "no request at {stage}"
            );
        }
        // Every request's events chain from draft to where it stands.
        for r in &set.requests {
            let mut at = Stage::Draft;
            for e in &r.events {
                assert_eq!(e.from, at);
                at = e.to;
            }
            assert_eq!(at, r.position.stage);
        }
    }
}
