"""The commented skeleton of a new project file that `munibot new-project ID` writes."""

from __future__ import annotations

from pathlib import Path

from bot.knowledge.schema import MODELINE, SCHEMAS

OPTIONAL_MARK = "# --- optional fields / незадължителни полета ---"

_SKELETON = """\
{modeline}
# Нов проект: {id}. Този файл е чернова: името му започва с „_“ и ботът не го чете.
# Попълнете го, преименувайте го на {id}.yaml и проверете: munibot validate --strict
# A new project: {id}. This file is a draft: its name starts with "_", so the bot does not
# read it. Fill it in, rename it to {id}.yaml and check it: munibot validate --strict
# title, status и summary са задължителни / are required.

title:                          # официалното заглавие / the official title
  bg: Заглавие на проекта
  en: Title of the project
status: planned                 # planned | ongoing | completed
summary:                        # две до четири изречения / two to four sentences
  bg: Какво прави проектът, за кого и къде.
  en: What the project does, for whom and where.

{optional}
# Махнете „# “ пред полетата, които знаете / remove "# " before the fields you know.
# short_title: {{bg: Кратко име, en: Short name}}
# aliases: [друго име, another name]
# programme: {{bg: Име на програмата, en: Name of the programme}}
# programme_code: BG05M9OP001-1.001     # точно както е изписан / exactly as written
# funding: {{bg: Европейски социален фонд, en: European Social Fund}}
# contract:
#   number: "BG05M9OP001-1.001-0001"    # в кавички / in quotes
#   date: 2024-01-31                    # ГГГГ-ММ-ДД / YYYY-MM-DD
# budget:                               # числа с точка, без интервали / numbers with a dot
#   total: 100000.00
#   grant: 95000.00
#   own_contribution: 5000.00
#   currency: BGN                       # BGN или / or EUR
# period:
#   start: 2024-02-01
#   end: 2025-01-31
#   months: 12
# partners: []                          # [] = без партньори / no partners
# contractors: [{{bg: „Фирма“ ЕООД, en: Firma EOOD}}]
# locations: [{{bg: с. Име на селото, en: Village name}}]
# goals: [{{bg: Цел, en: A goal}}]
# target_groups: [{{bg: Целева група, en: A target group}}]
# activities:
#   - title: {{bg: Дейност, en: An activity}}
#     summary: {{bg: Какво включва, en: What it consists of}}
# results: [{{bg: Резултат, en: A result}}]
# contacts:
#   - name: {{bg: Отдел „Проекти“, en: Projects Department}}
#     phones: ["+359 2 987 6543"]
#     email: projects@example.bg
# news:
#   - date: 2024-02-01
#     title: {{bg: Заглавие на новината, en: Headline}}
#     url: https://www.example.bg/news.htm
# links:
#   - title: {{bg: Страница на проекта, en: Project page}}
#     url: https://www.example.bg/project.htm
# faq:
#   - questions: [въпрос, a question]
#     answer: {{bg: Отговор., en: An answer.}}
"""


def skeleton(project_id: str) -> str:
    """The text of a new project file: required fields filled in, the rest commented out."""
    modeline = MODELINE.format(f"../{SCHEMAS['project'][0]}")
    return _SKELETON.format(modeline=modeline, id=project_id, optional=OPTIONAL_MARK)


def draft_path(root: Path, project_id: str) -> Path:
    """Where new-project writes the draft of project_id."""
    return root / "projects" / f"_{project_id}.yaml"
