export * from './enums.ts'
export * from './labels.ts'
export * from './search-text.ts'
export * from './join.rules.ts'
