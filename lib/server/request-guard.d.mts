import type { Server } from "node:http";

export { checkRequestTarget } from "./request-target.mjs";
export function guardRequests(server: Server): void;
export function guardEveryServer(): void;
