//! The `appeals` binary: see the library's module map in `lib.rs`.

use nix::sys::signal::{SigHandler, Signal, signal};

/// sled copies tree nodes on every write and allocates its page table on every start;
/// mimalloc makes both markedly cheaper than the system allocator (see README, Performance).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's `purge_delay` option (number 15 in mimalloc 2, which libmimalloc-sys 0.1.49
/// builds): how long freed memory stays resident before it is returned to the system. The
/// default of 10 ms keeps a long-running server around 20 MB above what it uses.
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

fn main() -> std::process::ExitCode {
    // SAFETY: sets a plain integer option of the allocator this binary uses; mimalloc reads
    // options atomically.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 0) };
    // Rust ignores SIGPIPE, which turns `appeals list | head` into a panic on the next
    // print. Restore the default so a closed pipe ends the command quietly, as Unix tools do.
    // SAFETY: no other thread exists yet and no handler is being replaced mid-use.
    unsafe {
        let _ = signal(Signal::SIGPIPE, SigHandler::SigDfl);
    }
    appeals::cli::main()
}
