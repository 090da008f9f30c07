"""The product's settings with the benchmark URLconf (``bench_urls``), for the load test only."""

from wup.settings import *  # noqa: F403

ROOT_URLCONF = "benchmarks.bench_urls"
