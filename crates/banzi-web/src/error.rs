//! The one mapping of [`DomainError`] to an HTTP answer: a page ([`ErrorPage`]) or, for the
//! voters' phones, JSON ([`json`]), with the same status for the same error. Internal
//! failures are logged with their detail and shown to the user without it.
//!
//! `IntoResponse` cannot see the request, so the page is first drawn in zh-CN and what it
//! shows is kept on the response; [`localize`], a layer over the pages and the sign-in
//! routes, draws it again in the reader's language. What answers outside the handlers (the
//! request guard, [`not_found`]) draws its page in that language at once.

use crate::i18n::{Lang, Tr};
use askama::Template;
use axum::extract::Request;
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};
use banzi_domain::{DomainError, Msg, message};

#[derive(Debug)]
pub struct WebError(pub DomainError);

impl From<DomainError> for WebError {
    fn from(e: DomainError) -> Self {
        WebError(e)
    }
}

pub type WebResult<T> = Result<T, WebError>;

/// What an error page shows, in the Chinese of the rules until it is drawn.
#[derive(Debug, Clone)]
pub struct ErrorPage {
    status: StatusCode,
    /// Locale key of the heading.
    title: &'static str,
    lines: Vec<Line>,
}

#[derive(Debug, Clone)]
enum Line {
    /// Interface text by key.
    Text(&'static str),
    /// A message of the domain.
    Message(Msg),
    /// A message about one field (the field by its label).
    Field(String, Msg),
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorView {
    tr: Tr,
    title: &'static str,
    lines: Vec<String>,
}

/// The status of an error, pages and JSON alike; an internal one is logged here, once.
fn status(e: &DomainError) -> StatusCode {
    match e {
        DomainError::NotFound(_) => StatusCode::NOT_FOUND,
        DomainError::Forbidden(_) => StatusCode::FORBIDDEN,
        DomainError::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
        DomainError::Conflict(_) => StatusCode::CONFLICT,
        DomainError::Internal(m) => {
            // The store's failure, never the request's content.
            tracing::error!(error = %m, "internal error");
            StatusCode::INTERNAL_SERVER_ERROR
        }
    }
}

impl ErrorPage {
    pub fn of(e: &DomainError) -> ErrorPage {
        let (title, lines) = match e {
            DomainError::NotFound(m) => ("error.not_found", vec![Line::Message(m.clone())]),
            DomainError::Forbidden(m) => ("error.forbidden", vec![Line::Message(m.clone())]),
            DomainError::Invalid(list) => (
                "error.invalid",
                list.iter()
                    .map(|f| Line::Field(f.field.clone(), f.message.clone()))
                    .collect(),
            ),
            DomainError::Conflict(m) => ("error.conflict", vec![Line::Message(m.clone())]),
            DomainError::Internal(_) => {
                ("error.internal", vec![Line::Text("error.internal_detail")])
            }
        };
        ErrorPage {
            status: status(e),
            title,
            lines,
        }
    }

    /// The page for an address no route or file serves.
    pub fn no_such_page() -> ErrorPage {
        ErrorPage {
            status: StatusCode::NOT_FOUND,
            title: "error.not_found",
            lines: vec![Line::Text("error.no_page")],
        }
    }

    /// The page for a body over the route's limit (413).
    pub fn too_large() -> ErrorPage {
        ErrorPage {
            status: StatusCode::PAYLOAD_TOO_LARGE,
            title: "error.too_large",
            lines: vec![Line::Text("error.too_large_detail")],
        }
    }

    /// The page for a request an extractor refused (a path, query, form or upload it could
    /// not read), with the status it gave.
    pub fn malformed(status: StatusCode) -> ErrorPage {
        ErrorPage {
            status,
            title: "error.invalid",
            lines: vec![Line::Text("up.request_malformed")],
        }
    }

    pub fn render(&self, tr: Tr) -> Response {
        let mut res = (self.status, Html(self.html(tr))).into_response();
        res.extensions_mut().insert(self.clone());
        res
    }

    fn html(&self, tr: Tr) -> String {
        let lines = self
            .lines
            .iter()
            .map(|l| match l {
                Line::Text(key) => tr.t(key).to_string(),
                // What was not found stands alone here: "Cadre (ID number …)".
                Line::Message(m) => capitalised(tr.msg(m)),
                Line::Field(f, m) => format!("{}{}{}", tr.v(f), tr.t("p.colon"), tr.msg(m)),
            })
            .collect();
        let view = ErrorView {
            tr,
            title: self.title,
            lines,
        };
        view.render()
            .unwrap_or_else(|_| tr.t(self.title).to_string())
    }
}

fn capitalised(s: String) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(first) if first.is_lowercase() => first.to_uppercase().chain(c).collect(),
        _ => s,
    }
}

impl IntoResponse for WebError {
    fn into_response(self) -> Response {
        ErrorPage::of(&self.0).render(Tr { lang: Lang::ZhCn })
    }
}

/// A refusal as JSON, as the phone's script shows it: `error` above the ballot, `fields`
/// beside the questions they name (`questions.1` …); messages in the reader's language.
#[derive(serde::Serialize)]
pub struct JsonError {
    pub error: String,
    pub fields: Vec<JsonField>,
}

#[derive(serde::Serialize)]
pub struct JsonField {
    pub field: String,
    pub message: String,
}

/// The JSON side of the one mapping (statuses as [`ErrorPage`] gives them).
pub fn json(tr: Tr, e: &DomainError) -> Response {
    let (error, fields) = match e {
        DomainError::NotFound(m) | DomainError::Forbidden(m) | DomainError::Conflict(m) => {
            (tr.msg(m), Vec::new())
        }
        DomainError::Invalid(list) => {
            let fields: Vec<JsonField> = list
                .iter()
                .map(|f| JsonField {
                    field: f.field.clone(),
                    message: tr.msg(&f.message),
                })
                .collect();
            let all: Vec<&str> = fields.iter().map(|f| f.message.as_str()).collect();
            (all.join("\n"), fields)
        }
        DomainError::Internal(_) => (tr.t("error.internal_detail").to_string(), Vec::new()),
    };
    (status(e), axum::Json(JsonError { error, fields })).into_response()
}

/// The answer for an unknown address (the router's fallback) or static file.
pub async fn not_found(tr: Tr) -> Response {
    ErrorPage::no_such_page().render(tr)
}

/// Draws an error page again in the reader's language (the guard put it on the request).
pub async fn localize(req: Request, next: Next) -> Response {
    let lang = req.extensions().get::<Lang>().copied().unwrap_or_default();
    let res = next.run(req).await;
    if lang == Lang::ZhCn {
        return res;
    }
    match res.extensions().get::<ErrorPage>() {
        Some(page) => page.render(Tr { lang }),
        None => res,
    }
}

/// Turns what an extractor answered on its own (axum's plain-text rejections: "Invalid URL:
/// Cannot parse …", "Failed to deserialize form body …", a multipart or JSON parser's words)
/// into a page in the reader's language that says what to do. A handler's own answers are
/// never plain text with a 4xx status, nor are the guard's (it runs outside this layer).
pub async fn rejections(req: Request, next: Next) -> Response {
    let lang = req.extensions().get::<Lang>().copied().unwrap_or_default();
    let res = next.run(req).await;
    let status = res.status();
    let plain = res
        .headers()
        .get(axum::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/plain"));
    if !status.is_client_error() || !plain || res.extensions().get::<ErrorPage>().is_some() {
        return res;
    }
    let page = if status == StatusCode::PAYLOAD_TOO_LARGE {
        ErrorPage::too_large()
    } else {
        ErrorPage::malformed(status)
    };
    page.render(Tr { lang })
}

/// `axum::Form` whose rejection is a Chinese error page instead of axum's English text.
pub struct Form<T>(pub T);

impl<T, S> axum::extract::FromRequest<S> for Form<T>
where
    T: serde::de::DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = Response;

    async fn from_request(req: axum::extract::Request, state: &S) -> Result<Self, Self::Rejection> {
        match axum::Form::<T>::from_request(req, state).await {
            Ok(axum::Form(v)) => Ok(Form(v)),
            Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                Err(ErrorPage::too_large().render(Tr { lang: Lang::ZhCn }))
            }
            Err(e) => Err(WebError(DomainError::invalid(
                "表单",
                message!("web-form-unreadable", status = e.status().as_u16()),
            ))
            .into_response()),
        }
    }
}

/// `axum::extract::Query` with a Chinese rejection.
pub struct Query<T>(pub T);

impl<T, S> axum::extract::FromRequestParts<S> for Query<T>
where
    T: serde::de::DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = WebError;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        state: &S,
    ) -> Result<Self, Self::Rejection> {
        match axum::extract::Query::<T>::from_request_parts(parts, state).await {
            Ok(axum::extract::Query(v)) => Ok(Query(v)),
            Err(_) => Err(WebError(DomainError::invalid(
                "查询条件",
                message!("web-query-malformed"),
            ))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_error_page_reads_in_the_page_language() {
        let gone = ErrorPage::of(&DomainError::NotFound(message!(
            "store-cadre",
            id_number = "1"
        )));
        let en = gone.html(Tr { lang: Lang::En });
        assert!(en.contains("<h1 class=\"h4\">Not found</h1>"), "{en}");
        assert!(en.contains("<p>Cadre (ID number 1)</p>"), "{en}");
        let tw = gone.html(Tr { lang: Lang::ZhTw });
        assert!(tw.contains("<p>幹部（身分證號 1）</p>"), "{tw}");
        let cn = gone.html(Tr { lang: Lang::ZhCn });
        assert!(cn.contains("<h1 class=\"h4\">未找到</h1>"), "{cn}");

        let bad = ErrorPage::of(&DomainError::invalid(
            "查询条件",
            message!("web-query-malformed"),
        ));
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        let en = bad.html(Tr { lang: Lang::En });
        assert!(
            en.contains(
                "<p>Search: Malformed search (a page number should be a number, for instance)</p>"
            ),
            "{en}"
        );

        let down = ErrorPage::of(&DomainError::Internal(
            "database error: connection refused".into(),
        ));
        let en = down.html(Tr { lang: Lang::En });
        assert!(
            !en.contains("connection refused"),
            "the detail stays in the log"
        );
        assert!(en.contains("Try again later"), "{en}");

        let nowhere = ErrorPage::no_such_page();
        assert_eq!(nowhere.status, StatusCode::NOT_FOUND);
        let en = nowhere.html(Tr { lang: Lang::En });
        assert!(en.contains("<html lang=\"en\">"), "{en}");
        assert!(en.contains("does not exist"), "{en}");
        let tw = nowhere.html(Tr { lang: Lang::ZhTw });
        assert!(tw.contains("頁面或檔案不存在"), "{tw}");
        let cn = nowhere.html(Tr { lang: Lang::ZhCn });
        assert!(cn.contains("页面或文件不存在"), "{cn}");
    }
}
