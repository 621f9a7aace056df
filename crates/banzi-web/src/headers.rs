//! What every answer tells the browser (issue 14, item 14): the content security policy,
//! no framing, no type sniffing, and — for everything but the embedded scripts and styles —
//! that nothing is to be cached, since nearly every page and every export holds personal
//! data. The voters' pages (`/v`) set their own, stricter policy first; what a route sets
//! is kept.
//!
//! The policy allows scripts and styles from this site only: no inline `<script>`, no
//! `onclick=` and no `style=` in the templates (a test reads them), and htmx is told not to
//! add its own `<style>` and not to evaluate expressions (its config is in `base.html`).
//! `data:` images are Bootstrap's own (the arrows of its selects and checkboxes).

use axum::http::{HeaderName, HeaderValue, header};
use axum::response::Response;

pub const POLICY: &str = "default-src 'none'; script-src 'self'; style-src 'self'; \
     img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; \
     form-action 'self'; frame-ancestors 'none'";

pub async fn secure(mut res: Response) -> Response {
    let h = res.headers_mut();
    let mut set = |name: HeaderName, value: &'static str| {
        if !h.contains_key(&name) {
            h.insert(name, HeaderValue::from_static(value));
        }
    };
    set(header::CONTENT_SECURITY_POLICY, POLICY);
    set(header::X_FRAME_OPTIONS, "DENY");
    set(header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    set(header::CACHE_CONTROL, "no-store");
    res
}
