//! One CSV file read row by row into a reused `ByteRecord`, with the bookkeeping every reader
//! needs: columns found by header name (so column order does not matter), the row number for
//! messages, a column-count check, and progress reports.

use csv::{ByteRecord, ReaderBuilder, Trim};

use crate::ImportError;

/// How an import treats what it cannot use.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ReadOptions {
    /// Skip rows whose State code or name the built-in table does not know, listing them in
    /// [`crate::Dataset::skipped`], instead of failing. Off by default: a State silently
    /// missing from every agreement score is worse than an import that stops.
    pub skip_unknown: bool,
}

/// How far an import has got, for a progress bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    pub file: &'static str,
    /// Data rows read so far in this file (the header not counted).
    pub rows_done: u64,
    pub bytes_done: u64,
    pub bytes_total: u64,
}

/// How many rows between two progress reports.
pub const PROGRESS_EVERY: u64 = 10_000;

/// The optional progress callback, passed from file to file.
pub(crate) struct Reporter<'p> {
    callback: Option<&'p mut dyn FnMut(Progress)>,
}

impl<'p> Reporter<'p> {
    pub(crate) fn new(callback: Option<&'p mut dyn FnMut(Progress)>) -> Self {
        Reporter { callback }
    }

    fn report(&mut self, progress: Progress) {
        if let Some(callback) = self.callback.as_mut() {
            callback(progress);
        }
    }
}

pub(crate) struct Table<'a> {
    pub(crate) file: &'static str,
    reader: csv::Reader<&'a [u8]>,
    header: Vec<String>,
    record: ByteRecord,
    row: u64,
    rows_done: u64,
    bytes_total: u64,
}

impl<'a> Table<'a> {
    pub(crate) fn new(file: &'static str, bytes: &'a [u8]) -> Result<Self, ImportError> {
        let mut reader = ReaderBuilder::new()
            .has_headers(true)
            // Rows of the wrong length are reported by `next` with our own message.
            .flexible(true)
            .trim(Trim::All)
            .from_reader(bytes);
        let header: Vec<String> = reader
            .byte_headers()
            .map_err(|e| ImportError::Csv {
                file: file.to_owned(),
                row: 1,
                message: e.to_string(),
            })?
            .iter()
            .map(|name| String::from_utf8_lossy(name).into_owned())
            .collect();
        for (i, name) in header.iter().enumerate() {
            if header[..i].contains(name) {
                return Err(ImportError::DuplicateColumn {
                    file: file.to_owned(),
                    column: name.clone(),
                });
            }
        }
        Ok(Table {
            file,
            reader,
            header,
            record: ByteRecord::new(),
            row: 1,
            rows_done: 0,
            bytes_total: bytes.len() as u64,
        })
    }

    pub(crate) fn header(&self) -> &[String] {
        &self.header
    }

    /// The index of a column the file must have.
    pub(crate) fn column(&self, name: &str) -> Result<usize, ImportError> {
        self.optional_column(name)
            .ok_or_else(|| ImportError::MissingColumn {
                file: self.file.to_owned(),
                column: name.to_owned(),
            })
    }

    pub(crate) fn optional_column(&self, name: &str) -> Option<usize> {
        self.header.iter().position(|h| h == name)
    }

    /// Reads the next row; `false` at the end of the file.
    pub(crate) fn next(&mut self, progress: &mut Reporter) -> Result<bool, ImportError> {
        let more = self
            .reader
            .read_byte_record(&mut self.record)
            .map_err(|e| ImportError::Csv {
                file: self.file.to_owned(),
                row: self.row + 1,
                message: e.to_string(),
            })?;
        if !more {
            progress.report(self.progress());
            return Ok(false);
        }
        // Rows are counted as records, not lines: a quoted title may span lines.
        self.row += 1;
        self.rows_done += 1;
        if self.record.len() != self.header.len() {
            return Err(ImportError::ColumnCount {
                file: self.file.to_owned(),
                row: self.row,
                expected: self.header.len(),
                found: self.record.len(),
            });
        }
        if self.rows_done.is_multiple_of(PROGRESS_EVERY) {
            progress.report(self.progress());
        }
        Ok(true)
    }

    fn progress(&self) -> Progress {
        Progress {
            file: self.file,
            rows_done: self.rows_done,
            bytes_done: self.reader.position().byte(),
            bytes_total: self.bytes_total,
        }
    }

    /// The current row's number (1-based, the header being row 1).
    pub(crate) fn row(&self) -> u64 {
        self.row
    }

    pub(crate) fn bytes(&self, column: usize) -> &[u8] {
        &self.record[column]
    }

    /// The cell as text; bytes that are not UTF-8 are an error naming the cell.
    pub(crate) fn text(&self, column: usize) -> Result<&str, ImportError> {
        std::str::from_utf8(&self.record[column])
            .map_err(|_| self.invalid(column, "not valid UTF-8 text"))
    }

    /// An error about the current row's cell in `column`.
    pub(crate) fn invalid(&self, column: usize, problem: impl Into<String>) -> ImportError {
        ImportError::InvalidValue {
            file: self.file.to_owned(),
            row: self.row,
            column: self.header[column].clone(),
            value: String::from_utf8_lossy(&self.record[column]).into_owned(),
            problem: problem.into(),
        }
    }

    /// The cell, lossily decoded, for messages.
    pub(crate) fn lossy(&self, column: usize) -> String {
        String::from_utf8_lossy(&self.record[column]).into_owned()
    }

    pub(crate) fn column_name(&self, column: usize) -> &str {
        &self.header[column]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_numbered_from_the_header_and_counted_as_records() {
        let data = b"a,b\n1,\"two\nlines\"\n3,4\n5\n";
        let mut table = Table::new("t.csv", data).unwrap();
        let mut reporter = Reporter::new(None);
        assert!(table.next(&mut reporter).unwrap());
        assert_eq!(table.row(), 2);
        assert_eq!(table.text(1).unwrap(), "two\nlines");
        assert!(table.next(&mut reporter).unwrap());
        assert_eq!(table.row(), 3);
        let error = table.next(&mut reporter).unwrap_err();
        assert_eq!(
            error.to_string(),
            "t.csv row 4: expected 2 columns, found 1"
        );
    }

    #[test]
    fn columns_by_name() {
        let table = Table::new("t.csv", b"\xEF\xBB\xBFx, y\n").unwrap();
        assert_eq!(table.column("x").unwrap(), 0);
        assert_eq!(table.column("y").unwrap(), 1);
        assert_eq!(
            table.column("z").unwrap_err().to_string(),
            "t.csv: no column z in the header"
        );
        assert!(matches!(
            Table::new("t.csv", b"x,x\n"),
            Err(ImportError::DuplicateColumn { .. })
        ));
    }

    #[test]
    fn progress_every_ten_thousand_rows_and_at_the_end() {
        let mut data = b"n\n".to_vec();
        for i in 0..25_000 {
            data.extend_from_slice(format!("{i}\n").as_bytes());
        }
        let mut seen = Vec::new();
        let mut callback = |p: Progress| seen.push((p.rows_done, p.bytes_done, p.bytes_total));
        {
            let mut reporter = Reporter::new(Some(&mut callback));
            let mut table = Table::new("t.csv", &data).unwrap();
            while table.next(&mut reporter).unwrap() {}
        }
        assert_eq!(seen.len(), 3);
        assert_eq!(seen[0].0, 10_000);
        assert_eq!(seen[1].0, 20_000);
        assert_eq!(seen[2], (25_000, data.len() as u64, data.len() as u64));
        assert!(seen[0].1 < seen[1].1);
    }
}
