//! Strings of the monthly report (/laporan). Column headings shared with the CSV export live
//! in `sop_domain::report` so the table and the file can never disagree.

pub const LAPORAN_FROM: &str = "Dari bulan";
pub const LAPORAN_TO: &str = "Sampai bulan";
pub const LAPORAN_UNIT: &str = "Unit";
pub const LAPORAN_UNIT_ALL: &str = "Semua unit";
pub const LAPORAN_SOP: &str = "Layanan (SOP)";
pub const LAPORAN_SOP_ALL: &str = "Semua layanan";
pub const LAPORAN_FILTERS: &str = "Periode dan cakupan laporan";
pub const LAPORAN_LOADING: &str = "Membaca data permohonan…";
pub const LAPORAN_BASED_ON: &str = "Dihitung dari";
pub const LAPORAN_CASES: &str = "permohonan";
pub const LAPORAN_UNREADABLE: &str = "data tidak terbaca dilewati";
pub const LAPORAN_EMPTY: &str =
    "Belum ada permohonan pada periode ini. Permohonan dicatat di halaman Permohonan.";
pub const LAPORAN_TRUNCATED: &str = "Periode dibatasi 120 bulan.";
pub const LAPORAN_EXPORT: &str = "Unduh CSV (Excel)";
pub const LAPORAN_PRINT: &str = "Cetak laporan";
pub const LAPORAN_PRINT_TITLE: &str = "LAPORAN LAYANAN SOP";
pub const LAPORAN_PERIOD: &str = "Periode";
pub const LAPORAN_PRINTED_AT: &str = "Dicetak";

pub const LAPORAN_TILE_OPENED: &str = "Dibuka";
pub const LAPORAN_TILE_FINISHED: &str = "Selesai";
pub const LAPORAN_TILE_REJECTED: &str = "Ditolak";
pub const LAPORAN_TILE_CANCELLED: &str = "Dibatalkan";
pub const LAPORAN_TILE_RUNNING: &str = "Masih berjalan";
pub const LAPORAN_TILE_OVERDUE: &str = "Melewati mutu baku";

pub const LAPORAN_CHART_MONTHS: &str = "Permohonan per bulan";
pub const LAPORAN_CHART_MONTHS_DESC: &str =
    "Diagram batang jumlah permohonan dibuka, selesai, ditolak dan dibatalkan per bulan. Angkanya ada di tabel di bawah.";
pub const LAPORAN_CHART_TIME: &str = "Waktu nyata dibanding mutu baku";
pub const LAPORAN_CHART_TIME_DESC: &str =
    "Untuk setiap layanan: median dan persentil 90 waktu kerja dibanding mutu baku. Angkanya ada di tabel di bawah.";
pub const LAPORAN_LEGEND_MEDIAN: &str = "Median";
pub const LAPORAN_LEGEND_P90: &str = "Persentil 90";
pub const LAPORAN_LEGEND_STANDARD: &str = "Mutu baku";

pub const LAPORAN_PER_MONTH: &str = "Per bulan, semua layanan";
pub const LAPORAN_PER_UNIT: &str = "Per unit, seluruh periode";
pub const LAPORAN_PER_SOP: &str = "Per layanan, seluruh periode";
pub const LAPORAN_SOP_MONTHS: &str = "Rincian per bulan";
pub const LAPORAN_STEPS_NONE: &str = "Tidak ada langkah yang melewati mutu baku pada periode ini.";
pub const LAPORAN_STEPS_HINT: &str = "Langkah yang paling sering melewati mutu bakunya, dari permohonan yang selesai.";
pub const LAPORAN_RECORDS_HINT: &str =
    "Yang diminta bagian “Pencatatan & Pendataan” tiap SOP, disusun dari data permohonan.";
pub const LAPORAN_RECORDS_ASKS: &str = "SOP meminta";
pub const LAPORAN_RECORDS_NONE: &str = "Tidak ada permohonan yang ditutup pada periode ini.";
pub const LAPORAN_MINUTES: &str = "menit kerja";
