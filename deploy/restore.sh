#!/usr/bin/env bash
# Restore a backup made by deploy/backup.sh into DATABASE_URL and MEDIA_ROOT.
#
#   DATABASE_URL=postgres://... MEDIA_ROOT=/app/media deploy/restore.sh [--force] BACKUPMAP
#
# 1. Checks SHA256SUMS and the manifest before touching anything.
# 2. Refuses a database that already has tables, or a MEDIA_ROOT with files, unless --force
#    (or WUP_RESTORE_FORCE=1): then the database objects in the backup are dropped and
#    replaced, and MEDIA_ROOT is emptied first.
# 3. Creates the database if it does not exist, restores it in one transaction
#    (pg_restore --clean --if-exists --no-owner: tables, data, functions and triggers), and
#    unpacks the media files.
# 4. Verifies: every migration of the backup is recorded again, and - unless
#    --zonder-app-controle - `manage.py migrate --check` and `manage.py bestanden_controleren`
#    (every council PDF against its SHA-256). Exits non-zero if a check fails.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

force=${WUP_RESTORE_FORCE:-0}
app_controle=1
map=
for arg in "$@"; do
    case $arg in
        --force) force=1 ;;
        --zonder-app-controle) app_controle=0 ;;
        -*) die "onbekende optie $arg" ;;
        *) [[ -z $map ]] || die "gebruik: deploy/restore.sh [--force] [--zonder-app-controle] BACKUPMAP"; map=$arg ;;
    esac
done
[[ -n $map ]] || die "gebruik: deploy/restore.sh [--force] [--zonder-app-controle] BACKUPMAP"
[[ -d $map ]] || die "$map is geen map."
url=$(pg_url)
media=$(media_root)
psql=$(pg_tool psql)
pg_restore=$(pg_tool pg_restore)
naam=$(db_name "$url")

# --- 1. The backup is complete and unchanged ----------------------------------------------------
for f in database.dump media.tar.gz migraties.txt manifest.txt SHA256SUMS; do
    [[ -f $map/$f ]] || die "$map/$f ontbreekt; dit is geen volledige back-up."
done
(cd "$map" && sha256sum --check --strict --quiet SHA256SUMS) ||
    die "de controlesommen in $map/SHA256SUMS kloppen niet; de back-up is beschadigd of gewijzigd."
manifest() { sed -n "s/^$1=//p" "$map/manifest.txt"; }
[[ $(manifest formaat) == wup-backup-1 ]] || die "onbekend formaat in $map/manifest.txt."
[[ $(manifest database_sha256) == $(sha256sum "$map/database.dump" | cut -d' ' -f1) ]] ||
    die "database.dump wijkt af van het manifest."
[[ $(manifest media_sha256) == $(sha256sum "$map/media.tar.gz" | cut -d' ' -f1) ]] ||
    die "media.tar.gz wijkt af van het manifest."
"$pg_restore" --list "$map/database.dump" >/dev/null || die "database.dump is niet te lezen."
say "Back-up van $(manifest gemaakt_op) (versie $(manifest app_versie), $(manifest migraties) migraties) is in orde."

# --- 2. Nothing is overwritten by accident -------------------------------------------------------
# (psql substitutes :'naam' only in a script it reads, not with -c: the name is quoted safely)
bestaat=$("$psql" --dbname="$(maintenance_url "$url")" -XAtq -v ON_ERROR_STOP=1 -v naam="$naam" \
    <<<"SELECT count(*) FROM pg_database WHERE datname = :'naam'")
if [[ $bestaat == 1 ]]; then
    tabellen=$("$psql" --dbname="$url" -XAtq -v ON_ERROR_STOP=1 -c \
        "SELECT count(*) FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')")
    if [[ $tabellen != 0 && $force != 1 ]]; then
        die "database $naam heeft al $tabellen tabellen. Herstel in een lege database, of gebruik --force om de inhoud te vervangen."
    fi
fi
if [[ -d $media && -n $(find "$media" -mindepth 1 -print -quit) && $force != 1 ]]; then
    die "MEDIA_ROOT $media is niet leeg. Herstel in een lege map, of gebruik --force om de inhoud te vervangen."
fi

# --- 3. Restore ----------------------------------------------------------------------------------
if [[ $bestaat != 1 ]]; then
    say "Database $naam aanmaken..."
    "$psql" --dbname="$(maintenance_url "$url")" -XAtq -v ON_ERROR_STOP=1 -v naam="$naam" \
        <<<'CREATE DATABASE :"naam"'
fi
say "Database $naam terugzetten..."
"$pg_restore" --dbname="$url" --clean --if-exists --no-owner --no-privileges \
    --single-transaction --exit-on-error "$map/database.dump"

say "Mediabestanden terugzetten in $media..."
mkdir -p "$media"
find "$media" -mindepth 1 -delete
tar -C "$media" -xzf "$map/media.tar.gz"

# --- 4. Verify -----------------------------------------------------------------------------------
"$psql" --dbname="$url" -XAtq -v ON_ERROR_STOP=1 \
    -c "SELECT app || '.' || name FROM django_migrations ORDER BY app, name" |
    diff -q - "$map/migraties.txt" >/dev/null ||
    die "de migraties in de database wijken af van die in de back-up."
say "Database en bestanden teruggezet."

if [[ $app_controle == 1 ]]; then
    cd "$PROJECT_DIR"
    if ! "$PYTHON" manage.py migrate --check >/dev/null; then
        die "de code heeft migraties die nog niet zijn uitgevoerd (back-up van een oudere versie): voer 'manage.py migrate' uit en daarna 'manage.py bestanden_controleren'."
    fi
    "$PYTHON" manage.py bestanden_controleren
else
    say "Controleer nu in de applicatie: manage.py migrate --check && manage.py bestanden_controleren"
fi
