import type { SanctionedEntityView } from '@tracker/read-models/sanctioned-entity/sanctioned-entities.projection';
import { AddSanctionedEntityDto } from './add-sanctioned-entity/add-sanctioned-entity.dto';
import { ApiProperty } from '@nestjs/swagger';

/** An amendment of a listing. */
export class ListingAmendmentResponse {
  /** The details it changed, e.g. `["addresses"]`. */
  fields!: string[];
  /** The analyst's note. */
  note?: string;
  /** When the amendment was recorded. */
  recordedAt!: string;
}

/** A listing's removal: the delisting as published. */
export class ListingRemovalResponse {
  /** Day from which the entity is off the list, `YYYY-MM-DD`. */
  effectiveOn!: string;
  /** The rule that delisted it, e.g. "89 FR 51210". */
  federalRegisterCitation?: string;
  /** Why it was delisted. */
  reason?: string;
  /** When the removal was recorded. */
  recordedAt!: string;
}

/** A listed (or delisted) entity: the listing as last amended, and where and when it was stored. */
export class SanctionedEntityResponse extends AddSanctionedEntityDto implements SanctionedEntityView {
  /**
   * The entity's id.
   * @example "5d1e7a40-3b8c-4f2a-9e6d-0c7b1a2f4e85"
   */
  id!: string;
  /**
   * Its event stream, for `GET /v1/audit/streams/{streamId}`.
   * @example "sanctionedEntity-5d1e7a40-3b8c-4f2a-9e6d-0c7b1a2f4e85"
   */
  streamId!: string;
  /** `removed` once delisted; the timeline counts the removal on its `effectiveOn` day. */
  status!: SanctionedEntityView['status'];
  /** Stream revision of the version shown; send it as `If-Match` to change it. */
  revision!: number;
  /** When the listing entered the record. */
  recordedAt!: string;
  /** Other names the entity is known by. */
  declare aliases: string[];
  /** Sanctions programs, e.g. `EAR`, `RUSSIA-EO14024`. */
  declare programs: string[];
  /** Published addresses. */
  declare addresses: string[];
  /** Every amendment so far, oldest first. */
  amendments!: ListingAmendmentResponse[];
  /** Present once the entity is delisted. */
  removal?: ListingRemovalResponse;
}

// Optional in the request, always present once recorded (a `declare` field takes no decorator).
ApiProperty({ required: true })(SanctionedEntityResponse.prototype, 'aliases');
ApiProperty({ required: true })(SanctionedEntityResponse.prototype, 'programs');
ApiProperty({ required: true })(SanctionedEntityResponse.prototype, 'addresses');
