#!/usr/bin/env bash
# Backs up the Api: its PostgreSQL database (pg_dump -Fc) and, with local storage, the attachments folder.
# Then verifies the backup: pg_restore --list, a restore into a scratch database whose row counts must equal
# those counted in the dump's own snapshot, and every attachment row's object present in the archive.
#
#   scripts/backup.sh [--out DIR] [--attachments DIR] [--state-dir DIR]
#
# Database: ConnectionStrings__appdb if set, else the running AppHost's (see scripts/lib/appdb.sh).
# Attachments: --attachments, else Storage__Local__RootPath, else ~/.local/share/aspire-stack/attachments if present.
set -euo pipefail
source "$(dirname "$0")/lib/appdb.sh"

out="backups/appdb-$(date -u +%Y%m%dT%H%M%SZ)"
attachments="${Storage__Local__RootPath:-${XDG_DATA_HOME:-$HOME/.local/share}/aspire-stack/attachments}"
state_dir=""
while [ $# -gt 0 ]; do
  case "$1" in
    --out) out="$2"; shift 2 ;;
    --attachments) attachments="$2"; shift 2 ;;
    --state-dir) state_dir="$2"; shift 2 ;;
    *) die "unknown argument $1 (see the comment at the top of $0)" ;;
  esac
done

connect_to_appdb "$state_dir"
[ ! -e "$out" ] || [ -z "$(ls -A "$out")" ] || die "$out exists and is not empty"
mkdir -p "$out"

say "dumping $PGHOST:${PGPORT:-5432}/$PGDATABASE to $out/appdb.dump"
# One repeatable-read snapshot for the dump and the row counts, so they agree even while the Api writes.
psql -XAtq -v ON_ERROR_STOP=1 -d "$PGDATABASE" <<SQL
BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY;
SELECT pg_export_snapshot() AS snapshot \gset
\setenv APPDB_SNAPSHOT :snapshot
\! pg_dump -Fc --snapshot="\$APPDB_SNAPSHOT" -f "$out/appdb.dump" || echo failed > "$out/.dump-failed"
\o $out/row-counts.tsv
SELECT table_name || E'\t' || (xpath('/row/c/text()', query_to_xml(format('SELECT count(*) AS c FROM public.%I', table_name), false, true, '')))[1]::text
FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name;
\o
COMMIT;
SQL
[ ! -e "$out/.dump-failed" ] || die "pg_dump failed"

if [ -d "$attachments" ]; then
  say "archiving attachments from $attachments"
  tar -C "$attachments" --exclude='.tmp-*' -czf "$out/attachments.tar.gz" .
else
  say "no attachments folder at $attachments (S3 storage keeps its own copies): skipped"
fi

say "verifying"
verify_dump "$out/appdb.dump" "$out/row-counts.tsv"
(cd "$out" && sha256sum appdb.dump row-counts.tsv $( [ -f attachments.tar.gz ] && echo attachments.tar.gz ) > SHA256SUMS)
say "backup verified: $out ($(wc -l < "$out/row-counts.tsv") tables, $(awk -F'\t' '{s+=$2} END {print s+0}' "$out/row-counts.tsv") rows)"
