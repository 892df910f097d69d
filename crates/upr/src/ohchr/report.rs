//! The Working Group's report on one State's review (A/HRC/59/15 for Slovenia's fourth): the
//! State under review from its title, the Working Group's session from its first paragraph
//! ("held its forty-eighth session"), and the chapter "Conclusions and/or recommendations".
//!
//! The chapter holds one paragraph or more (140.) that say what becomes of the recommendations
//! that follow ("will be examined by Slovenia", in the current cycle; "enjoy the support of",
//! "did not enjoy the support of" in the first ones), each followed by its recommendations
//! (140.1, 140.2, …). A recommendation's text runs over lines and pages until the next number;
//! the States that made it end it in parentheses. The chapter ends at the paragraph after the
//! last list ("All conclusions and/or recommendations … reflect the position…") or at the annex.

use taawun_states::Resolver;

use super::text::{self, Line, Paragraph};
use super::{OhchrError, pdf_source};
use crate::model::{Source, cycle_of_session};
use crate::upr_info::{Names, Unresolved};

/// What a paragraph before a list says of the recommendations it lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stated {
    /// "will be examined by …, which will provide responses in due time".
    ToBeExamined,
    /// "enjoy the support of …".
    Supported,
    /// "did not enjoy the support of …", "were noted".
    Noted,
    /// Nothing of these words.
    Unstated,
}

/// A paragraph of the chapter that lists recommendations, and what it says of them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Statement {
    /// Its number (140).
    pub paragraph: u32,
    pub text: String,
    pub stated: Stated,
    pub source: Source,
}

/// One recommendation as the report prints it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReportRecommendation {
    pub paragraph: Paragraph,
    /// The text without the recommending States nor the final punctuation.
    pub text: String,
    /// ISO3 codes of the States that made it, in the report's order.
    pub recommending: Vec<String>,
    /// Names in its parentheses that the resolver could not tie to one State.
    pub unresolved: Vec<String>,
    /// Where its number is.
    pub source: Source,
}

/// The report, read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WorkingGroupReport {
    pub file: String,
    /// "A/HRC/59/15".
    pub symbol: String,
    /// ISO3 of the State under review.
    pub reviewed: String,
    /// The Working Group's session.
    pub session: u32,
    pub cycle: u8,
    pub statements: Vec<Statement>,
    pub recommendations: Vec<ReportRecommendation>,
    /// Every name not resolved, with how often and where it was first met.
    pub unresolved: Vec<Unresolved>,
}

/// Reads the report from its PDF.
pub fn read(
    file: &str,
    bytes: &[u8],
    resolver: &Resolver,
) -> Result<WorkingGroupReport, OhchrError> {
    let pages = super::pdf_pages(file, bytes)?;
    parse(file, &pages, resolver)
}

/// Reads the report from its text, one string a page as `pdftotext -layout` writes them.
pub fn parse(
    file: &str,
    pages: &[String],
    resolver: &Resolver,
) -> Result<WorkingGroupReport, OhchrError> {
    let missing = |message: String| OhchrError::Missing {
        file: file.to_owned(),
        message,
    };
    let lines = text::body_lines(pages);
    if !text::has_report_title(&lines) {
        return Err(OhchrError::NotRecognised {
            file: file.to_owned(),
            message: "not a report of the Working Group on the Universal Periodic Review (its \
                      first page has no such title)"
                .into(),
        });
    }
    let symbol = text::first_symbol(pages).ok_or_else(|| {
        missing("no document symbol (A/HRC/…) at the top of the first page".into())
    })?;
    let (reviewed, _) = text::title_state(&lines, resolver).ok_or_else(|| {
        missing("no State under review under the title (a State's name the resolver knows)".into())
    })?;
    let session = session(&lines).ok_or_else(|| {
        missing("no Working Group session (\"held its … session\") in the report".into())
    })?;
    let cycle = cycle_of_session(session).ok_or_else(|| {
        missing(format!(
            "session {session} is not a Working Group session (1 to 54)"
        ))
    })?;
    let chapter = lines
        .iter()
        .rposition(|l| {
            let t = l.trimmed();
            t.ends_with("Conclusions and/or recommendations")
                && t.len() <= "Conclusions and/or recommendations".len() + 8
        })
        .ok_or_else(|| missing("no chapter \"Conclusions and/or recommendations\"".into()))?;
    let mut names = Names::default();
    let (statements, items) = chapter_items(file, &lines[chapter + 1..])?;
    if items.is_empty() {
        return Err(missing(
            "the chapter \"Conclusions and/or recommendations\" lists no recommendation".into(),
        ));
    }
    let is_state = |name: &str| text::resolves(resolver, name);
    let mut recommendations = Vec::with_capacity(items.len());
    for item in items {
        let source = pdf_source(file, item.page, item.line);
        let attributed =
            text::attribute(&item.text, &is_state).ok_or_else(|| OhchrError::Text {
                file: file.to_owned(),
                page: item.page,
                line: item.line,
                message: format!(
                    "recommendation {} does not end with its recommending States in parentheses",
                    item.paragraph
                ),
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
        recommendations.push(ReportRecommendation {
            paragraph: item.paragraph,
            text: attributed.text,
            recommending,
            unresolved,
            source,
        });
    }
    Ok(WorkingGroupReport {
        file: file.to_owned(),
        symbol,
        reviewed,
        session,
        cycle,
        statements,
        recommendations,
        unresolved: names.unresolved(),
    })
}

/// The session from the report's first paragraph: "held its forty-eighth session".
fn session(lines: &[Line]) -> Option<u32> {
    let opening = text::join_lines(lines.iter().take(200).map(|l| l.text));
    let words: Vec<&str> = opening.split_whitespace().collect();
    words.windows(3).find_map(|w| {
        (w[0] == "its" && w[2].trim_end_matches([',', '.']) == "session")
            .then(|| text::ordinal(w[1]))
            .flatten()
    })
}

/// A recommendation's lines, gathered.
struct Item {
    paragraph: Paragraph,
    page: u32,
    line: u32,
    text: String,
}

/// The chapter's statements and recommendations, from the lines after its heading.
fn chapter_items(file: &str, lines: &[Line]) -> Result<(Vec<Statement>, Vec<Item>), OhchrError> {
    let mut statements = Vec::new();
    let mut items: Vec<Item> = Vec::new();
    // The paragraph being read: (number, its lines, where it starts, its items).
    let mut chapeau: Option<(u32, Vec<&str>, (u32, u32))> = None;
    let mut chapeau_items: Vec<(Paragraph, (u32, u32), Vec<&str>)> = Vec::new();
    let mut last_chapeau: Option<u32> = None;

    let flush = |chapeau: &mut Option<(u32, Vec<&str>, (u32, u32))>,
                 chapeau_items: &mut Vec<(Paragraph, (u32, u32), Vec<&str>)>,
                 statements: &mut Vec<Statement>,
                 items: &mut Vec<Item>| {
        if let Some((number, text_lines, (page, line))) = chapeau.take()
            && !chapeau_items.is_empty()
        {
            let text = text::join_lines(text_lines);
            statements.push(Statement {
                paragraph: number,
                stated: stated(&text),
                text,
                source: pdf_source(file, page, line),
            });
            for (paragraph, (page, line), text_lines) in chapeau_items.drain(..) {
                items.push(Item {
                    paragraph,
                    page,
                    line,
                    text: text::join_lines(text_lines),
                });
            }
        }
        chapeau_items.clear();
    };

    for line in lines {
        let trimmed = line.trimmed();
        if trimmed == "Annex" || trimmed.starts_with("Annex ") || text::is_chapter_heading(trimmed)
        {
            break;
        }
        let (number, rest) = leading_number(trimmed);
        match number {
            Some(Number::Item(paragraph, rest_text))
                if chapeau.as_ref().is_some_and(|c| c.0 == paragraph.chapeau) =>
            {
                let expected = chapeau_items.last().map_or(1, |(p, _, _)| p.item + 1);
                if paragraph.item != expected {
                    return Err(OhchrError::Text {
                        file: file.to_owned(),
                        page: line.page,
                        line: line.line,
                        message: format!(
                            "recommendation {paragraph} where {}.{expected} was expected (a \
                             recommendation missed, repeated or out of order)",
                            paragraph.chapeau
                        ),
                    });
                }
                chapeau_items.push((paragraph, (line.page, line.line), vec![rest_text]));
            }
            Some(Number::Paragraph(n))
                if last_chapeau.is_none_or(|last| n == last + 1) && !rest.is_empty() =>
            {
                let had_items = !chapeau_items.is_empty();
                flush(
                    &mut chapeau,
                    &mut chapeau_items,
                    &mut statements,
                    &mut items,
                );
                if !had_items && !items.is_empty() {
                    // A numbered paragraph with no list after it, once lists were read (141.
                    // "All conclusions and/or recommendations…"): the chapter's lists have ended.
                    break;
                }
                last_chapeau = Some(n);
                chapeau = Some((n, vec![rest], (line.page, line.line)));
            }
            _ => {
                if let Some((_, _, text_lines)) = chapeau_items.last_mut() {
                    text_lines.push(trimmed);
                } else if let Some((_, text_lines, _)) = chapeau.as_mut() {
                    text_lines.push(trimmed);
                }
            }
        }
    }
    flush(
        &mut chapeau,
        &mut chapeau_items,
        &mut statements,
        &mut items,
    );
    Ok((statements, items))
}

enum Number<'a> {
    /// "140." and the text after it.
    Paragraph(u32),
    /// "140.1" and the text after it.
    Item(Paragraph, &'a str),
}

/// The number a line starts with, if it starts with a paragraph's ("140. ") or a
/// recommendation's ("140.1 "), and the rest of the line.
fn leading_number(trimmed: &str) -> (Option<Number<'_>>, &str) {
    let token_end = trimmed
        .find(|c: char| c.is_whitespace())
        .unwrap_or(trimmed.len());
    let (token, rest) = trimmed.split_at(token_end);
    let rest = rest.trim_start();
    if let Some(number) = token.strip_suffix('.').and_then(text::small_number) {
        return (Some(Number::Paragraph(number)), rest);
    }
    match token.parse::<Paragraph>() {
        Ok(paragraph) if !rest.is_empty() => (Some(Number::Item(paragraph, rest)), rest),
        _ => (None, rest),
    }
}

/// What a paragraph before a list says of the recommendations.
fn stated(text: &str) -> Stated {
    let text = text.to_lowercase();
    if text.contains("will be examined") || text.contains("will examine") {
        Stated::ToBeExamined
    } else if text.contains("did not enjoy")
        || text.contains("do not enjoy")
        || text.contains("were noted")
        || text.contains("took note")
        || text.contains("noted by")
    {
        Stated::Noted
    } else if text.contains("enjoy the support")
        || text.contains("enjoyed the support")
        || text.contains("supported by")
        || text.contains("accepted by")
    {
        Stated::Supported
    } else {
        Stated::Unstated
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(chapter: &str) -> Vec<String> {
        vec![
            "           United Nations                          A/HRC/59/15\n\
             \n\
             Human Rights Council\n\
             \n\
                      Report of the Working Group on the Universal Periodic\n\
                      Review*\n\
             \n\
                      Slovenia\n\
             \n\
             GE.25-02819 (E)    210325 210325\n"
                .to_owned(),
            "A/HRC/59/15\n\
             \n\
                   1.  The Working Group on the Universal Periodic Review held its forty-eighth\n\
                   session from 20 to 31 January 2025.\n\
             \n\
             2                                                      GE.25-02819\n"
                .to_owned(),
            format!(
                "                                                    A/HRC/59/15\n{chapter}\nGE.25-02819      3\n"
            ),
        ]
    }

    const CHAPTER: &str = "
       II. Conclusions and/or recommendations
              140. The following recommendations will be examined by Slovenia, which will
              provide responses in due time:
                     140.1    Ratify the International Convention on the Protection of the
                     Rights of All Migrant Workers (Algeria) (Cabo Verde) (Bolivarian Republic
                     of Venezuela);
                     140.2    Adopt a juvenile justice act, as foreseen by the Criminal Code
                     adopted in 2008 (Poland);
                     140.3    Implement the National Programme (2024–2028) (Venezuela
                     (Bolivarian Republic of)) (Atlantis).
              141. All conclusions and/or recommendations contained in the present report
              reflect the position of the submitting State(s).
Annex
              Composition of the delegation
";

    #[test]
    fn a_report_gives_its_state_session_and_recommendations() {
        let report = parse("wg.pdf", &report(CHAPTER), Resolver::builtin()).unwrap();
        assert_eq!(report.symbol, "A/HRC/59/15");
        assert_eq!(
            (report.reviewed.as_str(), report.session, report.cycle),
            ("SVN", 48, 4)
        );
        assert_eq!(report.statements.len(), 1);
        assert_eq!(report.statements[0].paragraph, 140);
        assert_eq!(report.statements[0].stated, Stated::ToBeExamined);
        let r = &report.recommendations;
        assert_eq!(r.len(), 3);
        assert_eq!(r[0].paragraph.to_string(), "140.1");
        assert_eq!(
            r[0].text,
            "Ratify the International Convention on the Protection of the Rights of All Migrant Workers"
        );
        assert_eq!(r[0].recommending, ["DZA", "CPV", "VEN"]);
        assert_eq!((r[0].source.page, r[0].source.line), (Some(3), 6));
        assert_eq!(r[1].recommending, ["POL"]);
        assert_eq!(r[2].text, "Implement the National Programme (2024–2028)");
        assert_eq!(r[2].recommending, ["VEN"]);
        assert_eq!(r[2].unresolved, ["Atlantis"]);
        assert_eq!(report.unresolved[0].name, "Atlantis");
    }

    #[test]
    fn a_recommendation_missed_is_an_error_with_its_place() {
        let chapter = CHAPTER.replace("140.2 ", "140.7 ");
        match parse("wg.pdf", &report(&chapter), Resolver::builtin()) {
            Err(OhchrError::Text { page, message, .. }) => {
                assert_eq!(page, 3);
                assert!(message.contains("140.7"), "{message}");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_recommendation_without_states_is_an_error() {
        let chapter = CHAPTER.replace("(Poland);", "as planned;");
        assert!(matches!(
            parse("wg.pdf", &report(&chapter), Resolver::builtin()),
            Err(OhchrError::Text { .. })
        ));
    }

    #[test]
    fn another_document_is_not_taken_for_a_report() {
        let pages = vec!["A/HRC/59/15\nNational report submitted\n".to_owned()];
        assert!(matches!(
            parse("other.pdf", &pages, Resolver::builtin()),
            Err(OhchrError::NotRecognised { .. })
        ));
        let no_chapter = report("");
        assert!(matches!(
            parse("wg.pdf", &no_chapter, Resolver::builtin()),
            Err(OhchrError::Missing { .. })
        ));
    }

    #[test]
    fn statements_say_what_becomes_of_the_recommendations() {
        assert_eq!(
            stated("The following recommendations will be examined by Slovenia"),
            Stated::ToBeExamined
        );
        assert_eq!(
            stated("The recommendations below enjoy the support of France"),
            Stated::Supported
        );
        assert_eq!(
            stated("The recommendations below did not enjoy the support of France"),
            Stated::Noted
        );
    }
}
