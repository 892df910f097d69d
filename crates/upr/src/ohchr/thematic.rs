//! OHCHR's thematic list of one review's recommendations: a Word document (`.docx`) holding one
//! table, its rows grouped under theme rows ("Theme: Racial discrimination").
//!
//! The columns are found by their header cells, which differ between cycles: "Recommendation"
//! or "Recommendation and recommending State"; "Position" or "Position of the State under
//! review"; "Full list of themes" or "Human rights themes and groups of persons"; "Relevant
//! SDGs" (fourth cycle); "Assessment/comments on level of implementation" (second and third). A
//! recommendation's cell holds its number and text ending with its States, then "Source of
//! position: A/HRC/…"; the themes' cell lists the themes, then under "Affected persons:" or
//! "Groups of Persons:" the persons concerned and, in the third cycle, under "SDGs:" the goals.
//! The document's header names the review: "UPR of Slovenia (4th Cycle - 48th Session)".

use std::io::Read;

use roxmltree::{Document, Node};
use taawun_states::Resolver;

use super::OhchrError;
use super::text::{self, Paragraph};
use crate::model::{Response, Source, cycle_of_session};
use crate::upr_info::{Names, Unresolved};

/// The largest part of a `.docx` read (its `document.xml`): 64 MiB, far above a list's few MB.
pub const MAX_PART_BYTES: u64 = 64 * 1024 * 1024;

/// One row of the list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ThematicRow {
    pub paragraph: Paragraph,
    pub text: String,
    /// ISO3 codes of the recommending States.
    pub recommending: Vec<String>,
    pub unresolved: Vec<String>,
    pub response: Option<Response>,
    /// "A/HRC/59/15/Add.1 - Para.3", as written.
    pub position_source: Option<String>,
    /// The theme row it stands under.
    pub heading: Option<String>,
    pub themes: Vec<String>,
    pub groups: Vec<String>,
    /// "16", "16.3".
    pub sdgs: Vec<String>,
    pub assessment: Option<String>,
    /// The file and the table row (from 1, the header row included).
    pub source: Source,
}

/// The list, read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ThematicList {
    pub file: String,
    /// ISO3 of the State under review, from the document's header, if it names it.
    pub reviewed: Option<String>,
    pub session: Option<u32>,
    pub cycle: Option<u8>,
    pub rows: Vec<ThematicRow>,
    pub unresolved: Vec<Unresolved>,
}

/// The columns read, by their header.
#[derive(Default)]
struct Columns {
    recommendation: usize,
    position: usize,
    themes: Option<usize>,
    sdgs: Option<usize>,
    assessment: Option<usize>,
}

impl Columns {
    /// The columns from a header row's cells' texts, when it has a recommendation and a
    /// position column.
    fn from_header(cells: &[String]) -> Option<Columns> {
        let find = |test: &dyn Fn(&str) -> bool| cells.iter().position(|c| test(&c.to_lowercase()));
        Some(Columns {
            recommendation: find(&|c| c.starts_with("recommendation"))?,
            position: find(&|c| c.contains("position"))?,
            themes: find(&|c| c.contains("theme")),
            sdgs: find(&|c| c.contains("sdg") && !c.contains("theme")),
            assessment: find(&|c| c.contains("assessment") || c.contains("implementation")),
        })
    }
}

/// Reads the list from the `.docx` file's bytes.
pub fn read(file: &str, bytes: &[u8], resolver: &Resolver) -> Result<ThematicList, OhchrError> {
    let docx = |message: String| OhchrError::Docx {
        file: file.to_owned(),
        message,
    };
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| docx(format!("not a zip archive: {e}")))?;
    let document = part(&mut archive, "word/document.xml")
        .map_err(docx)?
        .ok_or_else(|| docx("no word/document.xml in the archive".into()))?;
    let mut headers = String::new();
    for name in archive
        .file_names()
        .filter_map(Result::ok)
        .map(|n| n.into_owned())
        .filter(|n| n.starts_with("word/header") && n.ends_with(".xml"))
        .collect::<Vec<_>>()
    {
        if let Some(xml) = part(&mut archive, &name).map_err(docx)?
            && let Ok(doc) = Document::parse(&xml)
        {
            headers.push_str(&all_text(doc.root_element()));
            headers.push(' ');
        }
    }
    parse(file, &document, &headers, resolver)
}

/// A part of the archive as text, or None when it has no such part.
fn part<R: Read + std::io::Seek>(
    archive: &mut zip::ZipArchive<R>,
    name: &str,
) -> Result<Option<String>, String> {
    let entry = match archive.by_name(name) {
        Ok(entry) => entry,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(format!("{name}: {e}")),
    };
    let mut bytes = Vec::new();
    entry
        .take(MAX_PART_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("{name}: {e}"))?;
    if bytes.len() as u64 > MAX_PART_BYTES {
        return Err(format!("{name} is larger than {MAX_PART_BYTES} bytes"));
    }
    String::from_utf8(bytes)
        .map(Some)
        .map_err(|_| format!("{name} is not UTF-8 text"))
}

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

fn is_w(node: Node, name: &str) -> bool {
    node.is_element() && node.tag_name().name() == name && node.tag_name().namespace() == Some(W)
}

/// A paragraph's text: its runs' texts, a tab or a line break as a space, a non-breaking hyphen
/// as a hyphen; deleted text (tracked changes) left out.
fn paragraph_text(p: Node) -> String {
    let mut text = String::new();
    for node in p.descendants() {
        if is_w(node, "t") {
            text.push_str(node.text().unwrap_or(""));
        } else if is_w(node, "tab") || is_w(node, "br") || is_w(node, "cr") {
            text.push(' ');
        } else if is_w(node, "noBreakHyphen") {
            text.push('-');
        }
    }
    text
}

/// Every `w:t` of a part, for its header.
fn all_text(node: Node) -> String {
    node.descendants()
        .filter(|n| is_w(*n, "t"))
        .filter_map(|n| n.text())
        .collect::<Vec<_>>()
        .join("")
}

/// A cell: its paragraphs' texts, trimmed, empty ones left out.
fn cell_paragraphs(tc: Node) -> Vec<String> {
    tc.descendants()
        .filter(|n| is_w(*n, "p"))
        .map(|p| text::collapse_spaces(&paragraph_text(p)))
        .filter(|t| !t.is_empty())
        .collect()
}

/// Reads the list from its `word/document.xml` and its headers' text.
pub fn parse(
    file: &str,
    document_xml: &str,
    headers: &str,
    resolver: &Resolver,
) -> Result<ThematicList, OhchrError> {
    let doc = Document::parse(document_xml).map_err(|e| OhchrError::Docx {
        file: file.to_owned(),
        message: format!("word/document.xml: {e}"),
    })?;
    let tables = doc.descendants().filter(|n| is_w(*n, "tbl"));
    let mut found = None;
    for table in tables {
        let rows: Vec<Node> = table.children().filter(|n| is_w(*n, "tr")).collect();
        // The header is the table's first row with text.
        let header = rows.iter().enumerate().find_map(|(i, tr)| {
            let cells: Vec<String> = tr
                .children()
                .filter(|n| is_w(*n, "tc"))
                .map(|tc| cell_paragraphs(tc).join(" "))
                .collect();
            cells.iter().any(|c| !c.is_empty()).then_some((i, cells))
        });
        if let Some((i, cells)) = header
            && let Some(columns) = Columns::from_header(&cells)
        {
            found = Some((rows, i, columns, cells));
            break;
        }
    }
    let Some((rows, header_row, columns, header_cells)) = found else {
        return Err(OhchrError::NoTable {
            file: file.to_owned(),
        });
    };
    let column_name = |i: usize| header_cells.get(i).cloned().unwrap_or_default();
    let is_state = |name: &str| text::resolves(resolver, name);
    let mut names = Names::default();
    let mut heading: Option<String> = None;
    let mut read_rows = Vec::new();
    for (i, tr) in rows.iter().enumerate().skip(header_row + 1) {
        let row = i as u32 + 1;
        let cells: Vec<Vec<String>> = tr
            .children()
            .filter(|n| is_w(*n, "tc"))
            .map(cell_paragraphs)
            .collect();
        let cell_error = |column: usize, message: String| OhchrError::Cell {
            file: file.to_owned(),
            row,
            column: column_name(column),
            message,
        };
        // A theme row spans the table: "Theme: …".
        let filled: Vec<&Vec<String>> = cells.iter().filter(|c| !c.is_empty()).collect();
        if filled.is_empty() {
            continue;
        }
        let theme_row = filled.len() == 1 && filled[0].join(" ").starts_with("Theme:");
        if cells.len() == 1 || theme_row {
            let title = filled[0].join(" ");
            heading = Some(
                title
                    .strip_prefix("Theme:")
                    .unwrap_or(&title)
                    .trim()
                    .to_owned(),
            );
            continue;
        }
        let recommendation = cells
            .get(columns.recommendation)
            .cloned()
            .unwrap_or_default();
        let (position_source, text_parts): (Vec<&String>, Vec<&String>) = recommendation
            .iter()
            .partition(|p| p.to_lowercase().starts_with("source of position"));
        let raw = text_parts
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        let (number, rest) = raw.split_once(' ').unwrap_or((raw.as_str(), ""));
        let paragraph: Paragraph = number.parse().map_err(|()| {
            cell_error(
                columns.recommendation,
                format!(
                    "{:?} does not start with the recommendation's number (as 140.1)",
                    shorten(&raw)
                ),
            )
        })?;
        let source = Source {
            file: file.to_owned(),
            line: u64::from(row),
            page: None,
        };
        let attributed = text::attribute(rest, &is_state).ok_or_else(|| {
            cell_error(
                columns.recommendation,
                format!("recommendation {paragraph} does not end with its recommending States in parentheses"),
            )
        })?;
        let mut recommending = Vec::new();
        let mut unresolved = Vec::new();
        for name in attributed.names {
            match names.resolve(&name, &source, resolver) {
                Some(code) if !recommending.contains(&code) => recommending.push(code),
                Some(_) => {}
                None => unresolved.push(name),
            }
        }
        let position = cells
            .get(columns.position)
            .map(|c| c.join(" "))
            .unwrap_or_default();
        let response = match position.trim().to_lowercase().as_str() {
            "" => None,
            "supported" | "accepted" => Some(Response::Supported),
            "noted" => Some(Response::Noted),
            other => {
                return Err(cell_error(
                    columns.position,
                    format!("{other:?} is not a position (Supported or Noted)"),
                ));
            }
        };
        let mut themes = Vec::new();
        let mut groups = Vec::new();
        let mut sdgs = Vec::new();
        if let Some(column) = columns.themes {
            let lines = cells.get(column).cloned().unwrap_or_default();
            read_themes(&lines, &mut themes, &mut groups, &mut sdgs)
                .map_err(|m| cell_error(column, m))?;
        }
        if let Some(column) = columns.sdgs {
            for line in cells.get(column).into_iter().flatten() {
                let code = sdg_code(line).map_err(|m| cell_error(column, m))?;
                if !sdgs.contains(&code) {
                    sdgs.push(code);
                }
            }
        }
        let assessment = columns
            .assessment
            .and_then(|c| cells.get(c))
            .map(|c| c.join("\n"))
            .filter(|a| !a.trim().is_empty());
        read_rows.push(ThematicRow {
            paragraph,
            text: attributed.text,
            recommending,
            unresolved,
            response,
            position_source: position_source.first().map(|s| {
                s.split_once(':')
                    .map_or(s.as_str(), |(_, v)| v)
                    .trim()
                    .to_owned()
            }),
            heading: heading.clone(),
            themes,
            groups,
            sdgs,
            assessment,
            source,
        });
    }
    let (reviewed, session) = review_of(headers, resolver);
    Ok(ThematicList {
        file: file.to_owned(),
        reviewed,
        session,
        cycle: session.and_then(cycle_of_session),
        rows: read_rows,
        unresolved: names.unresolved(),
    })
}

fn shorten(text: &str) -> String {
    text.chars().take(60).collect()
}

/// The themes' cell: themes first, then the labelled lists ("Affected persons:", "Groups of
/// Persons:", "SDGs:"), each item on its paragraph, with or without a leading "- ".
fn read_themes(
    lines: &[String],
    themes: &mut Vec<String>,
    groups: &mut Vec<String>,
    sdgs: &mut Vec<String>,
) -> Result<(), String> {
    #[derive(PartialEq)]
    enum List {
        Themes,
        Groups,
        Sdgs,
    }
    let mut list = List::Themes;
    for line in lines {
        let lower = line.to_lowercase();
        if lower.ends_with(':') {
            list = if lower.contains("sdg") {
                List::Sdgs
            } else if lower.contains("person") || lower.contains("group") {
                List::Groups
            } else {
                List::Themes
            };
            continue;
        }
        let item = line.strip_prefix("- ").unwrap_or(line).trim().to_owned();
        if item.is_empty() || item == "-" {
            continue;
        }
        match list {
            List::Themes => push_new(themes, item),
            List::Groups => push_new(groups, item),
            List::Sdgs => push_new(sdgs, sdg_code(line)?),
        }
    }
    Ok(())
}

fn push_new(list: &mut Vec<String>, item: String) {
    if !list.contains(&item) {
        list.push(item);
    }
}

/// "- 16 - PEACE, JUSTICE AND STRONG INSTITUTIONS" → "16"; "16.3 - …" → "16.3". Goals are 1-17;
/// a target's part is one to two digits or a letter ("16.a").
fn sdg_code(line: &str) -> Result<String, String> {
    let code = line
        .trim()
        .trim_start_matches('-')
        .trim()
        .split(|c: char| c.is_whitespace() || c == '-' || c == '–')
        .next()
        .unwrap_or("")
        .trim_end_matches('.');
    let (goal, target) = match code.split_once('.') {
        Some((goal, target)) => (goal, Some(target)),
        None => (code, None),
    };
    let goal_ok = text::small_number(goal).is_some_and(|g| (1..=17).contains(&g));
    let target_ok = target.is_none_or(|t| {
        (1..=2).contains(&t.len())
            && t.chars()
                .all(|c| c.is_ascii_digit() || c.is_ascii_lowercase())
    });
    if goal_ok && target_ok {
        Ok(code.to_owned())
    } else {
        Err(format!(
            "{:?} is not a Sustainable Development Goal (1 to 17) or one of its targets",
            shorten(line)
        ))
    }
}

/// "UPR of Slovenia (4th Cycle - 48th Session)" in the document's header: the State and the
/// session.
fn review_of(headers: &str, resolver: &Resolver) -> (Option<String>, Option<u32>) {
    let Some(start) = headers.find("UPR of ") else {
        return (None, None);
    };
    let rest = &headers[start + "UPR of ".len()..];
    let Some(open) = rest.find('(') else {
        return (None, None);
    };
    let state = rest[..open].trim();
    let reviewed = text::resolves(resolver, state)
        .then(|| resolver.resolve(state).iso3.map(str::to_owned))
        .flatten();
    let inside = rest[open + 1..].split(')').next().unwrap_or("");
    let session = inside
        .split(|c: char| !c.is_alphanumeric())
        .collect::<Vec<_>>()
        .windows(2)
        .find_map(|w| {
            (w[1].eq_ignore_ascii_case("session"))
                .then(|| text::small_number(w[0].trim_end_matches(|c: char| c.is_alphabetic())))
                .flatten()
        });
    (reviewed, session)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(paragraphs: &[&str]) -> String {
        let ps: String = paragraphs
            .iter()
            .map(|p| format!("<w:p><w:r><w:t xml:space=\"preserve\">{p}</w:t></w:r></w:p>"))
            .collect();
        format!("<w:tc>{ps}</w:tc>")
    }

    fn document(rows: &[Vec<String>]) -> String {
        let rows: String = rows
            .iter()
            .map(|cells| format!("<w:tr>{}</w:tr>", cells.concat()))
            .collect();
        format!("<w:document xmlns:w=\"{W}\"><w:body><w:tbl>{rows}</w:tbl></w:body></w:document>")
    }

    fn fourth_cycle() -> String {
        document(&[
            vec![
                cell(&["Recommendation and recommending State"]),
                cell(&["Position of the State under review"]),
                cell(&["Human rights themes and groups of persons"]),
                cell(&["Relevant SDGs"]),
            ],
            vec![cell(&["Theme: Racial discrimination"])],
            vec![
                cell(&[
                    "140.7 Ratify the Optional Protocol (Maldives) (Portugal);",
                    "Source of Position: A/HRC/59/15/Add.1 - Para.3",
                ]),
                cell(&["Supported"]),
                cell(&[
                    "- Racial discrimination",
                    "Groups of Persons:",
                    "- Public officials",
                ]),
                cell(&["- 1 - NO POVERTY", "- 16.3 - ACCESS TO JUSTICE"]),
            ],
        ])
    }

    #[test]
    fn a_row_gives_its_text_states_position_themes_and_goals() {
        let list = parse(
            "list.docx",
            &fourth_cycle(),
            "UPR of Slovenia (4th Cycle - 48th Session)Thematic list",
            Resolver::builtin(),
        )
        .unwrap();
        assert_eq!(
            (list.reviewed.as_deref(), list.session, list.cycle),
            (Some("SVN"), Some(48), Some(4))
        );
        let row = &list.rows[0];
        assert_eq!(row.paragraph.to_string(), "140.7");
        assert_eq!(row.text, "Ratify the Optional Protocol");
        assert_eq!(row.recommending, ["MDV", "PRT"]);
        assert_eq!(row.response, Some(Response::Supported));
        assert_eq!(
            row.position_source.as_deref(),
            Some("A/HRC/59/15/Add.1 - Para.3")
        );
        assert_eq!(row.heading.as_deref(), Some("Racial discrimination"));
        assert_eq!(row.themes, ["Racial discrimination"]);
        assert_eq!(row.groups, ["Public officials"]);
        assert_eq!(row.sdgs, ["1", "16.3"]);
        assert_eq!(row.source.line, 3);
    }

    #[test]
    fn the_third_cycle_lists_goals_among_the_themes() {
        let doc = document(&[
            vec![
                cell(&["Recommendation"]),
                cell(&["Position"]),
                cell(&["Full list of themes"]),
                cell(&["Assessment/comments on level of implementation"]),
            ],
            vec![
                cell(&[
                    "121.2 Complete the process (Ukraine); Increase efforts (Slovakia);",
                    "Source of Position: A/HRC/43/15 - Para 121",
                ]),
                cell(&["Noted"]),
                cell(&[
                    "- Acceptance of international norms",
                    "SDGs:",
                    "- 16 - PEACE, JUSTICE AND STRONG INSTITUTIONS",
                    "Affected persons:",
                    "- Disappeared persons",
                ]),
                cell(&["Partly implemented"]),
            ],
        ]);
        let list = parse("c3.docx", &doc, "", Resolver::builtin()).unwrap();
        let row = &list.rows[0];
        assert_eq!(row.text, "Complete the process; Increase efforts");
        assert_eq!(row.recommending, ["UKR", "SVK"]);
        assert_eq!(row.response, Some(Response::Noted));
        assert_eq!(row.sdgs, ["16"]);
        assert_eq!(row.groups, ["Disappeared persons"]);
        assert_eq!(row.assessment.as_deref(), Some("Partly implemented"));
        assert_eq!(list.session, None);
    }

    #[test]
    fn bad_cells_name_their_row_and_column() {
        let doc = fourth_cycle().replace(">Supported<", ">Perhaps<");
        match parse("list.docx", &doc, "", Resolver::builtin()) {
            Err(OhchrError::Cell { row, column, .. }) => {
                assert_eq!(
                    (row, column.as_str()),
                    (3, "Position of the State under review")
                );
            }
            other => panic!("{other:?}"),
        }
        let doc = fourth_cycle().replace("16.3 - ACCESS", "19 - ACCESS");
        assert!(matches!(
            parse("list.docx", &doc, "", Resolver::builtin()),
            Err(OhchrError::Cell { .. })
        ));
        let doc = fourth_cycle().replace("140.7 Ratify", "Ratify");
        assert!(matches!(
            parse("list.docx", &doc, "", Resolver::builtin()),
            Err(OhchrError::Cell { .. })
        ));
    }

    #[test]
    fn a_document_without_the_table_is_named() {
        let doc = format!(
            "<w:document xmlns:w=\"{W}\"><w:body><w:p><w:r><w:t>Hello</w:t></w:r></w:p></w:body></w:document>"
        );
        assert_eq!(
            parse("memo.docx", &doc, "", Resolver::builtin()),
            Err(OhchrError::NoTable {
                file: "memo.docx".into()
            })
        );
        assert!(matches!(
            read("memo.docx", b"not a zip", Resolver::builtin()),
            Err(OhchrError::Docx { .. })
        ));
    }
}
