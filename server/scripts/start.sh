#!/bin/sh
# Starts the built server (dist/, from `npm run build`) as `npm start` does in production. Two settings keep its
# memory near what it needs (docs/decisions/0009):
# - MALLOC_ARENA_MAX=2: glibc otherwise gives each of node's threads a malloc arena of its own, and the arenas
#   of the compiler and GC threads hold on to about 60 MB the server no longer uses.
# - --max-old-space-size (SERVER_HEAP_MB, 384 by default): V8 lets garbage grow further the larger the limit;
#   with 384 MB the heap is collected at about 1.5 times what is alive instead of 4 times. Raise it only if the
#   log shows "JavaScript heap out of memory".
# - --max-semi-space-size=8: the young generation stays at 16 MB rather than growing to 32 MB under load.
# Each can be set in the environment (SERVER_HEAP_MB, SERVER_SEMI_SPACE_MB, MALLOC_ARENA_MAX); NODE_OPTIONS is
# passed on as it is.
set -eu
cd "$(dirname "$0")/../.."
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
exec node --max-old-space-size="${SERVER_HEAP_MB:-384}" --max-semi-space-size="${SERVER_SEMI_SPACE_MB:-8}" dist/server/src/main.js "$@"
