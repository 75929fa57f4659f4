"""The progress bar of ``extract``, counted in characters."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn, TimeElapsedColumn


def extract_progress(console: Console, *, disable: bool) -> Progress:
    """The progress bar of ``extract``: it counts characters, so a long article moves it
    chunk by chunk; the documents done are shown beside it."""
    return Progress(
        TextColumn("[bold]extracting"),
        BarColumn(),
        TaskProgressColumn(),
        TextColumn("{task.fields[done]}/{task.fields[documents]} documents"),
        TextColumn("{task.fields[failed]} failed"),
        TimeElapsedColumn(),
        console=console,
        disable=disable,
        transient=False,
    )


class CharacterProgress:
    """Advances a progress task by characters: by each chunk of a long text as the
    extractor finishes it (``Extractor.on_chunk``), and by each short text when its
    record comes out. The total is estimated from the file sizes."""

    def __init__(self, progress: Progress, task: Any):
        self.progress = progress
        self.task = task
        self.credit = 0  # characters counted from chunks, not yet matched to a record

    def chunk_done(self, characters: int) -> None:
        self.credit += characters
        self.progress.advance(self.task, characters)

    def document_done(self, characters: int, *, failed: int) -> None:
        taken = min(characters, self.credit)
        self.credit -= taken
        done = self._task().fields["done"] + 1
        self.progress.update(self.task, advance=characters - taken, done=done, failed=failed)

    def finish(self) -> None:
        """Show the bar full: the total was an estimate from file sizes."""
        completed = self._task().completed or 1
        self.progress.update(self.task, total=completed, completed=completed)

    def _task(self) -> Any:
        return next(task for task in self.progress.tasks if task.id == self.task)

