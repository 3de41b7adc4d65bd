export const TOKEN_VERIFIER = Symbol('TOKEN_VERIFIER');
export const DEV_KEYS = Symbol('DEV_KEYS');
