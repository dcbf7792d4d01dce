//! What the build writes around the public pages: titles, descriptions, preview cards, the
//! offline and loading texts. Read by the site generator (`crates/site`).

pub const SITE_NAME: &str = "Layanan SOP DPTTK Kabupaten Katingan";
pub const SITE_SHORT: &str = "DPTTK Katingan";
pub const TITLE_KATALOG: &str = "Katalog Layanan SOP — DPTTK Kabupaten Katingan";
pub const DESCRIPTION_KATALOG: &str = "Syarat, alur dan lama proses layanan DPTTK Kabupaten Katingan: kartu kuning (AK/1), JHT, pelatihan kerja, PKB, peraturan perusahaan dan lainnya.";
/// "<title> — syarat, alur dan waktu | DPTTK Katingan"
pub const TITLE_SOP_TAIL: &str = "syarat, alur dan waktu";
pub const DESCRIPTION_BRING: &str = "Yang perlu dibawa:";
pub const DESCRIPTION_NO_REQUIREMENTS: &str = "Buku SOP tidak mencantumkan persyaratan khusus.";
pub const DESCRIPTION_STEPS: &str = "langkah";
pub const DESCRIPTION_TOTAL: &str = "total";
pub const DESCRIPTION_INTERNAL: &str = "Prosedur internal dinas:";
pub const TITLE_NOT_FOUND: &str = "Halaman tidak ditemukan — DPTTK Katingan";
pub const TITLE_OFFLINE: &str = "Belum tersimpan untuk luring — DPTTK Katingan";
pub const TITLE_STAFF: &str = "Untuk petugas — Layanan SOP DPTTK Katingan";
pub const OFFLINE_HEADING: &str = "Halaman ini belum tersimpan di perangkat";
pub const OFFLINE_TEXT: &str = "Anda sedang tidak terhubung ke internet, dan halaman ini belum pernah dibuka di perangkat ini. Halaman yang sudah pernah dibuka tetap bisa dibaca tanpa internet.";
pub const OFFLINE_BACK: &str = "Buka Katalog Layanan";
pub const LOADING: &str = "Memuat…";
pub const NOSCRIPT_STAFF: &str = "Halaman petugas memerlukan JavaScript.";
pub const OG_REQUIREMENTS: &str = "persyaratan";
pub const OG_STEPS: &str = "langkah";
pub const OG_TIME: &str = "Waktu layanan";
pub const OG_ALT: &str = "Ringkasan layanan";
