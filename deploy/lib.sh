# Shared by backup.sh and restore.sh (sourced, not run): the connection and the app's settings.

die() {
    echo "FOUT: $*" >&2
    exit 1
}
say() { printf '%s\n' "$*"; }

# DATABASE_URL as the app reads it (django-environ also accepts postgres://, pgsql://, psql://);
# libpq wants postgresql:// or postgres://.
pg_url() {
    local url=${DATABASE_URL:-}
    [[ -n $url ]] || die "DATABASE_URL is niet gezet (bijv. postgres://wup:wachtwoord@db:5432/wup)."
    case $url in
        postgres://* | postgresql://*) ;;
        pgsql://* | psql://* | postgis://*) url="postgresql://${url#*://}" ;;
        *) die "DATABASE_URL moet naar PostgreSQL wijzen; een back-up van ${url%%://*} kan dit script niet maken." ;;
    esac
    printf '%s' "$url"
}

# The database name and a URL of the same server's maintenance database (to create the target).
db_name() {
    local base=${1%%\?*}
    printf '%s' "${base##*/}"
}
maintenance_url() {
    local base=${1%%\?*}
    local query=${1#"$base"}
    printf '%s/postgres%s' "${base%/*}" "$query"
}

# MEDIA_ROOT as the app reads it: required here, the script never guesses where files live.
media_root() {
    local root=${MEDIA_ROOT:-}
    [[ -n $root ]] || die "MEDIA_ROOT is niet gezet (de map met uploads en PDF's, bijv. /app/media)."
    printf '%s' "${root%/}"
}

# pg_dump/pg_restore must be of the server's major version (or newer); PG_BIN picks a folder.
pg_tool() {
    local tool=$1
    if [[ -n ${PG_BIN:-} ]]; then
        printf '%s/%s' "${PG_BIN%/}" "$tool"
    else
        command -v "$tool" || die "$tool niet gevonden (Debian: apt-get install postgresql-client; of zet PG_BIN)."
    fi
}

PROJECT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PYTHON=${PYTHON:-python3}
