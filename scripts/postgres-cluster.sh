#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for tests, CI and trying the playground on PostgreSQL:
#
#   scripts/postgres-cluster.sh npm start       # runs the command with DATABASE_URL set, then stops
#   scripts/postgres-cluster.sh                 # prints the URLs and keeps running until end of input
#
# The cluster lives in a temporary folder, runs as an unprivileged user (`postgres` when started
# by root, since PostgreSQL refuses to run as root), listens on a free loopback port, and is
# stopped and removed when the command ends. It exports:
#   DATABASE_URL        the role `playground` on the empty database it owns; the role is no
#                       superuser and cannot create databases, like a hosted database's owner,
#                       and its password needs percent-encoding in a URL
#   POSTGRES_ADMIN_URL  the cluster's superuser, for tools that create databases (the tests)
set -euo pipefail

bin=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
if [[ ! -x "$bin/initdb" ]]; then
  echo "PostgreSQL's initdb not found (set PG_BIN, or apt-get install postgresql)" >&2
  exit 1
fi

role=playground
password='p@ss:w/rd'
encoded_password='p%40ss%3Aw%2Frd'
admin_password=$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')

folder=$(mktemp -d -t playground-postgres.XXXXXX)
if [[ $EUID -eq 0 ]]; then
  chown postgres: "$folder"
  as_owner() { runuser -u postgres -- "$@"; }
else
  as_owner() { "$@"; }
fi

stop() {
  as_owner "$bin/pg_ctl" stop -D "$folder/data" -m fast -s >/dev/null 2>&1 || true
  rm -rf "$folder"
}
trap stop EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

printf '%s\n' "$admin_password" >"$folder/admin-password"
chmod 600 "$folder/admin-password"
[[ $EUID -eq 0 ]] && chown postgres: "$folder/admin-password"
# The default collation is ICU's en-US, not C, so that a test suite run here proves that results
# do not depend on the database's collation. Connections over the socket (only the cluster's
# owner can open its folder) need no password; TCP connections need one.
as_owner "$bin/initdb" -D "$folder/data" --username=postgres --pwfile="$folder/admin-password" \
  --auth-local=trust --auth-host=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 \
  --locale-provider=icu --icu-locale=en-US --no-sync >"$folder/initdb.log" 2>&1 ||
  { cat "$folder/initdb.log" >&2; exit 1; }

free_port() {
  node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });'
}

# Another process may take the port between the probe and the start: try a few.
for attempt in 1 2 3 4 5; do
  port=$(free_port)
  # Durability settings are off: the cluster is deleted at the end of the run.
  if as_owner "$bin/pg_ctl" start -D "$folder/data" -l "$folder/server.log" -w -s -o \
    "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$folder -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    >/dev/null 2>&1; then
    break
  fi
  if [[ $attempt -eq 5 ]]; then
    cat "$folder/server.log" >&2
    exit 1
  fi
done

as_owner "$bin/psql" -h "$folder" -p "$port" -U postgres -d postgres -q -v ON_ERROR_STOP=1 \
  -c "CREATE ROLE $role LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '$password'" \
  -c "CREATE DATABASE $role OWNER $role"

export DATABASE_URL="postgres://$role:$encoded_password@127.0.0.1:$port/$role"
export POSTGRES_ADMIN_URL="postgres://postgres:$admin_password@127.0.0.1:$port/postgres"

if [[ $# -gt 0 ]]; then
  status=0
  "$@" || status=$?
  exit "$status"
fi

echo "DATABASE_URL=$DATABASE_URL"
echo "POSTGRES_ADMIN_URL=$POSTGRES_ADMIN_URL"
echo "PostgreSQL is running; end the input (Ctrl-D) or press Ctrl-C to stop it." >&2
while read -r _; do :; done
