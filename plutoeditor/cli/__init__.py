"""The scriptable command line: `plutoeditor check|import|renumber|diff|export ...`."""
