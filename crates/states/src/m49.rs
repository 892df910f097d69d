//! The M49 geographic regions (UN Statistics Division, "Standard country or area codes for
//! statistical use"): regions, sub-regions and intermediate regions by code. Their names are
//! interface text and live in the Fluent message files as `m49-<code>`.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SubRegion {
    pub code: u16,
    /// The M49 region (1 World is not used): 2 Africa, 9 Oceania, 19 Americas, 142 Asia, 150 Europe.
    pub region: u16,
}

const SUB_REGIONS: &[SubRegion] = &[
    SubRegion {
        code: 15,
        region: 2,
    }, // Northern Africa
    SubRegion {
        code: 202,
        region: 2,
    }, // Sub-Saharan Africa
    SubRegion {
        code: 419,
        region: 19,
    }, // Latin America and the Caribbean
    SubRegion {
        code: 21,
        region: 19,
    }, // Northern America
    SubRegion {
        code: 143,
        region: 142,
    }, // Central Asia
    SubRegion {
        code: 30,
        region: 142,
    }, // Eastern Asia
    SubRegion {
        code: 35,
        region: 142,
    }, // South-eastern Asia
    SubRegion {
        code: 34,
        region: 142,
    }, // Southern Asia
    SubRegion {
        code: 145,
        region: 142,
    }, // Western Asia
    SubRegion {
        code: 151,
        region: 150,
    }, // Eastern Europe
    SubRegion {
        code: 154,
        region: 150,
    }, // Northern Europe
    SubRegion {
        code: 39,
        region: 150,
    }, // Southern Europe
    SubRegion {
        code: 155,
        region: 150,
    }, // Western Europe
    SubRegion {
        code: 53,
        region: 9,
    }, // Australia and New Zealand
    SubRegion {
        code: 54,
        region: 9,
    }, // Melanesia
    SubRegion {
        code: 57,
        region: 9,
    }, // Micronesia
    SubRegion {
        code: 61,
        region: 9,
    }, // Polynesia
];

/// The five M49 regions.
pub const REGIONS: [u16; 5] = [2, 9, 19, 142, 150];

/// The sub-region with this code.
pub fn sub_region(code: u16) -> Option<SubRegion> {
    SUB_REGIONS.iter().copied().find(|s| s.code == code)
}

/// The M49 region a sub-region belongs to.
pub fn region_of(sub_region_code: u16) -> Option<u16> {
    sub_region(sub_region_code).map(|s| s.region)
}
