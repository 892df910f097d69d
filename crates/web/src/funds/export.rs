//! The funds' IATI 2.03 activity file, from the store: one activity per request the fund
//! approved, with its commitment and disbursements (an entry and its reversal both left out),
//! the fund's donors as funding organisations, the State as recipient country and
//! implementer. What `GET /api/v1/funds/iati.xml` serves and `taawun export iati` writes.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};
use taawun_funds::Fund;
use taawun_funds::iati::{Activity, Org, Publisher, Status, Transaction, TransactionKind};
use taawun_funds::ledger::EntryKind;
use taawun_funds::workflow::Stage;
use taawun_store::funds::{DonorKind, EntryRecord, RequestRecord};
use taawun_store::{Store, StoreError};

/// The publisher of the funds' file: OHCHR, which administers the three funds (its IATI
/// identifier is its OECD DAC code).
pub fn publisher() -> Publisher {
    Publisher {
        reference: "XM-DAC-41313".into(),
        kind: "40",
        name: "Office of the United Nations High Commissioner for Human Rights".into(),
    }
}

fn ohchr() -> Org {
    Org {
        reference: Some("XM-DAC-41313".into()),
        kind: "40",
        name: "Office of the United Nations High Commissioner for Human Rights".into(),
    }
}

fn date_of(seconds: i64) -> Option<chrono::NaiveDate> {
    DateTime::<Utc>::from_timestamp(seconds, 0).map(|t| t.date_naive())
}

/// Every approved request of every fund, as activities.
pub async fn activities(store: &dyn Store, funds: &[Fund]) -> Result<Vec<Activity>, StoreError> {
    let donors = store.funds().donors().await?;
    let mut activities = Vec::new();
    for fund in funds {
        let entries = store.funds().entries(&fund.id).await?;
        let reversed: HashSet<i64> = entries.iter().filter_map(|e| e.entry.reverses).collect();
        let mut by_request: HashMap<i64, Vec<&EntryRecord>> = HashMap::new();
        let mut funder_ids: Vec<i64> = Vec::new();
        for record in &entries {
            if record.entry.kind == EntryKind::Reversal || reversed.contains(&record.entry.id) {
                continue;
            }
            if let Some(request) = record.request_id {
                by_request.entry(request).or_default().push(record);
            }
            if record.entry.kind == EntryKind::Contribution
                && let Some(donor) = record.donor_id
                && !funder_ids.contains(&donor)
            {
                funder_ids.push(donor);
            }
        }
        let funders: Vec<Org> = donors
            .iter()
            .filter(|d| funder_ids.contains(&d.id))
            .map(|d| Org {
                reference: None,
                kind: match d.kind {
                    DonorKind::State => "10",
                    DonorKind::Organisation => "40",
                    DonorKind::Private => "60",
                },
                name: d.name.clone(),
            })
            .collect();
        let mut ids: Vec<i64> = by_request.keys().copied().collect();
        ids.sort_unstable();
        for id in ids {
            let Some(request) = store.funds().get_request(id).await? else {
                continue;
            };
            let transactions = by_request[&id]
                .iter()
                .filter_map(|record| {
                    let kind = match record.entry.kind {
                        EntryKind::Commitment => TransactionKind::Commitment,
                        EntryKind::Disbursement => TransactionKind::Disbursement,
                        _ => return None,
                    };
                    let minor: i64 = record
                        .entry
                        .lines
                        .iter()
                        .filter(|l| l.minor > 0)
                        .map(|l| l.minor)
                        .sum();
                    taawun_funds::Money::new(minor, fund.currency)
                        .ok()
                        .map(|amount| Transaction {
                            kind,
                            date: record.entry.date,
                            amount,
                            provider: Some(ohchr()),
                            receiver: Some(government(&request)),
                        })
                })
                .collect();
            activities.push(activity(fund, &request, funders.clone(), transactions));
        }
    }
    Ok(activities)
}

fn government(request: &RequestRecord) -> Org {
    let name = taawun_states::by_iso3(&request.state)
        .map_or_else(|| request.state.clone(), |s| s.names.get("en").to_owned());
    Org {
        reference: None,
        kind: "10",
        name: format!("Government of {name}"),
    }
}

fn activity(
    fund: &Fund,
    request: &RequestRecord,
    funders: Vec<Org>,
    transactions: Vec<Transaction>,
) -> Activity {
    let status = match request.position.stage {
        Stage::Agreement => Status::Pipeline,
        Stage::Disbursement => Status::Implementation,
        Stage::Reporting => Status::Finalisation,
        _ => Status::Closed,
    };
    let (fund_name, _) = fund.name.get("en");
    let purpose = if request.draft.publication.purpose {
        request.draft.purpose.clone()
    } else {
        format!("A {} request", request.draft.request_type.slug())
    };
    let state = taawun_states::by_iso3(&request.state);
    Activity {
        local_id: format!("{}-{}", fund.id, request.id),
        title: format!("{fund_name}: request {}", request.id),
        description: purpose,
        lang: "en".into(),
        currency: fund.currency,
        status,
        last_updated: DateTime::<Utc>::from_timestamp(request.updated_at, 0).unwrap_or_default(),
        planned_start: request
            .draft
            .starts
            .or_else(|| request.submitted_at.and_then(date_of)),
        planned_end: request.draft.ends,
        actual_start: None,
        actual_end: None,
        recipient_country: state.map_or_else(String::new, |s| s.iso2.to_owned()),
        funders,
        extending: ohchr(),
        implementing: government(request),
        sdg_targets: Vec::new(),
        humanitarian: request.draft.crisis.is_some(),
        demonstration: request.demonstration,
        transactions,
    }
}

/// The whole file, as bytes.
pub async fn iati_file(store: &dyn Store, funds: &[Fund]) -> Result<Vec<u8>, String> {
    let activities = activities(store, funds).await.map_err(|e| e.to_string())?;
    taawun_funds::iati::write_activities(Vec::new(), &publisher(), Utc::now(), activities)
        .map_err(|e| e.to_string())
}
