//! The browser side of the case store: the only code that reads or writes case data in
//! localStorage, listens for other tabs' writes, measures the quota and asks for persistent
//! storage. What to write is decided by `sop_domain::store` (pure); this module only performs
//! it and turns browser failures into typed errors.

use std::cell::RefCell;

use js_sys::{JsString, Object, Reflect};
use sop_domain::store::{Writes, KEY_PREFIX};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{DomException, Storage, StorageEvent};

/// What Chromium allows per origin, in UTF-16 code units of keys plus values (measured; the
/// other browsers allow about the same). The usage warning compares against this.
pub const BROWSER_QUOTA_UNITS: usize = 5_242_880;

/// Why a write did not happen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WriteError {
    /// The browser's storage for this site is full (`QuotaExceededError`).
    QuotaExceeded,
    /// localStorage is missing or blocked (private mode in old browsers, disabled cookies).
    Unavailable,
    /// Any other refusal, with the browser's message.
    Other(String),
}

fn local_storage() -> Option<Storage> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
}

/// Whether localStorage can be used at all on this page.
pub fn available() -> bool {
    local_storage().is_some()
}

/// Every key of localStorage that belongs to this app (`lsk:`), in no particular order.
/// One `Object.keys` call, and the keys cross into wasm as one string: 10,000 crossings of one
/// key each cost the list's start ~10 ms more.
pub fn app_keys() -> Vec<String> {
    let Some(storage) = local_storage() else { return Vec::new() };
    let keys = Object::keys(&storage);
    let joined = String::from(keys.join("\n"));
    let parts = if keys.length() == 0 { 0 } else { joined.split('\n').count() };
    if parts == keys.length() as usize {
        joined.split('\n').filter(|k| k.starts_with(KEY_PREFIX)).map(str::to_string).collect()
    } else {
        // A key holding a line break (never one of the app's, but the origin's storage is
        // shared): key by key.
        keys.iter()
            .filter_map(|k| k.as_string())
            .filter(|k| k.starts_with(KEY_PREFIX))
            .collect()
    }
}

pub fn get(key: &str) -> Option<String> {
    local_storage()?.get_item(key).ok().flatten()
}

fn classify(err: JsValue) -> WriteError {
    match err.dyn_ref::<DomException>() {
        // Chromium and Firefox name it QuotaExceededError; old Firefox used
        // NS_ERROR_DOM_QUOTA_REACHED. Code 22 is the legacy QUOTA_EXCEEDED_ERR.
        Some(e) if e.name() == "QuotaExceededError" || e.name() == "NS_ERROR_DOM_QUOTA_REACHED" || e.code() == 22 => {
            WriteError::QuotaExceeded
        }
        Some(e) => WriteError::Other(e.message()),
        None => WriteError::Other(err.as_string().unwrap_or_default()),
    }
}

pub fn set(key: &str, value: &str) -> Result<(), WriteError> {
    let storage = local_storage().ok_or(WriteError::Unavailable)?;
    storage.set_item(key, value).map_err(classify)
}

pub fn remove(key: &str) {
    if let Some(storage) = local_storage() {
        let _ = storage.remove_item(key);
    }
}

/// Performs `writes` (sets, then removes) all or nothing: the values the keys held before
/// are read first, and when a set fails (usually the quota) the keys already written get
/// their old values back, so a case is never saved without its index entry or the reverse.
/// The keys that grew are restored first (freeing space), then those that shrank, so the
/// store only passes through sizes no larger than the ones it already held.
///
/// Returns how many UTF-16 code units the store grew by (negative when it shrank), so the
/// usage display can follow without measuring everything again.
pub fn write_all(writes: &Writes) -> Result<i64, WriteError> {
    let storage = local_storage().ok_or(WriteError::Unavailable)?;
    let before: Vec<(String, Option<String>)> = writes
        .set
        .iter()
        .map(|(k, _)| (k.clone(), storage.get_item(k).ok().flatten()))
        .collect();
    for (done, (key, value)) in writes.set.iter().enumerate() {
        if let Err(e) = storage.set_item(key, value) {
            let mut undo: Vec<(&String, &Option<String>, i64)> = before
                .iter()
                .zip(&writes.set)
                .take(done)
                .map(|((k, old), (_, new))| {
                    let old_len = old.as_ref().map_or(0, |v| v.len() as i64);
                    (k, old, old_len - new.len() as i64)
                })
                .collect();
            undo.sort_by_key(|(_, _, growth)| *growth);
            for (k, old, _) in undo {
                let _ = match old {
                    Some(v) => storage.set_item(k, v),
                    None => storage.remove_item(k),
                };
            }
            return Err(classify(e));
        }
    }
    let units = |v: &str| v.encode_utf16().count() as i64;
    let mut growth: i64 = before
        .iter()
        .zip(&writes.set)
        .map(|((k, old), (_, new))| {
            units(new) - old.as_deref().map_or(-units(k), units)
        })
        .sum();
    for key in &writes.remove {
        if let Some(old) = storage.get_item(key).ok().flatten() {
            growth -= units(key) + units(&old);
        }
        let _ = storage.remove_item(key);
    }
    Ok(growth)
}

/// UTF-16 code units localStorage holds for this origin (all keys, not only the app's: the
/// quota is shared). Lengths are read on the JavaScript side, so no value is copied into wasm.
pub fn usage_units() -> usize {
    let Some(storage) = local_storage() else { return 0 };
    let mut units = 0usize;
    for key in Object::keys(&storage).iter() {
        let key_len = key.dyn_ref::<JsString>().map_or(0, |k| k.length() as usize);
        let value_len = Reflect::get(&storage, &key)
            .ok()
            .and_then(|v| v.dyn_into::<JsString>().ok())
            .map_or(0, |v| v.length() as usize);
        units += key_len + value_len;
    }
    units
}

/// A change another tab (or window) of this site made to localStorage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExternalChange {
    /// `key` now holds `new_value` (`None`: removed); `old_value` is what it held.
    Key {
        key: String,
        old_value: Option<String>,
        new_value: Option<String>,
    },
    /// Another tab called `localStorage.clear()`.
    Cleared,
}

type StorageListener = Closure<dyn FnMut(StorageEvent)>;
type UnloadGuard = Closure<dyn FnMut(web_sys::BeforeUnloadEvent)>;

thread_local! {
    static STORAGE_LISTENER: RefCell<Option<StorageListener>> = const { RefCell::new(None) };
    static UNLOAD_GUARD: RefCell<Option<UnloadGuard>> = const { RefCell::new(None) };
}

/// While `on`, closing or reloading the tab asks first (the browser's own "Leave site?"
/// dialog): changes kept only in memory would be lost.
pub fn warn_before_leaving(on: bool) {
    let Some(window) = web_sys::window() else { return };
    UNLOAD_GUARD.with(|slot| {
        let mut slot = slot.borrow_mut();
        if let Some(old) = slot.take() {
            let _ = window.remove_event_listener_with_callback("beforeunload", old.as_ref().unchecked_ref());
        }
        if on {
            let guard = UnloadGuard::new(|ev: web_sys::BeforeUnloadEvent| {
                ev.prevent_default();
                // Older Chromium versions want a non-empty returnValue as well.
                ev.set_return_value("unsaved");
            });
            let _ = window.add_event_listener_with_callback("beforeunload", guard.as_ref().unchecked_ref());
            *slot = Some(guard);
        }
    });
}

/// Calls `on_change` for every change another tab makes to this app's keys. The browser
/// fires `storage` only in the *other* tabs, never in the one that wrote. Installing again
/// replaces the previous listener (the app installs one, for its lifetime).
pub fn listen_for_other_tabs(on_change: impl Fn(ExternalChange) + 'static) {
    let Some(window) = web_sys::window() else { return };
    let closure = StorageListener::new(move |ev: StorageEvent| {
        // sessionStorage changes fire the same event; only localStorage holds cases.
        let is_local = match (ev.storage_area(), local_storage()) {
            (Some(area), Some(local)) => JsValue::from(area) == JsValue::from(local),
            (None, _) => true,
            _ => false,
        };
        if !is_local {
            return;
        }
        match ev.key() {
            None => on_change(ExternalChange::Cleared),
            Some(key) if key.starts_with(KEY_PREFIX) => on_change(ExternalChange::Key {
                key,
                old_value: ev.old_value(),
                new_value: ev.new_value(),
            }),
            Some(_) => {}
        }
    });
    STORAGE_LISTENER.with(|slot| {
        let mut slot = slot.borrow_mut();
        if let Some(old) = slot.take() {
            let _ = window.remove_event_listener_with_callback("storage", old.as_ref().unchecked_ref());
        }
        let _ = window.add_event_listener_with_callback("storage", closure.as_ref().unchecked_ref());
        *slot = Some(closure);
    });
}

/// Whether the browser keeps this site's storage when disk space runs low.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PersistStatus {
    /// Not asked yet, or the answer has not arrived.
    Unknown,
    /// `navigator.storage` does not exist here (old browser, insecure page).
    Unsupported,
    Granted,
    /// The browser may clear the data under storage pressure.
    NotGranted,
}

fn storage_manager() -> Option<web_sys::StorageManager> {
    let navigator = web_sys::window()?.navigator();
    // `navigator.storage` is missing on plain-http addresses other than localhost and in old
    // browsers; the getter would hand back `undefined` typed as a StorageManager.
    let value = Reflect::get(&navigator, &JsValue::from_str("storage")).ok()?;
    if value.is_undefined() || value.is_null() {
        return None;
    }
    Some(value.unchecked_into())
}

async fn bool_promise(promise: Result<js_sys::Promise, JsValue>) -> Option<bool> {
    JsFuture::from(promise.ok()?).await.ok()?.as_bool()
}

/// Asks the browser to keep this site's data (`navigator.storage.persist()`), then reports
/// what it granted. Chromium decides without a prompt (site engagement, installed app).
pub async fn request_persistence() -> PersistStatus {
    let Some(manager) = storage_manager() else { return PersistStatus::Unsupported };
    if bool_promise(manager.persisted()).await == Some(true) {
        return PersistStatus::Granted;
    }
    match bool_promise(manager.persist()).await {
        Some(true) => PersistStatus::Granted,
        Some(false) => PersistStatus::NotGranted,
        None => PersistStatus::Unsupported,
    }
}
