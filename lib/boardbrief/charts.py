"""Charts for the briefing, drawn once with seaborn and embedded as deterministic SVG.

Every chart comes with alt text stating its message and the figures behind it as a table, so
colour is never the only carrier and nothing is lost to a screen reader or a black-and-white print.
"""

from __future__ import annotations

import base64
import io
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pandas as pd

from boardbrief.present import Html, Table, render_block
from boardbrief.ratings import RAG_ORDER, RAG_WORDS

if TYPE_CHECKING:  # matplotlib is imported only when a chart is drawn
    from matplotlib.figure import Figure

RAG_COLOURS = {"red": "#b10e1e", "amber": "#ffbf47", "green": "#00703c", "blue": "#1d70b8"}
SVG_SALT = "boardbrief"  # fixed ids inside the SVG: same data, same bytes
FONT = ["DejaVu Sans"]  # ships with matplotlib, so layout is the same on every machine


@dataclass(frozen=True)
class Chart:
    """An SVG chart with the sentence it proves and the table it was drawn from."""

    svg: str
    alt: str
    caption: str
    data: Table

    def to_html(self) -> Html:
        encoded = base64.b64encode(self.svg.encode("utf-8")).decode("ascii")
        return render_block(
            "chart.html.j2",
            src=f"data:image/svg+xml;base64,{encoded}",
            alt=self.alt,
            caption=self.caption,
            table=self.data.to_html(),
        )

    def _repr_html_(self) -> str:
        return self.to_html().markup


def rag_mix_chart(trend: pd.DataFrame, area_order: Sequence[str], meeting_labels: dict) -> str:
    """Small multiples, one per priority area: stacked actions by rating at each meeting."""
    import seaborn.objects as so

    frame = trend.assign(
        meeting_label=trend["meeting"].map(meeting_labels),
        rating=trend["rag"].map(RAG_WORDS),
    )
    columns = min(3, len(area_order)) or 1
    rows = -(-len(area_order) // columns)
    figure = _figure(width=3.2 * columns, height=2.6 * rows + 0.6)
    plot = (
        so.Plot(frame, x="meeting_label", y="count", color="rating")
        .facet(col="name", wrap=columns, order=list(area_order))
        .add(so.Bar(width=0.7, alpha=1, edgewidth=0.5, edgecolor="#0b0c0c"), so.Stack())
        .scale(
            color=so.Nominal(
                {RAG_WORDS[r]: RAG_COLOURS[r] for r in RAG_ORDER},
                order=[RAG_WORDS[r] for r in RAG_ORDER],
            ),
            x=so.Nominal(order=list(dict.fromkeys(meeting_labels.values()))),
        )
        .label(x="", y="Actions", color="Rating", title="{}".format)
        .theme(_theme())
        .on(figure)
    )
    with warnings.catch_warnings():  # seaborn's own pandas deprecations are not ours to act on
        warnings.filterwarnings("ignore", module="seaborn")
        plot.plot()
    for axis in figure.axes:
        axis.tick_params(axis="x", labelrotation=0, labelsize=8)
    _legend_below(figure)
    return _svg(figure)


def _legend_below(figure: Figure) -> None:
    """Move seaborn's legend under the panels, in one row, where the layout leaves room for it."""
    if not figure.legends:
        return
    old = figure.legends.pop()
    labels = [text.get_text() for text in old.get_texts()]
    figure.legend(
        old.legend_handles,
        labels,
        loc="outside lower center",
        ncols=len(labels),
        frameon=False,
        title=old.get_title().get_text() or None,
    )


def _figure(width: float, height: float) -> Figure:
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), dpi=100, layout="constrained")


def _theme() -> dict[str, object]:
    return {
        "font.family": FONT,
        "font.size": 9,
        "axes.facecolor": "white",
        "axes.edgecolor": "#505a5f",
        "axes.grid": True,
        "axes.grid.axis": "y",
        "grid.color": "#dddddd",
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.titlesize": 10,
        "axes.titleweight": "bold",
    }


def _svg(figure: Figure) -> str:
    import matplotlib

    buffer = io.StringIO()
    with matplotlib.rc_context({"svg.hashsalt": SVG_SALT, "svg.fonttype": "none"}):
        figure.savefig(buffer, format="svg", metadata={"Date": None})
    return buffer.getvalue()
