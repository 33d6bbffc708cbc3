#!/usr/bin/env bash
# Container health probe: GET an actuator health path on the local app, exit 0 on HTTP 200, else 1
# (Docker's healthy / unhealthy). Uses bash's /dev/tcp only, so the runtime image needs neither
# curl nor wget, and no second JVM is started every few seconds.
# Usage: healthcheck.sh [PATH]   (default /actuator/health/liveness; port $PORT, default 8080)
path="${1:-/actuator/health/liveness}"
port="${PORT:-8080}"
if ! exec 3<>"/dev/tcp/127.0.0.1/${port}"; then
  echo "healthcheck: nothing listening on port ${port}" >&2
  exit 1
fi
printf 'GET %s HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n' "$path" >&3
status=""
IFS= read -r -t 5 status <&3
exec 3<&-
case "$status" in
  "HTTP/1."[01]" 200"*) exit 0 ;;
  *)
    echo "healthcheck: GET ${path} -> ${status:-no response within 5 s}" >&2
    exit 1
    ;;
esac
