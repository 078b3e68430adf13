export { statusPageModule } from "./status-page.module.js";
