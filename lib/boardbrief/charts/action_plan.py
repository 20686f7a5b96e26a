"""The action plan's chart: the mix of ratings in each priority area at each meeting."""

from __future__ import annotations

import warnings
from collections.abc import Sequence

import pandas as pd

from boardbrief.charts.base import INK, RAG_COLOURS, chart_theme, legend_below, new_figure, to_svg
from boardbrief.ratings import RAG_ORDER, RAG_WORDS


def rag_mix_chart(trend: pd.DataFrame, area_order: Sequence[str], meeting_labels: dict) -> str:
    """Small multiples, one per priority area: stacked actions by rating at each meeting."""
    import seaborn.objects as so

    frame = trend.assign(
        meeting_label=trend["meeting"].map(meeting_labels),
        rating=trend["rag"].map(RAG_WORDS),
    )
    columns = min(3, len(area_order)) or 1
    rows = -(-len(area_order) // columns)
    figure = new_figure(width=3.2 * columns, height=2.6 * rows + 0.6)
    plot = (
        so.Plot(frame, x="meeting_label", y="count", color="rating")
        .facet(col="name", wrap=columns, order=list(area_order))
        .add(so.Bar(width=0.7, alpha=1, edgewidth=0.5, edgecolor=INK), so.Stack())
        .scale(
            color=so.Nominal(
                {RAG_WORDS[r]: RAG_COLOURS[r] for r in RAG_ORDER},
                order=[RAG_WORDS[r] for r in RAG_ORDER],
            ),
            x=so.Nominal(order=list(dict.fromkeys(meeting_labels.values()))),
        )
        .label(x="", y="Actions", color="Rating", title="{}".format)
        .theme(chart_theme())
        .on(figure)
    )
    with warnings.catch_warnings():  # seaborn's own pandas deprecations are not ours to act on
        warnings.filterwarnings("ignore", module="seaborn")
        plot.plot()
    for axis in figure.axes:
        axis.tick_params(axis="x", labelrotation=0, labelsize=8)
        label_segments(axis)
    legend_below(figure)
    return to_svg(figure)


def label_segments(axis: object) -> None:
    """Write each stacked segment's count inside it, so no rating is told by colour alone."""
    from matplotlib.colors import to_rgb
    from matplotlib.patches import Rectangle

    for patch in list(axis.patches):
        height = patch.get_height()
        if not isinstance(patch, Rectangle) or height < 1:
            continue
        red, green, blue = to_rgb(patch.get_facecolor())
        dark = 0.2126 * red + 0.7152 * green + 0.0722 * blue < 0.5
        axis.text(
            patch.get_x() + patch.get_width() / 2,
            patch.get_y() + height / 2,
            f"{height:.0f}",
            ha="center",
            va="center",
            fontsize=7,
            color="white" if dark else INK,
        )
