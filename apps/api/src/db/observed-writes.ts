import type { SqlDriverAdapter, SqlDriverAdapterFactory, SqlQuery, Transaction } from '@prisma/driver-adapter-utils'
import { answerEffect, mergeEffect, takeOpeningScope, written, type WriteEffect, type WriteScope } from './write-scopes.ts'

/**
 * Reports the writes the client sends, once they hold (write-scopes.ts). A statement outside any
 * transaction is reported when it has run; a transaction's writes when it has committed: to the
 * write scope it was opened in (a mutation, reported when the mutation ends), else to the listeners,
 * as made anywhere. Watching here rather than the client's query log gives each statement its
 * transaction, which the log does not tell.
 */
export function observedWrites<Factory extends SqlDriverAdapterFactory>(factory: Factory): Factory {
  const connect = factory.connect.bind(factory)
  factory.connect = async () => observed(await connect())
  return factory
}

const everywhere = { everywhere: true } as const

async function reported<T>(effect: WriteEffect, result: T): Promise<T> {
  if (effect !== 'none') await written(everywhere)
  return result
}

function observed(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const queryRaw = adapter.queryRaw.bind(adapter)
  const executeRaw = adapter.executeRaw.bind(adapter)
  const executeScript = adapter.executeScript.bind(adapter)
  const startTransaction = adapter.startTransaction.bind(adapter)
  return Object.assign(adapter, {
    queryRaw: async (query: SqlQuery) => reported(answerEffect(query.sql), await queryRaw(query)),
    executeRaw: async (query: SqlQuery) => reported(answerEffect(query.sql), await executeRaw(query)),
    executeScript: async (script: string) => reported('everything', await executeScript(script)),
    startTransaction: async (...args: Parameters<SqlDriverAdapter['startTransaction']>) => {
      const scope = takeOpeningScope()
      return observedTransaction(await startTransaction(...args), scope)
    },
  })
}

function observedTransaction(transaction: Transaction, scope: WriteScope | undefined): Transaction {
  let effect: WriteEffect = 'none'
  const note = (sql: string) => (effect = mergeEffect(effect, answerEffect(sql)))
  const queryRaw = transaction.queryRaw.bind(transaction)
  const executeRaw = transaction.executeRaw.bind(transaction)
  const commit = transaction.commit.bind(transaction)
  return Object.assign(transaction, {
    queryRaw: async (query: SqlQuery) => (note(query.sql), queryRaw(query)),
    executeRaw: async (query: SqlQuery) => (note(query.sql), executeRaw(query)),
    commit: async () => {
      await commit()
      if (scope) scope.effect = mergeEffect(scope.effect, effect)
      else await reported(effect, undefined)
    },
  })
}
