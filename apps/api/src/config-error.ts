/** A configuration mistake the person starting Mutualis can fix; shown as one line, without a stack. */
export class ConfigError extends Error {
  override name = 'ConfigError'
}
