"""The board itself: partners, districts, priority areas, pledges and meetings (board.yml)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

BOARD_NAME = "Lancashire SEND Partnership Board"
AREA_NAME = "Lancashire"
LA_CODE = "E10000017"
SUPPRESSION_THRESHOLD = 5

PRIORITY_AREAS: tuple[tuple[str, str], ...] = (
    ("access", "Access to provision"),
    ("identifying_need", "Identifying need"),
    ("outcomes", "Improving outcomes"),
    ("strategy", "Strategy"),
    ("engagement", "Engagement"),
)

PLEDGES: tuple[tuple[str, str], ...] = (
    (
        "engaged_parents",
        "To ensure that parents and carers are fully engaged in decision making.",
    ),
    (
        "equal_access",
        "To ensure that all children in Lancashire have equal access to provision regardless of "
        "location.",
    ),
    (
        "effective_strategy",
        "To develop an effective strategy to improve the outcomes for children and young people "
        "with SEND.",
    ),
)


@dataclass(frozen=True)
class Organisation:
    """A partner on the board; ``nhs_name`` is its spelling in NHS England's published data."""

    id: str
    name: str
    type: str
    nhs_name: str | None = None


ORGANISATIONS: tuple[Organisation, ...] = (
    Organisation("lcc", "Lancashire County Council", "county council"),
    Organisation("bwd_council", "Blackburn with Darwen Borough Council", "unitary council"),
    Organisation("blackpool_council", "Blackpool Council", "unitary council"),
    # Integrated care boards replaced clinical commissioning groups in July 2022; the ICB works
    # through place-based partnerships, but it is one organisation.
    Organisation(
        "lsc_icb",
        "NHS Lancashire and South Cumbria Integrated Care Board",
        "integrated care board",
    ),
    # The regional children's hospital, for specialist services; not in the waiting list data.
    Organisation("alder_hey_trust", "Alder Hey Children's NHS Foundation Trust", "NHS trust"),
    # Lancashire Teaching Hospitals does not report to the community waiting lists data.
    Organisation("lth_trust", "Lancashire Teaching Hospitals NHS Foundation Trust", "NHS trust"),
    Organisation(
        "elht_trust",
        "East Lancashire Hospitals NHS Trust",
        "NHS trust",
        "East Lancashire Hospitals NHS Trust",
    ),
    Organisation(
        "bth_trust",
        "Blackpool Teaching Hospitals NHS Foundation Trust",
        "NHS trust",
        "Blackpool Teaching Hospitals NHS Foundation Trust",
    ),
    Organisation(
        "uhmb_trust",
        "University Hospitals of Morecambe Bay NHS Foundation Trust",
        "NHS trust",
        "University Hospitals of Morecambe Bay NHS Foundation Trust",
    ),
    Organisation(
        "lscft_trust",
        "Lancashire & South Cumbria NHS Foundation Trust",
        "NHS trust",
        "Lancashire & South Cumbria NHS Foundation Trust",
    ),
    Organisation(
        "so_trust",
        "Southport and Ormskirk Hospital NHS Trust",
        "NHS trust",
        "Southport and Ormskirk Hospital NHS Trust",
    ),
    Organisation(
        "special_heads", "Lancashire Special School Headteachers' Association", "education"
    ),
    Organisation("primary_heads", "Lancashire Primary Headteachers' Association", "education"),
    Organisation(
        "secondary_heads", "Lancashire Association of Secondary Headteachers", "education"
    ),
    Organisation("lancs_colleges", "Lancashire Further Education Colleges Group", "education"),
    Organisation("early_years", "Lancashire Early Years Providers Network", "education"),
    Organisation("ap_heads", "Lancashire Alternative Provision Headteachers' Group", "education"),
    Organisation("lpcf", "Lancashire Parent Carer Forum", "voluntary sector"),
    Organisation("sendiass", "Lancashire SENDIASS", "voluntary sector"),
    Organisation("youth_council", "Lancashire Youth Council", "voluntary sector"),
    Organisation("disability_charity", "Disability Together Lancashire", "voluntary sector"),
    Organisation("short_breaks", "Lancashire Short Breaks Providers Network", "voluntary sector"),
    Organisation("constabulary", "Lancashire Constabulary", "other"),
    Organisation("public_health", "Public Health Lancashire", "other"),
)


@dataclass(frozen=True)
class District:
    """A Lancashire district, with towns and postcode districts the comments can mention."""

    name: str
    population_0_25: int
    towns: tuple[str, ...]
    postcode_areas: tuple[str, ...]


DISTRICTS: tuple[District, ...] = (
    District("Burnley", 29_640, ("Burnley", "Padiham"), ("BB10", "BB11", "BB12")),
    District("Chorley", 33_910, ("Chorley", "Adlington", "Euxton"), ("PR6", "PR7")),
    District("Fylde", 19_380, ("Lytham St Annes", "Kirkham"), ("FY8", "PR4")),
    District("Hyndburn", 26_470, ("Accrington", "Great Harwood", "Oswaldtwistle"), ("BB5",)),
    District("Lancaster", 50_260, ("Lancaster", "Morecambe", "Carnforth"), ("LA1", "LA3", "LA4")),
    District("Pendle", 31_180, ("Nelson", "Colne", "Barnoldswick"), ("BB8", "BB9", "BB18")),
    District("Preston", 53_870, ("Preston", "Fulwood", "Ribbleton"), ("PR1", "PR2")),
    District("Ribble Valley", 15_820, ("Clitheroe", "Longridge", "Whalley"), ("BB7",)),
    District("Rossendale", 20_950, ("Rawtenstall", "Bacup", "Haslingden"), ("BB4", "OL13")),
    District("South Ribble", 31_730, ("Leyland", "Penwortham", "Bamber Bridge"), ("PR5", "PR25")),
    District("West Lancashire", 33_140, ("Ormskirk", "Skelmersdale", "Burscough"), ("L39", "WN8")),
    District("Wyre", 27_960, ("Fleetwood", "Poulton-le-Fylde", "Garstang"), ("FY5", "FY6", "FY7")),
)

MEETINGS: tuple[date, ...] = (
    date(2026, 5, 7),
    date(2026, 6, 4),
    date(2026, 7, 2),
    date(2026, 9, 3),
    date(2026, 10, 1),
    date(2026, 11, 5),
)

# First names of children used in comments, with the pronoun a comment should use for them.
CHILD_NAMES: tuple[tuple[str, str], ...] = (
    ("Alfie", "m"),
    ("Ellie", "f"),
    ("Harvey", "m"),
    ("Isla", "f"),
    ("Jacob", "m"),
    ("Freya", "f"),
    ("Mason", "m"),
    ("Evie", "f"),
    ("Riley", "m"),
    ("Amelia", "f"),
    ("Ibrahim", "m"),
    ("Zainab", "f"),
)

# Staff as parents name them in comments; the redact list holds the name without the title.
STAFF_NAMES: tuple[tuple[str, str], ...] = (
    ("Sandra", "Sandra"),
    ("Mrs Whittaker", "Whittaker"),
    ("Mr Haworth", "Haworth"),
    ("Nadeem", "Nadeem"),
)


# The impact section reads real published statistics, copied unchanged into data/indicators/.
DFE_SOURCE = "Department for Education, SEN2 (Education, health and care plans)"
DFE_URL = (
    "https://explore-education-statistics.service.gov.uk/find-statistics/"
    "education-health-and-care-plans"
)
NHS_URL = (
    "https://www.england.nhs.uk/statistics/statistical-work-areas/"
    "community-health-services-waiting-lists/"
)
INDICATORS: dict[str, Any] = {
    "check_jump_points": 25,
    "measures": [
        {
            "file": "indicators/dfe_sen2_ehcp_timeliness_2014_2022.csv",
            "column": "no_exc_20week_rate",
            "label": "New EHC plans issued within 20 weeks, excluding exceptions",
            "better": "higher",
            "unit": "percent",
            "source": DFE_SOURCE,
            "source_url": DFE_URL,
        },
        {
            "file": "indicators/dfe_sen2_ehcp_timeliness_2014_2022.csv",
            "column": "inc_exc_20week_rate",
            "label": "New EHC plans issued within 20 weeks, including exceptions",
            "better": "higher",
            "unit": "percent",
            "source": DFE_SOURCE,
            "source_url": DFE_URL,
        },
    ],
    "waiting_lists": {
        "file": "indicators/nhs_community_health_waiting_lists_2023.csv",
        "source": "NHS England, Community Health Services Waiting Lists",
        "source_url": NHS_URL,
    },
}


def organisation_ids() -> tuple[str, ...]:
    """Ids in board order, for checks and for spreading investment lines across partners."""
    return tuple(organisation.id for organisation in ORGANISATIONS)


def district_names() -> tuple[str, ...]:
    """District names in board order."""
    return tuple(district.name for district in DISTRICTS)


def district(name: str) -> District:
    """Look a district up by name; a typo in a table spec should fail loudly."""
    for candidate in DISTRICTS:
        if candidate.name == name:
            return candidate
    raise KeyError(name)


def board_config() -> dict[str, Any]:
    """The content of board.yml, keys in the order the data contract lists them."""
    organisations = []
    for organisation in ORGANISATIONS:
        entry: dict[str, str] = {
            "id": organisation.id,
            "name": organisation.name,
            "type": organisation.type,
        }
        if organisation.nhs_name is not None:
            entry["nhs_name"] = organisation.nhs_name
        organisations.append(entry)
    return {
        "board": BOARD_NAME,
        "area": AREA_NAME,
        "la_code": LA_CODE,
        "sample": True,
        "suppression_threshold": SUPPRESSION_THRESHOLD,
        "priority_areas": dict(PRIORITY_AREAS),
        "pledges": dict(PLEDGES),
        "organisations": organisations,
        "districts": [
            {"name": item.name, "population_0_25": item.population_0_25} for item in DISTRICTS
        ],
        "meetings": list(MEETINGS),
        "redact": [name for name, _ in CHILD_NAMES] + [name for _, name in STAFF_NAMES],
        "not_names": sorted({town for item in DISTRICTS for town in item.towns}),
        "indicators": INDICATORS,
    }
