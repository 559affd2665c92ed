//! Time and peak memory on inputs built to be awkward, at growing sizes:
//! `cargo run --release --example bench_worst` (what `make bench-worst` runs).
//!
//! Each row is one kind of input (unbalanced quotation marks, "according to" chains, a quotation
//! over thousands of paragraphs, thousands of sources, deep nesting, huge attribute sets …), each
//! column one size. Every measurement runs in a child process of its own, so that its peak memory
//! (Linux `VmHWM`) is its own, and is stopped after a timeout (`--timeout SECS`, default 60): a
//! row that times out is not tried at larger sizes. The growth factor is the time (and memory) of
//! one size over the size before; linear work grows by about the ratio of the input sizes.
//! `--only NAME` runs the rows whose name contains NAME; `--sizes small` runs the first two sizes;
//! `--runs N` measures each cell N times (default 3) and keeps the run of median time;
//! `--input NAME SIZE` prints that input instead (to try it with the CLI).
//! Nothing is asserted: numbers are for reading (these machines are shared and noisy).

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use claimlens::limits::{cut_point, cut_text, MAX_HTML_BYTES};

/// The input sizes (bytes of text or HTML) of every row but the nesting ones.
const SIZES: [usize; 4] = [16 << 10, 64 << 10, 256 << 10, 1 << 20];
/// The nesting depths of the nesting rows (HTML over the 4 MiB limit is cut there, as the CLI does).
const DEPTHS: [usize; 3] = [10_000, 100_000, 1_000_000];

struct Row {
    name: &'static str,
    what: &'static str,
    html: bool,
    /// Sizes are nesting depths.
    nesting: bool,
    generate: fn(usize) -> String,
}

const ROWS: &[Row] = &[
    Row {
        name: "ordinary",
        what: "the sample article, repeated",
        html: false,
        nesting: false,
        generate: ordinary,
    },
    Row {
        name: "unbalanced-quotes",
        what: "`He said, \"` repeated",
        html: false,
        nesting: false,
        generate: unbalanced_quotes,
    },
    Row {
        name: "according-to-chain",
        what: "`According to X, according to Y, …`",
        html: false,
        nesting: false,
        generate: according_to_chain,
    },
    Row { name: "said-said", what: "`said said said …`", html: false, nesting: false, generate: said_said },
    Row {
        name: "quote-paragraphs",
        what: "paragraphs each opening with `“`, closed at the end",
        html: false,
        nesting: false,
        generate: quote_paragraphs,
    },
    Row {
        name: "many-sources",
        what: "one `A said B.` per line, every A different",
        html: false,
        nesting: false,
        generate: many_sources,
    },
    Row {
        name: "pronouns",
        what: "`He said …` after every new name",
        html: false,
        nesting: false,
        generate: pronouns,
    },
    Row {
        name: "one-paragraph",
        what: "attributed sentences in one paragraph",
        html: false,
        nesting: false,
        generate: one_paragraph,
    },
    Row {
        name: "div-nesting",
        what: "`<div>` nested (depth), an article inside",
        html: true,
        nesting: true,
        generate: div_nesting,
    },
    Row {
        name: "blockquote-nesting",
        what: "`<blockquote>` nested (depth)",
        html: true,
        nesting: true,
        generate: blockquote_nesting,
    },
    Row {
        name: "unclosed-divs",
        what: "`yes '<div>'` (depth)",
        html: true,
        nesting: true,
        generate: unclosed_divs,
    },
    Row {
        name: "attributes",
        what: "one element with distinct attributes",
        html: true,
        nesting: false,
        generate: attributes,
    },
    Row {
        name: "deep-and-wide",
        what: "paragraphs inside `<div>` nested 250 deep",
        html: true,
        nesting: false,
        generate: deep_and_wide,
    },
    Row {
        name: "p-tags",
        what: "`<p>` repeated (an element every 3 bytes)",
        html: true,
        nesting: false,
        generate: p_tags,
    },
    Row {
        name: "open-formatting",
        what: "200 `<b>` left open, then `</p><p>x` repeated",
        html: true,
        nesting: false,
        generate: open_formatting,
    },
    Row {
        name: "html-ordinary",
        what: "the sample page's paragraphs, repeated",
        html: true,
        nesting: false,
        generate: html_ordinary,
    },
];

const SEED: &str = include_str!("../samples/seed-article.txt");

fn fill(size: usize, head: &str, mut piece: impl FnMut(usize) -> String) -> String {
    let mut out = String::from(head);
    let mut i = 0;
    while out.len() < size {
        out.push_str(&piece(i));
        i += 1;
    }
    let end = cut_point(&out.as_bytes()[..size.min(out.len())]);
    out.truncate(end);
    out
}

fn ordinary(size: usize) -> String {
    let body = SEED.split_once('\n').map_or(SEED, |(_, b)| b);
    fill(size, SEED, |_| format!("{body}\n"))
}

fn unbalanced_quotes(size: usize) -> String {
    fill(size, "Unbalanced quotation marks\n", |_| "He said, \"".to_string())
}

/// A pronounceable capitalised name for `i`, different for every `i`.
fn name(i: usize) -> String {
    const A: &[&str] = &["Ka", "Lo", "Mi", "Ne", "Ru", "Sa", "To", "Vi", "Ba", "De", "Fo", "Gu"];
    const B: &[&str] = &["ran", "lis", "mon", "dek", "vur", "sen", "tal", "bor", "nix", "pel", "quo", "zed"];
    let mut n = i;
    let mut out = String::new();
    loop {
        out.push_str(if out.is_empty() { A[n % A.len()] } else { &B[n % B.len()][..2] });
        n /= A.len();
        out.push_str(B[n % B.len()]);
        n /= B.len();
        if n == 0 {
            break;
        }
    }
    out
}

fn according_to_chain(size: usize) -> String {
    fill(size, "According to chains\nAccording to Reuters", |i| format!(", according to {}", name(i)))
}

fn said_said(size: usize) -> String {
    fill(size, "Said said said\n", |_| "said ".to_string())
}

fn quote_paragraphs(size: usize) -> String {
    let mut out = fill(size - 40, "One long quotation\n", |i| {
        format!("“Part {i} of the speech goes on and on here.\n")
    });
    out.push_str("“The end,” she said.\n");
    out
}

fn many_sources(size: usize) -> String {
    fill(size, "Many sources\n", |i| format!("{} {} said it fell.\n", name(i), name(i + 7919)))
}

fn pronouns(size: usize) -> String {
    fill(size, "Pronouns\n", |i| format!("{} Xo said it rose. He said it fell.\n", name(i)))
}

fn one_paragraph(size: usize) -> String {
    fill(size, "One paragraph\n", |i| {
        format!(
            "{} {} told reporters that “the plan {i} would fail,” adding it was late. ",
            name(i),
            name(i + 31)
        )
    })
}

/// An article (the sample's paragraphs as `<p>`) inside `open` × depth … `close` × depth. What
/// would lie beyond the HTML limit (where the CLI cuts) is not generated.
fn nested(depth: usize, open: &str, close: &str) -> String {
    let mut out = String::from("<!doctype html><html><head><title>Deep</title></head><body>");
    if depth * open.len() > MAX_HTML_BYTES {
        out.push_str(&open.repeat(MAX_HTML_BYTES / open.len() + 1));
        return out;
    }
    out.push_str(&open.repeat(depth));
    for line in SEED.lines() {
        out.push_str(&format!("<p>{line}</p>\n"));
    }
    out.push_str(&close.repeat(depth));
    out.push_str("</body></html>");
    out
}

fn div_nesting(depth: usize) -> String {
    nested(depth, "<div>", "</div>")
}

fn blockquote_nesting(depth: usize) -> String {
    nested(depth, "<blockquote>", "</blockquote>")
}

fn unclosed_divs(depth: usize) -> String {
    "<div>\n".repeat(depth.min(MAX_HTML_BYTES / 6 + 1))
}

fn attributes(size: usize) -> String {
    let mut out = fill(size - 100, "<!doctype html><html><body><div", |i| format!(" a{i}=\"{i}\""));
    out.push_str("><p>Text.</p></div></body></html>");
    out
}

fn deep_and_wide(size: usize) -> String {
    let close = "</div>".repeat(250) + "</body></html>";
    let mut out = fill(
        size - close.len(),
        &("<!doctype html><html><body>".to_string() + &"<div class=\"c\">".repeat(250)),
        |i| format!("<p>Paragraph {i}, with a few words, said the minister.</p>\n"),
    );
    out.push_str(&close);
    out
}

fn p_tags(size: usize) -> String {
    fill(size, "<!doctype html><html><body>", |_| "<p>".to_string())
}

fn open_formatting(size: usize) -> String {
    let head: String = (0..200).map(|i| format!("<b class=\"c{i}\">")).collect();
    fill(size, &format!("<!doctype html><html><body><p>{head}"), |_| "</p><p>x".to_string())
}

fn html_ordinary(size: usize) -> String {
    let paragraphs: String = SEED.lines().skip(1).map(|l| format!("<p>{l}</p>\n")).collect();
    let mut out =
        fill(size - 20, "<!doctype html><html><body><article><h1>Seed</h1>\n", |_| paragraphs.clone());
    out.push_str("</article></body></html>");
    out
}

/// What one child measures.
struct Measure {
    secs: f64,
    peak_kb: u64,
    claims: usize,
    notice: String,
}

fn child(name: &str, size: usize) {
    let row = ROWS.iter().find(|r| r.name == name).expect("a known row");
    let input = (row.generate)(size);
    let start = Instant::now();
    let report = if row.html {
        let cut = if input.len() > MAX_HTML_BYTES {
            cut_point(&input.as_bytes()[..MAX_HTML_BYTES])
        } else {
            input.len()
        };
        claimlens::analyze_html(&input[..cut])
    } else {
        claimlens::analyze_text(cut_text(&input).0)
    };
    let secs = start.elapsed().as_secs_f64();
    let notice = report
        .notice
        .map_or("-".to_string(), |n| serde_json::to_value(n).unwrap().as_str().unwrap().to_string());
    println!("{secs} {} {} {notice} {}", peak_kb(), report.claims.len(), input.len());
}

fn peak_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1).and_then(|n| n.parse().ok()))
        })
        .unwrap_or(0)
}

fn run(name: &str, size: usize, timeout: Duration) -> Result<(Measure, usize), String> {
    let mut child = Command::new(std::env::current_exe().map_err(|e| e.to_string())?)
        .args(["--child", name, &size.to_string()])
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| e.to_string())?;
    let start = Instant::now();
    loop {
        match child.try_wait().map_err(|e| e.to_string())? {
            Some(status) if status.success() => break,
            Some(status) => return Err(format!("failed ({status})")),
            None if start.elapsed() > timeout => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!("> {} s", timeout.as_secs()));
            }
            None => std::thread::sleep(Duration::from_millis(20)),
        }
    }
    let mut out = String::new();
    std::io::Read::read_to_string(&mut child.stdout.take().unwrap(), &mut out).map_err(|e| e.to_string())?;
    let f: Vec<&str> = out.split_whitespace().collect();
    let parse = |i: usize| f.get(i).copied().unwrap_or("0");
    Ok((
        Measure {
            secs: parse(0).parse().unwrap_or(0.0),
            peak_kb: parse(1).parse().unwrap_or(0),
            claims: parse(2).parse().unwrap_or(0),
            notice: parse(3).to_string(),
        },
        parse(4).parse().unwrap_or(0),
    ))
}

/// The run of median time among several of the same input.
fn median(mut runs: Vec<(Measure, usize)>) -> (Measure, usize) {
    runs.sort_by(|a, b| a.0.secs.total_cmp(&b.0.secs));
    let k = runs.len() / 2;
    runs.swap_remove(k)
}

fn human(bytes: usize) -> String {
    if bytes >= 1 << 20 {
        format!("{:.1} MB", bytes as f64 / (1 << 20) as f64)
    } else {
        format!("{} KB", bytes >> 10)
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--child") {
        child(&args[1], args[2].parse().expect("a size"));
        return;
    }
    if args.first().map(String::as_str) == Some("--input") {
        let row = ROWS.iter().find(|r| r.name == args[1]).expect("a known row");
        print!("{}", (row.generate)(args[2].parse().expect("a size")));
        return;
    }
    let value = |flag: &str| args.iter().position(|a| a == flag).and_then(|i| args.get(i + 1)).cloned();
    let timeout = Duration::from_secs(value("--timeout").and_then(|t| t.parse().ok()).unwrap_or(60));
    let only = value("--only");
    let small = value("--sizes").as_deref() == Some("small");
    let runs = value("--runs").and_then(|r| r.parse().ok()).unwrap_or(3usize).max(1);
    if cfg!(debug_assertions) {
        println!("note: debug build; run with --release for numbers worth comparing");
    }
    for nesting in [false, true] {
        let sizes: &[usize] = if nesting { &DEPTHS } else { &SIZES };
        let sizes = &sizes[..if small { 2 } else { sizes.len() }];
        let rows: Vec<&Row> = ROWS
            .iter()
            .filter(|r| r.nesting == nesting && only.as_deref().is_none_or(|o| r.name.contains(o)))
            .collect();
        if rows.is_empty() {
            continue;
        }
        let label = |size: usize| if nesting { format!("depth {}", size) } else { human(size) };
        let heads: Vec<String> = sizes.iter().map(|&s| label(s)).collect();
        let step = if nesting { "×10" } else { "×4" };
        println!("\n| input | {} | largest growth per {step} (time, memory) |", heads.join(" | "));
        println!("|---|{}---|", "---|".repeat(sizes.len()));
        for row in rows {
            let mut cells = Vec::new();
            let mut last: Option<Measure> = None;
            let (mut time_growth, mut memory_growth) = (0.0f64, 0.0f64);
            for &size in sizes {
                match (0..runs)
                    .map(|_| run(row.name, size, timeout))
                    .collect::<Result<Vec<_>, _>>()
                    .map(median)
                {
                    Ok((m, bytes)) => {
                        if let Some(l) = &last {
                            // Below 10 ms, timer and cache noise outweigh the work.
                            if l.secs >= 0.01 {
                                time_growth = time_growth.max(m.secs / l.secs);
                            }
                            memory_growth = memory_growth.max(m.peak_kb as f64 / l.peak_kb.max(1) as f64);
                        }
                        let notice = if m.notice == "-" { String::new() } else { format!(", {}", m.notice) };
                        cells.push(if nesting {
                            let input = human(bytes.min(MAX_HTML_BYTES));
                            format!(
                                "{:.3} s, {:.0} MB ({input}: {} claims{notice})",
                                m.secs,
                                m.peak_kb as f64 / 1024.0,
                                m.claims
                            )
                        } else {
                            format!("{:.3} s, {:.0} MB{notice}", m.secs, m.peak_kb as f64 / 1024.0)
                        });
                        last = Some(m);
                    }
                    Err(e) => {
                        cells.push(e);
                        break;
                    }
                }
            }
            cells.resize(sizes.len(), "–".to_string());
            let time_growth =
                if time_growth > 0.0 { format!("×{time_growth:.1}") } else { "–".to_string() };
            println!(
                "| {} ({}) | {} | {time_growth}, ×{memory_growth:.1} |",
                row.name,
                row.what,
                cells.join(" | ")
            );
        }
    }
    println!(
        "\n(time of the analysis, peak memory of the whole process, each in a process of its own; time growth \
         from a step under 10 ms is left out: there timer and cache noise outweigh the work)"
    );
}
