//! Talking to the office's CouchDB over HTTP: CouchDB's cookie session (`POST /_session`; the
//! password is sent once and never kept), `_changes`, `_all_docs`, `_bulk_docs`. Every
//! request carries the session cookie (`credentials: include`), so the server must allow this
//! site in its CORS settings (README).

use serde_json::Value;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use crate::strings as s;
use web_sys::{AbortController, Headers, RequestCredentials, RequestInit, RequestMode, Response};

/// Why a request did not give an answer to use.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CouchError {
    /// No network, the server is down, or the browser blocked the request (CORS).
    Unreachable,
    /// The server wants a login (or the session expired).
    Unauthorized,
    /// The user's name or password is wrong.
    WrongLogin,
    /// Another HTTP status, with CouchDB's reason when it gave one.
    Http { status: u16, reason: String },
    /// The body is not the JSON CouchDB sends.
    NotJson,
    /// Stopped on purpose (pause, or new work to do).
    Aborted,
}

impl CouchError {
    /// In a few Indonesian words, for the status line.
    pub fn short(&self) -> String {
        match self {
            CouchError::Unreachable => s::SYNC_ERR_UNREACHABLE_SHORT.to_string(),
            other => other.message(),
        }
    }

    /// In Indonesian, saying what to check.
    pub fn message(&self) -> String {
        match self {
            CouchError::Unreachable => s::SYNC_ERR_UNREACHABLE.to_string(),
            CouchError::Unauthorized => s::SYNC_ERR_UNAUTHORIZED.to_string(),
            CouchError::WrongLogin => s::SYNC_ERR_WRONG_LOGIN.to_string(),
            CouchError::Http { status: 404, .. } => s::SYNC_ERR_NO_DATABASE.to_string(),
            CouchError::Http { status, reason } => s::sync_err_http(*status, reason),
            CouchError::NotJson => s::SYNC_ERR_NOT_JSON.to_string(),
            CouchError::Aborted => s::SYNC_ERR_ABORTED.to_string(),
        }
    }
}

fn request_init(method: &str, body: Option<&Value>, signal: Option<&web_sys::AbortSignal>, credentials: bool) -> RequestInit {
    let init = RequestInit::new();
    init.set_method(method);
    init.set_mode(RequestMode::Cors);
    init.set_credentials(if credentials { RequestCredentials::Include } else { RequestCredentials::Omit });
    let headers = Headers::new().expect("Headers");
    let _ = headers.set("Accept", "application/json");
    if let Some(body) = body {
        let _ = headers.set("Content-Type", "application/json");
        init.set_body(&JsValue::from_str(&body.to_string()));
    }
    init.set_headers(&headers);
    if let Some(signal) = signal {
        init.set_signal(Some(signal));
    }
    init
}

/// One JSON request; `Ok` for a 2xx answer.
pub async fn request(
    method: &str,
    url: &str,
    body: Option<&Value>,
    signal: Option<&web_sys::AbortSignal>,
) -> Result<Value, CouchError> {
    send(method, url, body, signal, true).await
}

async fn send(
    method: &str,
    url: &str,
    body: Option<&Value>,
    signal: Option<&web_sys::AbortSignal>,
    credentials: bool,
) -> Result<Value, CouchError> {
    let window = web_sys::window().ok_or(CouchError::Unreachable)?;
    let init = request_init(method, body, signal, credentials);
    let response = match JsFuture::from(window.fetch_with_str_and_init(url, &init)).await {
        Ok(r) => r.unchecked_into::<Response>(),
        Err(e) => {
            let aborted = e.dyn_ref::<web_sys::DomException>().is_some_and(|d| d.name() == "AbortError");
            return Err(if aborted { CouchError::Aborted } else { CouchError::Unreachable });
        }
    };
    let status = response.status();
    let text = match response.text() {
        Ok(p) => JsFuture::from(p).await.ok().and_then(|t| t.as_string()).unwrap_or_default(),
        Err(_) => String::new(),
    };
    let json: Option<Value> = serde_json::from_str(&text).ok();
    match status {
        200..=299 => json.ok_or(CouchError::NotJson),
        401 | 403 => Err(CouchError::Unauthorized),
        _ => Err(CouchError::Http {
            status,
            reason: json
                .as_ref()
                .and_then(|j| j.get("reason").or_else(|| j.get("error")))
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string(),
        }),
    }
}

/// Logs in with CouchDB's cookie session. The password is only in this request.
pub async fn login(base: &str, name: &str, password: &str) -> Result<(), CouchError> {
    let body = serde_json::json!({ "name": name, "password": password });
    match request("POST", &format!("{base}/_session"), Some(&body), None).await {
        Ok(_) => Ok(()),
        Err(CouchError::Unauthorized) => Err(CouchError::WrongLogin),
        Err(e) => Err(e),
    }
}

/// The user the session cookie belongs to, if it is still valid.
pub async fn session_user(base: &str) -> Result<Option<String>, CouchError> {
    let v = request("GET", &format!("{base}/_session"), None, None).await?;
    Ok(v.pointer("/userCtx/name").and_then(Value::as_str).map(str::to_string))
}

pub async fn logout(base: &str) {
    let _ = request("DELETE", &format!("{base}/_session"), None, None).await;
}

/// Whether anyone can read the database without logging in (no cookie sent): citizens'
/// names and contacts would then be public.
pub async fn readable_anonymously(db_url: &str) -> bool {
    send("GET", &format!("{db_url}/_all_docs?limit=1"), None, None, false).await.is_ok()
}

/// A way to stop a request in flight (pausing, or new local work that should go first).
pub fn abort_controller() -> Option<AbortController> {
    AbortController::new().ok()
}

/// Whether the browser believes it is online.
pub fn online() -> bool {
    web_sys::window().map(|w| w.navigator().on_line()).unwrap_or(true)
}

/// Calls `on_change` when the browser goes online or offline.
pub fn on_connectivity(on_change: impl Fn() + 'static) {
    let Some(window) = web_sys::window() else { return };
    let cb = Closure::<dyn Fn()>::new(on_change);
    for event in ["online", "offline"] {
        let _ = window.add_event_listener_with_callback(event, cb.as_ref().unchecked_ref());
    }
    cb.forget();
}

/// A wait that `wake` ends early. A wake while nobody waits is remembered: the next wait
/// returns at once, so a change saved while the sync was busy is not left for the next
/// timeout.
#[derive(Default)]
pub struct Sleep {
    resolve: std::rc::Rc<std::cell::RefCell<Option<js_sys::Function>>>,
    woken: std::cell::Cell<bool>,
}

impl Sleep {
    pub async fn sleep(&self, ms: i32) {
        if self.woken.replace(false) {
            return;
        }
        let slot = self.resolve.clone();
        let promise = js_sys::Promise::new(&mut |resolve, _reject| {
            if let Some(w) = web_sys::window() {
                let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
            }
            *slot.borrow_mut() = Some(resolve);
        });
        let _ = JsFuture::from(promise).await;
        self.resolve.borrow_mut().take();
    }

    pub fn wake(&self) {
        match self.resolve.borrow_mut().take() {
            Some(f) => {
                let _ = f.call0(&JsValue::NULL);
            }
            None => self.woken.set(true),
        }
    }

    /// Whether a wake came since the last wait (and forgets it).
    pub fn take_woken(&self) -> bool {
        self.woken.replace(false)
    }
}
