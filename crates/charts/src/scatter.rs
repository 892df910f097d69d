//! A labelled scatter plot: States placed by voting similarity (classical MDS), one colour and
//! one marker shape per group.

use std::fmt::Write as _;

use crate::category::{Dir, LegendItem, Swatch, legend_into, parse_colour};
use crate::error::SpecError;
use crate::svg::{self, Align};

/// Width of the chart in SVG user units.
pub const SCATTER_WIDTH: f64 = 640.0;
const PLOT_HEIGHT: f64 = 460.0;
const MARKER_R: f64 = 4.0;
const HIGHLIGHT_R: f64 = 6.0;
const LABEL_FONT: f64 = 10.0;
const HIGHLIGHT_FONT: f64 = 12.0;
/// Margin around the points inside the plot, as a share of their spread, so that no marker sits
/// on the frame.
const PAD: f64 = 0.06;

/// A marker shape, so that groups are told apart without colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Shape {
    Circle,
    Square,
    Triangle,
    Diamond,
    Cross,
}

impl Shape {
    pub const ALL: [Shape; 5] = [
        Shape::Circle,
        Shape::Square,
        Shape::Triangle,
        Shape::Diamond,
        Shape::Cross,
    ];

    /// The `i`-th shape, cycling: a convenient default for the `i`-th group.
    pub fn nth(i: usize) -> Shape {
        Shape::ALL[i % Shape::ALL.len()]
    }
}

/// One group of points (a UN regional group, say).
#[derive(Clone, Debug, PartialEq)]
pub struct Group {
    pub label: String,
    /// `#rgb`, `#rgba`, `#rrggbb` or `#rrggbbaa`.
    pub colour: String,
    pub shape: Shape,
}

/// One point.
#[derive(Clone, Debug, PartialEq)]
pub struct Point {
    pub x: f64,
    pub y: f64,
    /// The short label written next to the point (an ISO3 code, say).
    pub label: String,
    /// Index into [`ScatterSpec::groups`].
    pub group: usize,
    /// Hover text and accessible name of the point (the State's name, say).
    pub tooltip: String,
}

/// What to draw.
#[derive(Clone, Debug, PartialEq)]
pub struct ScatterSpec {
    /// Prefix of every id in the SVG; see [`crate::MapSpec::id_prefix`].
    pub id_prefix: String,
    pub title: String,
    pub description: String,
    pub dir: Dir,
    pub groups: Vec<Group>,
    pub points: Vec<Point>,
    /// Index into `points` of the point to emphasise (the State the page is about).
    pub highlight: Option<usize>,
}

/// A rendered scatter plot.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RenderedScatter {
    pub svg: String,
    /// Indexes of points not drawn because a coordinate is NaN or infinite.
    pub skipped: Vec<usize>,
    /// Indexes of drawn points whose label found no free place; their tooltip still names them.
    pub unlabelled: Vec<usize>,
}

/// An axis-aligned box: left, top, right, bottom.
#[derive(Clone, Copy, Debug)]
struct Rect(f64, f64, f64, f64);

impl Rect {
    fn around(x: f64, y: f64, r: f64) -> Rect {
        Rect(x - r, y - r, x + r, y + r)
    }

    fn overlaps(&self, o: &Rect) -> bool {
        self.0 < o.2 && o.0 < self.2 && self.1 < o.3 && o.1 < self.3
    }

    fn inside(&self, o: &Rect) -> bool {
        self.0 >= o.0 && self.2 <= o.2 && self.1 >= o.1 && self.3 <= o.3
    }
}

/// Boxes bucketed in a uniform grid, so that a label's collision test looks at its neighbours
/// only rather than every point and label of a 193-State plot.
struct Grid {
    cell: f64,
    cols: usize,
    rows: usize,
    cells: Vec<Vec<Rect>>,
}

impl Grid {
    fn new(width: f64, height: f64, cell: f64) -> Grid {
        let cols = (width / cell).ceil().max(1.0) as usize;
        let rows = (height / cell).ceil().max(1.0) as usize;
        Grid {
            cell,
            cols,
            rows,
            cells: vec![Vec::new(); cols * rows],
        }
    }

    fn span(&self, r: &Rect) -> (usize, usize, usize, usize) {
        let clamp_col = |v: f64| ((v / self.cell).floor().max(0.0) as usize).min(self.cols - 1);
        let clamp_row = |v: f64| ((v / self.cell).floor().max(0.0) as usize).min(self.rows - 1);
        (
            clamp_col(r.0),
            clamp_row(r.1),
            clamp_col(r.2),
            clamp_row(r.3),
        )
    }

    fn insert(&mut self, r: Rect) {
        let (c0, r0, c1, r1) = self.span(&r);
        for row in r0..=r1 {
            for col in c0..=c1 {
                self.cells[row * self.cols + col].push(r);
            }
        }
    }

    fn collides(&self, r: &Rect) -> bool {
        let (c0, r0, c1, r1) = self.span(r);
        (r0..=r1).any(|row| {
            (c0..=c1).any(|col| {
                self.cells[row * self.cols + col]
                    .iter()
                    .any(|o| o.overlaps(r))
            })
        })
    }
}

/// Draws the plot. Both axes share one scale, because in an MDS map only distances mean
/// something and unequal scales would distort them.
pub fn render_scatter(spec: &ScatterSpec) -> Result<RenderedScatter, SpecError> {
    svg::check_id_prefix(&spec.id_prefix)?;
    for g in &spec.groups {
        parse_colour(&g.colour)?;
    }
    for (point, p) in spec.points.iter().enumerate() {
        if p.group >= spec.groups.len() {
            return Err(SpecError::GroupOutOfRange {
                point,
                group: p.group,
                len: spec.groups.len(),
            });
        }
    }
    if let Some(index) = spec.highlight
        && index >= spec.points.len()
    {
        return Err(SpecError::HighlightOutOfRange {
            index,
            len: spec.points.len(),
        });
    }

    let width = SCATTER_WIDTH;
    // The tick labels of the y axis go on the side where lines start.
    let (left, right) = match spec.dir {
        Dir::Ltr => (48.0, width - 12.0),
        Dir::Rtl => (12.0, width - 48.0),
    };
    let (top, bottom) = (12.0, PLOT_HEIGHT - 26.0);
    let plot = Rect(left, top, right, bottom);

    let (drawn, skipped): (Vec<usize>, Vec<usize>) = (0..spec.points.len())
        .partition(|&i| spec.points[i].x.is_finite() && spec.points[i].y.is_finite());
    let scale = Scale::fit(drawn.iter().map(|&i| &spec.points[i]), &plot);

    let legend_items: Vec<LegendItem<'_>> = spec
        .groups
        .iter()
        .map(|g| LegendItem {
            swatch: Swatch::Marker(g.shape, &g.colour),
            text: g.label.clone(),
        })
        .collect();
    let mut legend = String::new();
    let legend_h = legend_into(
        &mut legend,
        &legend_items,
        spec.dir,
        8.0,
        width - 16.0,
        PLOT_HEIGHT,
    );
    let height = PLOT_HEIGHT + legend_h + 8.0;

    let mut out = String::with_capacity(4096 + spec.points.len() * 200);
    svg::open_svg(
        &mut out,
        "scatter",
        &spec.id_prefix,
        width,
        height,
        &spec.title,
        &spec.description,
    );
    axes_into(&mut out, &scale, &plot, spec.dir);

    let position = |i: usize| scale.place(spec.points[i].x, spec.points[i].y);
    let highlighted = spec.highlight.filter(|i| drawn.contains(i));

    out.push_str("<g class=\"taawun-points\" stroke=\"#222\" stroke-width=\"0.7\">");
    for &i in drawn.iter().filter(|&&i| Some(i) != highlighted) {
        let p = &spec.points[i];
        let g = &spec.groups[p.group];
        let (x, y) = position(i);
        marker_element_into(
            &mut out,
            g.shape,
            &g.colour,
            x,
            y,
            MARKER_R,
            Some(&p.tooltip),
        );
    }
    if let Some(i) = highlighted {
        let p = &spec.points[i];
        let g = &spec.groups[p.group];
        let (x, y) = position(i);
        out.push_str("<circle class=\"taawun-highlight\" cx=\"");
        svg::num_into(&mut out, x, 1);
        out.push_str("\" cy=\"");
        svg::num_into(&mut out, y, 1);
        let _ = write!(
            out,
            "\" r=\"{}\" fill=\"none\" stroke=\"#000\" stroke-width=\"1.8\"/>",
            HIGHLIGHT_R + 4.0
        );
        marker_element_into(
            &mut out,
            g.shape,
            &g.colour,
            x,
            y,
            HIGHLIGHT_R,
            Some(&p.tooltip),
        );
    }
    out.push_str("</g>");

    // Labels: the highlighted point's first, then in input order; each takes the first free
    // place around its point, and is left out when none is free.
    let mut grid = Grid::new(width, PLOT_HEIGHT, 24.0);
    for &i in &drawn {
        let (x, y) = position(i);
        let r = if Some(i) == highlighted {
            HIGHLIGHT_R + 5.0
        } else {
            MARKER_R
        };
        grid.insert(Rect::around(x, y, r));
    }
    let mut unlabelled = Vec::new();
    out.push_str("<g class=\"taawun-labels\" fill=\"#222\">");
    let order = highlighted
        .into_iter()
        .chain(drawn.iter().copied().filter(|&i| Some(i) != highlighted));
    for i in order {
        let p = &spec.points[i];
        if p.label.is_empty() {
            continue;
        }
        let (x, y) = position(i);
        let (r, font) = if Some(i) == highlighted {
            (HIGHLIGHT_R + 5.0, HIGHLIGHT_FONT)
        } else {
            (MARKER_R, LABEL_FONT)
        };
        let w = svg::text_width(&p.label, font);
        let found = candidates(x, y, r + 1.5, w, font, spec.dir)
            .into_iter()
            .find(|c| c.rect.inside(&plot) && !grid.collides(&c.rect));
        let Some(c) = found else {
            unlabelled.push(i);
            continue;
        };
        grid.insert(c.rect);
        out.push_str("<text x=\"");
        svg::num_into(&mut out, c.x, 1);
        out.push_str("\" y=\"");
        svg::num_into(&mut out, c.y, 1);
        out.push_str("\" font-size=\"");
        svg::num_into(&mut out, font, 1);
        out.push('"');
        if Some(i) == highlighted {
            out.push_str(" font-weight=\"bold\"");
        }
        svg::text_attrs_into(&mut out, spec.dir, c.align);
        // Screen readers get the point's tooltip; the short label would only repeat it.
        out.push_str(" aria-hidden=\"true\">");
        svg::escape_into(&mut out, &p.label);
        out.push_str("</text>");
    }
    out.push_str("</g>");
    out.push_str(&legend);
    out.push_str("</svg>");
    Ok(RenderedScatter {
        svg: out,
        skipped,
        unlabelled,
    })
}

/// Data-to-plot mapping with one scale for both axes.
struct Scale {
    /// Data coordinates of the plot's centre.
    cx: f64,
    cy: f64,
    /// User units per data unit.
    k: f64,
    /// Plot centre in user units.
    px: f64,
    py: f64,
    /// Half extent of the plot in user units.
    half_w: f64,
    half_h: f64,
}

impl Scale {
    fn fit<'a>(points: impl Iterator<Item = &'a Point>, plot: &Rect) -> Scale {
        let (mut x0, mut x1, mut y0, mut y1) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
        let mut any = false;
        for p in points {
            any = true;
            x0 = x0.min(p.x);
            x1 = x1.max(p.x);
            y0 = y0.min(p.y);
            y1 = y1.max(p.y);
        }
        if !any {
            (x0, x1, y0, y1) = (-1.0, 1.0, -1.0, 1.0);
        }
        // Halves first: (x0 + x1) / 2 overflows to infinity for coordinates near f64::MAX.
        let (cx, cy) = (x0 / 2.0 + x1 / 2.0, y0 / 2.0 + y1 / 2.0);
        let half_w = (plot.2 - plot.0) / 2.0;
        let half_h = (plot.3 - plot.1) / 2.0;
        let spread_x = (x1 / 2.0 - x0 / 2.0) * (1.0 + PAD);
        let spread_y = (y1 / 2.0 - y0 / 2.0) * (1.0 + PAD);
        let kx = half_w / spread_x;
        let ky = half_h / spread_y;
        // A zero spread (one point, or all on a line) leaves that axis unconstrained; when
        // nothing constrains the scale, or a spread is too small to divide by, any scale shows
        // the point(s) at the centre, and 1 user unit per data unit is as good as any.
        let k = [kx, ky]
            .into_iter()
            .filter(|k| k.is_finite() && *k > 0.0)
            .fold(f64::INFINITY, f64::min);
        let k = if k.is_finite() { k } else { 1.0 };
        Scale {
            cx,
            cy,
            k,
            px: plot.0 + half_w,
            py: plot.1 + half_h,
            half_w,
            half_h,
        }
    }

    /// Plot position of a data point; y grows upwards in the data and downwards in SVG.
    fn place(&self, x: f64, y: f64) -> (f64, f64) {
        let fx = (x - self.cx) * self.k;
        let fy = (y - self.cy) * self.k;
        let clamp = |v: f64, lim: f64| {
            if v.is_finite() {
                v.clamp(-lim, lim)
            } else {
                0.0
            }
        };
        (
            self.px + clamp(fx, self.half_w),
            self.py - clamp(fy, self.half_h),
        )
    }

    fn data_range_x(&self) -> (f64, f64) {
        (
            self.cx - self.half_w / self.k,
            self.cx + self.half_w / self.k,
        )
    }

    fn data_range_y(&self) -> (f64, f64) {
        (
            self.cy - self.half_h / self.k,
            self.cy + self.half_h / self.k,
        )
    }
}

/// Tick values at a 1-2-5 step covering `(lo, hi)`, and the decimals to print them with; none
/// when the range is not a usable number or the step too small or large to print plainly.
fn ticks(lo: f64, hi: f64) -> (Vec<f64>, usize) {
    let range = hi - lo;
    if !range.is_finite() || range <= 0.0 {
        return (Vec::new(), 0);
    }
    let raw = range / 5.0;
    let magnitude = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * magnitude)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * magnitude);
    if !(1e-6..=1e9).contains(&step) {
        return (Vec::new(), 0);
    }
    let decimals = (-step.log10().floor()).max(0.0) as usize;
    let first = (lo / step).ceil() as i64;
    let last = (hi / step).floor() as i64;
    let values = (first..=last).take(20).map(|i| i as f64 * step).collect();
    (values, decimals)
}

fn tick_label(v: f64, decimals: usize) -> String {
    let s = format!("{v:.decimals$}");
    // "-0.0" reads as a different value from "0.0".
    if s.trim_start_matches('-')
        .bytes()
        .all(|b| b == b'0' || b == b'.')
    {
        s.trim_start_matches('-').to_owned()
    } else {
        s
    }
}

fn axes_into(out: &mut String, scale: &Scale, plot: &Rect, dir: Dir) {
    out.push_str("<g class=\"taawun-axes\" font-size=\"10\" fill=\"#666\">");
    out.push_str("<rect x=\"");
    svg::num_into(out, plot.0, 1);
    out.push_str("\" y=\"");
    svg::num_into(out, plot.1, 1);
    out.push_str("\" width=\"");
    svg::num_into(out, plot.2 - plot.0, 1);
    out.push_str("\" height=\"");
    svg::num_into(out, plot.3 - plot.1, 1);
    out.push_str("\" fill=\"#fff\" stroke=\"#ccc\" stroke-width=\"1\"/>");

    let (xs, x_dec) = {
        let (lo, hi) = scale.data_range_x();
        ticks(lo, hi)
    };
    for v in xs {
        let (x, _) = scale.place(v, scale.cy);
        grid_line_into(out, x, plot.1, x, plot.3);
        out.push_str("<text x=\"");
        svg::num_into(out, x, 1);
        out.push_str("\" y=\"");
        svg::num_into(out, plot.3 + 14.0, 1);
        out.push('"');
        // Numbers keep their left-to-right order in either direction.
        svg::text_attrs_into(out, Dir::Ltr, Align::Middle);
        out.push('>');
        out.push_str(&tick_label(v, x_dec));
        out.push_str("</text>");
    }
    let (ys, y_dec) = {
        let (lo, hi) = scale.data_range_y();
        ticks(lo, hi)
    };
    for v in ys {
        let (_, y) = scale.place(scale.cx, v);
        grid_line_into(out, plot.0, y, plot.2, y);
        let (x, align) = match dir {
            Dir::Ltr => (plot.0 - 5.0, Align::Right),
            Dir::Rtl => (plot.2 + 5.0, Align::Left),
        };
        out.push_str("<text x=\"");
        svg::num_into(out, x, 1);
        out.push_str("\" y=\"");
        svg::num_into(out, y + 3.5, 1);
        out.push('"');
        svg::text_attrs_into(out, Dir::Ltr, align);
        out.push('>');
        out.push_str(&tick_label(v, y_dec));
        out.push_str("</text>");
    }
    out.push_str("</g>");
}

fn grid_line_into(out: &mut String, x1: f64, y1: f64, x2: f64, y2: f64) {
    out.push_str("<line x1=\"");
    svg::num_into(out, x1, 1);
    out.push_str("\" y1=\"");
    svg::num_into(out, y1, 1);
    out.push_str("\" x2=\"");
    svg::num_into(out, x2, 1);
    out.push_str("\" y2=\"");
    svg::num_into(out, y2, 1);
    out.push_str("\" stroke=\"#eee\" stroke-width=\"1\"/>");
}

/// A place for a label: its anchor point, alignment and box.
struct Candidate {
    x: f64,
    y: f64,
    align: Align,
    rect: Rect,
}

/// Places around a point of radius `r`, best first: beside it on the side text flows to, then
/// the other side, above, below, then the four diagonals.
fn candidates(x: f64, y: f64, r: f64, w: f64, font: f64, dir: Dir) -> Vec<Candidate> {
    let h = font;
    // The baseline sits about 0.35 em below the middle of the text's box.
    let mid = 0.35 * font;
    let right = Candidate {
        x: x + r,
        y: y + mid,
        align: Align::Left,
        rect: Rect(x + r, y - h / 2.0, x + r + w, y + h / 2.0),
    };
    let left = Candidate {
        x: x - r,
        y: y + mid,
        align: Align::Right,
        rect: Rect(x - r - w, y - h / 2.0, x - r, y + h / 2.0),
    };
    let (first, second) = match dir {
        Dir::Ltr => (right, left),
        Dir::Rtl => (left, right),
    };
    let d = r * 0.75;
    let mut all = vec![
        first,
        second,
        Candidate {
            x,
            y: y - r - 0.25 * font,
            align: Align::Middle,
            rect: Rect(x - w / 2.0, y - r - h, x + w / 2.0, y - r),
        },
        Candidate {
            x,
            y: y + r + 0.8 * font,
            align: Align::Middle,
            rect: Rect(x - w / 2.0, y + r, x + w / 2.0, y + r + h),
        },
    ];
    for (sx, sy) in [(1.0, -1.0), (1.0, 1.0), (-1.0, -1.0), (-1.0, 1.0)] {
        let (ax, ay) = (x + sx * d, y + sy * d);
        let (bx0, align) = if sx > 0.0 {
            (ax, Align::Left)
        } else {
            (ax - w, Align::Right)
        };
        let (by0, baseline) = if sy < 0.0 {
            (ay - h, ay - 0.25 * font)
        } else {
            (ay, ay + 0.8 * font)
        };
        all.push(Candidate {
            x: ax,
            y: baseline,
            align,
            rect: Rect(bx0, by0, bx0 + w, by0 + h),
        });
    }
    all
}

/// Writes a self-closed marker element.
pub(crate) fn marker_into(out: &mut String, shape: Shape, colour: &str, x: f64, y: f64, r: f64) {
    marker_element_into(out, shape, colour, x, y, r, None);
}

/// Writes a marker of `shape` centred on (x, y), sized so that the shapes look equally heavy,
/// with a `<title>` child when given.
fn marker_element_into(
    out: &mut String,
    shape: Shape,
    colour: &str,
    x: f64,
    y: f64,
    r: f64,
    title: Option<&str>,
) {
    let element = if shape == Shape::Circle {
        out.push_str("<circle cx=\"");
        svg::num_into(out, x, 1);
        out.push_str("\" cy=\"");
        svg::num_into(out, y, 1);
        out.push_str("\" r=\"");
        svg::num_into(out, r, 1);
        "circle"
    } else {
        let points: &[(f64, f64)] = match shape {
            Shape::Square => &[(-0.9, -0.9), (0.9, -0.9), (0.9, 0.9), (-0.9, 0.9)],
            Shape::Triangle => &[(0.0, -1.25), (1.15, 0.8), (-1.15, 0.8)],
            Shape::Diamond => &[(0.0, -1.3), (1.3, 0.0), (0.0, 1.3), (-1.3, 0.0)],
            Shape::Cross | Shape::Circle => &[
                (-0.4, -1.25),
                (0.4, -1.25),
                (0.4, -0.4),
                (1.25, -0.4),
                (1.25, 0.4),
                (0.4, 0.4),
                (0.4, 1.25),
                (-0.4, 1.25),
                (-0.4, 0.4),
                (-1.25, 0.4),
                (-1.25, -0.4),
                (-0.4, -0.4),
            ],
        };
        out.push_str("<path d=\"");
        for (i, (dx, dy)) in points.iter().enumerate() {
            out.push(if i == 0 { 'M' } else { 'L' });
            svg::num_into(out, x + dx * r, 2);
            out.push(' ');
            svg::num_into(out, y + dy * r, 2);
        }
        out.push('Z');
        "path"
    };
    out.push_str("\" fill=\"");
    svg::escape_into(out, colour);
    out.push('"');
    match title {
        Some(t) => {
            out.push_str("><title>");
            svg::escape_into(out, t);
            let _ = write!(out, "</title></{element}>");
        }
        None => out.push_str("/>"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_follow_one_two_five() {
        let (v, d) = ticks(-0.37, 0.42);
        assert_eq!(d, 1);
        let expected = [-0.2, 0.0, 0.2, 0.4];
        assert_eq!(v.len(), expected.len());
        assert!(
            v.iter().zip(expected).all(|(a, b)| (a - b).abs() < 1e-12),
            "{v:?}"
        );
        let (v, d) = ticks(0.0, 1234.0);
        assert_eq!((v, d), (vec![0.0, 500.0, 1000.0], 0));
        assert!(ticks(0.0, 0.0).0.is_empty());
        assert!(ticks(f64::NEG_INFINITY, 1.0).0.is_empty());
        assert_eq!(tick_label(-0.0001, 1), "0.0");
    }
}
