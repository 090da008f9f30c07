# The WUP platform image: web (gunicorn), worker and beat (celery) all run from it.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    WUP_ENV=production

# WeasyPrint renders the plan PDF with Pango and HarfBuzz and needs fonts.
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*

RUN groupadd --system wup && useradd --system --gid wup --home-dir /app --no-create-home wup
WORKDIR /app

# Dependencies first (exact versions from the lock file), so code changes reuse this layer.
COPY pyproject.toml constraints.txt README.md ./
RUN pip install -c constraints.txt .

COPY . .
# Static files are collected into the image; the key exists only for this command.
RUN SECRET_KEY=collectstatic-at-build-time-only-never-used-to-sign-anything-0000 \
    ALLOWED_HOSTS=localhost \
    python manage.py collectstatic --noinput \
    && mkdir -p /app/media \
    && chown wup:wup /app/media

USER wup
EXPOSE 8000
CMD ["gunicorn", "wup.wsgi", "--bind", "0.0.0.0:8000", "--workers", "3"]
