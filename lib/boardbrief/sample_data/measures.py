"""The impact scorecard's sample: 21 local outcome measures (measures.yml) and their values.

Measures a large county's SEND partnership tracks, with values a struggling county might report:
EHC plans issued within 20 weeks rising slowly from about 30%, autism assessment waits growing,
annual reviews short of their trajectory, suspensions and persistent absence of pupils with an
EHC plan going the wrong way while the actions meant to move them are rated amber. Monthly,
quarterly, termly and annual measures; one not reported on time, one with no target, three
provisional latest values. Illustrative only, like the rest of the sample.
"""

from __future__ import annotations

import calendar
import datetime as dt
import itertools
import random
from dataclasses import dataclass, field

COLUMNS = ["measure_id", "period_end", "value", "status", "note"]


@dataclass(frozen=True)
class SampleMeasure:
    """One measure: its definition, the file it is reported in and the path its values follow.

    `path` pins values at dates; values between are on the straight line plus `noise` (a
    standard deviation), and the last value is always exactly the last pinned one.
    """

    id: str
    name: str
    area: str
    owner: str
    unit: str
    polarity: str
    frequency: str
    baseline: tuple[str, float]
    target: tuple[str, float] | None
    milestones: tuple[tuple[str, float], ...]
    actions: tuple[str, ...]
    file: str
    path: tuple[tuple[str, float], ...]
    noise: float = 0.0
    tolerance: float | None = None
    provisional_latest: bool = False
    last_period: str | None = None  # stop reporting after this period (a late measure)
    notes: dict[str, str] = field(default_factory=dict)


COUNCIL = "lcc-send-performance.csv"
HEALTH = "health-partners.csv"
SCHOOLS = "schools-and-colleges.csv"
FORUM = "parent-carer-forum-survey.csv"
FILES = (COUNCIL, HEALTH, SCHOOLS, FORUM)

MEASURES: tuple[SampleMeasure, ...] = (
    SampleMeasure(
        id="ehcp-20wk",
        name="New EHC plans issued within 20 weeks, excluding exceptions",
        area="identifying_need",
        owner="lcc",
        unit="percent",
        polarity="higher",
        frequency="monthly",
        baseline=("2025-03-31", 31.5),
        target=("2027-03-31", 60),
        milestones=(("2025-09-30", 38), ("2026-03-31", 45), ("2026-09-30", 52)),
        actions=("IDN-01", "IDN-03", "IDN-07"),
        file=COUNCIL,
        path=(
            ("2025-01-31", 29.4),
            ("2025-09-30", 34.6),
            ("2026-03-31", 38.9),
            ("2026-09-30", 42.5),
        ),
        noise=1.6,
        provisional_latest=True,
        notes={
            "2026-09-30": "Provisional until the month's plans are validated. Timeliness is "
            "held back by the backlog of assessments started last year; plans for new requests "
            "are running closer to time.",
        },
    ),
    SampleMeasure(
        id="ehcna-decisions-6wk",
        name="Requests for an EHC needs assessment decided within 6 weeks",
        area="identifying_need",
        owner="lcc",
        unit="percent",
        polarity="higher",
        frequency="monthly",
        baseline=("2025-03-31", 61),
        target=("2027-03-31", 90),
        milestones=(("2026-03-31", 75),),
        actions=("IDN-01",),
        file=COUNCIL,
        path=(("2025-01-31", 59.8), ("2025-10-31", 69.5), ("2026-09-30", 80.4)),
        noise=1.8,
    ),
    SampleMeasure(
        id="asd-wait-18wk",
        name="Children and young people waiting more than 18 weeks for an autism assessment",
        area="identifying_need",
        owner="lscft_trust",
        unit="number",
        polarity="lower",
        frequency="monthly",
        baseline=("2025-03-31", 2140),
        target=("2027-03-31", 1200),
        milestones=(("2025-09-30", 2000), ("2026-03-31", 1750), ("2026-09-30", 1450)),
        actions=("IDN-02", "IDN-04"),
        file=HEALTH,
        path=(
            ("2025-01-31", 2050),
            ("2025-09-30", 2290),
            ("2026-03-31", 2410),
            ("2026-09-30", 2462),
        ),
        noise=22,
        notes={
            "2026-09-30": "Referrals are still arriving faster than assessments are completed. "
            "The additional assessment capacity commissioned in July starts seeing children in "
            "November, and the under-fives pathway opened in September.",
        },
    ),
    SampleMeasure(
        id="health-advice-6wk",
        name="Health advice for EHC needs assessments returned within 6 weeks",
        area="identifying_need",
        owner="lscft_trust",
        unit="percent",
        polarity="higher",
        frequency="monthly",
        baseline=("2025-03-31", 64),
        target=("2026-12-31", 95),
        milestones=(("2026-03-31", 80),),
        actions=("IDN-06",),
        file=HEALTH,
        path=(("2025-01-31", 62.1), ("2025-12-31", 79.5), ("2026-09-30", 91.2)),
        noise=1.5,
    ),
    SampleMeasure(
        id="ep-advice-6wk",
        name="Educational psychology advice for EHC needs assessments within 6 weeks",
        area="identifying_need",
        owner="lcc",
        unit="percent",
        polarity="higher",
        frequency="monthly",
        baseline=("2025-03-31", 22),
        target=("2027-03-31", 80),
        milestones=(("2026-03-31", 45),),
        actions=("IDN-07",),
        file=COUNCIL,
        path=(("2025-01-31", 20.3), ("2025-11-30", 31.0), ("2026-09-30", 41.3)),
        noise=1.4,
        notes={
            "2026-09-30": "One of the two additional educational psychologist posts has been "
            "filled; the second is being readvertised. Locum assessments continue to clear the "
            "oldest requests first.",
        },
    ),
    SampleMeasure(
        id="annual-reviews-12m",
        name="Annual reviews of EHC plans completed within 12 months",
        area="identifying_need",
        owner="lcc",
        unit="percent",
        polarity="higher",
        frequency="monthly",
        baseline=("2025-03-31", 48),
        target=("2027-03-31", 85),
        milestones=(("2026-03-31", 65),),
        actions=("IDN-12",),
        file=COUNCIL,
        path=(("2025-01-31", 46.8), ("2025-12-31", 58.9), ("2026-07-31", 68.6)),
        noise=1.2,
        last_period="2026-07-31",
        notes={
            "2026-07-31": "The last figure before the move to the new case management system; "
            "August and September are to be supplied once the data has been migrated.",
        },
    ),
    SampleMeasure(
        id="salt-wait-18wk",
        name="Share of children waiting more than 18 weeks for speech and language therapy",
        area="access",
        owner="lscft_trust",
        unit="percent",
        polarity="lower",
        frequency="monthly",
        baseline=("2025-03-31", 47),
        target=("2027-03-31", 25),
        milestones=(("2026-03-31", 38),),
        actions=("ACC-04",),
        file=HEALTH,
        path=(("2025-01-31", 48.3), ("2025-10-31", 42.2), ("2026-09-30", 31.0)),
        noise=1.1,
    ),
    SampleMeasure(
        id="ot-wait-18wk",
        name="Children waiting more than 18 weeks for occupational therapy",
        area="access",
        owner="elht_trust",
        unit="number",
        polarity="lower",
        frequency="monthly",
        baseline=("2025-03-31", 610),
        target=("2027-03-31", 300),
        milestones=(("2026-03-31", 480),),
        actions=("ACC-06",),
        file=HEALTH,
        path=(("2025-01-31", 624), ("2025-12-31", 531), ("2026-09-30", 414)),
        noise=9,
    ),
    SampleMeasure(
        id="wheelchair-18wk",
        name="Children's wheelchair referrals equipped within 18 weeks",
        area="access",
        owner="bth_trust",
        unit="percent",
        polarity="higher",
        frequency="quarterly",
        baseline=("2025-03-31", 72),
        target=("2027-03-31", 92),
        milestones=(),
        actions=("ACC-09",),
        file=HEALTH,
        path=(("2024-12-31", 70.4), ("2025-09-30", 76.9), ("2026-09-30", 86.0)),
        noise=1.0,
    ),
    SampleMeasure(
        id="awaiting-placement",
        name="Children with an EHC plan without a school place for more than 4 weeks",
        area="access",
        owner="lcc",
        unit="number",
        polarity="lower",
        frequency="termly",
        baseline=("2025-04-04", 96),
        target=("2026-12-18", 30),
        milestones=(("2025-12-19", 70),),
        actions=("ACC-02",),
        file=COUNCIL,
        path=(
            ("2024-12-20", 104),
            ("2025-04-04", 96),
            ("2025-07-22", 91),
            ("2025-12-19", 97),
            ("2026-03-27", 93),
            ("2026-07-22", 88),
        ),
        notes={
            "2026-07-22": "Most are secondary-age children waiting for a specialist place in "
            "East Lancashire; the two resourced provisions planned there are now expected to "
            "open in the spring term.",
        },
    ),
    SampleMeasure(
        id="suspensions-ehcp",
        name="Suspensions of pupils with an EHC plan, per 100 pupils with a plan, in the term",
        area="outcomes",
        owner="secondary_heads",
        unit="rate",
        polarity="lower",
        frequency="termly",
        baseline=("2025-04-04", 6.4),
        target=("2027-07-21", 5.0),
        milestones=(),
        actions=("OUT-01", "OUT-10"),
        file=SCHOOLS,
        path=(
            ("2024-12-20", 6.6),
            ("2025-04-04", 6.4),
            ("2025-07-22", 6.9),
            ("2025-12-19", 7.0),
            ("2026-03-27", 7.1),
            ("2026-07-22", 7.3),
        ),
        notes={
            "2026-07-22": "Rising in secondary schools in Burnley, Hyndburn and Pendle. The "
            "inclusion support offer to those schools began in September, so any effect will "
            "first show in the autumn term's figures.",
        },
    ),
    SampleMeasure(
        id="absence-ehcp",
        name="Persistent absence of pupils with an EHC plan (missing 10% of sessions or more)",
        area="outcomes",
        owner="lcc",
        unit="percent",
        polarity="lower",
        frequency="termly",
        baseline=("2025-04-04", 36.5),
        target=("2027-07-21", 28),
        milestones=(),
        actions=("OUT-07", "OUT-10"),
        file=SCHOOLS,
        path=(
            ("2024-12-20", 37.2),
            ("2025-04-04", 36.5),
            ("2025-07-22", 38.0),
            ("2025-12-19", 35.9),
            ("2026-03-27", 36.8),
            ("2026-07-22", 37.9),
        ),
        notes={
            "2026-07-22": "The summer term is usually the highest of the year. Schools report "
            "more pupils with an EHC plan avoiding school because of anxiety; the guidance on "
            "emotionally based school avoidance reaches schools this term.",
        },
    ),
    SampleMeasure(
        id="part-time-timetables",
        name="Pupils with SEND on a part-time timetable",
        area="outcomes",
        owner="lcc",
        unit="number",
        polarity="lower",
        frequency="termly",
        baseline=("2025-04-04", 412),
        target=("2026-12-18", 150),
        milestones=(),
        actions=("OUT-03",),
        file=SCHOOLS,
        path=(
            ("2024-12-20", 430),
            ("2025-04-04", 412),
            ("2025-07-22", 455),
            ("2025-12-19", 398),
            ("2026-03-27", 371),
            ("2026-07-22", 346),
        ),
        notes={
            "2026-07-22": "Falling for three terms, but more slowly than planned: every "
            "part-time timetable now has a review date, and those over six weeks are escalated "
            "to the inclusion team.",
        },
    ),
    SampleMeasure(
        id="neet-send",
        name="Young people aged 16 and 17 with SEND not in education, employment or training",
        area="outcomes",
        owner="lcc",
        unit="percent",
        polarity="lower",
        frequency="quarterly",
        baseline=("2025-03-31", 8.9),
        target=("2027-03-31", 6.0),
        milestones=(),
        actions=("OUT-02", "OUT-11"),
        file=COUNCIL,
        path=(("2024-12-31", 9.2), ("2025-09-30", 8.4), ("2026-09-30", 6.9)),
        noise=0.15,
    ),
    SampleMeasure(
        id="supported-internships",
        name="Young people with an EHC plan starting a supported internship",
        area="outcomes",
        owner="lancs_colleges",
        unit="number",
        polarity="higher",
        frequency="annual",
        baseline=("2024-08-31", 46),
        target=("2027-08-31", 90),
        milestones=(("2025-08-31", 60), ("2026-08-31", 75)),
        actions=("OUT-06",),
        file=SCHOOLS,
        path=(
            ("2022-08-31", 31),
            ("2023-08-31", 38),
            ("2024-08-31", 46),
            ("2025-08-31", 63),
            ("2026-08-31", 78),
        ),
        provisional_latest=True,
    ),
    SampleMeasure(
        id="plan-quality",
        name="EHC plans rated good or better in the multi-agency quality audit",
        area="strategy",
        owner="lcc",
        unit="percent",
        polarity="higher",
        frequency="quarterly",
        baseline=("2025-03-31", 41),
        target=("2027-03-31", 75),
        milestones=(("2026-03-31", 58),),
        actions=("IDN-08", "STR-05"),
        file=COUNCIL,
        path=(("2024-12-31", 39), ("2025-12-31", 55), ("2026-09-30", 64)),
        noise=1.2,
    ),
    SampleMeasure(
        id="joint-funding-4wk",
        name="Jointly funded education, health and care packages agreed within 4 weeks",
        area="strategy",
        owner="lcc",
        unit="percent",
        polarity="higher",
        frequency="quarterly",
        baseline=("2025-03-31", 55),
        target=("2026-12-31", 85),
        milestones=(),
        actions=("STR-06",),
        file=COUNCIL,
        path=(("2024-12-31", 53), ("2025-09-30", 66), ("2026-09-30", 83)),
        noise=1.5,
    ),
    SampleMeasure(
        id="tribunal-appeals",
        name="Appeals registered with the SEND Tribunal",
        area="strategy",
        owner="lcc",
        unit="number",
        polarity="lower",
        frequency="annual",
        baseline=("2024-12-31", 412),
        target=None,
        milestones=(),
        actions=("STR-09",),
        file=COUNCIL,
        path=(
            ("2021-12-31", 208),
            ("2022-12-31", 261),
            ("2023-12-31", 347),
            ("2024-12-31", 412),
            ("2025-12-31", 468),
        ),
    ),
    SampleMeasure(
        id="parents-good-or-better",
        name="Parent carers rating their experience of SEND services good or better",
        area="engagement",
        owner="lpcf",
        unit="percent",
        polarity="higher",
        frequency="quarterly",
        baseline=("2025-03-31", 34),
        target=("2027-03-31", 55),
        milestones=(("2026-03-31", 42),),
        actions=("ENG-01", "ENG-07"),
        file=FORUM,
        path=(("2024-12-31", 33), ("2025-09-30", 36), ("2026-09-30", 46.9)),
        noise=1.3,
        notes={
            "2026-09-30": "From the forum's quarterly survey of parent carers, July to September.",
        },
    ),
    SampleMeasure(
        id="enquiries-10days",
        name="Parent carer enquiries answered within 10 working days",
        area="engagement",
        owner="lcc",
        unit="percent",
        polarity="higher",
        frequency="monthly",
        baseline=("2025-03-31", 71),
        target=("2026-03-31", 90),
        milestones=(),
        actions=("ENG-04",),
        file=COUNCIL,
        path=(("2025-01-31", 69.6), ("2026-03-31", 89.0), ("2026-09-30", 93.4)),
        noise=1.2,
        provisional_latest=True,
    ),
    SampleMeasure(
        id="complaints-upheld",
        name="SEND complaints upheld or partly upheld",
        area="engagement",
        owner="lcc",
        unit="number",
        polarity="lower",
        frequency="quarterly",
        baseline=("2025-03-31", 38),
        target=("2027-03-31", 20),
        milestones=(),
        actions=("ENG-09",),
        file=COUNCIL,
        path=(("2024-12-31", 41), ("2025-09-30", 33), ("2026-09-30", 24)),
        noise=1.5,
        tolerance=0,
    ),
)

FIRST_MONTH = dt.date(2025, 1, 31)
LAST_PERIOD = dt.date(2026, 9, 30)


def measures_config() -> dict:
    """The content of measures.yml, in the order the data contract lists the keys."""
    entries = []
    for m in MEASURES:
        entry: dict = {
            "id": m.id,
            "name": m.name,
            "area": m.area,
            "owner": m.owner,
            "unit": m.unit,
            "polarity": m.polarity,
            "frequency": m.frequency,
            "baseline": _point(m.baseline),
        }
        if m.target is not None:
            entry["target"] = _point(m.target)
        if m.milestones:
            entry["milestones"] = [_point(p) for p in m.milestones]
        if m.tolerance is not None:
            entry["tolerance"] = m.tolerance
        entry["actions"] = list(m.actions)
        entries.append(entry)
    return {"measures": entries}


def measure_values(rng: random.Random) -> dict[str, list[list[str]]]:
    """Rows of each measures/ file, by file name: measure_id, period_end, value, status, note."""
    files: dict[str, list[list[str]]] = {name: [] for name in FILES}
    for m in MEASURES:
        periods = _periods(m)
        for position, period in enumerate(periods):
            last = position == len(periods) - 1
            value = _on_path(m.path, period)
            if not last and m.noise and period.isoformat() not in dict(m.path):
                value += rng.gauss(0, m.noise)
            if period.isoformat() == m.baseline[0]:  # the baseline is a reported value
                value = m.baseline[1]
            status = "provisional" if last and m.provisional_latest else "final"
            note = m.notes.get(period.isoformat(), "")
            files[m.file].append([m.id, period.isoformat(), _shown(value, m.unit), status, note])
    return files


def _periods(m: SampleMeasure) -> list[dt.date]:
    """Every period the measure reports, up to its last one."""
    if m.frequency in ("termly", "annual"):
        return [dt.date.fromisoformat(day) for day, _ in m.path]
    end = dt.date.fromisoformat(m.last_period) if m.last_period else LAST_PERIOD
    step = 1 if m.frequency == "monthly" else 3
    first = dt.date.fromisoformat(m.path[0][0])
    periods, day = [], first
    while day <= end:
        periods.append(day)
        day = _month_end(day, step)
    return periods


def _month_end(day: dt.date, months: int) -> dt.date:
    """The last day of the month `months` after `day`'s."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _on_path(path: tuple[tuple[str, float], ...], day: dt.date) -> float:
    points = [(dt.date.fromisoformat(d), v) for d, v in path]
    if day <= points[0][0]:
        return points[0][1]
    for (start, low), (end, high) in itertools.pairwise(points):
        if start <= day <= end:
            return low + (high - low) * (day - start).days / (end - start).days
    return points[-1][1]


def _shown(value: float, unit: str) -> str:
    if unit == "number":
        return str(max(0, round(value)))
    return f"{max(0.0, value):.1f}"


def _point(point: tuple[str, float]) -> dict:
    return {"period": dt.date.fromisoformat(point[0]), "value": point[1]}
