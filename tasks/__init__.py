"""The pipeline steps as plain functions (no Prefect here)."""
