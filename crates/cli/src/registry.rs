//! The registry's import pipeline: read a file (size-checked, decoded), parse it, store it —
//! every file parsed before anything is written, so a bad file in a batch writes nothing.

use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use sha2::{Digest, Sha256};
use taawun_documents::{MAX_DOCUMENT_BYTES, Resolution, decode, parse_resolution};
use taawun_states::Resolver;
use taawun_store::{ImportOutcome, NewResolutionVersion, Store};

/// HRC resolution 56/2 in Arabic as extracted from its PDF: the platform's own example, imported
/// into an empty database so that a new user sees a real resolution at once.
pub const SEED_NAME: &str = "A-HRC-RES-56-2.ar.txt";
pub const SEED_TEXT: &str = include_str!("../seed/A-HRC-RES-56-2.ar.txt");

/// A parsed file, ready to store.
pub struct Parsed {
    pub path: PathBuf,
    pub version: NewResolutionVersion,
}

/// Reads and decodes a file (a PDF is read for its text), refusing files too large to be a
/// resolution. The limit holds while
/// reading (at most one byte past it is read), not only from the file's size: a device or a pipe
/// (`/dev/zero`) reports no size and never ends.
pub fn read_text(path: &Path) -> anyhow::Result<String> {
    use std::io::Read;

    let too_large = |size: String| {
        anyhow::anyhow!(
            "{}: the file has {size} bytes; a resolution text has at most {} — is this the right file?",
            path.display(),
            MAX_DOCUMENT_BYTES
        )
    };
    let metadata = std::fs::metadata(path)
        .with_context(|| format!("{}: cannot read the file", path.display()))?;
    if metadata.is_dir() {
        bail!("{}: is a directory, not a resolution text", path.display());
    }
    if metadata.len() > MAX_DOCUMENT_BYTES as u64 {
        return Err(too_large(metadata.len().to_string()));
    }
    let file = std::fs::File::open(path)
        .with_context(|| format!("{}: cannot read the file", path.display()))?;
    let mut bytes = Vec::new();
    file.take(MAX_DOCUMENT_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .with_context(|| format!("{}: cannot read the file", path.display()))?;
    if bytes.len() > MAX_DOCUMENT_BYTES {
        return Err(too_large(format!("more than {MAX_DOCUMENT_BYTES}")));
    }
    // The UN's PDF itself: its text as the page lays it out, which the parser reads as it
    // reads text extracted beforehand.
    if taawun_pdf::is_pdf(&bytes) {
        return taawun_pdf::extract(&bytes)
            .map(|text| text.text())
            .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()));
    }
    decode(&bytes).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))
}

/// Parses a text, naming the file in any error.
pub fn parse_text(
    name: &str,
    text: &str,
    resolver: &Resolver,
) -> anyhow::Result<NewResolutionVersion> {
    let record: Resolution =
        parse_resolution(text, resolver).map_err(|e| anyhow::anyhow!("{name}: {e}"))?;
    Ok(NewResolutionVersion {
        record,
        content_hash: content_hash(text),
        source: name.to_owned(),
    })
}

/// SHA-256 of the text with line endings made uniform, so that the same text saved on another
/// system is still the same version.
pub fn content_hash(text: &str) -> String {
    let mut hasher = Sha256::new();
    for line in text.lines() {
        hasher.update(line.trim_end().as_bytes());
        hasher.update(b"\n");
    }
    hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Reads and parses every file; all errors are reported together, and then none is stored.
pub fn parse_files(paths: &[PathBuf], resolver: &Resolver) -> anyhow::Result<Vec<Parsed>> {
    let mut parsed = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        match read_text(path).and_then(|text| parse_text(&name, &text, resolver)) {
            Ok(version) => parsed.push(Parsed {
                path: path.clone(),
                version,
            }),
            Err(error) => errors.push(format!("{error:#}")),
        }
    }
    if !errors.is_empty() {
        bail!("nothing was imported: {}", errors.join("; "));
    }
    Ok(parsed)
}

/// What a parsed record holds, in one line: symbol, paragraphs, vote, mandates, warnings.
pub fn record_summary(record: &Resolution) -> String {
    let vote = match &record.vote {
        Some(v) if v.method == taawun_documents::AdoptionMethod::WithoutVote => {
            "adopted without a vote".to_owned()
        }
        Some(v) => format!(
            "recorded vote {}-{}-{}",
            v.yes.map_or("?".into(), |n| n.to_string()),
            v.no.map_or("?".into(), |n| n.to_string()),
            v.abstain.map_or("?".into(), |n| n.to_string())
        ),
        None => "no vote stated".to_owned(),
    };
    format!(
        "{}: {} preambular and {} operative paragraphs, {}, {} mandates, {} warnings",
        record.symbol,
        record.preambular.len(),
        record.operative.len(),
        vote,
        record.mandates.len(),
        record.warnings.len(),
    )
}

/// One line a person reads after an import: the record, then what the import did.
pub fn summary_line(record: &Resolution, outcome: ImportOutcome) -> String {
    let outcome = match outcome {
        ImportOutcome::Created => "created".to_owned(),
        ImportOutcome::NewVersion { version } => format!("new version {version}"),
        ImportOutcome::Unchanged { version } => {
            format!("unchanged (same text as version {version})")
        }
    };
    format!("{} — {outcome}", record_summary(record))
}

/// Imports the bundled seed when the registry is empty.
/// Returns the record when it was imported, for the search index to follow.
pub async fn import_seed_if_empty(
    store: &dyn Store,
) -> anyhow::Result<Option<taawun_documents::Resolution>> {
    if store.count_resolutions().await? > 0 {
        return Ok(None);
    }
    let version = parse_text(SEED_NAME, SEED_TEXT, Resolver::builtin())?;
    let outcome = store
        .import_resolution(&taawun_store::ChangeContext::system(), &version)
        .await?;
    tracing::info!(symbol = %version.record.symbol, ?outcome, "imported the example resolution into the empty registry");
    Ok(Some(version.record))
}
