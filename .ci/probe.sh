# Sourced by .ci/run and .ci/python.
#
# On the machines of this workplace, rustc's target probe has been seen to fail now and then:
# cargo runs `rustc - --print=cfg ...` with standard input a pipe it closes without writing,
# and rustc read stale bytes from it (the stderr of an earlier build script: "error[E0554]:
# `#![feature]` may not be used on the stable release channel", "cc: error: unrecognized
# command-line option '-?'"), failed to parse them as Rust, and cargo cached the failure in
# target/.rustc_info.json. It came after builds whose scripts had just written such stderr,
# as if freed pipe pages came back with their bytes; pushing 64 MB of newlines through a pipe
# first (an empty line is an empty Rust file) made the same sequence pass. So every command
# here does that first, and a command that fails so anyway is run once more after those caches
# are removed; any other failure, and a second one, fails the run as before.
flush_pipes() { (yes '' || :) | head -c 64M | cat > /dev/null; }

probe_retry() {
  local log rc
  log=$(mktemp)
  flush_pipes
  "$@" 2> "$log" && rc=0 || rc=$?
  cat "$log" >&2
  if [ "$rc" != 0 ] && grep -q "failed to run \`rustc\` to learn about target-specific information" "$log"; then
    echo "ci: rustc's target probe read garbage (see .ci/probe.sh); retrying once: $*" >&2
    find . -name .rustc_info.json -path '*target*' -delete
    flush_pipes
    "$@" && rc=0 || rc=$?
  fi
  rm -f "$log"
  return "$rc"
}

# Every `cargo` of the sourcing script goes through the retry.
cargo() { probe_retry command cargo "$@"; }
