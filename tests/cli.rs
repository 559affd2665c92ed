//! The command line as a user runs it: the built binary on real files, standard input, bad input
//! and batches, checking exit codes, what is printed and what the JSON says.

use claimlens::report::{Report, REPORT_VERSION};
use serde_json::Value;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::mpsc;
use std::time::Duration;

const SEED_TXT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/samples/seed-article.txt");
const SEED_HTML: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/samples/seed-article.html");

/// The CLI's limit for plain text (`MAX_TEXT_BYTES` in src/bin/claimlens/input.rs).
const MAX_TEXT_BYTES: usize = 1 << 20;

fn claimlens() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_claimlens"));
    c.env_remove("CLAIMLENS_PEAK_MEMORY");
    c
}

fn run(args: &[&str]) -> Output {
    claimlens().args(args).output().expect("the binary runs")
}

/// Runs with `stdin` fed from a thread (so a child that stops reading early cannot block the test).
fn run_with_stdin(args: &[&str], stdin: Vec<u8>) -> Output {
    spawn_with_stdin(claimlens().args(args), stdin)
}

/// [`run_with_stdin`] with `CLAIMLENS_PEAK_MEMORY=1`: the output and the peak memory in kB.
fn run_measured(args: &[&str], stdin: Vec<u8>) -> (Output, u64) {
    let o = spawn_with_stdin(claimlens().args(args).env("CLAIMLENS_PEAK_MEMORY", "1"), stdin);
    let peak = peak_memory_kb(&stderr(&o));
    (o, peak)
}

fn spawn_with_stdin(command: &mut Command, stdin: Vec<u8>) -> Output {
    let mut child = command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut pipe = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        // The child may stop reading at its limit; a broken pipe is expected then.
        let _ = pipe.write_all(&stdin);
    });
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap();
    output
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn report(o: &Output) -> Report {
    assert_eq!(o.status.code(), Some(0), "stderr: {}", stderr(o));
    serde_json::from_slice(&o.stdout).expect("stdout is a JSON report")
}

/// A file in the target's scratch folder, named per process: several test runs may share it.
fn temp_file(name: &str, contents: &[u8]) -> PathBuf {
    let path = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("cli-{}-{name}", std::process::id()));
    std::fs::write(&path, contents).unwrap();
    path
}

/// Claims hold together: offsets inside the text, the claim's text is the text at its offsets.
fn assert_consistent(report: &Report) {
    let chars: Vec<char> = report.text.chars().collect();
    for c in &report.claims {
        assert!(c.start <= c.end && c.end <= chars.len(), "{c:?}");
        assert_eq!(c.text, chars[c.start..c.end].iter().collect::<String>());
    }
}

#[test]
fn seed_article_as_json() {
    let r = report(&run(&["analyze", "--format", "json", SEED_TXT]));
    assert_eq!(r.version, REPORT_VERSION);
    assert_eq!(r.text, std::fs::read_to_string(SEED_TXT).unwrap());
    assert_eq!(r.notice, None);
    assert_consistent(&r);
}

#[test]
fn seed_article_as_text_shows_every_badge_and_the_summary() {
    let r = report(&run(&["analyze", "--format=json", SEED_TXT]));
    let o = run(&["analyze", SEED_TXT]);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    assert!(out.starts_with(&format!("ClaimLens: {} claim", r.claims.len())), "{out}");
    assert!(out.contains("Washington and Beijing have been engaged in a technological battle"));
    for (i, claim) in r.claims.iter().enumerate() {
        let n = i + 1;
        assert!(out.contains(&format!("    [{n}] {}\n", Report::badge(claim))), "badge {n} missing:\n{out}");
        assert!(out.contains(&format!("⟦{n}⟧")) && out.contains(&format!("⟦/{n}⟧")), "marks {n} missing");
    }
    for s in &r.sources {
        assert!(
            out.contains(&format!("  {} ({}): {} claim", s.name, s.kind.label(), s.claims.len())),
            "{out}"
        );
    }
}

#[test]
fn seed_page_as_html() {
    let r = report(&run(&["analyze", "--format", "json", SEED_HTML]));
    assert_eq!(r.version, REPORT_VERSION);
    assert!(r.text.contains("Alibaba"));
    assert_consistent(&r);
    // Sniffed without the extension too.
    let html = std::fs::read(SEED_HTML).unwrap();
    let piped = report(&run_with_stdin(&["analyze", "--format", "json", "-"], html));
    assert_eq!(piped, r);
}

#[test]
fn seed_page_text_is_the_article_without_markup() {
    let r = report(&run(&["analyze", "--format", "json", SEED_HTML]));
    assert!(!r.text.contains('<') && !r.text.contains("cookie"), "{}", r.text);
    assert!(r.text.contains("Chinese online trading giant Alibaba"));
}

#[test]
fn page_without_an_article() {
    let page = b"<!doctype html><html><head><title>Shop</title></head><body><nav><a href=/>Home</a>\
        <a href=/cart>Cart</a></nav><footer>(c) 2025</footer></body></html>";
    let r = report(&run_with_stdin(&["analyze", "--format", "json", "-"], page.to_vec()));
    assert_eq!(r.notice, Some(claimlens::Notice::NoArticle));
    assert!(r.claims.is_empty());
}

#[test]
fn page_without_an_article_is_not_an_error() {
    let page = b"<!doctype html><html><body><nav><a href=/>Home</a></nav></body></html>";
    let o = run_with_stdin(&["analyze", "-"], page.to_vec());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

#[test]
fn standard_input_gives_the_same_report_as_the_file() {
    let text = std::fs::read(SEED_TXT).unwrap();
    let piped = report(&run_with_stdin(&["analyze", "--format", "json", "-"], text));
    assert_eq!(piped, report(&run(&["analyze", "--format", "json", SEED_TXT])));
}

#[test]
fn empty_input_is_a_notice() {
    for input in ["", "  \n\n\t \n"] {
        let r = report(&run_with_stdin(&["analyze", "--format", "json", "-"], input.as_bytes().to_vec()));
        assert_eq!(r.notice, Some(claimlens::Notice::EmptyInput));
        assert!(r.claims.is_empty());
    }
    let o = run_with_stdin(&["analyze", "-"], Vec::new());
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("Note: the input is empty."), "{}", stdout(&o));
}

#[test]
fn binary_input_is_refused() {
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    png.extend((0..2000u32).map(|i| (i * 7919 % 251) as u8));
    let o = run_with_stdin(&["analyze", "-"], png);
    assert_eq!(o.status.code(), Some(3));
    assert!(stderr(&o).contains("binary data"), "{}", stderr(&o));
    assert!(o.stdout.is_empty());
    let path = temp_file("utf16.txt", &[0xFF, 0xFE, b'H', 0, b'i', 0]);
    let o = run(&["analyze", path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(3));
    assert!(stderr(&o).contains("UTF-16"), "{}", stderr(&o));
}

#[test]
fn invalid_utf8_names_the_byte_offset() {
    let mut bytes = "Title\n".as_bytes().to_vec();
    while bytes.len() < 1234 {
        bytes.extend_from_slice("Officials said the plan was “ready”. ".as_bytes());
    }
    bytes.truncate(1234);
    // Keep the prefix valid UTF-8: cut back to a char boundary, then pad with ASCII.
    while std::str::from_utf8(&bytes).is_err() {
        bytes.pop();
    }
    bytes.resize(1234, b'x');
    bytes.extend_from_slice(b"\xE9t\xE9 and more text\n");
    let path = temp_file("latin1.txt", &bytes);
    let o = run(&["analyze", path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(3));
    assert!(stderr(&o).contains("invalid UTF-8 at byte 1234"), "{}", stderr(&o));
}

#[test]
fn french_text_is_not_supported_yet() {
    let text = "Alibaba rejette un article du Financial Times\n\
        Le géant chinois du commerce en ligne Alibaba a contesté samedi auprès de l'AFP un article du \
        Financial Times l'accusant d'aider les opérations de l'armée chinoise contre les États-Unis. \
        Le même document affirme, selon le FT, qu'Alibaba a transmis des données d'utilisateurs à \
        l'armée et aux autorités chinoises. Le quotidien économique a dit ne pas pouvoir vérifier.\n";
    let r = report(&run_with_stdin(&["analyze", "--format", "json", "-"], text.as_bytes().to_vec()));
    assert_eq!(r.notice, Some(claimlens::Notice::UnsupportedLanguage));
    assert!(r.claims.is_empty());
    let o = run_with_stdin(&["analyze", "-"], text.as_bytes().to_vec());
    assert!(stdout(&o).contains("not supported yet"), "{}", stdout(&o));
}

#[test]
fn jsonl_reports_each_line_and_keeps_going_after_a_bad_one() {
    let seed = std::fs::read_to_string(SEED_TXT).unwrap();
    let html = std::fs::read_to_string(SEED_HTML).unwrap();
    let input = format!(
        "{}\n{{\"id\": 2, \"text\": \"unterminated\n{}\n",
        serde_json::json!({"id": "seed", "text": seed}),
        serde_json::json!({"id": [3], "html": html}),
    );
    let path = temp_file("batch.jsonl", input.as_bytes());
    let o = run(&["analyze", "--jsonl", path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(3), "{}", stderr(&o));
    assert!(stderr(&o).contains("line 2"), "{}", stderr(&o));
    let lines: Vec<Value> =
        stdout(&o).lines().map(|l| serde_json::from_str(l).expect("each line is JSON")).collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["id"], "seed");
    assert_eq!(lines[0]["line"], 1);
    let first: Report = serde_json::from_value(lines[0]["report"].clone()).unwrap();
    assert_eq!(first, report(&run(&["analyze", "--format", "json", SEED_TXT])));
    assert_eq!(lines[1]["line"], 2);
    assert!(lines[1]["error"].as_str().unwrap().contains("not JSON"));
    assert!(lines[1].get("report").is_none());
    assert_eq!(lines[2]["id"], serde_json::json!([3]));
    assert_eq!(lines[2]["report"]["version"], REPORT_VERSION);
}

#[test]
fn jsonl_all_good_exits_zero() {
    let input = "{\"id\": \"a\", \"text\": \"Title\\nThe mayor said the bridge would reopen.\"}\n\n{\"id\": \"b\", \"text\": \"\"}\n";
    let o = run_with_stdin(&["analyze", "--jsonl", "-"], input.as_bytes().to_vec());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let lines: Vec<Value> = stdout(&o).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 2, "blank lines are skipped");
    assert_eq!(lines[1]["report"]["notice"], "empty_input");
}

#[test]
fn jsonl_streams_a_line_out_before_the_next_comes_in() {
    let mut child = claimlens()
        .args(["analyze", "--jsonl", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let (tx, rx) = mpsc::channel();
    let out = child.stdout.take().unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(out).lines() {
            if tx.send(line.unwrap()).is_err() {
                break;
            }
        }
    });
    for id in 0..2 {
        writeln!(stdin, "{}", serde_json::json!({"id": id, "text": "Title\nShe said it was fine."})).unwrap();
        stdin.flush().unwrap();
        // Generous: only a tool that waits for the end of its input would take this long.
        let line = rx.recv_timeout(Duration::from_secs(60)).expect("a report line while input is still open");
        let v: Value = serde_json::from_str(&line).unwrap();
        assert_eq!(v["id"], id);
    }
    drop(stdin);
    assert!(child.wait().unwrap().success());
}

#[test]
fn help_explains_every_option_and_exit_code() {
    for flag in ["--help", "-h"] {
        let o = run(&[flag]);
        assert_eq!(o.status.code(), Some(0));
        let help = stdout(&o);
        for word in [
            "analyze",
            "--format",
            "text",
            "json",
            "--input",
            "html",
            "--jsonl",
            "-h, --help",
            "-V, --version",
            "FILE|-",
            "MiB",
            "EXIT CODES",
            "\"error\"",
            "\"report\"",
        ] {
            assert!(help.contains(word), "help lacks {word:?}");
        }
        for code in 0..=3 {
            assert!(help.contains(&format!("\n  {code}  ")), "help lacks exit code {code}");
        }
    }
    let o = run(&["analyze", "x.txt", "--help"]);
    assert_eq!(o.status.code(), Some(0));
}

#[test]
fn version() {
    let o = run(&["--version"]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(stdout(&o), format!("claimlens {}\n", env!("CARGO_PKG_VERSION")));
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &["analyze", "--bogus", SEED_TXT][..],
        &["analyze", "--format", "xml", SEED_TXT],
        &["analyze"],
        &["frobnicate", SEED_TXT],
        &[],
    ] {
        let o = run(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(stderr(&o).contains("usage: claimlens analyze"), "{args:?}: {}", stderr(&o));
        assert!(o.stdout.is_empty());
    }
}

#[test]
fn missing_file_is_an_io_error() {
    let o = run(&["analyze", "/nonexistent/article.txt"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("/nonexistent/article.txt"));
}

/// Paragraphs of English news prose, as many as fill `bytes`.
fn long_article(bytes: usize) -> Vec<u8> {
    let seed = std::fs::read_to_string(SEED_TXT).unwrap();
    let mut out = String::with_capacity(bytes + seed.len());
    out.push_str("A very long article\n");
    while out.len() < bytes {
        out.push_str(seed.split_once('\n').unwrap().1);
    }
    out.into_bytes()
}

fn peak_memory_kb(stderr: &str) -> u64 {
    let line =
        stderr.lines().find_map(|l| l.strip_prefix("claimlens: peak memory ")).expect("peak memory line");
    line.trim_end_matches(" kB").trim().parse().unwrap()
}

/// Runs `analyze --format json` on a generated article of `bytes` bytes; the report and the peak
/// memory in kB.
fn analyze_long_file(bytes: usize) -> (Report, String, u64) {
    let path = temp_file(&format!("long-{bytes}.txt"), &long_article(bytes));
    let o = claimlens()
        .args(["analyze", "--format", "json", path.to_str().unwrap()])
        .env("CLAIMLENS_PEAK_MEMORY", "1")
        .output()
        .unwrap();
    std::fs::remove_file(&path).ok();
    let err = stderr(&o);
    let peak = peak_memory_kb(&err);
    (report(&o), err, peak)
}

#[test]
fn a_50_mb_file_is_cut_at_the_limit_in_bounded_memory() {
    let (r, err, peak_50) = analyze_long_file(50 << 20);
    assert_eq!(r.notice, Some(claimlens::Notice::Truncated));
    assert!(r.text.len() <= MAX_TEXT_BYTES && r.text.len() > MAX_TEXT_BYTES / 2);
    assert!(r.text.ends_with('\n'), "cut at a line break");
    assert!(err.contains("warning") && err.contains("50.0 MiB"), "{err}");
    // Memory does not grow with the input beyond the limit: 50 MB costs what 6 MB costs (both are
    // cut to the same 1 MB), where reading it all would add at least the 44 MB difference.
    let (_, _, peak_6) = analyze_long_file(6 << 20);
    assert!(peak_50 < peak_6 + 16 * 1024, "peak memory {peak_50} kB for 50 MB, {peak_6} kB for 6 MB");
}

#[test]
fn a_50_mb_stream_does_not_hang_and_text_format_says_so() {
    let o = run_with_stdin(&["analyze", "-"], long_article(50 << 20));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains("Note: the input was too long"));
    assert!(stderr(&o).contains("more than the 1 MiB limit for plain text"), "{}", stderr(&o));
}

/// Inputs at the limit that are hard for the engine rather than big: one huge paragraph, and a
/// megabyte of short attributed sentences. They must finish (no hang, no memory blow-up).
#[test]
fn hard_inputs_at_the_limit_finish() {
    let words = ["the", "said", "that", "of", "he", "they", "according to", "“", "”", "officials", "Alibaba"];
    let mut paragraph = String::from("Title\n");
    for i in 0..(MAX_TEXT_BYTES / 6) {
        paragraph.push_str(words[i * 7 % words.len()]);
        paragraph.push(' ');
    }
    let claims = "Title\n".to_string() + &"He said that the plan was ready. ".repeat(MAX_TEXT_BYTES / 34);
    for text in [paragraph, claims] {
        let o = run_with_stdin(&["analyze", "--format", "json", "-"], text.into_bytes());
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    }
}

/// The inputs of issue 7 that were quadratic or worse, at the plain-text limit: each took from
/// minutes to hours (`He said, "` repeated: 96 s and 836 MB at 128 KB) and now finishes at 1 MiB
/// in bounded memory. Times are measured by `make bench-worst`, not here; memory is checked
/// because it is what a quadratic input blows first.
#[test]
fn hostile_text_at_the_limit_finishes_in_bounded_memory() {
    let fill = |head: &str, piece: &dyn Fn(usize) -> String| {
        let mut s = head.to_string();
        let mut i = 0;
        while s.len() < MAX_TEXT_BYTES - 100 {
            s.push_str(&piece(i));
            i += 1;
        }
        s
    };
    let inputs = [
        fill("Unbalanced\n", &|_| "He said, \"".into()),
        fill("Chains\nAccording to Reuters", &|i| format!(", according to Source{i}")),
        fill("Said\n", &|_| "said ".into()),
        fill("Quotation\n", &|i| format!("“Part {i}, he said, goes on here.\n")) + "“The end,” she said.\n",
        fill("Sources\n", &|i| format!("Kal{i} Vur{i} said it fell.\n")),
    ];
    for text in inputs {
        let head: String = text.chars().take(30).collect();
        let (o, peak) = run_measured(&["analyze", "--format", "json", "-"], text.into_bytes());
        assert_consistent(&report(&o));
        assert!(peak < 200 * 1024, "{peak} kB for {head:?}…");
    }
}

/// HTML nested far deeper than any page, or with an element of a million attributes, at the
/// HTML limit: `<div>` nested 100,000 deep never finished, nor did `yes '<div>'`. An article
/// inside such nesting (even 511 deep, once dropped as `no_article`) is found, and the report
/// says the page was simplified.
#[test]
fn hostile_html_finishes_and_keeps_a_deeply_nested_article() {
    let seed = std::fs::read_to_string(SEED_TXT).unwrap();
    let article: String = seed.lines().map(|l| format!("<p>{l}</p>\n")).collect();
    for depth in [511, 5_000, 150_000] {
        let html =
            format!("<html><body>{}{article}{}</body></html>", "<div>".repeat(depth), "</div>".repeat(depth));
        let r = report(&run_with_stdin(
            &["analyze", "--format", "json", "--input", "html", "-"],
            html.into_bytes(),
        ));
        assert!(r.claims.len() >= 10, "depth {depth}: {} claims", r.claims.len());
        assert_eq!(r.notice, Some(claimlens::Notice::TooComplex), "depth {depth}");
        assert_consistent(&r);
    }
    let attributes: String = (0..400_000).map(|i| format!(" a{i}")).collect();
    let many = format!("<html><body><div{attributes}>{article}</div></body></html>");
    let endless = "<div>\n".repeat(MAX_TEXT_BYTES * 4 / 6);
    for html in [many, endless] {
        let (o, peak) =
            run_measured(&["analyze", "--format", "json", "--input", "html", "-"], html.into_bytes());
        assert_consistent(&report(&o));
        assert!(peak < 200 * 1024, "{peak} kB");
    }
}

/// Control characters from the input reached the terminal as they were with `--format text`: ESC
/// sequences that clear the screen or retitle the window, OSC, BEL, BS, a one-byte CSI (U+009B)
/// and a right-to-left override, in claims and source names, from text and from HTML entities,
/// and in the file names of error messages. They are now shown as `\u{…}`.
#[test]
fn text_format_shows_control_characters_escaped() {
    let nasty = "\u{1b}[2J\u{1b}]0;owned\u{7}\u{8}\u{9b}1m\u{202e}";
    let text = format!("Title\nThe minister{nasty} said the plan{nasty} would fail.\n");
    let seed = std::fs::read_to_string(SEED_TXT).unwrap();
    let paragraphs: String = seed.lines().map(|l| format!("<p>{l}</p>")).collect();
    let html = format!(
        "<html><body>{}</body></html>",
        paragraphs
            .replace("Alibaba", "Alibaba&#x1b;[2J&#x9b;1m&#x202e;")
            .replace("<p>The claim", "<p>The&#7; claim")
    );
    let is_unsafe = |c: char| (c.is_control() && c != '\n' && c != '\t') || c == '\u{202e}';
    for (args, input) in [
        (vec!["analyze", "-"], text.into_bytes()),
        (vec!["analyze", "--input", "html", "-"], html.into_bytes()),
    ] {
        let o = run_with_stdin(&args, input);
        let out = stdout(&o);
        assert!(out.contains("claim"), "{out}");
        assert!(!out.chars().any(is_unsafe), "{out:?}");
        assert!(out.contains(r"\u{1B}[2J"), "{out}");
    }
    let o = run(&["analyze", "/nonexistent/\u{1b}[2Jarticle\u{7}.txt"]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(!err.chars().any(is_unsafe) && err.contains(r"\u{1B}[2Jarticle\u{7}.txt"), "{err:?}");
}

/// A CR-only text (old Mac line ends) was one line: the title ran into the body.
#[test]
fn cr_only_line_ends_are_line_breaks() {
    let text = "Budget vote delayed\rThe minister said the vote would be delayed.\rIt was.\r";
    let r = report(&run_with_stdin(&["analyze", "--format", "json", "-"], text.as_bytes().to_vec()));
    let claim = r.claims.iter().find(|c| c.source.is_some()).expect("an attributed claim");
    assert_eq!(claim.source.as_ref().unwrap().mention, "The minister");
    let o = run_with_stdin(&["analyze", "-"], text.as_bytes().to_vec());
    assert!(stdout(&o).contains("\nBudget vote delayed\n"), "{}", stdout(&o));
}

/// A JSONL article cut at the limit said so in its report but printed no warning, though the
/// README says one goes to standard error.
#[test]
fn jsonl_article_cut_at_the_limit_warns() {
    let text = String::from_utf8(long_article(MAX_TEXT_BYTES + 100_000)).unwrap();
    let line = serde_json::json!({"id": 7, "text": text}).to_string() + "\n";
    let o = run_with_stdin(&["analyze", "--jsonl", "-"], line.into_bytes());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out: Value = serde_json::from_str(stdout(&o).lines().next().unwrap()).unwrap();
    assert_eq!(out["report"]["notice"], "truncated");
    let err = stderr(&o);
    assert!(err.contains("warning: line 1:") && err.contains("1 MiB limit"), "{err}");
}
