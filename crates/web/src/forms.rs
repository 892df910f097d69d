//! Reading posted forms (`application/x-www-form-urlencoded` as name/value pairs, which keeps
//! repeated names such as a list's entries).

/// A posted field, trimmed; empty when absent (the first one when the name repeats).
pub fn field<'a>(form: &'a [(String, String)], name: &str) -> &'a str {
    form.iter()
        .find(|(key, _)| key == name)
        .map_or("", |(_, v)| v.trim())
}

#[cfg(test)]
mod tests {
    use super::field;

    #[test]
    fn a_field_is_trimmed_and_absent_is_empty() {
        let form = vec![
            ("title".to_owned(), "  Seminar  ".to_owned()),
            ("title".to_owned(), "second".to_owned()),
        ];
        assert_eq!(field(&form, "title"), "Seminar");
        assert_eq!(field(&form, "missing"), "");
    }
}
