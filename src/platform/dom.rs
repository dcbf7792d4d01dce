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

/// An app-internal link for `<A href>` and `<a href>`: `href("/sop/jht")` under the base path.
/// (Not for `use_navigate`, which takes the route without the base and adds it itself.)
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

/// Whether a CSS media query matches now, and a signal that follows it.
pub fn media_query(query: &str) -> leptos::prelude::ReadSignal<bool> {
    use leptos::prelude::*;
    use wasm_bindgen::prelude::*;
    let list = web_sys::window().and_then(|w| w.match_media(query).ok().flatten());
    let (matches, set_matches) = signal(list.as_ref().map(|l| l.matches()).unwrap_or(false));
    if let Some(list) = list {
        let l2 = list.clone();
        let on_change = Closure::<dyn FnMut()>::new(move || set_matches.set(l2.matches()));
        list.set_onchange(Some(on_change.as_ref().unchecked_ref()));
        // Lives as long as the page: one listener per query the app asks about.
        on_change.forget();
    }
    matches
}

/// Focuses the element with `id`, if any.
pub fn focus_id(id: &str) {
    use wasm_bindgen::JsCast;
    // SVG elements are focusable too; `focus()` is the same method on both, so the HTML
    // binding serves (wasm-bindgen calls it by name).
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
    {
        let _ = el.unchecked_ref::<web_sys::HtmlElement>().focus();
    }
}

/// The version written into `<meta name="app-version">` at build time.
pub fn app_version() -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("meta[name=app-version]").ok().flatten())
        .and_then(|m| m.get_attribute("content"))
        .unwrap_or_default()
}
