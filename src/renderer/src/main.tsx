import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { loadHost } from './host'
import './styles.css'

const root = document.getElementById('root')
if (root === null) throw new Error('index.html has no #root element')

loadHost()
  .then((host) =>
    createRoot(root).render(
      <StrictMode>
        <App host={host} />
      </StrictMode>,
    ),
  )
  .catch((error: unknown) => {
    console.error('[quai] the session host could not start', error)
    root.textContent = 'Quai n’a pas pu démarrer la session.'
  })
