"""Pilot tests of the annotation keys: what the reader presses, what lands in the notes file."""

from __future__ import annotations

from pathlib import Path

import yaml
from textual.widgets import OptionList

from tests.app.reading_fixture import CONFLICT, aligned, notes_app, sample_corpus
from tui.app import ReaderApp
from tui.core.align import Alignment, SentenceRef
from tui.core.candidates import Discrepancy, Span
from tui.core.notes import NotesDocument, parse_document
from tui.core.notes_store import NotesStore
from tui.screens.note_editor import NoteEditor
from tui.screens.notes_panel import NotesPanel
from tui.screens.notes_problem import NotesProblem
from tui.screens.reading import ReadingScreen

SIZE = (120, 40)


def on_disk(path: Path) -> NotesDocument:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert raw["schema_version"] == 1
    return parse_document(path.read_text(encoding="utf-8"), str(path))


def places(document: NotesDocument, kind: str | None = None) -> list[tuple[str, int | None]]:
    """Where the annotation (the only one, or the only one of ``kind``) points."""
    found = [a for a in document.annotations if kind is None or a.kind == kind]
    assert len(found) == 1, found
    return [(t.article.id, t.sentence) for t in found[0].targets]


def reading(app: ReaderApp) -> ReadingScreen:
    screen = app.reading_screen
    assert screen is not None
    return screen


async def start(pilot: object) -> None:
    await aligned(pilot)  # type: ignore[arg-type]


async def test_a_marks_sentence_and_counterparts_as_agreement(tmp_path: Path) -> None:
    path = tmp_path / "notes.yaml"
    app = notes_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        screen = reading(app)
        await pilot.press("a")  # Alpha 0 has no counterpart: nothing recorded
        await pilot.pause()
        assert on_disk(path).annotations == ()
        await pilot.press("j", "a")  # Alpha 1 <-> Beta 6
        await pilot.pause()
        document = on_disk(path)
        assert [a.kind for a in document.annotations] == ["agreement"]
        assert places(document) == [("a0", 1), ("a1", 6)]
        assert screen.annotated == {SentenceRef(0, 1), SentenceRef(1, 6)}
        assert screen.pane(1).annotated == {6}  # the ✎ mark reaches the other pane


async def test_x_on_a_candidate_confirms_it_with_its_explanation(tmp_path: Path) -> None:
    path = tmp_path / "notes.yaml"
    app = notes_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        reading(app).move_cursor(CONFLICT.doc, CONFLICT.sentence)
        await pilot.press("x")
        await pilot.pause()
        note = on_disk(path).annotations[0]
        assert note.kind == "contradiction"
        assert [(t.article.id, t.sentence) for t in note.targets] == [("a0", 12), ("a1", 17)]
        assert note.comment == "people hurt: twelve vs fifteen"
        assert note.discrepancy is not None and note.discrepancy.kind == "number"
        await pilot.press("k", "x")  # Alpha 11: no candidate, plain contradiction with Beta 16
        await pilot.pause()
        plain = next(a for a in on_disk(path).annotations if a.id != note.id)
        assert plain.kind == "contradiction" and plain.discrepancy is None
        assert [(t.article.id, t.sentence) for t in plain.targets][:2] == [("a0", 11), ("a1", 16)]


async def test_X_dismisses_the_candidate_for_good(tmp_path: Path) -> None:
    path = tmp_path / "notes.yaml"
    app = notes_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        screen = reading(app)
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert screen.focused_ref == CONFLICT
        await pilot.press("X")
        await pilot.pause()
        assert len(on_disk(path).dismissed) == 1
        assert screen.alignment.discrepancies_of(CONFLICT) == []
        assert not screen.pane(0).flagged[12] and not screen.pane(1).flagged[17]
        assert "⚑" not in str(screen.status_line.render())
        screen.move_cursor(0, 0)
        await pilot.press("right_square_bracket")  # `]` no longer stops there
        await pilot.pause()
        assert screen.focused_ref == SentenceRef(0, 0)
    again = notes_app(path)  # remembered in the notes file: still hidden next time
    async with again.run_test(size=SIZE) as pilot:
        await start(pilot)
        screen = reading(again)
        assert screen.alignment.discrepancies_of(CONFLICT) == []
        await pilot.press("u")  # nothing to undo in this run
        await pilot.pause()
        assert len(on_disk(path).dismissed) == 1


async def test_u_brings_a_dismissed_candidate_back(tmp_path: Path) -> None:
    path = tmp_path / "notes.yaml"
    app = notes_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        screen = reading(app)
        screen.move_cursor(CONFLICT.doc, CONFLICT.sentence)
        await pilot.press("X")
        await pilot.pause()
        await pilot.press("u")
        await pilot.pause()
        assert on_disk(path).dismissed == ()
        assert screen.pane(0).flagged[12]
        assert len(screen.alignment.discrepancies_of(CONFLICT)) == 1


async def test_c_opens_an_editor_and_saves_a_multi_line_note_with_tags(tmp_path: Path) -> None:
    path = tmp_path / "notes.yaml"
    app = notes_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await pilot.press("j", "c")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        await pilot.press(*"first line", "enter", *"second")
        await pilot.press("tab", *"check, source")
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, ReadingScreen)
        note = on_disk(path).annotations[0]
        assert note.kind == "note"
        assert note.comment == "first line\nsecond"
        assert note.tags == ("check", "source")
        assert places(on_disk(path)) == [("a0", 1)]
        assert "|" in path.read_text(encoding="utf-8")  # multi-line comment as a block scalar


async def test_escape_in_the_editor_asks_before_discarding(tmp_path: Path) -> None:
    path = tmp_path / "notes.yaml"
    app = notes_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await pilot.press("c", *"half a thought", "escape")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)  # asked, not closed
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ReadingScreen)
        assert on_disk(path).annotations == ()
        await pilot.press("c", "escape")  # nothing typed: closes at once
        await pilot.pause()
        assert isinstance(app.screen, ReadingScreen)


async def test_space_selection_across_panes_then_a_and_c(tmp_path: Path) -> None:
    path = tmp_path / "notes.yaml"
    app = notes_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        screen = reading(app)
        screen.move_cursor(0, 3)
        await pilot.press("space")
        screen.move_cursor(2, 20)
        await pilot.press("space")
        await pilot.pause()
        assert screen.selection == {SentenceRef(0, 3), SentenceRef(2, 20)}
        assert screen.pane(2).selected == {20}
        await pilot.press("a")
        await pilot.pause()
        assert places(on_disk(path)) == [("a0", 3), ("a2", 20)]
        assert screen.selection == frozenset()
        screen.move_cursor(1, 2)
        await pilot.press("space", "space")  # toggles off again
        await pilot.pause()
        assert screen.selection == frozenset()
        await pilot.press("space")
        screen.move_cursor(2, 4)
        await pilot.press("space", "c", *"both", "f2")
        await pilot.pause()
        assert places(on_disk(path), "note") == [("a1", 2), ("a2", 4)]


async def test_e_edits_and_d_deletes_choosing_when_several_and_u_undoes(tmp_path: Path) -> None:
    path = tmp_path / "notes.yaml"
    app = notes_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await pilot.press("j", "a")
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        await pilot.press(*"same story", "ctrl+s")
        await pilot.pause()
        assert on_disk(path).annotations[0].comment == "same story"
        await pilot.press("c", *"mine", "f2")  # a second annotation on the same sentence
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        chooser = app.screen
        assert isinstance(chooser, NotesPanel)  # which one?
        kinds = [a.kind for a in chooser.annotations]
        assert sorted(kinds) == ["agreement", "note"]
        await pilot.press(*(["down"] * kinds.index("note")), "enter")
        await pilot.pause()
        left = on_disk(path).annotations
        assert [a.kind for a in left] == ["agreement"]
        await pilot.press("u")
        await pilot.pause()
        assert sorted(a.kind for a in on_disk(path).annotations) == ["agreement", "note"]
        await pilot.press("u", "u")  # undo the note, then the edit
        await pilot.pause()
        assert [a.comment for a in on_disk(path).annotations] == [""]


async def test_m_lists_filters_and_jumps_and_keeps_orphans(tmp_path: Path) -> None:
    path = tmp_path / "notes.yaml"
    alignment = sample_corpus()
    store = NotesStore(path)
    from tui.core.anchoring import target_for_sentence

    alpha, beta = alignment.articles[0], alignment.articles[1]
    store.add(
        "agreement",
        [
            target_for_sentence(alpha, alpha.sentences[1]),
            target_for_sentence(beta, beta.sentences[6]),
        ],
    )
    store.add(
        "contradiction",
        [
            target_for_sentence(alpha, alpha.sentences[20]),
            target_for_sentence(beta, beta.sentences[25]),
        ],
    )
    lost = target_for_sentence(beta, beta.sentences[30])
    from dataclasses import replace

    from tui.core.notes import TextQuote

    lost = replace(lost, quote=TextQuote("words that appear nowhere at all in any article"))
    store.add("note", [lost], "orphaned")
    app = notes_app(path, alignment)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        screen = reading(app)
        await pilot.press("m")
        await pilot.pause()
        panel = app.screen
        assert isinstance(panel, NotesPanel)
        assert len(panel.annotations) == 3
        listing = panel.query_one(OptionList)
        prompts = [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]
        assert sum("orphan" in p for p in prompts) == 1
        assert app.notes is not None and len(app.notes.orphan_ids()) == 1  # listed, not dropped
        await pilot.press("3")
        await pilot.pause()
        assert [a.kind for a in panel.annotations] == ["contradiction"]
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReadingScreen)
        assert screen.focused_ref == SentenceRef(0, 20)


async def test_broken_notes_file_is_never_written_and_opens_read_only(tmp_path: Path) -> None:
    path = tmp_path / "notes.yaml"
    broken = "schema_version: 1\nannotations:\n  - id: [unclosed\n"
    path.write_text(broken, encoding="utf-8")
    app = notes_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await pilot.pause()
        assert isinstance(app.screen, NotesProblem)
        assert "line" in app.screen.problem and str(path) in app.screen.problem
        text = str(app.screen.query_one("#problem-text").render())
        assert "opened read-only" not in text  # not chosen yet
        assert "untouched" not in text and "left exactly" not in text  # said once, below
        assert "reader does not write to this file, whichever you choose." in text
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("j", "a", "c")
        await pilot.pause()
        assert isinstance(app.screen, ReadingScreen)  # c explains instead of opening an editor
        assert any("disabled" in n.message for n in app._notifications)
    assert path.read_text(encoding="utf-8") == broken


async def test_python_tags_refused_and_a_new_file_can_be_started(tmp_path: Path) -> None:
    path = tmp_path / "notes.yaml"
    evil = "schema_version: 1\nannotations: !!python/object/apply:os.system ['true']\n"
    path.write_text(evil, encoding="utf-8")
    app = notes_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await pilot.pause()
        assert isinstance(app.screen, NotesProblem)
        await pilot.click("#problem-new")
        await pilot.pause()
        assert isinstance(app.screen, ReadingScreen)
        assert app.notes_path == tmp_path / "notes.new.yaml"
        await pilot.press("j", "a")
        await pilot.pause()
        assert len(on_disk(tmp_path / "notes.new.yaml").annotations) == 1
    assert path.read_text(encoding="utf-8") == evil


async def test_changes_by_another_writer_are_merged_and_shown(tmp_path: Path) -> None:
    path = tmp_path / "notes.yaml"
    alignment = sample_corpus()
    app = notes_app(path, alignment)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        screen = reading(app)
        await pilot.press("j", "a")
        await pilot.pause()
        other = NotesStore(path)
        from tui.core.anchoring import target_for_sentence

        gamma = alignment.articles[2]
        other.add("note", [target_for_sentence(gamma, gamma.sentences[5])], "from a colleague")
        app.poll_notes()  # what the 2 s timer and app focus do
        await pilot.pause()
        assert SentenceRef(2, 5) in screen.annotated
        assert any("1 added" in n.message for n in app._notifications)
        await pilot.press("k", "k")
        screen.move_cursor(0, 4)
        await pilot.press("a")
        await pilot.pause()
        kinds = sorted(a.kind for a in on_disk(path).annotations)
        assert kinds == ["agreement", "agreement", "note"]  # both sides kept


async def test_a_twice_on_the_same_passages_records_one_agreement(tmp_path: Path) -> None:
    path = tmp_path / "notes.yaml"
    app = notes_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await pilot.press("j", "a", "a", "a")
        await pilot.pause()
        assert [a.kind for a in on_disk(path).annotations] == ["agreement"]
        assert any("Already marked as agreement" in n.message for n in app._notifications)


async def test_x_and_X_prefer_the_conflict_over_a_compatible_difference(tmp_path: Path) -> None:
    base = sample_corpus()
    conflict = base.discrepancies[0]
    variant = Discrepancy(
        "name",
        "variant",
        Span(conflict.a.doc, conflict.a.sentence, conflict.a.start, conflict.a.start, ""),
        Span(conflict.b.doc, conflict.b.sentence, conflict.b.start, conflict.b.start, ""),
        "Spelling variant: Alpha vs Alfa",
    )
    alignment = Alignment(base.articles, base.pairs, base.groups, (variant, conflict))
    path = tmp_path / "notes.yaml"
    app = notes_app(path, alignment)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        reading(app).move_cursor(CONFLICT.doc, CONFLICT.sentence)
        await pilot.press("X")
        await pilot.pause()
        (dismissed,) = on_disk(path).dismissed
        assert dismissed.kind == "number"  # the conflict, not the name variant
        assert dismissed.explanation == conflict.explanation  # kept for exports
        await pilot.press("u", "x")
        await pilot.pause()
        (confirmed,) = on_disk(path).annotations
        assert confirmed.discrepancy is not None
        assert confirmed.discrepancy.status == "conflict"
        assert confirmed.comment == conflict.explanation
        await pilot.press("X")  # the conflict is confirmed: X takes the open variant
        await pilot.pause()
        (dismissed,) = on_disk(path).dismissed
        assert dismissed.kind == "name"


async def test_keys_do_nothing_blind_while_the_window_is_too_small(tmp_path: Path) -> None:
    path = tmp_path / "notes.yaml"
    app = notes_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        screen = reading(app)
        await pilot.press("j")
        await pilot.resize_terminal(30, 8)
        await pilot.pause()
        assert screen.has_class("-too-small")
        await pilot.press("j", "a", "x")
        await pilot.pause()
        assert screen.cursors[0] == 1
        assert on_disk(path).annotations == ()
        await pilot.resize_terminal(*SIZE)
        await pilot.pause()
        await pilot.press("a")  # big enough again: the keys work
        await pilot.pause()
        assert [a.kind for a in on_disk(path).annotations] == ["agreement"]


async def test_notes_panel_says_the_notes_file_could_not_be_read(tmp_path: Path) -> None:
    from textual.widgets import Static

    from tui.screens.notes_panel import NotesPanel

    path = tmp_path / "notes.yaml"
    path.write_text("schema_version: 1\nannotations:\n  - id: [unclosed\n", encoding="utf-8")
    app = notes_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await pilot.pause()
        assert isinstance(app.screen, NotesProblem)
        await pilot.press("r")  # read-only
        await pilot.pause()
        await pilot.press("m")
        await pilot.pause()
        panel = app.screen
        assert isinstance(panel, NotesPanel)
        problem = panel.query_one("#notes-problem", Static)
        assert problem.display
        text = str(problem.render())
        assert "could not be read" in text and str(path) in text


async def test_notes_panel_of_a_readable_file_has_no_warning(tmp_path: Path) -> None:
    from textual.widgets import Static

    from tui.screens.notes_panel import NotesPanel

    app = notes_app(tmp_path / "notes.yaml")
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await pilot.press("m")
        await pilot.pause()
        panel = app.screen
        assert isinstance(panel, NotesPanel)
        assert not panel.query_one("#notes-problem", Static).display


async def test_a_failed_save_keeps_the_note_in_the_editor(tmp_path: Path) -> None:
    path = tmp_path / "notes.yaml"
    app = notes_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        path.unlink()
        path.mkdir()  # the notes file is now a folder: every write fails
        await pilot.press("c", *"do not lose me", "tab", *"keep", "f2")
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, NoteEditor)  # still open, with the text
        assert editor.draft.comment == "do not lose me"
        assert editor.draft.tags == ("keep",)
        error = editor.query_one("#note-error")
        assert error.display and str(path) in str(error.render())
        path.rmdir()
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, ReadingScreen)
        note = on_disk(path).annotations[0]
        assert (note.comment, note.tags) == ("do not lose me", ("keep",))


def _changed_notes(path: Path, alignment: Alignment) -> None:
    """Notes on Alpha: one reworded since, one whose passage is gone, one in closed articles."""
    from dataclasses import replace

    from tui.core.anchoring import target_for_sentence
    from tui.core.notes import ArticleRef, TextQuote

    alpha = alignment.articles[0]
    store = NotesStore(path)
    reworded = target_for_sentence(alpha, alpha.sentences[12])
    reworded = replace(
        reworded,
        quote=TextQuote("Alpha says twelve people were injured when the bridge fell."),
        position=replace(reworded.position, start=0, end=5),
    )
    store.add("note", [reworded], "reworded")
    gone = target_for_sentence(alpha, alpha.sentences[20])
    gone = replace(gone, quote=TextQuote("A sentence the article no longer has at all, anywhere."))
    store.add("note", [gone], "gone")
    closed = [
        replace(
            target_for_sentence(alpha, alpha.sentences[1]),
            article=ArticleRef(id=name, path=f"{name}.txt", sha256="0", label=name, source=name),
            quote=TextQuote(quote),
        )
        for name, quote in [
            (
                "Delta",
                '"We can call it a day," the mayor said of the bridge, in a sentence long enough '
                "that no list of notes at this width could show it whole on a single line.",
            ),
            ("Echo", "“We can say the bridge had been failing for years” said one engineer."),
        ]
    ]
    store.add("agreement", closed)


async def test_notes_panel_marks_reworded_orphaned_and_closed_and_fits_its_width(
    tmp_path: Path,
) -> None:
    path = tmp_path / "notes.yaml"
    alignment = sample_corpus()
    _changed_notes(path, alignment)
    app = notes_app(path, alignment)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await pilot.press("m")
        await pilot.pause()
        await pilot.pause()
        panel = app.screen
        assert isinstance(panel, NotesPanel)
        listing = panel.query_one(OptionList)
        prompts = {
            listing.get_option_at_index(i).id: str(listing.get_option_at_index(i).prompt)
            for i in range(listing.option_count)
        }
        by_comment = {a.comment: prompts[a.id] for a in panel.annotations}
        reworded, gone, closed = by_comment["reworded"], by_comment["gone"], by_comment[""]
        assert "≈ re-anchored" in reworded and "≈ text changed since the note" in reworded
        assert "⚠ orphan" in gone and "not found in the changed article" in gone
        assert "(articles not open)" in closed  # two closed articles: plural
        assert '“"We' not in closed and "““We" not in closed  # no doubled quote marks
        assert "Delta: “We can call it a day," in closed
        assert "single line" not in closed  # cut (with …) to the width
        width = listing.scrollable_content_region.width
        for prompt in prompts.values():
            for line in prompt.splitlines():
                assert len(line) <= width, line  # cut to the width, never wrapped
        await pilot.press(*["down"] * list(prompts.values()).index(gone), "enter")  # the orphan
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert any("could not be found in the changed article" in m for m in messages)


async def test_the_edit_and_delete_chooser_says_what_enter_does(tmp_path: Path) -> None:
    path = tmp_path / "notes.yaml"
    app = notes_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await pilot.press("j", "a", "c", *"mine", "f2")
        await pilot.pause()
        for key, says in (("e", "enter edits"), ("d", "enter deletes")):
            await pilot.press(key)
            await pilot.pause()
            chooser = app.screen
            assert isinstance(chooser, NotesPanel)
            line = str(chooser.query_one("#notes-filter").render())
            assert line.endswith(says) and "jumps" not in line
            await pilot.press("escape")
            await pilot.pause()


async def test_an_emptied_notes_file_is_said_and_nothing_is_lost(tmp_path: Path) -> None:
    path = tmp_path / "notes.yaml"
    app = notes_app(path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await start(pilot)
        screen = reading(app)
        for sentence in (1, 4):  # both have counterparts in Beta
            screen.move_cursor(0, sentence)
            await pilot.press("a")
            await pilot.pause()
        assert len(on_disk(path).annotations) == 2
        path.write_text("", encoding="utf-8")  # a bad save in an editor
        app.poll_notes()
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert any("was emptied on disk" in m and "2 annotations" in m for m in messages)
        assert not any("removed" in m for m in messages)
        screen.move_cursor(0, 5)
        await pilot.press("a")
        await pilot.pause()
        assert len(on_disk(path).annotations) == 3
