//! Loading the store at the first staff page, checking it in the background, and following
//! the changes other tabs make.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;
use sop_domain::store::{
    self, case_id_of_key, summarize, CaseSummary, CASE_KEY_PREFIX, INDEX_KEY_PREFIX, META_KEY,
};

use super::cases::{decode_checked, sop_of, CaseSlot, CaseStore, LoadState, OpenCase, QuarantinedEntry};
use crate::catalogue_data::{calendar, catalogue};
use crate::platform::case_store::{self as db, ExternalChange};
use crate::platform::{perf, prefs};
use crate::strings as s;

/// Case values checked per slice of the background check: small enough that a slice stays
/// well under a frame's budget on an office PC.
const VERIFY_SLICE: usize = 200;

/// Runs `work` in a task after the next frame is painted: the list the staff wait for is on
/// screen before any background work of the start begins.
fn after_paint(work: impl FnOnce() + 'static) {
    request_animation_frame(move || set_timeout(work, Duration::ZERO));
}

impl CaseStore {
    /// Loads the cases once (the first staff page calls this), asks the browser to keep the
    /// data, and starts the background check. Later calls do nothing.
    pub fn ensure_loaded(&self) {
        if self.load_state.get_untracked() == LoadState::NotLoaded {
            self.load();
        }
        if !self.persist_requested.get_value() {
            self.persist_requested.set_value(true);
            let store = *self;
            spawn_local(async move {
                let status = db::request_persistence().await;
                store.persist.set(status);
            });
        }
    }

    /// The fast start: the list from the index alone (no case value is parsed). When the
    /// index cannot be trusted, everything is read and the index rebuilt.
    fn load(&self) {
        if !db::available() {
            self.load_problems.set(vec![s::KASUS_STORAGE_UNAVAILABLE.to_string()]);
            self.load_state.set(LoadState::Ready);
            return;
        }
        // Measured as "lsk:index" (scripts/bench/cases.mjs; the e2e suite checks that it
        // happens once per app start, not once per visit of the list).
        let (keys, loaded) = perf::measure("lsk:index", || {
            let keys = db::app_keys();
            let meta = db::get(META_KEY);
            let shards: Vec<(String, String)> = keys
                .iter()
                .filter(|k| k.starts_with(INDEX_KEY_PREFIX))
                .filter_map(|k| db::get(k).map(|v| (k.clone(), v)))
                .collect();
            let case_keys = keys.iter().filter(|k| k.starts_with(CASE_KEY_PREFIX));
            let loaded = store::load_index(meta.as_deref(), shards, case_keys);
            (keys, loaded)
        });
        match loaded {
            Ok(index) => {
                let mut quarantined = Vec::new();
                for key in &index.quarantined_keys {
                    let Some(raw) = db::get(key) else { continue };
                    match decode_checked(key, &raw) {
                        Err(reason) => quarantined.push(QuarantinedEntry::new(key.clone(), raw, &reason)),
                        // Repaired by hand since: the index must be rebuilt to list it.
                        Ok(_) => return self.load_everything(),
                    }
                }
                self.summaries.set(index.summaries);
                self.quarantined.set(quarantined);
                self.finish_load();
                self.verify_in_background(keys);
            }
            Err(_) => self.load_everything(),
        }
    }

    /// Reads and checks every value, quarantines what cannot be read, and writes the repairs
    /// `store::load_all` plans (a rebuilt index, values upgraded from an older schema).
    pub(super) fn load_everything(&self) {
        let entries: Vec<(String, String)> = db::app_keys()
            .into_iter()
            .filter_map(|k| db::get(&k).map(|v| (k, v)))
            .collect();
        let report = store::load_all(entries, catalogue(), calendar());
        let mut problems = Vec::new();
        if report.newer_data_seen {
            self.newer_data.set(true);
            problems.push(s::KASUS_NEWER_DATA.to_string());
        }
        if !report.writes.is_empty() {
            if let Err(e) = db::write_all(&report.writes) {
                // The cases themselves are intact; only the index (a cache) is not repaired.
                let failure: super::SaveFailure = e.into();
                problems.push(format!("{} {}", s::KASUS_REPAIR_NOT_SAVED, failure.message()));
            }
        }
        self.summaries.set(report.summaries);
        self.quarantined.set(
            report
                .quarantined
                .into_iter()
                .map(|q| QuarantinedEntry::new(q.key, q.raw, &q.reason))
                .collect(),
        );
        self.load_problems.set(problems);
        self.finish_load();
    }

    fn finish_load(&self) {
        self.load_state.set(LoadState::Ready);
        // Measuring reads every value: after the list is on screen.
        let store = *self;
        after_paint(move || store.usage_units.set(db::usage_units()));
    }

    /// Reads every case value in small slices after the list is shown, to find what the fast
    /// start cannot see: a value corrupted by hand or by a crash, or an index row that lags
    /// behind its case. Either makes it read everything once (which rebuilds the index, so
    /// the next start is fast and shows the problem at once). `keys` are the app's keys as the
    /// fast start listed them.
    fn verify_in_background(&self, keys: Vec<String>) {
        struct Pass {
            keys: Vec<String>,
            next: usize,
            /// The list as it was when the pass began, by id (a lookup per key, not a scan);
            /// taken by the first slice.
            listed: Option<HashMap<String, CaseSummary>>,
        }
        let keys: Vec<String> = keys.into_iter().filter(|k| k.starts_with(CASE_KEY_PREFIX)).collect();
        let pass = Rc::new(RefCell::new(Pass { keys, next: 0, listed: None }));
        let store = *self;
        fn slice(store: CaseStore, pass: Rc<RefCell<Pass>>) {
            let mut found_problem = false;
            {
                let mut p = pass.borrow_mut();
                if p.listed.is_none() {
                    p.listed = Some(store.summaries.with_untracked(|l| l.iter().map(|s| (s.id.clone(), s.clone())).collect()));
                }
                let end = (p.next + VERIFY_SLICE).min(p.keys.len());
                for key in &p.keys[p.next..end] {
                    let Some(raw) = db::get(key) else { continue };
                    let known_bad = store.quarantined.with_untracked(|q| q.iter().any(|e| &e.key == key));
                    match decode_checked(key, &raw) {
                        Err(_) => found_problem |= !known_bad,
                        Ok(case) => {
                            let Some(sop) = sop_of(&case) else { continue };
                            let fresh = summarize(&case, sop, calendar());
                            // A case saved in this tab since the pass began has a newer
                            // summary than the snapshot: look at the live list before alarming.
                            let listed = p.listed.as_ref().and_then(|l| l.get(&case.id)) == Some(&fresh)
                                || store.summaries.with_untracked(|l| l.contains(&fresh));
                            found_problem |= !listed || known_bad;
                        }
                    }
                    if found_problem {
                        break;
                    }
                }
                p.next = end;
                if !found_problem && p.next < p.keys.len() {
                    drop(p);
                    let pass = pass.clone();
                    set_timeout(move || slice(store, pass), Duration::ZERO);
                    return;
                }
            }
            if found_problem {
                store.load_everything();
                store.reopen_all();
            }
        }
        after_paint(move || slice(store, pass));
    }

    /// Reads the opened cases again (after a full reload), keeping unsaved work.
    fn reopen_all(&self) {
        let ids: Vec<String> = self.opened.with_untracked(|m| m.keys().cloned().collect());
        for id in ids {
            self.open(&id);
        }
    }

    /// Another tab changed localStorage: follow it in the list and in the open case.
    pub(super) fn on_external_change(&self, change: ExternalChange) {
        // Preferences follow other tabs like cases do: a name changed in one tab signs the
        // next action in every tab.
        match &change {
            // A case marked for the sync in another tab: this tab's sync pushes it too (a
            // push of a version the server has is a no-op).
            ExternalChange::Key { key, new_value: Some(_), .. } if super::case_sync::is_push_mark(key) => {
                self.note_marked();
                return;
            }
            ExternalChange::Key { key, .. } if super::case_sync::is_push_mark(key) => return,
            ExternalChange::Key { key, new_value, .. } if *key == format!("{}{}", prefs::PREFIX, super::cases::STAFF_PREF_KEY) => {
                let name = new_value.as_deref().and_then(|v| serde_json::from_str::<String>(v).ok()).unwrap_or_default();
                self.staff_name.set(name);
                return;
            }
            ExternalChange::Cleared => self.staff_name.set(String::new()),
            _ => {}
        }
        if self.load_state.get_untracked() == LoadState::NotLoaded {
            // Nothing is shown yet; the first staff page will read the fresh state.
            return;
        }
        let (key, old_value, new_value) = match change {
            ExternalChange::Cleared => {
                self.load_everything();
                self.reopen_all();
                return;
            }
            ExternalChange::Key { key, old_value, new_value } => (key, old_value, new_value),
        };
        let units = |v: &Option<String>| v.as_ref().map_or(0, |v| (key.encode_utf16().count() + v.encode_utf16().count()) as i64);
        self.grow_usage(units(&new_value) - units(&old_value));
        let Some(id) = case_id_of_key(&key).map(str::to_string) else { return };
        let has_unsaved = self.opened.with_untracked(|m| {
            matches!(m.get(&id), Some(OpenCase::Ready(CaseSlot { unsaved: Some(_), .. })))
        });
        let is_open = self.opened.with_untracked(|m| m.contains_key(&id));
        match new_value {
            Some(raw) => match decode_checked(&key, &raw) {
                Ok(case) => {
                    self.forget_quarantined(&key);
                    self.refresh_summary(&case);
                    // Unsaved work stays on screen; "Coba lagi" merges it onto this revision.
                    if is_open && !has_unsaved {
                        self.set_opened(OpenCase::Ready(CaseSlot { case, unsaved: None }));
                    }
                }
                Err(reason) => {
                    let entry = QuarantinedEntry::new(key.clone(), raw, &reason);
                    self.note_quarantined(entry.clone());
                    if is_open && !has_unsaved {
                        self.set_opened(OpenCase::Unreadable(entry));
                    }
                }
            },
            None => {
                self.remove_summary(&id);
                self.forget_quarantined(&key);
                if is_open && !has_unsaved {
                    self.opened.update(|m| {
                        m.insert(id, OpenCase::Missing);
                    });
                }
            }
        }
    }
}
