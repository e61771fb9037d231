/** The events table: LAST SEEN, TYPE, REASON, OBJECT `pod/web`, MESSAGE; wide adds SUBOBJECT, SOURCE, FIRST SEEN, COUNT, NAME. */
import { col, field, NAME_DESCRIPTION, num, rec, since, str, type Printer } from './table'

export const EVENT_PRINTER: Printer = {
  columns: [
    col(
      'Last Seen',
      'string',
      'The time at which the most recent occurrence of this event was recorded.',
    ),
    col(
      'Type',
      'string',
      'Type of this event (Normal, Warning), new types could be added in the future',
    ),
    col(
      'Reason',
      'string',
      "This should be a short, machine understandable string that gives the reason for the transition into the object's current status.",
    ),
    col('Object', 'string', 'The object that this event is about.'),
    col(
      'Subobject',
      'string',
      'If referring to a piece of an object instead of an entire object, this string should contain a valid JSON/Go field access statement, such as desiredState.manifest.containers[2]. For example, if the object reference is to a container within a pod, this would take on a value like: "spec.containers{name}" (where "name" refers to the name of the container that triggered the event) or if no container name is specified "spec.containers[2]" (container with index 2 in this pod). This syntax is chosen only to have some well-defined way of referencing a part of an object.',
      1,
    ),
    col(
      'Source',
      'string',
      'The component reporting this event. Should be a short machine understandable string.',
      1,
    ),
    col('Message', 'string', 'A human-readable description of the status of this operation.'),
    col(
      'First Seen',
      'string',
      'The time at which the event was first recorded. (Time of server receipt is in TypeMeta.)',
      1,
    ),
    col('Count', 'string', 'The number of times this event has occurred.', 1),
    col('Name', 'string', NAME_DESCRIPTION, 1, 'name'),
  ],
  row(o, nowMs) {
    const eventTime = o['eventTime']
    let first = since(o['firstTimestamp'], nowMs)
    if (typeof o['firstTimestamp'] !== 'string') first = since(eventTime, nowMs)
    let last = since(o['lastTimestamp'], nowMs)
    if (typeof o['lastTimestamp'] !== 'string') last = first
    let count = num(o['count'])
    const series = o['series']
    if (series !== undefined && series !== null) {
      last = since(field(series, 'lastObservedTime'), nowMs)
      count = num(field(series, 'count'))
    } else if (count === 0) count = 1
    const involved = rec(o['involvedObject'])
    const kind = str(involved['kind']).toLowerCase()
    const target = str(involved['name']) !== '' ? `${kind}/${str(involved['name'])}` : kind
    const component = str(field(o, 'source', 'component')) || str(o['reportingComponent'])
    const host = str(field(o, 'source', 'host')) || str(o['reportingInstance'])
    return {
      cells: [
        last,
        str(o['type']),
        str(o['reason']),
        target,
        str(involved['fieldPath']),
        host === '' ? component : `${component}, ${host}`,
        str(o['message']).trim(),
        first,
        count,
        o.metadata.name,
      ],
    }
  },
}
