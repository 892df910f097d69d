//! The assistance funds' configuration on the command line: the file `taawun serve --funds`
//! reads, checked the same way before a server starts with it.

use std::path::Path;

use anyhow::Context;
use taawun_funds::{Fund, Stage};

/// The funds of a TOML file; every problem in it named with its fund and field.
pub fn read_config(path: &Path) -> anyhow::Result<Vec<Fund>> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("cannot read the funds file {}", path.display()))?;
    let funds = taawun_funds::parse_funds(&text, &path.display().to_string())?;
    Ok(funds)
}

/// What `taawun funds check` prints of each fund: its id, English name, the kinds of request it
/// takes and each timed stage's target.
pub fn describe(funds: &[Fund]) -> String {
    let mut out = String::new();
    for fund in funds {
        let targets: Vec<String> = Stage::TIMED
            .iter()
            .map(|s| {
                format!(
                    "{} {}",
                    s.slug(),
                    fund.target_days(*s).map_or("-".into(), |d| format!("{d}d"))
                )
            })
            .collect();
        out.push_str(&format!(
            "{}: {}\n  requests: {}\n  in: {}\n  targets: {}\n  terms {}\n",
            fund.id,
            fund.name.get("en").0,
            fund.request_types
                .iter()
                .map(|t| t.slug())
                .collect::<Vec<_>>()
                .join(", "),
            fund.translated_into().join(", "),
            targets.join(", "),
            if fund.terms_confirmed {
                "confirmed by the secretariat"
            } else {
                "not yet confirmed by the secretariat"
            }
        ));
    }
    out
}

/// The funds of `--funds FILE`, or the built-in ones.
pub fn configured(path: Option<&Path>) -> anyhow::Result<Vec<Fund>> {
    match path {
        Some(path) => read_config(path),
        None => Ok(taawun_funds::default_funds()),
    }
}

/// `taawun ledger verify`: each fund's books checked from its entries, each entry found in the
/// audit trail, the trail's chain verified. Prints what it found; `false` when anything is
/// wrong.
pub async fn verify_ledgers(
    store: &dyn taawun_store::Store,
    funds: &[Fund],
) -> anyhow::Result<bool> {
    let mut sound = true;
    for fund in funds {
        let records = store.funds().entries(&fund.id).await?;
        let entries: Vec<_> = records.iter().map(|r| r.entry.clone()).collect();
        let problems = taawun_funds::ledger::verify(&entries);
        let unaudited = store.funds().entries_without_audit(&fund.id).await?;
        let balances = taawun_funds::ledger::Balances::derive(&entries);
        let summed = store.funds().balances(&fund.id).await?;
        if problems.is_empty() && unaudited.is_empty() && balances == summed {
            println!(
                "{}: {} entries balance; every one is in the audit trail.",
                fund.id,
                entries.len()
            );
        } else {
            sound = false;
            println!("{}: {} entries, NOT sound:", fund.id, entries.len());
            for problem in problems {
                println!("  {problem}");
            }
            if !unaudited.is_empty() {
                println!("  entries without an audit record: {unaudited:?}");
            }
            if balances != summed {
                println!("  the stored sums differ from the balances derived from the entries");
            }
        }
    }
    let chain = crate::accounts::verify_audit(store, false).await?;
    Ok(sound && chain)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bad_file_is_refused_with_its_name_and_problems() {
        let dir = std::env::temp_dir().join(format!("taawun-funds-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("funds.toml");
        std::fs::write(
            &file,
            taawun_funds::config::DEFAULT_FUNDS.replace("currency = \"USD\"", "currency = \"US\""),
        )
        .unwrap();
        let message = format!("{:#}", read_config(&file).unwrap_err());
        assert!(message.contains(&file.display().to_string()), "{message}");
        assert!(
            message.contains("currency: “US” is not an ISO 4217 currency code"),
            "{message}"
        );
        let missing = format!("{:#}", read_config(&dir.join("absent.toml")).unwrap_err());
        assert!(missing.contains("cannot read the funds file"), "{missing}");
        std::fs::write(&file, taawun_funds::config::DEFAULT_FUNDS).unwrap();
        let funds = read_config(&file).unwrap();
        assert_eq!(funds.len(), taawun_funds::default_funds().len());
        assert!(describe(&funds).contains("upr-implementation: Voluntary Fund"));
        let _ = std::fs::remove_dir_all(&dir);
    }
}
