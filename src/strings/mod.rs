//! Every user-facing string of the app, in Bahasa Indonesia.
//!
//! Views never hold literal UI text: they read it from here (`use crate::strings as s;`), so
//! wording is reviewed — and a second language could be added — in one place. One file per
//! feature keeps parallel work from colliding; names carry a feature prefix.

mod common;
mod kasus;
mod laporan;
mod site;
mod sync;

pub use common::*;
#[allow(unused_imports)]
pub use kasus::*;
#[allow(unused_imports)]
pub use laporan::*;
#[allow(unused_imports)]
pub use site::*;
#[allow(unused_imports)]
pub use sync::*;
