"""The editor window: outline, clause editor, panes, find and replace, file and clause commands."""
