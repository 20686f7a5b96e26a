"""The funding section's opening sentences: who put in what, whether it is spent, fair shares.

Sentences round money for a board ("£1.2m"); tables give it exactly, to the penny.
"""

from __future__ import annotations

from boardbrief.formatting import (
    count,
    gbp_short,
    long_date,
    percent,
    plural,
)
from boardbrief.present import Html, render_block
from boardbrief.sections.funding import FundingStatus
from boardbrief.views.funding.per_child import flagged_sentence, gbp_per_child, times
from boardbrief.views.wording import agree, and_list, with_verb


def funding_summary(funds: FundingStatus) -> Html:
    """The section's plain-English opening: who put in what, whether it is spent, fair shares."""
    return render_block("paragraphs.html.j2", paragraphs=summary_sentences(funds))


def summary_sentences(funds: FundingStatus) -> list[str]:
    """The opening sentences, one per paragraph; also used by tests."""
    return [_who_sentence(funds), _spending_sentence(funds), _districts_sentence(funds)]


def _who_sentence(funds: FundingStatus) -> str:
    totals = funds.totals
    organisations = int((funds.by_organisation["lines"] > 0).sum())
    if organisations == 0:
        return "The investment register has no lines yet: no organisation has committed anything."
    kinds = funds.by_kind[funds.by_kind["committed_pence"] > 0].sort_values(
        "committed_pence", ascending=False, kind="stable"
    )
    split = and_list([f"{gbp_short(r.committed_pence)} as {r.kind}" for r in kinds.itertuples()])
    verb = agree(organisations, "has", "have")
    sentence = (
        f"{plural(organisations, 'organisation')} {verb} committed "
        f"{gbp_short(totals['committed_pence'])} across {plural(totals['lines'], 'line')}: "
        f"{split}."
    )
    top = funds.by_organisation.head(3)
    top = top[top["committed_pence"] > 0]
    if organisations > 1 and totals["committed_pence"] > 0:
        first = top.iloc[0]
        share = first["committed_pence"] / totals["committed_pence"]
        sentence += (
            f" {first['name']} has committed the most ({gbp_short(first['committed_pence'])}, "
            f"{percent(share)} of the total)"
        )
        others = [f"{r.name} ({gbp_short(r.committed_pence)})" for r in top.iloc[1:].itertuples()]
        sentence += f", followed by {and_list(others)}." if others else "."
    if funds.without_lines:
        count_without = len(funds.without_lines)
        sentence += (
            f" {plural(count_without, 'partner organisation')} "
            f"{agree(count_without, 'has', 'have')} no lines in the register."
        )
    return sentence


def _spending_sentence(funds: FundingStatus) -> str:
    totals = funds.totals
    sentence = (
        f"{gbp_short(totals['spent_pence'])} ({percent(totals['spend_rate'])}) of it has been "
        "spent."
        if totals["committed_pence"]
        else "Nothing is committed, so nothing has been spent."
    )
    areas = funds.by_area[funds.by_area["committed_pence"] > 0]
    if len(areas) > 1:
        slowest = areas.sort_values("spend_rate", kind="stable").iloc[0]
        sentence += (
            f" Spending is slowest in {slowest['name']} ({percent(slowest['spend_rate'])} spent)."
        )
    if funds.previous_totals is None:
        return sentence + " This is the first register, so there is nothing to compare it with."
    if not funds.register_updated:
        return sentence + (
            " The register has not been updated since the last meeting: both use the register "
            f"of {long_date(funds.register_date)}."
        )
    then = funds.previous_totals
    counts = funds.change_counts
    return sentence + (
        f" Since the register of {long_date(funds.previous_register_date)}, which the last "
        f"meeting used, commitments {_moved(totals['committed_pence'] - then['committed_pence'])}"
        f" and spending {_moved(totals['spent_pence'] - then['spent_pence'])}; "
        f"{with_verb(counts['new'], 'line')} added, {count(counts['changed'])} changed and "
        f"{count(counts['withdrawn'])} withdrawn."
    )


def _districts_sentence(funds: FundingStatus) -> str:
    districts = funds.districts
    local = funds.district_committed_pence
    county = funds.countywide
    committed = funds.totals["committed_pence"]
    county_part = (
        f" A further {gbp_short(county['committed_pence'])} "
        f"({percent(county['committed_pence'] / committed)} of all commitments) is countywide, "
        "not tied to any district."
        if county["committed_pence"]
        else " No commitment is countywide: every line is tied to a district."
    )
    if local == 0:
        return "No line is tied to a district, so shares by district cannot be compared." + (
            f" All {gbp_short(committed)} committed is countywide." if committed else ""
        )
    best, worst = funds.best_district, funds.worst_district
    sentence = (
        f"Counting only the {gbp_short(local)} tied to a district, commitment per child aged 0 "
        f"to 25 ranges from {gbp_per_child(best['per_child_pence'])} in {best['district']} to "
        f"{gbp_per_child(worst['per_child_pence'])} in {worst['district']}"
    )
    ratio = funds.best_to_worst_ratio
    empty = list(districts.loc[districts["lines"] == 0, "district"])
    if ratio is not None:
        sentence += f": {best['district']} has {times(ratio)} as much per child."
    else:
        sentence += "."
    if empty:
        sentence += (
            f" {and_list(empty)} {agree(len(empty), 'has', 'have')} no lines of "
            f"{agree(len(empty), 'its', 'their')} own."
        )
    return f"{sentence} {flagged_sentence(funds)}{county_part}"


def _moved(pence: int) -> str:
    if pence == 0:
        return "did not change"
    return f"{'rose' if pence > 0 else 'fell'} by {gbp_short(abs(pence))}"
