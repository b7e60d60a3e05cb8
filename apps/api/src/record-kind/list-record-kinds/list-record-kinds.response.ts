/** One kind of record, as clients such as the dashboard show it. */
export class RecordKindView {
  /** The kind's name, as feed items and filters give it (e.g. `sanctioned-entity`). */
  kind!: string;
  /** How one record of the kind is called (e.g. `Listing`). */
  label!: string;
  /** Stream category: the kind's records are the streams `<category>-<id>`. */
  category!: string;
  /** Where its records are listed and recorded: `/v1/<collection>`. */
  collection!: string;
}

/** Every kind of record the tracker keeps, in the manifest's order. */
export class RecordKindsResponse {
  items!: RecordKindView[];
}
