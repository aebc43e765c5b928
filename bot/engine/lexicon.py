"""The vocabulary for understanding questions, read from lexicon.yaml beside this module."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

_DATA: dict[str, Any] = yaml.safe_load(
    (Path(__file__).with_name("lexicon.yaml")).read_text(encoding="utf-8")
)

Groups = dict[str, tuple[str, ...]]


def _groups(name: str) -> Groups:
    return {str(label): tuple(map(str, words)) for label, words in _DATA[name].items()}


def _words(name: str) -> tuple[str, ...]:
    return tuple(map(str, _DATA[name]))


def _integers(name: str) -> dict[str, int]:
    return {str(word): int(value) for word, value in _DATA[name].items()}


TOPICS = (
    "summary", "budget", "dates", "contract", "programme", "activities", "goals", "results",
    "target_groups", "partners", "contractors", "contacts", "news", "faq", "location", "status",
)  # fmt: skip
TOPIC_CUES: Groups = _groups("topic_cues")
CUE_WEIGHTS: dict[str, float] = {str(k): float(v) for k, v in _DATA["cue_weights"].items()}
SUMMARY_WEIGHT: float = float(_DATA["summary_weight"])
STOPWORDS = _words("stopwords")
FOLLOW_UP = _words("follow_up")
MUNICIPALITY = _words("municipality")
MUNICIPALITY_NOUNS = _words("municipality_nouns")
ANAPHORA = _words("anaphora")
ORDINALS = _integers("ordinals")
CLOSING_ANAPHORA = _words("closing_anaphora")
CLOSING_ANAPHORA_NOT_AFTER = _words("closing_anaphora_not_after")
PERSON_PRONOUNS = _words("person_pronouns")
PLURAL_PRONOUNS = _words("plural_pronouns")
SMALL_TALK: Groups = {
    "greeting": _words("greetings"),
    "thanks": _words("thanks"),
    "goodbye": _words("goodbyes"),
    "wish": _words("wishes"),
    "about": _words("about_bot"),
    "politeness": _words("politeness"),
}
ANSWER_TYPES: Groups = _groups("answer_types")
ANSWER_NOUNS = _words("answer_nouns")
NUMBER_WORDS: Groups = _groups("number_words")
NUMERALS = _integers("numerals")
UNITS: Groups = _groups("units")
UNIT_PHRASES: Groups = _groups("unit_phrases")
NUMBER_JOINS = _words("number_joins")
NUMBER_RANGES = _words("number_ranges")
HALF_WORDS = _words("half_words")
NUMERAL_PREFIXES = _integers("numeral_prefixes")
NUMERAL_LOOKALIKES = _words("numeral_lookalikes")
MAGNITUDES = _words("magnitudes")
STATUS_WORDS: Groups = _groups("status_words")
NOW_WORDS = _words("now_words")
SOLD_BY_UNIT = _words("sold_by_unit")
OWN_WORDS = _words("own_words")
GUESS_WORDS = _words("guess_words")
POSSESSIVES = _words("possessives")
OTHER_LANGUAGE_WORDS = _words("other_language_words")
PRICE_QUESTIONS = _words("price_questions")
WORK_NOUNS = _words("work_nouns")
MAKING_VERBS = _words("making_verbs")
WORKS_VERBS = (*_words("works_verbs"), *MAKING_VERBS)
PRICE_VERBS = _words("price_verbs")
RELATIVE_PRONOUNS = _words("relative_pronouns")
LIST_ASKED = _words("list_asked")
KINDS_ASKED = _words("kinds_asked")
CLAUSE_STARTS = _words("clause_starts")
SINCE_ASKED = _words("since_asked")
PAST_ENDINGS = _words("past_endings")
WISH_WORDS = _words("wish_words")
FREQUENCY_MARKS = _words("frequency_marks")
FREQUENCY_UNITS = _words("frequency_units")
FREQUENCY_TIMES = _words("frequency_times")
FREQUENCY_WORDS = _words("frequency_words")
SINCE_WORDS = _words("since_words")
LANDMARK_ASKED = _words("landmark_asked")
LANDMARK_WORDS = _words("landmark_words")
LANDMARK_NOT = _words("landmark_not")
UNTIL_ASKED = _words("until_asked")
UNTIL_WORDS = _words("until_words")
HELPING_VERBS = _words("helping_verbs")
LIST_CUES = _words("list_cues")
LIST_CUE_STATUS: Groups = _groups("list_cue_status")
WHICH_PROJECTS = _words("which_projects")
OFF_TOPIC = _words("off_topic")
FORECAST_DAYS = _words("forecast_days")
OFF_TOPIC_SERVICES: Groups = _groups("off_topic_services")
SUPERLATIVES = _words("superlatives")
WIDE_SCOPES = _words("wide_scopes")
PROJECT_PLURALS = _words("project_plurals")
PROJECT_NOUNS = _words("project_nouns")
GATHERINGS = _words("gatherings")
LANGUAGES = _words("languages")
TAKING_PLACE = _words("taking_place")
LIST_VERBS = _words("list_verbs")
WEEKDAYS = _words("weekdays")
SEASONS = _words("seasons")
OPEN_DAYS = _words("open_days")
WHATS_UP = _words("whats_up")
WHAT_WORDS = _words("what_words")
BUDGET_RANK: Groups = _groups("budget_rank")
DATE_RANK: Groups = _groups("date_rank")
RANKS: Groups = BUDGET_RANK | DATE_RANK  # "most", "least", "newest", "oldest"
DATE_RANK_BARE: Groups = _groups("date_rank_bare")
NEWS_NOUNS = _words("news_nouns")
FUNDING_THEMES: Groups = _groups("funding_themes")
SMALL_TALK_SIGNS: Groups = _groups("small_talk_signs")
LETTERED_SIGNS = tuple(  # ":D", "xD": typed smiles with a letter, no word
    sign for signs in SMALL_TALK_SIGNS.values() for sign in signs if any(map(str.isalpha, sign))
)


def without_signs(text: str) -> str:
    """The text with the typed smiles that have a letter (":D") taken out."""
    for sign in LETTERED_SIGNS:
        text = text.replace(sign, "")
    return text


WHICH_WORDS = _words("which_words")
OTHER_WORDS = _words("other_words")
POINTERS = _words("pointers")
POINTING_WORDS = (*POINTERS, *PERSON_PRONOUNS)  # "онова", "той": never a typo
OCCASION_NOUNS = _words("occasion_nouns")
OCCASION_WORDS = _words("occasion_words")
THEMES: Groups = _groups("themes")
THEME_ASKED: Groups = _groups("theme_asked")
EVENTS: Groups = _groups("events")
EXISTENCE = _words("existence")
YES_NO_PARTICLES = _words("yes_no_particles")
YES_NO_STARTS = _words("yes_no_starts")
THEME_INCLUDES: Groups = _groups("theme_includes")
MUNICIPALITY_FIELDS: Groups = _groups("municipality_fields")
MAYOR_ROLES = _words("mayor_roles")
VILLAGE_MARKS = _words("village_marks")
DEPUTY_WORDS = _words("deputy_words")
CONTEXT_JOINS = _words("context_joins")
CONTRAST_WORDS = _words("contrast_words")
QUESTION_WORDS = _words("question_words")
EXPLAINING_JOINS = _words("explaining_joins")
TELLING_NOUNS = _words("telling_nouns")
TELLING_VERBS = _words("telling_verbs")
TYPO_QUESTION_WORDS = _words("typo_question_words")
WORD_ENDINGS = _words("word_endings")
PART_JOINS = _words("part_joins")
PART_STARTS = _words("part_starts")
FILLER = _words("filler")
HANDING_WORDS = _words("handing_words")
NEED_WORDS = _words("need_words")
VERB_ENDINGS = _words("verb_endings")
LATIN_VERB_ENDINGS = _words("latin_verb_endings")
SURE_VERB_ENDINGS = _words("sure_verb_endings")
VERB_PARTICLES = _words("verb_particles")
MOOD_PARTICLES = _words("mood_particles")
QUESTION_PARTICLES = _words("question_particles")
CLITICS = _words("clitics")
OLDER_WORDS = _words("older_words")
NEWER_WORDS = _words("newer_words")
ARTICLE_ENDINGS = _words("article_endings")
PARTICIPLE_ENDINGS = _words("participle_endings")
PARTICIPLE_FORMS = _words("participle_forms")
ENGLISH_VERB_ENDINGS = _words("english_verb_endings")
ENGLISH_VERBS = _words("english_verbs")
ENGLISH_WORDS = _words("english_words")
STAFF_ROLES: Groups = _groups("staff_roles")
EVERYDAY_WORDS = _words("everyday_words")
ABBREVIATIONS = _words("abbreviations")
ORGANISATION_MARKS = _words("organisation_marks")
PERSON_TITLES: dict[str, str] = {str(k): str(v) for k, v in _DATA["person_titles"].items()}
PERSON_ROLES = _words("person_roles")
PARTY_ROLES: dict[str, Groups] = {
    str(role): {str(k): tuple(map(str, v)) for k, v in parts.items()}
    for role, parts in _DATA["party_roles"].items()
}
# "кой е строил" is no typo of "строи": who built a thing first, not who builds it now
ROLE_WORDS = PARTY_ROLES["history"]["asks"]
EACH_WORDS = _words("each_words")
LINK_WORDS = _words("link_words")
PERIODS: Groups = _groups("periods")
UNSTATED_NEGATIONS = _words("unstated_negations")
UNSTATED_WORDS = _words("unstated_words")
FIELD_NAMES: Groups = _groups("field_names")
STATED_ONLY: Groups = _groups("stated_only")
UNIT_PRICE = _words("unit_price")
SETTLEMENT_NOUNS = _words("settlement_nouns")
