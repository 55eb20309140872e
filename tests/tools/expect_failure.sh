#!/bin/sh
# expect_failure.sh "<phrase>" <command> [arguments…]: passes when the command fails (exit code not 0) and what it
# printed, its line breaks and runs of spaces made single spaces (CMake wraps its messages), holds the phrase.
phrase=$1
shift
out=$("$@" 2>&1)
status=$?
printf '%s\n' "$out"
if [ "$status" -eq 0 ]; then
  echo "expect_failure: the command succeeded" >&2
  exit 1
fi
if ! printf '%s' "$out" | tr -s ' \n' '  ' | grep -qF -- "$phrase"; then
  echo "expect_failure: the output does not say: $phrase" >&2
  exit 1
fi
