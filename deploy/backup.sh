#!/usr/bin/env bash
# Back up the WUP platform: the PostgreSQL database (schema, data, triggers) and MEDIA_ROOT
# (uploads and council PDFs), with a manifest and checksums. Static files are not included
# (collectstatic rebuilds them), nor are secrets (.env).
#
#   DATABASE_URL=postgres://... MEDIA_ROOT=/app/media deploy/backup.sh DOELMAP
#
# Writes DOELMAP/wup-backup-<UTC time>/ with database.dump (pg_dump custom format),
# media.tar.gz, migraties.txt, manifest.txt and SHA256SUMS, and prints that folder's path as
# the last line. Exits non-zero on any error; a half-written backup is removed.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

[[ $# -eq 1 ]] || die "gebruik: deploy/backup.sh DOELMAP"
doelmap=$1
url=$(pg_url)
media=$(media_root)
pg_dump=$(pg_tool pg_dump)
psql=$(pg_tool psql)
[[ -d $media ]] || die "MEDIA_ROOT $media bestaat niet."
mkdir -p "$doelmap"

stempel=$(date -u +%Y%m%dT%H%M%SZ)
map="$doelmap/wup-backup-$stempel"
[[ ! -e $map ]] || die "$map bestaat al."
umask 077 # the backup holds residents' personal data: only its owner may read it
mkdir "$map.deel"
trap 'rm -rf "$map.deel"' EXIT

say "Database $(db_name "$url") wegschrijven..."
"$pg_dump" --dbname="$url" --format=custom --no-owner --no-privileges --file="$map.deel/database.dump"

say "Mediabestanden uit $media inpakken..."
tar -C "$media" -czf "$map.deel/media.tar.gz" .

"$psql" --dbname="$url" -XAtq -v ON_ERROR_STOP=1 \
    -c "SELECT app || '.' || name FROM django_migrations ORDER BY app, name" \
    >"$map.deel/migraties.txt"

# (outside a checkout, e.g. in the database's container, both are "onbekend")
versie=$(sed -n 's/^version = "\(.*\)"/\1/p' "$PROJECT_DIR/pyproject.toml" 2>/dev/null | head -n 1 || true)
commit=$(git -C "$PROJECT_DIR" rev-parse HEAD 2>/dev/null || true)
server=$("$psql" --dbname="$url" -XAtq -c "SHOW server_version")
{
    echo "formaat=wup-backup-1"
    echo "gemaakt_op=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "app_versie=${versie:-onbekend}"
    echo "app_commit=${commit:-onbekend}"
    echo "database=$(db_name "$url")"
    echo "postgresql=$server"
    echo "pg_dump=$("$pg_dump" --version)"
    echo "migraties=$(wc -l <"$map.deel/migraties.txt" | tr -d ' ')"
    echo "laatste_migratie=$(tail -n 1 "$map.deel/migraties.txt")"
    echo "mediabestanden=$(tar -tzf "$map.deel/media.tar.gz" | grep -vc '/$' || true)"
    echo "database_sha256=$(sha256sum "$map.deel/database.dump" | cut -d' ' -f1)"
    echo "media_sha256=$(sha256sum "$map.deel/media.tar.gz" | cut -d' ' -f1)"
} >"$map.deel/manifest.txt"
(cd "$map.deel" && sha256sum database.dump media.tar.gz migraties.txt manifest.txt >SHA256SUMS)

mv "$map.deel" "$map"
trap - EXIT
say "Back-up klaar: $(du -sh "$map" | cut -f1)"
say "$map"
