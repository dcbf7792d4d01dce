//! The staff bundle: the case book (permohonan) with step timers, decisions, notes and the
//! audit trail; the monthly reports; the source notes. A client-side Leptos app with its own
//! router, loaded only when a staff page is opened — a citizen never downloads it.
//!
//! It draws the shared parts (header, footer, the SOP diagram) from the web layer
//! (`layanan_sop`) and keeps what only staff need here: the case store and its storage, the
//! hand-over files, the staff pages.

pub mod app;
pub mod components;
pub mod pages;
pub mod platform;
pub mod state;

pub use layanan_sop::{catalogue_data, routes, strings};

/// Mounts the app on `<body>`, replacing the page's static shell.
pub fn start() {
    console_error_panic_hook::set_once();
    routes::set_base(&platform::dom::base_path());
    platform::dom::remove_loading_shell();
    leptos::mount::mount_to_body(app::App);
    platform::dom::mark_ready();
}
