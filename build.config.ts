import { readdirSync } from 'node:fs'
import { defineBuildConfig } from 'unbuild'

// One entry per generated service module, for `highlevel-fetch/<service>`
// (listed in package.json exports and typesVersions).
const services = readdirSync('src/operations', { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort()

export default defineBuildConfig({
  entries: [
    'src/index',
    // The root for the `browser` condition: no OAuth session refresh.
    { input: 'src/index.browser', name: 'index.browser' },
    ...services.map((service) => ({
      input: `src/operations/${service}/index`,
      name: `operations/${service}`,
    })),
    // highlevel-fetch/webhooks (Web APIs) and its Node-only middleware.
    { input: 'src/webhooks/index', name: 'webhooks' },
    { input: 'src/webhooks/schemas.generated', name: 'webhooks/schemas' },
    {
      input: 'src/webhooks/create-webhook-middleware.node',
      name: 'webhooks/node',
    },
    // Storage adapters, each its own entry so its driver stays optional.
    ...['redis', 'mongodb', 'unstorage'].map((adapter) => ({
      input: `src/storage/${adapter}`,
      name: `storage/${adapter}`,
    })),
  ],
  declaration: 'node16',
  rollup: { emitCJS: true },
  externals: ['valibot', 'jose', /^jose\//, 'mongodb', 'redis', 'unstorage'],
})
