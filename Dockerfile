# Frontline Facts API image: `docker build -t frontline-facts .` (see docs/deployment.md).
# The builder installs the locked runtime dependencies and the package into a virtual
# environment; the runtime stage gets that environment, the data and the contract, and nothing
# else: no tests, no dev tools, no pip cache, no build context.

FROM python:3.11.14-slim-bookworm AS builder
ENV PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /src
RUN python -m venv /opt/venv
COPY pyproject.toml requirements.lock README.md ./
COPY api ./api
COPY schema ./schema
COPY db ./db
COPY ingest ./ingest
# Runtime pins only: requirements.lock constrains versions, `.` (not `.[dev]`) picks the set.
RUN /opt/venv/bin/pip install --no-cache-dir -c requirements.lock .

FROM python:3.11.14-slim-bookworm AS runtime
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PATH=/opt/venv/bin:$PATH \
    HOST=0.0.0.0 \
    PORT=8000 \
    FRONTLINE_ENV=production \
    FRONTLINE_WORKERS=2 \
    PROMETHEUS_MULTIPROC_DIR=/tmp/frontline-metrics
RUN useradd --create-home --uid 10001 --user-group frontline
WORKDIR /app
COPY --from=builder /opt/venv /opt/venv
# Read at run time from the working directory: the shipped dataset and the served contract.
COPY data ./data
COPY openapi ./openapi
COPY docker/entrypoint.sh /usr/local/bin/frontline-entrypoint
USER 10001:10001
EXPOSE 8000
# python, not curl: the slim image has no curl, and adding it would add a tool to the image.
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/healthz' % os.environ.get('PORT', '8000'), timeout=2)"]
STOPSIGNAL SIGTERM
ENTRYPOINT ["frontline-entrypoint"]
CMD []
