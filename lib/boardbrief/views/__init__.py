"""What the briefing notebook shows: one function per block, each returning finished HTML.

One module per section of the briefing; the notebook imports them all from here.
"""

from boardbrief.views.about import about
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
from boardbrief.views.feedback import (
    codebook_gaps,
    feedback_by_district,
    feedback_summary,
    quotes,
    theme_table,
    theme_trend,
    themes_by_district,
    themes_by_respondent,
    tone,
)
from boardbrief.views.funding import (
    funding_line_changes,
    funding_movement,
    funding_summary,
    investment_by_area,
    investment_by_kind,
    investment_by_organisation,
    investment_by_type,
    investment_chart,
    investment_per_child,
    investment_per_child_chart,
    spend_trend,
)
from boardbrief.views.headline import headline, officer_commentary
from boardbrief.views.impact import impact_measures, impact_summary, partner_waiting_lists
from boardbrief.views.scorecard import (
    activity_beside_impact,
    exception_reports,
    scorecard_summary,
    scorecard_table,
)
from boardbrief.views.summary import key_messages
from boardbrief.views.you_said import you_said_we_did

__all__ = [
    "about",
    "action_plan_summary",
    "activity_beside_impact",
    "area_ratings",
    "codebook_gaps",
    "exception_reports",
    "feedback_by_district",
    "feedback_summary",
    "funding_line_changes",
    "funding_movement",
    "funding_summary",
    "headline",
    "impact_measures",
    "impact_summary",
    "investment_by_area",
    "investment_by_kind",
    "investment_by_organisation",
    "investment_by_type",
    "investment_chart",
    "investment_per_child",
    "investment_per_child_chart",
    "key_messages",
    "movements",
    "officer_commentary",
    "overdue",
    "partner_waiting_lists",
    "quotes",
    "rag_trend",
    "ratings_by_owner",
    "ratings_by_pledge",
    "scorecard_summary",
    "scorecard_table",
    "spend_trend",
    "stale",
    "stuck",
    "theme_table",
    "theme_trend",
    "themes_by_district",
    "themes_by_respondent",
    "tone",
    "you_said_we_did",
]
