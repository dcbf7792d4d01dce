//! The page's query string as state, for pages without a router (the katalog island): read
//! it, write it back with or without a history entry, and hear the back button.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The decoded `key=value` pairs of the current address, in order.
pub fn query_pairs() -> Vec<(String, String)> {
    let search = web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default();
    parse_query(&search)
}

/// Decodes "?q=kartu%20kuning&unit=" into pairs ('+' is a space, as forms send it).
pub fn parse_query(search: &str) -> Vec<(String, String)> {
    search
        .trim_start_matches('?')
        .split('&')
        .filter(|part| !part.is_empty())
        .map(|part| {
            let (k, v) = part.split_once('=').unwrap_or((part, ""));
            (decode(k), decode(v))
        })
        .collect()
}

fn decode(text: &str) -> String {
    let spaced = text.replace('+', " ");
    js_sys::decode_uri_component(&spaced).ok().and_then(|s| s.as_string()).unwrap_or(spaced)
}

/// Shows `url` (already under the base path) in the address bar: `replace` keeps the history
/// entry (typing), otherwise the back button returns to the previous state (a filter).
pub fn set_url(url: &str, replace: bool) {
    let Some(history) = web_sys::window().and_then(|w| w.history().ok()) else { return };
    let _ = if replace {
        history.replace_state_with_url(&JsValue::NULL, "", Some(url))
    } else {
        history.push_state_with_url(&JsValue::NULL, "", Some(url))
    };
}

/// Calls `on_change` whenever the back or forward button changes the address.
pub fn on_popstate(on_change: impl Fn() + 'static) {
    let Some(window) = web_sys::window() else { return };
    let cb = Closure::<dyn Fn()>::new(on_change);
    let _ = window.add_event_listener_with_callback("popstate", cb.as_ref().unchecked_ref());
    // Lives as long as the page.
    cb.forget();
}
