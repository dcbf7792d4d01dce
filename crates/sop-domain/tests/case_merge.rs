//! Two versions of one case changed apart on two PCs, merged: nothing lost, nothing done twice,
//! the same result whichever version comes first.

#![cfg(feature = "loader")]

#[path = "case_support.rs"]
mod support;

use std::collections::BTreeMap;

use proptest::prelude::*;
use sop_domain::case::{
    apply, Action, AuditEntry, AuditKind, Case, CaseFields, CaseStatus, StepStatus,
};
use sop_domain::merge::{compare_versions, merge_cases, MergeError, Versions};
use sop_domain::store::{case_key, decode_case, encode_case, encode_case_json, validate_case};
use support::*;

fn t0() -> i64 {
    wib(2026, 3, 2, 9, 0)
}

fn act_as(case: &Case, action: Action, t: i64, actor: &str) -> Case {
    apply(case, sop(&case.sop_id), &action, t, actor)
        .unwrap_or_else(|e| panic!("{action:?} at step {:?}: {e}", case.current))
}

/// A JHT case both PCs have: created, item 1 ticked, step 1 started (revision 3).
fn base() -> Case {
    let c = new_case_with_uid(
        "jht",
        "jht-2026-0001",
        "JHT/0001/III/2026",
        "Pc7hQ2mZk9RxW4tB",
        t0(),
    );
    jht_step_one_running(c, t0())
}

fn merged(a: &Case, b: &Case) -> Case {
    let m = merge_cases(a, b, sop(&a.sop_id)).expect("same case");
    assert_eq!(
        merge_cases(b, a, sop(&a.sop_id)).as_ref(),
        Ok(&m),
        "commutative"
    );
    m
}

/// Every entry of `version` is in `merged`, as often as in `version` (the no-effect mark aside).
fn holds_all(merged: &Case, version: &Case) -> bool {
    let count = |c: &Case| {
        let mut m: BTreeMap<String, usize> = BTreeMap::new();
        for e in &c.audit {
            let e = AuditEntry {
                no_effect: false,
                ..e.clone()
            };
            *m.entry(format!("{e:?}")).or_default() += 1;
        }
        m
    };
    let all = count(merged);
    count(version)
        .iter()
        .all(|(k, n)| all.get(k).is_some_and(|m| m >= n))
}

#[test]
fn both_pcs_finishing_the_same_step_finish_it_once_and_keep_both_entries() {
    let b0 = base();
    let a = act_as(
        &b0,
        Action::FinishStep { step: 0 },
        t0() + 5 * MINUTE,
        "Rina Wati",
    );
    let b = act_as(
        &b0,
        Action::FinishStep { step: 0 },
        t0() + 7 * MINUTE,
        "Andi Pratama",
    );
    let b = act_as(
        &b,
        Action::StartStep { step: 1 },
        t0() + 8 * MINUTE,
        "Andi Pratama",
    );
    let m = merged(&a, &b);
    assert!(holds_all(&m, &a) && holds_all(&m, &b));
    assert_eq!(
        m.audit.len(),
        3 + 1 + 2 + 1,
        "common past once, both finishes, the start, the merge"
    );
    // Rina's finish came first; Andi's is kept, marked, and Andi's start of step 2 still fits.
    assert_eq!(m.steps[0].status, StepStatus::Done);
    assert_eq!(m.steps[0].intervals.len(), 1);
    assert_eq!(m.steps[0].elapsed_ms(i64::MAX), 3 * MINUTE);
    assert_eq!(
        (m.current, m.steps[1].status),
        (Some(1), StepStatus::Running)
    );
    let marked: Vec<String> = m
        .audit
        .iter()
        .filter(|e| e.no_effect)
        .map(|e| e.describe(sop("jht")))
        .collect();
    assert_eq!(marked, ["Langkah 1 selesai, lanjut ke langkah 2 (tidak berpengaruh: saat dua versi digabung, permohonan sudah dalam keadaan lain)"]);
    let last = m.audit.last().unwrap();
    assert_eq!(
        (last.kind, last.actor.as_str(), last.at_ms),
        (AuditKind::Merged, "Aplikasi", b.updated_ms)
    );
    assert_eq!(
        last.describe(sop("jht")),
        "Dua versi permohonan yang diubah terpisah digabung: revisi 4 (terakhir diubah oleh Rina Wati) dan revisi 5 (terakhir diubah oleh Andi Pratama); riwayat keduanya disimpan utuh"
    );
    assert_eq!(m.revision, 7);
    assert!(m.revision > a.revision && m.revision > b.revision);
    // The merged case is stored as its log alone, the marked entry included.
    let json = encode_case_json(&m);
    assert!(
        json.contains("[\"!f\",") && json.contains("[\"g\","),
        "{json}"
    );
    assert!(!json.contains("\"sx\""), "{json}");
    assert_eq!(
        decode_case(&case_key(&m.id), &encode_case(&m)),
        Ok(m.clone())
    );
    validate_case(&m, catalogue()).unwrap();
    assert_eq!(compare_versions(&m, &a), Versions::FirstIsNewer);
    assert_eq!(compare_versions(&b, &m), Versions::SecondIsNewer);
    assert_eq!(compare_versions(&a, &b), Versions::Diverged);
    assert_eq!(compare_versions(&m, &m.clone()), Versions::Same);
}

#[test]
fn edits_of_different_fields_are_both_kept_and_the_later_edit_of_a_field_wins() {
    let b0 = base();
    let edit = |c: &Case, f: &dyn Fn(&mut CaseFields), t: i64, who: &str| {
        let mut fields = CaseFields {
            applicant: c.applicant.clone(),
            contact: c.contact.clone(),
            subject: c.subject.clone(),
            notes: c.notes.clone(),
        };
        f(&mut fields);
        act_as(c, Action::Edit(fields), t, who)
    };
    let a = edit(
        &b0,
        &|f| f.contact = "0813-1111-2222".into(),
        t0() + 10 * MINUTE,
        "Rina Wati",
    );
    let a = edit(
        &a,
        &|f| f.subject = "Klaim JHT (Rina)".into(),
        t0() + 30 * MINUTE,
        "Rina Wati",
    );
    let b = edit(
        &b0,
        &|f| f.applicant = "Budi Santoso, S.E.".into(),
        t0() + 5 * MINUTE,
        "Andi Pratama",
    );
    let b = edit(
        &b,
        &|f| f.subject = "Klaim JHT (Andi)".into(),
        t0() + 20 * MINUTE,
        "Andi Pratama",
    );
    let m = merged(&a, &b);
    assert_eq!(m.applicant, "Budi Santoso, S.E.");
    assert_eq!(m.contact, "0813-1111-2222");
    assert_eq!(
        m.subject, "Klaim JHT (Rina)",
        "Rina's edit of the subject is the later one"
    );
    assert!(holds_all(&m, &a) && holds_all(&m, &b));
    assert!(m.audit.iter().all(|e| !e.no_effect));
}

#[test]
fn work_done_after_the_other_pc_cancelled_is_kept_without_effect() {
    let b0 = base();
    let a = act_as(
        &b0,
        Action::Cancel {
            reason: "Pemohon menarik berkas".into(),
        },
        t0() + 10 * MINUTE,
        "Rina Wati",
    );
    let b = act_as(
        &b0,
        Action::FinishStep { step: 0 },
        t0() + 20 * MINUTE,
        "Andi Pratama",
    );
    let b = act_as(
        &b,
        Action::AddNote {
            step: None,
            text: "Berkas diantar ulang".into(),
        },
        t0() + 21 * MINUTE,
        "Andi Pratama",
    );
    let b = act_as(
        &b,
        Action::StartStep { step: 1 },
        t0() + 22 * MINUTE,
        "Andi Pratama",
    );
    let m = merged(&a, &b);
    assert_eq!(m.status, CaseStatus::Dibatalkan);
    assert_eq!(m.current, None);
    assert_eq!(m.cancel_reason.as_deref(), Some("Pemohon menarik berkas"));
    assert_eq!(
        m.steps[0].status,
        StepStatus::Paused,
        "the timer stopped at the cancel"
    );
    assert_eq!(m.steps[0].elapsed_ms(i64::MAX), 8 * MINUTE);
    // A note is a fact, welcome on a closed case; the step work is kept, without effect.
    assert_eq!(m.case_notes.len(), 1);
    let marks: Vec<(AuditKind, bool)> = m.audit[3..m.audit.len() - 1]
        .iter()
        .map(|e| (e.kind, e.no_effect))
        .collect();
    assert_eq!(
        marks,
        [
            (AuditKind::Cancel, false),
            (
                AuditKind::Finish {
                    to: sop_domain::catalogue::Target::Step(1)
                },
                true
            ),
            (AuditKind::Note, false),
            (AuditKind::Start, true),
        ]
    );
    validate_case(&m, catalogue()).unwrap();
}

#[test]
fn two_unticks_of_the_same_item_untick_it_once() {
    let b0 = base(); // kelengkapan item 1 of step 1 ticked
    let untick = Action::TickChecklist {
        step: 0,
        item: 0,
        ticked: false,
    };
    let a = act_as(&b0, untick.clone(), t0() + 10 * MINUTE, "Rina Wati");
    let b = act_as(&b0, untick, t0() + 11 * MINUTE, "Andi Pratama");
    let b = act_as(
        &b,
        Action::TickChecklist {
            step: 0,
            item: 0,
            ticked: true,
        },
        t0() + 12 * MINUTE,
        "Andi Pratama",
    );
    let m = merged(&a, &b);
    // Rina unticks, Andi's untick changes nothing, Andi's tick ticks it again.
    let ticks: Vec<(bool, bool)> = m
        .audit
        .iter()
        .skip(3)
        .filter_map(|e| match e.kind {
            AuditKind::Tick { ticked, .. } => Some((ticked, e.no_effect)),
            _ => None,
        })
        .collect();
    assert_eq!(ticks, [(false, false), (false, true), (true, false)]);
    assert!(m.steps[0].is_ticked(0));
}

#[test]
fn two_different_cases_are_not_merged() {
    let a = base();
    let b = new_case_with_uid(
        "jht",
        "jht-2026-0001",
        "JHT/0001/III/2026",
        "Zz9yQ1mXk2RxW4tB",
        t0(),
    );
    assert_eq!(
        merge_cases(&a, &b, sop("jht")).map_err(|e| e.to_string()),
        Err("Permohonan JHT/0001/III/2026 dan JHT/0001/III/2026 adalah dua permohonan yang berbeda; keduanya tidak dapat digabung.".to_string())
    );
    assert!(matches!(
        merge_cases(&a, &a, sop("pkb")),
        Err(MergeError::WrongSop { .. })
    ));
}

// ---------------------------------------------------------------------------------------------
// Properties.
// ---------------------------------------------------------------------------------------------

fn op_strategy() -> impl Strategy<Value = Op> {
    // A cancel is rare: most versions should still be open when the other PC's work meets them.
    prop_oneof![
        8 => Just(Op::Start),
        4 => Just(Op::Pause),
        4 => Just(Op::Resume),
        8 => any::<bool>().prop_map(Op::Finish),
        2 => (any::<bool>(), "[a-z ]{1,8}").prop_map(|(s, t)| Op::Note(s, t)),
        4 => (0usize..4, any::<bool>()).prop_map(|(i, t)| Op::Tick(i, t)),
        2 => (0u8..4, "[a-zA-Z]{1,6}").prop_map(|(f, v)| Op::EditField(f, v)),
        1 => Just(Op::Cancel),
    ]
}

/// `ops` applied one after the other from `t`, each `dt` seconds after the last (negative: the
/// PC's clock was set back).
fn walk(mut case: Case, ops: &[(Op, i64)], mut t: i64, actor: &str) -> Case {
    for (op, dt) in ops {
        t += dt * 1000;
        if let Some(next) = apply_op(&case, op, t, actor) {
            case = next;
        }
    }
    case
}

/// What a case is, its log aside.
fn state(c: &Case) -> impl PartialEq + std::fmt::Debug + '_ {
    (
        (
            &c.id,
            &c.number,
            &c.previous_numbers,
            &c.applicant,
            &c.contact,
            &c.subject,
            &c.notes,
        ),
        (
            c.status,
            c.current,
            &c.steps,
            &c.case_notes,
            &c.cancel_reason,
        ),
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    /// From a common past, two PCs do any valid actions with their own clocks: merging either
    /// way gives the same case, holding every entry of both, valid, stored without loss, and
    /// newer than both. Merging with its own past gives a version back its own state.
    #[test]
    fn merging_two_versions_is_commutative_and_loses_no_action(
        sop_index in 0usize..22,
        common in prop::collection::vec((op_strategy(), 0i64..600), 0..12),
        on_a in prop::collection::vec((op_strategy(), -120i64..3_600), 0..14),
        on_b in prop::collection::vec((op_strategy(), -120i64..3_600), 0..14),
        skew in -1_800i64..1_800,
    ) {
        let sop_id = catalogue().sops[sop_index].id.clone();
        let created = new_case_with_uid(&sop_id, "x-2026-0001", "X/0001/III/2026", "Qm3vX8pLr2TzK6wN", t0());
        let past = walk(created, &common, t0(), "Rina Wati");
        let a = walk(past.clone(), &on_a, past.updated_ms, "Rina Wati");
        let b = walk(past.clone(), &on_b, past.updated_ms + skew * 1000, "Andi Pratama");

        let m = merge_cases(&a, &b, sop(&sop_id)).unwrap();
        prop_assert_eq!(&merge_cases(&b, &a, sop(&sop_id)).unwrap(), &m);
        prop_assert!(holds_all(&m, &a), "every entry of the first version is kept");
        prop_assert!(holds_all(&m, &b), "every entry of the second version is kept");
        prop_assert_eq!(m.audit.last().map(|e| e.kind), Some(AuditKind::Merged));
        prop_assert!(m.revision > a.revision && m.revision > b.revision);
        prop_assert_eq!(m.uid.as_str(), a.uid.as_str());
        prop_assert!(validate_case(&m, catalogue()).is_ok(), "{:?}", validate_case(&m, catalogue()));
        prop_assert_eq!(decode_case(&case_key(&m.id), &encode_case(&m)), Ok(m.clone()));
        prop_assert_eq!(compare_versions(&m, &a), Versions::FirstIsNewer);
        prop_assert_eq!(compare_versions(&m, &b), Versions::FirstIsNewer);
        // The replay is `apply`'s own: a version merged with its own past is itself again.
        for v in [&a, &b] {
            let alone = merge_cases(v, &past, sop(&sop_id)).unwrap();
            prop_assert_eq!(state(&alone), state(v));
            prop_assert!(alone.audit.iter().all(|e| !e.no_effect));
        }
    }
}
