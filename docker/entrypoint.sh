#!/bin/sh
# The images' entry point: runs the launcher jar as ./unlearn does (DJL offline), with two optional settings.
#   UNLEARN_THREADS=N     caps this process's compute threads: OMP_NUM_THREADS (OpenMP/MKL, read by the native library
#                         when it loads) and -Dai.djl.pytorch.num_threads (PyTorch's intra-op pool). Give replicas
#                         sharing a host cores/replicas each (1 for the most replicas); unset, PyTorch uses every core.
#   UNLEARN_JAVA_OPTS     JVM options, as the launcher's (default -XX:MaxRAMPercentage=75).
set -eu
threads=""
if [ -n "${UNLEARN_THREADS:-}" ]; then
  case "$UNLEARN_THREADS" in
    *[!0-9]* | 0*)
      echo "unlearn: UNLEARN_THREADS='$UNLEARN_THREADS' is not a positive whole number; set it to e.g. 1, or leave it unset" >&2
      exit 2 ;;
  esac
  export OMP_NUM_THREADS="$UNLEARN_THREADS"
  threads="-Dai.djl.pytorch.num_threads=$UNLEARN_THREADS"
fi
# shellcheck disable=SC2086 # UNLEARN_JAVA_OPTS holds several options, split on spaces as the launcher does
exec java ${UNLEARN_JAVA_OPTS:--XX:MaxRAMPercentage=75} $threads -Dai.djl.offline=true -jar /opt/unlearn/unlearn-cli.jar "$@"
