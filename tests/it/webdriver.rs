//! A minimal synchronous W3C WebDriver client for the browser tests.
//!
//! It drives the Debian `chromium` package through `chromedriver`
//! (`apt-get install chromium chromium-driver fonts-noto-cjk`), headless,
//! with a fresh profile per [`Driver`]. Only `ureq`, `serde_json`,
//! `tempfile`, `anyhow` and std are used.
//!
//! ```ignore
//! if !webdriver::chromium_available() { eprintln!("skip: no chromium"); return; }
//! let d = webdriver::Driver::start()?;
//! d.goto("http://127.0.0.1:8080/")?;
//! d.find("#name")?.send_keys("张三")?;
//! d.find("button[type=submit]")?.click()?;
//! d.wait_for_text("#result", "已保存")?;
//! ```
#![allow(dead_code)]

use std::fmt;
use std::net::TcpListener;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, anyhow, bail};
use serde_json::{Value, json};

/// Path of the Chromium binary (Debian package `chromium`).
pub const CHROMIUM: &str = "/usr/bin/chromium";
/// Path of chromedriver (Debian package `chromium-driver`).
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
/// The W3C web element reference key (WebDriver spec, "web element identifier").
pub const ELEMENT_KEY: &str = "element-6066-11e4-a52e-4f735466cecf";

/// How long `find` and `wait_for_text` wait at most (they return as soon as the page is
/// there). 5 s was too short once in CI, where every test runs at once on two cores with
/// debug builds (browser_selection, 2026-12-04).
const WAIT: Duration = Duration::from_secs(20);
/// How often they poll.
const POLL: Duration = Duration::from_millis(100);
/// Largest response body we read (screenshots, page sources).
const MAX_BODY: u64 = 256 * 1024 * 1024;

/// True when both Chromium and chromedriver are installed.
pub fn chromium_available() -> bool {
    Path::new(CHROMIUM).is_file() && Path::new(CHROMEDRIVER).is_file()
}

/// Whether a browser test can run: without Chromium it fails, unless `BANZI_SKIP_BROWSER`
/// says to skip (CI installs it; a developer machine without it is told, not fooled).
pub fn browser_or_skip() -> bool {
    if chromium_available() {
        return true;
    }
    assert!(
        std::env::var("BANZI_SKIP_BROWSER").is_ok(),
        "Chromium and chromedriver are required (apt-get install chromium chromium-driver) or set BANZI_SKIP_BROWSER=1"
    );
    false
}

/// The runtime a browser test serves its app on (the test itself drives the browser from
/// the main thread).
pub fn server_runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime")
}

/// An error answered by the WebDriver server (`{"value":{"error":..,"message":..}}`).
/// It is wrapped in the `anyhow::Error`s returned here; use
/// `err.downcast_ref::<WebDriverError>()` to inspect it.
#[derive(Debug, Clone)]
pub struct WebDriverError {
    pub status: u16,
    /// The W3C error code, e.g. `"no such element"`.
    pub error: String,
    pub message: String,
}

impl fmt::Display for WebDriverError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // chromedriver messages carry a long stack trace: keep the first line.
        let msg = self.message.lines().next().unwrap_or("");
        write!(
            f,
            "webdriver error {} ({}): {}",
            self.error, self.status, msg
        )
    }
}

impl std::error::Error for WebDriverError {}

fn is_wd_error(e: &anyhow::Error, code: &str) -> bool {
    e.downcast_ref::<WebDriverError>()
        .is_some_and(|w| w.error == code)
}

/// A chromedriver process with one headless Chromium session.
/// Dropping it ends the session and the chromedriver process.
pub struct Driver {
    agent: ureq::Agent,
    /// `http://127.0.0.1:PORT`
    base: String,
    session: String,
    child: Child,
    _profile: tempfile::TempDir,
}

impl Driver {
    /// Starts chromedriver on a free port and opens a headless Chromium session.
    pub fn start() -> Result<Driver> {
        if !chromium_available() {
            bail!(
                "{CHROMIUM} or {CHROMEDRIVER} is missing (apt-get install chromium chromium-driver)"
            );
        }
        let port = {
            let l = TcpListener::bind("127.0.0.1:0").context("binding a free port")?;
            l.local_addr()?.port()
        };
        let profile = tempfile::Builder::new()
            .prefix("banzi-chromium-")
            .tempdir()
            .context("creating the Chromium profile dir")?;
        let child = Command::new(CHROMEDRIVER)
            .arg(format!("--port={port}"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .with_context(|| format!("spawning {CHROMEDRIVER}"))?;
        let config = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .proxy(None)
            .timeout_global(Some(Duration::from_secs(120)))
            .build();
        let mut driver = Driver {
            agent: ureq::Agent::new_with_config(config),
            base: format!("http://127.0.0.1:{port}"),
            session: String::new(),
            child,
            _profile: profile,
        };
        // From here on, an early return drops `driver`, which kills chromedriver.
        driver.wait_ready()?;
        let profile_dir = driver._profile.path().to_string_lossy().into_owned();
        let caps = json!({
            "capabilities": {
                "alwaysMatch": {
                    "browserName": "chrome",
                    "goog:chromeOptions": {
                        "binary": CHROMIUM,
                        "args": [
                            "--headless=new",
                            "--no-sandbox",
                            "--disable-gpu",
                            "--disable-dev-shm-usage",
                            "--disable-background-networking",
                            "--disable-component-update",
                            "--disable-sync",
                            "--no-first-run",
                            "--window-size=1280,900",
                            // The browser of a user in China: it asks for zh-CN pages.
                            "--lang=zh-CN",
                            "--accept-lang=zh-CN,zh",
                            format!("--user-data-dir={profile_dir}"),
                        ],
                        "prefs": { "intl": { "accept_languages": "zh-CN,zh" } }
                    }
                }
            }
        });
        let url = format!("{}/session", driver.base);
        let value = driver
            .request("POST", &url, Some(caps))
            .context("creating the WebDriver session")?;
        driver.session = value["sessionId"]
            .as_str()
            .ok_or_else(|| anyhow!("new session answer has no sessionId: {value}"))?
            .to_string();
        Ok(driver)
    }

    /// Polls `GET /status` until chromedriver is ready (at most 10 s).
    fn wait_ready(&mut self) -> Result<()> {
        let deadline = Instant::now() + Duration::from_secs(10);
        let url = format!("{}/status", self.base);
        loop {
            if let Some(status) = self.child.try_wait()? {
                bail!("chromedriver exited early with {status}");
            }
            if let Ok(v) = self.request("GET", &url, None)
                && v["ready"].as_bool() == Some(true)
            {
                return Ok(());
            }
            if Instant::now() > deadline {
                bail!("chromedriver on {} not ready after 10 s", self.base);
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Sends one request to an absolute URL and returns the answer's `value`.
    fn request(&self, method: &str, url: &str, body: Option<Value>) -> Result<Value> {
        let resp = match (method, body) {
            ("GET", _) => self.agent.get(url).call(),
            ("DELETE", _) => self.agent.delete(url).call(),
            ("POST", Some(b)) => self.agent.post(url).send_json(&b),
            ("POST", None) => self.agent.post(url).send_json(json!({})),
            (m, _) => bail!("unsupported method {m}"),
        };
        let mut resp = resp.with_context(|| format!("{method} {url}"))?;
        let status = resp.status().as_u16();
        let bytes = resp
            .body_mut()
            .with_config()
            .limit(MAX_BODY)
            .read_to_vec()
            .with_context(|| format!("reading the answer to {method} {url}"))?;
        let answer: Value = if bytes.is_empty() {
            Value::Null
        } else {
            serde_json::from_slice(&bytes).with_context(|| {
                format!(
                    "{method} {url}: answer ({status}) is not JSON: {}",
                    String::from_utf8_lossy(&bytes[..bytes.len().min(500)])
                )
            })?
        };
        let value = answer.get("value").cloned().unwrap_or(Value::Null);
        if let Some(error) = value.get("error").and_then(Value::as_str) {
            return Err(WebDriverError {
                status,
                error: error.to_string(),
                message: value["message"].as_str().unwrap_or("").to_string(),
            }
            .into());
        }
        if !(200..300).contains(&status) {
            return Err(WebDriverError {
                status,
                error: "unknown error".into(),
                message: answer.to_string(),
            }
            .into());
        }
        Ok(value)
    }

    /// Sends a command of this session: `path` is relative to `/session/{id}`.
    fn cmd(&self, method: &str, path: &str, body: Option<Value>) -> Result<Value> {
        let url = format!("{}/session/{}{}", self.base, self.session, path);
        self.request(method, &url, body)
    }

    /// Fills in and sends the sign-in form of the page shown.
    pub fn sign_in(&self, login: &str, password: &str) -> Result<()> {
        self.find("#login")?.send_keys(login)?;
        self.find("#password")?.send_keys(password)?;
        self.find("#login-submit")?.click()
    }

    /// Signs out with the page's button and waits for the sign-in page: a navigation started
    /// at once could cancel the sign-out's POST before it left, and the next page was then
    /// still the last user's.
    pub fn sign_out(&self) -> Result<()> {
        self.find("#logout")?.click()?;
        self.find("#login").map(drop)
    }

    /// Navigates to `url` and waits for the page to load.
    pub fn goto(&self, url: &str) -> Result<()> {
        self.cmd("POST", "/url", Some(json!({ "url": url })))
            .with_context(|| format!("goto {url}"))?;
        Ok(())
    }

    pub fn back(&self) -> Result<()> {
        self.cmd("POST", "/back", None)?;
        Ok(())
    }

    pub fn refresh(&self) -> Result<()> {
        self.cmd("POST", "/refresh", None)?;
        Ok(())
    }

    /// The text of the open `confirm`/`alert` dialog, if one is open.
    pub fn dialog_text(&self) -> Option<String> {
        self.cmd("GET", "/alert/text", None).ok().map(as_string)
    }

    /// Answers the open dialog: OK (`true`) or Cancel.
    pub fn answer_dialog(&self, ok: bool) -> Result<()> {
        let path = if ok {
            "/alert/accept"
        } else {
            "/alert/dismiss"
        };
        self.cmd("POST", path, Some(json!({})))?;
        Ok(())
    }

    pub fn current_url(&self) -> Result<String> {
        Ok(as_string(self.cmd("GET", "/url", None)?))
    }

    pub fn title(&self) -> Result<String> {
        Ok(as_string(self.cmd("GET", "/title", None)?))
    }

    /// The error, then the page it happened on, then the error again: CI shows the end of a
    /// long output, and a page is long.
    pub fn failure(&self, e: &anyhow::Error) -> String {
        format!("{e:#}\n{}\n{e:#}", self.page_source().unwrap_or_default())
    }

    pub fn page_source(&self) -> Result<String> {
        Ok(as_string(self.cmd("GET", "/source", None)?))
    }

    fn element_from(&self, v: &Value) -> Result<Element<'_>> {
        let id = v
            .get(ELEMENT_KEY)
            .and_then(Value::as_str)
            .ok_or_else(|| anyhow!("not an element reference: {v}"))?;
        Ok(Element {
            driver: self,
            id: id.to_string(),
        })
    }

    /// One attempt at finding `css`, no waiting.
    fn find_now(&self, css: &str) -> Result<Element<'_>> {
        let v = self.cmd(
            "POST",
            "/element",
            Some(json!({ "using": "css selector", "value": css })),
        )?;
        self.element_from(&v)
    }

    /// Finds the first element matching `css`, waiting up to 5 s for it to exist.
    pub fn find(&self, css: &str) -> Result<Element<'_>> {
        let deadline = Instant::now() + WAIT;
        loop {
            match self.find_now(css) {
                Ok(e) => return Ok(e),
                Err(e) if is_wd_error(&e, "no such element") && Instant::now() < deadline => {
                    std::thread::sleep(POLL)
                }
                Err(e) if is_wd_error(&e, "no such element") => {
                    let src = self.page_source().unwrap_or_else(|e| format!("<{e:#}>"));
                    bail!(
                        "no element matches css {css:?} after {WAIT:?}; page source starts: {}",
                        truncate(&src, 2000)
                    );
                }
                Err(e) => return Err(e.context(format!("finding css {css:?}"))),
            }
        }
    }

    /// All elements matching `css` right now (no waiting; may be empty).
    pub fn find_all(&self, css: &str) -> Result<Vec<Element<'_>>> {
        let v = self
            .cmd(
                "POST",
                "/elements",
                Some(json!({ "using": "css selector", "value": css })),
            )
            .with_context(|| format!("finding all css {css:?}"))?;
        v.as_array()
            .ok_or_else(|| anyhow!("find elements answer is not an array: {v}"))?
            .iter()
            .map(|e| self.element_from(e))
            .collect()
    }

    /// Waits up to 5 s until the first element matching `css` exists and its
    /// visible text contains `needle`.
    pub fn wait_for_text(&self, css: &str, needle: &str) -> Result<()> {
        let deadline = Instant::now() + WAIT;
        loop {
            // One script reads the element and its text in the same turn of the
            // page's event loop: htmx swaps replace elements, and a find followed
            // by a separate text read can race them (Chromium then answers
            // "stale element" or "Node ... does not belong to the document").
            let found = self
                .execute(
                    "const e = document.querySelector(arguments[0]); return e ? e.innerText : null;",
                    vec![json!(css)],
                )
                .with_context(|| format!("waiting for text in css {css:?}"))?;
            let last = match found.as_str() {
                Some(t) if t.contains(needle) => return Ok(()),
                Some(t) => t.to_string(),
                None => "<no such element>".to_string(),
            };
            if Instant::now() >= deadline {
                bail!(
                    "css {css:?}: text never contained {needle:?} within {WAIT:?}; last text: {}",
                    truncate(&last, 2000)
                );
            }
            std::thread::sleep(POLL);
        }
    }

    /// Polls `check` every 100 ms for up to 5 s until it returns `Some`.
    /// `what` names the condition in the timeout error.
    pub fn wait_until<T>(
        &self,
        what: &str,
        mut check: impl FnMut(&Driver) -> Result<Option<T>>,
    ) -> Result<T> {
        let deadline = Instant::now() + WAIT;
        loop {
            if let Some(v) = check(self)? {
                return Ok(v);
            }
            if Instant::now() >= deadline {
                bail!("timed out after {WAIT:?} waiting for {what}");
            }
            std::thread::sleep(POLL);
        }
    }

    /// Resizes the browser window (W3C "Set Window Rect"), e.g. to a phone's 360 × 740;
    /// a page's script cannot resize a window it did not open.
    pub fn set_window_size(&self, width: u32, height: u32) -> Result<()> {
        self.cmd(
            "POST",
            "/window/rect",
            Some(json!({ "width": width, "height": height })),
        )
        .context("set window size")?;
        Ok(())
    }

    /// Runs `script` as a function body in the page (`arguments[i]` are `args`;
    /// pass elements with [`Element::to_json`]) and returns what it returns.
    pub fn execute(&self, script: &str, args: Vec<Value>) -> Result<Value> {
        self.cmd(
            "POST",
            "/execute/sync",
            Some(json!({ "script": script, "args": args })),
        )
        .context("executing script")
    }

    /// A PNG screenshot of the viewport.
    pub fn screenshot_png(&self) -> Result<Vec<u8>> {
        let v = self.cmd("GET", "/screenshot", None)?;
        let b64 = v
            .as_str()
            .ok_or_else(|| anyhow!("screenshot answer is not a string"))?;
        base64_decode(b64)
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        if !self.session.is_empty() {
            let _ = self.cmd("DELETE", "", None);
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A reference to an element in the current page of a [`Driver`].
pub struct Element<'a> {
    driver: &'a Driver,
    id: String,
}

impl<'a> Element<'a> {
    fn cmd(&self, method: &str, path: &str, body: Option<Value>) -> Result<Value> {
        self.driver
            .cmd(method, &format!("/element/{}{}", self.id, path), body)
    }

    /// The WebDriver element id.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The element as a script argument for [`Driver::execute`].
    pub fn to_json(&self) -> Value {
        json!({ ELEMENT_KEY: self.id })
    }

    /// Clicks the element, first brought to the middle of the view at once: the pages
    /// scroll smoothly (Bootstrap's `scroll-behavior: smooth`), and a click computed while a
    /// jump to an anchor is still scrolling lands off the element.
    /// Scrolls the element to the middle of the window and clicks it. When the page moved
    /// between the two (a swap above it landed: "element click intercepted … at point
    /// (x, -31)", seen in CI with every test at once on two cores), it scrolls and clicks
    /// again, up to five times; any other refusal is returned at once.
    pub fn click(&self) -> Result<()> {
        let mut tries = 0;
        loop {
            self.driver
                .execute(
                    "arguments[0].scrollIntoView({block: 'center', inline: 'nearest', behavior: 'instant'});",
                    vec![self.to_json()],
                )
                .context("scroll into view")?;
            match self.cmd("POST", "/click", None) {
                Ok(_) => return Ok(()),
                Err(e) if tries < 4 && format!("{e:#}").contains("click intercepted") => {
                    tries += 1;
                    std::thread::sleep(POLL);
                }
                Err(e) => return Err(e).context("click"),
            }
        }
    }

    /// Types `text` into the element (appends to what is there).
    pub fn send_keys(&self, text: &str) -> Result<()> {
        self.cmd("POST", "/value", Some(json!({ "text": text })))
            .context("send_keys")?;
        Ok(())
    }

    pub fn clear(&self) -> Result<()> {
        self.cmd("POST", "/clear", None).context("clear")?;
        Ok(())
    }

    /// The rendered (visible) text.
    pub fn text(&self) -> Result<String> {
        Ok(as_string(self.cmd("GET", "/text", None)?))
    }

    /// The HTML attribute `name` as written in the markup (`None` when absent;
    /// boolean attributes that are present give `"true"`).
    pub fn attr(&self, name: &str) -> Result<Option<String>> {
        let v = self.cmd("GET", &format!("/attribute/{name}"), None)?;
        Ok(opt_string(v))
    }

    /// The DOM property `name` (current state, e.g. `value`, `checked`),
    /// strings as is, other values as JSON text; `None` when null/undefined.
    pub fn prop(&self, name: &str) -> Result<Option<String>> {
        let v = self.cmd("GET", &format!("/property/{name}"), None)?;
        Ok(opt_string(v))
    }

    /// The current `value` property (what the user typed or selected).
    pub fn value(&self) -> Result<String> {
        Ok(self.prop("value")?.unwrap_or_default())
    }

    /// The first descendant matching `css` (no waiting).
    pub fn find(&self, css: &str) -> Result<Element<'a>> {
        let v = self
            .cmd(
                "POST",
                "/element",
                Some(json!({ "using": "css selector", "value": css })),
            )
            .with_context(|| format!("finding css {css:?} inside an element"))?;
        self.driver.element_from(&v)
    }

    /// All descendants matching `css` (no waiting).
    pub fn find_all(&self, css: &str) -> Result<Vec<Element<'a>>> {
        let v = self
            .cmd(
                "POST",
                "/elements",
                Some(json!({ "using": "css selector", "value": css })),
            )
            .with_context(|| format!("finding all css {css:?} inside an element"))?;
        v.as_array()
            .ok_or_else(|| anyhow!("find elements answer is not an array: {v}"))?
            .iter()
            .map(|e| self.driver.element_from(e))
            .collect()
    }

    /// Selects the `<option>` with this value in a `<select>`, then fires
    /// `input` and `change` (bubbling) like a user choice would.
    pub fn select_by_value(&self, value: &str) -> Result<()> {
        let ok = self.driver.execute(
            "const [el, v] = arguments;\
             if (!el.options || !Array.from(el.options).some(o => o.value === v)) return false;\
             el.value = v;\
             el.dispatchEvent(new Event('input', {bubbles: true}));\
             el.dispatchEvent(new Event('change', {bubbles: true}));\
             return true;",
            vec![self.to_json(), Value::String(value.to_string())],
        )?;
        if ok != Value::Bool(true) {
            bail!("select_by_value: no <option value={value:?}> in this element");
        }
        Ok(())
    }
}

fn as_string(v: Value) -> String {
    match v {
        Value::String(s) => s,
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

fn opt_string(v: Value) -> Option<String> {
    match v {
        Value::Null => None,
        other => Some(as_string(other)),
    }
}

fn truncate(s: &str, max_chars: usize) -> &str {
    match s.char_indices().nth(max_chars) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

/// Decodes standard base64 (with or without `=` padding; whitespace ignored).
pub fn base64_decode(s: &str) -> Result<Vec<u8>> {
    fn val(c: u8) -> Option<u32> {
        Some(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        } as u32)
    }
    let mut out = Vec::with_capacity(s.len() / 4 * 3);
    let mut acc: u32 = 0;
    let mut bits = 0u32;
    let mut padding = false;
    for &c in s.as_bytes() {
        if c.is_ascii_whitespace() {
            continue;
        }
        if c == b'=' {
            padding = true;
            continue;
        }
        if padding {
            bail!("base64: data after padding");
        }
        let v = val(c).ok_or_else(|| anyhow!("base64: invalid byte {c:#04x}"))?;
        acc = (acc << 6) | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    if bits >= 6 {
        bail!("base64: truncated input");
    }
    Ok(out)
}
