#!/usr/bin/env bash
# Finds stored attachment files that no attachments row points at, in a local storage folder, and with --delete
# removes them. Orphans are possible by design: an object is written before its row and deleted after it, so a
# crash (or a failed delete) between the two leaves an object nobody can see, never a row without its object.
# Only files older than --min-age-minutes (default 60) count, so uploads in flight are left alone.
#
#   scripts/attachment-orphans.sh [--attachments DIR] [--state-dir DIR] [--min-age-minutes N] [--delete]
#
# S3: list the bucket's keys (aws s3 ls --recursive) against the same query; not automated here.
set -euo pipefail
source "$(dirname "$0")/lib/appdb.sh"

attachments="${Storage__Local__RootPath:-${XDG_DATA_HOME:-$HOME/.local/share}/aspire-stack/attachments}"
state_dir=""
min_age=60
delete=false
while [ $# -gt 0 ]; do
  case "$1" in
    --attachments) attachments="$2"; shift 2 ;;
    --state-dir) state_dir="$2"; shift 2 ;;
    --min-age-minutes) min_age="$2"; shift 2 ;;
    --delete) delete=true; shift ;;
    *) die "unknown argument $1" ;;
  esac
done

[ -d "$attachments" ] || die "$attachments is not a folder"
connect_to_appdb "$state_dir"

orphans="$(comm -23 \
  <(cd "$attachments" && find . -type f -mmin "+$min_age" | sed 's|^\./||' | sort) \
  <(psql -XAtq -d "$PGDATABASE" -c "SELECT storage_key FROM attachments" | sort))"

count=0
while IFS= read -r key; do
  [ -n "$key" ] || continue
  count=$((count + 1))
  if $delete; then
    rm -f -- "$attachments/$key"
    echo "deleted $key"
  else
    echo "orphan $key"
  fi
done <<< "$orphans"
say "$count orphan file(s) older than $min_age minutes$($delete && echo ', deleted' || echo '; pass --delete to remove them')"
