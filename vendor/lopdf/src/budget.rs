//! Bounds on the work one document may cause (added for rolefit; see
//! `docs/pdf-patches.md` in the rolefit repository).
//!
//! [`scope`] runs a closure under [`Limits`]: every stream that any filter
//! decodes while it runs (Flate with a zlib header or the raw-deflate retry,
//! LZW, ASCII85, the PNG predictors, each filter of a chain, object streams and
//! cross-reference streams included) is decoded by an inflater that stops at
//! the per-stream limit, and every decoded byte counts towards the total limit.
//! Loops that a hostile file can make long call [`check_time`], which trips
//! once the deadline has passed. The first limit passed is kept and returned by
//! [`scope`]; code that cannot return an error (a lookup that yields an
//! `Option`) stops early and leaves the caller to ask [`exceeded`].
//!
//! The state is per thread and exists only inside [`scope`]: outside one,
//! nothing is bounded, as before the patch.

use std::cell::RefCell;
use std::fmt;
use std::time::Instant;

/// What one document may cost.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// The most bytes one filter may decode one stream to.
    pub stream_bytes: u64,
    /// The most bytes all the streams decoded in the scope may add up to.
    pub total_bytes: u64,
    /// When work must stop; `None` for no deadline.
    pub deadline: Option<Instant>,
}

/// The limit a document passed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exceeded {
    /// A stream decodes to more than this many bytes.
    Stream(u64),
    /// The streams decode to more than this many bytes together.
    Total(u64),
    /// The deadline passed.
    Time,
    /// A content stream passed a bound on its operations: what it passed.
    Content(&'static str),
}

impl fmt::Display for Exceeded {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Exceeded::Stream(limit) => write!(f, "a stream decodes to more than {} MiB", limit >> 20),
            Exceeded::Total(limit) => write!(f, "its streams decode to more than {} MiB", limit >> 20),
            Exceeded::Time => f.write_str("reading it took too long"),
            Exceeded::Content(what) => f.write_str(what),
        }
    }
}

struct State {
    limits: Limits,
    decoded: u64,
    exceeded: Option<Exceeded>,
    calls: u32,
}

thread_local! {
    static STATE: RefCell<Option<State>> = const { RefCell::new(None) };
}

/// Restores the enclosing scope's state, also when the closure panics.
struct Restore(Option<State>);

impl Drop for Restore {
    fn drop(&mut self) {
        let outer = self.0.take();
        STATE.with(|state| *state.borrow_mut() = outer);
    }
}

/// Runs `f` under `limits`; also returns the first limit passed, if any.
pub fn scope<T>(limits: Limits, f: impl FnOnce() -> T) -> (T, Option<Exceeded>) {
    let fresh = State {
        limits,
        decoded: 0,
        exceeded: None,
        calls: 0,
    };
    let restore = Restore(STATE.with(|state| state.borrow_mut().replace(fresh)));
    let value = f();
    let exceeded = STATE.with(|state| state.borrow().as_ref().and_then(|s| s.exceeded));
    drop(restore);
    (value, exceeded)
}

/// The first limit passed in the current scope, if any.
pub fn exceeded() -> Option<Exceeded> {
    STATE.with(|state| state.borrow().as_ref().and_then(|s| s.exceeded))
}

/// Records that a limit was passed (the first one is kept) and returns it.
pub fn trip(limit: Exceeded) -> Exceeded {
    STATE.with(|state| {
        if let Some(state) = state.borrow_mut().as_mut() {
            state.exceeded.get_or_insert(limit);
        }
    });
    limit
}

/// Fails once the deadline has passed or a limit was passed before (the clock
/// is read on every 256th call). Outside a scope, never fails.
pub fn check_time() -> Result<(), Exceeded> {
    let tripped = STATE.with(|state| {
        let mut state = state.borrow_mut();
        let state = state.as_mut()?;
        if let Some(exceeded) = state.exceeded {
            return Some(exceeded);
        }
        state.calls = state.calls.wrapping_add(1);
        let late = state.calls % 256 == 0 && state.limits.deadline.is_some_and(|d| Instant::now() > d);
        if late {
            state.exceeded = Some(Exceeded::Time);
        }
        state.exceeded
    });
    tripped.map_or(Ok(()), Err)
}

/// How many bytes the next decoded stream may have: the per-stream limit, or
/// what is left of the total when that is less. Outside a scope, no limit.
pub(crate) fn stream_limit() -> u64 {
    STATE.with(|state| {
        state.borrow().as_ref().map_or(u64::MAX, |s| {
            s.limits
                .stream_bytes
                .min(s.limits.total_bytes.saturating_sub(s.decoded))
        })
    })
}

/// The limit that stopped a decoder at `limit` bytes (see [`stream_limit`]).
pub(crate) fn over(limit: u64) -> Exceeded {
    let which = STATE.with(|state| {
        state.borrow().as_ref().map_or(Exceeded::Stream(limit), |s| {
            if limit < s.limits.stream_bytes {
                Exceeded::Total(s.limits.total_bytes)
            } else {
                Exceeded::Stream(s.limits.stream_bytes)
            }
        })
    });
    trip(which)
}

/// Counts `bytes` decoded towards the total; fails past it, or past the
/// deadline.
pub(crate) fn charge(bytes: usize) -> Result<(), Exceeded> {
    let total = STATE.with(|state| {
        let mut state = state.borrow_mut();
        let state = state.as_mut()?;
        state.decoded = state.decoded.saturating_add(bytes as u64);
        (state.decoded > state.limits.total_bytes).then_some(state.limits.total_bytes)
    });
    if let Some(limit) = total {
        return Err(trip(Exceeded::Total(limit)));
    }
    let late = STATE.with(|state| {
        state
            .borrow()
            .as_ref()
            .and_then(|s| s.limits.deadline)
            .is_some_and(|d| Instant::now() > d)
    });
    if late {
        return Err(trip(Exceeded::Time));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_hold_only_inside_a_scope() {
        assert_eq!(stream_limit(), u64::MAX);
        assert!(charge(1 << 40).is_ok());
        let limits = Limits {
            stream_bytes: 100,
            total_bytes: 150,
            deadline: None,
        };
        let ((), exceeded) = scope(limits, || {
            assert_eq!(stream_limit(), 100);
            assert!(charge(100).is_ok());
            assert_eq!(stream_limit(), 50);
            assert_eq!(charge(60), Err(Exceeded::Total(150)));
            assert_eq!(check_time(), Err(Exceeded::Total(150)));
        });
        assert_eq!(exceeded, Some(Exceeded::Total(150)));
        assert_eq!(exceeded(), None);
    }

    #[test]
    fn a_passed_deadline_trips() {
        let limits = Limits {
            stream_bytes: 100,
            total_bytes: 100,
            deadline: Some(Instant::now()),
        };
        let (calls, exceeded) = scope(limits, || (1..=1000).take_while(|_| check_time().is_ok()).count());
        assert!(calls < 256, "{calls}");
        assert_eq!(exceeded, Some(Exceeded::Time));
    }
}
