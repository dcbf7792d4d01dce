//! Layanan SOP Katingan: the web layer the two apps share.
//!
//! - `public`: the public pages (katalog, SOP pages, 404) as Leptos components with their
//!   islands. The site generator (`crates/site`) renders them to HTML at build time; the
//!   citizen bundles (`crates/citizen`, one per kind of page) hydrate only the islands.
//!   Features `public`, `public-katalog`, `public-sop`.
//! - `views`: components both apps draw (header, footer, the swimlane diagram, the update
//!   banner, share).
//! - `catalogue_data`: the catalogue compiled in by build.rs.
//! - `routes`, `strings`: every URL and every UI string.
//! - `platform`: the only code that touches browser APIs (the staff bundle adds its storage in
//!   `crates/staff/src/platform`).
//!
//! The domain lives in `crates/sop-domain` and has no web imports.

pub mod catalogue_data;
pub mod platform;
#[cfg(feature = "public")]
pub mod public;
pub mod routes;
pub mod strings;
pub mod views;
