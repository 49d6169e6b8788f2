import type { TestProject } from 'vitest/node'
import { startEchoServer } from '../core/echo-server'

declare module 'vitest' {
  export interface ProvidedContext {
    /** Base URL of the echo server on 127.0.0.1, for tests in any runtime. */
    echoServerURL: string
  }
}

/**
 * Starts the echo server in the Node process that runs vitest, so tests
 * running inside workerd or the edge runtime can reach it over loopback.
 */
export default async function setup(project: TestProject) {
  const server = await startEchoServer()
  project.provide('echoServerURL', server.url)
  return () => server.close()
}
