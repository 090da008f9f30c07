"""On PostgreSQL the database itself refuses to change a published parameter set.

``wup.db.append_only`` refuses every change to a table; here only the rows of published sets are
fixed, while a concept stays editable. The models and services refuse the same; the triggers
also stop a raw query or another client. Other databases (the embedded SQLite default) rely on
the models alone.
"""

from django.db import migrations

FORWARD = """
CREATE OR REPLACE FUNCTION techniek_parameterset_onveranderlijk() RETURNS trigger AS $$
BEGIN
    IF OLD.status = 'vastgesteld' THEN
        RAISE EXCEPTION 'Een vastgestelde parameterset kan niet worden gewijzigd of verwijderd; maak een nieuwe versie (concept) (versie %)', OLD.versie;
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER techniek_parameterset_onveranderlijk
    BEFORE UPDATE OR DELETE ON techniek_parameterset
    FOR EACH ROW EXECUTE FUNCTION techniek_parameterset_onveranderlijk();

CREATE OR REPLACE FUNCTION techniek_parameterrij_onveranderlijk() RETURNS trigger AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND EXISTS (
        SELECT 1 FROM techniek_parameterset
        WHERE id = OLD.parameterset_id AND status = 'vastgesteld'
    ) THEN
        RAISE EXCEPTION 'Een vastgestelde parameterset kan niet worden gewijzigd of verwijderd; maak een nieuwe versie (concept) (tabel %)', TG_TABLE_NAME;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND EXISTS (
        SELECT 1 FROM techniek_parameterset
        WHERE id = NEW.parameterset_id AND status = 'vastgesteld'
    ) THEN
        RAISE EXCEPTION 'Een vastgestelde parameterset kan niet worden gewijzigd of verwijderd; maak een nieuwe versie (concept) (tabel %)', TG_TABLE_NAME;
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER techniek_parameter_onveranderlijk
    BEFORE INSERT OR UPDATE OR DELETE ON techniek_parameter
    FOR EACH ROW EXECUTE FUNCTION techniek_parameterrij_onveranderlijk();
CREATE TRIGGER techniek_parametertabel_onveranderlijk
    BEFORE INSERT OR UPDATE OR DELETE ON techniek_parametertabel
    FOR EACH ROW EXECUTE FUNCTION techniek_parameterrij_onveranderlijk();
"""

BACKWARD = """
DROP TRIGGER IF EXISTS techniek_parametertabel_onveranderlijk ON techniek_parametertabel;
DROP TRIGGER IF EXISTS techniek_parameter_onveranderlijk ON techniek_parameter;
DROP FUNCTION IF EXISTS techniek_parameterrij_onveranderlijk();
DROP TRIGGER IF EXISTS techniek_parameterset_onveranderlijk ON techniek_parameterset;
DROP FUNCTION IF EXISTS techniek_parameterset_onveranderlijk();
"""


def _op_postgresql(sql: str):
    def uitvoeren(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql, params=None)

    return uitvoeren


class Migration(migrations.Migration):
    dependencies = [("techniek", "0001_initial")]

    operations = [migrations.RunPython(_op_postgresql(FORWARD), _op_postgresql(BACKWARD))]
