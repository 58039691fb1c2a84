//! A list of many short strings in one allocation.
//!
//! A corpus of 100,000 articles keeps 100,000 file names from the listing to the report: as one
//! `String` each (24 bytes, plus an allocation of at least 32) they were a third of the peak
//! memory; packed end to end they cost their bytes and one offset each.

/// Strings packed end to end, indexed by position.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Names {
    /// Every string, one after the other.
    text: String,
    /// Where each string ends in `text`; it starts where the previous one ends.
    ends: Vec<usize>,
}

impl Names {
    /// An empty list.
    pub fn new() -> Names {
        Names::default()
    }

    /// An empty list with room for `count` strings of `bytes` bytes in all: a list built from a
    /// known one is not grown (and copied) by doubling.
    pub fn with_capacity(count: usize, bytes: usize) -> Names {
        Names {
            text: String::with_capacity(bytes),
            ends: Vec::with_capacity(count),
        }
    }

    /// How many bytes the strings take in all.
    pub fn text_len(&self) -> usize {
        self.text.len()
    }

    /// Appends `name`.
    pub fn push(&mut self, name: &str) {
        self.text.push_str(name);
        self.ends.push(self.text.len());
    }

    /// String `index`.
    ///
    /// # Panics
    /// When `index` is out of bounds, like slice indexing.
    pub fn get(&self, index: usize) -> &str {
        let start = match index {
            0 => 0,
            _ => self.ends[index - 1],
        };
        &self.text[start..self.ends[index]]
    }

    /// How many strings it holds.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Whether it holds none.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Keeps only the strings whose index `keep` accepts, in order, and gives back the room the
    /// list was grown with: a listing's names become the report's sources (the readable
    /// articles) in place rather than as a copy.
    pub fn retain(&mut self, mut keep: impl FnMut(usize) -> bool) {
        let mut bytes = std::mem::take(&mut self.text).into_bytes();
        let (mut kept, mut written, mut start) = (0, 0, 0);
        for index in 0..self.ends.len() {
            let end = self.ends[index];
            if keep(index) {
                bytes.copy_within(start..end, written);
                written += end - start;
                self.ends[kept] = written;
                kept += 1;
            }
            start = end;
        }
        bytes.truncate(written);
        self.ends.truncate(kept);
        self.text = String::from_utf8(bytes).expect("whole strings were moved");
        self.text.shrink_to_fit();
        self.ends.shrink_to_fit();
    }

    /// Where `name` is, in a list sorted in byte order: as [`slice::binary_search`].
    pub fn binary_search(&self, name: &str) -> Result<usize, usize> {
        let (mut low, mut high) = (0, self.len());
        while low < high {
            let middle = low + (high - low) / 2;
            match self.get(middle).cmp(name) {
                std::cmp::Ordering::Less => low = middle + 1,
                std::cmp::Ordering::Greater => high = middle,
                std::cmp::Ordering::Equal => return Ok(middle),
            }
        }
        Err(low)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(words: &[&str]) -> Names {
        let mut names = Names::new();
        for word in words {
            names.push(word);
        }
        names
    }

    #[test]
    fn gives_back_what_was_pushed() {
        let words = ["", "a", "été", "", "lemonde/2024-04-10.txt"];
        let names = names(&words);
        assert_eq!(names.len(), words.len());
        let got: Vec<&str> = (0..names.len()).map(|i| names.get(i)).collect();
        assert_eq!(got, words);
        assert!(Names::new().is_empty());
    }

    #[test]
    fn retain_keeps_what_it_is_told_in_order() {
        let words = ["a", "été", "", "lemonde/2024-04-10.txt", "rfi.txt", "zz"];
        for mask in 0..1u32 << words.len() {
            let mut kept = names(&words);
            kept.retain(|i| mask & 1 << i != 0);
            let expected: Vec<&str> = (words.iter().enumerate())
                .filter(|(i, _)| mask & 1 << i != 0)
                .map(|(_, w)| *w)
                .collect();
            assert_eq!(kept, names(&expected), "mask {mask:b}");
            assert_eq!(kept.text.capacity(), kept.text_len());
        }
    }

    #[test]
    fn binary_search_agrees_with_slices() {
        let sorted = ["a", "b/c.txt", "b0.txt", "lemonde.txt", "rfi.txt", "zz"];
        let names = names(&sorted);
        for probe in [
            "", "a", "aa", "b", "b/c.txt", "b0.txt", "m", "rfi.txt", "zz", "zzz",
        ] {
            assert_eq!(
                names.binary_search(probe),
                sorted.binary_search(&probe),
                "{probe}"
            );
        }
    }
}
