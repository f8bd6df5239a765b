"""The one-page checklist as HTML for QTextDocument: a pure function of the `Assessment`.

Every sentence of the answer comes from `present()` (the same words as on screen and in
the terminal); this module only lays them out for paper. Every string is HTML-escaped,
above all what the user typed, so a name can never become markup or load a resource.
Sizes are in pt (fonts) and in 96-per-inch pixels (spacing and pictures), which Qt
scales to the printer's resolution.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from html import escape

from certalign_gui.checklist import page_words
from certalign_gui.checklist.details import Details
from certalign_gui.presentation import words
from certalign_gui.presentation.answer import Answer, StepText, present
from certalign_gui.presentation.catalogue import _
from certalign_gui.rules.models import Assessment

#: Resource names the document builder registers (`document.py`). Not URLs: nothing is fetched.
TIMELINE_RESOURCE = "certalign-timeline.png"
QR_RESOURCE = "certalign-qr-{name}.png"
#: The links printed with a QR code, in this order, when the policy has them.
QR_LINKS = ("elicensing", "nremt", "oems", "verification")
#: QR code edge, in 96-per-inch pixels: 0.625 inch, which a phone reads from a hand's width away.
QR_SIZE_PX = 60
#: Between the header's items: wide enough to read as separate fields.
SEPARATOR = " &nbsp;&nbsp;&nbsp; "

STYLE = """
body { font-size: 12pt; color: #000000; }
h1 { font-size: 18pt; font-weight: bold; margin-top: 0px; margin-bottom: 0px; }
h2 { font-size: 16pt; font-weight: bold; margin-top: 6px; margin-bottom: 2px; }
p { margin-top: 0px; margin-bottom: 4px; }
ul { margin-top: 0px; margin-bottom: 0px; }
li { margin-bottom: 3px; }
.who { font-size: 12pt; margin-bottom: 2px; }
.status { font-size: 13pt; font-weight: bold; }
.due { font-weight: bold; }
.fee { font-size: 13pt; font-weight: bold; margin-bottom: 2px; white-space: nowrap; }
.where { font-size: 11pt; }
.label { font-size: 10pt; font-weight: bold; }
.url { font-size: 8pt; }
.fine { font-size: 10pt; margin-bottom: 2px; }
"""


def _e(value: str) -> str:
    return escape(value, quote=True)


def _header(answer: Answer, details: Details, printed: date) -> list[str]:
    typed = [
        (label, page_words.clip_detail(value))
        for label, value in (
            (_(page_words.NAME), details.name),
            (_(page_words.MA_NUMBER), details.ma_number),
            (_(page_words.NREMT_NUMBER), details.nremt_number),
        )
        if value.strip()
    ]
    # The dates first and on their own terms: a long name may wrap, but never pushes them
    # off. The advice date is said only when it is not the day of printing.
    fields = [f"<b>{_e(page_words.printed_on(printed))}</b>"]
    if answer.advice_day != printed:
        fields.append(f"<b>{_e(answer.advice_line)}</b>")
    fields += [f"{_e(label)}: <b>{_e(value)}</b>" for label, value in typed]
    return [f"<h1>{_e(_(page_words.TITLE))}</h1>", f'<p class="who">{SEPARATOR.join(fields)}</p>']


def _situation(answer: Answer) -> list[str]:
    parts = [
        f"<h2>{_e(answer.headline)}</h2>",
        f'<p class="status">{_e(answer.banner)}</p>',
        f"<p>{_e(answer.explanation)}</p>",
    ]
    if answer.cautions:
        items = "".join(f"<li>{_e(caution)}</li>" for caution in answer.cautions)
        parts.append(
            '<table width="100%" border="1" cellspacing="0" cellpadding="2" '
            'style="border-collapse: collapse; border-style: solid; border-color: #000000;">'
            "<tr><td>"
            f"<ul>{items}</ul>"
            "</td></tr></table>"
        )
    return parts


def _step(step: StepText) -> str:
    due = f' \N{EM DASH} <span class="due">{_e(step.due)}</span>' if step.due else ""
    where = f' <span class="where">{_e(step.where)}</span>' if step.where else ""
    return f'<li class="unchecked"><b>{_e(step.title)}</b>{due}<br />{_e(step.detail)}{where}</li>'


def _steps(answer: Answer) -> list[str]:
    # The fee sits on the heading's line: it is short, and the page is full.
    heading = (
        '<table width="100%" cellspacing="0" cellpadding="0" style="margin-top: 6px;">'
        f"<tr><td><h2>{_e(_(words.WHAT_TO_DO))}</h2></td>"
        f'<td align="right" valign="bottom"><p class="fee">{_e(answer.fee_line)}</p></td>'
        "</tr></table>"
    )
    return [heading, "<ul>", *map(_step, answer.steps), "</ul>"]


def _dates(answer: Answer, timeline: bool) -> list[str]:
    parts = [f"<h2>{_e(_(words.KEY_DATES))}</h2>"]
    if timeline:
        # On the page the drawn timeline shows every key date with its name and date, so a
        # table would say it twice. The placeholder is swapped for it by `document.py`.
        parts.append(
            f'<p><img src="{TIMELINE_RESOURCE}" width="1" height="1" '
            f'alt="{_e(_(page_words.TIMELINE_ALT))}" /></p>'
        )
    else:
        rows = "".join(
            f'<tr><td class="due">{_e(row.day_text)}</td><td>{_e(row.label)}</td></tr>'
            for row in answer.key_dates
        )
        parts.append(f'<table cellspacing="0" cellpadding="1">{rows}</table>')
    return parts


def qr_links(assessment: Assessment) -> list[tuple[str, str, str]]:
    """The printed links as (name, label, url), in `QR_LINKS` order."""
    links = assessment.policy.links
    return [(name, links[name].label, links[name].url) for name in QR_LINKS if name in links]


def _links(assessment: Assessment, qr_images: bool) -> list[str]:
    cells = []
    for name, label, url in qr_links(assessment):
        image = (
            f'<img src="{QR_RESOURCE.format(name=name)}" width="{QR_SIZE_PX}" '
            f'height="{QR_SIZE_PX}" alt="{_e(label)}" /><br />'
            if qr_images
            else ""
        )
        cells.append(
            f'<td align="center" valign="top" width="25%">{image}'
            f'<span class="label">{_e(label)}</span><br /><span class="url">{_e(url)}</span></td>'
        )
    return [
        '<table width="100%" cellspacing="0" cellpadding="0" style="margin-top: 4px;">'
        f"<tr>{''.join(cells)}</tr></table>",
    ]


def _footer(answer: Answer) -> list[str]:
    return [
        f'<p class="fine" style="margin-top: 6px;">{_e(answer.source_line)} '
        f"{_e(_(words.WHO_TO_ASK))}</p>"
    ]


def checklist_html(
    assessment: Assessment,
    details: Details | None = None,
    *,
    printed_on: date,
    qr_images: bool = True,
    timeline: bool = False,
) -> str:
    """The whole page, dated ``printed_on``. ``timeline`` adds a placeholder for the timeline."""
    answer = present(assessment)
    body: Iterable[str] = (
        *_header(answer, details or Details(), printed_on),
        *_situation(answer),
        *_steps(answer),
        *_dates(answer, timeline),
        *_links(assessment, qr_images),
        *_footer(answer),
    )
    return (
        '<!DOCTYPE html><html><head><meta charset="utf-8" />'
        f"<title>{_e(page_words.document_title(printed_on))}</title><style>{STYLE}</style>"
        "</head><body>" + "".join(body) + "</body></html>"
    )
