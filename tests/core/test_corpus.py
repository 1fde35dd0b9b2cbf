"""Loading articles: metadata, offsets, encodings, labels, and every bad input."""

from __future__ import annotations

import builtins
import sys
from pathlib import Path

import pytest

from tui.core.corpus import (
    MAX_FILE_BYTES,
    LoadError,
    LoadResult,
    decode_text,
    label_from_name,
    load_paths,
    make_article,
)
from tui.core.model import Article, ArticleMeta
from tui.resources import seeds_dir

INPUTS = Path(__file__).parent.parent / "data" / "inputs"


def only(result: LoadResult) -> Article:
    assert not result.errors, result.errors
    assert len(result.articles) == 1
    return result.articles[0]


def assert_offsets_hold(article: Article) -> None:
    for i, sentence in enumerate(article.sentences):
        assert sentence.index == i
        assert article.text[sentence.start : sentence.end] == sentence.text


def write(tmp_path: Path, name: str, data: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8")
    return path


# --- the model an article gets -------------------------------------------------------


def test_seed_date_marker_becomes_published_and_leaves_the_text() -> None:
    article = only(load_paths([seeds_dir() / "000_1839c8842eb5fcfc.txt"]))
    assert article.meta.published == "2022-03-30"
    assert article.text.startswith("The UN refugee agency says")
    assert "date 2022" not in article.text
    assert_offsets_hold(article)


def test_seeds_load_with_short_unique_labels_and_ids() -> None:
    articles = load_paths([seeds_dir()]).articles
    # outlets come from seeds/metadata.yaml (the sidecar the loader reads)
    assert [a.label for a in articles] == [
        "CBC News",
        "Global News",
        "RFE/RL repost",
        "RFE/RL",
        "ITV News",
    ]
    assert articles[3].meta.source == "RFE/RL"
    assert articles[0].id == "000_1839c8842eb5fcfc"
    assert len({a.id for a in articles}) == 5
    for article in articles:
        assert_offsets_hold(article)
        assert article.meta.title


def test_paragraphs_count_blank_line_and_single_newline_blocks() -> None:
    blank = make_article("a", "a.txt", "One. Two.\n\nThree.\n\n\nFour.")
    single = make_article("b", "b.txt", "One. Two.\nThree.\nFour.")
    assert [s.paragraph for s in blank.sentences] == [0, 0, 1, 2]
    assert [s.paragraph for s in single.sentences] == [0, 0, 1, 2]


def test_every_sentence_of_a_furniture_line_is_furniture() -> None:
    text = (
        "Russia said it would scale back.\n\n"
        "A destroyed warehouse in Brovary. Food became unusable. (Metin Aktas/Getty Images)\n\n"
        "Ukraine was wary."
    )
    article = make_article("a", "a.txt", text)
    flags = [(s.text, s.furniture) for s in article.sentences]
    assert [f for _, f in flags] == [False, True, True, True, False]
    assert [s.text for s in article.body_sentences] == [
        "Russia said it would scale back.",
        "Ukraine was wary.",
    ]


def test_front_matter_fills_metadata_and_label(tmp_path: Path) -> None:
    article = only(load_paths([INPUTS / "front_matter.md"]))
    assert article.meta.title == "Russia says talks made no breakthrough"
    assert article.meta.source == "Global News"
    assert article.label == "Global News"
    assert article.meta.url == "https://example.org/news/talks"
    assert article.meta.published == "2022-03-30"
    assert article.meta.extra == {"author": "Staff"}
    assert article.text.startswith("No breakthrough in peace talks\n")  # "# " marker dropped
    assert article.sentences[0].heading
    assert [s.furniture for s in article.sentences] == [False, False, True, False]
    assert_offsets_hold(article)


def test_invalid_front_matter_is_shown_as_text_with_a_warning(tmp_path: Path) -> None:
    path = write(tmp_path, "bad.md", "---\ntitle: [unclosed\n---\nBody text here.\n")
    article = only(load_paths([path]))
    assert "front matter is not valid YAML" in article.warnings[0]
    assert "Body text here." in article.text


def test_without_metadata_title_is_the_first_line_and_label_the_file_name(tmp_path: Path) -> None:
    path = write(tmp_path, "kyiv-talks.txt", "Talks in Istanbul\nRussia said it would scale back.")
    article = only(load_paths([path]))
    assert article.meta.title == "Talks in Istanbul"
    assert article.label == "kyiv talks"
    assert article.id == "kyiv-talks"


@pytest.mark.parametrize(
    ("name", "label"),
    [
        ("000_1839c8842eb5fcfc.txt", "000"),
        ("01_fox-online-news_oeyivMZw5e0aZuwk.txt", "fox online news"),
        ("reuters.md", "reuters"),
        ("2022-03-30_bbc.txt", "bbc"),
        ("2022-03-30.txt", "2022-03-30"),
    ],
)
def test_label_from_file_name(name: str, label: str) -> None:
    assert label_from_name(name) == label


def test_labels_are_at_most_16_characters_and_unique(tmp_path: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        write(tmp_path / folder, "the-washington-times-report.txt", "Text of the report.")
    articles = load_paths([tmp_path / "a", tmp_path / "b"]).articles
    assert [a.label for a in articles] == ["the washington…", "the washington 2"]
    assert [a.id for a in articles] == [
        "the-washington-times-report",
        "the-washington-times-report-2",
    ]
    assert all(len(a.label) <= 16 for a in articles)


def test_sidecar_metadata_yaml_names_the_outlet(tmp_path: Path) -> None:
    write(tmp_path, "01_fox_abc.txt", "Manafort pleaded guilty.")
    write(
        tmp_path,
        "metadata.yaml",
        "articles:\n- file: 01_fox_abc.txt\n  outlet: Fox News\n  title: Manafort pleads\n"
        "  date: '2018-09-14'\n  url: http://example.org/m\n",
    )
    article = only(load_paths([tmp_path]))
    assert (article.label, article.meta.title, article.meta.published) == (
        "Fox News",
        "Manafort pleads",
        "2018-09-14",
    )


# --- encodings and newlines --------------------------------------------------------------


def test_crlf_and_bom_are_normalised_and_offsets_index_the_text() -> None:
    article = only(load_paths([INPUTS / "crlf_bom.txt"]))
    assert "\r" not in article.text and "\ufeff" not in article.text
    assert article.meta.published == "2022-03-29"
    assert [s.text for s in article.sentences] == [
        "Talks in Istanbul",
        "Russia said it would scale back.",
        "Ukraine was wary.",
        "The U.S. was skeptical.",
    ]
    assert_offsets_hold(article)
    assert article.warnings == ()


def test_cp1252_is_decoded_with_a_warning() -> None:
    article = only(load_paths([INPUTS / "cp1252.txt"]))
    assert article.text.startswith("“Ukrainians are not naive people,” he said in Kyiv — café")
    assert article.warnings == ("not UTF-8; decoded as Windows-1252 (cp1252)",)


def test_bytes_undefined_in_cp1252_fall_back_to_latin1() -> None:
    text, warnings = decode_text("Caf\u00e9 ".encode("latin-1") + b"\x81 ok")
    assert text == "Café \x81 ok"
    assert warnings == ["not UTF-8; decoded as Latin-1 (ISO-8859-1)"]


def test_utf16_with_bom_is_text_not_binary() -> None:
    text, warnings = decode_text("Kyiv talks.".encode("utf-16"))
    assert (text, warnings) == ("Kyiv talks.", [])


@pytest.mark.parametrize(("codec", "order"), [("utf-16-le", "little"), ("utf-16-be", "big")])
def test_utf16_without_bom_is_read_with_a_warning(codec: str, order: str) -> None:
    text = "Kyiv talks resumed.\nOfficials met on Tuesday. Café au lait."
    decoded, warnings = decode_text(text.encode(codec))
    assert decoded == text
    assert warnings == [f"UTF-16 without a byte-order mark; read as UTF-16 ({order}-endian)"]


def test_a_stray_nul_in_text_is_dropped_with_a_warning() -> None:
    text, warnings = decode_text(b"The mayor said twelve died.\x00 Rescuers searched all night.")
    assert text == "The mayor said twelve died. Rescuers searched all night."
    assert warnings == ["1 NUL byte (binary zero) in the text, dropped"]


def test_a_nul_far_into_a_long_text_is_dropped_too() -> None:
    """Past the first 8 kB the old check never looked: the NUL reached the article."""
    text, warnings = decode_text(b"A sentence. " * 1000 + b"\x00\x00End.")
    assert "\x00" not in text and text.endswith("End.")
    assert warnings == ["2 NUL bytes (binary zero) in the text, dropped"]


@pytest.mark.parametrize(
    "data",
    [
        bytes(range(256)) * 4,  # every byte value: zeros and controls
        b"\x01\x00\x02\x00\x03\x00\x04\x00" * 50,  # zeros alternate, but not text
        b"text\x00" * 20,  # a zero every few bytes: data, not a stray NUL
    ],
)
def test_binary_data_with_zeros_is_still_refused(data: bytes) -> None:
    with pytest.raises(LoadError, match=r"not a text file \(binary data\)"):
        decode_text(data)


def test_front_matter_with_a_python_tag_is_refused_by_name(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "tagged.md",
        "---\ntitle: Talks\nx: !!python/object/apply:os.system ['true']\n---\nThe talks began.\n",
    )
    article = load_paths([path]).articles[0]
    assert article.warnings == (
        "front matter refused: it carries a Python tag (!!python/...) (line 3), which could "
        "run code; shown as text",
    )
    assert "The talks began." in article.text


def test_a_symlink_loop_is_named_as_such(tmp_path: Path) -> None:
    (tmp_path / "loop1").symlink_to("loop2")
    (tmp_path / "loop2").symlink_to("loop1")
    (tmp_path / "dangling").symlink_to("nowhere.txt")
    result = load_paths([tmp_path / "loop1", tmp_path / "dangling"])
    assert result.errors == (
        f"{tmp_path / 'loop1'}: symlink loop (its links lead back to each other, to no file)",
        f"{tmp_path / 'dangling'}: broken link (its target does not exist)",
    )


# --- bad inputs: one error line each, the rest still open --------------------------------


def errors_for(tmp_path: Path, name: str, data: str | bytes) -> tuple[str, ...]:
    path = write(tmp_path, name, data)
    good = write(tmp_path, "good.txt", "A good article.")
    result = load_paths([path, good])
    assert [a.id for a in result.articles] == ["good"]
    return result.errors


def test_missing_path(tmp_path: Path) -> None:
    result = load_paths([tmp_path / "nope.txt", seeds_dir() / "003_99a8a53922663c20.txt"])
    assert result.errors == (f"{tmp_path / 'nope.txt'}: no such file or folder",)
    assert len(result.articles) == 1


def test_empty_path_is_refused_not_read_as_the_current_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``reader "$FILE"`` with FILE unset must not open whatever is in the current folder."""
    (tmp_path / "stray.txt").write_text("A file that happens to be here.\n")
    monkeypatch.chdir(tmp_path)
    result = load_paths(["", str(seeds_dir() / "003_99a8a53922663c20.txt")])
    assert result.errors == ("'': empty path (no file or folder named)",)
    assert [a.id for a in result.articles] == ["003_99a8a53922663c20"]


def test_empty_file(tmp_path: Path) -> None:
    assert errors_for(tmp_path, "empty.txt", b"") == (f"{tmp_path / 'empty.txt'}: empty file",)


def test_whitespace_only_file(tmp_path: Path) -> None:
    errors = errors_for(tmp_path, "blank.txt", " \n\r\n\t \n")
    assert errors == (f"{tmp_path / 'blank.txt'}: contains only whitespace",)


def test_front_matter_without_text(tmp_path: Path) -> None:
    errors = errors_for(tmp_path, "meta.md", "---\ntitle: Only metadata\n---\n\n")
    assert errors == (f"{tmp_path / 'meta.md'}: has front matter but no article text",)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"\x00\x01\x02\x03binary\x00", "not a text file (binary data)"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "not a text file (looks like a PDF document)"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "not a text file (looks like a PNG image)"),
        (b"PK\x03\x04\x14\x00", "not a text file (looks like a ZIP archive (or a Word/EPUB file))"),
    ],
)
def test_binary_files(tmp_path: Path, data: bytes, reason: str) -> None:
    assert errors_for(tmp_path, "file.txt", data) == (f"{tmp_path / 'file.txt'}: {reason}",)


def test_file_over_the_size_limit(tmp_path: Path) -> None:
    big = write(tmp_path, "big.txt", "A sentence.\n" * 100)
    result = load_paths([big], max_bytes=1000)
    assert result.errors == (f"{big}: file is too large (0.0 MB; the limit is 0.001 MB)",)
    assert MAX_FILE_BYTES == 5_000_000


def test_permission_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, "secret.txt", "Hidden text.")

    def deny(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", deny)
    result = load_paths([path])
    assert result.errors == (f"{path}: cannot read (permission denied)",)


@pytest.mark.skipif(
    sys.platform == "win32" or not hasattr(__import__("os"), "geteuid"), reason="posix"
)
def test_permission_denied_for_real(tmp_path: Path) -> None:
    import os

    if os.geteuid() == 0:
        pytest.skip("root reads everything")
    path = write(tmp_path, "secret.txt", "Hidden text.")
    path.chmod(0)
    try:
        assert load_paths([path]).errors == (f"{path}: cannot read (permission denied)",)
    finally:
        path.chmod(0o644)


def test_folder_with_no_readable_text(tmp_path: Path) -> None:
    write(tmp_path, "image.png", b"\x89PNG")
    write(tmp_path, "notes.yaml", "a: 1")
    (tmp_path / "sub").mkdir()
    result = load_paths([tmp_path])
    assert result.articles == ()
    assert result.errors == (
        f"{tmp_path}: no readable text in folder (no .txt, .md or .html files)",
    )


def test_folder_opens_text_files_sorted_and_reports_a_binary_one(tmp_path: Path) -> None:
    write(tmp_path, "b.md", "Second article.")
    write(tmp_path, "a.txt", "First article.")
    write(tmp_path, "c.txt", b"\x00\x00\x00")
    write(tmp_path, "photo.jpg", b"\xff\xd8\xff")
    write(tmp_path, ".hidden.txt", "Not opened.")
    result = load_paths([tmp_path])
    assert [a.id for a in result.articles] == ["a", "b"]
    assert result.errors == (f"{tmp_path / 'c.txt'}: not a text file (binary data)",)


def test_duplicate_paths_open_once_with_a_notice(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", "An article.")
    result = load_paths([path, tmp_path, str(path)])
    assert [a.id for a in result.articles] == ["a"]
    assert result.errors == ()
    assert len(result.notices) == 2
    assert result.notices[0].endswith("named more than once; opened once")


def test_a_device_or_fifo_is_not_read(tmp_path: Path) -> None:
    import os

    if not hasattr(os, "mkfifo"):
        pytest.skip("no fifos here")
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    assert load_paths([fifo]).errors == (f"{fifo}: not a regular file or folder",)


# --- web pages -------------------------------------------------------------------------


def test_saved_html_page_is_extracted_with_metadata() -> None:
    pytest.importorskip("trafilatura", exc_type=ModuleNotFoundError)
    article = only(load_paths([INPUTS / "page.html"]))
    assert article.meta.source == "Example News"
    assert article.label == "Example News"
    assert article.meta.title == "Russia pledges to scale back around Kyiv"
    assert article.meta.published == "2022-03-30"
    assert "Home" not in article.text and "Privacy policy" not in article.text
    assert "Russia said on Tuesday it would drastically reduce" in article.text
    furniture = [s.text for s in article.sentences if s.furniture]
    assert furniture == ["Story continues below advertisement"]
    assert_offsets_hold(article)


def test_html_without_the_web_extra_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    real_import = builtins.__import__

    def no_trafilatura(name: str, *args: object, **kwargs: object) -> object:
        if name == "trafilatura" or name.startswith("trafilatura."):
            raise ImportError("No module named 'trafilatura'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_trafilatura)
    result = load_paths([INPUTS / "page.html", INPUTS / "front_matter.md"])
    assert result.errors == (
        f"{INPUTS / 'page.html'}: reading web pages needs the 'web' extra: "
        "pip install 'accounts-reader[web]'",
    )
    assert len(result.articles) == 1


def test_make_article_keeps_given_metadata() -> None:
    meta = ArticleMeta(title="T", source="Reuters", published="2022-03-29")
    article = make_article("r", "r.txt", " date 2022-03-30 Text.", meta)
    assert article.meta.published == "2022-03-29"  # explicit metadata wins over the marker
    assert article.label == "Reuters"
    assert article.text == "Text."


@pytest.mark.parametrize(
    ("name", "labels"),
    [
        ("01_fox-online-news_oeyiv", ["fox online news…", "fox online… 2", "fox online… 3"]),
        ("reuters", ["reuters", "reuters 2", "reuters 3"]),
        ("verylongsinglewordoutlet", ["verylongsinglew…", "verylongsingl… 2", "verylongsingl… 3"]),
    ],
)
def test_labels_are_cut_between_words(tmp_path: Path, name: str, labels: list[str]) -> None:
    """Never "Fox Online Ne 2": a cut label ends on a whole word and says so with "…" (only a
    single word too long for the room is cut inside)."""
    for folder in ("a", "b", "c"):
        (tmp_path / folder).mkdir()
        write(tmp_path / folder, f"{name}.txt", "Text of the report.")
    articles = load_paths([tmp_path / f for f in ("a", "b", "c")]).articles
    assert [a.label for a in articles] == labels
    assert all(len(a.label) <= 16 for a in articles)
