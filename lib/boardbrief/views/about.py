"""The footer: where the figures came from, so a reader can check and an auditor trace."""

from __future__ import annotations

from boardbrief import __version__
from boardbrief.contract.inputs import input_records
from boardbrief.contract.meeting import Meeting
from boardbrief.formatting import long_date
from boardbrief.present import Html, render_block
from boardbrief.views.wording import and_list

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
        by_hand=typed_by_hand(meeting),
        cut_off=long_date(meeting.as_at) if meeting.as_at != meeting.date else None,
    )


def typed_by_hand(meeting: Meeting) -> dict[str, str]:
    """What in this briefing people entered and what boardbrief computed, said plainly.

    An auditor must not take a rating or a score that someone typed for one the tool worked out:
    the figures are computed, but the data they are computed from, the commentary and the
    officer's assessed ratings are people's own entries and judgements.
    """
    from_returns = " in their organisation's return" if _returns_note(meeting) else ""
    entered = [
        f"each action's rating (red, amber, green or complete), dates and latest update, as "
        f"its owner reported them{from_returns}",
        "the amounts each partner has committed and spent",
    ]
    if meeting.risks is not None:
        entered.append("each risk's likelihood and impact, from 1 to 5 (its score is the product)")
    if getattr(meeting.data, "measures", None) is not None:
        entered.append("the local outcome measures' values, trajectories and targets")
    entered.append("what families said and the ratings they gave")
    text = f"People entered the data itself: {'; '.join(entered[:-1])}; and {entered[-1]}."
    commentary = meeting.commentary
    if commentary is not None:
        assessed = bool(commentary.overall_rag or commentary.area_rag)
        wrote = ["the commentary"]
        if commentary.asks:
            wrote.append("what the board is asked to do")
        if assessed:
            wrote.append("the assessed overall and area ratings")
        text += f" The lead officer wrote {and_list(wrote)}" + (
            ": those ratings are the officer's judgement, shown beside the ratings derived "
            "from the actions."
            if assessed
            else "."
        )
        text += (
            " The numbers in the commentary are typed by hand; each is checked against the "
            "computed figures, and any that match none are listed for analysts just before this "
            "section."
        )
    return {
        "computed": (
            "Every count, total, share, change, derived rating and risk score in the briefing's "
            "tables, charts and summaries is computed from those files by the rules written "
            "into boardbrief."
        ),
        "entered": text,
    }


def _returns_note(meeting: Meeting) -> dict[str, object] | None:
    """Who returned their update for this snapshot and whose rows were carried forward."""
    record = meeting.data.returns.get(meeting.actions.date)
    if record is None:
        return None
    by_id = {o.id.casefold(): o.name for o in meeting.config.organisations}
    names = [by_id[org.casefold()] for org in record.carried_forward]
    asked = len(record.returned) + len(record.carried_forward)
    return {"returned": len(record.returned), "asked": asked, "carried_forward": names}
