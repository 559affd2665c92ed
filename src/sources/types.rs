//! Source types: what kind of source a descriptor class, a head noun or an unknown name is.

use super::gazetteer;
use super::phrase::{self, title_prefix, Description, Words};
use crate::lexicon::{Class, Entry, Tag};
use crate::report::SourceType;

/// Days and months: capitalised, never a source ("On Monday, …").
pub(super) fn is_calendar_word(lower: &str) -> bool {
    crate::text::is_calendar_word(lower)
}

/// The source type of a descriptor class or a title.
pub(crate) fn kind_of_class(class: Class) -> SourceType {
    match class {
        Class::Media => SourceType::Media,
        Class::Organization => SourceType::Organization,
        Class::Government => SourceType::Government,
        Class::Document => SourceType::Document,
        Class::Anonymous => SourceType::Anonymous,
        Class::Person => SourceType::Person,
        _ => SourceType::Unknown,
    }
}

pub(super) fn kind_of_head(e: &Entry) -> SourceType {
    if e.has_tag(Tag::UnnamedAnonymous) {
        SourceType::Anonymous
    } else {
        kind_of_class(e.class)
    }
}

/// The type of a name that is not in the gazetteer, helped by what describes it.
pub(super) fn kind_of_name(name: &Words, desc: Option<&Description>) -> SourceType {
    if let Some(e) = name.gazetteer_exact() {
        return gazetteer::kind_of(e);
    }
    if let Some((head, _)) = desc.and_then(|d| d.head.as_ref()) {
        return match kind_of_class(head.class) {
            // "Anthropic, a report …" is not a thing; a described name is its describer's kind.
            SourceType::Anonymous | SourceType::Document => SourceType::Unknown,
            k => k,
        };
    }
    let n = name.len();
    if n == 0 {
        return SourceType::Unknown;
    }
    let t = title_prefix(name, 0);
    if t > 0 && t < n {
        return SourceType::Person;
    }
    if phrase::is_place(&name.lower) {
        return SourceType::Government;
    }
    if let Some(e) = phrase::organization_head(&name.lower) {
        return kind_of_class(phrase::organization_class(e));
    }
    // "St Mary", "Saint Louis": a church, school or place, not a person.
    if matches!(name.lower[0].as_str(), "st" | "st." | "saint" | "ste") {
        return SourceType::Unknown;
    }
    if n >= 2 {
        return SourceType::Person;
    }
    SourceType::Unknown
}

/// The entity types a head noun may name ("agency": media or government).
pub(super) fn kinds_for(head: &Entry) -> Vec<SourceType> {
    let mut kinds = vec![kind_of_class(head.class)];
    // (No descriptor has both; one that did would get them in this order.)
    for (tag, class) in
        [(Tag::AlsoGovernment, Class::Government), (Tag::AlsoOrganization, Class::Organization)]
    {
        if head.has_tag(tag) {
            kinds.push(kind_of_class(class));
        }
    }
    kinds
}
