"""The feedback codebook (themes.yml): themes and the phrases that code a comment to them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Theme:
    """A theme; ``phrases`` are lower-case and match whole words, case-insensitively."""

    id: str
    name: str
    priority_area: str | None
    phrases: tuple[str, ...]


# fmt: off
THEMES: tuple[Theme, ...] = (
    Theme(
        "ehcp_delays",
        "EHC needs assessments and plans taking too long",
        "identifying_need",
        (
            "ehcp",
            "ehcps",
            "ehc plan",
            "ehc plans",
            "ehc needs assessment",
            "needs assessment",
            "education, health and care plan",
            "20 weeks",
            "20-week",
            "draft plan",
            "draft plans",
            "final plan",
        ),
    ),
    Theme(
        "assessment_waits",
        "Waiting for autism, ADHD and neurodevelopmental assessment",
        "identifying_need",
        (
            "autism assessment",
            "adhd",
            "asd",
            "diagnosis",
            "diagnosed",
            "neurodevelopmental",
            "paediatrician",
            "community paediatrics",
        ),
    ),
    Theme(
        "therapy_waits",
        "Waiting for speech and language, occupational and physiotherapy",
        "access",
        (
            "speech and language",
            "speech therapy",
            "salt",
            "occupational therapy",
            "ot",
            "physio",
            "physiotherapy",
            "therapist",
            "therapy",
        ),
    ),
    Theme(
        "communication",
        "Not being listened to or kept informed",
        "engagement",
        (
            "listened to",
            "not listened",
            "phone call",
            "phone calls",
            "calls",
            "emails",
            "bewildered",
            "bewildering",
            "caseworker",
            "caseworkers",
            "chasing",
            "chase",
            "kept informed",
            "nobody explains",
            "no response",
        ),
    ),
    Theme(
        "school_places",
        "Finding a suitable school place",
        "access",
        (
            "school place",
            "school places",
            "special school",
            "specialist place",
            "resourced provision",
            "named school",
            "mainstream",
            "sufficiency",
            "schools consulted",
        ),
    ),
    Theme(
        "transport",
        "Home-to-school transport",
        "access",
        (
            "transport",
            "taxi",
            "bus",
            "buses",
            "escort",
            "travel",
            "home to school",
            "home-to-school",
            "journey",
        ),
    ),
    Theme(
        "transitions",
        "Moving between schools, into college and into adult life",
        "outcomes",
        (
            "transition",
            "transitions",
            "year 6",
            "secondary school",
            "high school",
            "college",
            "post-16",
            "preparing for adulthood",
            "adult services",
            "turns 18",
            "moving up",
        ),
    ),
    Theme(
        "mental_health",
        "Mental health, anxiety and CAMHS",
        "outcomes",
        (
            "camhs",
            "mental health",
            "anxiety",
            "anxious",
            "self-harm",
            "self-harming",
            "panic attacks",
            "emotionally based school avoidance",
            "ebsa",
            "low mood",
        ),
    ),
    Theme(
        "short_breaks",
        "Short breaks, respite and support for carers",
        "access",
        (
            "short breaks",
            "short break",
            "respite",
            "holiday club",
            "holiday scheme",
            "direct payments",
            "personal assistant",
            "burnt out",
            "saturday club",
            "youth club",
            "youth clubs",
        ),
    ),
    Theme(
        "tribunals",
        "Tribunals, appeals and mediation",
        "strategy",
        ("tribunal", "tribunals", "appeal", "appeals", "mediation", "sendist"),
    ),
    Theme(
        "local_offer",
        "The Local Offer and finding information",
        "engagement",
        ("local offer", "website", "broken links", "out of date", "plain english"),
    ),
    Theme(
        "annual_reviews",
        "Annual reviews and amending plans",
        "identifying_need",
        ("annual review", "annual reviews", "amended plan", "amendments", "amended"),
    ),
    Theme(
        "exclusions",
        "Exclusions, part-time timetables and being sent home",
        "outcomes",
        (
            "excluded",
            "exclusion",
            "exclusions",
            "part-time timetable",
            "part-time timetables",
            "reduced timetable",
            "reduced timetables",
            "sent home",
            "isolation",
            "managed move",
            "suspended",
            "suspension",
        ),
    ),
    Theme(
        "school_support",
        "Support and understanding in school",
        "outcomes",
        (
            "senco",
            "teaching assistant",
            "teaching assistants",
            "one-to-one",
            "support in class",
            "staff training",
            "training",
            "masking",
            "ordinarily available",
        ),
    ),
    Theme(
        "positive_experience",
        "Positive experiences and things that have improved",
        "engagement",
        (
            "actually listened",
            "felt listened to",
            "felt heard",
            "really helpful",
            "so helpful",
            "made a difference",
            "making a difference",
            "a real difference",
            "grateful",
            "thank you for",
            "improved",
            "brilliant",
            "huge help",
        ),
    ),
)
# fmt: on


def codebook() -> dict[str, Any]:
    """The content of themes.yml."""
    return {
        "themes": [
            {
                "id": theme.id,
                "name": theme.name,
                **({"priority_area": theme.priority_area} if theme.priority_area else {}),
                "phrases": list(theme.phrases),
            }
            for theme in THEMES
        ]
    }
