"""Links to the annexes, and the figures behind the main paper's charts, at Northshire."""

from boardbrief import views
from boardbrief.contract.meeting import load_meeting
from boardbrief.present import Html
from boardbrief.sections.action_plan import action_plan_status
from boardbrief.sections.impact import impact_status
from boardbrief.views.annexes import chart_figures


def test_annex_link_points_at_the_annex_heading_and_is_escaped():
    html = views.annex_link("Annex: the action plan in detail", object()).markup
    assert html == (
        '<p class="annex-link">The detail behind this section is in '
        '<a href="#annex-the-action-plan-in-detail">Annex: the action plan in detail</a>.</p>'
    )
    assert "&lt;b&gt;" in views.annex_link("Annex: <b>", object()).markup


def test_no_annex_link_for_a_section_without_data(board_dir):
    assert views.annex_link("Annex: the impact scorecard in detail", None) is None
    unconfigured = impact_status(load_meeting(board_dir, "2026-05-12"))
    assert unconfigured.configured is False
    assert views.annex_link("Annex: published statistics in detail", unconfigured) is None


def test_chart_figures_are_the_charts_own_tables(board_dir):
    plan = action_plan_status(load_meeting(board_dir, "2026-05-12"))
    figures = views.action_plan_chart_figures(plan).markup
    assert figures == (
        '<div class="chart-figures">\n' + views.rag_trend(plan).data.to_html().markup + "</div>\n"
    )
    assert chart_figures(Html("<p>No chart.</p>"), None) is None
