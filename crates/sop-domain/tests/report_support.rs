//! Helpers shared by the report tests (included with `#[path]`); as a test target of its own
//! it holds no tests. Cases are built through the case API (`Case::create` + `apply` with
//! explicit times), so the fixtures carry the intervals and audit entries real use writes.

#![cfg(feature = "loader")]
#![allow(dead_code)]

use std::path::Path;
use std::sync::OnceLock;

use chrono::NaiveDate;
use sop_domain::calendar::WorkCalendar;
use sop_domain::case::{apply, Action, Case, CaseFields};
use sop_domain::catalogue::{Answer, Catalogue, Sop};
use sop_domain::loader::load_dir;

pub const STAFF: &str = "Rina Wati";
pub const MINUTE: i64 = 60_000;
pub const DAY: i64 = 24 * 60 * MINUTE;

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

/// A case being walked through its SOP; `t` is the clock of the next action.
pub struct Walk {
    pub case: Case,
    sop: &'static Sop,
    pub t: i64,
}

impl Walk {
    /// A new case of `sop_id` created at `t`; `running` makes its number.
    pub fn open(sop_id: &str, running: u32, applicant: &str, subject: &str, t: i64) -> Walk {
        let sop = sop(sop_id);
        let fields = CaseFields {
            applicant: applicant.to_string(),
            contact: String::new(),
            subject: subject.to_string(),
            notes: String::new(),
        };
        let id = format!("{}-2026-{running:04}", sop.code.to_ascii_lowercase());
        let number = format!("{}/{running:04}/XI/2026", sop.code);
        let uid = format!("uji-{id}");
        let case = Case::create(sop, &fields, &id, &number, &uid, t, STAFF).expect("create");
        Walk { case, sop, t }
    }

    fn act(mut self, action: Action) -> Walk {
        self.case = apply(&self.case, self.sop, &action, self.t, STAFF).unwrap_or_else(|e| {
            panic!(
                "{action:?} on {} at step {:?}: {e}",
                self.case.id, self.case.current
            )
        });
        self
    }

    fn current(&self) -> usize {
        self.case.current.expect("the case is open")
    }

    /// The clock moves to `t` (time passes with nothing running).
    pub fn at(mut self, t: i64) -> Walk {
        self.t = t;
        self
    }

    /// Starts the current step only (it stays running).
    pub fn start(self) -> Walk {
        let step = self.current();
        self.act(Action::StartStep { step })
    }

    /// Works the current step for `minutes` and finishes it (a decision is answered `answer`).
    fn work_answer(mut self, minutes: i64, answer: Answer) -> Walk {
        let step = self.current();
        self = self.act(Action::StartStep { step });
        self.t += minutes * MINUTE;
        if self.sop.is_decision(step) {
            self.act(Action::Decide { step, answer })
        } else {
            self.act(Action::FinishStep { step })
        }
    }

    /// Works the current step for `minutes`, then finishes it (a decision answered Ya).
    pub fn work(self, minutes: i64) -> Walk {
        self.work_answer(minutes, Answer::Yes)
    }

    /// Works the current decision for `minutes` and answers Tidak.
    pub fn work_no(self, minutes: i64) -> Walk {
        self.work_answer(minutes, Answer::No)
    }

    /// Works the next steps back to back, one `minutes` entry each.
    pub fn plan(mut self, minutes: &[i64]) -> Walk {
        for &m in minutes {
            self = self.work(m);
        }
        self
    }

    pub fn cancel(self, reason: &str) -> Walk {
        self.act(Action::Cancel {
            reason: reason.to_string(),
        })
    }

    pub fn note(self, text: &str) -> Walk {
        self.act(Action::AddNote {
            step: None,
            text: text.to_string(),
        })
    }

    pub fn done(self) -> Case {
        self.case
    }
}

/// A copy of `case` moved in time by `delta_ms`, with another id and number: the synthetic
/// load keeps the shapes that the case API wrote.
pub fn shifted(case: &Case, delta_ms: i64, id: String, number: String) -> Case {
    let mut c = case.clone();
    c.id = id;
    c.number = number;
    c.created_ms += delta_ms;
    c.updated_ms += delta_ms;
    for rec in &mut c.steps {
        for iv in &mut rec.intervals {
            iv.start_ms += delta_ms;
            iv.end_ms = iv.end_ms.map(|e| e + delta_ms);
        }
        for n in &mut rec.notes {
            n.at_ms += delta_ms;
        }
    }
    for n in &mut c.case_notes {
        n.at_ms += delta_ms;
    }
    for e in &mut c.audit {
        e.at_ms += delta_ms;
    }
    c
}
