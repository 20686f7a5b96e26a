"""Coding comments by the codebook: whole words, several themes, and the analyst's override."""

import pandas as pd
import pytest

from boardbrief.contract.codebook import Codebook, ThemeMatcher, code_comments, load_codebook
from boardbrief.contract.problems import DataError

CODEBOOK = Codebook.model_validate(
    {
        "themes": [
            {"id": "ehcp", "name": "EHCP delays", "phrases": ["EHCP", "20 weeks"]},
            {"id": "transport", "name": "Transport", "phrases": ["school transport", "taxi"]},
            {"id": "school", "name": "School places", "phrases": ["school"]},
            {"id": "voice", "name": "Being heard", "phrases": ["listened to", "don't listen"]},
        ]
    }
)


def themes_of(comments: list[str], analyst: list[str] | None = None) -> list[list[str]]:
    frame = pd.DataFrame({"comment": comments})
    if analyst is not None:
        frame["theme"] = analyst
    coded = code_comments(frame, CODEBOOK)
    return [coded.loc[coded["row"] == i, "theme"].tolist() for i in range(len(comments))]


def test_code_comments_whole_words_only_ignoring_case():
    assert themes_of(["Our ehcp is late", "EHCPs everywhere", "the ehcpteam", "a TAXI"]) == [
        ["ehcp"],
        [],  # 'EHCPs' is another word
        [],  # a phrase inside another word does not count
        ["transport"],
    ]


def test_code_comments_several_themes_in_codebook_order():
    assert themes_of(["School transport broke down and the EHCP took 20 weeks"]) == [
        ["ehcp", "transport", "school"]  # 'school transport' also carries 'school'
    ]


def test_code_comments_phrases_span_any_spacing_and_curly_apostrophes():
    assert themes_of(["They don\u2019t listen", "never  listened\nto"]) == [["voice"], ["voice"]]


def test_code_comments_analyst_coding_replaces_the_codebook_for_that_row():
    assert themes_of(
        ["The EHCP is late", "The EHCP is late", "nothing here"],
        ["", "voice; School", "transport"],
    ) == [["ehcp"], ["voice", "school"], ["transport"]]


def test_code_comments_marks_where_each_theme_came_from():
    frame = pd.DataFrame({"comment": ["taxi", "taxi"], "theme": ["", "voice"]})
    coded = code_comments(frame, CODEBOOK)
    assert coded[["row", "theme", "source"]].values.tolist() == [
        [0, "transport", "codebook"],
        [1, "voice", "analyst"],
    ]


def test_theme_matcher_no_match_gives_empty_table():
    assert ThemeMatcher(CODEBOOK).themes(pd.Series(["nothing to see"])).empty


def test_load_codebook_checks_areas_and_repeats(tmp_path):
    (tmp_path / "themes.yml").write_text(
        "themes:\n  - {id: a, name: A, priority_area: nowhere, phrases: [x]}\n"
        "  - {id: A, name: B, phrases: [y]}\n",
        encoding="utf-8",
    )
    with pytest.raises(DataError) as caught:
        load_codebook(tmp_path, ["access"])
    assert [str(p) for p in caught.value.problems] == [
        "themes.yml, line 1, column 'themes': expected unique theme ids (ignoring case); "
        "repeated: a and A"
    ]


def test_load_codebook_unknown_area_is_named(tmp_path):
    (tmp_path / "themes.yml").write_text(
        "themes:\n  - {id: a, name: A, priority_area: nowhere, phrases: [x]}\n", encoding="utf-8"
    )
    with pytest.raises(DataError) as caught:
        load_codebook(tmp_path, ["access"])
    assert [str(p) for p in caught.value.problems] == [
        "themes.yml, line 2, column 'themes[0].priority_area': found 'nowhere', expected a "
        "priority area id from board.yml (access)"
    ]


def test_load_codebook_unknown_area_gives_its_line_and_the_ids(tmp_path):
    (tmp_path / "themes.yml").write_text(
        "themes:\n- id: a\n  name: A\n  phrases: [x]\n"
        "- id: b\n  name: B\n  priority_area: acess\n  phrases: [y]\n",
        encoding="utf-8",
    )
    with pytest.raises(DataError) as caught:
        load_codebook(tmp_path, ["access", "identifying_need"])
    assert [str(p) for p in caught.value.problems] == [
        "themes.yml, line 7, column 'themes[1].priority_area': found 'acess', expected a "
        "priority area id from board.yml (access, identifying_need)"
    ]


def test_unknown_analyst_theme_is_reported(board_dir, edit):
    from boardbrief.contract.load import load_board_data

    edit(board_dir / "feedback/survey.csv", "voice; Waiting", "voice; queues")
    with pytest.raises(DataError) as caught:
        load_board_data(board_dir)
    assert [str(p) for p in caught.value.problems] == [
        "feedback/survey.csv, row 4, column 'theme': found 'voice; queues', expected theme ids "
        "from themes.yml separated by ';' (praise, travel, voice, waiting)"
    ]
