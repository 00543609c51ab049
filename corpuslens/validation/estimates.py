"""Numbers from judgments: precision with a Wilson score interval, and Cohen's kappa between two coders."""

from __future__ import annotations

import math
from dataclasses import dataclass

Z_95 = 1.959963984540054  # two-sided 95 % normal quantile


def wilson_interval(right: int, judged: int, z: float = Z_95) -> tuple[float, float]:
    """The Wilson score interval of a proportion `right / judged` (Wilson 1927); (0, 1) when nothing is judged.

    Unlike the normal approximation it stays inside [0, 1] and is honest for small samples and for 0 or 20 of 20."""
    if judged <= 0:
        return 0.0, 1.0
    p = right / judged
    z2 = z * z
    denominator = 1 + z2 / judged
    centre = (p + z2 / (2 * judged)) / denominator
    half = z * math.sqrt(p * (1 - p) / judged + z2 / (4 * judged * judged)) / denominator
    return max(0.0, centre - half), min(1.0, centre + half)


def cohens_kappa(first: list[bool], second: list[bool]) -> float:
    """Cohen's kappa of two coders' verdicts on the same passages (True = right), in order.

    (p_o - p_e) / (1 - p_e). NaN when undefined: no passages, or both coders gave one and the same
    verdict to everything (p_e = 1), where agreement beyond chance cannot be measured."""
    if len(first) != len(second):
        raise ValueError("both coders must judge the same passages")
    n = len(first)
    if n == 0:
        return math.nan
    observed = sum(a == b for a, b in zip(first, second)) / n
    right_1, right_2 = sum(first) / n, sum(second) / n
    expected = right_1 * right_2 + (1 - right_1) * (1 - right_2)
    if expected >= 1:
        return math.nan
    return (observed - expected) / (1 - expected)


@dataclass(frozen=True)
class Precision:
    """A target's estimated precision: `right` of `judged` passages, with the 95 % Wilson interval."""

    target: str
    judged: int
    right: int

    @property
    def precision(self) -> float | None:
        return self.right / self.judged if self.judged else None

    @property
    def interval(self) -> tuple[float, float]:
        return wilson_interval(self.right, self.judged)

    def describe(self) -> str:
        """"precision 0.90 [0.70–0.97], 18 of 20 judged": how every view states it."""
        if not self.judged:
            return "not validated yet"
        low, high = self.interval
        return f"precision {self.precision:.2f} [{low:.2f}–{high:.2f}], {self.right} of {self.judged} judged"

    def as_dict(self) -> dict:
        low, high = self.interval
        return {"target": self.target, "judged": self.judged, "right": self.right,
                "precision": None if not self.judged else round(self.precision, 4),
                "low": None if not self.judged else round(low, 4), "high": None if not self.judged else round(high, 4)}


@dataclass(frozen=True)
class Agreement:
    """Two coders' agreement on the passages of a target both judged (skips left out)."""

    target: str
    coders: tuple[str, str]
    passages: int
    kappa: float

    def describe(self) -> str:
        shown = "undefined (one verdict throughout)" if math.isnan(self.kappa) else f"{self.kappa:.2f}"
        return (f"agreement of {self.coders[0]} and {self.coders[1]}: Cohen's κ {shown} "
                f"on {self.passages} passage{'s' * (self.passages != 1)} both judged")
