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
from boardbrief.views.annexes import (
    action_plan_chart_figures,
    annex_link,
    feedback_chart_figures,
    funding_chart_figures,
)
from boardbrief.views.area import (
    action_histories,
    area_about,
    area_actions,
    area_commentary,
    area_headline,
    area_investment_by_kind,
    area_investment_by_organisation,
    area_measures,
    area_ratings_over_time,
    area_spend_trend,
    area_summary,
    area_theme_trend,
    area_themes,
    behind_trajectory,
)
from boardbrief.views.commentary_numbers import unmatched_commentary_numbers
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
from boardbrief.views.front_sheet import front_sheet
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
from boardbrief.views.risks import not_on_register, open_risks, risk_matrix_view, risks_summary
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
    "action_histories",
    "action_plan_chart_figures",
    "action_plan_summary",
    "activity_beside_impact",
    "annex_link",
    "area_about",
    "area_actions",
    "area_commentary",
    "area_headline",
    "area_investment_by_kind",
    "area_investment_by_organisation",
    "area_measures",
    "area_ratings",
    "area_ratings_over_time",
    "area_spend_trend",
    "area_summary",
    "area_theme_trend",
    "area_themes",
    "behind_trajectory",
    "codebook_gaps",
    "exception_reports",
    "feedback_by_district",
    "feedback_chart_figures",
    "feedback_summary",
    "front_sheet",
    "funding_chart_figures",
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
    "not_on_register",
    "officer_commentary",
    "open_risks",
    "overdue",
    "partner_waiting_lists",
    "quotes",
    "rag_trend",
    "ratings_by_owner",
    "ratings_by_pledge",
    "risk_matrix_view",
    "risks_summary",
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
    "unmatched_commentary_numbers",
    "you_said_we_did",
]
