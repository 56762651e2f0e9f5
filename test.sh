#!/usr/bin/env bash
# Runs every test project against real SQLite, a throwaway PostgreSQL, a real SMTP server (aiosmtpd)
# and headless Chromium. On a fresh Debian machine with only the .NET SDK it first installs
# PostgreSQL, Chromium, a CJK font (the assessment PDF), aiosmtpd, and networkx and igraph (the GML round-trip test).
# Ends with the totals over all test projects on one line: "N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")"

missing=()
ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || missing+=(postgresql)
[ -x /usr/bin/chromium ] || missing+=(chromium)
/usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1 || missing+=(python3-aiosmtpd)
# The peer tools the GML round-trip test reads and writes with.
/usr/bin/python3 -c 'import networkx' >/dev/null 2>&1 || missing+=(python3-networkx)
/usr/bin/python3 -c 'import igraph' >/dev/null 2>&1 || missing+=(python3-igraph)
# The assessment report's PDF prints Korean: Chromium needs a CJK font on the machine.
[ -d /usr/share/fonts/opentype/noto ] && ls /usr/share/fonts/opentype/noto/NotoSansCJK* >/dev/null 2>&1 || missing+=(fonts-noto-cjk)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing ${missing[*]} from Debian packages"
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# A throwaway PostgreSQL server on a free loopback port, removed when the run ends.
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
pgdir=$(mktemp -d /tmp/clusterhub-pg.XXXXXX)
password=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
echo "$password" > "$pgdir/pwfile"
port=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
as_pg() { if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }
[ "$(id -u)" -eq 0 ] && chown -R postgres "$pgdir"
as_pg "$pgbin/initdb -D $pgdir/data -A scram-sha-256 --pwfile=$pgdir/pwfile -U postgres >/dev/null"
as_pg "$pgbin/pg_ctl -D $pgdir/data -o \"-p $port -k $pgdir -c listen_addresses=127.0.0.1 -c fsync=off\" -l $pgdir/log -w start >/dev/null"
smtppid=""; smtpdir=""
cleanup() {
  [ -n "$smtppid" ] && kill "$smtppid" 2>/dev/null || true
  as_pg "$pgbin/pg_ctl -D $pgdir/data -m fast stop >/dev/null" || true
  rm -rf "$pgdir" ${smtpdir:+"$smtpdir"}
}
trap cleanup EXIT
export CLUSTERHUB_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Password=$password"

# A real SMTP server on another free port: aiosmtpd with tests/smtp_sink.py, which writes each message
# it receives to a folder, where the delivery tests read them.
smtpdir=$(mktemp -d /tmp/clusterhub-smtp.XXXXXX)
smtpport=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
PYTHONPATH=tests /usr/bin/python3 -m aiosmtpd -n -l "127.0.0.1:$smtpport" -c smtp_sink.FolderSink "$smtpdir/messages" >"$smtpdir/log" 2>&1 &
smtppid=$!
for _ in $(seq 50); do
  /usr/bin/python3 -c "import socket; socket.create_connection(('127.0.0.1', $smtpport), 1)" 2>/dev/null && break
  kill -0 "$smtppid" 2>/dev/null || { cat "$smtpdir/log" >&2; echo "aiosmtpd did not start" >&2; exit 1; }
  sleep 0.1
done
export CLUSTERHUB_TEST_SMTP="127.0.0.1:$smtpport" CLUSTERHUB_TEST_SMTP_FOLDER="$smtpdir/messages"

log=$(mktemp)
status=0
dotnet test ClusterHub.slnx "$@" 2>&1 | tee "$log" || status=$?
# dotnet test prints one summary per project: "Passed!  - Failed: 0, Passed: 39, Skipped: 0, Total: 39".
awk '/(Passed|Failed)! +- +Failed:/ {
       for (i = 1; i <= NF; i++) { gsub(",", "", $(i+1)); if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) }
     } END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$log"
rm -f "$log"
exit $status
