"""`feedback_coding.csv` for the Northshire fixture, read back as a spreadsheet would get it.

Every expected cell is worked out by hand from tests/fixtures/northshire and its themes.yml.
"""

import csv

from boardbrief.contract.load import load_board_data
from boardbrief.contract.meeting import load_meeting
from boardbrief.publish.analyst_tables import analyst_tables
from boardbrief.publish.exports import write_csvs
from boardbrief.publish.feedback_coding_export import FEEDBACK_CODING_CSV


def test_feedback_coding_names_each_comment_its_themes_and_how_each_was_coded(board_dir, tmp_path):
    tables = analyst_tables(load_meeting(board_dir, "2026-05-12"))
    (path,) = write_csvs({FEEDBACK_CODING_CSV: tables[FEEDBACK_CODING_CSV]}, tmp_path)
    assert path.read_bytes().startswith(b"\xef\xbb\xbfmeeting,feedback_id,date,")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows == [
        ["meeting", "feedback_id", "date", "district", "respondent", "source_file", "source_row", "in_period", "themes", "how_coded"],
        ["2026-05-12", "D-1", "2026-03-02", "Eastmoor", "parent", "feedback/dropins.csv", "2", "no", "waiting", "waiting: waited, assessment"],
        ["2026-05-12", "D-2", "2026-03-20", "Eastmoor", "parent", "feedback/dropins.csv", "3", "no", "voice", "voice: calls back"],
        ["2026-05-12", "D-3", "2026-04-02", "Westvale", "carer", "feedback/dropins.csv", "4", "no", "praise", "praise: brilliant"],
        ["2026-05-12", "D-4", "2026-04-20", "Eastmoor", "parent", "feedback/dropins.csv", "5", "yes", "waiting", "waiting: speech therapy"],
        ["2026-05-12", "D-5", "2026-04-21", "Eastmoor", "young person", "feedback/dropins.csv", "6", "yes", "voice", "voice: say in my plan"],
        ["2026-05-12", "D-6", "2026-04-28", "Westvale", "parent", "feedback/dropins.csv", "7", "yes", "travel", "travel: transport"],
        ["2026-05-12", "D-7", "2026-05-06", "Eastmoor", "parent", "feedback/dropins.csv", "8", "yes", "praise", "praise: helped"],
        ["2026-05-12", "S-1", "2026-04-16", "Kirkby Fell", "parent", "feedback/survey.csv", "2", "yes", "travel", "travel: travel"],
        ["2026-05-12", "S-2", "2026-05-01", "Eastmoor", "professional", "feedback/survey.csv", "3", "yes", "waiting", "waiting: referrals"],
        ["2026-05-12", "S-3", "2026-05-10", "", "parent", "feedback/survey.csv", "4", "yes", "waiting; voice", "waiting: coded by the analyst; voice: coded by the analyst"],
        ["2026-05-12", "S-4", "2026-03-05", "Westvale", "other", "feedback/survey.csv", "5", "no", "", ""],
    ]  # fmt: skip


def test_feedback_coding_leaves_out_comments_after_the_meeting_and_all_comment_text(board_dir):
    every_comment = load_board_data(board_dir).feedback  # the meeting's data is cut to it
    table = analyst_tables(load_meeting(board_dir, "2026-05-12"))[FEEDBACK_CODING_CSV]
    later = every_comment[~every_comment["feedback_id"].isin(table["feedback_id"])]
    assert len(later) == 1 and (later["date"] > "2026-05-12").all()  # D-8, dated after it
    cells = {str(cell) for row in table.itertuples(index=False) for cell in row}
    for comment in every_comment["comment"]:
        assert not any(comment in cell for cell in cells)


def test_feedback_coding_of_a_formula_like_comment_id_comes_out_neutralised(
    board_dir, tmp_path, edit
):
    edit(board_dir / "feedback/survey.csv", "S-4,2026-03-05", "=HYPERLINK(1),2026-03-05")
    tables = analyst_tables(load_meeting(board_dir, "2026-05-12"))
    (path,) = write_csvs({FEEDBACK_CODING_CSV: tables[FEEDBACK_CODING_CSV]}, tmp_path)
    last = path.read_bytes().decode("utf-8-sig").split("\r\n")[-2]
    assert last == "2026-05-12,'=HYPERLINK(1),2026-03-05,Westvale,other,feedback/survey.csv,5,no,,"
