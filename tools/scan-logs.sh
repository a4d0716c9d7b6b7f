#!/usr/bin/env bash
# Fails if any of the given files (logs, a kiosk's history) holds what must
# never be written down: a full mainland mobile number, a plate in clear,
# a session token or a device's key. Prints each finding as file:line and
# what it is, never the secret itself. Usage: bash tools/scan-logs.sh FILE...
set -euo pipefail
found=0
scan() {  # file, what, extended regex
  local hits
  hits=$(grep -anoE "$3" "$1" 2>/dev/null | cut -d: -f1 | sort -un | head -n 5 || true)
  for line in $hits; do
    echo "$1:$line: $2" >&2
    found=1
  done
}
for f in "$@"; do
  [ -f "$f" ] || { echo "scan-logs: no file $f" >&2; exit 2; }
  scan "$f" "a full phone number" \
    '(^|[^0-9A-Za-z])1[3-9][0-9]{9}([^0-9A-Za-z]|$)'
  scan "$f" "a plate in clear" \
    '(京|津|沪|渝|冀|豫|云|辽|黑|湘|皖|鲁|新|苏|浙|赣|鄂|桂|甘|晋|蒙|陕|吉|闽|贵|粤|青|藏|川|宁|琼)·?[A-HJ-NP-Z][A-HJ-NP-Z0-9]{5,6}'
  scan "$f" "a session token" 'djF8[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{20,}'
  scan "$f" "a device key" 'Device [A-Za-z0-9_-]+:[A-Za-z0-9_-]+'
done
if [ "$found" -ne 0 ]; then
  echo "scan-logs: secrets found (above)" >&2
  exit 1
fi
echo "scan-logs: $# files clean"
