"""What the briefing notebook shows: one function per block, each returning finished HTML.

One module per section of the briefing; the notebook imports them all from here.
"""

from boardbrief.views.action_plan import (
    action_plan_summary,
    area_ratings,
    movements,
    overdue,
    rag_trend,
    ratings_by_owner,
    ratings_by_pledge,
    stale,
    stuck,
)
from boardbrief.views.feedback import feedback_by_district
from boardbrief.views.funding import investment_by_organisation
from boardbrief.views.headline import headline, officer_commentary

__all__ = [
    "action_plan_summary",
    "area_ratings",
    "feedback_by_district",
    "headline",
    "investment_by_organisation",
    "movements",
    "officer_commentary",
    "overdue",
    "rag_trend",
    "ratings_by_owner",
    "ratings_by_pledge",
    "stale",
    "stuck",
]
