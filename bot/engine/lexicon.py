"""The vocabulary for understanding questions, read from lexicon.yaml beside this module."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

_DATA: dict[str, Any] = yaml.safe_load(
    (Path(__file__).with_name("lexicon.yaml")).read_text(encoding="utf-8")
)

TOPICS = (
    "summary", "budget", "dates", "contract", "programme", "activities", "goals", "results",
    "target_groups", "partners", "contractors", "contacts", "news", "faq", "location", "status",
)  # fmt: skip
TOPIC_CUES: dict[str, tuple[str, ...]] = {k: tuple(v) for k, v in _DATA["topic_cues"].items()}
CUE_WEIGHTS: dict[str, float] = {str(k): float(v) for k, v in _DATA["cue_weights"].items()}
SUMMARY_WEIGHT: float = float(_DATA["summary_weight"])
STOPWORDS: tuple[str, ...] = tuple(_DATA["stopwords"])
GREETINGS: tuple[str, ...] = tuple(_DATA["greetings"])
THANKS: tuple[str, ...] = tuple(_DATA["thanks"])
PROJECT_LIST: tuple[str, ...] = tuple(_DATA["project_list"])
FOLLOW_UP: tuple[str, ...] = tuple(_DATA["follow_up"])
MUNICIPALITY: tuple[str, ...] = tuple(_DATA["municipality"])
