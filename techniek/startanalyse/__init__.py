"""Reading PBL's Startanalyse output files (pure Python and pandas, no Django).

:mod:`.indicatoren` is the catalogue of canonical indicator keys with units and the column names
of both namings; :mod:`.lezen` turns a file into checked rows or says exactly what is wrong.
"""
