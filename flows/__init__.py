"""Prefect flows: the thin orchestration layer over tasks/."""
