/** The committed PostgreSQL migrations, oldest first; `scripts/generate-migration.ts` rewrites this file. */
import { Initial1796156806682 } from "./1796156806682-Initial.js";

export const migrations: Function[] = [Initial1796156806682];
