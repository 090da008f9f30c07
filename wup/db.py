"""Database-level guarantees that the ORM alone cannot give."""

from django.db import migrations


def append_only(table: str) -> migrations.RunPython:
    """A migration operation that makes PostgreSQL refuse UPDATE and DELETE on ``table``.

    History rows and completed versions are written once; the models refuse changes too, but
    only the database can stop a raw query or another client. Other databases (the embedded
    SQLite default) rely on the models alone.
    """
    function = f"{table}_is_append_only"
    forward = f"""
        CREATE OR REPLACE FUNCTION {function}() RETURNS trigger AS $$
        BEGIN
            RAISE EXCEPTION 'De historie van een wijkplan kan niet worden gewijzigd of '
                'verwijderd (tabel {table})';
        END;
        $$ LANGUAGE plpgsql;
        CREATE TRIGGER {table}_append_only
            BEFORE UPDATE OR DELETE ON {table}
            FOR EACH ROW EXECUTE FUNCTION {function}();
    """
    backward = f"""
        DROP TRIGGER IF EXISTS {table}_append_only ON {table};
        DROP FUNCTION IF EXISTS {function}();
    """

    def run(sql):
        def apply(apps, schema_editor):
            if schema_editor.connection.vendor == "postgresql":
                schema_editor.execute(sql)

        return apply

    return migrations.RunPython(run(forward), run(backward))
