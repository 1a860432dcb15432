//! Text compared across layouts: a layout (one paragraph a line, hard-wrapped lines, blank
//! lines between paragraphs) changes only white space, so positions are counted in non-space
//! characters. Shared by `segmentation_eval` and `wrapped_eval`.
#![allow(dead_code)] // each example uses a different part

/// For every byte offset of `text` (and its end), the number of non-space characters before it.
pub fn solid_counts(text: &str) -> Vec<u32> {
    let mut counts = Vec::with_capacity(text.len() + 1);
    let mut n = 0u32;
    for c in text.chars() {
        counts.extend(std::iter::repeat_n(n, c.len_utf8()));
        n += u32::from(!c.is_whitespace());
    }
    counts.push(n);
    counts
}

/// The number of non-space characters of `text`.
pub fn solid_len(text: &str) -> u32 {
    text.chars().filter(|c| !c.is_whitespace()).count() as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_ignore_white_space() {
        assert_eq!(solid_counts("a b"), vec![0, 1, 1, 2]);
        assert_eq!(solid_counts("ä\nb"), vec![0, 0, 1, 1, 2]);
        assert_eq!(solid_len(" a\n b "), 2);
    }
}
