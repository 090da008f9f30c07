"""Accounts: login lockout, password policy, session expiry, two-factor login and OIDC.

See docs/accounts.md. The pieces are well-kept libraries (django-axes, django-otp,
mozilla-django-oidc); this package only fits them to the product's roles, pages and language.
"""
