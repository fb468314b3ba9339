"""Accounts: the user model (residents by hashed BSN/KVK, staff), OIDC login, session timeout."""
