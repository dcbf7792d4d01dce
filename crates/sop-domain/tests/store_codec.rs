//! The stored form of a case: round trips, migrations from the v1 fixtures, corrupt values
//! quarantined verbatim, and decoding that never panics.

#![cfg(feature = "loader")]

#[path = "case_support.rs"]
mod support;

use proptest::prelude::*;
use serde_json::Value;
use sop_domain::case::{
    apply, Action, AuditEntry, AuditKind, Case, CaseStatus, Interval, Note, StepStatus,
};
use sop_domain::catalogue::{Answer, Target};
use sop_domain::store::{
    case_key, decode_case, encode_case, encode_case_json, encode_case_v1, load_all, pack, unpack,
    validate_case, DecodeError, CURRENT_SCHEMA, PACKED_PREFIX,
};
use support::*;

fn t0() -> i64 {
    wib(2026, 3, 2, 9, 0)
}

fn round_trips(case: &Case) {
    let key = case_key(&case.id);
    let packed = encode_case(case);
    assert!(packed.starts_with(PACKED_PREFIX));
    assert_eq!(
        decode_case(&key, &packed).as_ref(),
        Ok(case),
        "packed v2 of {}",
        case.id
    );
    assert_eq!(
        decode_case(&key, &encode_case_json(case)).as_ref(),
        Ok(case),
        "plain v2 of {}",
        case.id
    );
    assert_eq!(
        decode_case(&key, &encode_case_v1(case)).as_ref(),
        Ok(case),
        "v1 of {}",
        case.id
    );
}

/// A case whose data `apply` would never produce: millisecond times, non-ASCII text, JSON
/// metacharacters, per-step records the log does not explain, an empty cancel reason.
fn odd_case() -> Case {
    let mut c = typical_closed_jht(9, t0());
    c.created_ms += 7;
    // v1 has no room for a uid: reading it derives one from the id and the creation time.
    c.uid = sop_domain::case::derived_uid(&c.id, c.created_ms);
    c.applicant =
        "Dédi \u{201c}Kusnadi\u{201d} \u{4e2d}\u{6587} \u{1f600} \\ \" / \u{7f}".to_string();
    c.notes = "baris 1\r\nbaris 2\t\u{0}".to_string();
    c.steps[2].intervals.push(Interval {
        start_ms: -5,
        end_ms: None,
    });
    c.steps[4].checklist = vec![0, 3];
    c.steps[5].visits = 7;
    c.case_notes.push(Note {
        at_ms: i64::MIN,
        actor: "Tamu".into(),
        text: String::new(),
    });
    c.audit.push(AuditEntry {
        at_ms: i64::MAX,
        actor: String::new(),
        kind: AuditKind::Finish {
            to: Target::Step(2),
        },
        step: None,
        detail: "x".into(),
        no_effect: false,
    });
    c.cancel_reason = Some(String::new());
    c
}

#[test]
fn cases_round_trip_through_every_encoding() {
    round_trips(&typical_closed_jht(7, t0()));
    round_trips(&new_case("jht", "jht-2026-0001", "JHT/0001/III/2026", t0()));
    for s in catalogue().sops.iter() {
        let case = new_case(&s.id, "x-2026-0001", "X/0001/III/2026", t0());
        let running = act(&case, &s.id, Action::StartStep { step: 0 }, t0() + 1_000);
        round_trips(&running);
        round_trips(&walk_to_end(case, &s.id, t0(), 3_600_000).0);
    }
    let odd = odd_case();
    round_trips(&odd);
    let json = encode_case_json(&odd);
    assert!(
        json.contains("\"u\":1"),
        "millisecond times keep their unit: {json}"
    );
    assert!(
        json.contains("\"sx\""),
        "records the log does not explain are written in full"
    );
}

/// The uid the app gives a new case: 16 base64url characters.
const APP_UID: &str = "q3Zt8vKd0LmW2xYa";

#[test]
fn the_current_form_is_compact_and_leaves_derived_records_out() {
    let mut case = typical_closed_jht(7, t0());
    case.uid = APP_UID.to_string();
    let json = encode_case_json(&case);
    let expected = fixture("v3-jht-selesai.json");
    assert_eq!(json, expected.trim_end(), "the v3 form of the typical case");
    assert!(!json.contains("\"sx\""));
    let packed = encode_case(&case);
    let units = packed.encode_utf16().count();
    assert!(
        units * 2 <= json.len() + 4,
        "packing halves it: {units} units for {} chars",
        json.len()
    );
    assert!(encode_case_v1(&case).len() > 7 * units);
}

/// A v2 value (written before uids) reads with the uid every PC derives for it, and is
/// rewritten as v3 without spending a character on that uid.
#[test]
fn v2_values_migrate_to_v3_with_a_derived_uid() {
    let v2 = fixture("v2-jht-selesai.json");
    let key = case_key("jht-2026-0007");
    let case = decode_case(&key, &v2).expect("v2 reads");
    assert_eq!(case, typical_closed_jht(7, t0()));
    assert_eq!(case.uid, "lama-jht-2026-0007-1772416800000");
    assert!(case.previous_numbers.is_empty());
    let v3 = encode_case_json(&case);
    assert_eq!(v3, v2.trim_end().replace("\"v\":2", "\"v\":3"));
    assert_eq!(decode_case(&key, &encode_case(&case)), Ok(case));
    // What v3 added is not v2: such a value was not written by a v2 app.
    let v2_with_uid = v2.replace("\"v\":2", "\"o\":\"abc\",\"v\":2");
    assert_eq!(
        decode_case(&key, &v2_with_uid).map_err(|e| e.to_string()),
        Err("isian \u{201c}o\u{201d} tidak dikenal (ditulis oleh versi lain?)".to_string())
    );
}

#[test]
fn v1_fixtures_decode_and_migrate() {
    // (file, id)
    let fixtures = [
        ("v1-jht-berjalan.json", "jht-2026-0003"),
        ("v1-pkb-ditolak.json", "pkb-2026-0001"),
        ("v1-jht-kembali-dibatalkan.json", "jht-2026-0002"),
    ];
    for (file, id) in fixtures {
        let raw = fixture(file);
        let key = case_key(id);
        let case = decode_case(&key, &raw).unwrap_or_else(|e| panic!("{file}: {e}"));
        assert_eq!(case.id, id);
        validate_case(&case, catalogue()).unwrap_or_else(|e| panic!("{file}: {e}"));
        assert_eq!(case.revision as usize, case.audit.len(), "{file}");
        let v2 = encode_case(&case);
        assert_eq!(
            decode_case(&key, &v2).as_ref(),
            Ok(&case),
            "{file} migrates losslessly"
        );
        assert!(
            v2.encode_utf16().count() * 5 < raw.len(),
            "{file}: v2 is far smaller"
        );
        // The v1 fixture's own per-step records are what the log says: nothing written twice.
        assert!(!encode_case_json(&case).contains("\"sx\""), "{file}");
    }

    let open = decode_case("lsk:case:jht-2026-0003", &fixture("v1-jht-berjalan.json")).unwrap();
    assert_eq!((open.status, open.current), (CaseStatus::Berjalan, Some(1)));
    assert_eq!(open.steps[0].checklist, [0]);
    assert_eq!(
        open.steps[0].notes[0].text,
        "KTP dan kartu BPJS asli dibawa"
    );
    assert_eq!(open.steps[1].status, StepStatus::Running);
    assert_eq!(
        open.steps[1].open_interval().map(|i| i.start_ms),
        Some(1_772_418_000_000)
    );
    assert_eq!(open.audit[5].actor, "Andi Pratama");
    // It goes on where it stopped.
    let paused = act(
        &open,
        "jht",
        Action::PauseStep { step: 1 },
        1_772_418_120_000,
    );
    assert_eq!(paused.steps[1].elapsed_ms(0), 120_000);

    let rejected = decode_case("lsk:case:pkb-2026-0001", &fixture("v1-pkb-ditolak.json")).unwrap();
    assert_eq!(rejected.status, CaseStatus::Ditolak);
    assert_eq!(rejected.applicant, "PT Sawit \"Katingan\" Lestari");
    assert_eq!(rejected.created_ms, 1_768_181_400_250);
    assert_eq!(
        rejected.audit.last().unwrap().kind,
        AuditKind::Decide {
            answer: Answer::No,
            to: Target::Rejected
        }
    );
    assert!(
        encode_case_json(&rejected).contains("\"u\":1"),
        "v1 milliseconds are kept"
    );

    let back = decode_case(
        "lsk:case:jht-2026-0002",
        &fixture("v1-jht-kembali-dibatalkan.json"),
    )
    .unwrap();
    assert_eq!(back.status, CaseStatus::Dibatalkan);
    assert_eq!(back.steps[0].visits, 2);
    assert_eq!(back.steps[0].elapsed_ms(0), 120_000 + 300_000);
    assert_eq!(back.steps[3].answer, Some(Answer::No));
    assert_eq!(
        back.cancel_reason.as_deref(),
        Some("Pemohon belum membawa surat keterangan kerja")
    );
    assert_eq!(
        back.audit[9].detail,
        "Kontak \u{201c}\u{201d} \u{2192} \u{201c}0813-4455-6677\u{201d}"
    );
}

#[test]
fn load_all_rewrites_old_values_in_the_current_schema() {
    let entries: Vec<(String, String)> = [
        ("jht-2026-0003", "v1-jht-berjalan.json"),
        ("pkb-2026-0001", "v1-pkb-ditolak.json"),
        ("jht-2026-0002", "v1-jht-kembali-dibatalkan.json"),
    ]
    .iter()
    .map(|(id, f)| (case_key(id), fixture(f)))
    .collect();
    let report = load_all(entries.clone(), catalogue(), calendar());
    assert!(report.quarantined.is_empty(), "{:?}", report.quarantined);
    assert_eq!(report.cases.len(), 3);
    assert_eq!(report.upgraded, 3);
    assert!(report.index_rebuilt, "no index was stored");
    for (key, _) in &entries {
        let (_, value) = report
            .writes
            .set
            .iter()
            .find(|(k, _)| k == key)
            .expect("rewritten");
        assert!(value.starts_with(PACKED_PREFIX));
        let case = report
            .cases
            .iter()
            .find(|c| case_key(&c.id) == *key)
            .unwrap();
        assert_eq!(decode_case(key, value).as_ref(), Ok(case));
    }
    // Open cases first in the list.
    assert_eq!(report.cases[0].status, CaseStatus::Berjalan);
}

#[test]
fn corrupt_values_are_quarantined_verbatim_and_the_rest_still_loads() {
    let good = typical_closed_jht(1, t0());
    let v2 = |edit: &dyn Fn(&mut serde_json::Map<String, Value>)| {
        let mut v: Value = serde_json::from_str(&encode_case_json(&good)).unwrap();
        edit(v.as_object_mut().unwrap());
        v.to_string()
    };
    let v1 = fixture("v1-jht-berjalan.json");
    let packed = encode_case(&good);
    let future = fixture("v4-future.json");
    // (key, raw, the reason shown to the staff)
    let check: Vec<(&str, String, &str)> = vec![
        ("lsk:case:jht-2026-0003", v1[..400].to_string(), "bukan JSON yang utuh ("),
        ("lsk:case:jht-2026-0091", String::new(), "bukan JSON yang utuh ("),
        ("lsk:case:jht-2026-0092", packed.chars().take(60).collect(), "bukan JSON yang utuh ("),
        ("lsk:case:jht-2026-0093", format!("{PACKED_PREFIX}abc"), "pengodean ringkas rusak (data terpotong atau diubah)"),
        ("lsk:case:jht-2026-0094", v1.replace("\"revision\": 6", "\"revision\": \"6\""), "isian \u{201c}case\u{201d} tidak sesuai format skema 1"),
        ("lsk:case:jht-2026-0095", v2(&|m| { m.insert("r".into(), "enam".into()); }), "isian \u{201c}r\u{201d} bukan bilangan bulat"),
        ("lsk:case:jht-2026-0096", v2(&|m| { m.insert("l".into(), Value::from(3)); }), "isian \u{201c}l\u{201d} bukan daftar"),
        ("lsk:case:jht-2026-0097", v2(&|m| { m.insert("s".into(), "izin-tambang".into()); }), "data tidak sah: SOP \u{201c}izin-tambang\u{201d} tidak ada dalam katalog"),
        ("lsk:case:jht-2026-0098", v2(&|m| { m.insert("q".into(), "ddd".into()); }), "isian \u{201c}l[8]\u{201d} bukan nomor urut yang sah"),
        ("lsk:case:jht-2026-0099", v2(&|m| { m.insert("q".into(), "ddddddddddd".into()); }), "data tidak sah: tercatat 11 langkah, sedangkan SOP \u{201c}jht\u{201d} memiliki 9 langkah"),
        ("lsk:case:jht-2026-0100", v2(&|m| { m.insert("z".into(), 0.into()); m.insert("i".into(), 8.into()); m.insert("q".into(), "ddddddrdd".into()); }), "data tidak sah: langkah urutan ke-7 berjalan padahal bukan langkah saat ini"),
        ("lsk:case:jht-2026-0101", v2(&|m| { m.insert("zz".into(), 1.into()); }), "isian \u{201c}zz\u{201d} tidak dikenal (ditulis oleh versi lain?)"),
        ("lsk:case:jht-2026-0102", v2(&|m| { m.insert("id".into(), "jht-2026-0001".into()); }), "nomor di dalam data (\u{201c}jht-2026-0001\u{201d}) tidak sama dengan kuncinya (\u{201c}jht-2026-0102\u{201d})"),
        ("lsk:case:JHT 2026/0001", v2(&|_| {}), "data tidak sah: \u{201c}JHT 2026/0001\u{201d} bukan kode permohonan yang sah"),
        ("lsk:case:jht-2026-0103", v2(&|m| { m.insert("v".into(), 0.into()); }), "versi skema 0 tidak dikenal"),
        ("lsk:case:jht-2026-0104", "[1,2]".to_string(), "bukan objek JSON"),
        ("lsk:case:jht-2026-0105", future.clone(), "ditulis oleh versi aplikasi yang lebih baru (skema 4); data dibiarkan utuh"),
        ("lsk:case:jht-2026-0106", pack(future.trim()), "ditulis oleh versi aplikasi yang lebih baru (skema 4); data dibiarkan utuh"),
    ];
    let mut entries: Vec<(String, String)> = check
        .iter()
        .map(|(k, raw, _)| (k.to_string(), raw.clone()))
        .collect();
    entries.push((case_key(&good.id), encode_case(&good)));
    entries.push(("lsk:settings".into(), "{\"staff\":\"Rina\"}".into()));
    entries.push(("other-app".into(), "whatever".into()));
    let report = load_all(entries, catalogue(), calendar());
    assert_eq!(report.cases, vec![good.clone()], "the good case loads");
    assert_eq!(report.quarantined.len(), check.len());
    for (key, raw, reason) in &check {
        let q = report
            .quarantined
            .iter()
            .find(|q| q.key == *key)
            .unwrap_or_else(|| panic!("{key} quarantined"));
        assert_eq!(&q.raw, raw, "{key}: raw text kept unchanged");
        let shown = q.reason.to_string();
        assert!(
            shown.starts_with(reason),
            "{key}: {shown:?} should start with {reason:?}"
        );
    }
    assert!(report.newer_data_seen, "a value from a newer app was seen");
    assert!(
        report.writes.is_empty(),
        "nothing is written next to data of a newer app"
    );
}

#[test]
fn a_future_version_is_an_error_not_a_partial_read() {
    let raw = fixture("v4-future.json");
    let err = decode_case("lsk:case:jht-2027-0001", &raw).unwrap_err();
    assert_eq!(err, DecodeError::FutureVersion { found: 4 });
    assert!(err.is_future());
    assert_eq!(CURRENT_SCHEMA, 3, "the fixture must stay a future version");
}

#[test]
fn packing_examples() {
    // (JSON text, packed length in code units after the prefix)
    let check = [("", 0), ("{", 1), ("{}", 1), ("{\"a\"", 2), ("[1,2,3]", 4)];
    for (text, units) in check {
        let packed = pack(text);
        assert_eq!(
            packed.chars().count() - PACKED_PREFIX.len(),
            units,
            "{text:?}"
        );
        assert_eq!(unpack(&packed[PACKED_PREFIX.len()..]).as_deref(), Ok(text));
    }
    // Non-ASCII goes through JSON escapes: the same JSON value comes back.
    let text = serde_json::to_string("Dédi \u{1f600}").unwrap();
    let back = unpack(&pack(&text)[PACKED_PREFIX.len()..]).unwrap();
    assert_eq!(back, "\"D\\u00e9di \\ud83d\\ude00\"");
    assert_eq!(
        serde_json::from_str::<String>(&back).unwrap(),
        "Dédi \u{1f600}"
    );
    assert_eq!(unpack("\u{3fff}"), Err(DecodeError::Packing));
    assert_eq!(unpack("\u{c000}"), Err(DecodeError::Packing));
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
        1 => (0usize..7, any::<bool>()).prop_map(|(i, t)| Op::Tick(i, t)),
        1 => "[a-zA-Z \u{e9}\"]{1,10}".prop_map(Op::SetApplicant),
        1 => Just(Op::Cancel),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    /// Any case the state machine makes, at any point, with any clock (jumping backwards
    /// too): stored and read back equal, without writing per-step records, and never a
    /// negative time.
    #[test]
    fn any_walk_stores_losslessly(
        sop_index in 0usize..22,
        ops in prop::collection::vec((op_strategy(), -600i64..7_200, 0usize..3), 1..40),
    ) {
        let sop_id = catalogue().sops[sop_index].id.clone();
        let mut t = t0();
        let mut case = new_case(&sop_id, "x-2026-0001", "X/0001/III/2026", t);
        for (op, dt, who) in &ops {
            t += dt * 1000 + 17;
            let actor = ["Rina Wati", "Andi", "Yohanes Dwi"][*who];
            if let Some(next) = apply_op(&case, op, t, actor) {
                case = next;
                prop_assert_eq!(decode_case("lsk:case:x-2026-0001", &encode_case(&case)), Ok(case.clone()));
                prop_assert!(!encode_case_json(&case).contains("\"sx\""));
                prop_assert!(validate_case(&case, catalogue()).is_ok());
                for r in &case.steps {
                    prop_assert!(r.elapsed_ms(t - 3_600_000) >= 0);
                }
            }
        }
    }

    #[test]
    fn decode_never_panics_on_any_string(raw in "\\PC*") {
        let _ = decode_case("lsk:case:x", &raw);
        let _ = decode_case("lsk:case:x", &format!("{PACKED_PREFIX}{raw}"));
        let _ = decode_case("lsk:case:x", &format!("{{\"v\":2,{raw}"));
        let _ = decode_case("lsk:case:x", &format!("{{\"schema\":1,\"case\":{raw}"));
    }

    #[test]
    fn decode_never_panics_on_damaged_values(cut in 0usize..400, at in 0usize..400, c in any::<char>()) {
        let good = typical_closed_jht(3, t0());
        for raw in [encode_case(&good), encode_case_json(&good), encode_case_v1(&good)] {
            let chars: Vec<char> = raw.chars().collect();
            let truncated: String = chars.iter().take(cut % (chars.len() + 1)).collect();
            let _ = decode_case("lsk:case:jht-2026-0003", &truncated);
            let mut flipped = chars.clone();
            let i = at % chars.len();
            flipped[i] = c;
            let flipped: String = flipped.into_iter().collect();
            if let Ok(case) = decode_case("lsk:case:jht-2026-0003", &flipped) {
                // Whatever still reads must store again without loss.
                prop_assert_eq!(decode_case("lsk:case:jht-2026-0003", &encode_case(&case)), Ok(case));
            }
        }
    }

    #[test]
    fn packing_keeps_any_json_value(s in "\\PC*") {
        let text = serde_json::to_string(&s).unwrap();
        let packed = pack(&text);
        let in_alphabet = packed.chars().skip(PACKED_PREFIX.len()).all(|c| ('\u{4000}'..'\u{c000}').contains(&c));
        prop_assert!(in_alphabet);
        let back = unpack(&packed[PACKED_PREFIX.len()..]).unwrap();
        prop_assert_eq!(serde_json::from_str::<String>(&back).unwrap(), s.clone());
        if s.is_ascii() {
            prop_assert_eq!(back, text);
        }
    }
}

/// A case renumbered and merged, in its v3 form: the uid (`o`), the renumbering (`u`, its old
/// number derived from it, so no `h`), an entry kept without effect (`!f`) and the merge (`g`).
#[test]
fn the_v3_form_of_a_renumbered_and_merged_case() {
    let t = t0();
    let created = new_case_with_uid("jht", "jht-2026-0001", "JHT/0001/III/2026", APP_UID, t);
    let started = act(&created, "jht", Action::StartStep { step: 0 }, t + 60_000);
    let here = act(&started, "jht", Action::FinishStep { step: 0 }, t + 120_000);
    let moved = sop_domain::case::renumber(&here, "JHT/0004/III/2026", here.updated_ms, "Aplikasi")
        .unwrap();
    let there = apply(
        &started,
        sop("jht"),
        &Action::FinishStep { step: 0 },
        t + 180_000,
        "Andi",
    )
    .unwrap();
    let merged = sop_domain::merge::merge_cases(&moved, &there, sop("jht")).unwrap();
    assert_eq!(
        (merged.id.as_str(), merged.previous_numbers.as_slice()),
        ("jht-2026-0004", &["JHT/0001/III/2026".to_string()][..])
    );
    let json = encode_case_json(&merged);
    assert_eq!(json, fixture("v3-jht-digabung.json").trim_end());
    assert_eq!(
        decode_case("lsk:case:jht-2026-0004", &json),
        Ok(merged.clone())
    );
    assert_eq!(
        decode_case("lsk:case:jht-2026-0004", &encode_case(&merged)),
        Ok(merged)
    );
}
