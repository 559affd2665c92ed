//! The ClaimLens command line (placeholder until the CLI lands).
fn main() {
    let text = std::io::read_to_string(std::io::stdin()).unwrap_or_default();
    let report = claimlens::analyze_text(&text);
    println!("{}", serde_json::to_string_pretty(&report).unwrap());
}
