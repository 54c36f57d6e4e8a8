// Enhancement only: the pages work without it.
