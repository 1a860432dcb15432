//! Evidence of a candidate bead: the linkable weight of each side matched and unmatched by the
//! other run, counted in per-thread scratch sets.

use std::cell::RefCell;
use std::ops::Range;

use super::PairFeatures;
use super::side::{MANY_LINKS, SideFeatures};

/// Matched and unmatched evidence of a candidate bead, in weight units.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Evidence {
    /// Summed weight of the German bead's linkable types that have a partner in its English run.
    pub german_matched: f32,
    /// Summed weight of the German bead's linkable types without a partner in its English run.
    pub german_unmatched: f32,
    /// Summed weight of the English bead's linkable types that have a partner in its German run.
    pub english_matched: f32,
    /// Summed weight of the English bead's linkable types without a partner in its German run.
    pub english_unmatched: f32,
}

impl PairFeatures<'_> {
    /// Matched and unmatched evidence of the bead linking `german` with `english`.
    ///
    /// A linkable type of a German sentence is matched when one of its links occurs in some
    /// English sentence of the bead, and the other way round. With an empty run on either
    /// side, nothing is counted.
    pub fn evidence(&self, german: Range<usize>, english: Range<usize>) -> Evidence {
        if german.is_empty() || english.is_empty() {
            return Evidence::default();
        }
        self.evidence_of(german, english)
    }

    /// [`evidence`](Self::evidence) of a bead whose sides are any sets of sentences, each
    /// given in order (the same numbers as `evidence` for runs).
    pub(crate) fn set_evidence(&self, german: &[usize], english: &[usize]) -> Evidence {
        if german.is_empty() || english.is_empty() {
            return Evidence::default();
        }
        self.evidence_of(german.iter().copied(), english.iter().copied())
    }

    /// The evidence of the bead of the non-empty sentence sets `german` and `english`.
    fn evidence_of(
        &self,
        german: impl Iterator<Item = usize>,
        english: impl Iterator<Item = usize>,
    ) -> Evidence {
        MARKS.with_borrow_mut(|scratch| {
            let Scratch {
                generation,
                german_marks,
                english_marks,
                german_union,
                english_union,
            } = scratch;
            let generation = next_generation(
                generation,
                (german_marks, self.german.types.len()),
                (english_marks, self.english.types.len()),
            );
            let german_set = mark_run(&self.german, german, german_marks, generation, german_union);
            let english_set = mark_run(
                &self.english,
                english,
                english_marks,
                generation,
                english_union,
            );
            if german_set.is_empty() && english_set.is_empty() {
                return Evidence::default();
            }
            let (german_matched, german_unmatched) =
                side_evidence(&self.german, german_set, english_marks, generation);
            let (english_matched, english_unmatched) =
                side_evidence(&self.english, english_set, german_marks, generation);
            Evidence {
                german_matched,
                german_unmatched,
                english_matched,
                english_unmatched,
            }
        })
    }
}

thread_local! {
    /// Scratch of [`PairFeatures::evidence`], one per thread (it runs on many threads at once).
    pub(super) static MARKS: RefCell<Scratch> = const {
        RefCell::new(Scratch {
            generation: 0,
            german_marks: Vec::new(),
            english_marks: Vec::new(),
            german_union: Vec::new(),
            english_union: Vec::new(),
        })
    };
}

/// Membership sets over the type ids of both sides, and room for the union of a run's rows.
///
/// Id `t` is in a side's current set when its mark equals the current generation, so starting
/// new sets costs one increment. The marks are shared by all documents aligned on the thread:
/// they grow, never shrink.
#[derive(Debug)]
pub(super) struct Scratch {
    pub(super) generation: u32,
    german_marks: Vec<u32>,
    english_marks: Vec<u32>,
    german_union: Vec<u32>,
    english_union: Vec<u32>,
}

/// Empties both sets of marks, which hold ids below the given vocabulary sizes from now on,
/// and returns the generation that marks members.
fn next_generation(
    generation: &mut u32,
    (german_marks, german_types): (&mut Vec<u32>, usize),
    (english_marks, english_types): (&mut Vec<u32>, usize),
) -> u32 {
    if german_marks.len() < german_types {
        german_marks.resize(german_types, 0);
    }
    if english_marks.len() < english_types {
        english_marks.resize(english_types, 0);
    }
    if *generation == u32::MAX {
        // Old marks would come back into use: forget them.
        german_marks.fill(0);
        english_marks.fill(0);
        *generation = 0;
    }
    *generation += 1;
    *generation
}

/// Marks the linkable types of the sentences of `run` with `generation` and returns them,
/// each once: the row itself when one sentence has linkable types, else their union in
/// `union`, in order of first occurrence (the marks tell repeats, no sorting needed).
fn mark_run<'s>(
    side: &'s SideFeatures,
    run: impl Iterator<Item = usize>,
    marks: &mut [u32],
    generation: u32,
    union: &'s mut Vec<u32>,
) -> &'s [u32] {
    let mut rows = run.map(|k| side.linkable(k)).filter(|row| !row.is_empty());
    let Some(first) = rows.next() else {
        return &[];
    };
    let Some(second) = rows.next() else {
        // A row holds each type once already.
        for &t in first {
            marks[t as usize] = generation;
        }
        return first;
    };
    union.clear();
    for row in [first, second].into_iter().chain(rows) {
        for &t in row {
            let mark = &mut marks[t as usize];
            if *mark != generation {
                *mark = generation;
                union.push(t);
            }
        }
    }
    union
}

/// Matched and unmatched weight of the types in `own`, where the other run's types are those
/// marked with `generation` in `other`.
fn side_evidence(side: &SideFeatures, own: &[u32], other: &[u32], generation: u32) -> (f32, f32) {
    let (mut matched, mut unmatched) = (0.0, 0.0);
    for &t in own {
        let (weight, link) = side.evidence_links[t as usize];
        let hit = if link != MANY_LINKS {
            other[link as usize] == generation
        } else {
            side.links(t)
                .iter()
                .any(|&l| other[l as usize] == generation)
        };
        if hit {
            matched += weight;
        } else {
            unmatched += weight;
        }
    }
    (matched, unmatched)
}
