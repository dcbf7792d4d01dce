//! Small per-device preferences in localStorage (a citizen's ticked requirements, the staff
//! name). Case data does not go through here: it has its own versioned store.

use gloo_storage::{LocalStorage, Storage};
use serde::{de::DeserializeOwned, Serialize};

pub const PREFIX: &str = "lsk:pref:";

/// The stored value, or `None` when missing or unreadable (a preference is never worth an
/// error message).
pub fn get<T: DeserializeOwned>(key: &str) -> Option<T> {
    LocalStorage::get(format!("{PREFIX}{key}")).ok()
}

/// Stores the value; returns false when the browser refused (quota, private mode).
pub fn set<T: Serialize>(key: &str, value: &T) -> bool {
    LocalStorage::set(format!("{PREFIX}{key}"), value).is_ok()
}

pub fn remove(key: &str) {
    LocalStorage::delete(format!("{PREFIX}{key}"));
}

/// A list of ticks, stored as the JSON array of booleans `set` would write
/// (`[true,false,true]`), read and written without a JSON library: the citizen bundle needs
/// nothing else from one.
pub fn get_ticks(key: &str) -> Option<Vec<bool>> {
    let raw = LocalStorage::raw().get_item(&format!("{PREFIX}{key}")).ok()??;
    parse_ticks(&raw)
}

pub fn set_ticks(key: &str, ticks: &[bool]) -> bool {
    LocalStorage::raw().set_item(&format!("{PREFIX}{key}"), &format_ticks(ticks)).is_ok()
}

pub fn format_ticks(ticks: &[bool]) -> String {
    let items: Vec<&str> = ticks.iter().map(|&t| if t { "true" } else { "false" }).collect();
    format!("[{}]", items.join(","))
}

pub fn parse_ticks(raw: &str) -> Option<Vec<bool>> {
    let inner = raw.trim().strip_prefix('[')?.strip_suffix(']')?;
    if inner.trim().is_empty() {
        return Some(Vec::new());
    }
    inner
        .split(',')
        .map(|item| match item.trim() {
            "true" => Some(true),
            "false" => Some(false),
            _ => None,
        })
        .collect()
}
