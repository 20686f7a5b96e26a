"""Safe CSV writing: formula-like text neutralised, numbers kept, the same bytes, whole files."""

import csv
import math
from decimal import Decimal

import numpy as np
import pandas as pd
import pytest

from boardbrief.publish.exports import neutralise, write_csv, write_csvs


@pytest.mark.parametrize(
    "text",
    ["=1+1", "+44 1234", "-2+3", "@SUM(A1)", "\t=1+1", "\r=1+1", '=HYPERLINK("http://x","y")'],
)
def test_neutralise_text_starting_a_formula_gets_a_quote(text):
    assert neutralise(text) == "'" + text


@pytest.mark.parametrize("text", ["  =1+1", " \n@SUM(A1)", "\u00a0-1"])
def test_neutralise_formula_after_leading_whitespace_gets_a_quote(text):
    assert neutralise(text) == "'" + text  # some importers trim the spaces, then run the rest


@pytest.mark.parametrize(
    "number", [-5, -1.5, Decimal("-1.50"), np.int64(-3), np.float64(-0.875), 0, 12000]
)
def test_neutralise_numbers_stay_numbers_even_negative(number):
    assert neutralise(number) is number


@pytest.mark.parametrize("missing", [None, math.nan, np.nan, pd.NA, pd.NaT])
def test_neutralise_missing_values_are_empty(missing):
    assert neutralise(missing) == ""


@pytest.mark.parametrize(
    "text", ["Drop-in room", "a=b", "Publish 'you said, we did'", "£1,250", "[c]", "", "Zoë"]
)
def test_neutralise_plain_text_is_unchanged(text):
    assert neutralise(text) == text


def test_neutralise_text_that_looks_negative_is_still_text():
    assert neutralise("-5") == "'-5"  # only numbers pass unquoted: text is judged as text


def test_write_csv_bytes_bom_crlf_quoting_and_neutralising(tmp_path):
    frame = pd.DataFrame(
        {
            "name": ["Zoë's forum", "=cmd", "a, b", 'say "hi"'],
            "amount": [Decimal("120000.50"), Decimal("-1.50"), None, -2],
        }
    )
    path = write_csv(frame, tmp_path / "t.csv")
    assert path == tmp_path / "t.csv"
    assert path.read_bytes() == (
        b"\xef\xbb\xbfname,amount\r\n"
        b"Zo\xc3\xab's forum,120000.50\r\n"
        b"'=cmd,-1.50\r\n"
        b'"a, b",\r\n'
        b'"say ""hi""",-2\r\n'
    )


def test_write_csv_reads_back_with_the_csv_module(tmp_path):
    frame = pd.DataFrame({"title": ['=HYPERLINK("http://evil","x")', "line\nbreak"], "n": [1, 2]})
    path = write_csv(frame, tmp_path / "t.csv")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows == [["title", "n"], ['\'=HYPERLINK("http://evil","x")', "1"], ["line\nbreak", "2"]]


def test_write_csv_same_table_same_bytes(tmp_path):
    frame = pd.DataFrame({"a": ["x", "£"], "b": [0.1, -0.875]})
    first = write_csv(frame, tmp_path / "one.csv").read_bytes()
    second = write_csv(frame.copy(), tmp_path / "two.csv").read_bytes()
    assert first == second


class Unprintable:
    def __str__(self) -> str:
        raise RuntimeError("the disk filled up")


def test_write_csvs_failure_keeps_earlier_files_and_leaves_no_temporary(tmp_path):
    (tmp_path / "a.csv").write_text("earlier a", encoding="utf-8")
    (tmp_path / "b.csv").write_text("earlier b", encoding="utf-8")
    frames = {
        "a.csv": pd.DataFrame({"x": [1]}),
        "b.csv": pd.DataFrame({"x": ["fine", Unprintable()]}),
    }
    with pytest.raises(RuntimeError, match="disk filled"):
        write_csvs(frames, tmp_path)
    assert (tmp_path / "a.csv").read_text(encoding="utf-8") == "earlier a"  # not half a set
    assert (tmp_path / "b.csv").read_text(encoding="utf-8") == "earlier b"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.csv", "b.csv"]


def test_write_csvs_replaces_an_earlier_export(tmp_path):
    (tmp_path / "a.csv").write_text("earlier", encoding="utf-8")
    written = write_csvs({"a.csv": pd.DataFrame({"x": [1]})}, tmp_path)
    assert written == [tmp_path / "a.csv"]
    assert (tmp_path / "a.csv").read_bytes() == b"\xef\xbb\xbfx\r\n1\r\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.csv"]
