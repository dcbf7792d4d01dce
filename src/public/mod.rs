//! The public pages: the katalog, one page per SOP, and "not found".
//!
//! They are content first. The site generator (`crates/site`) renders them to HTML at build
//! time with these components; in the browser the citizen bundle (`crates/citizen`) hydrates
//! only the islands (`#[island]`: the search, the finish estimate, the checklist, the
//! diagram's frame, share/print and the update notice) and never redraws the rest. An island
//! must render exactly what the build rendered until its first effect runs: anything that
//! depends on the moment, the address or the device (the estimate, a query in the URL, stored
//! ticks) is applied in an effect after hydration.

pub mod frame;
#[cfg(feature = "public-katalog")]
pub mod katalog;
pub mod not_found;
#[cfg(feature = "public-sop")]
pub mod sop;

use leptos::prelude::*;
use sop_domain::catalogue::Sop;

/// The SOP a page is about, provided before its islands render: by the site generator while
/// rendering, by the citizen bundle (from `<main data-sop>`) before hydrating.
#[derive(Clone, Copy)]
pub struct CurrentSop(pub &'static Sop);

/// The SOP of this page (islands of a SOP page only).
pub fn current_sop() -> &'static Sop {
    expect_context::<CurrentSop>().0
}

/// Whether a new version of the site is waiting (the service worker), for the update notice.
#[derive(Clone, Copy)]
pub struct UpdateAvailable(pub RwSignal<bool>);
