/** The committed PostgreSQL migrations, oldest first; `scripts/generate-migration.ts` rewrites this file. */
import { Initial1796157799968 } from "./1796157799968-Initial.js";

export const migrations: Function[] = [Initial1796157799968];
