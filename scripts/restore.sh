#!/usr/bin/env bash
# Restores a backup made by backup.sh into the Api's database (and attachments folder), in one transaction,
# after checking the files' SHA-256 sums, then verifies that every table has the row count the backup recorded.
# Stop the Api first. A database that already has tables, or a non-empty attachments folder, is refused unless --force.
#
#   scripts/restore.sh BACKUP_DIR [--attachments DIR] [--state-dir DIR] [--force]
set -euo pipefail
source "$(dirname "$0")/lib/appdb.sh"

[ $# -ge 1 ] || die "usage: $0 BACKUP_DIR [--attachments DIR] [--state-dir DIR] [--force]"
backup="$1"; shift
attachments="${Storage__Local__RootPath:-${XDG_DATA_HOME:-$HOME/.local/share}/aspire-stack/attachments}"
state_dir=""
force=false
while [ $# -gt 0 ]; do
  case "$1" in
    --attachments) attachments="$2"; shift 2 ;;
    --state-dir) state_dir="$2"; shift 2 ;;
    --force) force=true; shift ;;
    *) die "unknown argument $1" ;;
  esac
done

(cd "$backup" && sha256sum --quiet -c SHA256SUMS) || die "$backup/SHA256SUMS does not match: the backup is damaged"
pg_restore --list "$backup/appdb.dump" >/dev/null || die "pg_restore cannot read $backup/appdb.dump"
connect_to_appdb "$state_dir"

tables="$(psql -XAtq -d "$PGDATABASE" -c "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")"
[ "$tables" -eq 0 ] || $force || die "$PGDATABASE already has $tables tables; pass --force to replace them"
if [ -f "$backup/attachments.tar.gz" ] && [ -d "$attachments" ] && [ -n "$(ls -A "$attachments")" ] && ! $force; then
  die "$attachments is not empty; pass --force to add the backup's files to it"
fi

say "restoring $backup/appdb.dump into $PGHOST:${PGPORT:-5432}/$PGDATABASE"
pg_restore --clean --if-exists --no-owner --no-privileges --single-transaction --exit-on-error -d "$PGDATABASE" "$backup/appdb.dump"
diff <(row_counts "$PGDATABASE") "$backup/row-counts.tsv" >&2 || die "row counts after the restore differ from $backup/row-counts.tsv"

if [ -f "$backup/attachments.tar.gz" ]; then
  say "restoring attachments into $attachments"
  mkdir -p "$attachments"
  tar -C "$attachments" -xzf "$backup/attachments.tar.gz"
fi
say "restore verified: $(wc -l < "$backup/row-counts.tsv") tables with the recorded row counts"
