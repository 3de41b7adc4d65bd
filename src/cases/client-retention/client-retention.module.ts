import { Module } from '@nestjs/common';

/** The retention view has no route of its own: the clients area's retention job reads it. */
@Module({})
export class ClientRetentionModule {}
