"""Reading CSV and XLSX tables as text with spreadsheet row numbers."""

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import Workbook

from boardbrief.contract.problems import DataError
from boardbrief.contract.read_tables import read_table


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def problems(path: Path, required: list[str]) -> list[str]:
    with pytest.raises(DataError) as caught:
        read_table(path, path.name, required)
    return [str(p) for p in caught.value.problems]


def test_read_table_with_bom_strips_it_and_keeps_row_numbers(tmp_path):
    path = write(tmp_path / "t.csv", "\ufeffA , b\n 1 ,x\n,\n2,y\n".encode())
    table = read_table(path, "t.csv", ["a", "b"])
    assert table.columns.tolist() == ["a", "b"]
    assert table.index.tolist() == [2, 4]  # the blank row 3 is dropped, numbering kept
    assert table["a"].tolist() == ["1", "2"]


def test_read_table_short_rows_are_padded_with_blanks(tmp_path):
    path = write(tmp_path / "t.csv", b"a,b,c\n1\n")
    assert read_table(path, "t.csv", ["a"]).iloc[0].tolist() == ["1", "", ""]


def test_read_table_quoted_newline_counts_as_one_row(tmp_path):
    path = write(tmp_path / "t.csv", b'a,b\n1,"two\nlines"\n2,z\n')
    assert read_table(path, "t.csv", ["a"]).index.tolist() == [2, 3]


def test_read_table_not_utf8_names_the_row(tmp_path):
    path = write(tmp_path / "t.csv", "a,b\n1,ok\n2,caf\u00e9\n".encode("cp1252"))
    assert problems(path, ["a"]) == [
        "t.csv, row 3: expected UTF-8 text, but byte 0xe9 is not UTF-8 "
        "(in Excel, save as 'CSV UTF-8')"
    ]


def test_read_table_empty_file_asks_for_a_header(tmp_path):
    path = write(tmp_path / "t.csv", b"")
    assert problems(path, ["a", "b"]) == ["t.csv: expected a header row naming the columns a, b"]


def test_read_table_missing_columns_are_all_named(tmp_path):
    path = write(tmp_path / "t.csv", b"a\n1\n")
    assert problems(path, ["a", "b", "c"]) == [
        "t.csv, row 1, column 'b': expected a column named 'b' in the header row",
        "t.csv, row 1, column 'c': expected a column named 'c' in the header row",
    ]


def test_read_table_unquoted_comma_is_reported(tmp_path):
    path = write(tmp_path / "t.csv", b"a,b\n1,x\n2,y,z\n")
    assert problems(path, ["a"]) == [
        "t.csv, row 3: expected at most 2 cells, as in the header, but found 3 "
        "(a value containing a comma must be in double quotes)"
    ]


def test_read_table_xlsx_dates_and_numbers_become_contract_text(tmp_path):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["line_id", "when", "amount", "note"])
    sheet.append(["L1", dt.datetime(2026, 5, 1), 1250.0, None])
    sheet.append(["L2", dt.date(2026, 5, 2), 10.5, "x"])
    path = tmp_path / "t.xlsx"
    workbook.save(path)
    table = read_table(path, "t.xlsx", ["line_id"])
    assert table.to_dict("records") == [
        {"line_id": "L1", "when": "2026-05-01", "amount": "1250", "note": ""},
        {"line_id": "L2", "when": "2026-05-02", "amount": "10.50", "note": "x"},
    ]


def test_read_table_damaged_xlsx_is_reported(tmp_path):
    path = write(tmp_path / "t.xlsx", b"not a zip file")
    assert problems(path, ["a"]) == [
        "t.xlsx: expected an Excel .xlsx workbook, but it could not be opened as one"
    ]


def test_read_table_not_utf8_counts_rows_not_lines(tmp_path):
    data = 'a,b\n1,"three\nline\ncomment"\n2,caf\u00e9\n'.encode("cp1252")
    path = write(tmp_path / "t.csv", data)
    assert problems(path, ["a"])[0].startswith("t.csv, row 3: expected UTF-8 text")


def test_read_table_excel_arithmetic_is_rounded_to_pence(tmp_path):
    workbook = Workbook()
    workbook.active.append(["amount", "share"])
    workbook.active.append([60000.249999999993, 0.333])
    path = tmp_path / "t.xlsx"
    workbook.save(path)
    assert read_table(path, "t.xlsx", ["amount"]).iloc[0].tolist() == ["60000.25", "0.333"]


def test_read_table_repeated_column_is_refused(tmp_path):
    path = write(tmp_path / "t.csv", b"a,b,A\n1,2,3\n")
    assert problems(path, ["a"]) == [
        "t.csv, row 1, column 'a': expected each column name once in the header"
    ]


def test_read_table_folder_named_like_a_table_is_reported(tmp_path):
    (tmp_path / "t.csv").mkdir()
    assert problems(tmp_path / "t.csv", ["a"]) == [
        "t.csv: expected a file that can be read (is a directory)"
    ]


def test_read_table_accents_are_composed_one_way(tmp_path):
    decomposed = "E\u0301astmoor"  # E + combining acute, as some systems type it
    path = write(tmp_path / "t.csv", f"district\n{decomposed}\n".encode())
    assert read_table(path, "t.csv", ["district"]).iloc[0, 0] == "\u00c9astmoor"


def test_read_table_overlong_cell_names_the_row_not_a_crash(tmp_path):
    path = write(tmp_path / "t.csv", b"a,b\n1,ok\n2," + b"x" * 200_000 + b"\n")
    assert problems(path, ["a"]) == [
        "t.csv, row 3: expected cells of at most 131,072 characters "
        "(a longer one was found, or a double quote was left open)"
    ]


def test_read_table_formula_without_saved_result_is_refused_not_blank(tmp_path):
    workbook = Workbook()
    workbook.active.append(["A", " Total "])
    workbook.active.append([1, "=A2*2"])
    workbook.active.append([2, None])
    workbook.save(tmp_path / "t.xlsx")
    assert problems(tmp_path / "t.xlsx", ["a"]) == [
        "t.xlsx, row 2, column 'total': found '=A2*2', expected a value, but this formula has no "
        "saved result (open the file in Excel and save it, or type the value)"
    ]


def test_header_not_in_row_1_names_the_sheet_and_shows_row_1(tmp_path):
    workbook = Workbook()
    workbook.active.title = "Instructions"
    workbook.active.append(["How to fill in this tracker", None, "v2"])
    workbook.create_sheet("Tracker").append(["a", "b"])
    workbook.save(tmp_path / "t.xlsx")
    assert problems(tmp_path / "t.xlsx", ["a", "b"]) == [
        "t.xlsx, row 1: found 'How to fill in this tracker | v2', expected the header row "
        "(a, b) in row 1 of the first worksheet, 'Instructions' (only the first is read); the "
        "worksheet 'Tracker' has that header: move it first"
    ]


def test_header_below_title_rows_is_found(tmp_path):
    workbook = Workbook()
    workbook.active.title = "May"
    for row in (["Action plan tracker"], [], [" A ", "B"], ["1", "2"]):
        workbook.active.append(row)
    workbook.save(tmp_path / "t.xlsx")
    assert problems(tmp_path / "t.xlsx", ["a", "b"]) == [
        "t.xlsx, row 1: found 'Action plan tracker', expected the header row (a, b) in row 1 of "
        "the first worksheet, 'May' (only the first is read); the header is in row 3: delete "
        "the rows above it"
    ]
    path = write(tmp_path / "t.csv", b"Tracker, May\na,b\n")
    assert problems(path, ["a", "b"]) == [
        "t.csv, row 1: found 'Tracker | May', expected the header row (a, b) in row 1; the "
        "header is in row 2: delete the rows above it"
    ]
