/**
 * What the docker and kubectl command implementations share to print exactly what the real
 * clients print: the pflag/cobra parser and help layouts, Go's tabwriter, text/template with fmt,
 * kubectl's JSONPath, docker/go-units and apimachinery durations, and docker's `--format` pipeline.
 * Everything here is pure: no host APIs, no clock, no randomness.
 */
export {
  dockerFlagError,
  FlagError,
  FlagSet,
  helpFlag,
  kubectlFlagError,
  listOpts,
  mapOpts,
  wordSepNormalize,
  type BuiltinFlagSpec,
  type CustomFlagSpec,
  type FlagErrorCode,
  type FlagErrorData,
  type FlagParseResult,
  type FlagParseSuccess,
  type FlagSetOptions,
  type FlagSpec,
  type FlagValues,
  type ResolvedFlag,
} from './flags'
export {
  flagUsagesWrapped,
  kubectlFlagUsages,
  kubectlWrapLimit,
  pflagWrap,
  unquoteUsage,
  wordWrap,
} from './flag-help'
export {
  parseNanoCPUs,
  readCsvRecord,
  writeCsvRecord,
  type BuiltinFlagType,
  type BuiltinFlagValues,
} from './flag-values'
export {
  DOCKER_TABWRITER,
  eastAsianWidth,
  KUBECTL_TABWRITER,
  runeCount,
  tabwrite,
  Tabwriter,
  type TabwriterOptions,
} from './tabwriter'
export {
  DOCKER_FUNCS,
  DOCKER_HEADER_FUNCS,
  executeTemplate,
  GoTemplate,
  KUBECTL_FUNCS,
  TemplateError,
  type ExecuteResult,
  type GoTemplateOptions,
  type TemplateErrorCode,
} from './go-template'
export {
  fromJSON,
  goFloat64,
  GoError,
  GoFunc,
  goInt64,
  GoNumber,
  GoStruct,
  goTyped,
  kindOf,
  typeNameOf,
  type GoKind,
  type GoNumberKind,
  type GoStructOptions,
  type GoValue,
} from './go-value'
export { formatValue, JSONError, marshalJSON, sprint, sprintf, sprintln } from './go-fmt'
export {
  formatFloat,
  parseBool,
  parseFloat,
  parseInt,
  parseUint,
  quote,
  quoteRune,
  unquote,
  type ParseOutcome,
} from './go-strconv'
export {
  bytesSize,
  fromHumanSize,
  goDurationString,
  humanDuration,
  humanSize,
  humanSizeWithPrecision,
  kubeHumanDuration,
  kubeShortHumanDuration,
  parseGoDuration,
  ramInBytes,
} from './go-units'
export {
  JSONPath,
  kubectlJSONPathError,
  type JSONPathError,
  type JSONPathErrorKind,
  type JSONPathOptions,
} from './jsonpath'
export { dockerFormat, dockerPreFormat, type DockerFormatResult } from './docker-format'
