//! Inconsistencies the data itself reveals (for the staff page /catatan-sumber).
//!
//! Everything here is found by code from the validated SOPs; nothing is typed by hand, so the
//! list stays true when the data files change. A finding is not an error: the data is valid
//! and faithful to the printed book, and the book itself is inconsistent (a printed total
//! that disagrees with its steps, a name spelled three ways, ...). The office reviews them.
//!
//! Messages are in Indonesian, for the office's staff; `detail` carries the evidence.
//!
//! The checks lean towards silence: a finding that is often wrong teaches people to ignore the
//! page, so heuristics (the performer named in a step's text) only speak when they are sure.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::catalogue::{Sop, Text, Unit};
use crate::duration::{Duration, StatedComparison};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    pub kind: FindingKind,
    /// The SOP concerned; `None` for findings across SOPs (e.g. the approver's spellings).
    pub sop_id: Option<Text>,
    /// The step concerned (its printed number), when there is one.
    pub step_no: Option<u32>,
    /// One sentence in Indonesian.
    pub message: Text,
    /// The evidence (printed values, lists of SOPs), when useful.
    pub detail: Option<Text>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FindingKind {
    /// The printed JUMLAH WAKTU PELAYANAN disagrees with the sum of the steps' times.
    StatedTotalMismatch,
    /// A step's text starts by naming a performer that is none of the SOP's lanes.
    ActorWithoutLane,
    /// A step's text names a performer that is another lane than the step's.
    ActorLaneDiffers,
    /// A PELAKSANA column that no step uses.
    LaneWithoutSteps,
    /// A step number is skipped, or numbering does not start at 1.
    NumberingGap,
    /// A step number is printed twice.
    NumberingRepeat,
    /// A step number is smaller than the one before it (and not a repeat).
    NumberingOrder,
    /// Two steps of one SOP have the same text.
    DuplicateStepText,
    /// A date's year differs from the year in the SOP's number.
    DateYearMismatch,
    /// The approver's name is spelled differently across SOPs.
    ApproverSpelling,
    /// The approver's NIP differs across SOPs where the name is (nearly) the same.
    ApproverNip,
    /// Keterkaitan lists the SOP itself.
    RelatedSelf,
    /// Keterkaitan names, as printed text, a SOP that is in this catalogue.
    RelatedUnlinked,
    /// Nomor SOP, Disahkan oleh or a date is not printed.
    MissingIdentity,
    /// A step has no printed time.
    StepWithoutTime,
    /// The data differs from the print here (every `[[corrections]]` entry).
    Correction,
}

impl FindingKind {
    pub const ALL: [FindingKind; 16] = [
        FindingKind::StatedTotalMismatch,
        FindingKind::ActorWithoutLane,
        FindingKind::ActorLaneDiffers,
        FindingKind::LaneWithoutSteps,
        FindingKind::NumberingGap,
        FindingKind::NumberingRepeat,
        FindingKind::NumberingOrder,
        FindingKind::DuplicateStepText,
        FindingKind::DateYearMismatch,
        FindingKind::ApproverSpelling,
        FindingKind::ApproverNip,
        FindingKind::RelatedSelf,
        FindingKind::RelatedUnlinked,
        FindingKind::MissingIdentity,
        FindingKind::StepWithoutTime,
        FindingKind::Correction,
    ];

    /// The snake_case name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            FindingKind::StatedTotalMismatch => "stated_total_mismatch",
            FindingKind::ActorWithoutLane => "actor_without_lane",
            FindingKind::ActorLaneDiffers => "actor_lane_differs",
            FindingKind::LaneWithoutSteps => "lane_without_steps",
            FindingKind::NumberingGap => "numbering_gap",
            FindingKind::NumberingRepeat => "numbering_repeat",
            FindingKind::NumberingOrder => "numbering_order",
            FindingKind::DuplicateStepText => "duplicate_step_text",
            FindingKind::DateYearMismatch => "date_year_mismatch",
            FindingKind::ApproverSpelling => "approver_spelling",
            FindingKind::ApproverNip => "approver_nip",
            FindingKind::RelatedSelf => "related_self",
            FindingKind::RelatedUnlinked => "related_unlinked",
            FindingKind::MissingIdentity => "missing_identity",
            FindingKind::StepWithoutTime => "step_without_time",
            FindingKind::Correction => "correction",
        }
    }

    /// A short Indonesian heading for the staff page.
    pub fn label(self) -> &'static str {
        match self {
            FindingKind::StatedTotalMismatch => "Jumlah waktu tercetak berbeda dengan hitungan",
            FindingKind::ActorWithoutLane => "Pelaksana yang disebut tidak ada kolomnya",
            FindingKind::ActorLaneDiffers => "Pelaksana yang disebut berbeda dengan kolomnya",
            FindingKind::LaneWithoutSteps => "Kolom pelaksana tanpa langkah",
            FindingKind::NumberingGap => "Nomor langkah terlewat",
            FindingKind::NumberingRepeat => "Nomor langkah berulang",
            FindingKind::NumberingOrder => "Nomor langkah tidak berurutan",
            FindingKind::DuplicateStepText => "Teks langkah sama persis",
            FindingKind::DateYearMismatch => "Tahun tanggal berbeda dengan tahun nomor SOP",
            FindingKind::ApproverSpelling => "Ejaan nama pengesah berbeda-beda",
            FindingKind::ApproverNip => "NIP pengesah berbeda-beda",
            FindingKind::RelatedSelf => "Keterkaitan menyebut SOP itu sendiri",
            FindingKind::RelatedUnlinked => "Keterkaitan belum ditautkan",
            FindingKind::MissingIdentity => "Identitas SOP tidak lengkap",
            FindingKind::StepWithoutTime => "Langkah tanpa waktu",
            FindingKind::Correction => "Koreksi terhadap naskah tercetak",
        }
    }
}

/// All findings over the catalogue's SOPs: per SOP in catalogue order, then those across SOPs.
pub fn find(sops: &[Sop], units: &[Unit]) -> Vec<Finding> {
    let mut out = Vec::new();
    for sop in sops {
        stated_total(sop, &mut out);
        missing_identity(sop, units, &mut out);
        date_years(sop, &mut out);
        numbering(sop, &mut out);
        duplicate_texts(sop, &mut out);
        lanes_without_steps(sop, &mut out);
        actors(sop, &mut out);
        steps_without_time(sop, &mut out);
        related(sop, sops, &mut out);
        corrections(sop, &mut out);
    }
    approvers(sops, &mut out);
    out
}

fn push(
    out: &mut Vec<Finding>,
    kind: FindingKind,
    sop: Option<&Sop>,
    step_no: Option<u32>,
    message: String,
    detail: Option<String>,
) {
    out.push(Finding {
        kind,
        sop_id: sop.map(|s| s.id.clone()),
        step_no,
        message: message.into(),
        detail: detail.map(Text::from),
    });
}

// ---------------------------------------------------------------------------------------------
// Totals

fn stated_total(sop: &Sop, out: &mut Vec<Finding>) {
    let StatedComparison::Disagrees {
        stated_min,
        stated_max,
        ..
    } = sop.stated_comparison
    else {
        return;
    };
    push(
        out,
        FindingKind::StatedTotalMismatch,
        Some(sop),
        None,
        format!(
            "Jumlah waktu pelayanan tercetak \"{}\" ({}), sedangkan jumlah waktu langkah-langkahnya {}.",
            sop.stated_total.trim(),
            crate::duration::format_range(stated_min, stated_max),
            sop.total.describe()
        ),
        Some(
            sop.steps
                .iter()
                .filter(|s| !s.duration.trim().is_empty())
                .map(|s| format!("langkah {}: {}", s.no, s.duration.trim()))
                .collect::<Vec<_>>()
                .join("; "),
        ),
    );
}

// ---------------------------------------------------------------------------------------------
// Identity block

fn missing_identity(sop: &Sop, units: &[Unit], out: &mut Vec<Finding>) {
    let mut missing = Vec::new();
    if sop.number.trim().is_empty() {
        missing.push("Nomor SOP");
    }
    if sop.approved_by.trim().is_empty() {
        missing.push("Disahkan oleh");
    }
    if sop.created.is_none() {
        missing.push("Tanggal Pembuatan");
    }
    if sop.effective.is_none() {
        missing.push("Tanggal Efektif");
    }
    // A blank Tanggal Revisi is normal (never revised), so it is not reported.
    if missing.is_empty() {
        return;
    }
    let unit = units
        .iter()
        .find(|u| u.id == sop.unit_group)
        .map(|u| &*u.name);
    push(
        out,
        FindingKind::MissingIdentity,
        Some(sop),
        None,
        format!(
            "Identitas SOP tidak lengkap: {} tidak tercetak.",
            join_id(&missing)
        ),
        unit.map(|u| format!("Unit: {u}")),
    );
}

/// "a", "a dan b", "a, b dan c".
fn join_id<S: AsRef<str>>(items: &[S]) -> String {
    match items {
        [] => String::new(),
        [a] => a.as_ref().to_string(),
        [init @ .., last] => format!(
            "{} dan {}",
            init.iter()
                .map(|s| s.as_ref())
                .collect::<Vec<_>>()
                .join(", "),
            last.as_ref()
        ),
    }
}

/// "6 Januari 2020", as the book prints dates.
pub fn format_date_id(d: chrono::NaiveDate) -> String {
    crate::locale::format_date(d)
}

fn date_years(sop: &Sop, out: &mut Vec<Finding>) {
    use chrono::Datelike;
    let Some(year) = sop.number_year() else {
        return;
    };
    let dates = [
        ("Tanggal Pembuatan", sop.created),
        ("Tanggal Revisi", sop.revised),
        ("Tanggal Efektif", sop.effective),
    ];
    let off: Vec<String> = dates
        .iter()
        .filter_map(|(name, d)| {
            d.filter(|d| d.year() != year)
                .map(|d| format!("{name} {}", format_date_id(d)))
        })
        .collect();
    if off.is_empty() {
        return;
    }
    push(
        out,
        FindingKind::DateYearMismatch,
        Some(sop),
        None,
        format!(
            "Tahun pada {} berbeda dengan tahun pada Nomor SOP ({year}).",
            join_id(&off)
        ),
        Some(format!("Nomor SOP: {}", sop.number)),
    );
}

// ---------------------------------------------------------------------------------------------
// Steps

fn numbering(sop: &Sop, out: &mut Vec<Finding>) {
    let mut seen = BTreeSet::new();
    let mut prev: Option<u32> = None;
    for step in sop.steps.iter() {
        let no = step.no;
        if seen.contains(&no) {
            push(
                out,
                FindingKind::NumberingRepeat,
                Some(sop),
                Some(no),
                format!("Nomor langkah {no} tercetak lebih dari sekali."),
                None,
            );
        } else {
            match prev {
                None if no != 1 => push(
                    out,
                    FindingKind::NumberingGap,
                    Some(sop),
                    Some(no),
                    format!("Penomoran langkah dimulai dari {no}, bukan 1."),
                    None,
                ),
                Some(p) if no > p + 1 => {
                    let missing: Vec<String> = (p + 1..no).map(|n| n.to_string()).collect();
                    let message = if missing.len() == 1 {
                        format!("Nomor langkah {} tidak ada: setelah langkah {p} langsung langkah {no}.", missing[0])
                    } else {
                        format!("Nomor langkah {} tidak ada: setelah langkah {p} langsung langkah {no}.", join_id(&missing))
                    };
                    push(
                        out,
                        FindingKind::NumberingGap,
                        Some(sop),
                        Some(no),
                        message,
                        None,
                    );
                }
                Some(p) if no < p => push(
                    out,
                    FindingKind::NumberingOrder,
                    Some(sop),
                    Some(no),
                    format!("Langkah {no} tercetak sesudah langkah {p}."),
                    None,
                ),
                _ => {}
            }
        }
        seen.insert(no);
        prev = Some(no);
    }
}

/// Lowercase, whitespace collapsed, trailing full stop dropped: texts that differ only so are
/// the same text to a reader.
fn text_key(s: &str) -> String {
    let t = s
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    t.trim_end_matches('.').trim().to_string()
}

fn duplicate_texts(sop: &Sop, out: &mut Vec<Finding>) {
    let mut groups: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    let mut order = Vec::new();
    for step in sop.steps.iter() {
        let key = text_key(&step.text);
        if key.is_empty() {
            continue;
        }
        let e = groups.entry(key.clone()).or_default();
        if e.is_empty() {
            order.push(key);
        }
        e.push(step.no);
    }
    for key in order {
        let nos = &groups[&key];
        if nos.len() < 2 {
            continue;
        }
        let first = sop
            .steps
            .iter()
            .find(|s| text_key(&s.text) == key)
            .map(|s| s.text.trim())
            .unwrap_or("");
        let list: Vec<String> = nos.iter().map(|n| n.to_string()).collect();
        push(
            out,
            FindingKind::DuplicateStepText,
            Some(sop),
            Some(nos[1]),
            format!("Langkah {} bertuliskan teks yang sama.", join_id(&list)),
            Some(first.to_string()),
        );
    }
}

fn lanes_without_steps(sop: &Sop, out: &mut Vec<Finding>) {
    for (i, lane) in sop.lanes.iter().enumerate() {
        if sop.steps.iter().any(|s| s.lane_index == i) {
            continue;
        }
        push(
            out,
            FindingKind::LaneWithoutSteps,
            Some(sop),
            None,
            format!("Kolom pelaksana \"{lane}\" tidak dipakai oleh langkah mana pun."),
            None,
        );
    }
}

fn steps_without_time(sop: &Sop, out: &mut Vec<Finding>) {
    let without: Vec<&crate::catalogue::Step> = sop
        .steps
        .iter()
        .filter(|s| matches!(s.duration_parsed, Duration::None))
        .collect();
    if without.is_empty() {
        return;
    }
    // One finding for a SOP that prints no time at all: thirteen identical lines would bury
    // the other findings.
    if without.len() == sop.steps.len() && sop.steps.len() > 1 {
        push(
            out,
            FindingKind::StepWithoutTime,
            Some(sop),
            None,
            format!(
                "Tidak ada waktu tercetak untuk langkah mana pun ({} langkah).",
                sop.steps.len()
            ),
            None,
        );
        return;
    }
    for s in without {
        push(
            out,
            FindingKind::StepWithoutTime,
            Some(sop),
            Some(s.no),
            format!("Langkah {} tidak mencantumkan waktu.", s.no),
            None,
        );
    }
}

// ---------------------------------------------------------------------------------------------
// The performer a step's text names

/// Words of a role or step text, lowercased, with the office's abbreviations spelled out, so
/// "Kabid HI dan Jamsostek" and "Kepala Bidang Hubungan Industrial dan Jamsostek" compare
/// equal.
fn role_words(s: &str) -> Vec<String> {
    let lower = s.to_lowercase().replace('&', " dan ");
    let mut words: Vec<String> = Vec::new();
    for w in lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let expanded: &[&str] = match w {
            "kabid" => &["kepala", "bidang"],
            "kadis" => &["kepala", "dinas"],
            "kasubag" | "kasubbag" => &["kasubbag"],
            "kasi" => &["kepala", "seksi"],
            "ka" => &["kepala"],
            "hi" => &["hubungan", "industrial"],
            "pencaker" => &["pencari", "kerja"],
            "pengadministrasian" => &["pengadministrasi"],
            "desainer" => &["desain"],
            _ => {
                words.push(w.to_string());
                continue;
            }
        };
        words.extend(expanded.iter().map(|s| s.to_string()));
    }
    // "Kepala Sub Bagian" / "Kepala Subbagian" is a Kasubbag.
    let mut i = 0;
    while i < words.len() {
        if words[i] == "kepala" {
            if words.get(i + 1).map(String::as_str) == Some("subbagian") {
                words.splice(i..i + 2, ["kasubbag".to_string()]);
            } else if words.get(i + 1).map(String::as_str) == Some("sub")
                && words.get(i + 2).map(String::as_str) == Some("bagian")
            {
                words.splice(i..i + 3, ["kasubbag".to_string()]);
            }
        }
        i += 1;
    }
    words
}

/// The performers a step text may start with. Only these count as "naming a performer", so
/// texts such as "Permohonan ditujukan ..." or "Hasil lelang diproses ..." are left alone.
/// Longest first, so "kepala dinas" wins over a bare "kepala".
const ROLE_HEADS: &[&[&str]] = &[
    &["pengawas", "tenaga", "kerja"],
    &["analisis", "kebijakan"],
    &["bagian", "hukum"],
    &["gudang", "pengumpul"],
    &["pencari", "kerja"],
    &["pengantar", "kerja"],
    &["pihak", "ke", "3"],
    &["kepala", "dinas"],
    &["kepala", "bidang"],
    &["kepala", "seksi"],
    &["kepala", "upt"],
    &["kepala", "sopd"],
    &["kepala", "daerah"],
    &["kepala", "desa"],
    &["kasubbag"],
    &["sekretaris"],
    &["pengawas"],
    &["mediator"],
    &["operator"],
    &["pemohon"],
    &["pegawai"],
    &["bendahara"],
    &["pptk"],
    &["petugas"],
    &["perusahaan"],
    &["ikm"],
    &["desain"],
    &["tamu"],
    &["pengadministrasi"],
    &["peserta"],
    &["panitia"],
    &["instruktur"],
    &["staf"],
    &["narasumber"],
    &["camat"],
];

/// Heads whose following words name a unit ("Kepala Seksi *Kelembagaan*"), so that a lane of
/// the same head but another unit does not count as a match.
const UNIT_QUALIFIED: &[&[&str]] = &[&["kepala", "bidang"], &["kepala", "seksi"], &["kasubbag"]];

/// Words that end the performer phrase: prepositions and conjunctions that start the rest of
/// the sentence.
const PHRASE_STOPS: &[&str] = &[
    "untuk",
    "kepada",
    "ke",
    "dari",
    "yang",
    "dengan",
    "secara",
    "atau",
    "dapat",
    "mohon",
    "koreksi",
    "selanjutnya",
    "kemudian",
    "bisa",
    "akan",
    "telah",
    "sudah",
    "pada",
    "di",
];

/// Words that say nothing about which unit is meant.
const QUALIFIER_NOISE: &[&str] = &["dan", "serta", "kabupaten", "katingan", "dinas", "kepala"];

/// Whether a word is a verb that ends the performer phrase ("menerima", "disposisi", ...).
fn is_verbish(w: &str) -> bool {
    let verb_prefix = ["me", "di", "ber", "ter"];
    w.len() > 4
        && verb_prefix.iter().any(|p| w.starts_with(p))
        && !matches!(w, "dinas" | "mediator" | "desain")
}

#[derive(Debug, PartialEq)]
struct Actor {
    head: Vec<String>,
    qualifiers: Vec<String>,
    /// The phrase as it appears at the start of the text (for messages).
    printed: String,
}

/// The role head at the start of `words`, if any.
fn head_at(words: &[String]) -> Option<&'static [&'static str]> {
    ROLE_HEADS
        .iter()
        .copied()
        .find(|h| words.len() >= h.len() && words.iter().zip(h.iter()).all(|(w, h)| w == h))
}

/// The performers a step text starts with: usually one ("Pengawas Tenaga Kerja memerintahkan
/// ..."), two when joined by "dan" ("Kasi/Jafung dan Kabid mengkoordinasikan ..."). Empty when
/// the text does not start with a performer.
fn actors_of(text: &str) -> Vec<Actor> {
    let mut words = role_words(text);
    // "Calon Peserta" is the Peserta lane before selection.
    if words.first().map(String::as_str) == Some("calon") {
        words.remove(0);
    }
    let mut actors = Vec::new();
    let mut i = 0;
    while let Some(head) = head_at(&words[i..]) {
        i += head.len();
        let mut qualifiers = Vec::new();
        while i < words.len() {
            let w = &words[i];
            if PHRASE_STOPS.contains(&w.as_str()) || is_verbish(w) || qualifiers.len() >= 12 {
                break;
            }
            // "X dan <another performer>": the phrase names two performers.
            if w == "dan" && head_at(&words[i + 1..]).is_some() {
                break;
            }
            qualifiers.push(w.clone());
            i += 1;
        }
        actors.push(Actor {
            head: head.iter().map(|s| s.to_string()).collect(),
            qualifiers,
            printed: String::new(),
        });
        if words.get(i).map(String::as_str) == Some("dan") {
            i += 1;
        } else {
            break;
        }
    }
    if actors.is_empty() {
        return actors;
    }
    // The printed phrase, for messages: the printed words up to the first verb-ish or stop
    // word after the first one. Only shown to people, so a word more or less is harmless.
    let printed_words: Vec<&str> = text.split_whitespace().collect();
    let mut n = 0;
    for (k, w) in printed_words.iter().enumerate() {
        let lw: String = w
            .to_lowercase()
            .chars()
            .filter(|c| c.is_alphanumeric())
            .collect();
        if k > 0 && (PHRASE_STOPS.contains(&lw.as_str()) || is_verbish(&lw)) {
            break;
        }
        n = k + 1;
        if n >= 14 {
            break;
        }
    }
    let printed = printed_words[..n.max(1)]
        .join(" ")
        .trim_end_matches([',', '.'])
        .to_string();
    for a in &mut actors {
        a.printed = printed.clone();
    }
    actors
}

fn contains_seq(hay: &[String], needle: &[String]) -> Option<usize> {
    if needle.is_empty() || hay.len() < needle.len() {
        return None;
    }
    (0..=hay.len() - needle.len()).find(|&i| hay[i..i + needle.len()] == *needle)
}

fn significant(words: &[String]) -> BTreeSet<&str> {
    words
        .iter()
        .map(String::as_str)
        .filter(|w| w.len() >= 3 && !QUALIFIER_NOISE.contains(w))
        .collect()
}

/// Whether a lane (normalised words) can be the performer `actor` names.
fn lane_matches(actor: &Actor, lane: &[String]) -> bool {
    let head = &actor.head;
    // The head anywhere in the lane ("Kepala Dinas / PA"), or a lane named after the unit the
    // head leads ("Seksi Kelembagaan ..." for "Kepala Seksi Kelembagaan ...").
    let pos = contains_seq(lane, head)
        .map(|i| i + head.len())
        .or_else(|| {
            (head.len() == 2 && head[0] == "kepala" && lane.first() == Some(&head[1])).then_some(1)
        });
    let Some(after) = pos else { return false };
    if !UNIT_QUALIFIED.iter().any(|h| h.iter().eq(head.iter())) {
        return true;
    }
    let a = significant(&actor.qualifiers);
    let l = significant(&lane[after..]);
    // A generic side ("Kepala Bidang" with no unit) matches any unit of the same head.
    a.is_empty() || l.is_empty() || !a.is_disjoint(&l)
}

fn actors(sop: &Sop, out: &mut Vec<Finding>) {
    let lanes: Vec<Vec<String>> = sop.lanes.iter().map(|l| role_words(l)).collect();
    for step in sop.steps.iter() {
        let actors = actors_of(&step.text);
        let Some(first) = actors.first() else {
            continue;
        };
        let matches: Vec<Vec<usize>> = actors
            .iter()
            .map(|a| {
                (0..lanes.len())
                    .filter(|&i| lane_matches(a, &lanes[i]))
                    .collect()
            })
            .collect();
        if matches.iter().any(Vec::is_empty) {
            push(
                out,
                FindingKind::ActorWithoutLane,
                Some(sop),
                Some(step.no),
                format!(
                    "Langkah {} dilaksanakan oleh \"{}\", tetapi tidak ada kolom pelaksana untuknya.",
                    step.no, first.printed
                ),
                Some(format!("Kolom pelaksana: {}", sop.lanes.join("; "))),
            );
        } else if actors.len() == 1 && matches[0].len() == 1 && matches[0][0] != step.lane_index {
            // Only a single, unambiguous performer is compared with the step's lane: with two
            // performers ("Kasi dan Kabid ...") either lane is right.
            let lane = matches[0][0];
            push(
                out,
                FindingKind::ActorLaneDiffers,
                Some(sop),
                Some(step.no),
                format!(
                    "Teks langkah {} menyebut \"{}\" sebagai pelaksana, tetapi langkah ini ada di kolom \"{}\".",
                    step.no, first.printed, step.lane
                ),
                Some(format!(
                    "Kolom yang sesuai: \"{}\"{}",
                    sop.lanes[lane],
                    if step.lane_inferred { " (kolom langkah ini hasil penyimpulan)" } else { "" }
                )),
            );
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Keterkaitan

fn related(sop: &Sop, sops: &[Sop], out: &mut Vec<Finding>) {
    for r in sop.related.iter() {
        if r.sop_id.as_deref() == Some(&*sop.id) {
            push(
                out,
                FindingKind::RelatedSelf,
                Some(sop),
                None,
                format!("Keterkaitan SOP menyebut SOP ini sendiri (\"{}\").", r.text),
                None,
            );
            continue;
        }
        if r.sop_id.is_some() {
            continue;
        }
        // A printed name that contains a catalogue SOP's title is that SOP.
        let key = text_key(&r.text);
        let Some(other) = sops.iter().find(|o| {
            let t = text_key(&o.title);
            t.len() >= 8 && key.contains(&t)
        }) else {
            continue;
        };
        if other.id == sop.id {
            push(
                out,
                FindingKind::RelatedSelf,
                Some(sop),
                None,
                format!("Keterkaitan SOP menyebut SOP ini sendiri (\"{}\").", r.text),
                None,
            );
        } else {
            push(
                out,
                FindingKind::RelatedUnlinked,
                Some(sop),
                None,
                format!(
                    "Keterkaitan \"{}\" adalah SOP \"{}\" di katalog ini, tetapi ditulis sebagai nama, bukan id.",
                    r.text, other.id
                ),
                Some(format!("Tulis \"{}\" di `related` agar tertaut.", other.id)),
            );
        }
    }
}

fn corrections(sop: &Sop, out: &mut Vec<Finding>) {
    for c in sop.corrections.iter() {
        let step_no = crate::correction_place::parse(&c.where_)
            .ok()
            .and_then(|p| p.step_no());
        let printed = if c.printed.is_empty() {
            "(kosong)".to_string()
        } else {
            format!("\"{}\"", c.printed)
        };
        push(
            out,
            FindingKind::Correction,
            Some(sop),
            step_no,
            format!(
                "Koreksi pada {}: tercetak {}, dipakai \"{}\".",
                c.where_, printed, c.corrected
            ),
            Some(c.why.to_string()),
        );
    }
}

// ---------------------------------------------------------------------------------------------
// The approver (Disahkan oleh)

/// The approver's name and NIP as printed in `approved_by`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Approver {
    /// The uppercase name token(s), e.g. "SUPARDIE" or "SUPARDI E".
    pub name: String,
    /// The NIP's digits, spaces removed; "" if none printed.
    pub nip: String,
}

/// Degrees and titles written after (or before) the name.
const DEGREES: &[&str] = &[
    "spd", "msm", "se", "mm", "msi", "st", "sh", "mh", "ssos", "ap", "mpd", "sp", "mt", "skm", "sm",
];

/// Extracts the approver's name: the run of all-uppercase words before the NIP, after the
/// title (which ends at "Katingan"), without honorifics ("H.") and degrees ("S.Pd.", "MSM").
pub fn parse_approver(approved_by: &str) -> Option<Approver> {
    let (before, after) = match approved_by.find("NIP") {
        Some(i) => (&approved_by[..i], &approved_by[i + 3..]),
        None => (approved_by, ""),
    };
    let nip: String = after
        .chars()
        .take_while(|c| !c.is_alphabetic())
        .filter(|c| c.is_ascii_digit())
        .collect();
    let start = before
        .rfind("Katingan")
        .map(|i| i + "Katingan".len())
        .unwrap_or(0);
    let mut name: Vec<String> = Vec::new();
    for token in before[start..].split(|c: char| c.is_whitespace() || c == ',') {
        if token.is_empty() {
            continue;
        }
        let letters: String = token.chars().filter(|c| c.is_alphabetic()).collect();
        let lower = letters.to_lowercase();
        if letters.is_empty() {
            continue;
        }
        if DEGREES.contains(&lower.as_str()) {
            if name.is_empty() {
                continue;
            }
            break;
        }
        // "E.S.Pd." is the last letter of the name glued to the degree "S.Pd.".
        if let Some(d) = DEGREES
            .iter()
            .find(|d| lower.len() > d.len() && lower.ends_with(*d))
        {
            let prefix = &letters[..letters.len() - d.len()];
            if !name.is_empty() && prefix.chars().all(|c| c.is_uppercase()) {
                name.push(prefix.to_string());
                break;
            }
        }
        if letters.chars().all(|c| c.is_uppercase()) {
            // A lone initial before the name is an honorific ("H." for Haji).
            if name.is_empty() && letters.chars().count() < 2 {
                continue;
            }
            name.push(letters);
        } else if !name.is_empty() {
            break;
        }
    }
    if name.is_empty() {
        return None;
    }
    Some(Approver {
        name: name.join(" "),
        nip,
    })
}

/// "196609191987061001" → "19660919 198706 1 001", the way NIPs are printed.
pub fn format_nip(nip: &str) -> String {
    if nip.len() == 18 && nip.chars().all(|c| c.is_ascii_digit()) {
        format!(
            "{} {} {} {}",
            &nip[..8],
            &nip[8..14],
            &nip[14..15],
            &nip[15..]
        )
    } else {
        nip.to_string()
    }
}

fn levenshtein(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut cur = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// Names that are (nearly) the same: letters equal, or at most two edits apart and the edits
/// a small part of the name. "SUPARDIE"/"SURADIE"/"SUPARDE"/"SUPAREVE"/"SUPARDI E" are one
/// person; two different short names are not.
fn similar_names(a: &str, b: &str) -> bool {
    let ka: String = a.chars().filter(|c| c.is_alphabetic()).collect();
    let kb: String = b.chars().filter(|c| c.is_alphabetic()).collect();
    let d = levenshtein(&ka, &kb);
    let len = ka.chars().count().max(kb.chars().count());
    d == 0 || (d <= 2 && d * 4 <= len)
}

/// Similar NIPs: same length, at most two digits differ (a slipped digit, not another person).
fn similar_nips(a: &str, b: &str) -> bool {
    !a.is_empty()
        && a.len() == b.len()
        && a.chars().zip(b.chars()).filter(|(x, y)| x != y).count() <= 2
}

fn approvers(sops: &[Sop], out: &mut Vec<Finding>) {
    let entries: Vec<(&Sop, Approver)> = sops
        .iter()
        .filter_map(|s| parse_approver(&s.approved_by).map(|a| (s, a)))
        .collect();
    // Union-find over the entries: same person when the NIPs are equal or nearly so, or the
    // names are nearly the same.
    let mut parent: Vec<usize> = (0..entries.len()).collect();
    fn root(p: &mut [usize], i: usize) -> usize {
        let mut r = i;
        while p[r] != r {
            r = p[r];
        }
        p[i] = r;
        r
    }
    for i in 0..entries.len() {
        for j in i + 1..entries.len() {
            let (a, b) = (&entries[i].1, &entries[j].1);
            if similar_names(&a.name, &b.name)
                || (similar_nips(&a.nip, &b.nip) && !a.nip.is_empty())
            {
                let (ri, rj) = (root(&mut parent, i), root(&mut parent, j));
                parent[rj] = ri;
            }
        }
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..entries.len() {
        let r = root(&mut parent, i);
        groups.entry(r).or_default().push(i);
    }
    for members in groups.values() {
        // Spellings and NIPs, each with its SOPs, most used first (ties in catalogue order).
        let by = |f: &dyn Fn(&Approver) -> String| -> Vec<(String, Vec<String>)> {
            let mut v: Vec<(String, Vec<String>)> = Vec::new();
            for &i in members {
                let key = f(&entries[i].1);
                match v.iter_mut().find(|(k, _)| *k == key) {
                    Some((_, ids)) => ids.push(entries[i].0.id.to_string()),
                    None => v.push((key, vec![entries[i].0.id.to_string()])),
                }
            }
            v.sort_by_key(|(_, ids)| std::cmp::Reverse(ids.len()));
            v
        };
        let names = by(&|a| a.name.clone());
        if names.len() > 1 {
            let list: Vec<String> = names.iter().map(|(n, _)| n.clone()).collect();
            push(
                out,
                FindingKind::ApproverSpelling,
                None,
                None,
                format!(
                    "Nama pengesah ditulis dengan {} ejaan berbeda: {}.",
                    names.len(),
                    join_id(&list)
                ),
                Some(
                    names
                        .iter()
                        .map(|(n, ids)| format!("{n}: {}", ids.join(", ")))
                        .collect::<Vec<_>>()
                        .join("; "),
                ),
            );
        }
        let nips = by(&|a| a.nip.clone());
        let printed: Vec<&(String, Vec<String>)> =
            nips.iter().filter(|(n, _)| !n.is_empty()).collect();
        if printed.len() > 1 {
            let list: Vec<String> = printed.iter().map(|(n, _)| format_nip(n)).collect();
            push(
                out,
                FindingKind::ApproverNip,
                None,
                None,
                format!(
                    "NIP pengesah {} tercetak berbeda: {}.",
                    names.first().map(|(n, _)| n.as_str()).unwrap_or(""),
                    join_id(&list)
                ),
                Some(
                    printed
                        .iter()
                        .map(|(n, ids)| format!("{}: {}", format_nip(n), ids.join(", ")))
                        .collect::<Vec<_>>()
                        .join("; "),
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::{Audience, Correction, Related, Step};
    use crate::duration;

    /// A SOP with the given lanes and (no, text, lane, duration) steps; identity complete.
    fn sop(id: &str, lanes: &[&str], steps: &[(u32, &str, &str, &str)]) -> Sop {
        let lanes: Vec<String> = lanes.iter().map(|s| s.to_string()).collect();
        let steps: Vec<Step> = steps
            .iter()
            .map(|&(no, text, lane, d)| Step {
                no,
                text: text.to_string().into(),
                lane: lane.to_string().into(),
                lane_index: lanes
                    .iter()
                    .position(|l| l == lane)
                    .expect("lane of the test SOP"),
                lane_inferred: false,
                inputs: String::new().into(),
                duration: d.to_string().into(),
                duration_parsed: duration::parse(d).expect("test duration"),
                output: String::new().into(),
                note: String::new().into(),
                label: None,
                decision: None,
            })
            .collect();
        let mut s = Sop {
            id: id.to_string().into(),
            code: id.to_uppercase().into(),
            number: "53 / DPTTK / TU - 1 / I / 2025".to_string().into(),
            number_normalized: "53/DPTTK/TU-1/I/2025".to_string().into(),
            title: format!("SOP {id}").into(),
            unit: "Unit".to_string().into(),
            unit_group: "bidang-hi".to_string().into(),
            audience: Audience::Public,
            aliases: vec![].into(),
            created: chrono::NaiveDate::from_ymd_opt(2025, 1, 6),
            revised: None,
            effective: chrono::NaiveDate::from_ymd_opt(2025, 1, 6),
            approved_by: "Kepala Dinas Perindustrian, Transmigrasi dan Tenaga Kerja Kabupaten Katingan, SUPARDIE, S.Pd., MSM NIP. 196609191987061001".to_string().into(),
            legal_basis: vec![].into(),
            related: vec![].into(),
            warning: String::new().into(),
            qualifications: vec![].into(),
            equipment: vec![].into(),
            records: vec![].into(),
            requirements: vec![].into(),
            lanes: lanes.into_iter().map(Text::from).collect(),
            steps: steps.into(),
            stated_total: String::new().into(),
            stated_total_parsed: Duration::None,
            total: Default::default(),
            stated_comparison: StatedComparison::NotPrinted,
            corrections: vec![].into(),
        };
        retotal(&mut s);
        s
    }

    fn retotal(s: &mut Sop) {
        let d: Vec<(u32, &Duration)> = s
            .steps
            .iter()
            .map(|st| (st.no, &st.duration_parsed))
            .collect();
        s.total = duration::total(&d);
        s.stated_comparison = duration::compare_stated(&s.stated_total, &s.total);
    }

    fn kinds(f: &[Finding]) -> Vec<(FindingKind, Option<u32>)> {
        f.iter().map(|f| (f.kind, f.step_no)).collect()
    }

    fn of_kind(f: &[Finding], kind: FindingKind) -> Vec<Finding> {
        f.iter().filter(|x| x.kind == kind).cloned().collect()
    }

    const JHT_LANES: [&str; 4] = [
        "Pemohon",
        "Pengawas Tenaga Kerja Ahli Muda",
        "Kabid HI dan Jamsostek",
        "Kepala Dinas Perindustrian, Transmigrasi dan Tenaga kerja",
    ];

    #[test]
    fn a_clean_sop_has_no_findings() {
        let s = sop(
            "jht",
            &JHT_LANES,
            &[
                (1, "Permohonan ditujukan ke Kepala Dinas.", "Pemohon", "5 menit"),
                (2, "Kepala Dinas Disposisi kepada Kepala Bidang Hubungan Industrial dan Jamsostek.", JHT_LANES[3], "5 (Lima)menit"),
                (3, "Kepala Bidang Hubungan Industrial dan Jamsostek memerintahkan Pengawas Tenaga Kerja.", JHT_LANES[2], "5 menit"),
                (4, "Pengawas Tenaga Kerja meneliti kelengkapan berkas pemohon.", JHT_LANES[1], "3 (tiga)menit"),
            ],
        );
        assert_eq!(find(&[s], &[]), vec![]);
    }

    #[test]
    fn printed_total_that_disagrees() {
        let day = &[
            (1, "a", "Pemohon", "1 (satu) hari"),
            (2, "b", "Pemohon", "2 (dua) hari"),
        ];
        let mut s = sop("lks", &["Pemohon"], day);
        s.stated_total = "2 (dua) hari".to_string().into();
        retotal(&mut s);
        let f = find(&[s.clone()], &[]);
        assert_eq!(kinds(&f), vec![(FindingKind::StatedTotalMismatch, None)]);
        assert_eq!(
            f[0].message,
            "Jumlah waktu pelayanan tercetak \"2 (dua) hari\" (2 hari kerja), sedangkan jumlah waktu langkah-langkahnya 3 hari kerja."
        );
        assert_eq!(
            f[0].detail.as_deref(),
            Some("langkah 1: 1 (satu) hari; langkah 2: 2 (dua) hari")
        );
        s.stated_total = "3 hari".to_string().into();
        retotal(&mut s);
        assert_eq!(find(&[s], &[]), vec![]);
    }

    #[test]
    fn performer_without_a_lane() {
        let s = sop(
            "jht",
            &JHT_LANES,
            &[
                (
                    5,
                    "Pengawas Tenaga Kerja memerintahkan Operator Komputer untuk membuat surat.",
                    JHT_LANES[1],
                    "5 menit",
                ),
                (
                    6,
                    "Operator Komputer menyerahkan surat keterangan kepada Pengawas Tenaga Kerja.",
                    JHT_LANES[1],
                    "5 menit",
                ),
            ],
        );
        let f = of_kind(&find(&[s], &[]), FindingKind::ActorWithoutLane);
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].step_no, Some(6));
        assert_eq!(
            f[0].message,
            "Langkah 6 dilaksanakan oleh \"Operator Komputer\", tetapi tidak ada kolom pelaksana untuknya."
        );
    }

    #[test]
    fn abbreviations_and_unit_lanes_match_their_performers() {
        let lanes = [
            "Pemohon",
            "Seksi Kelembagaan dan Kerjasama HI",
            "Kabid HI dan Jamsostek",
            "Kepala Dinas / PA",
            "Kasubbag Umum dan Kepegawaian",
            "Kasi/Jafung",
            "Pengadministrasi Umum",
            "Peserta/ Kepala Desa/ Camat",
        ];
        let s = sop(
            "x",
            &lanes,
            &[
                (
                    1,
                    "Kepala seksi Kelembagaan dan Kerjasama HI melakukan peninjauan.",
                    lanes[1],
                    "1 hari",
                ),
                (
                    2,
                    "Kabid mengidentifikasi dan memberikan arahan.",
                    lanes[2],
                    "1 hari",
                ),
                (3, "Kadis menandatangani.", lanes[3], "1 hari"),
                (
                    4,
                    "Kasubag Umum dan Kepegawaian merekap absen.",
                    lanes[4],
                    "1 hari",
                ),
                (
                    5,
                    "Kasi/Jafung dan Kabid mengkoordinasikan ke kepala dinas.",
                    lanes[2],
                    "1 hari",
                ),
                (
                    6,
                    "Pengadministrasian umum memberikan nomor surat.",
                    lanes[6],
                    "1 hari",
                ),
                (
                    7,
                    "Calon Peserta secara Pribadi mendaftarkan diri.",
                    lanes[7],
                    "1 hari",
                ),
                (
                    8,
                    "Kepala Bidang Hubungan Industrial dan Jamsostek memerintahkan Kepala Seksi.",
                    lanes[2],
                    "1 hari",
                ),
                // Not a performer: the text starts with the document.
                (
                    9,
                    "Permohonan ditujukan ke Kepala Dinas.",
                    lanes[0],
                    "1 hari",
                ),
                (
                    10,
                    "Apabila tidak memenuhi syarat, maka Kepala Seksi menyusun konsep.",
                    lanes[0],
                    "1 hari",
                ),
            ],
        );
        let f = find(&[s], &[]);
        let actor: Vec<_> = f
            .iter()
            .filter(|f| {
                matches!(
                    f.kind,
                    FindingKind::ActorWithoutLane | FindingKind::ActorLaneDiffers
                )
            })
            .collect();
        assert!(actor.is_empty(), "{actor:#?}");
    }

    #[test]
    fn a_section_head_of_another_unit_is_not_a_lane() {
        let lanes = [
            "Kepala Desa",
            "Kepala Seksi Kelembagaan dan Kerjasama HI",
            "Kepala Bidang",
        ];
        let s = sop(
            "pt",
            &lanes,
            &[(2, "Kepala Seksi Perencanaan Potensi Kawasan, Pertanian dan Kelayakan Permukiman menerima permohonan dari kepala desa.", lanes[1], "1 hari")],
        );
        let f = of_kind(&find(&[s], &[]), FindingKind::ActorWithoutLane);
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(
            f[0].message.contains(
                "\"Kepala Seksi Perencanaan Potensi Kawasan, Pertanian dan Kelayakan Permukiman\""
            ),
            "{}",
            f[0].message
        );
    }

    #[test]
    fn performer_in_another_lane() {
        let lanes = [
            "Pemohon",
            "Kabid HI dan Jamsostek",
            "Kepala Dinas Transmigrasi dan Tenaga kerja",
        ];
        let mut s = sop(
            "lks",
            &lanes,
            &[(
                2,
                "Kepala Dinas mendisposisikan kepada Kepala Bidang.",
                lanes[1],
                "1 hari",
            )],
        );
        s.steps.to_mut()[0].lane_inferred = true;
        let f = of_kind(&find(&[s], &[]), FindingKind::ActorLaneDiffers);
        assert_eq!(kinds(&f), vec![(FindingKind::ActorLaneDiffers, Some(2))]);
        assert_eq!(
            f[0].detail.as_deref(),
            Some("Kolom yang sesuai: \"Kepala Dinas Transmigrasi dan Tenaga kerja\" (kolom langkah ini hasil penyimpulan)")
        );
    }

    #[test]
    fn lanes_without_steps() {
        let s = sop(
            "tpp",
            &["Pegawai", "Kasubbag", "Sekretaris"],
            &[(1, "a", "Kasubbag", "5 menit")],
        );
        let f = of_kind(&find(&[s], &[]), FindingKind::LaneWithoutSteps);
        let msgs: Vec<&str> = f.iter().map(|f| &*f.message).collect();
        assert_eq!(
            msgs,
            [
                "Kolom pelaksana \"Pegawai\" tidak dipakai oleh langkah mana pun.",
                "Kolom pelaksana \"Sekretaris\" tidak dipakai oleh langkah mana pun."
            ]
        );
    }

    #[test]
    fn numbering_gaps_repeats_and_order() {
        let steps = &[
            (2, "a", "P", "1 menit"),
            (3, "b", "P", "1 menit"),
            (3, "c", "P", "1 menit"),
            (6, "d", "P", "1 menit"),
            (5, "e", "P", "1 menit"),
        ];
        let f = find(&[sop("n", &["P"], steps)], &[]);
        assert_eq!(
            kinds(&f),
            vec![
                (FindingKind::NumberingGap, Some(2)),
                (FindingKind::NumberingRepeat, Some(3)),
                (FindingKind::NumberingGap, Some(6)),
                (FindingKind::NumberingOrder, Some(5)),
            ]
        );
        assert_eq!(f[0].message, "Penomoran langkah dimulai dari 2, bukan 1.");
        assert_eq!(
            f[2].message,
            "Nomor langkah 4 dan 5 tidak ada: setelah langkah 3 langsung langkah 6."
        );
    }

    #[test]
    fn identical_step_texts() {
        let steps = &[
            (
                4,
                "Memverifikasi bahan usulan kenaikan pangkat",
                "P",
                "15 Menit",
            ),
            (
                5,
                "memverifikasi  bahan usulan kenaikan pangkat.",
                "P",
                "25 merit",
            ),
            (6, "Mengarsipkan", "P", "10 merit"),
        ];
        let mut s = sop("kp", &["P"], steps);
        s.steps.to_mut().iter_mut().for_each(|st| st.no -= 3);
        let f = find(&[s], &[]);
        assert_eq!(kinds(&f), vec![(FindingKind::DuplicateStepText, Some(2))]);
        assert_eq!(f[0].message, "Langkah 1 dan 2 bertuliskan teks yang sama.");
    }

    #[test]
    fn dates_whose_year_is_not_the_numbers() {
        let mut s = sop("renja", &["P"], &[(1, "a", "P", "1 menit")]);
        s.created = chrono::NaiveDate::from_ymd_opt(2020, 1, 6);
        s.revised = chrono::NaiveDate::from_ymd_opt(2020, 1, 6);
        let f = find(&[s], &[]);
        assert_eq!(kinds(&f), vec![(FindingKind::DateYearMismatch, None)]);
        assert_eq!(
            f[0].message,
            "Tahun pada Tanggal Pembuatan 6 Januari 2020 dan Tanggal Revisi 6 Januari 2020 berbeda dengan tahun pada Nomor SOP (2025)."
        );
    }

    #[test]
    fn approver_names_as_printed() {
        let cases = [
            ("Kepala Dinas Perindustrian, Transmigrasi dan Tenaga Kerja Kabupaten Katingan,  SUPARDIE, S.Pd.,MSM NIP. 19660919198706 1 001", "SUPARDIE", "196609191987061001"),
            ("Kepala Dinas ... Kabupaten Katingan, SUPARDI, SPd., MSM NIP. 19660919 198706 1 001", "SUPARDI", "196609191987061001"),
            ("Kepala Dinas ... Kabupaten Katingan,  SUPAREVE S.Pd., MSM NIP. 19660919 198706 1 001", "SUPAREVE", "196609191987061001"),
            ("Kepala Dinas ... Kabupaten Katingan,  SUPARDI E.S.Pd., MSM NIP. 19660919 198706 1 001", "SUPARDI E", "196609191987061001"),
            ("Kepala Dinas ... Kabupaten Katingan H. SURADIE, SPd. MSM NIP. 19660919 198706 1 001", "SURADIE", "196609191987061001"),
            ("Kepala Dinas ... Kabupaten Katingan, SUPARDE, S.Pd, MSM NIP. 19660119 198706 1 001", "SUPARDE", "196601191987061001"),
            ("Kepala Dinas ... Kabupaten Katingan, SUPARDIE,S.Pd.,MSM NIP. 19660919198706 1 001", "SUPARDIE", "196609191987061001"),
        ];
        for (printed, name, nip) in cases {
            assert_eq!(
                parse_approver(printed),
                Some(Approver {
                    name: name.to_string(),
                    nip: nip.to_string()
                }),
                "{printed}"
            );
        }
        assert_eq!(parse_approver(""), None);
        assert_eq!(format_nip("196609191987061001"), "19660919 198706 1 001");
    }

    #[test]
    fn approver_spellings_and_nips_across_sops() {
        let approver = |name: &str, nip: &str| {
            format!("Kepala Dinas Perindustrian, Transmigrasi dan Tenaga Kerja Kabupaten Katingan, {name}, S.Pd., MSM NIP. {nip}")
        };
        let mut sops = Vec::new();
        for (id, name, nip) in [
            ("a", "SUPARDIE", "19660919 198706 1 001"),
            ("b", "SUPARDIE", "19660919 198706 1 001"),
            ("c", "SUPARDI", "19660919 198706 1 001"),
            ("d", "SUPARDE", "19660119 198706 1 001"),
            ("e", "BUDIMAN", "19700101 199001 1 002"),
        ] {
            let mut s = sop(id, &["P"], &[(1, "x", "P", "1 menit")]);
            s.approved_by = approver(name, nip).into();
            sops.push(s);
        }
        let f = find(&sops, &[]);
        assert_eq!(
            kinds(&f),
            vec![
                (FindingKind::ApproverSpelling, None),
                (FindingKind::ApproverNip, None)
            ]
        );
        assert_eq!(
            f[0].message,
            "Nama pengesah ditulis dengan 3 ejaan berbeda: SUPARDIE, SUPARDI dan SUPARDE."
        );
        assert_eq!(
            f[0].detail.as_deref(),
            Some("SUPARDIE: a, b; SUPARDI: c; SUPARDE: d")
        );
        assert_eq!(f[1].message, "NIP pengesah SUPARDIE tercetak berbeda: 19660919 198706 1 001 dan 19660119 198706 1 001.");
        assert_eq!(
            f[1].detail.as_deref(),
            Some("19660919 198706 1 001: a, b, c; 19660119 198706 1 001: d")
        );
    }

    #[test]
    fn related_to_itself_or_unlinked() {
        let mut pkb = sop("pkb", &["P"], &[(1, "x", "P", "1 menit")]);
        pkb.title = "Pendaftaran Perjanjian Kerja Bersama (PKB)".to_string().into();
        let mut pp = sop("pengesahan-pp", &["P"], &[(1, "x", "P", "1 menit")]);
        pp.title = "Pengesahan Peraturan Perusahaan (PP)".to_string().into();
        pp.related = vec![Related {
            text: "pengesahan-pp".to_string().into(),
            sop_id: Some("pengesahan-pp".to_string().into()),
        }].into();
        pkb.related = vec![
            Related {
                text: "SOP Pendaftaran Perjanjian Kerja Bersama (PKB)".to_string().into(),
                sop_id: None,
            },
            Related {
                text: "SOP Pengesahan Peraturan Perusahaan (PP)".to_string().into(),
                sop_id: None,
            },
            Related {
                text: "SOP Rapat Internal".to_string().into(),
                sop_id: None,
            },
        ].into();
        let f = find(&[pkb, pp], &[]);
        let got: Vec<_> = f.iter().map(|f| (f.kind, f.sop_id.as_deref())).collect();
        assert_eq!(
            got,
            vec![
                (FindingKind::RelatedSelf, Some("pkb")),
                (FindingKind::RelatedUnlinked, Some("pkb")),
                (FindingKind::RelatedSelf, Some("pengesahan-pp")),
            ]
        );
    }

    #[test]
    fn missing_identity_fields() {
        let mut s = sop("npd", &["P"], &[(1, "x", "P", "1 menit")]);
        s.number = String::new().into();
        s.approved_by = String::new().into();
        s.created = None;
        s.effective = None;
        let units = [Unit {
            id: "bidang-hi".into(),
            name: "Bidang HI".into(),
            short: "HI".into(),
        }];
        let f = find(&[s], &units);
        assert_eq!(kinds(&f), vec![(FindingKind::MissingIdentity, None)]);
        assert_eq!(
            f[0].message,
            "Identitas SOP tidak lengkap: Nomor SOP, Disahkan oleh, Tanggal Pembuatan dan Tanggal Efektif tidak tercetak."
        );
        assert_eq!(f[0].detail.as_deref(), Some("Unit: Bidang HI"));
    }

    #[test]
    fn steps_without_time() {
        let some = sop(
            "a",
            &["P"],
            &[
                (1, "x", "P", ""),
                (2, "y", "P", "5 menit"),
                (3, "z", "P", ""),
            ],
        );
        assert_eq!(
            kinds(&find(&[some], &[])),
            vec![
                (FindingKind::StepWithoutTime, Some(1)),
                (FindingKind::StepWithoutTime, Some(3))
            ]
        );
        let none = sop("b", &["P"], &[(1, "x", "P", ""), (2, "y", "P", "")]);
        let f = find(&[none], &[]);
        assert_eq!(kinds(&f), vec![(FindingKind::StepWithoutTime, None)]);
        assert_eq!(
            f[0].message,
            "Tidak ada waktu tercetak untuk langkah mana pun (2 langkah)."
        );
        // "Sesuai MOU" is a time, just not a fixed one.
        let mou = sop("c", &["P"], &[(1, "x", "P", "Sesuai MOU")]);
        assert_eq!(find(&[mou], &[]), vec![]);
    }

    #[test]
    fn every_correction_is_listed() {
        let mut s = sop("a", &["P"], &[(1, "x", "P", "35 merit")]);
        s.corrections = vec![
            Correction {
                where_: "Langkah 1, kolom Waktu".into(),
                printed: "35 merit".into(),
                corrected: "35 menit".into(),
                why: "OCR".into(),
            },
            Correction {
                where_: "Pelaksana".into(),
                printed: "".into(),
                corrected: "P".into(),
                why: "no table".into(),
            },
        ].into();
        let f = find(&[s], &[]);
        assert_eq!(
            kinds(&f),
            vec![
                (FindingKind::Correction, Some(1)),
                (FindingKind::Correction, None)
            ]
        );
        assert_eq!(
            f[0].message,
            "Koreksi pada Langkah 1, kolom Waktu: tercetak \"35 merit\", dipakai \"35 menit\"."
        );
        assert_eq!(
            f[1].message,
            "Koreksi pada Pelaksana: tercetak (kosong), dipakai \"P\"."
        );
        assert_eq!(f[0].detail.as_deref(), Some("OCR"));
    }

    #[test]
    fn kinds_serialize_as_their_names() {
        for k in FindingKind::ALL {
            assert_eq!(
                serde_json::to_value(k).unwrap(),
                serde_json::Value::String(k.as_str().to_string())
            );
        }
    }
}
