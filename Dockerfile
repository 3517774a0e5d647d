FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
WORKDIR /app

COPY requirements.lock ./
RUN pip install --no-cache-dir -r requirements.lock

COPY pyproject.toml README.md ./
COPY bot ./bot
COPY handlers ./handlers
COPY content ./content
RUN pip install --no-cache-dir --no-deps . \
    && useradd --create-home --uid 10001 diary
USER diary

ENV CONTENT_DIR=/app/content
CMD ["python", "-m", "bot", "run"]
