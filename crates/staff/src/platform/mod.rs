//! The browser layer: the shared one (`layanan_sop::platform`) plus what only the staff app
//! touches — the case storage, reading chosen files, and where the case list is on screen.

pub use layanan_sop::platform::{clock, dom, dom_actions, image, perf, prefs, pwa};

pub mod case_store;
pub mod couch;
pub mod files;
pub mod list_window;
pub mod random;
