"""On PostgreSQL the database itself refuses to change or delete a completed wijktoets version."""

from django.db import migrations

from wup.db import append_only


class Migration(migrations.Migration):
    dependencies = [("wijktoets", "0001_initial")]

    operations = [append_only("wijktoets_wijktoetsversie")]
