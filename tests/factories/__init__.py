"""Test data factories shared by the suite (payloads as the real APIs serve them)."""
