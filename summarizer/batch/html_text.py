"""HTML -> plain text with the standard library's html.parser (no new dependency).

Block elements become paragraph breaks so the text layer sees the article's
paragraphs; script, style and page furniture (nav, header, footer, aside, form) are
dropped. The <title> (or the first <h1> when there is no title) is returned apart.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

# Elements whose content is never article text.
_SKIPPED = {"script", "style", "noscript", "template", "svg", "nav", "header", "footer", "aside", "form", "button"}
# Elements that start a new paragraph.
_BLOCKS = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "article", "section",
    "blockquote", "pre", "tr", "table", "figure", "figcaption", "hr", "dd", "dt", "main", "body",
}
_SPACES = re.compile(r"[ \t\r\n\f\v]+")


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.current: list[str] = []
        self.title_parts: list[str] = []
        self.first_h1: list[str] = []
        self.skip_depth = 0
        self.in_title = False
        self.in_h1 = False
        self.seen_h1 = False

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in _SKIPPED:
            self.skip_depth += 1
        elif tag == "title":
            self.in_title = True
        elif tag in _BLOCKS:
            self._end_block()
            if tag == "h1" and not self.seen_h1:
                self.in_h1 = True

    def handle_startendtag(self, tag: str, attrs) -> None:
        if tag in _BLOCKS:
            self._end_block()

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self.skip_depth = max(0, self.skip_depth - 1)
        elif tag == "title":
            self.in_title = False
        elif tag in _BLOCKS:
            self._end_block()
            if tag == "h1" and self.in_h1:
                self.in_h1, self.seen_h1 = False, True

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title_parts.append(data)
        elif self.skip_depth == 0:
            self.current.append(data)
            if self.in_h1:
                self.first_h1.append(data)

    def _end_block(self) -> None:
        text = _SPACES.sub(" ", "".join(self.current)).strip()
        if text:
            self.blocks.append(text)
        self.current = []


def html_to_text(html: str) -> tuple[str, str | None]:
    """(text with one blank line between blocks, title or None)."""
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    collector._end_block()
    title = _SPACES.sub(" ", "".join(collector.title_parts or collector.first_h1)).strip()
    return "\n\n".join(collector.blocks), title or None
