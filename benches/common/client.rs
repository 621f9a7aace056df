//! A signed-in browser for the load bench: one keep-alive connection (a ureq agent of its
//! own), the session cookie and the CSRF token kept, redirects not followed, every answer
//! read to its end and timed from the request's start to the body's last byte. Adapted from
//! the integration tests' `Client` (tests/it/helpers.rs).

use std::time::{Duration, Instant};

pub struct Client {
    agent: ureq::Agent,
    base: String,
    cookie: Option<String>,
    pub csrf: Option<String>,
}

/// An answer: its status, body and how long it took.
pub struct Resp {
    pub status: u16,
    pub body: Vec<u8>,
    pub took: Duration,
}

impl Resp {
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    /// What an error page says (its `#error` box, tags dropped), at most 200 characters.
    pub fn said(&self) -> String {
        let text = self.text();
        let part = text.split("id=\"error\">").nth(1).unwrap_or(&text);
        let mut out = String::new();
        let mut in_tag = false;
        for c in part.chars() {
            match c {
                '<' => in_tag = true,
                '>' => in_tag = false,
                c if !in_tag => out.push(c),
                _ => {}
            }
        }
        out.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .chars()
            .take(200)
            .collect()
    }
}

/// A request of the bench: a GET, or a form POST (with the session's CSRF token) sent as
/// htmx sends it when `htmx`.
pub enum Req {
    Get(String),
    Post {
        path: String,
        fields: Vec<(&'static str, String)>,
        htmx: bool,
    },
}

impl Client {
    pub fn new(base: &str) -> Client {
        let agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .max_redirects(0)
            // The bench stops by itself, even against a server that stopped answering.
            .timeout_global(Some(Duration::from_secs(120)))
            .build()
            .new_agent();
        Client {
            agent,
            base: base.to_string(),
            cookie: None,
            csrf: None,
        }
    }

    /// Sends `req`; `Err` only when no answer came (connection refused, timed out).
    pub fn send(&mut self, req: &Req) -> Result<Resp, ureq::Error> {
        let t = Instant::now();
        let r = match req {
            Req::Get(path) => {
                let mut b = self.agent.get(format!("{}{path}", self.base));
                if let Some(c) = &self.cookie {
                    b = b.header("cookie", c);
                }
                b.call()
            }
            Req::Post { path, fields, htmx } => {
                let mut b = self.agent.post(format!("{}{path}", self.base));
                if let Some(c) = &self.cookie {
                    b = b.header("cookie", c);
                }
                if *htmx {
                    b = b.header("hx-request", "true");
                }
                let mut all: Vec<(&str, &str)> =
                    fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
                if let Some(t) = &self.csrf {
                    all.push(("_csrf", t.as_str()));
                }
                b.send_form(all)
            }
        };
        let mut r = r?;
        if let Some(set) = r.headers().get("set-cookie").and_then(|v| v.to_str().ok())
            && let Some(v) = set.split(';').next()
            && v.starts_with("banzi_session=")
        {
            self.cookie = Some(v.to_string()).filter(|c| c != "banzi_session=");
        }
        let status = r.status().as_u16();
        let body = r
            .body_mut()
            .with_config()
            .limit(200 * 1024 * 1024)
            .read_to_vec()?;
        Ok(Resp {
            status,
            body,
            took: t.elapsed(),
        })
    }

    pub fn get(&mut self, path: &str) -> Resp {
        self.send(&Req::Get(path.to_string()))
            .unwrap_or_else(|e| panic!("GET {path}: {e}"))
    }

    /// Signs in (the password form, no token needed before a session exists) and reads the
    /// CSRF token from the account page, the smallest page that carries it.
    pub fn login(&mut self, login: &str, password: &str) -> Result<(), String> {
        let r = self
            .send(&Req::Post {
                path: "/login".into(),
                fields: vec![("login", login.into()), ("password", password.into())],
                htmx: false,
            })
            .map_err(|e| format!("sign-in of {login}: {e}"))?;
        if r.status != 303 {
            return Err(format!(
                "sign-in of {login} answered {}: {}",
                r.status,
                r.said()
            ));
        }
        let page = self.get("/account").text();
        let i = page
            .find("name=\"_csrf\" value=\"")
            .ok_or_else(|| format!("no CSRF token on the account page of {login}"))?;
        self.csrf = page[i + 20..].split('"').next().map(String::from);
        Ok(())
    }
}
