//! One case as one CouchDB document: readable, stable across renumbering, lossless, and a
//! document from a newer app is refused without being read partially.

#![cfg(feature = "loader")]

#[path = "case_support.rs"]
mod support;

use proptest::prelude::*;
use serde_json::{json, Value};
use sop_domain::case::{renumber, Action, Case};
use sop_domain::merge::merge_cases;
use sop_domain::store::{case_to_doc, doc_id, doc_to_case, DocError, DOC_SCHEMA};
use support::*;

/// A JHT case handed over, renumbered on arrival, then worked on: the example of
/// docs/couchdb-document.md.
fn example() -> Case {
    let t0 = wib(2026, 12, 1, 10, 30);
    let c = new_case_with_uid(
        "jht",
        "jht-2026-0001",
        "JHT/0001/XII/2026",
        "B3vX8pLr2TzK6wNq",
        t0,
    );
    let c = act(
        &c,
        "jht",
        Action::TickChecklist {
            step: 0,
            item: 0,
            ticked: true,
        },
        t0 + MINUTE,
    );
    let c = renumber(&c, "JHT/0002/XII/2026", c.updated_ms, "Aplikasi").unwrap();
    let c = act(
        &c,
        "jht",
        Action::StartStep { step: 0 },
        wib(2026, 12, 2, 8, 15),
    );
    let c = act(
        &c,
        "jht",
        Action::AddNote {
            step: Some(0),
            text: "KTP asli dibawa".into(),
        },
        wib(2026, 12, 2, 8, 20),
    );
    act(
        &c,
        "jht",
        Action::FinishStep { step: 0 },
        wib(2026, 12, 2, 8, 24),
    )
}

#[test]
fn the_document_reads_like_the_documented_example_and_reads_back() {
    let case = example();
    let doc = case_to_doc(&case, catalogue());
    let expected: Value = serde_json::from_str(&fixture("couchdb-permohonan.json")).unwrap();
    assert_eq!(
        doc,
        expected,
        "{}",
        serde_json::to_string_pretty(&doc).unwrap()
    );
    assert_eq!(doc_to_case(&expected, catalogue()), Ok(case.clone()));
    // CouchDB adds its own fields; they are not the case's.
    let mut stored = expected.clone();
    stored["_rev"] = json!("3-917fa2381192822767f010b95b45325b");
    stored["_conflicts"] = json!(["2-abc"]);
    assert_eq!(doc_to_case(&stored, catalogue()), Ok(case));
}

#[test]
fn the_document_id_follows_the_uid_not_the_number() {
    let case = example();
    let moved_again = renumber(&case, "JHT/0007/XII/2026", case.updated_ms, "Aplikasi").unwrap();
    let id = |c: &Case| case_to_doc(c, catalogue())["_id"].clone();
    assert_eq!(id(&case), json!("permohonan:B3vX8pLr2TzK6wNq"));
    assert_eq!(id(&moved_again), id(&case));
    assert_eq!(doc_id(&case.uid), "permohonan:B3vX8pLr2TzK6wNq");
    assert_eq!(
        case_to_doc(&moved_again, catalogue())["case_id"],
        json!("jht-2026-0007")
    );
}

#[test]
fn a_document_of_a_newer_schema_is_kept_not_read() {
    let mut doc = case_to_doc(&example(), catalogue());
    doc["schema"] = json!(DOC_SCHEMA + 1);
    doc["attachments"] = json!([{"name": "ktp.jpg"}]);
    let err = doc_to_case(&doc, catalogue()).unwrap_err();
    assert_eq!(err, DocError::FutureSchema { found: 2 });
    assert!(err.is_future());
    assert_eq!(
        err.to_string(),
        "Dokumen permohonan ini ditulis oleh versi aplikasi yang lebih baru (skema 2); dokumen dibiarkan utuh."
    );
}

#[test]
fn a_malformed_document_says_which_field_in_indonesian() {
    let good = case_to_doc(&example(), catalogue());
    let with = |edit: &dyn Fn(&mut Value)| {
        let mut d = good.clone();
        edit(&mut d);
        doc_to_case(&d, catalogue()).map_err(|e| e.to_string())
    };
    // (damage, message)
    type Edit<'a> = &'a dyn Fn(&mut Value);
    let check: Vec<(Edit, &str)> = vec![
        (&|d| d["type"] = json!("laporan"), "Dokumen ini bukan dokumen permohonan (isian \u{201c}type\u{201d} bukan \u{201c}permohonan\u{201d})."),
        (&|d| { d.as_object_mut().unwrap().remove("schema"); }, "Dokumen permohonan rusak: isian \u{201c}schema\u{201d} tidak ada."),
        (&|d| d["schema"] = json!(0), "Dokumen permohonan rusak: isian \u{201c}schema\u{201d} versi skema 0 tidak dikenal."),
        (&|d| d["number"] = json!(7), "Dokumen permohonan rusak: isian \u{201c}number\u{201d} bukan teks."),
        (&|d| d["status"]["code"] = json!("hilang"), "Dokumen permohonan rusak: isian \u{201c}status.code\u{201d} status tidak dikenal."),
        (&|d| d["steps"][2]["status"]["code"] = json!("lupa"), "Dokumen permohonan rusak: isian \u{201c}steps[2].status.code\u{201d} status langkah tidak dikenal."),
        (&|d| d["steps"][0]["intervals"][0]["start"]["ms"] = json!("pagi"), "Dokumen permohonan rusak: isian \u{201c}steps[0].intervals[0].start.ms\u{201d} bukan waktu (ms) yang sah."),
        (&|d| d["history"][3]["kind"] = json!("terbang"), "Dokumen permohonan rusak: isian \u{201c}history[3].kind\u{201d} jenis riwayat tidak dikenal."),
        (&|d| d["history"][4]["step"]["index"] = json!(40), "Dokumen permohonan rusak: isian \u{201c}history[4].step.index\u{201d} bukan nomor urut yang sah."),
        (&|d| d["history"][1]["ticked"] = json!("ya"), "Dokumen permohonan rusak: isian \u{201c}history[1].ticked\u{201d} bukan ya/tidak (true/false)."),
        (&|d| d["lampiran"] = json!([]), "Dokumen permohonan rusak: isian \u{201c}lampiran\u{201d} tidak dikenal (ditulis oleh versi lain?)."),
        (&|d| d["steps"] = json!({}), "Dokumen permohonan rusak: isian \u{201c}steps\u{201d} bukan daftar."),
        (&|d| d["sop"]["id"] = json!("izin-tambang"), "Dokumen permohonan tidak sah: SOP \u{201c}izin-tambang\u{201d} tidak ada dalam katalog."),
        (&|d| d["_id"] = json!("permohonan:lain"), "Dokumen permohonan tidak sah: kode dokumen \u{201c}permohonan:lain\u{201d} tidak sesuai dengan kode unik permohonan \u{201c}B3vX8pLr2TzK6wNq\u{201d}."),
    ];
    for (edit, message) in check {
        assert_eq!(with(edit), Err(message.to_string()));
    }
    assert_eq!(
        doc_to_case(&json!([1, 2]), catalogue()),
        Err(DocError::Field {
            path: String::new(),
            problem: "bukan objek JSON".into()
        })
    );
}

// ---------------------------------------------------------------------------------------------
// Properties.
// ---------------------------------------------------------------------------------------------

fn op_strategy() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => Just(Op::Start),
        2 => Just(Op::Pause),
        2 => Just(Op::Resume),
        4 => any::<bool>().prop_map(Op::Finish),
        1 => (any::<bool>(), "\\PC{1,12}").prop_map(|(s, t)| Op::Note(s, t)),
        1 => (0usize..4, any::<bool>()).prop_map(|(i, t)| Op::Tick(i, t)),
        1 => "[a-zA-Z \u{e9}\"]{1,10}".prop_map(Op::SetApplicant),
        1 => (2u32..50).prop_map(Op::Renumber),
        1 => Just(Op::Cancel),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    /// Any case (walked with any clock, renumbered, merged with another version of itself):
    /// its document, written out as JSON text and read back, is the same case.
    #[test]
    fn any_case_round_trips_through_its_document(
        sop_index in 0usize..22,
        ops in prop::collection::vec((op_strategy(), -600i64..7_200, 0usize..3), 0..30),
        split in 0usize..30,
        millis in 0i64..1000,
    ) {
        let sop_id = catalogue().sops[sop_index].id.clone();
        let t0 = wib(2026, 3, 2, 9, 0) + millis;
        let mut t = t0;
        let mut case = new_case_with_uid(&sop_id, "x-2026-0001", "X/0001/III/2026", "Dk4nW9xQ2pLm7Rt_", t);
        let mut other = None;
        for (k, (op, dt, who)) in ops.iter().enumerate() {
            if k == split {
                other = Some(case.clone());
            }
            t += dt * 1000 + 17;
            let actor = ["Rina Wati", "Andi", "Yohanes Dwi"][*who];
            if let Some(next) = apply_op(&case, op, t, actor) {
                case = next;
            }
        }
        for c in [Some(case.clone()), other.map(|o| merge_cases(&case, &o, sop(&sop_id)).unwrap())].into_iter().flatten() {
            let text = serde_json::to_string(&case_to_doc(&c, catalogue())).unwrap();
            let doc: Value = serde_json::from_str(&text).unwrap();
            prop_assert_eq!(doc_to_case(&doc, catalogue()), Ok(c));
        }
    }
}
