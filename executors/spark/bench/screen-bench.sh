#!/usr/bin/env bash
# Feature-screen cost (the fastHDMI workload, scaled down): `milab screen` with KSG and binned, on 1 and 2 threads
# of the local executor and on Spark local[1] and local[2], against a one-core Python screen (scikit-learn's KSG,
# a numpy binned estimator with milab's binned defaults) on the same generated data. No standard errors
# (--stderr none), as in fastHDMI's timings. Prints one table: "seconds" is the screen itself, "wall" the whole
# command (JVM, plugins, reading the CSV, starting Spark); the raw outputs stay in target/screen-bench.
#
# Usage: executors/spark/bench/screen-bench.sh [ROWS] [FEATURES]     (default: 1050 5000)
# Needs Debian's python3 with numpy and scikit-learn (apt-get install python3-sklearn); PYTHON overrides it.
set -euo pipefail
cd "$(dirname "$0")/../../.."
rows="${1:-1050}"
features="${2:-5000}"
py="${PYTHON:-/usr/bin/python3}"
bench=executors/spark/bench
out=target/screen-bench
mkdir -p "$out"
data="$out/screen-${rows}x${features}.csv"
[ -f "$data" ] || "$py" "$bench/make_screen_data.py" "$rows" "$features" "$data"

screen() { # NAME ARGS...: one milab screen, its JSON kept as $out/NAME.json
  local name="$1" t0
  shift
  t0=$(date +%s.%N)
  ./milab screen "$data" --target y --stderr none --format json "$@" > "$out/$name.json" 2> "$out/$name.log"
  awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { print b - a }' > "$out/$name.wall"
}
for est in ksg binned; do
  screen "milab-$est-jobs1" --estimator "$est" --jobs 1
  screen "milab-$est-jobs2" --estimator "$est" --jobs 2
  screen "milab-$est-spark1" --estimator "$est" --executor spark --master 'local[1]'
  screen "milab-$est-spark2" --estimator "$est" --executor spark --master 'local[2]'
  "$py" "$bench/python_screen.py" "$data" "$est" > "$out/python-$est.json"
done
"$py" "$bench/summarise.py" "$out" "$rows" "$features"
