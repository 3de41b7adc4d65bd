import { Module } from '@nestjs/common';
import { WebConfigController } from './web-config.controller.js';

/** The web app's sign-in settings; the built app itself is served by `serveWebApp`. */
@Module({ controllers: [WebConfigController] })
export class WebAppModule {}
