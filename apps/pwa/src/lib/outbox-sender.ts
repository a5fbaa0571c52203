import type { Client } from '@urql/core'
import type { Send } from './outbox.ts'
import { RecordProgressMutation, RequestToJoinMutation } from '@mutualis/schema/documents/outbox'

/** Sends one outbox item through the GraphQL client and hands back the raw answer. */
export function urqlSender(client: Client): Send {
  return async (item) => {
    if (item.kind === 'progress') {
      const result = await client.mutation(RecordProgressMutation, { input: item.input }).toPromise()
      return { networkError: result.error?.networkError, graphQLErrors: result.error?.graphQLErrors, payload: result.data?.recordProgress }
    }
    const result = await client.mutation(RequestToJoinMutation, { input: item.input }).toPromise()
    return { networkError: result.error?.networkError, graphQLErrors: result.error?.graphQLErrors, payload: result.data?.requestToJoin }
  }
}
