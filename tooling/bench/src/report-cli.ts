// Rebuilds results/README.md from the JSON files present.
import { rebuildReport } from './report.js';

console.log(rebuildReport());
