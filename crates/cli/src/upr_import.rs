//! `taawun import upr`: the Universal Periodic Review's recommendations and pledges, from UPR
//! Info's compilation (a folder of CSV files) or from the UN's own documents of reviews (the
//! Working Group's report and its addendum as PDFs, OHCHR's thematic lists as .docx). Every
//! file is read before anything is stored, and a file that cannot be read stops the import
//! with nothing written; then one transaction stores what is new. `--dry-run` says what the
//! import would change and writes nothing.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Context;
use taawun_states::Resolver;
use taawun_store::upr::{IncomingPledge, IncomingRecommendation, UprImportReport};

use crate::cli::UprFormat;
use crate::database::{self, DatabaseConfig};
use crate::vote_import::progress_bar;

/// What the files hold, ready to store, and what reading them found to report.
pub struct Read {
    pub recommendations: Vec<IncomingRecommendation>,
    pub pledges: Vec<IncomingPledge>,
    /// One line per thing a reader left out or doubted: file, place, what.
    pub notes: Vec<String>,
    /// One line saying what was read.
    pub summary: String,
}

/// Reads UPR Info's folder, or the OHCHR documents (grouped by the review they belong to).
pub fn read(format: UprFormat, paths: &[PathBuf], resolver: &Resolver) -> anyhow::Result<Read> {
    match format {
        UprFormat::UprInfo => {
            let [dir] = paths else {
                anyhow::bail!(
                    "give one folder, the one holding UPR Info's files (sessions-*.csv); {} were given",
                    paths.len()
                );
            };
            read_upr_info(dir, resolver)
        }
        UprFormat::Ohchr => read_ohchr(paths, resolver),
    }
}

fn read_upr_info(dir: &Path, resolver: &Resolver) -> anyhow::Result<Read> {
    if !dir.is_dir() {
        anyhow::bail!(
            "{} is not a folder; give the folder holding UPR Info's files (sessions-*.csv)",
            dir.display()
        );
    }
    let info = taawun_upr::upr_info::read_dir(dir, resolver)
        .map_err(|e| anyhow::anyhow!("{e}; nothing was imported"))?;
    let mut notes = Vec::new();
    for name in &info.unresolved {
        let candidates = if name.candidates.is_empty() {
            String::new()
        } else {
            format!(" (it might be {})", name.candidates.join(", "))
        };
        notes.push(format!(
            "{}, line {}: the State name {:?} is not known{candidates}; its {} row(s) were left out",
            name.first.file, name.first.line, name.name, name.rows
        ));
    }
    let summary = format!(
        "UPR Info: {} files, {} recommendation rows read — {} exact repeats dropped, {} rows joined to the recommendation they repeat with another recommending State, {} rows left out (unknown State names, listed below); {} recommendations; {} pledges ({} repeats dropped, {} left out)",
        info.files.len(),
        info.rows,
        info.exact_repeats,
        info.joined_rows,
        info.rows_unresolved,
        info.recommendations.len(),
        info.pledges.len(),
        info.pledge_repeats,
        info.pledges_unresolved,
    );
    Ok(Read {
        recommendations: info
            .recommendations
            .into_iter()
            .map(|r| IncomingRecommendation::from_source(r, "upr-info"))
            .collect(),
        pledges: info
            .pledges
            .into_iter()
            .map(|p| IncomingPledge::from_source(p, "upr-info"))
            .collect(),
        notes,
        summary,
    })
}

fn read_ohchr(paths: &[PathBuf], resolver: &Resolver) -> anyhow::Result<Read> {
    if paths.is_empty() {
        anyhow::bail!(
            "give the review's documents: the Working Group's report and its addendum (PDF), OHCHR's thematic lists (.docx)"
        );
    }
    let mut files = Vec::with_capacity(paths.len());
    for path in paths {
        let bytes = std::fs::read(path)
            .with_context(|| format!("{}: cannot read the file", path.display()))?;
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| path.display().to_string());
        files.push((name, bytes));
    }
    // Documents of several reviews may be given together; each is read with the others of its
    // review (the addendum's positions apply to the report's numbers).
    let reviews = taawun_upr::ohchr::read_reviews(&files, resolver)
        .map_err(|e| anyhow::anyhow!("{e}; nothing was imported"))?;
    let mut read = Read {
        recommendations: Vec::new(),
        pledges: Vec::new(),
        notes: Vec::new(),
        summary: String::new(),
    };
    let mut lines = Vec::new();
    for review in reviews {
        for warning in &review.warnings {
            read.notes.push(warning.to_string());
        }
        for name in &review.unresolved {
            read.notes.push(format!(
                "{}, line {}: the State name {:?} is not known; left out of the recommending States",
                name.first.file, name.first.line, name.name
            ));
        }
        let mut names: Vec<&str> = Vec::new();
        names.extend(review.report.as_ref().map(|d| d.file.as_str()));
        names.extend(review.addendum.as_ref().map(|d| d.file.as_str()));
        names.extend(review.thematic.as_ref().map(|d| d.file.as_str()));
        lines.push(format!(
            "{}, session {} (cycle {}): {} recommendations from {}",
            review.reviewed,
            review.session,
            review.cycle,
            review.recommendations.len(),
            names.join(", ")
        ));
        read.recommendations.extend(
            review
                .recommendations
                .into_iter()
                .map(|r| IncomingRecommendation::from_source(r, "ohchr")),
        );
    }
    read.summary = format!("OHCHR documents: {}", lines.join("; "));
    Ok(read)
}

/// The lines of a report: the counts, then each disagreement between sources.
pub fn report_lines(report: &UprImportReport, dry_run: bool) -> Vec<String> {
    let (create, complete) = if dry_run {
        ("would be created", "would gain")
    } else {
        ("created", "gained")
    };
    let mut lines = vec![format!(
        "recommendations: {} {create}, {} {complete} a recommending State, theme, SDG link, source or value they lacked, {} unchanged; pledges: {} {create}, {} unchanged",
        report.recommendations_created,
        report.recommendations_completed,
        report.recommendations_unchanged,
        report.pledges_created,
        report.pledges_unchanged,
    )];
    for d in &report.disagreements {
        let place = d
            .source
            .as_ref()
            .map(|s| format!("{}, line {}: ", s.file, s.line))
            .unwrap_or_default();
        lines.push(format!(
            "  {place}recommendation {} has {} {:?} stored; this source says {:?} — kept as stored",
            d.recommendation_id, d.field, d.stored, d.incoming
        ));
    }
    lines
}

pub async fn run(
    database: &DatabaseConfig,
    format: UprFormat,
    paths: &[PathBuf],
    dry_run: bool,
) -> anyhow::Result<()> {
    let read = read(format, paths, Resolver::builtin())?;
    let store = database::open(database).await?;
    crate::server::prepare(store.as_ref()).await?;
    let mut out = std::io::stdout().lock();
    writeln!(out, "{}", read.summary)?;
    for note in &read.notes {
        writeln!(out, "  {note}")?;
    }
    let report = if dry_run {
        store
            .upr()
            .plan_upr_import(read.recommendations, read.pledges)
            .await
            .context("cannot read the stored records")?
            .report()
    } else {
        let total = (read.recommendations.len() + read.pledges.len()) as u64;
        let storing = progress_bar(total, "storing");
        let report = store
            .upr()
            .import_upr(
                &taawun_store::ChangeContext::command_line(),
                read.recommendations,
                read.pledges,
                &|done| storing.set_position(done as u64),
            )
            .await
            .context("cannot store the records; nothing was imported")?;
        storing.finish_and_clear();
        report
    };
    for line in report_lines(&report, dry_run) {
        writeln!(out, "{line}")?;
    }
    if dry_run {
        writeln!(out, "dry run: nothing was written")?;
    }
    Ok(())
}

/// `taawun import sdg DIR`: reads the framework whole (an error names the file and line, and
/// nothing is written), then stores it when it differs from the stored one.
pub async fn run_sdg(database: &DatabaseConfig, dir: &Path, dry_run: bool) -> anyhow::Result<()> {
    if !dir.is_dir() {
        anyhow::bail!(
            "{} is not a folder; give the folder holding one folder per language (ar/, en/, …)",
            dir.display()
        );
    }
    let sdgs = taawun_sdg::read_dir(dir)
        .map_err(|e| anyhow::anyhow!("{}: {e}; nothing was imported", dir.display()))?;
    let framework = taawun_store::upr::sdg_framework_from(&sdgs);
    let store = database::open(database).await?;
    crate::server::prepare(store.as_ref()).await?;
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "SDGs: {} goals, {} targets, {} indicators read in six languages; {} warnings",
        framework.goals.len(),
        framework.targets.len(),
        framework.indicators.len(),
        sdgs.warnings.len()
    )?;
    for warning in &sdgs.warnings {
        writeln!(out, "  {warning}")?;
    }
    if dry_run {
        let stored = store.upr().sdg_framework().await?;
        let verdict = if stored == framework {
            "the stored framework is this one: nothing would change"
        } else {
            "the stored framework would be replaced by this one"
        };
        writeln!(out, "{verdict}\ndry run: nothing was written")?;
        return Ok(());
    }
    let report = store
        .upr()
        .import_sdgs(&taawun_store::ChangeContext::command_line(), &framework)
        .await
        .context("cannot store the SDGs; nothing was imported")?;
    if report.changed {
        writeln!(out, "stored")?;
    } else {
        writeln!(out, "the stored framework is this one: nothing was written")?;
    }
    Ok(())
}
