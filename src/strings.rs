//! Every user-facing string of the app, in Bahasa Indonesia.
//!
//! Views never hold literal UI text: they read it from here, so wording is reviewed (and a
//! second language could be added) in one place.

pub const OFFICE_NAME: &str = "Dinas Perindustrian, Transmigrasi dan Tenaga Kerja";
pub const OFFICE_REGION: &str = "Kabupaten Katingan";
pub const OFFICE_SHORT: &str = "DPTTK Katingan";
pub const APP_NAME: &str = "Layanan SOP";
pub const SKIP_TO_CONTENT: &str = "Langsung ke isi";

pub const NAV_LABEL: &str = "Navigasi utama";
pub const NAV_KATALOG: &str = "Katalog Layanan";
pub const NAV_KASUS: &str = "Permohonan";
pub const NAV_LAPORAN: &str = "Laporan";
pub const NAV_CATATAN: &str = "Catatan Sumber";

pub const KATALOG_TITLE: &str = "Katalog Layanan";
pub const KATALOG_INTRO: &str =
    "Cari layanan, lihat persyaratan yang perlu disiapkan, siapa yang mengerjakan, dan berapa lama prosesnya.";

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

pub const NOT_FOUND_TITLE: &str = "Halaman tidak ditemukan";
pub const NOT_FOUND_TEXT: &str =
    "Maaf, halaman yang Anda cari tidak ada. Mungkin alamatnya salah ketik atau halaman sudah dipindahkan.";
pub const NOT_FOUND_BACK: &str = "Kembali ke Katalog Layanan";

pub const FOOTER_TEXT: &str =
    "Standar Operasional Prosedur Administrasi Pemerintahan (PermenPAN-RB No. 35 Tahun 2012).";
pub const FOOTER_ADDRESS: &str =
    "Jl. MT. Haryono No. 2, Komplek Perkantoran PEMDA Kereng Humbang, Kasongan";
