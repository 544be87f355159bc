#!/bin/sh
# Container entry point: migrate (the one explicit migration step), optionally load the shipped
# dataset, then become the server with exec so that SIGTERM reaches it and it drains in-flight
# requests. Arguments that start with "-" go to `frontline serve`; any other command runs
# instead (e.g. `docker compose run api frontline export -`).
set -eu

if [ "$#" -gt 0 ] && [ "${1#-}" = "$1" ]; then
    exec "$@"
fi

frontline db upgrade
if [ "${FRONTLINE_SEED:-off}" = "on" ]; then
    frontline seed --if-empty
fi
exec frontline serve "$@"
