//! Helpers shared by the case and store tests (included with `#[path]`); as a test target of
//! its own it holds no tests.

#![cfg(feature = "loader")]
#![allow(dead_code)]

use std::path::Path;
use std::sync::OnceLock;

use chrono::NaiveDate;
use sop_domain::calendar::WorkCalendar;
use sop_domain::case::{apply, derived_uid, Action, Case, CaseFields};
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
