"""The feedback chart: how often the most raised themes came up at each meeting."""

from __future__ import annotations

import textwrap
import warnings
from typing import TYPE_CHECKING

import pandas as pd

from boardbrief.charts.base import LEADER, SERIES, chart_theme, new_figure, to_svg

if TYPE_CHECKING:
    from matplotlib.axes import Axes

MARKERS = ("o", "s", "^", "D", "v", "P", "X")
LABEL_WIDTH = 32  # characters per line of a direct label


def theme_share_chart(trend: pd.DataFrame, names: dict[str, str], labels: dict) -> str:
    """Lines of the share of each period's comments raising each theme, labelled at their ends."""
    import seaborn.objects as so

    frame = trend.assign(
        share=(trend["count"] / trend["comments"].where(trend["comments"] > 0)) * 100,
        meeting_label=trend["meeting"].map(labels),
        name=trend["theme"].map(names),
    ).dropna(subset=["share"])
    themes = list(dict.fromkeys(trend["theme"]))
    order = [names[t] for t in themes]
    figure = new_figure(width=9.0, height=4.2)
    plot = (
        so.Plot(frame, x="meeting_label", y="share", color="name", marker="name")
        .add(so.Line(linewidth=2))
        .add(so.Dot(pointsize=6))
        .scale(
            color=so.Nominal(list(SERIES[: len(order)]), order=order),
            marker=so.Nominal(list(MARKERS[: len(order)]), order=order),
            x=so.Nominal(order=list(dict.fromkeys(labels.values()))),
        )
        .label(x="", y="% of comments", color="", marker="")
        .theme(chart_theme())
        .on(figure)
    )
    with warnings.catch_warnings():  # seaborn's own pandas deprecations are not ours to act on
        warnings.filterwarnings("ignore", module="seaborn")
        plot.plot()
    figure.legends.clear()  # lines are labelled directly instead
    axis = figure.axes[0]
    last = frame[frame["meeting"] == frame["meeting"].max()]
    ends = _spread(last.set_index("name")["share"].reindex(order).dropna(), frame["share"], axis)
    for name, y in ends.items():
        axis.annotate(
            textwrap.fill(name, LABEL_WIDTH),
            xy=(len(labels) - 1, last.set_index("name").loc[name, "share"]),
            xytext=(len(labels) - 1 + 0.15, y),
            va="center",
            fontsize=8,
            color=SERIES[order.index(name) % len(SERIES)],
            annotation_clip=False,
            arrowprops={"arrowstyle": "-", "color": LEADER, "linewidth": 0.6},
        )
    axis.set_xlim(-0.3, len(labels) - 1 + 2.8)
    axis.set_ylim(bottom=0)
    return to_svg(figure)


def _spread(ends: pd.Series, shares: pd.Series, axis: Axes) -> pd.Series:
    """Label heights at the lines' ends, nudged apart so no two labels overlap."""
    if ends.empty:
        return ends
    bottom, top = 0.0, max(float(shares.max()) * 1.1, 1.0)
    gap = (top - bottom) * 0.11  # room for a label wrapped onto two lines
    placed = ends.sort_values()
    heights: list[float] = []
    for value in placed:
        heights.append(max(float(value), heights[-1] + gap) if heights else float(value))
    axis.set_ylim(bottom, max(top, heights[-1] + gap))
    return pd.Series(heights, index=placed.index)
