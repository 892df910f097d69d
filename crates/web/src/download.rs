//! Answers written as files: the same rows as the JSON answer, one header line, as CSV (UTF-8)
//! or as an Excel workbook, served as an attachment named after what it holds.

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

/// A CSV file's name from a base and the filter values, with only safe characters.
pub fn file_name(base: &str, parts: &[Option<&str>]) -> String {
    format!("{}.csv", file_stem(base, parts))
}

/// A file name without its extension from a base and the filter values, with only safe
/// characters.
pub fn file_stem(base: &str, parts: &[Option<&str>]) -> String {
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
    name
}

/// A number as CSV text: empty for none.
pub fn opt<T: ToString>(value: Option<T>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

/// Writes `rows` under `header_row` as an Excel workbook (one sheet, `sheet` by name) called
/// `file_name`. Cells of the columns named in `numeric` that hold a whole number are written as
/// numbers, so that a spreadsheet sorts and sums them; every other cell is text, as in the CSV.
pub fn xlsx_response<I, R>(
    file_name: &str,
    sheet: &str,
    header_row: &[&str],
    numeric: &[&str],
    rows: I,
) -> Result<Response, ApiError>
where
    I: IntoIterator<Item = R>,
    R: IntoIterator,
    R::Item: AsRef<str>,
{
    let bytes = xlsx_bytes(sheet, header_row, numeric, rows).map_err(|e| {
        tracing::error!(error = %e, "could not write an XLSX answer");
        ApiError::internal("the server could not write the XLSX answer")
    })?;
    Ok((
        [
            (header::CONTENT_TYPE, XLSX_MEDIA_TYPE.to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{file_name}\""),
            ),
        ],
        bytes,
    )
        .into_response())
}

/// The media type of an Excel workbook.
pub const XLSX_MEDIA_TYPE: &str =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// The most characters Excel keeps in one cell.
const XLSX_CELL_LIMIT: usize = 32_767;

fn xlsx_bytes<I, R>(
    sheet: &str,
    header_row: &[&str],
    numeric: &[&str],
    rows: I,
) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError>
where
    I: IntoIterator<Item = R>,
    R: IntoIterator,
    R::Item: AsRef<str>,
{
    use rust_xlsxwriter::{Format, Workbook};

    let mut workbook = Workbook::new();
    let worksheet = workbook.add_worksheet();
    worksheet.set_name(sheet)?;
    let bold = Format::new().set_bold();
    for (col, name) in (0u16..).zip(header_row) {
        worksheet.write_string_with_format(0, col, *name, &bold)?;
    }
    let numeric_columns: Vec<bool> = header_row.iter().map(|h| numeric.contains(h)).collect();
    let mut last_row = 0u32;
    for (row, cells) in (1u32..).zip(rows) {
        last_row = row;
        for (col, cell) in (0u16..).zip(cells) {
            let text = cell.as_ref();
            if text.is_empty() {
                continue;
            }
            let number = numeric_columns
                .get(usize::from(col))
                .copied()
                .unwrap_or(false)
                .then(|| text.parse::<i64>().ok())
                .flatten()
                // Beyond 2^53 a spreadsheet's number loses digits: keep such a value as text.
                .filter(|n| n.unsigned_abs() < 1 << 53);
            match number {
                Some(n) => {
                    worksheet.write_number(row, col, n as f64)?;
                }
                None => {
                    worksheet.write_string(row, col, truncated(text, XLSX_CELL_LIMIT))?;
                }
            }
        }
    }
    if !header_row.is_empty() {
        let last_col = u16::try_from(header_row.len() - 1).unwrap_or(u16::MAX);
        worksheet.set_freeze_panes(1, 0)?;
        worksheet.autofilter(0, 0, last_row, last_col)?;
    }
    workbook.save_to_buffer()
}

/// At most `limit` characters of `text`.
fn truncated(text: &str, limit: usize) -> &str {
    match text.char_indices().nth(limit) {
        Some((end, _)) => &text[..end],
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_workbook_is_a_zip_with_the_sheet_and_its_cells() {
        let bytes = xlsx_bytes(
            "Rows",
            &["id", "text"],
            &["id"],
            vec![vec!["7", "تعاون"], vec!["", "x"]],
        )
        .unwrap();
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut sheet = String::new();
        std::io::Read::read_to_string(
            &mut zip.by_name("xl/worksheets/sheet1.xml").unwrap(),
            &mut sheet,
        )
        .unwrap();
        assert!(sheet.contains("<v>7</v>"), "the id is a number: {sheet}");
        let mut strings = String::new();
        std::io::Read::read_to_string(
            &mut zip.by_name("xl/sharedStrings.xml").unwrap(),
            &mut strings,
        )
        .unwrap();
        assert!(strings.contains("تعاون"));
        assert!(strings.contains(">text<"));
    }

    #[test]
    fn long_text_is_cut_at_the_cell_limit_on_a_character_boundary() {
        let text = "ع".repeat(XLSX_CELL_LIMIT + 5);
        assert_eq!(
            truncated(&text, XLSX_CELL_LIMIT).chars().count(),
            XLSX_CELL_LIMIT
        );
        assert_eq!(truncated("abc", 10), "abc");
    }
}
