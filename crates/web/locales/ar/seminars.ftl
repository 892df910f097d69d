# الحلقات الدراسية الإقليمية والتقارير الموجزة للولايات.
nav-seminars = الحلقات الدراسية
api-tag-seminars = الحلقات الدراسية الإقليمية
api-tag-summary-reports = التقارير الموجزة
seminars-title = الحلقات الدراسية الإقليمية
seminars-intro = الحلقات الدراسية الإقليمية التي يطلبها القرار 56/2، واحدة في كل مجموعة إقليمية، بمشاركة الدول وكيانات الأمم المتحدة والمنظمات الإقليمية والدولية والمؤسسات الوطنية لحقوق الإنسان والمجتمع المدني، لتحديد التحديات والثغرات والممارسات الجيدة في مجال التعاون.
seminars-new = التخطيط لحلقة دراسية
seminars-empty = لم يُخطَّط لأي حلقة دراسية بعد.
seminar-form-errors = في الاستمارة مشكلات، ولم يُحفظ شيء:
seminar-mandate = الولاية
seminar-new-title = التخطيط لحلقة دراسية إقليمية
seminar-paragraph = الفقرة من المنطوق
seminar-symbol = رمز القرار
seminar-title-field = العنوان
seminar-region = المنطقة
seminar-start = اليوم الأول
seminar-end = اليوم الأخير
seminar-registration-opens-field = بدء التسجيل
seminar-registration-deadline-field = آخر موعد للتسجيل (شاملاً، بالتوقيت العالمي)
seminar-venue = مكان الانعقاد
seminar-place = المدينة والمبنى
seminar-place-hint = مطلوب ما لم تُعقد الحلقة عبر الإنترنت.
seminar-agenda = جدول الأعمال
seminar-agenda-hint = بند في كل سطر، وتُرقَّم البنود بهذا الترتيب.
seminar-create = التخطيط للحلقة
seminar-dates = التواريخ
seminar-registration = التسجيل
seminar-registration-opens = يبدأ التسجيل في { $day }.
seminar-registration-open = التسجيل مفتوح حتى { $day } (بالتوقيت العالمي).
seminar-registration-closed = أُغلق التسجيل في { $day }.
seminar-unknown = لا توجد حلقة دراسية { $id }.
seminar-noted-by = دوّنها { $author } في { $day }
seminar-notes-versions = { $count ->
    [one] صيغة واحدة
    [two] صيغتان
    [few] { $count } صيغ
   *[other] { $count } صيغة
}
seminar-notes-edit = ملاحظات المقرر
seminar-notes-author = المقرر
seminar-notes-text = الملاحظات
seminar-notes-save = حفظ الملاحظات
seminar-take-part = المشاركة
seminar-own-status = تسجيلك: { $status }.
seminar-input-heading = تقديم مساهمة
seminar-input-kind = النوع
seminar-input-theme = الموضوع
seminar-input-agenda-item = بند جدول الأعمال
seminar-input-whole = الحلقة الدراسية ككل
seminar-input-text = مساهمتك
seminar-input-publish = هل يجوز نشر مساهمتك؟
seminar-input-quote = هل يجوز اقتباسها مع ذكر اسمك ومنظمتك؟
seminar-yes = نعم
seminar-no = لا
seminar-input-submit = إرسال المساهمة
seminar-inputs-closed = تُقبل المساهمات من يوم بدء التسجيل حتى اليوم الأخير من الحلقة.
seminar-sign-in = سجّل الدخول للتسجيل في هذه الحلقة الدراسية.
seminar-stakeholder-type = تشارك بصفتك
seminar-name = الاسم
seminar-organisation = المنظمة
seminar-organisation-hint = مطلوبة، إلا لمن يشارك من المجتمع المدني باسمه الشخصي.
seminar-state = الدولة
seminar-state-hint = الرمز ISO3 (مثل KEN)؛ مطلوب لمندوب الدولة.
seminar-listed = أوافق على ذكر اسمي في القائمة العلنية للمشاركين
seminar-listed-short = مذكور علناً
seminar-register = التسجيل
seminar-participants = المشاركون
seminar-participants-count = { $approved ->
    [0] لم يُقبل أي مشارك
    [one] قُبل مشارك واحد
    [two] قُبل مشاركان
    [few] قُبل { $approved } مشاركين
   *[other] قُبل { $approved } مشاركاً
}؛ ويُذكر { $listed } منهم علناً بموافقتهم.
seminar-inputs = المساهمات
seminar-inputs-count = { $total ->
    [0] لم تُقدَّم أي مساهمة بعد.
    [one] قُدِّمت مساهمة واحدة
    [two] قُدِّمت مساهمتان
    [few] قُدِّمت { $total } مساهمات
   *[other] قُدِّمت { $total } مساهمة
}{ $total ->
    [0] {""}
   *[other] { $unpublished ->
        [0] ، وكلها معدّة للنشر.
       *[other] ؛ منها { $unpublished } غير معدّة للنشر (تُحصى ولا تُعرض).
    }
}
seminar-inputs-empty = لا مساهمة منشورة بعد.
seminar-registrations = طلبات التسجيل
seminar-registrations-empty = لم يسجّل أحد بعد.
seminar-approve = قبول
seminar-decline-reason = السبب
seminar-decline = رفض
stakeholder-state = دولة
stakeholder-un-entity = كيان من كيانات الأمم المتحدة
stakeholder-regional-organisation = منظمة إقليمية
stakeholder-international-organisation = منظمة دولية
stakeholder-nhri = مؤسسة وطنية لحقوق الإنسان
stakeholder-civil-society = المجتمع المدني
input-kind-challenge = تحدٍّ
input-kind-gap = ثغرة
input-kind-good-practice = ممارسة جيدة
venue-in-person = حضورياً
venue-online = عبر الإنترنت
venue-hybrid = مختلط
registration-pending = بانتظار قرار الأمانة
registration-approved = مقبول
registration-declined = مرفوض
mandate-cooperation = الحلقات الدراسية والمشاورات والتقرير الموجز
mandate-seminars-none = لا توجد حلقة دراسية لهذه الولاية بعد.
mandate-plan-seminar = التخطيط لحلقة دراسية لهذه الولاية
mandate-summary-report = التقرير الموجز
summary-title = التقرير الموجز: { $symbol }، الفقرة { $paragraph }
summary-none-published = لم يُنشر التقرير الموجز لهذه الولاية.
summary-empty = لا يوجد تقرير موجز لعرضه بعد.
summary-status-published = نُشر بالرمز { $symbol } في { $day }.
summary-status-draft = غير منشور: الصيغة { $version } مسودة.
summary-status-short-published = نُشر بالرمز { $symbol }
summary-status-short-draft = مسودة غير منشورة
summary-status-short-none = لم يُعدّ بعد
summary-showing = الصيغة المعروضة
summary-stage-draft = مسودة
summary-stage-published = منشور
summary-change-generated = أُعدّ من البيانات
summary-change-edited = عُدِّل
summary-change-published = نُشر
summary-versions = الصيغ
summary-change = التغيير
summary-symbol = رمز الوثيقة
summary-author = بواسطة
summary-note = ملاحظة
summary-date = التاريخ
summary-generate = الإعداد من البيانات
summary-generate-intro = يُعدّ التقرير من الحلقات الدراسية التي عُقدت حتى الآن لهذه الولاية، ومن دعوات تقديم المساهمات، ومن الممارسات التي تستشهد بها، بالعربية والإنكليزية. وتحلّ إعادة الإعداد محل النص بمسودة جديدة، وتُحفظ الصيغ السابقة.
summary-distribution = التوزيع
summary-distribution-general = عام
summary-distribution-limited = محدود
summary-distribution-restricted = مقيد
summary-session = الدورة
summary-agenda-item = بند جدول الأعمال
summary-agenda-title-ar = عنوان البند (بالعربية)
summary-agenda-title-en = عنوان البند (بالإنكليزية)
summary-practices = الممارسات المستشهد بها
summary-practices-hint = أرقام ممارسات منشورة في الخلاصة، تفصل بينها فواصل.
summary-generate-submit = إعداد المسودة
summary-generate-again = إعداد مسودة جديدة
summary-edit = تعديل المسودة
summary-edit-intro = السطر الذي يبدأ بـ # أو ## عنوان، والسطر الذي يبدأ بـ "- " بند في قائمة، والأسطر الفارغة تفصل الفقرات؛ ويمثّل [[table N]] و[[chart N]] الأرقام المستمدة من البيانات، وهي لا تُعدَّل نصاً. وكل حفظ صيغة جديدة.
summary-text-ar = النص العربي
summary-text-en = النص الإنكليزي
summary-edit-submit = حفظ المسودة
summary-publish = النشر
summary-publish-intro = يصدر النشرُ آخرَ مسودة بوصفها التقرير، ويسجّلها ناتجاً مُنجَزاً للولاية برمزها، ويغلقها أمام التعديل.
summary-publish-submit = نشر التقرير
mandate-plan-call = فتح دعوة لتقديم المساهمات لهذه الولاية
seminar-mandate-label = { $symbol }، الفقرة { $paragraph }
seminar-col-kind = الصفة
