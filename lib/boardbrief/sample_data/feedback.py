"""Feedback files: who said what, where and when, across the board's four listening channels.

Themes are drawn with weights that vary by month, district, respondent and channel, so the
briefing has real trends to find: EHCP delays easing through the year, transport complaints
peaking in September and concentrated in rural districts, more praise as the drop-ins bed in.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from boardbrief.contract.columns import FEEDBACK_COLUMNS
from boardbrief.sample_data.board import DISTRICTS, District, district
from boardbrief.sample_data.comments import (
    coded_comment,
    personal_detail,
    slots,
    uncoded_comment,
)
from boardbrief.sample_data.phrases import HELPLINE_PREFIXES

COLUMNS: tuple[str, ...] = (*FEEDBACK_COLUMNS, "theme", "rating")  # with the optional ones

FIRST_DAY = date(2026, 1, 5)
LAST_DAY = date(2026, 11, 4)


@dataclass(frozen=True)
class Channel:
    """One way the board hears from families, written to its own file."""

    key: str
    file_name: str
    id_prefix: str
    session: str
    uncoded_share: float
    respondents: tuple[tuple[str, int], ...]


CHANNELS: tuple[Channel, ...] = (
    Channel(
        "dropin",
        "your-child-your-voice-2026.csv",
        "YCYV",
        "Your Child, Your Voice drop-in",
        0.085,
        (("parent", 70), ("carer", 11), ("young person", 8), ("professional", 7), ("other", 4)),
    ),
    Channel(
        "survey",
        "online-survey-2026.csv",
        "SURV",
        "Online survey",
        0.09,
        (("parent", 64), ("carer", 12), ("young person", 11), ("professional", 10), ("other", 3)),
    ),
    Channel(
        "helpline",
        "sendiass-helpline-2026.csv",
        "SIAS",
        "SENDIASS helpline",
        0.05,
        (("parent", 80), ("carer", 14), ("professional", 2), ("other", 4)),
    ),
    Channel(
        "forum",
        "parent-carer-forum-2026.csv",
        "PCF",
        "Parent Carer Forum listening event",
        0.06,
        (("parent", 84), ("carer", 16)),
    ),
)

# Drop-in sessions per month, January to November: the programme grows, August is quiet.
SESSIONS_PER_MONTH: tuple[int, ...] = (3, 4, 5, 5, 6, 7, 7, 3, 8, 9, 1)
SURVEY_RESPONSES = 320
HELPLINE_CALLS = 150
FORUM_EVENTS: tuple[tuple[int, str], ...] = (
    (2, "Chorley"),
    (3, "Burnley"),
    (5, "Lancaster"),
    (6, "Preston"),
    (7, "Wyre"),
    (9, "West Lancashire"),
    (10, "Hyndburn"),
    (10, "Pendle"),
)

BLANK_DISTRICT_SHARE = 0.03
PERSONAL_DETAIL_SHARE = 0.03
CONSENT_SHARE = 0.6
ANALYST_CODED_SHARE = 0.055
SECOND_THEME_SHARE = 0.3

BASE_WEIGHTS: tuple[tuple[str, float], ...] = (
    ("ehcp_delays", 16),
    ("assessment_waits", 12),
    ("therapy_waits", 9),
    ("communication", 13),
    ("school_places", 8),
    ("transport", 5),
    ("transitions", 6),
    ("mental_health", 8),
    ("short_breaks", 6),
    ("tribunals", 3),
    ("local_offer", 3),
    ("annual_reviews", 4),
    ("exclusions", 6),
    ("school_support", 7),
    ("positive_experience", 9),
)

MONTH_FACTORS: dict[str, dict[int, float]] = {
    "transport": {8: 1.6, 9: 2.8, 10: 1.7},
    "transitions": {6: 1.6, 7: 1.8, 9: 1.5},
    "school_places": {2: 1.5, 3: 1.8, 4: 1.3, 8: 1.3, 9: 1.3},
    "annual_reviews": {1: 1.4, 2: 1.5},
    "exclusions": {10: 1.4, 11: 1.5},
    "mental_health": {1: 1.2, 9: 1.3},
    "short_breaks": {7: 1.4, 8: 1.6},
}

DISTRICT_FACTORS: dict[str, dict[str, float]] = {
    "transport": {"Ribble Valley": 2.6, "Lancaster": 2.2, "West Lancashire": 2.4, "Wyre": 1.4},
    "therapy_waits": {"Pendle": 1.7, "West Lancashire": 1.6},
    "short_breaks": {"Pendle": 1.5, "West Lancashire": 1.5, "Rossendale": 1.4},
    "school_places": {"Lancaster": 1.3, "Burnley": 1.3},
}

RESPONDENT_FACTORS: dict[str, dict[str, float]] = {
    "young person": {
        "mental_health": 2.5,
        "transitions": 2.0,
        "communication": 1.5,
        "exclusions": 1.5,
        "tribunals": 0.3,
        "annual_reviews": 0.6,
    },
    "professional": {
        "assessment_waits": 1.5,
        "therapy_waits": 1.5,
        "school_places": 1.3,
        "short_breaks": 0.6,
    },
}

CHANNEL_FACTORS: dict[str, dict[str, float]] = {
    "helpline": {
        "tribunals": 3.0,
        "ehcp_delays": 1.3,
        "annual_reviews": 1.5,
        "exclusions": 1.5,
        "positive_experience": 0.3,
    },
    "survey": {"positive_experience": 0.6, "local_offer": 2.0},
    "forum": {"short_breaks": 1.3},
}


@dataclass(frozen=True)
class Occasion:
    """Someone giving feedback: when, through what, from where."""

    day: date
    session: str
    district: District | None
    home: District
    respondent: str


def feedback_files(rngs: dict[str, random.Random]) -> dict[str, list[list[str]]]:
    """Rows of each feedback file, keyed by file name; ``rngs`` holds one generator per channel."""
    files: dict[str, list[list[str]]] = {}
    for channel in CHANNELS:
        rng = rngs[channel.key]
        occasions = _OCCASIONS[channel.key](channel, rng)
        occasions.sort(key=lambda occasion: occasion.day)
        files[channel.file_name] = [
            _row(channel, number, occasion, rng)
            for number, occasion in enumerate(occasions, start=1)
        ]
    return files


def theme_weights(month: int, home: str, respondent: str, channel: str) -> list[float]:
    """Weights for the themes in BASE_WEIGHTS order, for one comment."""
    weights = []
    for theme, weight in BASE_WEIGHTS:
        weight *= MONTH_FACTORS.get(theme, {}).get(month, 1.0)
        weight *= DISTRICT_FACTORS.get(theme, {}).get(home, 1.0)
        weight *= RESPONDENT_FACTORS.get(respondent, {}).get(theme, 1.0)
        weight *= CHANNEL_FACTORS.get(channel, {}).get(theme, 1.0)
        if theme == "ehcp_delays":
            weight *= 1.3 - 0.05 * (month - 1)
        if theme == "positive_experience":
            weight *= 0.8 + 0.06 * (month - 1)
        weights.append(weight)
    return weights


def _row(channel: Channel, number: int, occasion: Occasion, rng: random.Random) -> list[str]:
    """One CSV row for one occasion."""
    values = slots(rng, occasion.respondent, occasion.home)
    in_person = channel.key in ("dropin", "forum")
    themes: list[str] = []
    if rng.random() < channel.uncoded_share:
        comment = uncoded_comment(rng, channel.key, values)
    else:
        themes = _pick_themes(rng, occasion, channel.key)
        comment = coded_comment(rng, themes, occasion.respondent, in_person, values)
        if rng.random() < PERSONAL_DETAIL_SHARE / (1 - channel.uncoded_share):
            detail = personal_detail(rng, occasion.respondent, occasion.home, values)
            comment = f"{comment} {detail}"
        if channel.key == "helpline":
            comment = f'{rng.choice(HELPLINE_PREFIXES)}"{comment}"'
    consent = "yes" if rng.random() < CONSENT_SHARE else "no"
    coded = ";".join(themes) if themes and rng.random() < ANALYST_CODED_SHARE else ""
    rating = _rating(rng, themes) if channel.key == "survey" else ""
    return [
        f"{channel.id_prefix}-{number:04d}",
        occasion.day.isoformat(),
        occasion.session,
        occasion.district.name if occasion.district else "",
        occasion.respondent,
        comment,
        consent,
        coded,
        rating,
    ]


def _pick_themes(rng: random.Random, occasion: Occasion, channel: str) -> list[str]:
    """A main theme and sometimes a second, drawn with this occasion's weights."""
    names = [theme for theme, _ in BASE_WEIGHTS]
    weights = theme_weights(occasion.day.month, occasion.home.name, occasion.respondent, channel)
    main = rng.choices(names, weights)[0]
    if rng.random() >= SECOND_THEME_SHARE:
        return [main]
    rest = [(name, weight) for name, weight in zip(names, weights, strict=True) if name != main]
    second = rng.choices([name for name, _ in rest], [weight for _, weight in rest])[0]
    return [main, second]


def _rating(rng: random.Random, themes: list[str]) -> str:
    """A 1 to 5 survey rating that agrees with the comment's tone."""
    if not themes:
        return str(rng.choice((2, 3, 3, 4, 4, 5)))
    if themes[0] == "positive_experience":
        return str(rng.choice((3, 4, 4, 5, 5, 5)))
    return str(rng.choice((1, 1, 1, 2, 2, 2, 3, 3, 4)))


def _dropin_occasions(channel: Channel, rng: random.Random) -> list[Occasion]:
    """Sessions rotating round the districts, each with a room full of comments."""
    occasions: list[Occasion] = []
    queue: list[District] = []
    held: list[tuple[date, str]] = []
    for month, count in enumerate(SESSIONS_PER_MONTH, start=1):
        days = [day for day in _days_in_month(month) if day.weekday() != 6]
        for _ in range(count):
            if not queue:
                queue = [*DISTRICTS, district("Preston"), district("Lancaster")]
                rng.shuffle(queue)
            venue = queue.pop()
            day = rng.choice(days)
            while (day, venue.name) in held:
                day = rng.choice(days)
            held.append((day, venue.name))
            session = f"{channel.session}, {venue.name}, {day.isoformat()}"
            for _ in range(rng.randint(14, 30)):
                home = venue if rng.random() < 0.9 else _population_choice(rng)
                occasions.append(_occasion(rng, channel, day, session, home))
    return occasions


def _survey_occasions(channel: Channel, rng: random.Random) -> list[Occasion]:
    """Responses from February, when the survey opened, more of them as it was promoted."""
    days = [day for day in _all_days() if day >= date(2026, 2, 2)]
    weights = [1 + 0.3 * (day.month - 2) for day in days]
    picked = rng.choices(days, weights, k=SURVEY_RESPONSES)
    return [
        _occasion(rng, channel, day, channel.session, _population_choice(rng)) for day in picked
    ]


def _helpline_occasions(channel: Channel, rng: random.Random) -> list[Occasion]:
    """Calls on working days, rising a little through the year."""
    days = [day for day in _all_days() if day.weekday() < 5]
    weights = [1 + 0.15 * (day.month - 1) for day in days]
    picked = rng.choices(days, weights, k=HELPLINE_CALLS)
    return [
        _occasion(rng, channel, day, channel.session, _population_choice(rng)) for day in picked
    ]


def _forum_occasions(channel: Channel, rng: random.Random) -> list[Occasion]:
    """A handful of evening listening events hosted by the forum in different districts."""
    occasions: list[Occasion] = []
    for month, host in FORUM_EVENTS:
        day = rng.choice([day for day in _days_in_month(month) if day.weekday() < 5])
        for _ in range(rng.randint(8, 16)):
            home = district(host) if rng.random() < 0.8 else _population_choice(rng)
            occasions.append(_occasion(rng, channel, day, channel.session, home))
    return occasions


_OCCASIONS = {
    "dropin": _dropin_occasions,
    "survey": _survey_occasions,
    "helpline": _helpline_occasions,
    "forum": _forum_occasions,
}


def _occasion(
    rng: random.Random, channel: Channel, day: date, session: str, home: District
) -> Occasion:
    """One person's feedback; a few leave their district blank."""
    names = [name for name, _ in channel.respondents]
    weights = [weight for _, weight in channel.respondents]
    respondent = rng.choices(names, weights)[0]
    shown = None if rng.random() < BLANK_DISTRICT_SHARE else home
    return Occasion(day, session, shown, home, respondent)


def _population_choice(rng: random.Random) -> District:
    """A district, in proportion to its population aged 0 to 25."""
    return rng.choices(DISTRICTS, [item.population_0_25 for item in DISTRICTS])[0]


def _days_in_month(month: int) -> list[date]:
    """The days of a 2026 month that fall inside the feedback period."""
    return [day for day in _all_days() if day.month == month]


def _all_days() -> list[date]:
    """Every day of the feedback period."""
    count = (LAST_DAY - FIRST_DAY).days + 1
    return [FIRST_DAY + timedelta(days=offset) for offset in range(count)]
