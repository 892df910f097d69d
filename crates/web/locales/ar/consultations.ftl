# الدعوات إلى تقديم المساهمات: المشاورات الخطية لولايات القرار 56/2.
nav-consultations = المشاورات
api-tag-consultations = الدعوات إلى تقديم المساهمات
consultations-title = الدعوات إلى تقديم المساهمات
consultations-intro = المشاورات الخطية لولايات القرار 56/2: تطرح الأمانة أسئلتها على الدول وسائر أصحاب المصلحة، وتُغذّي مساهماتُهم تقريرَ الولاية. وتُقبل المساهمة الواردة بعد الموعد النهائي ويُشار إلى تأخرها، ولا تُرفض.
consultations-new = فتح دعوة إلى تقديم المساهمات
consultations-empty = لم تُفتح أي دعوة إلى تقديم المساهمات بعد.
consultation-mandate = الولاية
consultation-opens = تاريخ الفتح
consultation-deadline = الموعد النهائي
consultation-status = الحالة
consultation-status-upcoming = لم تُفتح بعد
consultation-status-open = مفتوحة
consultation-status-closed = انقضى الموعد النهائي
consultation-received-count = { $count ->
    [0] لم ترد أي مساهمة بعد
    [one] وردت مساهمة واحدة
    [two] وردت مساهمتان
    [few] وردت { $count } مساهمات
   *[other] وردت { $count } مساهمة
}
consultation-counts = { $received ->
    [0] لم ترد أي مساهمة بعد.
    [one] وردت مساهمة واحدة
    [two] وردت مساهمتان
    [few] وردت { $received } مساهمات
   *[other] وردت { $received } مساهمة
}{ $received ->
    [0] {""}
   *[other] ، منها { $late } بعد الموعد النهائي و{ $published } أذن أصحابها بنشرها (تُحصى المساهمات الأخرى ولا تُعرض).
}
consultation-unknown = لا توجد دعوة إلى تقديم المساهمات برقم { $id }.
consultation-new-title = فتح دعوة إلى تقديم المساهمات
consultation-form-intro = تطرح الدعوة أسئلتها على الدول وسائر أصحاب المصلحة لأغراض تقرير إحدى الولايات. وتُتلقى المساهمات ابتداءً من يوم فتح الدعوة، أما ما يرد منها بعد الموعد النهائي فيُقبل ويُشار إلى تأخره.
consultation-form-errors = في الاستمارة أخطاء، ولم يُحفظ أي شيء:
consultation-title-field = العنوان
consultation-questions = الأسئلة
consultation-questions-hint = سؤال واحد في كل سطر، وتُرقَّم الأسئلة بهذا الترتيب.
consultation-question-number = السؤال { $number }
consultation-opens-field = تاريخ فتح الدعوة
consultation-deadline-field = الموعد النهائي (آخر يوم، شاملًا، بالتوقيت العالمي المنسق)
consultation-addressee = الجهة المخاطَبة بالولاية
consultation-paragraph = الفقرة من منطوق القرار
consultation-symbol = رمز القرار
consultation-create = فتح الدعوة
consultation-submitter-type = صفة مقدِّم المساهمة
consultation-choose = اختر…
consultation-submitter-state = دولة
consultation-submitter-igo = منظمة حكومية دولية
consultation-submitter-ngo = منظمة غير حكومية
consultation-submitter-nhri = مؤسسة وطنية لحقوق الإنسان
consultation-submitter-un-entity = كيان تابع للأمم المتحدة
consultation-submitter-other = جهة أخرى
consultation-name = الاسم
consultation-name-hint = اسم الدولة أو المنظمة أو الشخص مقدِّم المساهمة، كما تودّ أن يُذكر.
consultation-state = الدولة
consultation-state-hint = الرمز الثلاثي للدولة وفق معيار ISO (مثل KEN)، وهو مطلوب إذا كانت مقدِّمة المساهمة دولة.
consultation-email = عنوان البريد الإلكتروني
consultation-email-hint = اختياري: العنوان الذي يمكن للأمانة أن تراسلك عليه. لا يُنشر أبدًا.
consultation-answers = الإجابات
consultation-answers-hint = اترك فارغةً خاناتِ الأسئلة التي لا تجيب عنها.
consultation-answer-to = الإجابة عن السؤال { $number }
consultation-publish = هل تأذن بنشر مساهمتك في هذه الصفحة؟
consultation-publish-short = الإذن بالنشر
consultation-publish-hint = إن لم تأذن بالنشر، تطّلع الأمانة على المساهمة وتُحصى، ولا تُعرض أبدًا.
consultation-yes = نعم
consultation-no = لا
consultation-submit = إرسال المساهمة
consultation-submitted-on-time = شكرًا لك: وردت مساهمتك في الموعد.
consultation-submitted-late = شكرًا لك: وردت مساهمتك بعد الموعد النهائي المحدد في { $day }، وقد حُفظت مع الإشارة إلى تأخرها.
consultation-not-open = تُفتح هذه الدعوة في { $day }، وتُتلقى المساهمات ابتداءً من ذلك اليوم.
consultation-closed-note = انقضى الموعد النهائي: أي مساهمة تُرسل الآن تُقبل ويُشار إلى تأخرها.
consultation-submissions = المساهمات
consultation-submissions-empty = لم تُنشر أي مساهمة بعد.
consultation-received = تاريخ الورود
consultation-late = وردت بعد الموعد النهائي
consultation-not-published = غير مأذون بنشرها
consultation-take-part = إرسال مساهمة
consultation-sign-in = سجّل الدخول لإرسال مساهمة.
