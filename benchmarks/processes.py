"""Timing whole factcheck processes, as the benchmarks do (imported by the bench_* scripts).

A factcheck installed by pip has its bytecode compiled at install time. A development
checkout writes it on first run, unless PYTHONDONTWRITEBYTECODE is set (as it is on some
machines, this project's included): then every process compiles all of factcheck's modules
again, some 0.1 s that no installed copy pays. So the timed processes get a bytecode cache
of their own, in a temporary folder (PYTHONPYCACHEPREFIX), filled by a first, untimed run;
`--no-bytecode-cache` times them without it.
"""

from __future__ import annotations

import os
import resource
import subprocess
import time
from collections.abc import Hashable, Mapping
from pathlib import Path
from typing import TypeVar

Key = TypeVar("Key", bound=Hashable)


def environment(cache: Path | None, base: Mapping[str, str] | None = None) -> dict[str, str]:
    """The environment of a timed process: with a bytecode cache in `cache`, or none."""
    env = dict(os.environ if base is None else base)
    if cache is not None:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(cache)
    return env


def run(command: list[str], cwd: Path, env: Mapping[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds (user + system) of one process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, cwd=cwd, env=env, capture_output=True, check=False)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def best_in_turns(
    commands: Mapping[Key, tuple[list[str], Mapping[str, str]]], cwd: Path, runs: int
) -> dict[Key, tuple[float, float]]:
    """The best wall and the best CPU time of each command over `runs`, after one untimed
    run of each (it fills the bytecode cache). The commands take turns, so that a busy
    spell of a shared machine does not fall on one of them alone; CPU time varies less
    than wall time there."""
    for command, env in commands.values():
        run(command, cwd, env)
    walls: dict[Key, list[float]] = {name: [] for name in commands}
    cpus: dict[Key, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, (command, env) in commands.items():
            wall, cpu = run(command, cwd, env)
            walls[name].append(wall)
            cpus[name].append(cpu)
    return {name: (min(walls[name]), min(cpus[name])) for name in commands}
