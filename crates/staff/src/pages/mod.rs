//! One module per staff route.

pub mod catatan;
pub mod kasus;
pub mod kasus_list;
pub mod laporan;
pub mod not_found;
pub mod pengaturan;
