import { defineConfig } from 'vite'
import solid from 'vite-plugin-solid'
import { VitePWA } from 'vite-plugin-pwa'

export default defineConfig({
  plugins: [
    solid(),
    VitePWA({
      // The app asks before switching versions: a mayor may be typing a note in a meeting.
      registerType: 'prompt',
      injectRegister: false,
      manifest: {
        id: '/',
        name: 'Mutualis — schéma de mutualisation',
        short_name: 'Mutualis',
        description: 'Les services partagés de votre intercommunalité, commune par commune, même sans réseau.',
        lang: 'fr',
        dir: 'ltr',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'portrait',
        theme_color: '#1d3f72',
        background_color: '#ffffff',
        categories: ['government', 'productivity'],
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,png,svg,webmanifest}'],
        navigateFallback: '/index.html',
        // GraphQL and its GraphiQL page belong to the server; the cache of data is graphcache's.
        navigateFallbackDenylist: [/^\/graphql/, /^\/rapport/, /^\/export\//],
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  server: { proxy: { '/graphql': 'http://localhost:4000' } },
  build: { target: 'es2022' },
})
