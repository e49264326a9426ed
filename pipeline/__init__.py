"""Persian information extraction: raw news text in, stance, event, entity and relation tables out."""

__version__ = "0.1.0"
