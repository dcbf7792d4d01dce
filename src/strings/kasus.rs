//! Strings of the staff case pages (/kasus, /kasus/:id). The page titles KASUS_TITLE,
//! KASUS_INTRO and KASUS_DETAIL_TITLE live in `common.rs` (the navigation uses them).
//! Messages about the case rules and the stored data come from `sop_domain` (their `Display`),
//! already in Bahasa Indonesia.

// ---------------------------------------------------------------------------------------------
// Shared bits
// ---------------------------------------------------------------------------------------------

pub const KASUS_WIB: &str = "WIB";
pub const KASUS_DAYS: &str = "hari";
pub const KASUS_DASH: &str = "—";
pub const KASUS_STEP: &str = "Langkah";
pub const KASUS_SOP: &str = "SOP";
pub const KASUS_WHO: &str = "Pelaksana";
pub const KASUS_LOADING: &str = "Memuat permohonan…";
pub const KASUS_REQUIRED_MARK: &str = "(wajib)";
pub const KASUS_REQUIRED_NOTE: &str = "Isian bertanda (wajib) harus diisi.";
pub const KASUS_CLOSE_FORM: &str = "Tutup";
pub const KASUS_SAVED: &str = "Tersimpan.";
pub const KASUS_OVERDUE: &str = "Melewati waktu baku";
pub const KASUS_LAST_ACTIVITY: &str = "Aktivitas terakhir";
pub const KASUS_CREATED: &str = "Dibuat";
pub const KASUS_BACK_TO_LIST: &str = "Kembali ke Daftar Permohonan";
pub const KASUS_DOWNLOAD_FAILED: &str =
    "Peramban menolak mengunduh berkas. Coba lagi, atau gunakan peramban lain (Chrome, Edge, Firefox).";

pub const KASUS_FIELD_APPLICANT: &str = "Nama pemohon / perusahaan";
pub const KASUS_FIELD_CONTACT: &str = "Kontak (telepon/alamat)";
pub const KASUS_FIELD_SUBJECT: &str = "Perihal";
pub const KASUS_FIELD_NOTES: &str = "Keterangan";

/// "Nama petugas terlalu panjang (paling banyak 100 karakter)."
pub fn kasus_too_long(field: &str, max: usize) -> String {
    format!("{field} terlalu panjang (paling banyak {max} karakter).")
}

// ---------------------------------------------------------------------------------------------
// Staff name
// ---------------------------------------------------------------------------------------------

pub const KASUS_STAFF_LABEL: &str = "Nama petugas di perangkat ini";
pub const KASUS_STAFF_FIELD: &str = "Nama Anda (tercatat di riwayat setiap tindakan)";
pub const KASUS_STAFF_SAVE: &str = "Simpan nama";
pub const KASUS_STAFF_CHANGE: &str = "Ganti";
pub const KASUS_STAFF_CURRENT: &str = "Petugas:";
pub const KASUS_STAFF_ASK: &str =
    "Isi nama Anda dahulu. Setiap tindakan pada permohonan dicatat bersama nama petugas.";
pub const KASUS_STAFF_REQUIRED: &str = "Nama petugas wajib diisi.";
pub const KASUS_STAFF_SAVED: &str = "Nama petugas disimpan di perangkat ini.";
pub const KASUS_STAFF_NOT_STORED: &str =
    "Nama dipakai untuk sesi ini, tetapi peramban menolak menyimpannya (penyimpanan penuh atau mode pribadi).";
pub const KASUS_STAFF_NEEDED: &str =
    "Isi nama petugas dahulu (kolom \u{201c}Nama petugas di perangkat ini\u{201d}); tindakan belum dicatat.";

// ---------------------------------------------------------------------------------------------
// Storage: banners, failures, loading
// ---------------------------------------------------------------------------------------------

pub const KASUS_STORAGE_UNAVAILABLE: &str =
    "Penyimpanan peramban tidak dapat dipakai (diblokir atau mode pribadi). Permohonan tidak dapat disimpan di perangkat ini.";
pub const KASUS_STORAGE_REFUSED: &str = "Peramban menolak menyimpan data.";
pub const KASUS_NEWER_DATA: &str =
    "Data di peramban ini ditulis oleh versi aplikasi yang lebih baru. Muat ulang halaman agar versi terbaru yang dipakai; sampai itu, tidak ada yang disimpan.";
pub const KASUS_REPAIR_NOT_SAVED: &str =
    "Indeks daftar permohonan tidak dapat diperbaiki (data permohonan sendiri utuh).";
pub const KASUS_NOT_OPEN: &str = "Permohonan ini belum dibuka; muat ulang halaman.";
pub const KASUS_UNKNOWN_SOP: &str = "SOP permohonan ini tidak ada dalam katalog aplikasi ini.";
pub const KASUS_NUMBER_BUSY: &str =
    "Nomor permohonan terus dipakai di tab lain; tunggu sebentar lalu coba lagi.";

pub const KASUS_UNREADABLE_TITLE: &str = "Data permohonan tidak dapat dibaca";
pub const KASUS_UNREADABLE_HELP: &str =
    "Data ini rusak atau ditulis oleh versi aplikasi lain. Data tersebut tidak ditimpa dan tidak dihapus: unduh teks aslinya dan serahkan kepada pengelola aplikasi. Permohonan lain tetap dapat dibuka.";
pub const KASUS_DOWNLOAD_RAW: &str = "Unduh teks asli";
pub const KASUS_CASE_LABEL: &str = "Permohonan";
pub const KASUS_UNREADABLE_REASON: &str = "Tidak dapat dibaca:";
/// The disclosure holding a parser's own (often English) words.
pub const KASUS_TECHNICAL_DETAIL: &str = "Rincian teknis (untuk pengelola aplikasi)";

/// "2 data tidak dapat dibaca".
pub fn kasus_unreadable_count(n: usize) -> String {
    format!("{n} data tidak dapat dibaca")
}

pub const KASUS_QUOTA_WAY_OUT: &str =
    "Unduh cadangan, lalu arsipkan permohonan yang sudah ditutup agar ruang penyimpanan tidak habis.";

/// "Penyimpanan terpakai 83%".
pub fn kasus_usage(percent: usize) -> String {
    format!("Penyimpanan peramban terpakai {percent}%")
}

pub const KASUS_PERSIST_UNKNOWN: &str = "Memeriksa apakah peramban menjamin penyimpanan…";
pub const KASUS_PERSIST_UNSUPPORTED: &str =
    "Peramban ini tidak dapat menjamin data tetap tersimpan; unduh cadangan secara berkala.";
pub const KASUS_PERSIST_GRANTED: &str = "Peramban menjamin data permohonan tidak dihapus otomatis.";
pub const KASUS_PERSIST_NOT_GRANTED: &str =
    "Peramban belum menjamin data tetap tersimpan (bisa dihapus bila disk penuh); unduh cadangan secara berkala.";

// ---------------------------------------------------------------------------------------------
// Unsaved changes (the browser refused to store them)
// ---------------------------------------------------------------------------------------------

pub const KASUS_UNSAVED_TITLE: &str = "Perubahan belum tersimpan";
pub const KASUS_UNSAVED_BADGE: &str = "Belum tersimpan";
/// The marker under the header of every staff page while a change is only in memory.
pub const KASUS_UNSAVED_MARKER: &str = "Ada perubahan yang belum tersimpan di perangkat ini:";
pub const KASUS_UNSAVED_MARKER_HINT: &str = "Buka permohonannya untuk menyimpan ulang atau mengekspornya.";
pub const KASUS_RETRY: &str = "Coba lagi";

/// "1 tindakan masih hanya ada di tab ini: jangan tutup tab sebelum tersimpan."
pub fn kasus_unsaved_actions(n: usize) -> String {
    format!(
        "{n} tindakan yang tampil di halaman ini belum tersimpan di peramban dan hilang jika tab ditutup. Kosongkan ruang (unduh cadangan, arsipkan permohonan lama) lalu tekan Coba lagi, atau ekspor permohonan ini."
    )
}

/// The merge with another tab's change failed: nothing of either edit is dropped silently.
pub fn kasus_merge_refused(number: &str, reason: &str) -> String {
    format!(
        "Permohonan {number} baru saja diubah di tab atau jendela lain, dan tindakan Anda tidak dapat diterapkan pada data terbaru: {reason} Data terbaru kini ditampilkan; periksa lalu ulangi tindakan bila masih perlu."
    )
}

/// Another tab took the number of a new case that waited in memory.
pub fn kasus_renumbered(number: &str) -> String {
    format!("Tersimpan dengan nomor baru {number}: nomor sebelumnya sudah dipakai di tab lain.")
}

// ---------------------------------------------------------------------------------------------
// The list page
// ---------------------------------------------------------------------------------------------

pub const KASUS_NEW_OPEN: &str = "Permohonan baru";
pub const KASUS_NEW_TITLE: &str = "Permohonan baru";
pub const KASUS_NEW_SOP: &str = "Layanan (SOP)";
pub const KASUS_NEW_SOP_CHOOSE: &str = "Pilih layanan…";
pub const KASUS_NEW_SOP_REQUIRED: &str = "Pilih layanan (SOP) permohonan ini.";
pub const KASUS_NEW_SUBJECT_REQUIRED: &str = "Perihal wajib diisi.";
pub const KASUS_NEW_SUBMIT: &str = "Buat permohonan";

pub const KASUS_SEARCH_TITLE: &str = "Cari dan saring permohonan";
pub const KASUS_SEARCH_LABEL: &str = "Cari permohonan";
pub const KASUS_SEARCH_PLACEHOLDER: &str = "Nomor, nama pemohon atau perihal";
pub const KASUS_FILTER_SOP: &str = "Layanan";
pub const KASUS_FILTER_SOP_ALL: &str = "Semua layanan";
pub const KASUS_FILTER_STATUS: &str = "Status";
pub const KASUS_FILTER_STATUS_ALL: &str = "Semua status";
pub const KASUS_FILTER_OVERDUE: &str = "Hanya yang melewati waktu baku";
pub const KASUS_FILTER_RESET: &str = "Hapus pencarian dan filter";
pub const KASUS_EMPTY: &str =
    "Belum ada permohonan di perangkat ini. Buat permohonan baru, atau impor berkas permohonan dari PC lain.";
pub const KASUS_EMPTY_FILTERED: &str = "Tidak ada permohonan yang cocok dengan pencarian dan filter ini.";

/// "1.234 permohonan".
pub fn kasus_count(n: usize) -> String {
    format!("{} permohonan", thousands(n))
}

/// "Langkah 4 dari 9".
pub fn kasus_step_of(no: u32, steps: usize) -> String {
    format!("Langkah {no} dari {steps}")
}

/// Indonesian digit grouping: 10000 → "10.000".
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Files: import, backup, CSV, archive
// ---------------------------------------------------------------------------------------------

pub const KASUS_TOOLS_TITLE: &str = "Berkas dan cadangan";
pub const KASUS_TOOLS_JUMP: &str = "Impor, cadangan, CSV, arsip ↓";
pub const KASUS_IMPORT_CASE: &str = "Impor permohonan (berkas dari PC lain)";
pub const KASUS_IMPORT_CASE_HELP: &str =
    "Versi yang lebih baru menggantikan yang tersimpan; versi lama ditolak.";
pub const KASUS_RESTORE: &str = "Pulihkan cadangan";
pub const KASUS_RESTORE_HELP: &str =
    "Menggabungkan isi berkas cadangan atau arsip; tidak ada permohonan yang dihapus.";
pub const KASUS_BACKUP: &str = "Unduh cadangan";
pub const KASUS_CSV: &str = "Unduh daftar (CSV untuk Excel)";
pub const KASUS_FILE_UNREADABLE: &str =
    "Berkas tidak dapat dibaca oleh peramban. Tidak ada yang diubah.";
pub const KASUS_IMPORT_RACE: &str =
    "Permohonan ini baru saja diubah di tab lain; impor dibatalkan. Coba lagi.";

pub fn kasus_imported_new(number: &str) -> String {
    format!("Permohonan {number} diimpor.")
}

pub fn kasus_imported_updated(number: &str) -> String {
    format!("Permohonan {number} diperbarui dari berkas.")
}

pub fn kasus_imported_merged(number: &str) -> String {
    format!("Permohonan {number} digabungkan dengan versi di berkas: tindakan dari kedua perangkat disimpan.")
}

pub fn kasus_imported_unchanged(number: &str) -> String {
    format!("Permohonan {number} sudah tersimpan persis sama; tidak ada yang diubah.")
}

pub fn kasus_import_over_unreadable(number: &str, reason: &str) -> String {
    format!(
        "Data tersimpan dengan nomor {number} tidak dapat dibaca ({reason}); data itu tidak ditimpa. Unduh teks aslinya dahulu."
    )
}

/// "Pemulihan: 3 baru, 1 diperbarui, 10 sama, 2 ditolak."
pub fn kasus_import_summary(added: usize, updated: usize, unchanged: usize, refused: usize) -> String {
    format!("Pemulihan selesai: {added} baru, {updated} diperbarui, {unchanged} sudah sama, {refused} tidak dipulihkan.")
}

pub fn kasus_backup_done(count: usize, file_name: &str) -> String {
    format!("Cadangan {} permohonan diunduh: {file_name}. Simpan berkas ini di luar PC ini (flashdisk atau folder bersama).", thousands(count))
}

pub fn kasus_csv_done(count: usize, file_name: &str) -> String {
    format!("Daftar {} permohonan diunduh: {file_name}.", thousands(count))
}

pub fn kasus_exported(file_name: &str) -> String {
    format!("Berkas permohonan diunduh: {file_name}. Di PC lain, buka Daftar Permohonan lalu Impor permohonan.")
}

pub const KASUS_ARCHIVE: &str = "Arsipkan permohonan lama";
pub const KASUS_ARCHIVE_TITLE: &str = "Arsipkan permohonan yang sudah ditutup";
pub const KASUS_ARCHIVE_HELP: &str =
    "Permohonan yang sudah selesai, ditolak atau dibatalkan disimpan ke satu berkas, lalu — setelah Anda memastikan berkasnya tersimpan — dihapus dari peramban agar ruang penyimpanan lega. Berkas arsip dapat dipulihkan kapan saja.";
pub const KASUS_ARCHIVE_AGE: &str = "Permohonan yang ditutup";
pub const KASUS_ARCHIVE_30: &str = "lebih dari 30 hari lalu";
pub const KASUS_ARCHIVE_90: &str = "lebih dari 90 hari lalu";
pub const KASUS_ARCHIVE_365: &str = "lebih dari 1 tahun lalu";
pub const KASUS_ARCHIVE_ALL: &str = "kapan saja (semua yang sudah ditutup)";
pub const KASUS_ARCHIVE_NONE: &str = "Tidak ada permohonan tertutup yang cocok untuk diarsipkan.";

pub fn kasus_archive_download(n: usize) -> String {
    format!("Unduh berkas arsip ({} permohonan)", thousands(n))
}

pub fn kasus_archive_confirm(n: usize, file_name: &str) -> String {
    format!(
        "Berkas arsip {file_name} berisi {} permohonan sudah diunduh. Pastikan berkas itu tersimpan (buka folder Unduhan), lalu hapus permohonan tersebut dari peramban. Permohonan yang berubah sejak berkas dibuat tidak dihapus.",
        thousands(n)
    )
}

pub fn kasus_archive_remove(n: usize) -> String {
    format!("Berkas tersimpan — hapus {} permohonan dari peramban", thousands(n))
}

pub fn kasus_archived(removed: usize, kept: usize) -> String {
    if kept == 0 {
        format!("{} permohonan diarsipkan dan dihapus dari peramban.", thousands(removed))
    } else {
        format!(
            "{} permohonan diarsipkan dan dihapus; {} tidak dihapus karena berubah sejak berkas arsip dibuat.",
            thousands(removed),
            thousands(kept)
        )
    }
}

// ---------------------------------------------------------------------------------------------
// The case page
// ---------------------------------------------------------------------------------------------

pub const KASUS_MISSING_TITLE: &str = "Permohonan tidak ditemukan";

pub fn kasus_missing(id: &str) -> String {
    format!(
        "Tidak ada permohonan \u{201c}{id}\u{201d} di peramban ini. Mungkin sudah diarsipkan, atau dicatat di PC lain: minta berkas permohonannya lalu impor di Daftar Permohonan."
    )
}

pub const KASUS_CURRENT_STEP: &str = "Langkah saat ini";
pub const KASUS_JUMP_TO_STEP: &str = "Ke langkah ini";
pub const KASUS_CLOSE_MESSAGE: &str = "Tutup pesan";
pub const KASUS_CANCEL_REASON: &str = "Alasan pembatalan";
pub const KASUS_EDIT: &str = "Ubah data";
pub const KASUS_EDIT_TITLE: &str = "Ubah data permohonan";
pub const KASUS_SAVE_CHANGES: &str = "Simpan perubahan";
pub const KASUS_CANCEL_CASE: &str = "Batalkan permohonan";
pub const KASUS_CANCEL_TITLE: &str = "Batalkan permohonan";
pub const KASUS_CANCEL_HELP: &str =
    "Permohonan yang dibatalkan ditutup: langkahnya tidak dapat diubah lagi (catatan masih dapat ditambahkan).";
pub const KASUS_CANCEL_REASON_REQUIRED: &str = "Alasan pembatalan wajib diisi.";
pub const KASUS_CANCEL_CONFIRM: &str = "Batalkan permohonan ini";
pub const KASUS_CANCEL_KEEP: &str = "Jangan";
pub const KASUS_EXPORT_CASE: &str = "Ekspor permohonan ini";
pub const KASUS_DIAGRAM_TITLE: &str = "Alur SOP";

pub const KASUS_STEPS_TITLE: &str = "Langkah-langkah";
pub const KASUS_ACTIONS_FOR: &str = "Tindakan";
pub const KASUS_START: &str = "Mulai";
pub const KASUS_PAUSE: &str = "Jeda";
pub const KASUS_RESUME: &str = "Lanjutkan";
pub const KASUS_FINISH: &str = "Selesai";
pub const KASUS_START_FIRST: &str = "Tekan Mulai saat langkah ini mulai dikerjakan; waktunya dihitung sejak itu.";
pub const KASUS_DECISION: &str = "Keputusan";
pub const KASUS_YES: &str = "Ya";
pub const KASUS_NO: &str = "Tidak";
pub const KASUS_DECIDE_AFTER_START: &str = "Mulai langkah ini dahulu, lalu jawab Ya atau Tidak.";
pub const KASUS_GOES_TO: &str = "lanjut ke langkah";
pub const KASUS_GOES_BACK_TO: &str = "kembali ke langkah";
pub const KASUS_GOES_REJECTED: &str = "permohonan ditolak";
pub const KASUS_GOES_DONE: &str = "permohonan selesai";
pub const KASUS_REJECT_CONFIRM: &str =
    "Jawaban Tidak menutup permohonan sebagai DITOLAK (surat penolakan). Langkahnya tidak dapat diubah lagi.";
pub const KASUS_REJECT_YES: &str = "Ya, tolak permohonan";

pub const KASUS_STANDARD: &str = "Waktu baku:";
pub const KASUS_WORKED: &str = "Waktu kerja";
pub const KASUS_OF_STANDARD: &str = "dari";
pub const KASUS_WITHIN_STANDARD: &str = " — masih dalam waktu baku";
pub const KASUS_OVER_STANDARD: &str = " — melewati waktu baku";
pub const KASUS_NO_STANDARD: &str = "(tanpa waktu baku)";
pub const KASUS_NO_STANDARD_SHORT: &str = "Tanpa waktu baku tertulis";
pub const KASUS_RUNNING_SINCE: &str = "Dikerjakan sejak";
pub const KASUS_PAUSED_TOTAL: &str = "Dijeda; lama dikerjakan";

/// "Dikunjungi 2 kali (keputusan mengembalikan permohonan ke langkah ini)".
pub fn kasus_visits(n: u32) -> String {
    format!("Dikerjakan {n} kali (keputusan mengembalikan permohonan ke langkah ini).")
}

pub const KASUS_CHECKLIST_TITLE: &str = "Kelengkapan berkas";
pub const KASUS_CHECKLIST_DONE: &str = "lengkap";
pub const KASUS_STEP_INPUTS: &str = "Masukan langkah ini";

pub const KASUS_NOTE_ADD: &str = "Tambah catatan";
pub const KASUS_NOTE_LABEL: &str = "Catatan";
pub const KASUS_NOTE_SAVE: &str = "Simpan catatan";
pub const KASUS_NOTE_REQUIRED: &str = "Tulis catatannya dahulu.";
pub const KASUS_CASE_NOTES_TITLE: &str = "Catatan permohonan";

pub const KASUS_AUDIT_TITLE: &str = "Riwayat";
pub const KASUS_AUDIT_HELP: &str = "Setiap tindakan, terbaru di atas. Waktu dalam WIB.";

pub const KASUS_CHECKLIST_FROM_REQUIREMENTS: &str =
    "Langkah ini tidak mencantumkan kelengkapan; yang diperiksa adalah persyaratan pemohon pada SOP.";
