"""The Document view: the whole policy as one page, laid out, painted and edited in place."""
