"""Tests of login, logout, session timeout and access control."""
