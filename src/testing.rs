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
