// Starts a real Bluesky network on 127.0.0.1 for Studio's analytics tests: a PDS, an in-memory PLC
// and an AppView (with bsync and ozone, as @atproto/dev-env's TestNetwork builds it), so
// app.bsky.feed.getPosts answers with real like, repost, reply and quote counts.
// The AppView keeps its index in PostgreSQL: DB_POSTGRES_URL names a server the caller started
// (the test suite's own, on loopback). REDIS_HOST is asserted by TestNetwork but not used by the
// services it starts; a closed port stands in.
// Prints one JSON line {"url": ..., "appview": ...} when ready; stops when stdin closes or on SIGTERM.
import net from 'node:net'
import { TestNetwork } from '@atproto/dev-env'

const listen = net.Server.prototype.listen
net.Server.prototype.listen = function (...args) {
  if (typeof args[0] === 'number' && (args.length === 1 || typeof args[1] === 'function')) {
    args.splice(1, 0, '127.0.0.1')
  } else if (args[0] && typeof args[0] === 'object' && !args[0].host && !args[0].path) {
    args[0] = { ...args[0], host: '127.0.0.1' }
  }
  return listen.apply(this, args)
}

process.env.REDIS_HOST ||= '127.0.0.1:1'
// Schema names may hold only letters and '_' (bsync's rule).
const schema = 'studio_' + [...String(process.pid)].map((d) => String.fromCharCode(97 + Number(d))).join('')
const network = await TestNetwork.create({ dbPostgresUrl: process.env.DB_POSTGRES_URL, dbPostgresSchema: schema })
process.stdout.write(JSON.stringify({ url: network.pds.url, appview: network.bsky.url }) + '\n')

let closing = false
async function stop() {
  if (closing) return
  closing = true
  try {
    await network.close()
  } finally {
    process.exit(0)
  }
}
process.on('SIGTERM', stop)
process.on('SIGINT', stop)
process.stdin.on('end', stop)
process.stdin.on('close', stop)
process.stdin.resume()
