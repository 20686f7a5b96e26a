"""Investment registers: what each partner has put in, as funding, physical resources or staff."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date

from boardbrief.contract.columns import FUNDING_COLUMNS, FUNDING_KINDS
from boardbrief.sample_data.writing import format_money

REGISTERS: tuple[date, ...] = (
    date(2026, 4, 30),
    date(2026, 6, 26),
    date(2026, 8, 28),
    date(2026, 10, 30),
)

COLUMNS: tuple[str, ...] = tuple(FUNDING_COLUMNS)

KINDS: tuple[str, ...] = FUNDING_KINDS


@dataclass(frozen=True)
class LineSpec:
    """One investment line and its life across the registers.

    ``committed`` is a round figure that the generator perturbs; ``first`` is the index of the
    register it first appears in, ``withdrawn`` the index of the first register it is missing from.
    ``moved`` gives the register index from which the line sits in another district.
    """

    organisation: str
    kind: str
    priority_area: str
    description: str
    committed: int
    district: str = ""
    first: int = 0
    withdrawn: int | None = None
    moved: tuple[int, str] | None = None


_F, _P, _S = KINDS

# Districts are chosen by hand so coverage is uneven: Pendle and West Lancashire get little per
# child, which is the pattern the "equal access regardless of location" pledge should expose.
# fmt: off
LINE_SPECS: tuple[LineSpec, ...] = (
    LineSpec("lcc", _F, "identifying_need", "Two additional educational psychologists", 180_000),
    LineSpec("lcc", _S, "identifying_need",
             "Seconded SEND officers to clear the EHC needs assessment backlog", 240_000),
    LineSpec("lcc", _F, "access", "Short breaks grant for community holiday schemes", 450_000),
    LineSpec("lcc", _P, "access", "Refurbished sensory room at Burnley Wood family hub", 38_000,
             "Burnley"),
    LineSpec("lcc", _F, "access",
             "Twelve additional resourced provision places at a Preston primary school", 360_000,
             "Preston"),
    LineSpec("lcc", _F, "access", "Special school satellite classrooms in Morecambe", 1_250_000,
             "Lancaster"),
    LineSpec("lcc", _F, "access", "Special school expansion in Chorley (24 places)", 1_850_000,
             "Chorley"),
    LineSpec("lcc", _P, "access", "Adapted minibuses for home-to-school transport", 210_000),
    LineSpec("lcc", _F, "engagement", "Your Child, Your Voice drop-in sessions programme",
             65_000),
    LineSpec("lcc", _F, "engagement", "Local Offer website rebuild", 120_000),
    LineSpec("lcc", _S, "strategy", "SEND data and performance analyst posts", 95_000),
    LineSpec("lcc", _F, "outcomes", "Preparing for adulthood coordinators", 150_000),
    LineSpec("lcc", _F, "outcomes", "Inclusion hub pilot to reduce exclusions in Accrington",
             220_000, "Hyndburn"),
    LineSpec("lcc", _P, "access", "Accessible play equipment at Leyland short breaks centre",
             46_500, "South Ribble"),
    LineSpec("lcc", _S, "access", "Specialist teaching outreach for Fylde coast schools",
             140_000, "Fylde"),
    LineSpec("lcc", _F, "access", "Resourced provision for autistic pupils in Fleetwood",
             310_000, "Wyre"),
    LineSpec("lcc", _F, "access", "Specialist SEMH provision in Burnley", 880_000, "Burnley"),
    LineSpec("lcc", _F, "access", "Home adaptations for disabled children grant top-up",
             120_000),
    LineSpec("lcc", _P, "access", "Sensory garden at Rawtenstall family hub", 19_500,
             "Rossendale"),
    LineSpec("lcc", _F, "outcomes", "Nurture groups in Haslingden and Bacup primary schools",
             150_000, "Rossendale"),
    LineSpec("lcc", _F, "access", "Refurbished overnight short breaks unit in Clitheroe",
             230_000, "Ribble Valley"),
    LineSpec("bwd_council", _F, "access",
             "Cross-border specialist places for Hyndburn and Ribble Valley pupils", 420_000,
             "Hyndburn"),
    LineSpec("bwd_council", _S, "strategy", "Joint commissioning manager shared with Lancashire",
             60_000),
    LineSpec("blackpool_council", _F, "access",
             "Cross-border short breaks for Fylde and Wyre families", 150_000, "Fylde"),
    LineSpec("blackpool_council", _S, "engagement",
             "Parent engagement officer time for the Fylde coast", 28_000, "Wyre"),
    LineSpec("lsc_icb", _F, "identifying_need",
             "Neurodevelopmental assessment waiting list initiative", 600_000, "Preston"),
    LineSpec("lsc_icb", _S, "strategy", "Designated clinical officer (0.6 WTE)",
             52_000),
    LineSpec("lsc_icb", _F, "access",
             "Speech and language therapy waiting list initiative", 280_000, "South Ribble"),
    LineSpec("lsc_icb", _F, "identifying_need",
             "ADHD assessment capacity for Chorley and South Ribble", 190_000, "Chorley"),
    LineSpec("lsc_icb", _F, "identifying_need",
             "Autism assessment clinics for East Lancashire", 520_000, "Burnley"),
    LineSpec("lsc_icb", _F, "access", "Occupational therapy sensory assessments",
             160_000, "Rossendale", moved=(2, "Hyndburn")),
    LineSpec("lsc_icb", _F, "access",
             "Speech and language therapy in Fylde and Wyre early years settings", 130_000,
             "Wyre"),
    LineSpec("lsc_icb", _F, "access",
             "Children's community nursing for complex needs", 85_000, "West Lancashire"),
    LineSpec("lsc_icb", _F, "identifying_need",
             "Extra community paediatrics clinics in Lancaster", 240_000, "Lancaster"),
    LineSpec("lsc_icb", _F, "outcomes",
             "Transition nurse for young people moving to adult services", 70_000, "Lancaster"),
    LineSpec("lsc_icb", _F, "outcomes", "CAMHS in-reach for special schools in Hyndburn",
             110_000, "Hyndburn"),
    LineSpec("lsc_icb", _S, "strategy", "Designated clinical officer time for the Fylde "
             "coast", 45_000, "Fylde"),
    LineSpec("lth_trust", _S, "identifying_need",
             "Community paediatrician sessions for EHC health advice", 175_000, "Preston"),
    LineSpec("lth_trust", _P, "access",
             "Refurbished child development centre clinic rooms in Chorley", 95_000, "Chorley"),
    LineSpec("elht_trust", _F, "identifying_need",
             "Additional clinical psychologist for autism diagnosis", 88_000, "Burnley"),
    LineSpec("elht_trust", _P, "access", "Sensory-friendly children's waiting area in Burnley",
             27_500, "Burnley"),
    LineSpec("elht_trust", _S, "access", "Weekend physiotherapy clinics in Nelson", 64_000,
             "Pendle"),
    LineSpec("bth_trust", _F, "access",
             "Speech and language therapy for Fylde and Wyre secondary schools", 120_000, "Fylde"),
    LineSpec("bth_trust", _P, "access", "Wheelchair service assessment equipment", 56_000),
    LineSpec("uhmb_trust", _F, "access", "Occupational therapy waiting list initiative", 140_000,
             "Lancaster"),
    LineSpec("uhmb_trust", _S, "outcomes", "Young adult transition clinics", 48_000, "Lancaster"),
    LineSpec("lscft_trust", _F, "outcomes", "Mental health support teams in special schools",
             760_000),
    LineSpec("lscft_trust", _S, "identifying_need", "Neurodevelopmental nurse specialists",
             310_000),
    LineSpec("lscft_trust", _F, "access", "Speech and language therapy advice line for parents",
             90_000),
    LineSpec("so_trust", _F, "access", "Paediatric therapy clinics in Ormskirk", 42_000,
             "West Lancashire"),
    LineSpec("special_heads", _S, "access",
             "Special school outreach teachers for mainstream schools", 260_000),
    LineSpec("special_heads", _P, "access", "Specialist equipment loan library", 35_000,
             withdrawn=2),
    LineSpec("primary_heads", _S, "identifying_need",
             "SENCO network time for graduated response training", 42_000),
    LineSpec("secondary_heads", _S, "outcomes", "Inclusion leads pilot to reduce exclusions",
             78_000),
    LineSpec("secondary_heads", _F, "outcomes",
             "Alternatives to exclusion in Preston secondary schools", 125_000, "Preston"),
    LineSpec("lancs_colleges", _F, "outcomes", "Supported internships with local employers",
             185_000),
    LineSpec("lancs_colleges", _P, "outcomes",
             "Independent living skills flat at a Lancaster college", 68_000, "Lancaster"),
    LineSpec("early_years", _S, "identifying_need", "Early years SEND inclusion advisers",
             72_000),
    LineSpec("lpcf", _S, "engagement", "Parent carer representatives on workstreams", 24_000),
    LineSpec("lpcf", _F, "engagement", "Co-production of the Local Offer website", 18_500),
    LineSpec("sendiass", _S, "engagement",
             "Additional SENDIASS caseworker for tribunal and mediation advice", 38_000),
    LineSpec("sendiass", _F, "engagement", "SENDIASS helpline evening opening", 12_500),
    LineSpec("youth_council", _S, "engagement", "Youth council SEND champions programme", 9_500),
    LineSpec("disability_charity", _P, "access", "Changing Places toilet in Fleetwood", 45_000,
             "Wyre"),
    LineSpec("disability_charity", _F, "access", "Saturday club for disabled teenagers in Preston",
             22_000, "Preston"),
    LineSpec("constabulary", _S, "outcomes",
             "Speech, language and communication screening in custody suites", 26_000),
    LineSpec("public_health", _F, "outcomes", "School nursing SEND health needs assessments",
             155_000),
    LineSpec("public_health", _F, "identifying_need",
             "Developmental reviews at two and a half in family hubs", 98_000),
    LineSpec("early_years", _P, "identifying_need",
             "Screening resources for nurseries in Lancaster and Morecambe", 14_000, "Lancaster"),
    LineSpec("lcc", _F, "access", "Short breaks grant for disabled children's clubs in Chorley",
             48_000, "Chorley"),
    LineSpec("lsc_icb", _P, "access",
             "Sensory assessment room at a Preston health centre", 31_000, "Preston"),
    LineSpec("lcc", _F, "access",
             "Resourced provision for speech and language needs in Colne", 180_000, "Pendle",
             first=1),
    LineSpec("lsc_icb", _F, "identifying_need", "ADHD medication review clinics",
             60_000, "West Lancashire", first=1),
    LineSpec("bth_trust", _S, "access", "Audiology sessions in Fylde coast special schools",
             30_000, "Fylde", first=1, withdrawn=3),
    LineSpec("lcc", _F, "access", "Emergency home-to-school transport capacity for September",
             340_000, first=2),
    LineSpec("lscft_trust", _S, "outcomes",
             "Emotionally based school avoidance clinicians", 115_000, first=2),
    LineSpec("lsc_icb", _F, "identifying_need",
             "Support for families waiting for neurodevelopmental assessment", 75_000,
             "Hyndburn", first=2),
    LineSpec("lcc", _F, "identifying_need", "Fixed-term EHC plan writers", 210_000, first=3),
    LineSpec("lpcf", _F, "engagement", "Parent carer forum coffee mornings in every district",
             8_000, first=3),
    LineSpec("blackpool_council", _P, "access", "Sensory bus visits to Wyre primary schools",
             12_000, "Wyre", first=3),
)
# fmt: on


def funding_registers(rng: random.Random) -> dict[date, list[list[str]]]:
    """Rows of each register, keyed by register date, in line id order."""
    registers: dict[date, list[list[str]]] = {register: [] for register in REGISTERS}
    for number, spec in enumerate(LINE_SPECS, start=1):
        line_id = f"F{number:03d}"
        committed = _committed_pennies(spec.committed, rng)
        spent = 0
        for index, register in enumerate(REGISTERS):
            if index < spec.first or (spec.withdrawn is not None and index >= spec.withdrawn):
                continue
            spent = _spent_pennies(spec, committed, spent, index, rng)
            district = spec.district
            if spec.moved is not None and index >= spec.moved[0]:
                district = spec.moved[1]
            registers[register].append(
                [
                    line_id,
                    spec.organisation,
                    spec.priority_area,
                    spec.kind,
                    spec.description,
                    format_money(committed),
                    format_money(spent),
                    district,
                ]
            )
    return registers


def _committed_pennies(base_pounds: int, rng: random.Random) -> int:
    """A figure near the round one; most to the nearest 500 pounds, a few to the penny."""
    pounds = base_pounds * rng.uniform(0.92, 1.08)
    if rng.random() < 0.12:
        return round(pounds * 100)
    return round(pounds / 500) * 500 * 100


def _spent_pennies(
    spec: LineSpec, committed: int, spent_before: int, index: int, rng: random.Random
) -> int:
    """Spend so far: it only grows, never past the commitment, often not to the round pound."""
    if index == spec.first:
        share = 0.0 if rng.random() < 0.3 else rng.uniform(0.0, 0.45 if index == 0 else 0.15)
    else:
        share = spent_before / committed + rng.uniform(0.04, 0.3)
        if spec.kind == "physical resources" and rng.random() < 0.5:
            share = max(share, rng.uniform(0.85, 1.0))
    spent = min(committed, round(committed * share))
    if rng.random() < 0.75:
        spent = spent // 1000 * 1000  # to the ten pounds, as most ledgers report it
    return min(committed, max(spent_before, spent))
