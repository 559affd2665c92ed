//! Article extraction: finds the article body of a web page (title, headings, paragraphs, block
//! quotes) and leaves navigation, sidebars, share bars, "Read also" boxes, cookie banners,
//! comments and scripts out.
