/** The parameters of `pattern` (e.g. `/action/:id`) in `pathname`, or null when it does not match. */
export function matchRoute(pattern: string, pathname: string): Record<string, string> | null {
  const expected = pattern.split('/').filter(Boolean)
  const actual = pathname.split('/').filter(Boolean)
  if (expected.length !== actual.length) return null
  const params: Record<string, string> = {}
  for (let index = 0; index < expected.length; index++) {
    const part = expected[index]
    if (part.startsWith(':')) params[part.slice(1)] = decodeURIComponent(actual[index])
    else if (part !== actual[index]) return null
  }
  return params
}
