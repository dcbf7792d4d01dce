//! The case store: the in-memory view of the cases kept in localStorage, and every change to
//! them. Pages read its signals and call its operations; the rules come from
//! `sop_domain::case` and `sop_domain::store`, the browser access from
//! `platform::case_store`.
//!
//! Two promises are kept here:
//! - **no lost update** between tabs: a write re-reads the stored value first; when another
//!   tab saved in between, the user's action is replayed on the fresh case ("merged"), or
//!   refused with the state machine's message and the fresh case shown — never overwritten;
//! - **no lost work** when the browser refuses a write (quota): the changed case stays in
//!   memory, marked unsaved, with the actions that made it, until "Coba lagi" saves it.

use std::collections::HashMap;

use leptos::prelude::*;
use sop_domain::case::{apply, next_number, Action, Case, CaseFields, MAX_ACTOR_CHARS};
use sop_domain::catalogue::Sop;
use sop_domain::store::{
    self, case_id_of_key, case_key, list_order, summarize, CaseSummary, WriteCheck,
};

use crate::catalogue_data::{calendar, catalogue};
use crate::platform::case_store::{self as db, PersistStatus, WriteError, BROWSER_QUOTA_UNITS};
use crate::platform::{clock, perf, prefs, random};
use crate::strings as s;

/// The preference key of the staff name shown in the audit trail.
pub(super) const STAFF_PREF_KEY: &str = "petugas";
/// Usage (in percent of the browser's quota) from which the list warns.
pub const NEAR_QUOTA_PERCENT: usize = 80;
/// How often a new case is numbered again when another tab took its number meanwhile.
const RENUMBER_ATTEMPTS: usize = 5;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LoadState {
    NotLoaded,
    Ready,
}

/// A stored value that could not be read: shown in a banner, downloadable verbatim, never
/// overwritten.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuarantinedEntry {
    pub key: String,
    pub raw: String,
    /// Why, in Indonesian.
    pub reason: String,
    /// The parser's own words, for "rincian teknis".
    pub detail: Option<String>,
}

impl QuarantinedEntry {
    pub fn new(key: String, raw: String, error: &store::DecodeError) -> QuarantinedEntry {
        let (reason, detail) = error.explained();
        QuarantinedEntry { key, raw, reason, detail }
    }

    pub fn id(&self) -> &str {
        case_id_of_key(&self.key).unwrap_or(&self.key)
    }

    /// The case as the staff know it: its number ("JHT/0002/XII/2026" as the list's index or
    /// what is left of the value holds it, or "JHT/0002/…/2026" from its key when nothing
    /// does) and its SOP's title.
    pub fn label(&self, indexed_number: Option<String>) -> String {
        let Some(parts) = sop_domain::case::parse_case_number(self.id()) else {
            return self.id().to_string();
        };
        let code = parts.code.to_ascii_uppercase();
        let prefix = format!("{code}/{:04}/", parts.running);
        let printed = self.raw.find(&prefix).and_then(|at| {
            let rest = &self.raw[at..];
            let end = rest.find(|c: char| c == '"' || c.is_whitespace() || c == ',').unwrap_or(rest.len());
            let candidate = &rest[..end];
            sop_domain::case::parse_case_number(candidate).filter(|n| n.year == parts.year).map(|_| candidate.to_string())
        });
        let number = indexed_number.or(printed).unwrap_or_else(|| format!("{prefix}\u{2026}/{}", parts.year));
        match catalogue().sop_by_code(&code) {
            Some(sop) => format!("{number} \u{2014} {}", sop.title),
            None => number,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FeedbackKind {
    Ok,
    Warn,
    Error,
}

/// What an operation tells the user, and where: next to the control that caused it, so that
/// the message never covers the control the user needs next.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Feedback {
    pub kind: FeedbackKind,
    pub text: String,
    pub place: FeedbackPlace,
    /// Technical words (a parser's, often English) behind "Rincian teknis", never alone.
    pub detail: Option<String>,
}

/// Where a message is shown on the page (in the flow, never over it).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum FeedbackPlace {
    /// Under the page's head: the case's own buttons, the list's forms.
    #[default]
    Top,
    /// In the card of the step at this index, under its buttons.
    Step(usize),
    /// Under the notes about the case as a whole.
    Notes,
    /// Next to the file tools under the case list.
    Tools,
}

impl Feedback {
    pub fn ok(text: impl Into<String>) -> Feedback {
        Feedback { kind: FeedbackKind::Ok, text: text.into(), place: FeedbackPlace::Top, detail: None }
    }
    pub fn warn(text: impl Into<String>) -> Feedback {
        Feedback { kind: FeedbackKind::Warn, text: text.into(), place: FeedbackPlace::Top, detail: None }
    }
    pub fn error(text: impl Into<String>) -> Feedback {
        Feedback { kind: FeedbackKind::Error, text: text.into(), place: FeedbackPlace::Top, detail: None }
    }
    /// The refusal of a file, its technical detail apart.
    pub fn import_error(e: &sop_domain::store::ImportError) -> Feedback {
        let (text, detail) = e.explained();
        Feedback { detail, ..Feedback::error(text) }
    }

    /// The same message, shown at `place`.
    pub fn at(self, place: FeedbackPlace) -> Feedback {
        Feedback { place, ..self }
    }
    pub fn is_error(&self) -> bool {
        self.kind == FeedbackKind::Error
    }
}

/// Why a changed case is only in memory.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveFailure {
    /// The browser's storage is full.
    Quota,
    /// localStorage is blocked or missing.
    Unavailable,
    /// The browser refused for another reason (its message).
    Refused(String),
    /// The case was archived or removed in another tab.
    Removed(String),
    /// The stored value cannot be read; it is not overwritten.
    Unreadable(String),
    /// A newer version of the app wrote the store; this one must not write.
    NewerData(String),
}

impl SaveFailure {
    pub fn message(&self) -> String {
        match self {
            SaveFailure::Quota => store::MSG_QUOTA_FULL.to_string(),
            SaveFailure::Unavailable => s::KASUS_STORAGE_UNAVAILABLE.to_string(),
            SaveFailure::Refused(detail) => format!("{} ({detail})", s::KASUS_STORAGE_REFUSED),
            SaveFailure::Removed(m) | SaveFailure::Unreadable(m) | SaveFailure::NewerData(m) => m.clone(),
        }
    }

    /// Whether "Coba lagi" can help (after space was freed, or the browser recovered).
    pub fn retryable(&self) -> bool {
        matches!(self, SaveFailure::Quota | SaveFailure::Unavailable | SaveFailure::Refused(_))
    }

    pub fn is_quota(&self) -> bool {
        matches!(self, SaveFailure::Quota)
    }
}

impl From<WriteError> for SaveFailure {
    fn from(e: WriteError) -> SaveFailure {
        match e {
            WriteError::QuotaExceeded => SaveFailure::Quota,
            WriteError::Unavailable => SaveFailure::Unavailable,
            WriteError::Other(m) => SaveFailure::Refused(m),
        }
    }
}

/// An action applied in memory and not yet stored, with when and by whom, so that it can be
/// replayed on a fresher case later.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PendingAction {
    pub action: Action,
    pub at_ms: i64,
    pub actor: String,
}

/// The part of a case that is only in memory.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unsaved {
    /// The stored revision the pending actions start from (0: the case itself is new).
    pub base_revision: u64,
    pub actions: Vec<PendingAction>,
    pub failure: SaveFailure,
}

/// A case as the case page shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CaseSlot {
    pub case: Case,
    pub unsaved: Option<Unsaved>,
}

/// What opening a case found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OpenCase {
    Ready(CaseSlot),
    Unreadable(QuarantinedEntry),
    Missing,
}

/// The store's signals. `Copy`: pass it into closures freely.
#[derive(Clone, Copy)]
pub struct CaseStore {
    pub load_state: RwSignal<LoadState>,
    /// Every readable case, in list order (open first, then the latest activity).
    pub summaries: RwSignal<Vec<CaseSummary>>,
    pub quarantined: RwSignal<Vec<QuarantinedEntry>>,
    /// Problems met while loading that the staff should know about (Indonesian).
    pub load_problems: RwSignal<Vec<String>>,
    pub staff_name: RwSignal<String>,
    pub persist: RwSignal<PersistStatus>,
    /// UTF-16 code units used in localStorage by this origin.
    pub usage_units: RwSignal<usize>,
    /// A newer app version wrote the store: nothing is written until the page is reloaded.
    pub newer_data: RwSignal<bool>,
    /// Counts the cases marked for the sync's push, here or in another tab: the sync wakes
    /// when it changes.
    pub marked: RwSignal<u64>,
    pub(super) opened: RwSignal<HashMap<String, OpenCase>>,
    pub(super) persist_requested: StoredValue<bool>,
}

/// Creates the store and provides it to every page. Call once, in `App`. Nothing is read
/// from localStorage until a staff page asks (`ensure_loaded`): citizens never pay for it.
pub fn provide_case_store() -> CaseStore {
    let store = CaseStore {
        load_state: RwSignal::new(LoadState::NotLoaded),
        summaries: RwSignal::new(Vec::new()),
        quarantined: RwSignal::new(Vec::new()),
        load_problems: RwSignal::new(Vec::new()),
        staff_name: RwSignal::new(prefs::get::<String>(STAFF_PREF_KEY).unwrap_or_default()),
        persist: RwSignal::new(PersistStatus::Unknown),
        usage_units: RwSignal::new(0),
        newer_data: RwSignal::new(false),
        marked: RwSignal::new(0),
        opened: RwSignal::new(HashMap::new()),
        persist_requested: StoredValue::new(false),
    };
    db::listen_for_other_tabs(move |change| store.on_external_change(change));
    Effect::new(move |_| db::warn_before_leaving(store.has_unsaved()));
    provide_context(store);
    store
}

/// The store provided by `App`.
pub fn use_case_store() -> CaseStore {
    use_context::<CaseStore>().expect("App provides the case store (provide_case_store)")
}

/// A stored value decoded and checked against the catalogue, or why not (Indonesian).
pub(super) fn decode_checked(key: &str, raw: &str) -> Result<Case, store::DecodeError> {
    let mut case = store::decode_case(key, raw)?;
    // Stored before its SOP gained a step at the end: read with that step not started (the
    // value itself is rewritten by the next save, or by the full load's repairs).
    store::fit_to_catalogue(&mut case, catalogue());
    store::validate_case(&case, catalogue())?;
    Ok(case)
}

pub(super) fn sop_of(case: &Case) -> Option<&'static Sop> {
    catalogue().sop(&case.sop_id)
}

impl CaseStore {
    // -----------------------------------------------------------------------------------
    // Reading.
    // -----------------------------------------------------------------------------------

    /// The case as last opened (or changed) in this tab; `None` before `open`.
    pub fn opened(&self, id: &str) -> Option<OpenCase> {
        self.opened.with(|m| m.get(id).cloned())
    }

    /// Like `opened`, without subscribing the caller to later changes.
    pub fn opened_untracked(&self, id: &str) -> Option<OpenCase> {
        self.opened.with_untracked(|m| m.get(id).cloned())
    }

    /// Reads the case from storage for the case page. A case with unsaved changes keeps them:
    /// they are the only copy of that work.
    pub fn open(&self, id: &str) {
        let has_unsaved = self.opened.with_untracked(|m| {
            matches!(m.get(id), Some(OpenCase::Ready(CaseSlot { unsaved: Some(_), .. })))
        });
        if has_unsaved {
            return;
        }
        let key = case_key(id);
        let entry = match db::get(&key) {
            None => OpenCase::Missing,
            Some(raw) => match decode_checked(&key, &raw) {
                Ok(case) => {
                    // The index row may lag behind (another tab was interrupted mid-save).
                    self.refresh_summary(&case);
                    OpenCase::Ready(CaseSlot { case, unsaved: None })
                }
                Err(reason) => {
                    let entry = QuarantinedEntry::new(key, raw, &reason);
                    self.note_quarantined(entry.clone());
                    OpenCase::Unreadable(entry)
                }
            },
        };
        self.opened.update(|m| {
            m.insert(id.to_string(), entry);
        });
    }

    /// The stored case, decoded (for exports); `Err` with the reason when unreadable.
    pub fn read_stored(&self, id: &str) -> Option<Result<Case, String>> {
        let key = case_key(id);
        db::get(&key).map(|raw| decode_checked(&key, &raw).map_err(|e| e.explained().0))
    }

    /// The cases whose changes are only in memory, as (id, number), for the marker that leads
    /// back to them from any staff page.
    pub fn unsaved_cases(&self) -> Vec<(String, String)> {
        self.opened.with(|m| {
            let mut out: Vec<(String, String)> = m
                .iter()
                .filter_map(|(id, o)| match o {
                    OpenCase::Ready(CaseSlot { case, unsaved: Some(_) }) => Some((id.clone(), case.number.clone())),
                    _ => None,
                })
                .collect();
            out.sort();
            out
        })
    }

    /// Whether any case holds changes that are only in memory.
    pub fn has_unsaved(&self) -> bool {
        self.opened.with(|m| m.values().any(|o| matches!(o, OpenCase::Ready(CaseSlot { unsaved: Some(_), .. }))))
    }

    /// Percent of the browser's quota in use.
    pub fn usage_percent(&self) -> usize {
        self.usage_units.get() * 100 / BROWSER_QUOTA_UNITS
    }

    pub fn near_quota(&self) -> bool {
        self.usage_percent() >= NEAR_QUOTA_PERCENT
    }

    // -----------------------------------------------------------------------------------
    // The staff name.
    // -----------------------------------------------------------------------------------

    pub fn has_staff_name(&self) -> bool {
        !self.staff_name.with(|n| n.trim().is_empty())
    }

    /// Sets the name written into the audit trail on this device. The name is used for this
    /// session even when the browser refuses to remember it.
    pub fn set_staff_name(&self, name: &str) -> Feedback {
        let name = name.trim();
        if name.is_empty() {
            return Feedback::error(s::KASUS_STAFF_REQUIRED);
        }
        if name.chars().count() > MAX_ACTOR_CHARS {
            return Feedback::error(s::kasus_too_long(s::KASUS_STAFF_LABEL, MAX_ACTOR_CHARS));
        }
        self.staff_name.set(name.to_string());
        if prefs::set(STAFF_PREF_KEY, &name.to_string()) {
            Feedback::ok(s::KASUS_STAFF_SAVED)
        } else {
            Feedback::warn(s::KASUS_STAFF_NOT_STORED)
        }
    }

    // -----------------------------------------------------------------------------------
    // Creating and changing cases.
    // -----------------------------------------------------------------------------------

    /// Creates a case of `sop` and saves it. Returns the new case's id (also when it could
    /// only be kept in memory: the case page then offers "Coba lagi") and what to tell.
    pub fn create(&self, sop: &'static Sop, fields: &CaseFields) -> Result<(String, Feedback), Feedback> {
        let actor = self.staff_name.get_untracked();
        if actor.trim().is_empty() {
            return Err(Feedback::error(s::KASUS_STAFF_NEEDED));
        }
        let now = clock::now_ms();
        let mut reserved = self.reserved_numbers();
        let mut case = {
            let (id, number) = next_number(sop, reserved.iter().map(String::as_str), calendar().utc_ms_to_local(now));
            Case::create(sop, fields, &id, &number, &random::uid(), now, &actor).map_err(|e| Feedback::error(e.to_string()))?
        };
        for _ in 0..RENUMBER_ATTEMPTS {
            match self.check_new(&case, &mut reserved) {
                NewCheck::Write => {
                    let id = case.id.clone();
                    let fb = self.write_case(sop, case, 0, Vec::new(), None);
                    return Ok((id, fb));
                }
                NewCheck::Renumber => renumber(&mut case, sop, &reserved, now),
                NewCheck::Refuse(fb) => return Err(fb),
            }
        }
        Err(Feedback::error(s::KASUS_NUMBER_BUSY))
    }

    /// Applies `action` to the open case `id` as the staff member on this device, and saves.
    /// The flag says whether the action took effect (stored, merged, or kept in memory as
    /// unsaved); false when it was refused.
    pub fn apply(&self, id: &str, action: Action) -> (Feedback, bool) {
        let actor = self.staff_name.get_untracked();
        if actor.trim().is_empty() {
            return (Feedback::error(s::KASUS_STAFF_NEEDED), false);
        }
        let slot = match self.opened.with_untracked(|m| m.get(id).cloned()) {
            Some(OpenCase::Ready(slot)) => slot,
            _ => return (Feedback::error(s::KASUS_NOT_OPEN), false),
        };
        let Some(sop) = sop_of(&slot.case) else {
            return (Feedback::error(s::KASUS_UNKNOWN_SOP), false);
        };
        let now = clock::now_ms();
        let next = match apply(&slot.case, sop, &action, now, &actor) {
            Ok(c) => c,
            Err(e) => return (Feedback::error(e.to_string()), false),
        };
        let pending = PendingAction { action, at_ms: now, actor };
        let (base, mut actions) = match slot.unsaved {
            Some(u) => (u.base_revision, u.actions),
            None => (slot.case.revision, Vec::new()),
        };
        actions.push(pending);
        if base == 0 {
            // A new case that never reached storage: the whole case is what gets saved.
            return (self.retry_new(sop, next, actions), true);
        }
        self.save(sop, next, base, actions)
    }

    /// Tries again to store a case that is only in memory.
    pub fn retry(&self, id: &str) -> (Feedback, Option<String>) {
        let slot = match self.opened.with_untracked(|m| m.get(id).cloned()) {
            Some(OpenCase::Ready(slot)) => slot,
            _ => return (Feedback::error(s::KASUS_NOT_OPEN), None),
        };
        let Some(unsaved) = slot.unsaved else {
            return (Feedback::ok(s::KASUS_SAVED), None);
        };
        let Some(sop) = sop_of(&slot.case) else {
            return (Feedback::error(s::KASUS_UNKNOWN_SOP), None);
        };
        if unsaved.base_revision == 0 {
            let fb = self.retry_new(sop, slot.case.clone(), unsaved.actions);
            let new_id = self.opened.with_untracked(|m| {
                // Renumbering moved the case to another id.
                (!m.contains_key(id)).then(|| {
                    m.iter()
                        .find(|(_, o)| matches!(o, OpenCase::Ready(s) if s.case.created_ms == slot.case.created_ms && s.case.sop_id == slot.case.sop_id))
                        .map(|(k, _)| k.clone())
                })
                .flatten()
            });
            return (fb, new_id);
        }
        (self.save(sop, slot.case, unsaved.base_revision, unsaved.actions).0, None)
    }

    /// Saves a case that was new when its save first failed: number it again if another tab
    /// took the number meanwhile.
    fn retry_new(&self, sop: &'static Sop, mut case: Case, actions: Vec<PendingAction>) -> Feedback {
        let mut reserved = self.reserved_numbers();
        let old_id = case.id.clone();
        for _ in 0..RENUMBER_ATTEMPTS {
            match self.check_new(&case, &mut reserved) {
                NewCheck::Write => {
                    let renumbered = case.id != old_id;
                    if renumbered {
                        self.opened.update(|m| {
                            m.remove(&old_id);
                        });
                    }
                    let note = renumbered.then(|| s::kasus_renumbered(&case.number));
                    return self.write_case(sop, case, 0, actions, note);
                }
                NewCheck::Renumber => {
                    let created = case.created_ms;
                    renumber(&mut case, sop, &reserved, created)
                }
                NewCheck::Refuse(fb) => return fb,
            }
        }
        self.keep_unsaved(case, 0, actions, SaveFailure::Refused(s::KASUS_NUMBER_BUSY.to_string()))
    }

    /// Whether a new case can be written under its id.
    fn check_new(&self, case: &Case, reserved: &mut Vec<String>) -> NewCheck {
        let key = case_key(&case.id);
        match store::check_write(&key, db::get(&key).as_deref(), 0) {
            WriteCheck::Ok => NewCheck::Write,
            WriteCheck::IdTaken { stored } => {
                reserved.push(stored.number.clone());
                NewCheck::Renumber
            }
            // An unreadable value under that key still reserves its number.
            WriteCheck::Unreadable { .. } => {
                reserved.push(case.id.clone());
                NewCheck::Renumber
            }
            other => NewCheck::Refuse(Feedback::error(other.message().unwrap_or_default())),
        }
    }

    /// Every number given out on this device: the readable cases, the unreadable ones (their
    /// keys hold the id) and new cases still waiting in memory.
    pub(super) fn reserved_numbers(&self) -> Vec<String> {
        // A number a case had before it was renumbered stays given out: printed documents
        // carry it.
        let mut out: Vec<String> = self.summaries.with_untracked(|v| {
            v.iter().flat_map(|s| std::iter::once(s.number.clone()).chain(s.previous_numbers.iter().cloned())).collect()
        });
        out.extend(self.quarantined.with_untracked(|q| q.iter().map(|e| e.id().to_string()).collect::<Vec<_>>()));
        out.extend(self.opened.with_untracked(|m| {
            m.values()
                .filter_map(|o| match o {
                    OpenCase::Ready(s) if s.unsaved.is_some() => Some(s.case.number.clone()),
                    _ => None,
                })
                .collect::<Vec<_>>()
        }));
        out
    }

    /// Saves `case`, the result of `actions` applied to the stored revision `base`. False
    /// when the actions were refused (they no longer fit the case another tab stored).
    fn save(&self, sop: &'static Sop, case: Case, base: u64, actions: Vec<PendingAction>) -> (Feedback, bool) {
        let fb = self.save_or_refuse(sop, case, base, actions);
        match fb {
            Ok(fb) => (fb, true),
            Err(fb) => (fb, false),
        }
    }

    fn save_or_refuse(&self, sop: &'static Sop, case: Case, base: u64, actions: Vec<PendingAction>) -> Result<Feedback, Feedback> {
        if self.newer_data.get_untracked() {
            return Ok(self.keep_unsaved(case, base, actions, SaveFailure::NewerData(s::KASUS_NEWER_DATA.to_string())));
        }
        let key = case_key(&case.id);
        // Read and write in the same task: localStorage has no transactions, this narrows the
        // race between tabs to this instant.
        let check = store::check_write(&key, db::get(&key).as_deref(), base);
        Ok(match check {
            WriteCheck::Ok => self.write_case(sop, case, base, actions, None),
            WriteCheck::Stale { ref stored } => {
                let told = check.message().unwrap_or_default();
                match replay(stored, sop, &actions) {
                    Ok(merged) => self.write_case(sop, merged, stored.revision, actions, Some(told)),
                    Err(reason) => {
                        // Both edits stay visible: the other tab's is stored and shown now,
                        // this one is named in the message.
                        let fresh = (**stored).clone();
                        self.refresh_summary(&fresh);
                        self.set_opened(OpenCase::Ready(CaseSlot { case: fresh, unsaved: None }));
                        return Err(Feedback::error(s::kasus_merge_refused(&stored.number, &reason)));
                    }
                }
            }
            WriteCheck::Removed | WriteCheck::IdTaken { .. } => {
                let m = check.message().unwrap_or_default();
                self.keep_unsaved(case, base, actions, SaveFailure::Removed(m))
            }
            WriteCheck::Unreadable { .. } => {
                let m = check.message().unwrap_or_default();
                self.keep_unsaved(case, base, actions, SaveFailure::Unreadable(m))
            }
        })
    }

    /// Writes `case` with its index entry; on failure keeps it in memory as unsaved.
    pub(super) fn write_case(
        &self,
        sop: &'static Sop,
        case: Case,
        base: u64,
        actions: Vec<PendingAction>,
        note: Option<String>,
    ) -> Feedback {
        // What "saving one change" costs — reading the month's index, encoding, writing — is
        // measured as "lsk:save" for the benchmark (scripts/bench/cases.mjs).
        let saved = perf::measure("lsk:save", || {
            let shard = db::get(&store::shard_key_for(case.created_ms));
            let meta = db::get(store::META_KEY);
            store::plan_save(&case, sop, calendar(), shard.as_deref(), meta.as_deref()).map(|(mut writes, summary)| {
                // The sync's mark goes in the same batch: a saved change is never missed.
                writes.set.extend(self.push_mark(&case));
                (db::write_all(&writes), summary)
            })
        });
        let (written, summary) = match saved {
            Ok(plan) => plan,
            Err(e) => {
                self.newer_data.set(true);
                return self.keep_unsaved(case, base, actions, SaveFailure::NewerData(e.to_string()));
            }
        };
        match written {
            Ok(growth) => {
                self.grow_usage(growth);
                self.upsert_summary(summary);
                if self.sync_on() {
                    self.note_marked();
                }
                self.forget_quarantined(&case_key(&case.id));
                self.set_opened(OpenCase::Ready(CaseSlot { case, unsaved: None }));
                match note {
                    Some(text) => Feedback::warn(text),
                    None => Feedback::ok(s::KASUS_SAVED),
                }
            }
            Err(e) => self.keep_unsaved(case, base, actions, e.into()),
        }
    }

    fn keep_unsaved(&self, case: Case, base: u64, actions: Vec<PendingAction>, failure: SaveFailure) -> Feedback {
        let text = failure.message();
        self.set_opened(OpenCase::Ready(CaseSlot {
            case,
            unsaved: Some(Unsaved { base_revision: base, actions, failure }),
        }));
        Feedback::error(text)
    }

    pub(super) fn set_opened(&self, entry: OpenCase) {
        let id = match &entry {
            OpenCase::Ready(slot) => slot.case.id.clone(),
            OpenCase::Unreadable(q) => q.id().to_string(),
            OpenCase::Missing => return,
        };
        self.opened.update(|m| {
            m.insert(id, entry);
        });
    }

    // -----------------------------------------------------------------------------------
    // Keeping the list in step.
    // -----------------------------------------------------------------------------------

    /// Puts `summary` in its place in list order (replacing the old one of that case).
    /// Subscribers (the list filter over every case) are notified only when the list changed.
    pub(super) fn upsert_summary(&self, summary: CaseSummary) {
        self.upsert_summaries(vec![summary]);
    }

    /// Several summaries at once: the list (and what filters it) is told once.
    pub(super) fn upsert_summaries(&self, summaries: Vec<CaseSummary>) {
        self.summaries.maybe_update(|list| {
            let mut changed = false;
            for summary in summaries {
                if let Some(pos) = list.iter().position(|s| s.id == summary.id) {
                    if list[pos] == summary {
                        continue;
                    }
                    list.remove(pos);
                }
                let at = list.partition_point(|s| list_order(s, &summary).is_lt());
                list.insert(at, summary);
                changed = true;
            }
            changed
        });
    }

    pub(super) fn remove_summary(&self, id: &str) {
        self.summaries.maybe_update(|list| {
            let before = list.len();
            list.retain(|s| s.id != id);
            list.len() != before
        });
    }

    /// Replaces the list's summary of `case` when it is out of date.
    pub(super) fn refresh_summary(&self, case: &Case) {
        if let Some(sop) = sop_of(case) {
            self.upsert_summary(summarize(case, sop, calendar()));
        }
    }

    pub(super) fn note_quarantined(&self, entry: QuarantinedEntry) {
        self.remove_summary(entry.id());
        self.quarantined.update(|q| match q.iter_mut().find(|e| e.key == entry.key) {
            Some(e) => *e = entry,
            None => {
                q.push(entry);
                q.sort_by(|a, b| a.key.cmp(&b.key));
            }
        });
    }

    pub(super) fn forget_quarantined(&self, key: &str) {
        if self.quarantined.with_untracked(|q| q.iter().any(|e| e.key == key)) {
            self.quarantined.update(|q| q.retain(|e| e.key != key));
        }
    }

    pub(super) fn grow_usage(&self, growth: i64) {
        self.usage_units.update(|u| *u = (*u as i64 + growth).max(0) as usize);
    }
}

enum NewCheck {
    Write,
    Renumber,
    Refuse(Feedback),
}

/// Gives `case` the next free number counting `reserved`.
fn renumber(case: &mut Case, sop: &Sop, reserved: &[String], at_ms: i64) {
    let (id, number) = next_number(sop, reserved.iter().map(String::as_str), calendar().utc_ms_to_local(at_ms));
    case.id = id;
    case.number = number;
}

/// The pending actions applied again, in order, on the case another tab stored. An action
/// is never dated before the stored case's last change, so the timers stay in order.
fn replay(stored: &Case, sop: &Sop, actions: &[PendingAction]) -> Result<Case, String> {
    let mut case = stored.clone();
    for p in actions {
        let at = p.at_ms.max(case.updated_ms);
        case = store::merge_by_replay(&case, sop, &p.action, at, &p.actor).map_err(|e| e.to_string())?;
    }
    Ok(case)
}
