"""The families' page (`families.html`), made in the briefing's own kernel and handed to the runner.

The notebook builds the page from the very status objects the briefing shows, and publishes it
as a display output of its own mimetype, as it does the figures; the runner writes it beside
briefing.html and leaves it out of the briefing itself. The two pages can therefore never give
different counts for the same meeting.
"""

from __future__ import annotations

from typing import Any

from boardbrief.contract.meeting import Meeting
from boardbrief.publish.figures import published
from boardbrief.sections.feedback import FeedbackStatus
from boardbrief.sections.you_said import YouSaidStatus, comments_by_who
from boardbrief.views.families import family_page

FAMILIES_MIMETYPE = "application/vnd.boardbrief.families+html"


def family_page_html(meeting: Meeting, voices: FeedbackStatus, said: YouSaidStatus) -> str:
    """The families' page for a meeting, as a complete self-contained HTML document."""
    config = meeting.config
    return family_page(voices, said, comments_by_who(meeting), config.board, config.sample).markup


def publish_family_page(meeting: Meeting, voices: FeedbackStatus, said: YouSaidStatus) -> None:
    """Show the families' page as a hidden output the runner collects into families.html."""
    from IPython.display import display

    display({FAMILIES_MIMETYPE: family_page_html(meeting, voices, said)}, raw=True)


def family_page_from_notebook(notebook: Any) -> str:
    """The families' page a notebook published, from its executed outputs.

    Raises
    ------
    LookupError
        When the notebook published none, or more than one.
    """
    return str(published(notebook, FAMILIES_MIMETYPE))
