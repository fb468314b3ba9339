"""The client layer: one client per API; the only code that speaks HTTP."""
