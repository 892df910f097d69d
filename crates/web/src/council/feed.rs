//! `/mandates/feed.xml`: an Atom feed of what mandates produced, newest change first, so that
//! delegations, national institutions and civil society can follow deliveries in a feed reader.

use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use quick_xml::escape::escape;

use super::mandate_href;
use crate::AppState;
use crate::error::HtmlError;
use crate::i18n::Lang;

const ENTRIES: u32 = 50;

fn rfc3339(seconds: i64) -> String {
    chrono::DateTime::from_timestamp(seconds, 0)
        .unwrap_or_default()
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

pub async fn feed(State(app): State<AppState>, lang: Lang) -> Result<Response, HtmlError> {
    let outputs = app
        .store
        .council()
        .recent_outputs(ENTRIES)
        .await
        .map_err(|e| HtmlError::internal(lang, &e))?;
    let updated = outputs.first().map_or(0, |o| o.updated_at);
    let mut xml = String::with_capacity(1024 + outputs.len() * 600);
    xml.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    xml.push_str(&format!(
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n",
        lang.code()
    ));
    xml.push_str(&format!(
        "<title>{}</title>\n<id>tag:taawun,2026:mandates</id>\n<link rel=\"self\" href=\"/mandates/feed.xml\"/>\n<link href=\"/mandates\"/>\n<updated>{}</updated>\n",
        escape(lang.t("mandates-feed-title")),
        rfc3339(updated)
    ));
    for output in &outputs {
        let o = &output.output;
        let href = mandate_href(&output.mandate);
        let summary = lang.t_args(
            "mandates-feed-entry",
            &[
                ("kind", lang.t(&format!("output-{}", o.kind.slug())).into()),
                (
                    "state",
                    lang.t(&format!("output-state-{}", o.state.slug())).into(),
                ),
                ("symbol", output.mandate.symbol.clone().into()),
                ("paragraph", output.mandate.paragraph.to_string().into()),
            ],
        );
        let document = o
            .document_symbol
            .as_deref()
            .map(|s| format!(" · {s}"))
            .unwrap_or_default();
        xml.push_str(&format!(
            "<entry>\n<id>tag:taawun,2026:mandate-output:{}:{}</id>\n<title>{}</title>\n<link href=\"{}\"/>\n<updated>{}</updated>\n<summary>{}{}</summary>\n<author><name>{}</name></author>\n</entry>\n",
            output.id,
            output.version,
            escape(&o.title),
            escape(&href),
            rfc3339(output.updated_at),
            escape(&summary),
            escape(&document),
            escape(lang.t("mandates-feed-author")),
        ));
    }
    xml.push_str("</feed>\n");
    Ok((
        [(header::CONTENT_TYPE, "application/atom+xml; charset=utf-8")],
        xml,
    )
        .into_response())
}
