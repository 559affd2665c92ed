#!/usr/bin/env python3
"""Make a saved web page safe to serve offline in the end-to-end tests.

    python3 tests/e2e/strip_page.py SRC.html DEST.html

Removes everything that would make the browser fetch something: scripts (JSON-LD data blocks are
kept), <noscript>, <link>, <base>, <meta http-equiv=refresh|Content-Security-Policy>, resource
attributes (src, srcset, poster, background, lowsrc, ping, object data, SVG href/xlink:href),
@font-face rules, @import and url(...) in style sheets and style attributes; and every inline event handler
(on...=), which would otherwise call functions of the removed scripts and log errors. The text and
the element structure are left as they are. The page is processed as bytes (decoded as Latin-1 and
encoded back), so its encoding is untouched. The tests check that a stripped page, loaded in the
browser, makes no request but its own (serve.py records every request).
"""
import re
import sys

FLAGS = re.I | re.S

SCRIPT = re.compile(r"<script\b([^>]*)>.*?</script\s*>", FLAGS)
NOSCRIPT = re.compile(r"<noscript\b[^>]*>.*?</noscript\s*>", FLAGS)
LINK = re.compile(r"<link\b[^>]*>", FLAGS)
BASE = re.compile(r"<base\b[^>]*>", FLAGS)
META = re.compile(r"<meta\b[^>]*http-equiv\s*=\s*[\"']?(refresh|content-security-policy)[^>]*>", FLAGS)
STYLE_BLOCK = re.compile(r"(<style\b[^>]*>)(.*?)(</style\s*>)", FLAGS)
TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9:-]*)(\s[^>]*)?>", re.S)
ATTR_VALUE = r"\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+)"
RESOURCE_ATTR = re.compile(r"\s(?:src|srcset|poster|background|lowsrc|dynsrc|ping|xlink:href)" + ATTR_VALUE, re.I)
HANDLER_ATTR = re.compile(r"\son[a-z]+" + ATTR_VALUE, re.I)
DATA_ATTR = re.compile(r"\sdata" + ATTR_VALUE, re.I)
HREF_ATTR = re.compile(r"\shref" + ATTR_VALUE, re.I)
STYLE_ATTR = re.compile(r"(\sstyle\s*=\s*)(\"[^\"]*\"|'[^']*')", re.I)
IMPORT = re.compile(r"@import[^;]*;?", re.I)
FONT_FACE = re.compile(r"@font-face\s*\{[^}]*\}", re.I)
URL = re.compile(r"url\(\s*(?!['\"]?data:)[^)]*\)", re.I)


def clean_css(css: str) -> str:
    return URL.sub("url(data:,)", FONT_FACE.sub("", IMPORT.sub("", css)))


def clean_tag(m: re.Match) -> str:
    name, attrs = m.group(1), m.group(2) or ""
    if not attrs:
        return m.group(0)
    attrs = RESOURCE_ATTR.sub("", attrs)
    attrs = HANDLER_ATTR.sub("", attrs)
    if name.lower() == "object":
        attrs = DATA_ATTR.sub("", attrs)
    if name.lower() in ("use", "image", "feimage"):
        attrs = HREF_ATTR.sub("", attrs)
    attrs = STYLE_ATTR.sub(lambda s: s.group(1) + clean_css(s.group(2)), attrs)
    return "<" + name + attrs + ">"


def keep_data_script(m: re.Match) -> str:
    attrs = m.group(1)
    if re.search(r"type\s*=\s*[\"']?application/(ld\+)?json", attrs, re.I) and "src" not in attrs.lower():
        return m.group(0)
    return ""


def strip(html: str) -> str:
    html = SCRIPT.sub(keep_data_script, html)
    html = NOSCRIPT.sub("", html)
    html = LINK.sub("", html)
    html = BASE.sub("", html)
    html = META.sub("", html)
    html = STYLE_BLOCK.sub(lambda m: m.group(1) + clean_css(m.group(2)) + m.group(3), html)
    html = TAG.sub(clean_tag, html)
    return html


def main() -> None:
    src, dest = sys.argv[1], sys.argv[2]
    with open(src, "rb") as f:
        html = f.read().decode("latin-1")
    out = strip(html).encode("latin-1")
    with open(dest, "wb") as f:
        f.write(out)
    print(f"{src} -> {dest}: {len(html)} -> {len(out)} bytes")


if __name__ == "__main__":
    main()
