//! Layanan SOP Katingan: the web app (views and browser glue).
//!
//! The domain (catalogue, durations, calendar, cases, search, diagram layout, reports) lives in
//! `crates/sop-domain` and has no web imports; this crate only renders it and talks to the
//! browser through `platform`.

pub mod app;
pub mod catalogue_data;
pub mod components;
pub mod pages;
pub mod platform;
pub mod routes;
pub mod state;
pub mod strings;

/// Mounts the app on `<body>`, replacing the static loading shell from `index.html`.
pub fn start() {
    console_error_panic_hook::set_once();
    platform::dom::remove_loading_shell();
    leptos::mount::mount_to_body(app::App);
}
