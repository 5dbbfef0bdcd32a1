//! Counts index entries per family, with their key and value bytes: where the disk goes.

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::args()
        .nth(1)
        .ok_or("usage: index_census DATA_DIR")?;
    let db = sled::open(std::path::Path::new(&dir).join("db"))?;
    for name in ["appeals", "history", "users", "indexes", "meta"] {
        let tree = db.open_tree(name)?;
        let mut families = std::collections::BTreeMap::<u8, (u64, u64)>::new();
        for item in tree.iter() {
            let (k, v) = item?;
            let family = if name == "indexes" { k[0] } else { b'*' };
            let e = families.entry(family).or_default();
            e.0 += 1;
            e.1 += (k.len() + v.len()) as u64;
        }
        for (f, (n, bytes)) in families {
            println!("{name:<8} {} {n:>9} entries {bytes:>11} bytes", f as char);
        }
    }
    Ok(())
}
