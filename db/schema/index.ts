export * from "./organisaties";
export * from "./gebruikers";
export * from "./markt";
export * from "./register";
export * from "./berichten";
export * from "./iwmo";
export * from "./resultaten";
