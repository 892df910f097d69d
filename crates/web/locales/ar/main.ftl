site-name = تعاون
skip-to-content = انتقل إلى المحتوى
nav-menu = القائمة
nav-label = القائمة الرئيسية
nav-states = الدول
nav-api = واجهة البرمجة
language-switcher = اللغة
footer-text = تعاون: التعاون الدولي في ميدان حقوق الإنسان (قرار مجلس حقوق الإنسان 56/2). بيانات مفتوحة؛ وصف واجهة البرمجة في
back-home = الصفحة الرئيسية

error-status = الحالة
error-not-found-title = الصفحة غير موجودة
error-bad-request-title = لا يمكن تلبية الطلب
error-internal-title = حدث خطأ
error-internal = تعذّر على الخادم إتمام الطلب. أعد المحاولة بعد قليل، وإن تكرر الخطأ فأبلغ المسؤولين.
error-no-page = لا توجد صفحة في { $path }. تحقق من العنوان أو ابدأ من الصفحة الرئيسية.
error-unknown-language = لا توجد لغة واجهة بالرمز { $code }.
error-unknown-state = لا توجد دولة أو إقليم أو دولة سابقة بالرمز { $code }. الرموز هي رموز ISO 3166-1 الثلاثية، مثل CMR أو VNM.
error-invalid-parameter = المُعامل «{ $parameter }» غير صالح: { $message }

home-lead = منصة مفتوحة واحدة تعمل فيها الدول والأمانة العامة للأمم المتحدة والجهات المانحة والمؤسسات الوطنية لحقوق الإنسان والمجتمع المدني والجمهور على السجلات نفسها للتعاون الدولي في ميدان حقوق الإنسان.
home-mandate = وهي تتبع قرار مجلس حقوق الإنسان 56/2 الذي يدعو إلى هذا التعاون. وتضم اليوم نصوص القرارات (مقسمة إلى فقرات، مع الوثائق التي تستشهد بها والتصويت عليها والولايات التي تسندها)، وكل تصويت مسجل لمجلس حقوق الإنسان وللجمعية العامة في مجموعات البيانات العامة، والدول ومجموعاتها الإقليمية.
home-search-placeholder = كلمات، أو رمز وثيقة للأمم المتحدة (A/HRC/RES/56/2)، أو اسم دولة
home-holds-heading = ما تضمه المنصة
home-holds-texts = { $count ->
    [zero] لا يوجد نص قرار بعد
    [one] نص قرار واحد كاملاً
    [two] نصا قرارين كاملين
    [few] { $count } نصوص قرارات كاملة
    [many] { $count } نصاً كاملاً لقرارات
   *[other] { $count } نص قرار كامل
}
home-holds-hrc = مجلس حقوق الإنسان: { $count ->
    [few] { $count } تصويتات مسجلة
    [many] { $count } تصويتاً مسجلاً
   *[other] { $count } تصويت مسجل
}، من { $first } إلى { $last }
home-holds-unga = الجمعية العامة: { $count ->
    [few] { $count } تصويتات مسجلة
    [many] { $count } تصويتاً مسجلاً
   *[other] { $count } تصويت مسجل
}، من { $first } إلى { $last } (وعنده تنتهي مجموعة البيانات)
home-holds-no-votes = لم تُستورد سجلات التصويت بعد.
home-sources = مصدر كل مجموعة بيانات وترخيصها وما تغطيه، وكيف تُحسب الأرقام
home-latest-heading = أحدث الدورات
home-latest-session = { $body }، الدورة { $session }: { $count ->
    [one] تصويت مسجل واحد
    [two] تصويتان مسجلان
    [few] { $count } تصويتات مسجلة
    [many] { $count } تصويتاً مسجلاً
   *[other] { $count } تصويت مسجل
}، آخرها في { $date }
home-groups-heading = المجموعات الإقليمية الخمس
home-groups-intro = { $count ->
    [zero] لا توجد دول أعضاء في الأمم المتحدة.
    [one] دولة واحدة عضو في الأمم المتحدة، حسب المجموعة الإقليمية:
    [two] دولتان عضوان في الأمم المتحدة، حسب المجموعة الإقليمية:
    [few] { $count } دول أعضاء في الأمم المتحدة، حسب المجموعة الإقليمية:
    [many] { $count } دولة عضواً في الأمم المتحدة، حسب المجموعة الإقليمية:
   *[other] { $count } دولة عضو في الأمم المتحدة، حسب المجموعة الإقليمية:
}
home-data-heading = بيانات مفتوحة
home-data-text = كل قائمة متاحة أيضاً بصيغة JSON، وبصيغة CSV حيث تكون جدولاً:

resolve-title = البحث عن دولة باسمها
resolve-intro = اكتب اسم الدولة كما ورد في الوثيقة، بأي من لغات الأمم المتحدة الست: الاسم الرسمي أو المختصر، بأداة التعريف أو بدونها، حتى لو أفسده استخراج النص من ملف PDF.
resolve-label = الاسم
resolve-button = ابحث
resolve-exact = اسم رسمي لهذه الدولة في الأمم المتحدة.
resolve-alias = اسم سابق لهذه الدولة أو صيغة شائعة لاسمها.
resolve-fuzzy = { $distance ->
    [one] تطابق تقريبي: يختلف حرف واحد عن اسم هذه الدولة. يُرجى التحقق.
    [two] تطابق تقريبي: يختلف حرفان عن اسم هذه الدولة. يُرجى التحقق.
    [few] تطابق تقريبي: تختلف { $distance } أحرف عن اسم هذه الدولة. يُرجى التحقق.
   *[other] تطابق تقريبي: يختلف { $distance } حرفاً عن اسم هذه الدولة. يُرجى التحقق.
}
resolve-none = لا توجد دولة تطابق هذا الاسم بيقين.
resolve-candidates = ربما المقصود

states-title = الدول والأقاليم
states-summary = { $count ->
    [0] لا توجد دولة مطابقة.
    [one] دولة واحدة · الصفحة { $page } من { $pages }
    [two] دولتان · الصفحة { $page } من { $pages }
    [few] { $count } دول · الصفحة { $page } من { $pages }
    [many] { $count } دولة · الصفحة { $page } من { $pages }
   *[other] { $count } دولة · الصفحة { $page } من { $pages }
}
states-empty = لا توجد دولة أو إقليم أو دولة سابقة تطابق عوامل التصفية هذه.
filter-name = الاسم يتضمن
filter-group = المجموعة الإقليمية
filter-status = الوضع
filter-sort = الترتيب حسب
filter-order = الاتجاه
filter-all = الكل
filter-apply = تطبيق
filter-reset = مسح عوامل التصفية
order-asc = تصاعدي
order-desc = تنازلي
sort-name = الاسم
sort-iso3 = رمز ISO
sort-m49 = رمز M49
col-name = الاسم
col-iso3 = رمز ISO 3166-1 الثلاثي
col-iso2 = رمز ISO 3166-1 الثنائي
col-m49 = رمز M49
col-group = المجموعة الإقليمية
col-status = الوضع
col-iso3166-3 = الرمز السابق (ISO 3166-3)
col-region = المنطقة (M49)
pager-label = الصفحات
crumbs-label = أنت هنا
state-names-heading = الاسم باللغات الرسمية الست
state-aliases-heading = الأسماء السابقة والصيغ الأخرى

group-african = مجموعة الدول الأفريقية
group-asia-pacific = مجموعة دول آسيا والمحيط الهادئ
group-eastern-european = مجموعة دول أوروبا الشرقية
group-latin-american-caribbean = مجموعة دول أمريكا اللاتينية ومنطقة البحر الكاريبي
group-western-european-others = مجموعة دول أوروبا الغربية ودول أخرى
group-none = لا توجد

status-member = دولة عضو
status-observer = دولة مراقبة
status-territory = إقليم
status-historic = دولة سابقة

language-ar = العربية
language-en = الإنكليزية
language-fr = الفرنسية
language-es = الإسبانية
language-ru = الروسية
language-zh = الصينية

m49-2 = أفريقيا
m49-9 = أوقيانوسيا
m49-19 = الأمريكتان
m49-142 = آسيا
m49-150 = أوروبا
m49-15 = شمال أفريقيا
m49-202 = أفريقيا جنوب الصحراء الكبرى
m49-14 = شرق أفريقيا
m49-17 = وسط أفريقيا
m49-18 = الجنوب الأفريقي
m49-11 = غرب أفريقيا
m49-419 = أمريكا اللاتينية ومنطقة البحر الكاريبي
m49-29 = منطقة البحر الكاريبي
m49-13 = أمريكا الوسطى
m49-5 = أمريكا الجنوبية
m49-21 = أمريكا الشمالية
m49-143 = آسيا الوسطى
m49-30 = شرق آسيا
m49-35 = جنوب شرق آسيا
m49-34 = جنوب آسيا
m49-145 = غرب آسيا
m49-151 = أوروبا الشرقية
m49-154 = أوروبا الشمالية
m49-39 = أوروبا الجنوبية
m49-155 = أوروبا الغربية
m49-830 = جزر القنال
m49-53 = أستراليا ونيوزيلندا
m49-54 = ميلانيزيا
m49-57 = ميكرونيزيا
m49-61 = بولينيزيا

nav-resolutions = القرارات
nav-mandates = الولايات
resolutions-title = القرارات
resolutions-empty = لا يوجد قرار يطابق عوامل التصفية هذه.
error-unknown-resolution = لا يوجد في السجل قرار بالرمز { $symbol }. الرموز مثل A/HRC/RES/56/2.
filter-body = الهيئة
filter-session = الدورة
filter-year = السنة
filter-method = طريقة الاعتماد
sort-date = تاريخ الاعتماد
sort-symbol = الرمز
sort-session = الدورة
col-symbol = الرمز
col-title = العنوان
col-adopted = تاريخ الاعتماد
col-vote = التصويت
col-body = الهيئة
col-agenda = بند جدول الأعمال
col-meeting = الجلسة
col-distributed = تاريخ التوزيع
col-paragraph = الفقرة
col-addressee = الجهة المعنية
col-action = الإجراء
col-output = الناتج
col-due-session = موعد التقديم (الدورة)
col-kind = النوع
col-date = التاريخ
col-version = النسخة
col-language = اللغة
col-source = المصدر
col-warnings = الملاحظات
col-imported = تاريخ الإدخال
body-human-rights-council = مجلس حقوق الإنسان
body-general-assembly = الجمعية العامة
method-recorded-vote = اعتُمد بتصويت مسجل
method-without-vote = اعتُمد دون تصويت
# The UN's Arabic style: "بأغلبية 31 صوتاً مقابل 14 وامتناع 2 عن التصويت" (the noun follows the
# number of votes in favour).
vote-tally = { $yes ->
    [zero] لا صوت مؤيداً
    [one] صوت واحد مؤيد
    [two] صوتان مؤيدان
    [few] { $yes } أصوات مؤيدة
    [many] { $yes } صوتاً مؤيداً
   *[other] { $yes } صوت مؤيد
} مقابل { $no } وامتناع { $abstain } عن التصويت
vote-yes = المؤيدون
vote-no = المعارضون
vote-abstain = الممتنعون
toc-label = في هذه الصفحة
section-text = النص
section-preamble = الديباجة
section-operative = الفقرات العاملة
section-footnotes = الحواشي
section-vote = التصويت
section-mandates = الولايات
section-references = الوثائق المشار إليها
section-cited-by = النصوص التي تشير إليه
section-warnings = ملاحظات التحليل
section-history = النسخ
footnote-missing = نص هذه الحاشية غير موجود في المصدر.
back-to-paragraph = العودة إلى الفقرة
cited-by-none = لا يشير إلى هذا النص أي نص في السجل حتى الآن.
warnings-intro = ما أصلحه المحلل أو تعذّر عليه فهمه في النص المصدر، مع موضعه.
version-current = المعروضة
mandates-title = الولايات
mandates-intro = الطلبات الواردة في القرارات المسجلة: من يقوم بماذا، وفي أي دورة، وتتبعها حتى ناتجها.
mandates-summary = { $count ->
    [0] لا توجد ولاية مطابقة.
    [one] ولاية واحدة · الصفحة { $page } من { $pages }
    [two] ولايتان · الصفحة { $page } من { $pages }
    [few] { $count } ولايات · الصفحة { $page } من { $pages }
    [many] { $count } ولاية · الصفحة { $page } من { $pages }
   *[other] { $count } ولاية · الصفحة { $page } من { $pages }
}
mandates-empty = لا توجد ولاية تطابق عوامل التصفية هذه.
reference-general-assembly-resolution = قرار الجمعية العامة
reference-human-rights-council-resolution = قرار مجلس حقوق الإنسان
reference-commission-resolution = قرار لجنة حقوق الإنسان
reference-sub-commission-resolution = قرار اللجنة الفرعية
reference-decision = مقرر
reference-report = تقرير أو وثيقة
reference-declaration = إعلان
reference-conference = مؤتمر
reference-other = وثيقة أخرى
addressee-high-commissioner = المفوض السامي (المفوضية)
addressee-secretary-general = الأمين العام
addressee-states = الدول
addressee-the-body = الهيئة نفسها
addressee-un-system = منظومة الأمم المتحدة
addressee-other = جهة أخرى
output-report = تقرير
output-seminar = حلقة دراسية
output-compilation = تجميع
output-consultation = مشاورات
output-study = دراسة
output-other = أخرى
col-as-written = كما ورد في النص
vote-records-agree = تتطابق سجلات التصويت ({ $source }) مع هذا النص، دولةً دولة.
vote-records-differ = تختلف سجلات التصويت ({ $source }) عن هذا النص؛ ويُحتفظ بالاثنين:
vote-records-records-only = { $state }: { $choice } في سجلات التصويت، وليس في النص
vote-records-text-only = { $state }: { $choice } في النص، وليس في سجلات التصويت

## What the registry holds of a record
filter-content = المحفوظ
content-text = النص
content-votes-only = سجل التصويت فقط
col-holdings = المحفوظ
holds-text = النص
holds-text-and-votes = النص وسجل التصويت
holds-votes-only = سجل التصويت فقط

## Votes: bodies, choices, definitions
nav-votes = التوافق في التصويت
vote-body-hrc = مجلس حقوق الإنسان
vote-body-unga = الجمعية العامة
vote-body-all = الهيئتان معاً
vote-non-voting = حاضر غير مصوِّت
vote-absent = غائب
vote-not-member = ليس عضواً
vote-no-data = لا بيانات
definition-identical = التصويت نفسه (مؤيد أو معارض أو ممتنع)
definition-yes-no = أصوات التأييد والمعارضة فقط
definition-half-abstain = الامتناع يُحسب نصفاً
definition-identical-note = الاتفاق هو نسبة عمليات التصويت المسجَّل التي أدلت فيها الدولتان بالصوت نفسه، من بين العمليات التي صوّتت فيها كلتاهما تأييداً أو معارضةً أو امتناعاً. يُستبعد الغياب وعدم التصويت وعدم العضوية؛ والامتناع يختلف عن التأييد وعن المعارضة.
definition-yes-no-note = لا يُحسب إلا التصويت الذي أيّدت فيه الدولتان أو عارضتا، والاتفاق نسبة ما تطابق فيه صوتاهما. وتُستبعد العمليات التي امتنعت فيها إحداهما.
definition-half-abstain-note = يُحسب كل تصويت أيّدت فيه الدولتان أو عارضتا أو امتنعتا: الصوت نفسه يُحسب 1، والامتناع مقابل التأييد أو المعارضة يُحسب ½، والتأييد مقابل المعارضة يُحسب 0 (مؤشر ليبهارت للاتفاق).
definition-how = كيف يُحسب الاتفاق
majority-note = الأغلبية في تصويتٍ ما هي الأكثر تكراراً من التأييد والمعارضة والامتناع بين الدول المصوّتة؛ وتُستبعد العمليات التي يتعادل فيها الخياران الأولان.
cohesion-note = التماسك هو مؤشر الاتفاق لهيكس ونوري ورولاند: 1 حين يدلي كل أعضاء المجموعة المصوّتين بالصوت نفسه، و0 حين ينقسمون بالتساوي على الخيارات الثلاثة؛ ويُحسب متوسطه على عمليات التصويت التي صوّت فيها عضوان على الأقل.

## A State's voting record
filter-issue = الموضوع
filter-definition = تعريف الاتفاق
filter-from = من
filter-to = إلى
filter-compare-with = المقارنة مع
filter-state = الدولة
col-state = الدولة
col-agreement = الاتفاق
col-votes-counted = الأصوات المحسوبة
state-votes-title = سجل تصويت { $state }
state-votes-summary = { $count } صوتاً · الصفحة { $page } من { $pages }
state-votes-empty = لا يطابق هذه المرشحات أيُّ تصويت مسجَّل لهذه الدولة.
state-votes-overview = نظرة عامة
state-votes-majority = صوّتت مع الأغلبية في { $share } من { $count } عملية تصويت شاركت فيها.
state-votes-majority-none = لا توجد عملية تصويت ذات أغلبية ضمن هذه المرشحات.
state-votes-agreement = الاتفاق مع { $other }: { $share }، على { $count } عملية تصويت.
state-votes-agreement-self = تتفق الدولة دائماً مع نفسها؛ اختر دولة أخرى للمقارنة.
state-votes-agreement-none = لا تشترك { $other } وهذه الدولة في أي تصويت محسوب ضمن هذه المرشحات.
state-votes-agreement-heading = الاتفاق مع الدول الأخرى
state-votes-closest = الأقرب (20 صوتاً مشتركاً على الأقل)
state-votes-farthest = الأبعد (20 صوتاً مشتركاً على الأقل)
state-votes-explore = جميع الدول حسب الاتفاق، وتماسك المجموعات، وخريطة التصويت
state-votes-record = الأصوات
state-voting-record-link = سجل التصويت

## The agreement explorer
explorer-title = مستكشف الاتفاق
explorer-lead = أيّ الدول تصوّت على نحو متشابه: اختر هيئة أو فترة أو موضوعاً؛ لترى كل الدول مرتبة حسب اتفاقها مع الدولة التي تختارها، ومدى تماسك كل مجموعة إقليمية، وخريطة للدول حسب تشابه تصويتها.
explorer-summary = { $roll_calls } عملية تصويت، { $states } دولة
explorer-empty = لا يطابق هذه المرشحات أيُّ تصويت.
explorer-ranking = الاتفاق مع
explorer-choose-state = اختر دولة لترى سائر الدول مرتبة حسب اتفاقها معها.
explorer-cohesion = تماسك المجموعات الإقليمية
col-members-voting = الأعضاء المصوّتون
col-cohesion = التماسك
col-roll-calls-counted = عمليات التصويت المحسوبة
explorer-map-table = كل دولة على الخريطة، مع أقرب ثلاث دول إليها
col-nearest-on-map = الأقرب على الخريطة
explorer-similarity-note = الدول التي تصوّت على نحو متشابه متقاربة في الرسم. الرسم تحجيم متعدد الأبعاد كلاسيكي للمسافات 1 − الاتفاق: المسافات وحدها ذات معنى، لا المحاور. مرّر المؤشر على نقطة لترى اسم الدولة، أو افتح الجدول أسفل الخريطة.
explorer-dropped = استُبعدت لاشتراكها في أقل من 20 تصويتاً محسوباً مع دولة أخرى:
downloads = التنزيلات
download-agreement-matrix = اتفاق كل زوج من الدول
download-cohesion = تماسك المجموعات الإقليمية
download-similarity = إحداثيات خريطة التصويت
download-ranking = اتفاق كل دولة مع { $state }

## Charts
chart-bars-title = الأصوات حسب المجموعة الإقليمية على { $vote }
chart-bars-description = شريط لكل مجموعة إقليمية في الأمم المتحدة؛ وكل جزء منه صوت (مؤيد، معارض، ممتنع، حاضر غير مصوِّت، غائب) مع عدده.
chart-map-title = كيف صوّتت كل دولة على { $vote }
chart-map-description = خريطة للعالم ملوّنة حسب التصويت؛ ولكل صوت نقشه الخاص أيضاً، والدول الصغيرة مرسومة دوائر.
chart-map-caption = الحدود الحالية (Natural Earth، ملك عام).
chart-map-not-drawn = غير ظاهرة على الخريطة:
chart-similarity-title = خريطة الدول حسب تشابه التصويت
chart-similarity-description = { $states } دولة موضوعة حسب الاتفاق على { $roll_calls } عملية تصويت؛ كلما تقاربت دولتان تشابه تصويتهما.

## The vote of one resolution
vote-source-records = دولةً دولة، من سجلات التصويت في { $source }.
vote-source-text = دولةً دولة، كما يسجّلها النص.
vote-by-group = الأصوات حسب المجموعة الإقليمية
vote-other-roll-calls = عمليات تصويت أخرى على هذه الوثيقة
vote-download-json = صوت كل دولة (JSON)

## Search
nav-search = البحث
search-title = البحث
search-label = ابحث في السجلات
search-placeholder = مثلاً: التعاون الدولي، "المساعدة التقنية"، تعاو*
search-button = ابحث
search-syntax = يجب أن تطابق كل الكلمات. ضع العبارة بين "علامتي تنصيص"، وأضف * في آخر الكلمة للبحث ببدايتها، و- قبل الكلمة لاستبعادها. تُطابَق الكلمات العربية مع أداة التعريف وبدونها، ومع حروف العطف والجر المتصلة، ومع صيغ الجمع الشائعة.
search-summary = { $count } نتيجة · الصفحة { $page } من { $pages }
search-facets = تضييق النتائج
search-results = النتائج
search-facet-kind = الجزء
search-kind-title = العنوان
search-kind-preambular = فقرة من الديباجة
search-kind-operative = فقرة من المنطوق
search-kind-text = الوصف
search-kind-footnote = حاشية
search-kind-recommendation = توصية
search-kind-pledge = تعهد طوعي
search-kind-goal = هدف
search-kind-target = غاية
search-facet-type = نوع السجل
search-type-resolution = القرارات والتصويت
search-type-upr-recommendation = توصيات الاستعراض الدوري الشامل
search-type-upr-pledge = التعهدات الطوعية في الاستعراض الدوري الشامل
search-type-sdg-goal = أهداف التنمية المستدامة
search-type-sdg-target = غايات أهداف التنمية المستدامة
search-type-best-practice = الممارسات الجيدة
search-type-assistance-request = طلبات المساعدة
search-type-event = الفعاليات
search-facet-reviewed = الدولة قيد الاستعراض
search-facet-recommending = الدولة الموصية
search-facet-cycle = جولة الاستعراض
search-cycle = الجولة { $cycle }
search-facet-response = الرد
search-response-supported = حظيت بالتأييد
search-response-noted = أُحيط علماً بها
search-response-not-recorded = لم يُسجَّل رد
search-facet-theme = الموضوع
search-facet-sdg = أهداف التنمية المستدامة
search-sdg-goal = الهدف { $code }
search-sdg-target = الغاية { $code }
search-hit-recommendation = توصية إلى { $state }، الدورة { $session }
search-hit-pledge = تعهد طوعي من { $state }، الدورة { $session }
search-state-named = يسمّي هذا البحث دولة:
search-state-votes = سجل تصويتها
search-covers = يشمل البحث عناوين القرارات المحفوظة نصوصها ونصوصها، وعناوين كل تصويت مسجل تحفظه المنصة (مجلس حقوق الإنسان والجمعية العامة) بالإنكليزية كما ترد في سجلات التصويت، وكل توصية وتعهد طوعي في الاستعراض الدوري الشامل (بالإنكليزية كما ترد في المصادر، وبأسماء موضوعاتها وأهداف التنمية المستدامة المرتبطة بها بكل لغة)، وأهداف التنمية المستدامة وغاياتها، ورموز وثائق الأمم المتحدة. ويجد الكلمة مع لواحقها وبدونها، ويجد السجلات المتعلقة بدولة ما باسمها بأي من اللغات الست.
search-try-fewer = جرّب كلمات أقل، أو كلمات أخرى بالمعنى نفسه (عناوين التصويتات المسجلة قصيرة وبالإنكليزية).
search-try-prefix = ضع * بعد بداية الكلمة لتجد كل صيغها: تعاو*
search-try-symbol = اكتب رمز الوثيقة كما هو، بمسافات أو بدونها، مثل
search-try-filters = أزل أحد المرشحات، أو ابحث بلغة أخرى.
search-notice-stop-words = كل كلمات هذا البحث شائعة جداً (مثل «في» و«من»)؛ أضف كلمة تدل على ما تبحث عنه.
search-notice-no-terms = لا توجد في هذا البحث كلمة يُبحث عنها.
search-notice-no-matches = لا شيء يطابق هذا البحث وهذه المرشحات.
search-notice-page-out-of-range = توجد نتائج، ولكن ليس بهذا العدد من الصفحات.
search-notice-beyond-window = هذه الصفحة بعيدة جداً؛ ضيّق البحث بالمرشحات.
search-partial-only = لا توجد نتيجة تضم كل كلمات هذا البحث. هذه النتائج تضم كلماته كلها إلا كلمة واحدة:
search-partial-heading = نتائج تضم الكلمات كلها إلا كلمة واحدة

## صفحة المصادر والمنهجية (/about/sources)
sources-title = المصادر والمنهجية
nav-sources = المصادر والمنهجية
sources-intro = من أين يأتي كل سجل في هذه المنصة، وبأي ترخيص، وما الذي يغطيه، وكيف تُحسب الأرقام المستخلصة منه.
sources-not-official = هذه مجموعات من بيانات عامة، وليست السجلات الرسمية للأمم المتحدة. السجل الرسمي لقرار أو تصويت هو الوثيقة التي تنشرها الأمم المتحدة، وإذا اختلفا فالعبرة بالوثيقة الرسمية.
sources-datasets = مجموعات البيانات
sources-origin = المصدر
sources-licence = الترخيص
sources-coverage = ما تغطيه
sources-methods = كيف تُحسب الأرقام
source-hrc-votes-name = التصويتات المسجلة في مجلس حقوق الإنسان
source-hrc-votes-origin = سجلات التصويت في مكتبة مفوضية حقوق الإنسان، كما جمعها مشروع unhrc-nominate (tsujamin/unhrc-nominate على GitHub)، وتُستورد بالأمر «⁦taawun import votes --format hrc⁩».
source-hrc-votes-licence = لم يذكر جامعوها ترخيصاً؛ والتصويتات نفسها سجلات عامة للأمم المتحدة.
source-hrc-votes-coverage = كما نُشرت: كل تصويت مسجل في المجلس من دورته الأولى (حزيران/يونيه 2006) إلى دورته السابعة والخمسين (تشرين الأول/أكتوبر 2024)، بما في ذلك التعديلات والتصويت على مشاريع القرارات. ولا تشمل القرارات المعتمدة دون تصويت. وتُحفظ رموز المشاريع (وثائق L.) كما ترد في البيانات.
source-unga-votes-name = التصويتات المسجلة في الجمعية العامة
source-unga-votes-origin = بيانات إريك فوتن عن التصويت في الجمعية العامة للأمم المتحدة، كما تنشرها حزمة unvotes للغة R، وتُستورد بالأمر «⁦taawun import votes --format unga⁩».
source-unga-votes-licence = البيانات: CC0 (إهداء إلى الملك العام)؛ وحزمة unvotes: ترخيص MIT.
source-unga-votes-coverage = كما نُشرت: التصويتات المسجلة في الجمعية العامة من دورتها الأولى (1946) إلى دورتها الرابعة والسبعين (وآخرها في كانون الثاني/يناير 2020)، مع مواضيعها حيث تصنّفها البيانات. ولا تُذكر فيها حالات الغياب (العضو الذي لا يرد في قائمة تصويت كان غائباً)، ولا تشمل القرارات المعتمدة دون تصويت.
source-states-name = الدول والأقاليم والمجموعات الإقليمية
source-states-origin = كتبها هذا المشروع من مصطلحات الأمم المتحدة ومعيار M49 لشعبة الإحصاءات في الأمم المتحدة ومعيار ISO 3166، وتتحقق اختباراته منها بمقارنتها بتصنيف البلدان في منصة HDX لمكتب تنسيق الشؤون الإنسانية وبمجموعة بيانات mledoze/countries.
source-states-licence = جدول المشروع نفسه، بترخيص المشروع (AGPL-3.0-or-later).
source-states-coverage = الدول الأعضاء الـ193 والدولتان المراقبتان بأسمائها باللغات الرسمية الست ومجموعاتها الإقليمية؛ وأقاليم معيار M49؛ والدول الواردة في سجلات التصويت التي لم تعد قائمة.
source-boundaries-name = حدود العالم في الخرائط
source-boundaries-origin = بيانات Natural Earth كما تنشرها حزمة world-atlas (الإصدار 2.0.2).
source-boundaries-licence = Natural Earth: ملك عام؛ وworld-atlas: ترخيص ISC.
source-boundaries-coverage = حدود البلدان بمقياس 1:110 مليون و1:50 مليون. ولا تعني الحدود والأسماء المبينة في الخرائط أن الأمم المتحدة تؤيدها أو تقبلها رسمياً.
source-resolutions-name = نصوص القرارات
source-resolutions-origin = وثائق الأمم المتحدة الرسمية بصيغة PDF، بعد استخراج نصها واستيرادها بالأمر «⁦taawun import resolution⁩»؛ وتبدأ المنصة الجديدة بقرار مجلس حقوق الإنسان 56/2 بالعربية.
source-resolutions-licence = وثائق الأمم المتحدة.
source-resolutions-coverage = النصوص التي استوردت. ويصلح المحلل ما أفسده الاستخراج (الحروف، وفواصل الفقرات، والرموز المكتوبة من اليمين إلى اليسار) ويسجل كل إصلاح أجراه إلى جانب النص.
method-outcome-name = معتمد أو مرفوض
method-outcome-how = يُحسب من نتيجة التصويت وقاعدة الهيئة. يتخذ مجلس حقوق الإنسان قراراته بأغلبية الأعضاء الحاضرين والمصوتين: الأصوات المؤيدة مقابل الأصوات المعارضة، ولا تُحسب الامتناعات. وتتخذ الجمعية العامة قراراتها بالطريقة نفسها، أو بأغلبية الثلثين في المسائل الهامة (المادة 18 من الميثاق)؛ وحيث لا تذكر البيانات القاعدة التي طُبقت وتختلف النتيجة بين القاعدتين، تُعرض النتيجة على أنها غير مسجلة.
method-agreement-name = التوافق بين دولتين
method-agreement-how = ثلاثة تعريفات يُختار أحدها في الصفحة، ويُذكر معه دائماً عدد التصويتات التي يستند إليها. الأصوات المتطابقة: نسبة التصويتات التي صوتت فيها الدولتان (بنعم أو لا أو امتناع) بالصوت نفسه. نعم ولا فقط: الشيء نفسه على التصويتات التي صوتت فيها الدولتان بنعم أو لا. نصف للامتناع (مؤشر ليبهارت كما يستخدمه فوتن): 1 للصوت نفسه، ونصف إذا امتنعت إحداهما وصوتت الأخرى بنعم أو لا، و0 لنعم مقابل لا. ويُستبعد التصويت إذا لم تصوت إحداهما أو غابت أو لم تكن عضواً.
method-majority-name = التصويت مع الأغلبية
method-majority-how = نسبة أصوات الدولة (نعم أو لا أو امتناع) التي وافقت أغلبية التصويت، أي أكثر الخيارات الثلاثة تكراراً؛ وتُستبعد التصويتات التي يتعادل فيها خياران في المرتبة الأولى.
method-cohesion-name = تماسك مجموعة إقليمية
method-cohesion-how = مؤشر التوافق لهيكس ونوري ورولاند على أصوات المجموعة بنعم ولا والامتناع في كل تصويت — 1 إذا صوت الجميع بالصوت نفسه، و0 إذا انقسمت المجموعة ثلاثة أقسام متساوية — ويُحسب متوسطه على التصويتات التي صوّت فيها عضوان على الأقل.
method-map-name = خريطة الدول بحسب تصويتها
method-map-how = تحجيم متعدد الأبعاد كلاسيكي للمسافات (واحد ناقص التوافق) في بعدين: الدول التي تصوت على نحو متشابه تُرسم متقاربة. وتُستبعد الدولة التي تشترك مع دولة أخرى في عدد قليل جداً من التصويتات المحسوبة. وليس للمحورين معنى في ذاتهما.
method-parsing-name = سجلات منظمة من النصوص
method-parsing-how = يُحلَّل كل نص إلى رمزه وتواريخه وفقراته وحواشيه والوثائق التي يستشهد بها (برموز موحدة) والطلبات التي يتضمنها؛ وتُطابَق أسماء الدول في تصويته مع جدول الدول بأي من اللغات الست، ويُترك الاسم الذي قد يعني دولتين دون مطابقة بدلاً من التخمين.

## ما قرره التصويت المسجل، وبأي قاعدة
outcome-adopted = اعتُمد
outcome-rejected = رُفض
outcome-not-recorded = النتيجة غير مسجلة
outcome-label = النتيجة
rule-simple-majority = القاعدة: أغلبية الأعضاء الحاضرين المصوتين — أصوات المؤيدين أكثر من أصوات المعارضين؛ ولا يُحتسب الممتنعون.
rule-simple-or-two-thirds = القاعدة: أغلبية الأعضاء الحاضرين المصوتين، أو أغلبية الثلثين في المسائل الهامة (المادة 18 من الميثاق)؛ ولا يُحتسب الممتنعون. ولا تبيّن البيانات أيّ القاعدتين طُبّقت: فإذا اختلفت نتيجتاهما لم تُسجَّل النتيجة هنا.
method-put-to-vote = طُرح للتصويت المسجل
col-vote-date = تاريخ التصويت
date-day-unknown = { $month } (اليوم غير مسجل)
text-kind-resolution = قرار
text-kind-decision = مقرر
vote-issue-arms-control-and-disarmament = تحديد الأسلحة ونزع السلاح
vote-issue-palestinian-conflict = قضية فلسطين
vote-issue-human-rights = حقوق الإنسان
vote-issue-colonialism = إنهاء الاستعمار
vote-issue-nuclear-weapons-and-nuclear-material = الأسلحة النووية والمواد النووية
vote-issue-economic-development = التنمية الاقتصادية
adopted-as = قرار الدورة نفسها بالعنوان نفسه
voted-on = موضوع التصويت
kind-resolution = قرار (النص بكامله)
kind-decision = مقرر (النص بكامله)
kind-draft = مشروع (وثيقة L.)
kind-amendment = تعديل
kind-paragraph = تصويت منفصل على فقرة
kind-motion = اقتراح إجرائي
vote-not-members-hrc = { $count } من الدول الأعضاء في الأمم المتحدة والدول المراقبة البالغ عددها 195 لم تكن أعضاء في المجلس.
vote-not-members-unga = { $count } من الدول الأعضاء في الأمم المتحدة والدول المراقبة اليوم (195 دولة) ليس لها صوت في هذا السجل (لم تكن أعضاء بعد، أو كانت غائبة: بيانات الجمعية لا تذكر الغياب).
text-only-in = يحفظ السجل هذا النص باللغة { $language } فقط.
record-votes-only = هذا السجل مأخوذ من سجلات التصويت: كيف صوّتت كل دولة على { $symbol }، مع وصف المسألة كما ورد في البيانات. ولا يحفظ السجل النص.
record-official-document = الوثيقة الرسمية في نظام الوثائق الرسمية للأمم المتحدة
record-add-text = للأمانة: استورد النص بالأمر taawun import resolution FILE (بالعربية أو الإنكليزية كما استُخرج من ملف PDF)؛ ويُدمج مع سجل التصويت هذا.
resolutions-summary = { $count ->
    [0] لا يوجد سجل مطابق.
    [one] سجل واحد · الصفحة { $page } من { $pages }
    [two] سجلان · الصفحة { $page } من { $pages }
    [few] { $count } سجلات · الصفحة { $page } من { $pages }
    [many] { $count } سجلاً · الصفحة { $page } من { $pages }
   *[other] { $count } سجل · الصفحة { $page } من { $pages }
}
resolutions-coverage = يحفظ السجل نصوص القرارات التي استُوردت، وكل تصويت مسجل في سجلات التصويت — مجلس حقوق الإنسان 2006–2024 والجمعية العامة من 1946 إلى كانون الثاني/يناير 2020 — بما في ذلك التصويت على المشاريع والتعديلات والفقرات والاقتراحات الإجرائية، وكلٌّ موسوم بحقيقته. أما النصوص المعتمدة دون تصويت فلا ترد هنا إلا إذا استُورد نصها: فسجلات التصويت لا تذكرها.

## سجل تصويت الدولة: الروابط من صفحتها، وعمليات التصويت التي لم يكن لها أن تصوت فيها
state-votes-not-members-hidden = لا تُعرض { $count } عملية تصويت جرت في سنوات لم تكن فيها هذه الدولة عضواً.
state-votes-not-members-show = اعرضها
state-votes-not-members-shown = تُعرض أيضاً { $count } عملية تصويت جرت في سنوات لم تكن فيها هذه الدولة عضواً.
state-votes-not-members-hide = أخفِها
state-voting-record-heading = سجل التصويت
state-voting-record-hrc = في مجلس حقوق الإنسان
state-voting-record-unga = في الجمعية العامة
state-voting-record-count = { $count ->
    [one] عملية تصويت واحدة بصفتها عضواً
    [two] عمليتا تصويت بصفتها عضواً
    [few] { $count } عمليات تصويت بصفتها عضواً
   *[other] { $count } عملية تصويت بصفتها عضواً
}
state-voting-record-all = كل الأصوات المسجلة لهذه الدولة
state-voting-record-none = لا تتضمن سجلات التصويت أي صوت لهذه الدولة.

## صفحة واجهة البرمجة (/about/api)
api-title = واجهة البرمجة
api-intro = كل ما تعرضه الصفحات متاح أيضاً بيانات مفتوحة بصيغة JSON (وبصيغة CSV حيث تكون القائمة جدولاً) تحت ‎/api/v1. تشرح هذه الصفحة طريقة استعمالها وتسرد كل عملياتها؛ ويصف مستند OpenAPI كل عملية بالتفصيل، بمعاملاتها وأجوبتها.
api-document = مستند OpenAPI:
api-conventions = طريقة العمل
api-reading-name = القراءة
api-reading = لا تحتاج قراءة السجلات المنشورة إلى حساب. ومعاملات الطلب هي معاملات الصفحات نفسها (الهيئة، والدورة، والسنة، ومن، وإلى…)؛ ويجوز كتابة الأرقام بالأرقام الغربية أو بالأرقام العربية الهندية.
api-writing-name = الكتابة
api-writing = تحتاج الكتابة إلى رمز وصول، يُنشأ في صفحة حسابك ويُرسل مع كل طلب:
api-paging-name = القوائم
api-paging = تُقسم القوائم إلى صفحات بالمعاملين page (من 1) وper_page؛ ويذكر كل جواب العدد الكلي وعدد الصفحات. والقائمة التي هي جدول متاحة أيضاً كاملة بالمعامل format=csv.
api-errors-name = الأخطاء
api-errors = يجيب الخطأ برمز حالته في HTTP وبنص JSON يقول ما الخطأ، ويسمي المعامل المخطئ إن وُجد:
api-limits-name = الحدود
api-limits = لطلبات العنوان الواحد حد في الثانية؛ وبعده يكون الجواب 429 مع Retry-After، أي عدد الثواني التي ينبغي انتظارها.
api-sources = مصدر البيانات، وكيف تُحسب الأرقام
api-operations = العمليات
api-method = الطريقة
api-path = المسار
api-summary = ما تفعله (بالإنكليزية)
api-tag-states = الدول
api-tag-resolutions = القرارات
api-tag-votes = التصويتات المسجلة
api-tag-search = البحث
api-tag-account = الحساب ورموز الوصول
api-tag-organisations = المنظمات
api-tag-audit = سجل التدقيق والتاريخ
api-tag-health = حالة الخادم

## قاعدة البيانات مشغولة بعملية كتابة أخرى (استيراد)
error-busy-title = انشغال مؤقت
error-busy = قاعدة البيانات مشغولة باستيراد. لم يتغير شيء: أعد المحاولة بعد { $seconds } ثوانٍ.
