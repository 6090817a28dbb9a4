#!/bin/bash
# Trap's blind extraction against the original TraP source finder (tkp) and PySE on the same images,
# one core, interleaved rounds, and the ratios Trap/TraP and Trap/PySE (docs/science.md, "Extraction
# performance"). The peers are run by the side-by-side tools of the project's peer kit (its README
# says how to unpack tkp and pyse and build trapx); this script only makes the images and calls them.
#
# Usage: PEERS=/path/to/peers bench/peer-extraction.sh [ROUNDS] [SIZE] [SOURCES]
#   ROUNDS   interleaved rounds (default 3); SIZE image side in pixels (default 1024); SOURCES per image (default 100)
# Env: PEERS (required) the folder holding bench_extraction.sh and summarize_bench.py;
#      SCRATCH (default ${TMPDIR:-/tmp}/trap-peers) where tkp, pyse, trapx and the images live;
#      IMPLS (default "trap tkp pyse-vec"), REPS (default 1) timed passes per round;
#      TRAPX (optional) a trapx dll other than $SCRATCH's, e.g. one built against a branch's Trap.Science.
# Build first: dotnet build -c Release src/Trap.Cli, then trapx against it (the kit's README, step 4; its
# TRAP_BIN may instead name a folder holding Trap.Science.dll, its Trap.* dependencies and MathNet.Numerics.dll).
set -euo pipefail
: "${PEERS:?set PEERS to the folder of the peer tools (bench_extraction.sh, summarize_bench.py)}"
ROUNDS=${1:-3}; SIZE=${2:-1024}; SOURCES=${3:-100}
HERE=$(cd "$(dirname "$0")/.." && pwd)
export TRAP_HOME=${TRAP_HOME:-$HERE} SCRATCH=${SCRATCH:-${TMPDIR:-/tmp}/trap-peers}
export IMPLS=${IMPLS:-"trap tkp pyse-vec"} REPS=${REPS:-1}
IMAGES="$SCRATCH/bench-$SIZE-$SOURCES"
if [ ! -d "$IMAGES/images" ]; then
  "$TRAP_HOME/trap" simulate --out "$IMAGES" --seed "$SIZE" --pointings 1 --bands 1 --timesteps 3 \
    --size "$SIZE" --sources "$SOURCES" --no-bad-images > /dev/null
fi
OUT="$SCRATCH/peer-extraction-$SIZE.txt"
# --radius 0: the whole image is searched by every implementation, as in `trap bench extraction`.
"$PEERS/bench_extraction.sh" "$OUT" "$ROUNDS" "$(ls "$IMAGES"/images/*/*.fits | tr '\n' ' ')" "--radius 0"
echo "$SIZE² images, $SOURCES sources each; images/s per core and Trap's speed ratio to each peer (raw: $OUT)"
"$PEERS/summarize_bench.py" "$OUT"
