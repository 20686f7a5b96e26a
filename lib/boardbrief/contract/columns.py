"""The names the data contract uses: each table's columns and the values some columns allow.

Kept apart from `schemas` (the checks, built with pandera) so that code which only needs the
names, such as a notebook's kernel reading data the render already checked, does not import
pandera.
"""

from __future__ import annotations

FUNDING_KINDS = ("funding", "physical resources", "staff time")
RESPONDENTS = ("parent", "carer", "young person", "professional", "other")
YES_NO = ("yes", "no")
RATINGS = ("1", "2", "3", "4", "5")
RISK_STATUSES = ("open", "closed")

ACTION_COLUMNS = [
    "action_id",
    "priority_area",
    "title",
    "owner",
    "due_date",
    "status",
    "rag",
    "last_updated",
    "commentary",
]
FUNDING_COLUMNS = [
    "line_id",
    "organisation",
    "priority_area",
    "kind",
    "description",
    "committed_gbp",
    "spent_gbp",
    "district",
]
FEEDBACK_COLUMNS = [
    "feedback_id",
    "date",
    "session",
    "district",
    "respondent",
    "comment",
    "consent_to_quote",
]

RISK_COLUMNS = [
    "risk_id",
    "title",
    "owner",
    "likelihood",
    "impact",
    "mitigation",
    "status",
]
