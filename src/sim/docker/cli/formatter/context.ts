import { GoStruct, type GoFunc } from '../../../cli-kit/go-value'

/**
 * A docker/cli formatter context (`*formatter.imageContext`…) as a Go struct for templates: its
 * methods answer `{{.Name}}`, and `{{json .}}` marshals every method that takes no argument, by
 * name, as docker's formatter.MarshalJSON does (cli/command/formatter/reflect.go).
 */
export function formatterContext(
  typeName: string,
  methods: Readonly<Record<string, () => string>>,
  withArguments: Readonly<Record<string, GoFunc>> = {},
): GoStruct {
  return new GoStruct(
    typeName,
    {},
    { ...methods, ...withArguments },
    {
      json: () =>
        Object.fromEntries(
          Object.keys(methods)
            .sort()
            .map((name) => [name, methods[name]?.() ?? '']),
        ),
      jsonEscapesHTML: true,
    },
  )
}

/** Labels as `k=v` joined by commas, sorted (Go's map order is random; sorted is stable). */
export function joinLabels(labels: Readonly<Record<string, string>> | null): string {
  if (labels === null) return ''
  return Object.keys(labels)
    .sort()
    .map((k) => `${k}=${labels[k] ?? ''}`)
    .join(',')
}
