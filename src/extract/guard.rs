//! Running a parser so that its panic becomes an error, quietly.
//!
//! Third-party parsers (PDF above all) meet files their authors never saw and
//! some answer with a panic. [`catch`] turns that into an `Err` with the panic's
//! message. The default panic hook would still print "thread panicked at ..."
//! to standard error, so a hook installed once (the only process-wide state in
//! the library) stays silent while the current thread is inside [`catch`] and
//! defers to the previous hook otherwise.

use std::any::Any;
use std::cell::Cell;
use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;

thread_local! {
    /// How many [`catch`] calls the current thread is inside.
    static QUIET: Cell<u32> = const { Cell::new(0) };
}

static INSTALL_HOOK: Once = Once::new();

fn install_hook() {
    INSTALL_HOOK.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if QUIET.with(Cell::get) == 0 {
                previous(info);
            }
        }));
    });
}

/// Runs `f`; a panic inside it comes back as `Err` with its message, and prints
/// nothing.
pub(crate) fn catch<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    install_hook();
    QUIET.with(|quiet| quiet.set(quiet.get() + 1));
    let result = panic::catch_unwind(AssertUnwindSafe(f));
    QUIET.with(|quiet| quiet.set(quiet.get().saturating_sub(1)));
    result.map_err(|payload| message(payload.as_ref()))
}

fn message(payload: &(dyn Any + Send)) -> String {
    let text = if let Some(text) = payload.downcast_ref::<&str>() {
        text
    } else if let Some(text) = payload.downcast_ref::<String>() {
        text.as_str()
    } else {
        "panic"
    };
    let line = text.lines().next().unwrap_or("panic").trim();
    match line.char_indices().nth(100) {
        Some((cut, _)) => format!("{}...", &line[..cut]),
        None => line.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_its_message() {
        assert_eq!(catch(|| 7), Ok(7));
        let vector: Vec<u8> = Vec::new();
        let index = vector.len() + 2;
        let err = catch(|| vector[index]).unwrap_err();
        assert!(err.contains("index out of bounds"), "{err}");
        assert_eq!(
            catch(|| panic!("first\nsecond")),
            Err::<(), _>("first".to_string())
        );
        // Nested calls keep the hook quiet until the outer one ends.
        assert_eq!(catch(|| catch(|| panic!("inner")).is_err()), Ok(true));
    }
}
