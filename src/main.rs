//! The `appeals` binary: see the library's module map in `lib.rs`.

use nix::sys::signal::{SigHandler, Signal, signal};

/// sled copies tree nodes on every write and allocates its page table on every start;
/// mimalloc makes both markedly cheaper than the system allocator (see README, Performance).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    // Rust ignores SIGPIPE, which turns `appeals list | head` into a panic on the next
    // print. Restore the default so a closed pipe ends the command quietly, as Unix tools do.
    // SAFETY: no other thread exists yet and no handler is being replaced mid-use.
    unsafe {
        let _ = signal(Signal::SIGPIPE, SigHandler::SigDfl);
    }
    appeals::cli::main()
}
