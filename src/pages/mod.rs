//! One module per route.

pub mod catatan;
pub mod kasus;
pub mod kasus_list;
pub mod katalog;
pub mod laporan;
pub mod not_found;
pub mod sop;
