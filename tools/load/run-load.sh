#!/usr/bin/env bash
# The server's load figures (issue "atriumd"), client and server on this
# machine: POS earns (durable, idempotent) against PostgreSQL 15's pgbench
# TPC-B-like default on a local PostgreSQL started for it, member-code
# scans, a flash sale, and the parking payment round trip through the
# payment simulator (tools/paysim). Usage: bash tools/load/run-load.sh [seconds]
#
# Installs what it needs (wrk is not used: the driver mints member codes
# and tokens itself), builds release, seeds a fresh data folder under
# build/load with enough generated members for the scan rate, and prints
# each figure with the command that produced it.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-20}"
bash tools/setup.sh
for p in postgresql postgresql-client; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$p" >/dev/null; }
done
cmake --preset release >/dev/null
cmake --build --preset release --target atriumd atriumctl atrium_load paysim >/dev/null

work="$PWD/build/load"
rm -rf "$work" && mkdir -p "$work"
members=200000
port=18480
# One server thread: the driver's 32-200 client threads need the machine's
# other core. Measured on this 2-core machine, two server threads lose a
# fifth of the scan rate and a third of the earn rate to the cross-core
# wake-ups between them and the client.
pay_port=18490
head -c 24 /dev/urandom | base64 >"$work/pay.key"
echo "seeding $members members..."
build/release/tools/atriumctl seed --data "$work/data" --members "$members" --member-visits 2
build/release/tools/paysim/paysim --key-file "$work/pay.key" --port "$pay_port" 2>"$work/paysim.log" &
paysim=$!
build/release/server/atriumd --data "$work/data" --port "$port" --threads 1 \
  --device-rate 1000000000 \
  --pay-url "http://127.0.0.1:$pay_port" --pay-key-file "$work/pay.key" >"$work/atriumd.out" 2>"$work/atriumd.log" &
server=$!
trap 'kill $server $paysim 2>/dev/null || true; [ -n "${pgdir:-}" ] && su postgres -c "/usr/lib/postgresql/15/bin/pg_ctl -D $pgdir stop -m fast" >/dev/null 2>&1 || true' EXIT
until curl -sf "http://127.0.0.1:$port/healthz" >/dev/null; do
  kill -0 $server 2>/dev/null || { cat "$work/atriumd.log"; exit 1; }
  sleep 1
done

load() { build/release/tools/load/atrium_load --data "$work/data" --port "$port" --members "$members" "$@"; }
# PostgreSQL 15 on this machine, defaults (fsync and synchronous_commit on).
pgdir="$work/pg"
mkdir -p "$pgdir" && chown postgres "$pgdir" "$work"
su postgres -c "/usr/lib/postgresql/15/bin/initdb -D $pgdir" >/dev/null 2>&1
su postgres -c "/usr/lib/postgresql/15/bin/pg_ctl -D $pgdir -o '-p 18432 -k /tmp' -l $pgdir/log start -w" >/dev/null
su postgres -c "/usr/lib/postgresql/15/bin/createdb -h /tmp -p 18432 bench && /usr/lib/postgresql/15/bin/pgbench -h /tmp -p 18432 -i -s 10 -q bench" >/dev/null 2>&1

for clients in 32 64; do
  echo "== POS earn: atrium_load --scenario earn --connections $clients --seconds $seconds"
  load --scenario earn --connections "$clients" --seconds "$seconds"
  echo "== pgbench -c $clients -j 2 -T $seconds (TPC-B-like default) on PostgreSQL 15"
  su postgres -c "/usr/lib/postgresql/15/bin/pgbench -h /tmp -p 18432 -c $clients -j 2 -T $seconds bench" 2>/dev/null |
    grep -E "^tps|latency average"
done
# PostgreSQL's part is done: stopped, so that it takes no CPU (its
# checkpoints) from the figures that follow.
su postgres -c "/usr/lib/postgresql/15/bin/pg_ctl -D $pgdir stop -m fast" >/dev/null
pgdir=""
echo "== member-code scan: atrium_load --scenario scan --connections 32 --seconds 5"
load --scenario scan --connections 32 --seconds 5
echo "== flash sale: atrium_load --scenario flash --connections 200 (stock 1000, 20000 claims, 5000 members)"
load --scenario flash --connections 200
echo "== parking payment round trip: atrium_load --scenario pay --payments 1000 (order, pay at paysim, its notification, the gate)"
load --scenario pay --paysim-port "$pay_port" --payments 1000
kill "$server" && wait "$server" 2>/dev/null || true
echo "== what the server logged under load: no phone, plate, token or key"
bash tools/scan-logs.sh "$work/atriumd.log" "$work/atriumd.out"
