//! Small view components shared by several pages.

pub mod diagram;
pub mod layout;
pub mod share;
pub mod update_banner;
