//! The named gold sets of `../shared/data` (not shipped with the crate), for `evaluate` and
//! `calibration`.
#![allow(dead_code)] // each example uses a different part

use std::path::{Path, PathBuf};

use satzweise::Lang;
use satzweise::eval::GoldSet;

/// The names `named` knows.
pub const NAMES: [&str; 4] = ["textberg-dev", "textberg-test", "wmt", "wmt-perturbed"];

/// Where the sets are looked for by default: `../shared/data` beside the checkout.
pub fn default_data() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data")
}

/// What to say when a set is missing: the gold sets are not part of the repository.
pub fn missing_data_help(data: &Path) -> String {
    format!(
        "the gold sets are not in the repository (their licences forbid it): put them in {} \
         (or give --data DIR), one folder per set laid out as NAME.de, NAME.fr|en, \
         NAME.defr|deen: textberg-de-fr/ (Text+Berg dev and test0-test6, the gold of \
         Sennrich and Volk shipped with Bleualign, GPL-2.0), wmt21-de-en/ and \
         wmt21-de-en-perturbed/ (WMT21 newstest2021 de-en, chunked; see the README)",
        data.display()
    )
}

/// The folder `folder` of `data`, or a message naming it with [`missing_data_help`] when it
/// is absent.
pub fn require(data: &Path, folder: &str) -> Result<PathBuf, String> {
    let path = data.join(folder);
    if path.is_dir() {
        Ok(path)
    } else {
        Err(format!(
            "{}: not found\n{}",
            path.display(),
            missing_data_help(data)
        ))
    }
}

/// The gold set called `name` under `data`, and the language of its other side.
pub fn named(data: &Path, name: &str) -> Result<(GoldSet, Lang), String> {
    let opened = match name {
        "textberg-dev" => GoldSet::with_documents(data.join("textberg-de-fr"), "fr", ["dev"])
            .map(|s| (s, Lang::Fr)),
        "textberg-test" => GoldSet::with_documents(
            data.join("textberg-de-fr"),
            "fr",
            (0..7).map(|k| format!("test{k}")),
        )
        .map(|s| (s, Lang::Fr)),
        "wmt" => GoldSet::open(data.join("wmt21-de-en"), "en").map(|s| (s, Lang::En)),
        "wmt-perturbed" => {
            GoldSet::open(data.join("wmt21-de-en-perturbed"), "en").map(|s| (s, Lang::En))
        }
        _ => {
            return Err(format!(
                "unknown set {name:?} (expected one of {})",
                NAMES.join(", ")
            ));
        }
    };
    opened.map_err(|error| format!("{error}\n{}", missing_data_help(data)))
}
