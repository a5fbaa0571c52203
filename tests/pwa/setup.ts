// DOM matchers (toBeVisible, toHaveTextContent…) for the component tests: they say what a user sees.
import '@testing-library/jest-dom/vitest'
