//! The reader of the open-sdg translation layout: `<language>/global_goals.yml`,
//! `global_targets.yml`, `global_indicators.yml`, each one flat YAML mapping of keys like
//! `16-title`, `16-short`, `16-3-title`, `16-3-1-title` to texts.
//!
//! English is the reference: every item is an English key, and a key that another language has
//! but English lacks is an error. A title missing in another language is only a warning, so that
//! a partial translation still loads.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use saphyr_parser::{Event, Parser, ScalarStyle};
use serde::{Serialize, Serializer};

use crate::code::{GoalCode, IndicatorCode, TargetCode, goal_part, indicator_part, target_part};
use crate::model::{Goal, Indicator, Language, Sdgs, Target, Titles};

/// The three files of each language's folder.
pub const FILE_NAMES: [&str; 3] = [
    "global_goals.yml",
    "global_targets.yml",
    "global_indicators.yml",
];

/// A fault that stops the reading. Each names the file (as given, relative to the folder read)
/// and, where it has one, the line (from 1).
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("reading {}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{file}: line {line}: not UTF-8")]
    NotUtf8 { file: String, line: usize },
    #[error("{file}: line {line}, column {column}: malformed YAML: {message}")]
    Yaml {
        file: String,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{file}: line {line}: {what}")]
    Structure {
        file: String,
        line: usize,
        what: String,
    },
    /// A key not well formed, or naming a target whose goal (an indicator whose target) the
    /// English files do not have.
    #[error("{file}: line {line}: `{key}`: {reason}")]
    BadKey {
        file: String,
        line: usize,
        key: String,
        reason: String,
    },
    #[error("{file}: line {line}: `{key}` again (first on line {first_line})")]
    DuplicateKey {
        file: String,
        line: usize,
        key: String,
        first_line: usize,
    },
    #[error("{file} and {other} are the same language's same file")]
    DuplicateFile { file: String, other: String },
    #[error("{file} is missing: the English files are required")]
    MissingEnglishFile { file: String },
    #[error(
        "{file}: no `{key}`, which {found_in} has on line {line}: every item needs its English title"
    )]
    MissingEnglish {
        file: String,
        key: String,
        found_in: String,
        line: usize,
    },
}

impl ReadError {
    /// The file at fault (the path, for an I/O error).
    pub fn file(&self) -> String {
        match self {
            ReadError::Io { path, .. } => path.display().to_string(),
            ReadError::NotUtf8 { file, .. }
            | ReadError::Yaml { file, .. }
            | ReadError::Structure { file, .. }
            | ReadError::BadKey { file, .. }
            | ReadError::DuplicateKey { file, .. }
            | ReadError::DuplicateFile { file, .. }
            | ReadError::MissingEnglishFile { file }
            | ReadError::MissingEnglish { file, .. } => file.clone(),
        }
    }

    /// The line at fault, where there is one.
    pub fn line(&self) -> Option<usize> {
        match self {
            ReadError::NotUtf8 { line, .. }
            | ReadError::Yaml { line, .. }
            | ReadError::Structure { line, .. }
            | ReadError::BadKey { line, .. }
            | ReadError::DuplicateKey { line, .. } => Some(*line),
            _ => None,
        }
    }
}

/// Something incomplete that does not stop the reading.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Warning {
    /// A language's file is absent: all its titles are missing.
    MissingFile { file: String, language: Language },
    /// The file lacks an item's key that the English file has.
    MissingTitle {
        file: String,
        key: String,
        language: Language,
    },
    /// The key is there with no text; the title counts as missing.
    EmptyTitle {
        file: String,
        line: usize,
        key: String,
    },
    /// A key whose field is not one the layout has (`-title`, and `-short` for goals); skipped.
    UnknownKey {
        file: String,
        line: usize,
        key: String,
    },
    /// A file given to [`read_files`] that is not `<language>/<one of FILE_NAMES>`; skipped.
    IgnoredFile { file: String },
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Warning::MissingFile { file, language } => {
                write!(f, "{file} is absent: no {} titles", language.name())
            }
            Warning::MissingTitle {
                file,
                key,
                language,
            } => write!(
                f,
                "{file}: no `{key}`: its {} title is missing",
                language.name()
            ),
            Warning::EmptyTitle { file, line, key } => {
                write!(f, "{file}: line {line}: `{key}` is empty")
            }
            Warning::UnknownKey { file, line, key } => {
                write!(
                    f,
                    "{file}: line {line}: `{key}` is not a key of this file; skipped"
                )
            }
            Warning::IgnoredFile { file } => write!(
                f,
                "{file} is not <language>/global_{{goals,targets,indicators}}.yml; skipped"
            ),
        }
    }
}

impl Serialize for Warning {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// Reads `dir/<folder>/global_{goals,targets,indicators}.yml` for the six languages (Chinese in
/// `zh-Hans`, or `zh`). Absent files are handled as [`read_files`] handles them.
pub fn read_dir(dir: impl AsRef<Path>) -> Result<Sdgs, ReadError> {
    let dir = dir.as_ref();
    let mut files = Vec::new();
    for language in Language::ALL {
        let folders: &[&str] = match language {
            Language::Zh => &["zh-Hans", "zh"],
            _ => &[language.folder()],
        };
        let Some(folder) = folders.iter().find(|f| dir.join(f).is_dir()) else {
            continue;
        };
        for name in FILE_NAMES {
            let path = dir.join(folder).join(name);
            match std::fs::read(&path) {
                Ok(bytes) => files.push((format!("{folder}/{name}"), bytes)),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(source) => return Err(ReadError::Io { path, source }),
            }
        }
    }
    read_files(&files)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    Goals,
    Targets,
    Indicators,
}

impl Kind {
    const ALL: [Kind; 3] = [Kind::Goals, Kind::Targets, Kind::Indicators];
    fn file_name(self) -> &'static str {
        FILE_NAMES[self as usize]
    }
    fn from_file_name(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.file_name() == name)
    }
}

/// An item's code as a key names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum ItemCode {
    Goal(GoalCode),
    Target(TargetCode),
    Indicator(IndicatorCode),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Field {
    Title,
    Short,
}

/// One file's entries: (code, field) → (key, line, text or None when empty).
type Entries = BTreeMap<(ItemCode, Field), Entry>;

#[derive(Clone, Debug)]
struct Entry {
    key: String,
    line: usize,
    text: Option<String>,
}

/// Reads the files of the layout given as (path relative to the layout's folder, bytes), such
/// as `("ar/global_goals.yml", …)`; any order, any subset (English is required).
pub fn read_files(files: &[(String, Vec<u8>)]) -> Result<Sdgs, ReadError> {
    let mut warnings = Vec::new();
    let mut parsed: BTreeMap<(Language, Kind), (String, Entries)> = BTreeMap::new();
    for (path, bytes) in files {
        let shown = path.replace('\\', "/");
        let shown = shown.trim_start_matches("./").to_string();
        let mut parts = shown.rsplit('/');
        let (name, folder) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
        let (Some(language), Some(kind)) =
            (Language::from_folder(folder), Kind::from_file_name(name))
        else {
            warnings.push(Warning::IgnoredFile { file: shown });
            continue;
        };
        if let Some((other, _)) = parsed.get(&(language, kind)) {
            return Err(ReadError::DuplicateFile {
                file: shown,
                other: other.clone(),
            });
        }
        let entries = parse_file(&shown, bytes, language, kind, &mut warnings)?;
        parsed.insert((language, kind), (shown, entries));
    }

    // English first: it decides what the items are.
    for kind in Kind::ALL {
        if !parsed.contains_key(&(Language::En, kind)) {
            return Err(ReadError::MissingEnglishFile {
                file: format!("{}/{}", Language::En.folder(), kind.file_name()),
            });
        }
    }
    for ((language, kind), (file, entries)) in &parsed {
        if *language == Language::En {
            continue;
        }
        let (en_file, en_entries) = &parsed[&(Language::En, *kind)];
        if let Some((_, entry)) = entries.iter().find(|(k, _)| !en_entries.contains_key(k)) {
            return Err(ReadError::MissingEnglish {
                file: en_file.clone(),
                key: entry.key.clone(),
                found_in: file.clone(),
                line: entry.line,
            });
        }
    }
    let mut missing_files = Vec::new();
    for kind in Kind::ALL {
        for language in Language::ALL {
            if !parsed.contains_key(&(language, kind)) {
                missing_files.push(Warning::MissingFile {
                    file: format!("{}/{}", language.folder(), kind.file_name()),
                    language,
                });
            }
        }
    }
    warnings.extend(missing_files);

    // Each item's titles, from each language that has its file.
    let titles_of = |kind: Kind, code: ItemCode, field: Field, warnings: &mut Vec<Warning>| {
        let mut titles = Titles::default();
        for language in Language::ALL {
            let Some((file, entries)) = parsed.get(&(language, kind)) else {
                continue;
            };
            match entries.get(&(code, field)) {
                Some(Entry { text: Some(t), .. }) => titles.set(language, t.clone()),
                // Already warned as empty.
                Some(Entry { text: None, .. }) => {}
                None => warnings.push(Warning::MissingTitle {
                    file: file.clone(),
                    key: parsed[&(Language::En, kind)].1[&(code, field)].key.clone(),
                    language,
                }),
            }
        }
        titles
    };

    let (goals_file, en_goals) = &parsed[&(Language::En, Kind::Goals)];
    let (targets_file, en_targets) = &parsed[&(Language::En, Kind::Targets)];
    let (_, en_indicators) = &parsed[&(Language::En, Kind::Indicators)];

    let mut sdgs = Sdgs::default();
    for (&(code, field), entry) in en_goals {
        let ItemCode::Goal(goal) = code else { continue };
        if field == Field::Short {
            if !en_goals.contains_key(&(code, Field::Title)) {
                return Err(ReadError::Structure {
                    file: goals_file.clone(),
                    line: entry.line,
                    what: format!(
                        "`{}` without `{goal}-title`: every goal needs its English title",
                        entry.key
                    ),
                });
            }
            continue;
        }
        let titles = titles_of(Kind::Goals, code, Field::Title, &mut warnings);
        let short_titles = if en_goals.contains_key(&(code, Field::Short)) {
            titles_of(Kind::Goals, code, Field::Short, &mut warnings)
        } else {
            Titles::default()
        };
        sdgs.goals.push(Goal {
            number: goal.number(),
            titles,
            short_titles,
        });
    }

    for (&(code, _), entry) in en_targets {
        let ItemCode::Target(target) = code else {
            continue;
        };
        if sdgs.goal(target.goal()).is_none() {
            return Err(ReadError::BadKey {
                file: targets_file.clone(),
                line: entry.line,
                key: entry.key.clone(),
                reason: format!(
                    "target {target} belongs to goal {}, which {goals_file} does not have",
                    target.goal()
                ),
            });
        }
        let titles = titles_of(Kind::Targets, code, Field::Title, &mut warnings);
        sdgs.targets.push(Target {
            code: target,
            goal: target.goal(),
            titles,
        });
    }
    let indicators_file = &parsed[&(Language::En, Kind::Indicators)].0;
    for (&(code, _), entry) in en_indicators {
        let ItemCode::Indicator(indicator) = code else {
            continue;
        };
        if sdgs.target(indicator.target()).is_none() {
            return Err(ReadError::BadKey {
                file: indicators_file.clone(),
                line: entry.line,
                key: entry.key.clone(),
                reason: format!(
                    "indicator {indicator} belongs to target {}, which {targets_file} does not have",
                    indicator.target()
                ),
            });
        }
        let titles = titles_of(Kind::Indicators, code, Field::Title, &mut warnings);
        sdgs.indicators.push(Indicator {
            code: indicator,
            target: indicator.target(),
            titles,
        });
    }
    sdgs.warnings = warnings;
    Ok(sdgs)
}

/// The line (from 1) of a byte offset.
fn line_of(bytes: &[u8], offset: usize) -> usize {
    1 + bytes[..offset.min(bytes.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
}

fn parse_file(
    file: &str,
    bytes: &[u8],
    language: Language,
    kind: Kind,
    warnings: &mut Vec<Warning>,
) -> Result<Entries, ReadError> {
    let text = std::str::from_utf8(bytes).map_err(|e| ReadError::NotUtf8 {
        file: file.to_string(),
        line: line_of(bytes, e.valid_up_to()),
    })?;
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let pairs = flat_mapping(file, text)?;
    let mut entries = Entries::new();
    for (key, line, value) in pairs {
        let bad = |reason: String| ReadError::BadKey {
            file: file.to_string(),
            line,
            key: key.clone(),
            reason,
        };
        let Some((code, field)) = parse_key(&key, kind).map_err(bad)? else {
            warnings.push(Warning::UnknownKey {
                file: file.to_string(),
                line,
                key,
            });
            continue;
        };
        if let Some(first) = entries.get(&(code, field)) {
            return Err(ReadError::DuplicateKey {
                file: file.to_string(),
                line,
                key,
                first_line: first.line,
            });
        }
        let text = value.map(|v| clean(&v, language)).filter(|t| !t.is_empty());
        if text.is_none() && language == Language::En {
            return Err(ReadError::Structure {
                file: file.to_string(),
                line,
                what: format!("`{key}` is empty: every item needs its English title"),
            });
        }
        if text.is_none() {
            warnings.push(Warning::EmptyTitle {
                file: file.to_string(),
                line,
                key: key.clone(),
            });
        }
        entries.insert((code, field), Entry { key, line, text });
    }
    Ok(entries)
}

/// A key's item and field: `Ok(None)` for a field this file does not have (a warning), an error
/// for a code that is not well formed or not of this file's kind.
fn parse_key(key: &str, kind: Kind) -> Result<Option<(ItemCode, Field)>, String> {
    let Some((code, field)) = key.rsplit_once('-') else {
        return Err("not a key like `16-title`, `16-3-title` or `16-3-1-title`".into());
    };
    let field = match (field, kind) {
        ("title", _) => Field::Title,
        ("short", Kind::Goals) => Field::Short,
        _ => return Ok(None),
    };
    let parts: Vec<&str> = code.split('-').collect();
    let expected = match kind {
        Kind::Goals => "a goal's number, as in `16-title`",
        Kind::Targets => "a target's code, as in `16-3-title` or `16-a-title`",
        Kind::Indicators => "an indicator's code, as in `16-3-1-title`",
    };
    let want = kind as usize + 1;
    if parts.len() != want {
        return Err(format!(
            "{} part(s) before `-{}`; this file's keys have {expected}",
            parts.len(),
            key.rsplit_once('-').map_or("", |(_, f)| f)
        ));
    }
    let goal = goal_part(parts[0])
        .ok_or_else(|| format!("`{}` is not a goal (the goals are 1 to 17)", parts[0]))?;
    if kind == Kind::Goals {
        return Ok(Some((ItemCode::Goal(goal), field)));
    }
    let target = TargetCode::new(
        goal,
        target_part(parts[1]).ok_or_else(|| {
            format!(
                "`{}` is not a target (a number from 1 or one lower-case letter)",
                parts[1]
            )
        })?,
    );
    if parts[1].chars().any(|c| c.is_ascii_uppercase()) {
        return Err(format!("`{}`: target letters are lower case", parts[1]));
    }
    if kind == Kind::Targets {
        return Ok(Some((ItemCode::Target(target), field)));
    }
    let indicator = indicator_part(target, parts[2])
        .ok_or_else(|| format!("`{}` is not an indicator's number", parts[2]))?;
    Ok(Some((ItemCode::Indicator(indicator), field)))
}

/// Whitespace trimmed and runs of it made one space (the files wrap long titles and some end
/// with a space). In Arabic, tatweel (U+0640, kashida) is removed: it is a typographic
/// elongation of the line between letters, not a letter, and a title written `النـزاعات` must
/// compare, search and sort as `النزاعات`.
fn clean(text: &str, language: Language) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        if language == Language::Ar {
            out.extend(word.chars().filter(|&c| c != '\u{0640}'));
        } else {
            out.push_str(word);
        }
    }
    // A word that was only tatweel leaves a double or trailing space.
    if language == Language::Ar && (out.contains("  ") || out.ends_with(' ')) {
        return out.split_whitespace().collect::<Vec<_>>().join(" ");
    }
    out
}

/// The file's one mapping of text keys to text values: (key, line, value or None if null).
fn flat_mapping(file: &str, text: &str) -> Result<Vec<(String, usize, Option<String>)>, ReadError> {
    let structure = |line: usize, what: &str| ReadError::Structure {
        file: file.to_string(),
        line,
        what: what.to_string(),
    };
    let mut pairs = Vec::new();
    let mut documents = 0;
    let mut depth = 0usize;
    let mut pending_key: Option<(String, usize)> = None;
    for event in Parser::new_from_str(text) {
        let (event, span) = event.map_err(|e| ReadError::Yaml {
            file: file.to_string(),
            line: e.marker().line(),
            column: e.marker().col() + 1,
            message: e.info().to_string(),
        })?;
        let line = span.start.line();
        match event {
            Event::StreamStart | Event::StreamEnd | Event::DocumentEnd | Event::Nothing => {}
            Event::DocumentStart(_) => {
                documents += 1;
                if documents > 1 {
                    return Err(structure(
                        line,
                        "a second YAML document; expected one mapping",
                    ));
                }
            }
            Event::MappingStart(..) if depth == 0 => depth = 1,
            Event::MappingEnd if depth == 1 => depth = 0,
            Event::Scalar(value, style, _, _) if depth == 1 => match pending_key.take() {
                None => pending_key = Some((value.into_owned(), line)),
                Some((key, key_line)) => {
                    let null = style == ScalarStyle::Plain
                        && matches!(value.as_ref(), "" | "~" | "null" | "Null" | "NULL");
                    pairs.push((key, key_line, (!null).then(|| value.into_owned())));
                }
            },
            Event::Scalar(..) if depth == 0 => {
                // A document that is one text, or an empty one (`~`).
                return Err(structure(
                    line,
                    "expected a mapping of keys like `16-3-title` to texts, found a single value",
                ));
            }
            Event::SequenceStart(..) if depth == 0 => {
                return Err(structure(
                    line,
                    "expected a mapping of keys like `16-3-title` to texts, found a list",
                ));
            }
            Event::Alias(_) => {
                return Err(structure(
                    line,
                    "an alias (`*name`): titles are written out",
                ));
            }
            Event::MappingStart(..) | Event::SequenceStart(..) => {
                return Err(match pending_key {
                    Some((key, _)) => ReadError::BadKey {
                        file: file.to_string(),
                        line,
                        key,
                        reason: "the value is a list or mapping, not a text".into(),
                    },
                    None => structure(line, "a key that is a list or mapping"),
                });
            }
            // Unreachable after the errors above, whose nesting never goes deeper.
            Event::MappingEnd | Event::SequenceEnd | Event::Scalar(..) => {
                return Err(structure(line, "unexpected nesting"));
            }
        }
    }
    Ok(pairs)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(list: &[(&str, &str)]) -> Vec<(String, Vec<u8>)> {
        list.iter()
            .map(|(p, t)| (p.to_string(), t.as_bytes().to_vec()))
            .collect()
    }

    const EN_GOALS: &str = "1-short: No poverty\n1-title: End poverty\n16-short: Peace\n16-title: Promote\n  peaceful societies\n";
    const EN_TARGETS: &str = "1-1-title: Eradicate extreme poverty\n16-a-title: Strengthen institutions\n16-3-title: Rule of law\n";
    const EN_INDICATORS: &str =
        "16-3-1-title: Victims reporting\n1-1-1-title: Below the poverty line\n";

    fn english() -> Vec<(String, Vec<u8>)> {
        files(&[
            ("en/global_goals.yml", EN_GOALS),
            ("en/global_targets.yml", EN_TARGETS),
            ("en/global_indicators.yml", EN_INDICATORS),
        ])
    }

    #[test]
    fn reads_sorts_and_folds() {
        let mut input = english();
        input.extend(files(&[(
            "ar/global_targets.yml",
            "16-3-title: 'سيادة القانون والنـزاعات '\n1-1-title: القضاء على الفقر\n16-a-title: المؤسسات\n",
        )]));
        let sdgs = read_files(&input).unwrap();
        assert_eq!(sdgs.goals.len(), 2);
        assert_eq!(sdgs.goals[1].titles.en(), "Promote peaceful societies");
        assert_eq!(sdgs.goals[0].short_titles.en(), "No poverty");
        let codes: Vec<String> = sdgs.targets.iter().map(|t| t.code.to_string()).collect();
        assert_eq!(codes, ["1.1", "16.3", "16.a"]);
        let t = sdgs.target("16.3".parse().unwrap()).unwrap();
        assert_eq!(t.titles.get(Language::Ar), Some("سيادة القانون والنزاعات"));
        assert_eq!(sdgs.indicators[0].code.to_string(), "1.1.1");
        // Five languages lack every file but Arabic targets: one warning per absent file.
        assert!(sdgs.warnings.contains(&Warning::MissingFile {
            file: "zh-Hans/global_goals.yml".into(),
            language: Language::Zh
        }));
        assert_eq!(
            sdgs.warnings
                .iter()
                .filter(|w| matches!(w, Warning::MissingFile { .. }))
                .count(),
            14
        );
    }

    #[test]
    fn a_missing_translation_is_a_warning_naming_file_and_key() {
        let mut input = english();
        input.extend(files(&[(
            "fr/global_targets.yml",
            "1-1-title: Éliminer\n16-a-title: Renforcer\n16-3-title: ''\n",
        )]));
        let sdgs = read_files(&input).unwrap();
        let shown: Vec<String> = sdgs.warnings.iter().map(|w| w.to_string()).collect();
        assert!(
            shown.contains(&"fr/global_targets.yml: line 3: `16-3-title` is empty".to_string()),
            "{shown:?}"
        );
        let mut input = english();
        input.extend(files(&[(
            "fr/global_targets.yml",
            "1-1-title: Éliminer\n16-a-title: Renforcer\n",
        )]));
        let sdgs = read_files(&input).unwrap();
        assert!(sdgs.warnings.contains(&Warning::MissingTitle {
            file: "fr/global_targets.yml".into(),
            key: "16-3-title".into(),
            language: Language::Fr
        }));
        assert_eq!(
            sdgs.target("16.3".parse().unwrap())
                .unwrap()
                .titles
                .missing(),
            Language::ALL
                .into_iter()
                .filter(|&l| l != Language::En)
                .collect::<Vec<_>>()
        );
    }

    #[test]
    fn english_is_required() {
        let mut input = english();
        input.remove(1);
        assert_eq!(
            read_files(&input).unwrap_err().to_string(),
            "en/global_targets.yml is missing: the English files are required"
        );
        let mut input = english();
        input.extend(files(&[(
            "es/global_targets.yml",
            "1-1-title: x\n1-2-title: y\n",
        )]));
        assert_eq!(
            read_files(&input).unwrap_err().to_string(),
            "en/global_targets.yml: no `1-2-title`, which es/global_targets.yml has on line 2: every item needs its English title"
        );
    }

    #[test]
    fn faults_name_file_and_line() {
        let with = |path: &str, text: &str| {
            let mut input: Vec<_> = english().into_iter().filter(|(p, _)| p != path).collect();
            input.extend(files(&[(path, text)]));
            read_files(&input).unwrap_err().to_string()
        };
        let e = with("en/global_targets.yml", "1-1-title: a\n16-3-title: 'open\n");
        assert!(
            e.starts_with("en/global_targets.yml: line 2, column"),
            "{e}"
        );
        assert!(e.contains("malformed YAML"), "{e}");
        let e = with("en/global_targets.yml", "1-1-title: a\n18-1-title: b\n");
        assert_eq!(
            e,
            "en/global_targets.yml: line 2: `18-1-title`: `18` is not a goal (the goals are 1 to 17)"
        );
        let e = with(
            "en/global_targets.yml",
            "1-1-title: a\n16-1-title: b\n2-1-title: c\n",
        );
        assert_eq!(
            e,
            "en/global_targets.yml: line 3: `2-1-title`: target 2.1 belongs to goal 2, which en/global_goals.yml does not have"
        );
        let e = with(
            "en/global_indicators.yml",
            "1-1-1-title: a\n1-2-1-title: b\n",
        );
        assert!(e.contains("indicator 1.2.1 belongs to target 1.2"), "{e}");
        let e = with("en/global_targets.yml", "1-1-title: a\n1-1-title: b\n");
        assert_eq!(
            e,
            "en/global_targets.yml: line 2: `1-1-title` again (first on line 1)"
        );
        let e = with("en/global_targets.yml", "1-1-title: a\n16-3-title: ~\n");
        assert_eq!(
            e,
            "en/global_targets.yml: line 2: `16-3-title` is empty: every item needs its English title"
        );
        let e = with("en/global_targets.yml", "1-1-title: [a, b]\n");
        assert!(
            e.contains("line 1: `1-1-title`: the value is a list"),
            "{e}"
        );
        let e = with("en/global_targets.yml", "- 1-1-title\n");
        assert!(e.contains("found a list"), "{e}");
        let e = with("en/global_targets.yml", "1-title: a\n");
        assert!(e.contains("`1-title`: 1 part(s) before `-title`"), "{e}");
        let e = with("en/global_targets.yml", "1-A-title: a\n");
        assert!(e.contains("lower case"), "{e}");
        let mut input = english();
        input.push(("ru/global_goals.yml".into(), b"1-title: \xff\n".to_vec()));
        assert_eq!(
            read_files(&input).unwrap_err().to_string(),
            "ru/global_goals.yml: line 1: not UTF-8"
        );
    }

    #[test]
    fn unknown_keys_and_files_are_skipped_with_a_warning() {
        let mut input = english();
        input.extend(files(&[("en/extra.yml", "x: y"), ("README.md", "hello")]));
        input[0].1.extend_from_slice(b"1-long: something\n");
        let sdgs = read_files(&input).unwrap();
        let shown: Vec<String> = sdgs.warnings.iter().map(|w| w.to_string()).collect();
        assert!(
            shown
                .iter()
                .any(|w| w.starts_with("en/global_goals.yml: line 6: `1-long`")),
            "{shown:?}"
        );
        assert!(shown.iter().any(|w| w.starts_with("en/extra.yml is not")));
        assert!(shown.iter().any(|w| w.starts_with("README.md is not")));
    }

    #[test]
    fn chinese_as_zh_or_zh_hans_but_not_both() {
        let mut input = english();
        input.extend(files(&[("zh/global_goals.yml", "1-title: 消除贫困\n")]));
        let sdgs = read_files(&input).unwrap();
        assert_eq!(
            sdgs.goal(1).unwrap().titles.get(Language::Zh),
            Some("消除贫困")
        );
        input.extend(files(&[(
            "zh-Hans/global_goals.yml",
            "1-title: 消除贫困\n",
        )]));
        assert!(matches!(
            read_files(&input),
            Err(ReadError::DuplicateFile { .. })
        ));
    }
}
