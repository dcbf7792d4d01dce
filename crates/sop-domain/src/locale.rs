//! Indonesian date and time wording shared by the app, the exports and the findings.

use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike, Weekday};

pub const MONTHS: [&str; 12] = [
    "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
    "Oktober", "November", "Desember",
];

pub const ROMAN_MONTHS: [&str; 12] = [
    "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII",
];

pub fn weekday_name(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "Senin",
        Weekday::Tue => "Selasa",
        Weekday::Wed => "Rabu",
        Weekday::Thu => "Kamis",
        Weekday::Fri => "Jumat",
        Weekday::Sat => "Sabtu",
        Weekday::Sun => "Minggu",
    }
}

/// "6 Januari 2025", as the SOP book prints dates.
pub fn format_date(d: NaiveDate) -> String {
    format!("{} {} {}", d.day(), MONTHS[d.month0() as usize], d.year())
}

/// "Senin, 8 Desember 2026".
pub fn format_date_long(d: NaiveDate) -> String {
    format!("{}, {}", weekday_name(d.weekday()), format_date(d))
}

/// "8 Desember 2026 14.30" (Indonesian writes times with a dot).
pub fn format_datetime(t: NaiveDateTime) -> String {
    format!("{} {}", format_date(t.date()), format_time(t))
}

/// "14.30".
pub fn format_time(t: NaiveDateTime) -> String {
    format!("{:02}.{:02}", t.hour(), t.minute())
}

/// "Desember 2026".
pub fn format_month(year: i32, month: u32) -> String {
    let name = MONTHS.get((month.clamp(1, 12) - 1) as usize).copied().unwrap_or("");
    format!("{name} {year}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_as_the_office_writes_them() {
        let d = NaiveDate::from_ymd_opt(2026, 12, 7).unwrap();
        assert_eq!(format_date(d), "7 Desember 2026");
        assert_eq!(format_date_long(d), "Senin, 7 Desember 2026");
        let t = d.and_hms_opt(9, 5, 0).unwrap();
        assert_eq!(format_datetime(t), "7 Desember 2026 09.05");
        assert_eq!(format_month(2025, 1), "Januari 2025");
        assert_eq!(ROMAN_MONTHS[10], "XI");
    }
}
