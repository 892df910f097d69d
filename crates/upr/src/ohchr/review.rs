pub struct Review;
pub enum DocumentKind {}
pub fn detect_kind() {}
pub fn read_review() {}
