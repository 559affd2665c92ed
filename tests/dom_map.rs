//! The link from the report back to the page, proven on real pages without a browser: for every
//! page in `tests/pages/` and the seed page, each claim's and each source mention's DOM pieces
//! (one per block, as the overlay draws them), read out of the parsed page and joined, are the
//! claim's text. The browser overlay builds its `Range`s from exactly these pieces.

use std::collections::HashMap;
use std::fs;
use std::path::Path;

use claimlens::extract::html::{HtmlDom, HtmlNode};
use claimlens::extract::Dom;
use claimlens::{analyze_dom, DomRange, Notice};

/// The text nodes of the page in document order (what a DOM `Range` runs over).
fn text_order(dom: &HtmlDom) -> (Vec<HtmlNode>, HashMap<HtmlNode, usize>) {
    let mut order = Vec::new();
    let mut stack = vec![dom.root()];
    while let Some(n) = stack.pop() {
        if dom.text(n).is_some() {
            order.push(n);
        }
        let kids: Vec<HtmlNode> = dom.children(n).collect();
        stack.extend(kids.into_iter().rev());
    }
    let index = order.iter().enumerate().map(|(i, &n)| (n, i)).collect();
    (order, index)
}

/// What `Range.toString()` gives for a piece.
fn range_text(
    dom: &HtmlDom,
    order: &[HtmlNode],
    index: &HashMap<HtmlNode, usize>,
    r: &DomRange<HtmlNode>,
) -> String {
    let (a, b) = (index[&r.start.node], index[&r.end.node]);
    assert!(a <= b, "a range runs backwards");
    let mut out = String::new();
    for (i, &n) in order.iter().enumerate().take(b + 1).skip(a) {
        let t = dom.text(n).unwrap();
        let from = if i == a { r.start.byte } else { 0 };
        let to = if i == b { r.end.byte } else { t.len() };
        assert!(from <= to, "piece ends before it starts");
        out.push_str(&t[from..to]);
    }
    out
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn utf16_agrees(dom: &HtmlDom, r: &DomRange<HtmlNode>) -> bool {
    [r.start, r.end].iter().all(|p| {
        let t = dom.text(p.node).unwrap();
        t.is_char_boundary(p.byte) && t[..p.byte].encode_utf16().count() == p.utf16
    })
}

/// Checks every claim and mention of a page; returns how many spans were checked.
fn check_page(name: &str, html: &str) -> usize {
    let dom = HtmlDom::parse(html);
    let page = analyze_dom(&dom);
    let (order, index) = text_order(&dom);
    let mut checked = 0;
    let mut spans: Vec<(usize, usize, String)> =
        page.report.claims.iter().map(|c| (c.start, c.end, c.text.clone())).collect();
    for c in &page.report.claims {
        if let Some(s) = &c.source {
            spans.push((s.start, s.end, s.mention.clone()));
        }
    }
    for (start, end, text) in spans {
        let ranges = page.ranges(&dom, start, end);
        let title = page.report.text.find("\n\n").unwrap_or(page.report.text.len());
        if ranges.is_empty() && start < page.report.text[..title].chars().count() {
            continue; // the title taken from <title>, not from a visible node
        }
        assert!(!ranges.is_empty(), "{name}: no DOM piece for {text:?}");
        let joined: Vec<String> = ranges.iter().map(|r| range_text(&dom, &order, &index, r)).collect();
        assert_eq!(collapse(&joined.join(" ")), collapse(&text), "{name}: the DOM pieces of a span");
        assert!(ranges.iter().all(|r| utf16_agrees(&dom, r)), "{name}: UTF-16 offsets of {text:?}");
        checked += 1;
    }
    checked
}

#[test]
fn claims_map_to_their_text_on_every_real_page() {
    let mut pages = 0;
    let mut spans = 0;
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/pages");
    let mut names: Vec<_> = fs::read_dir(&dir).unwrap().flatten().map(|e| e.path()).collect();
    names.sort();
    names.push(Path::new(env!("CARGO_MANIFEST_DIR")).join("samples"));
    for path in names {
        let file =
            if path.ends_with("samples") { path.join("seed-article.html") } else { path.join("source.html") };
        let Ok(html) = fs::read_to_string(&file) else { continue };
        spans += check_page(&file.display().to_string(), &html);
        pages += 1;
    }
    assert!(pages >= 21, "only {pages} pages");
    assert!(spans >= 500, "only {spans} spans checked");
}

#[test]
fn claims_across_inline_elements_blocks_and_surrogate_pairs() {
    let html = "<html><head><title>t</title></head><body><article><h1>Council backs the plan 😀</h1>\
        <p>The <em>mayor</em> said that the <a href='/x'>new 😀 budget</a> would   fix\n the roads in the north of \
        the town by next spring, after years of complaints from drivers and cyclists alike.</p>\
        <p>“We have waited long enough for this and the money is there,” said <b>Ana Ruiz</b>, who leads \
        the council’s transport committee and has pushed for the plan since she was elected.</p>\
        <p>“The 😀 works start in May. They will end in the autumn of next year.</p><p>“Nobody will \
        pay more for it, and the <i>buses</i> will run as usual,” she added, speaking to reporters after the vote.</p>\
        </article></body></html>";
    let dom = HtmlDom::parse(html);
    let page = analyze_dom(&dom);
    assert!(page.report.claims.len() >= 3, "{:#?}", page.report.claims);
    let multi = page.report.claims.iter().filter(|c| page.ranges(&dom, c.start, c.end).len() > 1).count();
    assert!(multi >= 1, "a quotation over two paragraphs maps to two pieces");
    assert!(check_page("inline", html) >= 4);
}

#[test]
fn extracted_text_is_held_to_the_text_limit() {
    let para = "<p>The minister said the plan would cost more than expected, officials said on Monday.</p>";
    let html = format!("<html><body><article><h1>Title</h1>{}</article></body></html>", para.repeat(14_000));
    let page = analyze_dom(&HtmlDom::parse(&html));
    assert_eq!(page.report.notice, Some(Notice::Truncated));
    assert!(page.report.text.len() <= claimlens::limits::MAX_TEXT_BYTES);
    assert!(!page.report.claims.is_empty());
}

#[test]
fn a_root_known_to_be_the_article_is_read_whole() {
    // Far below the threshold at which a page counts as having an article.
    let html = "<div><h2>Bridge to reopen</h2><p>The mayor said the bridge would reopen on Friday.</p></div>";
    let dom = HtmlDom::parse(html);
    assert_eq!(analyze_dom(&dom).report.notice, Some(Notice::NoArticle));
    let page = claimlens::analyze_dom_whole(&dom);
    assert_eq!(page.article.as_ref().and_then(|a| a.title.as_deref()), Some("Bridge to reopen"));
    assert!(page.report.claims.iter().any(|c| c.text == "the bridge would reopen on Friday"));
}
