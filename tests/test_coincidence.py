"""coincidence.py: how many combinations of a size would land as near the claim by chance,
and what a coincidental basis does to the verdict."""

from __future__ import annotations

import calendar
import itertools
import math
import random
from collections.abc import Hashable
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest

import factcheck.judge.sums as sums_module
from factcheck import audit
from factcheck.coincidence import Coincidences, strength
from factcheck.judge import Settings
from factcheck.judge.audit import choose
from factcheck.judge.settings import resolve
from factcheck.load import load_claim
from factcheck.models import Interval, Qualifier, Verdict
from factcheck.search import Candidate, Target, Weights, census
from tests.conftest import REPO, CaseWriter
from tests.search.reference import is_candidate

D = Decimal
SEED_CLAIM = REPO / "claims" / "trump-2024-09-23-325k-migrant-children.yaml"


def fig(id: str, value: object, *words: object, **extra: object) -> dict[str, object]:
    return {"id": id, "value": value, "unit": "people", "described_as": list(words), **extra}


# --- the acceptance cases ---------------------------------------------------------------------


def test_the_seed_basis_is_telling() -> None:
    result = audit(SEED_CLAIM)
    assert result.basis is not None
    basis = result.combinations[result.basis]
    assert basis.expression == "no_nta + failed_to_appear"
    assert basis.coincidence is not None
    # Three candidate pairs (no_nta + failed_to_appear, and the whole minus either part);
    # one other lies within 50% of 325,000. The window is the claim's interval (325,000 to
    # 326,000) widened by the tolerance, 3,250 either side (rule A4): w = 7,500, and
    # 1 x 7,500 / (325,000 - 7,500).
    assert basis.coincidence.combinations_searched == 3
    assert basis.coincidence.expected_chance_matches == D("0.023622")
    assert basis.coincidence.strength == "telling"
    assert result.verdict is Verdict.false
    assert "weak evidence" not in result.summary
    assert not [note for note in result.notes if note.kind == "coincidence"]


def forty_random_figures(seed: int = 2024) -> tuple[list[dict[str, object]], int]:
    """40 figures between 1,000 and 100,000, and a claim that is the sum of two of them
    (the kind of match the seed is), which no single figure comes near."""
    rng = random.Random(seed)
    values = [rng.randint(1_000, 100_000) for _ in range(40)]
    figures = [fig(f"f{k}", value, "counted") for k, value in enumerate(values)]
    claim = values[3] + values[17]
    assert all(abs(v - claim) > claim * 0.05 for v in values)
    return figures, claim


def test_forty_random_figures_with_a_wide_tolerance_make_the_same_match_coincidental(
    write_case: CaseWriter,
) -> None:
    figures, claim = forty_random_figures()
    result = audit(write_case(figures, value=claim, tolerance=0.05, max_terms=2))
    pairs = [c for c in result.combinations if len(c.terms) == 2]
    assert pairs and all(c.coincidence is not None for c in pairs)
    first = pairs[0].coincidence
    assert first is not None
    assert first.combinations_searched == 780  # 40 choose 2
    assert first.strength == "coincidental"
    assert first.expected_chance_matches > 1
    # Nothing meaningful reproduces the claim: the verdict says so, and a note says why.
    assert result.verdict is Verdict.unsupported
    assert result.basis is None
    assert result.reproduced.value == "none"
    assert result.summary.startswith("Not reproduced by a meaningful combination:")
    (note,) = [note for note in result.notes if note.kind == "coincidence"]
    assert "780 combinations of 2 figures" in note.message
    assert "would land as near by chance" in note.message


def test_the_same_pair_among_few_figures_is_telling(write_case: CaseWriter) -> None:
    figures, claim = forty_random_figures()
    few = [figures[3], figures[17], figures[5]]
    result = audit(write_case(few, value=claim, tolerance=0.01, max_terms=2))
    assert result.basis is not None
    coincidence = result.combinations[result.basis].coincidence
    assert coincidence is not None and coincidence.strength == "telling"
    assert result.verdict is Verdict.false


# --- the verdict and its words ----------------------------------------------------------------


def test_a_weak_basis_keeps_its_verdict_and_says_so(write_case: CaseWriter) -> None:
    # Window 990-1,010 (1%); three other figures between 500 and 1,500: 3 x 20 / 980.
    figures = [
        fig("m", 1000, "missing"),
        fig("a", 700, "counted"),
        fig("b", 1200, "counted"),
        fig("c", 1400, "counted"),
    ]
    # (Said to the unit: a bare 1,000 would also take what rounds to it, 500 to 1,500.)
    result = audit(write_case(figures, value=1000, precision=1, max_terms=1))
    assert result.verdict is Verdict.supported
    basis = result.combinations[result.basis or 0]
    assert basis.coincidence is not None
    assert basis.coincidence.expected_chance_matches == D("0.061224")
    assert basis.coincidence.strength == "weak"
    assert result.summary.endswith(
        "That match is weak evidence: about 0.06 combinations of 1 figure would land as near "
        "by chance (of the 4 searched)."
    )


def test_a_coincidental_band_yields_to_a_telling_one(write_case: CaseWriter) -> None:
    # x alone is the claimed number (the source never says 'missing' of it): telling, false.
    # Thirty small 'missing' figures make pairs near 50,000 by the dozen: coincidental.
    rng = random.Random(7)
    small = [fig(f"s{k}", rng.randint(20_000, 24_900), "missing") for k in range(30)]
    figures = [fig("x", 50_000, "not served a notice"), *small]
    result = audit(write_case(figures, value=50_000, precision=1, tolerance=0.02, max_terms=2))
    assert result.verdict is Verdict.false
    basis = result.combinations[result.basis or 0]
    assert basis.expression == "x"
    assert basis.coincidence is not None and basis.coincidence.strength == "telling"
    (note,) = [note for note in result.notes if note.kind == "coincidence"]
    assert "would earn 'supported'" in note.message


@pytest.mark.parametrize(
    ("expected", "word"),
    [
        (Fraction(0), "telling"),
        (Fraction(499, 10_000), "telling"),
        (Fraction(5, 100), "weak"),
        (Fraction(99, 100), "weak"),
        (Fraction(1), "coincidental"),
        (Fraction(250), "coincidental"),
    ],
)
def test_strength_thresholds(expected: Fraction, word: str) -> None:
    assert strength(expected) == word


# --- the estimator on its own -----------------------------------------------------------------


def point(id: str, value: int) -> Candidate:
    return Candidate(id=id, interval=Interval.of(D(value), Qualifier.exact, D(1)), point=D(value))


def test_the_density_is_read_beside_the_window() -> None:
    # Claim 100 +-10%: window 90-110 (width 20); neighbourhood 50-150 (R = max(50, 200)).
    candidates = [point("hit", 100), point("near", 105), point("side", 60), point("far", 300)]
    claim = Target(D(100), Interval.of(D(100), Qualifier.exact, D(1)), D("0.1"))
    chance = Coincidences(census(candidates, max_terms=1), claim)
    found = chance.of(1, D(100))
    assert found is not None
    # R = max(50, 10 x 20) = 200: sidebands hold side (60) and far (300) -> 2 x 20 / 380.
    assert found.expected_chance_matches == D("0.105263")
    assert found.combinations_searched == 4
    # The window reaches an exact match that lies beyond the tolerance.
    assert chance.window(D(130)) == (Fraction(90), Fraction(130))


def test_a_point_window_is_one_unit_of_the_data_wide() -> None:
    candidates = [point("a", 10), point("b", 12)]
    claim = Target(D(10), Interval.of(D(10), Qualifier.exact, D(1)), D(0))
    chance = Coincidences(census(candidates, max_terms=1), claim)
    assert chance.window(D(10)) == (Fraction(19, 2), Fraction(21, 2))


def test_a_round_number_widens_the_window_to_what_rounds_to_it() -> None:
    # Rule B1: "20,000" said bare reproduces from 15,000 to 25,000, so chance matches are
    # counted over that window, not only over 20,000 +-1%.
    candidates = [point("recruits", 20951), point("a", 9100), point("b", 5850)]
    interval = Interval.of(D(20000), Qualifier.exact, D(10000))
    rounded = Interval(low=D(15000), high=D(25000))
    claim = Target(D(20000), interval, D("0.01"), rounded=rounded)
    chance = Coincidences(census(candidates, max_terms=1), claim)
    assert chance.window(D(20951)) == (Fraction(15000), Fraction(25000))
    bare = Target(D(20000), interval, D("0.01"))
    assert Coincidences(census(candidates, max_terms=1), bare).window(D(20951)) == (
        Fraction(19800),
        Fraction(20951),
    )


def test_no_estimate_without_a_census() -> None:
    claim = Target(D(10), Interval.of(D(10), Qualifier.exact, D(1)), D(0))
    assert Coincidences(None, claim).of(1, D(10)) is None


# --- the bands the judge gives the search keep the search's contract ---------------------------


def _grid(breakpoints: list[Decimal]) -> list[Decimal]:
    values = {D(-(10**9)), D(10**9)}
    for b in breakpoints:
        values |= {b - 1, b - D("0.5"), b, b + D("0.5"), b + 1}
    return sorted(values)


def _cell(breakpoints: list[Decimal], value: Decimal) -> tuple[int, ...]:
    return tuple((value > b) - (value < b) for b in breakpoints)


@pytest.mark.parametrize(
    ("unit", "value"), [("people", 325_000), ("usd", -2_000), ("usd", 0), ("people", 7)]
)
def test_the_judges_bands_depend_only_on_cells(
    write_case: CaseWriter, monkeypatch: pytest.MonkeyPatch, unit: str, value: int
) -> None:
    captured: list[Weights] = []
    real = vars(sums_module)["search"]

    def spy(*args: Any, **kwargs: Any) -> Any:
        captured.append(kwargs["weights"])
        return real(*args, **kwargs)

    monkeypatch.setattr(sums_module, "search", spy)
    figures = [fig("a", abs(value) or 5, "missing"), fig("b", 3, "counted")]
    for figure in figures:
        figure["unit"] = unit
    audit(write_case(figures, value=value, unit=unit))
    (weights,) = captured
    points = sorted(set(weights.breakpoints))
    grid = _grid(points)
    buckets: dict[tuple[tuple[int, ...], ...], set[Hashable]] = {}
    for v, lo, hi in itertools.product(grid, repeat=3):
        cells = (_cell(points, v), _cell(points, lo), _cell(points, hi))
        buckets.setdefault(cells, set()).add(weights.bucket(v, lo, hi))
    assert all(len(found) == 1 for found in buckets.values())


def test_max_terms_all_through_the_judge(write_case: CaseWriter, tmp_path: Path) -> None:
    result = audit(SEED_CLAIM, Settings(max_terms="all"))
    assert result.verdict is Verdict.false
    assert result.search.max_terms == 3
    assert result.combinations[0].expression == "no_nta + failed_to_appear"
    coincidence = result.combinations[0].coincidence
    assert coincidence is not None and coincidence.strength == "telling"
    # The claim file may say so too.
    figures, claim = forty_random_figures()
    result = audit(write_case(figures[:24], value=claim, max_terms="all", tolerance=0.001))
    assert result.search.complete
    assert result.search.max_terms == 24


# --- rule A5: what was searched -----------------------------------------------------------


def test_combinations_searched_is_every_combination_of_the_basis_size() -> None:
    # Twenty budget lines, a four-line sum: 4,845 combinations of four were searched.
    result = audit(REPO / "claims" / "illustrative-councillor-323200-cut-services.yaml")
    assert result.verdict is Verdict.unsupported
    assert {c.coincidence.combinations_searched for c in result.combinations if c.coincidence} == {
        math.comb(20, 4)
    }


def test_combinations_searched_agrees_with_brute_force(write_case: CaseWriter) -> None:
    # Windows and the changes between them, stocks and their changes, parts and wholes: every
    # size counts what the search considered under the rules (A1, A2, E), one by one.
    months = [
        fig(f"m{k}", 100 + 37 * k, "people", series="monthly",
            period={"start": f"2024-{k + 1:02d}-01", "end": _month_end(k)})
        for k in range(5)
    ]  # fmt: skip
    figures = [
        *months,
        fig("s1", 400, "people", series="stocks", as_of="2020-01-01"),
        fig("s2", 520, "people", series="stocks", as_of="2022-01-01"),
        fig("s3", 450, "people", series="stocks", as_of="2024-01-01"),
        fig("whole", 900, "people"),
        fig("part", 250, "people", part_of="whole"),
        fig("other", 330, "people"),
    ]
    path = write_case(figures, value=770, precision=1, tolerance=0.2, asserts="rose", max_terms=3)
    result = audit(path)
    case = load_claim(path)
    combos = choose(case, resolve(case, None, None))
    assert result.combinations
    sizes = {len(c.terms): c.coincidence for c in result.combinations if c.coincidence}
    assert sizes
    for size, found in sizes.items():
        assert found is not None
        expected = sum(
            1
            for chosen in itertools.combinations(range(len(combos.candidates)), size)
            for signs in itertools.product((1, -1), repeat=size)
            if is_candidate(combos.candidates, tuple(zip(chosen, signs, strict=True))) is True
        )
        assert found.combinations_searched == expected


def _month_end(k: int) -> str:
    return f"2024-{k + 1:02d}-{calendar.monthrange(2024, k + 1)[1]}"
