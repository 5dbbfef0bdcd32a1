//! The `appeals` binary: see the library's module map in `lib.rs`.

/// sled copies tree nodes on every write and allocates its page table on every start;
/// mimalloc makes both markedly cheaper than the system allocator (see README, Performance).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    appeals::cli::main()
}
