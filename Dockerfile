# munibot: the Telegram bot, with the knowledge base and the database on volumes.

# Stage 1 builds the bot's wheel; its build/ and *.egg-info stay behind with the stage.
FROM python:3.11-slim AS build
WORKDIR /src
COPY pyproject.toml README.md LICENSE ./
COPY bot ./bot
RUN pip wheel --no-cache-dir --no-deps --wheel-dir /wheels .

FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    MUNIBOT_KNOWLEDGE=/app/knowledge \
    MUNIBOT_DB=/data/munibot.sqlite3 \
    MUNIBOT_PORT=8443

WORKDIR /app

# The locked dependencies (exact versions, checked by hash) in a layer of their own: a change
# to the code or to the knowledge base does not reinstall them.
COPY requirements.lock /tmp/requirements.lock
RUN pip install --no-cache-dir --require-hashes --no-deps -r /tmp/requirements.lock \
    && rm /tmp/requirements.lock \
    && useradd --system --uid 10001 --no-create-home --home-dir /app munibot \
    && mkdir -p /data \
    && chown munibot /data \
    && chmod 0700 /data

COPY --from=build /wheels /tmp/wheels
RUN pip install --no-cache-dir --no-deps /tmp/wheels/*.whl \
    && rm -rf /tmp/wheels \
    && pip check

COPY knowledge ./knowledge

USER munibot
VOLUME ["/app/knowledge", "/data"]
# The webhook (munibot run --webhook-url ...) and /healthz, in both modes (MUNIBOT_PORT).
EXPOSE 8443
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 \
    CMD ["python", "-m", "bot.healthcheck"]
ENTRYPOINT ["munibot"]
CMD ["run"]
