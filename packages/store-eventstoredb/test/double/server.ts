import * as grpc from '@grpc/grpc-js'
import type { EventLog, EventLogOptions } from './log.js'
import { createEventLog } from './log.js'
import { serverError } from './messages.js'
import { featuresGrpc, featuresPb, streamsGrpc } from './protocol.js'
import { startFaultProxy } from './proxy.js'
import type { FaultState } from './streams-service.js'
import { streamsService } from './streams-service.js'
import type { SubscriptionStart } from './subscription.js'

export interface EventStoreDoubleOptions extends EventLogOptions {
  /** Advertise BatchAppend in ServerFeatures (the client then appends through it). Default true. */
  readonly batchAppend?: boolean
  /** How a subscription from a position finds its start (servers differ). Default `skip-first-event`. */
  readonly subscriptionStart?: SubscriptionStart
  readonly serverVersion?: string
}

export interface DoubleFaults {
  /** The next `count` appends answer `code` (UNAVAILABLE by default). */
  failNextAppends(count?: number, code?: grpc.status): void
  /** Cuts every open connection (mid-subscription, mid-read), as a network failure does. */
  dropConnections(): void
  /** While down, connections are refused: a persistent fault. */
  setUnreachable(down: boolean): void
  /** Ends every open read or subscription with an error status (UNAVAILABLE by default). */
  abortReads(code?: grpc.status): void
}

export interface EventStoreDouble {
  /** `esdb://…?tls=false` through the fault proxy. */
  readonly connectionString: string
  /** Straight to the gRPC port, bypassing the proxy (benchmarks). */
  readonly directConnectionString: string
  readonly log: EventLog
  readonly faults: DoubleFaults
  /** Events the double has written to subscriptions so far (flow control holds it back from slow consumers). */
  readonly subscriptionEventsSent: () => number
  stop(): Promise<void>
}

const methods = (batchAppend: boolean): featuresPb.SupportedMethod[] =>
  ['Read', 'Append', 'Delete', 'Tombstone', ...(batchAppend ? ['BatchAppend'] : [])].map((name) =>
    new featuresPb.SupportedMethod().setServiceName('event_store.client.streams.Streams').setMethodName(name),
  )

/**
 * A loopback EventStoreDB for tests: the generated Streams and ServerFeatures services of
 * `@eventstore/db-client`, served by `@grpc/grpc-js` on 127.0.0.1 (ephemeral port), behind a fault proxy.
 */
export const startEventStoreDouble = async (
  options: EventStoreDoubleOptions = {},
): Promise<EventStoreDouble> => {
  const log = createEventLog(options)
  const faults: FaultState = {
    appendFailures: { remaining: 0, code: grpc.status.UNAVAILABLE },
    subscriptionStart: options.subscriptionStart ?? 'skip-first-event',
    openReads: new Set(),
    subscriptionEventsSent: 0,
  }
  const server = new grpc.Server()
  server.addService(featuresGrpc.ServerFeaturesService, {
    getSupportedMethods: (_call: unknown, callback: grpc.sendUnaryData<featuresPb.SupportedMethods>) =>
      callback(
        null,
        new featuresPb.SupportedMethods()
          .setEventStoreServerVersion(options.serverVersion ?? '24.10.0')
          .setMethodsList(methods(options.batchAppend ?? true)),
      ),
  })
  server.addService(streamsGrpc.StreamsService, streamsService(log, faults))
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (e, p) =>
      e ? reject(e) : resolve(p),
    ),
  )
  const proxy = await startFaultProxy(port)
  return {
    connectionString: `esdb://127.0.0.1:${proxy.port}?tls=false`,
    directConnectionString: `esdb://127.0.0.1:${port}?tls=false`,
    log,
    faults: {
      failNextAppends: (count = 1, code = grpc.status.UNAVAILABLE) => {
        faults.appendFailures = { remaining: count, code }
      },
      dropConnections: () => proxy.drop(),
      setUnreachable: (down) => proxy.setDown(down),
      abortReads: (code = grpc.status.UNAVAILABLE) => {
        for (const call of [...faults.openReads])
          call.emit('error', serverError(code, 'Read aborted (injected fault)'))
        faults.openReads.clear()
      },
    },
    subscriptionEventsSent: () => faults.subscriptionEventsSent,
    stop: async () => {
      await proxy.close()
      server.forceShutdown()
    },
  }
}
