//! Article extraction on the Readability test pages: token F1 of the extracted text against each
//! case's `expected.html`, per page and averaged over the English pages and over all.
//! Usage: `cargo run --release --example eval_pages -- DIR` (one folder per case).

#[cfg(not(feature = "native"))]
fn main() {
    eprintln!("eval_pages needs the `native` feature (HTML parsing)");
}

#[cfg(feature = "native")]
fn main() {
    native::main();
}

#[cfg(feature = "native")]
mod native {
    use std::path::Path;

    use claimlens::extract::html::{extract_html, html_text};
    use claimlens::extract::token_f1;

    /// Cases whose language is not English even where their metadata says nothing.
    const NON_ENGLISH_CASES: &[&str] = &["lemonde-1", "heise", "la-nacion"];

    fn is_english(case: &Path) -> bool {
        let name = case.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if NON_ENGLISH_CASES.contains(&name) {
            return false;
        }
        let meta = std::fs::read_to_string(case.join("expected-metadata.json")).unwrap_or_default();
        let lang = serde_json::from_str::<serde_json::Value>(&meta)
            .ok()
            .and_then(|v| v.get("lang").and_then(|l| l.as_str()).map(str::to_lowercase));
        !matches!(lang, Some(l) if !l.starts_with("en"))
    }

    pub fn main() {
        let Some(dir) = std::env::args().nth(1) else {
            eprintln!("usage: eval_pages DIR");
            std::process::exit(2);
        };
        let dir = Path::new(&dir);
        // `-- DIR CASE` (or `-- FILE.html`) prints the blocks of one page instead, to see what went wrong.
        let single = match std::env::args().nth(2) {
            Some(case) => Some(dir.join(case).join("source.html")),
            None if dir.is_file() => Some(dir.to_path_buf()),
            None => None,
        };
        if let Some(file) = single {
            let source = std::fs::read_to_string(file).unwrap_or_default();
            match extract_html(&source) {
                Some(article) => {
                    for b in &article.blocks {
                        println!("[{:?}] {}", b.kind, b.text);
                    }
                }
                None => println!("no article"),
            }
            return;
        }
        if !dir.is_dir() {
            println!("eval-pages: {} not present, skipped", dir.display());
            return;
        }
        let mut cases: Vec<_> = std::fs::read_dir(dir)
            .map(|r| {
                r.filter_map(|e| e.ok())
                    .map(|e| e.path())
                    .filter(|p| p.join("source.html").is_file())
                    .collect()
            })
            .unwrap_or_default();
        cases.sort();
        let (mut en, mut all, mut none) = (Vec::new(), Vec::new(), Vec::new());
        println!("{:<22} {:>6} {:>8} {:>8} {:>7}  lang", "case", "F1", "chars", "expected", "ms");
        for case in &cases {
            let name = case.file_name().unwrap_or_default().to_string_lossy().to_string();
            let source = std::fs::read_to_string(case.join("source.html")).unwrap_or_default();
            let expected = std::fs::read_to_string(case.join("expected.html")).unwrap_or_default();
            let expected = html_text(&expected);
            let clock = std::time::Instant::now();
            let found = extract_html(&source).map(|a| a.body_text()).unwrap_or_default();
            let ms = clock.elapsed().as_secs_f64() * 1000.0;
            if found.is_empty() {
                none.push(name.clone());
            }
            let f1 = token_f1(&found, &expected);
            let english = is_english(case);
            println!(
                "{:<22} {:>6.3} {:>8} {:>8} {:>7.1}  {}",
                name,
                f1,
                found.chars().count(),
                expected.split_whitespace().collect::<Vec<_>>().join(" ").chars().count(),
                ms,
                if english { "en" } else { "other" }
            );
            if english {
                en.push(f1);
            }
            all.push(f1);
        }
        let mean = |v: &[f64]| if v.is_empty() { 0.0 } else { v.iter().sum::<f64>() / v.len() as f64 };
        println!("mean F1, English pages ({}): {:.3}", en.len(), mean(&en));
        println!("mean F1, all pages ({}):     {:.3}", all.len(), mean(&all));
        if none.is_empty() {
            println!("no article found: none");
        } else {
            println!("no article found: {}", none.join(", "));
        }
    }
}
