/**
 * Stand-alone entry of the city-transfer command until `gvc study` forwards its flags:
 *   npx tsx src/study/city-transfer/main.ts --synthetic tiny --seed 7 --noise 0 --out r1
 * (same flags and exit statuses as cli.ts / spec §6.1).
 */
import { cityTransferMain } from './cli.js';

process.exitCode = await cityTransferMain(process.argv.slice(2));
