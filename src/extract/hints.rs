//! What class names, ids and roles say about an element (Readability's hint lists), and the
//! phrases that open "Read also" boxes. Matching is on lowercase words of `class`/`id`, so "ad"
//! matches `ad-slot` but not `header` or `read`.

/// Class/id fragments of page furniture that is removed before scoring (unless [`MAYBE`] also
/// matches).
const UNLIKELY: &[&str] = &[
    "ad-break",
    "agegate",
    "banner",
    "breadcrumb",
    "combx",
    "comment",
    "community",
    "consent",
    "cookie",
    "cover-wrap",
    "disqus",
    "extra",
    "footer",
    "gdpr",
    "header",
    "legends",
    "menu",
    "newsletter",
    "pagination",
    "pager",
    "popup",
    "promo",
    "related",
    "remark",
    "replies",
    "rss",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "social",
    "sponsor",
    "subscribe",
    "supplemental",
    "yom-remote",
    "read-more",
    "readmore",
    "recommend",
    "outbrain",
    "taboola",
    "share",
    "sharing",
    "signup",
];
/// Class/id fragments of furniture that nothing rescues (`c-article-most-popular` is not the
/// article), removed in every attempt: a short article must not grow its comments back on a retry.
const ALWAYS_UNLIKELY: &[&str] = &[
    "comments",
    "disqus",
    "ai2html",
    "most-popular",
    "mostpopular",
    "most-read",
    "mostread",
    "newsletter",
    "cookie",
    "consent",
    "gdpr",
    "outbrain",
    "taboola",
    "read-more",
    "readmore",
    "related-",
    "recommended",
    "paywall",
];
/// Class/id fragments that rescue an element matching [`UNLIKELY`].
const MAYBE: &[&str] = &["and", "article", "body", "column", "content", "main", "shadow", "story"];
/// Class/id fragments that raise an element's score.
const POSITIVE: &[&str] = &[
    "article",
    "body",
    "content",
    "entry",
    "hentry",
    "h-entry",
    "main",
    "page",
    "pagination",
    "post",
    "text",
    "blog",
    "story",
];
/// Class/id fragments that lower an element's score.
const NEGATIVE: &[&str] = &[
    "hidden",
    "banner",
    "combx",
    "comment",
    "com-",
    "contact",
    "footer",
    "gdpr",
    "masthead",
    "media",
    "meta",
    "outbrain",
    "promo",
    "related",
    "scroll",
    "share",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "sponsor",
    "shopping",
    "tags",
    "widget",
    "cookie",
    "newsletter",
    "nav",
    "read-more",
    "recommend",
];
/// Whole words of class/id that mark advertising (substrings would hit "header", "read", "load").
const AD_WORDS: &[&str] = &["ad", "ads", "advert", "advertisement", "adslot", "dfp"];
/// Whole words of class/id that mark bylines, dates and kickers.
const BYLINE_WORDS: &[&str] = &[
    "byline",
    "author",
    "authors",
    "dateline",
    "date",
    "timestamp",
    "published",
    "kicker",
    "eyebrow",
    "credit",
    "credits",
];
/// Whole words of class/id that mark share bars.
const SHARE_WORDS: &[&str] = &["share", "sharing", "sharedaddy", "social", "sharebar", "share-bar"];
/// ARIA roles of page furniture.
const UNLIKELY_ROLES: &[&str] = &[
    "menu",
    "menubar",
    "complementary",
    "navigation",
    "alert",
    "alertdialog",
    "dialog",
    "banner",
    "contentinfo",
];
/// How "Read also" boxes begin (lowercase, compared with the start of the box's text).
const READ_ALSO: &[&str] = &[
    "read also",
    "read more",
    "also read",
    "related",
    "see also:",
    "more on this",
    "more from",
    "recommended",
    "you may also like",
    "you might also like",
    "most read",
    "most popular",
    "lire aussi",
    "à lire aussi",
    "lesen sie auch",
    "mehr zum thema",
    "lee también",
    "leer más",
    "te puede interesar",
    "関連記事",
];

/// Score bonus of a positive and penalty of a negative class/id.
pub const CLASS_WEIGHT: f64 = 25.0;

fn words(hints: &str) -> impl Iterator<Item = &str> {
    hints
        .split(|c: char| c.is_whitespace() || c == '-' || c == '_' || c == ':' || c == '.')
        .filter(|w| !w.is_empty())
}

fn any_sub(hints: &str, list: &[&str]) -> bool {
    list.iter().any(|p| hints.contains(p))
}

fn any_word(hints: &str, list: &[&str]) -> bool {
    words(hints).any(|w| list.contains(&w))
}

pub fn is_unlikely(hints: &str, role: &str) -> bool {
    if UNLIKELY_ROLES.contains(&role) {
        return true;
    }
    (any_sub(hints, UNLIKELY) || any_word(hints, AD_WORDS)) && !any_sub(hints, MAYBE)
}

/// Furniture whatever the attempt (see [`ALWAYS_UNLIKELY`]).
pub fn is_always_unlikely(hints: &str) -> bool {
    any_sub(hints, ALWAYS_UNLIKELY)
}

/// +25 for a positive hint, -25 for a negative one (both may apply).
pub fn class_weight(hints: &str) -> f64 {
    let mut w = 0.0;
    if hints.is_empty() {
        return w;
    }
    if any_sub(hints, NEGATIVE) || any_word(hints, AD_WORDS) {
        w -= CLASS_WEIGHT;
    }
    if any_sub(hints, POSITIVE) {
        w += CLASS_WEIGHT;
    }
    w
}

pub fn is_byline(hints: &str) -> bool {
    any_word(hints, BYLINE_WORDS)
}

/// Whether a class/id marks a photo's caption: a word ending in "caption" (`caption`,
/// `wp-caption-text`, `imgcaption`) or a newspaper's "cutline".
pub fn is_caption(hints: &str) -> bool {
    words(hints).any(|w| w.ends_with("caption") || w.starts_with("cutline"))
}

pub fn is_share(hints: &str) -> bool {
    any_word(hints, SHARE_WORDS) || hints.contains("share")
}

/// Whether a box's text starts like "Read also …" / "Related stories".
pub fn opens_read_also(text: &str) -> bool {
    let start: String = text.chars().take(40).collect::<String>().to_lowercase();
    READ_ALSO.iter().any(|p| start.starts_with(p))
}

/// Commas in any script (Latin, CJK, Arabic).
pub fn is_comma(c: char) -> bool {
    matches!(c, ',' | '，' | '、' | '،' | '﹐' | '︐' | '︑' | '﹑' | '⸲' | '⸴' | '⹁' | '⹉' | '⹌' | '⹎')
}
