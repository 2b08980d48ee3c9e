"""`--help` laid out like a man page: usage, the description as prose, then each argument
and option with its metavar (PATH, N, VERDICTS), not a Python type.

Typer's own layout shows types (`<list[str]>`, `<int range> [x>=1]`) and keeps the line
breaks of the docstring inside the rewrapped text; this command class keeps click's classic
layout, in which each paragraph is rewrapped to the terminal (80 columns at most) and a
paragraph that starts with \\b is kept as written (examples, lists).
"""

from __future__ import annotations

from typing import Any

import typer.core


def _argument_name(param: Any) -> str:
    name = param.metavar or param.name.upper()
    return f"{name}..." if param.nargs != 1 else name


class ManCommand(typer.core.TyperCommand):
    """A command whose --help lists metavars and plain help (see the module docstring)."""

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        for param in self.get_params(ctx):
            if param.param_type_name == "argument":
                name = _argument_name(param)
                pieces.append(name if param.required else f"[{name}]")
        return pieces

    def format_options(self, ctx: Any, formatter: Any) -> None:
        arguments: list[tuple[str, str]] = []
        options: list[tuple[str, str]] = []
        for param in self.get_params(ctx):
            if param.param_type_name == "argument":
                arguments.append((_argument_name(param), getattr(param, "help", None) or ""))
                continue
            record = param.get_help_record(ctx)
            if record is not None:
                options.append(record)
        for title, rows in (("Arguments", arguments), ("Options", options)):
            if rows:
                with formatter.section(title):
                    formatter.write_dl(rows)
