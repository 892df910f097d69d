//! Categories (colour + pattern), their `<pattern>` definitions and the legend shared by the
//! map and the bar chart.

use std::fmt::Write as _;

use crate::error::SpecError;
use crate::svg::{self, Align};

/// The reading direction of the page the chart is drawn for.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum Dir {
    #[default]
    Ltr,
    Rtl,
}

/// The texture drawn over a category's colour, so that the chart reads without colour (printed
/// in black and white, or seen with a colour-vision deficiency).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Pattern {
    /// The colour alone.
    Solid,
    /// Lines from bottom-left to top-right.
    DiagonalHatch,
    /// Lines from top-left to bottom-right.
    ReverseDiagonalHatch,
    /// Both diagonals.
    CrossHatch,
    Dots,
    HorizontalLines,
    VerticalLines,
}

/// One category of a map or bar chart: a vote ("yes", "no", …) or any other class.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Category {
    /// A stable key, used in class names (`taawun-cat-<key>`) for the page's stylesheet.
    pub key: String,
    /// The label shown in the legend, in the page's language.
    pub label: String,
    /// `#rgb`, `#rgba`, `#rrggbb` or `#rrggbbaa`.
    pub colour: String,
    pub pattern: Pattern,
}

impl Category {
    pub fn new(
        key: impl Into<String>,
        label: impl Into<String>,
        colour: impl Into<String>,
        pattern: Pattern,
    ) -> Self {
        Category {
            key: key.into(),
            label: label.into(),
            colour: colour.into(),
            pattern,
        }
    }
}

/// The keys, colours and patterns of the seven vote categories, in this order: yes, no,
/// abstain, non-voting, absent, not a member, no data.
///
/// Colours are from the Okabe–Ito palette (distinguishable with the common colour-vision
/// deficiencies); the patterns distinguish them without colour. The two plain greys are the
/// categories where no vote was cast, so their lack of texture reads as "nothing here".
pub const VOTE_STYLES: [(&str, &str, Pattern); 7] = [
    ("yes", "#009E73", Pattern::Solid),
    ("no", "#D55E00", Pattern::DiagonalHatch),
    ("abstain", "#E69F00", Pattern::Dots),
    ("non-voting", "#56B4E9", Pattern::CrossHatch),
    ("absent", "#CC79A7", Pattern::HorizontalLines),
    ("not-member", "#BDBDBD", Pattern::Solid),
    ("no-data", "#E6E6E6", Pattern::Solid),
];

/// The seven vote categories of [`VOTE_STYLES`] with the page's labels, in the same order.
pub fn vote_categories(labels: [&str; 7]) -> Vec<Category> {
    VOTE_STYLES
        .iter()
        .zip(labels)
        .map(|(&(key, colour, pattern), label)| Category::new(key, label, colour, pattern))
        .collect()
}

/// Parses `#rgb`, `#rgba`, `#rrggbb` or `#rrggbbaa` into 8-bit RGB (alpha ignored).
///
/// Colours are restricted to hex so that a caller's string can never become `url(…)` (a request
/// the page's CSP would block, leaving the shape unfilled) or anything else than a colour.
pub fn parse_colour(colour: &str) -> Result<[u8; 3], SpecError> {
    let invalid = || SpecError::InvalidColour(colour.to_owned());
    let hex = colour.strip_prefix('#').ok_or_else(invalid)?;
    if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(invalid());
    }
    let digit = |i: usize| u8::from_str_radix(&hex[i..=i], 16).unwrap_or(0);
    match hex.len() {
        3 | 4 => Ok([digit(0) * 17, digit(1) * 17, digit(2) * 17]),
        6 | 8 => Ok([
            digit(0) * 16 + digit(1),
            digit(2) * 16 + digit(3),
            digit(4) * 16 + digit(5),
        ]),
        _ => Err(invalid()),
    }
}

/// The colour the pattern's marks are drawn in: the fill pushed towards black on light fills and
/// towards white on dark ones, so marks stay visible on any category colour.
fn mark_colour([r, g, b]: [u8; 3]) -> String {
    let luminance = 0.2126 * f64::from(r) + 0.7152 * f64::from(g) + 0.0722 * f64::from(b);
    let (target, amount) = if luminance > 110.0 {
        (0.0, 0.6)
    } else {
        (255.0, 0.65)
    };
    let mix = |c: u8| (f64::from(c) + (target - f64::from(c)) * amount).round() as u8;
    format!("#{:02x}{:02x}{:02x}", mix(r), mix(g), mix(b))
}

/// The side of a pattern tile, in user units.
const TILE: u32 = 6;

/// Validated categories, ready to write fills.
pub(crate) struct Fills<'a> {
    prefix: &'a str,
    categories: &'a [Category],
}

impl<'a> Fills<'a> {
    pub fn new(prefix: &'a str, categories: &'a [Category]) -> Result<Self, SpecError> {
        svg::check_id_prefix(prefix)?;
        for c in categories {
            parse_colour(&c.colour)?;
        }
        Ok(Fills { prefix, categories })
    }

    /// Writes `<defs>` with one `<pattern>` per textured category.
    pub fn defs_into(&self, out: &mut String) {
        if self.categories.iter().all(|c| c.pattern == Pattern::Solid) {
            return;
        }
        out.push_str("<defs>");
        for (i, c) in self.categories.iter().enumerate() {
            if c.pattern == Pattern::Solid {
                continue;
            }
            let rgb = parse_colour(&c.colour).unwrap_or([0, 0, 0]);
            let mark = mark_colour(rgb);
            let _ = write!(
                out,
                "<pattern id=\"{}-pat{i}\" patternUnits=\"userSpaceOnUse\" width=\"{TILE}\" \
                 height=\"{TILE}\"><rect width=\"{TILE}\" height=\"{TILE}\" fill=\"",
                self.prefix
            );
            svg::escape_into(out, &c.colour);
            out.push_str("\"/>");
            // The diagonal strokes run past the tile's corners so that neighbouring tiles join
            // without gaps at the seams.
            let marks = match c.pattern {
                Pattern::Solid => "",
                Pattern::DiagonalHatch => "<path d=\"M0 6L6 0M-1 1L1 -1M5 7L7 5\"",
                Pattern::ReverseDiagonalHatch => "<path d=\"M0 0L6 6M-1 5L1 7M5 -1L7 1\"",
                Pattern::CrossHatch => {
                    "<path d=\"M0 6L6 0M-1 1L1 -1M5 7L7 5M0 0L6 6M-1 5L1 7M5 -1L7 1\""
                }
                Pattern::HorizontalLines => "<path d=\"M0 3H6\"",
                Pattern::VerticalLines => "<path d=\"M3 0V6\"",
                Pattern::Dots => "<circle cx=\"3\" cy=\"3\" r=\"1.4\"",
            };
            out.push_str(marks);
            if c.pattern == Pattern::Dots {
                let _ = write!(out, " fill=\"{mark}\"/>");
            } else {
                let _ = write!(
                    out,
                    " stroke=\"{mark}\" stroke-width=\"1.3\" fill=\"none\"/>"
                );
            }
            out.push_str("</pattern>");
        }
        out.push_str("</defs>");
    }

    /// Writes the value of a `fill` attribute for category `i` (without quotes).
    pub fn fill_into(&self, out: &mut String, i: usize) {
        let c = &self.categories[i];
        if c.pattern == Pattern::Solid {
            svg::escape_into(out, &c.colour);
        } else {
            let _ = write!(out, "url(#{}-pat{i})", self.prefix);
        }
    }

    /// Writes ` class="taawun-cat taawun-cat-<key>"` for category `i`.
    pub fn class_into(&self, out: &mut String, i: usize) {
        out.push_str(" class=\"taawun-cat taawun-cat-");
        svg::class_fragment_into(out, &self.categories[i].key);
        out.push('"');
    }
}

/// What a legend entry shows before its text.
pub(crate) enum Swatch<'a> {
    /// A rectangle in a category's fill.
    Fill(&'a Fills<'a>, usize),
    /// A marker of the scatter plot.
    Marker(crate::scatter::Shape, &'a str),
}

pub(crate) struct LegendItem<'a> {
    pub swatch: Swatch<'a>,
    pub text: String,
}

pub(crate) const LEGEND_FONT: f64 = 13.0;
const SWATCH_W: f64 = 18.0;
const SWATCH_H: f64 = 13.0;
const ROW_H: f64 = 22.0;
const GAP: f64 = 6.0;
const ITEM_SPACING: f64 = 20.0;

/// Lays the legend out in rows across `width` starting at `top`, from the left for LTR and from
/// the right for RTL, writes it, and returns its height.
///
/// Items flow like words in a line: a legend of seven vote categories fits in one or two rows
/// under a map, where a column of seven would take more height than the map's oceans spare.
pub(crate) fn legend_into(
    out: &mut String,
    items: &[LegendItem<'_>],
    dir: Dir,
    left: f64,
    width: f64,
    top: f64,
) -> f64 {
    if items.is_empty() {
        return 0.0;
    }
    let _ = write!(
        out,
        "<g class=\"taawun-legend\" font-size=\"{LEGEND_FONT}\" fill=\"#222\">"
    );
    let mut row = 0usize;
    let mut used = 0.0;
    for item in items {
        let text_w = svg::text_width(&item.text, LEGEND_FONT);
        let item_w = SWATCH_W + GAP + text_w;
        if used > 0.0 && used + item_w > width {
            row += 1;
            used = 0.0;
        }
        // `offset` is the distance from the legend's start edge (left in LTR, right in RTL).
        let offset = used;
        used += item_w + ITEM_SPACING;
        let y = top + row as f64 * ROW_H;
        let (swatch_x, text_x, align) = match dir {
            Dir::Ltr => (left + offset, left + offset + SWATCH_W + GAP, Align::Left),
            Dir::Rtl => {
                let right = left + width - offset;
                (right - SWATCH_W, right - SWATCH_W - GAP, Align::Right)
            }
        };
        swatch_into(out, &item.swatch, swatch_x, y + 2.0);
        out.push_str("<text x=\"");
        svg::num_into(out, text_x, 1);
        out.push_str("\" y=\"");
        svg::num_into(out, y + 13.0, 1);
        out.push('"');
        svg::text_attrs_into(out, dir, align);
        out.push('>');
        svg::escape_into(out, &item.text);
        out.push_str("</text>");
    }
    out.push_str("</g>");
    (row + 1) as f64 * ROW_H
}

fn swatch_into(out: &mut String, swatch: &Swatch<'_>, x: f64, y: f64) {
    match *swatch {
        Swatch::Fill(fills, i) => {
            out.push_str("<rect x=\"");
            svg::num_into(out, x, 1);
            out.push_str("\" y=\"");
            svg::num_into(out, y, 1);
            out.push_str("\" width=\"");
            svg::num_into(out, SWATCH_W, 1);
            out.push_str("\" height=\"");
            svg::num_into(out, SWATCH_H, 1);
            out.push_str("\" fill=\"");
            fills.fill_into(out, i);
            out.push_str("\" stroke=\"#555\" stroke-width=\"0.8\"");
            fills.class_into(out, i);
            out.push_str("/>");
        }
        Swatch::Marker(shape, colour) => {
            crate::scatter::marker_into(
                out,
                shape,
                colour,
                x + SWATCH_W / 2.0,
                y + SWATCH_H / 2.0,
                5.0,
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_parse_in_all_hex_forms_and_nothing_else() {
        assert_eq!(parse_colour("#fff").unwrap(), [255, 255, 255]);
        assert_eq!(parse_colour("#009E73").unwrap(), [0, 0x9e, 0x73]);
        assert_eq!(parse_colour("#009E73ff").unwrap(), [0, 0x9e, 0x73]);
        for bad in [
            "red",
            "#12",
            "#12345",
            "url(#x)",
            "#ggg",
            "\"/><script>",
            "#ü12",
        ] {
            assert!(parse_colour(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn marks_contrast_with_their_fill() {
        assert_eq!(mark_colour([255, 255, 255]), "#666666");
        assert_eq!(mark_colour([0, 0, 0]), "#a6a6a6");
    }
}
