"""The numpy array types of the meet in the middle's tables."""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt

Ints = npt.NDArray[np.int64]
Bools = npt.NDArray[np.bool_]
Column = npt.NDArray[Any]  # a table column: Ints or Bools
Floats = npt.NDArray[np.float64]
