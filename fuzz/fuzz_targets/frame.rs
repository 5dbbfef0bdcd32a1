//! Feeds arbitrary bytes to the server's frame reader: it must return an error or a frame,
//! never panic, hang or allocate past the frame limit.

#![no_main]

use appeals::protocol::{ClientFrame, ServerFrame, read_frame};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = read_frame::<ClientFrame>(&mut &data[..]);
    let _ = read_frame::<ServerFrame>(&mut &data[..]);
});
