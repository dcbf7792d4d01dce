//! The catalogue search over the real data in `data/`: the queries citizens and staff type,
//! and the SOP each must put first.

#![cfg(feature = "loader")]

use std::path::PathBuf;
use std::sync::OnceLock;
use std::time::Instant;

use sop_domain::catalogue::{Audience, Catalogue};
use sop_domain::loader::load_dir;
use sop_domain::search::{highlight, Field, Filter, Hit, SearchIndex};

/// (query as typed, id of the SOP that must come first)
const FIRST_RESULT: &[(&str, &str)] = &[
    ("kartu kuning", "kartu-ak1"),
    ("Kartu Kuning", "kartu-ak1"),
    ("kartu kunign", "kartu-ak1"),
    ("kartu kun", "kartu-ak1"),
    ("ak1", "kartu-ak1"),
    ("ak-1", "kartu-ak1"),
    ("ak 1", "kartu-ak1"),
    ("AK1", "kartu-ak1"),
    ("jht", "jht"),
    ("JHT", "jht"),
    ("jaminan hari tua", "jht"),
    ("jaminan hari tau", "jht"),
    ("jamnan hari tua", "jht"),
    ("53/DPTTK", "jht"),
    ("53 / dpttk", "jht"),
    ("53/DPTTK/TU-1/I/2025", "jht"),
    ("53 / DPTTK / TU - 1 / I / 2025", "jht"),
    ("bpjs", "jht"),
    ("tka", "imta"),
    ("imta", "imta"),
    ("tenaga kerja asing", "imta"),
    ("izin tenaga kerja asing", "imta"),
    ("pkb", "pkb"),
    ("perjanjian kerja bersama", "pkb"),
    ("sp/sb", "sp-sb"),
    ("SP/SB", "sp-sb"),
    ("spsb", "sp-sb"),
    ("serikat pekerja", "sp-sb"),
    ("serikat buruh", "sp-sb"),
    ("serikat pekrja", "sp-sb"),
    ("lks", "lks-bipartit"),
    ("bipartit", "lks-bipartit"),
    ("blk", "pelatihan-blk"),
    ("balai latihan kerja", "pelatihan-blk"),
    ("cuti", "cuti-tahunan"),
    ("surat cuti", "cuti-tahunan"),
    ("pangkat", "kenaikan-pangkat"),
    ("naik pangkat", "kenaikan-pangkat"),
    ("rotan", "rotan-setengah-jadi"),
    ("transmigrasi", "pencadangan-tanah"),
    ("perselisihan", "perselisihan"),
    ("perselisihn", "perselisihan"),
    ("mediasi", "perselisihan"),
    ("peraturan perusahaan", "pengesahan-pp"),
    ("pengesahan peraturan perusahaan", "pengesahan-pp"),
    ("pengesahan pp", "pengesahan-pp"),
    ("pengasahan", "pengesahan-pp"),
    ("npd", "npd"),
    ("nota permintaan dana", "npd"),
    ("tpp", "tpp"),
    ("tambahan penghasilan", "tpp"),
    ("desain", "desain-produk-ikm"),
    ("tamu", "penerimaan-tamu-hampangen"),
    ("pencari kerja", "pelatihan-pencaker"),
    ("pencaker", "kartu-ak1"),
    ("magang", "pelatihan-pencaker"),
    ("renja", "renja"),
    ("rencana kerja", "renja"),
    ("investor", "kerjasama-hampangen"),
    ("kawasan industri hampangen", "kerjasama-hampangen"),
    ("bimtek ikm", "pelatihan-ikm"),
    ("pencadangan tanah", "pencadangan-tanah"),
    ("surat keterangan untuk jht", "jht"),
    ("bursa kerja", "kartu-ak1"),
    ("Jaminan Hári Túa", "jht"),
];

fn data_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../data")
}

fn catalogue() -> &'static Catalogue {
    static C: OnceLock<Catalogue> = OnceLock::new();
    C.get_or_init(|| match load_dir(&data_dir()) {
        Ok(c) => c,
        Err(e) => panic!("data/ does not validate ({} errors):\n{e}", e.len()),
    })
}

fn index() -> &'static SearchIndex {
    static I: OnceLock<SearchIndex> = OnceLock::new();
    I.get_or_init(|| SearchIndex::new(catalogue()))
}

fn ids(hits: &[Hit]) -> Vec<&'static str> {
    hits.iter()
        .map(|h| &*catalogue().sops[h.sop_index].id)
        .collect()
}

fn search(query: &str) -> Vec<&'static str> {
    ids(&index().search(query, &Filter::default()))
}

#[test]
fn realistic_queries_put_the_right_sop_first() {
    let mut failures = Vec::new();
    for (query, expected) in FIRST_RESULT {
        let found = search(query);
        if found.first() != Some(expected) {
            failures.push(format!(
                "{query:?}: expected {expected}, got {:?}",
                &found[..found.len().min(4)]
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn the_rotan_sops_of_hampangen_lead_a_rotan_search() {
    let found = search("rotan");
    let hampangen: Vec<&str> = catalogue()
        .sops_in_unit("upt-rotan-hampangen")
        .map(|s| &*s.id)
        .collect();
    let leading = &found[..hampangen.len().min(found.len())];
    assert!(leading.iter().all(|id| hampangen.contains(id)), "{found:?}");
}

#[test]
fn job_seekers_see_both_of_their_services_on_top() {
    for query in ["pencari kerja", "pencaker"] {
        let found = search(query);
        let mut top: Vec<&str> = found.iter().take(2).copied().collect();
        top.sort();
        assert_eq!(
            top,
            ["kartu-ak1", "pelatihan-pencaker"],
            "{query:?}: {found:?}"
        );
    }
}

#[test]
fn every_sop_is_found_first_by_its_title_and_its_number() {
    for sop in catalogue().sops.iter() {
        assert_eq!(
            search(&sop.title).first(),
            Some(&&*sop.id),
            "{}",
            sop.title
        );
        if !sop.number.is_empty() {
            assert_eq!(
                search(&sop.number).first(),
                Some(&&*sop.id),
                "{}",
                sop.number
            );
            let normalized = &sop.number_normalized;
            assert_eq!(
                search(normalized).first(),
                Some(&&*sop.id),
                "{normalized}"
            );
        }
    }
}

#[test]
fn every_alias_finds_its_sop_first() {
    let mut failures = Vec::new();
    for sop in catalogue().sops.iter() {
        for alias in sop.aliases.iter() {
            let found = search(alias);
            if found.first() != Some(&&*sop.id) {
                failures.push(format!(
                    "{}: alias {alias:?} gives {:?}",
                    sop.id,
                    &found[..found.len().min(3)]
                ));
            }
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn filters_narrow_the_real_catalogue() {
    let blk_only = Filter {
        unit_group: Some("upt-blk".into()),
        audience: None,
    };
    assert_eq!(
        ids(&index().search("pelatihan", &blk_only)),
        ["pelatihan-blk"]
    );
    let internal = Filter {
        unit_group: None,
        audience: Some(Audience::Internal),
    };
    let found = ids(&index().search("", &internal));
    let expected: Vec<&str> = catalogue()
        .sops
        .iter()
        .filter(|s| s.audience == Audience::Internal)
        .map(|s| &*s.id)
        .collect();
    assert_eq!(found, expected);
    // A public service is not found among the internal ones, even by its exact name.
    assert!(index().search("kartu kuning", &internal).is_empty());
}

#[test]
fn hits_say_what_matched_and_where() {
    let hits = index().search("kartu kuning", &Filter::default());
    let first = &hits[0];
    assert_eq!(first.matched_terms, ["kartu", "kuning"]);
    assert!(
        first.fields.starts_with(&[Field::Title, Field::Alias]),
        "{:?}",
        first.fields
    );
    let title = &catalogue().sops[first.sop_index].title;
    let marked: Vec<String> = highlight(title, &first.matched_terms)
        .into_iter()
        .filter(|(_, m)| *m)
        .map(|(s, _)| s)
        .collect();
    assert_eq!(marked, ["Kartu", "Kartu", "Kuning"]);
}

#[test]
fn nothing_found_offers_queries_that_find_something() {
    for (query, expected) in [
        ("kartu kunnnig", "kartu kuning"),
        ("xyzzy", "kartu kuning"),
        ("perselisiahnn", "perselisihan"),
    ] {
        assert!(
            search(query).is_empty(),
            "{query:?} finds {:?}",
            search(query)
        );
        let offered = index().suggestions(query, &Filter::default());
        assert!(
            offered.iter().any(|s| s == expected),
            "{query:?}: {offered:?}"
        );
        for suggestion in &offered {
            assert!(!search(suggestion).is_empty(), "{suggestion:?}");
        }
    }
}

/// Microseconds per call of `search(query)`, the median of a few timed rounds.
fn time_of(index: &SearchIndex, query: &str) -> f64 {
    let filter = Filter::default();
    let mut rounds: Vec<f64> = (0..3)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..5 {
                std::hint::black_box(index.search(std::hint::black_box(query), &filter));
            }
            start.elapsed().as_secs_f64() * 1e6 / 5.0
        })
        .collect();
    rounds.sort_by(|a, b| a.total_cmp(b));
    rounds[rounds.len() / 2]
}

fn summary(mut samples: Vec<f64>) -> String {
    samples.sort_by(|a, b| a.total_cmp(b));
    format!(
        "{} queries: median {:.1} µs, p90 {:.1} µs, max {:.1} µs",
        samples.len(),
        samples[samples.len() / 2],
        samples[samples.len() * 9 / 10],
        samples[samples.len() - 1]
    )
}

/// Not an assertion (timings vary with the machine): run with `--nocapture` (and
/// `--release` for the native figure) to see the numbers.
#[test]
fn time_per_query() {
    let index = index();
    let whole: Vec<f64> = FIRST_RESULT
        .iter()
        .map(|(q, _)| time_of(index, q))
        .collect();
    // Every prefix, as the view sees the query while it is typed.
    let typing: Vec<f64> = FIRST_RESULT
        .iter()
        .flat_map(|(q, _)| {
            (1..=q.len())
                .filter(|e| q.is_char_boundary(*e))
                .map(|e| &q[..e])
        })
        .map(|typed| time_of(index, typed))
        .collect();
    // What an empty result costs: the search, then the suggestions.
    let nothing_found: Vec<f64> = ["kartu kunnnig", "xyzzy", "perselisiahnn", "cuti melahirkan"]
        .iter()
        .map(|q| {
            let start = Instant::now();
            for _ in 0..10 {
                std::hint::black_box(index.suggestions(q, &Filter::default()));
            }
            start.elapsed().as_secs_f64() * 1e6 / 10.0
        })
        .collect();
    let build = Instant::now();
    std::hint::black_box(SearchIndex::new(catalogue()));
    let build_ms = build.elapsed().as_secs_f64() * 1e3;
    println!(
        "search over {} SOPs: realistic {}; while typing {}; suggestions {}; index build {build_ms:.2} ms",
        catalogue().sops.len(),
        summary(whole),
        summary(typing),
        summary(nothing_found),
    );
}

#[test]
fn a_word_being_typed_finds_its_sops() {
    // Each prefix of "pengesahan" keeps Pengesahan PP in the list; "penga" reaches it only
    // with one slip, so SOPs whose words start with "penga" (pengajuan) come first.
    for typed in [
        "pen", "peng", "penge", "pengesa", "penga", "pengas", "pengasah",
    ] {
        assert!(
            search(typed).contains(&"pengesahan-pp"),
            "{typed:?}: {:?}",
            search(typed)
        );
    }
    let penga = index().search("penga", &Filter::default());
    let pp = penga
        .iter()
        .find(|h| catalogue().sops[h.sop_index].id == "pengesahan-pp")
        .unwrap();
    assert!(penga[0].score > pp.score);
    assert_eq!(search("pengesa")[0], "pengesahan-pp");
}
