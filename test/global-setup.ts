// Runs once before the suites. Nothing to prepare yet for pure tests; the
// browser suite builds the client itself when it needs it.
export default function setup(): void {}
