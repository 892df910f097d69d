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
