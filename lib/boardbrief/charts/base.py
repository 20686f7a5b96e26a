"""What every chart shares: the Chart block, the figure, the theme and deterministic SVG.

Every chart comes with alt text stating its message and the figures behind it as a table, so
colour is never the only carrier and nothing is lost to a screen reader or a black-and-white print.
"""

from __future__ import annotations

import base64
import io
from dataclasses import dataclass
from typing import TYPE_CHECKING

from boardbrief.present import Html, Table, render_block

if TYPE_CHECKING:  # matplotlib is imported only when a chart is drawn
    from matplotlib.figure import Figure

SVG_SALT = "boardbrief"  # fixed ids inside the SVG: same data, same bytes
FONT = ["DejaVu Sans"]  # ships with matplotlib, so layout is the same on every machine

# The one palette. Okabe-Ito stays distinct for readers with the common kinds of colour
# blindness; in this order it colours a chart's series one after another.
OKABE_ITO = {
    "blue": "#0072B2",
    "vermilion": "#D55E00",
    "green": "#009E73",
    "reddish purple": "#CC79A7",
    "orange": "#E69F00",
    "sky blue": "#56B4E9",
    "black": "#000000",
}
SERIES = tuple(OKABE_ITO.values())
INK = "#0b0c0c"  # text, outlines and reference lines
MUTED = "#505a5f"  # axes, targets and their labels
CONTEXT = "#c9cccf"  # lines drawn behind for comparison
LEADER = "#888888"  # a thin line from a label to what it names
# A rating is drawn in the colours it is known by (GOV.UK's red, amber, green and blue).
RAG_COLOURS = {"red": "#b10e1e", "amber": "#ffbf47", "green": "#00703c", "blue": "#1d70b8"}


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


def new_figure(width: float, height: float) -> Figure:
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), dpi=100, layout="constrained")


def chart_theme() -> dict[str, object]:
    return {
        "font.family": FONT,
        "font.size": 9,
        "axes.facecolor": "white",
        "axes.edgecolor": MUTED,
        "axes.grid": True,
        "axes.grid.axis": "y",
        "grid.color": "#dddddd",
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.titlesize": 10,
        "axes.titleweight": "bold",
    }


def to_svg(figure: Figure) -> str:
    import matplotlib

    buffer = io.StringIO()
    with matplotlib.rc_context({"svg.hashsalt": SVG_SALT, "svg.fonttype": "none"}):
        figure.savefig(buffer, format="svg", metadata={"Date": None})
    return buffer.getvalue()


def legend_below(figure: Figure) -> None:
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


def warm_up() -> None:
    """Draw a small chart and throw it away: the first chart of a process pays for importing
    seaborn and for matplotlib's fonts and text layout, which a kernel started early can pay
    before the data arrives (see `publish.early_kernel`)."""
    import warnings

    import pandas as pd
    import seaborn.objects as so

    figure = new_figure(width=2, height=1.5)
    table = pd.DataFrame({"x": [0, 1, 2], "y": [1.0, 3.0, 2.0], "series": ["a", "a", "b"]})
    plot = (
        so.Plot(table, x="x", y="y", color="series")
        .add(so.Line())
        .add(so.Dot())
        .label(title="{}".format)
        .theme(chart_theme())
        .on(figure)
    )
    with warnings.catch_warnings():  # as the charts do: seaborn's deprecations are not ours
        warnings.filterwarnings("ignore", module="seaborn")
        plot.plot()
    figure.axes[0].annotate("label", (1, 3))
    to_svg(figure)
