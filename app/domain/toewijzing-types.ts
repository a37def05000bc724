/**
 * The toewijzing's shape, shared by the export formats (JSON/CSV, WMO301, OCDS) without
 * their importing one another in a circle. The type itself is described once, next to
 * the table that stores it.
 */
export type { ToewijzingComponent, ToewijzingExport, ToewijzingLid } from "../../db/schema/toewijzing-snapshot";
