"""Charts for the briefing, drawn once with seaborn and embedded as deterministic SVG.

Every chart comes with alt text stating its message and the figures behind it as a table, so
colour is never the only carrier and nothing is lost to a screen reader or a black-and-white print.
One module per section; `base` holds what they share.
"""

from boardbrief.charts.action_plan import rag_mix_chart
from boardbrief.charts.base import Chart

__all__ = ["Chart", "rag_mix_chart"]
