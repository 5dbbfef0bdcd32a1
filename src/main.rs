//! The `appeals` binary: see the library's module map in `lib.rs`.

fn main() -> std::process::ExitCode {
    appeals::cli::main()
}
