import { loadConfig, type RuntimeConfig } from '../config/index.js';
import { WebConfigController } from './web-config.controller.js';

const production = {
  AUTH_MODE: 'claims',
  OIDC_ISSUER: 'https://issuer.example/',
  OIDC_AUDIENCE: 'tracker',
  OIDC_JWKS_URL: 'https://issuer.example/jwks',
  CLIENT_REF_SECRET: 'x'.repeat(32),
};
const webConfigOf = (env: Record<string, string>) =>
  new WebConfigController({ ...loadConfig(env), databaseUrl: 'postgres://unused', clientRefSecret: 'unused' } as RuntimeConfig).get();

describe('the web app sign-in settings', () => {
  it('says dev in dev mode, and nothing more', () => {
    expect(webConfigOf({})).toEqual({ authMode: 'dev' });
  });

  it('gives the issuer, client id and scope in claims mode', () => {
    expect(webConfigOf({ ...production, OIDC_CLIENT_ID: 'tracker-web', OIDC_SCOPE: 'openid api://tracker/.default' })).toEqual({
      authMode: 'oidc',
      issuer: 'https://issuer.example/',
      clientId: 'tracker-web',
      scope: 'openid api://tracker/.default',
    });
  });

  it('signs in as the API audience with the openid scope when no client id or scope is given', () => {
    expect(webConfigOf(production)).toEqual({ authMode: 'oidc', issuer: 'https://issuer.example/', clientId: 'tracker', scope: 'openid' });
  });
});
