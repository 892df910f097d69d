# الحسابات والإدارة وسجل التدقيق والتاريخ.
nav-account-label = الحساب
nav-sign-in = تسجيل الدخول
nav-sign-out = تسجيل الخروج
nav-admin = الإدارة
nav-invitations = الدعوات
nav-organisations = المنظمات

error-not-found = لا يوجد هذا السجل، أو ليس من حقك الاطلاع عليه.
error-forbidden-title = غير مسموح
error-forbidden = أدوارك لا تسمح بهذا. إن رأيت أنها ينبغي أن تسمح به فاسأل أحد المسؤولين.
error-gone-title = لم يعد هذا الرابط صالحًا للاستعمال
error-too-many-title = محاولات كثيرة جدًا
error-csrf = انتهت صلاحية هذا النموذج أو لم يصدر عن هذا الموقع. ارجع وأعد تحميل الصفحة ثم أرسله من جديد.
error-form = تعذّرت قراءة النموذج: أُرسل ناقصًا أو تغيّر في الطريق. ارجع وأعد تحميل الصفحة ثم أرسله من جديد.

yes = نعم
no = لا
button-save = حفظ
filter-any = أيّ

field-email = عنوان البريد الإلكتروني
field-password = كلمة المرور
field-new-password = كلمة المرور الجديدة
field-confirm-password = كلمة المرور الجديدة مرة أخرى
field-current-password = كلمة المرور الحالية
field-display-name = الاسم
field-name = الاسم
field-role = الدور
field-roles = الأدوار
field-status = الحالة
field-created = تاريخ الإنشاء
field-expires = تاريخ الانتهاء
field-state-iso3 = الدولة (لجهات التنسيق والمانحين)
field-organisation-id = المنظمة (لأصحاب المصلحة والمانحين)

role-focal-point = جهة تنسيق وطنية
role-stakeholder = صاحب مصلحة
role-donor = مانح
role-secretariat = الأمانة
role-administrator = مسؤول النظام
role-fund-reviewer = مراجع لطلبات صناديق المساعدة
role-fund-approver = صاحب قرار في صناديق المساعدة
role-command-line = سطر الأوامر
role-system = النظام
role-public = الجمهور
role-account-holder = صاحب الحساب

sign-in-title = تسجيل الدخول
sign-in-button = دخول
sign-in-forgot = هل نسيت كلمة المرور؟
sign-in-invitation-only = تُفتح الحسابات بدعوة من الأمانة أو من أحد المسؤولين.
sign-in-bad-credentials = عنوان البريد الإلكتروني أو كلمة المرور غير صحيح.
sign-in-locked = هذا الحساب مقفل بعد محاولات دخول فاشلة كثيرة. حاول مجددًا بعد { $minutes } دقيقة، أو أعد تعيين كلمة المرور لفتحه الآن.
sign-in-throttled = محاولات دخول فاشلة كثيرة من شبكتك. حاول مجددًا بعد { $minutes } دقيقة.
sign-in-disabled = هذا الحساب معطَّل. اسأل أحد المسؤولين.

password-hint = اثنا عشر حرفًا على الأقل؛ وألا تكون من كلمات المرور الشائعة، ولا تتضمن اسمك أو بريدك الإلكتروني. جملة من عدة كلمات سهلة التذكر صعبة التخمين.
password-mismatch = كلمتا المرور الجديدتان مختلفتان.
password-too-short = كلمة المرور قصيرة جدًا: استعمل { $min } حرفًا على الأقل.
password-too-long = كلمة المرور طويلة جدًا: استعمل { $max } حرفًا على الأكثر.
password-common = كلمة المرور هذه من أشيع كلمات المرور، وهي أول ما يُجرَّب. اختر غيرها.
password-personal = كلمة المرور تتضمن اسمك أو بريدك الإلكتروني. اختر غيرها.

account-title = حسابك
account-profile = الملف الشخصي
account-name-public = أظهر اسمي في التاريخ العلني للسجلات التي أغيّرها
account-name-public-hint = وإلا فلا يُظهر التاريخ العلني إلا دورك (مثل «الأمانة»).
account-name-invalid = اكتب اسمًا من حرف واحد إلى 200 حرف.
account-profile-saved = حُفظ ملفك الشخصي.
account-no-roles = لا أدوار بعد.
account-history-link = تاريخ هذا الحساب
account-password = كلمة المرور
account-password-hint = تغيير كلمة المرور يُخرجك من كل الجلسات الأخرى.
account-password-button = تغيير كلمة المرور
account-password-changed = تغيّرت كلمة المرور، وأُنهيت جلساتك الأخرى.
account-current-password-wrong = كلمة المرور الحالية غير صحيحة.
account-tokens = رموز الواجهة البرمجية
account-tokens-intro = تستعمل البرامج رمزًا بدل كلمة المرور: يُرسل في الترويسة «⁦Authorization: Bearer …⁩». لا يستطيع الرمز إلا ما تسمح به أدوارك.
account-tokens-none = ليست لديك رموز.
account-token-name = الغرض من الرمز
account-token-create = إنشاء رمز
account-token-created = رمزك الجديد
account-token-copy-now = انسخه الآن: لن يُعرض إلا هذه المرة. لا يُحفظ منه إلا بصمته.
account-token-name-invalid = سمِّ الرمز باسم من حرف واحد إلى 100 حرف.
account-token-prefix = يبدأ بـ
account-token-created-at = أُنشئ
account-token-last-used = آخر استعمال
account-token-never-used = لم يُستعمل
account-token-revoke = إلغاء
account-token-revoked = أُلغي الرمز.
account-token-revoked-at = أُلغي
account-token-unknown = ليس لديك رمز كهذا.

forgot-title = إعادة تعيين كلمة المرور
forgot-intro = اكتب عنوان البريد الإلكتروني لحسابك، فنرسل إليه رابطًا لاختيار كلمة مرور جديدة. يصلح الرابط مرة واحدة خلال ساعة.
forgot-button = أرسل الرابط
forgot-sent = إن كان لهذا العنوان حساب فالرابط في طريقه إليه. تفقّد بريدك الإلكتروني.
reset-title = اختر كلمة مرور جديدة
reset-button = احفظ كلمة المرور الجديدة
link-expired = انتهت صلاحية هذا الرابط. اطلب رابطًا جديدًا.
link-used = استُعمل هذا الرابط من قبل. كل رابط يصلح مرة واحدة.
link-unknown = هذا الرابط غير صالح. تحقّق من أنه نُسخ كاملًا.

invitation-title = قبول الدعوة
invitation-intro = أنت مدعو إلى منصة تعاون. اختر اسمك وكلمة مرور لفتح حسابك.
invitation-button = افتح حسابي
invitation-email-invalid = عنوان البريد الإلكتروني غير صالح: { $reason }
invitation-sent = الدعوة في طريقها إلى { $email }.
invitation-revoked = أُلغيت الدعوة، ولم يعد رابطها يعمل.
invitation-unknown = لا توجد دعوة كهذه.
invitation-status-pending = بانتظار القبول
invitation-status-accepted = مقبولة
invitation-status-revoked = ملغاة
invitation-status-expired = منتهية الصلاحية

mail-invitation-subject = دعوتك إلى منصة تعاون
mail-invitation-body = يدعوك { $inviter } إلى منصة تعاون، منصة التعاون الدولي في ميدان حقوق الإنسان، بصفة: { $role }.

    افتح هذا الرابط لاختيار كلمة المرور (يصلح مرة واحدة خلال { $days } أيام):
    { $link }

    إن لم تكن تنتظر هذه الدعوة فتجاهل هذه الرسالة.
mail-reset-subject = إعادة تعيين كلمة مرورك في منصة تعاون
mail-reset-body = مرحبًا { $name }،

    افتح هذا الرابط لاختيار كلمة مرور جديدة (يصلح مرة واحدة خلال { $minutes } دقيقة):
    { $link }

    إن لم تطلب ذلك فتجاهل هذه الرسالة: تبقى كلمة مرورك كما هي.

admin-users-title = الحسابات
admin-users-search = الاسم أو البريد الإلكتروني
admin-users-count = { $count ->
    [zero] لا حسابات
    [one] حساب واحد
    [two] حسابان
    [few] { $count } حسابات
   *[other] { $count } حسابًا
}
admin-users-none = لا حساب يطابق البحث.
admin-user-unknown = لا يوجد حساب كهذا.
admin-invite-link = ادعُ شخصًا
admin-role-grant = امنح الدور
admin-role-revoke = اسحب الدور
admin-role-hint = تحتاج جهة التنسيق إلى دولة؛ وصاحب المصلحة إلى منظمة؛ والمانح إلى دولة أو منظمة؛ أما الأمانة والمسؤولون فلا يحتاجون إلى أيٍّ منهما.
admin-role-granted = مُنح الدور.
admin-role-revoked = سُحب الدور.
admin-cannot-demote-self = لا يمكنك سحب دور المسؤول من نفسك؛ اطلب ذلك من مسؤول آخر.
admin-cannot-disable-self = لا يمكنك تعطيل حسابك.
admin-user-disable = تعطيل الحساب
admin-user-enable = تفعيل الحساب
admin-user-disabled = عُطّل الحساب وأُنهيت جميع جلساته.
admin-user-enabled = فُعّل الحساب.
user-status-active = نشط
user-status-disabled = معطَّل
user-status-locked = مقفل مؤقتًا (محاولات دخول فاشلة)
admin-invitations-title = الدعوات
admin-invitations-intro = يتلقى الشخص رابطًا بالبريد الإلكتروني يصلح مرة واحدة خلال سبعة أيام. تدعو الأمانة جهات التنسيق وأصحاب المصلحة والمانحين؛ ولا يدعو إلى الأمانة والإدارة إلا المسؤولون.
admin-invite-button = أرسل الدعوة
admin-invitations-list = الدعوات المرسلة
admin-invitations-count = { $count ->
    [zero] لا دعوات
    [one] دعوة واحدة
    [two] دعوتان
    [few] { $count } دعوات
   *[other] { $count } دعوة
}
admin-invitations-none = لا دعوات بعد.
admin-invitation-revoke = إلغاء

admin-audit-title = سجل التدقيق
admin-audit-intro = كل تغيير في كل سجل: من أجراه ومتى ومن أي طلب، والسجل قبل التغيير وبعده. لا يمكن تعديل القيود أو حذفها، ويحمل كل قيد بصمة القيد الذي قبله، فالتحقق من السلسلة يثبت أنه لم يُعبث بشيء.
admin-audit-total = { $count ->
    [zero] لا قيود في السجل.
    [one] قيد واحد في السجل.
    [two] قيدان في السجل.
    [few] { $count } قيود في السجل.
   *[other] { $count } قيدًا في السجل.
}
audit-verify-button = تحقّق من السلسلة الآن
audit-verification = نتيجة التحقق
audit-intact = { $count ->
    [zero] السلسلة سليمة: لا قيود للتحقق منها.
    [one] السلسلة سليمة: جرى التحقق من قيد واحد.
    [two] السلسلة سليمة: جرى التحقق من قيدين.
    [few] السلسلة سليمة: جرى التحقق من { $count } قيود.
   *[other] السلسلة سليمة: جرى التحقق من { $count } قيدًا.
}
audit-broken = السلسلة مكسورة عند القيد
audit-head = بصمة آخر قيد:
audit-record-type = نوع السجل
audit-record-id = السجل
audit-actor = رقم الحساب
audit-count = { $count ->
    [zero] لا تغييرات مسجلة.
    [one] تغيير واحد.
    [two] تغييران.
    [few] { $count } تغييرات.
   *[other] { $count } تغييرًا.
}
audit-none = لا شيء لعرضه.
audit-when = متى
audit-who = مَن
audit-what = ماذا
audit-record = السجل
audit-before = قبل
audit-after = بعد
audit-action-create = إنشاء
audit-action-update = تعديل
audit-action-new-version = نسخة جديدة
audit-action-import = استيراد
audit-action-sync = تحديث البيانات المرجعية
audit-action-change-password = تغيير كلمة المرور
audit-action-reset-password = إعادة تعيين كلمة المرور
audit-action-grant-role = منح دور
audit-action-revoke-role = سحب دور
audit-action-disable = تعطيل
audit-action-enable = تفعيل
audit-action-revoke = إلغاء
audit-action-accept = قبول
record-type-resolution = قرار
record-type-voting-records = سجلات التصويت
record-type-reference-data = البيانات المرجعية
record-type-organisation = منظمة
record-type-user = حساب
record-type-invitation = دعوة
record-type-api-token = رمز واجهة برمجية

history-title = التاريخ: { $type } { $id }
history-intro = كل تغيير في هذا السجل، الأحدث أولًا، من سجل التدقيق. يظهر مع كل تغيير الدور الذي أُجري به، واسم الشخص إن اختار أن يُسمّى.
history-record-link = السجل
history-unknown-type = لا يوجد نوع سجل باسم «{ $type }».
history-unknown-record = لا يوجد سجل من نوع «{ $type }» بالمعرّف «{ $id }»: لا يتضمن سجل التدقيق أي تغيير له.
