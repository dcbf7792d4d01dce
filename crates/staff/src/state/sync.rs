//! The sync with the office's CouchDB, when an administrator switches it on (`/pengaturan`).
//!
//! localStorage stays the source of truth: every action is saved here first, exactly as
//! without a server, with a mark naming the case (`sop_domain::sync::push_mark_key`). A loop,
//! while online and not paused:
//! 1. pushes the marked cases (and, after connecting, every case stored here once): each is
//!    first reconciled with the server's version by the import rule — the server's newer
//!    version is taken, two versions changed apart are merged, a number clash is resolved —
//!    then sent with `_bulk_docs` over the server's revision; a conflict (someone wrote
//!    meanwhile) keeps the mark and is retried after the next pull;
//! 2. pulls the server's changes since the checkpoint (`_changes`), each taken in by the same
//!    rule; a document it cannot read is set aside here, a newer app's document left alone;
//!    the checkpoint moves only after a page is stored;
//! 3. waits for the server's next change (a long poll), which a change here cuts short.
//! A dropped connection resumes where it stopped: a mark is cleared only after the server
//! stored that version, and nothing pulled is skipped before it is stored.
//!
//! Each open staff tab runs the loop; they share the marks and the checkpoint, and pushing a
//! version the server already has changes nothing.

use std::rc::Rc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use sop_domain::case::Case;
use sop_domain::store::doc_id;
use sop_domain::sync::{
    all_docs_request, parse_address, push_doc, read_all_docs, read_bulk_docs, read_changes, read_pulled, AddressError,
    Change, Pulled, Pushed, ServerAddress, SyncState,
};

use super::case_sync::TakenIn;
use super::cases::CaseStore;
use crate::catalogue_data::catalogue;
use crate::platform::couch::{self, CouchError, Sleep};
use crate::platform::{clock, prefs};
use crate::routes::encode;
use crate::strings as s;

const SETTINGS_KEY: &str = "sync";
const STATE_KEY: &str = "sync-state";
const SET_ASIDE_KEY: &str = "sync-aside";
/// Documents per request: a page of changes, a batch of pushes. 500 rather than 100: the
/// first sync of 10,000 cases took 26.3 s up and 9.5 s down with 100, 16.2 s and 6.6 s with
/// 500 (PouchDB Server); a request is then ~0.7 MB, far below CouchDB's limits.
const BATCH: usize = 500;
/// How long the server holds a long poll open before answering "nothing new".
const LONGPOLL_MS: u32 = 25_000;
/// Waits after a failure, growing to the last one.
const BACKOFF_MS: [i32; 4] = [2_000, 10_000, 30_000, 60_000];
/// A wait that only a wake (or a reload) ends.
const UNTIL_WOKEN_MS: i32 = 3_600_000;

/// What an administrator set up. The password is never kept (the server's session cookie
/// is, by the browser).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SyncSettings {
    pub address: ServerAddress,
    pub user: String,
    #[serde(default)]
    pub paused: bool,
    /// The database could be read without logging in when it was connected.
    #[serde(default)]
    pub readable_by_anyone: bool,
}

/// What everyone sees of the sync.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SyncStatus {
    /// No server set up: the app works alone, as it always did.
    Off,
    Paused,
    Syncing,
    /// Everything pushed and pulled, at `at_ms`.
    Synced { at_ms: i64 },
    /// Changes made here wait to be pushed.
    Waiting { count: usize },
    /// The browser is offline: changes wait here.
    Offline { waiting: usize },
    /// The session ended or the login was refused: someone must log in again.
    LoginNeeded,
    /// `reason` in a few words; `hint` says what to check, when there is more to say.
    Failed { reason: String, hint: Option<String> },
}

/// A document from the server this PC could not take in, with the reason and its text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SetAside {
    pub id: String,
    pub reason: String,
    pub raw: String,
}

/// Why a round stopped.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Stop {
    Couch(CouchError),
    /// This PC's storage refused (full, or a newer app's data): retried later.
    Storage(String),
}

impl From<CouchError> for Stop {
    fn from(e: CouchError) -> Stop {
        Stop::Couch(e)
    }
}

fn protocol(e: impl std::fmt::Display) -> Stop {
    Stop::Couch(CouchError::Http { status: 200, reason: e.to_string() })
}

#[derive(Clone, Copy)]
pub struct SyncStore {
    pub settings: RwSignal<Option<SyncSettings>>,
    pub status: RwSignal<SyncStatus>,
    /// Cases changed here and not yet on the server.
    pub waiting: RwSignal<usize>,
    pub set_aside: RwSignal<Vec<SetAside>>,
    /// Documents of a newer app left alone (their ids).
    pub newer_docs: RwSignal<Vec<String>>,
    /// Case numbers the sync changed to resolve a clash, said in Indonesian, until read.
    pub renumbered: RwSignal<Vec<String>>,
    cases: CaseStore,
    inner: StoredValue<Rc<Inner>, LocalStorage>,
}

#[derive(Default)]
struct Inner {
    sleep: Sleep,
    abort: std::cell::RefCell<Option<web_sys::AbortController>>,
    running: std::cell::Cell<bool>,
}

/// Whether an administrator switched the sync on in this browser.
pub fn is_switched_on() -> bool {
    prefs::get::<SyncSettings>(SETTINGS_KEY).is_some()
}

fn load_state() -> SyncState {
    prefs::get(STATE_KEY).unwrap_or_default()
}

fn save_state(state: &SyncState) {
    prefs::set(STATE_KEY, state);
}

/// Creates the sync and provides it; starts it when it is set up. Call once, in `App`.
pub fn provide_sync(cases: CaseStore) -> SyncStore {
    let settings: Option<SyncSettings> = prefs::get(SETTINGS_KEY);
    let sync = SyncStore {
        status: RwSignal::new(if settings.is_some() { SyncStatus::Syncing } else { SyncStatus::Off }),
        settings: RwSignal::new(settings),
        waiting: RwSignal::new(0),
        set_aside: RwSignal::new(prefs::get(SET_ASIDE_KEY).unwrap_or_default()),
        newer_docs: RwSignal::new(Vec::new()),
        renumbered: RwSignal::new(Vec::new()),
        cases,
        inner: StoredValue::new_local(Rc::new(Inner::default())),
    };
    provide_context(sync);
    // A case marked here or in another tab: count it and push it now.
    Effect::new(move |prev: Option<u64>| {
        let marked = cases.marked.get();
        if prev.is_some() && sync.settings.with_untracked(Option::is_some) {
            sync.count_waiting();
            sync.wake();
        }
        marked
    });
    couch::on_connectivity(move || sync.wake());
    sync.start();
    sync
}

pub fn use_sync() -> SyncStore {
    expect_context::<SyncStore>()
}

/// Why connecting failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SetupError {
    Address(AddressError),
    NoUser,
    Couch(CouchError),
}

impl SetupError {
    /// In Indonesian, saying what to do.
    pub fn message(&self) -> String {
        match self {
            SetupError::Address(e) => e.to_string(),
            SetupError::NoUser => s::SYNC_NO_USER.to_string(),
            SetupError::Couch(e) => e.message(),
        }
    }
}

impl SyncStore {
    /// Logs in (CouchDB's cookie session: the password goes in this one request and is not
    /// kept), checks the database, and switches the sync on. The first round pushes every
    /// case of this PC and pulls every case of the server.
    pub async fn connect(&self, url: &str, db: &str, user: &str, password: &str) -> Result<(), SetupError> {
        let address = parse_address(url, db).map_err(SetupError::Address)?;
        let user = user.trim();
        if user.is_empty() {
            return Err(SetupError::NoUser);
        }
        couch::login(&address.base, user, password).await.map_err(SetupError::Couch)?;
        // The database must exist and let this user in.
        couch::request("GET", &address.db_url(), None, None).await.map_err(SetupError::Couch)?;
        let readable_by_anyone = couch::readable_anonymously(&address.db_url()).await;
        self.cases.ensure_loaded();
        save_state(&SyncState::connected());
        let settings = SyncSettings { address, user: user.to_string(), paused: false, readable_by_anyone };
        prefs::set(SETTINGS_KEY, &settings);
        self.settings.set(Some(settings));
        self.status.set(SyncStatus::Syncing);
        self.count_waiting();
        self.start();
        self.wake();
        Ok(())
    }

    /// Logs in again after the session ended; the sync goes on where it stopped.
    pub async fn log_in_again(&self, password: &str) -> Result<(), SetupError> {
        let Some(settings) = self.settings.get_untracked() else { return Ok(()) };
        couch::login(&settings.address.base, &settings.user, password).await.map_err(SetupError::Couch)?;
        self.status.set(SyncStatus::Syncing);
        self.wake();
        Ok(())
    }

    /// Switches the sync off: this PC works alone again. No case stored here is touched; the
    /// server keeps its copy.
    pub fn disconnect(&self) {
        if let Some(settings) = self.settings.get_untracked() {
            spawn_local(async move { couch::logout(&settings.address.base).await });
        }
        prefs::remove(SETTINGS_KEY);
        prefs::remove(STATE_KEY);
        self.cases.clear_all_push_marks();
        self.settings.set(None);
        self.status.set(SyncStatus::Off);
        self.waiting.set(0);
        self.wake();
    }

    pub fn set_paused(&self, paused: bool) {
        let Some(mut settings) = self.settings.get_untracked() else { return };
        settings.paused = paused;
        prefs::set(SETTINGS_KEY, &settings);
        self.settings.set(Some(settings));
        self.wake();
    }

    /// "Sinkronkan sekarang".
    pub fn sync_now(&self) {
        if matches!(self.status.get_untracked(), SyncStatus::Failed { .. }) {
            self.status.set(SyncStatus::Syncing);
        }
        self.wake();
    }

    /// Recounts the cases waiting to be pushed (marked, or not yet through the first push).
    fn count_waiting(&self) {
        let state = load_state();
        let first = state.first_push_after.as_ref().map_or(0, |after| {
            self.cases.summaries.with_untracked(|all| all.iter().filter(|sm| sm.id.as_str() > after.as_str()).count())
        });
        let n = self.cases.marked_ids().len() + first;
        self.waiting.set(n);
        self.status.update(|st| match st {
            SyncStatus::Synced { .. } | SyncStatus::Waiting { .. } => {
                *st = if n > 0 { SyncStatus::Waiting { count: n } } else { SyncStatus::Synced { at_ms: clock::now_ms() } }
            }
            SyncStatus::Offline { .. } => *st = SyncStatus::Offline { waiting: n },
            _ => {}
        });
    }

    /// Ends the current wait or long poll, so the loop runs again at once.
    fn wake(&self) {
        let inner = self.inner.get_value();
        if let Some(c) = inner.abort.borrow_mut().take() {
            c.abort();
        }
        inner.sleep.wake();
    }

    fn start(&self) {
        let inner = self.inner.get_value();
        if inner.running.get() || self.settings.with_untracked(Option::is_none) {
            return;
        }
        inner.running.set(true);
        let sync = *self;
        spawn_local(async move {
            sync.run().await;
            sync.inner.get_value().running.set(false);
        });
    }

    async fn run(self) {
        let mut failures = 0usize;
        loop {
            let inner = self.inner.get_value();
            let Some(settings) = self.settings.get_untracked() else {
                self.status.set(SyncStatus::Off);
                return;
            };
            if settings.paused {
                self.status.set(SyncStatus::Paused);
                inner.sleep.sleep(UNTIL_WOKEN_MS).await;
                continue;
            }
            self.cases.ensure_loaded();
            if !couch::online() {
                self.count_waiting();
                self.status.set(SyncStatus::Offline { waiting: self.waiting.get_untracked() });
                inner.sleep.sleep(30_000).await;
                continue;
            }
            let round = self.round(&settings.address).await;
            if self.settings.with_untracked(|s| s.as_ref() != Some(&settings)) {
                // Disconnected, paused or set up again meanwhile: start over.
                continue;
            }
            match round {
                Ok(()) => {
                    failures = 0;
                    self.count_waiting();
                    let n = self.waiting.get_untracked();
                    self.status.set(if n == 0 { SyncStatus::Synced { at_ms: clock::now_ms() } } else { SyncStatus::Waiting { count: n } });
                    if n > 0 {
                        // A conflict waits for the other PC's version to arrive.
                        inner.sleep.sleep(BACKOFF_MS[0]).await;
                    } else if !inner.sleep.take_woken() {
                        // Caught up: wait for the server's next change, or one here.
                        match self.pull_page(&settings.address, true).await {
                            Ok(_) | Err(Stop::Couch(CouchError::Aborted)) => {}
                            Err(e) => self.fail(e, &mut failures).await,
                        }
                    }
                }
                Err(Stop::Couch(CouchError::Aborted)) => {}
                Err(e) => self.fail(e, &mut failures).await,
            }
        }
    }

    async fn fail(&self, e: Stop, failures: &mut usize) {
        let inner = self.inner.get_value();
        self.count_waiting();
        match e {
            Stop::Couch(CouchError::Unauthorized) => {
                self.status.set(SyncStatus::LoginNeeded);
                inner.sleep.sleep(UNTIL_WOKEN_MS).await;
                return;
            }
            Stop::Couch(CouchError::Unreachable) if !couch::online() => {
                self.status.set(SyncStatus::Offline { waiting: self.waiting.get_untracked() });
            }
            Stop::Couch(e) => {
                let (reason, full) = (e.short(), e.message());
                let hint = (full != reason).then_some(full);
                self.status.set(SyncStatus::Failed { reason, hint });
            }
            Stop::Storage(reason) => self.status.set(SyncStatus::Failed { reason, hint: None }),
        }
        let wait = BACKOFF_MS[(*failures).min(BACKOFF_MS.len() - 1)];
        *failures += 1;
        inner.sleep.sleep(wait).await;
    }

    /// One push and one pull, both to the end.
    async fn round(&self, address: &ServerAddress) -> Result<(), Stop> {
        self.status.set(SyncStatus::Syncing);
        self.push(address).await?;
        while self.pull_page(address, false).await? {}
        // What the pull merged, renumbered or found older on the server goes up at once.
        if !self.cases.marked_ids().is_empty() {
            self.push(address).await?;
        }
        Ok(())
    }

    /// Pushes the marked cases, then the rest of the first push.
    async fn push(&self, address: &ServerAddress) -> Result<(), Stop> {
        let mut marked = self.cases.marked_ids();
        marked.sort_unstable();
        for chunk in marked.chunks(BATCH) {
            self.push_batch(address, chunk).await?;
        }
        loop {
            let mut state = load_state();
            let batch = self.cases.summaries.with_untracked(|all| state.first_push_batch(all.iter().map(|sm| sm.id.as_str()), BATCH));
            if batch.is_empty() {
                if state.first_push_after.is_some() {
                    state.first_push_done_to(None);
                    save_state(&state);
                }
                return Ok(());
            }
            self.push_batch(address, &batch).await?;
            state.first_push_done_to(batch.last().map(String::as_str));
            save_state(&state);
            self.count_waiting();
        }
    }

    async fn push_batch(&self, address: &ServerAddress, ids: &[String]) -> Result<(), Stop> {
        let (cases, _) = self.cases.read_cases(ids);
        for id in ids.iter().filter(|id| !cases.iter().any(|c| &c.id == *id)) {
            self.cases.drop_push_mark(id);
        }
        if cases.is_empty() {
            return Ok(());
        }
        let doc_ids: Vec<String> = cases.iter().map(|c| doc_id(&c.uid)).collect();
        let url = format!("{}/_all_docs?include_docs=true", address.db_url());
        let remote = read_all_docs(&couch::request("POST", &url, Some(&all_docs_request(&doc_ids)), None).await?).map_err(protocol)?;

        // Reconciled first: the server's version taken in by the import rule, exactly as a
        // pull would, so what is pushed holds both.
        let mut theirs: Vec<(String, Case)> = Vec::new();
        let mut revs: Vec<(String, String)> = Vec::new();
        for r in &remote {
            if let Some(rev) = &r.rev {
                revs.push((r.id.clone(), rev.clone()));
            }
            let Some(doc) = &r.doc else { continue };
            match read_pulled(&Change { id: r.id.clone(), deleted: false, doc: Some(doc.clone()) }, catalogue()) {
                Pulled::Case(case) => theirs.push((r.id.clone(), case)),
                Pulled::Newer { id } => self.note_newer(id),
                Pulled::Quarantine { id, raw, reason } => self.put_aside(SetAside { id, reason, raw }),
                Pulled::Ignore => {}
            }
        }
        let taken = self.cases.take_pulled(theirs.iter().map(|(_, c)| c.clone()).collect());
        for t in taken {
            match t {
                TakenIn::Retry(reason) => return Err(Stop::Storage(reason)),
                TakenIn::Taken { renumbered } => self.tell_renumbered(renumbered),
                TakenIn::SetAside(_) => {}
            }
        }

        let lookup = self.cases.lookup();
        let mut docs: Vec<(Case, Value)> = Vec::new();
        for case in &cases {
            let id = doc_id(&case.uid);
            // Left alone: a newer app's document, or one this app cannot read.
            if self.newer_docs.with_untracked(|v| v.contains(&id)) || self.set_aside.with_untracked(|v| v.iter().any(|a| a.id == id)) {
                self.cases.clear_push_mark(case);
                continue;
            }
            // Read again only where the server's version was taken in (it may have changed
            // the case, or its number).
            let reconciled = theirs.iter().any(|(d, _)| *d == id);
            let now = if reconciled { lookup.case_by_uid(&case.id, &case.uid) } else { Some(case.clone()) };
            let Some(now) = now else { continue };
            if now.id != case.id {
                // Renumbered by the reconciling: the new id carries the mark.
                self.cases.drop_push_mark(&case.id);
            }
            if theirs.iter().any(|(d, c)| *d == id && *c == now) {
                self.cases.clear_push_mark(&now);
                continue;
            }
            let rev = revs.iter().find(|(d, _)| *d == id).map(|(_, r)| r.as_str());
            let doc = push_doc(&now, rev, catalogue());
            docs.push((now, doc));
        }
        if docs.is_empty() {
            return Ok(());
        }
        let body = serde_json::json!({ "docs": docs.iter().map(|(_, d)| d).collect::<Vec<_>>() });
        let answer = couch::request("POST", &format!("{}/_bulk_docs", address.db_url()), Some(&body), None).await?;
        let mut refused = None;
        for result in read_bulk_docs(&answer).map_err(protocol)? {
            match result {
                Pushed::Stored { id, .. } => {
                    if let Some((case, _)) = docs.iter().find(|(c, _)| doc_id(&c.uid) == id) {
                        self.cases.clear_push_mark(case);
                    }
                }
                // Someone wrote it meanwhile: marked (the first push marks nothing), so it goes
                // again after the pull brought their version.
                Pushed::Conflict { id } => self.remark(&docs, &id),
                Pushed::Refused { id, reason } => {
                    self.remark(&docs, &id);
                    refused = Some(reason);
                }
            }
        }
        match refused {
            Some(reason) => Err(Stop::Couch(CouchError::Http { status: 403, reason })),
            None => Ok(()),
        }
    }

    /// Keeps the case of document `id` marked, to push it again.
    fn remark(&self, docs: &[(Case, Value)], id: &str) {
        if let Some((case, _)) = docs.iter().find(|(c, _)| doc_id(&c.uid) == id) {
            self.cases.mark_for_push(&case.id);
        }
    }

    /// Takes in one page of the server's changes; true when there may be more.
    async fn pull_page(&self, address: &ServerAddress, long_poll: bool) -> Result<bool, Stop> {
        let since = load_state().since;
        let since = if since.is_empty() { "0".to_string() } else { since };
        let feed = if long_poll { format!("&feed=longpoll&timeout={LONGPOLL_MS}") } else { String::new() };
        let url = format!("{}/_changes?include_docs=true&limit={BATCH}&since={}{feed}", address.db_url(), encode(&since));
        let signal = if long_poll { self.abort_signal() } else { None };
        let body = couch::request("GET", &url, None, signal.as_ref()).await?;
        let page = read_changes(&body).map_err(protocol)?;
        let mut pulled: Vec<(String, Case)> = Vec::new();
        for change in &page.changes {
            match read_pulled(change, catalogue()) {
                Pulled::Case(case) => pulled.push((change.id.clone(), case)),
                Pulled::Quarantine { id, raw, reason } => self.put_aside(SetAside { id, reason, raw }),
                Pulled::Newer { id } => self.note_newer(id),
                Pulled::Ignore => {}
            }
        }
        let taken = self.cases.take_pulled(pulled.iter().map(|(_, c)| c.clone()).collect());
        for ((id, _), result) in pulled.iter().zip(&taken) {
            match result {
                TakenIn::Taken { renumbered } => {
                    self.take_back(id);
                    self.tell_renumbered(renumbered.clone());
                }
                TakenIn::SetAside(reason) => {
                    let raw = page.changes.iter().find(|c| &c.id == id).and_then(|c| c.doc.as_ref()).map(Value::to_string);
                    self.put_aside(SetAside { id: id.clone(), reason: reason.clone(), raw: raw.unwrap_or_default() });
                }
                // The checkpoint stays: the page comes again.
                TakenIn::Retry(reason) => return Err(Stop::Storage(reason.clone())),
            }
        }
        let mut state = load_state();
        let more = !long_poll && page.more_after(BATCH);
        state.since = page.last_seq;
        save_state(&state);
        Ok(more)
    }

    fn abort_signal(&self) -> Option<web_sys::AbortSignal> {
        let controller = couch::abort_controller()?;
        let signal = controller.signal();
        *self.inner.get_value().abort.borrow_mut() = Some(controller);
        Some(signal)
    }

    fn tell_renumbered(&self, messages: Vec<String>) {
        if !messages.is_empty() {
            self.renumbered.update(|v| v.extend(messages));
        }
    }

    fn note_newer(&self, id: String) {
        self.newer_docs.update(|v| {
            if !v.contains(&id) {
                v.push(id)
            }
        });
    }

    fn put_aside(&self, entry: SetAside) {
        self.set_aside.update(|v| {
            v.retain(|e| e.id != entry.id);
            v.push(entry);
        });
        prefs::set(SET_ASIDE_KEY, &self.set_aside.get_untracked());
    }

    /// A document set aside before is readable now (repaired on the server).
    fn take_back(&self, id: &str) {
        if self.set_aside.with_untracked(|v| v.iter().any(|e| e.id == id)) {
            self.set_aside.update(|v| v.retain(|e| e.id != id));
            prefs::set(SET_ASIDE_KEY, &self.set_aside.get_untracked());
        }
    }
}
