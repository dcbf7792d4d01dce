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
