//! Every URL of the site, built in one place.
//!
//! A route here never carries the base path (`/layanan-sop` when the site is served under a
//! sub-path): the staff app's `use_navigate` adds the base itself, so a route given to it must
//! be base-less, while every `href` needs `href(route)` around it. The base is set once at
//! start: from `<base href>` in the browser, from the build's public URL in the site generator.

use std::sync::OnceLock;

use sop_domain::catalogue::Sop;

static BASE: OnceLock<String> = OnceLock::new();

/// Sets the path the site is served under, once ("/" or "" at the root, "/layanan-sop/" or
/// "/layanan-sop" under a sub-path). A second call keeps the first value.
pub fn set_base(path: &str) {
    let _ = BASE.set(path.trim_end_matches('/').to_string());
}

/// The base path without a trailing slash ("" at the root).
pub fn base() -> &'static str {
    BASE.get().map(String::as_str).unwrap_or("")
}

/// A link target under the base path: `href("/sop/jht")` is "/layanan-sop/sop/jht" under a
/// sub-path. (Not for `use_navigate`, which adds the base itself.)
pub fn href(route: &str) -> String {
    format!("{}{}", base(), route)
}

/// The staff app's top-level routes, each with a page shell the site generator writes. The
/// page loader of 404.html tests an address against them (crates/site, from this list); the
/// service worker learns them from the shells (scripts/post-build.mjs).
pub const STAFF_ROUTES: [&str; 4] = ["/kasus", "/laporan", "/catatan-sumber", "/pengaturan"];

/// A route path and its query parameters, in the order added.
#[derive(Clone, Debug, PartialEq)]
pub struct Route {
    path: String,
    params: Vec<(&'static str, String)>,
}

impl Route {
    pub fn new(path: impl Into<String>) -> Route {
        Route { path: path.into(), params: Vec::new() }
    }

    /// Adds `key=value`, even when the value is empty (`?baru=` means "the form, no SOP").
    pub fn param(mut self, key: &'static str, value: impl Into<String>) -> Route {
        self.params.push((key, value.into()));
        self
    }

    /// Adds `key=value` unless the value is empty, so a default state keeps a short URL.
    pub fn param_if_set(self, key: &'static str, value: &str) -> Route {
        if value.is_empty() { self } else { self.param(key, value) }
    }

    /// The base-less route, for `use_navigate`.
    pub fn build(&self) -> String {
        if self.params.is_empty() {
            return self.path.clone();
        }
        let query: Vec<String> = self.params.iter().map(|(k, v)| format!("{k}={}", encode(v))).collect();
        format!("{}?{}", self.path, query.join("&"))
    }
}

/// Percent-encodes a query value; spaces become %20 and `/` stays, so a URL with a search
/// for "PKB/0002/XI/2026" stays readable when shared.
pub fn encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => out.push(b as char),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// The page of one SOP (base-less).
pub fn sop_page(sop_id: &str) -> String {
    format!("/sop/{sop_id}")
}

/// The anchor of a step on its SOP page: "langkah-4". A printed number that repeats gets its
/// position too, so every anchor stays unique.
pub fn step_anchor(sop: &Sop, index: usize) -> String {
    let no = sop.steps[index].no;
    let repeated = sop.steps.iter().filter(|st| st.no == no).count() > 1;
    if repeated {
        format!("langkah-{no}-{}", index + 1)
    } else {
        format!("langkah-{no}")
    }
}

/// One step of a SOP page (base-less): the page scrolled to the step's anchor.
pub fn sop_step(sop: &Sop, index: usize) -> String {
    format!("/sop/{}#{}", sop.id, step_anchor(sop, index))
}

/// The page of one case (base-less).
pub fn case_page(case_id: &str) -> String {
    format!("/kasus/{case_id}")
}
