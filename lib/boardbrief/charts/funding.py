"""The funding charts: investment by priority area and kind, per child by district, spend over time.

Money arrives in pence and is drawn in pounds; axis ticks and labels read like the briefing's text
("£1.2m"). Colours are from the palette in `base`, which stays distinct for colour-blind readers,
and every bar or line also carries a label in words.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence

import pandas as pd

from boardbrief.charts.base import INK, OKABE_ITO, chart_theme, legend_below, new_figure, to_svg
from boardbrief.formatting import gbp_short

KIND_COLOURS = {  # in the data contract's order of kinds
    "funding": OKABE_ITO["blue"],
    "physical resources": OKABE_ITO["green"],
    "staff time": OKABE_ITO["orange"],
}


def investment_by_area_chart(committed: pd.DataFrame, area_order: Sequence[str]) -> str:
    """Horizontal bars, one per priority area, stacked by kind, each labelled with its total.

    `committed` is long: `name` (the area's display name), `kind`, `committed_pence`.
    """
    import seaborn.objects as so

    frame = committed.assign(pounds=committed["committed_pence"] / 100)
    kinds = [k for k in KIND_COLOURS if k in set(frame["kind"])]
    figure = new_figure(width=8, height=0.55 * len(area_order) + 1.4)
    plot = (
        so.Plot(frame, x="pounds", y="name", color="kind")
        .add(so.Bar(width=0.65, alpha=1, edgewidth=0), so.Stack())
        .scale(
            color=so.Nominal({k: KIND_COLOURS[k] for k in kinds}, order=kinds),
            y=so.Nominal(order=list(area_order)),
        )
        .label(x="Committed", y="", color="Kind")
        .theme({**chart_theme(), "axes.grid.axis": "x"})
        .on(figure)
    )
    _draw(plot)
    axis = figure.axes[0]
    totals = frame.groupby("name")["committed_pence"].sum()
    largest = max(int(totals.max()), 1)
    for position, area in enumerate(area_order):
        pence = int(totals.get(area, 0))
        axis.text(
            pence / 100 + largest / 100 * 0.01,
            position,
            f" {gbp_short(pence)}",
            va="center",
            ha="left",
            fontsize=9,
            color=INK,
        )
    axis.set_xlim(0, largest / 100 * 1.15)
    _money_axis(axis.xaxis)
    legend_below(figure)
    return to_svg(figure)


def per_child_chart(
    districts: pd.DataFrame, median: tuple[float, str], threshold: tuple[float, str]
) -> str:
    """Horizontal bars of committed per child by district, in the order given (best at the top).

    `districts` has `district`, `per_child_pence`, `below_median` and `label` (the words beside
    each bar, which say when a district is flagged, so the flag never depends on colour alone).
    `median` and `threshold` are (pence per child, label), drawn as labelled vertical lines.
    """
    import seaborn.objects as so

    frame = districts.assign(
        pounds=districts["per_child_pence"] / 100,
        flag=districts["below_median"].map({True: "flagged", False: "not flagged"}),
    )
    order = list(frame["district"])
    figure = new_figure(width=8, height=0.4 * len(order) + 1.6)
    plot = (
        so.Plot(frame, x="pounds", y="district", color="flag")
        .add(so.Bar(width=0.7, alpha=1, edgewidth=0), legend=False)
        .scale(
            color=so.Nominal(
                {"not flagged": OKABE_ITO["blue"], "flagged": OKABE_ITO["orange"]},
                order=["not flagged", "flagged"],
            ),
            y=so.Nominal(order=order),
        )
        .label(x="Committed per child aged 0 to 25", y="")
        .theme({**chart_theme(), "axes.grid.axis": "x"})
        .on(figure)
    )
    _draw(plot)
    axis = figure.axes[0]
    for (pence, text), style, height in ((median, "-", -1.45), (threshold, "--", -0.8)):
        axis.axvline(pence / 100, color=INK, linestyle=style, linewidth=1, zorder=1.5)
        axis.text(
            pence / 100,
            height,
            f" {text}",
            ha="left",
            va="center",
            fontsize=8,
            color=INK,
            bbox={"facecolor": "white", "edgecolor": "none", "pad": 0.5},
            zorder=3,
        )
    for position, row in enumerate(frame.itertuples()):
        axis.text(
            row.pounds,
            position,
            f" {row.label}",
            va="center",
            ha="left",
            fontsize=8.5,
            color=INK,
            bbox={"facecolor": "white", "edgecolor": "none", "pad": 0.5, "alpha": 0.85},
            zorder=3,
        )
    axis.set_ylim(len(order) - 0.5, -1.9)
    axis.set_xlim(0, max(float(frame["pounds"].max()), 1.0) * 1.45)
    axis.xaxis.set_major_formatter(_tick(per_child_tick))
    return to_svg(figure)


def per_child_tick(pounds: float) -> str:
    """A per-child axis label: whole pounds where the tick is whole, else pounds and pence
    (£2.50, never £2 for 2.5)."""
    if abs(pounds - round(pounds)) < 1e-9:
        return f"£{round(pounds):,}"
    return f"£{pounds:,.2f}"


def spend_trend_chart(over_time: pd.DataFrame, meeting_labels: dict) -> str:
    """Committed and spent at each meeting so far, as two labelled lines (no legend needed).

    `over_time` has `meeting`, `committed_pence` and `spent_pence`, one row per meeting.
    """
    import seaborn.objects as so

    long = over_time.melt(
        id_vars=["meeting"],
        value_vars=["committed_pence", "spent_pence"],
        var_name="measure",
        value_name="pence",
    )
    long["measure"] = long["measure"].map({"committed_pence": "Committed", "spent_pence": "Spent"})
    long["pounds"] = long["pence"] / 100
    long["meeting_label"] = long["meeting"].map(meeting_labels)
    labels = list(dict.fromkeys(meeting_labels[m] for m in over_time["meeting"]))
    colours = {"Committed": OKABE_ITO["blue"], "Spent": OKABE_ITO["vermilion"]}
    figure = new_figure(width=8, height=3.6)
    plot = (
        so.Plot(long, x="meeting_label", y="pounds", color="measure")
        .add(so.Line(linewidth=2), legend=False)
        .add(so.Dot(pointsize=6), legend=False)
        .scale(
            color=so.Nominal(colours, order=list(colours)),
            x=so.Nominal(order=labels),
        )
        .label(x="Meeting", y="")
        .theme(chart_theme())
        .on(figure)
    )
    _draw(plot)
    axis = figure.axes[0]
    last = over_time.iloc[-1]
    for measure, column in (("Committed", "committed_pence"), ("Spent", "spent_pence")):
        pence = int(last[column])
        axis.annotate(
            f"{measure} {gbp_short(pence)}",
            (len(labels) - 1, pence / 100),
            xytext=(8, 0),
            textcoords="offset points",
            va="center",
            ha="left",
            fontsize=9,
            fontweight="bold",
            color=colours[measure],
        )
    axis.set_xlim(-0.4, len(labels) - 1 + 0.9)
    axis.set_ylim(0, float(over_time["committed_pence"].max()) / 100 * 1.1 or 1)
    _money_axis(axis.yaxis)
    return to_svg(figure)


def _draw(plot: object) -> None:
    with warnings.catch_warnings():  # seaborn's own pandas deprecations are not ours to act on
        warnings.filterwarnings("ignore", module="seaborn")
        plot.plot()


def _money_axis(axis: object) -> None:
    axis.set_major_formatter(_tick(lambda pounds: gbp_short(round(pounds * 100))))


def _tick(show: object) -> object:
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda value, _position: show(value))
