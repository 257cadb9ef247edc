"""The compare window: old and new versions side by side, its worker, actions and redline export."""
