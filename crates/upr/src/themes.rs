//! The issues (themes) UPR Info tags recommendations and pledges with, named in the six UN
//! languages. UPR Info names them in English only; the other languages are this platform's
//! translation, in the UN's own terms where the UN has one (the titles of the conventions,
//! of the mandates and of the Council's resolutions: "Torture and other cruel, inhuman or
//! degrading treatment or punishment", "persons with disabilities", "national human rights
//! institutions"). A recommendation written in English is found by its themes' names in every
//! language, and the search's theme facet shows them in the reader's.
//!
//! ```
//! assert_eq!(
//!     taawun_upr::themes::label("Women's rights", "ar"),
//!     Some("حقوق المرأة")
//! );
//! assert_eq!(taawun_upr::themes::label("Women's rights", "en"), Some("Women's rights"));
//! assert_eq!(taawun_upr::themes::label("Something else", "ar"), None);
//! ```

/// One issue's name in UPR Info's English, and in the other five languages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ThemeNames {
    /// As UPR Info writes it: the value stored and filtered on.
    pub name: &'static str,
    pub ar: &'static str,
    pub fr: &'static str,
    pub es: &'static str,
    pub ru: &'static str,
    pub zh: &'static str,
}

impl ThemeNames {
    /// The name in a language (`ar`, `en`, `fr`, `es`, `ru`, `zh`); English is UPR Info's.
    pub fn get(&self, language: &str) -> Option<&'static str> {
        match language {
            "ar" => Some(self.ar),
            "en" => Some(self.name),
            "fr" => Some(self.fr),
            "es" => Some(self.es),
            "ru" => Some(self.ru),
            "zh" => Some(self.zh),
            _ => None,
        }
    }
}

const fn theme(
    name: &'static str,
    ar: &'static str,
    fr: &'static str,
    es: &'static str,
    ru: &'static str,
    zh: &'static str,
) -> ThemeNames {
    ThemeNames {
        name,
        ar,
        fr,
        es,
        ru,
        zh,
    }
}

/// Every issue UPR Info's files of sessions 1-20 use (54), in alphabetical order of the
/// English name.
pub const THEMES: &[ThemeNames] = &[
    theme(
        "Asylum-seekers - refugees",
        "طالبو اللجوء واللاجئون",
        "Demandeurs d'asile et réfugiés",
        "Solicitantes de asilo y refugiados",
        "Просители убежища и беженцы",
        "寻求庇护者和难民",
    ),
    theme(
        "CP rights - general",
        "الحقوق المدنية والسياسية - مسائل عامة",
        "Droits civils et politiques – questions générales",
        "Derechos civiles y políticos – cuestiones generales",
        "Гражданские и политические права – общие вопросы",
        "公民权利和政治权利 – 一般问题",
    ),
    theme(
        "Civil society",
        "المجتمع المدني",
        "Société civile",
        "Sociedad civil",
        "Гражданское общество",
        "民间社会",
    ),
    theme(
        "Corruption",
        "الفساد",
        "Corruption",
        "Corrupción",
        "Коррупция",
        "腐败",
    ),
    theme(
        "Counter-terrorism",
        "مكافحة الإرهاب",
        "Lutte antiterroriste",
        "Lucha contra el terrorismo",
        "Борьба с терроризмом",
        "反恐怖主义",
    ),
    theme(
        "Death penalty",
        "عقوبة الإعدام",
        "Peine de mort",
        "Pena de muerte",
        "Смертная казнь",
        "死刑",
    ),
    theme(
        "Detention",
        "الاحتجاز",
        "Détention",
        "Detención",
        "Содержание под стражей",
        "拘留",
    ),
    theme(
        "Development",
        "التنمية",
        "Développement",
        "Desarrollo",
        "Развитие",
        "发展",
    ),
    theme(
        "Disabilities",
        "الأشخاص ذوو الإعاقة",
        "Personnes handicapées",
        "Personas con discapacidad",
        "Инвалиды",
        "残疾人",
    ),
    theme(
        "ESC rights - general",
        "الحقوق الاقتصادية والاجتماعية والثقافية - مسائل عامة",
        "Droits économiques, sociaux et culturels – questions générales",
        "Derechos económicos, sociales y culturales – cuestiones generales",
        "Экономические, социальные и культурные права – общие вопросы",
        "经济、社会及文化权利 – 一般问题",
    ),
    theme(
        "Elections",
        "الانتخابات",
        "Élections",
        "Elecciones",
        "Выборы",
        "选举",
    ),
    theme(
        "Enforced disappearances",
        "الاختفاء القسري",
        "Disparitions forcées",
        "Desapariciones forzadas",
        "Насильственные исчезновения",
        "强迫失踪",
    ),
    theme(
        "Environment",
        "البيئة",
        "Environnement",
        "Medio ambiente",
        "Окружающая среда",
        "环境",
    ),
    theme(
        "Extrajudicial executions",
        "حالات الإعدام خارج نطاق القضاء",
        "Exécutions extrajudiciaires",
        "Ejecuciones extrajudiciales",
        "Внесудебные казни",
        "法外处决",
    ),
    theme(
        "Freedom of association and peaceful assembly",
        "حرية تكوين الجمعيات والتجمع السلمي",
        "Liberté d'association et de réunion pacifique",
        "Libertad de asociación y de reunión pacífica",
        "Свобода ассоциации и мирных собраний",
        "和平集会和结社自由",
    ),
    theme(
        "Freedom of movement",
        "حرية التنقل",
        "Liberté de circulation",
        "Libertad de circulación",
        "Свобода передвижения",
        "迁徙自由",
    ),
    theme(
        "Freedom of opinion and expression",
        "حرية الرأي والتعبير",
        "Liberté d'opinion et d'expression",
        "Libertad de opinión y de expresión",
        "Свобода мнений и их свободное выражение",
        "见解和言论自由",
    ),
    theme(
        "Freedom of religion and belief",
        "حرية الدين أو المعتقد",
        "Liberté de religion ou de conviction",
        "Libertad de religión o de creencias",
        "Свобода религии или убеждений",
        "宗教或信仰自由",
    ),
    theme(
        "Freedom of the press",
        "حرية الصحافة",
        "Liberté de la presse",
        "Libertad de prensa",
        "Свобода печати",
        "新闻自由",
    ),
    theme(
        "General",
        "مسائل عامة",
        "Questions générales",
        "Cuestiones generales",
        "Общие вопросы",
        "一般问题",
    ),
    theme(
        "HIV - Aids",
        "فيروس نقص المناعة البشرية/الإيدز",
        "VIH/sida",
        "VIH/SIDA",
        "ВИЧ/СПИД",
        "艾滋病毒/艾滋病",
    ),
    theme(
        "Human rights defenders",
        "المدافعون عن حقوق الإنسان",
        "Défenseurs des droits de l'homme",
        "Defensores de los derechos humanos",
        "Правозащитники",
        "人权维护者",
    ),
    theme(
        "Human rights education and training",
        "التثقيف والتدريب في مجال حقوق الإنسان",
        "Éducation et formation aux droits de l'homme",
        "Educación y formación en materia de derechos humanos",
        "Образование и подготовка в области прав человека",
        "人权教育和培训",
    ),
    theme(
        "Human rights violations by state agents",
        "انتهاكات حقوق الإنسان على أيدي موظفي الدولة",
        "Violations des droits de l'homme commises par des agents de l'État",
        "Violaciones de los derechos humanos cometidas por agentes del Estado",
        "Нарушения прав человека государственными служащими",
        "国家工作人员侵犯人权行为",
    ),
    theme(
        "Impunity",
        "الإفلات من العقاب",
        "Impunité",
        "Impunidad",
        "Безнаказанность",
        "有罪不罚",
    ),
    theme(
        "Indigenous peoples",
        "الشعوب الأصلية",
        "Peuples autochtones",
        "Pueblos indígenas",
        "Коренные народы",
        "土著人民",
    ),
    theme(
        "Internally displaced persons",
        "المشردون داخلياً",
        "Personnes déplacées dans leur propre pays",
        "Desplazados internos",
        "Внутренне перемещенные лица",
        "境内流离失所者",
    ),
    theme(
        "International humanitarian law",
        "القانون الإنساني الدولي",
        "Droit international humanitaire",
        "Derecho internacional humanitario",
        "Международное гуманитарное право",
        "国际人道主义法",
    ),
    theme(
        "International instruments",
        "الصكوك الدولية",
        "Instruments internationaux",
        "Instrumentos internacionales",
        "Международные договоры",
        "国际文书",
    ),
    theme(
        "Justice",
        "العدالة",
        "Justice",
        "Justicia",
        "Правосудие",
        "司法",
    ),
    theme("Labour", "العمل", "Travail", "Trabajo", "Труд", "劳工"),
    theme(
        "Migrants",
        "المهاجرون",
        "Migrants",
        "Migrantes",
        "Мигранты",
        "移民",
    ),
    theme(
        "Minorities",
        "الأقليات",
        "Minorités",
        "Minorías",
        "Меньшинства",
        "少数群体",
    ),
    theme(
        "NHRI",
        "المؤسسات الوطنية لحقوق الإنسان",
        "Institutions nationales des droits de l'homme",
        "Instituciones nacionales de derechos humanos",
        "Национальные правозащитные учреждения",
        "国家人权机构",
    ),
    theme(
        "National plan of action",
        "خطة العمل الوطنية",
        "Plan d'action national",
        "Plan de acción nacional",
        "Национальный план действий",
        "国家行动计划",
    ),
    theme(
        "Other",
        "مسائل أخرى",
        "Autres questions",
        "Otras cuestiones",
        "Другие вопросы",
        "其他问题",
    ),
    theme("Poverty", "الفقر", "Pauvreté", "Pobreza", "Нищета", "贫穷"),
    theme(
        "Public security",
        "الأمن العام",
        "Sécurité publique",
        "Seguridad pública",
        "Общественная безопасность",
        "公共安全",
    ),
    theme(
        "Racial discrimination",
        "التمييز العنصري",
        "Discrimination raciale",
        "Discriminación racial",
        "Расовая дискриминация",
        "种族歧视",
    ),
    theme(
        "Right to education",
        "الحق في التعليم",
        "Droit à l'éducation",
        "Derecho a la educación",
        "Право на образование",
        "受教育权",
    ),
    theme(
        "Right to food",
        "الحق في الغذاء",
        "Droit à l'alimentation",
        "Derecho a la alimentación",
        "Право на питание",
        "食物权",
    ),
    theme(
        "Right to health",
        "الحق في الصحة",
        "Droit à la santé",
        "Derecho a la salud",
        "Право на здоровье",
        "健康权",
    ),
    theme(
        "Right to housing",
        "الحق في السكن",
        "Droit au logement",
        "Derecho a la vivienda",
        "Право на жилище",
        "住房权",
    ),
    theme(
        "Right to land",
        "الحق في الأرض",
        "Droit à la terre",
        "Derecho a la tierra",
        "Право на землю",
        "土地权",
    ),
    theme(
        "Right to water",
        "الحق في المياه",
        "Droit à l'eau",
        "Derecho al agua",
        "Право на воду",
        "用水权",
    ),
    theme(
        "Rights of the Child",
        "حقوق الطفل",
        "Droits de l'enfant",
        "Derechos del niño",
        "Права ребенка",
        "儿童权利",
    ),
    theme(
        "Sexual Orientation and Gender Identity",
        "الميل الجنسي والهوية الجنسانية",
        "Orientation sexuelle et identité de genre",
        "Orientación sexual e identidad de género",
        "Сексуальная ориентация и гендерная идентичность",
        "性取向和性别认同",
    ),
    theme(
        "Special procedures",
        "الإجراءات الخاصة",
        "Procédures spéciales",
        "Procedimientos especiales",
        "Специальные процедуры",
        "特别程序",
    ),
    theme(
        "Technical assistance and cooperation",
        "المساعدة التقنية والتعاون",
        "Assistance technique et coopération",
        "Asistencia técnica y cooperación",
        "Техническая помощь и сотрудничество",
        "技术援助与合作",
    ),
    theme(
        "Torture and other CID treatment",
        "التعذيب وغيره من ضروب المعاملة أو العقوبة القاسية أو اللاإنسانية أو المهينة",
        "Torture et autres peines ou traitements cruels, inhumains ou dégradants",
        "Tortura y otros tratos o penas crueles, inhumanos o degradantes",
        "Пытки и другие жестокие, бесчеловечные или унижающие достоинство виды обращения и наказания",
        "酷刑和其他残忍、不人道或有辱人格的待遇或处罚",
    ),
    theme(
        "Trafficking",
        "الاتجار بالأشخاص",
        "Traite des personnes",
        "Trata de personas",
        "Торговля людьми",
        "贩运人口",
    ),
    theme(
        "Treaty bodies",
        "هيئات المعاهدات",
        "Organes conventionnels",
        "Órganos creados en virtud de tratados",
        "Договорные органы",
        "条约机构",
    ),
    theme(
        "UPR process",
        "عملية الاستعراض الدوري الشامل",
        "Processus de l'Examen périodique universel",
        "Proceso del examen periódico universal",
        "Процесс универсального периодического обзора",
        "普遍定期审议进程",
    ),
    theme(
        "Women's rights",
        "حقوق المرأة",
        "Droits des femmes",
        "Derechos de la mujer",
        "Права женщин",
        "妇女权利",
    ),
];

/// The names of an issue, by UPR Info's English name (as stored).
pub fn names(name: &str) -> Option<&'static ThemeNames> {
    THEMES.iter().find(|t| t.name == name.trim())
}

/// An issue's name in a language (`ar`, `en`, `fr`, `es`, `ru`, `zh`), when the table has it.
pub fn label(name: &str, language: &str) -> Option<&'static str> {
    names(name).and_then(|t| t.get(language))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_is_translated_once_in_every_language() {
        let mut seen = std::collections::BTreeSet::new();
        for theme in THEMES {
            assert!(seen.insert(theme.name), "{} twice", theme.name);
            for language in ["ar", "en", "fr", "es", "ru", "zh"] {
                let label = theme.get(language).unwrap();
                assert!(!label.trim().is_empty(), "{} in {language}", theme.name);
            }
            assert!(
                theme
                    .ar
                    .chars()
                    .any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)),
                "{}",
                theme.name
            );
            assert!(
                theme
                    .ru
                    .chars()
                    .any(|c| ('\u{0400}'..='\u{04FF}').contains(&c)),
                "{}",
                theme.name
            );
        }
        assert_eq!(THEMES.len(), 54);
    }
}
