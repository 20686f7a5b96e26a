"""What the area pages add to a meeting's folder, and a briefing rendered without them."""

from boardbrief.publish.area_pages import area_outputs, without_area_links
from boardbrief.publish.verify import area_pages_in, compared_outputs


def test_area_outputs_are_each_areas_page_and_executed_notebook():
    assert area_outputs(["waits", "voice"]) == [
        "areas/waits.html",
        "areas/waits.ipynb",
        "areas/voice.html",
        "areas/voice.ipynb",
    ]


def test_without_area_links_leaves_the_names_as_text():
    html = (
        '<th scope="row"><a class="area-page" href="areas/waits.html">Waiting &amp; times</a>'
        '</th><a href="#top">Top</a>'
    )
    assert (
        without_area_links(html) == '<th scope="row">Waiting &amp; times</th><a href="#top">Top</a>'
    )


def test_verify_compares_the_area_pages_a_record_lists_and_none_in_older_records():
    older = {"outputs": {"briefing.html": "x", "figures.json": "y"}}
    assert area_pages_in(older) == []
    newer = {"outputs": {"briefing.html": "x", "areas/b.html": "z", "areas/b.ipynb": "w"}}
    assert area_pages_in(newer) == ["areas/b.html"]
    assert compared_outputs(newer)[-1] == "areas/b.html"
