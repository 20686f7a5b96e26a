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
