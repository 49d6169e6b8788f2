// How each paginated operation pages, keyed by root function name. The
// generator copies an entry into that operation's metadata as its
// `pagination` field: a string is emitted as a TypeScript expression,
// anything else as JSON. `paginate` reads it (src/pagination); the shape
// is `Pagination` in src/core/operation.ts, documented in docs/pagination.md.
//
// Each entry follows the operation's parameters and its response schema
// in the OpenAPI file. Operations whose response schema names no item
// array (or names none that matches its paging parameters) are left out
// rather than guessed: fbGetAdAccounts, searchAgent, searchConversation,
// listAllKnowledgeBasesPaginated, getSnapshotPush, getSaasLocations,
// getRelationsByRecordId, findAssociations, fetchTemplate,
// fetchRedirectsList, getFunnels, getPagesByFunnelId,
// listIntegrationProviders, getUploadStatus, getCsvPost,
// getCategoriesLocationId, getTagsLocationId, getPosts.

/** `skip`/`limit` lists: the skip advances by the items received. */
const skip = (items, extra = {}) => ({
  style: 'offset',
  param: 'skip',
  limit: 'limit',
  items,
  ...extra,
})

/** `offset`/`limit` lists. */
const offset = (items, extra = {}) => ({
  style: 'offset',
  param: 'offset',
  limit: 'limit',
  items,
  ...extra,
})

/** `page`/`limit` (or `pageSize`) lists, pages counted from 1. */
const page = (items, limit = 'limit', extra = {}) => ({
  style: 'page',
  param: 'page',
  limit,
  items,
  ...extra,
})

// GET /contacts/ and GET /opportunities/search answer a `meta` with the
// cursor of the next page and a `nextPageUrl` holding the same cursor.
const startAfter = (items) => ({
  style: 'cursor',
  limit: 'limit',
  items,
  cursor: { startAfter: 'meta.startAfter', startAfterId: 'meta.startAfterId' },
  nextPageUrl: 'meta.nextPageUrl',
  total: 'meta.total',
})

export default {
  // Cursor styles
  getContacts: startAfter('contacts'),
  searchOpportunity: startAfter('opportunities'),
  getMessages: {
    style: 'cursor',
    limit: 'limit',
    items: 'messages',
    cursor: { lastMessageId: 'lastMessageId' },
    hasMore: 'nextPage',
  },
  exportMessagesByLocation: {
    style: 'cursor',
    limit: 'limit',
    items: 'messages',
    cursor: { cursor: 'nextCursor' },
    total: 'total',
  },
  list: {
    style: 'cursor',
    limit: 'limit',
    items: 'faqs',
    cursor: { lastFaqId: 'lastFaqId' },
    hasMore: 'hasMore',
  },

  // page / limit
  getFormsSubmissions: page('submissions', 'limit', {
    hasMore: 'meta.nextPage',
    total: 'meta.total',
  }),
  getSurveysSubmissions: page('submissions', 'limit', {
    hasMore: 'meta.nextPage',
    total: 'meta.total',
  }),
  activeNumbers: page('numbers', 'pageSize'),
  getVoiceAiAgents: page('agents', 'pageSize', { total: 'total' }),
  getCallLogs: page('callLogs', 'pageSize', { total: 'total' }),
  getAllWebsiteUrlsDataByKnowledgeBase: page('urls', 'pageLength'),
  // POST searches whose page travels in the JSON body. The OpenAPI file
  // leaves POST /contacts/search's body and response schema out; its
  // `page`/`pageLimit` body fields and `{ contacts, total }` answer are
  // those of HighLevel's Search Contacts reference.
  searchContactsAdvanced: page('contacts', 'pageLimit', {
    in: 'body',
    total: 'total',
  }),
  searchOpportunitiesAdvanced: page('opportunities', 'limit', {
    in: 'body',
    total: 'total',
  }),
  searchObjectRecords: page('records', 'pageLimit', {
    in: 'body',
    total: 'total',
  }),

  // skip / limit
  listAffiliates: skip('affiliates'),
  listPayouts: skip('payouts'),
  listCommissions: skip('commissions'),
  getBlogs: skip('data'),
  getBusinessesByLocation: skip('businesses'),
  fetchCalendarResources: skip(''),
  getEventNotification: skip(''),
  getAllSchedules: skip('schedules'),
  getContactsByBusinessId: skip('contacts'),
  getCustomMenus: skip('customMenus', { total: 'totalLinks' }),
  getForms: skip('forms', { total: 'total' }),
  searchTriggerLinks: skip('links'),
  searchLocations: skip('locations'),
  gETAllOrEmailSmsTemplates: skip('templates', { total: 'totalCount' }),
  getCharges: skip('charges', { total: 'pagination.total' }),
  getInstalledLocation: skip('locations', { total: 'count' }),
  getLostReason: skip('lostReasons', { total: 'total' }),
  listDocumentsContracts: skip('documents', { total: 'total' }),
  listDocumentsContractsTemplates: skip('data', { total: 'total' }),
  getSurveys: skip('surveys', { total: 'total' }),
  searchUsers: skip('users', { total: 'count' }),
  taskSearch: skip('tasks', { in: 'body' }),
  filterUsersByEmail: skip('users', { in: 'body', total: 'count' }),

  // offset / limit
  getAgentStudioAgents: offset('agents', {
    hasMore: 'pagination.hasMore',
    total: 'pagination.total',
  }),
  getAgentsDeprecated: offset('agents', {
    hasMore: 'pagination.hasMore',
    total: 'pagination.total',
  }),
  getAllBlogAuthorsByLocation: offset('authors'),
  getAllCategoriesByLocation: offset('categories'),
  getBlogPost: offset('blogs'),
  getBrandBoardsByLocation: offset('brandBoards', { total: 'totalCount' }),
  getAppointmentNotes: offset('notes', { hasMore: 'hasMore' }),
  fetchCampaigns: offset('schedules'),
  listInvoiceTemplates: offset('data', { total: 'totalCount' }),
  listInvoiceSchedules: offset('schedules', { total: 'total' }),
  listEstimates: offset('estimates', { total: 'total' }),
  listEstimateTemplates: offset('data', { total: 'totalCount' }),
  listInvoices: offset('invoices', { total: 'total' }),
  listOrders: offset('data', { total: 'totalCount' }),
  listTransactions: offset('data', { total: 'totalCount' }),
  listSubscriptions: offset('data', { total: 'totalCount' }),
  listCoupons: offset('data', { total: 'totalCount' }),
  fetchMediaContent: offset('files'),
  listPricesForProduct: offset('prices', { total: 'total' }),
  getListInventory: offset('inventory'),
  getProductCollection: offset('data', { total: 'total' }),
  getProductReviews: offset('data', { total: 'total' }),
  listProducts: offset('products'),
  listShippingZones: offset('data', { total: 'total' }),
  listShippingRates: offset('data', { total: 'total' }),
}
