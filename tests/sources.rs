//! Sources: typing, gazetteer and coreference, on the seed article and small cases.

use claimlens::lexicon::{Class, ORGANIZATIONS, OUTLETS};
use claimlens::sources::{find_gazetteer_names, resolve, source_type_of_phrase, Mention, ResolvedSource};
use claimlens::text::{Document, Span};
use claimlens::SourceType;

const SEED: &str = include_str!("../samples/seed-article.txt");

/// Mentions at the `nth` occurrence of each phrase (0-based), in text order.
fn mentions(doc: &Document, phrases: &[(&str, usize)]) -> Vec<Mention> {
    let mut out: Vec<Mention> = phrases
        .iter()
        .map(|&(p, nth)| {
            let is_word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
            let start = doc
                .text
                .match_indices(p)
                .map(|(i, _)| i)
                .filter(|&i| {
                    !is_word(doc.text[..i].chars().last()) && !is_word(doc.text[i + p.len()..].chars().next())
                })
                .nth(nth)
                .unwrap_or_else(|| panic!("{p:?} #{nth} not in the text"));
            let span = Span::new(start, start + p.len());
            let sentence = doc.sentences.iter().position(|s| s.span.contains(span)).unwrap_or(0);
            Mention { span, sentence }
        })
        .collect();
    out.sort_by_key(|m| m.span.start);
    out
}

/// Resolves the phrases and returns the result for each, keyed by the phrase.
fn run(text: &str, phrases: &[(&str, usize)]) -> Vec<(String, ResolvedSource)> {
    let doc = Document::from_plain_text(text);
    let ms = mentions(&doc, phrases);
    let resolved = resolve(&doc, &ms);
    ms.iter().zip(resolved).map(|(m, r)| (doc.slice(m.span).to_string(), r)).collect()
}

fn find<'a>(results: &'a [(String, ResolvedSource)], phrase: &str) -> &'a ResolvedSource {
    &results.iter().find(|(p, _)| p == phrase).unwrap_or_else(|| panic!("no result for {phrase:?}")).1
}

const SEED_MENTIONS: &[(&str, usize)] = &[
    ("an article in a British daily", 0),
    ("The same document", 0),
    ("the FT", 0),
    ("The economic and financial daily", 0),
    ("it", 1),
    ("an Alibaba group spokesperson", 0),
    ("Alibaba", 5),
    ("they", 0),
    ("Liu Pengyu, spokesperson for the Chinese Embassy in the United States", 0),
    ("Anthropic, an American AI startup", 0),
    ("the California company", 0),
    ("China’s diplomatic spokesman, Lin Jian", 0),
    ("he", 0),
];

#[test]
fn seed_article_sources() {
    let r = run(SEED, SEED_MENTIONS);
    let daily = find(&r, "an article in a British daily");
    assert_eq!((daily.name.as_str(), daily.kind), ("Financial Times", SourceType::Media));
    assert_eq!(daily.document.as_deref(), Some("article"));

    let document = find(&r, "The same document");
    assert_eq!(document.kind, SourceType::Document);
    assert!(document.name.contains("White House"), "{document:?}");

    for p in ["the FT", "The economic and financial daily"] {
        let s = find(&r, p);
        assert_eq!((s.name.as_str(), s.kind), ("Financial Times", SourceType::Media), "{p}");
    }
    assert_eq!(find(&r, "it").name, "Financial Times");

    let alibaba = find(&r, "Alibaba");
    assert_eq!((alibaba.name.as_str(), alibaba.kind), ("Alibaba", SourceType::Organization));
    let they = find(&r, "they");
    assert_eq!(they.name, "Alibaba");
    assert_eq!(they.entity, alibaba.entity);

    let spokesperson = find(&r, "an Alibaba group spokesperson");
    assert!(spokesperson.name.contains("Alibaba"), "{spokesperson:?}");
    assert_eq!(spokesperson.kind, SourceType::Person);
    assert!(!spokesperson.anonymous);
    assert_eq!(spokesperson.affiliation.as_deref(), Some("Alibaba"));

    let liu = find(&r, "Liu Pengyu, spokesperson for the Chinese Embassy in the United States");
    assert_eq!((liu.name.as_str(), liu.kind), ("Liu Pengyu", SourceType::Person));
    assert_eq!(liu.descriptor.as_deref(), Some("spokesperson for the Chinese Embassy in the United States"));
    assert_eq!(liu.affiliation.as_deref(), Some("Chinese Embassy in the United States"));

    let anthropic = find(&r, "Anthropic, an American AI startup");
    assert_eq!((anthropic.name.as_str(), anthropic.kind), ("Anthropic", SourceType::Organization));
    assert_eq!(anthropic.descriptor.as_deref(), Some("an American AI startup"));
    let company = find(&r, "the California company");
    assert_eq!(company.name, "Anthropic");
    assert_eq!(company.entity, anthropic.entity);

    let lin = find(&r, "China’s diplomatic spokesman, Lin Jian");
    assert_eq!((lin.name.as_str(), lin.kind), ("Lin Jian", SourceType::Person));
    assert_eq!(lin.descriptor.as_deref(), Some("China’s diplomatic spokesman"));
    let he = find(&r, "he");
    assert_eq!(he.name, "Lin Jian");
    assert_eq!(he.descriptor.as_deref(), Some("China’s diplomatic spokesman"));
}

#[test]
fn report_from_a_described_company_is_the_company_s_document() {
    let r =
        run(SEED, &[("Anthropic, an American AI startup", 0), ("a report from the California company", 0)]);
    let report = find(&r, "a report from the California company");
    assert_eq!((report.name.as_str(), report.kind), ("Anthropic", SourceType::Organization));
    assert_eq!(report.document.as_deref(), Some("report"));
}

#[test]
fn mentions_alone_resolve_against_the_text() {
    // Without any earlier mention, "a British daily" still finds the Financial Times named in the
    // first sentence, and "the California company" finds Anthropic.
    let r = run(SEED, &[("an article in a British daily", 0), ("the California company", 0)]);
    assert_eq!(find(&r, "an article in a British daily").name, "Financial Times");
    assert_eq!(find(&r, "the California company").name, "Anthropic");
}

#[test]
fn titles_before_names() {
    let text = "Debate night\nMSNBC host Chris Matthews said the debate was over. Stein spokeswoman \
                Melezia Figueroa said the campaign would go on. Matthews later added that he was wrong. \
                Figueroa said she disagreed.\n";
    let r = run(
        text,
        &[
            ("MSNBC host Chris Matthews", 0),
            ("Stein spokeswoman Melezia Figueroa", 0),
            ("Matthews", 1),
            ("he", 0),
            ("Figueroa", 1),
            ("she", 0),
        ],
    );
    let chris = find(&r, "MSNBC host Chris Matthews");
    assert_eq!((chris.name.as_str(), chris.kind), ("Chris Matthews", SourceType::Person));
    assert_eq!(chris.descriptor.as_deref(), Some("MSNBC host"));
    let mel = find(&r, "Stein spokeswoman Melezia Figueroa");
    assert_eq!((mel.name.as_str(), mel.kind), ("Melezia Figueroa", SourceType::Person));
    assert_eq!(mel.descriptor.as_deref(), Some("Stein spokeswoman"));
    assert_eq!(find(&r, "Matthews").name, "Chris Matthews");
    assert_eq!(find(&r, "Figueroa").name, "Melezia Figueroa");
    // "he" skips the spokeswoman mentioned in between; "she" skips Matthews.
    assert_eq!(find(&r, "he").name, "Chris Matthews");
    assert_eq!(find(&r, "she").name, "Melezia Figueroa");
}

#[test]
fn surnames_from_the_text_before_any_mention() {
    let text = "Tunisia attack\nPrime Minister Habib Essid spoke to parliament on Monday. Essid said the \
                gunman had trained in Libya.\n";
    let r = run(text, &[("Essid", 1)]);
    let s = find(&r, "Essid");
    assert_eq!((s.name.as_str(), s.kind), ("Habib Essid", SourceType::Person));
}

#[test]
fn acronyms() {
    let text = "Health\nThe World Health Organization warned on Monday of a new wave. The WHO said \
                cases had doubled. The Institute for Strategic Dialogue tracked the posts. ISD said \
                most came from bots. An article in the Financial Times said so too. The FT added \
                that the data were partial.\n";
    let r = run(text, &[("The WHO", 0), ("ISD", 0), ("The FT", 0)]);
    let who = find(&r, "The WHO");
    assert_eq!((who.name.as_str(), who.kind), ("World Health Organization", SourceType::Organization));
    assert_eq!(find(&r, "ISD").name, "Institute for Strategic Dialogue");
    assert_eq!(find(&r, "The FT").name, "Financial Times");
}

#[test]
fn anonymous_sources() {
    let text = "Talks\nA source familiar with the matter said the deal was close. Officials who spoke on \
                condition of anonymity said it could still fail. A senior White House official said the \
                president was briefed. A person close to the company said nothing had been signed. \
                The source added that talks would resume.\n";
    let r = run(
        text,
        &[
            ("A source familiar with the matter", 0),
            ("Officials who spoke on condition of anonymity", 0),
            ("A senior White House official", 0),
            ("A person close to the company", 0),
            ("The source", 0),
        ],
    );
    for (p, s) in &r {
        assert_eq!(s.kind, SourceType::Anonymous, "{p}: {s:?}");
        assert!(s.anonymous, "{p}");
    }
    assert_eq!(find(&r, "A senior White House official").affiliation.as_deref(), Some("White House"));
    assert_eq!(find(&r, "The source").entity, find(&r, "A source familiar with the matter").entity);
    assert_ne!(
        find(&r, "A source familiar with the matter").entity,
        find(&r, "A person close to the company").entity
    );
}

#[test]
fn it_and_they_refer_to_organizations() {
    let text = "Chips\nNvidia said on Monday that it would appeal. Regulators at the European Commission \
                said they had not decided.\n";
    let r = run(text, &[("it", 0), ("they", 0)]);
    assert_eq!(find(&r, "it").name, "Nvidia");
    assert_eq!(find(&r, "they").name, "European Commission");
}

#[test]
fn phrase_types() {
    use SourceType::*;
    let cases: &[(&str, Option<SourceType>)] = &[
        ("he", Some(Person)),
        ("she", Some(Person)),
        ("they", Some(Unknown)),
        ("the FT", Some(Media)),
        ("Reuters", Some(Media)),
        ("the White House", Some(Government)),
        ("Alibaba", Some(Organization)),
        ("Liu Pengyu", Some(Person)),
        ("President Trump", Some(Person)),
        ("Liu Pengyu, spokesperson for the Chinese Embassy", Some(Person)),
        ("the company", Some(Organization)),
        ("the California company", Some(Organization)),
        ("the economic and financial daily", Some(Media)),
        ("the ministry", Some(Government)),
        ("the same document", Some(Document)),
        ("a report from the California company", Some(Document)),
        ("a source familiar with the matter", Some(Anonymous)),
        ("officials", Some(Anonymous)),
        ("an Alibaba group spokesperson", Some(Person)),
        ("analysts", Some(Person)),
        ("the plan", None),
        ("the economy", None),
        ("prices", None),
        ("the weather", None),
        ("Monday", None),
    ];
    for (phrase, want) in cases {
        assert_eq!(source_type_of_phrase(phrase), *want, "{phrase}");
    }
}

#[test]
fn places_and_institutions_are_not_person_antecedents() {
    // "St Mary’s Hospital" is an organization (and "St Mary" no person): "She" is the minister.
    let text = "Hospital wing\nHealth Minister Nora Falk visited St Mary’s Hospital on Monday.\nShe said \
                the ward would open in May. Saint Anne said nothing. Later she added that it was late.\n";
    let r = run(text, &[("She", 0), ("she", 0)]);
    assert_eq!(find(&r, "She").name, "Nora Falk");
    assert_eq!(find(&r, "she").name, "Nora Falk");
    assert_eq!(source_type_of_phrase("St Mary’s Hospital"), Some(SourceType::Organization));
    assert_ne!(source_type_of_phrase("St Mary"), Some(SourceType::Person));
}

#[test]
fn companies_named_without_a_suffix() {
    use SourceType::*;
    for name in [
        "Northwind Airlines",
        "Verdant Energy",
        "Veltro Motors",
        "Kestrel Pharmaceuticals",
        "Harbour Logistics",
        "Ministry of Fisheries",
        "Institute for Coastal Studies",
    ] {
        assert!(
            matches!(source_type_of_phrase(name), Some(Organization | Government)),
            "{name}: {:?}",
            source_type_of_phrase(name)
        );
    }
    // Still people, and still no source at all.
    for (phrase, want) in [
        ("Rosa Lindgren", Some(Person)),
        ("Transport Secretary Alan Price", Some(Person)),
        ("energy prices", None),
        ("the oil", None),
    ] {
        assert_eq!(source_type_of_phrase(phrase), want, "{phrase}");
    }
    // "The company" finds the company named before, though no mention named it.
    let text = "Recall\nBrio Motors recalled 40,000 cars on Friday.\nThe company said a sensor was faulty. \
                The aviation authority said it would look into it.\n";
    let r = run(text, &[("The company", 0), ("The aviation authority", 0)]);
    let company = find(&r, "The company");
    assert_eq!((company.name.as_str(), company.kind), ("Brio Motors", Organization));
    // An authority is not the company named before.
    assert_ne!(find(&r, "The aviation authority").name, "Brio Motors");
}

#[test]
fn headline_roles_resolve_to_the_person_named_in_the_body() {
    let text =
        "Rents will rise, economist warns\nRents rose again in March. Farah Osei, an economist at the \
                Institute for Housing Studies, said they would rise further.\n";
    let r = run(text, &[("economist", 0)]);
    assert_eq!(find(&r, "economist").name, "Farah Osei");

    let text =
        "Mill fire was arson, fire chief says\nA fire destroyed a mill overnight. Police chief Ana Ruiz \
                closed the road. Fire chief Mark Ode told reporters it was deliberate.\n";
    let r = run(text, &[("fire chief", 0), ("Fire chief Mark Ode", 0)]);
    // The first body person with the same head noun ("chief").
    assert_eq!(find(&r, "fire chief").name, "Ana Ruiz");

    let text = "Markets slide, analyst says\nShares fell. Economist Farah Osei said they would recover.\n";
    let r = run(text, &[("analyst", 0)]);
    assert_ne!(find(&r, "analyst").name, "Farah Osei", "a different role is a different person");

    // In the body, a role does not look forward.
    let text = "Markets\nAn economist said shares would fall. Economist Farah Osei said they would not.\n";
    let r = run(text, &[("An economist", 0)]);
    assert_ne!(find(&r, "An economist").name, "Farah Osei");
}

#[test]
fn titles_after_an_inverted_said() {
    let text =
        "Ferry\n“Fewer sailings,” said Transport Secretary Alan Price. “We lost money,” said operations \
                manager Eva Lind. “It is final,” said Bank of England Governor Andrew Bailey. Price said \
                he was sorry.\n";
    let r = run(
        text,
        &[
            ("Transport Secretary Alan Price", 0),
            ("operations manager Eva Lind", 0),
            ("Bank of England Governor Andrew Bailey", 0),
            ("Price", 1),
        ],
    );
    let alan = find(&r, "Transport Secretary Alan Price");
    assert_eq!((alan.name.as_str(), alan.kind), ("Alan Price", SourceType::Person));
    assert_eq!(alan.descriptor.as_deref(), Some("Transport Secretary"));
    assert_eq!(find(&r, "operations manager Eva Lind").name, "Eva Lind");
    assert_eq!(find(&r, "Bank of England Governor Andrew Bailey").name, "Andrew Bailey");
    assert_eq!(find(&r, "Price").entity, alan.entity);
}

#[test]
fn parenthesised_acronyms_are_aliases() {
    let text = "Outbreak\nThe World Health Organization (WHO) declared the outbreak over. The WHO said no \
                case was left. The Institute for Fiscal Studies (IFS) said taxes would rise. The IFS \
                added that the rise was small.\n";
    let r = run(
        text,
        &[
            ("The World Health Organization (WHO)", 0),
            ("The WHO", 0),
            ("The Institute for Fiscal Studies (IFS)", 0),
            ("The IFS", 0),
        ],
    );
    let who = find(&r, "The World Health Organization (WHO)");
    assert_eq!((who.name.as_str(), who.kind), ("World Health Organization", SourceType::Organization));
    assert_eq!(who.descriptor, None);
    assert_eq!(find(&r, "The WHO").entity, who.entity);
    let ifs = find(&r, "The Institute for Fiscal Studies (IFS)");
    assert_eq!(ifs.name, "Institute for Fiscal Studies");
    assert_eq!(ifs.descriptor, None);
    assert_eq!(find(&r, "The IFS").entity, ifs.entity);
}

/// Every gazetteer example names its entry, also when shifted by two characters (offsets are
/// relative); no counterexample does.
#[test]
fn gazetteer_examples_replay() {
    let mut failures = Vec::new();
    for entry in OUTLETS.iter().chain(ORGANIZATIONS.iter()) {
        assert!(!entry.examples.is_empty(), "{} has no example", entry.name);
        for ex in entry.examples {
            let hits = find_gazetteer_names(ex);
            let shifted_text = format!("— {ex}");
            let shifted = find_gazetteer_names(&shifted_text);
            let found = hits.iter().any(|h| h.entry.name == entry.name);
            let same_offsets = hits.len() == shifted.len()
                && hits.iter().zip(&shifted).all(|(a, b)| {
                    b.span.start == a.span.start + "— ".len()
                        && a.span.slice(ex) == b.span.slice(&shifted_text)
                });
            if !found || !same_offsets {
                failures.push(format!("{}: {ex:?}", entry.name));
            }
        }
        for ce in entry.counterexamples {
            if find_gazetteer_names(ce).iter().any(|h| h.entry.name == entry.name) {
                failures.push(format!("{} (counterexample): {ce:?}", entry.name));
            }
        }
    }
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn gazetteer_size() {
    let count =
        |class: Class| OUTLETS.iter().chain(ORGANIZATIONS.iter()).filter(|e| e.class == class).count();
    assert!(count(Class::Media) >= 150);
    assert!(count(Class::Government) >= 100);
    assert!(count(Class::Organization) >= 100);
}
