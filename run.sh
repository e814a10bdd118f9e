#!/usr/bin/env bash
# Runs ServiceBooking with demo data on http://localhost:5080.
#   ./run.sh                 a project-local PostgreSQL cluster under .data/postgres (created on the first run)
#   ConnectionStrings__Default="Host=...;Database=...;Username=...;Password=..." ./run.sh
#                            an existing PostgreSQL server instead
# Ctrl+C stops the site and the local database; the data stays for the next run.
set -euo pipefail
cd "$(dirname "$0")"
root=$PWD
data=$root/.data
port=${SB_PG_PORT:-55432}
mkdir -p "$data"

if [ -z "${ConnectionStrings__Default:-}" ]; then
  # shellcheck source=tools/pg.sh
  source tools/pg.sh
  cluster=$data/postgres
  if [ ! -e "$cluster" ] && ! pg_can_reach "$data"; then
    # The PostgreSQL OS user cannot enter this checkout (a home folder closed to others, say):
    # keep the cluster where it can, and point .data/postgres at it.
    outside=/var/lib/servicebooking/$(echo -n "$root" | sha1sum | cut -c1-12)
    install -d -m 755 /var/lib/servicebooking "$outside"
    ln -s "$outside/postgres" "$cluster"
    echo "Note: the postgres user cannot enter $root, so .data/postgres links to $outside/postgres."
  fi
  if [ -L "$cluster" ]; then cluster=$(readlink "$cluster"); fi
  sock=$(dirname "$cluster")/pgsock
  pg_init "$cluster"
  pg_start "$cluster" "$sock" "$port"
  trap 'echo; echo "Stopping PostgreSQL..."; pg_stop "$cluster"' EXIT
  pg_ensure_db "$sock" "$port" servicebooking
  export ConnectionStrings__Default="Host=127.0.0.1;Port=$port;Database=servicebooking;Username=app"
  echo "PostgreSQL: 127.0.0.1:$port, database servicebooking, user app (data in .data/postgres)"
fi

# The demo password is made up on the first run and kept in .data, never written in the code.
if [ ! -s "$data/demo-password" ]; then
  (umask 077; echo "demo-$(tr -dc 'a-z' </dev/urandom | head -c 5)$(tr -dc '0-9' </dev/urandom | head -c 4)" >"$data/demo-password")
fi
demo_password=$(cat "$data/demo-password")

export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development}
export ASPNETCORE_URLS=${ASPNETCORE_URLS:-http://localhost:5080}
# Links in emails start with the public URL, never with what a request claims to be its host.
export Site__PublicUrl=${Site__PublicUrl:-${ASPNETCORE_URLS%%;*}}
export Demo__Seed=true
export Demo__Password=$demo_password
export Email__PickupDirectory=$data/mail

cat <<INFO

ServiceBooking: ${ASPNETCORE_URLS}
Demo accounts (password: ${demo_password}):
  admin    Admin, Manager's rights and the catalog
  manager  Manager: the booking desk and campaigns
  client   Client: garage and bookings
Mail the site sends (no SMTP server configured): ${ASPNETCORE_URLS%/}/dev/mail
Press Ctrl+C to stop.

INFO

dotnet run --project ServiceBooking.Web --no-launch-profile
