//! The case fixtures the end-to-end tests import (tests/e2e/fixtures/), built with the case
//! API from a scenario whose report figures are worked out by hand in
//! tests/e2e/laporan.test.mjs. The test fails when the committed file differs from what the
//! scenario produces; `UPDATE_FIXTURES=1 cargo test -p sop-domain --features loader --test
//! e2e_fixtures` rewrites it.
#![cfg(feature = "loader")]

use std::path::Path;

use chrono::NaiveDate;
use sop_domain::calendar::WorkCalendar;
use sop_domain::case::{apply, Action, Case, CaseFields};
use sop_domain::catalogue::{Answer, Catalogue, Sop};
use sop_domain::store::export_backup;

const STAFF: &str = "Petugas Uji";

fn catalogue() -> Catalogue {
    sop_domain::loader::load_dir(Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data"))).expect("data loads")
}

/// Office-local (WIB) date and time to UTC milliseconds.
fn at(cal: &WorkCalendar, y: i32, m: u32, d: u32, h: u32, min: u32) -> i64 {
    cal.local_to_utc_ms(NaiveDate::from_ymd_opt(y, m, d).unwrap().and_hms_opt(h, min, 0).unwrap())
}

/// The office-local month (1–12) of a UTC instant in 2026 (WIB is UTC+7).
fn cal_month(ms: i64) -> usize {
    use chrono::Datelike;
    chrono::DateTime::from_timestamp_millis(ms + 7 * 3_600_000).unwrap().month() as usize
}

struct Walk<'a> {
    sop: &'a Sop,
    case: Case,
}

impl<'a> Walk<'a> {
    fn new(sop: &'a Sop, n: u32, applicant: &str, created: i64) -> Walk<'a> {
        let fields = CaseFields { applicant: applicant.into(), contact: "0812".into(), subject: format!("Uji {n}"), notes: String::new() };
        let id = format!("{}-2026-{n:04}", sop.code.to_lowercase());
        let month = cal_month(created);
        let number = format!("{}/{n:04}/{}/2026", sop.code, sop_domain::locale::ROMAN_MONTHS[month - 1]);
        // The uid old cases get: the committed fixture's case lines stay as they were.
        let uid = sop_domain::case::derived_uid(&id, created);
        let case = Case::create(sop, &fields, &id, &number, &uid, created, STAFF).expect("valid case");
        Walk { sop, case }
    }

    fn act(&mut self, action: Action, t: i64) -> &mut Self {
        self.case = apply(&self.case, self.sop, &action, t, STAFF).expect("valid action");
        self
    }

    /// Starts and finishes steps `from..to` (answering Ya at decisions) between `t0` and `t1`,
    /// one after the other.
    fn run(&mut self, from: usize, to: usize, t0: i64, t1: i64) -> &mut Self {
        let n = (to - from) as i64;
        for (k, step) in (from..to).enumerate() {
            let a = t0 + (t1 - t0) * k as i64 / n;
            let b = t0 + (t1 - t0) * (k as i64 + 1) / n;
            self.act(Action::StartStep { step }, a);
            if self.sop.is_decision(step) {
                self.act(Action::Decide { step, answer: Answer::Yes }, b);
            } else {
                self.act(Action::FinishStep { step }, b);
            }
        }
        self
    }
}

fn scenario(cat: &Catalogue, cal: &WorkCalendar) -> Vec<Case> {
    let jht = cat.sop("jht").unwrap();
    let pkb = cat.sop("pkb").unwrap();
    let all = jht.steps.len();
    let mut cases = Vec::new();
    // G: created in October, finished on 3 November (spans two months): 1,920 working minutes.
    let mut g = Walk::new(jht, 1, "PT Sawit Katingan", at(cal, 2026, 10, 28, 9, 0));
    g.run(0, all, at(cal, 2026, 10, 28, 9, 0), at(cal, 2026, 11, 3, 9, 0));
    cases.push(g.case);
    // A: finished within the mutu baku (29 menit): 25 working minutes.
    let mut a = Walk::new(jht, 2, "Budi Santoso", at(cal, 2026, 11, 2, 9, 0));
    a.run(0, all, at(cal, 2026, 11, 2, 9, 0), at(cal, 2026, 11, 2, 9, 25));
    cases.push(a.case);
    // B: one working day (Tue 09:00 → Wed 09:00): 480 working minutes.
    let mut b = Walk::new(jht, 3, "Siti Aminah", at(cal, 2026, 11, 3, 9, 0));
    b.run(0, all, at(cal, 2026, 11, 3, 9, 0), at(cal, 2026, 11, 4, 9, 0));
    cases.push(b.case);
    // E: cancelled the same morning.
    let mut e = Walk::new(jht, 4, "Rahmat Hidayat", at(cal, 2026, 11, 20, 9, 0));
    e.act(Action::StartStep { step: 0 }, at(cal, 2026, 11, 20, 9, 5));
    e.act(Action::Cancel { reason: "Pemohon menarik permohonan".into() }, at(cal, 2026, 11, 20, 10, 0));
    cases.push(e.case);
    // F: still running at the end of November.
    let mut f = Walk::new(jht, 5, "Dewi Lestari", at(cal, 2026, 11, 25, 9, 0));
    f.act(Action::StartStep { step: 0 }, at(cal, 2026, 11, 25, 9, 0));
    cases.push(f.case);
    // D: a PKB application refused at the "Terima?" decision (step 4).
    let mut d = Walk::new(pkb, 1, "PT Rotan Jaya", at(cal, 2026, 11, 9, 9, 0));
    d.run(0, 3, at(cal, 2026, 11, 9, 9, 0), at(cal, 2026, 11, 9, 15, 0));
    d.act(Action::StartStep { step: 3 }, at(cal, 2026, 11, 10, 8, 0));
    d.act(Action::Decide { step: 3, answer: Answer::No }, at(cal, 2026, 11, 10, 9, 0));
    cases.push(d.case);
    cases
}

#[test]
fn the_report_fixture_is_what_the_scenario_produces() {
    let cat = catalogue();
    let cal = WorkCalendar::new(cat.calendar.clone()).unwrap();
    let cases = scenario(&cat, &cal);
    let produced = export_backup(&cases, Some(STAFF), at(&cal, 2026, 11, 27, 15, 0));
    let path = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/e2e/fixtures/laporan-november-2026.json"));
    if std::env::var_os("UPDATE_FIXTURES").is_some() {
        std::fs::write(path, &produced).unwrap();
    }
    let committed = std::fs::read_to_string(path).expect("run with UPDATE_FIXTURES=1 to create the fixture");
    assert_eq!(committed, produced, "tests/e2e/fixtures/laporan-november-2026.json is stale: rerun with UPDATE_FIXTURES=1");
}
