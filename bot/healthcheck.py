"""`python -m bot.healthcheck`: exit 0 when the running bot's /healthz says ok (Docker HEALTHCHECK).

It asks http://MUNIBOT_LISTEN:MUNIBOT_PORT/healthz (127.0.0.1 when the bot listens on every
address; port 8443 by default), as the image sets them; it imports nothing heavy.
"""

from __future__ import annotations

import sys
import urllib.error
import urllib.request

from bot.config import DEFAULT_PORT, Settings

TIMEOUT = 4.0
EVERY_ADDRESS = ("0.0.0.0", "::", "")


def health_url(settings: Settings) -> str:
    """Where the bot of these settings serves /healthz."""
    host = "127.0.0.1" if settings.listen in EVERY_ADDRESS else settings.listen
    host = f"[{host}]" if ":" in host else host
    return f"http://{host}:{settings.port or DEFAULT_PORT}/healthz"


def main() -> int:
    """0 when /healthz answers 200, else 1 (with the reason on stderr)."""
    url = health_url(Settings.from_env())
    try:
        with urllib.request.urlopen(url, timeout=TIMEOUT) as response:
            return 0 if response.status == 200 else 1
    except (urllib.error.URLError, OSError) as error:
        print(f"munibot is not healthy: {url}: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
