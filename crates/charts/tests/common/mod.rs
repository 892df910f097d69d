//! Checks every chart's SVG must pass, shared by the test files.

#![allow(dead_code)]

use std::collections::HashSet;

use roxmltree::Document;

/// Parses the SVG, failing the test with the parser's message if it is not well-formed XML.
pub fn parse(svg: &str) -> Document<'_> {
    Document::parse(svg).unwrap_or_else(|e| panic!("not well-formed: {e}\n{svg}"))
}

/// What the page's CSP (`default-src 'self'; style-src 'self'`) and its escaping require: no
/// inline style, no script, no event handler, no external reference.
pub fn assert_csp_safe(doc: &Document<'_>) {
    for node in doc.descendants().filter(|n| n.is_element()) {
        let name = node.tag_name().name();
        assert!(
            !["style", "script", "foreignObject", "image", "use", "a"].contains(&name),
            "element <{name}>"
        );
        for attr in node.attributes() {
            assert_ne!(attr.name(), "style", "style attribute on <{name}>");
            assert!(
                !attr.name().starts_with("on"),
                "event handler {}",
                attr.name()
            );
            assert!(!attr.name().contains("href"), "reference {}", attr.name());
        }
    }
}

/// Every id starts with `prefix`, and every `url(#…)` and `aria-labelledby` reference names an
/// element of the document.
pub fn assert_ids_resolve(doc: &Document<'_>, prefix: &str) {
    let ids: HashSet<&str> = doc
        .descendants()
        .filter_map(|n| n.attribute("id"))
        .collect();
    for id in &ids {
        assert!(id.starts_with(prefix), "id {id} lacks prefix {prefix}");
    }
    for node in doc.descendants() {
        for attr in node.attributes() {
            if let Some(rest) = attr.value().strip_prefix("url(#") {
                let target = rest.trim_end_matches(')');
                assert!(ids.contains(target), "dangling url(#{target})");
            }
        }
    }
    let root = doc.root_element();
    assert_eq!(root.attribute("role"), Some("img"));
    let labelledby = root.attribute("aria-labelledby").expect("aria-labelledby");
    let refs: Vec<&str> = labelledby.split(' ').collect();
    assert_eq!(refs.len(), 2);
    let title = doc
        .descendants()
        .find(|n| n.attribute("id") == Some(refs[0]))
        .unwrap();
    let desc = doc
        .descendants()
        .find(|n| n.attribute("id") == Some(refs[1]))
        .unwrap();
    assert_eq!(title.tag_name().name(), "title");
    assert_eq!(desc.tag_name().name(), "desc");
    assert_eq!(title.parent(), Some(root));
}

/// All checks above.
pub fn assert_sound(svg: &str, prefix: &str) {
    let doc = parse(svg);
    assert_csp_safe(&doc);
    assert_ids_resolve(&doc, prefix);
}

/// The legend's `<text>` elements, in document order.
pub fn legend_texts<'a>(doc: &'a Document<'a>) -> Vec<roxmltree::Node<'a, 'a>> {
    doc.descendants()
        .filter(|n| n.attribute("class") == Some("taawun-legend"))
        .flat_map(|g| g.children().filter(|c| c.has_tag_name("text")))
        .collect()
}

pub fn num_attr(node: roxmltree::Node<'_, '_>, name: &str) -> f64 {
    node.attribute(name)
        .unwrap_or_else(|| panic!("no {name}"))
        .parse()
        .unwrap()
}
