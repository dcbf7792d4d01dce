//! What the case store offers the sync (`state::sync`): marking the cases changed here since
//! their last push, and taking in the cases pulled from the server with the import rule
//! (`store::decide_import`), the same one hand-over files follow.

use std::collections::HashMap;

use leptos::prelude::*;
use sop_domain::case::{case_id_for_number, Case};
use sop_domain::store::{self as store, case_key, decide_import, CaseLookup, CaseWrite, ImportError, SenderNumbers, WriteCheck};
use sop_domain::sync::{marked_case_id, push_mark_key, push_mark_value, PUSH_MARK_PREFIX};

use super::cases::{decode_checked, CaseStore};
use crate::catalogue_data::catalogue;
use crate::platform::case_store as db;
use crate::strings as s;

/// What became of one pulled case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TakenIn {
    /// Stored here (or already stored exactly so); the renumberings it caused, each said in
    /// Indonesian (a printed document may carry the old number).
    Taken { renumbered: Vec<String> },
    /// Cannot be taken in: kept aside with the reason (Indonesian); the others go on.
    SetAside(String),
    /// Could not be written now (storage full, another tab writing): the page stops here and
    /// is pulled again, the message says why.
    Retry(String),
}

/// The stored cases as the import rule asks for them, looked up in maps built once per page
/// of pulled cases: a sync takes in thousands of cases, and scanning every summary for each
/// would cost seconds.
pub struct PageLookup<'s> {
    store: &'s CaseStore,
    known: Vec<String>,
    /// Every id a stored case holds or held (a previous number's id) → the id it is stored
    /// under now.
    stored_as: HashMap<String, Vec<String>>,
    /// The page's cases taken in but not written yet (`PageSaves`), by id: what the import
    /// rule sees of them.
    pending: HashMap<String, Case>,
}

impl<'s> PageLookup<'s> {
    fn new(store: &'s CaseStore) -> PageLookup<'s> {
        let mut stored_as: HashMap<String, Vec<String>> = HashMap::new();
        store.summaries.with_untracked(|all| {
            for sm in all {
                let held = std::iter::once(sm.id.clone()).chain(sm.previous_numbers.iter().filter_map(|n| case_id_for_number(n)));
                for id in held {
                    stored_as.entry(id).or_default().push(sm.id.clone());
                }
            }
        });
        PageLookup { store, known: store.reserved_numbers(), stored_as, pending: HashMap::new() }
    }

    /// Keeps the maps true after a write of the page.
    fn wrote(&mut self, write: &CaseWrite) {
        let (case, from) = match write {
            CaseWrite::Save { case, .. } => (case, None),
            CaseWrite::Move { case, from_id, .. } => (case, Some(from_id)),
        };
        if let Some(from) = from {
            for ids in self.stored_as.values_mut() {
                ids.retain(|id| id != from);
            }
        }
        if let Some(from) = from {
            self.pending.remove(from);
        }
        self.pending.insert(case.id.clone(), case.clone());
        let held = std::iter::once(case.id.clone()).chain(case.previous_numbers.iter().filter_map(|n| case_id_for_number(n)));
        for id in held {
            let ids = self.stored_as.entry(id).or_default();
            if !ids.contains(&case.id) {
                ids.push(case.id.clone());
            }
        }
        self.known.extend(std::iter::once(case.number.clone()).chain(case.previous_numbers.iter().cloned()));
    }
}

impl PageLookup<'_> {
    /// The stored case with this uid, stored under `id` or, renumbered since, under a number
    /// whose previous numbers hold `id`'s.
    pub fn case_by_uid(&self, id: &str, uid: &str) -> Option<Case> {
        self.cases_with_ids(&[id.to_string()]).into_iter().find(|c| c.uid == uid)
    }
}

impl CaseLookup for PageLookup<'_> {
    fn known_numbers(&self) -> Vec<String> {
        self.known.clone()
    }

    fn cases_with_ids(&self, ids: &[String]) -> Vec<Case> {
        let mut wanted: Vec<String> = ids.iter().filter_map(|id| self.stored_as.get(id)).flatten().cloned().collect();
        wanted.sort_unstable();
        wanted.dedup();
        let (pending, stored): (Vec<String>, Vec<String>) = wanted.into_iter().partition(|id| self.pending.contains_key(id));
        let mut cases: Vec<Case> = pending.iter().filter_map(|id| self.pending.get(id).cloned()).collect();
        cases.extend(self.store.read_cases(&stored).0);
        cases
    }
}

impl CaseStore {
    /// Whether a case saved now must be marked for the sync.
    pub(super) fn sync_on(&self) -> bool {
        super::sync::is_switched_on()
    }

    /// The mark written with `case` in the same batch, when the sync is on.
    pub(super) fn push_mark(&self, case: &Case) -> Option<(String, String)> {
        self.sync_on().then(|| (push_mark_key(&case.id), push_mark_value(case)))
    }

    /// Tells the sync that a mark was written (here or in another tab).
    pub(super) fn note_marked(&self) {
        self.marked.update(|n| *n += 1);
    }

    /// The ids of the cases marked as changed here since their last push.
    pub fn marked_ids(&self) -> Vec<String> {
        db::app_keys().iter().filter_map(|k| marked_case_id(k).map(str::to_string)).collect()
    }

    /// Marks the stored case `id` to be pushed (a version here the server lacks).
    pub fn mark_for_push(&self, id: &str) {
        let key = case_key(id);
        let Some(Ok(case)) = db::get(&key).map(|raw| decode_checked(&key, &raw)) else { return };
        if db::set(&push_mark_key(id), &push_mark_value(&case)).is_ok() {
            self.note_marked();
        }
    }

    /// Clears the mark of `case` once the server holds this version, unless a later save
    /// marked it again meanwhile.
    pub fn clear_push_mark(&self, case: &Case) {
        let key = push_mark_key(&case.id);
        if db::get(&key).as_deref() == Some(push_mark_value(case).as_str()) {
            db::remove(&key);
        }
    }

    /// Clears a mark whose case is no longer stored under that id (archived, or renumbered:
    /// its new id carries its own mark).
    pub fn drop_push_mark(&self, id: &str) {
        if db::get(&case_key(id)).is_none() {
            db::remove(&push_mark_key(id));
        }
    }

    /// Removes every mark (the sync was switched off: a later connection pushes everything).
    pub fn clear_all_push_marks(&self) {
        for key in db::app_keys().into_iter().filter(|k| k.starts_with(PUSH_MARK_PREFIX)) {
            db::remove(&key);
        }
    }

    /// The stored cases as the import rule looks them up, for a batch of work.
    pub fn lookup(&self) -> PageLookup<'_> {
        PageLookup::new(self)
    }

    /// Takes in a page of pulled cases, in order, by the import rule: a case new here is
    /// added, a newer version replaces the one here, two versions changed apart are merged,
    /// a number another case holds here is resolved by the clash rule. What ends up here
    /// different from the server's version (merged, renumbered, or newer here) is marked to
    /// be pushed back. The page's saves are written together (one write of each month's
    /// shard, not one per case); a move of a stored case is written at once, after them.
    /// Stops at the first `Retry`; when a write of saves fails, the cases it held are
    /// `Retry` too (the page comes again: taking a case in twice changes nothing).
    pub fn take_pulled(&self, cases: Vec<Case>) -> Vec<TakenIn> {
        let mut lookup = PageLookup::new(self);
        let mut saves = PageSaves::default();
        let mut out = Vec::with_capacity(cases.len());
        for pulled in cases {
            let at = out.len();
            let taken = self.take_one(pulled, &mut lookup, &mut saves, at);
            if let Some((first, reason)) = saves.failed.take() {
                out.truncate(first);
                out.push(TakenIn::Retry(reason));
                return out;
            }
            let stop = matches!(taken, TakenIn::Retry(_));
            out.push(taken);
            if stop {
                break;
            }
        }
        if let Err((first, reason)) = saves.write(self) {
            out.truncate(first);
            out.push(TakenIn::Retry(reason));
        }
        out
    }

    /// `at`: this case's place in the page's results.
    fn take_one(&self, pulled: Case, lookup: &mut PageLookup<'_>, saves: &mut PageSaves, at: usize) -> TakenIn {
        if self.newer_data.get_untracked() {
            return TakenIn::Retry(s::KASUS_NEWER_DATA.to_string());
        }
        // Never written over: an unreadable value here may be the only copy of something.
        let key = case_key(&pulled.id);
        if let Some(Err(reason)) = db::get(&key).map(|raw| decode_checked(&key, &raw)) {
            return TakenIn::SetAside(s::kasus_import_over_unreadable(&pulled.number, &reason.explained().0));
        }
        let plan = match decide_import(pulled.clone(), &SenderNumbers::default(), &*lookup, catalogue()) {
            Ok(plan) => plan,
            Err(ImportError::Older { .. }) => {
                // This PC holds more than the server: its version goes up.
                if let Some(here) = lookup.case_by_uid(&pulled.id, &pulled.uid) {
                    self.mark_for_push(&here.id);
                }
                return TakenIn::Taken { renumbered: Vec::new() };
            }
            Err(e) => return TakenIn::SetAside(e.to_string()),
        };
        for write in &plan.writes {
            let written = match write {
                CaseWrite::Save { case, .. } | CaseWrite::Move { case, .. } => case,
            };
            // The server's version stored as it is needs no push; anything else does.
            let mark = written != &pulled;
            let result = match write {
                CaseWrite::Save { case, replaces } if !saves.holds(&case.id) => {
                    // Checked against what is stored now, written with the page's others.
                    let key = case_key(&case.id);
                    if store::check_write(&key, db::get(&key).as_deref(), *replaces) == WriteCheck::Ok {
                        saves.add(case.clone(), mark, at);
                        Ok(())
                    } else {
                        Err(s::KASUS_IMPORT_RACE.to_string())
                    }
                }
                // A move reads the stored case it moves: the page's saves go first.
                _ => match saves.write(self) {
                    Ok(()) => self.apply_write(write, mark),
                    Err(failed) => {
                        saves.failed = Some(failed);
                        return TakenIn::Retry(String::new());
                    }
                },
            };
            if let Err(reason) = result {
                return TakenIn::Retry(reason);
            }
            lookup.wrote(write);
        }
        TakenIn::Taken { renumbered: plan.renumbered.iter().map(|r| r.message()).collect() }
    }
}

/// The saves of a page of pulled cases, written together.
#[derive(Default)]
struct PageSaves {
    saves: Vec<(Case, bool)>,
    /// The place in the page's results of the first case whose save is held here.
    first: Option<usize>,
    /// A write of held saves that failed: from which result on, and why.
    failed: Option<(usize, String)>,
}

impl PageSaves {
    fn holds(&self, id: &str) -> bool {
        self.saves.iter().any(|(c, _)| c.id == id)
    }

    fn add(&mut self, case: Case, mark: bool, at: usize) {
        self.first.get_or_insert(at);
        self.saves.push((case, mark));
    }

    /// Writes the held saves; on failure, from which result on they were not written.
    fn write(&mut self, store: &CaseStore) -> Result<(), (usize, String)> {
        let saves = std::mem::take(&mut self.saves);
        let first = self.first.take();
        match (store.save_taken_in(&saves), first) {
            (Err(reason), Some(first)) => Err((first, reason)),
            _ => Ok(()),
        }
    }
}

/// Whether `key` is a push mark (another tab marked a case).
pub(super) fn is_push_mark(key: &str) -> bool {
    key.starts_with(PUSH_MARK_PREFIX)
}
