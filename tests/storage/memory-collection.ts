import type { Document } from 'mongodb'
import type { MongoCollectionLike } from '../../src/storage/mongodb'

/**
 * An in-memory stand-in for a MongoDB driver `Collection`, covering only
 * the calls the adapter makes, with MongoDB's semantics for them: unique
 * indexes refuse duplicates with error code 11000, `replaceOne` refuses
 * update operators, filters support equality, `$regex`, `$lte`, `$lt`,
 * `$gte`, `$gt`, `$exists`, and anything else throws rather than being
 * silently ignored. It is not a MongoDB server: the adapter is not yet
 * proven against one.
 */
export function createMemoryCollection() {
  const documents: Document[] = []
  const uniqueIndexes: string[][] = []
  const indexes: { keys: Document; options?: Document }[] = []
  let nextId = 1

  const matchesValue = (actual: unknown, expected: unknown): boolean => {
    if (expected instanceof Date) {
      return actual instanceof Date && actual.getTime() === expected.getTime()
    }
    if (
      expected !== null &&
      typeof expected === 'object' &&
      !Array.isArray(expected)
    ) {
      return Object.entries(expected).every(([operator, operand]) => {
        const value = actual as number | Date
        const other = operand as number | Date
        switch (operator) {
          case '$regex':
            return (
              typeof actual === 'string' &&
              new RegExp(operand as string).test(actual)
            )
          case '$lte':
            return actual !== undefined && value <= other
          case '$lt':
            return actual !== undefined && value < other
          case '$gte':
            return actual !== undefined && value >= other
          case '$gt':
            return actual !== undefined && value > other
          case '$exists':
            return (actual !== undefined) === operand
          default:
            throw new Error(`memory collection: unsupported ${operator}`)
        }
      })
    }
    return actual === expected
  }
  const matches = (document: Document, filter: Document) =>
    Object.entries(filter).every(([field, expected]) =>
      matchesValue(document[field], expected),
    )
  const checkUnique = (candidate: Document, except?: Document) => {
    for (const fields of uniqueIndexes) {
      const clash = documents.find(
        (document) =>
          document !== except &&
          fields.every((field) => document[field] === candidate[field]),
      )
      if (clash) {
        throw Object.assign(new Error('E11000 duplicate key error'), {
          code: 11000,
        })
      }
    }
  }
  const copy = <T>(value: T): T => structuredClone(value)

  const collection = {
    async createIndex(keys: Document, options?: Document) {
      indexes.push({ keys, options })
      if (options?.unique) uniqueIndexes.push(Object.keys(keys))
      return Object.keys(keys).join('_')
    },
    async findOne(filter: Document) {
      const found = documents.find((document) => matches(document, filter))
      return found ? copy(found) : null
    },
    find(filter: Document, options?: { projection?: Document }) {
      return {
        async toArray() {
          return documents
            .filter((document) => matches(document, filter))
            .map((document) => {
              if (!options?.projection) return copy(document)
              const fields = ['_id', ...Object.keys(options.projection)]
              return Object.fromEntries(
                fields.map((field) => [field, document[field]]),
              )
            })
        },
      }
    },
    async replaceOne(
      filter: Document,
      replacement: Document,
      options?: { upsert?: boolean },
    ) {
      if (Object.keys(replacement).some((key) => key.startsWith('$'))) {
        throw new Error(
          'Replacement document must not contain atomic operators',
        )
      }
      const index = documents.findIndex((document) => matches(document, filter))
      if (index >= 0) {
        const next = { ...copy(replacement), _id: documents[index]._id }
        checkUnique(next, documents[index])
        documents[index] = next
        return { matchedCount: 1, modifiedCount: 1, upsertedCount: 0 }
      }
      if (!options?.upsert) return { matchedCount: 0, modifiedCount: 0 }
      const inserted = { _id: nextId++, ...copy(replacement) }
      checkUnique(inserted)
      documents.push(inserted)
      return { matchedCount: 0, modifiedCount: 0, upsertedCount: 1 }
    },
    async insertOne(document: Document) {
      const inserted = { _id: nextId++, ...copy(document) }
      checkUnique(inserted)
      documents.push(inserted)
      return { acknowledged: true, insertedId: inserted._id }
    },
    async deleteOne(filter: Document) {
      const index = documents.findIndex((document) => matches(document, filter))
      if (index >= 0) documents.splice(index, 1)
      return { deletedCount: index >= 0 ? 1 : 0 }
    },
    async deleteMany(filter: Document) {
      const before = documents.length
      for (let index = documents.length - 1; index >= 0; index--) {
        if (matches(documents[index], filter)) documents.splice(index, 1)
      }
      return { deletedCount: before - documents.length }
    },
  }
  return {
    collection: collection as unknown as MongoCollectionLike,
    documents,
    indexes,
  }
}
