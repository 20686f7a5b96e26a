"""The partnership's risk register: thirteen risks over the year, reviewed every other meeting.

Each risk's story is written out by hand (likelihood and impact at each register, or `None`
before it was added and `closed` once closed), so the movement the paper reports is the story
a board would recognise: transport rising at the start of term and easing after, a therapy
risk falling as the waiting list initiative turns green, a new risk on exclusions in October.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from boardbrief.contract.columns import RISK_COLUMNS

REGISTERS: tuple[date, ...] = (
    date(2026, 4, 30),
    date(2026, 6, 26),
    date(2026, 8, 28),
    date(2026, 10, 30),
)
# The contract's columns, with the optional priority area after the owner.
COLUMNS: tuple[str, ...] = (*RISK_COLUMNS[:3], "priority_area", *RISK_COLUMNS[3:])
CLOSED = "closed"


@dataclass(frozen=True)
class RiskSpec:
    """One risk: who owns it, what is being done, and its (likelihood, impact) per register."""

    risk_id: str
    priority_area: str
    title: str
    owner: str
    mitigation: str
    story: tuple[tuple[int, int] | str | None, ...]


# fmt: off
RISK_SPECS: tuple[RiskSpec, ...] = (
    RiskSpec("RSK-01", "identifying_need",
             "EHC needs assessments miss the 20-week limit, leading to more tribunal appeals",
             "lcc", "Fixed-term plan writers in post; weekly backlog review chaired by the "
             "Director of Education and Skills.",
             ((5, 4), (5, 4), (4, 4), (4, 4))),
    RiskSpec("RSK-02", "identifying_need",
             "Educational psychologist vacancies delay statutory advice",
             "lcc", "Agency cover approved to March 2027; third recruitment round with a "
             "market supplement.",
             ((3, 4), (4, 4), (5, 4), (5, 4))),
    RiskSpec("RSK-03", "access",
             "Home-to-school transport contracts fail at the start of term",
             "lcc", "Emergency capacity funded for the autumn term; contracts re-tendered in "
             "two lots from January.",
             ((3, 3), (3, 4), (5, 4), (4, 4))),
    RiskSpec("RSK-04", "access",
             "Special school places run out before the new resourced provisions open",
             "lcc", "Temporary classrooms at two special schools; places panel meets "
             "fortnightly.",
             ((4, 4), (4, 4), (3, 4), (3, 4))),
    RiskSpec("RSK-05", "strategy",
             "High needs spending exceeds the deficit management plan",
             "lcc", "Monthly high needs monitoring to the Schools Forum; invest-to-save "
             "proposals for inclusion in mainstream.",
             ((4, 5), (4, 5), (4, 5), (4, 5))),
    RiskSpec("RSK-06", "strategy",
             "Partners do not agree how jointly funded packages are paid for",
             "lsc_icb", "Joint funding protocol drafted by the ICB and the council; disputes "
             "escalated to the joint commissioning group.",
             ((4, 3), (4, 3), (3, 3), (3, 3))),
    RiskSpec("RSK-07", "engagement",
             "Families lose confidence that the partnership listens to them",
             "lpcf", "Parent carer forum co-chairs every workstream; 'You said, we did' "
             "published after each board.",
             ((3, 3), (3, 3), (3, 3), (3, 4))),
    RiskSpec("RSK-08", "access",
             "Speech and language therapy waits grow faster than capacity",
             "lscft_trust", "Waiting list initiative funded to March 2027; group sessions "
             "while children wait.",
             ((4, 4), (4, 3), (3, 3), (2, 3))),
    RiskSpec("RSK-09", "strategy",
             "No shared dataset ready for the area SEND inspection",
             "lcc", "Data sharing agreement signed; the analysts' working group meets "
             "monthly.",
             ((3, 4), (3, 3), (2, 3), CLOSED)),
    RiskSpec("RSK-10", "engagement",
             "SENDIASS cannot meet demand for tribunal and mediation advice",
             "sendiass", "Two additional advisers funded from September; a waiting list "
             "with a call back within five working days.",
             (None, None, (4, 3), (3, 3))),
    RiskSpec("RSK-11", "outcomes",
             "Suspensions and exclusions of pupils with EHC plans keep rising",
             "secondary_heads", "Inclusion support panels in each district; "
             "headteachers to review every exclusion of a pupil with an EHC plan.",
             (None, None, None, (4, 4))),
    RiskSpec("RSK-12", "identifying_need",
             "Neurodevelopmental assessment waits exceed two years",
             "lsc_icb", "Single referral route from January; independent sector capacity "
             "commissioned for the longest waits.",
             ((4, 4), (4, 4), (4, 4), (4, 4))),
    RiskSpec("RSK-13", "access",
             "Too few specialist post-16 places in further education",
             "lancs_colleges", "New supported study programmes at three colleges from "
             "September.",
             ((3, 3), (2, 3), (2, 3), CLOSED)),
)
# fmt: on


def risk_registers() -> dict[date, list[list[str]]]:
    """The rows of each register, in the register's own order (by id)."""
    registers = {}
    for position, register in enumerate(REGISTERS):
        rows = []
        for spec in RISK_SPECS:
            step = spec.story[position]
            if step is None:
                continue
            closed = step == CLOSED
            likelihood, impact = _last_scores(spec, position) if closed else step
            values = {
                "risk_id": spec.risk_id,
                "title": spec.title,
                "owner": spec.owner,
                "priority_area": spec.priority_area,
                "likelihood": str(likelihood),
                "impact": str(impact),
                "mitigation": spec.mitigation,
                "status": CLOSED if closed else "open",
            }
            rows.append([values[column] for column in COLUMNS])
        registers[register] = rows
    return registers


def _last_scores(spec: RiskSpec, position: int) -> tuple[int, int]:
    """A closed risk keeps the scores it had when it was last open."""
    return next(s for s in reversed(spec.story[:position]) if isinstance(s, tuple))
