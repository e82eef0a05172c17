"""The ``framing`` command line: one ``main``, one module per command group."""

from framing.cli.app import build_parser, main

__all__ = ["build_parser", "main"]
