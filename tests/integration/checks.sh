# Sourced by the shell integration tests: named checks that count, and the runner's closing line.
passed=0 failed=0
check() {  # check NAME CONDITION...
  local name=$1; shift
  if "$@"; then passed=$((passed + 1)); echo "ok   $name"; else failed=$((failed + 1)); echo "FAIL $name"; fi
}
contains() { grep -q -- "$2" "$1"; }  # contains FILE PATTERN
summary() {  # prints "N passed, N failed"; fails if any check did
  echo "$passed passed, $failed failed"
  [ "$failed" -eq 0 ]
}
