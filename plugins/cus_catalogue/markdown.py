"""Markdown from records rendered without raw HTML, scripts or dangerous links."""

from __future__ import annotations

from collections.abc import Sequence

from markdown_it import MarkdownIt
from markdown_it.renderer import RendererHTML
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict
from markupsafe import Markup

# Record headings sit under the page's h1 and the section's h2.
HEADING_SHIFT = 2


def _build() -> MarkdownIt:
    # "html": False makes raw HTML in records plain, escaped text; markdown-it's link
    # validation drops javascript:, vbscript:, file: and data: URLs.
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})

    def shift_heading(
        renderer: RendererHTML,
        tokens: Sequence[Token],
        idx: int,
        options: OptionsDict,
        env: EnvType,
    ) -> str:
        token = tokens[idx]
        level = min(int(token.tag[1]) + HEADING_SHIFT, 6)
        token.tag = f"h{level}"
        return renderer.renderToken(tokens, idx, options, env)

    md.add_render_rule("heading_open", shift_heading)
    md.add_render_rule("heading_close", shift_heading)
    return md


_MARKDOWN = _build()


def render_markdown(text: str | None) -> Markup:
    """Safe HTML for a record's Markdown field."""
    if not text:
        return Markup("")
    return Markup(_MARKDOWN.render(str(text)))
