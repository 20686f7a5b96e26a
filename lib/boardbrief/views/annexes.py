"""The annexes: links to them from where the main paper summarises, and the figures behind the
main paper's charts, which print only here."""

from __future__ import annotations

from markupsafe import Markup

from boardbrief.charts import Chart
from boardbrief.present import Html, slug
from boardbrief.sections.action_plan import ActionPlanStatus
from boardbrief.sections.feedback import FeedbackStatus
from boardbrief.sections.funding import FundingStatus
from boardbrief.views import action_plan, feedback, funding


def annex_link(title: str, status: object | None) -> Html | None:
    """A sentence linking to the annex `title` (its heading's text); nothing when the section
    has no data (no status, or published statistics not configured), as its annex then has
    none either."""
    if status is None or getattr(status, "configured", True) is False:
        return None
    return Html(
        Markup(
            '<p class="annex-link">The detail behind this section is in <a href="#{}">{}</a>.</p>'
        ).format(slug(title), title)
    )


def chart_figures(*shown: Chart | Html | None) -> Html | None:
    """The tables behind the given charts (left out where a sentence stands instead of one).

    The annexes ask for the charts undrawn: the main paper has drawn them already."""
    tables = [chart.data.to_html().markup for chart in shown if isinstance(chart, Chart)]
    if not tables:
        return None
    return Html('<div class="chart-figures">\n' + "\n".join(tables) + "</div>\n")


def action_plan_chart_figures(plan: ActionPlanStatus) -> Html | None:
    """The figures behind the action plan's chart of ratings over time."""
    return chart_figures(action_plan.rag_trend(plan, draw=False))


def feedback_chart_figures(voices: FeedbackStatus) -> Html | None:
    """The figures behind the chart of the most raised themes over time."""
    return chart_figures(feedback.theme_trend(voices, draw=False))


def funding_chart_figures(funds: FundingStatus) -> Html | None:
    """The figures behind the main paper's chart of where investment goes."""
    return chart_figures(funding.investment_chart(funds, draw=False))
