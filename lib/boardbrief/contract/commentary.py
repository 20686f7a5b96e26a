"""The lead officer's commentary for a meeting: its assessed ratings and its narrative.

A commentary file is Markdown, optionally opening with YAML front matter that gives the officer's
own assessment (`overall_rag`, and `area_rag` per priority area) and what the board is asked to
decide (`asks`, a list of sentences, which open the paper). The narrative is rendered with
raw HTML and images disabled, so nothing in it can run or fetch anything.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from boardbrief.contract.plain_yaml import line_of, load_plain_yaml
from boardbrief.contract.problems import DataError, Problem, unreadable
from boardbrief.ratings import RAG_EXPECTED, normalise_rag

FRONT_MATTER = re.compile(
    r"\A---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*\r?$\n?", re.DOTALL | re.MULTILINE
)


@dataclass(frozen=True)
class Commentary:
    """One meeting's commentary: the officer's assessed ratings and the Markdown narrative."""

    file: str
    body: str
    overall_rag: str | None = None
    area_rag: dict[str, str] = field(default_factory=dict)
    asks: tuple[str, ...] = ()
    body_line: int = 1  # the file's line on which `body` starts, after any front matter
    ask_lines: tuple[int | None, ...] = ()  # the file's line of each of `asks`

    def body_html(self, top_level: int | None = None) -> str:
        """The narrative as safe HTML, its headings moved below the section's own heading.

        The officer's heading levels, whichever they are, become `top_level` (h4 by default,
        under "From the lead officer") and the levels below it, in order: none is skipped.
        """
        parser = _markdown()
        tokens = parser.parse(self.body)
        used = sorted({t.tag for t in tokens if t.type == "heading_open"})
        top = TOP_LEVEL if top_level is None else top_level
        levels = {tag: f"h{min(top + rank, 6)}" for rank, tag in enumerate(used)}
        return parser.renderer.render(tokens, parser.options, {"levels": levels})

    def section(self, titles: Iterable[str]) -> Commentary | None:
        """The part of the narrative under the first heading titled one of `titles`, or None.

        Titles match ignoring case and spaces around them; the part runs to the next heading of
        the same level or higher. The officer writes a heading per priority area ("## Identifying
        need"), and an area's page shows what is under its own.
        """
        wanted = {title.strip().casefold() for title in titles}
        tokens = _markdown().parse(self.body)
        lines = self.body.splitlines(keepends=True)
        for index, token in enumerate(tokens):
            title = tokens[index + 1].content if token.type == "heading_open" else ""
            if title.strip().casefold() not in wanted:
                continue
            following = (
                t.map[0]
                for t in tokens[index + 1 :]
                if t.type == "heading_open" and t.tag <= token.tag and t.map
            )
            end = next(following, len(lines))
            text = "".join(lines[token.map[1] : end])
            return Commentary(self.file, text) if text.strip() else None
        return None


def read_commentary(path: Path, name: str, area_ids: list[str]) -> Commentary:
    """Read and check one commentary file.

    Raises
    ------
    DataError
        For text that is not UTF-8, front matter that is not plain YAML, unknown keys' values
        that are not ratings, or area ids not in board.yml.
    """
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise DataError([Problem(name, None, None, None, "UTF-8 text")]) from None
    except OSError as error:
        raise DataError([unreadable(name, error)]) from None
    match = FRONT_MATTER.match(text)
    if not match:
        return Commentary(name, text)
    front, root = load_plain_yaml(match.group(1), name, first_line=2)
    body = text[match.end() :]
    body_line = text[: match.end()].count("\n") + 1
    if front is None:
        return Commentary(name, body, body_line=body_line)
    if not isinstance(front, dict):
        raise DataError([Problem(name, 2, None, None, "front matter of `key: value` lines")])
    problems: list[Problem] = []
    overall = _rating(front.get("overall_rag"), name, root, ("overall_rag",), problems)
    areas = front.get("area_rag") or {}
    area_rag: dict[str, str] = {}
    if not isinstance(areas, dict):
        line = line_of(root, ("area_rag",), 2)
        problems.append(Problem(name, line, "area_rag", None, "a mapping of area id to rating"))
        areas = {}
    for area, value in areas.items():
        location = ("area_rag", area)
        if str(area) not in area_ids:
            listed = ", ".join(sorted(area_ids))
            line = line_of(root, location, 2)
            problems.append(
                Problem(name, line, "area_rag", str(area), f"a priority area id ({listed})")
            )
            continue
        rating = _rating(value, name, root, location, problems)
        if rating:
            area_rag[str(area)] = rating
    asks = _asks(front.get("asks"), name, root, problems)
    if problems:
        raise DataError(problems)
    ask_lines = tuple(line_of(root, ("asks", position), 2) for position in range(len(asks)))
    return Commentary(name, body, overall, area_rag, asks, body_line, ask_lines)


MAX_ASK_CHARACTERS = 500
ASK_EXPECTED = (
    "a list of sentences, each what the board is asked to do "
    f"(at most {MAX_ASK_CHARACTERS} characters)"
)


def _asks(value: Any, name: str, root: Any, problems: list[Problem]) -> tuple[str, ...]:
    """`asks:` as sentences: a list of non-blank text, each a line of the front matter."""
    if value is None:
        return ()
    if not isinstance(value, list):
        problems.append(Problem(name, line_of(root, ("asks",), 2), "asks", None, ASK_EXPECTED))
        return ()
    asks = []
    for position, ask in enumerate(value):
        text = ask.strip() if isinstance(ask, str) else ""
        if not text or len(text) > MAX_ASK_CHARACTERS:
            line = line_of(root, ("asks", position), 2)
            shown = str(ask)[:60] if isinstance(ask, str | int | float) and str(ask) else None
            problems.append(Problem(name, line, f"asks[{position}]", shown, ASK_EXPECTED))
            continue
        asks.append(text)
    return tuple(asks)


def _rating(
    value: Any, name: str, root: Any, location: tuple[str, ...], problems: list[Problem]
) -> str | None:
    if value is None:
        return None
    rating = normalise_rag(str(value))
    if rating:
        return rating
    column = ".".join(location)
    problems.append(Problem(name, line_of(root, location, 2), column, str(value), RAG_EXPECTED))
    return None


# The commentary sits under "From the lead officer" (h3) in the summary section (h2).
TOP_LEVEL = 4


@cache
def _markdown() -> Any:
    from markdown_it import MarkdownIt

    renderer = MarkdownIt("commonmark", {"html": False, "linkify": False}).disable("image")

    def heading_open(
        renderer_self: Any, tokens: list[Any], index: int, options: Any, env: Any
    ) -> str:
        return f"<{env['levels'][tokens[index].tag]}>"

    def heading_close(
        renderer_self: Any, tokens: list[Any], index: int, options: Any, env: Any
    ) -> str:
        return f"</{env['levels'][tokens[index].tag]}>\n"

    renderer.add_render_rule("heading_open", heading_open)
    renderer.add_render_rule("heading_close", heading_close)
    return renderer
