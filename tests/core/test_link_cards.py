"""Link cards glued into a paragraph by a scrape are dropped when an article is loaded."""

from __future__ import annotations

import pytest

from tui.core.corpus import make_article
from tui.core.link_cards import drop_link_cards

TRUMP = (
    "In nominating Kavanaugh, President Trump Donald John TrumpGOP senators balk at lengthy "
    "impeachment trial Warren goes local in race to build 2020 movement 2020 Democrats make "
    "play for veterans' votes MORE did a distinctly un-Trumpian thing."
)


def test_the_card_goes_with_its_full_name_and_the_name_as_written_stays() -> None:
    text, cards = drop_link_cards(TRUMP)
    assert cards == 1
    assert text == "In nominating Kavanaugh, President Trump did a distinctly un-Trumpian thing."
    text, _ = drop_link_cards(
        "“The Russian government engages in a range of malign activity,” Treasury Secretary "
        "Steven Mnuchin Steven Terner MnuchinOvernight Finance: Mnuchin signals support MORE "
        "said in a statement."
    )
    assert "Treasury Secretary Steven Mnuchin said in a statement." in text


@pytest.mark.parametrize(
    ("scraped", "kept"),
    [
        # what stands between the two names is not only a name: only the headlines go
        (
            "Trump, President Donald TrumpGOP senators balk at lengthy trial MORE said on Friday.",
            "Trump, President Donald Trump said on Friday.",
        ),
        # "McConnell" glues "Mc" to "Connell": the card starts after the whole name
        (
            "Majority Leader Mitch McConnell Addison (Mitch) Mitchell McConnellGOP senators balk "
            "at lengthy impeachment trial MORE (R-Ky.) declined to comment.",
            "Majority Leader Mitch McConnell (R-Ky.) declined to comment.",
        ),
    ],
    ids=["full-name-not-right-after-the-name", "capital-inside-a-name"],
)
def test_one_card_goes_and_the_text_around_it_stays(scraped: str, kept: str) -> None:
    assert drop_link_cards(scraped) == (kept, 1)


def test_camel_case_in_the_text_itself_is_no_card() -> None:
    """'ObamaCare' has no name written before it: the card is the later 'TrumpGOP' one."""
    text, cards = drop_link_cards(
        "She was a key player in sinking a proposal to repeal ObamaCare last year and has "
        "criticized President Trump Donald John TrumpGOP senators balk at lengthy trial MORE "
        "for his statements."
    )
    assert cards == 1
    assert "repeal ObamaCare last year and has criticized President Trump for his" in text
    for plain in (
        "The iPhone and McDonald's are MORE popular than ever.",
        "Sen. Susan Collins (R-Maine) said MORE votes were needed.",
    ):
        assert drop_link_cards(plain) == (plain, 0)


def test_the_article_says_what_was_dropped() -> None:
    article = make_article("hill", "hill.txt", TRUMP + "\n\nThe Senate votes on Friday.")
    assert "GOP senators balk" not in article.text
    assert article.warnings == (
        "1 link card glued into the text (a name's latest headlines, up to MORE), dropped",
    )
    assert [s.text for s in article.sentences][-1] == "The Senate votes on Friday."
