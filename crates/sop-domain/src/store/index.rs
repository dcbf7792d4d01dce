//! The case index: one compact summary per case, in shards by month of creation, so that the
//! list page starts, searches and filters without parsing any case value.

use std::cmp::Ordering;
use std::collections::{BTreeMap, HashSet};
use std::fmt;

use serde::de::{self, SeqAccess, Visitor};
use serde::ser::SerializeSeq;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::calendar::{WorkCalendar, WIB_OFFSET_MINUTES};
use crate::case::{step_standard_minutes, Case, CaseStatus};
use crate::catalogue::Sop;

use super::codec::{json_text, pack, status_code, status_from_code};
use super::{case_id_of_key, SaveError, Writes, CURRENT_SCHEMA, INDEX_KEY_PREFIX, META_KEY};

// ---------------------------------------------------------------------------------------------
// User-facing text (Bahasa Indonesia): why the fast start fell back to reading every case.
// ---------------------------------------------------------------------------------------------

fn msg_index_problem(p: &IndexProblem) -> String {
    match p {
        IndexProblem::Missing => "indeks belum ada".to_string(),
        IndexProblem::Unreadable { key } => format!("indeks \u{201c}{key}\u{201d} tidak dapat dibaca"),
        IndexProblem::Newer => "indeks ditulis oleh versi aplikasi yang lebih baru".to_string(),
        IndexProblem::Dirty => "indeks ditandai perlu disusun ulang".to_string(),
        IndexProblem::ShardsDiffer => "daftar bagian indeks tidak cocok".to_string(),
        IndexProblem::Duplicate { id } => format!("permohonan \u{201c}{id}\u{201d} tercatat dua kali dalam indeks"),
        IndexProblem::CasesDiffer { unindexed, vanished } => format!(
            "indeks tidak cocok dengan data permohonan ({unindexed} tidak terindeks, {vanished} tidak ada lagi)"
        ),
    }
}

// ---------------------------------------------------------------------------------------------
// Summaries.
// ---------------------------------------------------------------------------------------------

/// What the case list needs of one case. Times are whole seconds (in milliseconds).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CaseSummary {
    pub id: String,
    pub number: String,
    pub sop_id: String,
    pub applicant: String,
    pub subject: String,
    pub status: CaseStatus,
    /// The current step's index. The index is a cache that could be edited by hand: look the
    /// step up with `get`, never by indexing.
    pub current: Option<usize>,
    pub created_ms: i64,
    pub updated_ms: i64,
    pub revision: u64,
    /// A step already went over its mutu baku (in the time recorded so far).
    pub overdue: bool,
    /// When the running step goes over its mutu baku, if a step is running and has one.
    pub overdue_at_ms: Option<i64>,
    /// The numbers the case had before a renumbering: a printed document may carry one.
    pub previous_numbers: Vec<String>,
    /// Number, previous numbers, applicant and subject in lowercase, for search; derived, not
    /// stored.
    haystack: String,
}

impl CaseSummary {
    #[allow(clippy::too_many_arguments)]
    fn new(
        id: String,
        number: String,
        sop_id: String,
        applicant: String,
        subject: String,
        status: CaseStatus,
        current: Option<usize>,
        created_ms: i64,
        updated_ms: i64,
        revision: u64,
        overdue: bool,
        overdue_at_ms: Option<i64>,
        previous_numbers: Vec<String>,
    ) -> CaseSummary {
        let parts = std::iter::once(&number)
            .chain(&previous_numbers)
            .chain([&applicant, &subject]);
        let mut haystack = String::with_capacity(parts.clone().map(|p| p.len() + 1).sum());
        // One part per line: a query word never matches across two parts.
        for (i, part) in parts.enumerate() {
            if i > 0 {
                haystack.push('\n');
            }
            push_lowercase(&mut haystack, part);
        }
        CaseSummary {
            id,
            number,
            sop_id,
            applicant,
            subject,
            status,
            current,
            created_ms,
            updated_ms,
            revision,
            overdue,
            overdue_at_ms,
            previous_numbers,
            haystack,
        }
    }

    pub fn is_open(&self) -> bool {
        self.status.is_open()
    }

    /// "Melewati waktu baku" at `now_ms`: the same answer as `Case::case_overdue` for the case
    /// this summary was made from, without the case.
    pub fn is_overdue(&self, now_ms: i64) -> bool {
        self.overdue || self.overdue_at_ms.is_some_and(|t| now_ms >= t)
    }
}

/// Appends `text` in lowercase. Most names and numbers are ASCII, whose lowercase needs no
/// Unicode tables: that path makes decoding the index at start (10,000 summaries) markedly
/// faster in the bundle, and gives the same text.
fn push_lowercase(out: &mut String, text: &str) {
    if text.is_ascii() {
        let from = out.len();
        out.push_str(text);
        out[from..].make_ascii_lowercase();
    } else {
        out.extend(text.chars().flat_map(char::to_lowercase));
    }
}

fn floor_second(ms: i64) -> i64 {
    ms.div_euclid(1000) * 1000
}

fn ceil_second(ms: i64) -> i64 {
    floor_second(ms).saturating_add(if ms.rem_euclid(1000) == 0 { 0 } else { 1000 })
}

/// The summary of a case (`sop` is its SOP). Overdue is split into what is already settled
/// (closed intervals) and the moment the running step will go over, so that the list can
/// filter "melewati waktu baku" at any `now` with one comparison per case.
pub fn summarize(case: &Case, sop: &Sop, calendar: &WorkCalendar) -> CaseSummary {
    let mut overdue = false;
    let mut overdue_at: Option<i64> = None;
    for (i, rec) in case.steps.iter().enumerate() {
        let Some(max) = step_standard_minutes(sop, i) else {
            continue;
        };
        let closed: u64 = rec
            .intervals
            .iter()
            .filter(|iv| iv.end_ms.is_some())
            .map(|iv| iv.working_minutes(0, calendar))
            .sum();
        if closed > max {
            overdue = true;
        } else if let Some(open) = rec.open_interval() {
            // Over the standard once the open interval holds max - closed + 1 working
            // minutes: the first instant `working_minutes_between` reaches that.
            let start = calendar.utc_ms_to_local(open.start_ms);
            let due = calendar.add_working_minutes(start, max - closed + 1);
            let due_ms = ceil_second(calendar.local_to_utc_ms(due).max(open.start_ms));
            overdue_at = Some(overdue_at.map_or(due_ms, |t| t.min(due_ms)));
        }
    }
    CaseSummary::new(
        case.id.clone(),
        case.number.clone(),
        case.sop_id.clone(),
        case.applicant.clone(),
        case.subject.clone(),
        case.status,
        case.current,
        floor_second(case.created_ms),
        floor_second(case.updated_ms),
        case.revision,
        overdue,
        overdue_at,
        case.previous_numbers.clone(),
    )
}

/// Open cases first, then the most recent activity first; the number breaks ties, so the
/// order is total and stable across reloads.
pub fn list_order(a: &CaseSummary, b: &CaseSummary) -> Ordering {
    b.is_open()
        .cmp(&a.is_open())
        .then(b.updated_ms.cmp(&a.updated_ms))
        .then_with(|| b.id.cmp(&a.id))
}

pub fn sort_for_list(summaries: &mut [CaseSummary]) {
    summaries.sort_by(list_order);
}

// ---------------------------------------------------------------------------------------------
// Filtering.
// ---------------------------------------------------------------------------------------------

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum StatusFilter {
    #[default]
    All,
    Open,
    Closed,
    Only(CaseStatus),
}

/// The list page's search box and filters.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CaseFilter {
    /// Words that must all appear in the number (or a previous number), the applicant or the
    /// subject (case-insensitive).
    pub query: String,
    pub sop_id: Option<String>,
    pub status: StatusFilter,
    /// Only cases "melewati waktu baku" at `now_ms`.
    pub overdue_only: bool,
}

/// The summaries that pass `filter`, in their given order (keep `summaries` in list order).
pub fn filter_summaries<'a>(
    summaries: &'a [CaseSummary],
    filter: &CaseFilter,
    now_ms: i64,
) -> Vec<&'a CaseSummary> {
    let matches = filter.matcher(now_ms);
    summaries.iter().filter(|s| matches.test(s)).collect()
}

/// The positions in `summaries` of those that pass `filter`, in order: what a list that draws
/// only some rows keeps per keystroke, instead of a copy of every match.
pub fn filter_positions(summaries: &[CaseSummary], filter: &CaseFilter, now_ms: i64) -> Vec<usize> {
    let matches = filter.matcher(now_ms);
    summaries
        .iter()
        .enumerate()
        .filter(|(_, s)| matches.test(s))
        .map(|(i, _)| i)
        .collect()
}

impl CaseFilter {
    fn matcher(&self, now_ms: i64) -> Matcher<'_> {
        let query = self.query.to_lowercase();
        Matcher {
            filter: self,
            words: query.split_whitespace().map(str::to_string).collect(),
            now_ms,
        }
    }
}

/// A filter with its query split into lowercase words once, not once per case.
struct Matcher<'f> {
    filter: &'f CaseFilter,
    words: Vec<String>,
    now_ms: i64,
}

impl Matcher<'_> {
    fn test(&self, s: &CaseSummary) -> bool {
        let f = self.filter;
        let status_ok = match f.status {
            StatusFilter::All => true,
            StatusFilter::Open => s.is_open(),
            StatusFilter::Closed => !s.is_open(),
            StatusFilter::Only(st) => s.status == st,
        };
        status_ok
            && f.sop_id.as_ref().is_none_or(|id| *id == s.sop_id)
            && (!f.overdue_only || s.is_overdue(self.now_ms))
            && self.words.iter().all(|w| s.haystack.contains(w.as_str()))
    }
}

// ---------------------------------------------------------------------------------------------
// Shards: `{"v":3,"c":[row,…]}` (packed), a row being
// [id, number, sop_id, applicant, subject, status, current|-1, created_s, updated_s - created_s,
//  revision, overdue 0|1, overdue_at_s|null, [previous number, …]], trailing defaults (no
// overdue time, no previous numbers) left out. v2 rows are the same without previous numbers.
// ---------------------------------------------------------------------------------------------

/// The shard a case belongs to: its month of creation in WIB, "2026-11". Only a partition
/// (any fixed rule works), so the fixed offset is used rather than the calendar's.
pub fn shard_of_ms(created_ms: i64) -> String {
    let local = created_ms.saturating_add(i64::from(WIB_OFFSET_MINUTES) * 60_000);
    match chrono::DateTime::from_timestamp_millis(local) {
        Some(t) => t.format("%Y-%m").to_string(),
        None => "0000-00".to_string(),
    }
}

pub fn shard_key(month: &str) -> String {
    format!("{INDEX_KEY_PREFIX}{month}")
}

/// The key of the shard holding the summary of a case created at `created_ms`: read its value
/// before [`super::plan_save`] or [`super::plan_remove`].
pub fn shard_key_for(created_ms: i64) -> String {
    shard_key(&shard_of_ms(created_ms))
}

struct Row<'a>(&'a CaseSummary);

impl Serialize for Row<'_> {
    fn serialize<S: Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        let s = self.0;
        let mut seq = ser.serialize_seq(None)?;
        seq.serialize_element(&s.id)?;
        seq.serialize_element(&s.number)?;
        seq.serialize_element(&s.sop_id)?;
        seq.serialize_element(&s.applicant)?;
        seq.serialize_element(&s.subject)?;
        seq.serialize_element(&status_code(s.status))?;
        seq.serialize_element(&s.current.map_or(-1, |c| c as i64))?;
        let created_s = s.created_ms.div_euclid(1000);
        seq.serialize_element(&created_s)?;
        seq.serialize_element(&s.updated_ms.div_euclid(1000).wrapping_sub(created_s))?;
        seq.serialize_element(&s.revision)?;
        seq.serialize_element(&u8::from(s.overdue))?;
        let overdue_at = s.overdue_at_ms.map(|t| t.div_euclid(1000));
        if overdue_at.is_some() || !s.previous_numbers.is_empty() {
            seq.serialize_element(&overdue_at)?;
        }
        if !s.previous_numbers.is_empty() {
            seq.serialize_element(&s.previous_numbers)?;
        }
        seq.end()
    }
}

struct OwnedRow(CaseSummary);

impl<'de> Deserialize<'de> for OwnedRow {
    fn deserialize<D: Deserializer<'de>>(de: D) -> Result<Self, D::Error> {
        de.deserialize_seq(RowVisitor)
    }
}

struct RowVisitor;

impl<'de> Visitor<'de> for RowVisitor {
    type Value = OwnedRow;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a case summary row")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<OwnedRow, A::Error> {
        fn next<'de, T: Deserialize<'de>, A: SeqAccess<'de>>(
            seq: &mut A,
            i: usize,
        ) -> Result<T, A::Error> {
            seq.next_element()?
                .ok_or_else(|| de::Error::invalid_length(i, &"11 to 13 fields"))
        }
        let id: String = next(&mut seq, 0)?;
        let number: String = next(&mut seq, 1)?;
        let sop_id: String = next(&mut seq, 2)?;
        let applicant: String = next(&mut seq, 3)?;
        let subject: String = next(&mut seq, 4)?;
        let status = status_from_code(next(&mut seq, 5)?)
            .ok_or_else(|| de::Error::custom("unknown status"))?;
        let current: i64 = next(&mut seq, 6)?;
        let created_s: i64 = next(&mut seq, 7)?;
        let updated_rel: i64 = next(&mut seq, 8)?;
        let revision: u64 = next(&mut seq, 9)?;
        let overdue: u8 = next(&mut seq, 10)?;
        let overdue_at: Option<i64> = seq.next_element::<Option<i64>>()?.flatten();
        let previous_numbers: Vec<String> = seq.next_element()?.unwrap_or_default();
        if seq.next_element::<de::IgnoredAny>()?.is_some() {
            return Err(de::Error::invalid_length(14, &"11 to 13 fields"));
        }
        let ms = |s: i64| {
            s.checked_mul(1000)
                .ok_or_else(|| de::Error::custom("time out of range"))
        };
        Ok(OwnedRow(CaseSummary::new(
            id,
            number,
            sop_id,
            applicant,
            subject,
            status,
            usize::try_from(current).ok(),
            ms(created_s)?,
            ms(created_s.wrapping_add(updated_rel))?,
            revision,
            overdue != 0,
            overdue_at.map(ms).transpose()?,
            previous_numbers,
        )))
    }
}

#[derive(Deserialize)]
struct ShardIn {
    v: u64,
    c: Vec<OwnedRow>,
}

#[derive(Serialize)]
struct ShardOut<'a> {
    v: u32,
    c: Vec<Row<'a>>,
}

/// A shard's stored value: packed like the cases (it halves the index's share of the quota;
/// unpacking costs far less than parsing).
pub(super) fn encode_shard(rows: &[CaseSummary]) -> String {
    let out = ShardOut {
        v: CURRENT_SCHEMA,
        c: rows.iter().map(Row).collect(),
    };
    pack(&serde_json::to_string(&out).unwrap_or_default())
}

enum ShardRead {
    Rows(Vec<CaseSummary>),
    Newer,
    Unreadable,
}

fn decode_shard(raw: &str) -> ShardRead {
    #[derive(Deserialize)]
    struct VersionOnly {
        v: u64,
    }
    let Ok(text) = json_text(raw) else {
        return ShardRead::Unreadable;
    };
    let raw = text.as_ref();
    match serde_json::from_str::<ShardIn>(raw) {
        Ok(s) if s.v == u64::from(CURRENT_SCHEMA) => {
            ShardRead::Rows(s.c.into_iter().map(|r| r.0).collect())
        }
        Ok(s) if s.v > u64::from(CURRENT_SCHEMA) => ShardRead::Newer,
        Ok(_) => ShardRead::Unreadable,
        Err(_) => match serde_json::from_str::<VersionOnly>(raw) {
            Ok(v) if v.v > u64::from(CURRENT_SCHEMA) => ShardRead::Newer,
            _ => ShardRead::Unreadable,
        },
    }
}

/// The rows of a stored shard about to be rewritten, and whether it could be read.
pub(super) fn read_shard_for_update(stored: Option<&str>) -> (Vec<CaseSummary>, bool) {
    match stored.map(decode_shard) {
        None => (Vec::new(), true),
        Some(ShardRead::Rows(rows)) => (rows, true),
        Some(_) => (Vec::new(), false),
    }
}

// ---------------------------------------------------------------------------------------------
// Meta.
// ---------------------------------------------------------------------------------------------

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
struct Meta {
    v: u64,
    shards: Vec<String>,
    #[serde(default)]
    quarantined: Vec<String>,
    /// Set when a save could not read a shard: the next start rebuilds the index.
    #[serde(default)]
    dirty: bool,
}

enum MetaRead {
    Meta(Meta),
    Newer,
    Unreadable,
}

fn decode_meta(raw: &str) -> MetaRead {
    let Ok(value) = serde_json::from_str::<serde_json::Value>(raw) else {
        return MetaRead::Unreadable;
    };
    match value.get("v").and_then(|v| v.as_u64()) {
        Some(v) if v > u64::from(CURRENT_SCHEMA) => MetaRead::Newer,
        Some(v) if v == u64::from(CURRENT_SCHEMA) => match serde_json::from_value::<Meta>(value) {
            Ok(m) => MetaRead::Meta(m),
            Err(_) => MetaRead::Unreadable,
        },
        _ => MetaRead::Unreadable,
    }
}

fn encode_meta(meta: &Meta) -> String {
    serde_json::to_string(meta).unwrap_or_default()
}

/// The new meta value after a save into `month`, or `None` when it does not change.
pub(super) fn meta_after_save(
    stored: Option<&str>,
    month: &str,
    mark_dirty: bool,
) -> Result<Option<String>, SaveError> {
    let (mut meta, changed) = match stored.map(decode_meta) {
        None => (Meta::default(), true),
        Some(MetaRead::Meta(m)) => (m, false),
        Some(MetaRead::Newer) => return Err(SaveError::NewerData),
        Some(MetaRead::Unreadable) => (
            Meta {
                dirty: true,
                ..Meta::default()
            },
            true,
        ),
    };
    meta.v = u64::from(CURRENT_SCHEMA);
    let mut changed = changed;
    if !meta.shards.iter().any(|s| s == month) {
        meta.shards.push(month.to_string());
        meta.shards.sort();
        changed = true;
    }
    if mark_dirty && !meta.dirty {
        meta.dirty = true;
        changed = true;
    }
    Ok(changed.then(|| encode_meta(&meta)))
}

/// The new meta value after the shard `month` became empty and was removed.
pub(super) fn meta_after_remove(
    stored: Option<&str>,
    month: &str,
    mark_dirty: bool,
) -> Result<Option<String>, SaveError> {
    let mut meta = match stored.map(decode_meta) {
        None => Meta::default(),
        Some(MetaRead::Meta(m)) => m,
        Some(MetaRead::Newer) => return Err(SaveError::NewerData),
        Some(MetaRead::Unreadable) => Meta {
            dirty: true,
            ..Meta::default()
        },
    };
    meta.v = u64::from(CURRENT_SCHEMA);
    meta.shards.retain(|s| s != month);
    meta.dirty |= mark_dirty;
    Ok(Some(encode_meta(&meta)))
}

// ---------------------------------------------------------------------------------------------
// Loading the index alone (the fast start) and checking it against the cases (full load).
// ---------------------------------------------------------------------------------------------

/// Why the fast start could not trust the index; the app then calls `load_all`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IndexProblem {
    Missing,
    Unreadable {
        key: String,
    },
    Newer,
    Dirty,
    ShardsDiffer,
    Duplicate {
        id: String,
    },
    /// `unindexed` case keys have no summary; `vanished` summaries have no case key.
    CasesDiffer {
        unindexed: usize,
        vanished: usize,
    },
}

impl fmt::Display for IndexProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&msg_index_problem(self))
    }
}

impl std::error::Error for IndexProblem {}

/// The case list from the index alone.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct IndexLoad {
    /// In list order.
    pub summaries: Vec<CaseSummary>,
    /// Case keys whose values could not be read at the last full load.
    pub quarantined_keys: Vec<String>,
}

/// The fast start: the summaries from the meta and the shards (every `lsk:index:` entry),
/// trusted only if the meta is current and clean, the shards are the ones it lists, and the
/// ids they hold (plus the known quarantined keys) are exactly the case keys present (listing
/// keys reads no value). A stale summary of a case saved by another tab mid-write is not
/// detected here; the app refreshes a summary whenever it opens the case.
pub fn load_index<K, V, C>(
    meta_raw: Option<&str>,
    shards: impl IntoIterator<Item = (K, V)>,
    case_keys: impl IntoIterator<Item = C>,
) -> Result<IndexLoad, IndexProblem>
where
    K: AsRef<str>,
    V: AsRef<str>,
    C: AsRef<str>,
{
    let meta = match meta_raw.map(decode_meta) {
        None => return Err(IndexProblem::Missing),
        Some(MetaRead::Newer) => return Err(IndexProblem::Newer),
        Some(MetaRead::Unreadable) => {
            return Err(IndexProblem::Unreadable {
                key: META_KEY.to_string(),
            })
        }
        Some(MetaRead::Meta(m)) => m,
    };
    if meta.dirty {
        return Err(IndexProblem::Dirty);
    }
    let mut summaries = Vec::new();
    let mut seen_shards = Vec::new();
    for (key, raw) in shards {
        let key = key.as_ref();
        let month = key.strip_prefix(INDEX_KEY_PREFIX).unwrap_or(key);
        seen_shards.push(month.to_string());
        match decode_shard(raw.as_ref()) {
            ShardRead::Rows(rows) => summaries.extend(rows),
            ShardRead::Newer => return Err(IndexProblem::Newer),
            ShardRead::Unreadable => {
                return Err(IndexProblem::Unreadable {
                    key: key.to_string(),
                })
            }
        }
    }
    seen_shards.sort();
    let mut listed = meta.shards.clone();
    listed.sort();
    if seen_shards != listed {
        return Err(IndexProblem::ShardsDiffer);
    }
    let mut expected: HashSet<&str> =
        HashSet::with_capacity(summaries.len() + meta.quarantined.len());
    for s in &summaries {
        if !expected.insert(s.id.as_str()) {
            return Err(IndexProblem::Duplicate { id: s.id.clone() });
        }
    }
    for q in &meta.quarantined {
        if let Some(id) = case_id_of_key(q) {
            expected.insert(id);
        }
    }
    let keys: Vec<C> = case_keys.into_iter().collect();
    let mut present = 0usize;
    let mut unindexed = 0usize;
    for k in &keys {
        match case_id_of_key(k.as_ref()) {
            Some(id) if expected.contains(id) => present += 1,
            Some(_) => unindexed += 1,
            None => {}
        }
    }
    if present != expected.len() || unindexed > 0 {
        return Err(IndexProblem::CasesDiffer {
            unindexed,
            vanished: expected.len().saturating_sub(present),
        });
    }
    sort_for_list(&mut summaries);
    Ok(IndexLoad {
        summaries,
        quarantined_keys: meta.quarantined,
    })
}

pub(super) enum StoredIndex {
    Matches,
    Differs,
    Newer,
}

/// Whether the stored index describes exactly `summaries` (the cases as read) and
/// `quarantined` (the keys that could not be read), each summary in its month's shard.
pub(super) fn compare_stored_index(
    meta_raw: Option<&str>,
    shards: &[(String, String)],
    summaries: &[CaseSummary],
    quarantined: &[&str],
) -> StoredIndex {
    let meta = match meta_raw.map(decode_meta) {
        None if shards.is_empty() && summaries.is_empty() && quarantined.is_empty() => {
            return StoredIndex::Matches
        }
        None | Some(MetaRead::Unreadable) => return StoredIndex::Differs,
        Some(MetaRead::Newer) => return StoredIndex::Newer,
        Some(MetaRead::Meta(m)) => m,
    };
    let mut stored: Vec<CaseSummary> = Vec::with_capacity(summaries.len());
    let mut months: Vec<&str> = Vec::with_capacity(shards.len());
    for (key, raw) in shards {
        let month = key.strip_prefix(INDEX_KEY_PREFIX).unwrap_or(key);
        months.push(month);
        match decode_shard(raw) {
            ShardRead::Rows(rows) => {
                if rows.iter().any(|r| shard_of_ms(r.created_ms) != month) {
                    return StoredIndex::Differs;
                }
                stored.extend(rows);
            }
            ShardRead::Newer => return StoredIndex::Newer,
            ShardRead::Unreadable => return StoredIndex::Differs,
        }
    }
    months.sort_unstable();
    let mut listed: Vec<&str> = meta.shards.iter().map(String::as_str).collect();
    listed.sort_unstable();
    let mut meta_q: Vec<&str> = meta.quarantined.iter().map(String::as_str).collect();
    meta_q.sort_unstable();
    let mut actual_q = quarantined.to_vec();
    actual_q.sort_unstable();
    if meta.dirty || months != listed || meta_q != actual_q || stored.len() != summaries.len() {
        return StoredIndex::Differs;
    }
    let mut want: Vec<&CaseSummary> = summaries.iter().collect();
    want.sort_by(|a, b| a.id.cmp(&b.id));
    stored.sort_by(|a, b| a.id.cmp(&b.id));
    if stored.iter().zip(want).all(|(a, b)| a == b) {
        StoredIndex::Matches
    } else {
        StoredIndex::Differs
    }
}

/// The writes of a whole new index: every shard, the meta, and the removal of shards that
/// no longer hold a case.
pub(super) fn rebuild(
    summaries: &[CaseSummary],
    quarantined: &[&str],
    old_shards: &[(String, String)],
) -> Writes {
    let mut by_month: BTreeMap<String, Vec<CaseSummary>> = BTreeMap::new();
    for s in summaries {
        by_month
            .entry(shard_of_ms(s.created_ms))
            .or_default()
            .push(s.clone());
    }
    let mut writes = Writes::default();
    for (month, rows) in &by_month {
        writes.set.push((shard_key(month), encode_shard(rows)));
    }
    let mut q: Vec<String> = quarantined.iter().map(|k| k.to_string()).collect();
    q.sort();
    let meta = Meta {
        v: u64::from(CURRENT_SCHEMA),
        shards: by_month.keys().cloned().collect(),
        quarantined: q,
        dirty: false,
    };
    writes.set.push((META_KEY.to_string(), encode_meta(&meta)));
    for (key, _) in old_shards {
        let month = key.strip_prefix(INDEX_KEY_PREFIX).unwrap_or(key);
        if !by_month.contains_key(month) {
            writes.remove.push(key.clone());
        }
    }
    writes
}
