/**
 * How every connection to PostgreSQL is made. A connection attempt gives up after 10 s (pg waits
 * for ever by default), so a server out of reach fails a request (503) instead of hanging it.
 *
 * TCP keepalive on every connection, both ways. Without it a peer that vanished
 * without a FIN or RST (a host or VM gone, a cut network, a NAT or firewall that forgot the flow)
 * leaves a half-open connection that neither side notices for about two hours, the kernel's
 * default (net.ipv4.tcp_keepalive_time = 7200 s):
 * - our side (`keepAlive`): a query on a dead connection would wait that long for its answer;
 * - the server's side (`tcp_keepalives_*`, sent as session settings in the startup packet): the
 *   session of a vanished app instance, and with it the session advisory lock of a projection it
 *   led, would stay, so no other instance could take over the view. With these, the server ends
 *   such a session after about idle + interval × count = 30 + 10 × 3 = 60 s.
 * `idle_session_timeout` is no fit: the lock connection of a projection is idle, by design, for
 * as long as no event comes, and must keep its lock. `idle_in_transaction_session_timeout` is not
 * set either: a healthy app holds transactions open while it waits on other work (idempotency
 * records around a command, rebuild windows), and a dead peer is caught by the keepalives anyway.
 * On a Unix socket the server ignores these settings (they read 0), as there is no TCP.
 */
export const CONNECTION_SETTINGS = {
  connectionTimeoutMillis: 10_000,
  keepAlive: true,
  keepAliveInitialDelayMillis: 10_000,
  options: '-c tcp_keepalives_idle=30 -c tcp_keepalives_interval=10 -c tcp_keepalives_count=3',
} as const;
