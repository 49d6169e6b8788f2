/** The location and company a call is about, when the call names them. */
export interface ResourceIds {
  locationId?: string
  companyId?: string
}

/**
 * Finds the location or company a call acts on: HighLevel counts rate
 * limits and issues OAuth tokens per resource. Looks in the per-call
 * options first (`{ locationId }` for calls whose parameters name none),
 * then the parameters (path and query), then a JSON body.
 *
 * @example
 * findResourceIds([undefined, { locationId: 'loc_1', limit: 10 }])
 * // { locationId: 'loc_1', companyId: undefined }
 */
export function findResourceIds(sources: readonly unknown[]): ResourceIds {
  const pick = (key: keyof ResourceIds, altType: string) => {
    for (const source of sources) {
      const values = source as Record<string, unknown> | undefined
      // Payments, invoices and products name their owner `altId` + `altType`.
      const value =
        values?.[key] ?? (values?.altType === altType ? values.altId : 0)
      if (typeof value === 'string' && value) return value
    }
    return undefined
  }
  return {
    locationId: pick('locationId', 'location'),
    companyId: pick('companyId', 'company'),
  }
}
