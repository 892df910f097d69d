//! Stacked horizontal bars: one bar per row (a regional group), one segment per category.

use std::fmt::Write as _;

use crate::category::{Category, Dir, Fills, LegendItem, Swatch, legend_into};
use crate::error::SpecError;
use crate::svg::{self, Align};

/// Width of the chart in SVG user units.
pub const BAR_CHART_WIDTH: f64 = 640.0;
const MARGIN: f64 = 8.0;
const BAR_H: f64 = 24.0;
const BAR_GAP: f64 = 10.0;
const LABEL_FONT: f64 = 13.0;
const COUNT_FONT: f64 = 11.0;
/// Row labels may take at most this share of the width; longer ones are cut with an ellipsis
/// (and given whole in a tooltip), so that the bars keep most of the chart.
const MAX_LABEL_SHARE: f64 = 0.42;

/// What to draw.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct BarSpec {
    /// Prefix of every id in the SVG; see [`crate::MapSpec::id_prefix`].
    pub id_prefix: String,
    pub title: String,
    pub description: String,
    pub dir: Dir,
    pub categories: Vec<Category>,
    pub rows: Vec<BarRow>,
}

/// One bar.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct BarRow {
    pub label: String,
    /// One count per category, in the order of [`BarSpec::categories`].
    pub counts: Vec<u64>,
}

/// The geometry of one drawn segment, for callers and tests that need to know where things went.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Segment {
    pub row: usize,
    pub category: usize,
    /// Left edge and width in user units (in RTL, the left edge of the mirrored segment).
    pub x: f64,
    pub width: f64,
    /// Whether its count is written on the chart (inside the segment, or just past the bar's
    /// end for the last segment); every segment has its count in its tooltip regardless.
    pub count_shown: bool,
}

/// A rendered bar chart.
#[derive(Clone, Debug, PartialEq)]
pub struct RenderedBars {
    pub svg: String,
    /// The segments drawn, row by row in drawing order; categories with a count of 0 have none.
    pub segments: Vec<Segment>,
}

/// Draws the chart. All bars share one scale, so bar lengths compare group sizes too.
pub fn render_bars(spec: &BarSpec) -> Result<RenderedBars, SpecError> {
    let fills = Fills::new(&spec.id_prefix, &spec.categories)?;
    let n_cat = spec.categories.len();
    for (row, r) in spec.rows.iter().enumerate() {
        if r.counts.len() != n_cat {
            return Err(SpecError::CountsLength {
                row,
                expected: n_cat,
                found: r.counts.len(),
            });
        }
    }

    let width = BAR_CHART_WIDTH;
    // u128 so that no sum of u64 counts overflows.
    let totals: Vec<u128> = spec
        .rows
        .iter()
        .map(|r| r.counts.iter().map(|&c| u128::from(c)).sum())
        .collect();
    let max_total = totals.iter().copied().max().unwrap_or(0);
    let mut category_totals = vec![0u128; n_cat];
    for r in &spec.rows {
        for (t, &c) in category_totals.iter_mut().zip(&r.counts) {
            *t += u128::from(c);
        }
    }

    let label_w = spec
        .rows
        .iter()
        .map(|r| svg::text_width(&r.label, LABEL_FONT))
        .fold(0.0, f64::max)
        .min(width * MAX_LABEL_SHARE);
    let bar_start = MARGIN + label_w + if label_w > 0.0 { 10.0 } else { 0.0 };
    // Room past the longest bar for the count of a last segment too narrow to hold it.
    let tail = svg::text_width(&max_total.to_string(), COUNT_FONT) + 8.0;
    let bar_span = (width - MARGIN - tail - bar_start).max(1.0);
    let scale = if max_total > 0 {
        bar_span / max_total as f64
    } else {
        0.0
    };
    let mirror_x = |x: f64, w: f64| match spec.dir {
        Dir::Ltr => x,
        Dir::Rtl => width - x - w,
    };
    let mirror_point = |x: f64| match spec.dir {
        Dir::Ltr => x,
        Dir::Rtl => width - x,
    };

    let rows_h = spec.rows.len() as f64 * (BAR_H + BAR_GAP);
    let legend_items: Vec<LegendItem<'_>> = spec
        .categories
        .iter()
        .enumerate()
        .map(|(i, c)| LegendItem {
            swatch: Swatch::Fill(&fills, i),
            text: format!("{} ({})", c.label, category_totals[i]),
        })
        .collect();
    let mut legend = String::new();
    let legend_top = MARGIN + rows_h + 4.0;
    let legend_h = legend_into(
        &mut legend,
        &legend_items,
        spec.dir,
        MARGIN,
        width - 2.0 * MARGIN,
        legend_top,
    );
    let height = legend_top + legend_h + MARGIN;

    let mut out = String::with_capacity(2048 + spec.rows.len() * (n_cat * 300 + 200));
    svg::open_svg(
        &mut out,
        "bars",
        &spec.id_prefix,
        width,
        height,
        &spec.title,
        &spec.description,
    );
    fills.defs_into(&mut out);

    let mut segments = Vec::new();
    for (row, r) in spec.rows.iter().enumerate() {
        let top = MARGIN + row as f64 * (BAR_H + BAR_GAP);
        out.push_str("<g class=\"taawun-bar\">");

        let label = svg::truncate_to_width(&r.label, LABEL_FONT, label_w);
        out.push_str("<text x=\"");
        svg::num_into(&mut out, mirror_point(bar_start - 8.0), 2);
        out.push_str("\" y=\"");
        svg::num_into(&mut out, top + BAR_H / 2.0 + 4.5, 2);
        out.push_str("\" font-size=\"");
        svg::num_into(&mut out, LABEL_FONT, 1);
        out.push_str("\" fill=\"#222\"");
        svg::text_attrs_into(&mut out, spec.dir, label_align(spec.dir));
        out.push('>');
        if label != r.label.as_str() {
            out.push_str("<title>");
            svg::escape_into(&mut out, &r.label);
            out.push_str("</title>");
        }
        svg::escape_into(&mut out, &label);
        out.push_str("</text>");

        let last_nonzero = r.counts.iter().rposition(|&c| c > 0);
        let mut cumulative: u128 = 0;
        for (cat, &count) in r.counts.iter().enumerate() {
            if count == 0 {
                continue;
            }
            // Edges are placed from cumulative counts and rounded once, so the segments of a bar
            // tile it without gaps or overlaps however the rounding falls.
            let x0 = round2(bar_start + cumulative as f64 * scale);
            cumulative += u128::from(count);
            let x1 = round2(bar_start + cumulative as f64 * scale);
            let seg_w = x1 - x0;
            let x = mirror_x(x0, seg_w);

            out.push_str("<rect x=\"");
            svg::num_into(&mut out, x, 2);
            out.push_str("\" y=\"");
            svg::num_into(&mut out, top, 2);
            out.push_str("\" width=\"");
            svg::num_into(&mut out, seg_w, 2);
            out.push_str("\" height=\"");
            svg::num_into(&mut out, BAR_H, 1);
            out.push_str("\" fill=\"");
            fills.fill_into(&mut out, cat);
            out.push('"');
            fills.class_into(&mut out, cat);
            out.push_str("><title>");
            svg::escape_into(&mut out, &r.label);
            out.push_str(" — ");
            svg::escape_into(&mut out, &spec.categories[cat].label);
            let _ = write!(out, ": {count}</title></rect>");

            let text = count.to_string();
            let text_w = svg::text_width(&text, COUNT_FONT);
            let baseline = top + BAR_H / 2.0 + 4.0;
            let count_shown = if seg_w >= text_w + 6.0 {
                out.push_str("<text x=\"");
                svg::num_into(&mut out, mirror_point(x0 + seg_w / 2.0), 2);
                out.push_str("\" y=\"");
                svg::num_into(&mut out, baseline, 2);
                // A white halo keeps the digits legible over any colour and hatching.
                out.push_str("\" font-size=\"");
                svg::num_into(&mut out, COUNT_FONT, 1);
                out.push_str(
                    "\" fill=\"#111\" stroke=\"#fff\" stroke-width=\"3\" \
                     stroke-linejoin=\"round\" paint-order=\"stroke\" aria-hidden=\"true\"",
                );
                svg::text_attrs_into(&mut out, spec.dir, Align::Middle);
                let _ = write!(out, ">{text}</text>");
                true
            } else if Some(cat) == last_nonzero {
                out.push_str("<text x=\"");
                svg::num_into(&mut out, mirror_point(x1 + 4.0), 2);
                out.push_str("\" y=\"");
                svg::num_into(&mut out, baseline, 2);
                out.push_str("\" font-size=\"");
                svg::num_into(&mut out, COUNT_FONT, 1);
                out.push_str("\" fill=\"#111\" aria-hidden=\"true\"");
                svg::text_attrs_into(&mut out, spec.dir, count_beside_align(spec.dir));
                let _ = write!(out, ">{text}</text>");
                true
            } else {
                false
            };
            segments.push(Segment {
                row,
                category: cat,
                x,
                width: seg_w,
                count_shown,
            });
        }
        out.push_str("</g>");
    }
    out.push_str(&legend);
    out.push_str("</svg>");
    Ok(RenderedBars { svg: out, segments })
}

fn round2(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

/// Row labels sit against the bar's start: right-aligned on its left in LTR, left-aligned on its
/// right in RTL.
fn label_align(dir: Dir) -> Align {
    match dir {
        Dir::Ltr => Align::Right,
        Dir::Rtl => Align::Left,
    }
}

/// A count past the bar's end starts at the end and runs outwards.
fn count_beside_align(dir: Dir) -> Align {
    match dir {
        Dir::Ltr => Align::Left,
        Dir::Rtl => Align::Right,
    }
}
