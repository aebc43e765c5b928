# munibot: the Telegram bot, with the knowledge base and the database on volumes.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    MUNIBOT_KNOWLEDGE=/app/knowledge \
    MUNIBOT_DB=/data/munibot.sqlite3

WORKDIR /app

# Dependencies first, so that a change to the knowledge base does not reinstall them.
COPY pyproject.toml README.md ./
COPY bot ./bot
RUN pip install --no-cache-dir . \
    && useradd --system --uid 10001 --no-create-home --home-dir /app munibot \
    && mkdir -p /data \
    && chown munibot /data

COPY knowledge ./knowledge

USER munibot
VOLUME ["/app/knowledge", "/data"]
ENTRYPOINT ["munibot"]
CMD ["run"]
