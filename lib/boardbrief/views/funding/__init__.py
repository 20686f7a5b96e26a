"""The funding section: who has put in what, is it being spent, does every district get its share.

Sentences round money for a board ("£1.2m"); tables give it exactly, to the penny. One module per
part of the section: `summary` (the opening), `investment` (who put in what, where it goes),
`changes` (what changed, is it being spent), `per_child` (every district's share); `cells` is how
money is shown in their tables.
"""

from boardbrief.views.funding.changes import funding_line_changes, funding_movement, spend_trend
from boardbrief.views.funding.investment import (
    investment_by_area,
    investment_by_kind,
    investment_by_organisation,
    investment_by_type,
    investment_chart,
)
from boardbrief.views.funding.per_child import (
    flagged_sentence,
    gbp_per_child,
    investment_per_child,
    investment_per_child_chart,
)
from boardbrief.views.funding.summary import funding_summary, summary_sentences

__all__ = [
    "flagged_sentence",
    "funding_line_changes",
    "funding_movement",
    "funding_summary",
    "gbp_per_child",
    "investment_by_area",
    "investment_by_kind",
    "investment_by_organisation",
    "investment_by_type",
    "investment_chart",
    "investment_per_child",
    "investment_per_child_chart",
    "spend_trend",
    "summary_sentences",
]
