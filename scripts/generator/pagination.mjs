// How each paginated operation pages, keyed by root function name. The
// generator copies an entry into that operation's metadata as its
// `pagination` field: a string is emitted as a TypeScript expression,
// anything else as JSON. Empty until pagination support is designed.
export default {}
