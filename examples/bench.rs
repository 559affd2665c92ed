//! Speed of the analysis, single-threaded, over real articles:
//! `cargo run --release --example bench -- ../shared/data/polnear/dev.jsonl` (what `make bench`
//! runs). Reads the `text` field of each JSONL line; without the file it falls back to the bundled
//! sample article, repeated, and says so. Prints the median over several rounds of chars per second
//! and ms per 1,000 chars, the slowest article, and the size of the release wasm when it is built.
//! Nothing is asserted: these machines are shared and noisy, so numbers are for reading.

use std::path::Path;
use std::time::{Duration, Instant};

const ROUNDS: usize = 7;
/// How many copies of the sample stand in for a corpus when the corpus is missing.
const FALLBACK_COPIES: usize = 100;
const WASM: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/target/wasm32-unknown-unknown/wasm/claimlens.wasm");

fn main() {
    let path = std::env::args().nth(1);
    let texts = match path.as_deref().map(load) {
        Some(Ok(texts)) if !texts.is_empty() => {
            println!("corpus: {} ({} texts)", path.unwrap(), texts.len());
            texts
        }
        other => {
            let why = match other {
                None => "no corpus given".to_string(),
                Some(Ok(_)) => "no texts in the corpus".to_string(),
                Some(Err(e)) => format!("cannot read {}: {e}", path.unwrap()),
            };
            println!("corpus: samples/seed-article.txt × {FALLBACK_COPIES} ({why})");
            vec![include_str!("../samples/seed-article.txt").to_string(); FALLBACK_COPIES]
        }
    };
    let chars: usize = texts.iter().map(|t| t.chars().count()).sum();
    let bytes: usize = texts.iter().map(String::len).sum();
    println!("size:   {chars} chars ({:.1} MB)", bytes as f64 / 1e6);

    // One warm-up round, which also counts what the engine finds.
    let claims: usize = texts.iter().map(|t| claimlens::analyze_text(t).claims.len()).sum();
    // Each text is timed on its own too, to find the slowest (its best time over the rounds).
    let mut best = vec![Duration::MAX; texts.len()];
    let mut rounds: Vec<Duration> = (0..ROUNDS)
        .map(|_| {
            let round = Instant::now();
            for (t, best) in texts.iter().zip(&mut best) {
                let start = Instant::now();
                std::hint::black_box(claimlens::analyze_text(std::hint::black_box(t)));
                *best = (*best).min(start.elapsed());
            }
            round.elapsed()
        })
        .collect();
    rounds.sort();
    let median = rounds[ROUNDS / 2].as_secs_f64();
    let slowest =
        best.iter().enumerate().max_by_key(|&(_, d)| *d).map(|(i, d)| (*d, texts[i].chars().count()));
    println!("claims: {claims} found");
    println!(
        "speed:  {:.0} chars/s, {:.3} ms per 1,000 chars (median of {ROUNDS} rounds; fastest {:.3}, slowest {:.3})",
        chars as f64 / median,
        median * 1e6 / chars as f64,
        rounds[0].as_secs_f64() * 1e6 / chars as f64,
        rounds[ROUNDS - 1].as_secs_f64() * 1e6 / chars as f64,
    );
    if let Some((took, n)) = slowest {
        println!("slowest article: {:.2} ms ({n} chars; its best round)", took.as_secs_f64() * 1e3);
    }
    if cfg!(debug_assertions) {
        println!("note:   debug build; run with --release for numbers worth comparing");
    }
    match std::fs::metadata(WASM) {
        Ok(m) => println!(
            "wasm:   {:.1} KB (target/wasm32-unknown-unknown/wasm/claimlens.wasm: cargo output, before \
             wasm-bindgen and wasm-opt)",
            m.len() as f64 / 1024.0
        ),
        Err(_) => println!("wasm:   not built (make wasm)"),
    }
}

/// The `text` field of every JSONL line.
fn load(path: &str) -> Result<Vec<String>, String> {
    let data = std::fs::read_to_string(Path::new(path)).map_err(|e| e.to_string())?;
    let mut texts = Vec::new();
    for (i, line) in data.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let value: serde_json::Value =
            serde_json::from_str(line).map_err(|e| format!("line {}: {e}", i + 1))?;
        match value.get("text").and_then(|t| t.as_str()) {
            Some(text) => texts.push(text.to_string()),
            None => return Err(format!("line {}: no \"text\" string", i + 1)),
        }
    }
    Ok(texts)
}
