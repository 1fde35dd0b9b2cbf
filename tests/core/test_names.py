"""Name variants, roles and lists of names."""

from __future__ import annotations

import pytest

from tui.core.names import name_lists, role_names, variant_kind


@pytest.mark.parametrize(
    ("a", "b", "kind"),
    [
        ("Astroshenko", "Atroshenko", "spelling"),
        ("Boichenko", "Boychenko", "transliteration"),
        ("Mykhailo", "Mykhaylo", "transliteration"),
        ("Zelensky", "Zelenskyy", "transliteration"),
        ("Alexander", "Aleksandr", "spelling"),
        ("Defence", "Defense", None),
        ("Ukraine", "Ukrainian", None),
        ("Russia", "Russians", None),
        ("Britain", "British", None),
        ("Russian-backed", "Russia-backed", None),
        ("Kirby", "Blinken", None),
        ("Kyiv", "Kyiv", None),
    ],
)
def test_variant_kind(a: str, b: str, kind: str | None) -> None:
    assert variant_kind(a, b) == kind
    assert variant_kind(b, a) == kind


def test_lists_of_countries_with_aliases() -> None:
    (a,) = name_lists(
        "security guarantees by a group of third countries, including the U.S., Britain, "
        "France, Canada, Turkey, China and Poland, in an arrangement"
    )
    assert a.items == ("U.S.", "Britain", "France", "Canada", "Turkey", "China", "Poland")
    assert a.canonical[:2] == ("United States", "United Kingdom")
    assert a.open_ended
    (b,) = name_lists("Guarantor states (USA, UK, Turkey, France, Germany etc.) legally")
    assert set(a.canonical) - set(b.canonical) == {"Canada", "China", "Poland"}
    assert set(b.canonical) - set(a.canonical) == {"Germany"}


@pytest.mark.parametrize(
    "text",
    [
        "On Wednesday, Russia said it would scale back",
        "Kyiv, the capital, as well as Chernihiv",
        "British Prime Minister Boris Johnson and US President Joe Biden expressed skepticism",
        "Ukrainian and Russian leaders",
    ],
)
def test_not_lists(text: str) -> None:
    assert name_lists(text) == ()


def test_roles() -> None:
    (r,) = role_names("Chernihiv Mayor Vladyslav Atroshenko said at least 350 civilians")
    assert (r.role, r.modifier, r.name) == ("mayor", "chernihiv", "Vladyslav Atroshenko")


def test_a_range_of_examples_is_one_list_of_every_name() -> None:
    """'from France and Germany to Latvia and Estonia' names four countries; read as two
    lists, France and Germany went missing when another list matched 'Latvia and Estonia'."""
    text = (
        "those announcements came in rapid succession, from France and Germany to Latvia "
        "and Estonia."
    )
    (found,) = name_lists(text)
    assert found.items == ("France", "Germany", "Latvia", "Estonia")
    assert text[found.start : found.end] == "France and Germany to Latvia and Estonia"
    assert found.open_ended
    (us,) = name_lists("Expulsions came from the U.S., Britain and France to Japan.")
    assert us.canonical == ("United States", "United Kingdom", "France", "Japan")
    assert name_lists("He drove from Kyiv to Lviv overnight.") == ()  # a route, not a list
