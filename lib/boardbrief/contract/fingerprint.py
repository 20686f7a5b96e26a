"""The run fingerprint of one meeting, computed from the files its data was read from.

The kernel computes it for the briefing's front page, and `render` for the run record and the
printed footer: both from the same files, so a plain papermill run shows the same fingerprint.
"""

from __future__ import annotations

from boardbrief.contract.inputs import input_records, run_fingerprint
from boardbrief.contract.meeting import Meeting


def meeting_fingerprint(meeting: Meeting) -> str:
    """The run fingerprint of the meeting's inputs, cut-off and date (SHA-256 hex)."""
    data = meeting.data
    return run_fingerprint(
        meeting.date.isoformat(),
        meeting.as_at.isoformat(),
        input_records(data.data_dir, data.files_read),
    )
