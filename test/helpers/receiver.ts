// The receiver is shared with the demo, which must not import from test/; it lives in
// examples/support and is re-exported here so tests keep importing it from their helpers.
export * from '../../examples/support/receiver.ts';
