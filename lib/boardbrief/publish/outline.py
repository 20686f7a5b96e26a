"""The briefing's outline: headings from the notebook's Markdown cells, their ids and the contents.

nbconvert's own Markdown filter makes ids from heading text as typed (`Is-it-changing?`) and lets
raw HTML through. Here every heading gets a short, unique, ASCII id; a Markdown cell that starts
with a level-2 heading opens a `<section>` labelled by it; and the contents list is built from the
same ids, so its links always land. Raw HTML in a Markdown cell is shown as text.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from nbconvert.preprocessors import Preprocessor

from boardbrief.present import slug

CONTENTS_TAG = "contents"  # the Markdown cell whose place the contents list takes
# Ids the page's own blocks use (title block, front sheet, contents, key messages, commentary):
# no heading made from the notebook may take them.
# A Markdown cell with this tag is left out when none of the code cells after it (up to the next
# Markdown cell) shows anything: a section a board's data does not have gets no empty heading.
RESERVED_IDS = frozenset(
    {
        "top",
        CONTENTS_TAG,
        "key-messages",
        "lead-officer",
        *("board-asks", "highest-risks", "late-actions"),  # the front sheet's headings
    }
)
SECTION_LEVEL = 2


@dataclass(frozen=True)
class Heading:
    """One heading of the document: its level, its text and the id its anchor uses."""

    level: int
    text: str
    id: str


class UniqueIds:
    """Hands out ids in document order, numbering repeats (`ratings`, `ratings-2`)."""

    def __init__(self, taken: set[str] | None = None) -> None:
        self._taken = set(taken or ())

    def claim(self, text: str) -> str:
        base = slug(text)
        candidate, number = base, 1
        while candidate in self._taken:
            number += 1
            candidate = f"{base}-{number}"
        self._taken.add(candidate)
        return candidate


def css_string(text: str) -> str:
    """Text to sit inside a double-quoted CSS string in a <style> element, and nothing more.

    Every character that could end the string, the rule or the element is written as a CSS
    escape (`\\22 ` for a quote, `\\3C ` for `<`), so board names from the data stay text.
    """
    return "".join(
        f"\\{ord(c):X} " if c in "\"\\<>&'" or ord(c) < 32 or ord(c) == 127 else c for c in text
    )


def render_markdown(source: str, ids: UniqueIds) -> tuple[str, list[Heading], bool]:
    """A Markdown cell as HTML with ids on its headings, its headings, and whether it opens a
    section (its first block is a level-2 heading)."""
    parser = _parser()
    tokens = parser.parse(source)
    headings = []
    for index, token in enumerate(tokens):
        if token.type == "heading_open":
            text = tokens[index + 1].content
            heading = Heading(int(token.tag[1]), text, ids.claim(text))
            token.attrSet("id", heading.id)
            headings.append(heading)
    opens = bool(tokens) and tokens[0].type == "heading_open" and headings[0].level == SECTION_LEVEL
    return parser.renderer.render(tokens, parser.options, {}), headings, opens


class OutlinePreprocessor(Preprocessor):
    """Renders the Markdown cells, marks where sections open and close, collects the contents.

    The template reads three attributes this sets on each Markdown cell: `briefing_html`,
    `section_id` (the section it opens, if any) and `closes_section` (a section is open before
    it), and `resources["outline"]`: the contents and whether a section is open at the end.
    """

    def preprocess(self, nb: Any, resources: dict[str, Any]) -> tuple[Any, dict[str, Any]]:
        nb.cells = without_empty_headings(nb.cells)
        ids = UniqueIds(set(RESERVED_IDS))
        contents: list[Heading] = []
        section_open = False
        for cell in nb.cells:
            if cell.cell_type != "markdown" or CONTENTS_TAG in cell.metadata.get("tags", ()):
                continue
            cell.briefing_html, headings, opens = render_markdown(cell.source, ids)
            cell.section_id = headings[0].id if opens else None
            cell.closes_section = opens and section_open
            section_open = section_open or opens
            contents += [h for h in headings if h.level == SECTION_LEVEL]
        resources["outline"] = {"contents": contents, "section_open": section_open}
        return nb, resources


def without_empty_headings(cells: list[Any]) -> list[Any]:
    """The cells with no heading that has nothing under it, and no output that shows nothing.

    A view returns empty HTML when it has nothing to show (a board with no published
    statistics); a Markdown cell of headings only is then dropped when every cell up to the next
    heading of its level or higher shows nothing, so no section or sub-heading stands empty.
    """
    for cell in cells:
        if cell.cell_type == "code":
            cell.outputs = [output for output in cell.outputs if _shows_something(output)]
    levels = [_heading_only_level(cell) for cell in cells]
    kept = []
    for index, cell in enumerate(cells):
        level = levels[index]
        if level is not None:
            following = []
            for later, other in zip(levels[index + 1 :], cells[index + 1 :], strict=True):
                if later is not None and later <= level:
                    break
                following.append((later, other))
            if not any(later is None and _has_content(other) for later, other in following):
                continue
        kept.append(cell)
    return kept


def _heading_only_level(cell: Any) -> int | None:
    """The level of a Markdown cell's first heading when the cell holds nothing but headings."""
    if cell.cell_type != "markdown":
        return None
    blocks = [token for token in _parser().parse(cell.source) if token.level == 0]
    if not blocks or any(not token.type.startswith("heading_") for token in blocks):
        return None
    return int(blocks[0].tag[1])


def _has_content(cell: Any) -> bool:
    if cell.cell_type == "markdown":
        return bool(cell.source.strip())
    return bool(getattr(cell, "outputs", None))


def _shows_something(output: Any) -> bool:
    """False only for a display whose HTML is empty (a view with nothing to show)."""
    html = output.get("data", {}).get("text/html")
    return html is None or bool(str(html).strip())


@cache
def _parser() -> Any:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
