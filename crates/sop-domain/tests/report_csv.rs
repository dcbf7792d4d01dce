//! The report's CSV export: a golden file for a small report, and the Excel conventions.

#![cfg(feature = "loader")]

#[path = "report_support.rs"]
mod support;

use sop_domain::case::Case;
use sop_domain::report::{
    counts_csv, monthly_report, performance_csv, records_csv, report_csv, steps_csv, Report,
    ReportQuery, YearMonth, COUNT_HEADERS, PERFORMANCE_HEADERS,
};
use support::{calendar, catalogue, wib, Walk};

/// Kenaikan Pangkat (mutu baku 155 minutes) in November – December 2026 (holidays known).
fn cases() -> Vec<Case> {
    vec![
        // Finished Mon 14 Dec 09:00–11:50: step 1 took 50 of 35 minutes, 170 in all.
        Walk::open(
            "kenaikan-pangkat",
            1,
            "Sari, S.E.",
            "Kenaikan pangkat III/b",
            wib(2026, 12, 14, 9, 0),
        )
        .plan(&[50, 20, 20, 15, 25, 10, 20, 10])
        .done(),
        // A name that Excel would run as a formula, a subject with the separator and a quote;
        // opened Mon 23 Nov 10:00, step 1 started and left, cancelled Tue 1 Dec 09:00:
        // 360 + 4 × 480 + 480 + 60 = 2,820 minutes; 2,760 by the end of November.
        Walk::open(
            "kenaikan-pangkat",
            2,
            "=HYPERLINK(\"http://contoh.test\")",
            "Naik pangkat; golongan \"III/c\"",
            wib(2026, 11, 23, 10, 0),
        )
        .start()
        .at(wib(2026, 12, 1, 9, 0))
        .cancel("Berkas ditarik")
        .done(),
        // Finished Mon 7 Dec 08:00–10:35 at exactly 155 minutes.
        Walk::open(
            "kenaikan-pangkat",
            3,
            "Yohanes",
            "Kenaikan pangkat IV/a",
            wib(2026, 12, 7, 8, 0),
        )
        .plan(&[35, 20, 20, 15, 25, 10, 20, 10])
        .done(),
    ]
}

fn report() -> Report {
    let query = ReportQuery {
        unit_group: Some("sekretariat".to_string()),
        ..ReportQuery::months(
            YearMonth::new(2026, 11).unwrap(),
            YearMonth::new(2026, 12).unwrap(),
        )
    };
    monthly_report(
        &cases(),
        catalogue(),
        calendar(),
        &query,
        wib(2027, 2, 1, 9, 0),
    )
}

/// The whole export, with `\n` standing for CRLF. Worked out by hand: in November #2 is
/// running and over the mutu baku (2,760 > 155); in December K (170) and #2 (2,820) close over
/// it, #3 (155) within; the median of the finished (155, 170) is the lower one by nearest
/// rank; the cancelled case is listed but not served.
const GOLDEN: &str = r#"Rekap permohonan per bulan
Cakupan;Bulan;Dibuka;Selesai;Ditolak;Dibatalkan;Berjalan di akhir bulan;Berjalan melewati mutu baku;Ditutup melewati mutu baku
Semua layanan;November 2026;1;0;0;0;1;1;0
Semua layanan;Desember 2026;2;2;0;1;0;0;2
Semua layanan;Seluruh periode;3;2;0;1;0;0;2
Sekretariat;November 2026;1;0;0;0;1;1;0
Sekretariat;Desember 2026;2;2;0;1;0;0;2
Sekretariat;Seluruh periode;3;2;0;1;0;0;2
KP – Prosedur Kenaikan Pangkat ASN;November 2026;1;0;0;0;1;1;0
KP – Prosedur Kenaikan Pangkat ASN;Desember 2026;2;2;0;1;0;0;2
KP – Prosedur Kenaikan Pangkat ASN;Seluruh periode;3;2;0;1;0;0;2

Waktu layanan terhadap mutu baku
Kode;SOP;Selesai;Mutu baku (menit kerja);Median (menit kerja);Persentil 90 (menit kerja);Selesai dalam mutu baku;Dalam mutu baku (%);Median / mutu baku (%);Catatan
KP;Prosedur Kenaikan Pangkat ASN;2;155;155;170;1;50,0;100,0;

Langkah yang melewati mutu baku
Kode;Langkah;Uraian langkah;Mutu baku langkah (menit kerja);Dikerjakan (permohonan);Melewati mutu baku (permohonan);Median kelebihan (menit kerja);Diulang (permohonan)
KP;1;Mengajukan data kenaikan pangkat;35;2;1;15;0
KP;2;Menginformasikan kenaikan pangkat kepada PNS;20;2;0;;0
KP;3;Mengadakan rekapitulasi bahan usulan;20;2;0;;0
KP;4;Memverifikasi bahan usulan kenaikan pangkat;15;2;0;;0
KP;5;Memverifikasi bahan usulan kenaikan pangkat;25;2;0;;0
KP;6;Mohon koreksi dan tanda tangan bahan usulan kenaikan pangkat;10;2;0;;0
KP;7;Mendistribusikan usul kenaikan pangkat;20;2;0;;0
KP;8;Mengarsipkan file UKP dan Menyelesaikan proses penyampaian UKP;10;2;0;;0

Pencatatan dan pendataan: jumlah per bulan
Kode;SOP;Bulan;Jumlah pemohon yang dilayani;Jumlah pemohon (nama berbeda)
KP;Prosedur Kenaikan Pangkat ASN;November 2026;0;0
KP;Prosedur Kenaikan Pangkat ASN;Desember 2026;2;2

Pencatatan dan pendataan: daftar permohonan yang ditutup
Kode;SOP;Bulan ditutup;Nomor;Pemohon;Perihal;Dibuat;Ditutup;Status;Waktu (menit kerja);Melewati mutu baku
KP;Prosedur Kenaikan Pangkat ASN;Desember 2026;KP/0002/XI/2026;"'=HYPERLINK(""http://contoh.test"")";"Naik pangkat; golongan ""III/c""";23/11/2026 10:00;01/12/2026 09:00;Dibatalkan;2820;Ya
KP;Prosedur Kenaikan Pangkat ASN;Desember 2026;KP/0003/XI/2026;Yohanes;Kenaikan pangkat IV/a;07/12/2026 08:00;07/12/2026 10:35;Selesai;155;Tidak
KP;Prosedur Kenaikan Pangkat ASN;Desember 2026;KP/0001/XI/2026;Sari, S.E.;Kenaikan pangkat III/b;14/12/2026 09:00;14/12/2026 11:50;Selesai;170;Ya

"#;

#[test]
fn golden_report_csv() {
    let csv = report_csv(&report());
    assert!(csv.starts_with('\u{feff}'), "UTF-8 BOM for Excel");
    let body = &csv['\u{feff}'.len_utf8()..];
    assert!(
        !body.replace("\r\n", "").contains('\n'),
        "every line ends with CRLF"
    );
    let expected = GOLDEN.replace('\n', "\r\n");
    for (i, (got, want)) in body.split("\r\n").zip(expected.split("\r\n")).enumerate() {
        assert_eq!(got, want, "line {}", i + 1);
    }
    assert_eq!(body, expected);
}

#[test]
fn each_table_alone_is_its_section_of_the_whole_export() {
    let r = report();
    let whole = report_csv(&r);
    let parts = [
        counts_csv(&r),
        performance_csv(&r),
        steps_csv(&r),
        records_csv(&r),
    ];
    for part in &parts {
        assert!(part.starts_with('\u{feff}'));
        let body = &part['\u{feff}'.len_utf8()..];
        // The records file holds two tables; each is in the whole export under its title.
        for table in body.split("\r\n\r\n").filter(|t| !t.is_empty()) {
            assert!(whole.contains(table), "missing from the export:\n{table}");
        }
    }
    assert!(parts[0][3..].starts_with(&COUNT_HEADERS.join(";")));
    assert!(parts[1][3..].starts_with(&PERFORMANCE_HEADERS.join(";")));
}

#[test]
fn csv_numbers_are_the_row_structs_numbers() {
    // The view shows the row structs; the CSV must carry the same numbers in the same order.
    let r = report();
    let csv = counts_csv(&r);
    let lines: Vec<&str> = csv.trim_end().split("\r\n").skip(1).collect();
    let mut expected = Vec::new();
    for t in r.count_tables() {
        for c in t.months.iter().chain(std::iter::once(&t.range)) {
            expected.push(c.cells().map(|n| n.to_string()).join(";"));
        }
    }
    assert_eq!(lines.len(), expected.len());
    for (line, numbers) in lines.iter().zip(&expected) {
        assert!(line.ends_with(numbers.as_str()), "{line} vs {numbers}");
    }
}
