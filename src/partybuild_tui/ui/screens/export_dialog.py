"""Export to a file from the app: a path prompt, a format choice, overwrite confirmation.

The path starts as ``default_filename`` in the working directory (and follows
the format until the user edits it). The file is written atomically and never
over an existing file without a yes, nor over the report being read. The dialog
returns the absolute path written, for the caller to announce.

Focus starts on the format (←/→ or Space choose it, Tab goes to the file name);
Enter exports from any field; the format chosen last is proposed next time (per
kind of export, for the run of the app). The dialog scrolls when the window is
smaller than it (40×12).
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, RadioButton, RadioSet, Static

from partybuild_tui.state.atomic_write import DestinationExists, atomic_write_bytes
from partybuild_tui.ui.i18n import t
from partybuild_tui.ui.session import session_of
from partybuild_tui.ui.widgets.bindings import localize_bindings

FORMAT_NAMES: tuple[tuple[str, str], ...] = (
    ("markdown", "Markdown"),
    ("csv", "CSV"),
    ("json", "JSON"),
)


@dataclass
class ExportJob:
    """What to export: a description, the text in each format, the default file name."""

    what: str
    """Shown in the dialog's title (report text: drawn as plain text)."""
    render: Callable[[str, bool], str]
    """(format, UTF-8 BOM for CSV) → the text to write."""
    default_name: Callable[[str], str]
    """format → file name (no directory)."""
    count_note: str = ""
    initial_format: str = "markdown"
    protect: str | None = None
    """A path never to write over (the report being read)."""
    kind: str = "report"
    """What is exported ("report", "metrics"): the format chosen is remembered per kind."""


def resolve_destination(text: str, default_name: str, cwd: str | None = None) -> Path:
    """The file ``text`` names: ``~`` expanded, relative to ``cwd``.

    A directory (or a name ending in ``/``) gets the default file name inside it.
    """
    base = Path(cwd or os.getcwd())
    raw = text.strip() or default_name
    path = Path(raw).expanduser()
    if not path.is_absolute():
        path = base / path
    if path.is_dir() or raw.endswith(("/", os.sep)):
        path = path / default_name
    return Path(os.path.abspath(path))


def same_file(a: Path, b: str | None) -> bool:
    if b is None:
        return False
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


class ConfirmOverwrite(ModalScreen[bool]):
    """ "FILE exists. Overwrite it?" — y overwrites, n or Esc keeps the file."""

    CSS_PATH = "../styles/dialogs.tcss"

    AUTO_FOCUS = "#confirm-no"
    """Focused before any key is read: an Enter typed at once must not overwrite."""

    BINDINGS = [
        Binding("y", "answer(True)", "Overwrite"),
        Binding("n,escape", "answer(False)", "Cancel"),
    ]

    def __init__(self, path: Path) -> None:
        super().__init__()
        localize_bindings(self)
        self.path = path

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-dialog"):
            yield Static(
                Content(f"{self.path}\n{t('already exists. Overwrite it?')}"), id="confirm-text"
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button(t("Overwrite") + " (y)", variant="error", id="confirm-yes")
                yield Button(t("Cancel") + " (n)", id="confirm-no")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)

    @on(Button.Pressed, "#confirm-yes")
    def _yes(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#confirm-no")
    def _no(self) -> None:
        self.dismiss(False)


MIME_TYPES = {
    "markdown": "text/markdown",
    "csv": "text/csv",
    "json": "application/json",
}


class ExportDialog(ModalScreen[str | None]):
    """Choose a format and a file; Enter exports, Esc cancels."""

    CSS_PATH = "../styles/dialogs.tcss"

    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        # priority: Enter exports from the format choice, the checkbox and the file name
        Binding("enter", "export", "Export", priority=True),
    ]

    AUTO_FOCUS = "#export-format"
    """Focused before any key is read (a focus() in on_mount comes after the first keys);
    the format first: ←/→ and Space choose it, Tab goes on to the file name."""

    def __init__(self, job: ExportJob, cwd: str | None = None) -> None:
        super().__init__()
        localize_bindings(self)
        self.job = job
        self.cwd = cwd or os.getcwd()
        self.format = session_of(self.app).export_formats.get(job.kind, job.initial_format)
        self._default = job.default_name(self.format)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="export-dialog") as dialog:
            dialog.border_title = Content(t("Export"))
            title = f"{t('Export')}: {self.job.what}"
            if self.job.count_note:
                title += f" ({self.job.count_note})"
            yield Static(Content(title), id="export-what")
            yield Label(t("Format"), classes="export-label")
            # compact: one line each, so the dialog fits 40×12
            with RadioSet(id="export-format", compact=True):
                for key, name in FORMAT_NAMES:
                    yield RadioButton(
                        name, value=key == self.format, id=f"format-{key}", compact=True
                    )
            # Set up here, not in on_mount: a dialog closed before its turn (the app quit,
            # Esc at once) is mounted without its children.
            bom = Checkbox(t("UTF-8 with BOM (for Excel)"), id="export-bom", compact=True)
            bom.display = self.format == "csv"
            yield bom
            yield Label(t("File"), classes="export-label")
            path = Input(value=self._default, id="export-path", select_on_focus=False, compact=True)
            path.cursor_position = len(self._default)
            yield path
            where = (
                t("The browser downloads the file")
                if self.app.is_web
                else f"{t('Relative to')} {self.cwd}"
            )
            yield Static(Content(where), id="export-where")
            error = Static(id="export-error")
            error.display = False
            yield error
            with Horizontal(classes="dialog-buttons"):
                yield Button(
                    t("Export") + " (Enter)", variant="primary", id="export-go", compact=True
                )
                yield Button(t("Cancel") + " (Esc)", id="export-cancel", compact=True)

    def on_resize(self) -> None:
        self.set_class(self.size.height < 24, "-short")

    def on_mount(self) -> None:
        self.set_class(self.size.height < 24, "-short")

    def action_export(self) -> None:
        """Enter: export, whatever field has the focus (on Cancel: cancel)."""
        if self.focused is not None and self.focused.id == "export-cancel":
            self.dismiss(None)
            return
        self.export(overwrite=False)

    @on(RadioSet.Changed, "#export-format")
    def _format_changed(self, event: RadioSet.Changed) -> None:
        button_id = event.pressed.id or ""
        self.format = button_id.removeprefix("format-")
        self.query_one("#export-bom", Checkbox).display = self.format == "csv"
        path = self.query_one("#export-path", Input)
        new_default = self.job.default_name(self.format)
        if path.value.strip() in ("", self._default):
            path.value = new_default
        self._default = new_default

    @on(Button.Pressed, "#export-go")
    def _go(self) -> None:
        self.export(overwrite=False)

    @on(Button.Pressed, "#export-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)

    def _error(self, message: str) -> None:
        error = self.query_one("#export-error", Static)
        error.update(Content(message))
        error.display = bool(message)

    def export(self, overwrite: bool) -> None:
        path_text = self.query_one("#export-path", Input).value
        if self.app.is_web:  # served: the file goes to the browser, never onto the server
            self._deliver(path_text)
            return
        destination = resolve_destination(path_text, self._default, self.cwd)
        if same_file(destination, self.job.protect):
            self._error(t("That is the report being read; choose another file."))
            return
        bom = self.format == "csv" and self.query_one("#export-bom", Checkbox).value
        try:
            data = self.job.render(self.format, bom).encode("utf-8")
            atomic_write_bytes(destination, data, overwrite=overwrite)
        except DestinationExists:
            self.app.push_screen(ConfirmOverwrite(destination), self._confirmed)
            return
        except OSError as error:
            reason = error.strerror or str(error)
            self._error(f"{t('Could not write')} {destination}: {reason}")
            return
        session_of(self.app).export_formats[self.job.kind] = self.format
        self.dismiss(str(destination))

    def _deliver(self, path_text: str) -> None:
        """Hand the file to the browser as a download (``partybuild-tui serve``)."""
        name = Path(path_text.strip()).name or self._default
        bom = self.format == "csv" and self.query_one("#export-bom", Checkbox).value
        data = self.job.render(self.format, bom).encode("utf-8")
        self.app.deliver_binary(
            io.BytesIO(data), save_filename=name, mime_type=MIME_TYPES.get(self.format)
        )
        self.dismiss(f"{t('a download in your browser')}: {name}")

    def _confirmed(self, overwrite: bool | None) -> None:
        if overwrite:
            self.export(overwrite=True)
        else:
            self.query_one("#export-path", Input).focus()
