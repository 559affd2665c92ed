//! The browser side in real headless browsers (`make wasm-test`: Chromium, then Firefox): the
//! live-DOM backend reads what the parsed-HTML backend reads, claims map to ranges whose text is
//! the claim's even across inline elements and surrogate pairs, and the overlay goes on and off
//! leaving the page's DOM exactly as it was.
#![cfg(target_arch = "wasm32")]

use claimlens::extract::Dom;
use claimlens::web::dom::LiveDom;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Document, Element, Node};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Puts `html` in a fresh container at the end of the body (the test page's own output stays).
/// Test code only: the extension never parses HTML strings.
fn page(html: &str) -> Element {
    let doc = document();
    for old in doc.query_selector_all("[data-test-page]").unwrap().values() {
        old.unwrap().dyn_into::<Element>().unwrap().remove();
    }
    let div = doc.create_element("div").unwrap();
    div.set_attribute("data-test-page", "").unwrap();
    div.set_inner_html(html);
    doc.body().unwrap().append_child(&div).unwrap();
    div
}

fn seed_main() -> String {
    let html = include_str!("../samples/seed-article.html");
    let start = html.find("<main>").unwrap();
    let end = html.find("</main>").unwrap() + "</main>".len();
    html[start..end].to_string()
}

const INLINE: &str = "<article><h1>Council backs the plan 😀</h1>\
    <p>The <em>mayor</em> said that the <a href='#x'>new 😀 budget</a> would fix the roads in the north \
    of the town by next spring, after years of complaints from 𝒹rivers and cyclists alike.</p>\
    <p>“We have waited long enough for this and the money is 😀 there,” said <b>Ana Ruiz</b>, who leads \
    the transport committee and has pushed for the plan since she was elected in the spring.</p>\
    <p>“The works start in May. They will end in the autumn of next year.</p><p>“Nobody will \
    pay more for it, and the <i>buses</i> will run as usual,” she added, speaking to reporters after the vote.</p>\
    </article>";

/// Every text node under `root` with its data, in document order.
fn text_nodes(root: &Node) -> Vec<(Node, String)> {
    let mut out = Vec::new();
    let mut stack = vec![root.clone()];
    while let Some(n) = stack.pop() {
        if n.node_type() == Node::TEXT_NODE {
            out.push((n.clone(), n.node_value().unwrap_or_default()));
        }
        let kids = n.child_nodes();
        for i in (0..kids.length()).rev() {
            stack.push(kids.item(i).unwrap());
        }
    }
    out
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[wasm_bindgen_test]
fn live_dom_reads_tags_attributes_and_text() {
    let root = page("<p class='lead' id='x'>Hello <b>wide</b> world</p>");
    let dom = LiveDom::new(root.clone().into());
    let p = dom.first_child(dom.root()).unwrap();
    assert_eq!(dom.tag(p).as_deref(), Some("p"));
    assert_eq!(dom.attr(p, "class").as_deref(), Some("lead"));
    let kids: Vec<_> = dom.children(p).collect();
    assert_eq!(kids.len(), 3);
    assert_eq!(dom.text(kids[0]).as_deref(), Some("Hello "));
    assert_eq!(dom.tag(kids[1]).as_deref(), Some("b"));
    assert_eq!(dom.first_child(kids[0]), None);
    // Asking twice gives the same handle (the arena does not grow).
    assert_eq!(dom.first_child(p), Some(kids[0]));
    assert_eq!(dom.next_sibling(dom.root()), None);
}

#[wasm_bindgen_test]
fn claims_map_to_ranges_across_inline_elements_and_surrogate_pairs() {
    let root = page(INLINE);
    let dom = LiveDom::new(document().into());
    let analysis = claimlens::analyze_dom(&dom);
    let claims = &analysis.report.claims;
    assert!(claims.len() >= 3, "{claims:#?}");
    let mut multi = 0;
    for c in claims {
        let pieces = analysis.ranges(&dom, c.start, c.end);
        assert!(!pieces.is_empty(), "no piece for {:?}", c.text);
        multi += usize::from(pieces.len() > 1);
        let mut joined = Vec::new();
        for p in &pieces {
            let range = document().create_range().unwrap();
            range.set_start(&dom.node(p.start.node), p.start.utf16 as u32).unwrap();
            range.set_end(&dom.node(p.end.node), p.end.utf16 as u32).unwrap();
            joined.push(String::from(range.to_string()));
        }
        assert_eq!(collapse(&joined.join(" ")), collapse(&c.text));
    }
    assert!(multi >= 1, "the quotation over two paragraphs has two pieces");
    assert!(claims.iter().any(|c| c.text.contains('😀')));
    root.remove();
}

#[wasm_bindgen_test]
fn overlay_on_then_off_leaves_the_dom_identical() {
    let root = page(&seed_main());
    let body: Node = document().body().unwrap().into();
    let before_html = document().document_element().unwrap().outer_html();
    let before_nodes = text_nodes(&body);

    let summary = claimlens::web::annotate(None).unwrap();
    let claims = js_sys::Reflect::get(&summary, &"claims".into()).unwrap().as_f64().unwrap() as usize;
    assert!(claims >= 12, "{claims} claims on the seed article");
    let badges = document().query_selector_all("claimlens-badge").unwrap();
    assert_eq!(badges.length() as usize, claims);
    assert_ne!(document().document_element().unwrap().outer_html(), before_html);
    // None outside the article.
    assert_eq!(
        document().query_selector_all("nav claimlens-badge, .sidebar claimlens-badge").unwrap().length(),
        0
    );

    // Labels name the sources of the seed article.
    let labels: Vec<String> = (0..badges.length())
        .map(|i| {
            let host = badges.item(i).unwrap().dyn_into::<Element>().unwrap();
            let shadow = host.shadow_root().expect("an open shadow root");
            shadow.query_selector("button").unwrap().unwrap().get_attribute("aria-label").unwrap()
        })
        .collect();
    for name in ["Financial Times", "Alibaba", "White House", "Liu Pengyu", "Anthropic", "Lin Jian"] {
        assert!(labels.iter().any(|l| l.contains(name)), "no badge names {name}: {labels:#?}");
    }
    assert!(labels.iter().any(|l| l.starts_with("No source given")));

    let report = claimlens::web::report().unwrap();
    let drawn = js_sys::Array::from(&js_sys::Reflect::get(&report, &"claims".into()).unwrap());
    assert_eq!(drawn.length() as usize, claims, "report() is the report of the badges drawn");

    // Turning it on again redraws the same badges.
    claimlens::web::annotate(None).unwrap();
    assert_eq!(document().query_selector_all("claimlens-badge").unwrap().length() as usize, claims);

    claimlens::web::clear();
    assert_eq!(document().document_element().unwrap().outer_html(), before_html);
    let after_nodes = text_nodes(&body);
    assert_eq!(before_nodes.len(), after_nodes.len(), "split text nodes are rejoined");
    for ((a, ta), (b, tb)) in before_nodes.iter().zip(&after_nodes) {
        assert!(a.is_same_node(Some(b)), "the same text nodes");
        assert_eq!(ta, tb);
    }
    assert!(claimlens::web::report().unwrap().is_null(), "no report when off");
    let off = claimlens::web::summary().unwrap();
    assert_eq!(js_sys::Reflect::get(&off, &"on".into()).unwrap().as_bool(), Some(false));
    root.remove();
}

#[wasm_bindgen_test]
fn highlights_hold_the_claims_text() {
    let root = page(INLINE);
    let summary = claimlens::web::annotate(None).unwrap();
    let has_api = js_sys::Reflect::get(&summary, &"highlights".into()).unwrap().as_bool().unwrap();
    let registry = js_sys::Reflect::get(
        &js_sys::Reflect::get(&js_sys::global(), &"CSS".into()).unwrap(),
        &"highlights".into(),
    );
    // Both browsers tested here have the Custom Highlight API (Chromium since 105, Firefox since 140).
    assert!(has_api, "CSS.highlights is missing");
    {
        let registry = registry.unwrap();
        let get =
            js_sys::Reflect::get(&registry, &"get".into()).unwrap().dyn_into::<js_sys::Function>().unwrap();
        let direct = get.call1(&registry, &"claimlens-direct_quote".into()).unwrap();
        let ranges = js_sys::Array::from(&direct);
        assert!(ranges.length() >= 2);
        for r in ranges.iter() {
            // The highlights are static ranges (nothing to update when the page changes); read
            // their text through a Range with the same ends.
            let r = r.dyn_into::<web_sys::StaticRange>().unwrap();
            let range = document().create_range().unwrap();
            range.set_start(&r.start_container(), r.start_offset()).unwrap();
            range.set_end(&r.end_container(), r.end_offset()).unwrap();
            let text = String::from(range.to_string());
            assert!(text.starts_with('“'), "{text}");
        }
    }
    claimlens::web::clear();
    root.remove();
}

#[wasm_bindgen_test]
fn focus_opens_the_card_and_escape_closes_it() {
    let root = page(&seed_main());
    claimlens::web::annotate(None).unwrap();
    assert!(claimlens::web::focus_source("Anthropic"));
    let host = document().query_selector("claimlens-badge").unwrap().unwrap();
    let _ = host;
    let focused = (0..document().query_selector_all("claimlens-badge").unwrap().length())
        .map(|i| {
            document()
                .query_selector_all("claimlens-badge")
                .unwrap()
                .item(i)
                .unwrap()
                .dyn_into::<Element>()
                .unwrap()
        })
        .find(|h| {
            let card = h.shadow_root().unwrap().query_selector(".card").unwrap().unwrap();
            !card.has_attribute("hidden")
        })
        .expect("the focused badge shows its card");
    let shadow = focused.shadow_root().unwrap();
    let card = shadow.query_selector(".card").unwrap().unwrap();
    assert!(card.text_content().unwrap().contains("Anthropic"));
    let init = web_sys::KeyboardEventInit::new();
    init.set_key("Escape");
    init.set_bubbles(true);
    init.set_composed(true);
    let esc = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    shadow.query_selector("button").unwrap().unwrap().dispatch_event(&esc).unwrap();
    assert!(card.has_attribute("hidden"), "Escape closes the card");
    claimlens::web::clear();
    root.remove();
}

#[wasm_bindgen_test]
fn a_given_root_is_the_article_however_short() {
    let root = page("<div><p>Short note.</p><p>The mayor said the bridge would reopen on Friday.</p></div>");
    let article = root.first_element_child().unwrap();
    let summary = claimlens::web::annotate(Some(article.clone())).unwrap();
    let claims = js_sys::Reflect::get(&summary, &"claims".into()).unwrap().as_f64().unwrap() as usize;
    assert!(claims >= 1, "a claim in a text far below the article threshold");
    let badges = document().query_selector_all("claimlens-badge").unwrap();
    assert_eq!(badges.length() as usize, claims);
    for i in 0..badges.length() {
        let host = badges.item(i).unwrap();
        assert!(article.contains(Some(&host)), "badges only inside the given root");
    }
    claimlens::web::clear();
    root.remove();
}

#[wasm_bindgen_test]
fn a_page_parsed_inert_is_rebuilt_from_text_only() {
    let html = format!(
        "<html><head><title>t</title><script>window.ran = 1</script></head><body><nav>Home News</nav>{}\
         <p>&lt;img src=x onerror=alert(1)&gt; was quoted by the minister, officials said on Monday in the capital.</p>\
         <p><img src=x onerror=\"window.ran = 2\"> “We will not accept &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; \
         in any form,” said Ana Ruiz, who leads the transport committee of the council.</p></main></body></html>",
        seed_main().replace("</main>", "")
    );
    let parser = web_sys::DomParser::new().unwrap();
    let parsed = parser.parse_from_string(&html, web_sys::SupportedType::TextHtml).unwrap();
    let root = page("<div id='reader'></div>");
    let reader = root.first_element_child().unwrap();
    let blocks = claimlens::web::render_page(&reader, &parsed).unwrap().expect("an article");
    assert!(blocks >= 8);
    assert_eq!(
        reader.query_selector_all("img, script, a, nav, style").unwrap().length(),
        0,
        "no markup carried over"
    );
    let text = reader.text_content().unwrap();
    assert!(text.contains("<img src=x onerror=alert(1)>"), "the markup-like text stays text");
    assert!(text.contains("</script><script>alert(1)</script>"));
    assert!(!text.contains("Home News"), "the same extraction: no navigation");
    assert!(js_sys::Reflect::get(&js_sys::global(), &"ran".into()).unwrap().is_undefined(), "nothing ran");
    let summary = claimlens::web::annotate(Some(reader.clone())).unwrap();
    let claims = js_sys::Reflect::get(&summary, &"claims".into()).unwrap().as_f64().unwrap() as usize;
    assert!(claims >= 12, "{claims}");
    claimlens::web::clear();

    // Plain text: the first line is the title.
    let n = claimlens::web::render_text(
        &reader,
        "Bridge to reopen\nThe mayor said the bridge would reopen on Friday.\n\n",
    )
    .unwrap();
    assert_eq!(n, 2);
    assert_eq!(reader.first_element_child().unwrap().tag_name(), "H1");
    root.remove();
}

fn js_obj(pairs: &[(&str, wasm_bindgen::JsValue)]) -> wasm_bindgen::JsValue {
    let o = js_sys::Object::new();
    for (k, v) in pairs {
        js_sys::Reflect::set(&o, &(*k).into(), v).unwrap();
    }
    o.into()
}

fn number(v: &wasm_bindgen::JsValue, key: &str) -> usize {
    js_sys::Reflect::get(v, &key.into()).unwrap().as_f64().unwrap() as usize
}

#[wasm_bindgen_test]
fn options_hide_kinds_and_make_badges_compact() {
    let root = page(&seed_main());
    let all = claimlens::web::annotate(None).unwrap();
    let (claims, unattributed) = (number(&all, "claims"), number(&all, "unattributed"));
    assert!(unattributed >= 1, "the seed article has an unattributed claim");
    let hidden = js_sys::Array::of1(&"unattributed".into());
    claimlens::web::configure(js_obj(&[("hiddenKinds", hidden.into()), ("badgeStyle", "dot".into())]))
        .unwrap();
    let some = claimlens::web::annotate(None).unwrap();
    assert_eq!(number(&some, "claims"), claims - unattributed);
    assert_eq!(number(&some, "unattributed"), 0);
    let badges = document().query_selector_all("claimlens-badge").unwrap();
    assert_eq!(badges.length() as usize, claims - unattributed);
    for i in 0..badges.length() {
        let shadow = badges.item(i).unwrap().dyn_into::<Element>().unwrap().shadow_root().unwrap();
        let label = shadow.query_selector("button").unwrap().unwrap().get_attribute("aria-label").unwrap();
        assert!(!label.starts_with("No source given"), "{label}");
        let root_class = shadow.query_selector(".root").unwrap().unwrap().class_name();
        assert!(root_class.split(' ').any(|c| c == "dot"), "{root_class}");
    }
    // Back to the defaults.
    claimlens::web::configure(wasm_bindgen::JsValue::UNDEFINED).unwrap();
    let again = claimlens::web::annotate(None).unwrap();
    assert_eq!(number(&again, "claims"), claims);
    claimlens::web::clear();
    root.remove();
}

// ---------------------------------------------------------------------------------------------
// The observer (src/web/observe.rs): pages that change under the overlay. Budgets are made small
// here (tens of milliseconds) so that the tests are quick; the extension uses the constants.

/// Waits `ms` milliseconds (a timer of the page).
async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

fn watch_state() -> wasm_bindgen::JsValue {
    claimlens::web::watch_state().unwrap()
}

fn field(v: &wasm_bindgen::JsValue, key: &str) -> wasm_bindgen::JsValue {
    js_sys::Reflect::get(v, &key.into()).unwrap()
}

fn small_budgets(max_redraws: u32) -> wasm_bindgen::JsValue {
    js_obj(&[
        ("quietMs", 40.into()),
        ("maxDelayMs", 120.into()),
        ("maxRedraws", max_redraws.into()),
        ("fightWindowMs", 60_000.into()),
    ])
}

/// Waits until the observer has redrawn `n` times (or `ms` passed); the number of redraws.
async fn redraws_reach(n: usize, ms: i32) -> usize {
    let mut waited = 0;
    loop {
        let r = number(&watch_state(), "redraws");
        if r >= n || waited >= ms {
            return r;
        }
        sleep(20).await;
        waited += 20;
    }
}

fn badge_count() -> usize {
    document().query_selector_all("claimlens-badge").unwrap().length() as usize
}

/// The seed article's paragraphs, their text set again as a framework re-rendering would.
fn rerender(root: &Element) {
    let paragraphs = root.query_selector_all("article p").unwrap();
    for i in 0..paragraphs.length() {
        let p = paragraphs.item(i).unwrap();
        let text = p.text_content().unwrap();
        p.set_text_content(Some(&text));
    }
}

#[wasm_bindgen_test]
async fn the_overlay_s_own_badges_do_not_trigger_a_redraw_and_a_change_in_the_article_does() {
    let root = page(&seed_main());
    let first = claimlens::web::annotate(None).unwrap();
    let claims = number(&first, "claims");
    claimlens::web::watch(None, small_budgets(8)).unwrap();
    // Redrawing while watched (the overlay's own writes) must not wake the observer.
    claimlens::web::annotate(None).unwrap();
    sleep(250).await;
    let s = watch_state();
    assert_eq!(number(&s, "redraws"), 0, "no redraw for the overlay's own badges");
    assert_eq!(field(&s, "pending").as_bool(), Some(false));
    assert_eq!(field(&s, "watching").as_bool(), Some(true));

    // A framework re-renders the article's text: the badges (removed with the old text) come back.
    rerender(&root);
    assert!(badge_count() < claims, "re-rendering the text took badges away");
    assert_eq!(redraws_reach(1, 2000).await, 1);
    sleep(100).await;
    assert_eq!(number(&watch_state(), "redraws"), 1, "one burst, one redraw");
    let after = claimlens::web::summary().unwrap();
    assert_eq!(number(&after, "claims"), claims, "the article's subtree read again gives the same claims");
    assert_eq!(badge_count(), claims);
    claimlens::web::clear();
    root.remove();
}

#[wasm_bindgen_test]
async fn a_burst_of_changes_is_redrawn_once_and_small_changes_elsewhere_are_ignored() {
    let root = page(&format!("<p id='clock'>12:00</p>{}", seed_main()));
    claimlens::web::annotate(None).unwrap();
    claimlens::web::watch(None, small_budgets(8)).unwrap();
    // A clock outside the article ticks: nothing to re-read.
    let clock = document().get_element_by_id("clock").unwrap();
    for i in 0..5 {
        clock.set_text_content(Some(&format!("12:0{i}")));
        sleep(30).await;
    }
    sleep(200).await;
    assert_eq!(number(&watch_state(), "redraws"), 0, "a ticking clock outside the article is ignored");
    // Many changes at once in the article: one redraw.
    for _ in 0..30 {
        rerender(&root);
    }
    assert_eq!(redraws_reach(1, 2000).await, 1);
    sleep(200).await;
    assert_eq!(number(&watch_state(), "redraws"), 1);
    claimlens::web::clear();
    root.remove();
}

#[wasm_bindgen_test]
async fn a_page_that_keeps_fighting_is_left_alone_with_the_reason() {
    let root = page(&seed_main());
    claimlens::web::annotate(None).unwrap();
    claimlens::web::watch(None, small_budgets(3)).unwrap();
    // Re-render every 30 ms for 1.5 s: bursts never end by themselves (quiet 40 ms), so each is
    // cut at 120 ms; after 3 redraws the page is left alone.
    for _ in 0..50 {
        rerender(&root);
        sleep(30).await;
    }
    let s = watch_state();
    assert_eq!(number(&s, "redraws"), 3, "at most maxRedraws redraws");
    assert_eq!(field(&s, "watching").as_bool(), Some(false));
    assert_eq!(field(&s, "pending").as_bool(), Some(false), "no timer left");
    let reason = field(&s, "reason").as_string().expect("a reason");
    assert!(reason.contains("keeps changing"), "{reason}");
    // Left alone: further changes reach no observer.
    let callbacks = number(&s, "callbacks");
    rerender(&root);
    sleep(100).await;
    assert_eq!(number(&watch_state(), "callbacks"), callbacks);
    claimlens::web::clear();
    let s = watch_state();
    assert!(field(&s, "reason").is_null() || field(&s, "reason").as_string().is_some());
    root.remove();
}

#[wasm_bindgen_test]
async fn a_page_that_never_pauses_is_left_alone_after_so_many_bursts() {
    let root = page(&seed_main());
    claimlens::web::annotate(None).unwrap();
    let budgets = js_obj(&[
        ("quietMs", 40.into()),
        ("maxDelayMs", 120.into()),
        ("maxRedraws", 100.into()),
        ("maxUnquiet", 3.into()),
    ]);
    claimlens::web::watch(None, budgets).unwrap();
    for _ in 0..40 {
        rerender(&root);
        sleep(25).await;
    }
    let s = watch_state();
    assert_eq!(number(&s, "redraws"), 2, "the third burst without a pause is not redrawn");
    assert_eq!(field(&s, "watching").as_bool(), Some(false));
    let reason = field(&s, "reason").as_string().expect("a reason");
    assert!(reason.contains("did not pause"), "{reason}");
    claimlens::web::clear();

    // A page that changes now and then, pausing in between, is followed as long as it does.
    claimlens::web::annotate(None).unwrap();
    claimlens::web::watch(None, budgets_quiet()).unwrap();
    for n in 1..=4 {
        rerender(&root);
        assert_eq!(redraws_reach(n, 2000).await, n);
    }
    assert_eq!(field(&watch_state(), "watching").as_bool(), Some(true));
    claimlens::web::clear();
    root.remove();
}

fn budgets_quiet() -> wasm_bindgen::JsValue {
    js_obj(&[
        ("quietMs", 40.into()),
        ("maxDelayMs", 120.into()),
        ("maxRedraws", 100.into()),
        ("maxUnquiet", 3.into()),
    ])
}

#[wasm_bindgen_test]
async fn off_means_no_observer_and_no_timer() {
    let root = page(&seed_main());
    claimlens::web::annotate(None).unwrap();
    claimlens::web::watch(None, small_budgets(8)).unwrap();
    rerender(&root); // a redraw is scheduled …
    claimlens::web::clear(); // … and cancelled with the overlay
    let s = watch_state();
    assert_eq!(field(&s, "watching").as_bool(), Some(false));
    assert_eq!(field(&s, "pending").as_bool(), Some(false));
    let (callbacks, redraws) = (number(&s, "callbacks"), number(&s, "redraws"));
    for _ in 0..10 {
        rerender(&root);
        sleep(20).await;
    }
    sleep(200).await;
    let s = watch_state();
    assert_eq!(number(&s, "callbacks"), callbacks, "no observer callback while off");
    assert_eq!(number(&s, "redraws"), redraws);
    assert_eq!(badge_count(), 0, "nothing drawn while off");
    root.remove();
}

#[wasm_bindgen_test]
async fn late_content_and_a_swapped_article_are_read() {
    // The page starts with no article: an app shell.
    let root = page("<main id='app'><p>Loading…</p></main>");
    let first = claimlens::web::annotate(None).unwrap();
    assert_eq!(number(&first, "claims"), 0);
    claimlens::web::watch(None, small_budgets(8)).unwrap();
    let app = document().get_element_by_id("app").unwrap();
    app.set_inner_html(&seed_main()); // test code: the page's own script would do this
    assert_eq!(redraws_reach(1, 2000).await, 1);
    let late = claimlens::web::summary().unwrap();
    assert!(number(&late, "claims") >= 12, "the late article is read");
    assert_eq!(badge_count(), number(&late, "claims"));

    // The app swaps the article for another one: new badges, none of the old article's.
    app.set_inner_html(
        "<article><h1>Harbour to reopen after storm</h1>\
         <p>The harbour will reopen on Monday after the storm damaged two of its piers, the port authority said \
         in a statement on Sunday evening, adding that repairs would continue for several weeks.</p>\
         <p>“We expect ferries to run on the normal timetable by the end of the month,” said Ana Ruiz, who \
         manages the port, speaking to reporters at the quay after an inspection of the damaged piers.</p>\
         <p>Fishermen said the closure had cost them a week of work at the height of the season, and several \
         of them asked the council for help with the losses they had suffered since the storm hit.</p></article>",
    );
    assert_eq!(redraws_reach(2, 2000).await, 2);
    let swapped = claimlens::web::summary().unwrap();
    let claims = number(&swapped, "claims");
    assert!(claims >= 2, "{claims} claims in the new article");
    assert_eq!(badge_count(), claims);
    let labels: Vec<String> = (0..badge_count())
        .map(|i| {
            let host = document().query_selector_all("claimlens-badge").unwrap().item(i as u32).unwrap();
            let shadow = host.dyn_into::<Element>().unwrap().shadow_root().unwrap();
            shadow.query_selector("button").unwrap().unwrap().get_attribute("aria-label").unwrap()
        })
        .collect();
    assert!(labels.iter().all(|l| !l.contains("Financial Times")), "no stale badge: {labels:?}");
    assert!(labels.iter().any(|l| l.contains("Ana Ruiz")), "{labels:?}");
    claimlens::web::clear();
    root.remove();
}
