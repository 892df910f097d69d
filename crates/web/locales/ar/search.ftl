# البحث الموحد: تصنيفات خلاصة أفضل الممارسات (سائر رسائل البحث في main.ftl).
search-facet-modality = نمط التعاون
search-modality-south-south = بين بلدان الجنوب
search-modality-north-south = بين الشمال والجنوب
search-modality-triangular = ثلاثي
search-modality-regional = إقليمي
search-facet-region = المنطقة
search-region-global = عالمي
search-region-other = أخرى
search-facet-right = الحقوق المعنية
