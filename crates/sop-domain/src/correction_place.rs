//! Where a correction is, named the way a person finds it in the printed SOP book.
//!
//! The `where` of a `[[corrections]]` entry is read by office staff next to the book, so it
//! names the place as printed, one-based and in Indonesian ("Langkah 8, kolom Kegiatan"), not
//! as a key path of the data format. This module is the small fixed grammar of those names:
//! pure text in, a [`Place`] out, and [`Place`]'s `Display` gives the canonical text back.
//! Whether the place exists in a given SOP (step 8 is printed, step 4 is a decision, ...) is
//! checked by the loader.
//!
//! The forms (N is the step's number as printed, 1 or more):
//!
//! | text                                   | the data it corrects              |
//! |----------------------------------------|-----------------------------------|
//! | `Identitas SOP, Nomor SOP`             | `number`                          |
//! | `Identitas SOP, Nama SOP`              | `title`                           |
//! | `Identitas SOP, Unit Kerja`            | `unit`                            |
//! | `Identitas SOP, Tanggal Pembuatan`     | `created`                         |
//! | `Identitas SOP, Tanggal Revisi`        | `revised`                         |
//! | `Identitas SOP, Tanggal Efektif`       | `effective`                       |
//! | `Identitas SOP, Disahkan oleh`         | `approved_by`                     |
//! | `Identitas SOP, Dasar Hukum`           | `legal_basis`                     |
//! | `Identitas SOP, Keterkaitan`           | `related`                         |
//! | `Identitas SOP, Peringatan`            | `warning`                         |
//! | `Identitas SOP, Kualifikasi Pelaksana` | `qualifications`                  |
//! | `Identitas SOP, Peralatan/Perlengkapan`| `equipment`                       |
//! | `Identitas SOP, Pencatatan dan Pendataan` | `records`                      |
//! | `Persyaratan`                          | `requirements`                    |
//! | `Pelaksana`                            | `lanes` (the PELAKSANA columns)   |
//! | `Jumlah Waktu Pelayanan`               | `stated_total`                    |
//! | `Tabel langkah`                        | `steps` (the table as a whole)    |
//! | `Langkah N`                            | the whole row of step N           |
//! | `Langkah N, kolom Kegiatan`            | `text` of step N                  |
//! | `Langkah N, kolom Pelaksana`           | `lane`                            |
//! | `Langkah N, kolom Kelengkapan`         | `inputs`                          |
//! | `Langkah N, kolom Waktu`               | `duration`                        |
//! | `Langkah N, kolom Output`              | `output`                          |
//! | `Langkah N, kolom Keterangan`          | `note`                            |
//! | `Langkah N, keputusan`                 | `decision` (step N must have one) |
//! | `Langkah N, teks simbol`               | `label` (step N must have one)    |
//!
//! Reading forgives what a hand-typed file gets wrong without changing the meaning: letter
//! case, extra spaces, spaces around the comma and the slash, and "&" for "dan" in
//! "Pencatatan & Pendataan" (as the book prints it).

use std::fmt;

/// An item of the identity block ("A. Identitas SOP"), in printed order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum IdentityField {
    NomorSop,
    NamaSop,
    UnitKerja,
    TanggalPembuatan,
    TanggalRevisi,
    TanggalEfektif,
    DisahkanOleh,
    DasarHukum,
    Keterkaitan,
    Peringatan,
    KualifikasiPelaksana,
    PeralatanPerlengkapan,
    PencatatanDanPendataan,
}

impl IdentityField {
    pub const ALL: [IdentityField; 13] = [
        IdentityField::NomorSop,
        IdentityField::NamaSop,
        IdentityField::UnitKerja,
        IdentityField::TanggalPembuatan,
        IdentityField::TanggalRevisi,
        IdentityField::TanggalEfektif,
        IdentityField::DisahkanOleh,
        IdentityField::DasarHukum,
        IdentityField::Keterkaitan,
        IdentityField::Peringatan,
        IdentityField::KualifikasiPelaksana,
        IdentityField::PeralatanPerlengkapan,
        IdentityField::PencatatanDanPendataan,
    ];

    /// The item's name as printed in the book (canonical form).
    pub fn name(self) -> &'static str {
        match self {
            IdentityField::NomorSop => "Nomor SOP",
            IdentityField::NamaSop => "Nama SOP",
            IdentityField::UnitKerja => "Unit Kerja",
            IdentityField::TanggalPembuatan => "Tanggal Pembuatan",
            IdentityField::TanggalRevisi => "Tanggal Revisi",
            IdentityField::TanggalEfektif => "Tanggal Efektif",
            IdentityField::DisahkanOleh => "Disahkan oleh",
            IdentityField::DasarHukum => "Dasar Hukum",
            IdentityField::Keterkaitan => "Keterkaitan",
            IdentityField::Peringatan => "Peringatan",
            IdentityField::KualifikasiPelaksana => "Kualifikasi Pelaksana",
            IdentityField::PeralatanPerlengkapan => "Peralatan/Perlengkapan",
            IdentityField::PencatatanDanPendataan => "Pencatatan dan Pendataan",
        }
    }
}

/// A column of the procedure table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Column {
    /// KEGIATAN: the step's text.
    Kegiatan,
    /// PELAKSANA: who performs the step.
    Pelaksana,
    /// MUTU BAKU, Kelengkapan.
    Kelengkapan,
    /// MUTU BAKU, Waktu.
    Waktu,
    /// MUTU BAKU, Output.
    Output,
    /// Keterangan.
    Keterangan,
}

impl Column {
    pub const ALL: [Column; 6] = [
        Column::Kegiatan,
        Column::Pelaksana,
        Column::Kelengkapan,
        Column::Waktu,
        Column::Output,
        Column::Keterangan,
    ];

    /// The column's heading as printed (canonical form).
    pub fn name(self) -> &'static str {
        match self {
            Column::Kegiatan => "Kegiatan",
            Column::Pelaksana => "Pelaksana",
            Column::Kelengkapan => "Kelengkapan",
            Column::Waktu => "Waktu",
            Column::Output => "Output",
            Column::Keterangan => "Keterangan",
        }
    }
}

/// A place in one SOP of the printed book. Step numbers are as printed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Place {
    /// "Identitas SOP, Nama SOP", ...
    Identity(IdentityField),
    /// "Persyaratan": what the applicant must bring.
    Requirements,
    /// "Pelaksana": the PELAKSANA columns (the lanes) as a whole.
    Lanes,
    /// "Jumlah Waktu Pelayanan": the printed total.
    StatedTotal,
    /// "Tabel langkah": the procedure table as a whole (rows, numbering, layout).
    Steps,
    /// "Langkah N": the whole row of step N.
    Step(u32),
    /// "Langkah N, kolom Kegiatan", ...
    Cell(u32, Column),
    /// "Langkah N, keputusan": the decision (Ya/Tidak) of step N.
    Decision(u32),
    /// "Langkah N, teks simbol": the text printed inside step N's flowchart symbol.
    Label(u32),
}

impl Place {
    /// The printed number of the step the place is in, if it is in one step.
    pub fn step_no(&self) -> Option<u32> {
        match *self {
            Place::Step(n) | Place::Cell(n, _) | Place::Decision(n) | Place::Label(n) => Some(n),
            _ => None,
        }
    }
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Place::Identity(field) => write!(f, "{IDENTITY}, {}", field.name()),
            Place::Requirements => f.write_str(REQUIREMENTS),
            Place::Lanes => f.write_str(LANES),
            Place::StatedTotal => f.write_str(STATED_TOTAL),
            Place::Steps => f.write_str(STEPS),
            Place::Step(n) => write!(f, "{STEP} {n}"),
            Place::Cell(n, column) => write!(f, "{STEP} {n}, {COLUMN} {}", column.name()),
            Place::Decision(n) => write!(f, "{STEP} {n}, {DECISION}"),
            Place::Label(n) => write!(f, "{STEP} {n}, {LABEL}"),
        }
    }
}

const IDENTITY: &str = "Identitas SOP";
const REQUIREMENTS: &str = "Persyaratan";
const LANES: &str = "Pelaksana";
const STATED_TOTAL: &str = "Jumlah Waktu Pelayanan";
const STEPS: &str = "Tabel langkah";
const STEP: &str = "Langkah";
const COLUMN: &str = "kolom";
const DECISION: &str = "keputusan";
const LABEL: &str = "teks simbol";

/// The forms, for error messages.
const FORMS: &str = "\"Identitas SOP, <item>\", \"Persyaratan\", \"Pelaksana\", \
\"Jumlah Waktu Pelayanan\", \"Tabel langkah\", \"Langkah N\", \"Langkah N, kolom <kolom>\", \
\"Langkah N, keputusan\" or \"Langkah N, teks simbol\"";

/// Lowercase, single spaces, no spaces around ',' and '/', "&" read as "dan": the form the
/// comparisons below use.
fn normalize(s: &str) -> String {
    let words: Vec<&str> = s.split_whitespace().collect();
    let mut out = words.join(" ").to_lowercase();
    for sep in [',', '/'] {
        out = out
            .split(sep)
            .map(str::trim)
            .collect::<Vec<_>>()
            .join(&sep.to_string());
    }
    out.replace(" & ", " dan ")
}

fn key(s: &str) -> String {
    normalize(s)
}

/// Reads a correction's `where`. The error says what is wrong in English, like the loader's
/// other messages, and lists the forms.
pub fn parse(text: &str) -> Result<Place, String> {
    let t = normalize(text);
    if t.is_empty() {
        return Err(format!("the place is empty; write one of {FORMS}"));
    }
    let (head, tail) = match t.split_once(',') {
        Some((h, rest)) => (h, Some(rest)),
        None => (t.as_str(), None),
    };
    if head == key(IDENTITY) {
        let Some(item) = tail else {
            return Err(format!(
                "\"{IDENTITY}\" must be followed by \", \" and the item, one of {}",
                identity_names()
            ));
        };
        return IdentityField::ALL
            .into_iter()
            .find(|f| key(f.name()) == item)
            .map(Place::Identity)
            .ok_or_else(|| {
                format!(
                    "\"{}\" is not an item of the identity block; use one of {}",
                    item_as_typed(text),
                    identity_names()
                )
            });
    }
    if let Some(number) = head.strip_prefix(&format!("{} ", key(STEP))) {
        let n = step_number(number)?;
        let Some(rest) = tail else {
            return Ok(Place::Step(n));
        };
        if rest == key(DECISION) {
            return Ok(Place::Decision(n));
        }
        if rest == key(LABEL) {
            return Ok(Place::Label(n));
        }
        if let Some(name) = rest.strip_prefix(&format!("{} ", key(COLUMN))) {
            return Column::ALL
                .into_iter()
                .find(|c| key(c.name()) == name)
                .map(|c| Place::Cell(n, c))
                .ok_or_else(|| {
                    format!(
                        "\"{}\" is not a column of the table; use one of {}",
                        item_as_typed(text),
                        column_names()
                    )
                });
        }
        return Err(format!(
            "after \"{STEP} {n}, \" comes \"{COLUMN} <kolom>\" ({}), \"{DECISION}\" or \"{LABEL}\"",
            column_names()
        ));
    }
    if head == key(STEP) {
        return Err(format!("\"{STEP}\" needs the step's number: \"{STEP} N\""));
    }
    if tail.is_none() {
        for (word, place) in [
            (REQUIREMENTS, Place::Requirements),
            (LANES, Place::Lanes),
            (STATED_TOTAL, Place::StatedTotal),
            (STEPS, Place::Steps),
        ] {
            if t == key(word) {
                return Ok(place);
            }
        }
    }
    Err(format!(
        "\"{}\" is not a place of the book; write one of {FORMS}",
        text.trim()
    ))
}

/// The step number of "Langkah N": digits only, 1 or more.
fn step_number(s: &str) -> Result<u32, String> {
    if s.is_empty() || !s.chars().all(|c| c.is_ascii_digit()) {
        return Err(format!(
            "\"{s}\" is not a step number: write \"{STEP} N\" with N as printed"
        ));
    }
    match s.parse::<u32>() {
        Ok(0) => Err("step numbers start at 1".to_string()),
        Ok(n) => Ok(n),
        Err(_) => Err(format!("\"{s}\" is not a step number")),
    }
}

/// The part after the last comma (or after "kolom"), as the person typed it.
fn item_as_typed(text: &str) -> String {
    let after_comma = text.rsplit(',').next().unwrap_or(text).trim();
    let words: Vec<&str> = after_comma.split_whitespace().collect();
    match words.first() {
        Some(w) if w.eq_ignore_ascii_case(COLUMN) => words[1..].join(" "),
        _ => words.join(" "),
    }
}

fn identity_names() -> String {
    IdentityField::ALL
        .iter()
        .map(|f| format!("\"{}\"", f.name()))
        .collect::<Vec<_>>()
        .join(", ")
}

fn column_names() -> String {
    Column::ALL
        .iter()
        .map(|c| c.name())
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_form_reads_back_to_its_canonical_text() {
        let mut places = vec![
            Place::Requirements,
            Place::Lanes,
            Place::StatedTotal,
            Place::Steps,
            Place::Step(3),
            Place::Decision(4),
            Place::Label(12),
        ];
        places.extend(IdentityField::ALL.map(Place::Identity));
        places.extend(Column::ALL.map(|c| Place::Cell(8, c)));
        for p in places {
            let text = p.to_string();
            assert_eq!(parse(&text), Ok(p), "{text}");
        }
    }

    #[test]
    fn the_examples() {
        for (text, place) in [
            (
                "Langkah 8, kolom Kegiatan",
                Place::Cell(8, Column::Kegiatan),
            ),
            (
                "Langkah 4, kolom Pelaksana",
                Place::Cell(4, Column::Pelaksana),
            ),
            ("Langkah 3, kolom Waktu", Place::Cell(3, Column::Waktu)),
            (
                "Langkah 5, kolom Kelengkapan",
                Place::Cell(5, Column::Kelengkapan),
            ),
            ("Langkah 5, kolom Output", Place::Cell(5, Column::Output)),
            (
                "Langkah 5, kolom Keterangan",
                Place::Cell(5, Column::Keterangan),
            ),
            ("Langkah 4, keputusan", Place::Decision(4)),
            ("Langkah 2, teks simbol", Place::Label(2)),
            ("Tabel langkah", Place::Steps),
            (
                "Identitas SOP, Nama SOP",
                Place::Identity(IdentityField::NamaSop),
            ),
            (
                "Identitas SOP, Unit Kerja",
                Place::Identity(IdentityField::UnitKerja),
            ),
            (
                "Identitas SOP, Keterkaitan",
                Place::Identity(IdentityField::Keterkaitan),
            ),
            (
                "Identitas SOP, Dasar Hukum",
                Place::Identity(IdentityField::DasarHukum),
            ),
            (
                "Identitas SOP, Peralatan/Perlengkapan",
                Place::Identity(IdentityField::PeralatanPerlengkapan),
            ),
            (
                "Identitas SOP, Pencatatan dan Pendataan",
                Place::Identity(IdentityField::PencatatanDanPendataan),
            ),
            (
                "Identitas SOP, Kualifikasi Pelaksana",
                Place::Identity(IdentityField::KualifikasiPelaksana),
            ),
            (
                "Identitas SOP, Peringatan",
                Place::Identity(IdentityField::Peringatan),
            ),
            ("Pelaksana", Place::Lanes),
            ("Persyaratan", Place::Requirements),
        ] {
            assert_eq!(parse(text), Ok(place), "{text}");
            assert_eq!(place.to_string(), text);
        }
    }

    #[test]
    fn hand_typed_variants_are_forgiven() {
        for (text, place) in [
            (
                "  langkah 8 ,kolom   kegiatan ",
                Place::Cell(8, Column::Kegiatan),
            ),
            ("LANGKAH 10, KEPUTUSAN", Place::Decision(10)),
            ("Langkah 2,teks  simbol", Place::Label(2)),
            ("tabel Langkah", Place::Steps),
            (
                "Identitas SOP, Pencatatan & Pendataan",
                Place::Identity(IdentityField::PencatatanDanPendataan),
            ),
            (
                "Identitas SOP, Peralatan / Perlengkapan",
                Place::Identity(IdentityField::PeralatanPerlengkapan),
            ),
            ("Langkah 7", Place::Step(7)),
        ] {
            assert_eq!(parse(text), Ok(place), "{text:?}");
        }
    }

    #[test]
    fn step_numbers() {
        assert_eq!(parse("Langkah 8, kolom Waktu").unwrap().step_no(), Some(8));
        assert_eq!(parse("Langkah 4, keputusan").unwrap().step_no(), Some(4));
        assert_eq!(parse("Langkah 1, teks simbol").unwrap().step_no(), Some(1));
        assert_eq!(parse("Langkah 20").unwrap().step_no(), Some(20));
        assert_eq!(parse("Tabel langkah").unwrap().step_no(), None);
        assert_eq!(parse("Identitas SOP, Unit Kerja").unwrap().step_no(), None);
    }

    #[test]
    fn what_is_refused_and_why() {
        let err = |t: &str| parse(t).unwrap_err();
        assert!(err("").starts_with("the place is empty"));
        assert!(err("steps[7].text").starts_with("\"steps[7].text\" is not a place of the book"));
        assert_eq!(err("Langkah 0, kolom Waktu"), "step numbers start at 1");
        assert!(err("Langkah delapan, kolom Waktu").starts_with("\"delapan\" is not a step number"));
        assert!(err("Langkah 8a").starts_with("\"8a\" is not a step number"));
        assert!(err("Langkah").starts_with("\"Langkah\" needs the step's number"));
        assert!(
            err("Langkah 3, kolom Lama Proses")
                .starts_with("\"Lama Proses\" is not a column of the table; use one of Kegiatan,"),
            "{}",
            err("Langkah 3, kolom Lama Proses")
        );
        assert!(
            err("Langkah 3, Waktu").starts_with("after \"Langkah 3, \" comes \"kolom <kolom>\"")
        );
        assert!(err("Identitas SOP").contains("must be followed by"));
        assert!(err("Identitas SOP, Judul")
            .starts_with("\"Judul\" is not an item of the identity block"));
        assert!(err("Pelaksana, Pemohon").contains("is not a place of the book"));
        assert!(err("Langkah 99999999999, keputusan").contains("is not a step number"));
    }
}
