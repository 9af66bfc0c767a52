"""The application around the stages: build one article, a batch, progress, settings."""
