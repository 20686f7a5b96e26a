"""The front sheet and the risks section at the Northshire fixture, with and without a register."""

import datetime as dt

import pandas as pd

from boardbrief import views
from boardbrief.contract.meeting import load_meeting
from boardbrief.sections.action_plan import action_plan_status
from boardbrief.sections.front_sheet import front_sheet, rating_movement
from boardbrief.sections.risks import risk_status
from boardbrief.views.front_sheet import movement_sentence, purpose_sentence

HEADER = "risk_id,title,owner,priority_area,likelihood,impact,mitigation,status\n"


def with_register_and_asks(board_dir):
    (board_dir / "risks").mkdir()
    (board_dir / "risks" / "2026-04-01.csv").write_text(
        HEADER + "R1,Therapists leave,nhs_north,waits,3,4,Retention payments,open\n",
        encoding="utf-8",
    )
    (board_dir / "risks" / "2026-05-01.csv").write_text(
        HEADER
        + "R1,Therapists leave,nhs_north,waits,4,4,Retention payments,open\n"
        + "R2,Drop-in venue lost,pcf,voice,2,3,Second venue booked,open\n"
        + "R3,College places short,college,prep,3,3,Talks with the college,open\n"
        + "R4,Forum volunteers stand down,pcf,voice,1,2,Recruitment drive,open\n",
        encoding="utf-8",
    )
    commentary = board_dir / "commentary" / "2026-05-12.md"
    body = commentary.read_text(encoding="utf-8")
    commentary.write_text(
        "---\noverall_rag: red\nasks:\n- Agree a revised date of 31 July 2026 for W1.\n---\n"
        + body,
        encoding="utf-8",
    )
    plan = board_dir / "actions" / "2026-05-05.csv"
    lines = plan.read_text(encoding="utf-8").splitlines()
    lines[0] += ",revised_due_date"
    lines[1:] = [line + (",2026-07-31" if line.startswith("W1,") else ",") for line in lines[1:]]
    plan.write_text("\n".join(lines) + "\n", encoding="utf-8")


def sheet_for(board_dir):
    meeting = load_meeting(board_dir, "2026-05-12")
    plan = action_plan_status(meeting)
    risks = risk_status(meeting, plan)
    return front_sheet(meeting, plan, risks), risks


def test_rating_movement_in_every_direction():
    assert [
        rating_movement("amber", "red"),
        rating_movement("red", "amber"),
        rating_movement("green", "green"),
        rating_movement("blue", "green"),
        rating_movement("red", None),
    ] == ["better", "worse", "the same", "better", None]


def test_front_sheet_with_asks_risks_and_a_revised_date(board_dir):
    with_register_and_asks(board_dir)
    sheet, _ = sheet_for(board_dir)
    assert sheet.asks == ("Agree a revised date of 31 July 2026 for W1.",)
    # assessed red now, but the previous meeting has no assessment: the rule's ratings compare
    assert (sheet.rating, sheet.assessed, sheet.previous_rating) == ("red", False, "red")
    assert sheet.top_risks["risk_id"].tolist() == ["R1", "R3", "R2"]
    assert sheet.late.values.tolist() == [
        [
            "W1",
            "Cut the assessment backlog",
            "North Health NHS Trust",
            pd.Timestamp("2026-04-30"),
            12,
            pd.Timestamp("2026-07-31"),
        ]
    ]
    assert purpose_sentence(sheet) == (
        "This paper reports to the Northshire SEND Improvement Board on the SEND improvement "
        "plan for its meeting of 12 May 2026: what the board is asked to decide, whether the "
        "plan is on track, what is at risk and what is late and whose it is."
    )
    assert movement_sentence(sheet) == (
        "The overall rating, derived from the action plan, is red: the same as at the meeting "
        "of 14 April 2026."
    )
    html = views.front_sheet(sheet).markup
    for text in (
        "The board is asked to",
        "Agree a revised date of 31 July 2026 for W1.",
        "The highest risks",
        "Therapists leave",
        "Retention payments",
        "Late actions",
        "31 July 2026",
    ):
        assert text in html
    assert "R4" not in html  # only the three highest


def test_front_sheet_without_register_or_asks_has_no_heading_for_them(board_dir):
    sheet, risks = sheet_for(board_dir)
    assert risks is None
    html = views.front_sheet(sheet).markup
    assert "asked to" not in html and "risk" not in html.lower()
    assert "Late actions" in html and "None given" in html
    assert "what is at risk" not in purpose_sentence(sheet)
    for view in (views.risks_summary, views.open_risks, views.risk_matrix_view):
        assert view(risks) is None
    assert views.not_on_register(risks) is None


def test_risks_section_sentences_table_and_matrix_in_words(board_dir):
    with_register_and_asks(board_dir)
    _, risks = sheet_for(board_dir)
    assert views.risks_summary(risks).markup.count("<p>") == 3
    from boardbrief.views.risks import matrix_in_words, summary_sentences

    assert summary_sentences(risks) == [
        "The risk register of 1 May 2026 holds 4 open risks: 1 red, 1 amber and 2 green.",
        "Since the last register: 3 new, 0 closed, 1 with a higher score and 0 with a lower one.",
        "Each risk is scored likelihood times impact, each from 1 to 5: red at 15 or more, "
        "amber from 8 to 14, green at 7 or less.",
    ]
    table = views.open_risks(risks)
    assert [row.cells[0] for row in table.rows] == [
        "R1: Therapists leave",
        "R3: College places short",
        "R2: Drop-in venue lost",
        "R4: Forum volunteers stand down",
    ]
    assert table.rows[0].cells[2] == "4 x 4 = 16" and table.rows[0].cells[4] == "Score up"
    assert matrix_in_words(risks) == (
        "In words: R1 likelihood 4, impact 4 (red); R3 likelihood 3, impact 3 (amber); "
        "R2 likelihood 2, impact 3 (green); R4 likelihood 1, impact 2 (green)."
    )
    matrix = views.risk_matrix_view(risks).markup
    assert matrix.count("<tr>") == 6  # a header row and impact 5 down to 1
    assert 'class="matrix-cell matrix-red">R1<' in matrix
    assert "Every action that is overdue and stuck" in views.not_on_register(risks).markup
    assert risks.register_date == dt.date(2026, 5, 1)
