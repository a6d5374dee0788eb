import net from 'node:net'

/**
 * A TCP proxy in front of the double's gRPC port, to inject connection faults the way a network or a node
 * failure does: `drop()` cuts every open connection mid-stream; `setDown(true)` refuses new ones until undone.
 */
export interface FaultProxy {
  readonly port: number
  drop(): void
  setDown(down: boolean): void
  close(): Promise<void>
}

export const startFaultProxy = async (targetPort: number): Promise<FaultProxy> => {
  const open = new Set<net.Socket>()
  let down = false
  const server = net.createServer((client) => {
    if (down) {
      client.destroy()
      return
    }
    const upstream = net.connect(targetPort, '127.0.0.1')
    // no Nagle: small gRPC frames would otherwise wait for delayed ACKs (40 ms each)
    client.setNoDelay(true)
    upstream.setNoDelay(true)
    open.add(client)
    open.add(upstream)
    const close = () => {
      client.destroy()
      upstream.destroy()
      open.delete(client)
      open.delete(upstream)
    }
    client.on('error', close).on('close', close)
    upstream.on('error', close).on('close', close)
    client.pipe(upstream)
    upstream.pipe(client)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('fault proxy: no TCP address')
  const drop = () => {
    for (const socket of [...open]) socket.resetAndDestroy()
    open.clear()
  }
  return {
    port: address.port,
    drop,
    setDown: (value) => {
      down = value
      if (value) drop()
    },
    close: async () => {
      drop()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
