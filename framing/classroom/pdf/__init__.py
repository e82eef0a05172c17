"""The worksheet and its answer key as printable PDFs (ReportLab)."""

from framing.classroom.pdf.answer_key import write_answer_key_pdf
from framing.classroom.pdf.worksheet import write_worksheet_pdf

__all__ = ["write_answer_key_pdf", "write_worksheet_pdf"]
