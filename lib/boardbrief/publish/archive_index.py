"""The archive index (`index.html`): every rendered meeting, newest first, self-contained."""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
from pathlib import Path

from markupsafe import Markup

from boardbrief import paths
from boardbrief.formatting import count, gbp_short, long_date
from boardbrief.present import rag_badge, render_block
from boardbrief.publish.folders import replace_retrying
from boardbrief.publish.supersede import SUPERSEDED_DIR, superseded_versions

INDEX_HTML = "index.html"


def rendered_meetings(out_dir: Path) -> list[dt.date]:
    """Meetings with a finished briefing in `out_dir`, newest first."""
    found = []
    for folder in out_dir.iterdir() if out_dir.is_dir() else []:
        try:
            date = dt.date.fromisoformat(folder.name)
        except ValueError:
            continue
        if (folder / paths.BRIEFING_HTML).is_file() and (folder / paths.FIGURES_JSON).is_file():
            found.append(date)
    return sorted(found, reverse=True)


def write_index(out_dir: Path, board: str, areas: dict[str, str] | None = None) -> Path:
    """Rebuild index.html from the briefings present, replacing the old one in one step.

    `areas` (id to name, board.yml's order) names the area pages each meeting has.
    """
    rows = []
    for date in rendered_meetings(out_dir):
        folder = out_dir / date.isoformat()
        pages = [
            {"href": f"{date.isoformat()}/{paths.area_page(area)}", "name": name}
            for area, name in (areas or {}).items()
            if (folder / paths.area_page(area)).is_file()
        ]
        figures = json.loads((out_dir / date.isoformat() / paths.FIGURES_JSON).read_text("utf-8"))
        committed = figures.get("funding.committed_gbp")
        rows.append(
            {
                "date": long_date(date),
                "href": f"{date.isoformat()}/{paths.BRIEFING_HTML}",
                "families": f"{date.isoformat()}/{paths.FAMILIES_HTML}"
                if (out_dir / date.isoformat() / paths.FAMILIES_HTML).is_file()
                else None,
                "pdf": f"{date.isoformat()}/{paths.BRIEFING_PDF}"
                if (out_dir / date.isoformat() / paths.BRIEFING_PDF).is_file()
                else None,
                "areas": pages,
                **ratings(figures),
                "superseded": superseded_links(out_dir, date.isoformat()),
                "open": _count(figures.get("actions.open")),
                "overdue": _count(figures.get("actions.overdue")),
                "comments": _count(figures.get("feedback.period.comments")),
                "committed": gbp_short(round(committed * 100))
                if committed is not None
                else "\u2013",
            }
        )
    html = render_block("archive_index.html.j2", board=board, rows=rows).markup
    target = out_dir / INDEX_HTML
    with tempfile.NamedTemporaryFile(
        "w",
        encoding="utf-8",
        newline="\n",
        dir=out_dir,
        prefix=".index-",
        suffix=".html",
        delete=False,
    ) as handle:
        try:
            handle.write(html)
            handle.close()  # a full disk may only show here
            os.chmod(handle.name, 0o644)
            replace_retrying(Path(handle.name), target)
        except BaseException:  # a full disk or Ctrl-C: the old index stays, no half-written one
            Path(handle.name).unlink(missing_ok=True)
            raise
    return target


def ratings(figures: dict[str, object]) -> dict[str, Markup | str]:
    """The overall rating twice, each in its own labelled column, so neither passes for the other:
    `assessed` is the lead officer's judgement (from the commentary), `derived` the board's rule
    applied to the actions."""
    assessed, derived = figures.get("overall.assessed_rag"), figures.get("overall.rag")
    return {
        "assessed": rag_badge(str(assessed)) if assessed else "not assessed",
        "derived": rag_badge(str(derived)) if derived else "\u2013",
    }


def superseded_links(out_dir: Path, date: str) -> list[dict[str, str]]:
    """The replaced briefings kept for a meeting, oldest first, each with when it was replaced."""
    return [
        {
            "href": f"{date}/{SUPERSEDED_DIR}/{name}/{paths.BRIEFING_HTML}",
            "name": f"replaced {name[:10]} {name[11:19].replace('-', ':')} UTC",
        }
        for name in superseded_versions(out_dir / date)
    ]


def _count(value: object) -> str:
    return "[c]" if value is None else count(int(value))
