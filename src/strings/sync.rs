//! Strings of the optional sync with the office's CouchDB: the settings page (/pengaturan)
//! and the status line on every staff page.

// ---------------------------------------------------------------------------------------------
// Status (the line on every staff page, and the settings page)
// ---------------------------------------------------------------------------------------------

pub const SYNC_LABEL: &str = "Sinkronisasi:";
pub const SYNC_SETTINGS_LINK: &str = "Pengaturan";
pub const SYNC_STATUS_OFF: &str = "mati \u{2014} permohonan hanya tersimpan di komputer ini";
pub const SYNC_STATUS_PAUSED: &str = "dijeda";
pub const SYNC_STATUS_SYNCING: &str = "menyinkronkan\u{2026}";
pub const SYNC_STATUS_LOGIN: &str = "sesi masuk berakhir \u{2014} masuk lagi di Pengaturan; perubahan tetap tersimpan di komputer ini";

/// "tersinkron 14.05 WIB"
pub fn sync_status_synced(at: &str) -> String {
    format!("tersinkron {at}")
}

/// "pukul 14.05 WIB"
pub fn sync_at_time(hh_mm: &str) -> String {
    format!("pukul {hh_mm} WIB")
}

/// "3 perubahan menunggu"
pub fn sync_status_waiting(n: usize) -> String {
    format!("{n} perubahan menunggu")
}

/// "luring — 3 perubahan menunggu"
pub fn sync_status_offline(n: usize) -> String {
    if n == 0 {
        "luring".to_string()
    } else {
        format!("luring \u{2014} {n} perubahan menunggu")
    }
}

/// "gagal: server tidak dapat dihubungi; 2 perubahan menunggu (dicoba lagi otomatis)"
pub fn sync_status_failed(reason: &str, waiting: usize) -> String {
    if waiting == 0 {
        format!("gagal: {reason} (dicoba lagi otomatis)")
    } else {
        format!("gagal: {reason}; {waiting} perubahan menunggu di komputer ini (dicoba lagi otomatis)")
    }
}

/// "2 dokumen server disisihkan"
pub fn sync_status_set_aside(n: usize) -> String {
    format!("{n} dokumen server disisihkan")
}

// ---------------------------------------------------------------------------------------------
// The settings page
// ---------------------------------------------------------------------------------------------

pub const SYNC_SECTION_TITLE: &str = "Sinkronisasi dengan CouchDB";
pub const SYNC_SETUP_INTRO: &str = "Jika kantor memiliki server CouchDB (dikelola bagian TI atau Diskominfo), hubungkan komputer ini agar semua meja kerja memakai satu buku permohonan. Permohonan tetap tersimpan di komputer ini lebih dulu; server menyalin perubahan ke komputer lain. Tanpa server, semuanya tetap berjalan.";
pub const SYNC_FIELD_URL: &str = "Alamat server CouchDB";
pub const SYNC_FIELD_URL_HINT: &str = "Contoh: https://couchdb.katingankab.go.id";
pub const SYNC_FIELD_DB: &str = "Nama basis data";
pub const SYNC_FIELD_DB_HINT: &str = "Contoh: permohonan-dpttk";
pub const SYNC_FIELD_USER: &str = "Nama pengguna CouchDB";
pub const SYNC_FIELD_PASSWORD: &str = "Kata sandi";
pub const SYNC_FIELD_PASSWORD_HINT: &str = "Kata sandi hanya dikirim sekali untuk masuk dan tidak disimpan; peramban menyimpan sesi masuk dari server.";
pub const SYNC_CONNECT: &str = "Hubungkan";
pub const SYNC_CONNECTING: &str = "Menghubungkan\u{2026}";
pub const SYNC_NO_USER: &str = "Isi nama pengguna CouchDB.";
pub const SYNC_CONNECTED_AS: &str = "Terhubung sebagai";
pub const SYNC_SERVER: &str = "Server";
pub const SYNC_DATABASE: &str = "Basis data";
pub const SYNC_STATUS: &str = "Status";
pub const SYNC_NOW: &str = "Sinkronkan sekarang";
pub const SYNC_PAUSE: &str = "Jeda";
pub const SYNC_RESUME: &str = "Lanjutkan";
pub const SYNC_DISCONNECT: &str = "Putuskan sambungan";
pub const SYNC_DISCONNECTED: &str = "Sinkronisasi dimatikan. Semua permohonan tetap tersimpan di komputer ini; salinan di server tidak diubah.";
pub const SYNC_LOGIN_AGAIN: &str = "Masuk lagi";
pub const SYNC_LOGIN_AGAIN_INTRO: &str = "Sesi masuk ke server berakhir. Isi kata sandi untuk melanjutkan sinkronisasi; perubahan selama ini tersimpan di komputer ini dan akan dikirim.";
pub const SYNC_READABLE_WARNING: &str = "Peringatan: basis data ini dapat dibaca tanpa masuk. Nama dan kontak pemohon adalah data pribadi. Minta pengelola server mengisi anggota (members) pada pengaturan _security basis data, lalu hubungkan ulang.";
pub const SYNC_SET_ASIDE_TITLE: &str = "Dokumen server yang disisihkan";
pub const SYNC_SET_ASIDE_INTRO: &str = "Dokumen berikut ada di server tetapi tidak dapat dibaca oleh aplikasi ini. Dokumen itu dibiarkan utuh di server dan tidak ditimpa; permohonan lain tetap tersinkron. Minta pengelola server memeriksanya.";
pub const SYNC_RENUMBERED_SEEN: &str = "Sudah dibaca";
pub const SYNC_NEWER_DOCS: &str = "dokumen ditulis oleh versi aplikasi yang lebih baru dan dibiarkan utuh. Muat ulang halaman setelah aplikasi diperbarui.";

/// "Terhubung. Sinkronisasi pertama berjalan: 120 permohonan di komputer ini dikirim ke server."
pub fn sync_connected(cases_here: usize) -> String {
    format!("Terhubung. Sinkronisasi pertama berjalan: {cases_here} permohonan di komputer ini dikirim ke server, dan permohonan di server diambil.")
}

// ---------------------------------------------------------------------------------------------
// Why the server did not answer as hoped
// ---------------------------------------------------------------------------------------------

pub const SYNC_ERR_UNREACHABLE_SHORT: &str = "server tidak dapat dihubungi";
pub const SYNC_ERR_UNREACHABLE: &str = "server tidak dapat dihubungi (periksa jaringan dan alamat server; pengelola server harus mengizinkan alamat aplikasi ini di pengaturan CORS)";
pub const SYNC_ERR_UNAUTHORIZED: &str = "server menolak akses (sesi masuk berakhir, atau pengguna ini bukan anggota basis data)";
pub const SYNC_ERR_WRONG_LOGIN: &str = "Nama pengguna atau kata sandi salah. Tidak ada yang berubah di komputer ini.";
pub const SYNC_ERR_NO_DATABASE: &str = "basis data tidak ditemukan di server (periksa namanya; pengelola server harus membuatnya lebih dulu)";
pub const SYNC_ERR_NOT_JSON: &str = "jawaban server bukan jawaban CouchDB (periksa alamat server)";
pub const SYNC_ERR_ABORTED: &str = "dibatalkan";

/// "server menjawab 500: …"
pub fn sync_err_http(status: u16, reason: &str) -> String {
    if reason.is_empty() {
        format!("server menjawab dengan kode {status}")
    } else {
        format!("server menjawab dengan kode {status}: {reason}")
    }
}
