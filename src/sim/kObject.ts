// An API object as the sim holds it: plain JSON, treated structurally (the sim shares no Pod
// type with the client on purpose, see README.md). Its own file because the store, the
// selectors and the handlers all speak it.
export type KObject = Record<string, any> & { metadata?: Record<string, any> };
