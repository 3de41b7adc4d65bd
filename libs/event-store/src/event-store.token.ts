/**
 * Dependency-injection token of the `EventStore` port. It lives beside the port, so whoever needs
 * the store (handlers, views, the projection engine) names the library, not the module that wires
 * an adapter in.
 */
export const EVENT_STORE = Symbol('EVENT_STORE');
