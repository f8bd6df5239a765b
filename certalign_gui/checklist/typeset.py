"""The saved PDFs' typesetter: typst (typst-py), writing tagged PDF/UA-1 from data, never markup.

A template (``resources/typst/*.typ``) is the only typst code; everything a page says reaches it
as one JSON document through ``sys.inputs`` and is set as text. A name typed as
``#import "x"`` or ``]`` is therefore printed as typed: no string of ours or of the user's is
ever pasted into typst markup.

The fonts are the two DejaVu Sans files in ``resources/fonts/`` (embedded, subset, in every
PDF); system fonts and typst's own are never looked at, so a PDF looks the same on every
computer, Windows included. typst is imported only when a PDF is made (never at start-up),
and one compiler is kept: its caches (fonts, the template, QR pictures) make the second and
later PDFs of a session several times faster than the first.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from concurrent import futures
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any

from certalign_gui.basics.resource_lookup import resource_path

if TYPE_CHECKING:
    import typst

#: PDF/UA-1: typst refuses to write a file without a title or with a picture without alt text.
PDF_STANDARD = "ua-1"
#: How often a long job's caller hears that the work goes on (and may cancel it), in seconds.
WAIT_STEP_S = 0.05

_lock = threading.Lock()
_compiler: typst.Compiler | None = None
_templates: dict[str, bytes] = {}


class TypesetError(RuntimeError):
    """typst could not make the PDF; the message says why (typst's own words)."""


def _get_compiler() -> typst.Compiler:
    """The one compiler, made on first use, with only our fonts."""
    global _compiler
    if _compiler is None:
        import typst

        fonts = typst.Fonts(
            include_system_fonts=False,
            include_embedded_fonts=False,
            font_paths=[str(resource_path("fonts"))],
        )
        _compiler = typst.Compiler(font_paths=fonts, ignore_system_fonts=True)
    return _compiler


def _template(name: str) -> bytes:
    if name not in _templates:
        _templates[name] = resource_path("typst", f"{name}.typ").read_bytes()
    return _templates[name]


def typeset(template: str, data: dict[str, Any]) -> bytes:
    """The PDF that ``resources/typst/<template>.typ`` makes of ``data``, as PDF/UA-1."""
    import typst

    source = _template(template)
    inputs = {"data": json.dumps(data, ensure_ascii=False)}
    with _lock:
        try:
            pdf, warnings = _get_compiler().compile_with_warnings(
                input=source, sys_inputs=inputs, pdf_standards=PDF_STANDARD, format="pdf"
            )
        except typst.TypstError as error:
            raise TypesetError(f"typst could not make the PDF: {error.message}") from error
    # A warning means a page that is not what it should be (a missing font would print
    # boxes, say): refuse it rather than hand it out.
    if warnings:
        raise TypesetError(f"typst warned: {'; '.join(w.message for w in warnings)}")
    assert isinstance(pdf, bytes)
    return pdf


def typeset_waiting(template: str, data: dict[str, Any], wait: Callable[[], None]) -> bytes:
    """`typeset` in a worker thread, calling ``wait()`` about every `WAIT_STEP_S` meanwhile.

    typst lets go of Python while it works, so the caller's window stays responsive (its
    progress callback is ``wait``). When ``wait`` raises (Cancel), the exception goes up at
    once; the abandoned PDF is finished in the background and thrown away.
    """
    executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="certalign-typeset")
    try:
        future = executor.submit(typeset, template, data)
        while not future.done():
            wait()
            futures.wait([future], timeout=WAIT_STEP_S)
        return future.result()
    finally:
        executor.shutdown(wait=False)
