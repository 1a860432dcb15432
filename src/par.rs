//! Parallelism in one place: with the `rayon` feature these run on rayon's pool, without it
//! one after the other. Results are in input order either way, so the output never depends on
//! the number of threads.
//!
//! Small work stays on the calling thread: a single item is not sent to the pool, and
//! [`join_sized`] splits only work of [`SPLIT_BYTES`] or more. In a batch every thread already
//! has documents of its own, and a split inside a small document would cost more than it gives.

/// How many bytes of text [`join_sized`] needs before it runs its halves on two threads (about
/// 400 sentences; below it the two halves take less time than a hand-over between threads
/// costs in a busy batch).
pub(crate) const SPLIT_BYTES: usize = 1 << 16;

/// `f` of every item, in order.
pub(crate) fn map<T, R, F>(items: &[T], f: F) -> Vec<R>
where
    T: Sync,
    R: Send,
    F: Fn(&T) -> R + Sync + Send,
{
    if items.len() < 2 {
        return items.iter().map(f).collect();
    }
    #[cfg(feature = "rayon")]
    {
        use rayon::prelude::*;
        items.par_iter().map(f).collect()
    }
    #[cfg(not(feature = "rayon"))]
    {
        items.iter().map(f).collect()
    }
}

/// `f` of every item, taken by value, in order.
pub(crate) fn map_owned<T, R, F>(items: Vec<T>, f: F) -> Vec<R>
where
    T: Send,
    R: Send,
    F: Fn(T) -> R + Sync + Send,
{
    if items.len() < 2 {
        return items.into_iter().map(f).collect();
    }
    #[cfg(feature = "rayon")]
    {
        use rayon::prelude::*;
        items.into_par_iter().map(f).collect()
    }
    #[cfg(not(feature = "rayon"))]
    {
        items.into_iter().map(f).collect()
    }
}

/// `(a(), b())`, at once where there are threads for it.
pub(crate) fn join<A, B, RA, RB>(a: A, b: B) -> (RA, RB)
where
    A: FnOnce() -> RA + Send,
    B: FnOnce() -> RB + Send,
    RA: Send,
    RB: Send,
{
    #[cfg(feature = "rayon")]
    {
        rayon::join(a, b)
    }
    #[cfg(not(feature = "rayon"))]
    {
        (a(), b())
    }
}

/// `(a(), b())` for work of `bytes` bytes of text: at once (see [`join`]) from
/// [`SPLIT_BYTES`] on, one after the other below.
pub(crate) fn join_sized<A, B, RA, RB>(bytes: usize, a: A, b: B) -> (RA, RB)
where
    A: FnOnce() -> RA + Send,
    B: FnOnce() -> RB + Send,
    RA: Send,
    RB: Send,
{
    if bytes < SPLIT_BYTES {
        (a(), b())
    } else {
        join(a, b)
    }
}

/// How many items a batch takes at a time: enough to keep every thread busy.
pub(crate) fn batch_chunk_size() -> usize {
    #[cfg(feature = "rayon")]
    {
        64 * rayon::current_num_threads()
    }
    #[cfg(not(feature = "rayon"))]
    {
        1
    }
}

/// `f` run in a pool of its own of `threads` threads: for the tests that hold the output to be
/// the same whatever the thread count.
#[cfg(all(test, feature = "rayon"))]
pub(crate) fn in_pool<R: Send>(threads: usize, f: impl FnOnce() -> R + Send) -> R {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("a thread pool")
        .install(f)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn join_sized_gives_both_results_in_order_below_and_from_the_split() {
        for bytes in [0, SPLIT_BYTES - 1, SPLIT_BYTES, usize::MAX] {
            assert_eq!(join_sized(bytes, || 1, || "two"), (1, "two"));
        }
    }

    #[test]
    fn maps_keep_the_order_for_no_one_and_many_items() {
        for count in [0usize, 1, 2, 1000] {
            let items: Vec<usize> = (0..count).collect();
            let squares: Vec<usize> = items.iter().map(|k| k * k).collect();
            assert_eq!(map(&items, |k| k * k), squares);
            assert_eq!(map_owned(items, |k| k * k), squares);
        }
    }
}
