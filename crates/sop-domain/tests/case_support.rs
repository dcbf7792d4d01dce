//! Helpers shared by the case and store tests (included with `#[path]`); as a test target of
//! its own it holds no tests.

#![cfg(feature = "loader")]
#![allow(dead_code)]

use std::path::Path;
use std::sync::OnceLock;

use chrono::NaiveDate;
use sop_domain::calendar::WorkCalendar;
use sop_domain::case::{apply, derived_uid, renumber, Action, Case, CaseFields};
use sop_domain::catalogue::{Answer, Catalogue, Sop};
use sop_domain::loader::load_dir;

pub const STAFF: &str = "Rina Wati";
pub const MINUTE: i64 = 60_000;

pub fn catalogue() -> &'static Catalogue {
    static CAT: OnceLock<Catalogue> = OnceLock::new();
    CAT.get_or_init(|| {
        load_dir(Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../data"
        )))
        .unwrap_or_else(|e| panic!("the real catalogue must load: {e:?}"))
    })
}

pub fn calendar() -> &'static WorkCalendar {
    static CAL: OnceLock<WorkCalendar> = OnceLock::new();
    CAL.get_or_init(|| WorkCalendar::new(catalogue().calendar.clone()).expect("calendar"))
}

pub fn sop(id: &str) -> &'static Sop {
    catalogue()
        .sop(id)
        .unwrap_or_else(|| panic!("SOP {id} in the catalogue"))
}

/// UTC milliseconds of an office-local (WIB) time.
pub fn wib(y: i32, m: u32, d: u32, h: u32, mi: u32) -> i64 {
    let t = NaiveDate::from_ymd_opt(y, m, d)
        .unwrap()
        .and_hms_opt(h, mi, 0)
        .unwrap();
    calendar().local_to_utc_ms(t)
}

pub fn fields(applicant: &str) -> CaseFields {
    CaseFields {
        applicant: applicant.to_string(),
        contact: "0812-5123-4567".to_string(),
        subject: "Surat keterangan JHT".to_string(),
        notes: String::new(),
    }
}

/// A uid of the size the app makes (16 base64url characters), the same for the same id and
/// time: two copies of one case made in a test are one case, and two cases given the same
/// number at different moments are two.
pub fn test_uid(id: &str, t: i64) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut h = id
        .bytes()
        .fold(0xcbf2_9ce4_8422_2325_u64 ^ t as u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        });
    (0..16)
        .map(|_| {
            h ^= h >> 29;
            h = h.wrapping_mul(0xbf58_476d_1ce4_e5b9);
            h ^= h >> 32;
            char::from(ALPHABET[(h & 63) as usize])
        })
        .collect()
}

/// A case with the uid of a case made before uids existed ([`derived_uid`]): it survives every
/// encoding, v1 included, and two copies made from the same id and time are one case.
pub fn new_case(sop_id: &str, id: &str, number: &str, t: i64) -> Case {
    let uid = derived_uid(id, t.div_euclid(1000) * 1000);
    new_case_with_uid(sop_id, id, number, &uid, t)
}

/// A case with the uid the app gives a new case.
pub fn new_case_with_uid(sop_id: &str, id: &str, number: &str, uid: &str, t: i64) -> Case {
    Case::create(
        sop(sop_id),
        &fields("Budi Santoso"),
        id,
        number,
        uid,
        t,
        STAFF,
    )
    .expect("create")
}

pub fn act(case: &Case, sop_id: &str, action: Action, t: i64) -> Case {
    apply(case, sop(sop_id), &action, t, STAFF)
        .unwrap_or_else(|e| panic!("{action:?} on {} at step {:?}: {e}", case.id, case.current))
}

/// Starts and finishes steps from the current one on, `step_ms` each, answering `Ya` at
/// decisions, until the case closes. Returns the case and the time after the last action.
pub fn walk_to_end(mut case: Case, sop_id: &str, mut t: i64, step_ms: i64) -> (Case, i64) {
    let s = sop(sop_id);
    let mut guard = 0;
    while let Some(i) = case.current {
        guard += 1;
        assert!(guard <= 4 * s.steps.len(), "walking {sop_id} does not end");
        case = act(&case, sop_id, Action::StartStep { step: i }, t);
        t += step_ms;
        let finish = if s.is_decision(i) {
            Action::Decide {
                step: i,
                answer: Answer::Yes,
            }
        } else {
            Action::FinishStep { step: i }
        };
        case = act(&case, sop_id, finish, t);
        t += MINUTE;
    }
    (case, t)
}

/// The "typical closed case" of the quota budget: JHT walked to the end (9 steps, each one
/// interval of a few minutes), a short note, one staff member: 20 audit entries.
pub fn typical_closed_jht(running: u32, t0: i64) -> Case {
    let id = format!("jht-2026-{running:04}");
    let number = format!("JHT/{running:04}/III/2026");
    let case = new_case("jht", &id, &number, t0);
    let case = act(
        &case,
        "jht",
        Action::AddNote {
            step: None,
            text: "Berkas diterima lengkap".to_string(),
        },
        t0 + 30_000,
    );
    walk_to_end(case, "jht", t0 + MINUTE, 4 * MINUTE).0
}

/// A file of `tests/fixtures/store/`.
pub fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/store/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// `case` (JHT, just created at `t0`) with checklist item 1 ticked and step 1 started: revision 3.
pub fn jht_step_one_running(case: Case, t0: i64) -> Case {
    let c = act(
        &case,
        "jht",
        Action::TickChecklist {
            step: 0,
            item: 0,
            ticked: true,
        },
        t0 + MINUTE,
    );
    act(&c, "jht", Action::StartStep { step: 0 }, t0 + 2 * MINUTE)
}

/// What the staff can do to a case, for the property tests; each test draws its own mix.
#[derive(Clone, Debug)]
pub enum Op {
    Start,
    Pause,
    Resume,
    /// Finishes the current step; at a decision, answers Ya when true.
    Finish(bool),
    /// A note, on the current step when true.
    Note(bool, String),
    Tick(usize, bool),
    /// The case's data replaced: this applicant, the other fields empty.
    SetApplicant(String),
    /// One field changed (0 applicant, 1 contact, 2 subject, else notes), the others kept.
    EditField(u8, String),
    Cancel,
    /// Renumbered to `X/<n>/III/2026`, as a number clash does.
    Renumber(u32),
}

/// The op done on the current step; `None` when the case refuses it (a refused action
/// changes nothing).
pub fn apply_op(case: &Case, op: &Op, t: i64, actor: &str) -> Option<Case> {
    let s = sop(&case.sop_id);
    let cur = case.current.unwrap_or(0);
    let action = match op {
        Op::Start => Action::StartStep { step: cur },
        Op::Pause => Action::PauseStep { step: cur },
        Op::Resume => Action::ResumeStep { step: cur },
        Op::Finish(yes) if s.is_decision(cur) => Action::Decide {
            step: cur,
            answer: if *yes { Answer::Yes } else { Answer::No },
        },
        Op::Finish(_) => Action::FinishStep { step: cur },
        Op::Note(on_step, text) => Action::AddNote {
            step: on_step.then_some(cur),
            text: text.clone(),
        },
        Op::Tick(item, ticked) => Action::TickChecklist {
            step: cur,
            item: *item,
            ticked: *ticked,
        },
        Op::SetApplicant(name) => Action::Edit(CaseFields {
            applicant: name.clone(),
            ..Default::default()
        }),
        Op::EditField(field, value) => {
            let mut f = CaseFields {
                applicant: case.applicant.clone(),
                contact: case.contact.clone(),
                subject: case.subject.clone(),
                notes: case.notes.clone(),
            };
            match field {
                0 => f.applicant = value.clone(),
                1 => f.contact = value.clone(),
                2 => f.subject = value.clone(),
                _ => f.notes = value.clone(),
            }
            Action::Edit(f)
        }
        Op::Cancel => Action::Cancel {
            reason: "batal".into(),
        },
        Op::Renumber(n) => return renumber(case, &format!("X/{n:04}/III/2026"), t, actor).ok(),
    };
    apply(case, s, &action, t, actor).ok()
}
