"""Each kind of personal detail is removed, and ordinary text is left alone."""

import pytest

from boardbrief.privacy.redaction import Redactor

redact = Redactor(["Alfie", "Mrs Whittaker", "Whittaker"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mail jo.bloggs+send@example.co.uk now", "Mail [email removed] now"),
        ("Call 07700 900123.", "Call [phone number removed]."),
        ("Call 07700900123", "Call [phone number removed]"),
        ("Call +44 7700 900123", "Call [phone number removed]"),
        ("Call +44 (0)7700 900123", "Call [phone number removed]"),
        ("Ring (01632) 960123", "Ring [phone number removed]"),
        (
            "Ring 0161 496 0000 or 020 7946 0000",
            "Ring [phone number removed] or [phone number removed]",
        ),
        ("We live at PR1 2XY.", "We live at [postcode removed]."),
        ("near bb5 2su", "near [postcode removed]"),
        ("in OL138LF", "in [postcode removed]"),
        ("born 14/03/2015", "born [date removed]"),
        ("DOB 14.3.15", "DOB [date removed]"),
        ("born 2015-03-14", "born [date removed]"),
        ("born on the 14th of March 2015", "born on the [date removed]"),
        ("born March 14, 2015", "born [date removed]"),
        ("alfie is 9", "[name removed] is 9"),
        ("Mrs Whittaker said", "[name removed] said"),
    ],
)
def test_redactor_removes_each_kind_of_detail(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "We waited 20 weeks and 14 months",
        "It cost £1,000 in 2015",
        "Alfiesson is not a listed name",
        "Year 6, aged 7, on the M6",
        "Reference 123456789012 on the letter",
    ],
)
def test_redactor_leaves_ordinary_text(text):
    assert redact(text) == text


def test_redactor_without_names_still_removes_details():
    assert Redactor([])("Alfie, 07700 900123") == "Alfie, [phone number removed]"
