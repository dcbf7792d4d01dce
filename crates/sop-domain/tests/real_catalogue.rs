//! The loader over the real data in `data/`: the 22 SOPs of the printed book.
//!
//! The table below is the spec (docs/catalogue-ids.md): ids, case codes, unit groups,
//! audiences and the Nomor SOP as printed. The data files must agree with it.

#![cfg(feature = "loader")]

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::OnceLock;

use sop_domain::catalogue::{Audience, Catalogue, Sop};
use sop_domain::duration::{self, StatedComparison};
use sop_domain::findings::{Finding, FindingKind};
use sop_domain::loader::load_dir;

/// (id, code, unit_group, audience, Nomor SOP as printed; "" when none printed)
const SPEC: [(&str, &str, &str, &str, &str); 22] = [
    (
        "renja",
        "RENJA",
        "sekretariat",
        "internal",
        "49/DPTTK/TU-1/I/2025",
    ),
    ("npd", "NPD", "sekretariat", "internal", ""),
    (
        "kenaikan-pangkat",
        "KP",
        "sekretariat",
        "internal",
        "59 /DPTTK/TU-1/I/2025",
    ),
    (
        "tpp",
        "TPP",
        "sekretariat",
        "internal",
        "58 /DPTTK/TU-1/I/2025",
    ),
    (
        "cuti-tahunan",
        "CUTI",
        "sekretariat",
        "internal",
        "60 /DPTTK/TU-1/I/2025",
    ),
    (
        "kartu-ak1",
        "AK1",
        "bidang-penempatan-transmigrasi",
        "public",
        "65/DPTTK/TU-1/1/2025",
    ),
    (
        "jht",
        "JHT",
        "bidang-hi",
        "public",
        "53 / DPTTK / TU - 1 / I / 2025",
    ),
    (
        "pengesahan-pp",
        "PP",
        "bidang-hi",
        "public",
        "34 /DPTTK /TU -1 /I /2025",
    ),
    (
        "kerjasama-hampangen",
        "KSH",
        "upt-rotan-hampangen",
        "public",
        "125 /DPTTK/TU-1/II/2025",
    ),
    (
        "pelatihan-ikm-hampangen",
        "PIH",
        "upt-rotan-hampangen",
        "public",
        "123 /DPTTK/TU-1/II/2025",
    ),
    (
        "penerimaan-tamu-hampangen",
        "TAMU",
        "upt-rotan-hampangen",
        "public",
        "124 /DPTTK/TU-1/II/2025",
    ),
    (
        "rotan-setengah-jadi",
        "RSJ",
        "upt-rotan-hampangen",
        "public",
        "122 /DPTTK/TU-1/I/2025",
    ),
    (
        "desain-produk-ikm",
        "DPI",
        "upt-rotan-hampangen",
        "public",
        "126 /DPTTK/TU-1/II/2025",
    ),
    (
        "pelatihan-ikm",
        "PIKM",
        "bidang-perindustrian",
        "internal",
        "57 /DPTIK/TU-1/1/2025",
    ),
    (
        "lks-bipartit",
        "LKS",
        "bidang-hi",
        "public",
        "52/DPTTK/TU-171/2025",
    ),
    (
        "perselisihan",
        "PHI",
        "bidang-hi",
        "public",
        "31/DPTTK/TU-1/I/2025",
    ),
    (
        "sp-sb",
        "SPSB",
        "bidang-hi",
        "public",
        "56/DPITK/TU-1/I/2025",
    ),
    (
        "pelatihan-blk",
        "BLK",
        "upt-blk",
        "public",
        "02 / DPTTK-BLK / I / 2025",
    ),
    ("pkb", "PKB", "bidang-hi", "public", "55/DPITK/TKU-1/1/2025"),
    (
        "imta",
        "IMTA",
        "bidang-penempatan-transmigrasi",
        "public",
        "64 /DPTTK/TU-1/1/2025",
    ),
    (
        "pencadangan-tanah",
        "PTT",
        "bidang-penempatan-transmigrasi",
        "public",
        "63 /DPTTK/TU-1/I /2025",
    ),
    (
        "pelatihan-pencaker",
        "PPK",
        "bidang-penempatan-transmigrasi",
        "public",
        "02 /DPTTK/TU-1/I /2025",
    ),
];

fn data_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../data")
}

fn catalogue() -> &'static Catalogue {
    static C: OnceLock<Catalogue> = OnceLock::new();
    C.get_or_init(|| match load_dir(&data_dir()) {
        Ok(c) => c,
        Err(e) => panic!("data/ does not validate ({} errors):\n{e}", e.len()),
    })
}

fn sop(id: &str) -> &'static Sop {
    catalogue()
        .sop(id)
        .unwrap_or_else(|| panic!("no SOP {id:?}"))
}

fn findings(kind: FindingKind) -> Vec<&'static Finding> {
    catalogue()
        .findings
        .iter()
        .filter(|f| f.kind == kind)
        .collect()
}

fn has_finding(kind: FindingKind, sop_id: &str, step_no: Option<u32>) -> bool {
    findings(kind)
        .iter()
        .any(|f| f.sop_id.as_deref() == Some(sop_id) && f.step_no == step_no)
}

#[test]
fn every_file_validates() {
    catalogue();
}

#[test]
fn exactly_the_22_sops_of_the_spec() {
    let c = catalogue();
    assert_eq!(
        c.sops.len(),
        22,
        "ids: {:?}",
        c.sops.iter().map(|s| &s.id).collect::<Vec<_>>()
    );
    let got: BTreeSet<&str> = c.sops.iter().map(|s| &*s.id).collect();
    let want: BTreeSet<&str> = SPEC.iter().map(|r| r.0).collect();
    assert_eq!(got, want);
}

#[test]
fn identity_matches_the_spec() {
    let mut problems = Vec::new();
    for (id, code, unit_group, audience, number) in SPEC {
        let Some(s) = catalogue().sop(id) else {
            problems.push(format!("{id}: missing"));
            continue;
        };
        let want_number: String = number.chars().filter(|c| !c.is_whitespace()).collect();
        if s.number_normalized != want_number {
            problems.push(format!("{id}: number {:?}, spec {number:?}", s.number));
        }
        if s.code != code {
            problems.push(format!("{id}: code {:?}, spec {code:?}", s.code));
        }
        if s.unit_group != unit_group {
            problems.push(format!(
                "{id}: unit_group {:?}, spec {unit_group:?}",
                s.unit_group
            ));
        }
        if s.audience.as_str() != audience {
            problems.push(format!(
                "{id}: audience {:?}, spec {audience:?}",
                s.audience
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_step_lane_is_one_of_its_sops_lanes() {
    for s in catalogue().sops.iter() {
        for step in s.steps.iter() {
            assert!(
                s.lanes.contains(&step.lane),
                "{} step {}: lane {:?}",
                s.id,
                step.no,
                step.lane
            );
            assert_eq!(
                s.lanes[step.lane_index], step.lane,
                "{} step {}",
                s.id, step.no
            );
        }
    }
}

#[test]
fn every_decision_leads_to_a_step_of_its_sop() {
    for s in catalogue().sops.iter() {
        for (i, _) in s.steps.iter().enumerate() {
            for e in s.next_steps(i) {
                if let sop_domain::catalogue::Target::Step(j) = e.to {
                    assert!(j < s.steps.len(), "{} step index {i} -> {j}", s.id);
                }
            }
        }
    }
}

#[test]
fn totals_are_computed_for_every_sop() {
    for s in catalogue().sops.iter() {
        let steps: Vec<(u32, &duration::Duration)> = s
            .steps
            .iter()
            .map(|st| (st.no, &st.duration_parsed))
            .collect();
        assert_eq!(s.total, duration::total(&steps), "{}", s.id);
        assert_eq!(
            s.stated_comparison,
            duration::compare_stated(&s.stated_total, &s.total),
            "{}",
            s.id
        );
        if !s.stated_total.trim().is_empty() {
            assert_ne!(
                s.stated_comparison,
                StatedComparison::NotPrinted,
                "{}",
                s.id
            );
        }
    }
    // The SOPs whose printed total agrees with their steps.
    for id in ["jht", "pengesahan-pp", "sp-sb", "pkb"] {
        assert_eq!(
            sop(id).stated_comparison,
            StatedComparison::Agrees,
            "{id}: {:?}",
            sop(id).total
        );
    }
    assert_eq!(sop("jht").total.min_minutes, 29);
}

#[test]
fn lks_prints_7_days_but_its_steps_add_up_to_8() {
    let day = sop_domain::calendar::WORKDAY_MINUTES;
    assert_eq!(
        sop("lks-bipartit").stated_comparison,
        StatedComparison::Disagrees {
            stated_min: 7 * day,
            stated_max: 7 * day,
            computed_min: 8 * day,
            computed_max: 8 * day
        }
    );
    assert!(has_finding(
        FindingKind::StatedTotalMismatch,
        "lks-bipartit",
        None
    ));
    assert_eq!(findings(FindingKind::StatedTotalMismatch).len(), 1);
}

#[test]
fn renja_dates_2020_disagree_with_its_number_2025() {
    let f: Vec<_> = findings(FindingKind::DateYearMismatch);
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].sop_id.as_deref(), Some("renja"));
    assert!(
        f[0].message.contains("2020") && f[0].message.contains("2025"),
        "{}",
        f[0].message
    );
}

#[test]
fn approver_spellings_and_nip_variants_are_found() {
    let f = findings(FindingKind::ApproverSpelling);
    assert_eq!(f.len(), 1, "{f:#?}");
    let detail = f[0].detail.as_deref().unwrap();
    for (name, some_sop) in [
        ("SUPARDIE", "jht"),
        ("SUPARDI", "kenaikan-pangkat"),
        ("SURADIE", "kerjasama-hampangen"),
        ("SUPARDE", "imta"),
        ("SUPAREVE", "tpp"),
        ("SUPARDI E", "pengesahan-pp"),
    ] {
        let part = detail
            .split("; ")
            .find(|p| p.split(": ").next() == Some(name))
            .unwrap_or_else(|| panic!("{name} not in {detail}"));
        assert!(part.contains(some_sop), "{name}: {part}");
    }
    let f = findings(FindingKind::ApproverNip);
    assert_eq!(f.len(), 1, "{f:#?}");
    let detail = f[0].detail.as_deref().unwrap();
    assert!(detail.contains("19660119 198706 1 001: imta"), "{detail}");
    assert!(detail.contains("19660919 198706 1 001: "), "{detail}");
}

#[test]
fn other_known_findings() {
    // Steps naming a performer that has no lane.
    assert!(has_finding(FindingKind::ActorWithoutLane, "jht", Some(6)));
    assert!(has_finding(FindingKind::ActorWithoutLane, "jht", Some(8)));
    assert!(has_finding(
        FindingKind::ActorWithoutLane,
        "pencadangan-tanah",
        Some(2)
    ));
    // Numbering: IMTA skips 3, the pencaker SOP skips 6.
    assert!(has_finding(FindingKind::NumberingGap, "imta", Some(4)));
    assert!(has_finding(
        FindingKind::NumberingGap,
        "pelatihan-pencaker",
        Some(7)
    ));
    // Identical step texts.
    assert!(has_finding(FindingKind::DuplicateStepText, "imta", Some(6)));
    assert!(has_finding(
        FindingKind::DuplicateStepText,
        "kenaikan-pangkat",
        Some(5)
    ));
    // NPD prints no identity block.
    assert!(has_finding(FindingKind::MissingIdentity, "npd", None));
    // PKB lists itself under Keterkaitan.
    assert!(has_finding(FindingKind::RelatedSelf, "pkb", None));
    // Every correction is listed.
    let corrections: usize = catalogue().sops.iter().map(|s| s.corrections.len()).sum();
    assert_eq!(findings(FindingKind::Correction).len(), corrections);
}

#[test]
fn export_is_deterministic() {
    let a = serde_json::to_string(catalogue()).unwrap();
    let b = serde_json::to_string(&load_dir(&data_dir()).unwrap()).unwrap();
    assert_eq!(a, b);
    let back: Catalogue = serde_json::from_str(&a).unwrap();
    assert_eq!(&back, catalogue());
}

#[test]
fn audiences_split_as_in_the_spec() {
    let internal = catalogue()
        .sops
        .iter()
        .filter(|s| s.audience == Audience::Internal)
        .count();
    assert_eq!(internal, 6);
}

#[test]
fn a_steps_checklist_is_its_kelengkapan_or_for_a_bare_first_step_the_requirements() {
    // Kelengkapan cells list their items with commas.
    assert_eq!(
        sop("kenaikan-pangkat").checklist(1),
        ["Daftar usulan", "SK", "SKP", "Karpeg", "Ijasah terakhir"]
    );
    assert_eq!(sop("kartu-ak1").checklist(0), ["Berkas Persyaratan Pembuatan AK-1"]);
    // JHT prints no kelengkapan: its first step checks what the applicant brings.
    assert_eq!(sop("jht").checklist(0), ["Permohonan dari Karyawan Perusahaan"]);
    assert!(sop("jht").checklist(1).is_empty());
    assert!(sop("jht").checklist(99).is_empty());
}

/// (id, printed number of the last row of the procedure table, start of its KEGIATAN), in the
/// book's order, checked by hand against the source. Renja and Cuti Tahunan print no table:
/// their last row is the last step of C. Identifikasi Langkah. A table whose end was lost in
/// the data (as pelatihan-pencaker's row 10 once was) fails here.
const LAST_ROWS: [(&str, u32, &str); 22] = [
    ("renja", 13, "Mengantar surat, menggandakan dan mengarsipkan"),
    ("npd", 5, "Menerima dana sesuai panjar sesuai"),
    ("kenaikan-pangkat", 8, "Mengarsipkan file UKP dan Menyelesaikan"),
    ("tpp", 6, "Kasubbag Umum dan Kepegawaian menyerahkan"),
    ("cuti-tahunan", 10, "Pegawai menerima surat cuti tahunan"),
    ("kartu-ak1", 11, "Menyerahkan Kartu AK-1 dan hasil"),
    ("jht", 9, "Pemohon menerima Surat Keterangan Jaminan"),
    ("pengesahan-pp", 7, "Pemohon menerima Surat Pendaftaran/Pengesahan yang"),
    ("kerjasama-hampangen", 9, "Pihak ke 3 menghasilkan produksi,"),
    ("pelatihan-ikm-hampangen", 8, "Pembagian sertifikat, Penyelesaian Administrasi dan"),
    ("penerimaan-tamu-hampangen", 7, "Tamu Pulang"),
    ("rotan-setengah-jadi", 9, "IKM melapor kepada Kepala UPT"),
    ("desain-produk-ikm", 7, "IKM pulang membawa contoh prototype"),
    ("pelatihan-ikm", 11, "Memerintahkan Kasi/Jafung untuk mengarsipkan laporan"),
    ("lks-bipartit", 7, "Pemohon menerima SK Pencatatan dan"),
    ("perselisihan", 7, "Persetujuan Bersama yang telah ditandatangani"),
    ("sp-sb", 7, "Pemohon menerima Surat Pencatatan SP/SB"),
    ("pelatihan-blk", 20, "Penyampaian sertifikat bagi kelulusan bagi"),
    ("pkb", 7, "Pemohon menerima Surat Pendaftaran/Pengesahan yang"),
    ("imta", 8, "Perusahaan yang mempekerjakan TKA mengambil"),
    ("pencadangan-tanah", 10, "Pengadministrasian Umum memperbanyak sk Pencadangan"),
    ("pelatihan-pencaker", 10, "Menerima Surat Panggilan"),
];

#[test]
fn every_sop_ends_with_the_last_printed_row() {
    let order: Vec<&str> = catalogue().sops.iter().map(|s| &*s.id).collect();
    let want: Vec<&str> = LAST_ROWS.iter().map(|r| r.0).collect();
    assert_eq!(order, want, "LAST_ROWS is in the book's order (data/sops/ORDER)");
    let mut problems = Vec::new();
    for (id, no, start) in LAST_ROWS {
        let last = sop(id).steps.last().expect("a SOP has steps");
        if last.no != no || !last.text.starts_with(start) {
            problems.push(format!(
                "{id}: last step {} {:?}, printed {no} {start:?}…",
                last.no, last.text
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn pelatihan_pencaker_row_10_is_restored_as_printed() {
    let s = sop("pelatihan-pencaker");
    let nos: Vec<u32> = s.steps.iter().map(|st| st.no).collect();
    assert_eq!(nos, [1, 2, 3, 4, 5, 7, 8, 9, 10], "row 6 is not printed");
    let row = s.steps.last().unwrap();
    assert_eq!(row.text, "Menerima Surat Panggilan");
    assert_eq!(row.lane, "Peserta/ Kepala Desa/ Camat");
    assert_eq!(row.lane_index, 0);
    assert!(row.lane_inferred);
    assert_eq!(row.inputs, "Surat Panggilan");
    assert_eq!(row.duration, "2 Menit");
    assert_eq!(row.duration_parsed, duration::parse("2 Menit").unwrap());
    assert_eq!(row.output, "Surat Panggilan");
    assert_eq!(row.note, "");
    assert!(row.decision.is_none() && row.label.is_none());
    // The deduced performer is recorded, with the C list's wording.
    assert!(
        s.corrections
            .iter()
            .any(|c| c.printed.contains("Peserta Pelatihan") && c.corrected == row.lane),
        "{:#?}",
        s.corrections
    );
    assert!(has_finding(FindingKind::Correction, "pelatihan-pencaker", Some(10)));
    // The total now counts the 2 minutes of row 10.
    let before: Vec<(u32, &duration::Duration)> = s.steps[..s.steps.len() - 1]
        .iter()
        .map(|st| (st.no, &st.duration_parsed))
        .collect();
    assert_eq!(
        s.total.min_minutes,
        duration::total(&before).min_minutes + 2
    );
}

#[test]
fn every_correction_names_a_place_of_the_printed_book() {
    use sop_domain::correction_place::{self, Place};
    let mut count = 0;
    for s in catalogue().sops.iter() {
        for c in s.corrections.iter() {
            count += 1;
            let place = correction_place::parse(&c.where_)
                .unwrap_or_else(|e| panic!("{}: {:?}: {e}", s.id, c.where_));
            // Written in its canonical form in the data.
            assert_eq!(place.to_string(), c.where_, "{}", s.id);
            // The place exists in this SOP.
            if let Some(no) = place.step_no() {
                let step = s
                    .steps
                    .iter()
                    .find(|st| st.no == no)
                    .unwrap_or_else(|| panic!("{}: {:?}: no step {no}", s.id, c.where_));
                match place {
                    Place::Decision(_) => assert!(step.decision.is_some(), "{} {no}", s.id),
                    Place::Label(_) => assert!(step.label.is_some(), "{} {no}", s.id),
                    _ => {}
                }
            }
            // The finding for it points at the same step.
            assert!(
                catalogue().findings.iter().any(|f| f.kind == FindingKind::Correction
                    && f.sop_id.as_deref() == Some(&*s.id)
                    && f.step_no == place.step_no()
                    && f.message.contains(&*c.where_)),
                "{}: {:?}",
                s.id,
                c.where_
            );
        }
    }
    assert_eq!(count, 61, "60 corrections, plus pelatihan-pencaker's row 10 performer");
}

#[test]
fn the_reasons_are_written_for_the_office_in_indonesian() {
    // A guard against English slipping back into `why`: words that the old English notes used
    // and that plain Indonesian does not.
    const ENGLISH: [&str; 24] = [
        "the", "and", "of", "is", "not", "no", "step", "steps", "table", "wins", "typo",
        "printed", "column", "lane", "lanes", "list", "actor", "from", "taken", "OCR", "kept",
        "shows", "has", "with",
    ];
    let mut problems = Vec::new();
    for s in catalogue().sops.iter() {
        for c in s.corrections.iter() {
            for word in c.why.split(|ch: char| !ch.is_alphanumeric()) {
                if ENGLISH.contains(&word) {
                    problems.push(format!("{} ({}): {word:?} in {:?}", s.id, c.where_, c.why));
                }
            }
            assert!(c.why.ends_with('.'), "{} ({}): a sentence: {:?}", s.id, c.where_, c.why);
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
