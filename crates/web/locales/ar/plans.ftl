# خطة دولة لتنفيذ توصيات الاستعراض الدوري الشامل.
plan-title = خطة تنفيذ { $state }
plan-crumbs-label = موقعك
plan-not-found = لا توجد هنا خطة تنفيذ، أو لم تُنشر بعد.
plan-none-yet = ليست لهذه الدولة خطة تنفيذ بعد.
plan-create-hint = تُعدّ الخطة لدورة الاستعراض الحالية من التوصيات التي تلقتها الدولة، مجمّعةً حسب الموضوع. ويمكن تعديل المجموعات بعد ذلك.
plan-create-button = إنشاء الخطة
plan-cycle = دورة الاستعراض { $count }
plan-published = منشورة
plan-unpublished = غير منشورة: لا يراها إلا منسقو الدولة والأمانة
plan-publish-button = نشر الخطة
plan-unpublish-button = سحب الخطة من النشر
plan-progress-heading = التقدّم
plan-progress = نُفّذ { $implemented } من { $total } من الإجراءات ({ $percent }٪ مما ينطبق منها)
plan-edit-clusters = تعديل المجموعات
plan-cluster-kind-theme = موضوع
plan-cluster-kind-own = مجموعة من وضع الدولة
plan-cluster-unthemed = توصيات بلا موضوع
plan-cluster-none = (بلا مجموعة)
plan-cluster-recommendations = { $count ->
    [zero] لا توصيات
    [one] توصية واحدة
    [two] توصيتان
    [few] { $count } توصيات
    [many] { $count } توصية
   *[other] { $count } توصية
}
plan-cluster-no-actions = لا إجراء بعد.
plan-add-action = إضافة إجراء إلى هذه المجموعة
plan-json-link = هذه الخطة بصيغة JSON
plan-back = العودة إلى الخطة
plan-clusters-title = مجموعات خطة { $state }
plan-cluster-add-heading = إضافة مجموعة من وضعكم
plan-cluster-add-button = إضافة المجموعة
plan-cluster-exists = في الخطة مجموعة بهذا الاسم.
plan-membership-heading = التوصيات ومجموعاتها
plan-no-recommendations = لا توجد توصيات مخزّنة لهذه الدولة في هذه الدورة.
plan-status-not-started = لم يبدأ
plan-status-in-progress = قيد التنفيذ
plan-status-partially-implemented = نُفّذ جزئيًا
plan-status-implemented = نُفّذ
plan-status-not-applicable = لا ينطبق
plan-field-title = الإجراء
plan-field-name = الاسم
plan-field-cluster = المجموعة
plan-field-lead-institution = المؤسسة الرائدة
plan-field-partners = الشركاء
plan-field-start-date = تاريخ البدء
plan-field-due-date = تاريخ الاستحقاق
plan-field-budget-amount = الميزانية
plan-field-budget-currency = العملة (رمز الأيزو، مثل USD)
plan-field-owner = المسؤول
plan-field-status = الحالة
plan-field-note = ملاحظة
plan-field-link = رابط (http أو https)
plan-field-file = ملف الإثبات
plan-field-indicator-name = المؤشر { $n }
plan-field-indicator-baseline = خط الأساس للمؤشر { $n }
plan-field-indicator-target = الهدف للمؤشر { $n }
plan-owner-none = (لا أحد)
plan-owner-hint = يُذكَّر المسؤول بالإجراء بالبريد الإلكتروني إذا حلّ موعده خلال ثلاثين يومًا أو تأخر.
plan-action-new = إجراء جديد
plan-action-edit = تعديل هذا الإجراء
plan-indicators-heading = المؤشرات
plan-indicator-name = المؤشر
plan-indicator-baseline = خط الأساس
plan-indicator-target = الهدف
plan-linked-heading = التوصيات التي ينفذها هذا الإجراء
plan-form-problems = يُرجى تصحيح ما يلي:
plan-conflict = عدّل شخص آخر هذا الإجراء في { $date } (الإصدار الآن { $version }). هذه نسخته؛ وتعديلاتك محفوظة في النموذج أدناه. إذا حفظت من جديد حلّت نسختك محل نسخته.
plan-conflict-theirs = نسخته
plan-conflict-kept = تعديلاتك، ولم تُحفظ بعد:
plan-status-change-heading = تغيير الحالة
plan-status-new = الحالة الجديدة
plan-status-change-button = تسجيل التغيير
plan-file-hint = { $count ->
    [one] ملف PDF أو PNG أو JPEG أو DOCX أو XLSX أو ODT أو نص عادي، حتى ميبيبايت واحد.
    [two] ملف PDF أو PNG أو JPEG أو DOCX أو XLSX أو ODT أو نص عادي، حتى ميبيبايتين.
    [few] ملف PDF أو PNG أو JPEG أو DOCX أو XLSX أو ODT أو نص عادي، حتى { $count } ميبيبايتات.
   *[other] ملف PDF أو PNG أو JPEG أو DOCX أو XLSX أو ODT أو نص عادي، حتى { $count } ميبيبايت.
}
plan-history-heading = تغييرات الحالة
plan-evidence-size = { $kib } كيبيبايت
plan-dashboard-heading = إجراءاتك في الخطط التي يحلّ موعدها خلال ثلاثين يومًا أو تأخرت
plan-overdue-days = { $days ->
    [one] متأخر يومًا واحدًا
    [two] متأخر يومين
    [few] متأخر { $days } أيام
   *[other] متأخر { $days } يومًا
}
plan-due-in-days = { $days ->
    [0] يحلّ موعده اليوم
    [one] يحلّ موعده غدًا
    [two] يحلّ موعده بعد يومين
    [few] يحلّ موعده بعد { $days } أيام
   *[other] يحلّ موعده بعد { $days } يومًا
}
plan-problem-required = { $field }: هذا الحقل مطلوب.
plan-problem-too-long = { $field }: النص أطول من المسموح.
plan-problem-date = { $field }: اكتب التاريخ بالصيغة YYYY-MM-DD.
plan-problem-due-before-start = { $field }: تاريخ الاستحقاق قبل تاريخ البدء.
plan-problem-amount = { $field }: اكتب مبلغًا يساوي الصفر أو يزيد عليه، بمنزلتين عشريتين على الأكثر.
plan-problem-currency = { $field }: اكتب رمز العملة المؤلف من ثلاثة أحرف.
plan-problem-currency-without-amount = { $field }: ذُكرت عملة بلا مبلغ.
plan-problem-link = { $field }: اكتب عنوانًا كاملًا يبدأ بـ http:// أو https://.
plan-problem-too-many = { $field }: عشرة مؤشرات على الأكثر.
plan-problem-invalid = { $field }: ليس من عناصر الخطة.
plan-problem-file-empty = { $field }: الملف فارغ.
plan-problem-file-too-large = { $field }: حجم الملف يتجاوز ١٠ ميبيبايت.
plan-problem-file-type = { $field }: هذا النوع من الملفات غير مقبول (PDF أو PNG أو JPEG أو DOCX أو XLSX أو ODT أو نص عادي فقط).
plan-problem-file-name = { $field }: اسم الملف لا يطابق محتواه (امتداده يدل على نوع آخر).
# تقرير منتصف المدة المولَّد من الخطة.
report-link = تقرير منتصف المدة (HTML وPDF، بالعربية أو الإنكليزية)
report-versions = هذا التقرير باللغة:
report-unknown-language = لا يوجد تقرير باللغة { $code }؛ تُكتب التقارير بالعربية (ar) والإنكليزية (en).
report-organ = مجلس حقوق الإنسان
report-upr = الاستعراض الدوري الشامل
report-title = تقرير منتصف المدة المقدَّم من { $state } عن تنفيذ توصيات الاستعراض الدوري الشامل
report-subtitle = التقدم في خطة تنفيذ التوصيات المتلقاة في دورة الاستعراض { $cycle }
report-overview-heading = لمحة عامة
report-overview = تجمع خطة تنفيذ { $state } توصياتٍ عددها { $recommendations } في مجموعاتٍ عددها { $clusters }، وتضم إجراءاتٍ عددها { $actions }.
report-status-caption = الإجراءات حسب حالتها
report-col-actions = الإجراءات
report-col-recommendations = التوصيات
report-col-percent = ٪ المنفَّذ
report-by-cluster-heading = التقدم حسب المجموعة
report-by-cluster-caption = الإجراءات حسب المجموعة والحالة
report-chart-title = الإجراءات حسب المجموعة والحالة
report-chart-description = عمود لكل مجموعة، مقسَّم حسب حالة إجراءاتها؛ ويعطي الجدول أدناه الأرقام.
report-no-actions = لا تضم الخطة أي إجراء بعد.
report-recommendations-caption = التوصيات وردود الدولة
report-col-paragraph = الفقرة
report-col-recommendation = التوصية
report-col-recommending = الدولة الموصية
report-col-response = الرد
report-actions-caption = الإجراءات
report-colophon = وُلِّد في { $date } من خطة التنفيذ كما سجّلها منسقو الدولة. التوصيات والردود كما ترد في وثائق الاستعراض وفي بيانات UPR Info؛ وتُقتبس التوصيات بالإنكليزية، لغة مصادرها.
