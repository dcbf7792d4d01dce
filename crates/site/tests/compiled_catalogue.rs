//! The catalogue the bundles compile in (build.rs writes it as Rust source) is exactly the one
//! the loader reads from data/: every field, source notes included.

use std::path::Path;

#[test]
fn the_compiled_in_catalogue_equals_the_loaded_one() {
    let loaded = sop_domain::loader::load_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data"))
        .expect("data/ loads");
    let compiled = layanan_sop::catalogue_data::catalogue();
    assert_eq!(compiled.sops.len(), 22);
    assert_eq!(*compiled, loaded);
}

#[test]
fn the_compiled_in_search_index_equals_one_built_from_the_catalogue() {
    let built = sop_domain::search::SearchIndex::new(layanan_sop::catalogue_data::catalogue());
    assert_eq!(*layanan_sop::catalogue_data::search_index(), built);
    let hits = layanan_sop::catalogue_data::search_index().search("kartu kuning", &Default::default());
    assert_eq!(layanan_sop::catalogue_data::catalogue().sops[hits[0].sop_index].id, "kartu-ak1");
}
