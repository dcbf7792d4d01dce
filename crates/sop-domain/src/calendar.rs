//! The working-day calendar (office hours, weekends, national holidays and cuti bersama).
//!
//! All times here are office-local (`NaiveDateTime` in WIB) or UTC milliseconds passed in by
//! the caller: nothing reads the clock. The data comes from `data/holidays.toml`
//! (`CalendarData`, embedded in the app's catalogue JSON); `WorkCalendar` turns it into
//! lookups that answer in O(1) per query for dates inside the holiday data and by weekday
//! arithmetic outside it, because a report asks for 10,000 cases at once.

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, NaiveTime, Timelike, Weekday};
use serde::{Deserialize, Serialize};

use crate::catalogue::{List, Text};

/// One working day, in working minutes. A *hari* in an SOP is one such day; the office hours in
/// the data must have this length (see `WorkCalendar::new`), so that "1 hari" from an opening
/// ends exactly at the close.
pub const WORKDAY_MINUTES: u64 = 8 * 60;

/// Working days in a *minggu* of an SOP.
pub const WORKWEEK_DAYS: u64 = 5;

/// The default opening time, 08:00, in minutes after midnight.
pub const DEFAULT_OPEN_MINUTE: u16 = 8 * 60;

/// Waktu Indonesia Barat (UTC+7, no daylight saving): Kabupaten Katingan's time.
pub const WIB_OFFSET_MINUTES: i32 = 7 * 60;

/// The calendar as the office edits it (`data/holidays.toml`: `[office]` and `[[holidays]]`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CalendarData {
    pub office: OfficeHours,
    #[serde(default)]
    pub holidays: List<Holiday>,
}

/// Office hours: one rule for every open day.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OfficeHours {
    /// The name of the time zone as people say it ("WIB").
    pub zone: Text,
    /// Offset of office-local time from UTC, in minutes (WIB: 420).
    pub utc_offset_minutes: i32,
    pub open: ClockTime,
    pub close: ClockTime,
    /// The days the office is open; the others (Sabtu, Minggu) are closed.
    pub days: List<OfficeDay>,
}

impl Default for OfficeHours {
    fn default() -> Self {
        OfficeHours {
            zone: Text::Borrowed("WIB"),
            utc_offset_minutes: WIB_OFFSET_MINUTES,
            open: ClockTime(DEFAULT_OPEN_MINUTE),
            close: ClockTime(DEFAULT_OPEN_MINUTE + WORKDAY_MINUTES as u16),
            days: [
                Weekday::Mon,
                Weekday::Tue,
                Weekday::Wed,
                Weekday::Thu,
                Weekday::Fri,
            ]
            .into_iter()
            .map(OfficeDay)
            .collect(),
        }
    }
}

impl OfficeHours {
    pub fn open_minute(&self) -> u16 {
        self.open.0
    }

    pub fn close_minute(&self) -> u16 {
        self.close.0
    }

    pub fn is_open_on(&self, day: Weekday) -> bool {
        self.days.iter().any(|d| d.0 == day)
    }
}

/// A time of day, minutes after midnight, written "HH:MM" in the data ("24:00" allowed for a
/// close at midnight).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct ClockTime(pub u16);

impl TryFrom<String> for ClockTime {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        let bad = || format!("{s:?} is not a time of day like \"08:00\"");
        let (h, m) = s.trim().split_once(':').ok_or_else(bad)?;
        let h: u16 = h.parse().map_err(|_| bad())?;
        let m: u16 = m.parse().map_err(|_| bad())?;
        if m >= 60 || h > 24 || (h == 24 && m > 0) {
            return Err(bad());
        }
        Ok(ClockTime(h * 60 + m))
    }
}

impl From<ClockTime> for String {
    fn from(t: ClockTime) -> String {
        format!("{:02}:{:02}", t.0 / 60, t.0 % 60)
    }
}

/// A day of the week, written by its Indonesian name in the data ("senin" .. "minggu").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct OfficeDay(pub Weekday);

const DAY_NAMES: [(&str, Weekday); 7] = [
    ("senin", Weekday::Mon),
    ("selasa", Weekday::Tue),
    ("rabu", Weekday::Wed),
    ("kamis", Weekday::Thu),
    ("jumat", Weekday::Fri),
    ("sabtu", Weekday::Sat),
    ("minggu", Weekday::Sun),
];

impl TryFrom<String> for OfficeDay {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        let key = s.trim().to_lowercase().replace('\'', "");
        DAY_NAMES
            .iter()
            .find(|(name, _)| *name == key)
            .map(|&(_, d)| OfficeDay(d))
            .ok_or_else(|| {
                format!(
                    "{s:?} is not a day name (senin, selasa, rabu, kamis, jumat, sabtu, minggu)"
                )
            })
    }
}

impl From<OfficeDay> for String {
    fn from(d: OfficeDay) -> String {
        DAY_NAMES
            .iter()
            .find(|(_, w)| *w == d.0)
            .map(|(n, _)| n.to_string())
            .unwrap_or_default()
    }
}

/// A day the office is closed although it is a weekday.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Holiday {
    pub date: NaiveDate,
    pub name: Text,
    pub kind: HolidayKind,
    /// The legal basis, e.g. the SKB's numbers.
    pub source: Text,
    /// The SKB's date of a holiday that waits for the government's sidang isbat (Idulfitri,
    /// Iduladha): the office is closed on it as listed, but the date may still move. Written
    /// `estimated = true` in `data/holidays.toml`; absent (false) for every other holiday, and
    /// left out of the JSON when false.
    #[serde(default, skip_serializing_if = "is_false")]
    pub estimated: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HolidayKind {
    LiburNasional,
    CutiBersama,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CalendarError(pub String);

impl std::fmt::Display for CalendarError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "calendar data: {}", self.0)
    }
}

impl std::error::Error for CalendarError {}

/// More working days than this in one step is nonsense; capping keeps every date in range.
const MAX_WORKING_DAYS: u64 = 1_000_000;

/// The calendar with its lookups built.
#[derive(Clone, Debug)]
pub struct WorkCalendar {
    office: OfficeHours,
    open_secs: i64,
    day_secs: i64,
    offset_ms: i64,
    /// Open weekdays, Monday first.
    open_weekday: [bool; 7],
    open_per_week: i64,
    /// Day numbers (`num_days_from_ce`) of 1 January of the first covered year and of 1 January
    /// after the last.
    cov_start: i64,
    cov_end: i64,
    years: (i32, i32),
    /// `prefix[i]` = working days in `[cov_start, cov_start + i)`: a count between any two
    /// covered dates is one subtraction.
    prefix: Vec<u32>,
    /// Sorted by date.
    holidays: Vec<Holiday>,
}

fn day_number(d: NaiveDate) -> i64 {
    i64::from(d.num_days_from_ce())
}

fn date_of(n: i64) -> Option<NaiveDate> {
    i32::try_from(n)
        .ok()
        .and_then(NaiveDate::from_num_days_from_ce_opt)
}

/// Monday = 0. Day 1 of the common era (0001-01-01) was a Monday.
fn weekday_index(n: i64) -> usize {
    (n - 1).rem_euclid(7) as usize
}

impl WorkCalendar {
    /// Checks the data and builds the lookups. Refuses office hours whose length is not
    /// `WORKDAY_MINUTES` (a *hari* would no longer be one office day), no open day, a year
    /// without holidays between the first and last covered year, and holidays without a source.
    pub fn new(data: CalendarData) -> Result<WorkCalendar, CalendarError> {
        let err = |s: String| Err(CalendarError(s));
        let office = data.office;
        let (open, close) = (i64::from(office.open.0), i64::from(office.close.0));
        if close <= open {
            return err(format!(
                "the office closes ({}) before it opens ({})",
                String::from(office.close),
                String::from(office.open)
            ));
        }
        if (close - open) as u64 != WORKDAY_MINUTES {
            return err(format!(
                "office hours {}–{} last {} minutes, but a working day (hari) counts {WORKDAY_MINUTES} minutes; \
                 change the hours, or WORKDAY_MINUTES in the code",
                String::from(office.open),
                String::from(office.close),
                close - open
            ));
        }
        if !(-14 * 60..=14 * 60).contains(&office.utc_offset_minutes) {
            return err(format!(
                "UTC offset {} minutes is not a time zone",
                office.utc_offset_minutes
            ));
        }
        let mut open_weekday = [false; 7];
        for d in office.days.iter() {
            open_weekday[d.0.num_days_from_monday() as usize] = true;
        }
        let open_per_week = open_weekday.iter().filter(|&&b| b).count() as i64;
        if open_per_week == 0 {
            return err("the office is open on no day of the week".to_string());
        }
        let mut holidays = data.holidays.into_owned();
        if holidays.is_empty() {
            return err(
                "no holidays: at least one year of libur nasional and cuti bersama is needed"
                    .to_string(),
            );
        }
        for h in holidays.iter() {
            if h.name.trim().is_empty() || h.source.trim().is_empty() {
                return err(format!(
                    "the holiday on {} needs a name and a source",
                    h.date
                ));
            }
        }
        holidays.sort_by_key(|h| h.date);
        let first = holidays[0].date.year();
        let last = holidays[holidays.len() - 1].date.year();
        for y in first..=last {
            if !holidays.iter().any(|h| h.date.year() == y) {
                return err(format!(
                    "no holidays listed for {y}, between {first} and {last}"
                ));
            }
        }
        let jan1 = |y: i32| NaiveDate::from_ymd_opt(y, 1, 1).map(day_number);
        let (Some(cov_start), Some(cov_end)) = (jan1(first), jan1(last + 1)) else {
            return err(format!("years {first}–{last} are out of range"));
        };
        let len = (cov_end - cov_start) as usize;
        let mut closed = vec![false; len];
        for h in holidays.iter() {
            closed[(day_number(h.date) - cov_start) as usize] = true;
        }
        let mut prefix = Vec::with_capacity(len + 1);
        let mut count = 0u32;
        prefix.push(0);
        for (i, &is_holiday) in closed.iter().enumerate() {
            if open_weekday[weekday_index(cov_start + i as i64)] && !is_holiday {
                count += 1;
            }
            prefix.push(count);
        }
        Ok(WorkCalendar {
            open_secs: open * 60,
            day_secs: (close - open) * 60,
            offset_ms: i64::from(office.utc_offset_minutes) * 60_000,
            office,
            open_weekday,
            open_per_week,
            cov_start,
            cov_end,
            years: (first, last),
            prefix,
            holidays,
        })
    }

    pub fn office(&self) -> &OfficeHours {
        &self.office
    }

    /// The first and last year whose holidays are in the data.
    pub fn coverage(&self) -> (i32, i32) {
        self.years
    }

    /// Whether the holidays of this date's year are known. Beyond it only weekends are skipped,
    /// and the UI says so.
    pub fn covers(&self, date: NaiveDate) -> bool {
        (self.years.0..=self.years.1).contains(&date.year())
    }

    /// The holidays on a date (a date can be both a libur nasional and a cuti bersama).
    pub fn holidays_on(&self, date: NaiveDate) -> &[Holiday] {
        self.holidays_between(date, date)
    }

    /// The holidays from `from` to `to`, both included, in date order.
    pub fn holidays_between(&self, from: NaiveDate, to: NaiveDate) -> &[Holiday] {
        let a = self.holidays.partition_point(|h| h.date < from);
        let b = self.holidays.partition_point(|h| h.date <= to);
        &self.holidays[a..b.max(a)]
    }

    pub fn holidays(&self) -> &[Holiday] {
        &self.holidays
    }

    pub fn is_working_day(&self, date: NaiveDate) -> bool {
        self.is_working(day_number(date))
    }

    fn is_working(&self, n: i64) -> bool {
        if (self.cov_start..self.cov_end).contains(&n) {
            let i = (n - self.cov_start) as usize;
            self.prefix[i + 1] > self.prefix[i]
        } else {
            self.open_weekday[weekday_index(n)]
        }
    }

    /// Open weekdays in `[a, b)`, by whole weeks plus at most six single days.
    fn weekdays_between(&self, a: i64, b: i64) -> i64 {
        if b <= a {
            return 0;
        }
        let n = b - a;
        let mut count = (n / 7) * self.open_per_week;
        let first = weekday_index(a);
        for k in 0..(n % 7) as usize {
            if self.open_weekday[(first + k) % 7] {
                count += 1;
            }
        }
        count
    }

    /// Working days in `[a, b)` (day numbers).
    fn working_days(&self, a: i64, b: i64) -> i64 {
        if b <= a {
            return 0;
        }
        let before = self.weekdays_between(a, b.min(self.cov_start));
        let after = self.weekdays_between(a.max(self.cov_end), b);
        let (ia, ib) = (
            a.clamp(self.cov_start, self.cov_end),
            b.clamp(self.cov_start, self.cov_end),
        );
        let inside = i64::from(self.prefix[(ib - self.cov_start) as usize])
            - i64::from(self.prefix[(ia - self.cov_start) as usize]);
        before + inside + after
    }

    /// The `k`-th working day after day `n` (k >= 1), by doubling then bisecting over the O(1)
    /// count, so a year-long step costs a few dozen counts.
    fn nth_working_day_after(&self, n: i64, k: i64) -> i64 {
        let mut span = 8i64;
        while self.working_days(n + 1, n + 1 + span) < k {
            span *= 2;
        }
        let (mut lo, mut hi) = (0i64, span); // working_days(n+1, n+1+hi) >= k
        while hi - lo > 1 {
            let mid = lo + (hi - lo) / 2;
            if self.working_days(n + 1, n + 1 + mid) >= k {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        n + hi
    }

    /// Seconds of office time that have passed on `t`'s day up to `t`.
    fn worked_secs_that_day(&self, n: i64, secs_of_day: i64) -> i64 {
        if self.is_working(n) {
            (secs_of_day - self.open_secs).clamp(0, self.day_secs)
        } else {
            0
        }
    }

    /// Working minutes from `a` to `b`; 0 when `b <= a`, so a clock that jumps backwards never
    /// gives negative time. Seconds are counted, then whole minutes returned.
    pub fn working_minutes_between(&self, a: NaiveDateTime, b: NaiveDateTime) -> u64 {
        if b <= a {
            return 0;
        }
        let (na, nb) = (day_number(a.date()), day_number(b.date()));
        let secs = self.working_days(na, nb) * self.day_secs
            + self.worked_secs_that_day(nb, secs_of_day(b))
            - self.worked_secs_that_day(na, secs_of_day(a));
        (secs.max(0) / 60) as u64
    }

    /// The moment work can start: `t` itself during office hours, else the next opening.
    pub fn next_opening(&self, t: NaiveDateTime) -> NaiveDateTime {
        let (n, off) = self.normalise(t);
        self.at(n, off)
    }

    /// (day number, seconds after opening) of the moment work can start.
    fn normalise(&self, t: NaiveDateTime) -> (i64, i64) {
        let n = day_number(t.date());
        let s = secs_of_day(t);
        if self.is_working(n) && s < self.open_secs + self.day_secs {
            (n, (s - self.open_secs).max(0))
        } else {
            (self.nth_working_day_after(n, 1), 0)
        }
    }

    fn at(&self, n: i64, secs_after_open: i64) -> NaiveDateTime {
        let Some(date) = date_of(n) else {
            return NaiveDateTime::MAX;
        };
        let secs = self.open_secs + secs_after_open;
        match NaiveTime::from_num_seconds_from_midnight_opt(secs as u32, 0) {
            Some(time) => date.and_time(time),
            // A close at 24:00 is the next midnight.
            None => date_of(n + 1).map_or(NaiveDateTime::MAX, |d| d.and_time(NaiveTime::MIN)),
        }
    }

    /// The moment `minutes` of working time after `start`. A start outside office hours moves
    /// to the next opening; whole working days from an opening end at the close of the last
    /// day, not at the next morning's opening. Absurd amounts saturate at `NaiveDateTime::MAX`.
    pub fn add_working_minutes(&self, start: NaiveDateTime, minutes: u64) -> NaiveDateTime {
        if minutes > MAX_WORKING_DAYS * WORKDAY_MINUTES {
            return NaiveDateTime::MAX;
        }
        let (n, off) = self.normalise(start);
        let total = off + minutes as i64 * 60;
        if total == 0 {
            return self.at(n, 0);
        }
        let k = (total - 1) / self.day_secs;
        let rest = total - k * self.day_secs;
        let day = if k == 0 {
            n
        } else {
            self.nth_working_day_after(n, k)
        };
        self.at(day, rest)
    }

    /// Office-local (earliest, latest) finish of work of `min_minutes`..`max_minutes` working
    /// minutes that starts at `now_utc_ms`.
    pub fn finish_estimate(
        &self,
        now_utc_ms: i64,
        min_minutes: u64,
        max_minutes: u64,
    ) -> (NaiveDateTime, NaiveDateTime) {
        let now = self.utc_ms_to_local(now_utc_ms);
        (
            self.add_working_minutes(now, min_minutes),
            self.add_working_minutes(now, max_minutes),
        )
    }

    /// UTC milliseconds to office-local time (saturating at the ends of chrono's range).
    pub fn utc_ms_to_local(&self, ms: i64) -> NaiveDateTime {
        let local = ms.saturating_add(self.offset_ms);
        match DateTime::from_timestamp_millis(local) {
            Some(t) => t.naive_utc(),
            None if local < 0 => NaiveDateTime::MIN,
            None => NaiveDateTime::MAX,
        }
    }

    /// Office-local time to UTC milliseconds.
    pub fn local_to_utc_ms(&self, t: NaiveDateTime) -> i64 {
        t.and_utc()
            .timestamp_millis()
            .saturating_sub(self.offset_ms)
    }
}

fn secs_of_day(t: NaiveDateTime) -> i64 {
    i64::from(t.time().num_seconds_from_midnight())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(date: &str, name: &str, kind: HolidayKind) -> Holiday {
        Holiday {
            date: date.parse().unwrap(),
            name: name.to_string().into(),
            kind,
            source: "test".to_string().into(),
            estimated: false,
        }
    }

    /// The real 2025–2026 dates that the tests below cross (the full list is tested against
    /// data/holidays.toml with `--features loader`).
    fn fixture() -> CalendarData {
        use HolidayKind::*;
        CalendarData {
            office: OfficeHours::default(),
            holidays: vec![
                h("2025-12-25", "Kelahiran Yesus Kristus", LiburNasional),
                h(
                    "2025-12-26",
                    "Cuti bersama Kelahiran Yesus Kristus",
                    CutiBersama,
                ),
                h("2026-01-01", "Tahun Baru 2026 Masehi", LiburNasional),
                h("2026-01-16", "Isra Mikraj Nabi Muhammad SAW", LiburNasional),
                h("2026-03-18", "Cuti bersama Hari Suci Nyepi", CutiBersama),
                h("2026-03-19", "Hari Suci Nyepi", LiburNasional),
                h("2026-03-20", "Cuti bersama Idulfitri", CutiBersama),
                h("2026-03-21", "Idulfitri 1447 Hijriah", LiburNasional),
                h("2026-03-22", "Idulfitri 1447 Hijriah", LiburNasional),
                h("2026-03-23", "Cuti bersama Idulfitri", CutiBersama),
                h("2026-03-24", "Cuti bersama Idulfitri", CutiBersama),
                h("2026-04-03", "Wafat Yesus Kristus", LiburNasional),
            ].into(),
        }
    }

    fn cal() -> WorkCalendar {
        WorkCalendar::new(fixture()).unwrap()
    }

    fn t(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
    }

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    const DAY: u64 = WORKDAY_MINUTES;

    #[test]
    fn weekends_are_skipped() {
        let c = cal();
        assert!(!c.is_working_day(d("2026-01-10")) && !c.is_working_day(d("2026-01-11")));
        assert!(c.is_working_day(d("2026-01-09")) && c.is_working_day(d("2026-01-12")));
        assert_eq!(
            c.add_working_minutes(t("2026-01-09 15:00"), 120),
            t("2026-01-12 09:00")
        );
        assert_eq!(
            c.working_minutes_between(t("2026-01-09 15:00"), t("2026-01-12 09:00")),
            120
        );
    }

    #[test]
    fn holidays_and_cuti_bersama_are_skipped() {
        let c = cal();
        assert!(!c.is_working_day(d("2026-01-16")), "Isra Mikraj");
        assert!(!c.is_working_day(d("2026-03-18")), "cuti bersama Nyepi");
        assert!(!c.is_working_day(d("2025-12-26")), "cuti bersama Natal");
        assert_eq!(c.holidays_on(d("2026-03-19"))[0].name, "Hari Suci Nyepi");
        assert!(c.holidays_on(d("2026-03-25")).is_empty());
        assert_eq!(
            c.holidays_between(d("2026-03-18"), d("2026-03-24")).len(),
            7
        );
        // Thursday 15 Jan 14:00 + 4 working hours: Friday 16 Jan is Isra Mikraj.
        assert_eq!(
            c.add_working_minutes(t("2026-01-15 14:00"), 240),
            t("2026-01-19 10:00")
        );
    }

    #[test]
    fn start_outside_office_hours_moves_to_the_next_opening() {
        let c = cal();
        assert_eq!(
            c.add_working_minutes(t("2026-01-10 10:00"), 30),
            t("2026-01-12 08:30"),
            "Saturday"
        );
        assert_eq!(
            c.add_working_minutes(t("2026-01-13 07:00"), 0),
            t("2026-01-13 08:00"),
            "before opening"
        );
        assert_eq!(
            c.add_working_minutes(t("2026-01-12 17:00"), 60),
            t("2026-01-13 09:00"),
            "after closing"
        );
        assert_eq!(
            c.add_working_minutes(t("2026-01-12 16:00"), 60),
            t("2026-01-13 09:00"),
            "at closing"
        );
        assert_eq!(
            c.add_working_minutes(t("2026-01-16 09:00"), 60),
            t("2026-01-19 09:00"),
            "on a holiday"
        );
        assert_eq!(c.next_opening(t("2026-01-12 10:15")), t("2026-01-12 10:15"));
        assert_eq!(c.next_opening(t("2026-01-15 23:59")), t("2026-01-19 08:00"));
    }

    #[test]
    fn whole_days_from_an_opening_end_at_the_close() {
        let c = cal();
        assert_eq!(
            c.add_working_minutes(t("2026-01-05 08:00"), DAY),
            t("2026-01-05 16:00")
        );
        assert_eq!(
            c.add_working_minutes(t("2026-01-05 08:00"), 3 * DAY),
            t("2026-01-07 16:00")
        );
        assert_eq!(
            c.add_working_minutes(t("2026-01-03 12:00"), 5 * DAY),
            t("2026-01-09 16:00"),
            "a minggu from a Saturday"
        );
        assert_eq!(
            c.add_working_minutes(t("2026-01-05 08:00"), 3 * DAY + 1),
            t("2026-01-08 08:01")
        );
    }

    #[test]
    fn a_step_spanning_several_days() {
        let c = cal();
        // Wednesday 14:00 + 2 hari: Thursday, (Friday 16 Jan is a holiday), Monday 14:00.
        assert_eq!(
            c.add_working_minutes(t("2026-01-14 14:00"), 2 * DAY),
            t("2026-01-19 14:00")
        );
        assert_eq!(
            c.working_minutes_between(t("2026-01-14 14:00"), t("2026-01-19 14:00")),
            2 * DAY
        );
    }

    #[test]
    fn minutes_between_across_the_lebaran_week() {
        let c = cal();
        // Working days in [16 Mar, 30 Mar): 16, 17, 25, 26, 27 March.
        assert_eq!(
            c.working_minutes_between(t("2026-03-16 08:00"), t("2026-03-30 08:00")),
            5 * DAY
        );
        assert_eq!(
            c.working_minutes_between(t("2026-03-17 12:00"), t("2026-03-25 09:30")),
            240 + 90
        );
    }

    #[test]
    fn minutes_between_across_a_year_end() {
        let c = cal();
        // 24 Dec 12:00–16:00, then 29, 30, 31 Dec and 2 Jan, then 5 Jan 08:00–10:00.
        assert_eq!(
            c.working_minutes_between(t("2025-12-24 12:00"), t("2026-01-05 10:00")),
            240 + 4 * DAY + 120
        );
    }

    #[test]
    fn a_backwards_clock_gives_zero() {
        let c = cal();
        assert_eq!(
            c.working_minutes_between(t("2026-01-12 10:00"), t("2026-01-12 09:00")),
            0
        );
        assert_eq!(
            c.working_minutes_between(t("2026-01-12 10:00"), t("2026-01-12 10:00")),
            0
        );
        assert_eq!(
            c.working_minutes_between(t("2026-02-12 10:00"), t("2025-01-12 09:00")),
            0
        );
        assert_eq!(
            c.working_minutes_between(t("2026-01-10 09:00"), t("2026-01-11 18:00")),
            0,
            "a weekend"
        );
    }

    #[test]
    fn finish_estimate_skips_nyepi_and_lebaran() {
        let c = cal();
        // Friday 13 March 2026 15:00 WIB = 08:00 UTC.
        let now = c.local_to_utc_ms(t("2026-03-13 15:00"));
        assert_eq!(now, t("2026-03-13 08:00").and_utc().timestamp_millis());
        let (earliest, latest) = c.finish_estimate(now, DAY, 7 * DAY);
        assert_eq!(earliest, t("2026-03-16 15:00"));
        // 16, 17, then 18–24 March closed, then 25, 26, 27, 30, 31 March.
        assert_eq!(latest, t("2026-03-31 15:00"));
        let (a, b) = c.finish_estimate(now, 30, 30);
        assert_eq!((a, b), (t("2026-03-13 15:30"), t("2026-03-13 15:30")));
    }

    #[test]
    fn utc_and_local_time() {
        let c = cal();
        let ms = t("2026-01-01 00:00").and_utc().timestamp_millis();
        assert_eq!(c.utc_ms_to_local(ms), t("2026-01-01 07:00"));
        assert_eq!(c.local_to_utc_ms(c.utc_ms_to_local(ms)), ms);
        assert_eq!(c.utc_ms_to_local(i64::MAX), NaiveDateTime::MAX);
        assert_eq!(c.utc_ms_to_local(i64::MIN), NaiveDateTime::MIN);
        let _ = c.finish_estimate(i64::MAX, 0, u64::MAX);
        let _ = c.finish_estimate(i64::MIN, 0, 10);
    }

    #[test]
    fn coverage_and_beyond() {
        let c = cal();
        assert_eq!(c.coverage(), (2025, 2026));
        assert!(c.covers(d("2025-01-01")) && c.covers(d("2026-12-31")));
        assert!(!c.covers(d("2027-01-01")) && !c.covers(d("2024-12-31")));
        // Beyond the data only weekends count: 1 January 2027 (a Friday) is a working day here.
        assert!(c.is_working_day(d("2027-01-01")));
        assert_eq!(
            c.add_working_minutes(t("2026-12-31 08:00"), 2 * DAY),
            t("2027-01-01 16:00")
        );
        assert_eq!(
            c.working_minutes_between(t("2024-12-30 08:00"), t("2025-01-01 08:00")),
            2 * DAY
        );
    }

    #[test]
    fn absurd_amounts_saturate() {
        let c = cal();
        assert_eq!(
            c.add_working_minutes(t("2026-01-05 08:00"), u64::MAX),
            NaiveDateTime::MAX
        );
        let far = c.add_working_minutes(t("2026-01-05 08:00"), MAX_WORKING_DAYS * DAY);
        assert!(far.date().year() > 5000);
    }

    #[test]
    fn refuses_bad_data() {
        let mut data = fixture();
        data.office.close = ClockTime(17 * 60);
        assert!(WorkCalendar::new(data).unwrap_err().0.contains("480"));
        let mut data = fixture();
        data.office.days.to_mut().clear();
        assert!(WorkCalendar::new(data).is_err());
        let mut data = fixture();
        data.holidays
            .to_mut().push(h("2028-01-01", "Tahun Baru", HolidayKind::LiburNasional));
        assert!(
            WorkCalendar::new(data).unwrap_err().0.contains("2027"),
            "a gap year"
        );
        let mut data = fixture();
        data.holidays.to_mut()[0].source.to_mut().clear();
        assert!(WorkCalendar::new(data).is_err());
        let mut data = fixture();
        data.holidays.to_mut().clear();
        assert!(WorkCalendar::new(data).is_err());
    }

    #[test]
    fn office_hours_can_shift() {
        let mut data = fixture();
        data.office.open = ClockTime(7 * 60 + 30);
        data.office.close = ClockTime(15 * 60 + 30);
        let c = WorkCalendar::new(data).unwrap();
        assert_eq!(
            c.add_working_minutes(t("2026-01-05 07:00"), DAY),
            t("2026-01-05 15:30")
        );
    }

    #[test]
    fn serde_shape() {
        let json = serde_json::to_value(fixture()).unwrap();
        assert_eq!(json["office"]["open"], "08:00");
        assert_eq!(json["office"]["days"][4], "jumat");
        assert_eq!(json["holidays"][0]["date"], "2025-12-25");
        assert_eq!(json["holidays"][1]["kind"], "cuti_bersama");
        let back: CalendarData = serde_json::from_value(json).unwrap();
        assert_eq!(back, fixture());
        assert!(serde_json::from_str::<ClockTime>("\"8:60\"").is_err());
        assert!(serde_json::from_str::<ClockTime>("\"24:00\"").is_ok());
        assert!(serde_json::from_str::<OfficeDay>("\"Jum'at\"").is_ok());
        assert!(serde_json::from_str::<OfficeDay>("\"friday\"").is_err());
    }

    /// A tiny deterministic generator, so the comparison below needs no extra dependency.
    struct Lcg(u64);
    impl Lcg {
        fn next(&mut self) -> u64 {
            self.0 = self
                .0
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            self.0 >> 33
        }
    }

    /// Day by day, minute by minute: slow and obviously right.
    fn naive_between(c: &WorkCalendar, a: NaiveDateTime, b: NaiveDateTime) -> u64 {
        if b <= a {
            return 0;
        }
        let mut secs = 0i64;
        let mut day = a.date();
        while day <= b.date() {
            if c.is_working_day(day) {
                let open = day
                    .and_time(NaiveTime::from_num_seconds_from_midnight_opt(8 * 3600, 0).unwrap());
                let close = day
                    .and_time(NaiveTime::from_num_seconds_from_midnight_opt(16 * 3600, 0).unwrap());
                let (s, e) = (a.max(open), b.min(close));
                if e > s {
                    secs += (e - s).num_seconds();
                }
            }
            day = day.succ_opt().unwrap();
        }
        (secs / 60) as u64
    }

    fn random_time(r: &mut Lcg) -> NaiveDateTime {
        // 2024-12-01 .. 2027-01-31, any minute of the day.
        let start = t("2024-12-01 00:00");
        start + chrono::Duration::minutes((r.next() % (792 * 24 * 60)) as i64)
    }

    #[test]
    fn two_year_spans_match_a_day_by_day_count() {
        let c = cal();
        let mut r = Lcg(2026);
        for _ in 0..2_000 {
            let (a, b) = (random_time(&mut r), random_time(&mut r));
            assert_eq!(
                c.working_minutes_between(a, b),
                naive_between(&c, a, b),
                "{a} → {b}"
            );
        }
    }

    #[test]
    fn ten_thousand_cases_over_two_years() {
        let c = cal();
        let mut r = Lcg(7);
        let a = t("2025-01-01 09:00");
        let mut sum = 0u64;
        for _ in 0..10_000 {
            let b = a + chrono::Duration::minutes((r.next() % (730 * 24 * 60)) as i64);
            sum += c.working_minutes_between(a, b);
        }
        assert!(sum > 0);
        let total = c.working_minutes_between(t("2025-01-01 00:00"), t("2027-01-01 00:00"));
        assert_eq!(total % DAY, 0);
    }

    #[test]
    fn adding_then_measuring_gives_the_same_minutes() {
        let c = cal();
        let mut r = Lcg(99);
        for _ in 0..3_000 {
            let start = random_time(&mut r);
            let minutes = match r.next() % 3 {
                0 => r.next() % 600,
                1 => (r.next() % 40) * DAY,
                _ => r.next() % (300 * DAY),
            };
            let end = c.add_working_minutes(start, minutes);
            let begin = c.next_opening(start);
            assert!(end >= begin);
            assert_eq!(
                c.working_minutes_between(begin, end),
                minutes,
                "{start} + {minutes}"
            );
            if minutes > 0 {
                // The end lies inside office hours (a close counts as inside).
                let m = secs_of_day(end);
                assert!(
                    c.is_working_day(end.date()) && m > 8 * 3600 && m <= 16 * 3600,
                    "{start} + {minutes} = {end}"
                );
            }
        }
    }

    #[cfg(feature = "loader")]
    mod data_file {
        use super::*;

        fn real() -> CalendarData {
            toml::from_str(include_str!("../../../data/holidays.toml")).expect("data/holidays.toml")
        }

        #[test]
        fn the_data_file_reads_and_builds() {
            let data = real();
            assert_eq!(data.office, OfficeHours::default());
            let c = WorkCalendar::new(data).unwrap();
            assert_eq!(c.coverage(), (2025, 2027), "the SKB for 2027 is in the data");
            assert!(c.covers(d("2027-12-31")) && !c.covers(d("2028-01-01")));
        }

        #[test]
        fn every_year_has_its_skb_counts() {
            let data = real();
            let count = |y: i32, k: HolidayKind| {
                data.holidays
                    .iter()
                    .filter(|h| h.date.year() == y && h.kind == k)
                    .count()
            };
            // 2025: 17 + 10 (SKB 1017/2/2 Tahun 2024) + 18 August (SKB 933/1/3 Tahun 2025).
            assert_eq!(count(2025, HolidayKind::LiburNasional), 17);
            assert_eq!(count(2025, HolidayKind::CutiBersama), 11);
            // 2026: 17 + 8 (SKB 1497/2/5 Tahun 2025).
            assert_eq!(count(2026, HolidayKind::LiburNasional), 17);
            assert_eq!(count(2026, HolidayKind::CutiBersama), 8);
            // 2027: 18 dates of libur nasional (17 holidays, Isra Mikraj twice) + 8 cuti bersama
            // (SKB for 2027, as encoded by the `holidays` package 0.109).
            assert_eq!(count(2027, HolidayKind::LiburNasional), 18);
            assert_eq!(count(2027, HolidayKind::CutiBersama), 8);
            for h in data.holidays.iter() {
                let skb = match h.date.year() {
                    2025 if h.date == d("2025-08-18") => "Nomor 933 Tahun 2025",
                    2025 => "Nomor 1017 Tahun 2024",
                    2026 => "Nomor 1497 Tahun 2025",
                    // Its numbers are not in our source yet (see data/holidays.toml).
                    2027 => "Hari Libur Nasional dan Cuti Bersama Tahun 2027",
                    y => panic!("{y} has no known SKB"),
                };
                assert!(h.source.contains(skb), "{} cites {}", h.date, h.source);
            }
        }

        #[test]
        fn cuti_bersama_fall_on_weekdays_and_dates_are_unique() {
            let data = real();
            let mut seen = std::collections::HashSet::new();
            for h in data.holidays.iter() {
                assert!(seen.insert(h.date), "{} listed twice", h.date);
                if h.kind == HolidayKind::CutiBersama {
                    assert!(
                        h.date.weekday().num_days_from_monday() < 5,
                        "{} is a weekend",
                        h.date
                    );
                }
            }
        }

        #[test]
        fn the_brief_example_on_real_data() {
            let c = WorkCalendar::new(real()).unwrap();
            let now = c.local_to_utc_ms(t("2026-03-13 15:00"));
            assert_eq!(
                c.finish_estimate(now, 7 * DAY, 7 * DAY).1,
                t("2026-03-31 15:00")
            );
            assert!(!c.is_working_day(d("2025-08-18")));
            assert!(!c.is_working_day(d("2026-12-24")));
        }

        #[test]
        fn only_idulfitri_and_iduladha_2027_are_estimated() {
            let data = real();
            let estimated: Vec<NaiveDate> = data
                .holidays
                .iter()
                .filter(|h| h.estimated)
                .map(|h| h.date)
                .collect();
            assert_eq!(
                estimated,
                [d("2027-03-10"), d("2027-03-11"), d("2027-05-17")],
                "the dates the SKB sets before the sidang isbat"
            );
            // An estimated date is still closed: the office follows the SKB.
            let c = WorkCalendar::new(data.clone()).unwrap();
            assert!(estimated.iter().all(|&e| !c.is_working_day(e)));
            // The JSON carries the mark only where it is true.
            let json = serde_json::to_value(&data).unwrap();
            let holidays = json["holidays"].as_array().unwrap();
            let of = |date: &str| holidays.iter().find(|h| h["date"] == date).unwrap();
            assert_eq!(of("2027-03-10")["estimated"], true);
            assert!(of("2027-03-09").get("estimated").is_none());
            assert_eq!(serde_json::from_value::<CalendarData>(json).unwrap(), data);
        }

        #[test]
        fn an_estimate_across_new_year_2027_counts_the_2027_holidays() {
            let c = WorkCalendar::new(real()).unwrap();
            // Applying on Friday 4 December 2026 at 10:00 WIB for 20 hari kerja. By hand, the
            // working days after 4 December, each ending a day of work at 10:00:
            //   7–11 Dec (5), 14–18 Dec (10), 21–23 Dec (13; 24 Dec cuti bersama Natal,
            //   25 Dec Natal), 28–31 Dec (17), 1 Jan 2027 Tahun Baru (closed), 4 Jan (18),
            //   5 Jan Isra Mikraj (closed), 6 Jan (19), 7 Jan (20).
            // So it finishes on Thursday 7 January 2027 at 10:00. Without the 2027 holidays
            // (weekends only) it would be Tuesday 5 January.
            let now = c.local_to_utc_ms(t("2026-12-04 10:00"));
            assert_eq!(
                c.finish_estimate(now, 20 * DAY, 20 * DAY),
                (t("2027-01-07 10:00"), t("2027-01-07 10:00"))
            );
            assert!(!c.is_working_day(d("2027-01-01")) && !c.is_working_day(d("2027-01-05")));
            assert_eq!(
                c.working_minutes_between(t("2026-12-04 10:00"), t("2027-01-07 10:00")),
                20 * DAY
            );
        }
    }
}
