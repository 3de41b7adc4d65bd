import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

/** The OpenAPI document at /docs (JSON at /docs-json): the HTTP contract as built. */
export function setUpOpenApi(app: INestApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Employer-contact tracker')
      .setDescription(
        'Employer contacts and client follow-up at NAV offices, as event-sourced commands, per-office views and audit replay. ' +
          'Errors are application/problem+json (RFC 9457). Any route that needs a token may answer 503 AUTH.UNAVAILABLE ' +
          "with Retry-After when the caller's offices or the issuer's keys cannot be fetched in time (never a wider access).",
      )
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
}
