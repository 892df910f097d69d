//! The world map coloured by category.
//!
//! Everything that depends only on the boundaries — projection, rounding, the text of every
//! path, the representative points of small States — is done once ([`WorldMap::builtin`]); a
//! render validates the spec and concatenates strings, so it costs tens of microseconds.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::sync::{Arc, LazyLock, Mutex};

use crate::category::{Category, Dir, Fills, LegendItem, Swatch, legend_into};
use crate::error::{SpecError, TopoError};
use crate::projection::{cut_at_antimeridian, equal_earth};
use crate::svg;
use crate::topo::{self, Feature};

/// Country boundaries at 1:110 million: the shapes that are drawn.
const COUNTRIES_110M: &str = include_str!("../assets/countries-110m.json");
/// Country boundaries at 1:50 million: only read for where the small States are.
const COUNTRIES_50M: &str = include_str!("../assets/countries-50m.json");

/// Width of the map in SVG user units.
pub const MAP_WIDTH: f64 = 960.0;
/// The latitudes the map shows. Antarctica is no State and casts no vote, so it is left out and
/// its space goes to the rest; Tierra del Fuego, at 55.9°S, is the southernmost land of a UN
/// Member State.
const LAT_NORTH: f64 = 85.0;
const LAT_SOUTH: f64 = -58.0;

/// Below this projected area (square user units; one is about 1,290 km², so this is about
/// 18,000 km²) a country is too small to see or hover at the sizes the map is shown at, and gets
/// a marker as well as its shape. Kuwait and Montenegro fall under it; Slovenia and Israel do not.
pub const SMALL_AREA: f64 = 14.0;

/// Slots of the per-code tables: M49 codes are three-digit.
const CODES: usize = 1000;

fn slot(m49: u16) -> Option<usize> {
    let i = usize::from(m49);
    (i < CODES).then_some(i)
}

/// Radius of a small State's marker.
const MARKER_R: f64 = 4.0;

/// The projected, pre-formatted world map.
pub struct WorldMap {
    width: f64,
    height: f64,
    /// The outline of the whole globe (the map's ocean).
    sphere: String,
    shapes: Vec<Shape>,
    /// Index into `shapes` by M49 code (M49 codes have three digits, so a table of 1,000 slots
    /// replaces hashing on the render path).
    shape_of: Vec<Option<u32>>,
    /// Where to draw a marker, by M49 code, for codes that need one.
    markers: Vec<Option<(f64, f64)>>,
    /// Bytes of all path data, to size the output buffer in one allocation.
    path_bytes: usize,
    /// Marker placements already worked out, by the codes drawn as markers. A page draws the
    /// same set of States on every request, and spreading ~40 markers apart is most of a
    /// render's cost otherwise.
    placements: Mutex<Vec<Placement>>,
}

/// Marker positions for one set of codes (sorted).
struct Placement {
    codes: Box<[u16]>,
    positions: Arc<[(f64, f64)]>,
}

/// Distinct marker sets remembered; beyond it the oldest is forgotten.
const PLACEMENTS_KEPT: usize = 16;

struct Shape {
    /// SVG path data, coordinates rounded to 0.1.
    d: Box<str>,
}

/// How a code is drawn on the map.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Geometry {
    /// Its shape.
    Shape,
    /// Its shape, and a marker because the shape is too small to see.
    ShapeAndMarker,
    /// A marker only: the State is absent from the 1:110m boundaries.
    Marker,
    /// Nothing: the boundaries have no geometry with this code.
    None,
}

/// What to draw: the categories and, for each State, its category and tooltip.
#[derive(Clone, Debug, PartialEq)]
pub struct MapSpec {
    /// Prefix of every id in the SVG (an ASCII letter, then letters, digits, `-`, `_`), so that
    /// two charts on one page do not share pattern or title ids.
    pub id_prefix: String,
    /// The accessible name of the map (`<title>`).
    pub title: String,
    /// The accessible description (`<desc>`), for example a sentence giving the totals.
    pub description: String,
    pub dir: Dir,
    pub categories: Vec<Category>,
    pub regions: Vec<Region>,
}

/// One State on the map.
#[derive(Clone, Debug, PartialEq)]
pub struct Region {
    /// M49 / ISO 3166-1 numeric code.
    pub m49: u16,
    /// Index into [`MapSpec::categories`].
    pub category: usize,
    /// The hover text and accessible name of its shape, such as "France: Yes".
    pub tooltip: String,
}

/// A rendered map.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RenderedMap {
    pub svg: String,
    /// Codes of [`MapSpec::regions`] with no geometry to draw, ascending: the page should name
    /// them in text, as their category is not visible on the map.
    pub not_drawn: Vec<u16>,
}

static BUILTIN: LazyLock<WorldMap> = LazyLock::new(|| {
    WorldMap::from_topojson(COUNTRIES_110M, Some(COUNTRIES_50M))
        .expect("the vendored world-atlas files decode")
});

/// Projects to user units: x from 0 (180°W) to [`MAP_WIDTH`], y from 0 at [`LAT_NORTH`] down.
struct Frame {
    scale: f64,
    x_offset: f64,
    y_top: f64,
    height: f64,
}

impl Frame {
    fn new() -> Self {
        let (x_max, _) = equal_earth(180.0, 0.0);
        let scale = MAP_WIDTH / (2.0 * x_max);
        let (_, y_top) = equal_earth(0.0, LAT_NORTH);
        let (_, y_bottom) = equal_earth(0.0, LAT_SOUTH);
        Frame {
            scale,
            x_offset: x_max,
            y_top,
            height: (y_top - y_bottom) * scale,
        }
    }

    fn project(&self, lon: f64, lat: f64) -> (f64, f64) {
        let (x, y) = equal_earth(lon, lat);
        (
            (x + self.x_offset) * self.scale,
            (self.y_top - y) * self.scale,
        )
    }

    /// Projects a ring and rounds it to tenths (as integers, so that relative path commands
    /// add up exactly), dropping points that round onto their predecessor.
    fn ring_tenths(&self, ring: &[(f64, f64)]) -> Vec<(i64, i64)> {
        let mut out: Vec<(i64, i64)> = Vec::with_capacity(ring.len());
        for &(lon, lat) in ring {
            let (x, y) = self.project(lon, lat);
            let p = ((x * 10.0).round() as i64, (y * 10.0).round() as i64);
            if out.last() != Some(&p) {
                out.push(p);
            }
        }
        if out.len() > 1 && out.first() == out.last() {
            out.pop();
        }
        out
    }

    fn outside(&self, ring: &[(i64, i64)]) -> bool {
        let h = (self.height * 10.0) as i64;
        let w = (MAP_WIDTH * 10.0) as i64;
        ring.iter().all(|p| p.1 > h)
            || ring.iter().all(|p| p.1 < 0)
            || ring.iter().all(|p| p.0 > w)
            || ring.iter().all(|p| p.0 < 0)
    }
}

/// Twice the signed area and the centroid of a ring in tenths.
fn area_centroid(ring: &[(i64, i64)]) -> (f64, (f64, f64)) {
    let (mut a2, mut cx, mut cy) = (0.0, 0.0, 0.0);
    for (i, &(x0, y0)) in ring.iter().enumerate() {
        let (x1, y1) = ring[(i + 1) % ring.len()];
        let cross = (x0 * y1 - x1 * y0) as f64;
        a2 += cross;
        cx += (x0 + x1) as f64 * cross;
        cy += (y0 + y1) as f64 * cross;
    }
    if a2 == 0.0 {
        let n = ring.len().max(1) as f64;
        let sx: i64 = ring.iter().map(|p| p.0).sum();
        let sy: i64 = ring.iter().map(|p| p.1).sum();
        return (0.0, (sx as f64 / n / 10.0, sy as f64 / n / 10.0));
    }
    (a2, (cx / (3.0 * a2) / 10.0, cy / (3.0 * a2) / 10.0))
}

/// Area in square user units of the feature's polygons (holes subtracted), and the centroid of
/// the largest polygon's outer ring: the representative point of a small State. The largest
/// polygon, not the whole feature, so that an archipelago's marker sits on its main island and
/// not in the sea between.
fn measure(frame: &Frame, feature: &Feature) -> (f64, Option<(f64, f64)>) {
    let mut total = 0.0;
    let mut largest: Option<(f64, (f64, f64))> = None;
    for polygon in &feature.polygons {
        let mut rings = polygon.iter().map(|r| frame.ring_tenths(r));
        let Some(outer) = rings.next() else { continue };
        let (a2, centroid) = area_centroid(&outer);
        let holes: f64 = rings.map(|r| area_centroid(&r).0.abs()).sum();
        let area = ((a2.abs() - holes) / 200.0).max(0.0);
        total += area;
        if largest.is_none_or(|(a, _)| area > a) {
            largest = Some((area, centroid));
        }
    }
    (total, largest.map(|(_, c)| c))
}

/// Appends a number of tenths as decimal user units.
fn tenths_into(out: &mut String, v: i64) {
    if v < 0 {
        out.push('-');
    }
    let a = v.unsigned_abs();
    let _ = write!(out, "{}", a / 10);
    if !a.is_multiple_of(10) {
        let _ = write!(out, ".{}", a % 10);
    }
}

/// Appends a coordinate pair, separated from what precedes it only where needed: `-` already
/// separates numbers in path data, which keeps the 110m map near 100 kB.
fn pair_into(out: &mut String, first_after_command: bool, x: i64, y: i64) {
    if !first_after_command && x >= 0 {
        out.push(' ');
    }
    tenths_into(out, x);
    if y >= 0 {
        out.push(' ');
    }
    tenths_into(out, y);
}

/// Path data for one feature: each ring as `M` absolute start, `l` relative steps, `z`.
fn path_data(frame: &Frame, feature: &Feature) -> String {
    let mut d = String::new();
    for ring in feature.polygons.iter().flatten() {
        let points = frame.ring_tenths(ring);
        if points.len() < 3 || frame.outside(&points) {
            continue;
        }
        d.push('M');
        pair_into(&mut d, true, points[0].0, points[0].1);
        d.push('l');
        for (i, w) in points.windows(2).enumerate() {
            pair_into(&mut d, i == 0, w[1].0 - w[0].0, w[1].1 - w[0].1);
        }
        d.push('z');
    }
    d
}

impl WorldMap {
    /// The map of the vendored world-atlas boundaries, built on first use (20–30 ms in a release
    /// build, most of it parsing the 1:50m file); call it at start-up so that no request pays.
    pub fn builtin() -> &'static WorldMap {
        &BUILTIN
    }

    /// Builds a map from a TopoJSON topology whose object `countries` holds the shapes to draw
    /// (ids: ISO 3166-1 numeric codes), and optionally a more detailed topology consulted only
    /// for where to put markers of States missing from the first.
    pub fn from_topojson(shapes: &str, detail: Option<&str>) -> Result<WorldMap, TopoError> {
        let frame = Frame::new();
        let decode = |json: &str| -> Result<Vec<Feature>, TopoError> {
            let mut features = topo::decode(json, "countries")?;
            for f in &mut features {
                f.polygons = cut_at_antimeridian(std::mem::take(&mut f.polygons));
            }
            Ok(features)
        };
        let features = decode(shapes)?;
        let detail = detail.map(decode).transpose()?;

        let mut map = WorldMap {
            width: MAP_WIDTH,
            height: frame.height,
            sphere: sphere_path(&frame),
            shapes: Vec::with_capacity(features.len()),
            shape_of: vec![None; CODES],
            markers: vec![None; CODES],
            path_bytes: 0,
            placements: Mutex::new(Vec::new()),
        };

        // Representative points from the detailed file, where a code appears in several
        // features (Australia and its Ashmore and Cartier Islands share 036), the largest wins.
        let mut detail_points: HashMap<u16, (f64, (f64, f64))> = HashMap::new();
        for feature in detail.iter().flatten() {
            let (Some(id), (area, Some(point))) = (feature.id, measure(&frame, feature)) else {
                continue;
            };
            let best = detail_points.entry(id).or_insert((area, point));
            if area > best.0 {
                *best = (area, point);
            }
        }

        let mut small: Vec<(u16, Option<(f64, f64)>)> = Vec::new();
        for feature in &features {
            let d = path_data(&frame, feature);
            if d.is_empty() {
                continue;
            }
            let index = u32::try_from(map.shapes.len()).expect("fewer than 2^32 shapes");
            let id = feature.id.filter(|&id| slot(id).is_some());
            if let Some(id) = id {
                let (area, point) = measure(&frame, feature);
                if area < SMALL_AREA {
                    small.push((id, point));
                }
                map.shape_of[usize::from(id)] = Some(index);
            }
            map.path_bytes += d.len();
            map.shapes.push(Shape {
                d: d.into_boxed_str(),
            });
        }

        for (id, point) in small {
            if let Some(p) = detail_points.get(&id).map(|b| b.1).or(point) {
                map.markers[usize::from(id)] = Some(p);
            }
        }
        for (&id, &(_, point)) in &detail_points {
            let visible =
                (0.0..=map.width).contains(&point.0) && (0.0..=map.height).contains(&point.1);
            if let Some(i) = slot(id)
                && map.shape_of[i].is_none()
                && visible
            {
                map.markers[i] = Some(point);
            }
        }
        Ok(map)
    }

    /// How `m49` is drawn.
    pub fn geometry(&self, m49: u16) -> Geometry {
        let Some(i) = slot(m49) else {
            return Geometry::None;
        };
        match (self.shape_of[i].is_some(), self.markers[i].is_some()) {
            (true, false) => Geometry::Shape,
            (true, true) => Geometry::ShapeAndMarker,
            (false, true) => Geometry::Marker,
            (false, false) => Geometry::None,
        }
    }

    /// Whether `m49` is drawn at all, as a shape or a marker.
    pub fn has_geometry(&self, m49: u16) -> bool {
        self.geometry(m49) != Geometry::None
    }

    /// Draws the map.
    pub fn render(&self, spec: &MapSpec) -> Result<RenderedMap, SpecError> {
        let fills = Fills::new(&spec.id_prefix, &spec.categories)?;
        let n_cat = spec.categories.len();

        let mut counts = vec![0usize; n_cat];
        for r in &spec.regions {
            if r.category >= n_cat {
                return Err(SpecError::CategoryOutOfRange {
                    m49: r.m49,
                    index: r.category,
                    len: n_cat,
                });
            }
            counts[r.category] += 1;
        }
        let mut codes: Vec<u16> = spec.regions.iter().map(|r| r.m49).collect();
        codes.sort_unstable();
        if let Some(w) = codes.windows(2).find(|w| w[0] == w[1]) {
            return Err(SpecError::DuplicateRegion(w[0]));
        }

        // The region each shape draws, if any.
        let mut region_of_shape: Vec<Option<&Region>> = vec![None; self.shapes.len()];
        for r in &spec.regions {
            if let Some(i) = slot(r.m49).and_then(|i| self.shape_of[i]) {
                region_of_shape[i as usize] = Some(r);
            }
        }

        let tooltips: usize = spec.regions.iter().map(|r| 2 * r.tooltip.len() + 40).sum();
        let mut out =
            String::with_capacity(self.path_bytes + self.shapes.len() * 24 + tooltips + 6144);

        let legend_items: Vec<LegendItem<'_>> = spec
            .categories
            .iter()
            .enumerate()
            .map(|(i, c)| LegendItem {
                swatch: Swatch::Fill(&fills, i),
                text: format!("{} ({})", c.label, counts[i]),
            })
            .collect();

        // The legend is laid out into a scratch buffer first: its height sets the viewBox.
        let mut legend = String::new();
        let legend_top = self.height + 12.0;
        let legend_h = legend_into(
            &mut legend,
            &legend_items,
            spec.dir,
            16.0,
            self.width - 32.0,
            legend_top,
        );
        let total_h = if legend_h > 0.0 {
            legend_top + legend_h + 6.0
        } else {
            self.height
        };

        svg::open_svg(
            &mut out,
            "map",
            &spec.id_prefix,
            self.width,
            total_h,
            &spec.title,
            &spec.description,
        );
        fills.defs_into(&mut out);
        out.push_str("<path class=\"taawun-map-sphere\" fill=\"#eaf1f6\" d=\"");
        out.push_str(&self.sphere);
        out.push_str("\"/>");

        // Land not in the spec (territories, areas without a code) is drawn so that the
        // continents are whole, without a tooltip, and white: lighter than the plain greys of
        // the "no data" and "not a member" categories, so that it does not read as either.
        out.push_str(
            "<g class=\"taawun-map-other\" fill=\"#fff\" stroke=\"#bcbcbc\" \
             stroke-width=\"0.4\">",
        );
        for (shape, region) in self.shapes.iter().zip(&region_of_shape) {
            if region.is_none() {
                out.push_str("<path d=\"");
                out.push_str(&shape.d);
                out.push_str("\"/>");
            }
        }
        out.push_str("</g>");

        // States in the spec, one group per category so the fill is written once per category.
        out.push_str(
            "<g class=\"taawun-map-states\" stroke=\"#fff\" stroke-width=\"0.5\" \
             stroke-linejoin=\"round\">",
        );
        for (cat, &count) in counts.iter().enumerate() {
            if count == 0 {
                continue;
            }
            out.push_str("<g fill=\"");
            fills.fill_into(&mut out, cat);
            out.push('"');
            fills.class_into(&mut out, cat);
            out.push('>');
            for (shape, region) in self.shapes.iter().zip(&region_of_shape) {
                let Some(region) = region.filter(|r| r.category == cat) else {
                    continue;
                };
                out.push_str("<path d=\"");
                out.push_str(&shape.d);
                out.push_str("\"><title>");
                svg::escape_into(&mut out, &region.tooltip);
                out.push_str("</title></path>");
            }
            out.push_str("</g>");
        }
        out.push_str("</g>");

        self.markers_into(&mut out, spec, &fills);
        out.push_str(&legend);
        out.push_str("</svg>");

        let not_drawn: Vec<u16> = codes
            .into_iter()
            .filter(|&id| !self.has_geometry(id))
            .collect();
        Ok(RenderedMap {
            svg: out,
            not_drawn,
        })
    }

    /// Markers of the small States in the spec, pushed apart where they would overlap (the
    /// Lesser Antilles put seven Member States within 5°), with a leader line to where each
    /// belongs when moved.
    fn markers_into(&self, out: &mut String, spec: &MapSpec, fills: &Fills<'_>) {
        let mut markers: Vec<(&Region, (f64, f64))> = spec
            .regions
            .iter()
            .filter_map(|r| slot(r.m49).and_then(|i| self.markers[i]).map(|p| (r, p)))
            .collect();
        if markers.is_empty() {
            return;
        }
        // Sorted by code so that a State's marker lands in the same place on every page,
        // whatever order the caller lists the States in.
        markers.sort_by_key(|(r, _)| r.m49);
        let anchors: Vec<(f64, f64)> = markers.iter().map(|m| m.1).collect();
        let codes: Vec<u16> = markers.iter().map(|(r, _)| r.m49).collect();
        let placed = self.placement(&codes, &anchors);

        out.push_str("<g class=\"taawun-map-leaders\" stroke=\"#555\" stroke-width=\"0.6\">");
        for (a, p) in anchors.iter().zip(placed.iter()) {
            if (a.0 - p.0).hypot(a.1 - p.1) > MARKER_R {
                out.push_str("<line x1=\"");
                svg::num_into(out, a.0, 1);
                out.push_str("\" y1=\"");
                svg::num_into(out, a.1, 1);
                out.push_str("\" x2=\"");
                svg::num_into(out, p.0, 1);
                out.push_str("\" y2=\"");
                svg::num_into(out, p.1, 1);
                out.push_str("\"/>");
            }
        }
        out.push_str("</g><g class=\"taawun-map-markers\" stroke=\"#333\" stroke-width=\"0.7\">");
        for ((region, _), p) in markers.iter().zip(placed.iter()) {
            out.push_str("<circle cx=\"");
            svg::num_into(out, p.0, 1);
            out.push_str("\" cy=\"");
            svg::num_into(out, p.1, 1);
            out.push_str("\" r=\"");
            svg::num_into(out, MARKER_R, 1);
            out.push_str("\" fill=\"");
            fills.fill_into(out, region.category);
            out.push('"');
            fills.class_into(out, region.category);
            out.push_str("><title>");
            svg::escape_into(out, &region.tooltip);
            out.push_str("</title></circle>");
        }
        out.push_str("</g>");
    }
}

impl WorldMap {
    /// Where the markers of `codes` (sorted, anchored at `anchors`) go, from memory when this
    /// set was drawn before.
    fn placement(&self, codes: &[u16], anchors: &[(f64, f64)]) -> Arc<[(f64, f64)]> {
        // A panic elsewhere while holding the lock leaves a still-valid list: keep using it.
        let remembered = |list: &Vec<Placement>| {
            list.iter()
                .find(|p| *p.codes == *codes)
                .map(|p| Arc::clone(&p.positions))
        };
        if let Some(found) = remembered(&self.placements.lock().unwrap_or_else(|e| e.into_inner()))
        {
            return found;
        }
        let positions: Arc<[(f64, f64)]> =
            spread(anchors, 2.0 * MARKER_R + 1.0, self.width, self.height).into();
        let mut list = self.placements.lock().unwrap_or_else(|e| e.into_inner());
        if remembered(&list).is_none() {
            if list.len() >= PLACEMENTS_KEPT {
                list.remove(0);
            }
            list.push(Placement {
                codes: codes.into(),
                positions: Arc::clone(&positions),
            });
        }
        positions
    }
}

/// Moves points apart until no two are closer than `min_dist` (or 100 rounds have passed),
/// keeping them inside the map.
fn spread(anchors: &[(f64, f64)], min_dist: f64, width: f64, height: f64) -> Vec<(f64, f64)> {
    let mut p = anchors.to_vec();
    for _ in 0..100 {
        let mut moved = false;
        for i in 0..p.len() {
            for j in i + 1..p.len() {
                let (dx, dy) = (p[j].0 - p[i].0, p[j].1 - p[i].1);
                // Most pairs are continents apart; two comparisons dismiss them.
                if dx.abs() >= min_dist || dy.abs() >= min_dist {
                    continue;
                }
                let dist = dx.hypot(dy);
                if dist >= min_dist {
                    continue;
                }
                // Coincident points have no direction between them: a fixed, index-derived
                // angle keeps the result deterministic.
                let (ux, uy) = if dist < 1e-9 {
                    let angle = (i * 7 + j * 13) as f64;
                    (angle.cos(), angle.sin())
                } else {
                    (dx / dist, dy / dist)
                };
                let push = (min_dist - dist) / 2.0 + 0.01;
                p[i].0 -= ux * push;
                p[i].1 -= uy * push;
                p[j].0 += ux * push;
                p[j].1 += uy * push;
                moved = true;
            }
        }
        for q in &mut p {
            q.0 = q.0.clamp(MARKER_R, width - MARKER_R);
            q.1 = q.1.clamp(MARKER_R, height - MARKER_R);
        }
        if !moved {
            break;
        }
    }
    p
}

/// The outline of the globe: the ±180° meridians from pole to pole.
fn sphere_path(frame: &Frame) -> String {
    let mut d = String::new();
    let mut points = Vec::new();
    for i in 0..=36 {
        points.push(frame.project(-180.0, -90.0 + f64::from(i) * 5.0));
    }
    for i in 0..=36 {
        points.push(frame.project(180.0, 90.0 - f64::from(i) * 5.0));
    }
    for (i, (x, y)) in points.into_iter().enumerate() {
        d.push(if i == 0 { 'M' } else { 'L' });
        svg::num_into(&mut d, x, 1);
        d.push(' ');
        svg::num_into(&mut d, y, 1);
    }
    d.push('Z');
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_path_data_is_compact_and_exact() {
        let mut d = String::new();
        pair_into(&mut d, true, 123, -45);
        pair_into(&mut d, false, -10, 7);
        pair_into(&mut d, false, 0, 0);
        assert_eq!(d, "12.3-4.5-1 0.7 0 0");
    }

    #[test]
    fn spread_separates_coincident_points() {
        let placed = spread(&[(50.0, 50.0); 3], 9.0, 100.0, 100.0);
        for i in 0..3 {
            for j in i + 1..3 {
                let d = (placed[i].0 - placed[j].0).hypot(placed[i].1 - placed[j].1);
                assert!(d >= 8.99, "{placed:?}");
            }
        }
    }
}
