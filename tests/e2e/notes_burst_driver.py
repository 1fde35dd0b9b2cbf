"""Driver for test_kill9: adds annotations through NotesStore in a loop, acking each save.

Usage: python notes_burst_driver.py NOTES.yaml COUNT
Prints "ready" once the store is open, then "ack ID" after each add has returned (the file is
saved by then). The test kills this process with SIGKILL at a random moment.
"""

from __future__ import annotations

import sys

from tui.core.anchoring import target_for_sentence
from tui.core.corpus import make_article
from tui.core.notes_store import NotesStore

TEXT = " ".join(f"Sentence number {i} says something about the flood." for i in range(50))


def main(path: str, count: int) -> None:
    wire = make_article("wire", "/n/wire.txt", TEXT)
    ap = make_article("ap", "/n/ap.txt", TEXT.replace("flood", "storm"))
    store = NotesStore(path)
    print("ready", flush=True)
    for i in range(count):
        n = i % len(wire.sentences)
        targets = [target_for_sentence(wire, wire.sentences[n])]
        if i % 2:
            targets.append(target_for_sentence(ap, ap.sentences[n]))
        kind = "agreement" if i % 2 else "note"
        added = store.add(kind, targets, comment=f"burst {i}\nline two of {i}", tags=["burst"])
        print(f"ack {added.id}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
