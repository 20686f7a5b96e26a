"""Charts for the briefing, drawn once with seaborn and embedded as deterministic SVG.

Every chart comes with alt text stating its message and the figures behind it as a table, so
colour is never the only carrier and nothing is lost to a screen reader or a black-and-white print.
One module per section; `base` holds what they share: the Chart block, the theme, the palette.
"""

from boardbrief.charts.action_plan import rag_mix_chart
from boardbrief.charts.base import Chart
from boardbrief.charts.feedback import theme_share_chart
from boardbrief.charts.funding import investment_by_area_chart, per_child_chart, spend_trend_chart

__all__ = [
    "Chart",
    "investment_by_area_chart",
    "per_child_chart",
    "rag_mix_chart",
    "spend_trend_chart",
    "theme_share_chart",
]
