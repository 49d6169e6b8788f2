/** A parameter or form value as text: dates in ISO form, objects as JSON. */
export function formatValue(value: unknown): string {
  if (value instanceof Date) return value.toISOString()
  if (typeof value === 'object' && value !== null) return JSON.stringify(value)
  return String(value)
}
