#!/bin/sh
# The workspace on the full CORDIS H2020 organisation network (35,871 nodes, 796,670 edges), for docs/performance.md:
# the network stored in a fresh SQLite workspace, then a 256-pivot metrics job, Leiden communities and a ForceAtlas2
# layout run through the job queue's own path (`network job start`), each reporting how long it ran (from leaving the
# queue to its results committed: network loaded, engine, every node's row written in one transaction).
# Then, with WORKSPACE_DRAW=1, the server is started on that database and bench/WorkspaceDraw measures the page's first
# drawing in headless Chromium. Run from the repository root after `dotnet build -c Release src/ClusterHub`.
set -eu
DATA=${CORDIS:-/work/shared/data/cordis_h2020_eunets/h2020_participations.csv}
WORK=${WORK:-/tmp/clusterhub-cordis}
CH="dotnet src/ClusterHub/bin/${CONFIG:-Release}/net10.0/ClusterHub.dll"
mkdir -p "$WORK"; rm -f "$WORK/cordis.db"
DB="--database $WORK/cordis.db"
$CH network project "$DATA" --actor pic --event rcn -o "$WORK/cordis.net" 2>/dev/null  # Pajek keeps the 4,206 organisations without a tie
$CH clusters create eu --name "EU H2020" $DB >/dev/null
$CH network add "$WORK/cordis.net" --cluster eu --name "CORDIS H2020 organisations" $DB
$CH network job start --cluster eu --network 1 --kind Metrics --pivots 256 $DB 2>/dev/null
$CH network job start --cluster eu --network 1 --kind Communities --seed 1 $DB 2>/dev/null
$CH network job start --cluster eu --network 1 --kind Layout --iterations 100 --seed 1 $DB 2>/dev/null
if [ "${WORKSPACE_DRAW:-0}" = 1 ]; then
  $CH users create bench@example.org --password 'Bench-pass-1!' $DB >/dev/null
  $CH users grant bench@example.org Manager --cluster eu $DB >/dev/null
  $CH serve $DB --urls http://127.0.0.1:5599 >/dev/null 2>&1 &
  SERVER=$!
  sleep 8
  dotnet run -c Release --project bench/WorkspaceDraw -- http://127.0.0.1:5599 bench@example.org 'Bench-pass-1!' /c/eu/networks/1 5
  kill $SERVER
fi
