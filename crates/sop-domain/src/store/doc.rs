//! One case as one CouchDB document, for the optional sync (docs/couchdb-document.md).
//!
//! Unlike the packed localStorage value, the document is written for a person opening it in
//! CouchDB's Fauxton: field names spelled out, every time as milliseconds and as office time
//! (WIB, ISO 8601), the SOP's title, status labels, step numbers as printed next to their
//! indices, each history entry described in words. Reading uses the authoritative fields
//! only (ids, indices, codes, milliseconds); the words are for people and are ignored.
//!
//! The document id is made from the uid, never from the number: a renumbered case stays the
//! same document. The sync layer adds `_id`, `_rev` (and CouchDB its other `_` fields); this
//! module writes `_id` for completeness and checks it when present.

use chrono::{DateTime, FixedOffset, SecondsFormat};
use serde_json::{json, Map, Value};

use crate::calendar::WIB_OFFSET_MINUTES;
use crate::case::{
    AuditEntry, AuditKind, Case, CaseStatus, Interval, Note, StepRecord, StepStatus,
};
use crate::catalogue::{Answer, Catalogue, Sop, Target};

use super::codec::{
    MISSING, NOT_AN_INDEX, NOT_AN_INTEGER, NOT_AN_OBJECT, NOT_A_LIST, NOT_TEXT, TOO_MANY_STEPS,
    UNKNOWN_ANSWER, UNKNOWN_AUDIT_KIND, UNKNOWN_KEY, UNKNOWN_STATUS, UNKNOWN_STEP_STATUS,
};
use super::{fit_to_catalogue, validate_case};

/// The document format this code writes and reads; a newer one is [`DocError::FutureSchema`].
pub const DOC_SCHEMA: u64 = 1;
/// The `type` of a case document (other document types may share the database).
pub const DOC_TYPE: &str = "permohonan";
pub const DOC_ID_PREFIX: &str = "permohonan:";

/// No SOP has more steps than this; a larger count in a document is not one of ours.
const MAX_STEPS: usize = 1_000;

// ---------------------------------------------------------------------------------------------
// User-facing text (Bahasa Indonesia).
// ---------------------------------------------------------------------------------------------

const NOT_A_BOOLEAN: &str = "bukan ya/tidak (true/false)";
const NOT_A_TIME: &str = "bukan waktu (ms) yang sah";

fn msg_doc_error(e: &DocError) -> String {
    match e {
        DocError::FutureSchema { found } => format!(
            "Dokumen permohonan ini ditulis oleh versi aplikasi yang lebih baru (skema {found}); dokumen dibiarkan utuh."
        ),
        DocError::NotACase => format!(
            "Dokumen ini bukan dokumen permohonan (isian \u{201c}type\u{201d} bukan \u{201c}{DOC_TYPE}\u{201d})."
        ),
        DocError::Field { path, problem } => {
            format!("Dokumen permohonan rusak: isian \u{201c}{path}\u{201d} {problem}.")
        }
        DocError::Invalid { reason } => format!("Dokumen permohonan tidak sah: {reason}."),
    }
}

fn msg_id_mismatch(id: &str, uid: &str) -> String {
    format!(
        "kode dokumen \u{201c}{id}\u{201d} tidak sesuai dengan kode unik permohonan \u{201c}{uid}\u{201d}"
    )
}

fn msg_unknown_schema(found: u64) -> String {
    format!("versi skema {found} tidak dikenal")
}

// ---------------------------------------------------------------------------------------------
// Errors.
// ---------------------------------------------------------------------------------------------

/// Why a document did not become a case. `Display` is the Indonesian message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DocError {
    /// Written by a newer app: leave the document as it is, never write over it.
    FutureSchema { found: u64 },
    /// Not a case document (`type` is not [`DOC_TYPE`]).
    NotACase,
    /// A field is missing or malformed; `path` names it (`steps[2].status.code`).
    Field { path: String, problem: String },
    /// Read, but it does not fit the catalogue (unknown SOP, step out of range, …).
    Invalid { reason: String },
}

impl DocError {
    /// Written by a newer version of the app: keep it, never overwrite it.
    pub fn is_future(&self) -> bool {
        matches!(self, DocError::FutureSchema { .. })
    }
}

impl std::fmt::Display for DocError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&msg_doc_error(self))
    }
}

impl std::error::Error for DocError {}

// ---------------------------------------------------------------------------------------------
// Writing.
// ---------------------------------------------------------------------------------------------

/// The CouchDB `_id` of a case: `permohonan:<uid>`, the same whatever its number.
pub fn doc_id(uid: &str) -> String {
    format!("{DOC_ID_PREFIX}{uid}")
}

const CASE_STATUS_CODES: [(CaseStatus, &str); 4] = [
    (CaseStatus::Berjalan, "berjalan"),
    (CaseStatus::Selesai, "selesai"),
    (CaseStatus::Ditolak, "ditolak"),
    (CaseStatus::Dibatalkan, "dibatalkan"),
];

const STEP_STATUS_CODES: [(StepStatus, &str); 5] = [
    (StepStatus::Pending, "pending"),
    (StepStatus::Running, "running"),
    (StepStatus::Paused, "paused"),
    (StepStatus::Done, "done"),
    (StepStatus::Skipped, "skipped"),
];

const KIND_CODES: [&str; 12] = [
    "create", "start", "pause", "resume", "finish", "decide", "note", "tick", "cancel", "edit",
    "renumber", "merge",
];

fn kind_code(kind: &AuditKind) -> &'static str {
    KIND_CODES[match kind {
        AuditKind::Create => 0,
        AuditKind::Start => 1,
        AuditKind::Pause => 2,
        AuditKind::Resume => 3,
        AuditKind::Finish { .. } => 4,
        AuditKind::Decide { .. } => 5,
        AuditKind::Note => 6,
        AuditKind::Tick { .. } => 7,
        AuditKind::Cancel => 8,
        AuditKind::Edit => 9,
        AuditKind::Renumbered => 10,
        AuditKind::Merged => 11,
    }]
}

fn answer_code(a: Answer) -> &'static str {
    match a {
        Answer::Yes => "ya",
        Answer::No => "tidak",
    }
}

/// `{"ms": …, "wib": "2026-03-02T09:00:00+07:00"}`; `wib` is null for a time chrono cannot show.
fn time(ms: i64) -> Value {
    let wib = FixedOffset::east_opt(WIB_OFFSET_MINUTES * 60).and_then(|offset| {
        DateTime::from_timestamp_millis(ms).map(|t| {
            t.with_timezone(&offset)
                .to_rfc3339_opts(SecondsFormat::AutoSi, false)
        })
    });
    json!({"ms": ms, "wib": wib})
}

/// A step by index, with its number and text as printed when the SOP has it.
fn step_ref(sop: Option<&Sop>, index: usize) -> Value {
    let step = sop.and_then(|s| s.steps.get(index));
    json!({
        "index": index,
        "no": step.map(|s| s.no),
        "text": step.map(|s| s.text.to_string()),
    })
}

fn note(n: &Note) -> Value {
    json!({"at": time(n.at_ms), "actor": n.actor, "text": n.text})
}

/// The document of `case` (see the module and docs/couchdb-document.md). The SOP's texts come
/// from `catalogue`; a case of an SOP it lacks is written without them.
pub fn case_to_doc(case: &Case, catalogue: &Catalogue) -> Value {
    let sop = catalogue.sop(&case.sop_id);
    let status_code = |s: CaseStatus| {
        CASE_STATUS_CODES
            .iter()
            .find(|(st, _)| *st == s)
            .map_or("berjalan", |(_, c)| *c)
    };
    let step_status_code = |s: StepStatus| {
        STEP_STATUS_CODES
            .iter()
            .find(|(st, _)| *st == s)
            .map_or("pending", |(_, c)| *c)
    };
    let steps: Vec<Value> = case
        .steps
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let printed = sop.and_then(|s| s.steps.get(i));
            let items = sop.map(|s| s.checklist(i)).unwrap_or_default();
            json!({
                "index": i,
                "no": printed.map(|s| s.no),
                "text": printed.map(|s| s.text.to_string()),
                "lane": printed.map(|s| s.lane.to_string()),
                "status": {"code": step_status_code(r.status), "label": r.status.label()},
                "visits": r.visits,
                "intervals": r.intervals.iter().map(|iv| json!({
                    "start": time(iv.start_ms),
                    "end": iv.end_ms.map(time),
                })).collect::<Vec<_>>(),
                "answer": r.answer.map(answer_code),
                "checklist_ticked": r.checklist.iter().map(|&item| json!({
                    "index": item,
                    "text": items.get(usize::from(item)),
                })).collect::<Vec<_>>(),
                "notes": r.notes.iter().map(note).collect::<Vec<_>>(),
            })
        })
        .collect();
    let history: Vec<Value> = case
        .audit
        .iter()
        .map(|e| {
            let mut m = Map::new();
            m.insert("at".into(), time(e.at_ms));
            m.insert("actor".into(), Value::from(e.actor.as_str()));
            m.insert("kind".into(), Value::from(kind_code(&e.kind)));
            m.insert(
                "step".into(),
                e.step.map_or(Value::Null, |i| step_ref(sop, i)),
            );
            m.insert("detail".into(), Value::from(e.detail.as_str()));
            match e.kind {
                AuditKind::Finish { to } => {
                    m.insert("to".into(), target(sop, to));
                }
                AuditKind::Decide { answer, to } => {
                    m.insert("answer".into(), Value::from(answer_code(answer)));
                    m.insert("to".into(), target(sop, to));
                }
                AuditKind::Tick { item, ticked } => {
                    let text = e
                        .step
                        .and_then(|s| sop.map(|sop| sop.checklist(s)))
                        .and_then(|items| items.get(usize::from(item)).map(|t| t.to_string()));
                    m.insert("item".into(), json!({"index": item, "text": text}));
                    m.insert("ticked".into(), Value::from(ticked));
                }
                _ => {}
            }
            if e.no_effect {
                m.insert("no_effect".into(), Value::from(true));
            }
            if let Some(sop) = sop {
                m.insert("description".into(), Value::from(e.describe(sop)));
            }
            Value::Object(m)
        })
        .collect();
    json!({
        "_id": doc_id(&case.uid),
        "type": DOC_TYPE,
        "schema": DOC_SCHEMA,
        "uid": case.uid,
        "number": case.number,
        "previous_numbers": case.previous_numbers,
        "case_id": case.id,
        "sop": {
            "id": case.sop_id,
            "code": sop.map(|s| s.code.to_string()),
            "title": sop.map(|s| s.title.to_string()),
        },
        "applicant": case.applicant,
        "contact": case.contact,
        "subject": case.subject,
        "notes": case.notes,
        "status": {"code": status_code(case.status), "label": case.status.label()},
        "current_step": case.current.map(|i| step_ref(sop, i)),
        "created": time(case.created_ms),
        "updated": time(case.updated_ms),
        "revision": case.revision,
        "cancel_reason": case.cancel_reason,
        "steps": steps,
        "case_notes": case.case_notes.iter().map(note).collect::<Vec<_>>(),
        "history": history,
    })
}

/// Where a finish or a decision led: a step reference, "done" or "rejected".
fn target(sop: Option<&Sop>, t: Target) -> Value {
    match t {
        Target::Step(i) => step_ref(sop, i),
        Target::Done => Value::from("done"),
        Target::Rejected => Value::from("rejected"),
    }
}

// ---------------------------------------------------------------------------------------------
// Reading.
// ---------------------------------------------------------------------------------------------

/// An object of the document and where it sits in it, for messages that name the field.
struct At<'a> {
    map: &'a Map<String, Value>,
    path: String,
}

fn field(path: &str, problem: &str) -> DocError {
    DocError::Field {
        path: path.to_string(),
        problem: problem.to_string(),
    }
}

impl<'a> At<'a> {
    fn new(v: &'a Value, path: String) -> Result<At<'a>, DocError> {
        match v {
            Value::Object(map) => Ok(At { map, path }),
            _ => Err(field(&path, NOT_AN_OBJECT)),
        }
    }
    fn sub(&self, key: &str) -> String {
        if self.path.is_empty() {
            key.to_string()
        } else {
            format!("{}.{key}", self.path)
        }
    }
    /// Refuses a key this version does not write: a newer writer's field must not be lost by
    /// a partial read. CouchDB's own fields start with `_`.
    fn only(&self, keys: &[&str]) -> Result<(), DocError> {
        match self
            .map
            .keys()
            .find(|k| !k.starts_with('_') && !keys.contains(&k.as_str()))
        {
            Some(k) => Err(field(&self.sub(k), UNKNOWN_KEY)),
            None => Ok(()),
        }
    }
    fn get(&self, key: &str) -> Result<&'a Value, DocError> {
        self.map
            .get(key)
            .ok_or_else(|| field(&self.sub(key), MISSING))
    }
    fn obj(&self, key: &str) -> Result<At<'a>, DocError> {
        At::new(self.get(key)?, self.sub(key))
    }
    /// `None` for a missing key or null.
    fn opt_obj(&self, key: &str) -> Result<Option<At<'a>>, DocError> {
        match self.map.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(v) => At::new(v, self.sub(key)).map(Some),
        }
    }
    fn str(&self, key: &str) -> Result<String, DocError> {
        self.get(key)?
            .as_str()
            .map(str::to_string)
            .ok_or_else(|| field(&self.sub(key), NOT_TEXT))
    }
    fn opt_str(&self, key: &str) -> Result<Option<String>, DocError> {
        match self.map.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(v) => v
                .as_str()
                .map(|s| Some(s.to_string()))
                .ok_or_else(|| field(&self.sub(key), NOT_TEXT)),
        }
    }
    fn uint(&self, key: &str) -> Result<u64, DocError> {
        self.get(key)?
            .as_u64()
            .ok_or_else(|| field(&self.sub(key), NOT_AN_INTEGER))
    }
    fn index(&self, key: &str, len: usize) -> Result<usize, DocError> {
        self.get(key)?
            .as_u64()
            .and_then(|i| usize::try_from(i).ok())
            .filter(|i| *i < len)
            .ok_or_else(|| field(&self.sub(key), NOT_AN_INDEX))
    }
    fn bool_or_false(&self, key: &str) -> Result<bool, DocError> {
        match self.map.get(key) {
            None => Ok(false),
            Some(v) => v
                .as_bool()
                .ok_or_else(|| field(&self.sub(key), NOT_A_BOOLEAN)),
        }
    }
    fn list(&self, key: &str) -> Result<Vec<(String, &'a Value)>, DocError> {
        let path = self.sub(key);
        let items = self
            .get(key)?
            .as_array()
            .ok_or_else(|| field(&path, NOT_A_LIST))?;
        Ok(items
            .iter()
            .enumerate()
            .map(|(i, v)| (format!("{path}[{i}]"), v))
            .collect())
    }
    /// A time written by [`time`]: its milliseconds (the WIB text is for people).
    fn time(&self, key: &str) -> Result<i64, DocError> {
        let t = self.obj(key)?;
        t.only(&["ms", "wib"])?;
        t.get("ms")?
            .as_i64()
            .ok_or_else(|| field(&t.sub("ms"), NOT_A_TIME))
    }
}

fn step_index(v: &Value, path: String, steps: usize) -> Result<usize, DocError> {
    let s = At::new(v, path)?;
    s.only(&["index", "no", "text"])?;
    s.index("index", steps)
}

fn read_note(v: &Value, path: String) -> Result<Note, DocError> {
    let n = At::new(v, path)?;
    n.only(&["at", "actor", "text"])?;
    Ok(Note {
        at_ms: n.time("at")?,
        actor: n.str("actor")?,
        text: n.str("text")?,
    })
}

fn read_answer(a: &At, key: &str) -> Result<Answer, DocError> {
    match a.str(key)?.as_str() {
        "ya" => Ok(Answer::Yes),
        "tidak" => Ok(Answer::No),
        _ => Err(field(&a.sub(key), UNKNOWN_ANSWER)),
    }
}

fn read_target(a: &At, key: &str, steps: usize) -> Result<Target, DocError> {
    match a.get(key)? {
        Value::String(s) if s == "done" => Ok(Target::Done),
        Value::String(s) if s == "rejected" => Ok(Target::Rejected),
        v @ Value::Object(_) => step_index(v, a.sub(key), steps).map(Target::Step),
        _ => Err(field(&a.sub(key), NOT_AN_INDEX)),
    }
}

/// The case of a document written by [`case_to_doc`] (of this or an older document schema),
/// checked against the catalogue. A document of a newer schema is [`DocError::FutureSchema`]:
/// the caller keeps it as it is.
pub fn doc_to_case(doc: &Value, catalogue: &Catalogue) -> Result<Case, DocError> {
    let d = At::new(doc, String::new())?;
    if d.map.get("type").and_then(Value::as_str) != Some(DOC_TYPE) {
        return Err(DocError::NotACase);
    }
    match d.uint("schema")? {
        found if found > DOC_SCHEMA => return Err(DocError::FutureSchema { found }),
        DOC_SCHEMA => {}
        found => return Err(field("schema", &msg_unknown_schema(found))),
    }
    d.only(&[
        "type",
        "schema",
        "uid",
        "number",
        "previous_numbers",
        "case_id",
        "sop",
        "applicant",
        "contact",
        "subject",
        "notes",
        "status",
        "current_step",
        "created",
        "updated",
        "revision",
        "cancel_reason",
        "steps",
        "case_notes",
        "history",
    ])?;
    let uid = d.str("uid")?;
    if let Some(id) = d.map.get("_id") {
        let id = id.as_str().ok_or_else(|| field("_id", NOT_TEXT))?;
        if id != doc_id(&uid) {
            return Err(DocError::Invalid {
                reason: msg_id_mismatch(id, &uid),
            });
        }
    }
    let sop = d.obj("sop")?;
    sop.only(&["id", "code", "title"])?;
    let status = d.obj("status")?;
    status.only(&["code", "label"])?;
    let status_code = status.str("code")?;
    let status = CASE_STATUS_CODES
        .iter()
        .find(|(_, c)| *c == status_code)
        .map(|(s, _)| *s)
        .ok_or_else(|| field("status.code", UNKNOWN_STATUS))?;

    let step_values = d.list("steps")?;
    let n = step_values.len();
    if n > MAX_STEPS {
        return Err(field("steps", TOO_MANY_STEPS));
    }
    let mut steps = Vec::with_capacity(n);
    for (i, (path, v)) in step_values.into_iter().enumerate() {
        let s = At::new(v, path)?;
        s.only(&[
            "index",
            "no",
            "text",
            "lane",
            "status",
            "visits",
            "intervals",
            "answer",
            "checklist_ticked",
            "notes",
        ])?;
        if s.index("index", n)? != i {
            return Err(field(&s.sub("index"), NOT_AN_INDEX));
        }
        let st = s.obj("status")?;
        st.only(&["code", "label"])?;
        let code = st.str("code")?;
        let status = STEP_STATUS_CODES
            .iter()
            .find(|(_, c)| *c == code)
            .map(|(s, _)| *s)
            .ok_or_else(|| field(&st.sub("code"), UNKNOWN_STEP_STATUS))?;
        let visits = u32::try_from(s.uint("visits")?)
            .map_err(|_| field(&s.sub("visits"), NOT_AN_INTEGER))?;
        let mut intervals = Vec::new();
        for (path, v) in s.list("intervals")? {
            let iv = At::new(v, path)?;
            iv.only(&["start", "end"])?;
            intervals.push(Interval {
                start_ms: iv.time("start")?,
                end_ms: match iv.opt_obj("end")? {
                    None => None,
                    Some(_) => Some(iv.time("end")?),
                },
            });
        }
        let answer = match s.map.get("answer") {
            None | Some(Value::Null) => None,
            Some(_) => Some(read_answer(&s, "answer")?),
        };
        let mut checklist = Vec::new();
        for (path, v) in s.list("checklist_ticked")? {
            let item = At::new(v, path)?;
            item.only(&["index", "text"])?;
            checklist.push(
                u16::try_from(item.uint("index")?)
                    .map_err(|_| field(&item.sub("index"), NOT_AN_INDEX))?,
            );
        }
        let notes = s
            .list("notes")?
            .into_iter()
            .map(|(path, v)| read_note(v, path))
            .collect::<Result<_, _>>()?;
        steps.push(StepRecord {
            status,
            visits,
            intervals,
            answer,
            checklist,
            notes,
        });
    }

    let mut audit = Vec::new();
    for (path, v) in d.list("history")? {
        let e = At::new(v, path)?;
        e.only(&[
            "at",
            "actor",
            "kind",
            "step",
            "detail",
            "to",
            "answer",
            "item",
            "ticked",
            "no_effect",
            "description",
        ])?;
        let step = match e.map.get("step") {
            None | Some(Value::Null) => None,
            Some(v) => Some(step_index(v, e.sub("step"), n)?),
        };
        let kind = match e.str("kind")?.as_str() {
            "create" => AuditKind::Create,
            "start" => AuditKind::Start,
            "pause" => AuditKind::Pause,
            "resume" => AuditKind::Resume,
            "finish" => AuditKind::Finish {
                to: read_target(&e, "to", n)?,
            },
            "decide" => AuditKind::Decide {
                answer: read_answer(&e, "answer")?,
                to: read_target(&e, "to", n)?,
            },
            "note" => AuditKind::Note,
            "tick" => {
                let item = e.obj("item")?;
                item.only(&["index", "text"])?;
                AuditKind::Tick {
                    item: u16::try_from(item.uint("index")?)
                        .map_err(|_| field(&item.sub("index"), NOT_AN_INDEX))?,
                    ticked: e
                        .get("ticked")?
                        .as_bool()
                        .ok_or_else(|| field(&e.sub("ticked"), NOT_A_BOOLEAN))?,
                }
            }
            "cancel" => AuditKind::Cancel,
            "edit" => AuditKind::Edit,
            "renumber" => AuditKind::Renumbered,
            "merge" => AuditKind::Merged,
            _ => return Err(field(&e.sub("kind"), UNKNOWN_AUDIT_KIND)),
        };
        audit.push(AuditEntry {
            at_ms: e.time("at")?,
            actor: e.str("actor")?,
            kind,
            step,
            detail: e.str("detail")?,
            no_effect: e.bool_or_false("no_effect")?,
        });
    }

    let current = match d.map.get("current_step") {
        None | Some(Value::Null) => None,
        Some(v) => Some(step_index(v, "current_step".into(), n)?),
    };
    let previous_numbers = d
        .list("previous_numbers")?
        .into_iter()
        .map(|(path, v)| {
            v.as_str()
                .map(str::to_string)
                .ok_or_else(|| field(&path, NOT_TEXT))
        })
        .collect::<Result<_, _>>()?;
    let case = Case {
        id: d.str("case_id")?,
        number: d.str("number")?,
        uid,
        previous_numbers,
        sop_id: sop.str("id")?,
        applicant: d.str("applicant")?,
        contact: d.str("contact")?,
        subject: d.str("subject")?,
        notes: d.str("notes")?,
        created_ms: d.time("created")?,
        updated_ms: d.time("updated")?,
        revision: d.uint("revision")?,
        status,
        current,
        steps,
        case_notes: d
            .list("case_notes")?
            .into_iter()
            .map(|(path, v)| read_note(v, path))
            .collect::<Result<_, _>>()?,
        audit,
        cancel_reason: d.opt_str("cancel_reason")?,
    };
    // Written by a PC that had not yet seen a step the catalogue appended.
    let mut case = case;
    fit_to_catalogue(&mut case, catalogue);
    validate_case(&case, catalogue).map_err(|e| DocError::Invalid {
        reason: match e {
            super::DecodeError::Invalid { reason } => reason,
            other => other.to_string(),
        },
    })?;
    Ok(case)
}
