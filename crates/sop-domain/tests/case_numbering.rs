//! Case numbers: "JHT/0007/XI/2026", running per SOP code per year.

#![cfg(feature = "loader")]

#[path = "case_support.rs"]
mod support;

use std::collections::HashSet;

use chrono::{NaiveDate, NaiveDateTime};
use sop_domain::case::{next_number, parse_case_number, CaseNumber};
use support::*;

fn at(y: i32, m: u32, d: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(y, m, d)
        .unwrap()
        .and_hms_opt(10, 0, 0)
        .unwrap()
}

#[test]
fn next_number_counts_per_code_and_year() {
    // (SOP, existing numbers or ids, now, expected id, expected number)
    let check: [(&str, &[&str], NaiveDateTime, &str, &str); 9] = [
        (
            "jht",
            &[],
            at(2026, 11, 3),
            "jht-2026-0001",
            "JHT/0001/XI/2026",
        ),
        (
            "jht",
            &["JHT/0001/I/2026", "JHT/0002/I/2026"],
            at(2026, 2, 1),
            "jht-2026-0003",
            "JHT/0003/II/2026",
        ),
        // Gaps are not filled: the highest number + 1.
        (
            "jht",
            &["JHT/0001/I/2026", "JHT/0007/III/2026"],
            at(2026, 4, 9),
            "jht-2026-0008",
            "JHT/0008/IV/2026",
        ),
        // Year roll-over: last year's numbers do not count.
        (
            "jht",
            &["JHT/0012/XII/2025"],
            at(2026, 1, 2),
            "jht-2026-0001",
            "JHT/0001/I/2026",
        ),
        (
            "jht",
            &["JHT/0012/XII/2025", "JHT/0003/I/2026"],
            at(2025, 12, 31),
            "jht-2025-0013",
            "JHT/0013/XII/2025",
        ),
        // Other SOPs' numbers do not count, whatever their running number.
        (
            "jht",
            &["PKB/0040/I/2026", "KP/0009/I/2026"],
            at(2026, 5, 1),
            "jht-2026-0001",
            "JHT/0001/V/2026",
        ),
        // Ids (of values that could not be read) reserve their numbers too.
        (
            "kenaikan-pangkat",
            &["kp-2026-0041", "KP/0040/II/2026"],
            at(2026, 9, 30),
            "kp-2026-0042",
            "KP/0042/IX/2026",
        ),
        // Rubbish is ignored.
        (
            "jht",
            &[
                "",
                "JHT",
                "JHT/abc/I/2026",
                "JHT/0005/XIII/2026",
                "jht-2026",
            ],
            at(2026, 6, 1),
            "jht-2026-0001",
            "JHT/0001/VI/2026",
        ),
        // Past 9999 the number just grows.
        (
            "jht",
            &["JHT/9999/XII/2026"],
            at(2026, 12, 31),
            "jht-2026-10000",
            "JHT/10000/XII/2026",
        ),
    ];
    for (sop_id, existing, now, id, number) in check {
        let got = next_number(sop(sop_id), existing.iter().copied(), now);
        assert_eq!(
            got,
            (id.to_string(), number.to_string()),
            "{sop_id} {existing:?} {now}"
        );
    }
}

#[test]
fn parse_case_number_reads_numbers_and_ids() {
    let check = [
        ("JHT/0007/XI/2026", Some(("JHT", 7, 2026))),
        ("jht-2026-0007", Some(("jht", 7, 2026))),
        ("SPSB/0100/I/2025", Some(("SPSB", 100, 2025))),
        ("JHT/0007/11/2026", None),
        ("JHT/0007/XI/2026/1", None),
        ("jht-20x6-0007", None),
        ("-2026-0007", None),
        ("", None),
    ];
    for (text, expect) in check {
        let got = parse_case_number(text).map(
            |CaseNumber {
                 code,
                 running,
                 year,
             }| (code, running, year),
        );
        assert_eq!(got, expect, "{text}");
    }
}

/// A store of 10,000 cases (made independently of `next_number`: 22 SOPs, three years,
/// gaps, some known only by id): every SOP's next number in every year is new and is the
/// highest + 1.
#[test]
fn ten_thousand_stored_cases_never_give_a_number_twice() {
    let cat = catalogue();
    let mut stored: Vec<String> = Vec::with_capacity(10_000);
    let mut highest = std::collections::HashMap::new();
    let mut seed = 0x2545_f491_u64;
    for k in 0..10_000u32 {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let s = &cat.sops[(seed % 22) as usize];
        let year = 2025 + (seed >> 8) as i32 % 3;
        let run = highest.entry((s.code.clone(), year)).or_insert(0u32);
        *run += 1 + (seed >> 16) as u32 % 3; // gaps of up to two numbers
        stored.push(if k % 50 == 0 {
            format!("{}-{year}-{:04}", s.code.to_lowercase(), run)
        } else {
            format!(
                "{}/{:04}/{}/{year}",
                s.code,
                run,
                ["I", "VI", "XII"][k as usize % 3]
            )
        });
    }
    let taken: HashSet<&str> = stored.iter().map(String::as_str).collect();
    assert_eq!(taken.len(), 10_000);
    for s in cat.sops.iter() {
        for year in 2025..=2027 {
            let (id, number) = next_number(s, stored.iter().map(String::as_str), at(year, 7, 1));
            let expect = highest.get(&(s.code.clone(), year)).copied().unwrap_or(0) + 1;
            assert_eq!(number, format!("{}/{expect:04}/VII/{year}", s.code));
            assert!(
                !taken.contains(number.as_str()) && !taken.contains(id.as_str()),
                "{number} is new"
            );
        }
    }
}

/// Numbers given one after the other, as the office creates cases, across SOPs and a new year.
#[test]
fn numbers_given_in_sequence_are_unique_and_gapless() {
    let sops = ["jht", "pkb", "kartu-ak1", "tpp"];
    let mut numbers: Vec<String> = Vec::new();
    let mut ids = HashSet::new();
    for k in 0..1_600u32 {
        let s = sop(sops[(k % 4) as usize]);
        let now = at(2025, 11, 1) + chrono::Duration::hours(i64::from(k));
        let (id, number) = next_number(s, numbers.iter().map(String::as_str), now);
        assert!(ids.insert(id.clone()), "id {id} given twice");
        numbers.push(number);
    }
    let unique: HashSet<&String> = numbers.iter().collect();
    assert_eq!(unique.len(), numbers.len());
    for code in ["JHT", "PKB", "AK1", "TPP"] {
        for year in [2025, 2026] {
            let mut runs: Vec<u32> = numbers
                .iter()
                .filter_map(|n| parse_case_number(n))
                .filter(|n| n.code == code && n.year == year)
                .map(|n| n.running)
                .collect();
            runs.sort_unstable();
            assert!(!runs.is_empty(), "{code} {year}");
            assert_eq!(
                runs,
                (1..=runs.len() as u32).collect::<Vec<_>>(),
                "{code} {year}"
            );
        }
    }
}
