//! Runs the engine over PolNeAR (`{"id","text",…}` per line) and writes predictions in the format
//! of `../shared/eval/README.md`: every attributed claim's content, source mention and cue, in
//! char offsets. Usage: `eval_polnear GOLD.jsonl PRED.jsonl`. The corpus is for measurement only.

use claimlens::ClaimKind;
use serde_json::{json, Value};
use std::io::{BufRead, BufWriter, Write};
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(gold), Some(pred)) = (args.get(1), args.get(2)) else {
        eprintln!("usage: eval_polnear GOLD.jsonl PRED.jsonl");
        std::process::exit(2);
    };
    let input = match std::fs::File::open(gold) {
        Ok(f) => std::io::BufReader::new(f),
        Err(e) => {
            println!("eval_polnear: {gold} not present ({e}); skipped");
            return;
        }
    };
    let mut out = BufWriter::new(std::fs::File::create(pred).expect("create predictions file"));
    let (mut chars, mut seconds) = (0usize, 0f64);
    for line in input.lines() {
        let line = line.expect("read line");
        let doc: Value = serde_json::from_str(&line).expect("JSON line");
        let text = doc["text"].as_str().unwrap_or_default();
        let t = Instant::now();
        let report = claimlens::analyze_text(text);
        let elapsed = t.elapsed().as_secs_f64();
        chars += text.chars().count();
        seconds += elapsed;
        let quotes: Vec<Value> = report
            .claims
            .iter()
            .filter(|c| c.kind != ClaimKind::Unattributed)
            .map(|c| {
                json!({
                    "content": [c.start, c.end],
                    "source": c.source.as_ref().map(|s| vec![s.start, s.end]),
                    "cue": c.cue.as_ref().map(|q| vec![q.start, q.end]),
                })
            })
            .collect();
        let row = json!({"id": doc["id"], "seconds": elapsed, "quotes": quotes});
        writeln!(out, "{row}").expect("write predictions");
    }
    eprintln!(
        "eval_polnear: {chars} chars in {seconds:.3} s ({:.4} ms per 1,000 chars)",
        seconds * 1e6 / chars.max(1) as f64
    );
}
