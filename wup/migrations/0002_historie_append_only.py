"""On PostgreSQL the database itself refuses to change or delete history rows."""

from django.db import migrations

FORWARD = """
CREATE OR REPLACE FUNCTION wup_historie_is_onveranderlijk() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'De historie van een wijkplan kan niet worden gewijzigd of verwijderd';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER wup_faseovergang_append_only
    BEFORE UPDATE OR DELETE ON wup_faseovergang
    FOR EACH ROW EXECUTE FUNCTION wup_historie_is_onveranderlijk();
"""
BACKWARD = """
DROP TRIGGER IF EXISTS wup_faseovergang_append_only ON wup_faseovergang;
DROP FUNCTION IF EXISTS wup_historie_is_onveranderlijk();
"""


def _run(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("wup", "0001_initial")]

    operations = [migrations.RunPython(_run(FORWARD), _run(BACKWARD))]
