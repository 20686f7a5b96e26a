"""The outline: heading ids, sections and the contents list, made from the notebook's Markdown."""

import nbformat

from boardbrief.publish.outline import OutlinePreprocessor, UniqueIds, render_markdown, slug


def test_slug_is_short_lowercase_ascii():
    assert slug("Impact: what the published statistics show") == (
        "impact-what-the-published-statistics-show"
    )
    assert slug("Children's community health waiting lists") == (
        "children-s-community-health-waiting-lists"
    )
    assert slug("Où l'argent va?") == "ou-l-argent-va"
    assert slug("¿?") == "section"


def test_repeated_headings_get_numbered_ids():
    ids = UniqueIds({"contents"})
    assert [ids.claim(t) for t in ["Ratings", "Ratings", "Contents", "Ratings"]] == [
        "ratings",
        "ratings-2",
        "contents-2",
        "ratings-3",
    ]


def test_markdown_headings_get_ids_and_raw_html_is_text():
    html, headings, opens = render_markdown(
        "## Action plan\n\n<script>alert(1)</script>\n\n### Is it changing?\n", UniqueIds()
    )
    assert '<h2 id="action-plan">Action plan</h2>' in html
    assert '<h3 id="is-it-changing">Is it changing?</h3>' in html
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert [(h.level, h.text, h.id) for h in headings] == [
        (2, "Action plan", "action-plan"),
        (3, "Is it changing?", "is-it-changing"),
    ]
    assert opens


def test_a_cell_opens_a_section_only_when_it_starts_with_a_level_2_heading():
    assert not render_markdown("Some words\n\n## Later", UniqueIds())[2]
    assert not render_markdown("### Smaller", UniqueIds())[2]


def _notebook(*sources: str, contents_at: int | None = None) -> nbformat.NotebookNode:
    cells = [nbformat.v4.new_markdown_cell(s) for s in sources]
    if contents_at is not None:
        cells[contents_at].metadata["tags"] = ["contents"]
    return nbformat.v4.new_notebook(cells=cells)


def test_preprocessor_marks_sections_and_collects_contents():
    notebook = _notebook(
        "placeholder", "## Summary", "### Detail", "words", "## Summary", "text", contents_at=0
    )
    notebook, resources = OutlinePreprocessor().preprocess(notebook, {})
    cells = notebook.cells
    assert "briefing_html" not in cells[0]  # the contents cell is the template's to fill
    assert [c.get("section_id") for c in cells[1:]] == ["summary", None, None, "summary-2", None]
    assert [c.get("closes_section") for c in cells[1:]] == [False, False, False, True, False]
    assert [(h.text, h.id) for h in resources["outline"]["contents"]] == [
        ("Summary", "summary"),
        ("Summary", "summary-2"),
    ]
    assert resources["outline"]["section_open"]


def test_preprocessor_leaves_out_headings_with_nothing_under_them():
    empty_view = nbformat.v4.new_code_cell(
        outputs=[nbformat.v4.new_output("display_data", {"text/html": "", "text/plain": "x"})]
    )
    shown = nbformat.v4.new_code_cell(
        outputs=[nbformat.v4.new_output("display_data", {"text/html": "<p>a table</p>"})]
    )
    notebook = _notebook("## Action plan", "## Impact", "### Measures", "### Waits", "## About")
    notebook.cells[1:1] = [shown]
    notebook.cells[3:3] = [empty_view]
    notebook.cells[5:5] = [empty_view.copy()]
    notebook.cells.append(empty_view.copy())
    notebook.cells.append(shown.copy())
    notebook, resources = OutlinePreprocessor().preprocess(notebook, {})
    kept = [c.source if c.cell_type == "markdown" else len(c.outputs) for c in notebook.cells]
    assert kept == ["## Action plan", 1, 0, 0, "## About", 0, 1]
    assert [h.text for h in resources["outline"]["contents"]] == ["Action plan", "About"]


def test_preprocessor_with_no_sections_leaves_none_open():
    _, resources = OutlinePreprocessor().preprocess(_notebook("just words"), {})
    assert resources["outline"] == {"contents": [], "section_open": False}


def test_css_string_keeps_board_names_as_text_inside_the_style_element():
    from boardbrief.publish.outline import css_string

    assert css_string("Lancashire SEND Partnership Board: briefing for 2026-11-05") == (
        "Lancashire SEND Partnership Board: briefing for 2026-11-05"
    )
    escaped = css_string('Board "x" </style><script>\\ & \n')
    assert escaped == "Board \\22 x\\22  \\3C /style\\3E \\3C script\\3E \\5C  \\26  \\A "
    assert not set('"<>\\\n') & set(escaped.replace("\\", ""))


def test_a_heading_is_dropped_when_the_cells_under_it_show_nothing():
    from boardbrief.publish.outline import without_empty_headings

    v4 = nbformat.v4
    shown = v4.new_code_cell(
        "views.a(x)", outputs=[v4.new_output("display_data", {"text/html": "<p>a</p>"})]
    )
    cells = [
        v4.new_markdown_cell("## Shown"),
        v4.new_code_cell("views.none(x)"),
        shown,
        v4.new_markdown_cell("### Empty"),
        v4.new_code_cell("views.none(x)"),
        v4.new_markdown_cell("## Empty too"),
        v4.new_code_cell("views.none(x)"),
        v4.new_markdown_cell("### Empty at the end"),
    ]
    kept = without_empty_headings(cells)
    assert [c.source for c in kept if c.cell_type == "markdown"] == ["## Shown"]
    assert len(kept) == 5
