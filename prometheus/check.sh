#!/usr/bin/env bash
# Checks the Prometheus and Alertmanager files of tsos-monitor with the real tools.
# Run from the repository root:  prometheus/check.sh
# Needs promtool and amtool (Debian: apt-get install prometheus prometheus-alertmanager).
set -euo pipefail

cd "$(dirname "$0")/.."

run() {
  echo "+ $*"
  "$@"
  echo
}

# prometheus.yml loads its rules from /etc/prometheus/rules/*.yml, the path inside the container.
# Check a copy that points at the rules of this checkout, so that the config check loads them too.
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
sed "s#/etc/prometheus/rules/#$PWD/prometheus/rules/#" prometheus/prometheus.yml > "$tmp/prometheus.yml"
echo "# prometheus.yml with rule_files pointed at $PWD/prometheus/rules/ (copy in $tmp)"
run promtool check config "$tmp/prometheus.yml"

run promtool check rules prometheus/rules/*.yml

run promtool test rules prometheus/tests/*.yml
groups=$(grep -c '^  - name:' prometheus/tests/*.yml | awk -F: '{s += $2} END {print s}')
alert_cases=$(grep -c 'alertname:' prometheus/tests/*.yml | awk -F: '{s += $2} END {print s}')
expr_cases=$(grep -c '^      - expr:' prometheus/tests/*.yml | awk -F: '{s += $2} END {print s}')
echo "# rule tests passed: $groups test groups, $alert_cases alert checks, $expr_cases expression checks"
echo

run amtool check-config prometheus/alertmanager.yml

# Routing: each region's alerts reach that region's receiver, the rest the default one.
route() {
  local expected="$1"; shift
  run amtool config routes test --config.file=prometheus/alertmanager.yml --verify.receivers="$expected" "$@"
}
route tsos-region-27-khabarovsk  alertname=IndicatorBelowPlan region=27 indicator=2.1
route tsos-region-24-krasnoyarsk alertname=IndicatorDataStale region=24 indicator=2.2
route tsos-region-27-khabarovsk  alertname=IndicatorNotReported region=27 municipality=amursky indicator=2.1
route tsos-region-27-khabarovsk  alertname=IndicatorOffTrack region=27 indicator=2.1
route tsos-default               alertname=IndicatorBelowPlan region=05 indicator=mm.10
route tsos-operations            alertname=TsosDown job=tsos instance=tsos:9464

echo "prometheus/check.sh: all checks passed"
