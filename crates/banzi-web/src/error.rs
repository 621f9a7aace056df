//! The one mapping of [`DomainError`] to an HTTP answer. Internal failures are logged with
//! their detail and shown to the user without it.

use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use banzi_domain::DomainError;

#[derive(Debug)]
pub struct WebError(pub DomainError);

impl From<DomainError> for WebError {
    fn from(e: DomainError) -> Self {
        WebError(e)
    }
}

pub type WebResult<T> = Result<T, WebError>;

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

impl IntoResponse for WebError {
    fn into_response(self) -> Response {
        let (status, title, detail) = match &self.0 {
            DomainError::NotFound(m) => (StatusCode::NOT_FOUND, "未找到", m.clone()),
            DomainError::Forbidden(m) => (StatusCode::FORBIDDEN, "无权访问", m.clone()),
            DomainError::Invalid(_) => (
                StatusCode::UNPROCESSABLE_ENTITY,
                "输入有误",
                self.0.to_string(),
            ),
            DomainError::Conflict(m) => (StatusCode::CONFLICT, "操作冲突", m.clone()),
            DomainError::Internal(m) => {
                tracing::error!(error = %m, "internal error");
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "系统内部错误",
                    "系统暂时无法完成操作，请稍后重试或联系系统管理员。".to_string(),
                )
            }
        };
        let body = format!(
            "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>{title}</title>\
             <link rel=\"stylesheet\" href=\"/static/vendor/bootstrap.min.css\"></head><body class=\"p-4\">\
             <div class=\"alert alert-danger\" id=\"error\"><h1 class=\"h4\">{title}</h1><p>{}</p></div>\
             <a href=\"/\">返回首页</a></body></html>",
            escape(&detail)
        );
        (status, Html(body)).into_response()
    }
}

/// `axum::Form` whose rejection is a Chinese error page instead of axum's English text.
pub struct Form<T>(pub T);

impl<T, S> axum::extract::FromRequest<S> for Form<T>
where
    T: serde::de::DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = WebError;

    async fn from_request(req: axum::extract::Request, state: &S) -> Result<Self, Self::Rejection> {
        match axum::Form::<T>::from_request(req, state).await {
            Ok(axum::Form(v)) => Ok(Form(v)),
            Err(e) => Err(WebError(DomainError::invalid(
                "表单",
                format!("表单内容无法识别，请刷新页面后重新填写（{}）", e.status()),
            ))),
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
                "查询条件格式不对（例如页码应为数字）",
            ))),
        }
    }
}
