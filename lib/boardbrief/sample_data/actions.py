"""Action plan snapshots: one CSV a few days before each meeting, drifting believably."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from boardbrief.contract.columns import ACTION_COLUMNS

SNAPSHOTS: tuple[date, ...] = (
    date(2026, 4, 30),
    date(2026, 5, 29),
    date(2026, 6, 26),
    date(2026, 8, 28),
    date(2026, 9, 25),
    date(2026, 10, 30),
)

# The contract's columns, with the optional pledge after the priority area and, at the end,
# the optional feedback themes each action answers and the revised due date of a late action.
COLUMNS: tuple[str, ...] = (
    *ACTION_COLUMNS[:2],
    "pledge",
    *ACTION_COLUMNS[2:],
    "responds_to",
    "revised_due_date",
)

RAG_WORDS = {"R": "red", "A": "amber", "G": "green", "B": "blue"}
_RAG_ORDER = "RAGB"


@dataclass(frozen=True)
class ActionSpec:
    """One action and its story across the snapshots.

    ``trajectory`` has one letter per snapshot: ``-`` not on the plan, an upper-case RAG letter
    when the owner updated it, the same letter in lower case when they did not (the row is carried
    forward unchanged, which is how stale updates arise). A lower-case first letter means the last
    update was well before the first snapshot. ``closing_note`` is the owner's last word on an
    action that is about to leave the plan.
    """

    action_id: str
    priority_area: str
    pledge: str
    title: str
    owner: str
    due_date: date
    trajectory: str
    closing_note: str = ""


_EA, _EP, _ES = "equal_access", "engaged_parents", "effective_strategy"

# fmt: off
ACTION_SPECS: tuple[ActionSpec, ...] = (
    ActionSpec("ACC-01", "access", _EA, "SEND sufficiency plan for special school places",
               "lcc", date(2026, 9, 30), "AAAGGB"),
    ActionSpec("ACC-02", "access", _EA, "Open two new resourced provisions in East Lancashire",
               "lcc", date(2027, 1, 31), "AAAAAA"),
    ActionSpec("ACC-03", "access", _EA, "Review home-to-school transport arrangements for SEND "
               "pupils", "lcc", date(2026, 7, 31), "GGAARR"),
    ActionSpec("ACC-04", "access", _EA, "Speech and language therapy waiting list initiative",
               "lscft_trust", date(2026, 12, 31), "RRAAAG"),
    ActionSpec("ACC-05", "access", _EA, "Refresh and publish the short breaks offer",
               "lcc", date(2026, 6, 30), "AAGGBb"),
    ActionSpec("ACC-06", "access", _EA, "Equal access to occupational therapy in every district",
               "lsc_icb", date(2027, 3, 31), "AAAAaA"),
    ActionSpec("ACC-07", "access", _ES, "Expand specialist post-16 places in further education",
               "lancs_colleges", date(2026, 9, 1), "GGGGAA"),
    ActionSpec("ACC-08", "access", _EA, "Special school outreach support for mainstream schools",
               "special_heads", date(2026, 7, 31), "GGGBbb"),
    ActionSpec("ACC-09", "access", _EA, "Reduce wheelchair service waiting times for children",
               "bth_trust", date(2026, 10, 31), "RRRAAA"),
    ActionSpec("ACC-10", "access", _EA, "Fast-track equipment and adaptations for disabled "
               "children", "lcc", date(2026, 11, 30), "AGGGGG"),
    ActionSpec("ACC-11", "access", _EA, "Reduce travel times to specialist provision in rural "
               "districts", "lcc", date(2027, 3, 31), "---AAA"),
    ActionSpec("IDN-01", "identifying_need", _ES, "Reduce EHC needs assessment backlog",
               "lcc", date(2026, 7, 31), "RRRRRR"),
    ActionSpec("IDN-02", "identifying_need", _EA, "Single point of access for "
               "neurodevelopmental assessment", "lsc_icb", date(2026, 12, 31),
               "AAAAAA"),
    ActionSpec("IDN-03", "identifying_need", _ES, "Improve 20-week EHC plan timeliness",
               "lcc", date(2026, 9, 30), "RRRRRA"),
    ActionSpec("IDN-04", "identifying_need", _EA, "Autism assessment pathway for under-fives",
               "lth_trust", date(2026, 10, 31), "AAaaaa"),
    ActionSpec("IDN-05", "identifying_need", _ES, "Early identification training for early "
               "years settings", "early_years", date(2026, 8, 31), "GGGGBb"),
    ActionSpec("IDN-06", "identifying_need", _ES, "Health advice for EHC needs assessments "
               "within six weeks", "lscft_trust", date(2026, 3, 31), "RRRAAA"),
    ActionSpec("IDN-07", "identifying_need", _ES, "Recruit two additional educational "
               "psychologists", "lcc", date(2026, 6, 30), "AAARRR"),
    ActionSpec("IDN-08", "identifying_need", _ES, "Quality assurance framework for EHC plans",
               "lcc", date(2026, 12, 31), "AAAAAG"),
    ActionSpec("IDN-09", "identifying_need", _EA, "ADHD assessment pathway for 6 to 18 year olds",
               "elht_trust", date(2026, 12, 31), "RRrrrr"),
    ActionSpec("IDN-10", "identifying_need", _ES, "Shared neurodevelopmental referral data "
               "across trusts", "lscft_trust", date(2026, 9, 30), "AAA---",
               "Proposed for closure: this work is being merged into IDN-02 so that there is one "
               "neurodevelopmental action."),
    ActionSpec("IDN-11", "identifying_need", _ES, "Graduated response toolkit for SENCOs",
               "primary_heads", date(2026, 6, 30), "GGGBbb"),
    ActionSpec("IDN-12", "identifying_need", _ES, "Clear the backlog of overdue annual reviews",
               "lcc", date(2027, 3, 31), "---RRR"),
    ActionSpec("OUT-01", "outcomes", _ES, "Reduce exclusions of pupils with EHC plans",
               "secondary_heads", date(2027, 3, 31), "AAAAGG"),
    ActionSpec("OUT-02", "outcomes", _ES, "Preparing for adulthood pathway from Year 9",
               "lcc", date(2026, 12, 31), "AAGGGG"),
    ActionSpec("OUT-03", "outcomes", _EA, "End the use of part-time timetables for pupils with "
               "SEND", "lcc", date(2026, 10, 31), "RRAAAA"),
    ActionSpec("OUT-04", "outcomes", _ES, "Mental health support teams in special schools",
               "lscft_trust", date(2026, 12, 31), "AAAGGG"),
    ActionSpec("OUT-05", "outcomes", _ES, "SEND outcomes framework and dashboard",
               "public_health", date(2026, 9, 30), "GGGAAA"),
    ActionSpec("OUT-06", "outcomes", _ES, "Supported internships for young people with EHC "
               "plans", "lancs_colleges", date(2026, 9, 30), "GGGGBb"),
    ActionSpec("OUT-07", "outcomes", _EA, "Improve attendance of children with SEND",
               "lcc", date(2027, 7, 31), "aaAAAA"),
    ActionSpec("OUT-08", "outcomes", _ES, "Transition from children's to adult health services",
               "uhmb_trust", date(2027, 3, 31), "RRAAAA"),
    ActionSpec("OUT-09", "outcomes", _EA, "Speech, language and communication screening in "
               "youth justice", "constabulary", date(2026, 12, 31), "GGggGG"),
    ActionSpec("OUT-10", "outcomes", _ES, "Guidance for schools on emotionally based school "
               "avoidance", "lcc", date(2026, 12, 31), "--AAGG"),
    ActionSpec("OUT-11", "outcomes", _EA, "Independent travel training for post-16 learners",
               "lcc", date(2027, 7, 31), "----AA"),
    ActionSpec("STR-01", "strategy", _ES, "Joint commissioning strategy",
               "lcc", date(2026, 10, 31), "AAAAGG"),
    ActionSpec("STR-02", "strategy", _ES, "SEND strategy 2026 to 2029 agreed by all partners",
               "lcc", date(2026, 6, 30), "GGGBbb"),
    ActionSpec("STR-03", "strategy", _ES, "Shared performance dataset across education, health "
               "and care", "lcc", date(2026, 9, 30), "AAaaaa"),
    ActionSpec("STR-04", "strategy", _ES, "Designated clinical officer capacity in every ICB "
               "place", "lsc_icb", date(2026, 9, 30), "AAGGGB"),
    ActionSpec("STR-05", "strategy", _ES, "SEND workforce development plan",
               "lcc", date(2027, 3, 31), "AAAAAA"),
    ActionSpec("STR-06", "strategy", _EA, "Align council and ICB budgets for jointly funded "
               "packages", "lsc_icb", date(2026, 12, 31), "RRRAAA"),
    ActionSpec("STR-07", "strategy", _ES, "Refresh the SEND self-evaluation before the "
               "monitoring visit", "lcc", date(2026, 5, 31), "GBbbbb"),
    ActionSpec("STR-08", "strategy", _ES, "Review the partnership risk register at every board",
               "lcc", date(2027, 3, 31), "GGGGGG"),
    ActionSpec("STR-09", "strategy", _EP, "Learn from tribunal outcomes and mediation",
               "lcc", date(2027, 1, 31), "---AAA"),
    ActionSpec("STR-10", "strategy", _ES, "Data sharing agreement between partners",
               "lcc", date(2026, 6, 30), "AA----",
               "Proposed for closure: superseded by STR-03, which now covers data sharing."),
    ActionSpec("ENG-01", "engagement", _EP, "Co-produce the Local Offer website with parents",
               "lpcf", date(2026, 11, 30), "AAAGGG"),
    ActionSpec("ENG-02", "engagement", _EP, "Your Child, Your Voice drop-in sessions in every "
               "district", "lcc", date(2026, 12, 31), "GGGGGG"),
    ActionSpec("ENG-03", "engagement", _EP, "Parent carer representation on every workstream",
               "lpcf", date(2026, 7, 31), "GGGBbb"),
    ActionSpec("ENG-04", "engagement", _EP, "Respond to all parent enquiries within ten working "
               "days", "lcc", date(2026, 9, 30), "RRRAAA"),
    ActionSpec("ENG-05", "engagement", _EP, "Named caseworker for every family during EHC needs "
               "assessment", "lcc", date(2026, 10, 31), "AAAAAR"),
    ActionSpec("ENG-06", "engagement", _EP, "Youth council SEND champions",
               "youth_council", date(2026, 12, 31), "GGGGGG"),
    ActionSpec("ENG-07", "engagement", _EP, "'You said, we did' updates to families after each "
               "board", "lcc", date(2027, 3, 31), "GgGGgG"),
    ActionSpec("ENG-08", "engagement", _EP, "SENDIASS capacity for tribunal and mediation advice",
               "sendiass", date(2026, 12, 31), "AAAAGG"),
    ActionSpec("ENG-09", "engagement", _EP, "Learning from complaints reviewed quarterly",
               "lcc", date(2026, 12, 31), "AAAAAA"),
    ActionSpec("ENG-10", "engagement", _EA, "Accessible information across health partners",
               "bth_trust", date(2026, 9, 30), "AAAaaa"),
    ActionSpec("ENG-11", "engagement", _EP, "Co-produced charter for communicating with families",
               "disability_charity", date(2027, 1, 31), "---GGG"),
)
# fmt: on

# The feedback themes (themes.yml) each action answers. Most actions name one or two; some
# owners have not linked theirs yet, which leaves "Finding a suitable school place", one of the
# most raised themes, with no action answering it, so the briefing's flag shows.
RESPONDS_TO: dict[str, str] = {
    "ACC-03": "transport",
    "ACC-04": "therapy_waits",
    "ACC-05": "short_breaks",
    "ACC-06": "therapy_waits",
    "ACC-07": "transitions",
    "ACC-08": "school_support",
    "ACC-09": "therapy_waits",
    "ACC-11": "transport",
    "IDN-01": "ehcp_delays",
    "IDN-02": "assessment_waits",
    "IDN-03": "ehcp_delays",
    "IDN-04": "assessment_waits",
    "IDN-06": "ehcp_delays",
    "IDN-07": "ehcp_delays",
    "IDN-09": "assessment_waits",
    "IDN-10": "assessment_waits",
    "IDN-11": "school_support",
    "IDN-12": "annual_reviews",
    "OUT-01": "exclusions",
    "OUT-02": "transitions",
    "OUT-03": "exclusions",
    "OUT-04": "mental_health",
    "OUT-06": "transitions",
    "OUT-07": "school_support",
    "OUT-08": "transitions",
    "OUT-10": "mental_health;school_support",
    "OUT-11": "transport;transitions",
    "STR-09": "tribunals",
    "ENG-01": "local_offer",
    "ENG-02": "communication;positive_experience",
    "ENG-03": "communication",
    "ENG-04": "communication",
    "ENG-05": "communication;ehcp_delays",
    "ENG-07": "communication",
    "ENG-08": "tribunals",
    "ENG-09": "communication",
    "ENG-10": "local_offer;communication",
    "ENG-11": "communication",
}

# Late actions whose owner has agreed a new date with the lead officer: from the first update
# on or after the first date, the tracker gives the second. The transport review (ACC-03) has
# none: the board is asked to agree one.
REVISED_DUE_DATES: dict[str, tuple[date, date]] = {
    "IDN-01": (date(2026, 8, 1), date(2027, 3, 31)),
    "IDN-06": (date(2026, 6, 1), date(2026, 12, 31)),
    "IDN-07": (date(2026, 9, 1), date(2027, 1, 31)),
    "OUT-05": (date(2026, 10, 1), date(2026, 12, 18)),
}

_RAG_SENTENCES: dict[str, tuple[str, ...]] = {
    "R": (
        "Behind plan: recruitment has not filled the posts we need and the recovery date has "
        "moved again.",
        "Demand continues to outstrip capacity; a recovery plan goes to the next board.",
        "No measurable progress this period. Escalated to the executive group for a decision on "
        "resources.",
        "Delivery is blocked until the joint funding decision is made.",
        "Timescales have slipped by around two months and the lead officer is reviewing the "
        "milestones.",
        "Still red. The backlog grew again this month despite additional sessions.",
        "Partners have not yet agreed the approach, so this work has paused.",
        "Sickness absence in a small team has set this back; interim cover is being sought.",
    ),
    "A": (
        "Progress made but the main milestone has slipped; a revised date is agreed with the "
        "lead officer.",
        "Work is under way and partners are engaged; capacity remains the main risk.",
        "Some milestones met, others depend on recruitment that completes next month.",
        "Moving in the right direction but not yet at the pace families need.",
        "Draft agreed at the working group and awaiting sign-off by partners.",
        "Pilot running in two districts; evaluation due before countywide roll-out.",
        "The data shows a small improvement, but it is too early to say it will hold.",
        "Procurement took longer than planned; contract award expected next month.",
    ),
    "G": (
        "On track. Milestones for this quarter met.",
        "Delivering to plan; parent carer representatives reviewed progress at the last "
        "workstream meeting.",
        "Good progress this period; next step is roll-out to the remaining districts.",
        "All posts filled and the service is running as planned.",
        "On track against the revised plan, and early feedback from families is positive.",
        "Milestones met and the budget is on profile.",
    ),
    "B": (
        "Complete. Signed off by the board and handed over to business as usual.",
        "Completed; impact will be tracked through the outcomes dashboard.",
        "Delivered. A closure report will be presented at the next board.",
        "Complete, with a six-month review of impact scheduled.",
    ),
}

_AREA_SENTENCES: dict[str, tuple[str, ...]] = {
    "access": (
        "Uptake is highest in Preston and lowest in Pendle and West Lancashire.",
        "Links to the SEND sufficiency plan are being mapped.",
        "Travel times remain a concern in the rural districts.",
        "Cross-border arrangements with Blackburn with Darwen and Blackpool are being checked.",
    ),
    "identifying_need": (
        "Referral numbers remain higher than modelled.",
        "Health advice is still the main cause of delay in the 20-week process.",
        "Waiting times are reported monthly to the joint commissioning group.",
        "The demand and capacity model is being refreshed with partners.",
    ),
    "outcomes": (
        "Measures have been agreed with the outcomes workstream.",
        "Young people from the youth council are helping to shape this.",
        "Schools in two districts have volunteered as early adopters.",
    ),
    "strategy": (
        "This is being aligned with the joint commissioning strategy.",
        "Progress is also reported to the Health and Wellbeing Board.",
        "Finance leads from each partner have been asked to confirm their contribution.",
    ),
    "engagement": (
        "Parent carer forum representatives are co-producing this.",
        "Feedback from the Your Child, Your Voice sessions is feeding in.",
        "A 'you said, we did' summary will go to families after the next board.",
    ),
}

_NEW_ACTION_SENTENCE = "New action added by the board at its last meeting; scoping under way."


def action_snapshots(rng: random.Random) -> dict[date, list[list[str]]]:
    """Rows of each snapshot, keyed by snapshot date, in action id order."""
    snapshots: dict[date, list[list[str]]] = {snapshot: [] for snapshot in SNAPSHOTS}
    for spec in ACTION_SPECS:
        for snapshot, row in _action_history(spec, rng):
            snapshots[snapshot].append(row)
    return snapshots


def _action_history(spec: ActionSpec, rng: random.Random) -> list[tuple[date, list[str]]]:
    """One action's rows across the snapshots it appears in."""
    if len(spec.trajectory) != len(SNAPSHOTS):
        raise ValueError(f"{spec.action_id}: trajectory needs one letter per snapshot")
    history: list[tuple[date, list[str]]] = []
    previous: dict[str, object] | None = None
    for index, (snapshot, letter) in enumerate(zip(SNAPSHOTS, spec.trajectory, strict=True)):
        if letter == "-":
            continue
        last_of_life = index + 1 == len(SNAPSHOTS) or spec.trajectory[index + 1] == "-"
        if letter.islower() and previous is not None:
            if previous["rag"] != letter.upper():
                raise ValueError(f"{spec.action_id}: a carried-forward row cannot change RAG")
            state = previous
        else:
            state = _updated_state(spec, letter.upper(), snapshot, previous, index, rng)
            if letter.islower():  # not updated since well before the first snapshot
                state["last_updated"] = _weekday_on_or_before(
                    snapshot - timedelta(days=rng.randint(66, 110))
                )
            if last_of_life and spec.closing_note and index + 1 < len(SNAPSHOTS):
                state["commentary"] = spec.closing_note
        history.append((snapshot, _row(spec, state)))
        previous = state
    return history


def _updated_state(
    spec: ActionSpec,
    rag: str,
    snapshot: date,
    previous: dict[str, object] | None,
    index: int,
    rng: random.Random,
) -> dict[str, object]:
    """What the owner wrote when they updated the action before this snapshot."""
    earliest = previous["last_updated"] if previous else snapshot - timedelta(days=40)
    updated = _weekday_on_or_before(snapshot - timedelta(days=rng.randint(1, 21)))
    if updated <= earliest:  # type: ignore[operator]
        updated = snapshot
    is_new = previous is None and index > 0
    revised = REVISED_DUE_DATES.get(spec.action_id)
    return {
        "revised_due_date": revised[1]
        if revised and rag != "B" and updated >= revised[0]
        else None,
        "rag": rag,
        "written_rag": _written_rag(rag, rng),
        "status": _status(rag, is_new, rng),
        "last_updated": updated,
        "commentary": _commentary(spec, rag, previous, is_new, rng),
    }


def _status(rag: str, is_new: bool, rng: random.Random) -> str:
    """Short status text, loosely tied to the RAG as owners write it."""
    if rag == "B":
        return "Complete"
    if is_new:
        return "Not started" if rag != "G" else "In progress"
    if rag == "R":
        return rng.choice(("Delayed", "Delayed", "Delayed", "On hold", "In progress"))
    if rag == "A":
        return rng.choice(("In progress", "In progress", "In progress", "Delayed"))
    return rng.choice(("In progress", "In progress", "On track"))


def _commentary(
    spec: ActionSpec,
    rag: str,
    previous: dict[str, object] | None,
    is_new: bool,
    rng: random.Random,
) -> str:
    """One or two sentences from the owner, mentioning a change of RAG when there was one."""
    if is_new:
        return f"{_NEW_ACTION_SENTENCE} {rng.choice(_AREA_SENTENCES[spec.priority_area])}"
    sentences = [rng.choice(_RAG_SENTENCES[rag])]
    before = str(previous["rag"]) if previous else rag
    if before != rag and rag != "B":
        word = "Improved" if _RAG_ORDER.index(rag) > _RAG_ORDER.index(before) else "Moved"
        sentences.insert(0, f"{word} from {RAG_WORDS[before]} to {RAG_WORDS[rag]} this period.")
    elif rag != "B" and rng.random() < 0.55:
        sentences.append(rng.choice(_AREA_SENTENCES[spec.priority_area]))
    return " ".join(sentences)


def _row(spec: ActionSpec, state: dict[str, object]) -> list[str]:
    """A CSV row; a carried-forward row repeats the last update exactly."""
    return [
        spec.action_id,
        spec.priority_area,
        spec.pledge,
        spec.title,
        spec.owner,
        spec.due_date.isoformat(),
        str(state["status"]),
        str(state["written_rag"]),
        state["last_updated"].isoformat(),  # type: ignore[attr-defined]
        str(state["commentary"]),
        RESPONDS_TO.get(spec.action_id, ""),
        _iso_or_blank(state.get("revised_due_date")),
    ]


def _iso_or_blank(day: object) -> str:
    return day.isoformat() if isinstance(day, date) else ""


def _written_rag(rag: str, rng: random.Random) -> str:
    """Mostly ``amber``; about one in ten ``A`` or ``Amber``, as real trackers mix them."""
    roll = rng.random()
    if roll < 0.06:
        return rag
    if roll < 0.10:
        return RAG_WORDS[rag].capitalize()
    return RAG_WORDS[rag]


def _weekday_on_or_before(day: date) -> date:
    """Owners update trackers on working days."""
    while day.weekday() >= 5:
        day -= timedelta(days=1)
    return day
