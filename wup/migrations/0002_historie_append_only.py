"""On PostgreSQL the database itself refuses to change or delete history rows."""

from django.db import migrations

from wup.db import append_only


class Migration(migrations.Migration):
    dependencies = [("wup", "0001_initial")]

    operations = [append_only("wup_faseovergang")]
