//! Document-level helpers: the public base path, the static loading shell, focus, the build's
//! version.

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

/// The staff pages' HTML shows a static header and "Memuat…" so a slow phone sees something
/// before the wasm arrives; the staff app removes it once it runs.
pub fn remove_loading_shell() {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("loading-shell"))
    {
        el.remove();
    }
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

/// `data-<name>` of the page's `<main>` (the public pages name their SOP there).
pub fn main_data(name: &str) -> Option<String> {
    web_sys::window()?
        .document()?
        .query_selector("main")
        .ok()??
        .get_attribute(&format!("data-{name}"))
}

/// Marks the document as started (`<html data-app="ready">`): the end-to-end tests and the
/// benchmark wait for it.
pub fn mark_ready() {
    if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        let _ = root.set_attribute("data-app", "ready");
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

/// The SOP page's list item of step `index` (`.steps__list li[data-step]`).
fn listed_step(index: usize) -> Option<web_sys::Element> {
    web_sys::window()?
        .document()?
        .query_selector(&format!(".steps__list li[data-step=\"{index}\"]"))
        .ok()?
}

/// Scrolls to step `index` of the page's list of steps the way a link to its anchor would:
/// the address shows it and the back button returns (the diagram's "open the step").
pub fn go_to_listed_step(index: usize) {
    if let (Some(w), Some(id)) = (web_sys::window(), listed_step(index).map(|li| li.id())) {
        let _ = w.location().set_hash(&id);
    }
}

/// The markup inside step `index` of the page's list of steps: its number, performer, text,
/// kelengkapan, time and output as the page says them ("" when the page has no such list).
pub fn listed_step_html(index: usize) -> String {
    listed_step(index).map(|li| li.inner_html()).unwrap_or_default()
}

/// The checked state of every checkbox under `root`, in document order.
pub fn checkbox_states(root: &web_sys::Element) -> Vec<bool> {
    checkboxes(root).iter().map(|b| b.checked()).collect()
}

/// Checks the checkboxes under `root` as `states` says (extra boxes are left alone).
pub fn set_checkbox_states(root: &web_sys::Element, states: &[bool]) {
    for (b, &on) in checkboxes(root).iter().zip(states) {
        b.set_checked(on);
    }
}

fn checkboxes(root: &web_sys::Element) -> Vec<web_sys::HtmlInputElement> {
    use wasm_bindgen::JsCast;
    let Ok(list) = root.query_selector_all("input[type=checkbox]") else { return Vec::new() };
    (0..list.length()).filter_map(|k| list.item(k)?.dyn_into().ok()).collect()
}

/// The number in `data-<name>` of the event target or its closest ancestor that has one.
pub fn closest_data_index(event: &web_sys::Event, name: &str) -> Option<usize> {
    closest_data(event, name)?.parse().ok()
}

/// `data-<name>` of the event target or its closest ancestor that has one.
pub fn closest_data(event: &web_sys::Event, name: &str) -> Option<String> {
    use wasm_bindgen::JsCast;
    let target = event.target()?.dyn_into::<web_sys::Element>().ok()?;
    let holder = target.closest(&format!("[data-{name}]")).ok()??;
    holder.get_attribute(&format!("data-{name}"))
}

/// Shows `index` as the selected step of every drawing under `root` (its symbols and its row
/// band), and no other.
pub fn mark_selected_step(root: &web_sys::Element, index: Option<usize>) {
    use wasm_bindgen::JsCast;
    for (selector, attr, class) in [("[data-step]", "data-step", "dg-step--selected"), (".dg-row", "data-row", "dg-row--selected")] {
        let Ok(list) = root.query_selector_all(selector) else { continue };
        for k in 0..list.length() {
            let Some(el) = list.item(k).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) else { continue };
            let on = index.is_some_and(|i| el.get_attribute(attr).as_deref() == Some(i.to_string().as_str()));
            let _ = el.class_list().toggle_with_force(class, on);
        }
    }
}

/// Focuses step `index` in the same drawing as the event's target (the swimlane or the
/// phone's variant, whichever the user is in).
pub fn focus_sibling_step(event: &web_sys::Event, index: usize) {
    use wasm_bindgen::JsCast;
    let drawing = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest("svg").ok().flatten());
    if let Some(step) = drawing.and_then(|svg| svg.query_selector(&format!("[data-step=\"{index}\"]")).ok().flatten()) {
        // SVG elements are focusable too; `focus()` is the same method on both.
        let _ = step.unchecked_ref::<web_sys::HtmlElement>().focus();
    }
}

/// The drawn size in whole pixels (its `width`/`height` attributes, before zoom) of the first
/// element under `root` matching `selector`.
pub fn drawing_size(root: &web_sys::Element, selector: &str) -> Option<(u32, u32)> {
    let svg = root.query_selector(selector).ok()??;
    size_of(&svg)
}

/// Reads "1234" or "1234.5" as 1234 (and rounds up a fraction): whole pixels are all the zoom
/// and the PNG need, and reading them keeps float parsing out of the citizen bundle.
fn whole_pixels(text: &str) -> Option<u32> {
    let (int, frac) = text.split_once('.').unwrap_or((text, ""));
    let n: u32 = int.parse().ok()?;
    Some(if frac.trim_matches('0').is_empty() { n } else { n + 1 })
}

fn size_of(svg: &web_sys::Element) -> Option<(u32, u32)> {
    Some((whole_pixels(&svg.get_attribute("width")?)?, whole_pixels(&svg.get_attribute("height")?)?))
}

/// The markup and size of the drawing shown under `root` (the one CSS does not hide).
pub fn visible_drawing(root: &web_sys::Element) -> Option<(String, (u32, u32))> {
    use wasm_bindgen::JsCast;
    let list = root.query_selector_all("svg[data-layout]").ok()?;
    (0..list.length())
        .filter_map(|k| list.item(k).and_then(|n| n.dyn_into::<web_sys::Element>().ok()))
        .find(|svg| svg.get_client_rects().length() > 0)
        .and_then(|svg| Some((crate::platform::image::serialize(&svg)?, size_of(&svg)?)))
}
