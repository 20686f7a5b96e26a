"""The impact section's words: where each published statistic comes from."""

from __future__ import annotations


def test_sources_link_to_their_publications(tmp_path):
    from boardbrief.views.impact import source_note

    url = "https://example.org/stats?a=1&b=2"
    assert source_note("DfE, SEN2", url, "dfe.csv", "rate") == (
        'Source: <a href="https://example.org/stats?a=1&amp;b=2">DfE, SEN2</a> '
        "(dfe.csv, column rate)."
    )
    assert source_note("NHS <England>", None, "nhs.csv") == "Source: NHS &lt;England&gt; (nhs.csv)."
    assert source_note(None, None, "dfe.csv", "rate") == "Source: dfe.csv, rate."


def test_a_board_with_no_published_statistics_gets_no_section_and_a_plain_word(board_dir):
    from boardbrief import views
    from boardbrief.contract.meeting import load_meeting
    from boardbrief.sections.impact import impact_status

    meeting = load_meeting(board_dir, "2026-05-12")  # Northshire configures no indicators
    impact = impact_status(meeting)
    for view in (views.impact_summary, views.impact_measures, views.partner_waiting_lists):
        assert str(view(impact)) == ""  # the export then leaves the section's headings out
    about = str(views.about(meeting))
    assert (
        "The board has not chosen any published statistics to compare the area with, so this "
        "briefing has no section on them."
    ) in about
    assert "`" not in about and "configured" not in about
