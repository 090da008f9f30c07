"""Reads of step 3, for this app and for other apps: ``participatie.selectors.netwerk`` (a
plan's stakeholders, contacts, behavioural measures and participation plans, each in a fixed
number of queries) and ``participatie.selectors.publiek`` (the public page: its settings, phases,
alternatives in plain words, news, FAQ, events with free places and moderated questions)."""
