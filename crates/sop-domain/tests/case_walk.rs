//! The case state machine over the real catalogue: every SOP walked to the end, the
//! decision branches of the book, cancelling, refusals, timers and the mutu baku.

#![cfg(feature = "loader")]

#[path = "case_support.rs"]
mod support;

use sop_domain::case::{
    apply, Action, AuditKind, Case, CaseError, CaseFields, CaseStatus, StepStatus,
};
use sop_domain::catalogue::{Answer, Target};
use sop_domain::store::{case_key, decode_case, encode_case};
use support::*;

fn t0() -> i64 {
    // Monday 2 March 2026, 09:00 WIB: a working day, clear of the Nyepi/Idulfitri closures.
    wib(2026, 3, 2, 9, 0)
}

/// Walks `case` (at its current step) until step index `target` is current.
fn walk_until(mut case: Case, sop_id: &str, target: usize, mut t: i64) -> (Case, i64) {
    let s = sop(sop_id);
    while case.current != Some(target) {
        let i = case.current.expect("still open");
        case = act(&case, sop_id, Action::StartStep { step: i }, t);
        t += 2 * MINUTE;
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

fn reload(case: &Case) -> Case {
    let key = case_key(&case.id);
    decode_case(&key, &encode_case(case)).expect("a stored case reads back")
}

#[test]
fn every_sop_walks_from_creation_to_selesai() {
    let cat = catalogue();
    assert_eq!(cat.sops.len(), 22);
    for s in cat.sops.iter() {
        let case = new_case(
            &s.id,
            &format!("{}-2026-0001", s.code.to_lowercase()),
            "X",
            t0(),
        );
        assert_eq!(case.current, Some(0), "{}", s.id);
        assert_eq!(case.steps.len(), s.steps.len(), "{}", s.id);
        let (done, _) = walk_to_end(case, &s.id, t0() + MINUTE, 3 * MINUTE);
        assert_eq!(done.status, CaseStatus::Selesai, "{}", s.id);
        assert_eq!(done.current, None, "{}", s.id);
        // One audit entry per action, and the revision counts them.
        assert_eq!(done.revision as usize, done.audit.len(), "{}", s.id);
        let visited = done
            .steps
            .iter()
            .filter(|r| r.status == StepStatus::Done)
            .count();
        let skipped = done
            .steps
            .iter()
            .filter(|r| r.status == StepStatus::Skipped)
            .count();
        assert_eq!(
            visited + skipped,
            s.steps.len(),
            "{}: every step done or skipped",
            s.id
        );
        assert_eq!(done.audit.len(), 1 + 2 * visited, "{}", s.id);
        for r in done.steps.iter().filter(|r| r.status == StepStatus::Done) {
            assert_eq!((r.visits, r.intervals.len()), (1, 1), "{}", s.id);
            assert_eq!(r.elapsed_ms(i64::MAX), 3 * MINUTE, "{}", s.id);
        }
        let last = done.audit.last().unwrap();
        assert!(
            matches!(
                last.kind,
                AuditKind::Finish { to: Target::Done }
                    | AuditKind::Decide {
                        to: Target::Done,
                        ..
                    }
            ),
            "{}: {:?}",
            s.id,
            last.kind
        );
        assert_eq!(
            reload(&done),
            done,
            "{}: a closed case reads back equal",
            s.id
        );
    }
}

#[test]
fn pkb_tidak_rejects_the_case_with_an_audit_entry() {
    let s = sop("pkb");
    let decision = s.step_index(4).unwrap();
    assert!(s.is_decision(decision));
    let (case, t) = walk_until(
        new_case("pkb", "pkb-2026-0001", "PKB/0001/III/2026", t0()),
        "pkb",
        decision,
        t0(),
    );
    let case = act(&case, "pkb", Action::StartStep { step: decision }, t);
    let rejected = act(
        &case,
        "pkb",
        Action::Decide {
            step: decision,
            answer: Answer::No,
        },
        t + MINUTE,
    );
    assert_eq!(rejected.status, CaseStatus::Ditolak);
    assert_eq!(rejected.current, None);
    assert_eq!(rejected.steps[decision].answer, Some(Answer::No));
    assert_eq!(rejected.steps[decision].status, StepStatus::Done);
    let entry = rejected.audit.last().unwrap();
    assert_eq!(
        entry.kind,
        AuditKind::Decide {
            answer: Answer::No,
            to: Target::Rejected
        }
    );
    assert_eq!(entry.step, Some(decision));
    assert_eq!(entry.actor, STAFF);
    assert_eq!(
        entry.describe(s),
        "Langkah 4 diputuskan: Tidak, permohonan ditolak"
    );
    // Closed: nothing but a note is accepted.
    let err = apply(
        &rejected,
        s,
        &Action::StartStep { step: 4 },
        t + 2 * MINUTE,
        STAFF,
    )
    .unwrap_err();
    assert_eq!(
        err,
        CaseError::Closed {
            status: CaseStatus::Ditolak
        }
    );
    assert!(err.to_string().contains("sudah ditolak"), "{err}");
    let noted = act(
        &rejected,
        "pkb",
        Action::AddNote {
            step: None,
            text: "Surat penolakan diambil".into(),
        },
        t + 3 * MINUTE,
    );
    assert_eq!(noted.case_notes.len(), 1);
    assert_eq!(noted.status, CaseStatus::Ditolak);
}

#[test]
fn jht_tidak_at_step_4_goes_back_to_step_1_and_every_visit_counts() {
    let s = sop("jht");
    let decision = s.step_index(4).unwrap();
    let (case, t) = walk_until(
        new_case("jht", "jht-2026-0001", "JHT/0001/III/2026", t0()),
        "jht",
        decision,
        t0(),
    );
    let case = act(&case, "jht", Action::StartStep { step: decision }, t);
    let back = act(
        &case,
        "jht",
        Action::Decide {
            step: decision,
            answer: Answer::No,
        },
        t + MINUTE,
    );
    assert_eq!(back.status, CaseStatus::Berjalan);
    assert_eq!(back.current, Some(0));
    for i in 0..=decision {
        assert_eq!(
            back.steps[i].status,
            StepStatus::Pending,
            "step {i} to be done again"
        );
        assert_eq!(
            back.steps[i].intervals.len(),
            1,
            "step {i} keeps its first visit"
        );
    }
    assert_eq!(back.steps[decision].answer, Some(Answer::No));
    assert_eq!(
        back.audit.last().unwrap().describe(s),
        "Langkah 4 diputuskan: Tidak, kembali ke langkah 1"
    );
    let (done, _) = walk_to_end(back, "jht", t + 2 * MINUTE, 5 * MINUTE);
    assert_eq!(done.status, CaseStatus::Selesai);
    for i in 0..=decision {
        assert_eq!(done.steps[i].visits, 2, "step {i}");
        // 2 minutes on the first visit, 5 on the second (1 minute for the decision's first).
        let first = if i == decision { MINUTE } else { 2 * MINUTE };
        assert_eq!(
            done.steps[i].elapsed_ms(i64::MAX),
            first + 5 * MINUTE,
            "step {i}"
        );
    }
    for i in decision + 1..s.steps.len() {
        assert_eq!(done.steps[i].visits, 1, "step {i}");
    }
    assert_eq!(done.steps[decision].answer, Some(Answer::Yes));
}

#[test]
fn tidak_to_an_earlier_step_and_to_the_decision_itself() {
    // (SOP, printed number of the decision, printed number "Tidak" leads to)
    let cases = [
        ("tpp", 3, 2),
        ("kartu-ak1", 3, 3),
        ("pelatihan-ikm-hampangen", 1, 1),
    ];
    for (sop_id, at_no, back_no) in cases {
        let s = sop(sop_id);
        let decision = s.step_index(at_no).unwrap();
        let target = s.step_index(back_no).unwrap();
        let (case, t) = walk_until(
            new_case(sop_id, "x-2026-0001", "X/0001/III/2026", t0()),
            sop_id,
            decision,
            t0(),
        );
        let case = act(&case, sop_id, Action::StartStep { step: decision }, t);
        let back = act(
            &case,
            sop_id,
            Action::Decide {
                step: decision,
                answer: Answer::No,
            },
            t + MINUTE,
        );
        assert_eq!(back.current, Some(target), "{sop_id}");
        assert_eq!(back.steps[target].status, StepStatus::Pending, "{sop_id}");
        let again = act(
            &back,
            sop_id,
            Action::StartStep { step: target },
            t + 2 * MINUTE,
        );
        assert_eq!(again.steps[target].visits, 2, "{sop_id}");
        let finished = if s.is_decision(target) {
            act(
                &again,
                sop_id,
                Action::Decide {
                    step: target,
                    answer: Answer::Yes,
                },
                t + 3 * MINUTE,
            )
        } else {
            act(
                &again,
                sop_id,
                Action::FinishStep { step: target },
                t + 3 * MINUTE,
            )
        };
        let (done, _) = walk_to_end(finished, sop_id, t + 4 * MINUTE, MINUTE);
        assert_eq!(done.status, CaseStatus::Selesai, "{sop_id}");
    }
}

#[test]
fn a_forward_jump_marks_the_steps_passed_over_as_skipped() {
    // (SOP, decision no, answer, skipped no, next no)
    let cases = [
        ("penerimaan-tamu-hampangen", 4, Answer::No, 5, 6),
        ("desain-produk-ikm", 4, Answer::Yes, 5, 6),
    ];
    for (sop_id, at_no, answer, skipped_no, next_no) in cases {
        let s = sop(sop_id);
        let decision = s.step_index(at_no).unwrap();
        let (case, t) = walk_until(
            new_case(sop_id, "x-2026-0001", "X/0001/III/2026", t0()),
            sop_id,
            decision,
            t0(),
        );
        let case = act(&case, sop_id, Action::StartStep { step: decision }, t);
        let jumped = act(
            &case,
            sop_id,
            Action::Decide {
                step: decision,
                answer,
            },
            t + MINUTE,
        );
        let skipped = s.step_index(skipped_no).unwrap();
        assert_eq!(
            jumped.steps[skipped].status,
            StepStatus::Skipped,
            "{sop_id}"
        );
        assert_eq!(jumped.current, s.step_index(next_no), "{sop_id}");
        let (done, _) = walk_to_end(jumped, sop_id, t + 2 * MINUTE, MINUTE);
        assert_eq!(done.status, CaseStatus::Selesai, "{sop_id}");
        assert_eq!(done.steps[skipped].status, StepStatus::Skipped, "{sop_id}");
        assert!(done.steps[skipped].intervals.is_empty(), "{sop_id}");
    }
}

#[test]
fn cancel_needs_a_reason_and_stops_the_timer() {
    let case = new_case("jht", "jht-2026-0001", "JHT/0001/III/2026", t0());
    let running = act(&case, "jht", Action::StartStep { step: 0 }, t0() + MINUTE);
    for reason in ["", "   \n"] {
        let err = apply(
            &running,
            sop("jht"),
            &Action::Cancel {
                reason: reason.into(),
            },
            t0() + 2 * MINUTE,
            STAFF,
        )
        .unwrap_err();
        assert_eq!(err.to_string(), "Alasan pembatalan wajib diisi.");
    }
    let cancelled = act(
        &running,
        "jht",
        Action::Cancel {
            reason: "  Pemohon menarik berkas ".into(),
        },
        t0() + 3 * MINUTE,
    );
    assert_eq!(cancelled.status, CaseStatus::Dibatalkan);
    assert_eq!(
        cancelled.cancel_reason.as_deref(),
        Some("Pemohon menarik berkas")
    );
    assert_eq!(cancelled.current, None);
    assert_eq!(cancelled.steps[0].status, StepStatus::Paused);
    assert_eq!(
        cancelled.steps[0].elapsed_ms(t0() + 60 * MINUTE),
        2 * MINUTE,
        "the timer stopped at the cancel"
    );
    let entry = cancelled.audit.last().unwrap();
    assert_eq!((entry.kind, entry.step), (AuditKind::Cancel, Some(0)));
    assert_eq!(
        entry.describe(sop("jht")),
        "Permohonan dibatalkan: Pemohon menarik berkas"
    );
    let again = apply(
        &cancelled,
        sop("jht"),
        &Action::Cancel {
            reason: "lagi".into(),
        },
        t0(),
        STAFF,
    )
    .unwrap_err();
    assert_eq!(
        again,
        CaseError::Closed {
            status: CaseStatus::Dibatalkan
        }
    );
}

#[test]
fn invalid_actions_are_refused_with_indonesian_messages() {
    let jht = sop("jht");
    let decision = jht.step_index(4).unwrap();
    let fresh = new_case("jht", "jht-2026-0001", "JHT/0001/III/2026", t0());
    let running = act(&fresh, "jht", Action::StartStep { step: 0 }, t0());
    let (at_decision, t) = walk_until(fresh.clone(), "jht", decision, t0());
    let deciding = act(&at_decision, "jht", Action::StartStep { step: decision }, t);
    let done = walk_to_end(fresh.clone(), "jht", t0(), MINUTE).0;
    let fields_of = |c: &Case| CaseFields {
        applicant: c.applicant.clone(),
        contact: c.contact.clone(),
        subject: c.subject.clone(),
        notes: c.notes.clone(),
    };
    let long = "x".repeat(201);
    let check: Vec<(&Case, Action, &str, &str)> = vec![
        (&fresh, Action::FinishStep { step: 2 }, STAFF, "Langkah 3 bukan langkah yang sedang dikerjakan; langkah saat ini adalah langkah 1."),
        (&fresh, Action::FinishStep { step: 0 }, STAFF, "Langkah 1 belum dimulai: mulai langkah ini dahulu sebelum menyelesaikannya."),
        (&fresh, Action::PauseStep { step: 0 }, STAFF, "Langkah 1 belum dimulai: hanya langkah yang sedang dikerjakan yang dapat dijeda."),
        (&running, Action::StartStep { step: 0 }, STAFF, "Langkah 1 sedang dikerjakan: hanya langkah yang belum dimulai yang dapat dimulai."),
        (&running, Action::ResumeStep { step: 0 }, STAFF, "Langkah 1 sedang dikerjakan: hanya langkah yang dijeda yang dapat dilanjutkan."),
        (&running, Action::Decide { step: 0, answer: Answer::Yes }, STAFF, "Langkah 1 bukan keputusan; tandai langkah ini selesai."),
        (&deciding, Action::FinishStep { step: decision }, STAFF, "Langkah 4 adalah keputusan (\u{201c}Berkas lengkap?\u{201d}): jawab Ya atau Tidak."),
        (&fresh, Action::StartStep { step: 9 }, STAFF, "Langkah urutan ke-10 tidak ada pada SOP ini."),
        (&done, Action::StartStep { step: 0 }, STAFF, "Permohonan ini sudah selesai; langkahnya tidak dapat diubah lagi (catatan masih dapat ditambahkan)."),
        (&done, Action::Edit(fields_of(&done)), STAFF, "Permohonan ini sudah selesai; langkahnya tidak dapat diubah lagi (catatan masih dapat ditambahkan)."),
        (&fresh, Action::TickChecklist { step: 0, item: 1, ticked: true }, STAFF, "Butir kelengkapan ke-2 tidak ada pada SOP ini."),
        (&fresh, Action::TickChecklist { step: 0, item: 0, ticked: false }, STAFF, "Butir kelengkapan ini memang belum dicentang."),
        (&fresh, Action::Edit(fields_of(&fresh)), STAFF, "Tidak ada perubahan untuk disimpan."),
        (&fresh, Action::Edit(CaseFields { applicant: " ".into(), ..fields_of(&fresh) }), STAFF, "Nama pemohon wajib diisi."),
        (&fresh, Action::Edit(CaseFields { applicant: long.clone(), ..fields_of(&fresh) }), STAFF, "Nama pemohon terlalu panjang (paling banyak 200 karakter)."),
        (&fresh, Action::AddNote { step: Some(0), text: "\t".into() }, STAFF, "Catatan wajib diisi."),
        (&fresh, Action::StartStep { step: 0 }, "  ", "Nama petugas wajib diisi."),
    ];
    for (case, action, actor, expect) in check {
        let got = apply(case, jht, &action, t + MINUTE, actor);
        match got {
            Err(e) => assert_eq!(e.to_string(), expect, "{action:?}"),
            Ok(_) => panic!("{action:?} should be refused with {expect:?}"),
        }
    }
    let wrong = apply(
        &fresh,
        sop("pkb"),
        &Action::StartStep { step: 0 },
        t0(),
        STAFF,
    )
    .unwrap_err();
    assert_eq!(
        wrong.to_string(),
        "Permohonan ini memakai SOP \u{201c}jht\u{201d}, bukan \u{201c}pkb\u{201d}."
    );
}

#[test]
fn every_action_adds_one_audit_entry_a_revision_and_the_time() {
    let jht = sop("jht");
    let mut case = new_case("jht", "jht-2026-0001", "JHT/0001/III/2026", t0());
    assert_eq!((case.revision, case.audit.len()), (1, 1));
    assert_eq!(case.audit[0].kind, AuditKind::Create);
    let steps: Vec<(Action, AuditKind, Option<usize>)> = vec![
        (
            Action::TickChecklist {
                step: 0,
                item: 0,
                ticked: true,
            },
            AuditKind::Tick {
                item: 0,
                ticked: true,
            },
            Some(0),
        ),
        (Action::StartStep { step: 0 }, AuditKind::Start, Some(0)),
        (Action::PauseStep { step: 0 }, AuditKind::Pause, Some(0)),
        (Action::ResumeStep { step: 0 }, AuditKind::Resume, Some(0)),
        (
            Action::AddNote {
                step: Some(0),
                text: "Fotokopi KTP kurang jelas".into(),
            },
            AuditKind::Note,
            Some(0),
        ),
        (
            Action::TickChecklist {
                step: 0,
                item: 0,
                ticked: false,
            },
            AuditKind::Tick {
                item: 0,
                ticked: false,
            },
            Some(0),
        ),
        (
            Action::FinishStep { step: 0 },
            AuditKind::Finish {
                to: Target::Step(1),
            },
            Some(0),
        ),
        (
            Action::Edit(CaseFields {
                contact: "0813-0000-1111".into(),
                ..fields("Budi Santoso")
            }),
            AuditKind::Edit,
            None,
        ),
        (
            Action::AddNote {
                step: None,
                text: "Pemohon menelepon".into(),
            },
            AuditKind::Note,
            None,
        ),
        (
            Action::Cancel {
                reason: "Salah SOP".into(),
            },
            AuditKind::Cancel,
            Some(1),
        ),
    ];
    for (k, (action, kind, step)) in steps.into_iter().enumerate() {
        let t = t0() + (k as i64 + 1) * MINUTE + 999; // milliseconds are dropped: times are kept to the second
        let next = apply(&case, jht, &action, t, "Andi").unwrap();
        assert_eq!(next.revision, case.revision + 1, "{action:?}");
        assert_eq!(next.updated_ms, t - 999, "{action:?}");
        assert_eq!(next.audit.len(), case.audit.len() + 1, "{action:?}");
        let e = next.audit.last().unwrap();
        assert_eq!(
            (e.kind, e.step, e.at_ms, e.actor.as_str()),
            (kind, step, t - 999, "Andi"),
            "{action:?}"
        );
        case = next;
    }
    assert_eq!(case.steps[0].notes.len(), 1);
    assert_eq!(case.case_notes[0].text, "Pemohon menelepon");
    assert!(case.steps[0].checklist.is_empty());
    assert_eq!(case.contact, "0813-0000-1111");
    let edit = case
        .audit
        .iter()
        .find(|e| e.kind == AuditKind::Edit)
        .unwrap();
    assert_eq!(
        edit.detail,
        "Kontak \u{201c}0812-5123-4567\u{201d} \u{2192} \u{201c}0813-0000-1111\u{201d}"
    );
}

#[test]
fn elapsed_time_sums_the_intervals_across_pauses_and_reloads() {
    let t = t0();
    let case = new_case("jht", "jht-2026-0001", "JHT/0001/III/2026", t);
    let case = act(&case, "jht", Action::StartStep { step: 0 }, t);
    assert_eq!(
        case.steps[0].elapsed_ms(t + 90_000),
        90_000,
        "an open interval counts up to now"
    );
    let case = act(&case, "jht", Action::PauseStep { step: 0 }, t + 5 * MINUTE);
    assert_eq!(
        case.steps[0].elapsed_ms(t + 60 * MINUTE),
        5 * MINUTE,
        "paused: time stands still"
    );
    let case = act(
        &case,
        "jht",
        Action::ResumeStep { step: 0 },
        t + 10 * MINUTE,
    );
    // Reload mid-timer: stored, read back, and the timer goes on from the timestamps.
    let reloaded = reload(&case);
    assert_eq!(reloaded, case);
    assert_eq!(reloaded.steps[0].elapsed_ms(t + 11 * MINUTE), 6 * MINUTE);
    let paused = act(
        &reloaded,
        "jht",
        Action::PauseStep { step: 0 },
        t + 12 * MINUTE,
    );
    assert_eq!(paused.steps[0].elapsed_ms(i64::MAX), 7 * MINUTE);
    assert_eq!(paused.steps[0].intervals.len(), 2);
    assert_eq!(paused.case_elapsed_ms(i64::MAX), 7 * MINUTE);
}

#[test]
fn a_clock_set_back_never_gives_negative_time() {
    let t = t0();
    let case = new_case("jht", "jht-2026-0001", "JHT/0001/III/2026", t);
    let case = act(&case, "jht", Action::StartStep { step: 0 }, t);
    assert_eq!(
        case.steps[0].elapsed_ms(t - 3_600_000),
        0,
        "now before the start counts 0"
    );
    assert_eq!(case.step_working_minutes(0, t - 3_600_000, calendar()), 0);
    // Paused with the clock an hour behind: the interval ends at its start.
    let paused = act(&case, "jht", Action::PauseStep { step: 0 }, t - 3_600_000);
    assert_eq!(paused.steps[0].intervals[0].end_ms, Some(t));
    assert_eq!(paused.steps[0].elapsed_ms(t + 3_600_000), 0);
    // Resumed still behind, then paused later: only the real span counts.
    let resumed = act(
        &paused,
        "jht",
        Action::ResumeStep { step: 0 },
        t - 1_800_000,
    );
    let paused = act(
        &resumed,
        "jht",
        Action::PauseStep { step: 0 },
        t - 1_200_000,
    );
    assert_eq!(paused.steps[0].elapsed_ms(i64::MAX), 10 * MINUTE);
    // A stored interval that ends before it starts (edited by hand, or an old clock) counts 0.
    let mut odd = paused.clone();
    odd.steps[0].intervals[0].end_ms = Some(t - 5 * MINUTE);
    assert_eq!(odd.steps[0].elapsed_ms(i64::MAX), 10 * MINUTE);
    assert_eq!(odd.step_working_minutes(0, i64::MAX, calendar()), 10);
}

#[test]
fn mutu_baku_is_counted_in_working_time_on_the_office_calendar() {
    let jht = sop("jht");
    let cal = calendar();
    // JHT step 2 ("5 (Lima)menit") started on Friday 6 March 2026 at 15:58 WIB.
    let fri = wib(2026, 3, 6, 15, 58);
    let case = new_case(
        "jht",
        "jht-2026-0001",
        "JHT/0001/III/2026",
        fri - 10 * MINUTE,
    );
    let case = act(
        &case,
        "jht",
        Action::StartStep { step: 0 },
        fri - 10 * MINUTE,
    );
    let case = act(&case, "jht", Action::FinishStep { step: 0 }, fri - MINUTE);
    let case = act(&case, "jht", Action::StartStep { step: 1 }, fri);
    // (now, working minutes of step 2, over the mutu baku?)
    let check = [
        (wib(2026, 3, 6, 16, 0), 2, false),
        (wib(2026, 3, 7, 12, 0), 2, false), // Saturday
        (wib(2026, 3, 8, 23, 0), 2, false), // Sunday
        (wib(2026, 3, 9, 8, 3), 5, false),  // Monday: exactly the 5 minutes
        (wib(2026, 3, 9, 8, 4), 6, true),
    ];
    for (now, minutes, over) in check {
        assert_eq!(
            case.step_working_minutes(1, now, cal),
            minutes,
            "at {}",
            cal.utc_ms_to_local(now)
        );
        assert_eq!(
            case.step_overdue(jht, 1, now, cal),
            over,
            "at {}",
            cal.utc_ms_to_local(now)
        );
        assert_eq!(
            case.case_overdue(jht, now, cal),
            over,
            "at {}",
            cal.utc_ms_to_local(now)
        );
    }
    // Step 1 prints no time: never over, however long it took (9 minutes here).
    assert!(!case.step_overdue(jht, 0, i64::MAX / 2, cal));
    assert_eq!(case.case_working_minutes(wib(2026, 3, 9, 8, 4), cal), 9 + 6);
    // A pause stops the working time; the elapsed (wall-clock) time is not what counts.
    let paused = act(
        &case,
        "jht",
        Action::PauseStep { step: 1 },
        wib(2026, 3, 9, 8, 1),
    );
    assert!(!paused.step_overdue(jht, 1, wib(2026, 3, 20, 12, 0), cal));
    assert_eq!(paused.step_elapsed_ms(1, 0), wib(2026, 3, 9, 8, 1) - fri);
}

#[test]
fn describe_says_each_entry_in_indonesian() {
    let jht = sop("jht");
    let t = t0();
    let case = new_case("jht", "jht-2026-0001", "JHT/0001/III/2026", t);
    let case = act(
        &case,
        "jht",
        Action::TickChecklist {
            step: 0,
            item: 0,
            ticked: true,
        },
        t,
    );
    let case = act(&case, "jht", Action::StartStep { step: 0 }, t);
    let case = act(
        &case,
        "jht",
        Action::AddNote {
            step: Some(0),
            text: "Berkas asli dibawa".into(),
        },
        t,
    );
    let case = act(&case, "jht", Action::FinishStep { step: 0 }, t);
    let lines: Vec<String> = case.audit.iter().map(|e| e.describe(jht)).collect();
    assert_eq!(
        lines,
        [
            "Permohonan dibuat",
            "Langkah 1: butir kelengkapan 1 dicentang",
            "Langkah 1 dimulai",
            "Catatan pada langkah 1: Berkas asli dibawa",
            "Langkah 1 selesai, lanjut ke langkah 2",
        ]
    );
}
