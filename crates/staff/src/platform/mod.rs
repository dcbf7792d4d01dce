//! The browser layer: the shared one (`layanan_sop::platform`) plus what only the staff app
//! touches — the case storage and reading chosen files.

pub use layanan_sop::platform::{clock, dom, dom_actions, image, perf, prefs, pwa};

pub mod case_store;
pub mod couch;
pub mod files;
pub mod random;
