import { headOrTail } from './head'

/** GNU tail; see head.ts, which both share. `tail -f` follows only on a terminal. */
export const tail = headOrTail('tail')
