//! Syncing the case book with a CouchDB database — optional, switched on by an administrator.
//! localStorage stays the source of truth on every PC; the sync pushes the cases changed here
//! and pulls what changed there, with CouchDB's own protocol (`_changes` with a checkpoint,
//! `_all_docs`, `_bulk_docs`, revisions).
//!
//! The pure parts live here: which server addresses are allowed, the bookkeeping a PC keeps
//! (the checkpoint and the cases waiting to be pushed), and what the server's answers mean.
//! Deciding between two versions of a case is the import rule's (`store::decide_import`,
//! `merge::compare_versions`, `merge::merge_cases`); the fetching is the staff app's.

use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use crate::case::Case;
use crate::catalogue::Catalogue;
use crate::store::{case_to_doc, doc_to_case, DocError};

// ---------------------------------------------------------------------------------------------
// The server's address.
// ---------------------------------------------------------------------------------------------

/// Where the office's CouchDB is: its address without a trailing slash (a path prefix behind a
/// reverse proxy is allowed) and the database.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServerAddress {
    pub base: String,
    pub db: String,
}

impl ServerAddress {
    /// The database's address, `{base}/{db}`.
    pub fn db_url(&self) -> String {
        format!("{}/{}", self.base, self.db)
    }

    /// The server's origin (scheme, host, port), as a browser's CORS check names it.
    pub fn origin(&self) -> &str {
        let after = self.base.find("://").map_or(0, |i| i + 3);
        let end = self.base[after..].find('/').map_or(self.base.len(), |i| after + i);
        &self.base[..end]
    }
}

/// Why a server address or database name is refused (Indonesian `Display`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AddressError {
    Empty,
    NotHttp,
    /// Plain `http://` to another machine: names and contacts of citizens would cross the
    /// network readable by anyone on the way.
    PlainHttp { host: String },
    HasQuery,
    BadDatabase { name: String },
}

impl std::fmt::Display for AddressError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            AddressError::Empty => f.write_str("Isi alamat server CouchDB dan nama basis datanya."),
            AddressError::NotHttp => f.write_str("Alamat server harus diawali https:// (contoh: https://couchdb.katingankab.go.id)."),
            AddressError::PlainHttp { host } => write!(
                f,
                "Alamat http:// ke \u{201c}{host}\u{201d} ditolak: data pemohon (nama, kontak) akan terkirim tanpa enkripsi. Gunakan https://; http:// hanya boleh untuk server di komputer ini sendiri (localhost)."
            ),
            AddressError::HasQuery => f.write_str("Alamat server tidak boleh memuat ? atau #; tulis alamat server saja."),
            AddressError::BadDatabase { name } => write!(
                f,
                "Nama basis data \u{201c}{name}\u{201d} tidak sah: diawali huruf kecil, lalu huruf kecil, angka atau _ $ ( ) + - / (aturan CouchDB)."
            ),
        }
    }
}

impl std::error::Error for AddressError {}

const LOOPBACK_HOSTS: [&str; 3] = ["localhost", "127.0.0.1", "[::1]"];

/// Checks and normalises the address an administrator types.
pub fn parse_address(url: &str, db: &str) -> Result<ServerAddress, AddressError> {
    let url = url.trim();
    let db = db.trim();
    if url.is_empty() || db.is_empty() {
        return Err(AddressError::Empty);
    }
    let lower = url.to_ascii_lowercase();
    let (secure, rest) = if let Some(rest) = lower.strip_prefix("https://") {
        (true, rest)
    } else if let Some(rest) = lower.strip_prefix("http://") {
        (false, rest)
    } else {
        return Err(AddressError::NotHttp);
    };
    if url.contains(['?', '#']) {
        return Err(AddressError::HasQuery);
    }
    let host_port = rest.split('/').next().unwrap_or_default();
    let host = if host_port.starts_with('[') {
        host_port.split_inclusive(']').next().unwrap_or(host_port)
    } else {
        host_port.split(':').next().unwrap_or(host_port)
    };
    if host.is_empty() {
        return Err(AddressError::NotHttp);
    }
    if !secure && !LOOPBACK_HOSTS.contains(&host) {
        return Err(AddressError::PlainHttp { host: host.to_string() });
    }
    let valid_db = db.len() <= 238
        && db.starts_with(|c: char| c.is_ascii_lowercase())
        && db.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "_$()+-/".contains(c));
    if !valid_db {
        return Err(AddressError::BadDatabase { name: db.to_string() });
    }
    Ok(ServerAddress {
        base: url.trim_end_matches('/').to_string(),
        // A `/` in a database name travels encoded in its URL.
        db: db.replace('/', "%2F"),
    })
}

// ---------------------------------------------------------------------------------------------
// What a PC keeps.
// ---------------------------------------------------------------------------------------------

/// The sync's bookkeeping on one PC: the checkpoint of the server's changes already taken in
/// (CouchDB's `last_seq`, opaque) and, while the first push of an existing case book runs,
/// how far it got. The cases changed since their last push are marked one key each
/// ([`push_mark_key`]), not listed here: a mark is written in the same batch as the case, so
/// two tabs saving at once cannot lose each other's marks as they could in one shared list.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SyncState {
    #[serde(default)]
    pub since: String,
    /// `Some(after)`: every case whose id sorts after `after` still waits for its first push
    /// (`Some("")`: all of them). Resumes where a dropped connection stopped it.
    #[serde(default)]
    pub first_push_after: Option<String>,
}

impl SyncState {
    /// The state of a PC just connected: nothing pulled yet, every case stored here to push.
    pub fn connected() -> SyncState {
        SyncState { since: String::new(), first_push_after: Some(String::new()) }
    }

    /// The next ids of the first push, at most `limit`, from `ids` (any order).
    pub fn first_push_batch<'a>(&self, ids: impl IntoIterator<Item = &'a str>, limit: usize) -> Vec<String> {
        let Some(after) = &self.first_push_after else { return Vec::new() };
        let mut next: Vec<&str> = ids.into_iter().filter(|id| *id > after.as_str()).collect();
        next.sort_unstable();
        next.truncate(limit);
        next.into_iter().map(str::to_string).collect()
    }

    /// The first push has handled every id up to `last` (the end when `None`).
    pub fn first_push_done_to(&mut self, last: Option<&str>) {
        self.first_push_after = last.map(str::to_string);
    }
}

/// The storage key marking the case `case_id` as changed here since its last push. Outside
/// the case and index prefixes, so loading the store never reads it as a case.
pub const PUSH_MARK_PREFIX: &str = "lsk:sync:push:";

pub fn push_mark_key(case_id: &str) -> String {
    format!("{PUSH_MARK_PREFIX}{case_id}")
}

/// The case id a mark key names.
pub fn marked_case_id(key: &str) -> Option<&str> {
    key.strip_prefix(PUSH_MARK_PREFIX).filter(|id| !id.is_empty())
}

/// The mark's value names the version saved: a push clears the mark only if no later save
/// replaced it meanwhile (that one still has to go).
pub fn push_mark_value(case: &Case) -> String {
    format!("{}@{}", case.revision, case.updated_ms)
}

/// A change the server reported: the document (when it exists and was asked for).
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    pub id: String,
    pub deleted: bool,
    pub doc: Option<Value>,
}

/// One page of `_changes`.
#[derive(Clone, Debug, PartialEq)]
pub struct Changes {
    pub changes: Vec<Change>,
    /// The checkpoint to ask from next time.
    pub last_seq: String,
    /// How many changes are left after this page (CouchDB 2+ says; PouchDB Server does not).
    pub pending: Option<u64>,
}

impl Changes {
    /// Whether another page may follow, for a page asked with `limit`.
    pub fn more_after(&self, limit: usize) -> bool {
        match self.pending {
            Some(n) => n > 0,
            None => self.changes.len() >= limit,
        }
    }
}

/// A server answer that is not what CouchDB sends (a proxy's page, a truncated body).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProtocolError(pub String);

impl std::fmt::Display for ProtocolError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Jawaban server tidak seperti CouchDB ({})", self.0)
    }
}

/// `last_seq` and `seq` are numbers in CouchDB 1 and PouchDB Server, strings in CouchDB 2+.
fn seq_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// Reads a `_changes` answer (`include_docs=true`).
pub fn read_changes(body: &Value) -> Result<Changes, ProtocolError> {
    let results = body
        .get("results")
        .and_then(Value::as_array)
        .ok_or_else(|| ProtocolError("tanpa results".into()))?;
    let last_seq = body
        .get("last_seq")
        .and_then(seq_text)
        .ok_or_else(|| ProtocolError("tanpa last_seq".into()))?;
    let changes = results
        .iter()
        .filter_map(|r| {
            let id = r.get("id")?.as_str()?.to_string();
            Some(Change {
                deleted: r.get("deleted").and_then(Value::as_bool).unwrap_or(false),
                doc: r.get("doc").filter(|d| d.is_object()).cloned(),
                id,
            })
        })
        .collect();
    let pending = body.get("pending").and_then(Value::as_u64);
    Ok(Changes { changes, last_seq, pending })
}

/// What a pulled document is for this PC.
#[derive(Clone, Debug, PartialEq)]
pub enum Pulled {
    /// A case to take in (the import rule decides how).
    Case(Case),
    /// Not ours to read: a design document, another type, a deletion.
    Ignore,
    /// Written by a newer app: kept on the server untouched; this PC leaves it alone.
    Newer { id: String },
    /// Unreadable: set aside on this PC with its text and reason; the others still sync.
    Quarantine { id: String, raw: String, reason: String },
}

/// What a changed document means here.
pub fn read_pulled(change: &Change, catalogue: &Catalogue) -> Pulled {
    if change.deleted || change.id.starts_with('_') {
        return Pulled::Ignore;
    }
    let Some(doc) = &change.doc else { return Pulled::Ignore };
    match doc_to_case(doc, catalogue) {
        Ok(case) => Pulled::Case(case),
        Err(DocError::NotACase) => Pulled::Ignore,
        Err(DocError::FutureSchema { .. }) => Pulled::Newer { id: change.id.clone() },
        Err(e) => Pulled::Quarantine {
            id: change.id.clone(),
            raw: serde_json::to_string(doc).unwrap_or_default(),
            reason: e.to_string(),
        },
    }
}

/// The document to push for `case`, over the server's revision `rev` (none for a new one).
pub fn push_doc(case: &Case, rev: Option<&str>, catalogue: &Catalogue) -> Value {
    let mut doc = case_to_doc(case, catalogue);
    if let (Some(rev), Some(map)) = (rev, doc.as_object_mut()) {
        map.insert("_rev".into(), Value::String(rev.to_string()));
    }
    doc
}

/// The body of `_all_docs` for these document ids.
pub fn all_docs_request(doc_ids: &[String]) -> Value {
    json!({ "keys": doc_ids })
}

/// A row of `_all_docs?include_docs=true`: the document and its revision, or none.
#[derive(Clone, Debug, PartialEq)]
pub struct Remote {
    pub id: String,
    pub rev: Option<String>,
    pub doc: Option<Value>,
}

/// Reads `_all_docs?include_docs=true` (a deleted document counts as none, but its revision
/// is kept: writing over it needs it).
pub fn read_all_docs(body: &Value) -> Result<Vec<Remote>, ProtocolError> {
    let rows = body
        .get("rows")
        .and_then(Value::as_array)
        .ok_or_else(|| ProtocolError("tanpa rows".into()))?;
    Ok(rows
        .iter()
        .filter_map(|r| {
            let id = r.get("key")?.as_str()?.to_string();
            let rev = r.pointer("/value/rev").and_then(Value::as_str).map(str::to_string);
            let deleted = r.pointer("/value/deleted").and_then(Value::as_bool).unwrap_or(false);
            let doc = r.get("doc").filter(|d| d.is_object() && !deleted).cloned();
            Some(Remote { id, rev, doc })
        })
        .collect())
}

/// What the server did with one pushed document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Pushed {
    Stored { id: String, rev: String },
    /// Someone wrote it meanwhile: pull, merge, push again.
    Conflict { id: String },
    Refused { id: String, reason: String },
}

/// Reads `_bulk_docs`' answer, one entry per pushed document.
pub fn read_bulk_docs(body: &Value) -> Result<Vec<Pushed>, ProtocolError> {
    let rows = body.as_array().ok_or_else(|| ProtocolError("bukan daftar".into()))?;
    Ok(rows
        .iter()
        .filter_map(|r| {
            let id = r.get("id")?.as_str()?.to_string();
            Some(match (r.get("rev").and_then(Value::as_str), r.get("error").and_then(Value::as_str)) {
                (Some(rev), None) => Pushed::Stored { id, rev: rev.to_string() },
                (_, Some("conflict")) => Pushed::Conflict { id },
                (_, err) => Pushed::Refused {
                    reason: r.get("reason").and_then(Value::as_str).or(err).unwrap_or("?").to_string(),
                    id,
                },
            })
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn https_anywhere_plain_http_only_on_this_computer() {
        let a = parse_address(" https://couch.katingankab.go.id/ ", "kasus").unwrap();
        assert_eq!(a.db_url(), "https://couch.katingankab.go.id/kasus");
        assert_eq!(a.origin(), "https://couch.katingankab.go.id");
        let proxied = parse_address("https://dinas.go.id/couch", "kasus").unwrap();
        assert_eq!(proxied.db_url(), "https://dinas.go.id/couch/kasus");
        assert_eq!(proxied.origin(), "https://dinas.go.id");
        assert!(parse_address("http://localhost:5984", "kasus").is_ok());
        assert!(parse_address("http://127.0.0.1:5984", "kasus").is_ok());
        assert!(parse_address("http://[::1]:5984", "kasus").is_ok());
        assert_eq!(
            parse_address("http://10.0.0.5:5984", "kasus"),
            Err(AddressError::PlainHttp { host: "10.0.0.5".into() })
        );
        assert_eq!(
            parse_address("http://localhost.attacker.example", "kasus"),
            Err(AddressError::PlainHttp { host: "localhost.attacker.example".into() })
        );
        assert_eq!(parse_address("couch.go.id", "kasus"), Err(AddressError::NotHttp));
        assert_eq!(parse_address("https://c.go.id/?x=1", "kasus"), Err(AddressError::HasQuery));
        assert_eq!(parse_address("", "kasus"), Err(AddressError::Empty));
        assert!(matches!(parse_address("https://c.go.id", "Kasus"), Err(AddressError::BadDatabase { .. })));
        assert!(matches!(parse_address("https://c.go.id", "1kasus"), Err(AddressError::BadDatabase { .. })));
        assert_eq!(parse_address("https://c.go.id", "dinas/kasus").unwrap().db, "dinas%2Fkasus");
        // The messages say what to do, in Indonesian.
        assert!(AddressError::PlainHttp { host: "10.0.0.5".into() }.to_string().contains("https://"));
    }

    #[test]
    fn changes_read_numeric_and_string_sequences() {
        let couch2 = json!({"results": [{"seq": "3-g1A", "id": "permohonan:abc", "changes": [{"rev": "1-x"}],
            "doc": {"_id": "permohonan:abc"}}, {"seq": "4-g1B", "id": "x", "deleted": true, "changes": []}],
            "last_seq": "4-g1B", "pending": 0});
        let c = read_changes(&couch2).unwrap();
        assert_eq!(c.last_seq, "4-g1B");
        assert_eq!(c.changes.len(), 2);
        assert!(c.changes[1].deleted);
        assert_eq!(c.pending, Some(0));
        assert!(!c.more_after(2));
        let pouch = json!({"results": [], "last_seq": 17});
        let p = read_changes(&pouch).unwrap();
        assert_eq!(p.last_seq, "17");
        assert_eq!(p.pending, None);
        assert!(!p.more_after(100));
        let full_page = Changes { changes: c.changes.clone(), last_seq: "9".into(), pending: None };
        assert!(full_page.more_after(2), "without `pending`, a full page may have a next one");
        let told = Changes { pending: Some(3), ..full_page };
        assert!(told.more_after(100));
        assert!(read_changes(&json!({"error": "unauthorized"})).is_err());
    }

    #[test]
    fn bulk_results_and_all_docs_rows() {
        let bulk = json!([{"ok": true, "id": "a", "rev": "2-b"}, {"id": "b", "error": "conflict", "reason": "Document update conflict."},
            {"id": "c", "error": "forbidden", "reason": "hanya petugas"}]);
        assert_eq!(
            read_bulk_docs(&bulk).unwrap(),
            vec![
                Pushed::Stored { id: "a".into(), rev: "2-b".into() },
                Pushed::Conflict { id: "b".into() },
                Pushed::Refused { id: "c".into(), reason: "hanya petugas".into() },
            ]
        );
        let rows = json!({"rows": [{"key": "a", "id": "a", "value": {"rev": "1-a"}, "doc": {"_id": "a"}},
            {"key": "b", "error": "not_found"}, {"key": "d", "id": "d", "value": {"rev": "3-d", "deleted": true}, "doc": null}]});
        let r = read_all_docs(&rows).unwrap();
        assert_eq!(r[0].rev.as_deref(), Some("1-a"));
        assert!(r[0].doc.is_some());
        assert_eq!(r[1], Remote { id: "b".into(), rev: None, doc: None });
        assert_eq!(r[2].rev.as_deref(), Some("3-d"));
        assert!(r[2].doc.is_none());
    }

    #[test]
    fn the_first_push_walks_the_ids_in_order_and_resumes() {
        let ids = ["JHT-0003", "AK1-0001", "JHT-0001", "PKB-0002"];
        let mut state = SyncState::connected();
        let batch = state.first_push_batch(ids, 2);
        assert_eq!(batch, vec!["AK1-0001", "JHT-0001"]);
        state.first_push_done_to(batch.last().map(String::as_str));
        // A case created meanwhile with a smaller id is pushed through its own mark.
        let batch = state.first_push_batch(ids.into_iter().chain(["AAA-0001"]), 2);
        assert_eq!(batch, vec!["JHT-0003", "PKB-0002"]);
        state.first_push_done_to(None);
        assert!(state.first_push_batch(ids, 2).is_empty());
        // The state survives storage in its JSON form; an older form without the field reads.
        let back: SyncState = serde_json::from_str(&serde_json::to_string(&state).unwrap()).unwrap();
        assert_eq!(back, state);
        let old: SyncState = serde_json::from_str(r#"{"since":"12"}"#).unwrap();
        assert_eq!(old.first_push_after, None);
    }

    #[test]
    fn marks_name_the_case_and_the_version() {
        let key = push_mark_key("JHT-0008-XII-2026");
        assert_eq!(marked_case_id(&key), Some("JHT-0008-XII-2026"));
        assert_eq!(marked_case_id("lsk:case:JHT-0008-XII-2026"), None);
        assert_eq!(marked_case_id(PUSH_MARK_PREFIX), None);
        assert!(!key.starts_with(crate::store::CASE_KEY_PREFIX) && !key.starts_with(crate::store::INDEX_KEY_PREFIX));
    }
}
