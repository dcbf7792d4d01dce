//! The loader over small fixture data dirs: a valid one, and the valid one plus one broken SOP
//! file at a time. Each broken case asserts the exact lines `sopctl check` would print: the
//! file, the SOP, the step and what is wrong.

#![cfg(feature = "loader")]

use std::fs;
use std::path::{Path, PathBuf};

use sop_domain::catalogue::{Answer, Audience, DecisionTarget, Edge, StepRef, Target};
use sop_domain::duration::{Duration, StatedComparison};
use sop_domain::findings::FindingKind;
use sop_domain::loader::load_dir;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for e in fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.path().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            fs::copy(e.path(), target).unwrap();
        }
    }
}

/// A fresh copy of fixtures/valid under the target's tmp dir, plus the named broken files.
fn data_dir(case: &str, broken: &[&str]) -> PathBuf {
    let root = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("sop-loader-fixtures")
        .join(case);
    let _ = fs::remove_dir_all(&root);
    copy_dir(&fixtures().join("valid"), &root);
    for b in broken {
        fs::copy(fixtures().join("broken").join(b), root.join("sops").join(b)).unwrap();
    }
    root
}

/// The error lines for a data dir that must fail, with the dir's path replaced by `DATA`.
fn error_lines(dir: &Path) -> Vec<String> {
    let errors = load_dir(dir).expect_err("the data must not validate");
    let prefix = dir.display().to_string();
    let text = errors.to_string();
    assert_eq!(text.lines().count(), errors.len(), "one line per error");
    text.lines().map(|l| l.replace(&prefix, "DATA")).collect()
}

fn assert_errors(case: &str, broken: &[&str], expected: &[&str]) {
    let dir = data_dir(case, broken);
    let got = error_lines(&dir);
    assert_eq!(got, expected, "\ngot:\n{}\n", got.join("\n"));
}

#[test]
fn valid_fixture_loads_with_computed_fields() {
    let c = load_dir(&fixtures().join("valid")).expect("valid fixture");
    assert_eq!(c.sops.len(), 2);
    // No ORDER file: file-name order.
    assert_eq!(
        c.sops.iter().map(|s| &*s.id).collect::<Vec<_>>(),
        ["alpha", "beta"]
    );
    assert_eq!(c.units.len(), 2);
    assert_eq!(c.calendar.holidays.len(), 2);

    let alpha = c.sop("alpha").unwrap();
    assert_eq!(alpha.number_normalized, "53/DPTTK/TU-1/I/2025");
    assert_eq!(alpha.audience, Audience::Public);
    assert_eq!(alpha.created, chrono::NaiveDate::from_ymd_opt(2025, 1, 6));
    assert_eq!(alpha.revised, None);
    assert_eq!(alpha.related[0].sop_id.as_deref(), Some("beta"));
    assert_eq!(alpha.related[1].sop_id, None);
    assert_eq!(alpha.related[1].text, "SOP Rapat Internal");
    assert_eq!(alpha.steps[2].lane_index, 2);
    assert!(alpha.steps[2].lane_inferred);
    assert!(!alpha.steps[0].lane_inferred);
    assert_eq!(alpha.steps[1].label.as_deref(), Some("Periksa"));
    assert!(matches!(
        alpha.steps[0].duration_parsed,
        Duration::Range { .. }
    ));
    // 5 + 10 minutes + 1 day = 1 hari 15 menit: the printed total agrees.
    assert_eq!(alpha.total.min_minutes, 480 + 15);
    assert_eq!(alpha.stated_comparison, StatedComparison::Agrees);
    // The decision's "yes" defaults to the next step; "no" rejects.
    let d = alpha.steps[1].decision.as_ref().unwrap();
    assert_eq!(d.yes, StepRef { index: 2, no: 3 });
    assert_eq!(d.no, DecisionTarget::Rejected);
    assert!(alpha.is_decision(1));
    assert!(!alpha.is_decision(0));
    assert_eq!(
        alpha.next_steps(0),
        vec![Edge {
            to: Target::Step(1),
            answer: None
        }]
    );
    assert_eq!(
        alpha.next_steps(1),
        vec![
            Edge {
                to: Target::Step(2),
                answer: Some(Answer::Yes)
            },
            Edge {
                to: Target::Rejected,
                answer: Some(Answer::No)
            },
        ]
    );
    assert_eq!(
        alpha.next_steps(2),
        vec![Edge {
            to: Target::Done,
            answer: None
        }]
    );
    assert_eq!(alpha.next_steps(3), vec![]);
    assert_eq!(alpha.step_index(3), Some(2));
    assert_eq!(alpha.lane_index("Pemohon"), Some(0));
    assert_eq!(alpha.lane_index("Pengawas"), None);

    let beta = c.sop("beta").unwrap();
    assert_eq!(beta.audience, Audience::Internal);
    assert_eq!(beta.number_normalized, "");
    assert_eq!(beta.stated_comparison, StatedComparison::NotPrinted);
    let d = beta.steps[1].decision.as_ref().unwrap();
    assert_eq!(d.no, DecisionTarget::Step(StepRef { index: 0, no: 1 }));
    assert_eq!(beta.total.untimed_steps, vec![3]);

    assert_eq!(c.unit("bidang-hi").unwrap().short, "HI & Jamsostek");
    assert_eq!(c.unit_of(alpha).unwrap().id, "bidang-hi");
    assert_eq!(c.sop_by_code("alp").unwrap().id, "alpha");
    assert!(c.sop("gamma").is_none());

    // Findings: the correction, beta's missing identity and its untimed step.
    let kinds: Vec<(FindingKind, Option<&str>, Option<u32>)> = c
        .findings
        .iter()
        .map(|f| (f.kind, f.sop_id.as_deref(), f.step_no))
        .collect();
    assert_eq!(
        kinds,
        vec![
            (FindingKind::Correction, Some("alpha"), Some(2)),
            (FindingKind::MissingIdentity, Some("beta"), None),
            (FindingKind::StepWithoutTime, Some("beta"), Some(3)),
        ]
    );
}

#[test]
fn catalogue_json_round_trips_and_is_deterministic() {
    let c = load_dir(&fixtures().join("valid")).unwrap();
    let json = serde_json::to_string(&c).unwrap();
    let back: sop_domain::catalogue::Catalogue = serde_json::from_str(&json).unwrap();
    assert_eq!(back, c);
    let again = serde_json::to_string(&load_dir(&fixtures().join("valid")).unwrap()).unwrap();
    assert_eq!(json, again);
    // The documented field names (docs/catalogue.md, "catalogue.json schema").
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let alpha = &v["sops"][0];
    for key in [
        "id",
        "code",
        "number",
        "number_normalized",
        "title",
        "unit",
        "unit_group",
        "audience",
        "aliases",
        "created",
        "revised",
        "effective",
        "approved_by",
        "legal_basis",
        "related",
        "warning",
        "qualifications",
        "equipment",
        "records",
        "requirements",
        "lanes",
        "steps",
        "stated_total",
        "stated_total_parsed",
        "total",
        "stated_comparison",
        "corrections",
    ] {
        assert!(alpha.get(key).is_some(), "missing {key}");
    }
    assert_eq!(alpha["created"], "2025-01-06");
    assert_eq!(alpha["revised"], serde_json::Value::Null);
    assert_eq!(alpha["audience"], "public");
    assert_eq!(alpha["corrections"][0]["where"], "Langkah 2, kolom Waktu");
    assert_eq!(alpha["steps"][1]["decision"]["no"], "rejected");
    assert_eq!(alpha["steps"][1]["decision"]["yes"]["no"], 3);
    assert_eq!(
        v["sops"][1]["steps"][1]["decision"]["no"]["step"]["index"],
        0
    );
    assert_eq!(v["findings"][0]["kind"], "correction");
}

#[test]
fn order_file_sets_the_catalogue_order() {
    let dir = data_dir("order", &[]);
    fs::write(
        dir.join("sops/ORDER"),
        "# book order\nbeta\n\nalpha  # the first one\n",
    )
    .unwrap();
    let c = load_dir(&dir).unwrap();
    assert_eq!(
        c.sops.iter().map(|s| &*s.id).collect::<Vec<_>>(),
        ["beta", "alpha"]
    );

    fs::write(dir.join("sops/ORDER"), "beta\ngamma\nbeta\n").unwrap();
    assert_eq!(
        error_lines(&dir),
        [
            "DATA/sops/ORDER:2:1: \"gamma\" is not the id of a SOP file",
            "DATA/sops/ORDER:3:1: \"beta\" is listed twice",
            "DATA/sops/ORDER: SOP \"alpha\" is not listed; add it where it belongs in the book's order",
        ]
    );
}

#[test]
fn unknown_lane() {
    assert_errors(
        "unknown-lane",
        &["unknown-lane.toml"],
        &["DATA/sops/unknown-lane.toml: SOP \"unknown-lane\", step 2: lane \"Pengawas\" is not one of the SOP's lanes (Pemohon, Pengawas Tenaga Kerja Ahli Muda, Kabid HI dan Jamsostek)"],
    );
}

#[test]
fn decision_targeting_a_repeated_step_number() {
    assert_errors(
        "duplicate-target",
        &["duplicate-target.toml"],
        &["DATA/sops/duplicate-target.toml: SOP \"duplicate-target\", step 1: decision `yes` points to step 2, but 2 steps are numbered 2: the target is ambiguous"],
    );
}

#[test]
fn unparseable_duration() {
    assert_errors(
        "bad-duration",
        &["bad-duration.toml"],
        &["DATA/sops/bad-duration.toml: SOP \"bad-duration\", step 1: duration: cannot read the duration \"kira-kira 5 menit\": a duration starts with a number (or is \"Sesuai ...\")"],
    );
}

#[test]
fn decision_pointing_nowhere() {
    assert_errors(
        "decision-nowhere",
        &["decision-nowhere.toml"],
        &["DATA/sops/decision-nowhere.toml: SOP \"decision-nowhere\", step 1: decision `no` points to step 9, but there is no step 9"],
    );
}

#[test]
fn unknown_related_id() {
    assert_errors(
        "unknown-related",
        &["unknown-related.toml"],
        &["DATA/sops/unknown-related.toml: SOP \"unknown-related\": related entry \"alpah\" looks like a SOP id, but no SOP has that id (did you mean \"alpha\"?)"],
    );
}

#[test]
fn bad_toml_syntax() {
    assert_errors(
        "bad-syntax",
        &["bad-syntax.toml"],
        &["DATA/sops/bad-syntax.toml:4:16: invalid TOML: invalid basic string"],
    );
}

#[test]
fn unknown_keys_are_all_reported() {
    assert_errors(
        "unknown-key",
        &["unknown-key.toml"],
        &[
            "DATA/sops/unknown-key.toml: SOP \"unknown-key\": unknown key `titel` (did you mean `title`?)",
            "DATA/sops/unknown-key.toml: SOP \"unknown-key\", step 1: unknown key `lane_infered` (did you mean `lane_inferred`?)",
            "DATA/sops/unknown-key.toml: SOP \"unknown-key\", step 1: unknown key `maybe` in `decision`",
        ],
    );
}

#[test]
fn duplicate_code_across_files() {
    assert_errors(
        "dup-code",
        &["dup-code.toml"],
        &["DATA/sops/dup-code.toml: SOP \"dup-code\": code \"ALP\" is also used by SOP \"alpha\" (DATA/sops/alpha.toml); case codes must be unique"],
    );
}

#[test]
fn many_problems_in_one_file_are_all_reported() {
    let f = "DATA/sops/many-problems.toml: SOP \"Many_Problems\"";
    let expected: Vec<String> = [
        ": id \"Many_Problems\" must be lowercase letters, digits and '-' (e.g. \"kartu-ak1\")",
        ": id \"Many_Problems\" does not match the file name: the file must be named \"Many_Problems.toml\"",
        ": code \"mp\" must be 2 to 6 characters A-Z or 0-9 (e.g. \"JHT\")",
        ": missing key `title`",
        ": unit_group \"bidang-x\" is not a unit of units.toml (sekretariat, bidang-hi)",
        ": audience \"publik\" must be \"public\" or \"internal\"",
        ": alias \"Many\" must be lowercase",
        ": `created` = \"06-01-2025\" is not an ISO date (YYYY-MM-DD) nor \"\"",
        ": `revised` = \"2025-02-30\" is not an ISO date (YYYY-MM-DD) nor \"\"",
        ": lane \"pegawai\" is listed twice",
        ": stated_total: cannot read the duration \"tujuh hari\": a duration starts with a number (or is \"Sesuai ...\")",
        ", step 1: `text` is empty",
        ", step 1: decision has no question (`question` is missing or empty)",
        ", step 1: decision `yes` = \"next\" must be a step number",
        ", step 1: decision `no` = \"tolak\" must be a step number or \"rejected\"",
        ", step 2: missing key `duration`",
        ", step 2: decision `yes` defaults to the next step, but this is the last step",
        ", step 7: correction `where` = \"Langkah 7, kolom Kegiatan\": there is no step 7",
        ", step 7: the 1st [[corrections]] entry (where = \"Langkah 7, kolom Kegiatan\") has an empty `why`",
        ": the 2nd [[corrections]] entry has an empty `where`",
    ]
    .iter()
    .map(|tail| format!("{f}{tail}"))
    .collect();
    assert_errors(
        "many-problems",
        &["many-problems.toml"],
        &expected.iter().map(String::as_str).collect::<Vec<_>>(),
    );
}

#[test]
fn a_correction_must_name_a_place_of_its_sop() {
    let f = "DATA/sops/bad-place.toml: SOP \"bad-place\"";
    let forms = "write one of \"Identitas SOP, <item>\", \"Persyaratan\", \"Pelaksana\", \
\"Jumlah Waktu Pelayanan\", \"Tabel langkah\", \"Langkah N\", \"Langkah N, kolom <kolom>\", \
\"Langkah N, keputusan\" or \"Langkah N, teks simbol\"";
    let expected = [
        format!("{f}: correction `where` = \"steps[1].text\": \"steps[1].text\" is not a place of the book; {forms}"),
        format!("{f}, step 9: correction `where` = \"Langkah 9, kolom Waktu\": there is no step 9"),
        format!("{f}, step 1: correction `where` = \"Langkah 1, keputusan\": step 1 is not a decision (it has no `decision`), so it has no \"keputusan\""),
        format!("{f}, step 2: correction `where` = \"Langkah 2, teks simbol\": step 2 has no text in its symbol (no `label`), so it has no \"teks simbol\""),
    ];
    assert_errors(
        "bad-place",
        &["bad-place.toml"],
        &expected.iter().map(String::as_str).collect::<Vec<_>>(),
    );
}

#[test]
fn a_hand_typed_place_is_stored_in_its_canonical_form() {
    let dir = data_dir("canonical-place", &[]);
    let path = dir.join("sops/alpha.toml");
    let text = fs::read_to_string(&path)
        .unwrap()
        .replace("\"Langkah 2, kolom Waktu\"", "\"  langkah 2 ,KOLOM waktu\"");
    fs::write(&path, text).unwrap();
    let c = load_dir(&dir).unwrap();
    let alpha = c.sop("alpha").unwrap();
    assert_eq!(alpha.corrections[0].where_, "Langkah 2, kolom Waktu");
    assert!(c
        .findings
        .iter()
        .any(|f| f.kind == FindingKind::Correction && f.step_no == Some(2)));
}

#[test]
fn several_broken_files_are_reported_together() {
    let dir = data_dir(
        "several",
        &["unknown-lane.toml", "bad-duration.toml", "bad-syntax.toml"],
    );
    let lines = error_lines(&dir);
    assert_eq!(lines.len(), 3, "{lines:#?}");
    // Files in name order.
    assert!(lines[0].starts_with("DATA/sops/bad-duration.toml: "));
    assert!(lines[1].starts_with("DATA/sops/bad-syntax.toml:4:16: "));
    assert!(lines[2].starts_with("DATA/sops/unknown-lane.toml: "));
}

#[test]
fn missing_files_are_errors() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("sop-loader-fixtures")
        .join("empty");
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(dir.join("sops")).unwrap();
    let lines = error_lines(&dir);
    assert_eq!(lines.len(), 3, "{lines:#?}");
    assert!(lines[0].starts_with("DATA/holidays.toml: cannot read the file"));
    assert!(lines[1].starts_with("DATA/units.toml: cannot read the file"));
    assert_eq!(lines[2], "DATA/sops: no SOP files (*.toml) found");
}

#[test]
fn broken_calendar_is_an_error() {
    let dir = data_dir("calendar", &[]);
    let text = fs::read_to_string(dir.join("holidays.toml"))
        .unwrap()
        .replace("\"16:00\"", "\"15:00\"");
    fs::write(dir.join("holidays.toml"), text).unwrap();
    let lines = error_lines(&dir);
    assert_eq!(lines.len(), 1, "{lines:#?}");
    assert!(
        lines[0].starts_with(
            "DATA/holidays.toml: calendar data: office hours 08:00–15:00 last 420 minutes"
        ),
        "{}",
        lines[0]
    );
}

#[test]
fn a_broken_file_does_not_cascade_into_related_errors() {
    // alpha names "beta" under related; beta is broken (syntax). Only beta's error is reported.
    let dir = data_dir("cascade", &[]);
    fs::write(
        dir.join("sops/beta.toml"),
        "id = \"beta\"\ntitle = \"unterminated\n",
    )
    .unwrap();
    assert_eq!(
        error_lines(&dir),
        ["DATA/sops/beta.toml:2:22: invalid TOML: invalid basic string"]
    );
}
