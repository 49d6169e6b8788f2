// The browser build of the package root (the `browser` export condition):
// every export of ./index, with a createClient that refuses OAuth app
// credentials and so carries no session refresh. Runtimes that run
// servers (workerd, edge-light, Deno, Bun, Node) get ./index itself.
export * from './index'
export { createClient } from './client/create-client.browser'
