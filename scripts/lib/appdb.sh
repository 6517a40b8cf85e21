# Shared by backup.sh and restore.sh: finds the Api's database and sets libpq's PG* variables for it.
#
# 1. ConnectionStrings__appdb (the Npgsql connection string the AppHost hands the Api), if set;
# 2. else a running AppHost's state directory (--state-dir, or the one under /var/lib/aspire-stack or
#    ~/.local/share/aspire-stack): port from data/postgres/postmaster.pid, password from secrets/postgres-password.

die() { echo "error: $*" >&2; exit 1; }
say() { echo "==> $*"; }

# Npgsql "Host=...;Port=...;Database=...;Username=...;Password=..." -> PGHOST, PGPORT, PGDATABASE, PGUSER, PGPASSWORD.
use_npgsql_connection_string() {
  local pair key value
  IFS=';' read -ra pairs <<< "$1"
  for pair in "${pairs[@]}"; do
    [[ "$pair" == *=* ]] || continue
    key="$(echo "${pair%%=*}" | tr '[:upper:]' '[:lower:]' | tr -d ' ')"
    value="${pair#*=}"
    case "$key" in
      host|server) export PGHOST="$value" ;;
      port) export PGPORT="$value" ;;
      database|db) export PGDATABASE="$value" ;;
      username|userid|user|uid) export PGUSER="$value" ;;
      password|pwd) export PGPASSWORD="$value" ;;
    esac
  done
  [ -n "${PGHOST:-}" ] && [ -n "${PGDATABASE:-}" ] || die "the connection string needs Host and Database"
}

find_state_directory() {
  local candidates=() dir
  for dir in /var/lib/aspire-stack/apphost-* "${XDG_DATA_HOME:-$HOME/.local/share}"/aspire-stack/apphost-*; do
    [ -f "$dir/data/postgres/postmaster.pid" ] && candidates+=("$dir")
  done
  [ "${#candidates[@]}" -eq 1 ] || die "set ConnectionStrings__appdb, or pass --state-dir: found ${#candidates[@]} running AppHost PostgreSQL servers"
  echo "${candidates[0]}"
}

use_apphost_state_directory() {
  local dir="$1"
  [ -f "$dir/data/postgres/postmaster.pid" ] || die "$dir/data/postgres/postmaster.pid not found: is the AppHost running (local PostgreSQL)?"
  export PGHOST=127.0.0.1 PGUSER=postgres PGDATABASE=appdb
  PGPORT="$(sed -n 4p "$dir/data/postgres/postmaster.pid")"
  PGPASSWORD="$(cat "$dir/secrets/postgres-password")"
  export PGPORT PGPASSWORD
}

connect_to_appdb() {
  local state_dir="$1"
  if [ -n "$state_dir" ]; then
    use_apphost_state_directory "$state_dir"
  elif [ -n "${ConnectionStrings__appdb:-}" ]; then
    use_npgsql_connection_string "$ConnectionStrings__appdb"
  else
    use_apphost_state_directory "$(find_state_directory)"
  fi
  command -v pg_dump >/dev/null && command -v pg_restore >/dev/null || die "pg_dump and pg_restore are needed (Debian: apt-get install postgresql-client)"
  psql -XAtq -d "$PGDATABASE" -c 'SELECT 1' >/dev/null || die "cannot connect to $PGHOST:${PGPORT:-5432}/$PGDATABASE"
}

# "table<TAB>rows" for every table of the public schema, sorted, in database $1.
row_counts() {
  local table
  for table in $(psql -XAtq -d "$1" -c "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1"); do
    printf '%s\t%s\n' "$table" "$(psql -XAtq -d "$1" -c "SELECT count(*) FROM public.\"$table\"")"
  done
}

# Restores dump $1 into a new scratch database and checks its row counts against manifest $2; drops it again.
verify_dump() {
  local dump="$1" expected="$2" scratch="appdb_verify_$$_$RANDOM"
  pg_restore --list "$dump" >/dev/null || die "pg_restore cannot read $dump"
  psql -XAtq -d "$PGDATABASE" -c "CREATE DATABASE \"$scratch\"" >/dev/null
  # EXIT, not RETURN: die() exits, and the scratch database must go then too.
  trap 'psql -XAtq -d "$PGDATABASE" -c "DROP DATABASE IF EXISTS \"'"$scratch"'\"" >/dev/null' EXIT
  pg_restore --no-owner --no-privileges --single-transaction --exit-on-error -d "$scratch" "$dump" || die "restoring $dump into $scratch failed"
  diff <(row_counts "$scratch") "$expected" >&2 || die "row counts of the restored dump differ from $expected"
  # Every attachment row must find its object in the archive (a file deleted while the backup ran would not).
  if [ -f "$(dirname "$dump")/attachments.tar.gz" ]; then
    local missing
    missing="$(comm -23 <(psql -XAtq -d "$scratch" -c "SELECT storage_key FROM attachments ORDER BY 1" 2>/dev/null | sort) \
                        <(tar -tzf "$(dirname "$dump")/attachments.tar.gz" | sed 's|^\./||' | sort))"
    [ -z "$missing" ] || die "attachments without their stored object in the archive: $missing"
  fi
}
