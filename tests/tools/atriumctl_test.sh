#!/usr/bin/env bash
# End-to-end checks of atriumctl: the documented examples, the demo, errors
# and exit codes; with ATRIUMD, the day's jobs against a data folder it
# seeded. Usage: atriumctl_test.sh ATRIUMCTL SHARED_DIR [ATRIUMD]
set -uo pipefail
ctl="$1"
shared="$2"
atriumd="${3:-}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
passes=0

check() {  # check NAME CONDITION...
  local name="$1"
  shift
  if "$@"; then
    passes=$((passes + 1))
  else
    echo "FAILED: $name" >&2
    failures=$((failures + 1))
  fi
}
has() { grep -q -- "$2" "$1"; }
lacks() { ! grep -q -- "$2" "$1"; }

# earn: the documented example (gold on member day, a gift card excluded).
"$ctl" earn --program "$shared/demo-mall/program.json" \
  --in "$shared/formats/examples/earn-request.json" >"$tmp/earn.json"
check "earn exits 0" test $? -eq 0
check "earn: 1280 yuan at gold x1.5 on member day x2" has "$tmp/earn.json" '"points": 3840,'
check "earn: gift card excluded" has "$tmp/earn.json" '"multiplier_permille": 0,'
check "earn: rules explained" has "$tmp/earn.json" '"id": "r-member-day"'

# earn: bad input is an error document and exit 2, never a crash.
echo '{"tier":"gold","receipt":{"id":"R1"}}' >"$tmp/bad.json"
"$ctl" earn --program "$shared/demo-mall/program.json" --in "$tmp/bad.json" >"$tmp/out.json"
check "earn: bad receipt exits 2" test $? -eq 2
check "earn: error names the field" has "$tmp/out.json" 'receipt.mall_id: is required'
echo 'not json' | "$ctl" earn --program "$shared/demo-mall/program.json" >"$tmp/out.json"
check "earn: non-JSON exits 2" test $? -eq 2
sed 's/"gold"/"platinum"/' "$shared/formats/examples/earn-request.json" >"$tmp/tier.json"
"$ctl" earn --program "$shared/demo-mall/program.json" --in "$tmp/tier.json" >"$tmp/out.json"
check "earn: unknown tier is NOT_FOUND" has "$tmp/out.json" '"code": "NOT_FOUND"'
"$ctl" earn --in "$shared/formats/examples/earn-request.json" >"$tmp/out.json"
check "earn: missing programme exits 2" test $? -eq 2

# earn: the expiry kinds an operator can choose (shared/formats/program.md),
# the receipt earned on 8 April 2026, 15:00 in the group's +08:00.
with_expiry() {  # with_expiry KIND MONTHS > program
  sed -e "s/\"kind\": \"end_of_year\",/\"kind\": \"$1\",/" \
      -e "s/\"years\": 1\$/\"months\": $2/" "$shared/demo-mall/program.json"
}
with_expiry end_of_month 12 >"$tmp/month.json"
"$ctl" earn --program "$tmp/month.json" \
  --in "$shared/formats/examples/earn-request.json" >"$tmp/out.json"
check "earn: 12 months, cleared at the end of April 2027" \
  has "$tmp/out.json" '"expires_at": "2027-04-30T16:00:00Z"'
with_expiry end_of_quarter 12 >"$tmp/quarter.json"
"$ctl" earn --program "$tmp/quarter.json" \
  --in "$shared/formats/examples/earn-request.json" >"$tmp/out.json"
check "earn: 12 months, cleared at the end of that quarter (June 2027)" \
  has "$tmp/out.json" '"expires_at": "2027-06-30T16:00:00Z"'
with_expiry end_of_month 121 >"$tmp/bad-expiry.json"
"$ctl" earn --program "$tmp/bad-expiry.json" \
  --in "$shared/formats/examples/earn-request.json" >"$tmp/out.json"
check "earn: 121 months exits 2" test $? -eq 2
check "earn: the error names expiry.months" has "$tmp/out.json" 'expiry.months'

# earn: a minimum receipt (2,000 yuan here): the example's 1,280 yuan of
# beauty earns nothing, and says why.
sed 's/"fen_per_point": 100,/"fen_per_point": 100, "min_receipt_fen": 200000,/' \
  "$shared/demo-mall/program.json" >"$tmp/minimum.json"
"$ctl" earn --program "$tmp/minimum.json" \
  --in "$shared/formats/examples/earn-request.json" >"$tmp/out.json"
check "earn: under the minimum earns 0" has "$tmp/out.json" '"points": 0,'
check "earn: under the minimum says so" has "$tmp/out.json" '"cap": "minimum"'
sed 's/"fen_per_point": 100,/"fen_per_point": 100, "min_receipt_fen": -1,/' \
  "$shared/demo-mall/program.json" >"$tmp/bad-minimum.json"
"$ctl" earn --program "$tmp/bad-minimum.json" \
  --in "$shared/formats/examples/earn-request.json" >"$tmp/out.json"
check "earn: a negative minimum exits 2" test $? -eq 2
check "earn: the error names min_receipt_fen" has "$tmp/out.json" 'earning.min_receipt_fen'

# statement: the demo's ledger round-trips through the documented format.
"$ctl" demo --entries >"$tmp/entries.json"
check "demo --entries exits 0" test $? -eq 0
"$ctl" statement --in "$tmp/entries.json" >"$tmp/statement.json"
check "statement exits 0" test $? -eq 0
check "statement: audit clean" has "$tmp/statement.json" '"clean": true'
"$ctl" demo --json >"$tmp/demo.json"
usable=$(grep -m1 '"usable"' "$tmp/demo.json")
check "statement: same balance as the demo" has "$tmp/statement.json" "$usable"

# statement: tampered entries fail the audit with exit 3.
sed '0,/"points": 1320/s//"points": 9999/' "$tmp/entries.json" >"$tmp/tampered.json"
"$ctl" statement --in "$tmp/tampered.json" >"$tmp/out.json"
check "statement: tampered ledger exits 3" test $? -eq 3
check "statement: tampering reported" has "$tmp/out.json" '"clean": false'

# demo: the text statement masks the phone number.
"$ctl" demo >"$tmp/demo.txt"
check "demo exits 0" test $? -eq 0
check "demo: masked phone shown" has "$tmp/demo.txt" '138\*\*\*\*8000'
check "demo: raw phone never shown" lacks "$tmp/demo.txt" '13800138000'
check "demo: audit clean" has "$tmp/demo.txt" 'Audit: clean'
"$ctl" demo --member M0002 >"$tmp/demo2.txt"
check "demo: second member" has "$tmp/demo2.txt" '139\*\*\*\*5678'
"$ctl" demo --member nobody >"$tmp/out.json"
check "demo: unknown member exits 2" test $? -eq 2

# checkout: the documented example (one coupon of each kind, then points).
"$ctl" checkout --program "$shared/demo-mall/program.json" \
  --in "$shared/formats/examples/checkout-request.json" >"$tmp/checkout.json"
check "checkout exits 0" test $? -eq 0
check "checkout: ¥600 less ¥210 of coupons and ¥50 of points" has "$tmp/checkout.json" '"to_pay_fen": 34000,'
check "checkout: 5000 points used" has "$tmp/checkout.json" '"points_used": 5000,'
check "checkout: points earned on what was paid" has "$tmp/checkout.json" '"points_earned":'
sed 's/"amount_fen": 40000/"amount_fen": -1/' "$shared/formats/examples/checkout-request.json" >"$tmp/neg.json"
"$ctl" checkout --in "$tmp/neg.json" >"$tmp/out.json"
check "checkout: negative amount exits 2" test $? -eq 2

# coupon: the documented example (a flash coupon with a stock of two).
"$ctl" coupon --in "$shared/formats/examples/coupon-request.json" >"$tmp/coupon.json"
check "coupon exits 0" test $? -eq 0
check "coupon: stock runs out" has "$tmp/coupon.json" '"code": "RESOURCE_EXHAUSTED"'
check "coupon: someone else's coupon refused" has "$tmp/coupon.json" '"code": "PERMISSION_DENIED"'
check "coupon: only two issued" lacks "$tmp/coupon.json" '"id": "c-3"'

# parking-quote: the documented example (a Saturday stay, every benefit).
"$ctl" parking-quote --in "$shared/formats/examples/parking-quote-request.json" >"$tmp/park.json"
check "parking-quote exits 0" test $? -eq 0
check "parking-quote: capped at 60 yuan" has "$tmp/park.json" '"gross_fen": 6000,'
check "parking-quote: 8 yuan left after benefits" has "$tmp/park.json" '"due_fen": 800,'
check "parking-quote: three hours of points" has "$tmp/park.json" '"points_used": 300,'
check "parking-quote: the plate masked" has "$tmp/park.json" '"plate": "沪A\*\*\*45"'
check "parking-quote: no whole plate" lacks "$tmp/park.json" '12345'
"$ctl" parking-quote --tariff "$shared/formats/examples/parking-tariff-draft.json" \
  --in "$shared/formats/examples/parking-quote-request.json" >"$tmp/draft.json"
check "parking-quote: a draft tariff" has "$tmp/draft.json" '"tariff_version": 3'
check "parking-quote: priced by the draft" has "$tmp/draft.json" '"due_fen": 1000,'
sed 's/沪A·12345/沪A·1234I/' "$shared/formats/examples/parking-quote-request.json" >"$tmp/badplate.json"
"$ctl" parking-quote --in "$tmp/badplate.json" >"$tmp/out.json"
check "parking-quote: malformed plate exits 2" test $? -eq 2
check "parking-quote: the error says why" has "$tmp/out.json" 'request.plate: malformed plate'
check "parking-quote: the error hides the plate" lacks "$tmp/out.json" '1234I'
sed 's/"m-xinjie"/"m-nowhere"/' "$shared/formats/examples/parking-quote-request.json" >"$tmp/nomall.json"
"$ctl" parking-quote --in "$tmp/nomall.json" >"$tmp/out.json"
check "parking-quote: unknown mall exits 2" has "$tmp/out.json" '"code": "NOT_FOUND"'
sed 's/"2026-03-21T21:40:00+08:00"/"2026-03-21T12:00:00+08:00"/' \
  "$shared/formats/examples/parking-quote-request.json" >"$tmp/back.json"
"$ctl" parking-quote --in "$tmp/back.json" >"$tmp/out.json"
check "parking-quote: exit before entry refused" has "$tmp/out.json" '"code": "INVALID_ARGUMENT"'

# seed: a new data folder with the demo mall, once.
"$ctl" seed --data "$tmp/data" --members 20 --member-visits 4 >"$tmp/seed.json"
check "seed exits 0" test $? -eq 0
check "seed: the demo's two members and twenty generated" has "$tmp/seed.json" '"members": 22'
check "seed: the folder is the server's alone" test "$(stat -c %a "$tmp/data")" = 700
check "seed: auth.db holds the demo's access" test -s "$tmp/data/auth.db"
"$ctl" seed --data "$tmp/data" --members 20 >"$tmp/out.json"
check "seed: a seeded folder is not seeded twice" has "$tmp/out.json" '"code": "FAILED_PRECONDITION"'

# day-jobs: what New Year's Day 2028 will do to the seeded demo (its
# receipts are of the year before it was seeded: every lot of 2026
# expires, and members who stopped shopping are reviewed down), and
# nothing written.
if [ -n "$atriumd" ]; then
  "$atriumd" --data "$tmp/data" --port 0 \
    --demo "$shared/demo-mall" --web "$tmp" --console "$tmp" >"$tmp/atriumd.log" 2>&1 &
  pid=$!
  for _ in $(seq 300); do
    grep -q "day's jobs" "$tmp/atriumd.log" && break
    sleep 0.1
  done
  kill "$pid"
  wait "$pid"
  check "day-jobs: the server ran today's jobs" has "$tmp/atriumd.log" "ran 2 of the day's jobs"
  before=$(md5sum <"$tmp/data/atrium.db")
  "$ctl" day-jobs --data "$tmp/data" --demo "$shared/demo-mall" --date 2028-01-01 >"$tmp/day.json"
  check "day-jobs exits 0" test $? -eq 0
  check "day-jobs: points expire" grep -qE '"points": [1-9][0-9]*,' "$tmp/day.json"
  check "day-jobs: the members named" has "$tmp/day.json" '"member_id": "G0000001"'
  check "day-jobs: tiers reviewed" has "$tmp/day.json" '"job": "review_tiers"'
  check "day-jobs: says nothing was written" has "$tmp/day.json" '"written": false'
  check "day-jobs: the data folder unchanged" test "$(md5sum <"$tmp/data/atrium.db")" = "$before"
  "$ctl" day-jobs --data "$tmp/data" --demo "$shared/demo-mall" --date 2028-01-01 >"$tmp/again.json"
  check "day-jobs: the same answer again" cmp -s "$tmp/day.json" "$tmp/again.json"
  "$ctl" day-jobs --data "$tmp/nowhere" --date 2028-01-01 >"$tmp/out.json"
  check "day-jobs: no data folder exits 2" test $? -eq 2
  check "day-jobs: says what is missing" has "$tmp/out.json" 'is it an atriumd data folder'
  check "day-jobs: makes no folder" test ! -e "$tmp/nowhere"
  "$ctl" day-jobs --data "$tmp/data" --date 2028-13-01 >"$tmp/out.json"
  check "day-jobs: a bad date exits 2" has "$tmp/out.json" '"code": "INVALID_ARGUMENT"'
fi

# usage errors exit 1.
"$ctl" frobnicate 2>/dev/null
check "unknown command exits 1" test $? -eq 1
"$ctl" earn --programme "$shared/demo-mall/program.json" 2>"$tmp/err.txt" </dev/null
check "a misspelt flag exits 1" test $? -eq 1
check "a misspelt flag is named" has "$tmp/err.txt" '--programme'
"$ctl" --help >"$tmp/help.txt"
check "--help exits 0" test $? -eq 0
for command in earn statement checkout coupon parking-quote demo day-jobs; do
  check "--help lists $command" has "$tmp/help.txt" "$command"
done
"$ctl" demo --help >"$tmp/help.txt"
check "a command's --help gives each flag's default" has "$tmp/help.txt" '--member TEXT=M0001'

echo "$passes passed, $failures failed"
[ "$failures" -eq 0 ]
