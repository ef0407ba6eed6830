"""Every limit of the HTTP service in one place, each with its rationale."""
from __future__ import annotations

# A long feature article is ~30,000 characters; ten times that still checks in a few seconds.
MAX_TEXT_CHARS = 300_000
# A body may hold MAX_TEXT_CHARS of umlaut-heavy text JSON-escaped (\u00fc = 6 bytes) plus form overhead.
MAX_BODY_BYTES = 2 * 1024 * 1024
# An oversized body is read (and dropped) up to this size so the client sees the 413, then the connection closes.
MAX_DRAIN_BYTES = 64 * 1024 * 1024
# A 400-word draft takes ~0.1 s and a MAX_TEXT_CHARS text a few seconds; a check running longer is stuck.
REQUEST_TIMEOUT_S = 30.0
# Requests waiting for a worker beyond this are turned away (503) instead of queueing without bound.
MAX_PENDING = 64
# One check worker per core: checks are CPU-bound, more workers only cost memory (a pipeline each).
DEFAULT_WORKERS = 2
# LanguageTool's context window: characters shown on each side of a match.
CONTEXT_CHARS = 40
