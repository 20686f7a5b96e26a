"""What is a name and what is a word: the lists and the dictionary the names screen reads.

- Every first name given to 3 or more babies a year in England and Wales, 1996-2024, with how many
  babies were given it (ONS, Open Government Licence; copied into `resources/`).
- The first names and surnames in the Latin alphabet of every locale the Faker package ships:
  older first names, surnames, and names from the many countries UK families come from.
- simplemma's English lemmatisation data: inflected forms and their lemmas, with proper nouns
  written with their capitals, so "amber" is a word and "Oliver" only a name.
- Word lists of our own: titles, kinship words, function words, the SEND glossary.
"""

from __future__ import annotations

import csv
import importlib
import pkgutil
import unicodedata
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from boardbrief.privacy.word_cache import cached_words

COMMON_NAME_BIRTHS = 100
ONS_FILE = Path(__file__).parent / "resources" / "ons_first_names.csv"

# Titles that are always followed by a name, in any case; and words that are titles only when
# written with a capital before a capitalised word ("Miss Ellie", but "we miss out").
TITLES = frozenset(["mr", "mrs", "ms", "mx", "dr", "mstr"])
WEAK_TITLES = frozenset(
    "miss sir dame lady lord nurse doctor prof professor rev reverend father sister".split()  # noqa: SIM905
)
# Words after which the next word, when it is not a plain function word, is someone's name.
KIN = frozenset(
    """
    son sons daughter daughters child kid boy girl brother sister brothers sisters twin twins
    friend friends grandson granddaughter grandchild nephew niece cousin stepson stepdaughter
    baby husband wife partner mum mam mom mother dad father nan nana nanna gran grandma granny
    grandad granddad grandpa auntie aunty aunt uncle called named teacher teachers senco ta
    caseworker keyworker worker paediatrician therapist consultant headteacher head nurse
    """.split()  # noqa: SIM905 - a word list reads better as text
)
# Kinship words that introduce a name only before a capital: "our Jess", not "our hope".
KIN_BEFORE_CAPITAL = frozenset({"our", "little", "dear"})

# Function words: never names, whatever the lists say ("Will", "May", "Jan" ...).
FUNCTION_WORDS = frozenset(
    """
    a about above after again against all also am an and any are as at be because been before
    being below between both but by can cannot could did do does doing down during each even ever
    every few for from further get gets got had has have having he her here hers herself him
    himself his how i if in into is it its itself just me more most much must my myself no nor
    not now of off on once one only or other our ours out over own really same say said she
    should so some still such than that the their theirs them themselves then there these they
    this those though through to too under until up upon us very was we well were what when where
    which while who whom why will with would yes yet you your yours may might shall
    """.split()  # noqa: SIM905
)

# Capitalised words that are also names but here are ordinary: languages, nationalities, faiths,
# school subjects, festivals. A title or kinship word before them still makes them a name.
PROPER_WORDS = frozenset(
    """
    english british welsh scottish irish polish french german spanish italian portuguese
    romanian lithuanian latvian urdu punjabi bengali gujarati arabic somali turkish kurdish
    chinese cantonese mandarin asian african caribbean european muslim christian catholic hindu
    sikh jewish maths science geography history art music drama christmas easter eid diwali
    ramadan hanukkah bsl makaton lego monday tuesday wednesday thursday friday saturday sunday
    january february march september october november december
    """.split()  # noqa: SIM905
)
# Verbs that follow a subject; after a name that is also a word they make it a name.
SUBJECT_VERBS = frozenset(
    """
    is was has had have will would can could does did says said gets got goes went loves likes
    needs wants deserves started starts finished attends attended struggles struggled
    """.split()  # noqa: SIM905
)
# Words before which a child's name that is also a word is more likely the name: "told jack",
# "letters for holly", "thanks to poppy".
NAME_BEFORE = frozenset(
    """
    to for with from about told tell tells asked ask asks thank thanks saw see sees met meet
    and or like called named behind beside
    """.split()  # noqa: SIM905
)
# Phrases in which a name-like word is never a name, wherever a board is.
COMMON_PHRASES = (
    "Parent Carer Forum", "Parent Carer Forums", "Local Offer", "Family Hub", "Family Hubs",
    "Christmas Eve", "Christmas Day", "Boxing Day", "New Year", "New Year's Eve",
    "Star of the week", "Father Christmas",
)  # fmt: skip
MONTHS = frozenset(
    "january february march april may june july august september october november december".split()  # noqa: SIM905
)
DATE_WORDS = frozenset(
    """
    in since of until till last next this early late mid end before after during throughout
    every
    """.split()  # noqa: SIM905
)

# Words of the field and of how people type that a general dictionary lacks.
GLOSSARY = frozenset(
    """
    ehcp ehcps ehc ehcna senco sencos camhs sendiass send sen asd adhd add pda odd ot ots salt slt
    ld mld sld pmld semh slcn asc ta tas ep eps icb icbs ccg ccgs nhs gp gps ofsted cqc la las dfe
    ap pru ehe eotas yr yrs sats gcse gcses btec nurture neurodivergent neurodiverse neurotypical
    dyspraxia dyslexia dyscalculia autistic paediatric paediatrician paediatricians paediatrics
    physio physios sendco sendcos tbh imo pls plz thx ty omg lol cos cuz ok okay xx xxx wasnt didnt
    dont cant wont isnt doesnt havent im ive id ill youre theyre thats whats covid am pm
    keyworker keyworkers
    """.split()  # noqa: SIM905
)

FOLD = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "ß": "ss", "æ": "ae"})


def fold(word: str) -> str:
    """Lower case without accents or curly apostrophes: how the lists are compared."""
    if word.isascii():
        return word.lower()
    decomposed = unicodedata.normalize("NFKD", word.translate(FOLD).replace("\u2019", "'"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def is_name(key: str) -> bool:
    """A first name or surname in any of the lists, folded (O'Brien also as Brien)."""
    return key in _names() or key.removeprefix("o'") in _names()


def is_child_name(key: str) -> bool:
    """A first name given to at least COMMON_NAME_BIRTHS babies in England and Wales since 1996.

    Rarer ones ("Son", "Else", "Lovely") are still names in mid-sentence capitals, but are not
    doubted at the start of a sentence or in a possessive, where they are far more often words.
    """
    return _ons_names().get(key, 0) >= COMMON_NAME_BIRTHS


@cache
def _ons_names() -> dict[str, int]:
    """First names given to 3 or more babies a year in England and Wales, 1996-2024, folded,
    with how many babies were given each over those years."""
    text = ONS_FILE.read_text(encoding="utf-8")
    rows = csv.reader(text.splitlines()[1:])
    return {fold(name): int(births) for name, births in rows}


@cache
def _names() -> frozenset[str]:
    """Children's first names (ONS), and every locale's first names and surnames (Faker).

    Kept in the user's cache folder once built (`word_cache`): building imports every one of
    Faker's person providers, a second per kernel.
    """
    return cached_words("names", ["faker"], [Path(__file__), ONS_FILE], _built_names)


def _built_names() -> frozenset[str]:
    names = set(_ons_names())
    names.update(fold(name) for name in _faker_names())
    return frozenset(n for n in names if len(n) > 1)


def _faker_names() -> Iterator[str]:
    """Every first name and surname written in the Latin alphabet in Faker's person providers."""
    import faker.providers.person as person

    attributes = (
        "first_names", "first_names_male", "first_names_female", "first_names_nonbinary",
        "last_names", "last_names_male", "last_names_female",
        "first_romanized_names", "last_romanized_names",
    )  # fmt: skip
    for module in pkgutil.iter_modules(person.__path__):
        provider = importlib.import_module(f"{person.__name__}.{module.name}").Provider
        for attribute in attributes:
            values = getattr(provider, attribute, None)
            if not isinstance(values, tuple | list | dict):
                continue  # absent, or computed from other lists
            for value in values:  # tuples, or weighted dicts keyed by name
                if isinstance(value, str) and _latin(value):
                    yield from value.replace("-", " ").split()


def _latin(text: str) -> bool:
    return all(c.isascii() or "LATIN" in unicodedata.name(c, "") for c in text)


@cache
def _dictionary() -> frozenset[str]:
    """Every word simplemma's English data writes: its inflected forms and their lemmas.

    Kept in the user's cache folder once built (`word_cache`): decompressing simplemma's
    dictionary takes a second per kernel.
    """
    return cached_words("english", ["simplemma"], [Path(__file__)], _built_dictionary)


def _built_dictionary() -> frozenset[str]:
    from simplemma.strategies.dictionaries import DefaultDictionaryFactory

    forms = DefaultDictionaryFactory().get_dictionary("en")
    return frozenset(forms) | frozenset(forms.values())


def _written(word: str) -> bool:
    return word in _dictionary()


def english_word(key: str) -> bool:
    """Written in lower case in the dictionary: a common word, whatever else it may be."""
    return _written(key)


def proper_noun(key: str) -> bool:
    """Written only with a capital in the dictionary: a place, a day, a nationality, a name."""
    return _written(key[:1].upper() + key[1:])
