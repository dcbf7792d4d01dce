//! Two PCs number cases on their own: a hand-over or a backup brings two different cases with
//! one number together. The one created first keeps it; the other takes the next free number,
//! keeps its history, and is still found by its old number. Both PCs end up alike.

#![cfg(feature = "loader")]

#[path = "case_support.rs"]
mod support;

use std::collections::HashSet;

use proptest::prelude::*;
use sop_domain::case::{clash_order, next_number, renumber, Action, AuditKind, Case};
use sop_domain::store::{
    decide_import, export_backup, export_case, export_case_with_numbers, filter_summaries,
    import_backup, import_case, read_case_file, summarize, validate_case, CaseFilter, CaseLookup,
    CaseWrite, ImportOutcome, ImportPlan, Moved, SenderNumbers,
};
use support::*;

/// One PC: its stored cases and the ids of values it could not read.
#[derive(Clone, Debug, Default)]
struct Pc {
    cases: Vec<Case>,
    unreadable_ids: Vec<String>,
}

impl CaseLookup for Pc {
    fn known_numbers(&self) -> Vec<String> {
        let mut known = self.cases.known_numbers();
        known.extend(self.unreadable_ids.iter().cloned());
        known
    }
    fn cases_with_ids(&self, ids: &[String]) -> Vec<Case> {
        self.cases.cases_with_ids(ids)
    }
}

impl Pc {
    /// A new case of `sop_id` at `t`, numbered as the app numbers it.
    fn create(&mut self, sop_id: &str, t: i64, uid: &str) -> Case {
        let known = self.known_numbers();
        let (id, number) = next_number(
            sop(sop_id),
            known.iter().map(String::as_str),
            calendar().utc_ms_to_local(t),
        );
        let case = new_case_with_uid(sop_id, &id, &number, uid, t);
        self.cases.push(case.clone());
        case
    }

    fn get(&self, uid: &str) -> Option<&Case> {
        self.cases.iter().find(|c| c.uid == uid)
    }

    fn stored_revision(&self, id: &str) -> u64 {
        self.cases
            .iter()
            .find(|c| c.id == id)
            .map_or(0, |c| c.revision)
    }

    /// The writes of a plan, as the app makes them: each checked against what is stored.
    fn write(&mut self, plan: &ImportPlan) {
        for w in &plan.writes {
            match w {
                CaseWrite::Save { case, replaces } => {
                    assert_eq!(
                        self.stored_revision(&case.id),
                        *replaces,
                        "save {}",
                        case.id
                    );
                    self.cases.retain(|c| c.id != case.id);
                    self.cases.push(case.clone());
                }
                CaseWrite::Move {
                    case,
                    from_id,
                    replaces,
                    ..
                } => {
                    assert_eq!(
                        self.stored_revision(from_id),
                        *replaces,
                        "move from {from_id}"
                    );
                    assert_eq!(
                        self.stored_revision(&case.id),
                        0,
                        "move to {}: free",
                        case.id
                    );
                    self.cases.retain(|c| c.id != *from_id);
                    self.cases.push(case.clone());
                }
            }
        }
    }

    fn import(&mut self, file: &str) -> ImportPlan {
        let plan = import_case(file, self, catalogue()).expect("imports");
        self.write(&plan);
        plan
    }

    /// The hand-over file of the case with `uid`, as the app writes it.
    fn hand_over(&self, uid: &str, t: i64) -> String {
        let known = self.known_numbers();
        let sender = SenderNumbers::new(
            known.iter().map(String::as_str),
            self.cases
                .iter()
                .filter(|c| !c.previous_numbers.is_empty())
                .map(|c| (c.uid.as_str(), c.number.as_str())),
        );
        export_case_with_numbers(self.get(uid).expect("the case is here"), &sender, t)
    }

    /// The uids the case list finds for `query`.
    fn search(&self, query: &str) -> Vec<String> {
        let summaries: Vec<_> = self
            .cases
            .iter()
            .map(|c| summarize(c, sop(&c.sop_id), calendar()))
            .collect();
        let filter = CaseFilter {
            query: query.to_string(),
            ..Default::default()
        };
        filter_summaries(&summaries, &filter, 0)
            .into_iter()
            .map(|s| {
                self.cases
                    .iter()
                    .find(|c| c.id == s.id)
                    .unwrap()
                    .uid
                    .clone()
            })
            .collect()
    }

    fn check_consistent(&self) {
        let ids: HashSet<&str> = self.cases.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids.len(), self.cases.len(), "one case per storage key");
        let uids: HashSet<&str> = self.cases.iter().map(|c| c.uid.as_str()).collect();
        assert_eq!(uids.len(), self.cases.len(), "one copy per case");
        for c in &self.cases {
            validate_case(c, catalogue()).unwrap_or_else(|e| panic!("{}: {e}", c.id));
        }
    }
}

fn renumberings(c: &Case) -> Vec<String> {
    c.audit
        .iter()
        .filter(|e| e.kind == AuditKind::Renumbered)
        .map(|e| e.describe(sop(&c.sop_id)))
        .collect()
}

/// PC A and PC B each created their first JHT case of December 2026: A at 09:00, B at 10:30.
fn two_pcs() -> (Pc, Pc) {
    let mut a = Pc::default();
    let mut b = Pc::default();
    a.create("jht", wib(2026, 12, 1, 9, 0), "A7fQ2mZk9RxW4tBn");
    b.create("jht", wib(2026, 12, 1, 10, 30), "B3vX8pLr2TzK6wNq");
    b.cases[0].applicant = "Siti Aminah".into();
    (a, b)
}

#[test]
fn a_later_case_from_a_file_takes_the_next_number_and_keeps_the_old_one() {
    let (mut a, b) = two_pcs();
    let file = b.hand_over("B3vX8pLr2TzK6wNq", wib(2026, 12, 2, 8, 0));
    let plan = a.import(&file);
    let moved = a.get("B3vX8pLr2TzK6wNq").unwrap().clone();
    assert_eq!(plan.outcome, ImportOutcome::New(moved.clone()));
    assert_eq!(
        (moved.id.as_str(), moved.number.as_str()),
        ("jht-2026-0002", "JHT/0002/XII/2026")
    );
    assert_eq!(moved.previous_numbers, ["JHT/0001/XII/2026"]);
    assert_eq!(
        a.get("A7fQ2mZk9RxW4tBn").unwrap().number,
        "JHT/0001/XII/2026",
        "the first created keeps it"
    );
    assert_eq!(
        renumberings(&moved),
        ["Nomor diubah dari JHT/0001/XII/2026 menjadi JHT/0002/XII/2026 karena nomor itu sudah dipakai permohonan lain (dibuat lebih dulu) di perangkat ini."]
    );
    let entry = moved.audit.last().unwrap();
    assert_eq!(
        (entry.actor.as_str(), entry.at_ms),
        ("Aplikasi", wib(2026, 12, 1, 10, 30))
    );
    assert_eq!(moved.revision, 2);
    assert_eq!(
        plan.notices(),
        ["Nomor JHT/0001/XII/2026 (SOP Surat Keterangan Jaminan Hari Tua) di perangkat ini sudah dipakai permohonan lain a.n. Budi Santoso yang dibuat lebih dulu. Permohonan dari berkas a.n. Siti Aminah disimpan dengan nomor baru JHT/0002/XII/2026; nomor JHT/0001/XII/2026 tetap tercatat padanya dan tetap dapat dicari."]
    );
    assert_eq!(plan.renumbered[0].moved, Moved::Incoming);
    // A document printed on PC B still says JHT/0001/XII/2026: both cases are found by it.
    assert_eq!(
        a.search("jht/0001/xii/2026"),
        ["A7fQ2mZk9RxW4tBn", "B3vX8pLr2TzK6wNq"]
    );
    assert_eq!(a.search("JHT/0002"), ["B3vX8pLr2TzK6wNq"]);
    a.check_consistent();
}

#[test]
fn an_earlier_case_from_a_file_takes_the_number_and_the_stored_case_moves() {
    let (a, mut b) = two_pcs();
    let file = a.hand_over("A7fQ2mZk9RxW4tBn", wib(2026, 12, 2, 8, 0));
    let stored = b.cases[0].clone();
    let plan = b.import(&file);
    let moved = b.get("B3vX8pLr2TzK6wNq").unwrap().clone();
    assert_eq!(moved.number, "JHT/0002/XII/2026");
    assert_eq!(
        plan.writes,
        [
            CaseWrite::Move {
                case: moved.clone(),
                from_id: "jht-2026-0001".into(),
                from_created_ms: stored.created_ms,
                replaces: 1,
            },
            CaseWrite::Save {
                case: a.cases[0].clone(),
                replaces: 0
            },
        ]
    );
    assert_eq!(plan.outcome, ImportOutcome::New(a.cases[0].clone()));
    assert_eq!(
        plan.notices(),
        ["Nomor JHT/0001/XII/2026 (SOP Surat Keterangan Jaminan Hari Tua) dipakai dua permohonan yang berbeda. Permohonan dari berkas a.n. Budi Santoso dibuat lebih dulu, jadi nomor itu miliknya; permohonan a.n. Siti Aminah yang sudah ada di perangkat ini diberi nomor baru JHT/0002/XII/2026; nomor JHT/0001/XII/2026 tetap tercatat padanya dan tetap dapat dicari."]
    );
    b.check_consistent();
    // PC A, told the other way round, makes the very same case of B's.
    let mut a = a;
    a.import(&b.hand_over("B3vX8pLr2TzK6wNq", wib(2026, 12, 2, 9, 0)));
    assert_eq!(a.get("B3vX8pLr2TzK6wNq"), Some(&moved));
}

#[test]
fn cases_created_in_the_same_second_are_ordered_by_uid() {
    let t = wib(2026, 12, 1, 9, 0);
    let mut a = Pc::default();
    let mut b = Pc::default();
    let first = a.create("jht", t, "Mmm-later-uid-zz").clone();
    let second = b.create("jht", t + 400, "Mmm-early-uid-aa").clone();
    assert_eq!(
        first.created_ms, second.created_ms,
        "times are kept to the second"
    );
    assert!(clash_order(&second, &first).is_lt());
    a.import(&b.hand_over(&second.uid, t));
    b.import(&a.hand_over(&first.uid, t));
    for pc in [&a, &b] {
        assert_eq!(pc.get(&second.uid).unwrap().number, "JHT/0001/XII/2026");
        assert_eq!(pc.get(&first.uid).unwrap().number, "JHT/0002/XII/2026");
    }
}

#[test]
fn the_next_free_number_passes_every_number_known_on_either_pc() {
    let (mut a, mut b) = two_pcs();
    // PC A: an unreadable value holds jht-2026-0006; a case renumbered earlier once had 0009.
    a.unreadable_ids.push("jht-2026-0006".into());
    let t = wib(2026, 12, 1, 11, 0);
    let extra = a.create("jht", t, "Ae8sD4fG5hJ6kL7z");
    let moved_earlier = renumber(&extra, "JHT/0010/XII/2026", t, "Aplikasi").unwrap();
    a.cases.retain(|c| c.uid != extra.uid);
    a.cases.push(moved_earlier);
    // That case was created as 0007 (after the unreadable 0006) and moved to 0010.
    assert!(a.known_numbers().contains(&"JHT/0007/XII/2026".to_string()));
    a.import(&b.hand_over("B3vX8pLr2TzK6wNq", t));
    assert_eq!(
        a.get("B3vX8pLr2TzK6wNq").unwrap().number,
        "JHT/0011/XII/2026"
    );
    // PC B learns A's highest number from A's file and gives B's case the same new number.
    b.import(&a.hand_over("A7fQ2mZk9RxW4tBn", t));
    assert_eq!(
        b.get("B3vX8pLr2TzK6wNq").unwrap().number,
        "JHT/0011/XII/2026"
    );
    // A file without numbers (an older app) still resolves the clash, with what B knows.
    let (_, mut b2) = two_pcs();
    let (a2, _) = two_pcs();
    b2.import(&export_case(&a2.cases[0], t));
    assert_eq!(
        b2.get("B3vX8pLr2TzK6wNq").unwrap().number,
        "JHT/0002/XII/2026"
    );
}

#[test]
fn a_hand_over_file_carries_the_senders_numbers_for_its_sop_and_year() {
    let (mut a, _) = two_pcs();
    a.create("pkb", wib(2026, 12, 1, 11, 0), "Pk1sD4fG5hJ6kL7z");
    a.create("jht", wib(2026, 12, 1, 12, 0), "Jh2sD4fG5hJ6kL7z");
    a.unreadable_ids.push("jht-2025-0040".into());
    let file = a.hand_over("A7fQ2mZk9RxW4tBn", wib(2026, 12, 2, 8, 0));
    let json: serde_json::Value = serde_json::from_str(&file).unwrap();
    assert_eq!(
        json["sender"],
        serde_json::json!({"highest": ["jht-2026-0002"], "moved": {}})
    );
    let (case, sender) = read_case_file(&file, catalogue()).unwrap();
    assert_eq!(case, a.cases[0]);
    assert_ne!(sender, SenderNumbers::default());
}

#[test]
fn a_case_renumbered_here_and_changed_on_its_own_pc_comes_back_merged_under_its_new_number() {
    let (mut a, b) = two_pcs();
    a.import(&b.hand_over("B3vX8pLr2TzK6wNq", wib(2026, 12, 2, 8, 0)));
    // PC B never heard of A's case: it goes on with JHT/0001 and sends it again.
    let on_b = act(
        &b.cases[0],
        "jht",
        Action::StartStep { step: 0 },
        wib(2026, 12, 2, 9, 0),
    );
    let b = Pc {
        cases: vec![on_b.clone()],
        ..Pc::default()
    };
    let plan = a.import(&b.hand_over(&on_b.uid, wib(2026, 12, 2, 10, 0)));
    let merged = a.get(&on_b.uid).unwrap();
    assert!(matches!(plan.outcome, ImportOutcome::Merged(_)));
    assert_eq!(merged.number, "JHT/0002/XII/2026");
    assert_eq!(merged.steps[0].intervals.len(), 1);
    assert_eq!(plan.writes.len(), 1, "saved in place: {:?}", plan.writes);
    assert_eq!(a.cases.len(), 2);
    a.check_consistent();
}

#[test]
fn restoring_a_backup_resolves_each_clash_the_same_way() {
    let mut a = Pc::default();
    let mut b = Pc::default();
    let t = wib(2026, 12, 1, 9, 0);
    for k in 0..3 {
        a.create("jht", t + k * 3_600_000, &format!("A{k}fQ2mZk9RxW4tB"));
        b.create(
            "jht",
            t + 1_800_000 + k * 3_600_000,
            &format!("B{k}fQ2mZk9RxW4tB"),
        );
    }
    let backup =
        import_backup(&export_backup(&a.cases, Some("Rina Wati"), t), catalogue()).unwrap();
    for case in backup.cases {
        let plan = decide_import(case, &backup.sender, &b, catalogue()).unwrap();
        b.write(&plan);
    }
    b.check_consistent();
    let numbers = |pc: &Pc| {
        let mut v: Vec<(String, String)> = pc
            .cases
            .iter()
            .map(|c| (c.uid.clone(), c.number.clone()))
            .collect();
        v.sort();
        v
    };
    // Each of A's cases was created half an hour before B's with the same number: A's keep
    // theirs, B's move up, each once, past everything either PC had.
    let got = numbers(&b);
    assert_eq!(got.len(), 6);
    for (uid, number) in &got {
        let expect_moved = uid.starts_with('B');
        let case = b.get(uid).unwrap();
        assert_eq!(
            renumberings(case).len(),
            usize::from(expect_moved),
            "{uid} {number}"
        );
        if expect_moved {
            assert!(number.as_str() > "JHT/0003", "{number}");
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The property.
// ---------------------------------------------------------------------------------------------

/// In which order the two hand-overs happen.
#[derive(Clone, Copy, Debug)]
enum Exchange {
    /// Both files written first, then both imported.
    FilesFirst,
    /// A's file imported on B, then B writes its file (knowing A's case) for A.
    AToBFirst,
    BToAFirst,
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// PC A and PC B each create JHT cases on their own (their own counts and times), so their
    /// k-th cases share a number. A hands its k-th case to B and B its k-th to A, in any order:
    /// both PCs give those two cases the same two numbers, lose no case, mark the renumbered
    /// case (and only it) in its history, and find it by its old number.
    #[test]
    fn two_pcs_exchanging_cases_with_one_number_agree_on_both_numbers(
        gaps_a in prop::collection::vec(1i64..5_000, 1..6),
        gaps_b in prop::collection::vec(1i64..5_000, 1..6),
        b_starts_later in -3_000i64..3_000,
        pick in 0usize..6,
        same_second in any::<bool>(),
        b_has_unreadable in any::<bool>(),
        exchange in prop_oneof![Just(Exchange::FilesFirst), Just(Exchange::AToBFirst), Just(Exchange::BToAFirst)],
    ) {
        let start = wib(2026, 1, 5, 8, 0);
        let k = pick % gaps_a.len().min(gaps_b.len());
        let mut a = Pc::default();
        let mut b = Pc::default();
        let mut t = start;
        for (i, gap) in gaps_a.iter().enumerate() {
            t += gap * MINUTE;
            a.create("jht", t, &test_uid(&format!("A{i}"), t));
        }
        let mut t = start + b_starts_later * MINUTE;
        for (i, gap) in gaps_b.iter().enumerate() {
            t += gap * MINUTE;
            let t = if same_second && i == k { a.cases[k].created_ms + 999 } else { t };
            b.create("jht", t, &test_uid(&format!("B{i}"), t));
        }
        if b_has_unreadable {
            b.unreadable_ids.push(format!("jht-2026-{:04}", gaps_b.len() + 3));
        }
        let (ua, ub) = (a.cases[k].uid.clone(), b.cases[k].uid.clone());
        let (a0, b0) = (a.clone(), b.clone());
        let number = a.cases[k].number.clone();
        prop_assert_eq!(&a.cases[k].id, &b.cases[k].id, "the two cases clash");

        let later = wib(2026, 6, 1, 9, 0);
        match exchange {
            Exchange::FilesFirst => {
                let (to_b, to_a) = (a.hand_over(&ua, later), b.hand_over(&ub, later));
                b.import(&to_b);
                a.import(&to_a);
            }
            Exchange::AToBFirst => {
                b.import(&a.hand_over(&ua, later));
                a.import(&b.hand_over(&ub, later));
            }
            Exchange::BToAFirst => {
                a.import(&b.hand_over(&ub, later));
                b.import(&a.hand_over(&ua, later));
            }
        }

        for (pc, before, other) in [(&a, &a0, &ub), (&b, &b0, &ua)] {
            pc.check_consistent();
            prop_assert_eq!(pc.cases.len(), before.cases.len() + 1, "no case lost, one added");
            for c in &before.cases {
                prop_assert!(pc.get(&c.uid).is_some(), "{} kept", c.uid);
            }
            prop_assert!(pc.get(other).is_some());
        }
        let num = |pc: &Pc, uid: &str| pc.get(uid).unwrap().number.clone();
        prop_assert_eq!(num(&a, &ua), num(&b, &ua), "A's case has one number on both PCs");
        prop_assert_eq!(num(&a, &ub), num(&b, &ub), "B's case has one number on both PCs");
        prop_assert_ne!(num(&a, &ua), num(&a, &ub));

        let (winner, loser) = if clash_order(&a0.cases[k], &b0.cases[k]).is_lt() { (&ua, &ub) } else { (&ub, &ua) };
        for pc in [&a, &b] {
            let w = pc.get(winner).unwrap();
            let l = pc.get(loser).unwrap();
            prop_assert_eq!(&w.number, &number, "the first created keeps the number");
            prop_assert!(renumberings(w).is_empty());
            prop_assert_eq!(renumberings(l).len(), 1);
            prop_assert_eq!(&l.previous_numbers, &vec![number.clone()]);
            prop_assert!(pc.search(&number).contains(loser), "found by its old number");
            // The new number is one neither PC had given.
            prop_assert!(!a0.known_numbers().contains(&l.number) && !b0.known_numbers().contains(&l.number));
            for u in &b0.unreadable_ids {
                prop_assert_ne!(Some(u.clone()), sop_domain::case::case_id_for_number(&l.number));
            }
        }
        // Every other case is as it was.
        for (pc, before) in [(&a, &a0), (&b, &b0)] {
            for c in before.cases.iter().filter(|c| c.uid != *loser) {
                prop_assert_eq!(pc.get(&c.uid), Some(c));
            }
        }
    }
}

/// Files and stored values written before uids: every PC derives the same uid for the same old
/// case, so an old copy meeting another old copy is the same case, not a clash.
#[test]
fn an_old_case_has_the_same_uid_on_every_pc() {
    let stored =
        sop_domain::store::decode_case("lsk:case:jht-2026-0007", &fixture("v2-jht-selesai.json"))
            .unwrap();
    let (from_file, sender) = read_case_file(&fixture("v2-case-file.json"), catalogue()).unwrap();
    assert_eq!(
        sender,
        SenderNumbers::default(),
        "a v2 file says nothing of its numbers"
    );
    assert_eq!(from_file.uid, "lama-jht-2026-0007-1772416800000");
    assert_eq!(from_file, stored);
    let here = Pc {
        cases: vec![stored.clone()],
        ..Pc::default()
    };
    let plan = import_case(&fixture("v2-case-file.json"), &here, catalogue()).unwrap();
    assert_eq!(plan.outcome, ImportOutcome::Unchanged);
    // A v1 file's case likewise.
    let (v1, _) = read_case_file(&fixture("v1-case-file.json"), catalogue()).unwrap();
    assert_eq!(
        v1.uid,
        sop_domain::case::derived_uid("tpp-2026-0004", 1_772_416_800_000)
    );
    // Another old case with the same number, created another day, is another case.
    let mut other = stored.clone();
    other.created_ms += 86_400_000;
    other.uid = sop_domain::case::derived_uid(&other.id, other.created_ms);
    let plan = decide_import(other, &SenderNumbers::default(), &here, catalogue()).unwrap();
    assert_eq!(plan.renumbered.len(), 1);
    assert_eq!(
        plan.case().map(|c| c.number.as_str()),
        Some("JHT/0008/III/2026")
    );
}

/// The index keeps previous numbers: the fast start finds a renumbered case by its old number.
#[test]
fn the_index_keeps_previous_numbers_for_the_search() {
    use sop_domain::store::{
        load_index, plan_save, shard_key_for, CASE_KEY_PREFIX, INDEX_KEY_PREFIX, META_KEY,
    };
    let (mut a, b) = two_pcs();
    a.import(&b.hand_over("B3vX8pLr2TzK6wNq", wib(2026, 12, 2, 8, 0)));
    let mut storage = std::collections::BTreeMap::<String, String>::new();
    for case in &a.cases {
        let shard = storage.get(&shard_key_for(case.created_ms)).cloned();
        let meta = storage.get(META_KEY).cloned();
        let (writes, _) = plan_save(
            case,
            sop(&case.sop_id),
            calendar(),
            shard.as_deref(),
            meta.as_deref(),
        )
        .unwrap();
        for (k, v) in writes.set {
            storage.insert(k, v);
        }
    }
    let shards = storage
        .iter()
        .filter(|(k, _)| k.starts_with(INDEX_KEY_PREFIX));
    let keys = storage.keys().filter(|k| k.starts_with(CASE_KEY_PREFIX));
    let list = load_index(storage.get(META_KEY).map(String::as_str), shards, keys)
        .unwrap()
        .summaries;
    let moved = list.iter().find(|s| s.id == "jht-2026-0002").unwrap();
    assert_eq!(moved.previous_numbers, ["JHT/0001/XII/2026"]);
    let filter = CaseFilter {
        query: "0001/XII".into(),
        ..Default::default()
    };
    assert_eq!(
        filter_summaries(&list, &filter, 0).len(),
        2,
        "the case that has it and the case that had it"
    );
}
