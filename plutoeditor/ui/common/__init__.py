"""What every window shares: the action registry, settings, translations, workers, crash dialog."""
