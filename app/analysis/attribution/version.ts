// The sourcing engine's revision. Bump it with every change that alters what the engine finds: the golden
// snapshot (tests/fixtures/golden/sourcing.json) records the revision it was made with, and the suite fails
// when the snapshot changes while this number does not.
export const ENGINE_REVISION = 6;
