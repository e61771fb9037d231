// Opens a URL in the default browser when the system has a way to; silent when it has none.
import { spawn } from 'node:child_process'

function opener(url) {
  if (process.platform === 'darwin') return ['open', [url], {}]
  // `start` is a cmd built-in; its first quoted argument is a window title.
  if (process.platform === 'win32')
    return ['cmd', ['/c', 'start', '""', url], { windowsVerbatimArguments: true }]
  return ['xdg-open', [url], {}]
}

export function openBrowser(url) {
  const [command, args, options] = opener(url)
  try {
    const child = spawn(command, args, { ...options, detached: true, stdio: 'ignore' })
    child.on('error', () => undefined)
    child.unref()
  } catch {
    // No opener on this system: the printed URL is enough.
  }
}
