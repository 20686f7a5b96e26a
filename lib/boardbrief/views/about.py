"""The footer: where the figures came from, so a reader can check and an auditor trace."""

from __future__ import annotations

from boardbrief import __version__
from boardbrief.contract.inputs import input_records
from boardbrief.contract.meeting import Meeting
from boardbrief.formatting import long_date
from boardbrief.present import Html, render_block

SHORT_HASH = 12


def about(meeting: Meeting) -> Html:
    """The footer: data as-at dates, every input file with a short fingerprint, the tool version."""
    data = meeting.data
    files = [
        {"path": r["path"], "sha256": str(r["sha256"])[:SHORT_HASH], "bytes": r["bytes"]}
        for r in input_records(data.data_dir, data.files_read)
    ]
    latest_comment = meeting.feedback["date"].max()
    return render_block(
        "about.html.j2",
        meeting_date=long_date(meeting.date),
        actions_as_at=long_date(meeting.actions.date),
        funding_as_at=long_date(meeting.funding.date),
        feedback_up_to=(
            long_date(latest_comment.date()) if len(meeting.feedback) else "no comments yet"
        ),
        files=files,
        version=__version__,
        sample=meeting.config.sample,
        no_statistics=data.indicators.config is None,
        returns=_returns_note(meeting),
        cut_off=long_date(meeting.as_at) if meeting.as_at != meeting.date else None,
    )


def _returns_note(meeting: Meeting) -> dict[str, object] | None:
    """Who returned their update for this snapshot and whose rows were carried forward."""
    record = meeting.data.returns.get(meeting.actions.date)
    if record is None:
        return None
    by_id = {o.id.casefold(): o.name for o in meeting.config.organisations}
    names = [by_id[org.casefold()] for org in record.carried_forward]
    asked = len(record.returned) + len(record.carried_forward)
    return {"returned": len(record.returned), "asked": asked, "carried_forward": names}
