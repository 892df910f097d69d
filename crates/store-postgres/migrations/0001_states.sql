-- States, territories and historic States: a copy of the built-in table, refreshed when the
-- binary's table changes (see reference_data), so that records can refer to States by key.
CREATE TABLE states (
    iso3 TEXT PRIMARY KEY CHECK (length(iso3) = 3),
    iso2 TEXT,
    m49 INTEGER,
    iso3166_3 TEXT,
    un_status TEXT NOT NULL CHECK (un_status IN ('member', 'observer', 'territory', 'historic')),
    regional_group TEXT CHECK (regional_group IN ('african', 'asia-pacific', 'eastern-european', 'latin-american-caribbean', 'western-european-others')),
    m49_region INTEGER,
    m49_sub_region INTEGER,
    m49_intermediate_region INTEGER,
    name_ar TEXT NOT NULL,
    name_en TEXT NOT NULL,
    name_fr TEXT NOT NULL,
    name_es TEXT NOT NULL,
    name_ru TEXT NOT NULL,
    name_zh TEXT NOT NULL,
    formal_name_en TEXT,
    aliases JSONB NOT NULL DEFAULT '[]',
    -- Folded names and aliases (taawun_text::fold_name), for "name contains" filtering.
    search_key TEXT NOT NULL,
    -- Folded short names, for sorting by name in each language. Compared byte-wise (COLLATE "C")
    -- so that both backends order the same way.
    sort_ar TEXT COLLATE "C" NOT NULL,
    sort_en TEXT COLLATE "C" NOT NULL,
    sort_fr TEXT COLLATE "C" NOT NULL,
    sort_es TEXT COLLATE "C" NOT NULL,
    sort_ru TEXT COLLATE "C" NOT NULL,
    sort_zh TEXT COLLATE "C" NOT NULL
);

CREATE INDEX states_regional_group ON states (regional_group);
CREATE INDEX states_un_status ON states (un_status);

-- Which version of each built-in reference table the database holds.
CREATE TABLE reference_data (
    name TEXT PRIMARY KEY,
    fingerprint TEXT NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
