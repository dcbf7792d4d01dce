//! The domain of Layanan SOP Katingan.
//!
//! Architecture invariant: nothing in this crate imports `leptos`, `web_sys` or reads the
//! clock or the browser's storage. Time comes in as arguments (`now_ms`, UTC milliseconds),
//! so every rule here runs and is tested natively with `cargo test -p sop-domain`.

pub mod calendar;
pub mod case;
pub mod catalogue;
pub mod correction_place;
pub mod diagram;
pub mod duration;
pub mod excel_csv;
pub mod findings;
pub mod list_window;
#[cfg(feature = "loader")]
pub mod loader;
#[cfg(feature = "loader")]
pub mod literal;
pub mod locale;
pub mod merge;
pub mod report;
pub mod search;
pub mod store;
pub mod sync;
