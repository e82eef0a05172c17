"""Classroom mode: a printable media-literacy worksheet and its answer key, from a teacher's articles."""

from framing.classroom.anonymise import Anonymiser
from framing.classroom.levels import LEVELS, Level
from framing.classroom.pdf.answer_key import write_answer_key_pdf
from framing.classroom.pdf.worksheet import write_worksheet_pdf
from framing.classroom.render import render_answer_key_html, render_worksheet_html
from framing.classroom.worksheet import make_worksheet, worksheet_data

__all__ = [
    "LEVELS",
    "Anonymiser",
    "Level",
    "make_worksheet",
    "render_answer_key_html",
    "render_worksheet_html",
    "worksheet_data",
    "write_answer_key_pdf",
    "write_worksheet_pdf",
]
