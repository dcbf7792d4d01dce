//! Document-level helpers: the public base path and the static loading shell.

use std::sync::OnceLock;

/// The path the app is served under, without a trailing slash ("" at the root,
/// "/layanan-sop" under a sub-path). Read once from `<base href>`, which Trunk writes from
/// `--public-url`.
pub fn base_path() -> String {
    static BASE: OnceLock<String> = OnceLock::new();
    BASE.get_or_init(|| {
        let uri = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.base_uri().ok().flatten())
            .unwrap_or_default();
        path_of_base_uri(&uri)
    })
    .clone()
}

/// Turns "http://host:8080/layanan-sop/" into "/layanan-sop" and "http://host/" into "".
pub fn path_of_base_uri(uri: &str) -> String {
    let after_scheme = uri.split_once("://").map(|(_, rest)| rest).unwrap_or(uri);
    let path = after_scheme.find('/').map(|i| &after_scheme[i..]).unwrap_or("/");
    let path = path.split(['?', '#']).next().unwrap_or("/");
    path.trim_end_matches('/').to_string()
}

/// An app-internal link: `href("/sop/jht")` under the base path.
pub fn href(path: &str) -> String {
    format!("{}{}", base_path(), path)
}

/// `index.html` shows a static header and "Memuat…" so a slow phone sees something before
/// the wasm arrives; the app replaces it once it runs.
pub fn remove_loading_shell() {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("loading-shell"))
    {
        el.remove();
    }
}
