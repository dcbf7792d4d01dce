//! Small view components shared by several pages.

pub mod layout;
