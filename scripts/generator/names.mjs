// How operation functions and parameter keys are named. The rules and the
// rename table are documented in docs/operation-names.md; keep both in step.

/**
 * Camel-cases an operationId: split on `-`, `_` and spaces, lower-case the
 * first letter of the first part, upper-case the first letter of the rest.
 * `search-contacts-advanced` → `searchContactsAdvanced`.
 */
export function camelCaseOperationId(operationId) {
  return operationId
    .split(/[-_ ]+/)
    .filter(Boolean)
    .map((part, index) =>
      index === 0
        ? part[0].toLowerCase() + part.slice(1)
        : part[0].toUpperCase() + part.slice(1),
    )
    .join('')
}

/** `location_id` → `locationId`; the first part keeps its case. */
export function camelCaseParameterName(name) {
  return name
    .split(/[-_ .]+/)
    .filter(Boolean)
    .map((part, index) =>
      index === 0 ? part : part[0].toUpperCase() + part.slice(1),
    )
    .join('')
}

export function pascalCase(name) {
  return name[0].toUpperCase() + name.slice(1)
}

/**
 * Root names for operations whose camel-cased operationId collides with
 * another service's, or is wrong for its route.
 *
 * - `collision`: the service module keeps the official name; the root
 *   export gets the service's name after the verb.
 * - `wrong-id`: the operationId does not describe the route; both the root
 *   and the service module use the corrected name, and the service module
 *   keeps the official name as a deprecated alias.
 *
 * Colliding names not listed here (associations `createAssociation`,
 * invoices `listInvoices`, locations `createCustomField`/`updateCustomField`/
 * `deleteCustomField`) stay as they are: once the wrong-id and V2 entries
 * are renamed they are unique, and they match their siblings.
 */
export const renamedOperations = [
  ['agent-studio', 'createAgent', 'createAgentStudioAgent', 'collision'],
  ['agent-studio', 'getAgents', 'getAgentStudioAgents', 'collision'],
  ['agent-studio', 'deleteAgent', 'deleteAgentStudioAgent', 'collision'],
  ['conversation-ai', 'create-agent', 'createConversationAiAgent', 'collision'],
  ['conversation-ai', 'get-agent', 'getConversationAiAgent', 'collision'],
  ['conversation-ai', 'delete-agent', 'deleteConversationAiAgent', 'collision'],
  [
    'conversation-ai',
    'create-action',
    'createConversationAiAction',
    'collision',
  ],
  [
    'conversation-ai',
    'update-action',
    'updateConversationAiAction',
    'collision',
  ],
  [
    'conversation-ai',
    'delete-action',
    'deleteConversationAiAction',
    'collision',
  ],
  ['voice-ai', 'create-agent', 'createVoiceAiAgent', 'collision'],
  ['voice-ai', 'get-agents', 'getVoiceAiAgents', 'collision'],
  ['voice-ai', 'get-agent', 'getVoiceAiAgent', 'collision'],
  ['voice-ai', 'delete-agent', 'deleteVoiceAiAgent', 'collision'],
  ['voice-ai', 'create-action', 'createVoiceAiAction', 'collision'],
  ['voice-ai', 'update-action', 'updateVoiceAiAction', 'collision'],
  ['voice-ai', 'delete-action', 'deleteVoiceAiAction', 'collision'],
  ['custom-fields', 'create-custom-field', 'createCustomFieldV2', 'collision'],
  ['custom-fields', 'update-custom-field', 'updateCustomFieldV2', 'collision'],
  ['custom-fields', 'delete-custom-field', 'deleteCustomFieldV2', 'collision'],
  ['contacts', 'create-association', 'bulkUpdateContactTags', 'wrong-id'],
  ['products', 'list-invoices', 'listProducts', 'wrong-id'],
].map(([service, operationId, name, reason]) => ({
  service,
  operationId,
  name,
  reason,
}))

/**
 * Names one operation: `rootName` is exported from `highlevel-fetch`,
 * `serviceName` from `highlevel-fetch/<service>`, `aliasName` (if any) is
 * the deprecated official name kept in the service module.
 */
export function nameOperation(service, operationId) {
  const official = camelCaseOperationId(operationId)
  const rename = renamedOperations.find(
    (entry) => entry.service === service && entry.operationId === operationId,
  )
  if (!rename) return { rootName: official, serviceName: official }
  if (rename.reason === 'collision') {
    return { rootName: rename.name, serviceName: official }
  }
  return {
    rootName: rename.name,
    serviceName: rename.name,
    aliasName: official,
  }
}
