/** Injection token of the views the admin routes know (`ViewDefinition[]`). */
export const ADMINISTERED_VIEWS = Symbol('ADMINISTERED_VIEWS');
