"""Publishing from the editor window: export, print, and drafting a summary of changes."""
