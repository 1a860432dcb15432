//! The sentence indices of one side of a bead line, stored compactly.
//!
//! Documented on [`Indices`], its public face.

use std::fmt;
use std::ops::{Deref, DerefMut};

/// The sentence indices of one side of a [`BeadLine`](super::BeadLine): a list of `usize`
/// that dereferences to `[usize]` (so `len`, `iter`, indexing, `to_vec` and comparisons with
/// arrays, slices and vectors work as on a `Vec<usize>`), converts from and into
/// `Vec<usize>`, and collects from an iterator.
///
/// It takes 16 bytes and no allocation when it holds one index or none, as most beads do,
/// where a `Vec<usize>` takes 24 bytes and a heap block for a single index: a ladder or bead
/// file of a million beads reads into half the memory.
///
/// ```
/// use satzweise::io::Indices;
/// let one = Indices::from(vec![7]);
/// assert_eq!(one, [7]);
/// assert_eq!(one.len(), 1);
/// let many: Indices = (3..6).collect();
/// assert_eq!(many, vec![3, 4, 5]);
/// assert_eq!(Vec::from(many), [3, 4, 5]);
/// assert!(Indices::default().is_empty());
/// assert_eq!(format!("{one:?}"), "[7]");
/// ```
#[derive(Clone)]
pub struct Indices(Repr);

/// One index inline, any other number of them (none included: an empty boxed slice
/// allocates nothing) boxed. The box's pointer is never null, so the enum is 16 bytes.
#[derive(Clone)]
enum Repr {
    One(usize),
    Boxed(Box<[usize]>),
}

impl Indices {
    /// No indices.
    pub fn new() -> Self {
        Indices(Repr::Boxed(Box::default()))
    }

    /// The indices as a slice.
    pub fn as_slice(&self) -> &[usize] {
        match &self.0 {
            Repr::One(index) => std::slice::from_ref(index),
            Repr::Boxed(indices) => indices,
        }
    }

    /// The indices as a mutable slice (their number cannot change in place).
    pub fn as_mut_slice(&mut self) -> &mut [usize] {
        match &mut self.0 {
            Repr::One(index) => std::slice::from_mut(index),
            Repr::Boxed(indices) => indices,
        }
    }
}

impl Default for Indices {
    fn default() -> Self {
        Indices::new()
    }
}

impl Deref for Indices {
    type Target = [usize];

    fn deref(&self) -> &[usize] {
        self.as_slice()
    }
}

impl DerefMut for Indices {
    fn deref_mut(&mut self) -> &mut [usize] {
        self.as_mut_slice()
    }
}

impl From<Vec<usize>> for Indices {
    fn from(indices: Vec<usize>) -> Self {
        match indices.as_slice() {
            &[index] => Indices(Repr::One(index)),
            _ => Indices(Repr::Boxed(indices.into_boxed_slice())),
        }
    }
}

impl From<&[usize]> for Indices {
    fn from(indices: &[usize]) -> Self {
        match indices {
            &[index] => Indices(Repr::One(index)),
            _ => Indices(Repr::Boxed(indices.into())),
        }
    }
}

impl<const N: usize> From<[usize; N]> for Indices {
    fn from(indices: [usize; N]) -> Self {
        Indices::from(&indices[..])
    }
}

impl From<std::ops::Range<usize>> for Indices {
    /// The indices of a range, in order; no allocation for a range of one index or none.
    fn from(range: std::ops::Range<usize>) -> Self {
        match range.len() {
            1 => Indices(Repr::One(range.start)),
            _ => Indices(Repr::Boxed(range.collect())),
        }
    }
}

impl From<Indices> for Vec<usize> {
    fn from(indices: Indices) -> Self {
        match indices.0 {
            Repr::One(index) => vec![index],
            Repr::Boxed(indices) => indices.into_vec(),
        }
    }
}

impl FromIterator<usize> for Indices {
    fn from_iter<I: IntoIterator<Item = usize>>(iter: I) -> Self {
        let mut iter = iter.into_iter();
        let Some(first) = iter.next() else {
            return Indices::new();
        };
        let Some(second) = iter.next() else {
            return Indices(Repr::One(first));
        };
        let mut indices = Vec::with_capacity(iter.size_hint().0 + 2);
        indices.extend([first, second]);
        indices.extend(iter);
        Indices(Repr::Boxed(indices.into_boxed_slice()))
    }
}

impl<'a> IntoIterator for &'a Indices {
    type Item = &'a usize;
    type IntoIter = std::slice::Iter<'a, usize>;

    fn into_iter(self) -> Self::IntoIter {
        self.as_slice().iter()
    }
}

impl fmt::Debug for Indices {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.as_slice().fmt(f)
    }
}

impl PartialEq for Indices {
    fn eq(&self, other: &Indices) -> bool {
        self.as_slice() == other.as_slice()
    }
}

impl Eq for Indices {}

impl std::hash::Hash for Indices {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_slice().hash(state);
    }
}

impl PartialEq<[usize]> for Indices {
    fn eq(&self, other: &[usize]) -> bool {
        self.as_slice() == other
    }
}

impl PartialEq<&[usize]> for Indices {
    fn eq(&self, other: &&[usize]) -> bool {
        self.as_slice() == *other
    }
}

impl<const N: usize> PartialEq<[usize; N]> for Indices {
    fn eq(&self, other: &[usize; N]) -> bool {
        self.as_slice() == other
    }
}

impl PartialEq<Vec<usize>> for Indices {
    fn eq(&self, other: &Vec<usize>) -> bool {
        self.as_slice() == other.as_slice()
    }
}

impl PartialEq<Indices> for Vec<usize> {
    fn eq(&self, other: &Indices) -> bool {
        self.as_slice() == other.as_slice()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_construction_holds_the_same_indices_as_a_vec() {
        for list in [
            vec![],
            vec![0],
            vec![usize::MAX],
            vec![3, 4],
            vec![9, 2, 7, 7],
        ] {
            let forms = [
                Indices::from(list.clone()),
                Indices::from(list.as_slice()),
                list.iter().copied().collect(),
            ];
            for indices in forms {
                assert_eq!(indices, list);
                assert_eq!(indices.len(), list.len());
                assert_eq!(format!("{indices:?}"), format!("{list:?}"));
                assert_eq!(Vec::from(indices.clone()), list);
                assert_eq!(indices, Indices::from(list.clone()));
            }
        }
        assert_eq!(Indices::from(5..5), Indices::new());
        assert_eq!(Indices::from(5..6), [5]);
        assert_eq!(Indices::from(5..8), [5, 6, 7]);
        let mut indices = Indices::from([1, 2]);
        indices[1] = 4;
        assert_eq!(indices, [1, 4]);
        assert_eq!(std::mem::size_of::<Indices>(), 16);
    }
}
