//! Arabic letter folding.

/// Whether `c` is in one of the Arabic blocks (letters, marks, presentation forms).
pub fn is_arabic(c: char) -> bool {
    matches!(c, '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08FF}' | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}

/// Folds one Arabic character for comparison; `None` when `c` is not Arabic text that folds.
///
/// Diacritics (harakat, shadda, sukun, dagger alef, Quranic marks) and tatweel vanish; the alef
/// forms أ إ آ ٱ become ا; alef maqsura ى becomes ي; taa marbuta ة becomes ه; the hamza seats ؤ
/// and ئ become و and ي; Persian and Urdu look-alikes (ک ی ہ) become their Arabic letters;
/// Arabic-Indic and Eastern Arabic-Indic digits become ASCII digits.
pub fn fold_arabic_char(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' | '\u{06D6}'..='\u{06ED}' => "",
        'أ' | 'إ' | 'آ' | 'ٱ' | 'ٲ' | 'ٳ' => "ا",
        'ى' | 'ی' | 'ې' | 'ئ' => "ي",
        'ة' | 'ہ' | 'ۃ' | 'ە' => "ه",
        'ؤ' => "و",
        'ک' | 'ڪ' => "ك",
        'ڤ' => "ف",
        'گ' => "ك",
        '٠' | '۰' => "0",
        '١' | '۱' => "1",
        '٢' | '۲' => "2",
        '٣' | '۳' => "3",
        '٤' | '۴' => "4",
        '٥' | '۵' => "5",
        '٦' | '۶' => "6",
        '٧' | '۷' => "7",
        '٨' | '۸' => "8",
        '٩' | '۹' => "9",
        _ => return None,
    })
}

/// Removes the definite article ال from an already folded Arabic word, when at least three
/// letters stay (so that short words such as "الى" are left alone).
///
/// Only the bare article: the forms joined to a preposition or conjunction (بال، لل، وال) belong
/// to search's stemmer, not to names, where they would eat into names such as كاليدونيا.
pub fn strip_article(word: &str) -> &str {
    match word.strip_prefix("ال") {
        Some(rest) if rest.chars().count() >= 3 => rest,
        _ => word,
    }
}
