"""The decisions log of a plan; on PostgreSQL the database refuses to change or delete its rows."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

from wup.db import append_only


class Migration(migrations.Migration):
    dependencies = [
        ("wup", "0002_historie_append_only"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="Besluit",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("datum", models.DateField(verbose_name="datum van het besluit")),
                (
                    "orgaan",
                    models.CharField(
                        choices=[
                            ("college", "College van B&W"),
                            ("stuurgroep", "Stuurgroep"),
                            ("gemeenteraad", "Gemeenteraad"),
                            ("projectgroep", "Projectgroep / ambtelijk"),
                            ("anders", "Anders"),
                        ],
                        max_length=30,
                        verbose_name="besloten door",
                    ),
                ),
                ("besluit", models.TextField(verbose_name="besluit")),
                (
                    "kenmerk",
                    models.CharField(
                        blank=True,
                        help_text="Bijvoorbeeld het zaaknummer of het nummer van het raadsbesluit.",
                        max_length=100,
                        verbose_name="kenmerk",
                    ),
                ),
                ("bron", models.CharField(blank=True, max_length=30, verbose_name="bron")),
                (
                    "vastgelegd_op",
                    models.DateTimeField(
                        auto_now_add=True, db_index=True, verbose_name="vastgelegd op"
                    ),
                ),
                (
                    "vastgelegd_door",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="vastgelegd door",
                    ),
                ),
                (
                    "vervangt",
                    models.OneToOneField(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="vervangen_door",
                        to="wup.besluit",
                        verbose_name="vervangt",
                    ),
                ),
                (
                    "wijkplan",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="besluiten",
                        to="wup.wijkplan",
                        verbose_name="wijkplan",
                    ),
                ),
            ],
            options={
                "verbose_name": "besluit",
                "verbose_name_plural": "besluiten",
                "ordering": ("-datum", "-vastgelegd_op", "-pk"),
                "default_permissions": ("view",),
            },
        ),
        append_only("wup_besluit"),
    ]
