"""Officer commentary: front matter with assessed ratings, and a narrative that cannot run."""

import pytest

from boardbrief.contract.commentary import read_commentary
from boardbrief.contract.problems import DataError

AREAS = ["access", "needs"]


def read(tmp_path, text):
    path = tmp_path / "2026-11-05.md"
    path.write_text(text, encoding="utf-8")
    return read_commentary(path, "commentary/2026-11-05.md", AREAS)


def test_read_commentary_without_front_matter_is_all_body(tmp_path):
    commentary = read(tmp_path, "Just words.\n")
    assert (commentary.overall_rag, commentary.area_rag, commentary.body) == (
        None,
        {},
        "Just words.\n",
    )


def test_read_commentary_front_matter_gives_assessed_ratings(tmp_path):
    commentary = read(tmp_path, "---\noverall_rag: A\narea_rag:\n  needs: Red\n---\nBody\n")
    assert commentary.overall_rag == "amber"
    assert commentary.area_rag == {"needs": "red"}
    assert commentary.body == "Body\n"


def test_read_commentary_bad_ratings_and_areas_name_their_lines(tmp_path):
    with pytest.raises(DataError) as caught:
        read(tmp_path, "---\noverall_rag: purple\narea_rag:\n  nowhere: red\n  access: x\n---\n")
    assert [str(p) for p in caught.value.problems] == [
        "commentary/2026-11-05.md, line 2, column 'overall_rag': found 'purple', "
        "expected red, amber, green or blue (or R/A/G/B)",
        "commentary/2026-11-05.md, line 4, column 'area_rag': found 'nowhere', "
        "expected a priority area id (access, needs)",
        "commentary/2026-11-05.md, line 5, column 'area_rag.access': found 'x', "
        "expected red, amber, green or blue (or R/A/G/B)",
    ]


def test_read_commentary_hostile_yaml_is_refused(tmp_path):
    with pytest.raises(DataError, match="line 2: expected plain YAML"):
        read(tmp_path, '---\n!!python/object/apply:os.system ["echo hi"]\n---\n')


def test_body_html_escapes_raw_html_and_fetches_nothing(tmp_path):
    commentary = read(
        tmp_path,
        "# Title\n<script>alert(1)</script>\n\n![x](https://example.org/x.png) "
        "[bad](javascript:alert(1)) [good](https://example.org)\n",
    )
    html = commentary.body_html()
    assert "<h4>Title</h4>" in html  # headings sit below "From the lead officer" (h3)
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<img" not in html
    assert 'href="javascript:' not in html
    assert '<a href="https://example.org">good</a>' in html


def test_commentary_headings_start_at_h4_and_skip_no_level(tmp_path):
    commentary = read(tmp_path, "## Transport\n\ntext\n\n#### Detail\n\n## Money\n")
    html = commentary.body_html()
    assert "<h4>Transport</h4>" in html
    assert "<h5>Detail</h5>" in html
    assert "<h4>Money</h4>" in html


def test_read_commentary_asks_are_the_sentences_listed(tmp_path):
    commentary = read(
        tmp_path,
        "---\nasks:\n  - Agree a revised date of 31 January 2027 for the transport review.\n"
        "  - ' Note the risk register. '\n---\nBody\n",
    )
    assert commentary.asks == (
        "Agree a revised date of 31 January 2027 for the transport review.",
        "Note the risk register.",
    )


def test_read_commentary_without_asks_has_none(tmp_path):
    assert read(tmp_path, "---\noverall_rag: red\n---\nBody\n").asks == ()


def test_read_commentary_asks_that_are_not_sentences_name_their_lines(tmp_path):
    with pytest.raises(DataError) as caught:
        read(tmp_path, "---\nasks:\n  - Agree the plan.\n  - ''\n  - {a: b}\n---\n")
    expected = (
        "expected a list of sentences, each what the board is asked to do (at most 500 characters)"
    )
    assert [str(p) for p in caught.value.problems] == [
        f"commentary/2026-11-05.md, line 4, column 'asks[1]': {expected}",
        f"commentary/2026-11-05.md, line 5, column 'asks[2]': {expected}",
    ]
    with pytest.raises(DataError) as caught:
        read(tmp_path, "---\nasks: Agree the plan.\n---\n")
    assert [str(p) for p in caught.value.problems] == [
        f"commentary/2026-11-05.md, line 2, column 'asks': {expected}"
    ]


def test_section_is_the_text_under_a_heading_to_the_next_of_its_level(tmp_path):
    commentary = read(
        tmp_path,
        "# Overall\nAll fine.\n\n## Identifying need\nStill red.\n\n### Detail\nMore.\n\n"
        "## Transport\nBetter.\n",
    )
    section = commentary.section(["identifying NEED "])
    assert section.body == "Still red.\n\n### Detail\nMore.\n\n"
    assert section.body_html(top_level=3) == "<p>Still red.</p>\n<h3>Detail</h3>\n<p>More.</p>\n"
    assert commentary.section(["Transport"]).body == "Better.\n"
    assert commentary.section(["Access"]) is None


def test_read_commentary_knows_the_lines_of_its_body_and_asks(tmp_path):
    commentary = read(
        tmp_path, "---\noverall_rag: A\nasks:\n- Agree one.\n- Note two.\n---\n\nBody\n"
    )
    assert (commentary.body_line, commentary.ask_lines) == (7, (4, 5))
    assert commentary.body.splitlines()[8 - commentary.body_line] == "Body"
