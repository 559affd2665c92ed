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

/// How a photo credit begins (lowercase): "Photo: Jane Doe/Getty Images", "(AP Photo/…)",
/// "Credit: …".
const CREDIT_OPENERS: &[&str] = &[
    "photo:",
    "photos:",
    "photo by ",
    "photos by ",
    "photograph:",
    "photographs:",
    "photograph by ",
    "photography:",
    "picture:",
    "pictures:",
    "image:",
    "images:",
    "image by ",
    "illustration:",
    "illustration by ",
    "credit:",
    "credits:",
    "image credit",
    "photo credit",
    "picture credit",
    "(ap photo",
    "(photo:",
    "(photo by",
    "(credit:",
    "foto:",
    "fotos:",
    "bild:",
    "crédit photo",
    "crédits photo",
];
/// How a bare credit ends (lowercase): "Jane Doe/Getty Images", "AFP via Getty Images".
const CREDIT_ENDINGS: &[&str] = &[
    "getty images",
    "/ap",
    "/reuters",
    "/afp",
    "/epa",
    "/shutterstock",
    "/alamy",
    "/bloomberg",
    "via reuters",
];
/// A credit is one short line: longer text that opens like one is prose.
const CREDIT_MAX_CHARS: usize = 100;
/// A credit without an opening word is a name and an agency, no more.
const BARE_CREDIT_MAX_CHARS: usize = 60;
const BARE_CREDIT_MAX_WORDS: usize = 6;

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

/// Bylines, dates, kickers and photo credits (`credit`, `image-credit`, `photocredit`).
pub fn is_byline(hints: &str) -> bool {
    any_word(hints, BYLINE_WORDS) || words(hints).any(|w| w.contains("credit"))
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

/// Whether a whole block is a photo credit (never article text, nor a caption of its own).
pub fn is_credit_line(text: &str) -> bool {
    let len = text.chars().count();
    if len > CREDIT_MAX_CHARS {
        return false;
    }
    let lower = text.trim().to_lowercase();
    CREDIT_OPENERS.iter().any(|p| lower.starts_with(p))
        || (len <= BARE_CREDIT_MAX_CHARS
            && lower.split_whitespace().count() <= BARE_CREDIT_MAX_WORDS
            && CREDIT_ENDINGS.iter().any(|e| lower.trim_end_matches([')', '.']).ends_with(e)))
}

/// Commas in any script (Latin, CJK, Arabic).
pub fn is_comma(c: char) -> bool {
    matches!(c, ',' | '，' | '、' | '،' | '﹐' | '︐' | '︑' | '﹑' | '⸲' | '⸴' | '⹁' | '⹉' | '⹌' | '⹎')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credit_lines() {
        for credit in [
            "Photo: Jane Doe/Getty Images",
            "(AP Photo/Mark Ellison)",
            "Credit: Nora Vance for the Redfern Herald",
            "Photograph: Ian Cole/Getty Images",
            "JIM WATSON/AFP/Getty Images",
            "AFP via Getty Images",
            "Foto: LA NACION",
            "Image credit: NASA",
        ] {
            assert!(is_credit_line(credit), "{credit:?}");
        }
        for prose in [
            "Photo finish: the race was decided by a hundredth of a second, the stewards said.",
            "Images of the flooded square were shared widely on Monday.",
            "The agency said it had licensed the pictures to Getty Images",
            "Photo: a long caption that reads like a paragraph goes on and on about the scene, the people in it, the weather and the town",
            "The mayor spoke to the AP",
        ] {
            assert!(!is_credit_line(prose), "{prose:?}");
        }
    }

    #[test]
    fn caption_classes() {
        for yes in
            ["caption", "wp-caption-text", "imgcaption ", "photo-caption", "media-caption__text", "cutline"]
        {
            assert!(is_caption(yes), "{yes:?}");
        }
        for no in ["", "article-body", "captioned-video"] {
            assert!(!is_caption(no), "{no:?}");
        }
        assert!(is_byline("caption-credit") && is_byline("photocredit") && is_byline("image-credit"));
    }
}
