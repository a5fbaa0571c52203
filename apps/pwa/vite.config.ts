import { defineConfig } from 'vite'
import solid from 'vite-plugin-solid'

export default defineConfig({
  plugins: [solid()],
  server: { proxy: { '/graphql': 'http://localhost:4000' } },
  build: { target: 'es2022' },
})
