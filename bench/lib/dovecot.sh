# shellcheck shell=bash
# Dovecot (Debian's dovecot-imapd / dovecot-pop3d) as a baseline server for the benchmarks and conformance runs,
# started as root from a throwaway configuration in a temp directory: 127.0.0.1 and one port only, no TLS, Maildir
# under DIR/mail owned by nobody, users from a passwd-file that the caller writes.
#
#   dovecot_hash PASSWORD                     prints a SCRAM-SHA-256 hash (PBKDF2-SHA-256, 4,096 iterations, as
#                                             Serai stores passwords), for "user:hash" lines in DIR/users
#   dovecot_start DIR PROTOCOL PORT [fast]    PROTOCOL imap or pop3; "fast" is Dovecot's documented
#                                             high-performance login mode (one login process serves many
#                                             connections, one per core kept ready); without it each connection
#                                             forks its own login process, Dovecot's default. Waits until the
#                                             port accepts connections.
#   dovecot_stop DIR                          stops it (safe to call when it is not running, e.g. from a trap)
#   dovecot_errors DIR                        prints the first errors from its log, if any
#
# Write DIR/users (and any messages under DIR/mail/USER/Maildir) before dovecot_start.

dovecot_hash() {
  doveadm pw -s SCRAM-SHA-256 -p "$1"
}

dovecot_start() {
  local d=$1 protocol=$2 port=$3 mode=${4:-}
  mkdir -p "$d/mail" "$d/run" "$d/state"
  # the auth and mail processes run as other users: they must reach DIR (mktemp makes its parent 0700)
  chmod 755 "$d" "$(dirname "$d")"
  chmod 644 "$d/users"
  chown -R nobody:nogroup "$d/mail"
  local login=
  if [ "$mode" = fast ]; then
    login="  service_count = 0
  process_min_avail = $(nproc)"
  fi
  cat > "$d/dovecot.conf" <<CONF
base_dir = $d/run
state_dir = $d/state
log_path = $d/dovecot.log
protocols = $protocol
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_internal_user = dovecot
default_login_user = dovenull
mail_location = maildir:$d/mail/%u/Maildir
passdb {
  driver = passwd-file
  args = $d/users
}
userdb {
  driver = static
  args = uid=nobody gid=nogroup home=$d/mail/%u
}
service $protocol-login {
$login
  inet_listener $protocol {
    address = 127.0.0.1
    port = $port
  }
  inet_listener ${protocol}s {
    port = 0
  }
}
CONF
  dovecot -c "$d/dovecot.conf"
  local _
  for _ in $(seq 50); do (echo > "/dev/tcp/127.0.0.1/$port") 2>/dev/null && return 0; sleep 0.2; done
  echo "Dovecot did not open 127.0.0.1:$port" >&2
  return 1
}

dovecot_stop() {
  [ -f "$1/dovecot.conf" ] && dovecot -c "$1/dovecot.conf" stop 2>/dev/null || true
}

dovecot_errors() {
  grep -iE "error|fatal|panic" "$1/dovecot.log" | head -5 || true
}
