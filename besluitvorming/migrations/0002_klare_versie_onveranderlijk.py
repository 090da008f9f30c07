"""On PostgreSQL the database itself refuses to change or remove a finished document version.

A version in the queue, being made or failed may still be updated by the worker; once it is
``klaar`` its row (number, file, size, SHA-256) is fixed. The model refuses the same; the
trigger also stops a raw query, a queryset ``update()`` or another client. Other databases
(the embedded SQLite default) rely on the model alone.
"""

from django.db import migrations

FORWARD = """
CREATE OR REPLACE FUNCTION besluitvorming_documentversie_onveranderlijk() RETURNS trigger AS $$
BEGIN
    IF OLD.status = 'klaar' THEN
        RAISE EXCEPTION 'Een documentversie die klaar is kan niet worden gewijzigd of verwijderd; maak een nieuwe versie (versie %)', OLD.nummer;
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER besluitvorming_documentversie_onveranderlijk
    BEFORE UPDATE OR DELETE ON besluitvorming_documentversie
    FOR EACH ROW EXECUTE FUNCTION besluitvorming_documentversie_onveranderlijk();
"""

BACKWARD = """
DROP TRIGGER IF EXISTS besluitvorming_documentversie_onveranderlijk ON besluitvorming_documentversie;
DROP FUNCTION IF EXISTS besluitvorming_documentversie_onveranderlijk();
"""


def _op_postgresql(sql: str):
    def uitvoeren(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql, params=None)

    return uitvoeren


class Migration(migrations.Migration):
    dependencies = [("besluitvorming", "0001_initial")]

    operations = [migrations.RunPython(_op_postgresql(FORWARD), _op_postgresql(BACKWARD))]
