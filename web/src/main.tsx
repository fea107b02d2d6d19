import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { App as AntApp } from 'antd'
import { StrictMode, Suspense } from 'react'
import { createRoot } from 'react-dom/client'
import { ApiError } from './api/client'
import { App } from './app'
import { LanguageProvider } from './language'

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // Refusals and missing things do not get better by asking again.
      retry: (failures, error) => failures < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
      refetchOnWindowFocus: false,
    },
  },
})

const root = document.getElementById('root')
if (root === null) throw new Error('index.html has no #root')

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <LanguageProvider>
        <AntApp>
          <Suspense>
            <App />
          </Suspense>
        </AntApp>
      </LanguageProvider>
    </QueryClientProvider>
  </StrictMode>,
)
