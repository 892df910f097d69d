# The one search: the best-practice compendium's facets (the other search messages are in main.ftl).
search-facet-modality = Modality of cooperation
search-modality-south-south = South-South
search-modality-north-south = North-South
search-modality-triangular = Triangular
search-modality-regional = Regional
search-facet-region = Region
search-region-global = Global
search-region-other = Other
search-facet-right = Rights concerned
