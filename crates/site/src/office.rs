//! The office as its letterhead prints it in the SOP book (`shared/source`, the identity
//! blocks of the BLK SOPs and the letterhead of the Kartu AK/1 SOP): for structured data.

pub const NAME: &str = "Dinas Perindustrian, Transmigrasi dan Tenaga Kerja Kabupaten Katingan";
pub const STREET: &str = "Jl. MT. Haryono No. 2, Komplek Perkantoran PEMDA Kereng Humbang";
pub const LOCALITY: &str = "Kasongan";
pub const REGION: &str = "Kalimantan Tengah";
pub const POSTAL_CODE: &str = "74413";
pub const COUNTRY: &str = "ID";
/// "Telp. (0536) 4043580" in international form.
pub const TELEPHONE: &str = "+62-536-4043580";
pub const EMAIL: &str = "distransnaker@katingankab.go.id";
/// "Website : www.distransnaker.katingankab.go.id".
pub const WEBSITE: &str = "https://www.distransnaker.katingankab.go.id";
pub const AREA_SERVED: &str = "Kabupaten Katingan";
