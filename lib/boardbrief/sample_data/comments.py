"""Comment text: phrase banks combined into comments in one voice, with details kept consistent."""

from __future__ import annotations

import random

from boardbrief.sample_data import phrases
from boardbrief.sample_data.board import CHILD_NAMES, STAFF_NAMES, District

_PRONOUNS = {
    "m": {"he": "he", "him": "him", "his": "his"},
    "f": {"he": "she", "him": "her", "his": "her"},
}

# Once a comment has named the child, later sentences refer back with a pronoun.
_PRONOUN_SUBSTITUTES: tuple[tuple[str, str], ...] = (
    ("{Child}'s", "{His}"),
    ("{child}'s", "{his}"),
    ("{Child}", "{He}"),
    ("{child}", "{him}"),
)


def slots(rng: random.Random, respondent: str, district: District) -> dict[str, str]:
    """Values for every slot a template may use, consistent within one comment."""
    by_respondent = {"carer": phrases.CARER_CHILDREN, "other": phrases.OTHER_CHILDREN}
    children = by_respondent.get(respondent, phrases.PARENT_CHILDREN)
    child, gender = rng.choice(children)
    pronouns = _PRONOUNS[gender or rng.choice("mf")]
    age = rng.randint(4, 17)
    values = {
        "child": child,
        "Child": child[0].upper() + child[1:],
        **pronouns,
        **{key.capitalize(): value.capitalize() for key, value in pronouns.items()},
        "duration": rng.choice(phrases.DURATIONS),
        "weeks": str(rng.randint(24, 58)),
        "months": str(rng.randint(3, 9)),
        "calls": rng.choice(phrases.CALLS),
        "distance": str(rng.randint(14, 38)),
        "schools": str(rng.randint(4, 11)),
        "town": rng.choice(district.towns),
        "hours": str(rng.randint(2, 9)),
        "wait": rng.choice(phrases.WAITS),
        "since": rng.choice(phrases.SINCE),
        "later": rng.choice(phrases.LATER),
        "age": str(age),
        "year": str(max(1, min(13, age - 5))),
    }
    return values


def coded_comment(
    rng: random.Random,
    themes: list[str],
    respondent: str,
    in_person: bool,
    values: dict[str, str],
) -> str:
    """A comment about the given themes (the first is the main one), in the respondent's voice."""
    main, *others = themes
    sentences: list[str] = []
    if respondent == "young person":
        sentences += _maybe(rng, 0.3, phrases.YOUNG_PERSON_OPENERS)
        sentences.append(_theme_sentence(rng, main, "young_person", in_person))
        sentences += [_theme_sentence(rng, other, "young_person", in_person) for other in others]
        if main != "positive_experience":
            sentences += _maybe(rng, 0.5, phrases.YOUNG_PERSON_FEELINGS)
    elif respondent == "professional":
        opener = _maybe(rng, 0.4, phrases.PROFESSIONAL_OPENERS)
        sentences.append(_theme_sentence(rng, main, "professional", in_person))
        if opener and opener[0].endswith(","):
            sentences[0] = f"{opener[0]} {sentences[0][0].lower()}{sentences[0][1:]}"
        else:
            sentences = opener + sentences
        sentences += [_theme_sentence(rng, other, "professional", in_person) for other in others]
        if main != "positive_experience":
            sentences += _maybe(rng, 0.45, phrases.PROFESSIONAL_IMPACTS)
        sentences += _maybe(rng, 0.25, phrases.THEME_BANKS[main].asks)
    else:
        openers = phrases.PARENT_OPENERS
        if in_person:
            openers += phrases.IN_PERSON_OPENERS
        if respondent == "carer" and rng.random() < 0.5:
            openers = phrases.CARER_OPENERS
        sentences += _maybe(rng, 0.45, openers)
        sentences.append(_theme_sentence(rng, main, "parent", in_person))
        sentences += [_theme_sentence(rng, other, "parent", in_person) for other in others]
        if main != "positive_experience":
            sentences += _maybe(rng, 0.5, phrases.CONSEQUENCES)
            asks = phrases.THEME_BANKS[main].asks if rng.random() < 0.6 else phrases.GENERAL_ASKS
            sentences += _maybe(rng, 0.4, asks)
    return " ".join(_refer_back(sentences)).format_map(values)


def _refer_back(sentences: list[str]) -> list[str]:
    """After the first mention of the child, later sentences say 'he' or 'his' instead."""
    named = False
    result = []
    for sentence in sentences:
        if named:
            for old, new in _PRONOUN_SUBSTITUTES:
                sentence = sentence.replace(old, new)
        named = named or "{Child" in sentence or "{child" in sentence
        result.append(sentence)
    return result


def uncoded_comment(rng: random.Random, channel: str, values: dict[str, str]) -> str:
    """A remark that matches no theme: about the venue, the form, or plain thanks."""
    if channel == "helpline":
        return rng.choice(phrases.UNCODED_HELPLINE).format_map(values)
    bank = phrases.UNCODED_IN_PERSON if channel in ("dropin", "forum") else phrases.UNCODED_WRITTEN
    sentences = [rng.choice(bank)]
    sentences += _maybe(rng, 0.5, phrases.UNCODED_TAILS)
    return " ".join(sentences).format_map(values)


def personal_detail(
    rng: random.Random, respondent: str, district: District, values: dict[str, str]
) -> str:
    """A sentence carrying something a redactor must remove before anyone quotes the comment."""
    kind = rng.choice(("phone", "email", "postcode", "birth", "child", "staff"))
    if kind == "phone":
        number = rng.choice(
            (f"07700 900{rng.randint(0, 999):03d}", f"01632 960{rng.randint(0, 999):03d}")
        )
        if rng.random() < 0.25:
            number = number.replace(" ", "")
        return f"You can call me on {number}."
    if kind == "email":
        return (
            f"My email is {rng.choice(phrases.EMAIL_USERS)}{rng.randint(1, 99)}@"
            f"{rng.choice(phrases.EMAIL_DOMAINS)} if anyone wants to get back to me."
        )
    if kind == "postcode":
        letters = phrases.POSTCODE_LETTERS
        inward = f"{rng.randint(1, 9)}{rng.choice(letters)}{rng.choice(letters)}"
        return f"Our postcode is {rng.choice(district.postcode_areas)} {inward} if that helps."
    if kind == "birth":
        born = f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{2026 - int(values['age']) - 1}"
        if respondent == "young person":
            return f"I was born {born} if you need to look me up."
        return f"For reference, {values['he']} was born {born}."
    if kind == "child":
        names = [name for name, gender in CHILD_NAMES if _PRONOUNS[gender]["he"] == values["he"]]
        if respondent == "young person":
            return f"My friend {rng.choice(names)} says the same."
        return f"{rng.choice(names)} deserves better, {values['he']} is such a bright kid."
    shown, _ = rng.choice(STAFF_NAMES)
    return f"{shown} in the SEND office is the only person who has ever rung me back."


def _theme_sentence(rng: random.Random, theme: str, voice: str, in_person: bool) -> str:
    """One sentence from a theme's bank in the given voice."""
    bank = getattr(phrases.THEME_BANKS[theme], voice)
    if theme == "positive_experience" and in_person and voice == "parent":
        bank = bank + phrases.POSITIVE_IN_PERSON
    return rng.choice(bank)


def _maybe(rng: random.Random, chance: float, bank: tuple[str, ...]) -> list[str]:
    """A sentence from the bank with the given chance, else nothing."""
    return [rng.choice(bank)] if bank and rng.random() < chance else []
