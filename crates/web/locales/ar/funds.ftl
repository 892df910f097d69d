nav-funds = صناديق المساعدة
api-tag-funds = صناديق المساعدة
funds-title = صناديق المساعدة
funds-intro = صناديق التبرعات التي تطلب الدول من خلالها المساعدة في مجال حقوق الإنسان (القرار 56/2، الفقرات من 20 إلى 23 والفقرة 26). يُنشر إجراء كل صندوق أدناه من إعداداته: الغرض منه، ومن يجوز له الطلب، وما يجب أن يتضمنه الطلب، وعدد الأيام التي ينبغي أن تستغرقها كل مرحلة.
funds-empty = لم يُعدّ أي صندوق.
funds-col-fund = الصندوق
funds-col-requests = يقبل طلبات من أجل
funds-terms-unconfirmed = كُتبت هذه الشروط استناداً إلى الولاية العلنية للصندوق، ولم تؤكدها الأمانة بعد.
funds-not-translated = أجزاء من هذا الإجراء لم تُكتب بالعربية بعد؛ وهي معروضة بالإنكليزية.
funds-purpose = الغرض من الصندوق
funds-eligibility = من يجوز له الطلب
funds-request-types = ما يقبل الصندوق الطلبات من أجله
funds-contents = ما يجب أن يتضمنه الطلب
funds-contents-recommendations-rule = ويذكر طلب تنفيذ توصيات الاستعراض الدوري الشامل أيضاً التوصيات أو إجراءات خطة التنفيذ التي يخدمها.
funds-procedure = كيف يُعالَج الطلب
funds-procedure-intro = تُسجَّل كل خطوة مع من اتخذها ومتى ولماذا، وتُكتب في سجل التدقيق.
funds-target = في غضون { $days ->
    [zero] { $days } يوم
    [one] يوم واحد
    [two] يومين
    [few] { $days } أيام
   *[other] { $days } يوماً
  }
funds-no-target = بلا مهلة محددة
funds-clock-note = تُحسب الأيام ما دام الطلب لدى الصندوق: حين تُسأل الدولة عن معلومات إضافية يتوقف العدّ.
funds-money = الأموال
funds-money-text = يمسك الصندوق حساباته بعملة { $currency }. وتُقتطع من كل تبرع رسوم دعم البرامج بنسبة { $percent } في المائة.
funds-languages = اللغات
funds-languages-text = هذه الشروط مكتوبة باللغات التالية:
funds-unknown = لا يوجد صندوق بالمعرّف «{ $id }».
funds-type-upr-implementation = تنفيذ توصيات الاستعراض الدوري الشامل
funds-type-review-participation = المشاركة في الاستعراض الدوري الشامل
funds-type-technical-cooperation = التعاون التقني في ميدان حقوق الإنسان
funds-type-crisis-response = دولة متأثرة بأزمة (صحية أو مالية أو غذائية أو مناخية أو نزوح)
funds-content-purpose = الغرض منه
funds-content-recommendations = توصيات الاستعراض الدوري الشامل أو إجراءات الخطة التي يخدمها
funds-content-activities = أنشطته
funds-content-budget = ميزانيته، بنداً بنداً، بعملة واحدة
funds-content-timeline = متى يبدأ ومتى ينتهي
funds-content-priority = أولويته لدى الدولة
funds-content-consent = الموافقة الرسمية للدولة: من أعطاها ومتى
funds-stage-draft = مسودة
funds-stage-draft-what = يكتب منسقو الدولة الطلب؛ ولا يراه أحد غيرهم.
funds-stage-submitted = مُقدَّم
funds-stage-submitted-what = تتسلّم الأمانة الطلب.
funds-stage-screening = الفحص الأولي
funds-stage-screening-what = تتحقق الأمانة من اكتمال الطلب واستيفائه شروط الأهلية.
funds-stage-information-requested = طُلبت معلومات إضافية
funds-stage-information-requested-what = تُسأل الدولة عما ينقص الطلب؛ ثم يعود الطلب إلى المرحلة التي طلبت المعلومات.
funds-stage-review = الاستعراض
funds-stage-review-what = يوصي المراجعون بالموافقة أو الموافقة المشروطة أو الرفض، مع ذكر الأسباب في كل حال.
funds-stage-decision = القرار
funds-stage-decision-what = يوافق الصندوق أو يوافق بشروط أو يرفض، مع ذكر الأسباب دائماً؛ ويُغلق الطلب المرفوض.
funds-stage-agreement = الاتفاق
funds-stage-agreement-what = يُبرم الاتفاق مع الدولة ويُوقَّع.
funds-stage-disbursement = الصرف
funds-stage-disbursement-what = تُصرف الأموال، وتُقيَّد كل دفعة في دفتر حسابات الصندوق.
funds-stage-reporting = الإبلاغ
funds-stage-reporting-what = تقدم الدولة تقريراً عما أُنجز بالمساعدة.
funds-stage-closed = مُغلق
funds-stage-closed-what = يُغلق الطلب؛ ويجوز للدولة أن تسحب طلبها، مع ذكر السبب، حتى صدور القرار.
funds-register-title = سجل الطلبات
funds-register-intro = كل طلب قُدّم إلى هذا الصندوق، كما يطلب القرار 56/2: يُعالَج في الوقت المناسب وبشفافية. لكل طلب: الدولة ونوع الطلب ومرحلته وتاريخ تقديمه والمبالغ المطلوبة والمعتمدة والمصروفة، وما عدا ذلك بحسب ما اختارت الدولة نشره. لا تُدرج المسودات: هي للدولة وحدها حتى تقدّمها.
funds-register-count = { $count ->
    [zero] لا طلبات
    [one] طلب واحد
    [two] طلبان
    [few] { $count } طلبات
   *[other] { $count } طلبًا
  }
funds-register-empty = لا طلب يطابق. تظهر الطلبات هنا حين تقدّمها دولها.
funds-new-request = إعداد طلب
funds-any = أيّ
funds-filter = تصفية
funds-col-state = الدولة
funds-col-stage = المرحلة
funds-col-year = سنة التقديم
funds-col-type = نوع الطلب
funds-col-submitted = تاريخ التقديم
funds-col-requested = المطلوب
funds-col-approved = المعتمد
funds-col-disbursed = المصروف
funds-col-left = الطلبات التي تجاوزت المرحلة
funds-col-median = الوسيط بالأيام
funds-col-p90 = المئين التسعون بالأيام
funds-col-target = المدة المستهدفة بالأيام
funds-col-within = ضمن المدة المستهدفة
funds-col-timeline = الجدول الزمني
funds-col-priority = أولوية الدولة
funds-col-consent = موافقة الدولة
funds-col-purpose = الغرض
funds-col-activities = الأنشطة
funds-col-budget = الميزانية
funds-col-recommendations = توصيات الاستعراض التي يخدمها
funds-col-plan-actions = إجراءات خطة التنفيذ التي يخدمها
funds-col-crisis = الأزمة
funds-col-currency = العملة (ISO 4217)
funds-col-starts = يبدأ
funds-col-ends = ينتهي
funds-col-date = التاريخ
funds-col-kind = النوع
funds-col-lines = القيود (مدين +، دائن −)
funds-col-memo = البيان
funds-pager-previous = السابق
funds-pager-next = التالي
funds-timeliness = سرعة المعالجة
funds-timeliness-intro = الأيام التي استغرقتها كل مرحلة، بحسب سنة التقديم: الوسيط والمئين التسعون (كل رقم هو المدة الفعلية لطلب بعينه)، ونسبة الطلبات التي تجاوزت المرحلة ضمن مدتها المستهدفة. لا تُحسب للمرحلة إلا الطلبات التي غادرتها؛ ويتوقف العدّ ما دامت الدولة مطالَبة بمعلومات إضافية.
funds-timeliness-empty = لم يُقدَّم أي طلب بعد.
funds-timeliness-requests = { $count ->
    [zero] لم يُقدَّم أي طلب
    [one] قُدِّم طلب واحد
    [two] قُدِّم طلبان
    [few] قُدِّمت { $count } طلبات
   *[other] قُدِّم { $count } طلبًا
  }
funds-overdue = طلبات متأخرة
funds-overdue-none = لا طلب مفتوحًا تجاوز المدة المستهدفة لمرحلته.
funds-demo = بيانات تجريبية
funds-demo-notice = هذه بيانات تجريبية أنشأها الأمر taawun demo funds، وليست طلبًا حقيقيًا.
funds-demo-ledger-notice = يحوي هذا الدفتر بيانات تجريبية أنشأها الأمر taawun demo funds.
funds-request-title = الطلب { $id }
funds-request-unknown = لا يوجد هذا الطلب.
funds-request-partial = معروض كما اختارت دولته نشره.
funds-edit-request = تعديل الطلب
funds-events = الخطوات المتخذة
funds-events-none = لم تُتخذ أي خطوة بعد: هذه مسودة.
funds-next-steps = ما يمكنك فعله الآن
funds-outcome = النتيجة
funds-outcome-approve = الموافقة
funds-outcome-approve-with-conditions = الموافقة بشروط
funds-outcome-decline = الرفض
funds-conditions = الشروط
funds-amount = المبلغ
funds-reason = السبب
funds-note = ملاحظة (اختيارية)
funds-role-state-focal-point = جهة التنسيق الوطنية
funds-role-secretariat = الأمانة
funds-role-reviewer = المراجِع
funds-role-approver = صاحب القرار
funds-step-submit = تقديم الطلب إلى الصندوق
funds-step-begin-screening = بدء الفحص
funds-step-request-information = طلب معلومات إضافية من الدولة
funds-step-provide-information = تقديم المعلومات المطلوبة
funds-step-complete-screening = إتمام الفحص والإحالة إلى المراجعة
funds-step-recommend = تقديم توصية
funds-step-send-for-decision = الإحالة لاتخاذ القرار
funds-step-decide = اتخاذ القرار
funds-step-sign-agreement = تسجيل توقيع الاتفاق
funds-step-record-disbursement = تسجيل دفعة
funds-step-begin-reporting = بدء الإبلاغ
funds-step-submit-report = تقديم تقرير
funds-step-close = الإغلاق
funds-step-withdraw = سحب الطلب
funds-crisis-health = صحية
funds-crisis-financial = مالية
funds-crisis-food = غذائية
funds-crisis-climate = مناخية
funds-crisis-displacement = نزوح
funds-priority-high = عالية
funds-priority-medium = متوسطة
funds-priority-low = منخفضة
funds-form-title = طلب مساعدة
funds-form-intro = لا يرى المسودةَ إلا جهاتُ التنسيق في دولتك. احفظها متى شئت، وقدّمها من صفحتها حين تكتمل.
funds-budget-hint = سطر لكل بند: ما يُنفَق عليه | المبلغ
funds-consent-by = صدرت عن
funds-consent-on = بتاريخ
funds-publish = النشر في السجل
funds-save-draft = حفظ المسودة
funds-ledger-title = دفتر الحسابات
funds-ledger-intro = دفاتر الصندوق بالقيد المزدوج. كل رصيد أدناه مشتق من القيود؛ ويُصحَّح الخطأ بقيد عكسي، لا بالتعديل أبدًا.
funds-balance-cash = الرصيد النقدي
funds-balance-obligations = المستحق لطلبات معتمدة
funds-balance-available = المتاح للاعتماد
funds-balance-pledged = تعهدات لم تُسدَّد بعد
funds-balance-approved = مجموع المعتمد
funds-balance-disbursed = مجموع المصروف
funds-balance-support = تكاليف دعم البرامج
funds-chart-income = الإيرادات بحسب السنة
funds-chart-donors = الإيرادات بحسب الجهة المانحة
funds-chart-states = المصروف بحسب الدولة
funds-chart-regions = المصروف بحسب المجموعة الإقليمية
funds-chart-empty = لا شيء بعد.
funds-ledger-non-traditional = جهة مانحة غير تقليدية
funds-ledger-non-traditional-share = { $percent }٪ من جهات مانحة غير تقليدية
funds-ledger-no-group = بلا مجموعة إقليمية
funds-entries = القيود
funds-entries-count = { $count ->
    [zero] لا قيود
    [one] قيد واحد
    [two] قيدان
    [few] { $count } قيود
   *[other] { $count } قيدًا
  }
funds-entry-pledge = تعهد
funds-entry-contribution = مساهمة
funds-entry-programme-support = دعم البرامج
funds-entry-commitment = اعتماد
funds-entry-disbursement = دفعة
funds-entry-reversal = قيد عكسي للقيد
funds-new-entry = تسجيل قيد
funds-donor = الجهة المانحة
funds-paid = المدفوع بعملة أخرى
funds-rate = سعر الصرف المستخدم وتاريخه
funds-earmark = مخصص لـ
funds-reverses = القيد المعكوس
funds-record-entry = تسجيل
funds-new-donor = إضافة جهة مانحة
funds-donor-name = الاسم
funds-donor-state = دولة
funds-donor-organisation = منظمة
funds-donor-private = جهة خاصة
funds-add-donor = إضافة
funds-own-requests = طلبات دولتك إلى هذا الصندوق، بما فيها المسودات
funds-overdue-days = { $days } يومًا (المستهدف { $target })
funds-timeline-range = من { $starts } إلى { $ends }
funds-account-cash = النقد
funds-account-pledges-receivable = تعهدات غير مسددة
funds-account-obligations = مستحق للطلب
funds-account-contributions = مقدم من الجهة المانحة
funds-account-grants = ممنوح للطلب
funds-account-programme-support = دعم البرامج
