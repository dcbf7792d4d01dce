//! The thin layer between the web code and the browser, for both bundles. Only modules under
//! `platform` (here and in `crates/staff/src/platform`) touch `web_sys` / `gloo`; views call
//! these functions, and only from event handlers and effects, never while rendering, so the
//! same views also render natively at build time.

pub mod clock;
pub mod dom;
pub mod dom_actions;
pub mod files;
pub mod image;
pub mod perf;
pub mod prefs;
pub mod pwa;
pub mod url;
