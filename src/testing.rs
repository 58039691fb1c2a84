//! Helpers for the unit tests.

/// A fixed pseudo-random sequence (xorshift64 from `seed`): `next(n)` is below `n`. Tests that
/// draw texts from pieces use it so that a failure repeats.
pub fn sequence(seed: u64) -> impl FnMut(usize) -> usize {
    let mut state = seed;
    move |below| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % below as u64) as usize
    }
}

/// A text of up to `most - 1` pieces drawn from `pieces` with `next` (see [`sequence`]): how
/// property tests make their texts.
pub fn text_of(next: &mut impl FnMut(usize) -> usize, pieces: &[&str], most: usize) -> String {
    let count = next(most);
    (0..count).map(|_| pieces[next(pieces.len())]).collect()
}
