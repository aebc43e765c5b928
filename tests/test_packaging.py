"""The image, Compose file, Makefile and lock files agree with each other and with pyproject."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import yaml
from packaging.requirements import Requirement

from bot.config import DEFAULT_PORT

ROOT = Path(__file__).parent.parent
DOCKERFILE = (ROOT / "Dockerfile").read_text(encoding="utf-8")
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def pins(lock: str) -> dict[str, str]:
    text = (ROOT / lock).read_text(encoding="utf-8")
    return {name.lower(): version for name, version in re.findall(r"^([\w.-]+)==(\S+)", text, re.M)}


def test_every_dependency_is_pinned_within_its_range_and_hashed() -> None:
    for lock, requirements in (
        ("requirements.lock", PROJECT["dependencies"]),
        (
            "requirements-dev.lock",
            PROJECT["dependencies"] + PROJECT["optional-dependencies"]["test"],
        ),
    ):
        pinned = pins(lock)
        for line in requirements:
            requirement = Requirement(line)
            name = requirement.name.lower().replace("_", "-")
            assert requirement.specifier.contains(pinned[name]), (lock, line, pinned[name])
        text = (ROOT / lock).read_text(encoding="utf-8")
        blocks = [b for b in re.split(r"\n(?=[\w.-]+==)", text) if re.match(r"[\w.-]+==", b)]
        assert len(blocks) == len(pinned) and all("--hash=sha256:" in b for b in blocks)
        assert "matplotlib" not in pinned and "numpy" not in pinned
    runtime, dev = pins("requirements.lock"), pins("requirements-dev.lock")
    assert {name: dev[name] for name in runtime} == runtime  # the two locks agree


def test_the_image_and_make_install_from_the_locks() -> None:
    assert "--require-hashes --no-deps -r /tmp/requirements.lock" in DOCKERFILE
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "--require-hashes -r requirements-dev.lock" in makefile
    assert DOCKERFILE.index("COPY requirements.lock") < DOCKERFILE.index("COPY --from=build")


def test_compose_uses_the_image_volumes_and_port() -> None:
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text(encoding="utf-8"))
    bot = compose["services"]["bot"]
    targets = {re.sub(r"\$\{[^}]*\}", "HOST", volume).split(":")[1] for volume in bot["volumes"]}
    assert targets == {"/app/knowledge", "/data"}
    assert 'VOLUME ["/app/knowledge", "/data"]' in DOCKERFILE
    assert bot["ports"] == [f"127.0.0.1:{DEFAULT_PORT}:{DEFAULT_PORT}"]
    assert f"EXPOSE {DEFAULT_PORT}" in DOCKERFILE and f"MUNIBOT_PORT={DEFAULT_PORT}" in DOCKERFILE
    assert 'CMD ["python", "-m", "bot.healthcheck"]' in DOCKERFILE


def test_compose_gives_the_bot_every_setting_of_env_and_a_knowledge_base_it_can_edit() -> None:
    """Tickets and editors (MUNIBOT_STAFF_CHAT_ID, MUNIBOT_EDITOR_IDS...) are set in .env as the
    README says; editing from Telegram and Learn write to knowledge/."""
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text(encoding="utf-8"))
    bot = compose["services"]["bot"]
    assert bot["env_file"] == [".env"]
    [knowledge] = [volume for volume in bot["volumes"] if ":/app/knowledge" in volume]
    assert not knowledge.endswith(":ro")


def test_the_license_is_there() -> None:
    assert PROJECT["license"] == "MIT" and PROJECT["license-files"] == ["LICENSE"]
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")


def test_compose_mounts_the_municipality_s_own_folder_at_the_container_s_paths() -> None:
    """Another municipality sets MUNIBOT_KNOWLEDGE=/srv/belorechie in .env, as for the host's
    munibot: that folder is mounted, and the container still reads /app/knowledge and /data."""
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text(encoding="utf-8"))
    bot = compose["services"]["bot"]
    [knowledge] = [volume for volume in bot["volumes"] if ":/app/knowledge" in volume]
    assert knowledge == "${MUNIBOT_KNOWLEDGE:-./knowledge}:/app/knowledge"
    assert bot["environment"]["MUNIBOT_KNOWLEDGE"] == "/app/knowledge"
    assert bot["environment"]["MUNIBOT_DB"] == "/data/munibot.sqlite3"
