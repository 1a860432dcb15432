//! What the integration tests (and the fuzz targets, through a `#[path]` module) share:
//! the coverage checker every alignment must pass, and the shared data folder.
#![allow(dead_code)] // every test crate uses a different part

use satzweise::Alignment;

/// Whether `alignment` is a valid alignment of its texts: beads in order, each sentence of
/// both sides in exactly one bead, no bead empty on both sides, every confidence in
/// `[0, 1]` and every cost finite; the first violation, described, otherwise.
pub fn coverage(alignment: &Alignment) -> Result<(), String> {
    let (mut g, mut e) = (0, 0);
    for (k, bead) in alignment.beads().enumerate() {
        let (gr, er) = (bead.german().to_usize(), bead.english().to_usize());
        if (gr.start, er.start) != (g, e) {
            return Err(format!(
                "bead {k} starts at ({}, {}), the previous one ended at ({g}, {e})",
                gr.start, er.start
            ));
        }
        if gr.is_empty() && er.is_empty() {
            return Err(format!("bead {k} is empty on both sides"));
        }
        if !(0.0..=1.0).contains(&bead.confidence()) {
            return Err(format!("bead {k} has confidence {}", bead.confidence()));
        }
        if !bead.cost().is_finite() {
            return Err(format!("bead {k} has cost {}", bead.cost()));
        }
        (g, e) = (gr.end, er.end);
    }
    let sizes = (
        alignment.german_text().len(),
        alignment.english_text().len(),
    );
    if (g, e) != sizes {
        return Err(format!(
            "the beads end at ({g}, {e}), the texts have {sizes:?} sentences"
        ));
    }
    Ok(())
}

/// Panics with the violation unless `alignment` passes [`coverage`].
#[track_caller]
pub fn assert_covers(alignment: &Alignment) {
    if let Err(violation) = coverage(alignment) {
        panic!("not a valid alignment: {violation}");
    }
}

/// `../shared/data` beside the checkout, if it is there; tests that need it skip with a
/// message otherwise.
pub fn shared_data() -> Option<std::path::PathBuf> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data");
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("skipped: {} is absent", dir.display());
        None
    }
}
