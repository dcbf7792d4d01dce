//! Strings of the monthly report (/laporan).
