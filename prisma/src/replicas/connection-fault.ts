const faultKinds = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);
const faultCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EPIPE']);
const faultMessages =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|the database system is (starting up|shutting down|in recovery mode)/i;

/**
 * Whether an error says the server is gone or unreachable (so the replica is taken out of service),
 * rather than that one statement failed. Looks through Prisma's wrapping (`cause`) to the driver's error.
 */
export function isConnectionFault(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 4) return false;
  const { kind, code, originalCode, message, cause } = error as Record<string, unknown>;
  if (typeof kind === 'string' && faultKinds.has(kind)) return true;
  for (const value of [code, originalCode]) {
    // SQLSTATE class 08 is a connection exception, 57P01-57P03 an administrator's shutdown or a server starting.
    if (typeof value === 'string' && (faultCodes.has(value) || /^08|^57P0[123]$/.test(value))) return true;
  }
  if (typeof message === 'string' && faultMessages.test(message)) return true;
  return isConnectionFault(cause, depth + 1);
}
