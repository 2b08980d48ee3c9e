"""load/relations.py: the rules between figures (unique ids, part_of, cycles, ancestors)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from factcheck.load import Document, FigureOrigin, ancestors, check_figures, read_document, validate
from factcheck.models import Figure, Source
from tests.load.helpers import CLAIM, problems_of


def fig(figure_id: str, *parents: str, value: int = 1, unit: str = "x") -> Figure:
    return Figure(id=figure_id, value=Decimal(value), unit=unit, part_of=list(parents))


def origins(*figures: Figure) -> list[FigureOrigin]:
    document = Document(path=Path("s.yaml"), data={})
    return [FigureOrigin(f, "s", document, ("figures", i)) for i, f in enumerate(figures)]


def test_a_long_part_of_chain_and_a_cycle_at_its_end(tmp_path: Path) -> None:
    # Thousands of nested figures: the cycle check must not run out of stack.
    figures = ["figures:", "  - {id: f0, value: 100, unit: children, part_of: f2999}"]
    figures += [
        f"  - {{id: f{k}, value: 100, unit: children, part_of: f{k - 1}}}" for k in range(1, 3000)
    ]
    path = tmp_path / "chain.yaml"
    path.write_text(CLAIM + "\n".join(figures) + "\n", encoding="utf-8")
    (problem,) = problems_of(path)
    assert problem.code == "FC404"
    assert problem.message.startswith("part_of goes round in a circle: f0 -> f2999 -> f2998")


def test_ancestors_are_transitive_and_safe_on_cycles() -> None:
    chain = {f.id: f for f in [fig("a"), fig("b", "a"), fig("c", "b"), fig("d", "c", "ghost")]}
    assert ancestors(chain, "d") == {"a", "b", "c"}
    assert ancestors(chain, "a") == set()
    loop = {f.id: f for f in [fig("x", "y"), fig("y", "x")]}
    assert ancestors(loop, "x") == {"y"}


def test_figures_without_relations_have_no_problem() -> None:
    assert check_figures(origins(*(fig(f"f{i}") for i in range(1000)))) == []


def test_each_rule_between_figures() -> None:
    problems = check_figures(
        origins(
            fig("whole", value=10),
            fig("part", "whole", value=11),  # larger than its whole
            fig("other_unit", "whole", unit="y"),
            fig("self", "self"),
            fig("orphan", "wholes"),  # a typo
            fig("whole"),  # the id again
        )
    )
    assert sorted(p.code for p in problems) == ["FC401", "FC402", "FC403", "FC405", "FC406"]
    (typo,) = [p for p in problems if p.code == "FC402"]
    assert "(did you mean 'whole'?)" in typo.message


def test_a_relation_written_as_one_value_is_named_without_an_index(tmp_path: Path) -> None:
    path = tmp_path / "source.yaml"
    path.write_text(
        "id: s\ntitle: T\npublisher: P\npublished: 2024-01-01\nfigures:\n"
        "  - {id: a, value: 5, unit: people, part_of: nowhere}\n"
        "  - {id: b, value: 5, unit: people, part_of: [nowhere]}\n",
        encoding="utf-8",
    )
    document = read_document(path)
    source = validate(document, Source)
    origins = [
        FigureOrigin(figure, "s", document, ("figures", index))
        for index, figure in enumerate(source.figures)
    ]
    found = {(p.key_path, p.line, p.code) for p in check_figures(origins)}
    assert found == {("figures[0].part_of", 6, "FC402"), ("figures[1].part_of[0]", 7, "FC402")}
