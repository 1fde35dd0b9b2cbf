"""Page furniture and headings: the line-level recogniser, on cases from the seeds and corpora."""

from __future__ import annotations

import pytest

from tui.core.corpus import load_paths
from tui.core.furniture import LineKind, classify_line, classify_lines, is_heading
from tui.resources import seeds_dir

FURNITURE = [
    ("Story continues below advertisement", "advert"),
    ("Advertisement", "advert"),
    ("ADVERTISEMENT", "advert"),
    ("Story Continued Below", "advert"),
    ("Send this page to someone via email", "share"),
    ("SHARE THIS ARTICLE Share Tweet Post Email", "share"),
    ("Read or Share this story: https://usat.ly/2ruM4QM", "share"),
    ("Sign up for Daily Newsletters Manage Newsletters", "newsletter"),
    (
        "Get the Monitor Stories you care about delivered to your inbox. "
        "By signing up, you agree to our Privacy Policy",
        "newsletter",
    ),
    (
        "View image in full screen A map posted by the British Ministry of Defence on March 30 "
        "shows the Russian attack and troop locations in Ukraine. "
        "U.K. Ministry of Defence on Twitter",
        "image",
    ),
    ("Enlarge this image toggle caption Tony Dejak/AP Tony Dejak/AP", "image"),
    ("prev next Image 2 of 3", "image"),
    ("Slideshow (7 Images)", "image"),
    ("FILE PHOTO: The exterior of the U.S. Supreme Court is seen in Washington.", "image"),
    (
        "WATCH | Zelensky voices skepticism about Russian pullback from Kyiv: Zelensky voices "
        "skepticism about Russian pullback from Kyiv Duration 6:06 Ukrainian President said. 6:06",
        "video",
    ),
    (
        "2:41 U.S. skeptical over Russia’s promises to scale back military operations near Kyiv "
        "U.S. skeptical over Russia’s promises to scale back military operations near Kyiv",
        "video",
    ),
    ("JUST WATCHED Crowd cheers for Amanda Berry Replay More Videos ... MUST WATCH", "video"),
    ("Play Video 1:07 Theresa May: ‘largest collective expulsion’ – video", "video"),
    ("Live briefing: Russia invades Ukraine", "promo"),
    (
        "RFE/RL Live briefing gives you all the major developments on the invasion of Russia. "
        "For all of RFE/RL’s coverage of the war, click here.",
        "promo",
    ),
    (
        "For expert analysis of this topic, listen to the Ukraine episodes of the What You Need "
        "To Know podcast",
        "promo",
    ),
    ("SEE ALSO: Report: 5 pregnancies may have occurred during Cleveland abductions", "promo"),
    ("More:Plea deal exposes Paul Manafort as bare-knuckled political operative", "promo"),
    ("Read more: A tycoon’s arc from Putin crony to U.S. target", "promo"),
    ("Anita Hill and the Senate ‘sham trial’ that echoes down to Kavanaugh Read more", "promo"),
    ("From Amanda Berry's 911 Call Listen", "promo"),
    ("This article is more than 2 years old", "promo"),
    (
        "A market damaged by night shelling in Chernihiv, Ukraine, is seen on Wednesday. "
        "(The Associated Press)",
        "caption",
    ),
    (
        "A Ukrainian service member hugs a dog on the front line near Kyiv on Tuesday. "
        "(Gleb Garanich/Reuters)",
        "caption",
    ),
    (
        "A destroyed logistics warehouse in Brovary district of Kyiv. Approximately 50,000 tons "
        "of food became unusable. (Metin Aktas/Anadolu Agency/Getty Images)",
        "caption",
    ),
    (
        "Maxar satellite imagery shows before and after photos published on March 29 of a "
        "residential area in Mariupol. – Satellite image ©2022 Maxar Technologies",
        "caption",
    ),
    (
        "Roger Ailes attends the Gala at Carnegie Hall on October 7, 2015 in New York City. "
        "(Photo: Andrew Toth)",
        "caption",
    ),
    ("Robert Mueller Photographer: Eric Thayer/Bloomberg", "caption"),
    ("(Pixabay)", "caption"),
    ("A view of the Supreme Court at dusk. (Unsplash)", "caption"),
    (
        "An official consul van is pictured outside the building in downtown Seattle, "
        "Washington, U.S., March 26, 2018. REUTERS/Lindsey Wasson",
        "caption",
    ),
    ("With additional reporting by Current Time and AFP", "credit"),
    ("— with files from The Associated Press and Reuters.", "credit"),
    ("— With assistance by Gregory White", "credit"),
    ("The Associated Press contributed to this report.", "credit"),
    ("Fox News’ Mike Emanuel contributed to this report.", "credit"),
    ("• David Sands contributed to this article.", "credit"),
    ("Copyright © 2019 The Washington Times, LLC. Click here for reprint permission.", "credit"),
    ("Copyright 2013 The Associated Press.", "credit"),
    ("Contributing: Jason Gonzales", "credit"),
    ("USA TODAY NETWORK", "byline"),
    ("By Jane Doe", "byline"),
    ("Updated at 2:49 p.m. ET", "timestamp"),
    ("[pullquote]", "markup"),
    ("___", "markup"),
    ("UTAH PARENTS KILL THEIR 2 CHILDREN BEFORE THEMSELVES AFTER BELIEVING MOM HAD", "link"),
    (
        "An emotional Rep. Barton praises police. pic.twitter.com/7bsTE9dlLb — Amber Strong TV "
        "(@AmberCStrongTV) June 14, 2017",
        "embed",
    ),
]

BODY = [
    # Real sentences from the seeds that look a little like furniture.
    "The latest satellite imagery from commercial provider Maxar Technologies showed hundreds "
    "of people waiting outside a grocery store amid reports of food and water shortages.",
    "Russian Defence Ministry spokesperson Maj. Gen. Igor Konashenkov said Wednesday that the "
    "military targeted fuel depots in two towns in central Ukraine.",
    "“We can’t say there has been something promising or any breakthroughs,” he said in a "
    "call with reporters.",
    "“I would say that after a month, Mr. Putin is way off his original campaign goals,” "
    "Geoana told Current Time in an interview.",
    "The head of the UN human rights mission in Ukraine told Reuters that thousands of "
    "civilians may have died in the city since the shelling began.",
    "The ongoing barrage has likely resulted in the deaths of thousands of civilians, the "
    "head of the UN human rights mission has told Reuters.",
    "He did not spell out what that would mean in practical terms.",
    "Here’s a round-up of what’s happening.",
    # Sentences that start like furniture rules but are not furniture.
    "Reporting by the Guardian revealed that the contracts had been signed in 2016.",
    "Related charges were filed against two other men on Friday.",
    "Copyright law was not at issue in the case, the judge said.",
    "Sign language interpreters stood beside the governor.",
    "Watch officials said the river would crest on Thursday.",
    "More than 130 people in Salisbury could have been exposed, May said.",
    "Updated figures show 4.01 million people have now fled Ukraine.",
    "The U.S. now has hit 189 Russian individuals and entities with various sanctions.",
    "See Manafort filing below:",
    "The Russian oligarchs hit with sanctions included the following:",
]

HEADINGS = [
    "Consultations next after talks",
    "14 killed in Mykolaiv",
    "Threat to Kyiv not over, Pentagon warns",
    "No breakthrough in peace talks, Kremlin says",
    "Zelenskyy dismisses Russia's pledge to scale back saying 'the enemy is still in our land'",
    "‘PROVOCATIVE GESTURE’",
    "What we don’t know",
    "Undercover Spies",
]


@pytest.mark.parametrize(("line", "rule"), FURNITURE)
def test_furniture_lines_are_recognised_with_their_rule(line: str, rule: str) -> None:
    verdict = classify_line(line)
    assert verdict.kind is LineKind.FURNITURE
    assert verdict.rule == rule


@pytest.mark.parametrize("line", BODY)
def test_real_sentences_are_body(line: str) -> None:
    assert classify_line(line).kind is LineKind.BODY


@pytest.mark.parametrize("line", HEADINGS)
def test_headings_are_content_not_furniture(line: str) -> None:
    assert classify_line(line).kind is LineKind.HEADING


def test_heading_needs_no_final_punctuation_and_few_words() -> None:
    assert not is_heading("He did not spell out what that would mean.")
    assert not is_heading("“They can still inflict massive brutality,” Kirby said.”")
    assert not is_heading(" ".join(["word"] * 30))


def test_a_lone_name_is_a_byline_only_at_the_end_or_beside_an_agency_line() -> None:
    lines = ["Undercover Spies", "The spies left on Monday.", "Berta D. Wells"]
    assert [v.kind for v in classify_lines(lines)] == [
        LineKind.HEADING,
        LineKind.BODY,
        LineKind.FURNITURE,
    ]
    top = ["Kevin Johnson and Brad Heath", "USA TODAY", "Manafort pleaded guilty on Friday."]
    assert [v.rule for v in classify_lines(top)] == ["byline", "byline", ""]


def test_furniture_inside_a_real_paragraph_does_not_flag_it() -> None:
    line = (
        "Kavanaugh was confirmed on Saturday. Read more opinion LISTEN TO ARTICLE 5:13 "
        "SHARE THIS ARTICLE Share Tweet Post Email and the vote was 50 to 48."
    )
    assert classify_line(line).kind is LineKind.BODY


# What the recogniser flags in the bundled seeds, line by line (read and checked by hand).
SEED_FURNITURE = {
    "000": ["WATCH |", "(The Associated Press)", "WATCH |", "(Rodrigo Abd/", "(Metin Aktas/",
            "(Gleb Garanich/Reuters)"],
    "001": ["Send this page", "Story continues", "View image", "Story continues",
            "Story continues", "View image", "Story continues", "©2022 Maxar", "Story continues",
            "2:41 U.S.", "Story continues", "— with files"],
    "002": ["Live briefing:", "RFE/RL Live briefing", "With additional reporting",
            "Berta D. Wells"],
    "003": ["With additional reporting by Current Time"],
    "004": ["For expert analysis"],
}  # fmt: skip


def test_seed_furniture_is_exactly_the_lines_read_by_hand() -> None:
    result = load_paths([seeds_dir()])
    assert len(result.articles) == 5
    for article in result.articles:
        lines: dict[int, str] = {}
        for sentence in article.sentences:
            if sentence.furniture:
                lines.setdefault(sentence.paragraph, "")
                lines[sentence.paragraph] += sentence.text + " "
        expected = SEED_FURNITURE[article.id[:3]]
        assert len(lines) == len(expected), (article.id, list(lines.values()))
        for text, marker in zip(lines.values(), expected, strict=True):
            assert marker in text


def test_seed_headings_are_the_cross_heads() -> None:
    seed = load_paths([seeds_dir()]).articles[0]
    headings = [s.text for s in seed.sentences if s.heading]
    assert headings == [
        "Consultations next after talks",
        "More shelling of proposed pullback cities",
        "Kyiv region under attack",
        "Russians scale up activities in the east",
        "14 killed in Mykolaiv",
        "Threat to Kyiv not over, Pentagon warns",
    ]
