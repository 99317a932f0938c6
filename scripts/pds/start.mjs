// Starts a real Bluesky PDS with an in-memory PLC directory on 127.0.0.1, for Studio's tests.
// Prints one JSON line {"url": ..., "plc": ...} when ready; stops when stdin closes or on SIGTERM,
// so a test run that dies never leaves it behind.
import net from 'node:net'
import { TestNetwork, TestNetworkNoAppView } from '@atproto/dev-env'

// Every server here listens on loopback only: dev-env passes just a port, which would bind all
// interfaces.
const listen = net.Server.prototype.listen
net.Server.prototype.listen = function (...args) {
  if (typeof args[0] === 'number' && (args.length === 1 || typeof args[1] === 'function')) {
    args.splice(1, 0, '127.0.0.1')
  } else if (args[0] && typeof args[0] === 'object' && !args[0].host && !args[0].path) {
    args[0] = { ...args[0], host: '127.0.0.1' }
  }
  return listen.apply(this, args)
}

// With DB_POSTGRES_URL (a server the caller started), a whole network with an AppView (bsync and
// ozone too, as TestNetwork builds it), so app.bsky.feed.getPosts answers with real counts; its
// index lives in that PostgreSQL. REDIS_HOST is asserted by TestNetwork but not used by the services
// it starts: a closed port stands in. Schema names may hold only letters and '_' (bsync's rule).
let network, reply
if (process.env.DB_POSTGRES_URL) {
  process.env.REDIS_HOST ||= '127.0.0.1:1'
  const schema = 'studio_' + [...String(process.pid)].map((d) => String.fromCharCode(97 + Number(d))).join('')
  network = await TestNetwork.create({ dbPostgresUrl: process.env.DB_POSTGRES_URL, dbPostgresSchema: schema })
  reply = { url: network.pds.url, appview: network.bsky.url }
} else {
  network = await TestNetworkNoAppView.create({})
  reply = { url: `http://127.0.0.1:${network.pds.port}`, plc: network.plc.url }
}
process.stdout.write(JSON.stringify(reply) + '\n')

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
