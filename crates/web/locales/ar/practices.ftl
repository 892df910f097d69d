# خلاصة أفضل الممارسات.
nav-practices = أفضل الممارسات
api-tag-practices = أفضل الممارسات
practices-title = أفضل ممارسات التعاون
practices-intro = خلاصة أفضل ممارسات التعاون بين بلدان الجنوب، وبين الشمال والجنوب، والتعاون الثلاثي والإقليمي في ميدان حقوق الإنسان التي يطلبها القرار 56/2: تقدمها الدول وأصحاب المصلحة، وتقرؤها الأمانة قبل نشرها، ولكل منها رقم وإصدار يُستشهد بهما.
practices-submit = تقديم ممارسة
practices-mine-title = ممارساتي
practices-mine-empty = لم تقدم أي ممارسة بعد.
practices-queue = بانتظار الأمانة
practices-queue-empty = لا ممارسة بانتظار القراءة.
practices-facet-modality = نمط التعاون
practices-facet-region = المنطقة
practices-facet-right = الحقوق المعنية
practices-facet-sdg = هدف التنمية المستدامة
practices-summary = { $count ->
    [0] لا ممارسة مطابقة.
    [one] ممارسة واحدة · الصفحة { $page } من { $pages }
    [two] ممارستان · الصفحة { $page } من { $pages }
    [few] { $count } ممارسات · الصفحة { $page } من { $pages }
   *[other] { $count } ممارسة · الصفحة { $page } من { $pages }
}
practices-empty = لم تُنشر أي ممارسة بعد.
practices-empty-filtered = لا ممارسة منشورة تطابق هذه المرشحات.
practice-region-global = عالمي
practice-region-other = أخرى
practice-modality-south-south = بين بلدان الجنوب
practice-modality-north-south = بين الشمال والجنوب
practice-modality-triangular = ثلاثي
practice-modality-regional = إقليمي
practice-sdg-goal = الهدف { $goal }
practice-unknown = لا توجد ممارسة { $id }.
practice-no-version = ليس لهذه الممارسة إصدار { $version }.
practice-since = منذ { $start }
practice-step-submit = تقديمها إلى الأمانة
practice-step-publish = نشر
practice-step-return = إعادتها مع تعليقات
practice-step-decline = رفض
practice-step-edit = تعديل
practice-role-submitter = مقدّم الممارسة
practice-role-secretariat = الأمانة
practice-role-rapporteur = المقرر
practice-stage = المرحلة
practice-stage-draft = مسودة
practice-stage-submitted = مقدّمة
practice-stage-published = منشورة
practice-stage-returned = أعيدت للتعديل
practice-stage-declined = مرفوضة
practice-version = الإصدار
practice-old-version = هذا إصدار سابق؛ وأحدث إصدار مرتبط أدناه.
practice-cite = طريقة الاستشهاد بها
practice-number = الرقم
practice-period = الفترة
practice-partners = الدول الشريكة
practice-partners-hint = رموز ISO 3166 الثلاثية، مفصولة بفواصل.
practice-organisations = المنظمات
practice-lines-hint = واحد في كل سطر، أو مفصولة بفواصل.
practice-languages = لغات موادها
practice-contact = جهة الاتصال
practice-results = النتائج وأدلتها
practice-results-hint = نتيجة في كل سطر؛ وروابط أدلتها بعد العلامة |.
practice-evidence = الدليل
practice-versions = الإصدارات المنشورة
practice-history = الخطوات
practice-history-empty = لم تُتخذ أي خطوة بعد.
practice-edit = تعديل الممارسة
practice-reason = السبب أو التعليقات
practice-form-title = ممارسة للخلاصة
practice-form-intro = صِف ممارسة واحدة من ممارسات التعاون: ما الذي أُنجز، ومع من، وما الذي تغيّر. تقرؤها الأمانة قبل نشرها، وقد تعيدها مع تعليقات.
practice-form-errors = لم تُحفظ الممارسة:
practice-title = العنوان
practice-summary = الملخص
practice-start = تاريخ البدء
practice-end = تاريخ الانتهاء (يُترك فارغًا ما دامت مستمرة)
practice-edit-note = ما الذي تغيّر (يظهر في سجل الممارسة)
practice-save = حفظ الممارسة
practice-create = حفظ المسودة
practice-updated = آخر تغيير
practice-submitter = مقدّمة من
