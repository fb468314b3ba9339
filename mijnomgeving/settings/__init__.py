"""Settings: base.py holds all of it, driven by the environment; dev.py and test.py only loosen."""
