//! A fund's double-entry ledger, kept in the fund's currency. Every balance is derived from the
//! entries, never typed; a mistake is corrected by a reversing entry, never by an edit; and
//! [`verify`] proves the books balance.
//!
//! The accounts, and what moves them:
//!
//! | entry | debit | credit |
//! |---|---|---|
//! | pledge | pledges receivable (donor) | contributions (donor) |
//! | contribution received | cash | pledges receivable (donor), up to what it pledged; contributions (donor) for the rest |
//! | programme support costs | programme support | cash |
//! | approval of a request | grants (request) | obligations (request) |
//! | disbursement | obligations (request) | cash |
//!
//! A debit is a positive amount, a credit a negative one; an entry's lines sum to zero.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::NaiveDate;
use serde::Serialize;

use crate::money::{Money, Rate};

/// A donor's identifier in the store.
pub type DonorId = i64;
/// A request's identifier in the store.
pub type RequestId = i64;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(tag = "account", content = "of", rename_all = "kebab-case")]
pub enum Account {
    /// What the fund holds.
    Cash,
    /// What a donor pledged and has not yet paid.
    PledgesReceivable(DonorId),
    /// What the fund owes a request it approved and has not yet paid out.
    Obligations(RequestId),
    /// What a donor gave, pledged or paid.
    Contributions(DonorId),
    /// What the fund granted to a request.
    Grants(RequestId),
    /// The costs of running the fund (the UN's programme support charge).
    ProgrammeSupport,
}

impl Account {
    /// How the account is named in storage and exports, without whose it is.
    pub fn slug(self) -> &'static str {
        match self {
            Account::Cash => "cash",
            Account::PledgesReceivable(_) => "pledges-receivable",
            Account::Obligations(_) => "obligations",
            Account::Contributions(_) => "contributions",
            Account::Grants(_) => "grants",
            Account::ProgrammeSupport => "programme-support",
        }
    }

    /// The donor or request the account is kept for.
    pub fn of(self) -> Option<i64> {
        match self {
            Account::PledgesReceivable(id)
            | Account::Obligations(id)
            | Account::Contributions(id)
            | Account::Grants(id) => Some(id),
            Account::Cash | Account::ProgrammeSupport => None,
        }
    }

    /// The account from its slug and whose it is; `None` when they do not fit together.
    pub fn from_parts(slug: &str, of: Option<i64>) -> Option<Account> {
        match (slug, of) {
            ("cash", None) => Some(Account::Cash),
            ("programme-support", None) => Some(Account::ProgrammeSupport),
            ("pledges-receivable", Some(id)) => Some(Account::PledgesReceivable(id)),
            ("obligations", Some(id)) => Some(Account::Obligations(id)),
            ("contributions", Some(id)) => Some(Account::Contributions(id)),
            ("grants", Some(id)) => Some(Account::Grants(id)),
            _ => None,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum EntryKind {
    Pledge,
    Contribution,
    ProgrammeSupport,
    Commitment,
    Disbursement,
    Reversal,
}

impl EntryKind {
    pub fn slug(self) -> &'static str {
        match self {
            EntryKind::Pledge => "pledge",
            EntryKind::Contribution => "contribution",
            EntryKind::ProgrammeSupport => "programme-support",
            EntryKind::Commitment => "commitment",
            EntryKind::Disbursement => "disbursement",
            EntryKind::Reversal => "reversal",
        }
    }

    pub const ALL: [EntryKind; 6] = [
        EntryKind::Pledge,
        EntryKind::Contribution,
        EntryKind::ProgrammeSupport,
        EntryKind::Commitment,
        EntryKind::Disbursement,
        EntryKind::Reversal,
    ];

    pub fn parse(slug: &str) -> Option<EntryKind> {
        Self::ALL.into_iter().find(|k| k.slug() == slug.trim())
    }
}

/// One side of an entry: a debit (positive) or credit (negative) to an account, in the fund's
/// minor units.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Line {
    pub account: Account,
    pub minor: i64,
}

/// A contribution as the donor paid it, before conversion into the fund's currency.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Original {
    pub amount: Money,
    pub rate: Rate,
    pub rate_date: NaiveDate,
}

/// An entry in the ledger.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Entry {
    pub id: i64,
    pub date: NaiveDate,
    pub kind: EntryKind,
    pub lines: Vec<Line>,
    pub memo: String,
    /// A contribution paid in another currency.
    pub original: Option<Original>,
    /// What a donor's contribution is set aside for (a State, a region, a theme), as it said.
    pub earmark: Option<String>,
    /// The entry this one cancels.
    pub reverses: Option<i64>,
}

/// Why an entry cannot be made.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum LedgerError {
    #[error("the amount must be more than zero")]
    NotPositive,
    #[error("the amount is in {given}; this fund keeps its books in {fund}")]
    WrongCurrency { given: String, fund: String },
    #[error(
        "request {request} has {outstanding} approved and not yet paid out; a disbursement of {asked} is more"
    )]
    MoreThanObligated {
        request: RequestId,
        outstanding: String,
        asked: String,
    },
    #[error("the fund has {available} available; {asked} is more")]
    MoreThanAvailable { available: String, asked: String },
    #[error("reversing entry {id} would leave the books wrong: {problem}")]
    ReversalBreaks { id: i64, problem: String },
    #[error("entry {0} has already been reversed")]
    AlreadyReversed(i64),
    #[error("a reversal cannot itself be reversed; enter the entry again instead")]
    ReversingAReversal,
}

fn positive(amount: Money, fund: Money) -> Result<i64, LedgerError> {
    if amount.currency != fund.currency {
        return Err(LedgerError::WrongCurrency {
            given: amount.currency.code().into(),
            fund: fund.currency.code().into(),
        });
    }
    if amount.minor <= 0 {
        return Err(LedgerError::NotPositive);
    }
    Ok(amount.minor)
}

/// The lines of the entries a fund may make. `zero` is the fund's currency (a zero amount in it).
pub struct Lines {
    pub zero: Money,
}

impl Lines {
    fn within(&self, asked: i64, available: i128) -> Result<(), LedgerError> {
        if i128::from(asked) > available {
            let decimals = self.zero.currency.decimals();
            return Err(LedgerError::MoreThanAvailable {
                available: format_wide(available.max(0), decimals),
                asked: crate::money::format_minor(asked, decimals),
            });
        }
        Ok(())
    }

    pub fn pledge(&self, donor: DonorId, amount: Money) -> Result<Vec<Line>, LedgerError> {
        let m = positive(amount, self.zero)?;
        Ok(vec![
            Line {
                account: Account::PledgesReceivable(donor),
                minor: m,
            },
            Line {
                account: Account::Contributions(donor),
                minor: -m,
            },
        ])
    }

    /// A payment received from `donor`: what it pledged and has not paid is settled first, the
    /// rest is a contribution of its own.
    pub fn contribution(
        &self,
        donor: DonorId,
        amount: Money,
        books: &Balances,
    ) -> Result<Vec<Line>, LedgerError> {
        let m = positive(amount, self.zero)?;
        let pledged_unpaid = i64::try_from(books.pledged_unpaid(donor).max(0)).unwrap_or(i64::MAX);
        let settles = m.min(pledged_unpaid);
        let mut lines = vec![Line {
            account: Account::Cash,
            minor: m,
        }];
        if settles > 0 {
            lines.push(Line {
                account: Account::PledgesReceivable(donor),
                minor: -settles,
            });
        }
        if m > settles {
            lines.push(Line {
                account: Account::Contributions(donor),
                minor: -(m - settles),
            });
        }
        Ok(lines)
    }

    /// Programme support costs, paid from what the fund has available.
    pub fn programme_support(
        &self,
        amount: Money,
        books: &Balances,
    ) -> Result<Vec<Line>, LedgerError> {
        let m = positive(amount, self.zero)?;
        self.within(m, books.available())?;
        Ok(vec![
            Line {
                account: Account::ProgrammeSupport,
                minor: m,
            },
            Line {
                account: Account::Cash,
                minor: -m,
            },
        ])
    }

    /// The amount approved for a request, owed until paid out: no more than the fund has
    /// available.
    pub fn commitment(
        &self,
        request: RequestId,
        amount: Money,
        books: &Balances,
    ) -> Result<Vec<Line>, LedgerError> {
        let m = positive(amount, self.zero)?;
        self.within(m, books.available())?;
        Ok(vec![
            Line {
                account: Account::Grants(request),
                minor: m,
            },
            Line {
                account: Account::Obligations(request),
                minor: -m,
            },
        ])
    }

    /// A payment to a request: no more than what is approved and not yet paid, nor than the
    /// cash the fund holds.
    pub fn disbursement(
        &self,
        request: RequestId,
        amount: Money,
        books: &Balances,
    ) -> Result<Vec<Line>, LedgerError> {
        let m = positive(amount, self.zero)?;
        let outstanding = books.outstanding(request);
        if i128::from(m) > outstanding {
            let decimals = self.zero.currency.decimals();
            return Err(LedgerError::MoreThanObligated {
                request,
                outstanding: format_wide(outstanding.max(0), decimals),
                asked: crate::money::format_minor(m, decimals),
            });
        }
        self.within(m, books.cash())?;
        Ok(vec![
            Line {
                account: Account::Obligations(request),
                minor: m,
            },
            Line {
                account: Account::Cash,
                minor: -m,
            },
        ])
    }
}

/// A balance (which may exceed an `i64`) as a figure.
fn format_wide(minor: i128, decimals: u32) -> String {
    crate::money::format_minor(i64::try_from(minor).unwrap_or(i64::MAX), decimals)
}

/// The lines that cancel `entry`, refused when it is a reversal, is already reversed, or would
/// leave the books wrong (a contribution already spent, a pledge already paid, an approval
/// already paid out): those are undone in order, the later entry first.
pub fn reversal(entry: &Entry, ledger: &[Entry]) -> Result<Vec<Line>, LedgerError> {
    let already_reversed = ledger.iter().any(|e| e.reverses == Some(entry.id));
    reversal_against(entry, &Balances::derive(ledger), already_reversed)
}

/// As [`reversal`], given the fund's balances and whether `entry` is already reversed (what a
/// store reads with two queries instead of the whole ledger).
pub fn reversal_against(
    entry: &Entry,
    books: &Balances,
    already_reversed: bool,
) -> Result<Vec<Line>, LedgerError> {
    if entry.kind == EntryKind::Reversal {
        return Err(LedgerError::ReversingAReversal);
    }
    if already_reversed {
        return Err(LedgerError::AlreadyReversed(entry.id));
    }
    let lines: Vec<Line> = entry
        .lines
        .iter()
        .map(|l| Line {
            account: l.account,
            minor: -l.minor,
        })
        .collect();
    let mut after = books.clone();
    for line in &lines {
        *after.accounts.entry(line.account).or_default() += i128::from(line.minor);
    }
    if let Some(problem) = after.problems().into_iter().next() {
        return Err(LedgerError::ReversalBreaks {
            id: entry.id,
            problem: problem.to_string(),
        });
    }
    Ok(lines)
}

/// Every account's balance, derived from the entries (debits positive). Sums are kept in
/// `i128`, so no sequence of entries can overflow them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Balances {
    pub accounts: BTreeMap<Account, i128>,
}

impl Balances {
    pub fn derive<'a>(entries: impl IntoIterator<Item = &'a Entry>) -> Balances {
        let mut accounts: BTreeMap<Account, i128> = BTreeMap::new();
        for entry in entries {
            for line in &entry.lines {
                *accounts.entry(line.account).or_default() += i128::from(line.minor);
            }
        }
        accounts.retain(|_, v| *v != 0);
        Balances { accounts }
    }

    fn of(&self, account: Account) -> i128 {
        self.accounts.get(&account).copied().unwrap_or(0)
    }

    pub fn cash(&self) -> i128 {
        self.of(Account::Cash)
    }

    /// Pledged by `donor` and not yet paid.
    pub fn pledged_unpaid(&self, donor: DonorId) -> i128 {
        self.of(Account::PledgesReceivable(donor))
    }

    /// Approved for `request` and not yet paid out.
    pub fn outstanding(&self, request: RequestId) -> i128 {
        -self.of(Account::Obligations(request))
    }

    /// Approved for `request`, in all.
    pub fn approved(&self, request: RequestId) -> i128 {
        self.of(Account::Grants(request))
    }

    /// Paid out to `request`.
    pub fn disbursed(&self, request: RequestId) -> i128 {
        self.approved(request) - self.outstanding(request)
    }

    /// Given by `donor`, pledged or paid.
    pub fn contributed(&self, donor: DonorId) -> i128 {
        -self.of(Account::Contributions(donor))
    }

    /// Everything owed to approved requests and not yet paid.
    pub fn obligations(&self) -> i128 {
        self.accounts
            .iter()
            .filter(|(a, _)| matches!(a, Account::Obligations(_)))
            .map(|(_, v)| -v)
            .sum()
    }

    /// What the fund has left to approve: the cash it holds less what it owes.
    pub fn available(&self) -> i128 {
        self.cash() - self.obligations()
    }

    /// Balances no fund can have: a request paid more than approved, a pledge received more
    /// than pledged, cash below nothing, more owed to requests than the cash to pay them.
    pub fn problems(&self) -> Vec<Imbalance> {
        let mut problems = Vec::new();
        if self.cash() >= 0 && self.available() < 0 {
            problems.push(Imbalance::Overcommitted {
                available: self.available(),
            });
        }
        for (account, balance) in &self.accounts {
            match account {
                Account::Obligations(request) if *balance > 0 => {
                    problems.push(Imbalance::Overpaid { request: *request })
                }
                Account::PledgesReceivable(donor) if *balance < 0 => {
                    problems.push(Imbalance::Overreceived { donor: *donor })
                }
                Account::Cash if *balance < 0 => {
                    problems.push(Imbalance::NegativeCash { cash: *balance })
                }
                _ => {}
            }
        }
        problems
    }
}

/// What is wrong with a ledger.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Imbalance {
    #[error("entry {id}: its lines sum to {sum}, not zero")]
    Unbalanced { id: i64, sum: i128 },
    #[error("entry {id}: an entry needs at least two lines, none of them zero")]
    Degenerate { id: i64 },
    #[error("entry {id} reverses entry {target}, which is not in the ledger before it")]
    ReversesNothing { id: i64, target: i64 },
    #[error("entry {id} reverses entry {target} but does not cancel its lines exactly")]
    ReversalMismatch { id: i64, target: i64 },
    #[error("entry {target} is reversed more than once (entry {id} is the second)")]
    ReversedTwice { id: i64, target: i64 },
    #[error("request {request}: more paid out than approved")]
    Overpaid { request: RequestId },
    #[error("donor {donor}: more received against pledges than pledged")]
    Overreceived { donor: DonorId },
    #[error("the fund owes approved requests more than the cash it holds: available {available}")]
    Overcommitted { available: i128 },
    #[error("the fund holds less than nothing: cash {cash}")]
    NegativeCash { cash: i128 },
}

/// Every problem in `entries` (in the order they were made): each entry balances and has two or
/// more non-zero lines, each reversal exactly cancels one earlier entry, no entry is reversed
/// twice; and, as the entries leave it, no request is paid more than approved, no pledge is
/// over-received, and the cash is neither below nothing nor below what the fund owes. An empty
/// answer is the proof that the fund balances.
pub fn verify(entries: &[Entry]) -> Vec<Imbalance> {
    let mut problems = Vec::new();
    let mut seen: HashMap<i64, &Entry> = HashMap::new();
    let mut reversed: HashSet<i64> = HashSet::new();
    let mut running = Balances::default();
    for entry in entries {
        let sum: i128 = entry.lines.iter().map(|l| i128::from(l.minor)).sum();
        if sum != 0 {
            problems.push(Imbalance::Unbalanced { id: entry.id, sum });
        }
        if entry.lines.len() < 2 || entry.lines.iter().any(|l| l.minor == 0) {
            problems.push(Imbalance::Degenerate { id: entry.id });
        }
        if let Some(target) = entry.reverses {
            match seen.get(&target) {
                None => problems.push(Imbalance::ReversesNothing {
                    id: entry.id,
                    target,
                }),
                Some(original) => {
                    if !cancels(&entry.lines, &original.lines) {
                        problems.push(Imbalance::ReversalMismatch {
                            id: entry.id,
                            target,
                        });
                    }
                    if !reversed.insert(target) {
                        problems.push(Imbalance::ReversedTwice {
                            id: entry.id,
                            target,
                        });
                    }
                }
            }
        }
        for line in &entry.lines {
            *running.accounts.entry(line.account).or_default() += i128::from(line.minor);
        }
        seen.insert(entry.id, entry);
    }
    problems.extend(running.problems());
    problems
}

fn cancels(reversal: &[Line], original: &[Line]) -> bool {
    let mut net: BTreeMap<Account, i128> = BTreeMap::new();
    for line in reversal.iter().chain(original) {
        *net.entry(line.account).or_default() += i128::from(line.minor);
    }
    net.values().all(|v| *v == 0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::money::Currency;
    use proptest::prelude::*;

    fn usd(text: &str) -> Money {
        Money::parse(text, Currency::parse("USD").unwrap()).unwrap()
    }

    struct Book {
        lines: Lines,
        entries: Vec<Entry>,
    }

    impl Book {
        fn new() -> Book {
            Book {
                lines: Lines { zero: usd("0") },
                entries: Vec::new(),
            }
        }

        fn post(&mut self, kind: EntryKind, lines: Vec<Line>) -> i64 {
            let id = self.entries.len() as i64 + 1;
            self.entries.push(Entry {
                id,
                date: NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(),
                kind,
                lines,
                memo: String::new(),
                original: None,
                earmark: None,
                reverses: None,
            });
            id
        }

        fn balances(&self) -> Balances {
            Balances::derive(&self.entries)
        }
    }

    #[test]
    fn a_year_of_a_fund_balances() {
        let mut book = Book::new();
        let (norway, qatar, request) = (1, 2, 10);
        let pledge = book.lines.pledge(norway, usd("500,000")).unwrap();
        book.post(EntryKind::Pledge, pledge);
        let receipt = book
            .lines
            .contribution(norway, usd("600,000"), &book.balances())
            .unwrap();
        // 500,000 settles the pledge, 100,000 is a contribution of its own.
        assert_eq!(receipt.len(), 3);
        book.post(EntryKind::Contribution, receipt);
        let receipt = book
            .lines
            .contribution(qatar, usd("250,000"), &book.balances())
            .unwrap();
        book.post(EntryKind::Contribution, receipt);
        let psc = book
            .lines
            .programme_support(usd("110,500"), &book.balances())
            .unwrap();
        book.post(EntryKind::ProgrammeSupport, psc);
        let commitment = book
            .lines
            .commitment(request, usd("300,000"), &book.balances())
            .unwrap();
        book.post(EntryKind::Commitment, commitment);
        let payment = book
            .lines
            .disbursement(request, usd("120,000"), &book.balances())
            .unwrap();
        book.post(EntryKind::Disbursement, payment);

        let b = book.balances();
        assert_eq!(b.contributed(norway), 60_000_000);
        assert_eq!(b.contributed(qatar), 25_000_000);
        assert_eq!(b.pledged_unpaid(norway), 0);
        assert_eq!(b.cash(), 85_000_000 - 11_050_000 - 12_000_000);
        assert_eq!(b.approved(request), 30_000_000);
        assert_eq!(b.disbursed(request), 12_000_000);
        assert_eq!(b.outstanding(request), 18_000_000);
        assert_eq!(b.available(), b.cash() - 18_000_000);
        assert_eq!(verify(&book.entries), vec![]);

        // More than is outstanding cannot be paid out, nor more than is available approved.
        let refused = book.lines.disbursement(request, usd("180,000.01"), &b);
        assert_eq!(
            refused.unwrap_err().to_string(),
            "request 10 has 180,000.00 approved and not yet paid out; a disbursement of 180,000.01 is more"
        );
        let refused = book.lines.commitment(11, usd("1,000,000"), &b);
        assert_eq!(b.available(), 61_950_000 - 18_000_000);
        assert_eq!(
            refused.unwrap_err().to_string(),
            format!(
                "the fund has {} available; 1,000,000.00 is more",
                crate::money::format_minor(b.available() as i64, 2)
            )
        );
        // A contribution whose money has been committed cannot be reversed; one whose money is
        // still available can.
        let norway_receipt = book.entries[1].clone();
        assert!(matches!(
            reversal(&norway_receipt, &book.entries),
            Err(LedgerError::ReversalBreaks { id: 2, .. })
        ));
        assert!(reversal(&book.entries[2], &book.entries).is_ok());
    }

    #[test]
    fn a_mistake_is_corrected_by_a_reversal_once() {
        let mut book = Book::new();
        let lines = book
            .lines
            .contribution(1, usd("1,000"), &Balances::default())
            .unwrap();
        let wrong = book.post(EntryKind::Contribution, lines);
        let cancel = reversal(&book.entries[0], &book.entries).unwrap();
        let id = book.post(EntryKind::Reversal, cancel);
        book.entries.last_mut().unwrap().reverses = Some(wrong);
        assert_eq!(book.balances(), Balances::default());
        assert_eq!(verify(&book.entries), vec![]);
        assert_eq!(
            reversal(&book.entries[0], &book.entries),
            Err(LedgerError::AlreadyReversed(wrong))
        );
        let last = book.entries.iter().find(|e| e.id == id).unwrap();
        assert_eq!(
            reversal(last, &book.entries),
            Err(LedgerError::ReversingAReversal)
        );
    }

    #[test]
    fn bad_amounts_and_currencies_are_refused() {
        let lines = Lines { zero: usd("0") };
        assert_eq!(lines.pledge(1, usd("0")), Err(LedgerError::NotPositive));
        let chf = Money::parse("10", Currency::parse("CHF").unwrap()).unwrap();
        assert_eq!(
            lines.pledge(1, chf).unwrap_err().to_string(),
            "the amount is in CHF; this fund keeps its books in USD"
        );
    }

    #[test]
    fn verification_finds_each_kind_of_fault() {
        let mut book = Book::new();
        book.post(
            EntryKind::Contribution,
            vec![
                Line {
                    account: Account::Cash,
                    minor: 100,
                },
                Line {
                    account: Account::Contributions(1),
                    minor: -99,
                },
            ],
        );
        book.post(
            EntryKind::Disbursement,
            vec![
                Line {
                    account: Account::Obligations(7),
                    minor: 500,
                },
                Line {
                    account: Account::Cash,
                    minor: -500,
                },
            ],
        );
        let stray = book.post(
            EntryKind::Reversal,
            vec![
                Line {
                    account: Account::Cash,
                    minor: 1,
                },
                Line {
                    account: Account::ProgrammeSupport,
                    minor: -1,
                },
            ],
        );
        book.entries[stray as usize - 1].reverses = Some(1);
        let problems = verify(&book.entries);
        assert!(problems.contains(&Imbalance::Unbalanced { id: 1, sum: 1 }));
        assert!(problems.contains(&Imbalance::Overpaid { request: 7 }));
        assert!(problems.contains(&Imbalance::NegativeCash { cash: -399 }));
        assert!(problems.contains(&Imbalance::ReversalMismatch { id: 3, target: 1 }));
    }

    #[derive(Clone, Debug)]
    enum Op {
        Pledge(DonorId, i64),
        Receive(DonorId, i64),
        Support(i64),
        Approve(RequestId, i64),
        Pay(RequestId, i64),
        Reverse(usize),
    }

    fn any_op() -> impl Strategy<Value = Op> {
        let amount = 1i64..=crate::money::MAX_MINOR;
        prop_oneof![
            (1i64..4, amount.clone()).prop_map(|(d, a)| Op::Pledge(d, a)),
            (1i64..4, amount.clone()).prop_map(|(d, a)| Op::Receive(d, a)),
            (1i64..1_000_000).prop_map(Op::Support),
            (1i64..4, amount.clone()).prop_map(|(r, a)| Op::Approve(r, a)),
            (1i64..4, amount).prop_map(|(r, a)| Op::Pay(r, a)),
            (0usize..50).prop_map(Op::Reverse),
        ]
    }

    proptest! {
        /// Whatever entries are tried, in whatever order, those these functions allow keep the
        /// ledger verified and the derived figures in agreement with one another.
        #[test]
        fn entries_made_by_the_rules_always_balance(ops in prop::collection::vec(any_op(), 0..60)) {
            let mut book = Book::new();
            let usd = Currency::parse("USD").unwrap();
            for op in ops {
                let b = book.balances();
                let money = |m: i64| Money::new(m, usd).unwrap();
                let made = match op {
                    Op::Pledge(d, a) => book.lines.pledge(d, money(a)).map(|l| (EntryKind::Pledge, l, None)),
                    Op::Receive(d, a) => book.lines.contribution(d, money(a), &b).map(|l| (EntryKind::Contribution, l, None)),
                    Op::Support(a) => book.lines.programme_support(money(a), &b).map(|l| (EntryKind::ProgrammeSupport, l, None)),
                    Op::Approve(r, a) => book.lines.commitment(r, money(a), &b).map(|l| (EntryKind::Commitment, l, None)),
                    Op::Pay(r, a) => book.lines.disbursement(r, money(a), &b).map(|l| (EntryKind::Disbursement, l, None)),
                    Op::Reverse(i) if i < book.entries.len() => {
                        let target = book.entries[i].clone();
                        reversal(&target, &book.entries).map(|l| (EntryKind::Reversal, l, Some(target.id)))
                    }
                    Op::Reverse(_) => continue,
                };
                if let Ok((kind, lines, reverses)) = made {
                    book.post(kind, lines);
                    book.entries.last_mut().unwrap().reverses = reverses;
                }
            }
            prop_assert_eq!(verify(&book.entries), vec![]);
            let b = book.balances();
            prop_assert!(b.available() <= b.cash());
            for r in 1..4 {
                prop_assert!(b.disbursed(r) <= b.approved(r));
            }
        }
    }
}
