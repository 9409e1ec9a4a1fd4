#!/usr/bin/env bash
# Walk-Away in a fresh scratch org: create it, deploy force-app, assign permission sets, set a
# quota, load sample opportunities, run the Apex tests.
#
#   scripts/install-scratch.sh [alias] [duration-days]
#
# Dev Hub: $SF_DEVHUB (or $TESTKIT_HUB_USERNAME), else the CLI's default Dev Hub.
# Sample data: samples/opportunities.csv (first $WALKAWAY_SAMPLE_ROWS rows, default 150); generated
# with scripts/generate-opportunities.mjs when the file is absent.
set -euo pipefail
cd "$(dirname "$0")/.."
export SF_DISABLE_AUTOUPDATE=true SF_SKIP_NEW_VERSION_CHECK=true SF_DISABLE_TELEMETRY=true

ALIAS="${1:-walkaway}"
DAYS="${2:-7}"
HUB="${SF_DEVHUB:-${TESTKIT_HUB_USERNAME:-}}"
ROWS="${WALKAWAY_SAMPLE_ROWS:-150}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

command -v sf >/dev/null || { echo "The Salesforce CLI (sf) is not on PATH." >&2; exit 1; }
step() { printf '\n== %s\n' "$*"; }

step "Creating scratch org '$ALIAS' for $DAYS days"
hub_flag=()
[ -n "$HUB" ] && hub_flag=(--target-dev-hub "$HUB")
sf org create scratch --definition-file config/project-scratch-def.json --alias "$ALIAS" \
  --duration-days "$DAYS" --set-default --wait 15 "${hub_flag[@]}"

step "Deploying force-app"
sf project deploy start --source-dir force-app --target-org "$ALIAS" --wait 30

step "Assigning Walk_Away_Admin and Walk_Away_User to the org's admin user"
# Not Walk_Away_Integration: it makes its holder an API-only user.
sf org assign permset --name Walk_Away_Admin --name Walk_Away_User --target-org "$ALIAS"

step "Setting the admin's quarterly quota (User.Walk_Away_Quarterly_Quota__c)"
USERNAME="$(sf org display --target-org "$ALIAS" --json | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).result.username))')"
sf data update record --sobject User --where "Username='$USERNAME'" \
  --values "Walk_Away_Quarterly_Quota__c=500000" --target-org "$ALIAS"

step "Loading sample opportunities"
CSV=samples/opportunities.csv
if [ ! -f "$CSV" ]; then
  CSV="$WORK/opportunities.csv"
  node scripts/generate-opportunities.mjs --rows "$ROWS" --out "$CSV"
fi
node scripts/sample-data-tree.mjs --in "$CSV" --out "$WORK/tree" --rows "$ROWS"
sf data import tree --plan "$WORK/tree/plan.json" --target-org "$ALIAS"

step "Running Apex tests"
sf apex run test --test-level RunLocalTests --code-coverage --result-format human \
  --wait 20 --target-org "$ALIAS"

step "Done: sf org open --target-org $ALIAS"
