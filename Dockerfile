# Frontline Facts API image: installs the pinned dependencies, migrates, loads seeds, serves.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    HOST=0.0.0.0 \
    PORT=8000

WORKDIR /app
COPY pyproject.toml requirements.lock README.md ./
COPY api ./api
COPY schema ./schema
COPY db ./db
COPY ingest ./ingest
COPY data ./data
COPY openapi ./openapi
RUN pip install -c requirements.lock . \
    && useradd --create-home --uid 10001 frontline \
    && mkdir -p /app/var && chown frontline /app/var

USER frontline
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=3s CMD python -c "import urllib.request,os; urllib.request.urlopen(f'http://127.0.0.1:{os.environ.get(\"PORT\",\"8000\")}/healthz')"
CMD ["sh", "-c", "frontline db upgrade && frontline seed --if-empty && frontline serve"]
