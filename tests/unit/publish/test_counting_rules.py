"""docs/counting-rules.md states every rule `trace` prints, in the same words, and no other."""

import re
from pathlib import Path

from boardbrief import views
from boardbrief.contract.meeting import load_meeting
from boardbrief.publish.trace import ALL_RULES
from boardbrief.sections.feedback import HIDDEN
from tests.conftest import NORTHSHIRE

DOC = Path(__file__).resolve().parents[3] / "docs" / "counting-rules.md"
RULE_LINE = re.compile(r"^- \*\*(?P<pattern>[^*]+)\*\*: (?P<text>.+)$")


def doc_rules() -> dict[str, str]:
    found: dict[str, str] = {}
    for line in DOC.read_text(encoding="utf-8").splitlines():
        match = RULE_LINE.match(line)
        if match:
            assert match["pattern"] not in found, f"{match['pattern']} stated twice"
            found[match["pattern"]] = match["text"]
    return found


def test_every_rule_of_the_code_is_stated_in_the_doc_in_the_same_words():
    stated = doc_rules()
    assert {rule.pattern: stated.get(rule.pattern) for rule in ALL_RULES} == {
        rule.pattern: rule.text for rule in ALL_RULES
    }


def test_the_doc_states_no_rule_the_code_does_not_have():
    assert sorted(set(doc_rules()) - {rule.pattern for rule in ALL_RULES}) == []


def test_the_doc_words_the_hidden_count_note_as_trace_prints_it():
    assert HIDDEN in " ".join(DOC.read_text(encoding="utf-8").split())


def test_about_this_briefing_names_the_counting_rules_and_trace():
    about = str(views.about(load_meeting(NORTHSHIRE, "2026-05-12")))
    assert "the counting rules, <code>docs/counting-rules.md</code>" in about
    assert "<code>boardbrief trace</code> shows the rule and the source rows" in about
