// Starts a real Bluesky PDS with an in-memory PLC directory on 127.0.0.1, for Studio's tests.
// Prints one JSON line {"url": ..., "plc": ...} when ready; stops when stdin closes or on SIGTERM,
// so a test run that dies never leaves it behind.
import net from 'node:net'
import { TestNetworkNoAppView } from '@atproto/dev-env'

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

const network = await TestNetworkNoAppView.create({})
const port = network.pds.port
process.stdout.write(JSON.stringify({ url: `http://127.0.0.1:${port}`, plc: network.plc.url }) + '\n')

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
