//! `taawun import votes`: read a voting dataset (all or nothing), then store it in one
//! transaction, with a progress bar on a terminal and a summary at the end.

use std::io::{IsTerminal, Write};
use std::path::Path;

use anyhow::Context;
use indicatif::{ProgressBar, ProgressStyle};
use taawun_votes::{Dataset, Progress, ReadOptions};

use crate::cli::VoteFormat;
use crate::database::{self, DatabaseConfig};

pub fn progress_bar(total: u64, what: &str) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(total);
    let style = ProgressStyle::with_template(
        "{msg:>10} [{bar:40}] {percent:>3}% {human_pos}/{human_len} {eta}",
    )
    .unwrap_or_else(|_| ProgressStyle::default_bar())
    .progress_chars("=> ");
    bar.set_style(style);
    bar.set_message(what.to_owned());
    bar
}

/// Reads the dataset; errors name the file, row and column.
pub fn read(format: VoteFormat, dir: &Path, skip_unknown: bool) -> anyhow::Result<Dataset> {
    if !dir.is_dir() {
        anyhow::bail!(
            "{} is not a directory; give the directory that holds the dataset's CSV files",
            dir.display()
        );
    }
    let options = ReadOptions { skip_unknown };
    let reading = progress_bar(0, "reading");
    let mut on_progress = |p: Progress| {
        reading.set_length(p.bytes_total);
        reading.set_position(p.bytes_done);
    };
    let dataset = match format {
        VoteFormat::Hrc => taawun_votes::hrc::read_dir(dir, &options, Some(&mut on_progress)),
        VoteFormat::Unga => taawun_votes::unga::read_dir(dir, &options, Some(&mut on_progress)),
    };
    reading.finish_and_clear();
    dataset.map_err(|e| anyhow::anyhow!("{}: {e}; nothing was imported", dir.display()))
}

/// The dataset's optional files that `dir` lacks, with what their absence means.
pub fn missing_optional_files(format: VoteFormat, dir: &Path) -> Vec<(&'static str, &'static str)> {
    let optional = match format {
        VoteFormat::Hrc => vec![(
            taawun_votes::hrc::LEGIS,
            "the States' names were not cross-checked against their codes",
        )],
        VoteFormat::Unga => vec![(
            taawun_votes::unga::ISSUES,
            "the roll calls have no issues (human rights, the Middle East, nuclear weapons, …), so the issue filter of the vote pages and API finds none of them",
        )],
    };
    optional
        .into_iter()
        .filter(|(file, _)| !dir.join(file).is_file())
        .collect()
}

pub async fn run(
    database: &DatabaseConfig,
    format: VoteFormat,
    dir: &Path,
    skip_unknown: bool,
    index_dir: &Path,
) -> anyhow::Result<()> {
    let dataset = read(format, dir, skip_unknown)?;
    let store = database::open(database).await?;
    crate::server::prepare(store.as_ref()).await?;
    let before = store.votes_stamp().await?;
    let storing = progress_bar(dataset.votes.len() as u64, "storing");
    let report = store
        .import_votes(
            &taawun_store::ChangeContext::command_line(),
            &dataset,
            &|written| storing.set_position(written as u64),
        )
        .await
        .context("cannot store the votes; nothing was imported")?;
    storing.finish_and_clear();

    let mut out = std::io::stdout().lock();
    let body = match format {
        VoteFormat::Hrc => "Human Rights Council",
        VoteFormat::Unga => "General Assembly",
    };
    writeln!(
        out,
        "{body}: {} roll calls read — {} created, {} already imported ({} of them given the issues they lacked); {} votes written; {} roll calls have their text in the registry; {} rows skipped; {} notes",
        dataset.roll_calls.len(),
        report.roll_calls_created,
        report.roll_calls_existing,
        report.roll_calls_completed,
        report.votes_written,
        report.linked_to_registry,
        dataset.skipped.len(),
        dataset.notes.len(),
    )?;
    for (file, meaning) in missing_optional_files(format, dir) {
        writeln!(
            out,
            "  missing {file} in {}: {meaning}. Import the folder again once it holds the file: what was imported stays, and what the file adds is added.",
            dir.display()
        )?;
    }
    for skipped in &dataset.skipped {
        writeln!(
            out,
            "  skipped {} row {}: {:?} ({})",
            skipped.file, skipped.row, skipped.value, skipped.reason
        )?;
    }
    for note in &dataset.notes {
        writeln!(
            out,
            "  note {} row {}: {:?} — {}",
            note.file, note.row, note.value, note.message
        )?;
    }
    // The database holds the votes now; the index follows. If it cannot (another process is
    // writing it), the votes are safe and `taawun reindex` catches up.
    if report.roll_calls_created > 0 {
        let body = match format {
            VoteFormat::Hrc => "hrc",
            VoteFormat::Unga => "unga",
        };
        // The import raised its body's generation once.
        let own = taawun_store::VotesStamp {
            hrc: i64::from(body == "hrc"),
            unga: i64::from(body == "unga"),
        };
        let indexed = match crate::search_index::open(index_dir) {
            Ok(index) => {
                let was = index.built_from();
                match crate::search_index::index_voting_records(store.as_ref(), &index, body).await
                {
                    Ok(_) => {
                        crate::search_index::keep_current(store.as_ref(), &index, was, before, own)
                            .await
                    }
                    Err(e) => Err(e),
                }
            }
            Err(e) => Err(e),
        };
        if let Err(e) = indexed {
            eprintln!("warning: {e:#}; run `taawun reindex` to bring the search index up to date");
        }
    }
    Ok(())
}
