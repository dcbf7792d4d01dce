//! The stored form of one case: schema v1 (verbose JSON, read only, migrated), schema v2
//! (compact JSON, read only, migrated) and schema v3 (v2 plus the case's uid and renumbering,
//! packed for localStorage). The format is described in `store/mod.rs`.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::case::{
    derived_uid, is_valid_uid, numbers_in_history, replay_step_records, AuditEntry, AuditKind,
    Case, CaseStatus, Interval, Note, StepRecord, StepStatus,
};
use crate::catalogue::{Answer, Catalogue, Target};

use super::{DecodeError, CASE_KEY_PREFIX, CURRENT_SCHEMA};

// ---------------------------------------------------------------------------------------------
// User-facing text (Bahasa Indonesia): why a stored value could not be read, shown next to the
// quarantined value as "isian “<field>” <problem>".
// ---------------------------------------------------------------------------------------------

pub(super) const NOT_AN_OBJECT: &str = "bukan objek JSON";
pub(super) const NOT_TEXT: &str = "bukan teks";
pub(super) const MISSING: &str = "tidak ada";
pub(super) const TOO_MANY_STEPS: &str = "terlalu banyak langkah";
pub(super) const NOT_AN_INTEGER: &str = "bukan bilangan bulat";
pub(super) const NOT_AN_INDEX: &str = "bukan nomor urut yang sah";
pub(super) const NOT_A_LIST: &str = "bukan daftar";
const TIME_OUT_OF_RANGE: &str = "waktu di luar jangkauan";
pub(super) const UNKNOWN_KEY: &str = "tidak dikenal (ditulis oleh versi lain?)";
const UNKNOWN_TIME_UNIT: &str = "satuan waktu tidak dikenal";
pub(super) const UNKNOWN_STATUS: &str = "status tidak dikenal";
pub(super) const UNKNOWN_STEP_STATUS: &str = "status langkah tidak dikenal";
const WRONG_LENGTH: &str = "jumlah isian salah";
pub(super) const UNKNOWN_AUDIT_KIND: &str = "jenis riwayat tidak dikenal";
const NO_SUCH_ACTOR: &str = "petugas tidak ada";
const STEP_OUT_OF_RANGE: &str = "langkah di luar jangkauan";
const RECORDS_COUNT_DIFFERS: &str = "jumlah langkah tidak cocok dengan q";
const BAD_INTERVAL: &str = "selang waktu salah";
const BAD_VISITS: &str = "jumlah kunjungan salah";
pub(super) const UNKNOWN_ANSWER: &str = "jawaban tidak dikenal";
const BAD_CHECKLIST: &str = "butir kelengkapan salah";
const RECORDS_HALF_WRITTEN: &str = "sx dan cn harus ada bersama";

fn msg_not_schema_1(detail: &str) -> String {
    format!("tidak sesuai format skema 1 (rincian teknis: {detail})")
}

fn msg_bad_id(id: &str) -> String {
    format!(
        "\u{201c}{id}\u{201d} bukan kode permohonan yang sah (huruf kecil, angka dan tanda hubung)"
    )
}

fn msg_unknown_sop(sop_id: &str) -> String {
    format!("SOP \u{201c}{sop_id}\u{201d} tidak ada dalam katalog")
}

fn msg_step_count(recorded: usize, sop_id: &str, in_sop: usize) -> String {
    format!("tercatat {recorded} langkah, sedangkan SOP \u{201c}{sop_id}\u{201d} memiliki {in_sop} langkah")
}

fn msg_current_out_of_range(index: usize) -> String {
    format!(
        "langkah saat ini (urutan ke-{}) di luar jangkauan SOP",
        index + 1
    )
}

const MSG_OPEN_WITHOUT_CURRENT: &str = "permohonan berjalan tanpa langkah saat ini";
const MSG_CLOSED_WITH_CURRENT: &str =
    "permohonan yang sudah ditutup masih memiliki langkah saat ini";

fn msg_running_not_current(index: usize) -> String {
    format!(
        "langkah urutan ke-{} berjalan padahal bukan langkah saat ini",
        index + 1
    )
}

fn msg_no_such_item(item: u16) -> String {
    format!(
        "butir kelengkapan ke-{} tidak ada pada SOP",
        u32::from(item) + 1
    )
}

fn msg_bad_uid(uid: &str) -> String {
    format!("\u{201c}{uid}\u{201d} bukan kode unik permohonan yang sah")
}

fn msg_audit_out_of_range(entry: usize) -> String {
    format!(
        "riwayat ke-{} menyebut langkah atau butir di luar jangkauan SOP",
        entry + 1
    )
}

/// A stored value that starts with this was packed by [`pack`] (seven-bit ASCII in 15-bit code
/// units); anything else must be plain JSON.
pub const PACKED_PREFIX: &str = "~7";

/// The first code unit of the packed alphabet. `BASE..BASE + 0x8000` stays below the surrogates
/// (U+D800), so every packed unit is one UTF-16 code unit and a valid `char`.
const PACK_BASE: u32 = 0x4000;

/// No SOP has more steps than this; a larger count in a stored value is corruption, and the
/// cap keeps a hostile value from allocating without bound.
const MAX_STEPS: usize = 1_000;

// ---------------------------------------------------------------------------------------------
// Packing.
// ---------------------------------------------------------------------------------------------

/// Packs ASCII JSON seven bits per character into 15-bit code units: about 2.1 characters per
/// UTF-16 code unit, which is what localStorage's quota counts. Non-ASCII characters are first
/// written as JSON `\uXXXX` escapes, so the input to the bit packing is always ASCII.
pub fn pack(json: &str) -> String {
    let mut out = String::with_capacity(PACKED_PREFIX.len() + json.len() / 2 * 3 + 3);
    out.push_str(PACKED_PREFIX);
    let mut acc: u32 = 0;
    let mut bits: u32 = 0;
    let mut push7 = |b: u8, out: &mut String| {
        acc = (acc << 7) | u32::from(b);
        bits += 7;
        if bits >= 15 {
            bits -= 15;
            let unit = (acc >> bits) & 0x7FFF;
            out.push(char::from_u32(PACK_BASE + unit).unwrap_or('\u{FFFD}'));
            acc &= (1 << bits) - 1;
        }
    };
    let mut buf = [0u16; 2];
    for c in json.chars() {
        if c.is_ascii() {
            push7(c as u8, &mut out);
        } else {
            for unit in c.encode_utf16(&mut buf) {
                for b in format!("\\u{unit:04x}").bytes() {
                    push7(b, &mut out);
                }
            }
        }
    }
    if bits > 0 {
        let unit = (acc << (15 - bits)) & 0x7FFF;
        out.push(char::from_u32(PACK_BASE + unit).unwrap_or('\u{FFFD}'));
    }
    out
}

/// The JSON text packed by [`pack`] (the part after [`PACKED_PREFIX`]). The zero bits that
/// pad the last unit read as NUL characters, which JSON text never holds, so they are dropped.
pub fn unpack(packed: &str) -> Result<String, DecodeError> {
    let mut out = Vec::with_capacity(packed.len());
    let mut acc: u32 = 0;
    let mut bits: u32 = 0;
    for c in packed.chars() {
        let v = u32::from(c)
            .checked_sub(PACK_BASE)
            .filter(|v| *v < 0x8000)
            .ok_or(DecodeError::Packing)?;
        acc = (acc << 15) | v;
        bits += 15;
        while bits >= 7 {
            bits -= 7;
            out.push(((acc >> bits) & 0x7F) as u8);
        }
        acc &= (1 << bits) - 1;
    }
    while out.last() == Some(&0) {
        out.pop();
    }
    if out.contains(&0) {
        return Err(DecodeError::Packing);
    }
    // Seven-bit values are ASCII, so this cannot fail; the error keeps it panic-free.
    String::from_utf8(out).map_err(|_| DecodeError::Packing)
}

// ---------------------------------------------------------------------------------------------
// Decoding any version.
// ---------------------------------------------------------------------------------------------

/// The JSON text of a stored value (unpacked if packed; plain JSON is accepted too).
pub(super) fn json_text(raw: &str) -> Result<std::borrow::Cow<'_, str>, DecodeError> {
    match raw.strip_prefix(PACKED_PREFIX) {
        Some(packed) => unpack(packed).map(std::borrow::Cow::Owned),
        None => Ok(std::borrow::Cow::Borrowed(raw)),
    }
}

/// The schema version of a parsed value: `"v"` (v2 and later) or `"schema"` (v1).
pub(super) fn version_of(value: &Value) -> Result<u64, DecodeError> {
    let obj = value.as_object().ok_or_else(|| field("", NOT_AN_OBJECT))?;
    obj.get("v")
        .or_else(|| obj.get("schema"))
        .ok_or(DecodeError::NoVersion)?
        .as_u64()
        .ok_or(DecodeError::NoVersion)
}

pub(super) fn parse_json(text: &str) -> Result<Value, DecodeError> {
    serde_json::from_str(text).map_err(|e| DecodeError::Json {
        detail: e.to_string(),
    })
}

/// A case from its storage key and stored value, of any known schema version. The result
/// says which version it was read from, so that the caller can rewrite older ones.
pub(super) fn decode_stored(key: &str, raw: &str) -> Result<(Case, u64), DecodeError> {
    let id = key
        .strip_prefix(CASE_KEY_PREFIX)
        .filter(|id| !id.is_empty())
        .ok_or_else(|| DecodeError::NotACaseKey {
            key: key.to_string(),
        })?;
    let text = json_text(raw)?;
    let value = parse_json(&text)?;
    let version = version_of(&value)?;
    let case = decode_versioned(value, version, Some(id))?;
    Ok((case, version))
}

/// A case from a parsed value of schema `version`. `id` is known from the storage key (v2 and
/// v3 values leave it out) or read from the value (files, v1).
pub(super) fn decode_versioned(
    value: Value,
    version: u64,
    id: Option<&str>,
) -> Result<Case, DecodeError> {
    match version {
        1 => {
            let case = v1_decode(value)?;
            match id {
                Some(id) if id != case.id => Err(DecodeError::IdMismatch {
                    key_id: id.to_string(),
                    value_id: case.id,
                }),
                _ => Ok(case),
            }
        }
        2 | 3 => {
            let obj = value.as_object().ok_or_else(|| field("", NOT_AN_OBJECT))?;
            let id = match (id, obj.get("id")) {
                (Some(id), None) => id.to_string(),
                (Some(id), Some(v)) => {
                    let value_id = v.as_str().ok_or_else(|| field("id", NOT_TEXT))?;
                    if value_id != id {
                        return Err(DecodeError::IdMismatch {
                            key_id: id.to_string(),
                            value_id: value_id.to_string(),
                        });
                    }
                    id.to_string()
                }
                (None, Some(v)) => v.as_str().ok_or_else(|| field("id", NOT_TEXT))?.to_string(),
                (None, None) => return Err(field("id", MISSING)),
            };
            compact_decode(obj, id, version)
        }
        v if v > u64::from(CURRENT_SCHEMA) => Err(DecodeError::FutureVersion { found: v }),
        v => Err(DecodeError::UnknownVersion { found: v }),
    }
}

fn field(path: &str, problem: &str) -> DecodeError {
    DecodeError::Field {
        path: path.to_string(),
        problem: problem.to_string(),
    }
}

// ---------------------------------------------------------------------------------------------
// Schema v1: the straightforward verbose JSON of the case, `{"schema": 1, "case": {...}}`.
// Frozen here (never change these types: stored values and files in this form must keep
// reading); only read, then migrated to the current model.
// ---------------------------------------------------------------------------------------------

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct V1Envelope {
    schema: u32,
    case: V1Case,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct V1Case {
    id: String,
    number: String,
    sop_id: String,
    applicant: String,
    contact: String,
    subject: String,
    notes: String,
    created_ms: i64,
    updated_ms: i64,
    revision: u64,
    status: V1Status,
    current: Option<usize>,
    steps: Vec<V1Step>,
    case_notes: Vec<V1Note>,
    audit: Vec<V1Audit>,
    cancel_reason: Option<String>,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum V1Status {
    Berjalan,
    Selesai,
    Ditolak,
    Dibatalkan,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct V1Step {
    status: V1StepStatus,
    visits: u32,
    intervals: Vec<V1Interval>,
    answer: Option<V1Answer>,
    checklist: Vec<u16>,
    notes: Vec<V1Note>,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum V1StepStatus {
    Pending,
    Running,
    Paused,
    Done,
    Skipped,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct V1Interval {
    start_ms: i64,
    end_ms: Option<i64>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct V1Note {
    at_ms: i64,
    actor: String,
    text: String,
}

#[derive(Clone, Copy, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum V1Answer {
    Yes,
    No,
}

#[derive(Clone, Copy, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum V1Target {
    Step(usize),
    Rejected,
    Done,
}

#[derive(Clone, Copy, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum V1Kind {
    Create,
    Start,
    Pause,
    Resume,
    Finish,
    Decide,
    Note,
    Tick,
    Cancel,
    Edit,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct V1Audit {
    at_ms: i64,
    actor: String,
    kind: V1Kind,
    step: Option<usize>,
    /// `finish`, `decide`: where the case went.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    to: Option<V1Target>,
    /// `decide`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    answer: Option<V1Answer>,
    /// `tick`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    item: Option<u16>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    ticked: Option<bool>,
    detail: String,
}

fn v1_decode(value: Value) -> Result<Case, DecodeError> {
    let env: V1Envelope = serde_json::from_value(value).map_err(|e| DecodeError::Field {
        path: "case".to_string(),
        problem: msg_not_schema_1(&e.to_string()),
    })?;
    let c = env.case;
    if c.steps.len() > MAX_STEPS {
        return Err(field("case.steps", TOO_MANY_STEPS));
    }
    let note = |n: V1Note| Note {
        at_ms: n.at_ms,
        actor: n.actor,
        text: n.text,
    };
    let answer = |a: V1Answer| match a {
        V1Answer::Yes => Answer::Yes,
        V1Answer::No => Answer::No,
    };
    let target = |t: V1Target| match t {
        V1Target::Step(i) => Target::Step(i),
        V1Target::Rejected => Target::Rejected,
        V1Target::Done => Target::Done,
    };
    let mut audit = Vec::with_capacity(c.audit.len());
    for (i, e) in c.audit.into_iter().enumerate() {
        let missing = |what: &str| field(&format!("case.audit[{i}].{what}"), MISSING);
        let kind = match e.kind {
            V1Kind::Create => AuditKind::Create,
            V1Kind::Start => AuditKind::Start,
            V1Kind::Pause => AuditKind::Pause,
            V1Kind::Resume => AuditKind::Resume,
            V1Kind::Finish => AuditKind::Finish {
                to: target(e.to.ok_or_else(|| missing("to"))?),
            },
            V1Kind::Decide => AuditKind::Decide {
                answer: answer(e.answer.ok_or_else(|| missing("answer"))?),
                to: target(e.to.ok_or_else(|| missing("to"))?),
            },
            V1Kind::Note => AuditKind::Note,
            V1Kind::Tick => AuditKind::Tick {
                item: e.item.ok_or_else(|| missing("item"))?,
                ticked: e.ticked.ok_or_else(|| missing("ticked"))?,
            },
            V1Kind::Cancel => AuditKind::Cancel,
            V1Kind::Edit => AuditKind::Edit,
        };
        audit.push(AuditEntry {
            at_ms: e.at_ms,
            actor: e.actor,
            kind,
            step: e.step,
            detail: e.detail,
            no_effect: false,
        });
    }
    Ok(Case {
        uid: derived_uid(&c.id, c.created_ms),
        previous_numbers: Vec::new(),
        id: c.id,
        number: c.number,
        sop_id: c.sop_id,
        applicant: c.applicant,
        contact: c.contact,
        subject: c.subject,
        notes: c.notes,
        created_ms: c.created_ms,
        updated_ms: c.updated_ms,
        revision: c.revision,
        status: match c.status {
            V1Status::Berjalan => CaseStatus::Berjalan,
            V1Status::Selesai => CaseStatus::Selesai,
            V1Status::Ditolak => CaseStatus::Ditolak,
            V1Status::Dibatalkan => CaseStatus::Dibatalkan,
        },
        current: c.current,
        steps: c
            .steps
            .into_iter()
            .map(|s| StepRecord {
                status: match s.status {
                    V1StepStatus::Pending => StepStatus::Pending,
                    V1StepStatus::Running => StepStatus::Running,
                    V1StepStatus::Paused => StepStatus::Paused,
                    V1StepStatus::Done => StepStatus::Done,
                    V1StepStatus::Skipped => StepStatus::Skipped,
                },
                visits: s.visits,
                intervals: s
                    .intervals
                    .into_iter()
                    .map(|i| Interval {
                        start_ms: i.start_ms,
                        end_ms: i.end_ms,
                    })
                    .collect(),
                answer: s.answer.map(answer),
                checklist: s.checklist,
                notes: s.notes.into_iter().map(note).collect(),
            })
            .collect(),
        case_notes: c.case_notes.into_iter().map(note).collect(),
        audit,
        cancel_reason: c.cancel_reason,
    })
}

/// The v1 form of a case. Only tests and tools need it (to produce old values for migration
/// tests); the app never writes v1. A v1 value has no room for a uid (reading it derives one),
/// a renumbering or a merge (written as edits with the same detail) nor for the no-effect
/// mark of an entry (dropped).
pub fn encode_case_v1(case: &Case) -> String {
    let note = |n: &Note| V1Note {
        at_ms: n.at_ms,
        actor: n.actor.clone(),
        text: n.text.clone(),
    };
    let answer = |a: Answer| match a {
        Answer::Yes => V1Answer::Yes,
        Answer::No => V1Answer::No,
    };
    let target = |t: Target| match t {
        Target::Step(i) => V1Target::Step(i),
        Target::Rejected => V1Target::Rejected,
        Target::Done => V1Target::Done,
    };
    let env = V1Envelope {
        schema: 1,
        case: V1Case {
            id: case.id.clone(),
            number: case.number.clone(),
            sop_id: case.sop_id.clone(),
            applicant: case.applicant.clone(),
            contact: case.contact.clone(),
            subject: case.subject.clone(),
            notes: case.notes.clone(),
            created_ms: case.created_ms,
            updated_ms: case.updated_ms,
            revision: case.revision,
            status: match case.status {
                CaseStatus::Berjalan => V1Status::Berjalan,
                CaseStatus::Selesai => V1Status::Selesai,
                CaseStatus::Ditolak => V1Status::Ditolak,
                CaseStatus::Dibatalkan => V1Status::Dibatalkan,
            },
            current: case.current,
            steps: case
                .steps
                .iter()
                .map(|s| V1Step {
                    status: match s.status {
                        StepStatus::Pending => V1StepStatus::Pending,
                        StepStatus::Running => V1StepStatus::Running,
                        StepStatus::Paused => V1StepStatus::Paused,
                        StepStatus::Done => V1StepStatus::Done,
                        StepStatus::Skipped => V1StepStatus::Skipped,
                    },
                    visits: s.visits,
                    intervals: s
                        .intervals
                        .iter()
                        .map(|i| V1Interval {
                            start_ms: i.start_ms,
                            end_ms: i.end_ms,
                        })
                        .collect(),
                    answer: s.answer.map(answer),
                    checklist: s.checklist.clone(),
                    notes: s.notes.iter().map(note).collect(),
                })
                .collect(),
            case_notes: case.case_notes.iter().map(note).collect(),
            audit: case
                .audit
                .iter()
                .map(|e| {
                    let (kind, to, ans, item, ticked) = match e.kind {
                        AuditKind::Create => (V1Kind::Create, None, None, None, None),
                        AuditKind::Start => (V1Kind::Start, None, None, None, None),
                        AuditKind::Pause => (V1Kind::Pause, None, None, None, None),
                        AuditKind::Resume => (V1Kind::Resume, None, None, None, None),
                        AuditKind::Finish { to } => {
                            (V1Kind::Finish, Some(target(to)), None, None, None)
                        }
                        AuditKind::Decide { answer: a, to } => (
                            V1Kind::Decide,
                            Some(target(to)),
                            Some(answer(a)),
                            None,
                            None,
                        ),
                        AuditKind::Note => (V1Kind::Note, None, None, None, None),
                        AuditKind::Tick { item, ticked } => {
                            (V1Kind::Tick, None, None, Some(item), Some(ticked))
                        }
                        AuditKind::Cancel => (V1Kind::Cancel, None, None, None, None),
                        AuditKind::Edit | AuditKind::Renumbered | AuditKind::Merged => {
                            (V1Kind::Edit, None, None, None, None)
                        }
                    };
                    V1Audit {
                        at_ms: e.at_ms,
                        actor: e.actor.clone(),
                        kind,
                        step: e.step,
                        to,
                        answer: ans,
                        item,
                        ticked,
                        detail: e.detail.clone(),
                    }
                })
                .collect(),
            cancel_reason: case.cancel_reason.clone(),
        },
    };
    serde_json::to_string(&env).unwrap_or_default()
}

// ---------------------------------------------------------------------------------------------
// Schemas v2 and v3: compact JSON (see the table in `store/mod.rs`). v3 is v2 plus the keys
// `o` and `h` and the log kind `u`; a v2 value holding any of them is not one v2 wrote.
// ---------------------------------------------------------------------------------------------

const STATUS_CODES: [(CaseStatus, u64); 4] = [
    (CaseStatus::Berjalan, 0),
    (CaseStatus::Selesai, 1),
    (CaseStatus::Ditolak, 2),
    (CaseStatus::Dibatalkan, 3),
];

const STEP_CODES: [(StepStatus, char); 5] = [
    (StepStatus::Pending, 'p'),
    (StepStatus::Running, 'r'),
    (StepStatus::Paused, 'j'),
    (StepStatus::Done, 'd'),
    (StepStatus::Skipped, 'l'),
];

/// Keys a v2 value may hold; any other key means a newer writer, and the value is kept
/// untouched rather than read partially.
const V2_KEYS: [&str; 20] = [
    "v", "id", "n", "s", "a", "k", "p", "x", "u", "c", "m", "r", "z", "i", "q", "w", "l", "sx",
    "cn", "cr",
];
/// What v3 added: the uid (left out when it is the one [`derived_uid`] gives) and the
/// previous numbers (left out when the log's renumberings give them).
const V3_KEYS: [&str; 2] = ["o", "h"];
const CANCEL_KEY: &str = "cr";

pub(super) fn status_code(s: CaseStatus) -> u64 {
    STATUS_CODES
        .iter()
        .find(|(st, _)| *st == s)
        .map_or(0, |(_, c)| *c)
}

pub(super) fn status_from_code(c: u64) -> Option<CaseStatus> {
    STATUS_CODES
        .iter()
        .find(|(_, code)| *code == c)
        .map(|(s, _)| *s)
}

fn target_suffix(t: Target) -> String {
    match t {
        Target::Step(i) => format!(">{i}"),
        Target::Rejected => "x".to_string(),
        Target::Done => ".".to_string(),
    }
}

fn parse_target(s: &str) -> Option<Target> {
    match s {
        "x" => Some(Target::Rejected),
        "." => Some(Target::Done),
        _ => s.strip_prefix('>')?.parse().ok().map(Target::Step),
    }
}

/// Where a plain step's finish goes unless the log says otherwise.
fn natural_finish(step: Option<usize>, steps: usize) -> Option<Target> {
    step.map(|s| {
        if s + 1 < steps {
            Target::Step(s + 1)
        } else {
            Target::Done
        }
    })
}

fn kind_token(kind: &AuditKind, step: Option<usize>, steps: usize) -> String {
    match *kind {
        AuditKind::Create => "c".into(),
        AuditKind::Start => "s".into(),
        AuditKind::Pause => "p".into(),
        AuditKind::Resume => "r".into(),
        AuditKind::Finish { to } if natural_finish(step, steps) == Some(to) => "f".into(),
        AuditKind::Finish { to } => format!("f{}", target_suffix(to)),
        AuditKind::Decide {
            answer: Answer::Yes,
            to,
        } => format!("y{}", target_suffix(to)),
        AuditKind::Decide {
            answer: Answer::No,
            to,
        } => format!("n{}", target_suffix(to)),
        AuditKind::Note => "k".into(),
        AuditKind::Tick { item, ticked: true } => format!("t+{item}"),
        AuditKind::Tick {
            item,
            ticked: false,
        } => format!("t-{item}"),
        AuditKind::Cancel => "b".into(),
        AuditKind::Edit => "e".into(),
        AuditKind::Renumbered => "u".into(),
        AuditKind::Merged => "g".into(),
    }
}

/// Marks the token of an entry kept without effect (`AuditEntry::no_effect`): "!f".
const NO_EFFECT_MARK: char = '!';

fn parse_token(token: &str, step: Option<usize>, steps: usize, version: u64) -> Option<AuditKind> {
    let mut chars = token.chars();
    let head = chars.next()?;
    let rest = chars.as_str();
    let kind = match (head, rest) {
        ('c', "") => AuditKind::Create,
        ('s', "") => AuditKind::Start,
        ('p', "") => AuditKind::Pause,
        ('r', "") => AuditKind::Resume,
        ('f', "") => AuditKind::Finish {
            to: natural_finish(step, steps)?,
        },
        ('f', t) => AuditKind::Finish {
            to: parse_target(t)?,
        },
        ('y', t) => AuditKind::Decide {
            answer: Answer::Yes,
            to: parse_target(t)?,
        },
        ('n', t) => AuditKind::Decide {
            answer: Answer::No,
            to: parse_target(t)?,
        },
        ('k', "") => AuditKind::Note,
        ('t', t) => {
            let (ticked, item) = match t.split_at_checked(1)? {
                ("+", item) => (true, item),
                ("-", item) => (false, item),
                _ => return None,
            };
            AuditKind::Tick {
                item: item.parse().ok()?,
                ticked,
            }
        }
        ('b', "") => AuditKind::Cancel,
        ('e', "") => AuditKind::Edit,
        ('u', "") if version >= 3 => AuditKind::Renumbered,
        ('g', "") if version >= 3 => AuditKind::Merged,
        _ => return None,
    };
    Some(kind)
}

/// The time unit of a case: whole seconds when every timestamp allows it (cases made by
/// `apply` always do), else milliseconds, so that the encoding is lossless for any case.
fn time_unit(case: &Case) -> i64 {
    let whole = |t: i64| t % 1000 == 0;
    let notes_whole = |ns: &[Note]| ns.iter().all(|n| whole(n.at_ms));
    let all_whole = whole(case.created_ms)
        && whole(case.updated_ms)
        && case.audit.iter().all(|e| whole(e.at_ms))
        && notes_whole(&case.case_notes)
        && case.steps.iter().all(|s| {
            notes_whole(&s.notes)
                && s.intervals
                    .iter()
                    .all(|i| whole(i.start_ms) && i.end_ms.is_none_or(whole))
        });
    if all_whole {
        1000
    } else {
        1
    }
}

/// The compact (v3) JSON object of a case; with `with_id` for files (in storage the key holds
/// the id).
pub(super) fn compact_encode<'c>(case: &'c Case, with_id: bool) -> Map<String, Value> {
    let unit = time_unit(case);
    let created = case.created_ms / unit;
    let rel = |t: i64| Value::from((t / unit).wrapping_sub(created));
    let mut actors: Vec<&'c str> = Vec::new();
    let mut actor_index = |name: &'c str| -> usize {
        match actors.iter().position(|a| *a == name) {
            Some(i) => i,
            None => {
                actors.push(name);
                actors.len() - 1
            }
        }
    };
    let n = case.steps.len();
    let mut rows = Vec::with_capacity(case.audit.len());
    let mut prev_actor = 0usize;
    let mut prev_at = created;
    for e in &case.audit {
        let at = e.at_ms / unit;
        let actor = actor_index(&e.actor);
        let mut row = vec![
            Value::from(if e.no_effect {
                format!("{NO_EFFECT_MARK}{}", kind_token(&e.kind, e.step, n))
            } else {
                kind_token(&e.kind, e.step, n)
            }),
            Value::from(at.wrapping_sub(prev_at)),
        ];
        prev_at = at;
        let actor_changed = actor != prev_actor;
        let has_detail = !e.detail.is_empty() || actor_changed;
        if e.step.is_some() || has_detail {
            row.push(e.step.map_or(Value::from(-1), Value::from));
        }
        if has_detail {
            row.push(Value::from(e.detail.as_str()));
        }
        if actor_changed {
            row.push(Value::from(actor));
            prev_actor = actor;
        }
        rows.push(Value::Array(row));
    }

    let mut m = Map::new();
    m.insert("v".into(), Value::from(CURRENT_SCHEMA));
    if with_id {
        m.insert("id".into(), Value::from(case.id.as_str()));
    }
    m.insert("n".into(), Value::from(case.number.as_str()));
    if case.uid != derived_uid(&case.id, case.created_ms) {
        m.insert("o".into(), Value::from(case.uid.as_str()));
    }
    if case.previous_numbers != numbers_in_history(&case.audit, &case.number) {
        m.insert("h".into(), Value::from(case.previous_numbers.clone()));
    }
    m.insert("s".into(), Value::from(case.sop_id.as_str()));
    m.insert("a".into(), Value::from(case.applicant.as_str()));
    for (key, text) in [
        ("k", &case.contact),
        ("p", &case.subject),
        ("x", &case.notes),
    ] {
        if !text.is_empty() {
            m.insert(key.into(), Value::from(text.as_str()));
        }
    }
    if unit != 1000 {
        m.insert("u".into(), Value::from(unit));
    }
    m.insert("c".into(), Value::from(created));
    m.insert("m".into(), rel(case.updated_ms));
    m.insert("r".into(), Value::from(case.revision));
    m.insert("z".into(), Value::from(status_code(case.status)));
    if let Some(i) = case.current {
        m.insert("i".into(), Value::from(i));
    }
    let q: String = case
        .steps
        .iter()
        .map(|s| {
            STEP_CODES
                .iter()
                .find(|(st, _)| *st == s.status)
                .map_or('p', |(_, c)| *c)
        })
        .collect();
    m.insert("q".into(), Value::from(q));
    m.insert("l".into(), Value::Array(rows));

    // The per-step records are left out when the log reproduces them (it always does for
    // cases made by `apply`); otherwise they are written in full, so nothing is lost.
    let replayed = replay_step_records(&case.audit, n);
    let reproduces = replayed.as_ref().is_some_and(|(records, case_notes)| {
        *case_notes == case.case_notes
            && records.iter().zip(&case.steps).all(|(r, s)| {
                r.visits == s.visits
                    && r.intervals == s.intervals
                    && r.answer == s.answer
                    && r.checklist == s.checklist
                    && r.notes == s.notes
            })
    });
    if !reproduces {
        let mut note_row = |n: &'c Note| {
            Value::Array(vec![
                rel(n.at_ms),
                Value::from(actor_index(&n.actor)),
                Value::from(n.text.as_str()),
            ])
        };
        let sx: Vec<Value> = case
            .steps
            .iter()
            .map(|s| {
                let intervals: Vec<Value> = s
                    .intervals
                    .iter()
                    .map(|i| Value::Array(vec![rel(i.start_ms), i.end_ms.map_or(Value::Null, rel)]))
                    .collect();
                Value::Array(vec![
                    Value::from(s.visits),
                    Value::Array(intervals),
                    match s.answer {
                        Some(Answer::Yes) => Value::from("y"),
                        Some(Answer::No) => Value::from("n"),
                        None => Value::Null,
                    },
                    Value::from(s.checklist.clone()),
                    Value::Array(s.notes.iter().map(&mut note_row).collect()),
                ])
            })
            .collect();
        let cn: Vec<Value> = case.case_notes.iter().map(&mut note_row).collect();
        m.insert("sx".into(), Value::Array(sx));
        m.insert("cn".into(), Value::Array(cn));
    }
    m.insert(
        "w".into(),
        Value::from(actors.iter().map(|a| Value::from(*a)).collect::<Vec<_>>()),
    );
    if let Some(reason) = &case.cancel_reason {
        m.insert(CANCEL_KEY.into(), Value::from(reason.as_str()));
    }
    m
}

/// Reads the fields of a v2 object with messages that name the field.
struct Fields<'a>(&'a Map<String, Value>);

impl<'a> Fields<'a> {
    fn get(&self, key: &str) -> Result<&'a Value, DecodeError> {
        self.0.get(key).ok_or_else(|| field(key, MISSING))
    }
    fn str(&self, key: &str) -> Result<String, DecodeError> {
        as_str(self.get(key)?, key).map(str::to_string)
    }
    fn str_or_empty(&self, key: &str) -> Result<String, DecodeError> {
        match self.0.get(key) {
            None => Ok(String::new()),
            Some(v) => as_str(v, key).map(str::to_string),
        }
    }
    fn int(&self, key: &str) -> Result<i64, DecodeError> {
        as_int(self.get(key)?, key)
    }
}

fn as_str<'v>(v: &'v Value, path: &str) -> Result<&'v str, DecodeError> {
    v.as_str().ok_or_else(|| field(path, NOT_TEXT))
}

fn as_int(v: &Value, path: &str) -> Result<i64, DecodeError> {
    v.as_i64().ok_or_else(|| field(path, NOT_AN_INTEGER))
}

fn as_index(v: &Value, path: &str, len: usize) -> Result<usize, DecodeError> {
    v.as_u64()
        .and_then(|i| usize::try_from(i).ok())
        .filter(|i| *i < len)
        .ok_or_else(|| field(path, NOT_AN_INDEX))
}

fn as_array<'v>(v: &'v Value, path: &str) -> Result<&'v Vec<Value>, DecodeError> {
    v.as_array().ok_or_else(|| field(path, NOT_A_LIST))
}

/// `(created + delta) * unit`. Deltas wrap on both sides (`compact_encode` subtracts with
/// `wrapping_sub`), which keeps the encoding exact for any `i64` time and panic-free.
fn abs_time(created: i64, delta: i64, unit: i64, path: &str) -> Result<i64, DecodeError> {
    delta
        .wrapping_add(created)
        .checked_mul(unit)
        .ok_or_else(|| field(path, TIME_OUT_OF_RANGE))
}

fn compact_decode(obj: &Map<String, Value>, id: String, version: u64) -> Result<Case, DecodeError> {
    let known_key = |k: &str| V2_KEYS.contains(&k) || (version >= 3 && V3_KEYS.contains(&k));
    if let Some(k) = obj.keys().find(|k| !known_key(k)) {
        return Err(field(k, UNKNOWN_KEY));
    }
    let f = Fields(obj);
    let unit = match obj.get("u") {
        None => 1000,
        Some(v) => match as_int(v, "u")? {
            u @ (1 | 1000) => u,
            _ => return Err(field("u", UNKNOWN_TIME_UNIT)),
        },
    };
    let created = f.int("c")?;
    let created_ms = abs_time(created, 0, unit, "c")?;
    let updated_ms = abs_time(created, f.int("m")?, unit, "m")?;
    let revision = f
        .get("r")?
        .as_u64()
        .ok_or_else(|| field("r", NOT_AN_INTEGER))?;
    let status = f
        .get("z")?
        .as_u64()
        .and_then(status_from_code)
        .ok_or_else(|| field("z", UNKNOWN_STATUS))?;
    let q = f.str("q")?;
    let step_statuses: Vec<StepStatus> = q
        .chars()
        .map(|c| {
            STEP_CODES
                .iter()
                .find(|(_, code)| *code == c)
                .map(|(s, _)| *s)
        })
        .collect::<Option<_>>()
        .ok_or_else(|| field("q", UNKNOWN_STEP_STATUS))?;
    let n = step_statuses.len();
    if n > MAX_STEPS {
        return Err(field("q", TOO_MANY_STEPS));
    }
    let current = match obj.get("i") {
        None => None,
        Some(v) => Some(as_index(v, "i", n)?),
    };
    let actors: Vec<String> = as_array(f.get("w")?, "w")?
        .iter()
        .enumerate()
        .map(|(i, a)| as_str(a, &format!("w[{i}]")).map(str::to_string))
        .collect::<Result<_, _>>()?;
    let actor_at =
        |v: &Value, path: &str| -> Result<usize, DecodeError> { as_index(v, path, actors.len()) };

    let rows = as_array(f.get("l")?, "l")?;
    let mut audit = Vec::with_capacity(rows.len());
    let mut prev_actor = 0usize;
    let mut prev_at = created;
    for (i, row) in rows.iter().enumerate() {
        // The path is only formatted when a row is wrong: a case has dozens of rows.
        let bad = |problem: &str| field(&format!("l[{i}]"), problem);
        let cells = row.as_array().ok_or_else(|| bad(NOT_A_LIST))?;
        if !(2..=5).contains(&cells.len()) {
            return Err(bad(WRONG_LENGTH));
        }
        let token = cells[0].as_str().ok_or_else(|| bad(NOT_TEXT))?;
        let dt = cells[1].as_i64().ok_or_else(|| bad(NOT_AN_INTEGER))?;
        let at = prev_at.wrapping_add(dt);
        prev_at = at;
        let step = match cells.get(2) {
            None => None,
            Some(v) if v.as_i64() == Some(-1) => None,
            Some(v) => Some(
                v.as_u64()
                    .and_then(|s| usize::try_from(s).ok())
                    .filter(|s| *s < n)
                    .ok_or_else(|| bad(NOT_AN_INDEX))?,
            ),
        };
        let detail = match cells.get(3) {
            None => String::new(),
            Some(v) => v.as_str().ok_or_else(|| bad(NOT_TEXT))?.to_string(),
        };
        if let Some(v) = cells.get(4) {
            prev_actor = v
                .as_u64()
                .and_then(|a| usize::try_from(a).ok())
                .filter(|a| *a < actors.len())
                .ok_or_else(|| bad(NOT_AN_INDEX))?;
        }
        let (token, no_effect) = match token.strip_prefix(NO_EFFECT_MARK) {
            Some(rest) if version >= 3 => (rest, true),
            _ => (token, false),
        };
        let kind = parse_token(token, step, n, version).ok_or_else(|| bad(UNKNOWN_AUDIT_KIND))?;
        audit.push(AuditEntry {
            at_ms: at.checked_mul(unit).ok_or_else(|| bad(TIME_OUT_OF_RANGE))?,
            actor: actors
                .get(prev_actor)
                .cloned()
                .ok_or_else(|| bad(NO_SUCH_ACTOR))?,
            kind,
            step,
            detail,
            no_effect,
        });
    }

    let (records, case_notes) = match (obj.get("sx"), obj.get("cn")) {
        (None, None) => {
            replay_step_records(&audit, n).ok_or_else(|| field("l", STEP_OUT_OF_RANGE))?
        }
        (Some(sx), Some(cn)) => {
            let note = |v: &Value, path: &str| -> Result<Note, DecodeError> {
                let cells = as_array(v, path)?;
                match cells.as_slice() {
                    [t, a, text] => Ok(Note {
                        at_ms: abs_time(created, as_int(t, path)?, unit, path)?,
                        actor: actors[actor_at(a, path)?].clone(),
                        text: as_str(text, path)?.to_string(),
                    }),
                    _ => Err(field(path, WRONG_LENGTH)),
                }
            };
            let sx = as_array(sx, "sx")?;
            if sx.len() != n {
                return Err(field("sx", RECORDS_COUNT_DIFFERS));
            }
            let mut records = Vec::with_capacity(n);
            for (i, s) in sx.iter().enumerate() {
                let path = format!("sx[{i}]");
                let cells = as_array(s, &path)?;
                let [visits, intervals, answer, checklist, notes] = cells.as_slice() else {
                    return Err(field(&path, WRONG_LENGTH));
                };
                let intervals = as_array(intervals, &path)?
                    .iter()
                    .map(|iv| match as_array(iv, &path)?.as_slice() {
                        [s, e] => Ok(Interval {
                            start_ms: abs_time(created, as_int(s, &path)?, unit, &path)?,
                            end_ms: match e {
                                Value::Null => None,
                                e => Some(abs_time(created, as_int(e, &path)?, unit, &path)?),
                            },
                        }),
                        _ => Err(field(&path, BAD_INTERVAL)),
                    })
                    .collect::<Result<_, _>>()?;
                records.push(StepRecord {
                    status: StepStatus::Pending,
                    visits: visits
                        .as_u64()
                        .and_then(|v| u32::try_from(v).ok())
                        .ok_or_else(|| field(&path, BAD_VISITS))?,
                    intervals,
                    answer: match answer {
                        Value::Null => None,
                        v => match as_str(v, &path)? {
                            "y" => Some(Answer::Yes),
                            "n" => Some(Answer::No),
                            _ => return Err(field(&path, UNKNOWN_ANSWER)),
                        },
                    },
                    checklist: as_array(checklist, &path)?
                        .iter()
                        .map(|v| v.as_u64().and_then(|v| u16::try_from(v).ok()))
                        .collect::<Option<_>>()
                        .ok_or_else(|| field(&path, BAD_CHECKLIST))?,
                    notes: as_array(notes, &path)?
                        .iter()
                        .map(|v| note(v, &path))
                        .collect::<Result<_, _>>()?,
                });
            }
            let case_notes = as_array(cn, "cn")?
                .iter()
                .map(|v| note(v, "cn"))
                .collect::<Result<_, _>>()?;
            (records, case_notes)
        }
        _ => return Err(field("sx", RECORDS_HALF_WRITTEN)),
    };
    let steps = records
        .into_iter()
        .zip(step_statuses)
        .map(|(r, status)| StepRecord { status, ..r })
        .collect();
    let number = f.str("n")?;
    let uid = match obj.get("o") {
        None => derived_uid(&id, created_ms),
        Some(v) => as_str(v, "o")?.to_string(),
    };
    let previous_numbers = match obj.get("h") {
        None => numbers_in_history(&audit, &number),
        Some(v) => as_array(v, "h")?
            .iter()
            .map(|n| as_str(n, "h").map(str::to_string))
            .collect::<Result<_, _>>()?,
    };
    Ok(Case {
        id,
        number,
        uid,
        previous_numbers,
        sop_id: f.str("s")?,
        applicant: f.str("a")?,
        contact: f.str_or_empty("k")?,
        subject: f.str_or_empty("p")?,
        notes: f.str_or_empty("x")?,
        created_ms,
        updated_ms,
        revision,
        status,
        current,
        steps,
        case_notes,
        audit,
        cancel_reason: match obj.get(CANCEL_KEY) {
            None => None,
            Some(v) => Some(as_str(v, CANCEL_KEY)?.to_string()),
        },
    })
}

/// The compact (v3) JSON text of a case.
pub(super) fn compact_json(case: &Case, with_id: bool) -> String {
    Value::Object(compact_encode(case, with_id)).to_string()
}

// ---------------------------------------------------------------------------------------------
// Validation against the catalogue.
// ---------------------------------------------------------------------------------------------

/// Ids become storage keys and URL paths ("jht-2026-0007"); longer ones are not ours.
const MAX_ID_LEN: usize = 64;

/// Checks what the app will index without further checks: the id is URL-safe, the SOP exists, there is one record
/// per step, every step index (current, log, targets) and kelengkapan item is in range, the
/// status agrees with `current`, and at most the current step runs. The reason is Indonesian.
pub(super) fn validate(case: &Case, catalogue: &Catalogue) -> Result<(), String> {
    let id_ok = !case.id.is_empty()
        && case.id.len() <= MAX_ID_LEN
        && case
            .id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if !id_ok {
        return Err(msg_bad_id(&case.id));
    }
    if !is_valid_uid(&case.uid) {
        return Err(msg_bad_uid(&case.uid));
    }
    let Some(sop) = catalogue.sop(&case.sop_id) else {
        return Err(msg_unknown_sop(&case.sop_id));
    };
    let n = sop.steps.len();
    if case.steps.len() != n {
        return Err(msg_step_count(case.steps.len(), &sop.id, n));
    }
    let step_ok = |i: usize| i < n;
    let target_ok = |t: Target| !matches!(t, Target::Step(i) if !step_ok(i));
    match (case.status.is_open(), case.current) {
        (true, Some(i)) if !step_ok(i) => return Err(msg_current_out_of_range(i)),
        (true, None) if n > 0 => return Err(MSG_OPEN_WITHOUT_CURRENT.to_string()),
        (false, Some(_)) => return Err(MSG_CLOSED_WITH_CURRENT.to_string()),
        _ => {}
    }
    for (i, s) in case.steps.iter().enumerate() {
        let running = matches!(s.status, StepStatus::Running);
        if running && case.current != Some(i) {
            return Err(msg_running_not_current(i));
        }
        let items = sop.checklist(i).len();
        if let Some(item) = s
            .checklist
            .iter()
            .find(|&&it| usize::from(it) >= items)
        {
            return Err(msg_no_such_item(*item));
        }
    }
    for (k, e) in case.audit.iter().enumerate() {
        let bad = e.step.is_some_and(|i| !step_ok(i))
            || match e.kind {
                AuditKind::Finish { to } | AuditKind::Decide { to, .. } => !target_ok(to),
                AuditKind::Tick { item, .. } => e.step.is_none_or(|st| usize::from(item) >= sop.checklist(st).len()),
                _ => false,
            };
        if bad {
            return Err(msg_audit_out_of_range(k));
        }
    }
    Ok(())
}
