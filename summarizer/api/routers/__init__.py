"""One router per resource: summaries, models, health, metrics, the editor's page."""
