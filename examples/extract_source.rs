//! Prints the rendition dossier indexes for one corpus file (a saved page, a PDF or a text
//! file), or the reason it cannot: `cargo run --example extract_source -- FILE`.

fn main() {
    let Some(path) = std::env::args_os().nth(1) else {
        eprintln!("usage: extract_source FILE");
        std::process::exit(2);
    };
    let path = std::path::PathBuf::from(path);
    let bytes = match std::fs::read(&path) {
        Ok(bytes) => bytes,
        Err(err) => {
            eprintln!("{}: {err}", path.display());
            std::process::exit(2);
        }
    };
    let kind = match dossier::sources::Kind::of_path(&path) {
        Ok(kind) => kind,
        Err(ext) => {
            eprintln!("{}: .{ext} is not read", path.display());
            std::process::exit(1);
        }
    };
    match dossier::sources::extract(kind, &bytes) {
        Ok(extracted) => print!("{}", extracted.rendition()),
        Err(err) => {
            eprintln!("{}: {err}", path.display());
            std::process::exit(1);
        }
    }
}
