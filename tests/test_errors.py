"""errors.py: problems as the CLI prints them, and InputError's order."""

from __future__ import annotations

from factcheck.errors import InputError, Problem


def test_problem_format() -> None:
    located = Problem("a.yaml", 3, 5, "expected a number", "FC203", "figures[0].value")
    assert located.format() == "a.yaml:3:5: figures[0].value: expected a number [FC203]"
    whole_file = Problem("a.yaml", 0, 0, "file not found", "FC101")
    assert whole_file.format() == "a.yaml: file not found [FC101]"


def test_input_error_sorts_its_problems_by_place() -> None:
    later = Problem("a.yaml", 9, 1, "b", "FC203")
    earlier = Problem("a.yaml", 2, 1, "a", "FC203")
    error = InputError([later, earlier])
    assert error.problems == [earlier, later]
    assert str(error) == f"{earlier.format()}\n{later.format()}"
