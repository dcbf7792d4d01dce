//! Small per-device preferences in localStorage (a citizen's ticked requirements, the staff
//! name). Case data does not go through here: it has its own versioned store.

use gloo_storage::{LocalStorage, Storage};
use serde::{de::DeserializeOwned, Serialize};

const PREFIX: &str = "lsk:pref:";

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
