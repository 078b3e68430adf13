// The server entry answers /readyz itself; under `astro dev` it is the same answer as /healthz.
export { GET } from "./healthz";
