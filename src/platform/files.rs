//! Downloads (a Blob behind a temporary link): the diagram's SVG and PNG, the staff's files.
//! Reading a chosen file is staff-only: `crates/staff/src/platform/files.rs`.

use wasm_bindgen::JsCast;
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

pub const MIME_JSON: &str = "application/json;charset=utf-8";
pub const MIME_CSV: &str = "text/csv;charset=utf-8";
pub const MIME_TEXT: &str = "text/plain;charset=utf-8";

/// Offers `content` as a download named `file_name`. Returns false when the browser refused
/// (no document, Blob URLs blocked), so the caller can say so instead of failing silently.
pub fn download(file_name: &str, mime: &str, content: &str) -> bool {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return false };
    let parts = js_sys::Array::of1(&content.into());
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = Blob::new_with_str_sequence_and_options(&parts, &options) else { return false };
    let Ok(url) = Url::create_object_url_with_blob(&blob) else { return false };
    let Some(anchor) = document
        .create_element("a")
        .ok()
        .and_then(|el| el.dyn_into::<HtmlAnchorElement>().ok())
    else {
        let _ = Url::revoke_object_url(&url);
        return false;
    };
    anchor.set_href(&url);
    anchor.set_download(file_name);
    // Some browsers ignore a click on a link that is not in the document.
    let body = document.body();
    if let Some(body) = &body {
        let _ = anchor.style().set_property("display", "none");
        let _ = body.append_child(&anchor);
    }
    anchor.click();
    anchor.remove();
    // Revoking at once can cancel the download in some browsers: wait a moment.
    leptos::prelude::set_timeout(
        move || {
            let _ = Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(30),
    );
    true
}
