//! The thin layer between the app and the browser. Only modules under `platform` touch
//! `web_sys` / `gloo`; pages and components call these functions.

pub mod case_store;
pub mod clock;
pub mod dom;
pub mod dom_actions;
pub mod files;
pub mod image;
pub mod perf;
pub mod prefs;
pub mod pwa;
