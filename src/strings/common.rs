//! Strings shared by the whole app: the frame, the katalog, the SOP page, the print form.

pub const OFFICE_NAME: &str = "Dinas Perindustrian, Transmigrasi dan Tenaga Kerja";
pub const OFFICE_REGION: &str = "Kabupaten Katingan";
pub const OFFICE_SHORT: &str = "DPTTK Katingan";
pub const OFFICE_ACRONYM: &str = "DPTTK";
pub const APP_NAME: &str = "Layanan SOP";
pub const SKIP_TO_CONTENT: &str = "Langsung ke isi";

pub const NAV_LABEL: &str = "Navigasi utama";
pub const NAV_KATALOG: &str = "Katalog Layanan";
pub const NAV_KASUS: &str = "Permohonan";
pub const NAV_LAPORAN: &str = "Laporan";
pub const NAV_CATATAN: &str = "Catatan Sumber";
pub const NAV_PENGATURAN: &str = "Pengaturan";
/// The one entry from the public pages to the staff side.
pub const NAV_STAFF: &str = "Untuk petugas";

pub const KATALOG_TITLE: &str = "Katalog Layanan";
pub const KATALOG_INTRO: &str =
    "Cari layanan, lihat persyaratan yang perlu disiapkan, siapa yang mengerjakan, dan berapa lama prosesnya.";

/// The katalog's two groups when browsing: what citizens apply for, then the office's own.
pub const GROUP_PUBLIC: &str = "Layanan untuk masyarakat";
pub const GROUP_INTERNAL: &str = "Prosedur internal dinas";
pub const GROUP_INTERNAL_NOTE: &str =
    "Prosedur yang dijalankan pegawai dinas sendiri, bukan layanan yang diajukan masyarakat.";
pub const RESULTS_HEADING: &str = "Hasil pencarian";

pub const SOP_TITLE_FALLBACK: &str = "Standar Operasional Prosedur";
pub const SOP_NOT_FOUND: &str = "SOP dengan alamat ini tidak ditemukan.";

pub const KASUS_TITLE: &str = "Daftar Permohonan";
pub const KASUS_INTRO: &str =
    "Lacak setiap permohonan melalui langkah-langkah SOP, lengkap dengan waktu, keputusan dan catatan.";
pub const KASUS_DETAIL_TITLE: &str = "Permohonan";

pub const LAPORAN_TITLE: &str = "Laporan Bulanan";
pub const LAPORAN_INTRO: &str =
    "Jumlah layanan per bulan dan waktu penyelesaian dibandingkan dengan mutu baku SOP.";

pub const CATATAN_TITLE: &str = "Catatan Sumber";
pub const CATATAN_INTRO: &str =
    "Koreksi dan ketidaksesuaian yang ditemukan pada buku SOP, sebagai bahan revisi berikutnya.";

pub const PENGATURAN_TITLE: &str = "Pengaturan";
pub const PENGATURAN_INTRO: &str =
    "Sinkronisasi buku permohonan antar komputer kantor melalui server CouchDB. Tanpa sinkronisasi, aplikasi bekerja seperti biasa di komputer ini saja.";

pub const NOT_FOUND_TITLE: &str = "Halaman tidak ditemukan";
pub const NOT_FOUND_TEXT: &str =
    "Maaf, halaman yang Anda cari tidak ada. Mungkin alamatnya salah ketik atau halaman sudah dipindahkan.";
pub const NOT_FOUND_BACK: &str = "Kembali ke Katalog Layanan";

pub const FOOTER_TEXT: &str =
    "Standar Operasional Prosedur Administrasi Pemerintahan (PermenPAN-RB No. 35 Tahun 2012).";
pub const FOOTER_VERSION: &str = "Versi";
pub const FOOTER_OPEN_DATA: &str = "Data terbuka katalog SOP (JSON)";
pub const FOOTER_ADDRESS: &str =
    "Jl. MT. Haryono No. 2, Komplek Perkantoran PEMDA Kereng Humbang, Kasongan";

// SOP page
pub const SOP_BREADCRUMB: &str = "Jejak halaman";
pub const SOP_NUMBER: &str = "Nomor SOP";
pub const SOP_NUMBER_NONE: &str = "(tidak dicantumkan)";
pub const SOP_UNIT: &str = "Unit";
pub const SOP_CREATED: &str = "Tanggal pembuatan";
pub const SOP_REVISED: &str = "Tanggal revisi";
pub const SOP_EFFECTIVE: &str = "Tanggal efektif";
pub const SOP_APPROVED_BY: &str = "Disahkan oleh";
pub const SOP_NOT_PRINTED: &str = "—";
pub const AUDIENCE_PUBLIC: &str = "Layanan publik";
pub const AUDIENCE_INTERNAL: &str = "Prosedur internal";
pub const ACTION_COPY_LINK: &str = "Salin tautan";
/// Opens the phone's share sheet, or copies the link where there is none.
pub const ACTION_SHARE: &str = "Bagikan";
pub const ACTION_COPIED: &str = "Tautan disalin";
pub const ACTION_COPY_FAILED: &str = "Tidak dapat menyalin; salin alamat dari bilah alamat browser.";
pub const ACTION_PRINT: &str = "Cetak SOP";
pub const ACTION_PRINT_CHECKLIST: &str = "Cetak daftar";
pub const ACTION_NEW_CASE: &str = "Buat permohonan";

pub const SOP_TIME_TITLE: &str = "Berapa lama";
pub const SOP_TIME_TOTAL: &str = "Total waktu layanan";
pub const SOP_TIME_STATED: &str = "Tertulis di buku SOP";
pub const SOP_TIME_EXACT: &str = "Tepatnya";
pub const SOP_STEPS_INFERRED_NOTE: &str =
    "* Pelaksana disimpulkan dari teks langkah karena kolom simbolnya tidak terbaca di buku SOP.";
pub const SOP_TIME_STATED_DIFFERS: &str =
    "Jumlah langkah-langkah berbeda dengan total yang tertulis di buku SOP.";
pub const SOP_TIME_ESTIMATE: &str = "Perkiraan selesai jika diajukan hari ini";
pub const SOP_TIME_ESTIMATE_NONE: &str =
    "Tidak dapat diperkirakan: tidak ada langkah dengan waktu tetap.";
pub const SOP_TIME_BETWEEN: &str = "antara";
pub const SOP_TIME_AND: &str = "dan";
pub const SOP_TIME_AT: &str = "pukul";
pub const SOP_TIME_RULES: &str =
    "Dihitung dengan hari kerja Senin–Jumat pukul 08.00–16.00 WIB, tanpa hari libur nasional dan cuti bersama.";
pub const SOP_TIME_UNSPECIFIED: &str = "Waktu tidak tetap";
pub const SOP_TIME_UNTIMED: &str = "Tanpa waktu tertulis";
pub const SOP_TIME_PER_ITEM: &str = "Dihitung untuk 1 item";
pub const SOP_TIME_STEPS: &str = "langkah";
pub const SOP_TIME_BEYOND_HOLIDAYS: &str =
    "Hari libur tercatat sampai akhir tahun";
pub const SOP_TIME_BEYOND_HOLIDAYS_TAIL: &str =
    "; perkiraan sesudahnya hanya melewati akhir pekan.";

/// "Tanggal Idulfitri 1448 Hijriah (10 dan 11 Maret 2027) … mengikuti SKB 3 Menteri …"
pub fn sop_time_estimated_holidays(dates: &str) -> String {
    format!(
        "Tanggal {dates} mengikuti SKB 3 Menteri dan masih dapat bergeser setelah sidang isbat; perkiraan yang melewatinya ikut bergeser."
    )
}

pub const SOP_REQ_TITLE: &str = "Yang perlu disiapkan";
pub const SOP_REQ_HINT: &str = "Centang yang sudah Anda siapkan. Tanda centang disimpan di perangkat ini.";
pub const SOP_REQ_NONE: &str = "Buku SOP tidak mencantumkan persyaratan khusus untuk layanan ini.";
pub const SOP_REQ_DONE: &str = "siap";
pub const SOP_REQ_RESET: &str = "Hapus centang";

pub const SOP_STEPS_TITLE: &str = "Langkah-langkah";
pub const SOP_STEPS_COUNT: &str = "langkah";
pub const SOP_STEP: &str = "Langkah";
pub const SOP_STEP_WHO: &str = "Pelaksana";
pub const SOP_STEP_WHO_INFERRED: &str = "disimpulkan dari teks langkah";
pub const SOP_STEP_INPUTS: &str = "Kelengkapan";
pub const SOP_STEP_TIME: &str = "Waktu";
pub const SOP_STEP_OUTPUT: &str = "Output";
pub const SOP_STEP_NOTE: &str = "Keterangan";
pub const SOP_STEP_LINK: &str = "Tautan ke langkah";
pub const SOP_DECISION: &str = "Keputusan";
pub const SOP_DECISION_YES: &str = "Ya";
pub const SOP_DECISION_NO: &str = "Tidak";
pub const SOP_DECISION_TO_STEP: &str = "lanjut ke langkah";
pub const SOP_DECISION_BACK_TO_STEP: &str = "kembali ke langkah";
pub const SOP_DECISION_REJECTED: &str = "permohonan ditolak (surat penolakan)";

pub const SOP_INFO_TITLE: &str = "Informasi SOP";
pub const SOP_LEGAL: &str = "Dasar hukum";
pub const SOP_RELATED: &str = "Keterkaitan";
pub const SOP_WARNING: &str = "Peringatan";
pub const SOP_QUALIFICATIONS: &str = "Kualifikasi pelaksana";
pub const SOP_EQUIPMENT: &str = "Peralatan/perlengkapan";
pub const SOP_RECORDS: &str = "Pencatatan dan pendataan";
pub const SOP_LANES: &str = "Pelaksana";
pub const SOP_EMPTY: &str = "Tidak dicantumkan.";

pub const SOP_SOURCE_TITLE: &str = "Catatan sumber";
pub const SOP_SOURCE_INTRO: &str =
    "Di bagian ini data berbeda dari buku SOP tercetak, atau buku SOP tidak konsisten. Untuk ditinjau kantor.";
pub const SOP_SOURCE_WHERE: &str = "Letak di buku SOP";
pub const SOP_SOURCE_PRINTED: &str = "Tercetak";
pub const SOP_SOURCE_CORRECTED: &str = "Dalam data";
pub const SOP_SOURCE_WHY: &str = "Alasan";
pub const SOP_SOURCE_NONE: &str = "Tidak ada koreksi.";
pub const SOP_SOURCE_FINDINGS: &str = "Temuan ketidaksesuaian";

// Print layout (SOP-AP form)
/// Under the QR code of a printed SOP-AP form or checklist.
pub const PRINT_QR_CAPTION: &str = "Pindai untuk membuka halaman layanan ini:";
pub const PRINT_GOV: &str = "PEMERINTAH KABUPATEN KATINGAN";
pub const PRINT_OFFICE: &str = "DINAS PERINDUSTRIAN, TRANSMIGRASI DAN TENAGA KERJA";
pub const PRINT_SOP_NAME: &str = "Nama SOP";
pub const PRINT_NO: &str = "No";
pub const PRINT_ACTIVITY: &str = "Kegiatan";
pub const PRINT_PELAKSANA: &str = "Pelaksana";
pub const PRINT_MUTU_BAKU: &str = "Mutu Baku";
pub const PRINT_TOTAL: &str = "Jumlah waktu pelayanan";

// Katalog
pub const SEARCH_LABEL: &str = "Cari layanan";
pub const SEARCH_PLACEHOLDER: &str = "Contoh: kartu kuning, JHT, 53/DPTTK";
pub const FILTER_UNIT: &str = "Unit";
pub const FILTER_UNIT_ALL: &str = "Semua unit";
pub const FILTER_AUDIENCE: &str = "Jenis";
pub const FILTER_AUDIENCE_ALL: &str = "Semua jenis";
pub const FILTER_RESET: &str = "Hapus pencarian dan filter";
pub const RESULTS_COUNT: &str = "layanan";
pub const RESULTS_FOR: &str = "untuk";
pub const RESULT_STEPS: &str = "langkah";
pub const RESULT_TIME: &str = "Waktu";
pub const RESULT_MATCHED_IN: &str = "Cocok di";
pub const RESULT_NO_TIME: &str = "tanpa waktu tertulis";
pub const EMPTY_TITLE: &str = "Tidak ada layanan yang cocok";
pub const EMPTY_HINT: &str =
    "Periksa ejaan, gunakan kata yang lebih umum, atau hapus filter unit dan jenis.";
pub const EMPTY_TRY: &str = "Coba cari:";

// App updates (service worker)
pub const UPDATE_AVAILABLE: &str = "Versi baru tersedia — muat ulang";
pub const UPDATE_RELOAD: &str = "Muat ulang";
pub const UPDATE_LATER: &str = "Nanti";

// Catatan sumber (staff)
pub const CATATAN_SUMMARY: &str = "temuan";
pub const CATATAN_ACROSS: &str = "Lintas SOP";
pub const CATATAN_STEP: &str = "langkah";
pub const CATATAN_FILTER_KIND: &str = "Jenis temuan";
pub const CATATAN_FILTER_ALL: &str = "Semua jenis";

// Swimlane diagram
pub const DIAGRAM_TITLE: &str = "Diagram alur";
pub const DIAGRAM_DESC_STEPS: &str = "langkah";
pub const DIAGRAM_DESC_LANES: &str = "pelaksana";
pub const DIAGRAM_DESC_ALT: &str = "Daftar langkah di bawah diagram memuat isi yang sama sebagai teks.";
pub const DIAGRAM_HINT: &str =
    "Arahkan, fokus (Tab) atau ketuk simbol untuk melihat rinciannya; panah atas/bawah berpindah langkah, Enter membuka langkah.";
pub const DIAGRAM_ZOOM_IN: &str = "Perbesar";
pub const DIAGRAM_ZOOM_OUT: &str = "Perkecil";
pub const DIAGRAM_FIT: &str = "Sesuaikan lebar";
pub const DIAGRAM_DOWNLOAD_SVG: &str = "Unduh SVG";
pub const DIAGRAM_DOWNLOAD_PNG: &str = "Unduh PNG";
pub const DIAGRAM_OPEN_STEP: &str = "Buka langkah";
pub const DIAGRAM_STEP_DONE: &str = "selesai";
pub const DIAGRAM_STEP_CURRENT: &str = "langkah saat ini";
pub const DIAGRAM_STEP_OVERDUE: &str = "melewati waktu baku";
pub const DIAGRAM_STEP_SKIPPED: &str = "dilewati";
pub const DIAGRAM_TOOLBAR: &str = "Alat diagram";
