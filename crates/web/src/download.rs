//! Answers written as CSV: the same rows as the JSON answer, one header line, UTF-8, served as
//! an attachment named after what it holds.

use axum::http::header;
use axum::response::{IntoResponse, Response};

use crate::error::ApiError;

/// Writes `rows` under `header_row` as a CSV attachment called `file_name`.
pub fn csv_response<I, R>(
    file_name: &str,
    header_row: &[&str],
    rows: I,
) -> Result<Response, ApiError>
where
    I: IntoIterator<Item = R>,
    R: IntoIterator,
    R::Item: AsRef<[u8]>,
{
    let mut writer = csv::Writer::from_writer(Vec::new());
    let failed = |e: &dyn std::fmt::Display| {
        tracing::error!(error = %e, "could not write a CSV answer");
        ApiError::internal("the server could not write the CSV answer")
    };
    writer.write_record(header_row).map_err(|e| failed(&e))?;
    for row in rows {
        writer.write_record(row).map_err(|e| failed(&e))?;
    }
    let bytes = writer.into_inner().map_err(|e| failed(&e))?;
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{file_name}\""),
            ),
        ],
        bytes,
    )
        .into_response())
}

/// A file name from a base and the filter values, with only safe characters.
pub fn file_name(base: &str, parts: &[Option<&str>]) -> String {
    let mut name = base.to_owned();
    for part in parts.iter().flatten() {
        name.push('-');
        name.extend(part.chars().map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '_'
            }
        }));
    }
    name.push_str(".csv");
    name
}

/// A number as CSV text: empty for none.
pub fn opt<T: ToString>(value: Option<T>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}
