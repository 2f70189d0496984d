# CPU image of the summarisation service (editor's page at /, API at /v1, docs at /docs).
#
#   docker build -t summarizer .
#   docker run --rm -p 8000:8000 -v "$PWD/models:/models" summarizer
#
# GPU: build on a CUDA runtime image (it needs python3 >= 3.11 with venv), e.g.
#   docker build --build-arg BASE_IMAGE=nvidia/cuda:12.4.1-runtime-ubuntu24.04 -t summarizer:cuda .
#   docker run --gpus all -p 8000:8000 -v "$PWD/models:/models" -e SUMMARIZER_DEVICE=cuda summarizer:cuda
#
# The install step is scripts/bootstrap.sh, the same command the README and CI run, so
# testing that script tests this recipe. Model weights are not in the image: mount a
# models/ directory (SUMMARIZER_MODELS_DIR) and name the model with SUMMARIZER_MODEL.
ARG BASE_IMAGE=python:3.11-slim
FROM ${BASE_IMAGE}

# Extra pip index for the torch wheel (e.g. PyTorch's CPU-only index for a smaller CPU
# image); empty = the default index. pip reads it from the environment.
ARG PIP_EXTRA_INDEX_URL=""
ENV PIP_EXTRA_INDEX_URL=${PIP_EXTRA_INDEX_URL} \
    PIP_NO_CACHE_DIR=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1

# CUDA base images come without Python; the slim Python image already has it.
RUN if ! command -v python3 >/dev/null 2>&1; then \
        apt-get update && apt-get install -y --no-install-recommends python3 python3-venv \
        && rm -rf /var/lib/apt/lists/*; \
    fi

RUN useradd --create-home --uid 10001 --shell /usr/sbin/nologin summarizer
WORKDIR /app
COPY --chown=summarizer:summarizer . /app
USER summarizer
# The same install command as the README and CI, without the test tools.
ENV BOOTSTRAP_EXTRAS=eval,ctranslate2
RUN bash scripts/bootstrap.sh

ENV PATH=/app/.venv/bin:$PATH \
    SUMMARIZER_SERVICE_HOST=0.0.0.0 \
    SUMMARIZER_SERVICE_PORT=8000 \
    SUMMARIZER_MODELS_DIR=/models \
    HF_HUB_OFFLINE=1
VOLUME ["/models"]
EXPOSE 8000

HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python3", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/healthz' % os.environ.get('SUMMARIZER_SERVICE_PORT', '8000'), timeout=4)"]

# SIGTERM (docker stop) lets in-flight requests finish before the process exits.
STOPSIGNAL SIGTERM
CMD ["summarizer", "serve"]
