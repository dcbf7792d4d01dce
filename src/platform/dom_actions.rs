//! One-shot browser actions: copy to the clipboard, print, the current address.

use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

/// Copies `text`; resolves to false when the browser refuses (no permission, insecure page).
pub async fn copy_text(text: &str) -> bool {
    let Some(window) = web_sys::window() else { return false };
    let clipboard = window.navigator().clipboard();
    // Older browsers lack navigator.clipboard entirely.
    if JsValue::from(clipboard.clone()).is_undefined() {
        return false;
    }
    JsFuture::from(clipboard.write_text(text)).await.is_ok()
}

/// What became of "Bagikan".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shared {
    /// The share sheet took it.
    Shared,
    /// The user closed the share sheet.
    Cancelled,
    /// No share sheet here: the link was copied.
    Copied,
    Failed,
}

/// Shares this page (title and address) through the phone's share sheet, or copies the
/// address where the browser has none (most desktops).
pub async fn share_page() -> Shared {
    use wasm_bindgen::JsCast;
    let Some(window) = web_sys::window() else { return Shared::Failed };
    let url = current_url();
    let navigator = window.navigator();
    let can_share = js_sys::Reflect::has(&navigator, &JsValue::from_str("share")).unwrap_or(false);
    if can_share {
        let data = web_sys::ShareData::new();
        data.set_url(&url);
        if let Some(title) = window.document().map(|d| d.title()) {
            data.set_title(&title);
        }
        return match JsFuture::from(navigator.share_with_data(&data)).await {
            Ok(_) => Shared::Shared,
            // AbortError: the user closed the sheet; anything else falls back to copying.
            Err(e) if e.dyn_ref::<web_sys::DomException>().is_some_and(|d| d.name() == "AbortError") => Shared::Cancelled,
            Err(_) => copy_or_fail(&url).await,
        };
    }
    copy_or_fail(&url).await
}

async fn copy_or_fail(url: &str) -> Shared {
    if copy_text(url).await { Shared::Copied } else { Shared::Failed }
}

pub fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

/// The page's full address without the fragment.
pub fn current_url() -> String {
    web_sys::window()
        .and_then(|w| w.location().href().ok())
        .map(|h| h.split('#').next().unwrap_or_default().to_string())
        .unwrap_or_default()
}

/// The page's origin ("http://127.0.0.1:8080").
pub fn origin() -> String {
    web_sys::window().and_then(|w| w.location().origin().ok()).unwrap_or_default()
}

/// Scrolls the element with `id` into view and focuses it (for step anchors).
pub fn scroll_to_id(id: &str) {
    let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
    else {
        return;
    };
    el.scroll_into_view();
}

/// Adds or removes a class on `<body>` (used to print only part of a page).
pub fn set_body_class(class: &str, on: bool) {
    if let Some(body) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.body()) {
        let list = body.class_list();
        let _ = if on { list.add_1(class) } else { list.remove_1(class) };
    }
}

/// Sets `printing` while the page is being printed (the browser's print command, the
/// "Cetak" button, or print emulation), so print-only parts are drawn just in time. The
/// change is applied in `beforeprint`, before the browser lays the page out for paper.
pub fn watch_printing(printing: leptos::prelude::RwSignal<bool>) {
    use leptos::prelude::Set;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    let Some(window) = web_sys::window() else { return };
    for (event, value) in [("beforeprint", true), ("afterprint", false)] {
        let cb = Closure::<dyn FnMut()>::new(move || printing.set(value));
        let _ = window.add_event_listener_with_callback(event, cb.as_ref().unchecked_ref());
        cb.forget();
    }
    if let Ok(Some(list)) = window.match_media("print") {
        let l2 = list.clone();
        let cb = Closure::<dyn FnMut()>::new(move || printing.set(l2.matches()));
        list.set_onchange(Some(cb.as_ref().unchecked_ref()));
        cb.forget();
    }
}

/// Draws the print-only parts, then opens the print dialog once they are on the page (the
/// staff pages; the public pages carry their print form in the HTML).
pub fn print_with(printing: leptos::prelude::RwSignal<bool>) {
    use leptos::prelude::Set;
    printing.set(true);
    leptos::prelude::request_animation_frame(print);
}

/// Prints only the part of the page marked by `body_class` (the citizen's checklist).
pub fn print_part(body_class: &str) {
    set_body_class(body_class, true);
    print();
    set_body_class(body_class, false);
}
