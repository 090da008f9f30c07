"""Reads of step 3, for this app and for other apps: ``participatie.selectors.netwerk`` (a
plan's stakeholders, contacts, behavioural measures and participation plans, each in a fixed
number of queries)."""
