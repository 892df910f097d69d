//! The Equal Earth projection.
//!
//! Bojan Šavrič, Tom Patterson and Bernhard Jenny, "The Equal Earth map projection",
//! International Journal of Geographical Information Science 33(3), 2019 (online 2018),
//! doi:10.1080/13658816.2018.1504949. Equal-area, so that the map does not make the States of
//! the North look larger than those of the South, which for a map of votes would weigh the
//! colours of one group of States over another.

const A1: f64 = 1.340264;
const A2: f64 = -0.081106;
const A3: f64 = 0.000893;
const A4: f64 = 0.003796;

/// `M = sqrt(3) / 2`: the parametric latitude θ is defined by `sin θ = M sin φ`.
const M: f64 = 0.866_025_403_784_438_6;

/// Projects longitude and latitude (degrees) to the projection plane of the unit sphere: x grows
/// to the east, y to the north.
pub fn equal_earth(lon: f64, lat: f64) -> (f64, f64) {
    let lambda = lon.to_radians();
    let theta = (M * lat.to_radians().sin()).asin();
    let t2 = theta * theta;
    let t6 = t2 * t2 * t2;
    let x = lambda * theta.cos() / (M * (A1 + 3.0 * A2 * t2 + t6 * (7.0 * A3 + 9.0 * A4 * t2)));
    let y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2));
    (x, y)
}

/// A ring of (longitude, latitude) points.
type Ring = Vec<(f64, f64)>;

/// Splits the polygons whose outer ring crosses the antimeridian into a part on each side.
///
/// world-atlas does not cut everything there: at 1:110m, Fiji and the Chukotka tip of Russia
/// are rings that step from 180° to −180°, which drawn as they are become lines across the whole
/// map. d3 cuts them while projecting; this is that cut, for the polygons that need it.
/// Holes go with the part their first point is on (none of the crossing polygons has any).
pub(crate) fn cut_at_antimeridian(polygons: Vec<Vec<Ring>>) -> Vec<Vec<Ring>> {
    let mut out = Vec::with_capacity(polygons.len());
    for polygon in polygons {
        let Some((east, west)) = polygon.first().and_then(|outer| split_ring(outer)) else {
            out.push(polygon);
            continue;
        };
        let (mut east, mut west) = (vec![east], vec![west]);
        for hole in polygon.into_iter().skip(1) {
            match hole.first() {
                Some(&(lon, _)) if lon < 0.0 => west.push(hole),
                _ => east.push(hole),
            }
        }
        out.extend([east, west].into_iter().filter(|p| p[0].len() >= 3));
    }
    out
}

/// The parts of a ring east (towards +180°) and west (from −180°) of the antimeridian, or
/// `None` when it does not cross it, or goes round a pole (Antarctica, which the map leaves out).
fn split_ring(ring: &[(f64, f64)]) -> Option<(Ring, Ring)> {
    if !ring.windows(2).any(|w| (w[1].0 - w[0].0).abs() > 180.0) {
        return None;
    }
    // Longitudes made continuous: a ring that crosses then runs past ±180°.
    let mut unwrapped = Vec::with_capacity(ring.len());
    let mut shift = 0.0;
    for (i, &(lon, lat)) in ring.iter().enumerate() {
        if i > 0 {
            let prev = ring[i - 1].0;
            if lon - prev > 180.0 {
                shift -= 360.0;
            } else if prev - lon > 180.0 {
                shift += 360.0;
            }
        }
        unwrapped.push((lon + shift, lat));
    }
    if shift != 0.0 {
        return None;
    }
    let max = unwrapped.iter().map(|p| p.0).fold(f64::MIN, f64::max);
    let cut = if max > 180.0 { 180.0 } else { -180.0 };
    let below = clip(&unwrapped, cut, true);
    let above = clip(&unwrapped, cut, false);
    let shifted = |r: Ring, by: f64| r.into_iter().map(|(x, y)| (x + by, y)).collect::<Ring>();
    Some(if cut > 0.0 {
        (below, shifted(above, -360.0))
    } else {
        (shifted(below, 360.0), above)
    })
}

/// Sutherland–Hodgman clipping of a ring to the half-plane left (`keep_below`) or right of the
/// meridian `x = cut`. Where the ring is concave across the cut, the result runs along the cut,
/// which is the map's edge, so nothing spurious shows.
fn clip(ring: &[(f64, f64)], cut: f64, keep_below: bool) -> Ring {
    let inside = |p: (f64, f64)| if keep_below { p.0 <= cut } else { p.0 >= cut };
    let mut out = Vec::with_capacity(ring.len());
    for (i, &q) in ring.iter().enumerate() {
        let p = ring[(i + ring.len() - 1) % ring.len()];
        let crossing = || {
            let t = (cut - p.0) / (q.0 - p.0);
            (cut, p.1 + t * (q.1 - p.1))
        };
        match (inside(p), inside(q)) {
            (true, true) => out.push(q),
            (true, false) => out.push(crossing()),
            (false, true) => {
                out.push(crossing());
                out.push(q);
            }
            (false, false) => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_the_published_extent() {
        // The paper gives the map's extent as x ∈ ±2.7066 and y ∈ ±1.3173 on the unit sphere.
        let (x, y) = equal_earth(180.0, 0.0);
        assert!((x - 2.706_629).abs() < 1e-5, "{x}");
        assert_eq!(y, 0.0);
        let (x, y) = equal_earth(0.0, 90.0);
        assert_eq!(x, 0.0);
        assert!((y - 1.317_362_7).abs() < 1e-5, "{y}");
        let (x, y) = equal_earth(-180.0, -90.0);
        assert!(x < 0.0 && (y + 1.317_362_7).abs() < 1e-5);
    }

    #[test]
    fn a_ring_across_the_antimeridian_is_cut_in_two() {
        // A square from 170°E to 170°W.
        let ring = vec![
            (170.0, 0.0),
            (-170.0, 0.0),
            (-170.0, 10.0),
            (170.0, 10.0),
            (170.0, 0.0),
        ];
        let parts = cut_at_antimeridian(vec![vec![ring]]);
        assert_eq!(parts.len(), 2);
        let lons = |i: usize| parts[i][0].iter().map(|p| p.0).collect::<Vec<_>>();
        assert!(
            lons(0).iter().all(|&x| (170.0..=180.0).contains(&x)),
            "{:?}",
            lons(0)
        );
        assert!(
            lons(1).iter().all(|&x| (-180.0..=-170.0).contains(&x)),
            "{:?}",
            lons(1)
        );
        assert!(lons(0).contains(&180.0) && lons(1).contains(&-180.0));
    }

    #[test]
    fn rings_that_do_not_cross_or_circle_a_pole_are_kept() {
        let square = vec![vec![vec![(0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 0.0)]]];
        assert_eq!(cut_at_antimeridian(square.clone()), square);
        let polar = vec![vec![vec![
            (-180.0, -80.0),
            (0.0, -80.0),
            (180.0, -80.0),
            (180.0, -90.0),
            (-180.0, -90.0),
            (-180.0, -80.0),
        ]]];
        assert_eq!(cut_at_antimeridian(polar.clone()), polar);
    }
}
