/** Every frozen version's sheet starts so: "Version 2024-05-01". */
export const VERSION_PREFIX = "Version ";
