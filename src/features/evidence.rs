//! Evidence of a candidate bead: the linkable weight of each side matched and unmatched by the
//! other run.
//!
//! The search asks for the evidence of some twenty beads a lattice cell, all ending at the
//! same sentences, and its cells come row by row. [`EvidenceCounter`] makes that cheap: each
//! thread keeps, for every type of each side, the last sentence of a stretch ending at the
//! bead's end in which the type occurs (a *stamp*). A run `start..end` holds a type exactly
//! when its stamp is at least `start`, so one stamping serves every bead ending there, and
//! moving on by one sentence stamps one sentence. Counting a bead is then one walk over its
//! linkable tokens with an O(1) test each: a token counts at its first occurrence in the run
//! (its distance to the previous occurrence, kept beside the linkable rows, says whether that
//! lies in the run) and is matched when one of its links is stamped inside the other run.
//! The sums run over the tokens in the order the union of the run's rows lists them (first
//! occurrences, in sentence order), so they are the same, to the bit, for any order of calls.

use std::cell::RefCell;
use std::ops::Range;
use std::sync::atomic::{AtomicU64, Ordering};

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
    /// In a merged bead (more than one sentence on a side), the number of its sentences, of
    /// either side, none of whose linkable tokens has a partner in the other run: sentences
    /// that earn nothing in the bead. 0 for a 1-1 bead.
    pub unlinked_sentences: u32,
    /// The summed length (non-space characters) of those sentences.
    pub unlinked_length: f32,
}

impl PairFeatures<'_> {
    /// Matched and unmatched evidence of the bead linking `german` with `english`.
    ///
    /// A linkable type of a German sentence is matched when one of its links occurs in some
    /// English sentence of the bead, and the other way round. With an empty run on either
    /// side, nothing is counted.
    pub(crate) fn evidence(&self, german: Range<usize>, english: Range<usize>) -> Evidence {
        EvidenceCounter::new(self, (german.len(), english.len())).evidence(german, english)
    }

    /// [`evidence`](Self::evidence) of a bead whose sides are any sets of sentences, each
    /// given in order: the same figures as `evidence` for runs, summed in the same order (the
    /// types of each side once, at their first occurrence). For the few beads the reordering
    /// pass tries; the search's beads go through [`EvidenceCounter`].
    pub(crate) fn set_evidence(&self, german: &[usize], english: &[usize]) -> Evidence {
        let (g, e) = (&self.german, &self.english);
        let german: Vec<usize> = german.iter().copied().filter(|&k| k < g.len()).collect();
        let english: Vec<usize> = english.iter().copied().filter(|&k| k < e.len()).collect();
        if german.is_empty() || english.is_empty() {
            return Evidence::default();
        }
        let german_types = types_once(g, &german);
        let english_types = types_once(e, &english);
        let (german_matched, german_unmatched) =
            set_side_evidence(g, &german_types, &english_types);
        let (english_matched, english_unmatched) =
            set_side_evidence(e, &english_types, &german_types);
        let (unlinked_sentences, unlinked_length) = if german.len() + english.len() > 2 {
            let (g_count, g_length) = set_unlinked_sentences(g, &german, &english_types);
            let (e_count, e_length) = set_unlinked_sentences(e, &english, &german_types);
            (g_count + e_count, g_length + e_length)
        } else {
            (0, 0.0)
        };
        Evidence {
            german_matched,
            german_unmatched,
            english_matched,
            english_unmatched,
            unlinked_sentences,
            unlinked_length,
        }
    }
}

/// How many of `sentences` of `side` have no linkable type with a link among `other_types`,
/// and their summed length.
fn set_unlinked_sentences(
    side: &SideFeatures,
    sentences: &[usize],
    other_types: &[u32],
) -> (u32, f32) {
    let other: std::collections::HashSet<u32> = other_types.iter().copied().collect();
    let linked = |t: u32| {
        let (_, link) = side.evidence_links[t as usize];
        if link != MANY_LINKS {
            other.contains(&link)
        } else {
            side.links(t).iter().any(|l| other.contains(l))
        }
    };
    let (mut count, mut length) = (0u32, 0.0f32);
    for &k in sentences {
        if !side.linkable(k).iter().any(|&t| linked(t)) {
            count += 1;
            length += side.lengths()[k];
        }
    }
    (count, length)
}

/// The linkable types of `sentences` of `side`, each once, in order of first occurrence.
fn types_once(side: &SideFeatures, sentences: &[usize]) -> Vec<u32> {
    let mut seen = std::collections::HashSet::new();
    let mut types = Vec::new();
    for &k in sentences {
        for &t in side.linkable(k) {
            if seen.insert(t) {
                types.push(t);
            }
        }
    }
    types
}

/// Matched and unmatched weight of `types` of `side`, where a type is matched when one of its
/// links is among `other_types` (the other side's types).
fn set_side_evidence(side: &SideFeatures, types: &[u32], other_types: &[u32]) -> (f32, f32) {
    let other: std::collections::HashSet<u32> = other_types.iter().copied().collect();
    let (mut matched, mut unmatched) = (0.0f32, 0.0f32);
    for &t in types {
        let weight = side.weights[t as usize];
        let (_, link) = side.evidence_links[t as usize];
        let hit = if link != MANY_LINKS {
            other.contains(&link)
        } else {
            side.links(t).iter().any(|l| other.contains(l))
        };
        matched += if hit { weight } else { 0.0 };
        unmatched += if hit { 0.0 } else { weight };
    }
    (matched, unmatched)
}

/// Counts the evidence of many beads of one document pair, as a search asks for it: the same
/// figures as [`PairFeatures::evidence`], to the
/// bit, at a fraction of the cost when consecutive beads end at or near the same sentences.
/// Usable from any number of threads at once; each keeps its own stamps, for each type the
/// last sentence before the bead's end that holds one of its partners, so that one stamping
/// serves every bead ending at a cell and moving on by one sentence stamps one sentence.
#[derive(Debug, Clone, Copy)]
pub struct EvidenceCounter<'f, 'a> {
    features: &'f PairFeatures<'a>,
    /// Tells this counter's stamps from those of any other (features change between passes).
    pass: u64,
    /// The longest German and English runs of the beads it is asked about (more is allowed,
    /// only slower).
    longest: (usize, usize),
}

/// The source of [`EvidenceCounter::pass`]; 0 is never handed out.
static PASSES: AtomicU64 = AtomicU64::new(1);

impl<'f, 'a> EvidenceCounter<'f, 'a> {
    /// A counter over `features` for beads of at most `longest` German and English sentences.
    pub(crate) fn new(features: &'f PairFeatures<'a>, longest: (usize, usize)) -> Self {
        EvidenceCounter {
            features,
            pass: PASSES.fetch_add(1, Ordering::Relaxed),
            longest: (longest.0.max(1), longest.1.max(1)),
        }
    }

    /// Matched and unmatched evidence of the bead linking `german` with `english` (see
    /// [`PairFeatures::evidence`]).
    pub fn evidence(&self, german: Range<usize>, english: Range<usize>) -> Evidence {
        let (g, e) = (&self.features.german, &self.features.english);
        let german = german.start.min(g.len())..german.end.min(g.len());
        let english = english.start.min(e.len())..english.end.min(e.len());
        if german.is_empty() || english.is_empty() {
            return Evidence::default();
        }
        STAMPS.with_borrow_mut(|stamps| {
            let Stamps {
                german: g_stamps,
                english: e_stamps,
                partials,
            } = stamps;
            let german_floor = g_stamps.cover((g, e), german.clone(), self.pass, self.longest.0);
            let english_floor = e_stamps.cover((e, g), english.clone(), self.pass, self.longest.1);
            let merged = german.len() + english.len() > 2;
            let Partial {
                matched: german_matched,
                unmatched: german_unmatched,
                unlinked: german_unlinked,
                unlinked_length: german_unlinked_length,
            } = partials.german.side_evidence(
                self.pass,
                (g, german.clone()),
                english.clone(),
                (&e_stamps.reached, english_floor),
            );
            let Partial {
                matched: english_matched,
                unmatched: english_unmatched,
                unlinked: english_unlinked,
                unlinked_length: english_unlinked_length,
            } = partials.english.side_evidence(
                self.pass,
                (e, english),
                german,
                (&g_stamps.reached, german_floor),
            );
            Evidence {
                german_matched,
                german_unmatched,
                english_matched,
                english_unmatched,
                unlinked_sentences: if merged {
                    german_unlinked + english_unlinked
                } else {
                    0
                },
                unlinked_length: if merged {
                    german_unlinked_length + english_unlinked_length
                } else {
                    0.0
                },
            }
        })
    }
}

thread_local! {
    /// Stamps of [`EvidenceCounter`], one set per thread (the search runs on many at once).
    pub(super) static STAMPS: RefCell<Stamps> = const {
        RefCell::new(Stamps {
            german: SideStamps::new(),
            english: SideStamps::new(),
            partials: Partials {
                german: PartialCache::new(),
                english: PartialCache::new(),
            },
        })
    };
}

/// The stamps of both sides, and the evidence of each side of recent beads.
#[derive(Debug)]
pub(super) struct Stamps {
    pub(super) german: SideStamps,
    pub(super) english: SideStamps,
    partials: Partials,
}

/// The side evidence of recent beads, of each side, for extending (see [`PartialCache`]).
#[derive(Debug)]
struct Partials {
    german: PartialCache,
    english: PartialCache,
}

/// The evidence of one side of a bead: the sums and the count of [`side_evidence`] so far.
#[derive(Debug, Clone, Copy, Default)]
struct Partial {
    matched: f32,
    unmatched: f32,
    unlinked: u32,
    unlinked_length: f32,
}

/// One side's evidence of a bead of a pass: the key (the pass, and both runs' ends; the slot
/// tells the lengths) and the figures.
#[derive(Debug, Clone, Copy, Default)]
struct PartialSlot {
    pass: u64,
    ends: u64,
    partial: Partial,
}

/// Slots of a [`PartialCache`]: picked by 1 bit of the run's end (the row or column before
/// stays apart from the current one), 5 of the other side's end (a band row of 32 columns)
/// and each run's length (below [`PARTIAL_RUNS`]).
const PARTIAL_SLOTS: usize = 1 << 12;

/// Runs of this many sentences or more are counted whole, never kept.
const PARTIAL_RUNS: usize = 8;

/// One side's evidence of recent beads, so that a bead's side is its neighbour's with one
/// sentence more. The search asks for the beads of a cell row by row: a run `s..e` of this
/// side against the other side's run `r` extends the run `s..e - 1` against `r`, a bead of the
/// cell one row (German) or one column (English) back, which ends at the same sentences of the
/// other side, so that the same stamps serve both. Since the sums run over the run's sentences
/// in order, continuing them with sentence `e - 1` gives the very sums (to the bit) that
/// counting the whole run does; a bead whose neighbour is not in the cache (pruned, outside
/// the band, or overwritten) is counted whole. Each slot holds its whole key, so any order of
/// calls gives the same figures.
#[derive(Debug)]
struct PartialCache {
    slots: Option<Box<[PartialSlot; PARTIAL_SLOTS]>>,
}

/// The slots of a new [`PartialCache`], built on the heap (an array this large built on the
/// stack would make every call probe the stack for it).
#[cold]
fn empty_slots() -> Box<[PartialSlot; PARTIAL_SLOTS]> {
    match vec![PartialSlot::default(); PARTIAL_SLOTS]
        .into_boxed_slice()
        .try_into()
    {
        Ok(slots) => slots,
        Err(_) => unreachable!("the vector holds PARTIAL_SLOTS slots"),
    }
}

impl PartialCache {
    const fn new() -> PartialCache {
        PartialCache { slots: None }
    }

    /// The evidence of this `side`'s `run` against the other side's `other` run, for `pass`,
    /// where `reached` and `floor` tell this side's types with a partner in `other` (see
    /// [`side_evidence`]): extended from the run one sentence shorter when the cache holds it,
    /// else counted whole, and kept.
    #[inline(always)]
    fn side_evidence(
        &mut self,
        pass: u64,
        (side, run): (&SideFeatures, Range<usize>),
        other: Range<usize>,
        (reached, floor): (&[u64], u64),
    ) -> Partial {
        let (length, other_length) = (run.len(), other.len());
        if (length | other_length) >= PARTIAL_RUNS || (run.end | other.end) >> 32 != 0 {
            return side_evidence(side, run.start, run, reached, floor, Partial::default());
        }
        let slots = self.slots.get_or_insert_with(empty_slots);
        let ends = run.end as u64 | (other.end as u64) << 32;
        let index = |end: usize, length: usize| {
            ((end & 1) << 11 | (other.end & 31) << 6 | length << 3 | other_length)
                & (PARTIAL_SLOTS - 1)
        };
        let (mut from, mut partial) = (run.start, Partial::default());
        if length >= 2 {
            let slot = &slots[index(run.end - 1, length - 1)];
            if slot.pass == pass && slot.ends == ends - 1 {
                (from, partial) = (run.end - 1, slot.partial);
            }
        }
        let partial = side_evidence(side, run.start, from..run.end, reached, floor, partial);
        slots[index(run.end, length)] = PartialSlot {
            pass,
            ends,
            partial,
        };
        partial
    }
}

/// Bits of a stamp that hold the sentence; the bits above hold the epoch.
const SENTENCE_BITS: u32 = 40;

/// For each type of the *other* side, the last sentence of this side's `start..end` that holds
/// one of its links, tagged with the epoch of the stamping (`epoch << SENTENCE_BITS |
/// sentence`): a type of the other side has a partner in the run `r..end` of this side exactly
/// when its stamp is at least `epoch << SENTENCE_BITS | r` (links are symmetric).
///
/// Stamps of an older epoch (another stretch, another pass, another document) are smaller than
/// any of the current one, so starting afresh costs one increment; they are forgotten only
/// when the epochs run out. The table is shared by all documents aligned on the thread: it
/// grows, never shrinks.
#[derive(Debug)]
pub(super) struct SideStamps {
    pass: u64,
    pub(super) epoch: u64,
    start: usize,
    end: usize,
    reached: Vec<u64>,
}

impl SideStamps {
    const fn new() -> SideStamps {
        SideStamps {
            pass: 0,
            epoch: 0,
            start: 0,
            end: 0,
            reached: Vec::new(),
        }
    }

    /// The last epoch before the stamps are cleared.
    pub(super) const LAST_EPOCH: u64 = (1 << (64 - SENTENCE_BITS)) - 1;

    /// Makes the stamps cover `run` of `this` side (whose links point into `other`) for `pass`,
    /// stamping as few sentences as it can (none when they already end where `run` does and
    /// start no later; one when the run moved on by one), and returns the least stamp of a
    /// type with a partner in `run`.
    #[inline(always)]
    fn cover(
        &mut self,
        (this, other): (&SideFeatures, &SideFeatures),
        run: Range<usize>,
        pass: u64,
        longest: usize,
    ) -> u64 {
        let reusable = self.pass == pass && self.start <= run.start && self.end <= run.end;
        if reusable && run.end - self.end <= longest {
            for k in self.end..run.end {
                self.stamp(this, k);
            }
        } else {
            if self.reached.len() < other.types.len() {
                self.reached.resize(other.types.len(), 0);
            }
            if self.epoch >= Self::LAST_EPOCH {
                // Old stamps would come back into use: forget them.
                self.reached.fill(0);
                self.epoch = 0;
            }
            self.epoch += 1;
            self.pass = pass;
            // Room for the longest run ending here, so that the other beads of the cell, and
            // those of the next cells, find their sentences stamped.
            self.start = run.start.min(run.end.saturating_sub(longest));
            for k in self.start..run.end {
                self.stamp(this, k);
            }
        }
        self.end = run.end;
        self.epoch << SENTENCE_BITS | run.start as u64
    }

    /// Stamps the partners of the linkable types of sentence `k`.
    fn stamp(&mut self, side: &SideFeatures, k: usize) {
        let stamp = self.epoch << SENTENCE_BITS | k as u64;
        for &t in side.linkable(k) {
            let (_, link) = side.evidence_links[t as usize];
            if link != MANY_LINKS {
                self.reached[link as usize] = stamp;
            } else {
                for &l in side.links(t) {
                    self.reached[l as usize] = stamp;
                }
            }
        }
    }
}

/// Matched and unmatched weight of the linkable types of the run that starts at `start`, each
/// once, where a type is matched when its stamp in `reached` (by the other run) is at least
/// `floor`, and the number of the run's sentences none of whose types is matched with their
/// summed length: `partial`, the figures of the run's sentences before `sentences`, continued
/// over `sentences`. The sums
/// run in the order of the union of the run's rows.
#[inline(always)]
fn side_evidence(
    side: &SideFeatures,
    start: usize,
    sentences: Range<usize>,
    reached: &[u64],
    floor: u64,
    partial: Partial,
) -> Partial {
    let Partial {
        mut matched,
        mut unmatched,
        mut unlinked,
        mut unlinked_length,
    } = partial;
    let lengths = side.lengths();
    for k in sentences {
        let (types, previous) = side.linkable_with_previous(k);
        let mut linked = false;
        for (&t, &distance) in types.iter().zip(previous) {
            let hit = reached[t as usize] >= floor;
            linked |= hit;
            if k > start && occurs_earlier(side, t, distance, k, start) {
                continue;
            }
            let weight = side.weights[t as usize];
            // Adding zero changes no sum (they start at +0, weights are positive): selecting
            // instead of branching keeps the loop free of mispredictions.
            matched += if hit { weight } else { 0.0 };
            unmatched += if hit { 0.0 } else { weight };
        }
        unlinked += u32::from(!linked);
        unlinked_length += if linked { 0.0 } else { lengths[k] };
    }
    Partial {
        matched,
        unmatched,
        unlinked,
        unlinked_length,
    }
}

/// Whether type `t`, found in sentence `k`, occurs in a sentence of `start..k` too, given the
/// `distance` to its previous occurrence as the linkable table keeps it (see
/// [`SideFeatures::linkable_with_previous`]).
#[inline]
fn occurs_earlier(side: &SideFeatures, t: u32, distance: u8, k: usize, start: usize) -> bool {
    let behind = k - start;
    match distance {
        0 => false,
        super::side::FAR_PREVIOUS if behind >= usize::from(super::side::FAR_PREVIOUS) => {
            // Only known to be at least that far back: look (runs this long are rare).
            (start..k).any(|earlier| side.linkable(earlier).binary_search(&t).is_ok())
        }
        d => usize::from(d) <= behind,
    }
}
