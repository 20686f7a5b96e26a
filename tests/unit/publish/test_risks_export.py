"""risks.csv: the register as the paper scores it, with movement, and never the mitigations."""

from boardbrief.contract.meeting import load_meeting
from boardbrief.publish.analyst_tables import analyst_tables
from boardbrief.publish.risks_export import RISKS_CSV, risks_table
from boardbrief.sections.action_plan import action_plan_status
from boardbrief.sections.risks import risk_status

HEADER = "risk_id,title,owner,priority_area,likelihood,impact,mitigation,status\n"


def add_registers(board_dir):
    (board_dir / "risks").mkdir()
    (board_dir / "risks" / "2026-04-01.csv").write_text(
        HEADER
        + "R1,Therapists leave,nhs_north,waits,3,4,Retention offer,open\n"
        + "R9,Venue lost,pcf,voice,2,2,Second venue,open\n",
        encoding="utf-8",
    )
    (board_dir / "risks" / "2026-05-01.csv").write_text(
        HEADER
        + "R1,Therapists leave,nhs_north,waits,4,4,Retention offer,open\n"
        + "R2,College places short,college,,1,3,Early talks,closed\n",
        encoding="utf-8",
    )


def test_risks_table_scores_rates_and_moves_each_risk(board_dir):
    add_registers(board_dir)
    meeting = load_meeting(board_dir, "2026-05-12")
    table = risks_table(risk_status(meeting, action_plan_status(meeting)))
    rows = table.astype(object).where(table.notna(), None).values.tolist()
    assert rows == [
        ["R1", "Therapists leave", "nhs_north", "waits", "open", 4, 4, 16, "red", 12, "up"],
        ["R2", "College places short", "college", "", "closed", 1, 3, 3, "", None, ""],
        ["R9", "Venue lost", "", "", "removed", None, None, None, "", 4, "closed"],
    ]
    assert "mitigation" not in table.columns


def test_analyst_tables_add_risks_only_for_a_board_with_a_register(board_dir):
    assert RISKS_CSV not in analyst_tables(load_meeting(board_dir, "2026-05-12"))
    add_registers(board_dir)
    assert RISKS_CSV in analyst_tables(load_meeting(board_dir, "2026-05-12"))
