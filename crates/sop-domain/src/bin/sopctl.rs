//! `sopctl`: check and export the SOP data (feature `loader`).
//!
//! ```text
//! sopctl check <data_dir>              list every problem (exit 1 if any), then a summary
//! sopctl export <data_dir> <out.json>  write the catalogue as compact JSON
//! sopctl synth-cases <data_dir> <count> <out.json> [--seed N] [--now UNIX_MS]
//!                                      synthetic cases as the app stores them in localStorage
//! ```
//!
//! The export is compact and deterministic (the same data gives the same bytes), so that the
//! published catalogue.json only changes when the data does.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::ExitCode;

use sop_domain::catalogue::Catalogue;
use sop_domain::findings::FindingKind;
use sop_domain::loader::{load_dir, LoadErrors};

const USAGE: &str = "usage:
  sopctl check <data_dir>               validate data/ and print a summary (exit 1 on any error)
  sopctl export <data_dir> <out.json>   validate data/ and write the catalogue as compact JSON
  sopctl synth-cases <data_dir> <count> <out.json> [--seed N] [--now UNIX_MS]
                                        write `count` realistic synthetic cases as a JSON object
                                        of localStorage key -> stored value (what the app writes);
                                        the same seed and --now give the same bytes (--now
                                        defaults to the current UTC day at 00:00)";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["check", dir] => check(Path::new(dir)),
        ["export", dir, out] => export(Path::new(dir), Path::new(out)),
        ["synth-cases", dir, count, out, rest @ ..] => match synth::Options::parse(count, rest) {
            Ok(opts) => synth::run(Path::new(dir), Path::new(out), &opts),
            Err(e) => {
                eprintln!("{e}\n{USAGE}");
                ExitCode::from(2)
            }
        },
        ["-h" | "--help" | "help"] => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn load(dir: &Path) -> Result<Catalogue, ExitCode> {
    load_dir(dir).map_err(|errors: LoadErrors| {
        eprintln!("{errors}");
        eprintln!("{} error(s) in {}", errors.len(), dir.display());
        ExitCode::FAILURE
    })
}

fn check(dir: &Path) -> ExitCode {
    let catalogue = match load(dir) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let steps: usize = catalogue.sops.iter().map(|s| s.steps.len()).sum();
    println!(
        "ok: {} SOPs, {} steps, {} units, {} holidays, {} findings",
        catalogue.sops.len(),
        steps,
        catalogue.units.len(),
        catalogue.calendar.holidays.len(),
        catalogue.findings.len()
    );
    let mut by_kind: BTreeMap<FindingKind, usize> = BTreeMap::new();
    for f in catalogue.findings.iter() {
        *by_kind.entry(f.kind).or_default() += 1;
    }
    for kind in FindingKind::ALL {
        if let Some(n) = by_kind.get(&kind) {
            println!("  {:<22} {n:>4}", kind.as_str());
        }
    }
    ExitCode::SUCCESS
}

fn export(dir: &Path, out: &Path) -> ExitCode {
    let catalogue = match load(dir) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let json = match serde_json::to_string(&catalogue) {
        Ok(j) => j,
        Err(e) => {
            eprintln!("cannot serialise the catalogue: {e}");
            return ExitCode::FAILURE;
        }
    };
    if let Err(e) = std::fs::write(out, json.as_bytes()) {
        eprintln!("cannot write {}: {e}", out.display());
        return ExitCode::FAILURE;
    }
    println!(
        "wrote {} ({} SOPs, {} bytes)",
        out.display(),
        catalogue.sops.len(),
        json.len()
    );
    ExitCode::SUCCESS
}

/// `synth-cases`: realistic synthetic cases for the benchmark and the tests, written exactly as
/// the app stores them (every case saved in creation order through `store::plan_save`, so the
/// index shards and the meta are the app's own).
mod synth {
    use std::collections::{BTreeMap, HashMap};
    use std::path::Path;
    use std::process::ExitCode;

    use chrono::{Duration as ChronoDuration, NaiveDateTime};
    use sop_domain::calendar::WorkCalendar;
    use sop_domain::case::{apply, next_number, step_standard_minutes, Action, Case, CaseFields};
    use sop_domain::catalogue::{Answer, Catalogue, DecisionTarget, Sop};
    use sop_domain::store::{self, plan_save, shard_key_for, storage_units, META_KEY};

    const MINUTE_MS: i64 = 60_000;
    const DAY_MS: i64 = 24 * 60 * MINUTE_MS;
    /// The window the cases are spread over, back from `now`.
    const HISTORY_DAYS: i64 = 730;
    /// Cases younger than this are often still open; older ones rarely.
    const RECENT_DAYS: i64 = 30;

    const STAFF: [&str; 6] = [
        "Rina Wati",
        "Budi Santoso",
        "Siti Aminah",
        "Yohanes Dingu",
        "Dewi Lestari",
        "Agus Salim",
    ];
    const FIRST_NAMES: [&str; 16] = [
        "Ahmad",
        "Sri",
        "Yulius",
        "Maria",
        "Hendra",
        "Nurul",
        "Rudi",
        "Desi",
        "Fransiskus",
        "Wahyuni",
        "Bambang",
        "Lilis",
        "Teguh",
        "Marlina",
        "Imanuel",
        "Fitri",
    ];
    const LAST_NAMES: [&str; 14] = [
        "Saputra",
        "Handayani",
        "Nyahu",
        "Simanjuntak",
        "Rahman",
        "Kusuma",
        "Pratama",
        "Lestari",
        "Ngabut",
        "Hidayat",
        "Sari",
        "Tarigan",
        "Wijaya",
        "Anggraini",
    ];
    const COMPANIES: [&str; 8] = [
        "PT Katingan Hijau Lestari",
        "CV Rotan Mendawai",
        "PT Sawit Kasongan Makmur",
        "KSU Tambun Bungai",
        "PT Karya Hampangen",
        "CV Pelita Katingan",
        "UD Anyaman Tumbang Samba",
        "PT Bumi Pulang Pisau",
    ];
    const NOTES: [&str; 5] = [
        "Pemohon menelepon menanyakan perkembangan.",
        "Berkas asli sudah dikembalikan kepada pemohon.",
        "Menunggu tanda tangan Kepala Dinas (sedang dinas luar).",
        "Surat sudah diambil pemohon.",
        "Fotokopi KTP kurang jelas, diminta ulang.",
    ];
    const CANCEL_REASONS: [&str; 3] = [
        "Pemohon menarik permohonannya.",
        "Pemohon tidak melengkapi berkas dalam 30 hari.",
        "Permohonan ganda, sudah dicatat dengan nomor lain.",
    ];

    pub struct Options {
        count: usize,
        seed: u64,
        now_ms: Option<i64>,
    }

    impl Options {
        pub fn parse(count: &str, rest: &[&str]) -> Result<Options, String> {
            let count = count
                .parse()
                .map_err(|_| format!("count {count:?} is not a number"))?;
            let mut opts = Options {
                count,
                seed: 1,
                now_ms: None,
            };
            let mut it = rest.iter();
            while let Some(flag) = it.next() {
                let value = it.next().ok_or_else(|| format!("{flag} needs a value"))?;
                match *flag {
                    "--seed" => {
                        opts.seed = value
                            .parse()
                            .map_err(|_| format!("--seed {value:?} is not a number"))?
                    }
                    "--now" => {
                        opts.now_ms = Some(
                            value
                                .parse()
                                .map_err(|_| format!("--now {value:?} is not UTC milliseconds"))?,
                        )
                    }
                    other => return Err(format!("unknown option {other}")),
                }
            }
            Ok(opts)
        }
    }

    /// xorshift64*: small, deterministic, good enough to pick names and minutes.
    struct Rng(u64);

    impl Rng {
        fn new(seed: u64) -> Rng {
            // A zero state would stay zero; mix the seed so that 1, 2, 3 differ from the start.
            Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
        }
        fn next(&mut self) -> u64 {
            let mut x = self.0;
            x ^= x >> 12;
            x ^= x << 25;
            x ^= x >> 27;
            self.0 = x;
            x.wrapping_mul(0x2545_F491_4F6C_DD1D)
        }
        /// Uniform in `0..n` (n > 0).
        fn below(&mut self, n: u64) -> u64 {
            self.next() % n.max(1)
        }
        /// True with probability `p`.
        fn chance(&mut self, p: f64) -> bool {
            (self.next() >> 11) as f64 / (1u64 << 53) as f64 <= p
        }
        fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
            &items[self.below(items.len() as u64) as usize]
        }
        /// Uniform float in `lo..hi`.
        fn between(&mut self, lo: f64, hi: f64) -> f64 {
            lo + (hi - lo) * ((self.next() >> 11) as f64 / (1u64 << 53) as f64)
        }
    }

    pub fn run(dir: &Path, out: &Path, opts: &Options) -> ExitCode {
        let catalogue = match super::load(dir) {
            Ok(c) => c,
            Err(code) => return code,
        };
        let calendar = match WorkCalendar::new(catalogue.calendar.clone()) {
            Ok(c) => c,
            Err(e) => {
                eprintln!("calendar: {}", e.0);
                return ExitCode::FAILURE;
            }
        };
        let now_ms = opts.now_ms.unwrap_or_else(|| {
            let ms = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_millis() as i64);
            ms - ms.rem_euclid(DAY_MS)
        });
        let (stored, tally) = match generate(&catalogue, &calendar, opts.count, opts.seed, now_ms) {
            Ok(g) => g,
            Err(e) => {
                eprintln!("{e}");
                return ExitCode::FAILURE;
            }
        };

        let json = match serde_json::to_string(&stored) {
            Ok(j) => j,
            Err(e) => {
                eprintln!("cannot serialise: {e}");
                return ExitCode::FAILURE;
            }
        };
        if let Err(e) = std::fs::write(out, json.as_bytes()) {
            eprintln!("cannot write {}: {e}", out.display());
            return ExitCode::FAILURE;
        }
        let units: usize = stored.iter().map(|(k, v)| storage_units(k, v)).sum();
        println!(
            "wrote {} ({} cases, {} keys, {} UTF-16 units = {:.1}% of the {} the codec plans for)",
            out.display(),
            opts.count,
            stored.len(),
            units,
            units as f64 * 100.0 / store::QUOTA_CODE_UNITS as f64,
            store::QUOTA_CODE_UNITS
        );
        for (label, n) in tally {
            println!("  {label:<20} {n:>6}");
        }
        ExitCode::SUCCESS
    }

    /// localStorage as the app would leave it: key → stored value.
    type Stored = BTreeMap<String, String>;
    /// How many cases ended in each status (and how many are over their mutu baku).
    type Tally = BTreeMap<&'static str, usize>;

    /// The localStorage entries of `count` synthetic cases, and how many ended in each
    /// status. Deterministic for (`seed`, `now_ms`).
    pub fn generate(
        catalogue: &Catalogue,
        calendar: &WorkCalendar,
        count: usize,
        seed: u64,
        now_ms: i64,
    ) -> Result<(Stored, Tally), String> {
        let mut rng = Rng::new(seed);
        let sops: Vec<&Sop> = catalogue
            .sops
            .iter()
            .filter(|s| !s.steps.is_empty())
            .collect();

        // Creation times first, sorted, so that the running numbers grow with time as the
        // office gives them out.
        let mut created: Vec<i64> = (0..count)
            .map(|_| {
                let back = rng.below((HISTORY_DAYS * DAY_MS) as u64) as i64;
                office_moment(calendar, now_ms - back, &mut rng)
            })
            .filter(|t| *t < now_ms)
            .collect();
        while created.len() < count {
            created.push(office_moment(
                calendar,
                now_ms - HISTORY_DAYS * DAY_MS,
                &mut rng,
            ));
        }
        created.sort_unstable();

        let mut numbers: HashMap<&str, Vec<String>> = HashMap::new();
        let mut stored = Stored::new();
        let mut tally = Tally::new();
        for t0 in created {
            let sop = *rng.pick(&sops);
            let existing = numbers.entry(&*sop.code).or_default();
            let (id, number) = next_number(
                sop,
                existing.iter().map(String::as_str),
                calendar.utc_ms_to_local(t0),
            );
            existing.push(number.clone());
            let case = synth_case(sop, calendar, &id, &number, t0, now_ms, &mut rng);
            *tally.entry(case.status.label()).or_default() += 1;
            if case.case_overdue(sop, now_ms, calendar) {
                *tally.entry("melewati waktu baku").or_default() += 1;
            }
            let shard_key = shard_key_for(case.created_ms);
            let (writes, _) = plan_save(
                &case,
                sop,
                calendar,
                stored.get(&shard_key).map(String::as_str),
                stored.get(META_KEY).map(String::as_str),
            )
            .map_err(|e| format!("cannot plan the save of {}: {e}", case.id))?;
            for (k, v) in writes.set {
                stored.insert(k, v);
            }
            for k in writes.remove {
                stored.remove(&k);
            }
        }
        Ok((stored, tally))
    }

    /// A moment during office hours on or after `around` (UTC ms).
    fn office_moment(calendar: &WorkCalendar, around: i64, rng: &mut Rng) -> i64 {
        let local = calendar.utc_ms_to_local(around);
        let opening = calendar.next_opening(local.date().and_hms_opt(0, 0, 0).unwrap_or(local));
        let at = calendar.add_working_minutes(opening, rng.below(7 * 60));
        calendar.local_to_utc_ms(at) + rng.below(60) as i64 * 1000
    }

    /// `minutes` of office time after `t` (UTC ms), as UTC ms.
    fn after_work(calendar: &WorkCalendar, t: i64, minutes: u64) -> i64 {
        let at: NaiveDateTime = calendar.add_working_minutes(calendar.utc_ms_to_local(t), minutes);
        calendar.local_to_utc_ms(at).max(t) + 1000
    }

    fn applicant(sop: &Sop, rng: &mut Rng) -> String {
        // Company matters (PKB, LKS, rotan) are mostly filed by companies.
        let by_company = matches!(
            &*sop.id,
            "pkb" | "lks-bipartit" | "pengesahan-pp" | "rotan-setengah-jadi" | "sp-sb" | "imta"
        );
        if by_company || rng.chance(0.15) {
            rng.pick(&COMPANIES).to_string()
        } else {
            format!("{} {}", rng.pick(&FIRST_NAMES), rng.pick(&LAST_NAMES))
        }
    }

    /// The working minutes one visit of a step takes: mostly within its mutu baku, sometimes
    /// over it (those cases are "melewati waktu baku").
    fn step_minutes(standard: Option<u64>, rng: &mut Rng) -> u64 {
        let base = standard.unwrap_or_else(|| 15 + rng.below(240)) as f64;
        let factor = if rng.chance(0.015) {
            rng.between(1.1, 3.0)
        } else {
            rng.between(0.2, 1.0)
        };
        ((base * factor).round() as u64).max(1)
    }

    /// A uid of the size the app makes (16 base64url characters, 96 bits), drawn from the id
    /// and time rather than from `rng`, so that adding it left every other synthetic value as
    /// it was.
    fn synth_uid(id: &str, t0: i64) -> String {
        const ALPHABET: &[u8; 64] =
            b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        let mut h = Rng::new(id.bytes().fold(t0 as u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        }));
        let (a, b) = (h.next(), h.next());
        (0..16)
            .map(|i| {
                let bits = if i < 10 {
                    a >> (6 * i)
                } else {
                    b >> (6 * (i - 10))
                };
                char::from(ALPHABET[(bits & 63) as usize])
            })
            .collect()
    }

    /// One case walked from creation as the staff would, stopping at `now_ms` at the latest.
    fn synth_case(
        sop: &Sop,
        calendar: &WorkCalendar,
        id: &str,
        number: &str,
        t0: i64,
        now_ms: i64,
        rng: &mut Rng,
    ) -> Case {
        let fields = CaseFields {
            applicant: applicant(sop, rng),
            contact: format!(
                "08{:02}-{:04}-{:04}",
                11 + rng.below(12),
                rng.below(10_000),
                rng.below(10_000)
            ),
            subject: format!("Permohonan {}", sop.title),
            notes: if rng.chance(0.1) {
                "Diantar langsung ke loket.".to_string()
            } else {
                String::new()
            },
        };
        let mut actor = *rng.pick(&STAFF);
        let uid = synth_uid(id, t0);
        let Ok(mut case) = Case::create(sop, &fields, id, number, &uid, t0, actor) else {
            unreachable!("the synthetic fields are valid")
        };
        let recent = now_ms - t0 < RECENT_DAYS * DAY_MS;
        // Where an open case stops: most recent cases are still being worked on; a few old
        // ones were forgotten (and are long over their mutu baku).
        let stop_open = if (recent && rng.chance(0.5)) || rng.chance(0.02) {
            Some(rng.below(sop.steps.len() as u64) as usize)
        } else {
            None
        };
        let cancel_at = (stop_open.is_none() && rng.chance(0.04))
            .then(|| rng.below(sop.steps.len() as u64) as usize);
        let mut t = t0;
        let act = |case: &mut Case, action: Action, at: i64, who: &str| -> bool {
            if at >= now_ms {
                return false;
            }
            match apply(case, sop, &action, at, who) {
                Ok(next) => {
                    *case = next;
                    true
                }
                Err(_) => false,
            }
        };
        let mut moves = 0;
        while let Some(i) = case.current {
            moves += 1;
            if moves > 3 * sop.steps.len() {
                break;
            }
            if rng.chance(0.3) {
                actor = *rng.pick(&STAFF);
            }
            if cancel_at == Some(i) {
                let reason = rng.pick(&CANCEL_REASONS).to_string();
                act(&mut case, Action::Cancel { reason }, t + MINUTE_MS, actor);
                break;
            }
            // Waiting in the tray before someone picks the step up.
            t = after_work(calendar, t, rng.below(90));
            let open_here = stop_open == Some(i);
            if open_here && rng.chance(0.4) {
                break; // waiting, not started
            }
            if !act(&mut case, Action::StartStep { step: i }, t, actor) {
                break;
            }
            if i == 0 && !sop.requirements.is_empty() {
                for item in 0..sop.requirements.len() {
                    if rng.chance(0.8) {
                        t += 20_000;
                        let tick = Action::TickChecklist {
                            step: 0,
                            item,
                            ticked: true,
                        };
                        act(&mut case, tick, t, actor);
                    }
                }
            }
            let mut minutes = step_minutes(step_standard_minutes(sop, i), rng);
            if minutes >= 2 && rng.chance(0.1) {
                // Paused half way (lunch, a meeting), resumed later for the other half.
                let half = after_work(calendar, t, minutes / 2);
                if act(&mut case, Action::PauseStep { step: i }, half, actor) {
                    t = after_work(calendar, half, 30 + rng.below(240));
                    if !act(&mut case, Action::ResumeStep { step: i }, t, actor) {
                        break;
                    }
                    minutes -= minutes / 2;
                }
            }
            if rng.chance(0.08) {
                let note = Action::AddNote {
                    step: Some(i),
                    text: rng.pick(&NOTES).to_string(),
                };
                act(&mut case, note, t + 30_000, actor);
            }
            if open_here {
                break; // running (or paused) now
            }
            t = after_work(calendar, t, minutes);
            let finish = match &sop.steps[i].decision {
                None => Action::FinishStep { step: i },
                Some(d) => {
                    // "Tidak" that leads back is answered a few times; one that rejects, rarely.
                    let no_rate = match d.no {
                        DecisionTarget::Rejected => 0.07,
                        DecisionTarget::Step(_) if case.steps[i].visits <= 1 => 0.12,
                        DecisionTarget::Step(_) => 0.03,
                    };
                    let answer = if rng.chance(no_rate) {
                        Answer::No
                    } else {
                        Answer::Yes
                    };
                    Action::Decide { step: i, answer }
                }
            };
            if !act(&mut case, finish, t, actor) {
                break;
            }
        }
        if !case.is_open() && rng.chance(0.05) {
            let note = Action::AddNote {
                step: None,
                text: NOTES[3].to_string(),
            };
            let later = t + ChronoDuration::days(1 + rng.below(5) as i64).num_milliseconds();
            act(&mut case, note, later, actor);
        }
        case
    }

    #[cfg(test)]
    mod tests {
        use super::*;
        use sop_domain::case::CaseStatus;
        use sop_domain::loader::load_dir;
        use sop_domain::store::load_all;

        /// Monday 30 November 2026, 00:00 WIB.
        const NOW: i64 = 1_795_971_600_000;

        #[test]
        fn synthetic_cases_are_what_the_app_stores_and_repeat_for_a_seed() {
            let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data"));
            let catalogue = load_dir(dir).expect("the real catalogue loads");
            let calendar = WorkCalendar::new(catalogue.calendar.clone()).expect("calendar");
            let (a, tally) = generate(&catalogue, &calendar, 400, 7, NOW).expect("generate");
            let (b, _) = generate(&catalogue, &calendar, 400, 7, NOW).expect("generate");
            assert_eq!(a, b, "the same seed gives the same store");
            let (c, _) = generate(&catalogue, &calendar, 400, 8, NOW).expect("generate");
            assert_ne!(a, c, "another seed gives another store");

            // The app reads it all back: no value quarantined, the index needs no repair.
            let report = load_all(a.iter(), &catalogue, &calendar);
            assert!(
                report.quarantined.is_empty(),
                "{:?}",
                report.quarantined.first()
            );
            assert!(!report.index_rebuilt && report.writes.is_empty());
            assert_eq!(report.cases.len(), 400);
            // Mostly closed, some open, some rejected and cancelled, some overdue, all in the
            // past and within the last two years or so.
            let count = |s: CaseStatus| report.cases.iter().filter(|c| c.status == s).count();
            assert!(count(CaseStatus::Selesai) > 250, "{tally:?}");
            assert!(count(CaseStatus::Berjalan) > 0, "{tally:?}");
            assert!(count(CaseStatus::Ditolak) > 0, "{tally:?}");
            assert!(count(CaseStatus::Dibatalkan) > 0, "{tally:?}");
            assert!(tally.get("melewati waktu baku").is_some_and(|n| *n > 0));
            for c in &report.cases {
                assert!(
                    c.updated_ms <= NOW && c.created_ms >= NOW - (HISTORY_DAYS + 7) * DAY_MS,
                    "{}",
                    c.id
                );
            }
        }
    }
}
