//! A fund's ledger in the API: its balances (derived from the entries), its income by donor and
//! year, its entries (JSON, CSV or XLSX), the secretariat's entries and donors, and the IATI
//! file of every fund.

use std::collections::BTreeMap;

use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use taawun_funds::Fund;
use taawun_funds::ledger::{Account, Balances, Original};
use taawun_funds::money::{Currency, Money, Rate, decimal_minor as format_minor};
use taawun_store::funds::{Donor, DonorKind, EntryRecord, NewDonor, NewEntry};

use super::work::api_refusal;
use crate::AppState;
use crate::auth::Principal;
use crate::error::{ApiError, ApiErrorBody};
use crate::paging::paging;

fn wide(minor: i128, fund: &Fund) -> String {
    format_minor(
        i64::try_from(minor).unwrap_or(if minor < 0 { i64::MIN } else { i64::MAX }),
        fund.currency.decimals(),
    )
}

/// A fund's balances, each derived from its entries.
#[derive(Serialize, utoipa::ToSchema)]
pub struct BalancesView {
    pub currency: &'static str,
    /// What the fund holds.
    pub cash: String,
    /// Owed to approved requests, not yet paid.
    pub obligations: String,
    /// Cash less obligations: what can still be approved.
    pub available: String,
    /// Pledged by donors, not yet paid.
    pub pledged_unpaid: String,
    pub programme_support: String,
    /// Given by donors in all (pledged or paid).
    pub contributed: String,
    pub approved: String,
    pub disbursed: String,
}

impl BalancesView {
    pub fn of(b: &Balances, fund: &Fund) -> BalancesView {
        let sum = |pick: &dyn Fn(&Account) -> bool| -> i128 {
            b.accounts
                .iter()
                .filter(|(a, _)| pick(a))
                .map(|(_, v)| *v)
                .sum()
        };
        let pledged = sum(&|a| matches!(a, Account::PledgesReceivable(_)));
        let contributed = -sum(&|a| matches!(a, Account::Contributions(_)));
        let approved = sum(&|a| matches!(a, Account::Grants(_)));
        BalancesView {
            currency: fund.currency.code(),
            cash: wide(b.cash(), fund),
            obligations: wide(b.obligations(), fund),
            available: wide(b.available(), fund),
            pledged_unpaid: wide(pledged, fund),
            programme_support: wide(sum(&|a| *a == Account::ProgrammeSupport), fund),
            contributed: wide(contributed, fund),
            approved: wide(approved, fund),
            disbursed: wide(approved - b.obligations(), fund),
        }
    }
}

/// Income of one year: received from each donor, and the share from non-traditional donors.
#[derive(Clone, Serialize, utoipa::ToSchema)]
pub struct IncomeYear {
    pub year: i32,
    /// Received (contributions paid), in the fund's minor units, by donor id.
    pub by_donor: BTreeMap<i64, i64>,
    pub total_minor: i64,
    /// 0 to 1; none in a year without income.
    pub non_traditional_share: Option<f64>,
}

/// Each year's income with the share from non-traditional donors.
fn income_of(years: BTreeMap<i32, BTreeMap<i64, i64>>, donors: &[Donor]) -> Vec<IncomeYear> {
    years
        .into_iter()
        .map(|(year, by_donor)| {
            let total: i64 = by_donor.values().sum();
            let non_traditional: i64 = by_donor
                .iter()
                .filter(|(d, _)| donors.iter().any(|x| x.id == **d && x.non_traditional))
                .map(|(_, v)| *v)
                .sum();
            IncomeYear {
                year,
                by_donor,
                total_minor: total,
                non_traditional_share: (total > 0).then(|| non_traditional as f64 / total as f64),
            }
        })
        .collect()
}

/// What the ledger's pages draw from the whole of a fund's entries: income by year and donor,
/// payments by State, the donors; computed once per generation of the funds' records.
pub struct LedgerFigures {
    /// Every account's balance, summed from the entries' lines.
    pub balances: Balances,
    pub income: Vec<IncomeYear>,
    /// Paid out (reversals left out), by State, largest first.
    pub paid_by_state: Vec<(String, i64)>,
    pub donors: Vec<Donor>,
    /// Some entry is demonstration data.
    pub demonstration: bool,
}

pub type LedgerCache = moka::future::Cache<(String, i64), std::sync::Arc<LedgerFigures>>;

pub fn new_ledger_cache() -> LedgerCache {
    moka::future::Cache::builder()
        .max_capacity(64)
        .time_to_idle(std::time::Duration::from_secs(30 * 60))
        .build()
}

/// The fund's figures at the records' current generation.
pub async fn figures(
    app: &AppState,
    fund: &Fund,
) -> Result<std::sync::Arc<LedgerFigures>, taawun_store::StoreError> {
    let store = app.store.funds();
    let key = (fund.id.clone(), store.generation().await?);
    if let Some(hit) = app.funds_ledger.get(&key).await {
        return Ok(hit);
    }
    let summary = store.ledger_summary(&fund.id).await?;
    let balances = store.balances(&fund.id).await?;
    let donors = store.donors().await?;
    let mut years: BTreeMap<i32, BTreeMap<i64, i64>> = BTreeMap::new();
    for (year, donor, minor) in &summary.income {
        *years.entry(*year).or_default().entry(*donor).or_default() += minor;
    }
    let figures = std::sync::Arc::new(LedgerFigures {
        balances,
        income: income_of(years, &donors),
        paid_by_state: summary.paid_by_state,
        demonstration: summary.demonstration,
        donors,
    });
    app.funds_ledger.insert(key, figures.clone()).await;
    Ok(figures)
}

/// Pages of a fund's entries, by (fund, page, generation).
pub type EntriesCache = moka::future::Cache<
    (String, taawun_store::Paging, i64),
    std::sync::Arc<taawun_store::Page<EntryRecord>>,
>;

pub fn new_entries_cache() -> EntriesCache {
    moka::future::Cache::builder()
        .max_capacity(2_000)
        .time_to_idle(std::time::Duration::from_secs(30 * 60))
        .build()
}

/// A page of the fund's entries, read once per generation of the records.
pub async fn entries_page(
    app: &AppState,
    fund: &Fund,
    paging: taawun_store::Paging,
) -> Result<std::sync::Arc<taawun_store::Page<EntryRecord>>, taawun_store::StoreError> {
    let store = app.store.funds();
    let key = (fund.id.clone(), paging, store.generation().await?);
    if let Some(hit) = app.funds_entries.get(&key).await {
        return Ok(hit);
    }
    let page = std::sync::Arc::new(store.entries_page(&fund.id, paging).await?);
    app.funds_entries.insert(key, page.clone()).await;
    Ok(page)
}

/// An entry as the API shows it.
#[derive(Serialize, utoipa::ToSchema)]
pub struct EntryView {
    pub id: i64,
    /// `YYYY-MM-DD`.
    pub date: String,
    /// pledge, contribution, programme-support, commitment, disbursement, reversal
    pub kind: &'static str,
    pub memo: String,
    pub donor: Option<i64>,
    pub request: Option<i64>,
    /// Lines as `[account, whose, amount]` (a debit positive, a credit negative).
    pub lines: Vec<(String, Option<i64>, String)>,
    /// A contribution paid in another currency: `[currency, amount, rate, rate date]`.
    pub original: Option<(String, String, String, String)>,
    pub earmark: Option<String>,
    pub reverses: Option<i64>,
    pub demonstration: bool,
}

impl EntryView {
    pub fn of(record: &EntryRecord, fund: &Fund) -> EntryView {
        let e = &record.entry;
        EntryView {
            id: e.id,
            date: e.date.to_string(),
            kind: e.kind.slug(),
            memo: e.memo.clone(),
            donor: record.donor_id,
            request: record.request_id,
            lines: e
                .lines
                .iter()
                .map(|l| {
                    (
                        l.account.slug().to_owned(),
                        l.account.of(),
                        format_minor(l.minor, fund.currency.decimals()),
                    )
                })
                .collect(),
            original: e.original.map(|o| {
                (
                    o.amount.currency.code().to_owned(),
                    taawun_funds::money::decimal_minor(
                        o.amount.minor,
                        o.amount.currency.decimals(),
                    ),
                    format_minor(i64::try_from(o.rate.nano).unwrap_or(i64::MAX), 9),
                    o.rate_date.to_string(),
                )
            }),
            earmark: e.earmark.clone(),
            reverses: e.reverses,
            demonstration: record.demonstration,
        }
    }
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct DonorView {
    pub id: i64,
    pub name: String,
    /// state, organisation, private
    pub kind: &'static str,
    pub state: Option<String>,
    pub non_traditional: bool,
    pub demonstration: bool,
}

impl From<&Donor> for DonorView {
    fn from(d: &Donor) -> DonorView {
        DonorView {
            id: d.id,
            name: d.name.clone(),
            kind: d.kind.slug(),
            state: d.state.clone(),
            non_traditional: d.non_traditional,
            demonstration: d.demonstration,
        }
    }
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct LedgerView {
    pub fund: String,
    pub balances: BalancesView,
    pub income: Vec<IncomeYear>,
    pub total: u64,
    pub page: u32,
    pub per_page: u32,
    /// Newest first.
    pub entries: Vec<EntryView>,
}

#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
pub struct LedgerParams {
    pub page: Option<String>,
    pub per_page: Option<String>,
    /// json (the default), csv or xlsx: the file holds every entry.
    pub format: Option<String>,
}

#[utoipa::path(
    get,
    path = "/api/v1/funds/{id}/ledger",
    tag = "funds",
    params(("id" = String, Path, description = "The fund's id"), LedgerParams),
    responses(
        (status = 200, description = "The fund's balances (every one derived from the entries), its income by year and donor with the share from non-traditional donors, and a page of its entries; with format=csv or xlsx, every entry as a file", body = LedgerView),
        (status = 400, description = "A parameter that is not valid", body = ApiErrorBody),
        (status = 404, description = "No such fund", body = ApiErrorBody),
    )
)]
pub async fn ledger(
    State(app): State<AppState>,
    Path(id): Path<String>,
    Query(params): Query<LedgerParams>,
) -> Result<Response, ApiError> {
    let fund = super::fund_of(&app.funds, &id)?;
    let format = params.format.as_deref().map(str::trim).unwrap_or("json");
    if format == "csv" || format == "xlsx" {
        let entries = app.store.funds().entries(&fund.id).await?;
        let header_row = [
            "id",
            "date",
            "kind",
            "account",
            "of",
            "amount",
            "currency",
            "donor",
            "request",
            "memo",
            "earmark",
            "reverses",
            "demonstration",
        ];
        let rows: Vec<Vec<String>> = entries
            .iter()
            .flat_map(|record| {
                let e = &record.entry;
                e.lines.iter().map(move |l| {
                    vec![
                        e.id.to_string(),
                        e.date.to_string(),
                        e.kind.slug().to_owned(),
                        l.account.slug().to_owned(),
                        crate::download::opt(l.account.of()),
                        format_minor(l.minor, fund.currency.decimals()),
                        fund.currency.code().to_owned(),
                        crate::download::opt(record.donor_id),
                        crate::download::opt(record.request_id),
                        e.memo.clone(),
                        e.earmark.clone().unwrap_or_default(),
                        crate::download::opt(e.reverses),
                        record.demonstration.to_string(),
                    ]
                })
            })
            .collect();
        let stem = crate::download::file_stem("ledger", &[Some(&fund.id)]);
        return if format == "csv" {
            crate::download::csv_response(&format!("{stem}.csv"), &header_row, rows)
        } else {
            crate::download::xlsx_response(
                &format!("{stem}.xlsx"),
                "ledger",
                &header_row,
                &["id", "of", "donor", "request", "reverses"],
                rows,
            )
        };
    }
    if format != "json" {
        return Err(ApiError::invalid("format", "json, csv or xlsx"));
    }
    let paging = paging(params.page.as_deref(), params.per_page.as_deref())?;
    let figures = figures(&app, fund).await?;
    let page = entries_page(&app, fund, paging).await?;
    Ok(Json(LedgerView {
        fund: fund.id.clone(),
        balances: BalancesView::of(&figures.balances, fund),
        income: figures.income.clone(),
        total: page.total,
        page: page.page,
        per_page: page.per_page,
        entries: page.items.iter().map(|e| EntryView::of(e, fund)).collect(),
    })
    .into_response())
}

/// An entry the secretariat makes.
#[derive(Debug, Deserialize, utoipa::ToSchema)]
pub struct NewEntryBody {
    /// pledge, contribution, programme-support or reversal (approvals and disbursements are
    /// workflow steps of their request).
    pub kind: String,
    /// `YYYY-MM-DD`.
    pub date: String,
    #[serde(default)]
    pub memo: String,
    /// The donor's id (pledge, contribution).
    #[serde(default)]
    pub donor: Option<i64>,
    /// A decimal amount in the fund's currency (pledge, contribution, programme support).
    #[serde(default)]
    pub amount: Option<String>,
    /// A contribution paid in another currency: what was paid, its currency, the rate used
    /// (units of the fund's currency per unit paid) and the rate's date. `amount` is then
    /// computed.
    #[serde(default)]
    pub paid: Option<String>,
    #[serde(default)]
    pub paid_currency: Option<String>,
    #[serde(default)]
    pub rate: Option<String>,
    #[serde(default)]
    pub rate_date: Option<String>,
    /// What the contribution is set aside for, as the donor said.
    #[serde(default)]
    pub earmark: Option<String>,
    /// The entry a reversal cancels.
    #[serde(default)]
    pub reverses: Option<i64>,
}

fn day(field: &str, text: &str) -> Result<NaiveDate, ApiError> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| {
        ApiError::invalid(
            field,
            format!("{:?} is not a date as YYYY-MM-DD", text.trim()),
        )
    })
}

impl NewEntryBody {
    pub fn entry(&self, fund: &Fund) -> Result<NewEntry, ApiError> {
        let amount = |field: &str| -> Result<Money, ApiError> {
            let text = self
                .amount
                .as_deref()
                .ok_or_else(|| ApiError::invalid(field, "the amount, in the fund's currency"))?;
            Money::parse(text, fund.currency).map_err(|e| ApiError::invalid(field, e.to_string()))
        };
        let donor = || {
            self.donor
                .ok_or_else(|| ApiError::invalid("donor", "the donor's id"))
        };
        match self.kind.trim() {
            "pledge" => Ok(NewEntry::Pledge {
                donor: donor()?,
                amount: amount("amount")?,
            }),
            "contribution" => {
                let original = match (&self.paid, &self.paid_currency) {
                    (Some(paid), Some(code)) => {
                        let currency = Currency::parse(code)
                            .map_err(|e| ApiError::invalid("paid_currency", e.to_string()))?;
                        let paid = Money::parse(paid, currency)
                            .map_err(|e| ApiError::invalid("paid", e.to_string()))?;
                        let rate = Rate::parse(self.rate.as_deref().unwrap_or(""))
                            .map_err(|e| ApiError::invalid("rate", e.to_string()))?;
                        let rate_date = day("rate_date", self.rate_date.as_deref().unwrap_or(""))?;
                        Some(Original {
                            amount: paid,
                            rate,
                            rate_date,
                        })
                    }
                    (None, None) => None,
                    _ => {
                        return Err(ApiError::invalid(
                            "paid_currency",
                            "a payment in another currency gives both `paid` and `paid_currency`",
                        ));
                    }
                };
                let amount = match original {
                    Some(o) => o
                        .rate
                        .convert(o.amount, fund.currency)
                        .map_err(|e| ApiError::invalid("rate", e.to_string()))?,
                    None => amount("amount")?,
                };
                Ok(NewEntry::Contribution {
                    donor: donor()?,
                    amount,
                    original,
                })
            }
            "programme-support" => Ok(NewEntry::ProgrammeSupport {
                amount: amount("amount")?,
            }),
            "reversal" => Ok(NewEntry::Reversal {
                entry: self
                    .reverses
                    .ok_or_else(|| ApiError::invalid("reverses", "the entry to reverse"))?,
            }),
            other => Err(ApiError::invalid(
                "kind",
                format!(
                    "{other:?} is not pledge, contribution, programme-support or reversal \
                     (approvals and disbursements are steps of their request)"
                ),
            )),
        }
    }
}

#[utoipa::path(
    post,
    path = "/api/v1/funds/{id}/ledger/entries",
    tag = "funds",
    security(("token" = [])),
    params(("id" = String, Path, description = "The fund's id")),
    request_body = NewEntryBody,
    responses(
        (status = 201, description = "The entry, its lines computed from the fund's balances, written with its audit record", body = EntryView),
        (status = 400, description = "A field that is not valid (an unknown currency, a negative or overflowing amount, a rate that is not a number), or an entry the books refuse (more than available, a reversal that would leave them wrong)", body = ApiErrorBody),
        (status = 403, description = "Only the secretariat keeps the ledger", body = ApiErrorBody),
        (status = 404, description = "No such fund, donor or entry", body = ApiErrorBody),
    )
)]
pub async fn create_entry(
    State(app): State<AppState>,
    principal: Principal,
    Path(id): Path<String>,
    body: Result<Json<NewEntryBody>, JsonRejection>,
) -> Result<Response, ApiError> {
    let Json(body) = body?;
    let fund = super::fund_of(&app.funds, &id)?;
    let entry = body.entry(fund)?;
    let date = day("date", &body.date)?;
    if body.memo.trim().is_empty() {
        return Err(ApiError::invalid("memo", "say what the entry is for"));
    }
    let record = app
        .store
        .funds()
        .record_entry(
            &principal.change_context(),
            fund,
            date,
            &entry,
            &body.memo,
            body.earmark.as_deref(),
            principal.subject().user_id(),
        )
        .await
        .map_err(api_refusal)?;
    Ok((StatusCode::CREATED, Json(EntryView::of(&record, fund))).into_response())
}

#[utoipa::path(
    get,
    path = "/api/v1/funds/donors",
    tag = "funds",
    responses((status = 200, description = "Every donor, traditional and non-traditional marked", body = Vec<DonorView>))
)]
pub async fn donors(State(app): State<AppState>) -> Result<Json<Vec<DonorView>>, ApiError> {
    let donors = app.store.funds().donors().await?;
    Ok(Json(donors.iter().map(DonorView::from).collect()))
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
pub struct NewDonorBody {
    pub name: String,
    /// state, organisation, private
    pub kind: String,
    /// ISO3, for a State.
    #[serde(default)]
    pub state: Option<String>,
    pub non_traditional: bool,
}

#[utoipa::path(
    post,
    path = "/api/v1/funds/donors",
    tag = "funds",
    security(("token" = [])),
    request_body = NewDonorBody,
    responses(
        (status = 201, description = "The donor", body = DonorView),
        (status = 400, description = "A field that is not valid", body = ApiErrorBody),
        (status = 403, description = "Only the secretariat adds donors", body = ApiErrorBody),
    )
)]
pub async fn create_donor(
    State(app): State<AppState>,
    principal: Principal,
    body: Result<Json<NewDonorBody>, JsonRejection>,
) -> Result<Response, ApiError> {
    let Json(body) = body?;
    let kind = DonorKind::parse(&body.kind)
        .ok_or_else(|| ApiError::invalid("kind", "state, organisation or private"))?;
    let state = super::state_param(body.state.as_deref())?;
    let donor = app
        .store
        .funds()
        .add_donor(
            &principal.change_context(),
            &NewDonor {
                name: body.name.clone(),
                kind,
                state,
                non_traditional: body.non_traditional,
            },
        )
        .await
        .map_err(api_refusal)?;
    Ok((StatusCode::CREATED, Json(DonorView::from(&donor))).into_response())
}

#[utoipa::path(
    get,
    path = "/api/v1/funds/iati.xml",
    tag = "funds",
    responses(
        (status = 200, description = "IATI 2.03 activities: one per approved request of every fund, with its commitment and disbursements, the donors as funding organisations and the State as recipient country", content_type = "application/xml"),
        (status = 404, description = "No request has been approved yet", body = ApiErrorBody),
    )
)]
pub async fn iati(State(app): State<AppState>) -> Result<Response, ApiError> {
    let activities = super::export::activities(app.store.as_ref(), &app.funds).await?;
    if activities.is_empty() {
        return Err(ApiError::not_found("no request has been approved yet"));
    }
    let bytes = taawun_funds::iati::write_activities(
        Vec::new(),
        &super::export::publisher(),
        chrono::Utc::now(),
        activities,
    )
    .map_err(|e| ApiError::internal(e.to_string()))?;
    Ok((
        [
            (header::CONTENT_TYPE, "application/xml; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"taawun-funds-iati.xml\"",
            ),
        ],
        bytes,
    )
        .into_response())
}
