import { useOnResolve } from '@envelop/on-resolve'
import type { Plugin } from 'graphql-yoga'
import { GraphQLError } from 'graphql'
import { requestLimits } from '../request-limits.ts'

interface Budget {
  resolved: number
  deadline: number
  /** Once over, every later resolution fails too: no field is computed after the ceiling. */
  over: boolean
}

/**
 * The hard ceiling behind the complexity estimate, for whatever the estimate did not foresee: an
 * execution that has resolved too many values, or run too long, stops and answers an error instead
 * of holding the machine. Counted per field resolution; the clock is read every 64 of them.
 */
export function useExecutionCeiling(limits: { resolvedValues: number; executionMs: number } = requestLimits): Plugin {
  const budgets = new WeakMap<object, Budget>()
  // An answer like any execution error (HTTP 200): the server is well, this request asked too much.
  const exceeded = () =>
    new GraphQLError(
      `Requête interrompue : elle dépassait ${limits.resolvedValues.toLocaleString('fr-FR')} valeurs ou ${limits.executionMs / 1000} s de calcul. Paginez ou demandez moins de champs.`,
      { extensions: { code: 'EXECUTION_LIMIT' } },
    )
  return {
    onPluginInit({ addPlugin }) {
      addPlugin(
        useOnResolve(({ context }) => {
          const budget = budgets.get(context)
          if (!budget) return
          budget.resolved++
          if (budget.over || budget.resolved > limits.resolvedValues || ((budget.resolved & 63) === 0 && performance.now() > budget.deadline)) {
            budget.over = true
            throw exceeded()
          }
        }),
      )
    },
    onExecute({ args }) {
      budgets.set(args.contextValue, { resolved: 0, deadline: performance.now() + limits.executionMs, over: false })
    },
  }
}
