/**
 * The describer contract: one function per kind that reads the object (and what the real
 * describer fetches alongside it) through the API, and returns the text or the API's error.
 */
import { err, ok, type Result } from '../../../core/errors'
import type { KubeObject } from '../../api/object'
import type { ResourceType } from '../../api/resources'
import type { ApiError } from '../../api/status'
import type { DescribeContext } from './client'

export type Describer = (
  ctx: DescribeContext,
  t: ResourceType,
  namespace: string,
  name: string,
) => Result<string, ApiError>

/** Reads the object, then formats it with `format` (the usual describer shape). */
export function describing<T = KubeObject>(
  format: (object: T, ctx: DescribeContext) => string,
): Describer {
  return (ctx, t, namespace, name) => {
    const got = ctx.client.get(t, namespace, name)
    if (!got.ok) return err(got.error)
    return ok(format(got.value as T, ctx))
  }
}
