"""Reading CBS "Kerncijfers wijken en buurten" files: pure Python and pandas, no Django.

* :mod:`wijktoets.cbs.variabelen` — the catalogue of variables (canonical key, title, unit, group);
* :mod:`wijktoets.cbs.tabellen` — per table year, which source column is which variable;
* :mod:`wijktoets.cbs.lezen` — reading and validating a file into one clean DataFrame.
"""
