//! Files and tabs: the hand-over file of one case, the backup, archiving, the CSV for Excel,
//! and stale writes between two tabs.

#![cfg(feature = "loader")]

#[path = "case_support.rs"]
mod support;

use sop_domain::case::{Action, Case, CaseStatus};
use sop_domain::store::{
    case_key, cases_csv, check_write, encode_case, export_backup, export_case, import_backup,
    import_case, merge_by_replay, parse_case_file, partition_archivable, CaseWrite, ImportError,
    ImportOutcome, WriteCheck, BACKUP_FILE_KIND, PACKED_PREFIX,
};
use support::*;

fn t0() -> i64 {
    wib(2026, 3, 2, 9, 0)
}

/// A JHT case at revision 3 (step 1 running).
fn base() -> Case {
    jht_step_one_running(new_case("jht", "jht-2026-0001", "JHT/0001/III/2026", t0()), t0())
}

#[test]
fn a_case_file_carries_its_kind_schema_and_export_time() {
    let case = base();
    let file = export_case(&case, wib(2026, 3, 2, 12, 0));
    let json: serde_json::Value = serde_json::from_str(&file).unwrap();
    assert_eq!(json["kind"], "layanan-sop-katingan/case");
    assert_eq!(json["schema"], 3);
    assert_eq!(json["exported_at"], "2026-03-02T05:00:00Z");
    assert_eq!(json["case"]["id"], "jht-2026-0001");
    let nothing_stored: &[Case] = &[];
    assert_eq!(
        import_case(&file, nothing_stored, catalogue()).map(|p| p.outcome),
        Ok(ImportOutcome::New(case.clone()))
    );
    // Saved from Windows Notepad with a byte order mark: still read.
    assert_eq!(
        parse_case_file(&format!("\u{feff}{file}"), catalogue()),
        Ok(case)
    );
}

/// Changed on purpose: two versions changed apart are merged (they were refused as "diubah di
/// dua tempat", or the later one replaced the other), and a case with the same number but
/// another origin is imported under a new number (it was refused).
#[test]
fn importing_a_known_case_keeps_the_newer_version() {
    let stored = base();
    let newer = act(
        &stored,
        "jht",
        Action::PauseStep { step: 0 },
        t0() + 3 * MINUTE,
    );
    let older = new_case("jht", "jht-2026-0001", "JHT/0001/III/2026", t0());
    // Same revision, saved later (two PCs both made revision 3).
    let same_rev_later = {
        let c = new_case("jht", "jht-2026-0001", "JHT/0001/III/2026", t0());
        let c = act(
            &c,
            "jht",
            Action::AddNote {
                step: None,
                text: "Ditelepon".into(),
            },
            t0() + MINUTE,
        );
        act(&c, "jht", Action::StartStep { step: 0 }, t0() + 5 * MINUTE)
    };
    let same_stamp_other_content = {
        let mut c = stored.clone();
        c.subject = "Diubah di PC lain".into();
        c
    };
    let other_origin = new_case(
        "jht",
        "jht-2026-0001",
        "JHT/0001/III/2026",
        t0() + 86_400_000,
    );
    let merged = |other: &Case| sop_domain::merge::merge_cases(&stored, other, sop("jht")).unwrap();
    let renumbered = sop_domain::case::renumber(
        &other_origin,
        "JHT/0002/III/2026",
        other_origin.updated_ms,
        "Aplikasi",
    )
    .unwrap();
    // (file's case, expected outcome or message)
    let check: Vec<(&Case, Result<ImportOutcome, &str>)> = vec![
        (&newer, Ok(ImportOutcome::Updated(newer.clone()))),
        (&same_rev_later, Ok(ImportOutcome::Merged(merged(&same_rev_later)))),
        (&stored, Ok(ImportOutcome::Unchanged)),
        (&older, Err("Berkas memuat versi lama permohonan JHT/0001/III/2026 (revisi 1); yang tersimpan di sini lebih baru (revisi 3). Tidak diimpor.")),
        (&same_stamp_other_content, Ok(ImportOutcome::Merged(merged(&same_stamp_other_content)))),
        (&other_origin, Ok(ImportOutcome::New(renumbered.clone()))),
    ];
    let here = [stored.clone()];
    for (incoming, expect) in check {
        let got = import_case(&export_case(incoming, t0()), &here[..], catalogue())
            .map(|p| p.outcome)
            .map_err(|e| e.to_string());
        assert_eq!(
            got,
            expect.map_err(str::to_string),
            "revision {}",
            incoming.revision
        );
    }
    // The merge keeps both PCs' work: the tick of this PC and the note of the other.
    let m = merged(&same_rev_later);
    assert!(m.steps[0].is_ticked(0) && m.case_notes.len() == 1);
    // The case of the other origin is saved beside the stored one, which keeps its number.
    let plan = import_case(&export_case(&other_origin, t0()), &here[..], catalogue()).unwrap();
    assert_eq!(
        plan.writes,
        [CaseWrite::Save {
            case: renumbered,
            replaces: 0
        }]
    );
}

#[test]
fn malformed_files_are_refused_with_a_clear_message() {
    let good = export_case(&base(), t0());
    let with = |from: &str, to: &str| {
        assert!(good.contains(from), "{from}");
        good.replacen(from, to, 1)
    };
    let backup = export_backup(&[base()], None, t0());
    // (file, the start of the message)
    let check: Vec<(String, &str)> = vec![
        // The parser's own (English) words are not in the message: see `explained` below.
        (String::new(), "Berkas tidak dapat dibaca: isinya bukan JSON yang utuh (terpotong"),
        (good[..good.len() / 2].to_string(), "Berkas tidak dapat dibaca: isinya bukan JSON yang utuh"),
        ("<html>Not found</html>".into(), "Berkas tidak dapat dibaca"),
        ("[]".into(), "Berkas ini bukan berkas permohonan Layanan SOP Katingan. Tidak ada yang diubah."),
        ("{\"kind\":\"foto\"}".into(), "Berkas ini bukan berkas permohonan Layanan SOP Katingan."),
        (backup, "Ini berkas cadangan seluruh data; gunakan menu Pulihkan cadangan. Tidak ada yang diubah."),
        (with("\"schema\": 3", "\"schema\": 4"), "Berkas dibuat oleh versi aplikasi yang lebih baru (skema 4)."),
        (with("\"schema\": 3", "\"schema\": \"tiga\""), "Isi berkas rusak: nomor versi skema tidak ada. Tidak ada yang diubah."),
        (with("\"s\": \"jht\"", "\"s\": \"izin-tambang\""), "Isi berkas rusak: data tidak sah: SOP \u{201c}izin-tambang\u{201d} tidak ada dalam katalog."),
        (with("\"r\": 3", "\"r\": -3"), "Isi berkas rusak: isian \u{201c}r\u{201d} bukan bilangan bulat."),
        (with("\"id\": \"jht-2026-0001\",", ""), "Isi berkas rusak: isian \u{201c}id\u{201d} tidak ada."),
        (with("\"v\": 3", "\"v\": 4"), "Berkas dibuat oleh versi aplikasi yang lebih baru (skema 4)."),
    ];
    let nothing_stored: &[Case] = &[];
    for (file, expect) in check {
        let got = import_case(&file, nothing_stored, catalogue()).map_err(|e| e.to_string());
        match got {
            Err(msg) => assert!(
                msg.starts_with(expect),
                "{msg:?} should start with {expect:?}"
            ),
            Ok(o) => panic!("{file:?} imported as {o:?}"),
        }
    }
    // The parser's words stay available for the technical detail, apart from the message.
    let err = import_case("", nothing_stored, catalogue()).unwrap_err();
    let (message, detail) = err.explained();
    assert_eq!(message, err.to_string());
    assert!(detail.is_some_and(|d| d.contains("EOF")), "the parser's detail is kept");
}

#[test]
fn a_v1_case_file_is_migrated_on_import() {
    let case = parse_case_file(&fixture("v1-case-file.json"), catalogue()).expect("v1 file");
    assert_eq!(
        (case.id.as_str(), case.sop_id.as_str(), case.revision),
        ("tpp-2026-0004", "tpp", 1)
    );
    assert_eq!(case.steps.len(), 6);
    assert!(encode_case(&case).starts_with(PACKED_PREFIX));
}

#[test]
fn a_backup_round_trips_and_reports_what_it_cannot_restore() {
    let cases = vec![
        base(),
        typical_closed_jht(2, t0()),
        walk_to_end(
            new_case("pkb", "pkb-2026-0001", "PKB/0001/III/2026", t0()),
            "pkb",
            t0(),
            MINUTE,
        )
        .0,
    ];
    let file = export_backup(&cases, Some("Rina Wati"), wib(2026, 3, 2, 12, 0));
    assert!(file.starts_with("{\"count\":3,\"exported_at\":\"2026-03-02T05:00:00Z\",\"kind\":\"layanan-sop-katingan/backup\""), "{}", &file[..120]);
    assert_eq!(file.lines().count(), 5, "one case per line");
    let back = import_backup(&file, catalogue()).unwrap();
    assert_eq!(back.cases, cases);
    assert!(back.skipped.is_empty());
    assert_eq!(back.staff.as_deref(), Some("Rina Wati"));
    assert_eq!(back.exported_at, "2026-03-02T05:00:00Z");
    let empty = import_backup(&export_backup(&[], None, t0()), catalogue()).unwrap();
    assert!(empty.cases.is_empty() && empty.staff.is_none());

    // One damaged case and one twice: the others are restored, the two reported.
    let damaged = file
        .replacen("\"s\":\"pkb\"", "\"s\":\"pkb-lama\"", 1)
        .replacen("\"count\":3", "\"count\":4", 1);
    let doubled = damaged.replacen(
        "\n]}",
        &format!(
            ",\n{}\n]}}",
            file.lines().nth(1).unwrap().trim_end_matches(',')
        ),
        1,
    );
    let back = import_backup(&doubled, catalogue()).unwrap();
    assert_eq!(back.cases, cases[..2]);
    let skipped: Vec<(&str, &str)> = back
        .skipped
        .iter()
        .map(|s| (s.label.as_str(), s.reason.as_str()))
        .collect();
    assert_eq!(skipped, [
        ("pkb-2026-0001", "Isi berkas rusak: data tidak sah: SOP \u{201c}pkb-lama\u{201d} tidak ada dalam katalog. Tidak ada yang diubah."),
        ("jht-2026-0001", "nomor yang sama muncul dua kali dalam berkas"),
    ]);
    // A count that disagrees with the cases: the file was cut or edited.
    let cut = file.replacen("\"count\":3", "\"count\":30", 1);
    assert_eq!(
        import_backup(&cut, catalogue()).map_err(|e| e.to_string()),
        Err("Isi berkas rusak: berkas menyebut 30 permohonan tetapi memuat 3. Tidak ada yang diubah.".to_string())
    );
    assert!(matches!(
        import_backup(&export_case(&base(), t0()), catalogue()),
        Err(ImportError::WrongKind {
            expected: BACKUP_FILE_KIND,
            ..
        })
    ));
}

#[test]
fn only_closed_cases_without_recent_activity_are_archivable() {
    let open = base();
    let closed = typical_closed_jht(2, t0());
    let cut = closed.updated_ms;
    // (cases, cut-off, ids archivable)
    let check: [(i64, Vec<&str>); 3] = [
        (cut, vec![]),
        (cut + 1, vec!["jht-2026-0002"]),
        (i64::MAX, vec!["jht-2026-0002"]),
    ];
    let all = [open.clone(), closed.clone()];
    for (older_than, expect) in check {
        let (archive, keep) = partition_archivable(&all, older_than);
        let ids: Vec<&str> = archive.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, expect, "cut-off {older_than}");
        assert_eq!(archive.len() + keep.len(), 2);
        assert!(keep.iter().any(|c| c.id == open.id));
    }
}

#[test]
fn the_csv_opens_in_excel_with_the_indonesian_locale() {
    let mut closed = typical_closed_jht(7, t0());
    closed.applicant = "=HYPERLINK(\"http://x.id\",\"klik\")".into();
    closed.contact = "+62 812-5123-4567".into();
    closed.subject = "Klaim \"cepat\"; segera".into();
    let mut running = new_case(
        "pkb",
        "pkb-2026-0001",
        "PKB/0001/III/2026",
        t0() + 60 * MINUTE,
    );
    running.applicant = "-Budi".into();
    running.contact = "@admin".into();
    running.subject = "baris satu\nbaris dua".into();
    let running = act(
        &running,
        "pkb",
        Action::StartStep { step: 0 },
        t0() + 60 * MINUTE,
    );
    let mut cancelled = new_case(
        "jht",
        "jht-2026-0008",
        "JHT/0008/III/2026",
        t0() + 120 * MINUTE,
    );
    cancelled.applicant = "Siti; Aminah".into();
    cancelled.contact = String::new();
    cancelled.subject = String::new();
    let cancelled = act(
        &cancelled,
        "jht",
        Action::Cancel {
            reason: "Salah SOP".into(),
        },
        t0() + 150 * MINUTE,
    );
    assert_eq!(cancelled.status, CaseStatus::Dibatalkan);
    let csv = cases_csv(
        &[closed, running, cancelled],
        catalogue(),
        calendar(),
        t0() + 180 * MINUTE,
    );
    assert_eq!(csv, fixture("cases.csv"));
}

#[test]
fn a_stale_write_is_detected_and_replayed_on_the_fresh_case() {
    let stored = base(); // revision 3, step 1 running
    let key = case_key(&stored.id);
    let raw = encode_case(&stored);
    // Tab B added a note and saved revision 4; tab A still holds revision 3.
    let tab_b = act(
        &stored,
        "jht",
        Action::AddNote {
            step: Some(0),
            text: "Map biru".into(),
        },
        t0() + 4 * MINUTE,
    );
    let raw_b = encode_case(&tab_b);
    // (stored value, base revision, result)
    let check: Vec<(Option<&str>, u64, WriteCheck)> = vec![
        (None, 0, WriteCheck::Ok),
        (Some(&raw), 3, WriteCheck::Ok),
        (
            Some(&raw_b),
            3,
            WriteCheck::Stale {
                stored: Box::new(tab_b.clone()),
            },
        ),
        (
            Some(&raw),
            0,
            WriteCheck::IdTaken {
                stored: Box::new(stored.clone()),
            },
        ),
        (None, 3, WriteCheck::Removed),
    ];
    for (raw, base_revision, expect) in check {
        assert_eq!(
            check_write(&key, raw, base_revision),
            expect,
            "base {base_revision}"
        );
    }
    let future = fixture("v4-future.json");
    let unreadable = check_write(&key, Some(&future), 3);
    assert!(matches!(&unreadable, WriteCheck::Unreadable { reason } if reason.is_future()));
    let msg = unreadable.message().unwrap();
    assert!(msg.starts_with("Data tersimpan untuk permohonan ini tidak dapat dibaca (ditulis oleh versi aplikasi yang lebih baru"), "{msg}");
    assert_eq!(
        check_write(&key, Some(&raw_b), 3).message().unwrap(),
        "Permohonan JHT/0001/III/2026 baru saja diubah di tab atau jendela lain (revisi 4). Tindakan Anda diterapkan ulang pada data terbaru; periksa hasilnya."
    );
    assert_eq!(WriteCheck::Ok.message(), None);

    // Tab A's pause, replayed on tab B's case: both changes kept.
    let pause = Action::PauseStep { step: 0 };
    let merged = merge_by_replay(&tab_b, sop("jht"), &pause, t0() + 5 * MINUTE, STAFF).unwrap();
    assert_eq!(merged.revision, 5);
    assert_eq!(merged.steps[0].notes.len(), 1);
    assert_eq!(merged.steps[0].elapsed_ms(i64::MAX), 3 * MINUTE);
    // Tab B had finished the step: the replay makes no sense, and says why.
    let finished = act(
        &stored,
        "jht",
        Action::FinishStep { step: 0 },
        t0() + 4 * MINUTE,
    );
    let refused =
        merge_by_replay(&finished, sop("jht"), &pause, t0() + 5 * MINUTE, STAFF).unwrap_err();
    assert_eq!(
        refused.to_string(),
        "Langkah 1 bukan langkah yang sedang dikerjakan; langkah saat ini adalah langkah 2."
    );
}
