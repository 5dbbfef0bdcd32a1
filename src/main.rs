//! The `appeals` binary: see the library's module map in `lib.rs`.

use nix::sys::signal::{SigHandler, Signal, signal};

/// sled copies tree nodes on every write and allocates its page table on every start;
/// mimalloc makes both markedly cheaper than the system allocator (see README, Performance).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's `purge_delay` option (number 15 in mimalloc 3.3, which libmimalloc-sys 0.1.49
/// builds by default, as in mimalloc 2): how long freed memory stays resident before it is
/// returned to the system. The default of 10 ms keeps a long-running server around 20 MB
/// above what it uses.
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

fn main() -> std::process::ExitCode {
    // SAFETY: sets a plain integer option of the allocator this binary uses; mimalloc reads
    // options atomically.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 0) };
    // mimalloc asks for transparent huge pages on its arenas, so that every 2 MiB page the
    // screen touches is resident whole: 6 MB of a screen's 19 went so. Only the server, which
    // fills its pages, keeps them; it sets the flag back because a server started on demand
    // inherits it from the client that started it. A kernel without the call loses nothing.
    let server = std::env::args_os().skip(1).any(|arg| arg == "serve");
    let _ = nix::sys::prctl::set_thp_disable(!server);
    // Rust ignores SIGPIPE, which turns `appeals list | head` into a panic on the next
    // print. Restore the default so a closed pipe ends the command quietly, as Unix tools do.
    // SAFETY: no other thread exists yet and no handler is being replaced mid-use.
    unsafe {
        let _ = signal(Signal::SIGPIPE, SigHandler::SigDfl);
    }
    appeals::cli::main()
}
