# المنظمات: القائمة، وصفحة لكل منظمة، ونموذج المسؤولين.
# تبدأ جميع المعرّفات هنا بـ "organisation" كي لا تتعارض مع main.ftl.

organisations-title = المنظمات
organisations-intro = المؤسسات الوطنية لحقوق الإنسان ومنظمات المجتمع المدني وكيانات الأمم المتحدة والمنظمات الإقليمية والدولية المشاركة في التعاون عبر المنصة.
organisations-new-link = إضافة منظمة
organisations-filter-text = الاسم يتضمن
organisations-filter-kind = النوع
organisations-filter-seat = دولة المقر
organisations-filter-all = الكل
organisations-filter-apply = تطبيق
organisations-filter-reset = مسح عوامل التصفية
organisations-summary = { $count ->
    [0] لا توجد منظمة مطابقة.
    [one] منظمة واحدة · الصفحة { $page } من { $pages }
    [two] منظمتان · الصفحة { $page } من { $pages }
    [few] { $count } منظمات · الصفحة { $page } من { $pages }
    [many] { $count } منظمة · الصفحة { $page } من { $pages }
   *[other] { $count } منظمة · الصفحة { $page } من { $pages }
}
organisations-empty = لم تُسجَّل أي منظمة بعد.
organisations-empty-filtered = لا توجد منظمة تطابق عوامل التصفية هذه.
organisations-page-beyond = هذه الصفحة تقع بعد نهاية القائمة.
organisations-first-page = الانتقال إلى الصفحة الأولى

organisation-col-name = الاسم
organisation-col-kind = النوع
organisation-col-seat = دولة المقر
organisation-no-seat = غير محددة
organisation-crumbs-label = أنت هنا
organisation-edit-link = تعديل بيانات هذه المنظمة
organisation-created = تاريخ التسجيل
organisation-updated = آخر تعديل
organisation-names-heading = الاسم باللغات الرسمية
organisation-history-link = السجل العلني لتغييرات هذه البيانات
organisation-not-found = لا توجد منظمة بالرقم { $id }.

organisation-kind-nhri = مؤسسة وطنية لحقوق الإنسان
organisation-kind-civil-society = منظمة من منظمات المجتمع المدني
organisation-kind-un-entity = كيان من كيانات الأمم المتحدة
organisation-kind-regional-organisation = منظمة إقليمية
organisation-kind-international-organisation = منظمة دولية أخرى

organisation-language-ar = العربية
organisation-language-en = الإنكليزية
organisation-language-fr = الفرنسية
organisation-language-es = الإسبانية
organisation-language-ru = الروسية
organisation-language-zh = الصينية

organisation-new-title = منظمة جديدة
organisation-edit-title = تعديل: { $name }
organisation-create-button = إضافة المنظمة
organisation-save-button = حفظ التعديلات
organisation-cancel = إلغاء
organisation-form-problems = لم يُحفظ شيء. يُرجى تصحيح ما يلي:
organisation-names-hint = اكتب اسم المنظمة كما تكتبه هي نفسها، بلغة واحدة على الأقل من لغات الأمم المتحدة الرسمية الست (300 حرف على الأكثر لكل اسم).
organisation-name-label-ar = الاسم بالعربية
organisation-name-label-en = الاسم بالإنكليزية
organisation-name-label-fr = الاسم بالفرنسية
organisation-name-label-es = الاسم بالإسبانية
organisation-name-label-ru = الاسم بالروسية
organisation-name-label-zh = الاسم بالصينية
organisation-kind-choose = اختر النوع
organisation-seat-label = دولة المقر (الرمز الثلاثي ISO3)
organisation-seat-hint = رمز الدولة الثلاثي وفق المعيار ISO 3166-1، مثل QAT أو CHE. اترك الحقل فارغاً إن لم يكن مقر المنظمة في دولة بعينها.

organisation-problem-no-name = اكتب اسم المنظمة بلغة واحدة على الأقل.
organisation-problem-name-too-long = الاسم باللغة { $language } أطول من اللازم: عدد أحرفه { $chars }، والحد الأقصى { $max } حرف.
organisation-problem-name-control = الاسم باللغة { $language } يتضمن محارف تحكّم (كفواصل الأسطر أو علامات الجدولة)؛ اكتبه في سطر واحد.
organisation-problem-no-kind = اختر نوع المنظمة.
organisation-problem-unknown-kind = «{ $value }» ليس نوعاً معروفاً من المنظمات؛ اختر نوعاً من القائمة.
organisation-problem-unknown-seat = لا توجد دولة بالرمز «{ $code }». اكتب رمز الدولة الثلاثي وفق المعيار ISO 3166-1 (مثل QAT)، أو اترك الحقل فارغاً.
organisation-seat-not-stored = الدولة { $code } غير موجودة بعدُ في قاعدة بيانات المنصة، فلا يمكن أن تكون دولة المقر لمنظمة. يحمّل الخادم قائمة الدول المدمجة عند بدء تشغيله: أعد تشغيله ثم حاول مرة أخرى.
organisation-conflict = يتعارض هذا التعديل مع منظمة مسجلة من قبل، ولم يُحفظ شيء. أعد تحميل الصفحة وحاول مرة أخرى.
